//! The window: inputs on the left, curves and tables in the centre, the recommendation on the
//! right. Every edit goes through [`BreakevenApp::apply`], which validates and recomputes at
//! once; an invalid value keeps its message beside its field and the last valid figures stay on
//! screen, dimmed.

use std::path::{Path, PathBuf};

use breakeven_model::{Problem, Scenario};
use chrono::NaiveDate;
use egui::{RichText, Ui};

use breakeven_model::scenario::from_ron_str;

use crate::computed::Computed;
use crate::document::Document;
use crate::examples::EXAMPLES;
use crate::file_menu::{self, Dialog, Files, Purpose};
use crate::files::load_scenario;
use crate::inputs::InputsPanel;
use crate::recovery::{Found, Recovery};
use crate::workshop::{Workshop, WorkshopAction};
use crate::{curves, presentation, tables, verdict, workshop};

mod export_actions;
mod file_actions;
mod startup;
mod workshop_actions;

pub use startup::{Startup, run};

/// The centre's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Monthly cost against monthly volume.
    Costs,
    /// Cumulative cash over the horizon.
    Cash,
    /// Gross margin by month.
    Margin,
    /// The decision matrix.
    Matrix,
    /// The sensitivity table.
    Sensitivity,
}

impl Tab {
    const ALL: [Self; 5] = [
        Self::Costs,
        Self::Cash,
        Self::Margin,
        Self::Matrix,
        Self::Sensitivity,
    ];

    /// Ctrl+1 to Ctrl+5, in the order of the tabs.
    const fn shortcut(self) -> egui::KeyboardShortcut {
        let key = match self {
            Self::Costs => egui::Key::Num1,
            Self::Cash => egui::Key::Num2,
            Self::Margin => egui::Key::Num3,
            Self::Matrix => egui::Key::Num4,
            Self::Sensitivity => egui::Key::Num5,
        };
        egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key)
    }

    const fn label(self) -> &'static str {
        match self {
            Self::Costs => "Cost by volume",
            Self::Cash => "Cash over time",
            Self::Margin => "Gross margin",
            Self::Matrix => "Decision matrix",
            Self::Sensitivity => "Sensitivity",
        }
    }
}

/// A change to the document, from any panel, menu or shortcut: all go through
/// [`BreakevenApp::apply`].
#[derive(Clone, Debug)]
pub enum Action {
    /// The scenario as edited.
    Edit(Box<Scenario>),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// A new scenario (the built-in default, untitled).
    New,
    /// Ask which file to open.
    AskOpen,
    /// Open this file.
    Open(PathBuf),
    /// Open a built-in example, untitled.
    OpenExample(usize),
    /// Save where it was saved, or ask where.
    Save,
    /// Ask where to save it.
    AskSaveAs,
    /// Save it here, then do the action, if any.
    SaveAs(PathBuf, Option<Box<Action>>),
    /// Save, then do the action.
    SaveThen(Box<Action>),
    /// Do the action, throwing unsaved changes away.
    Discarding(Box<Action>),
    /// Close the window.
    Close,
    /// Take back unsaved work left by a run that ended.
    Restore(Box<Found>),
    /// Delete a recovery file the user does not want.
    ForgetRecovered(PathBuf),
    /// Ask which folder to export into.
    AskExport,
    /// Write the board-deck pack into this folder.
    Export(PathBuf),
    /// Put the recommendation and key figures on the clipboard as Markdown.
    CopySummary,
    /// A workshop feature: the baseline, a comparison, a what-if, presentation mode.
    Workshop(WorkshopAction),
}

/// The app's state: the scenario being edited, its validation problems, and the figures of the
/// last valid version of it.
pub struct BreakevenApp {
    doc: Document,
    files: Files,
    recent: Vec<PathBuf>,
    /// The title last sent to the window, to send it only when it changes.
    shown_title: String,
    /// The user chose to close despite unsaved changes.
    closing: bool,
    problems: Vec<Problem>,
    computed: Option<Computed>,
    /// The figures are from an earlier, valid version of the scenario.
    stale: bool,
    compute_error: Option<String>,
    load_error: Option<String>,
    inputs: InputsPanel,
    tab: Tab,
    today: NaiveDate,
    recovery: Option<Recovery>,
    /// Text to put on the clipboard at the end of this frame.
    clipboard: Option<String>,
    /// A line under the title saying what just happened (the summary was copied).
    notice: Option<String>,
    workshop: Workshop,
}

impl BreakevenApp {
    /// The open scenario.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        self.doc.scenario()
    }

    /// The open document: its path, unsaved changes, undo history.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The recent files, newest first.
    #[must_use]
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// The dialog on screen, if any.
    #[must_use]
    pub fn dialog(&self) -> Option<&Dialog> {
        self.files.dialog.as_ref()
    }

    /// Why the file given at start could not be opened, if it could not.
    #[must_use]
    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// The recommended phase on screen, if any figures are.
    #[must_use]
    pub fn recommended(&self) -> Option<breakeven_model::engine::Phase> {
        self.computed.as_ref().map(|c| c.recommendation.phase)
    }

    /// Whether the figures on screen are from an earlier valid scenario, dimmed, because the
    /// current one has a problem.
    #[must_use]
    pub fn is_dimmed(&self) -> bool {
        self.stale || (self.computed.is_some() && self.compute_error.is_some())
    }

    /// The workshop's baseline, comparison and presentation mode.
    #[must_use]
    pub fn workshop(&self) -> &Workshop {
        &self.workshop
    }

    /// The centre tab on screen.
    #[must_use]
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The window title: the scenario's name, its file name, and `*` for unsaved changes.
    #[must_use]
    pub fn title(&self) -> String {
        let mark = if self.doc.is_dirty() { "*" } else { "" };
        let name = &self.doc.scenario().name;
        match self.doc.path().and_then(Path::file_name) {
            Some(file) => format!("{mark}{name} ({}) - Breakeven", file.to_string_lossy()),
            None => format!("{mark}{name} (not saved) - Breakeven"),
        }
    }

    /// The one door for changes: applies `action`, then validates and recomputes at once.
    pub fn apply(&mut self, action: Action) {
        self.apply_busy(action, false);
    }

    /// Applies `action`; while `busy` (a drag, typing), edits gather into one undo step.
    fn apply_busy(&mut self, action: Action, busy: bool) {
        self.apply_guarded(action, busy, true);
    }

    /// Applies `action`; with `guard`, asks first when it would throw unsaved changes away.
    fn apply_guarded(&mut self, action: Action, busy: bool, guard: bool) {
        let dirty = guard && self.doc.is_dirty();
        // The notice is about the last thing done; anything else done replaces it.
        self.notice = None;
        match action {
            Action::Edit(scenario) => self.doc.edit(*scenario, busy),
            Action::Undo => {
                self.doc.undo();
            }
            Action::Redo => {
                self.doc.redo();
            }
            Action::New | Action::Open(_) | Action::OpenExample(_) | Action::Close if dirty => {
                self.files.dialog = Some(Dialog::Unsaved {
                    then: Box::new(action),
                });
                return;
            }
            Action::New => self.replace(Scenario::embedded_default(), None),
            Action::AskOpen => self.ask_path(Purpose::Open, None),
            Action::Open(path) => self.open_file(&path),
            Action::OpenExample(index) => {
                if let Some(scenario) = EXAMPLES
                    .get(index)
                    .and_then(|(_, text)| from_ron_str(text).ok())
                {
                    self.replace(scenario, None);
                }
            }
            Action::Save => self.save(None, None),
            Action::AskSaveAs => self.ask_path(Purpose::SaveAs, None),
            Action::SaveAs(path, then) => self.save(Some(&path), then),
            Action::SaveThen(then) => self.save(None, Some(then)),
            Action::Discarding(then) => {
                // What is discarded goes only when `then` replaces it: a file that fails to open
                // leaves the edits as they were, still unsaved.
                self.apply_guarded(*then, busy, false);
                return;
            }
            Action::Close => self.closing = true,
            Action::Restore(found) => {
                let saved = found
                    .path
                    .as_deref()
                    .and_then(|p| load_scenario(p).ok())
                    .unwrap_or_else(Scenario::embedded_default);
                let path = found.path.clone().filter(|p| p.exists());
                self.doc = Document::restored(found.scenario, path, saved);
                let _ = std::fs::remove_file(&found.file);
            }
            Action::ForgetRecovered(file) => {
                let _ = std::fs::remove_file(file);
            }
            Action::AskExport => self.ask_export(),
            Action::Export(folder) => self.export(&folder),
            Action::CopySummary => self.copy_summary(),
            Action::Workshop(action) => self.apply_workshop(action),
        }
        self.recompute();
        self.note_for_recovery();
    }

    fn recompute(&mut self) {
        self.compute_figures();
        self.workshop
            .refresh(self.doc.scenario(), self.computed.as_ref());
    }

    fn compute_figures(&mut self) {
        self.problems = breakeven_model::scenario::validate(self.doc.scenario());
        if !self.problems.is_empty() {
            self.stale = self.computed.is_some();
            return;
        }
        match Computed::new(self.doc.scenario(), self.today) {
            Ok(computed) => {
                self.computed = Some(computed);
                self.stale = false;
                self.compute_error = None;
            }
            Err(error) => {
                self.stale = self.computed.is_some();
                self.compute_error = Some(error.to_string());
            }
        }
    }

    /// The whole window's contents, for eframe and for tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let mut actions = file_menu::shortcuts(ui);
        self.workshop_shortcuts(ui, &mut actions);
        let presenting = self.workshop.presenting;
        for file in ui.input(|i| i.raw.dropped_files.clone()) {
            let path = file.path();
            if !path.as_os_str().is_empty() {
                actions.push(Action::Open(path.to_path_buf()));
            }
        }
        if !presenting {
            egui::Panel::top("menu").show(ui, |ui| {
                file_menu::menu_ui(
                    ui,
                    &self.recent,
                    self.doc.can_undo(),
                    self.doc.can_redo(),
                    &mut actions,
                    |ui, actions| {
                        workshop::menu_ui(ui, &self.workshop, self.doc.scenario(), actions);
                    },
                );
            });
            egui::Panel::top("title").show(ui, |ui| self.title_ui(ui));
        }
        self.workshop_top_ui(ui, &mut actions);
        if !presenting {
            egui::Panel::left("inputs")
                .resizable(true)
                .default_size(400.0)
                .size_range(300.0..=520.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        let mut draft = self.doc.scenario().clone();
                        self.inputs.ui(ui, &mut draft, &self.problems);
                        if &draft != self.doc.scenario() {
                            actions.push(Action::Edit(Box::new(draft)));
                        }
                    });
                });
        }
        self.workshop_bottom_ui(ui, &mut actions);
        // Its own id when presenting, so each mode keeps its own width.
        egui::Panel::right(if presenting {
            "recommendation-presented"
        } else {
            "recommendation"
        })
        .resizable(true)
        .default_size(if presenting { 460.0 } else { 320.0 })
        .size_range(240.0..=640.0)
        .show(ui, |ui| {
            if presenting {
                presentation::enlarge(ui, presentation::TEXT_SCALE);
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                if self.stale {
                    ui.multiply_opacity(0.45);
                }
                match &self.computed {
                    Some(computed) => verdict::verdict_ui(ui, computed),
                    None => {
                        ui.label("Fix the highlighted inputs to see a recommendation.");
                    }
                }
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            if presenting {
                presentation::enlarge(ui, presentation::TEXT_SCALE);
            }
            self.centre_ui(ui);
        });
        let name = self.doc.scenario().name.clone();
        self.files.dialog_ui(ui, &name, &mut actions);
        self.workshop_dialog_ui(ui, &mut actions);
        // A drag, or typing in a field, is one undo step, closed when it ends.
        let busy = ui.ctx().dragged_id().is_some() || ui.ctx().memory(|m| m.focused().is_some());
        for action in actions {
            self.apply_busy(action, busy);
        }
        if !busy {
            self.doc.settle();
        }
        if let Some(text) = self.clipboard.take() {
            ui.ctx().copy_text(text);
        }
        if let Some(recovery) = &mut self.recovery {
            let now = ui.input(|i| i.time);
            recovery.tick(
                now,
                self.doc.scenario(),
                self.doc.path(),
                self.doc.is_dirty(),
            );
            if self.doc.is_dirty() {
                // Come back to write the recovery file even if nothing else happens.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(
                        crate::recovery::INTERVAL_SECONDS,
                    ));
            }
        }
        self.window_ui(ui);
    }

    /// The title, and closing: the window asks before unsaved changes are thrown away.
    fn window_ui(&mut self, ui: &Ui) {
        let title = self.title();
        if title != self.shown_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if ui.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.closing {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.files.dialog = Some(Dialog::Unsaved {
                then: Box::new(Action::Close),
            });
        }
        if self.closing {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn title_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading(&self.doc.scenario().name);
            let file = self
                .doc
                .path()
                .and_then(Path::file_name)
                .map_or_else(|| "not saved".into(), |n| n.to_string_lossy().into_owned());
            let mark = if self.doc.is_dirty() {
                " (unsaved changes)"
            } else {
                ""
            };
            ui.label(RichText::new(format!("{file}{mark}")).weak());
            if let Some(notice) = &self.notice {
                ui.label(notice.as_str());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                theme_ui(ui);
                ui.label(RichText::new("Ctrl +/- to zoom").weak().small());
            });
        });
        if let Some(error) = &self.load_error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Could not open the file: {error}. The built-in example is open instead."),
            );
        }
    }

    fn centre_ui(&mut self, ui: &mut Ui) {
        // Ctrl+1 to Ctrl+5 switch tabs: quick in a meeting, and scriptable.
        for tab in Tab::ALL {
            if ui.input_mut(|i| i.consume_shortcut(&tab.shortcut())) {
                self.tab = tab;
            }
        }
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                let keys = ui.ctx().format_shortcut(&tab.shortcut());
                ui.selectable_value(&mut self.tab, tab, tab.label())
                    .on_hover_text(keys);
            }
        });
        ui.separator();
        if self.stale || self.compute_error.is_some() {
            let why = self.compute_error.clone().unwrap_or_else(|| {
                format!(
                    "{} input{} to fix",
                    self.problems.len(),
                    if self.problems.len() == 1 { "" } else { "s" }
                )
            });
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Showing the last valid figures, dimmed: {why}."),
            );
            ui.multiply_opacity(0.45);
        }
        let tab = self.tab;
        let overlays = self.workshop.overlays();
        let Some(computed) = &mut self.computed else {
            ui.label("Fix the highlighted inputs to see the figures.");
            return;
        };
        match tab {
            Tab::Costs => curves::cost_ui(ui, computed, &overlays),
            Tab::Cash => curves::cash_ui(ui, computed, &overlays),
            Tab::Margin => curves::margin_ui(ui, computed, &overlays),
            Tab::Matrix => tables::matrix_ui(ui, &computed.matrix, computed.recommendation.phase),
            Tab::Sensitivity => {
                let cheapest = computed.outcome.cheapest;
                let rows = computed.sensitivity().to_vec();
                tables::sensitivity_ui(ui, &rows, cheapest);
            }
        }
    }
}

/// Light, dark, or as the system says; words, not icons, so every font has them.
fn theme_ui(ui: &mut Ui) {
    let mut preference = ui.options(|o| o.theme_preference);
    let before = preference;
    for (value, name) in [
        (egui::ThemePreference::Dark, "Dark"),
        (egui::ThemePreference::Light, "Light"),
        (egui::ThemePreference::System, "System"),
    ]
    .into_iter()
    .rev()
    {
        ui.selectable_value(&mut preference, value, name);
    }
    ui.label(RichText::new("Theme").weak());
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}

impl eframe::App for BreakevenApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.session(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: what is unsaved was kept in eframe's storage, or discarded on purpose.
        if let Some(recovery) = &mut self.recovery {
            recovery.clear();
        }
    }
}
