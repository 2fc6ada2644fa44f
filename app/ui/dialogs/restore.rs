//! The offer, at start, to restore unsaved work a run that ended left behind.

use egui::Ui;

use crate::action::Action;
use crate::state::recovery::Found;

/// The offer to restore work an ended run left unsaved; returns whether it is done. Restore has
/// the keyboard, so Enter takes the work back.
pub fn show(ui: &mut Ui, found: &Found, actions: &mut Vec<Action>) -> bool {
    ui.heading("Restore unsaved work?");
    let place = found.path.as_ref().map_or_else(
        || "a scenario never saved".to_owned(),
        |p| p.display().to_string(),
    );
    let how = match &found.crash {
        Some(error) => format!("stopped on an internal error ({error})"),
        None => "ended".to_owned(),
    };
    ui.label(format!(
        "Breakeven {how} last time with unsaved changes to \"{}\" ({place}). They were kept \
         in {}.",
        found.scenario.name,
        found.file.display()
    ));
    let mut done = false;
    ui.horizontal(|ui| {
        let restore = ui.button("Restore");
        if ui.memory(|m| m.focused().is_none()) {
            restore.request_focus();
        }
        if restore.clicked() {
            actions.push(Action::Restore(found.file.clone()));
            done = true;
        }
        if ui.button("Discard").clicked() {
            actions.push(Action::ForgetRecovered(found.file.clone()));
            done = true;
        }
    });
    done
}
