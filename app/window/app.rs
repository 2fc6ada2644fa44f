//! The app: the document and everything shown beside it, and the one door through which every
//! change comes ([`BreakevenApp::apply`]). Panels, menus and keys push [`Action`]s; the door
//! carries them out at the end of the frame, then computes the figures again, once for each
//! version of the scenario.

use std::path::{Path, PathBuf};

use breakeven_model::engine::{CostChart, Phase, ShownChoices};
use breakeven_model::scenario::from_ron_str;
use breakeven_model::{Problem, Scenario};
use chrono::NaiveDate;

use crate::action::{Action, WorkshopAction};
use crate::command::Command;
use crate::state::document::Document;
use crate::state::examples::EXAMPLES;
use crate::state::files::load_scenario;
use crate::state::recovery::{Recovery, read};
use crate::state::start::{StartSheet, model_choices};
use crate::state::workshop::Workshop;
use crate::ui::dialogs::{Dialog, Dialogs, Purpose};
use crate::ui::figures::Tab;
use crate::ui::inputs::InputsPanel;
use breakeven_model::{EvaluateError, Evaluation, evaluate_in};

/// The app's state: the scenario being edited, its validation problems, and the figures of the
/// last valid version of it.
pub struct BreakevenApp {
    pub(super) doc: Document,
    pub(super) dialogs: Dialogs,
    pub(super) recent: Vec<PathBuf>,
    /// The title last sent to the window, to send it only when it changes.
    pub(super) shown_title: String,
    /// The user chose to close despite unsaved changes.
    pub(super) closing: bool,
    pub(super) problems: Vec<Problem>,
    pub(super) computed: Option<Evaluation>,
    /// The feature whose inputs, curves and recommendation are shown (0 is the first).
    pub(super) feature: usize,
    /// The whole scenario's figures, for its features, mix and roadmap, when it has several
    /// features (with one, they are `computed`'s).
    pub(super) whole: Option<Evaluation>,
    /// The version of the scenario the problems and figures are of.
    pub(super) evaluated: Option<u64>,
    /// The workshop's scenarios are to be compared again with the one on screen.
    pub(super) workshop_changed: bool,
    /// The figures are from an earlier, valid version of the scenario.
    pub(super) stale: bool,
    pub(super) compute_error: Option<String>,
    pub(super) load_error: Option<String>,
    pub(super) inputs: InputsPanel,
    pub(super) tab: Tab,
    pub(super) today: NaiveDate,
    pub(super) recovery: Option<Recovery>,
    /// Text to put on the clipboard at the end of this frame.
    pub(super) clipboard: Option<String>,
    /// A line under the title saying what just happened (the summary was copied).
    pub(super) notice: Option<String>,
    pub(super) workshop: Workshop,
    /// The options the user showed or hid in the plots' legends, over the default that leaves
    /// out what the recommendation ruled out; the export draws the same.
    pub(super) legend: ShownChoices,
    /// The Monte Carlo of the scenario on screen, run in the background.
    pub(super) sampler: crate::state::sampling::Sampler,
    /// The catalog as the user has it: the embedded one with their imported prices over it.
    pub(super) prices: crate::state::prices::Prices,
    /// A price list read and shown, waiting for the user to import it.
    pub(super) pending_prices: Option<crate::state::prices::Pending>,
    /// The workload a usage export measured, shown, waiting for the user to apply it.
    pub(super) pending_usage: Option<breakeven_model::usage::Measured>,
    /// A benchmark read for the instances at a path, shown, waiting for the user to apply it,
    /// with the file's name for the notes.
    pub(super) pending_benchmark:
        Option<(&'static str, breakeven_model::benchmark::Benchmark, String)>,
    /// On the desktop, or in a browser page, read-only or not.
    pub(super) place: Place,
    /// What the page is to do for the window, in a browser, in order: uploads and downloads.
    pub(super) web_requests: std::collections::VecDeque<WebRequest>,
    /// Where File > Export looks for the web bundle that makes `interactive.html`.
    pub(super) web_bundles: Vec<PathBuf>,
}

/// Where the window runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// In a browser page: files are uploaded and downloaded.
    pub in_browser: bool,
    /// Only the volume may change (a page exported with `--read-only`).
    pub read_only: bool,
}

/// What a read-only page says when a change other than the volume is refused.
pub const READ_ONLY: &str = "This page is read-only: only the volume can change.";

/// What a page says when asked to import prices: it has no data folder to keep them in.
const NO_PRICES_IN_A_PAGE: &str =
    "A page keeps no price lists: import prices in the desktop app, then export the page again.";

/// What a file uploaded to a page is for: what a desktop's path dialog would have asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upload {
    /// A scenario to open.
    Scenario,
    /// A scenario to compare with.
    Compare,
    /// A usage export to read ([`Command::ImportUsage`]).
    Usage,
    /// A benchmark of the instances at this path (`self_host.hosting`).
    Benchmark(&'static str),
}

impl Upload {
    /// The most bytes a file for this is read up to, as on the desktop: a larger one is refused
    /// unread ([`Action::UploadTooLarge`]).
    #[must_use]
    pub const fn limit(self) -> u64 {
        match self {
            Self::Scenario | Self::Compare => breakeven_model::scenario::MAX_FILE_BYTES,
            Self::Usage => breakeven_model::usage::MAX_USAGE_BYTES,
            Self::Benchmark(_) => breakeven_model::benchmark::MAX_BENCHMARK_BYTES,
        }
    }

    /// The name and extensions of the files the browser's picker offers.
    #[must_use]
    pub const fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Scenario | Self::Compare => ("Breakeven scenario", &["ron"]),
            Self::Usage => ("Usage (JSON or CSV)", &["json", "csv"]),
            Self::Benchmark(_) => ("Benchmark (JSON)", &["json"]),
        }
    }
}

/// What a window in a browser asks its page to do: files go through the browser's own upload
/// and download, as a page has no paths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebRequest {
    /// Ask the reader for a file, for this; its text comes back as [`Action::Uploaded`].
    Upload(Upload),
    /// Give the reader a file to keep.
    Download {
        /// Its name.
        name: String,
        /// Its contents.
        bytes: Vec<u8>,
        /// Its media type.
        mime: &'static str,
    },
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
        self.dialogs.current()
    }

    /// Why the file given at start could not be opened, if it could not.
    #[must_use]
    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// The recommended phase on screen, if any figures are.
    #[must_use]
    pub fn recommended(&self) -> Option<Phase> {
        self.computed.as_ref().map(|c| c.recommendation.phase)
    }

    /// The evaluation whose figures, recommendation and warnings are on screen, if any are.
    #[must_use]
    pub fn evaluation(&self) -> Option<&Evaluation> {
        self.computed.as_ref()
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

    /// The cost chart on screen, if any figures are: the options the plots show (those not
    /// ruled out, with the legends' choices over them) and the volumes plotted.
    #[must_use]
    pub fn chart(&self) -> Option<&CostChart> {
        self.computed.as_ref().map(|c| &c.chart)
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
        let name = self.doc.scenario().heading();
        match self.doc.path().and_then(Path::file_name) {
            Some(file) => format!("{mark}{name} ({}) - Breakeven", file.to_string_lossy()),
            None => format!("{mark}{name} (not saved) - Breakeven"),
        }
    }

    /// The next thing the window asks its page to do, once: a browser's upload or download.
    pub fn take_web_request(&mut self) -> Option<WebRequest> {
        self.web_requests.pop_front()
    }

    /// The page's title in a browser: the scenario, and the answer for the feature shown
    /// ("Breakeven: Fine-tune · Seed case: legal-tech contract analyser"), which a reader sees
    /// on the tab and a test reads.
    #[must_use]
    pub fn page_title(&self) -> String {
        let answer = self
            .recommended()
            .map_or("no answer yet", |phase| phase.label());
        format!("Breakeven: {answer} · {}", self.doc.scenario().heading())
    }

    /// What the Monte Carlo found for the figures on screen, once its run is complete.
    #[must_use]
    pub fn how_sure(&self) -> Option<std::sync::Arc<breakeven_model::uncertainty::Uncertainty>> {
        self.sampler
            .latest()
            .filter(|e| e.revision == self.figures_key() && !e.refining)
            .map(|e| e.uncertainty)
    }

    /// Whether only the volume may change.
    #[must_use]
    pub const fn is_read_only(&self) -> bool {
        self.place.read_only
    }

    /// The one door for changes: applies `action`, then validates and recomputes at once.
    pub fn apply(&mut self, action: Action) {
        self.apply_busy(action, false);
    }

    /// Applies `action`; while `busy` (a drag, typing), edits gather into one undo step.
    pub(super) fn apply_busy(&mut self, action: Action, busy: bool) {
        self.apply_guarded(action, busy, true);
    }

    /// Applies `action`; with `guard`, asks first when it would throw unsaved changes away.
    fn apply_guarded(&mut self, action: Action, busy: bool, guard: bool) {
        let dirty = guard && self.doc.is_dirty();
        // The notice is about the last thing done; anything else done replaces it.
        self.notice = None;
        match action {
            _ if self.place.read_only && self.read_only_refuses(&action) => {
                self.notice = Some(READ_ONLY.to_owned());
            }
            Action::Command(Command::New)
            | Action::Open(_)
            | Action::Uploaded(Upload::Scenario, ..)
            | Action::OpenExample(_)
            | Action::Close
                if dirty =>
            {
                self.dialogs.open(Dialog::Unsaved {
                    then: Box::new(action),
                });
                return;
            }
            Action::Command(command) => self.run(command),
            Action::Edit(scenario) => self.doc.edit(*scenario, busy),
            Action::Upload(upload) => self.web_requests.push_back(WebRequest::Upload(upload)),
            Action::Uploaded(upload, name, raw) => self.uploaded(upload, &name, raw),
            Action::UploadTooLarge(upload, name, size) => {
                self.upload_too_large(upload, &name, size);
            }
            Action::EditFeatures(scenario, select) => {
                self.doc.edit(*scenario, false);
                self.feature = select;
            }
            Action::SelectFeature(index) => self.feature = index,
            Action::Open(path) => self.open_file(&path),
            Action::OpenExample(index) => {
                if let Some(scenario) = EXAMPLES
                    .get(index)
                    .and_then(|(_, text)| from_ron_str(text).ok())
                {
                    self.replace(scenario, None);
                }
            }
            Action::Start(sheet) => self.start_new(*sheet),
            Action::SaveAs(path, then) => self.save(Some(&path), then),
            Action::SaveThen(then) => self.save(None, Some(then)),
            Action::Discarding(then) => {
                // What is discarded goes only when `then` replaces it: a file that fails to open
                // leaves the edits as they were, still unsaved.
                self.apply_guarded(*then, busy, false);
                return;
            }
            Action::Close => self.closing = true,
            Action::Restore(file) => self.restore(&file),
            Action::ForgetRecovered(file) => {
                let _ = std::fs::remove_file(file);
            }
            Action::Export(folder, read_only) => self.export(&folder, read_only),
            Action::ImportPrices(path) => self.read_prices(&path),
            Action::KeepPrices => self.keep_prices(),
            Action::ImportUsage(path) => self.read_usage_file(&path),
            Action::ApplyUsage => self.apply_usage(),
            Action::AskBenchmark(base) => self.ask_benchmark(base),
            Action::ImportBenchmark(base, path) => self.read_benchmark_file(base, &path),
            Action::ApplyBenchmark => self.apply_benchmark(),
            Action::Workshop(action) => self.apply_workshop(action),
            Action::Show(phase, shown) => self.legend.choose(phase, shown),
        }
        self.evaluate();
        self.note_for_recovery();
    }

    /// Whether a read-only page refuses `action`: it takes a change of volume and nothing else,
    /// so every edit but the volume's, and every way to open, start or import a scenario.
    fn read_only_refuses(&self, action: &Action) -> bool {
        let now = self.doc.scenario();
        match action {
            Action::Edit(scenario) => !now.differs_only_in_volume(scenario),
            // A what-if that moves only the volume (Volume 3x) is a drag of the volume.
            Action::Workshop(WorkshopAction::WhatIf(what_if)) => !what_if.only_moves_volume(now),
            // Another scenario may be compared with, not opened.
            Action::Uploaded(upload, ..) => *upload != Upload::Compare,
            Action::EditFeatures(..)
            | Action::Start(_)
            | Action::OpenExample(_)
            | Action::ApplyUsage
            | Action::ApplyBenchmark
            | Action::AskBenchmark(_)
            | Action::Command(Command::New | Command::Open | Command::ImportUsage) => true,
            _ => false,
        }
    }

    /// Carries out a command from a menu, the toolbar or the keys.
    fn run(&mut self, command: Command) {
        match command {
            Command::New => self.dialogs.open(Dialog::Start(Box::new(StartSheet {
                models: model_choices(self.prices.catalog()),
                ..StartSheet::default()
            }))),
            Command::Open if self.place.in_browser => {
                self.web_requests
                    .push_back(WebRequest::Upload(Upload::Scenario));
            }
            Command::ImportUsage if self.place.in_browser => {
                self.web_requests
                    .push_back(WebRequest::Upload(Upload::Usage));
            }
            Command::ImportPrices if self.place.in_browser => {
                self.notice = Some(NO_PRICES_IN_A_PAGE.to_owned());
            }
            Command::Save | Command::SaveAs if self.place.in_browser => {
                self.download_scenario();
            }
            Command::Export if self.place.in_browser => self.download_report(),
            Command::Open => self.ask_path(Purpose::Open, None),
            Command::Save => self.save(None, None),
            Command::SaveAs => self.ask_path(Purpose::SaveAs, None),
            Command::Export => self.ask_export(),
            Command::ImportUsage => self.dialogs.open(Dialog::Path {
                purpose: Purpose::ImportUsage,
                text: String::new(),
                then: None,
            }),
            Command::ImportPrices => self.dialogs.open(Dialog::Path {
                purpose: Purpose::ImportPrices,
                text: String::new(),
                then: None,
            }),
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::CopySummary => self.copy_summary(),
            Command::PinBaseline => self.pin_baseline(),
            Command::ResetToBaseline => {
                if let Some(baseline) = &self.workshop.baseline {
                    self.doc.edit(baseline.scenario.clone(), false);
                }
            }
            Command::ClearBaseline => self.workshop.baseline = None,
            Command::CompareWith => self.ask_compare(),
            Command::CloseComparison => self.workshop.comparison = None,
            Command::Present => {
                let on = !self.workshop.presenting;
                self.apply_workshop(WorkshopAction::Present(on));
            }
        }
        self.workshop_changed = true;
    }

    /// Takes back the unsaved work kept in a recovery file.
    fn restore(&mut self, file: &Path) {
        let Some(found) = read(file) else {
            self.dialogs.message(
                "Could not restore the unsaved work",
                vec![format!("{} could no longer be read.", file.display())],
            );
            return;
        };
        let saved = found
            .path
            .as_deref()
            .and_then(|p| load_scenario(p).ok())
            .unwrap_or_else(Scenario::embedded_default);
        let path = found.path.clone().filter(|p| p.exists());
        self.doc = Document::restored(found.scenario, path, saved);
        let _ = std::fs::remove_file(&found.file);
    }

    /// Validates and computes the scenario when it has changed since the figures on screen, and
    /// compares the workshop's scenarios with it.
    pub(super) fn evaluate(&mut self) {
        self.feature = self
            .feature
            .min(self.doc.scenario().feature_count().saturating_sub(1));
        if self.evaluated != Some(self.figures_key()) {
            self.evaluated = Some(self.figures_key());
            self.compute_figures();
            self.workshop_changed = true;
        }
        if let Some(computed) = &mut self.computed {
            let shown = self.legend.over(computed.shown_by_default());
            if computed.chart.shown != shown {
                computed.show(shown);
                // The overlays are drawn across the same volumes.
                self.workshop_changed = true;
            }
        }
        if self.workshop_changed {
            // The workshop compares whole scenarios: their first features' figures.
            let first = if self.feature == 0 {
                self.computed.as_ref()
            } else {
                self.whole.as_ref()
            };
            self.workshop.refresh(self.doc.scenario(), first);
            self.workshop_changed = false;
        }
    }

    /// What the figures on screen are of: the scenario's revision and the feature shown.
    pub(super) fn figures_key(&self) -> u64 {
        let feature = u64::try_from(self.feature).unwrap_or(u64::MAX);
        self.doc.revision().wrapping_mul(64).wrapping_add(feature)
    }

    /// The feature shown, as a scenario of its own.
    pub(super) fn shown_scenario(&self) -> Scenario {
        let whole = self.doc.scenario();
        whole.feature(self.feature).unwrap_or_else(|| whole.clone())
    }

    fn compute_figures(&mut self) {
        let problems = breakeven_model::scenario::validate(self.doc.scenario());
        if !problems.is_empty() {
            self.problems = problems;
            self.stale = self.computed.is_some();
            return;
        }
        match evaluate_in(&self.shown_scenario(), self.today, self.prices.catalog()) {
            Ok(evaluation) => {
                self.problems.clear();
                self.computed = Some(evaluation);
                self.stale = false;
                self.compute_error = None;
                self.whole = if self.doc.scenario().has_features() {
                    evaluate_in(self.doc.scenario(), self.today, self.prices.catalog()).ok()
                } else {
                    None
                };
            }
            Err(EvaluateError::Invalid(problems)) => {
                self.problems = problems;
                self.stale = self.computed.is_some();
            }
            Err(EvaluateError::Compute(error)) => {
                self.problems.clear();
                self.stale = self.computed.is_some();
                self.compute_error = Some(error.to_string());
            }
        }
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
