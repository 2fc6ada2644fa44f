//! The decision matrix and the sensitivity table.

use breakeven_model::decision::{MatrixRow, SensitivityRow};
use breakeven_model::engine::Phase;
use breakeven_model::format::usd_cents;
use egui::{RichText, Ui};

use crate::chart_style::colour;

/// Seed 003's matrix, criteria by phase, filled from the scenario; the recommended column stands
/// out.
pub fn matrix_ui(ui: &mut Ui, rows: &[MatrixRow], recommended: Phase) {
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("decision-matrix").striped(true).spacing([16.0, 6.0]).show(ui, |ui| {
            ui.label(RichText::new("Criterion").strong());
            for phase in Phase::ALL {
                let mut text = RichText::new(phase.label()).strong().color(colour(phase));
                if phase == recommended {
                    text = RichText::new(format!("{} (recommended)", phase.label())).strong().underline().color(colour(phase));
                }
                ui.label(text);
            }
            ui.end_row();
            for row in rows {
                ui.label(RichText::new(row.criterion).strong());
                for phase in Phase::ALL {
                    let cell = RichText::new(&row.cells[phase.index()]);
                    ui.label(if phase == recommended { cell.strong() } else { cell });
                }
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        ui.label(RichText::new("After the matrix of \"LLM Strategy: Build, Buy, or Fine-Tune?\", filled from this scenario.").small().weak());
    });
}

/// The biggest cost drivers moved 20% each way: the cheapest option's lead and the phase.
pub fn sensitivity_ui(ui: &mut Ui, rows: &[SensitivityRow], cheapest: Phase) {
    ui.label(format!(
        "{}'s lead over the next cheapest option, and the recommended phase, with each of the biggest cost drivers moved 20% down and up.",
        cheapest.label()
    ));
    ui.add_space(6.0);
    egui::Grid::new("sensitivity")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for heading in ["Driver", "-20%: lead", "Phase", "+20%: lead", "Phase"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for row in rows {
                ui.label(row.driver).on_hover_text(row.input);
                ui.label(usd_cents(row.low.lead))
                    .on_hover_text(format!("{}/month exactly", row.low.lead));
                ui.label(RichText::new(row.low.phase.label()).color(colour(row.low.phase)));
                ui.label(usd_cents(row.high.lead))
                    .on_hover_text(format!("{}/month exactly", row.high.lead));
                ui.label(RichText::new(row.high.phase.label()).color(colour(row.high.phase)));
                ui.end_row();
            }
        });
}
