//! Workshops: a baseline pinned to show what an edit changed, another scenario file compared
//! side by side, what-if presets, and presentation mode. This module holds their state, their
//! actions, the Workshop menu, the toolbar and the keys; the panels are in `baseline`, `compare`
//! and `presentation`.
//!
//! The baseline lives for the session only: it is not written into the scenario file, which
//! holds one team's situation and is read by the command line and by other people, and it is
//! not needed to reopen the work (Save keeps it pinned; opening another scenario clears it,
//! since its list of changes would then be every input).

use std::path::PathBuf;

use breakeven_model::Scenario;
use breakeven_model::compare::{FigureRow, KeyFigures, side_by_side};
use breakeven_model::scenario::{Change, WhatIf, changes};
use chrono::NaiveDate;
use egui::{Key, RichText, Ui};

use crate::compare::CompareDialog;
use crate::computed::Computed;
use crate::window::Action;

/// What the workshop features ask of the window: all go through
/// [`crate::window::BreakevenApp::apply`] as [`Action::Workshop`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkshopAction {
    /// Pin the scenario as it is now as the baseline.
    PinBaseline,
    /// Put the baseline's values back, as one undoable edit.
    ResetToBaseline,
    /// Forget the baseline.
    ClearBaseline,
    /// Ask which file to compare with.
    AskCompare,
    /// Compare with this scenario file.
    Compare(PathBuf),
    /// Compare with a built-in example.
    CompareExample(usize),
    /// Stop comparing.
    CloseComparison,
    /// Apply a what-if preset, as one undoable edit.
    WhatIf(WhatIf),
    /// Enter or leave presentation mode.
    Present(bool),
}

/// Another scenario shown beside the one being edited: the baseline, or a file compared with.
pub struct Reference {
    /// Its name in headings and legends.
    pub name: String,
    /// Its entry in the plots' legends.
    legend: String,
    /// The scenario.
    pub scenario: Scenario,
    /// Its figures, computed once.
    pub computed: Computed,
    figures: KeyFigures,
    /// The inputs that differ from the scenario on screen, refreshed after every edit.
    pub changes: Vec<Change>,
    /// The key figures of both, refreshed after every edit.
    pub rows: Vec<FigureRow>,
}

impl Reference {
    /// Computes `scenario` as of `today`; says why when it has problems or cannot be computed.
    pub fn new(name: String, scenario: Scenario, today: NaiveDate) -> Result<Self, Vec<String>> {
        let computed = Computed::new(&scenario, today).map_err(|e| e.sentences())?;
        let figures = computed.key_figures();
        Ok(Self {
            legend: format!("{name} (dashed)"),
            name,
            scenario,
            computed,
            figures,
            changes: Vec::new(),
            rows: Vec::new(),
        })
    }

    /// Compares with the scenario on screen; `first` puts this one on the left (a baseline
    /// comes before the edit; a compared file comes after the scenario on screen).
    fn refresh(&mut self, scenario: &Scenario, computed: Option<&Computed>, first: bool) {
        let now = computed.map(|c| KeyFigures::new(&c.outcome, &c.recommendation));
        if first {
            self.changes = changes(&self.scenario, scenario);
            self.rows = now.map_or_else(Vec::new, |n| side_by_side(&self.figures, &n));
        } else {
            self.changes = changes(scenario, &self.scenario);
            self.rows = now.map_or_else(Vec::new, |n| side_by_side(&n, &self.figures));
        }
    }
}

/// Which comparison the workshop panel shows when there are both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Against the baseline.
    #[default]
    Baseline,
    /// Against the file compared with.
    Compare,
}

/// The workshop's state.
#[derive(Default)]
pub struct Workshop {
    /// The pinned baseline.
    pub baseline: Option<Reference>,
    /// The scenario compared with.
    pub comparison: Option<Reference>,
    /// Whether presentation mode is on.
    pub presenting: bool,
    /// The Compare with dialog, when open.
    pub dialog: Option<CompareDialog>,
    /// What the workshop panel shows when there are both a baseline and a comparison.
    pub view: View,
    /// The last what-if applied and the scenario it made, to say how to undo it while it stands.
    pub applied: Option<(WhatIf, Box<Scenario>)>,
    /// Whether the window was last asked to be full screen (it is, while presenting).
    pub fullscreen: bool,
}

impl Workshop {
    /// The baseline's scenario, when one is pinned.
    #[must_use]
    pub fn baseline(&self) -> Option<&Scenario> {
        self.baseline.as_ref().map(|b| &b.scenario)
    }

    /// The name of the scenario compared with, when there is one.
    #[must_use]
    pub fn comparison(&self) -> Option<&str> {
        self.comparison.as_ref().map(|c| c.name.as_str())
    }

    /// Whether presentation mode is on.
    #[must_use]
    pub const fn presenting(&self) -> bool {
        self.presenting
    }

    /// Compares the baseline and the other scenario with `scenario`, whose figures are
    /// `computed` (the last valid ones).
    pub fn refresh(&mut self, scenario: &Scenario, computed: Option<&Computed>) {
        if let Some(baseline) = &mut self.baseline {
            baseline.refresh(scenario, computed, true);
        }
        if let Some(other) = &mut self.comparison {
            other.refresh(scenario, computed, false);
        }
    }

    /// The curves drawn behind the current ones: the baseline faint, the other file dashed.
    #[must_use]
    pub fn overlays(&self) -> Vec<crate::curves::Overlay<'_>> {
        let mut out = Vec::new();
        if let Some(b) = &self.baseline {
            out.push(crate::curves::Overlay {
                computed: &b.computed,
                name: "Baseline (faint)",
                kind: crate::curves::OverlayKind::Baseline,
            });
        }
        if let Some(c) = &self.comparison {
            out.push(crate::curves::Overlay {
                computed: &c.computed,
                name: &c.legend,
                kind: crate::curves::OverlayKind::Compared,
            });
        }
        out
    }
}

/// The presentation key: F11, as full-screen is in most desktop programs.
pub const PRESENT_KEY: Key = Key::F11;

/// The workshop's keys this frame: F11 toggles presentation mode; Escape leaves it when no
/// dialog is open.
pub fn shortcuts(ui: &mut Ui, presenting: bool, dialog_open: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, PRESENT_KEY)) {
        actions.push(Action::Workshop(WorkshopAction::Present(!presenting)));
    } else if presenting
        && !dialog_open
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape))
    {
        actions.push(Action::Workshop(WorkshopAction::Present(false)));
    }
    actions
}

fn push(actions: &mut Vec<Action>, action: WorkshopAction) {
    actions.push(Action::Workshop(action));
}

/// The Workshop menu, in the menu bar.
pub fn menu_ui(ui: &mut Ui, workshop: &Workshop, scenario: &Scenario, actions: &mut Vec<Action>) {
    ui.menu_button("Workshop", |ui| {
        baseline_buttons(ui, workshop.baseline.is_some(), actions);
        ui.separator();
        ui.menu_button("What if", |ui| what_if_buttons(ui, scenario, actions));
        ui.separator();
        if ui.button("Compare with…").clicked() {
            push(actions, WorkshopAction::AskCompare);
        }
        if ui
            .add_enabled(
                workshop.comparison.is_some(),
                egui::Button::new("Close comparison"),
            )
            .clicked()
        {
            push(actions, WorkshopAction::CloseComparison);
        }
        ui.separator();
        let present = egui::Button::new("Presentation mode").shortcut_text("F11");
        if ui.add(present).clicked() {
            push(actions, WorkshopAction::Present(true));
        }
    });
}

fn baseline_buttons(ui: &mut Ui, pinned: bool, actions: &mut Vec<Action>) {
    if ui
        .button("Pin as baseline")
        .on_hover_text("Keep the scenario as it is now, to show what later edits change.")
        .clicked()
    {
        push(actions, WorkshopAction::PinBaseline);
    }
    let reset = ui
        .add_enabled(pinned, egui::Button::new("Reset to baseline"))
        .on_hover_text("Put every input back as pinned; Ctrl+Z takes it back.");
    if reset.clicked() {
        push(actions, WorkshopAction::ResetToBaseline);
    }
    if ui
        .add_enabled(pinned, egui::Button::new("Clear baseline"))
        .clicked()
    {
        push(actions, WorkshopAction::ClearBaseline);
    }
}

/// One button a what-if: one click applies it; a what-if that would change nothing is greyed
/// out and says why.
pub fn what_if_buttons(ui: &mut Ui, scenario: &Scenario, actions: &mut Vec<Action>) {
    for what_if in WhatIf::ALL {
        let why_not = what_if.why_not(scenario);
        let response = ui
            .add_enabled(why_not.is_none(), egui::Button::new(what_if.label()))
            .on_hover_text(format!(
                "{} One undoable edit: Ctrl+Z takes it back.",
                what_if.explanation()
            ));
        if let Some(why) = why_not {
            response.on_disabled_hover_text(why);
        } else if response.clicked() {
            push(actions, WorkshopAction::WhatIf(what_if));
        }
    }
}

/// The workshop toolbar, under the title: baseline, what-ifs, compare, presentation.
pub fn toolbar_ui(
    ui: &mut Ui,
    workshop: &Workshop,
    scenario: &Scenario,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        baseline_buttons(ui, workshop.baseline.is_some(), actions);
        ui.separator();
        ui.label(RichText::new("What if:").weak());
        what_if_buttons(ui, scenario, actions);
        ui.separator();
        if ui.button("Compare with…").clicked() {
            push(actions, WorkshopAction::AskCompare);
        }
        if ui
            .button("Present (F11)")
            .on_hover_text("Hide the inputs and show the curves and the recommendation large.")
            .clicked()
        {
            push(actions, WorkshopAction::Present(true));
        }
        if let Some((what_if, made)) = &workshop.applied
            && **made == *scenario
        {
            let note = RichText::new(format!("{} applied: Ctrl+Z undoes it.", what_if.label()))
                .weak()
                .small();
            ui.add(egui::Label::new(note).extend());
        }
    });
}
