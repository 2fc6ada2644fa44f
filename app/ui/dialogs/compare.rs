//! The Compare with dialog: another scenario file, typed or browsed for, or a built-in example,
//! to show beside the one on screen (today against next year, client A against client B).

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::action::{Action, WorkshopAction};
use crate::state::examples::EXAMPLES;
use crate::ui::widgets::browse::path_field_ui;
use crate::window::Upload;

/// The dialog; returns whether it is done, and whether Browse was clicked. In a browser page
/// (`upload`) the other file is uploaded instead of typed.
pub fn show(
    ui: &mut Ui,
    text: &mut String,
    upload: bool,
    actions: &mut Vec<Action>,
) -> (bool, bool) {
    ui.heading("Compare with another scenario");
    if upload {
        ui.label("Upload a scenario file, or pick a built-in example.");
        let mut done = false;
        ui.horizontal(|ui| {
            if ui.button("Upload a scenario…").clicked() {
                actions.push(Action::Upload(Upload::Compare));
                done = true;
            }
            done |= ui.button("Cancel").clicked();
        });
        return (examples_ui(ui, actions) || done, false);
    }
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
    done |= examples_ui(ui, actions);
    (done, browse)
}

/// The built-in examples to compare with; returns whether one was picked.
fn examples_ui(ui: &mut Ui, actions: &mut Vec<Action>) -> bool {
    ui.separator();
    ui.label(RichText::new("Built-in examples").strong());
    let mut picked = false;
    for (index, (name, _)) in EXAMPLES.iter().enumerate() {
        if ui.button(*name).clicked() {
            actions.push(WorkshopAction::CompareExample(index).into());
            picked = true;
        }
    }
    picked
}
