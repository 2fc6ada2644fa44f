//! The baseline panel: what changed since the scenario was pinned, inputs and key figures side
//! by side. Its buttons (pin, reset, clear) are on the workshop toolbar and in the Workshop menu.

use egui::{RichText, Ui};

use crate::side_by_side::{changes_ui, figures_ui};
use crate::workshop::Reference;

/// Width above which the changed inputs and the key figures sit side by side, not one above
/// the other.
const TWO_COLUMNS: f32 = 1000.0;

/// The changed inputs (baseline value, value now) and the key figures of both.
pub fn baseline_ui(ui: &mut Ui, baseline: &Reference) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Against the baseline");
        ui.label(RichText::new(format!("pinned from \"{}\"", baseline.name)).weak());
    });
    two_parts(
        ui,
        "baseline",
        |ui| {
            changes_ui(
                ui,
                "baseline-changes",
                ["Baseline", "Now"],
                &baseline.changes,
            );
        },
        |ui| {
            figures_ui(
                ui,
                "baseline-figures",
                ["Figure", "Baseline", "Now"],
                &baseline.rows,
            );
        },
    );
}

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
