//! The window's side of the workshop features: applying their actions (through the one door,
//! [`BreakevenApp::apply`]) and placing their bars, panel and dialog in the window. A child of
//! `window`, so it reaches the document without widening its fields.

use std::path::Path;

use breakeven_model::scenario::{Loaded, from_ron_str};
use egui::Ui;

use super::{Action, BreakevenApp};
use crate::compare::{CompareDialog, comparison_ui};
use crate::examples::EXAMPLES;
use crate::file_menu::Dialog;
use crate::files::open_scenario;
use crate::workshop::{Reference, View, WorkshopAction, shortcuts, toolbar_ui};
use crate::{baseline, presentation};

impl BreakevenApp {
    /// Applies a workshop action; edits (reset, what-ifs) are one undo step each.
    pub(super) fn apply_workshop(&mut self, action: WorkshopAction) {
        match action {
            WorkshopAction::PinBaseline => {
                let scenario = self.doc.scenario().clone();
                match Reference::new(scenario.name.clone(), scenario, self.today) {
                    Ok(pinned) => {
                        self.workshop.baseline = Some(pinned);
                        self.workshop.view = View::Baseline;
                    }
                    Err(lines) => self.message("Not pinned: fix these inputs first", lines),
                }
            }
            WorkshopAction::ResetToBaseline => {
                if let Some(baseline) = &self.workshop.baseline {
                    self.doc.edit(baseline.scenario.clone(), false);
                }
            }
            WorkshopAction::ClearBaseline => self.workshop.baseline = None,
            WorkshopAction::AskCompare => {
                // Start in the open file's folder: the other file is usually beside it.
                let folder = self
                    .doc
                    .path()
                    .and_then(Path::parent)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR))
                    .unwrap_or_default();
                self.workshop.dialog = Some(CompareDialog::new(folder));
            }
            WorkshopAction::Compare(path) => match open_scenario(&path) {
                Ok(Loaded { scenario, .. }) => {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    self.compare_with(&name, scenario);
                }
                Err(error) => self.message(
                    &format!("Could not compare with {}", path.display()),
                    vec![error.to_string(), "Your scenario is as it was.".to_owned()],
                ),
            },
            WorkshopAction::CompareExample(index) => {
                if let Some(scenario) = EXAMPLES
                    .get(index)
                    .and_then(|(_, text)| from_ron_str(text).ok())
                {
                    self.compare_with(&scenario.name.clone(), scenario);
                }
            }
            WorkshopAction::CloseComparison => self.workshop.comparison = None,
            WorkshopAction::WhatIf(what_if) => match what_if.apply(self.doc.scenario()) {
                Ok(scenario) => {
                    self.workshop.applied = Some((what_if, Box::new(scenario.clone())));
                    self.doc.edit(scenario, false);
                }
                Err(error) => self.message(
                    &format!("{} changes nothing here", what_if.label()),
                    vec![error.to_string()],
                ),
            },
            WorkshopAction::Present(on) => self.workshop.presenting = on,
        }
    }

    fn compare_with(&mut self, name: &str, scenario: breakeven_model::Scenario) {
        match Reference::new(name.to_owned(), scenario, self.today) {
            Ok(other) => {
                self.workshop.comparison = Some(other);
                self.workshop.view = View::Compare;
            }
            Err(lines) => self.message(&format!("Could not compare with {name}"), lines),
        }
    }

    fn message(&mut self, title: &str, lines: Vec<String>) {
        self.files.dialog = Some(Dialog::Message {
            title: title.to_owned(),
            lines,
        });
    }

    /// F11 and Escape, for presentation mode.
    pub(super) fn workshop_shortcuts(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let dialog_open = self.files.dialog.is_some() || self.workshop.dialog.is_some();
        actions.extend(shortcuts(ui, self.workshop.presenting, dialog_open));
    }

    /// The workshop toolbar, or in presentation mode the presentation bar with its live inputs.
    pub(super) fn workshop_top_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let presenting = self.workshop.presenting;
        if self.workshop.fullscreen != presenting {
            // A projector shows the whole screen: presentation is full screen, as F11 is
            // elsewhere.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
            self.workshop.fullscreen = presenting;
        }
        if presenting {
            egui::Panel::top("presentation").show(ui, |ui| {
                let mut draft = self.doc.scenario().clone();
                presentation::bar_ui(
                    ui,
                    &mut draft,
                    self.inputs.defaults(),
                    &self.workshop,
                    actions,
                );
                if &draft != self.doc.scenario() {
                    actions.push(Action::Edit(Box::new(draft)));
                }
            });
        } else {
            egui::Panel::top("workshop").show(ui, |ui| {
                toolbar_ui(ui, &self.workshop, self.doc.scenario(), actions);
            });
        }
    }

    /// The panel under the curves with the baseline or the comparison, when there is one.
    pub(super) fn workshop_bottom_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let w = &mut self.workshop;
        if w.presenting || (w.baseline.is_none() && w.comparison.is_none()) {
            return;
        }
        egui::Panel::bottom("workshop-panel")
            .resizable(true)
            .default_size(280.0)
            .size_range(120.0..=640.0)
            .show(ui, |ui| {
                if let (Some(_), Some(other)) = (&w.baseline, &w.comparison) {
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut w.view, View::Baseline, "Baseline");
                        ui.selectable_value(
                            &mut w.view,
                            View::Compare,
                            format!("Compared with {}", other.name),
                        );
                    });
                }
                match (&w.baseline, &w.comparison, w.view) {
                    (Some(b), None, _) | (Some(b), Some(_), View::Baseline) => {
                        baseline::baseline_ui(ui, b);
                    }
                    (_, Some(other), _) => comparison_ui(ui, "This scenario", other, actions),
                    (None, None, _) => {}
                }
            });
    }

    /// The Compare with dialog, when open.
    pub(super) fn workshop_dialog_ui(&mut self, ui: &Ui, actions: &mut Vec<Action>) {
        if let Some(dialog) = &mut self.workshop.dialog
            && dialog.ui(ui.ctx(), actions)
        {
            self.workshop.dialog = None;
        }
    }
}
