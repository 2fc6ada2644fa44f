//! Comparing the scenario on screen with another scenario file (today against next year, client
//! A against client B): the Compare with dialog, and the panel with both scenarios' key figures
//! and the inputs that differ. The other scenario's curves are drawn dashed in the same plots.
//!
//! Like File > Open, the dialog takes a typed path, since a native dialog answers nothing where
//! the desktop has no dialog service; Browse opens the native one off the UI thread.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::baseline::two_parts;
use crate::browse::{Ask, Browser, path_field_ui};
use crate::examples::EXAMPLES;
use crate::side_by_side::{changes_ui, figures_ui};
use crate::window::Action;
use crate::workshop::{Reference, WorkshopAction};

/// The Compare with dialog: a path typed or browsed for, or a built-in example.
#[derive(Default)]
pub struct CompareDialog {
    /// The path typed so far.
    pub text: String,
    browser: Browser,
}

impl CompareDialog {
    /// A dialog with `text` in the path field.
    #[must_use]
    pub fn new(text: String) -> Self {
        Self {
            text,
            browser: Browser::default(),
        }
    }

    fn receive(&mut self) {
        if let Some(path) = self.browser.picked() {
            self.text = path.display().to_string();
        }
    }

    /// Shows the dialog; pushes what the user chose and returns whether it is done.
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) -> bool {
        self.receive();
        let mut done = false;
        let mut browse = false;
        egui::Modal::new(egui::Id::unique("compare-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading("Compare with another scenario");
            ui.label("Type the file's path, or browse for it, or pick a built-in example.");
            let entered = path_field_ui(ui, "File to compare with", &mut self.text, 300.0);
            ui.horizontal(|ui| {
                browse = ui.button("Browse…").clicked();
                let ready = !self.text.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Compare"))
                    .clicked()
                    || (entered && ready)
                {
                    let path = PathBuf::from(self.text.trim());
                    actions.push(Action::Workshop(WorkshopAction::Compare(path)));
                    done = true;
                }
                done |= ui.button("Cancel").clicked();
            });
            ui.separator();
            ui.label(RichText::new("Built-in examples").strong());
            for (index, (name, _)) in EXAMPLES.iter().enumerate() {
                if ui.button(*name).clicked() {
                    actions.push(Action::Workshop(WorkshopAction::CompareExample(index)));
                    done = true;
                }
            }
        });
        if browse {
            self.browser.start(Ask::OpenScenario, ctx);
        }
        done
    }
}

/// The scenario on screen against `other`: the inputs that differ and the key figures of both.
pub fn comparison_ui(ui: &mut Ui, current: &str, other: &Reference, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Compared with");
        ui.label(RichText::new(&other.name).strong());
        ui.label(RichText::new("(dashed in the plots)").weak());
        if ui.button("Close comparison").clicked() {
            actions.push(Action::Workshop(WorkshopAction::CloseComparison));
        }
    });
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
