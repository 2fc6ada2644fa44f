//! The "How sure" tab: what the Monte Carlo found for the scenario on screen, as it arrives. The
//! chance each option is recommended and is cheapest, each option's figures as p10 / p50 / p90,
//! the inputs the answer hangs on as bars, and where the options cross. It reads the estimate
//! and draws; the sampling runs elsewhere.

use breakeven_model::format::{group_thousands, tokens_short};
use breakeven_model::phase::Phase;
use breakeven_model::scenario::input_label;
use breakeven_model::uncertainty::Uncertainty;
use egui::{RichText, Ui};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;

use crate::chart_style::colour;
use crate::state::sampling::Estimate;
use breakeven_model::report::how_sure::{chance, month_band as months, usd_band as band};

/// The tab: `estimate` as far as it has come, `progress` while samples are being drawn, and
/// `revision` the version on screen (an estimate of an earlier one is shown dimmed).
pub fn sure_ui(
    ui: &mut Ui,
    estimate: Option<&Estimate>,
    progress: Option<(u32, u32)>,
    revision: u64,
) {
    egui::ScrollArea::vertical().id_salt("how-sure").show(ui, |ui| {
        if let Some((done, total)) = progress {
            let share = if total == 0 { 0.0 } else { f64::from(done) / f64::from(total) };
            #[expect(clippy::cast_possible_truncation, reason = "a share from 0 to 1, for a bar")]
            let bar = egui::ProgressBar::new(share as f32).text(format!(
                "Sampling: {} of {}",
                group_thousands(done.into()),
                group_thousands(total.into())
            ));
            ui.add(bar);
        }
        let Some(estimate) = estimate else {
            if progress.is_none() {
                ui.label(
                    "Every input is certain, so every figure is exact. Type a range into any field \
                     you are unsure of (2 to 9, 5 ± 3 or 5 ± 20%): this tab then samples the ranges \
                     through the whole model and shows how sure the answer is.",
                );
            }
            return;
        };
        if estimate.revision != revision {
            ui.label(RichText::new("Of the scenario before your last edit: new samples are on the way.").weak());
            ui.multiply_opacity(0.5);
        }
        contents_ui(ui, &estimate.uncertainty, estimate.refining);
    });
}

fn contents_ui(ui: &mut Ui, u: &Uncertainty, refining: bool) {
    let inputs: Vec<String> = u.inputs.iter().map(|p| input_label(p)).collect();
    ui.label(format!(
        "{} samples (seed {}){} of the {} input{} given as ranges: {}. A range is the input's 90% interval around its most likely value.",
        group_thousands(u.samples.into()),
        u.seed,
        if refining { ", a first estimate" } else { "" },
        inputs.len(),
        if inputs.len() == 1 { "" } else { "s" },
        inputs.join(", ")
    ));
    ui.add_space(8.0);
    chances_ui(ui, u);
    ui.add_space(8.0);
    bands_ui(ui, u);
    drivers_ui(ui, u);
    saving_ui(ui, u);
    ui.add_space(8.0);
    crossings_ui(ui, u);
}

fn chances_ui(ui: &mut Ui, u: &Uncertainty) {
    ui.label(RichText::new("The chance of each option").strong());
    egui::Grid::new("how-sure-chances")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("Option");
            ui.label("Recommended");
            ui.label("Cheapest over the horizon");
            ui.end_row();
            for (phase, recommended) in &u.p_recommended {
                ui.label(RichText::new(phase.label()).color(colour(*phase)));
                share_bar(ui, *recommended, colour(*phase));
                share_bar(ui, u.chance_cheapest(*phase), colour(*phase));
                ui.end_row();
            }
        });
}

fn bands_ui(ui: &mut Ui, u: &Uncertainty) {
    ui.label(RichText::new("Each option's figures, p10 / p50 / p90").strong());
    let on_table: Vec<Phase> = u.p_recommended.iter().map(|(p, _)| *p).collect();
    egui::ScrollArea::horizontal()
        .id_salt("how-sure-bands")
        .show(ui, |ui| {
            egui::Grid::new("how-sure-bands-grid")
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for heading in [
                        "Option",
                        "Monthly cost",
                        "Cash over the horizon",
                        "Pays back against Buy",
                    ] {
                        ui.label(heading);
                    }
                    ui.end_row();
                    for o in u.options.iter().filter(|o| on_table.contains(&o.phase)) {
                        ui.label(RichText::new(o.phase.label()).color(colour(o.phase)));
                        ui.label(band(&o.monthly));
                        ui.label(band(&o.horizon_cash));
                        ui.label(if o.phase == Phase::Buy {
                            String::new()
                        } else {
                            months(&o.payback_month)
                        });
                        ui.end_row();
                    }
                });
        });
}

fn drivers_ui(ui: &mut Ui, u: &Uncertainty) {
    if !u.drivers.is_empty() {
        ui.add_space(8.0);
        let [first, second] = u.leading;
        ui.label(
            RichText::new(format!(
                "What the difference between {} and {} hangs on",
                first.label(),
                second.label()
            ))
            .strong(),
        );
        ui.label(
            RichText::new(
                "Each input's share of the spread of the cash difference over the horizon.",
            )
            .weak(),
        );
        egui::Grid::new("how-sure-drivers")
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for d in &u.drivers {
                    ui.label(input_label(&d.input));
                    share_bar(ui, d.share, ui.visuals().selection.bg_fill);
                    ui.end_row();
                }
            });
    }
}

fn crossings_ui(ui: &mut Ui, u: &Uncertainty) {
    ui.label(RichText::new("Where the options cross").strong());
    for b in &u.break_evens {
        let [a, c] = b.options;
        let text = match &b.volume {
            Some(v) => format!(
                "{} and {}: {} / {} / {} tokens a month, in {} of samples",
                a.label(),
                c.label(),
                tokens_short(v.p10),
                tokens_short(v.p50),
                tokens_short(v.p90),
                chance(b.share_in_range)
            ),
            None => format!("{} and {}: no crossing in any sample", a.label(), c.label()),
        };
        ui.label(text);
    }
}

/// The distribution of the cash difference between the two leading options, as a histogram of
/// the samples, with zero marked: where most of the bars are is what to expect.
fn saving_ui(ui: &mut Ui, u: &Uncertainty) {
    let [first, second] = u.leading;
    let (Some(&low), Some(&high)) = (u.saving.first(), u.saving.last()) else {
        return;
    };
    if first == second || !(low.is_finite() && high.is_finite()) {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{} less {} in cash over the horizon, across the samples",
            second.label(),
            first.label()
        ))
        .strong(),
    );
    let bins = 30_usize;
    let span = (high - low).max(f64::EPSILON);
    let mut counts = vec![0_u32; bins];
    for v in &u.saving {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "a bin index from 0 to 29"
        )]
        let bin = (((v - low) / span) * bins as f64).floor().max(0.0) as usize;
        if let Some(count) = counts.get_mut(bin.min(bins - 1)) {
            *count = count.saturating_add(1);
        }
    }
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(520.0), 90.0),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    #[expect(clippy::cast_precision_loss, reason = "30 bins")]
    let width = rect.width() / bins as f32;
    for (i, count) in counts.iter().enumerate() {
        #[expect(
            clippy::cast_precision_loss,
            reason = "counts of samples, for a bar's height"
        )]
        let height = rect.height() * (*count as f32 / most as f32);
        #[expect(clippy::cast_precision_loss, reason = "30 bins")]
        let left = rect.left() + width * i as f32;
        let bar = egui::Rect::from_min_max(
            egui::pos2(left + 1.0, rect.bottom() - height),
            egui::pos2(left + width - 1.0, rect.bottom()),
        );
        painter.rect_filled(bar, 0.0, colour(second).gamma_multiply(0.8));
    }
    if low < 0.0 && high > 0.0 {
        #[expect(clippy::cast_possible_truncation, reason = "a position on screen")]
        let x = rect.left() + rect.width() * ((-low / span) as f32);
        painter.vline(
            x,
            rect.y_range(),
            egui::Stroke::new(1.5, ui.visuals().strong_text_color()),
        );
    }
    let cheaper = u.saving.iter().filter(|v| **v < 0.0).count();
    #[expect(clippy::cast_precision_loss, reason = "counts of samples")]
    let share = cheaper as f64 / u.saving.len().max(1) as f64;
    ui.label(format!(
        "From {} to {}; {} is cheaper in {:.0}% of samples (left of the line).",
        breakeven_model::format::usd_short(
            rust_decimal::Decimal::from_f64_retain(low).unwrap_or_default()
        ),
        breakeven_model::format::usd_short(
            rust_decimal::Decimal::from_f64_retain(high).unwrap_or_default()
        ),
        second.label(),
        share * 100.0
    ));
}

/// A share from 0 to 1 as a bar with its percentage.
fn share_bar(ui: &mut Ui, share: Decimal, fill: egui::Color32) {
    let fraction = share.to_f32().unwrap_or(0.0).clamp(0.0, 1.0);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(160.0, 14.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
        let mut filled = rect;
        filled.set_width(rect.width() * fraction);
        ui.painter().rect_filled(filled, 2.0, fill);
        ui.label(chance(share));
    });
}
