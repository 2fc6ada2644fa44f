//! The panel comparing the scenario on screen with another scenario file (today against next
//! year, client A against client B): both scenarios' key figures and the inputs that differ. The
//! other scenario's curves are drawn dashed in the same plots; the file is chosen in the Compare
//! with dialog.

use egui::{RichText, Ui};

use super::side_by_side::{changes_ui, figures_ui, summary, two_parts};
use crate::action::Action;
use crate::command::Command;
use crate::state::workshop::Reference;

/// The panel's heading, one row: the way to close it, how much differs, and the other
/// scenario's name last, cut to the room left (whole on hover).
pub fn comparison_heading_ui(ui: &mut Ui, other: &Reference, actions: &mut Vec<Action>) {
    if ui
        .button(Command::CloseComparison.label())
        .on_hover_text(Command::CloseComparison.tooltip())
        .clicked()
    {
        actions.push(Command::CloseComparison.into());
    }
    ui.label(summary(&other.changes, &other.rows));
    ui.label(RichText::new("Compared with").strong());
    ui.add(egui::Label::new(RichText::new(&other.name).strong()).truncate())
        .on_hover_text("Drawn dashed in the plots.");
}

/// The scenario on screen against `other`: the inputs that differ and the key figures of both.
pub fn comparison_ui(ui: &mut Ui, current: &str, other: &Reference) {
    let headings = [current, other.name.as_str()];
    // Two files differ in many inputs: the figures come first.
    two_parts(
        ui,
        "comparison",
        |ui| {
            figures_ui(
                ui,
                "comparison-figures",
                ["Figure", headings[0], headings[1]],
                &other.rows,
            );
        },
        |ui| changes_ui(ui, "comparison-changes", headings, &other.changes),
    );
}
