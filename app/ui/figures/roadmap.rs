//! The Features and roadmap tab: the API bill ranked by feature with those behind 80% of it
//! named (a Pareto bar), each feature's answer, what the mix costs against every feature on one
//! option, and the timeline of when each feature should move. It reads the whole scenario's
//! portfolio and computes nothing.

use breakeven_model::engine::Phase;
use breakeven_model::format::usd_cents;
use breakeven_model::portfolio::{Portfolio, Stage};
use breakeven_model::report::features::{NINETY_DAYS, first_move_to_a_model_of_ones_own};
use egui::{Color32, RichText, Ui};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;

use crate::chart_style::colour;

/// The height of a feature's row in the timeline and the Pareto bar, in points.
const ROW: f32 = 26.0;

/// `colour` mixed with the background: `share` of the colour kept.
fn lighter(colour: Color32, background: Color32, share: f32) -> Color32 {
    colour.lerp_to_gamma(background, 1.0 - share)
}

fn stage_colour(stage: Stage, background: Color32) -> Color32 {
    match stage {
        Stage::On(p) => colour(p),
        Stage::Building { to, .. } => lighter(colour(to), background, 0.3),
        Stage::Shadow { to, .. } => lighter(colour(to), background, 0.6),
    }
}

/// The tab: the whole scenario's `portfolio`.
pub fn roadmap_ui(ui: &mut Ui, portfolio: &Portfolio) {
    egui::ScrollArea::vertical()
        .id_salt("roadmap")
        .show(ui, |ui| {
            summary_ui(ui, portfolio);
            ui.add_space(8.0);
            ui.label(RichText::new("When each feature should move").strong());
            timeline_ui(ui, portfolio);
            moves_ui(ui, portfolio);
            if portfolio.features.len() > 1 {
                ui.add_space(8.0);
                ui.label(RichText::new("The API bill by feature").strong());
                pareto_ui(ui, portfolio);
                ui.add_space(8.0);
                mix_ui(ui, portfolio);
            }
        });
}

fn summary_ui(ui: &mut Ui, portfolio: &Portfolio) {
    let count = portfolio.features.len();
    let text = match portfolio.saving_cents() {
        _ if count == 1 => format!(
            "One feature, {}: add the product's other features under Features, each with its own traffic and API model, for a roadmap of all of them.",
            portfolio.features[0].name
        ),
        Ok(saving) if saving > Decimal::ZERO => format!(
            "{count} features, each on its own option: {} a month, {} less than every feature on the API.",
            portfolio.mix_cents().map(usd_cents).unwrap_or_default(),
            usd_cents(saving)
        ),
        Ok(saving) if saving < Decimal::ZERO => format!(
            "{count} features, each on its own option: {} a month, {} more than every feature on the API, for the reasons each gives.",
            portfolio.mix_cents().map(usd_cents).unwrap_or_default(),
            usd_cents(saving.abs())
        ),
        _ => format!("{count} features, every one on the API today."),
    };
    ui.label(text);
}

/// A row a feature, a cell a month coloured by where the plan has it, a mark where a move goes
/// live; hovering a row says its moves.
fn timeline_ui(ui: &mut Ui, portfolio: &Portfolio) {
    let roadmap = &portfolio.roadmap;
    let months = roadmap.months.max(1);
    let names_width = 170.0_f32.min(ui.available_width() * 0.3);
    let rows = roadmap.rows.len();
    #[expect(clippy::cast_precision_loss, reason = "a few features")]
    let height = ROW * rows as f32 + 24.0;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let background = ui.visuals().extreme_bg_color;
    let text = ui.visuals().text_color();
    let left = rect.left() + names_width;
    #[expect(clippy::cast_precision_loss, reason = "120 months at most")]
    let month_width = (rect.right() - left - 8.0) / months as f32;
    #[expect(clippy::cast_precision_loss, reason = "120 months at most")]
    let x_of = |month: u32| left + month.saturating_sub(1) as f32 * month_width;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    for (r, row) in roadmap.rows.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a few features")]
        let top = rect.top() + r as f32 * ROW;
        painter.text(
            egui::pos2(rect.left(), top + ROW / 2.0),
            egui::Align2::LEFT_CENTER,
            &row.name,
            font.clone(),
            text,
        );
        for (first, last, stage) in row.runs() {
            let cell = egui::Rect::from_min_max(
                egui::pos2(x_of(first), top + 4.0),
                egui::pos2(x_of(last) + month_width, top + ROW - 4.0),
            );
            painter.rect_filled(cell, 0.0, stage_colour(stage, background));
        }
        for m in row.moves.iter().filter(|m| m.live <= months) {
            let x = x_of(m.live);
            painter.line_segment(
                [egui::pos2(x, top + 1.0), egui::pos2(x, top + ROW - 1.0)],
                egui::Stroke::new(2.5, text),
            );
        }
    }
    #[expect(clippy::cast_precision_loss, reason = "a few features")]
    let axis = rect.top() + ROW * rows as f32 + 2.0;
    let step = if months > 60 { 12 } else { 6 };
    let mut month = 1;
    while month <= months {
        painter.text(
            egui::pos2(x_of(month), axis),
            egui::Align2::LEFT_TOP,
            format!("{month}"),
            small.clone(),
            ui.visuals().weak_text_color(),
        );
        month = if month == 1 {
            step
        } else {
            month.saturating_add(step)
        };
    }
    let hovered = response.hover_pos().and_then(|p| {
        let r = ((p.y - rect.top()) / ROW).floor();
        r.to_usize().and_then(|r| roadmap.rows.get(r))
    });
    if let Some(row) = hovered {
        response.on_hover_ui(|ui| {
            ui.label(RichText::new(&row.name).strong());
            if row.moves.is_empty() {
                ui.label("Stays on the API over the horizon.");
            }
            for m in &row.moves {
                ui.label(m.in_full());
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        for phase in Phase::ALL {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, colour(phase));
            ui.label(RichText::new(phase.label()).small());
        }
        ui.label(
            RichText::new("lighter: building, then beside the API; a line: the move goes live")
                .small()
                .weak(),
        );
    });
}

fn moves_ui(ui: &mut Ui, portfolio: &Portfolio) {
    let moves = portfolio.roadmap.moves();
    if moves.is_empty() {
        ui.label(format!(
            "Every feature stays on the API over the {} months: no month's traffic and prices make another option the answer.",
            portfolio.roadmap.months
        ));
        return;
    }
    for m in &moves {
        ui.label(format!("• {}", m.in_full()));
    }
    if let Some(first) = first_move_to_a_model_of_ones_own(portfolio) {
        egui::CollapsingHeader::new(format!("The 90-day plan before {}'s move", first.name))
            .id_salt("ninety-days")
            .show(ui, |ui| {
                for step in NINETY_DAYS {
                    ui.label(step);
                }
                ui.label(
                    RichText::new(
                        "From \"Build vs Buy: Should we fine-tune an open-source LLM or use OpenAI APIs?\".",
                    )
                    .small()
                    .weak(),
                );
            });
    }
}

/// The features by API bill, largest first: a bar each, coloured by its recommended option,
/// and a line under the features behind 80% of the bill.
fn pareto_ui(ui: &mut Ui, portfolio: &Portfolio) {
    let rows = portfolio.pareto();
    let largest = rows
        .first()
        .map_or(0.0, |r| r.spend.to_f64().unwrap_or(0.0));
    egui::Grid::new("pareto")
        .num_columns(3)
        .spacing(egui::vec2(12.0, 4.0))
        .show(ui, |ui| {
            for row in &rows {
                let Some(f) = portfolio.features.get(row.feature) else {
                    continue;
                };
                let name = RichText::new(&f.name);
                ui.label(if row.behind_80 { name.strong() } else { name });
                // A plotted length, in points: the only floating point here.
                #[expect(clippy::cast_possible_truncation, reason = "a bar's length")]
                let length = if largest > 0.0 {
                    (row.spend.to_f64().unwrap_or(0.0) / largest) as f32
                } else {
                    0.0
                };
                let width = 220.0_f32;
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(width, ROW - 8.0), egui::Sense::hover());
                ui.painter().rect_filled(
                    egui::Rect::from_min_size(rect.min, egui::vec2(width * length, rect.height())),
                    2.0,
                    colour(f.phase()),
                );
                ui.label(format!("{} · {}", row.words(), f.phase().label()));
                ui.end_row();
            }
        });
    let behind = portfolio.pareto_names();
    if behind.len() < portfolio.features.len() {
        ui.label(
            RichText::new(format!(
                "In bold, the features behind 80% of the bill: {}. Move those first (\"Build vs Buy: Should we fine-tune an open-source LLM or use OpenAI APIs?\").",
                behind.join(", ")
            ))
            .small(),
        );
    }
}

/// Each feature on its own option against every feature on one option: each feature's own
/// part, the shared costs counted once, the total.
fn mix_ui(ui: &mut Ui, portfolio: &Portfolio) {
    ui.label(RichText::new("Each feature on its own option, shared costs once").strong());
    egui::Grid::new("portfolio")
        .num_columns(4)
        .striped(true)
        .spacing(egui::vec2(16.0, 4.0))
        .show(ui, |ui| {
            for header in ["", "Features", "Shared, once", "USD/month"] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            let name = |i: &usize| {
                portfolio
                    .features
                    .get(*i)
                    .map_or(String::new(), |f| f.name.clone())
            };
            for group in &portfolio.mix {
                let Ok(cents) = group.cents() else { continue };
                ui.label(RichText::new(group.phase.label()).color(colour(group.phase)));
                ui.label(
                    group
                        .features
                        .iter()
                        .map(name)
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                ui.label(usd_cents(cents.shared));
                ui.label(usd_cents(cents.total));
                ui.end_row();
            }
            if !portfolio.mix_account.is_zero() {
                ui.label("The API account, once");
                ui.label("its people, fees, build, committed minimum");
                ui.label(usd_cents(portfolio.mix_account));
                ui.label(usd_cents(portfolio.mix_account));
                ui.end_row();
            }
            ui.label(RichText::new("The mix").strong());
            ui.label("");
            ui.label("");
            ui.label(
                RichText::new(portfolio.mix_cents().map(usd_cents).unwrap_or_default()).strong(),
            );
            ui.end_row();
            for group in &portfolio.all_on {
                let Ok(cents) = group.cents() else { continue };
                ui.label(
                    RichText::new(format!("All on {}", group.phase.label()))
                        .color(colour(group.phase)),
                );
                ui.label("every feature");
                ui.label(usd_cents(cents.shared));
                ui.label(usd_cents(cents.total));
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(
            "A team and its instances serve every feature moved to them: their cost is counted once, and the instances are sized for the sum of those features' peaks.",
        )
        .small()
        .weak(),
    );
}
