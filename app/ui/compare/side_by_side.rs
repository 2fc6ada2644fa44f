//! Two scenarios side by side: the table of key figures with the differences highlighted, and
//! the list of inputs whose values differ. The baseline panel and the compare panel both show
//! them; the rows come from the model (`breakeven_model::compare`).

use breakeven_model::compare::FigureRow;
use breakeven_model::engine::Phase;
use breakeven_model::scenario::Change;
use egui::{RichText, Ui};

use crate::chart_style::colour;

/// A phase's name in its colour, when `text` is one.
fn cell(text: &str) -> RichText {
    match Phase::ALL.into_iter().find(|p| p.label() == text) {
        Some(phase) => RichText::new(text).color(colour(phase)).strong(),
        None => RichText::new(text),
    }
}

/// Widest a column's heading is drawn before it wraps: a scenario's name or file name can be
/// long, and a column as wide as its heading would push the differences out of a projector's
/// 1280-pixel window. The figures under it are narrower than this.
const HEADING_WIDTH: f32 = 120.0;

/// A column's heading, in bold, wrapped to [`HEADING_WIDTH`] when it is longer.
fn heading_ui(ui: &mut Ui, text: &str) {
    ui.allocate_ui_with_layout(
        egui::vec2(HEADING_WIDTH, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| ui.add(egui::Label::new(RichText::new(text).strong()).wrap()),
    );
}

/// How much two scenarios differ, in a few words for a heading: the inputs, then the key
/// figures.
#[must_use]
pub fn summary(changes: &[Change], rows: &[FigureRow]) -> String {
    let inputs = match changes.len() {
        0 => "no input".to_owned(),
        1 => "1 input".to_owned(),
        n => format!("{n} inputs"),
    };
    if rows.is_empty() {
        return format!("Differ: {inputs}");
    }
    let differing = rows.iter().filter(|r| r.differs()).count();
    format!(
        "Differ: {inputs}, {differing} of {} key figures",
        rows.len()
    )
}

/// The key figures of two scenarios, under `headings` (the row names' heading, the left's, the
/// right's); rows that differ are bold, with the difference in the warning colour.
pub fn figures_ui(ui: &mut Ui, id: &str, headings: [&str; 3], rows: &[FigureRow]) {
    if rows.is_empty() {
        ui.label("Fix the highlighted inputs to compare the figures.");
        return;
    }
    let differing = rows.iter().filter(|r| r.differs()).count();
    ui.label(RichText::new(format!("Key figures: {differing} of {} differ", rows.len())).strong());
    egui::Grid::new(id)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for heading in headings.into_iter().chain(["Difference"]) {
                heading_ui(ui, heading);
            }
            ui.end_row();
            for row in rows {
                let label = RichText::new(&row.label);
                ui.label(if row.differs() { label.strong() } else { label });
                ui.label(cell(&row.left));
                ui.label(cell(&row.right));
                match &row.difference {
                    Some(text) => ui.label(
                        RichText::new(text)
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    ),
                    None => ui.label(RichText::new("same").weak()),
                };
                ui.end_row();
            }
        });
}

/// The inputs that differ, with the left's value and the right's.
pub fn changes_ui(ui: &mut Ui, id: &str, headings: [&str; 2], changes: &[Change]) {
    if changes.is_empty() {
        ui.label(RichText::new("No input differs.").weak());
        return;
    }
    let s = if changes.len() == 1 { "" } else { "s" };
    ui.label(RichText::new(format!("{} input{s} changed", changes.len())).strong());
    egui::Grid::new(id)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for heading in ["Input", headings[0], headings[1]] {
                heading_ui(ui, heading);
            }
            ui.end_row();
            for change in changes {
                ui.label(change.label()).on_hover_text(&change.path);
                let saved = [&change.before, &change.after];
                for (written, saved) in change.written().into_iter().zip(saved) {
                    match (written, saved) {
                        (Some(text), Some(saved)) => ui
                            .label(text)
                            .on_hover_text(format!("In the file: {saved}")),
                        _ => ui.label(RichText::new("(none)").weak()),
                    };
                }
                ui.end_row();
            }
        });
}

/// Width above which the changed inputs and the key figures sit side by side, not one above
/// the other.
const TWO_COLUMNS: f32 = 1000.0;

/// `first` and `second` side by side when the panel is wide, one above the other otherwise,
/// each scrolling on its own.
pub fn two_parts(ui: &mut Ui, id: &str, first: impl FnOnce(&mut Ui), second: impl FnOnce(&mut Ui)) {
    if ui.available_width() > TWO_COLUMNS {
        ui.columns(2, |columns| {
            egui::ScrollArea::both()
                .id_salt((id, 1))
                .show(&mut columns[0], first);
            egui::ScrollArea::both()
                .id_salt((id, 2))
                .show(&mut columns[1], second);
        });
    } else {
        egui::ScrollArea::both().id_salt(id).show(ui, |ui| {
            first(ui);
            ui.add_space(8.0);
            second(ui);
        });
    }
}
