//! A price list read: what importing it would change, before anything changes. A whole list
//! (LiteLLM's has some two thousand models) scrolls within the dialog.

use egui::Ui;

use crate::action::Action;

/// The preview; returns whether it is done. Import pushes [`Action::KeepPrices`].
pub fn show(ui: &mut Ui, lines: &[String], changes: bool, actions: &mut Vec<Action>) -> bool {
    ui.heading("Import prices");
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for line in lines {
                ui.label(line.as_str());
            }
        });
    ui.separator();
    let mut done = false;
    ui.horizontal(|ui| {
        let import = if changes { "Import" } else { "Import anyway" };
        if ui.button(import).clicked() {
            actions.push(Action::KeepPrices);
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    done
}
