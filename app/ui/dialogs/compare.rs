//! The Compare with dialog: another scenario file, typed or browsed for, or a built-in example,
//! to show beside the one on screen (today against next year, client A against client B).

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::action::{Action, WorkshopAction};
use crate::state::examples::EXAMPLES;
use crate::ui::widgets::browse::path_field_ui;

/// The dialog; returns whether it is done, and whether Browse was clicked.
pub fn show(ui: &mut Ui, text: &mut String, actions: &mut Vec<Action>) -> (bool, bool) {
    ui.heading("Compare with another scenario");
    ui.label("Type the file's path, or browse for it, or pick a built-in example.");
    let entered = path_field_ui(ui, "File to compare with", text, 300.0);
    let mut done = false;
    let mut browse = false;
    ui.horizontal(|ui| {
        browse = ui.button("Browse…").clicked();
        let ready = !text.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Compare"))
            .clicked()
            || (entered && ready)
        {
            let path = PathBuf::from(text.trim());
            actions.push(WorkshopAction::Compare(path).into());
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    ui.separator();
    ui.label(RichText::new("Built-in examples").strong());
    for (index, (name, _)) in EXAMPLES.iter().enumerate() {
        if ui.button(*name).clicked() {
            actions.push(WorkshopAction::CompareExample(index).into());
            done = true;
        }
    }
    (done, browse)
}
