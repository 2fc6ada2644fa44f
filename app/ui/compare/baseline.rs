//! The baseline panel: what changed since the scenario was pinned, inputs and key figures side
//! by side. Its buttons (pin, reset, clear) are on the workshop toolbar and in the Workshop menu.

use egui::{RichText, Ui};

use super::side_by_side::{changes_ui, figures_ui, summary, two_parts};
use crate::state::workshop::{AGAINST_BASELINE, BASELINE_SIDES, Reference};

/// The panel's heading, one row: how much differs, so the row says enough while the tables
/// are closed, and where the baseline was pinned from, cut to the room left.
pub fn baseline_heading_ui(ui: &mut Ui, baseline: &Reference) {
    ui.label(RichText::new(AGAINST_BASELINE).strong());
    ui.label(summary(&baseline.changes, &baseline.rows));
    ui.add(egui::Label::new(RichText::new(baseline.pinned_from()).weak()).truncate());
}

/// The changed inputs (baseline value, value now) and the key figures of both.
pub fn baseline_ui(ui: &mut Ui, baseline: &Reference) {
    two_parts(
        ui,
        "baseline",
        |ui| {
            changes_ui(ui, "baseline-changes", BASELINE_SIDES, &baseline.changes);
        },
        |ui| {
            figures_ui(
                ui,
                "baseline-figures",
                ["Figure", BASELINE_SIDES[0], BASELINE_SIDES[1]],
                &baseline.rows,
            );
        },
    );
}
