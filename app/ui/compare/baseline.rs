//! The baseline panel: what changed since the scenario was pinned, inputs and key figures side
//! by side. Its buttons (pin, reset, clear) are on the workshop toolbar and in the Workshop menu.

use egui::{RichText, Ui};

use super::side_by_side::{changes_ui, figures_ui, two_parts};
use crate::state::workshop::{AGAINST_BASELINE, BASELINE_SIDES, Reference};

/// The changed inputs (baseline value, value now) and the key figures of both.
pub fn baseline_ui(ui: &mut Ui, baseline: &Reference) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(AGAINST_BASELINE);
        ui.label(RichText::new(baseline.pinned_from()).weak());
    });
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
