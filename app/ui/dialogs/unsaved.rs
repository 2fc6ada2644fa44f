//! The prompt before unsaved changes are thrown away: save, discard or cancel.

use egui::Ui;

use crate::action::Action;

/// The prompt before unsaved changes are thrown away; returns whether it is done.
pub fn show(ui: &mut Ui, document_name: &str, then: &Action, actions: &mut Vec<Action>) -> bool {
    ui.heading("Unsaved changes");
    ui.label(format!(
        "\"{document_name}\" has changes that are not saved. Save them first?"
    ));
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            actions.push(Action::SaveThen(Box::new(then.clone())));
            done = true;
        }
        if ui.button("Discard").clicked() {
            actions.push(Action::Discarding(Box::new(then.clone())));
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    done
}
