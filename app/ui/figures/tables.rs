//! The decision matrix and the sensitivity table.

use breakeven_model::decision::{Effect, MatrixRow, SensitivityRow};
use breakeven_model::engine::Phase;
use breakeven_model::format::{percent, usd_cents};
use egui::{RichText, Ui};

use crate::chart_style::colour;

/// The narrowest an option's column gets before the matrix scrolls sideways, in body-text
/// lines' heights: about ten characters, so the four fit beside the criteria on a projector
/// even with presentation mode's larger text.
const OPTION_COLUMN_MIN: f32 = 5.0;
/// Space between columns and between rows.
const GAP: egui::Vec2 = egui::vec2(12.0, 6.0);

/// Seed 003's matrix, criteria by phase, filled from the scenario; the recommended column stands
/// out. The four options share the width beside the criteria, their text wrapping, so on a
/// projector all four are in view; when even that is too narrow they scroll sideways while the
/// criteria stay put.
pub fn matrix_ui(ui: &mut Ui, rows: &[MatrixRow], recommended: Phase) {
    egui::ScrollArea::vertical()
        .id_salt("decision-matrix")
        .show(ui, |ui| {
            let header: Vec<RichText> = Phase::ALL
                .into_iter()
                .map(|phase| {
                    let text = if phase == recommended {
                        RichText::new(format!("{} (recommended)", phase.label())).underline()
                    } else {
                        RichText::new(phase.label())
                    };
                    text.strong().color(colour(phase))
                })
                .collect();
            let body: Vec<Vec<RichText>> = rows
                .iter()
                .map(|row| {
                    Phase::ALL
                        .into_iter()
                        .map(|phase| {
                            let cell = RichText::new(&row.cells[phase.index()]);
                            if phase == recommended { cell.strong() } else { cell }
                        })
                        .collect()
                })
                .collect();
            let criteria: Vec<RichText> = std::iter::once(RichText::new("Criterion").strong())
                .chain(rows.iter().map(|r| RichText::new(r.criterion).strong()))
                .collect();
            let options: Vec<Vec<RichText>> = std::iter::once(header).chain(body).collect();
            frozen_table_ui(ui, &criteria, &options);
            ui.add_space(8.0);
            ui.label(
                RichText::new(
                    "After the matrix of \"LLM Strategy: Build, Buy, or Fine-Tune?\", filled from this scenario.",
                )
                .small()
                .weak(),
            );
        });
}

/// A table whose first column (`first`, a cell a row) stays in place while the other columns
/// (`rest`, the same number of rows) share the width left, wrapping their text, or scroll
/// sideways when they cannot fit at their narrowest. Every row is as tall as its tallest cell,
/// measured before it is drawn, so the two parts stay level.
fn frozen_table_ui(ui: &mut Ui, first: &[RichText], rest: &[Vec<RichText>]) {
    let columns = rest.first().map_or(0, Vec::len);
    if columns == 0 {
        return;
    }
    let wrap = |ui: &Ui, text: &RichText, width: f32| {
        egui::WidgetText::from(text.clone()).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            width,
            egui::TextStyle::Body,
        )
    };
    let first: Vec<_> = first
        .iter()
        .map(|text| wrap(ui, text, f32::INFINITY))
        .collect();
    let first_width = first.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let count = u16::try_from(columns).map_or(f32::MAX, f32::from);
    let left = ui.available_width() - first_width - GAP.x;
    let width = ((left - GAP.x * (count - 1.0)) / count).max(OPTION_COLUMN_MIN * line);
    let cells: Vec<Vec<_>> = rest
        .iter()
        .map(|row| row.iter().map(|text| wrap(ui, text, width)).collect())
        .collect();
    let heights: Vec<f32> = first
        .iter()
        .zip(&cells)
        .map(|(f, row)| row.iter().map(|g| g.size().y).fold(f.size().y, f32::max))
        .collect();
    let stripe = ui.visuals().faint_bg_color;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(GAP.x, 0.0);
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(0.0, GAP.y);
            for (i, (galley, height)) in first.into_iter().zip(&heights).enumerate() {
                cell_ui(
                    ui,
                    galley,
                    egui::vec2(first_width, *height),
                    i % 2 == 1,
                    stripe,
                );
            }
        });
        egui::ScrollArea::horizontal()
            .id_salt("frozen-table-rest")
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing = GAP;
                    for (i, (row, height)) in cells.into_iter().zip(&heights).enumerate() {
                        ui.horizontal_top(|ui| {
                            for galley in row {
                                cell_ui(ui, galley, egui::vec2(width, *height), i % 2 == 1, stripe);
                            }
                        });
                    }
                });
            });
    });
}

/// One cell of `size`, its text at the top left, on a stripe when `striped`.
fn cell_ui(
    ui: &mut Ui,
    galley: std::sync::Arc<egui::Galley>,
    size: egui::Vec2,
    striped: bool,
    stripe: egui::Color32,
) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    if striped {
        ui.painter().rect_filled(
            rect.expand2(egui::vec2(0.5 * GAP.x, 0.5 * GAP.y)),
            0.0,
            stripe,
        );
    }
    // A child at the rect, not `put`, which centres, nor a scope, which would take the room
    // again.
    let mut cell = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    cell.add(egui::Label::new(galley));
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
