//! The window's side of the workshop features: pinning a baseline, comparing with another
//! scenario, what-ifs and presentation mode, carried out for the one door
//! ([`BreakevenApp::apply`]).

use std::path::Path;

use breakeven_model::Scenario;
use breakeven_model::scenario::{Loaded, from_ron_str};

use super::app::BreakevenApp;
use crate::action::WorkshopAction;
use crate::state::examples::EXAMPLES;
use crate::state::files::open_scenario;
use crate::state::workshop::{Reference, View};
use crate::ui::dialogs::Dialog;

impl BreakevenApp {
    /// Applies a workshop action; a what-if is one undo step.
    pub(super) fn apply_workshop(&mut self, action: WorkshopAction) {
        match action {
            WorkshopAction::Compare(path) => match open_scenario(&path) {
                Ok(Loaded { scenario, .. }) => {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    self.compare_with(&name, scenario);
                }
                Err(error) => self.dialogs.message(
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
            WorkshopAction::WhatIf(what_if) => match what_if.apply(self.doc.scenario()) {
                Ok(scenario) => {
                    self.workshop.applied = Some((what_if, Box::new(scenario.clone())));
                    self.doc.edit(scenario, false);
                }
                Err(error) => self.dialogs.message(
                    &format!("{} changes nothing here", what_if.label()),
                    vec![error.to_string()],
                ),
            },
            WorkshopAction::Present(on) => self.workshop.presenting = on,
        }
        self.workshop_changed = true;
    }

    /// Pins the scenario as it is now as the baseline.
    pub(super) fn pin_baseline(&mut self) {
        let scenario = self.doc.scenario().clone();
        match Reference::new(scenario.name.clone(), scenario, self.today) {
            Ok(pinned) => {
                self.workshop.baseline = Some(pinned);
                self.workshop.view = View::Baseline;
            }
            Err(lines) => self
                .dialogs
                .message("Not pinned: fix these inputs first", lines),
        }
    }

    /// Asks which file to compare with, starting in the open file's folder: the other file is
    /// usually beside it.
    pub(super) fn ask_compare(&mut self) {
        let text = self
            .doc
            .path()
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR))
            .unwrap_or_default();
        self.dialogs.open(Dialog::Compare {
            text,
            upload: self.place.in_browser,
        });
    }

    /// Compares with the scenario a reader uploaded to a page as `name`, or says why not.
    pub(super) fn compare_upload(&mut self, name: &str, raw: &[u8]) {
        match breakeven_model::scenario::load_bytes(raw) {
            Ok(Loaded { scenario, .. }) => self.compare_with(name, scenario),
            Err(error) => self.dialogs.message(
                &format!("Could not compare with {name}"),
                vec![error.to_string(), "Your scenario is as it was.".to_owned()],
            ),
        }
    }

    fn compare_with(&mut self, name: &str, scenario: Scenario) {
        match Reference::new(name.to_owned(), scenario, self.today) {
            Ok(other) => {
                self.workshop.comparison = Some(other);
                self.workshop.view = View::Compare;
            }
            Err(lines) => self
                .dialogs
                .message(&format!("Could not compare with {name}"), lines),
        }
    }
}
