//! Each option's monthly cost at the scenario's volume, line by line, as the report lists it:
//! what a CFO adds up to check a total.

use std::fmt::Write as _;

use breakeven_model::engine::{OptionCost, Outcome, Phase, Sizing};
use breakeven_model::format::{percent, tokens_short, usd_cents};
use egui::{RichText, Ui};

use crate::chart_style::colour;

/// The four options' lines, each under its total; those `left_out` last, folded, and marked.
pub fn lines_ui(ui: &mut Ui, outcome: &Outcome, left_out: &[Phase]) {
    egui::ScrollArea::vertical()
        .id_salt("cost-lines")
        .show(ui, |ui| {
            ui.label(format!(
                "Each option's monthly cost at {} tokens a month, line by line; the lines add up to \
                 the total. Up-front costs are spread over the months they pay for.",
                tokens_short(outcome.volume)
            ));
            let option = |ui: &mut Ui, cost: &OptionCost| {
                let sizing = outcome.sizing.iter().find(|s| s.phase == cost.phase);
                option_ui(ui, cost, sizing);
                reply_ui(ui, outcome, cost.phase);
            };
            for cost in outcome.costs.iter().filter(|c| !left_out.contains(&c.phase)) {
                ui.add_space(8.0);
                option(ui, cost);
            }
            for cost in outcome.costs.iter().filter(|c| left_out.contains(&c.phase)) {
                ui.add_space(8.0);
                let heading = format!(
                    "{} (left out): {}/month",
                    cost.phase.label(),
                    usd_cents(cost.total)
                );
                egui::CollapsingHeader::new(RichText::new(heading).color(colour(cost.phase)))
                    .id_salt(("left-out-lines", cost.phase.label()))
                    .default_open(false)
                    .show(ui, |ui| option(ui, cost));
            }
        });
}

fn option_ui(ui: &mut Ui, cost: &OptionCost, sizing: Option<&Sizing>) {
    ui.label(
        RichText::new(format!(
            "{}: {}/month",
            cost.phase.label(),
            usd_cents(cost.total)
        ))
        .strong()
        .color(colour(cost.phase)),
    );
    if let Some(instances) = cost.instances {
        let mut running = format!("{instances} running");
        if let (Some(planned), Some(full), Some(best)) = (
            cost.planned_utilisation,
            cost.utilisation,
            cost.achievable_utilisation,
        ) {
            let _ = write!(
                running,
                ", serving {} of the load planned for them ({} of full capacity, at best {} at this \
                 target and peak)",
                percent(planned),
                percent(full),
                percent(best)
            );
        }
        ui.label(RichText::new(running).weak());
    }
    if let Some(sizing) = sizing {
        sizing_ui(ui, sizing);
    }
    for (label, amount) in &cost.lines {
        line_ui(
            ui,
            RichText::new(label.as_str()),
            RichText::new(usd_cents(*amount)),
        );
    }
    line_ui(
        ui,
        RichText::new("Total").strong(),
        RichText::new(usd_cents(cost.total)).strong(),
    );
}

/// How long one reply takes with the option, with each figure's source, when its speed is known.
fn reply_ui(ui: &mut Ui, outcome: &Outcome, phase: Phase) {
    let time = outcome.latency.of(phase);
    if time.first_token_ms.is_none() && time.tokens_per_second.is_none() {
        return;
    }
    let words = time.in_words(outcome.latency.reply_tokens.as_ref());
    ui.add(egui::Label::new(RichText::new(format!("Reply time. {words}")).weak()).wrap());
}

/// Room for an amount, right-aligned: `$1,234,567.89`.
const AMOUNT_WIDTH: f32 = 130.0;

/// One line: its label wrapped in the width left, its amount right-aligned at the end.
fn line_ui(ui: &mut Ui, label: RichText, amount: RichText) {
    let width = ui.available_width();
    ui.horizontal(|ui| {
        let label_width = (width - AMOUNT_WIDTH - ui.spacing().item_spacing.x).max(AMOUNT_WIDTH);
        ui.allocate_ui_with_layout(
            egui::vec2(label_width, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(label_width);
                ui.add(egui::Label::new(label).wrap());
            },
        );
        ui.allocate_ui_with_layout(
            egui::vec2(AMOUNT_WIDTH, 0.0),
            egui::Layout::right_to_left(egui::Align::Min),
            |ui| {
                ui.set_width(AMOUNT_WIDTH);
                ui.label(amount);
            },
        );
    });
}

/// What the instances are sized for, in a sentence, and their count month by month, twelve
/// months a row.
fn sizing_ui(ui: &mut Ui, sizing: &Sizing) {
    ui.add(
        egui::Label::new(RichText::new(breakeven_model::report::sizing::in_words(sizing)).weak())
            .wrap(),
    );
    egui::CollapsingHeader::new("Instances month by month")
        .id_salt(("instances-by-month", sizing.phase.label()))
        .show(ui, |ui| {
            egui::Grid::new(("instances-grid", sizing.phase.label()))
                .striped(true)
                .show(ui, |ui| {
                    for (first, last, months) in sizing.rows(12) {
                        ui.label(RichText::new(format!("Months {first}-{last}")).weak());
                        for count in months {
                            ui.label(count.normalize().to_string());
                        }
                        ui.end_row();
                    }
                });
        });
}
