//! The decision matrix and the sensitivity table.

use breakeven_model::decision::{Effect, MatrixRow, SensitivityRow};
use breakeven_model::engine::Phase;
use breakeven_model::format::{percent, usd_cents};
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

/// The drivers that move the recommended phase's standing most, a line per move under a line
/// as entered: its lead this month and in cash over the horizon (ending in `last_month`), its
/// gross margin when there is revenue, and the phase recommended after the move.
pub fn sensitivity_ui(
    ui: &mut Ui,
    rows: &[SensitivityRow],
    entered: Option<&Effect>,
    last_month: u32,
) {
    let (Some(of), Some(entered)) = (rows.first().map(|r| r.of), entered) else {
        ui.label("No driver moves the figures, or they are too large to compare.");
        return;
    };
    let name = of.label();
    let months = if last_month == 1 {
        "1 month".to_owned()
    } else {
        format!("{last_month} months")
    };
    let with_margin = entered.margin.is_some();
    ui.label(format!(
        "{name} is recommended. Its lead over the best of the other options (negative when it costs more), this month and in cash over {months}{}, and the phase recommended, with each driver moved 20% down and up; a growth or a price trend, often 0, by percentage points (pp).",
        if with_margin { format!(", and its gross margin in month {last_month}") } else { String::new() }
    ));
    ui.add_space(6.0);
    egui::ScrollArea::horizontal().show(ui, |ui| {
        egui::Grid::new("sensitivity")
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                let mut headings = vec![
                    "Driver".to_owned(),
                    "Move".to_owned(),
                    format!("Lead of {name}, USD/month"),
                    format!("Lead of {name}, USD over {months}"),
                ];
                if with_margin {
                    headings.push(format!("Gross margin of {name}, month {last_month}"));
                }
                headings.push("Recommended".to_owned());
                for heading in headings {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                effect_ui(
                    ui,
                    RichText::new("As entered").strong(),
                    None,
                    entered,
                    with_margin,
                );
                for row in rows {
                    for effect in [&row.low, &row.high] {
                        effect_ui(
                            ui,
                            RichText::new(row.driver),
                            Some(row.input),
                            effect,
                            with_margin,
                        );
                    }
                }
            });
    });
}

/// One line of the sensitivity table: the driver, the move and the standing after it.
fn effect_ui(
    ui: &mut Ui,
    driver: RichText,
    input: Option<&str>,
    effect: &Effect,
    with_margin: bool,
) {
    let driver = ui.label(driver);
    if let Some(input) = input {
        driver.on_hover_text(input);
    }
    ui.label(effect.move_label());
    ui.label(usd_cents(effect.lead))
        .on_hover_text(format!("{}/month exactly", effect.lead));
    ui.label(usd_cents(effect.cash_lead))
        .on_hover_text(format!("{} exactly", effect.cash_lead));
    if with_margin {
        match effect.margin {
            Some(margin) => {
                ui.label(percent(margin))
                    .on_hover_text(format!("{margin} of revenue exactly"));
            }
            None => {
                ui.label("");
            }
        }
    }
    ui.label(RichText::new(effect.phase.label()).color(colour(effect.phase)));
    ui.end_row();
}
