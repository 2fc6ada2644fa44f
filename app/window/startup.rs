//! How the window starts, the same way for a user and for a test: the file given, what the last
//! run kept in eframe's storage, and unsaved work a run that ended left in the recovery folder.
//! A child of `window`, so it builds the app without widening its fields.

use std::path::{Path, PathBuf};
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::Arc;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::atomic::{AtomicBool, Ordering};

use breakeven_model::Scenario;
use breakeven_model::engine::ShownChoices;
use breakeven_model::scenario::{load_draft, to_ron_string};
use chrono::{Local, NaiveDate};

use super::app::BreakevenApp;
use crate::export::interactive::WebBundle;
use crate::state::document::Document;
use crate::state::files::load_scenario;
#[cfg(not(target_arch = "wasm32"))]
use crate::state::recovery::panic_message;
use crate::state::recovery::{Recovery, install_panic_hook};
use crate::state::workshop::Workshop;
use crate::ui::dialogs::{Dialog, Dialogs};
use crate::ui::figures::Tab;
use crate::ui::inputs::InputsPanel;

/// What the window starts with. [`Startup::new`] is how a user starts it; tests change the day
/// and the recovery folder, nothing else.
#[derive(Clone, Debug)]
pub struct Startup {
    /// The scenario file to open; without one, the last scenario or the built-in example.
    pub file: Option<PathBuf>,
    /// The day review dates and catalog ages are judged on.
    pub today: NaiveDate,
    /// Where unsaved work is written aside every few seconds and on a crash; `None` keeps
    /// nothing aside (only where no folder can be found for the user).
    pub recovery_folder: Option<PathBuf>,
    /// Monte Carlo samples of a scenario with ranges: 10,000, or `BREAKEVEN_SAMPLES` where a
    /// slow machine wants fewer.
    pub samples: u32,
    /// Where the imported prices are kept: the data folder; `None` keeps none.
    pub prices_folder: Option<PathBuf>,
    /// A scenario to open as it is, without a file: the one a page carries, in a browser.
    pub opened: Option<Scenario>,
    /// A page whose reader may move the volume, switch tabs and present, but not change the
    /// inputs (`breakeven export --read-only`).
    pub read_only: bool,
    /// The window runs in a browser: files are uploaded and downloaded through the page
    /// ([`crate::window::WebRequest`]), and nothing is kept on disk.
    pub in_browser: bool,
    /// Where File > Export looks for the web bundle that makes `interactive.html`, in order
    /// ([`WebBundle::places`]); none writes the pack without the page.
    pub web_bundles: Vec<PathBuf>,
}

impl Startup {
    /// As a user starts Breakeven: today's date from the clock, and recovery files in the
    /// folder beside eframe's own storage.
    #[must_use]
    pub fn new(file: Option<PathBuf>) -> Self {
        Self {
            file,
            today: Local::now().date_naive(),
            recovery_folder: Recovery::default_folder(),
            samples: std::env::var("BREAKEVEN_SAMPLES")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(breakeven_model::uncertainty::DEFAULT_SAMPLES),
            prices_folder: crate::state::data::folder(),
            opened: None,
            read_only: false,
            in_browser: false,
            web_bundles: WebBundle::places(),
        }
    }
}

/// What is kept between runs (eframe keeps the window's size and the theme itself).
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Persisted {
    recent: Vec<PathBuf>,
    /// The scenario's file, when it has one.
    last_path: Option<PathBuf>,
    /// The scenario as RON, when it had unsaved changes or no file.
    unsaved: Option<String>,
}

impl BreakevenApp {
    /// The app as it starts: `startup`'s file (a file that cannot be opened leaves the example
    /// open and the reason on screen), the recent files and, without a file, the last scenario
    /// from `storage`, and the offer to restore unsaved work an ended run left behind.
    #[must_use]
    pub fn start(startup: Startup, storage: Option<&dyn eframe::Storage>) -> Self {
        let Startup {
            file,
            today,
            recovery_folder,
            samples,
            prices_folder,
            opened,
            read_only,
            in_browser,
            web_bundles,
        } = startup;
        let given = opened.is_some();
        let (scenario, path, load_error) = match (opened, &file) {
            (Some(scenario), _) => (scenario, None, None),
            (None, None) => (Scenario::embedded_default(), None, None),
            (None, Some(path)) => match load_scenario(path) {
                Ok(scenario) => (scenario, Some(path.clone()), None),
                Err(error) => (Scenario::embedded_default(), None, Some(error.to_string())),
            },
        };
        let file_given = given || path.is_some();
        let mut app = Self {
            doc: Document::new(scenario, path),
            dialogs: Dialogs::default(),
            recent: Vec::new(),
            shown_title: String::new(),
            closing: false,
            problems: Vec::new(),
            computed: None,
            feature: 0,
            whole: None,
            evaluated: None,
            workshop_changed: true,
            stale: false,
            compute_error: None,
            load_error,
            inputs: InputsPanel::default(),
            tab: Tab::Costs,
            today,
            recovery: None,
            clipboard: None,
            notice: None,
            workshop: Workshop::default(),
            legend: ShownChoices::default(),
            // A page has no threads: its samples are computed a few in each frame.
            sampler: if in_browser {
                crate::state::sampling::Sampler::in_frames(samples)
            } else {
                crate::state::sampling::Sampler::new(samples)
            },
            prices: crate::state::prices::Prices::load(prices_folder),
            pending_prices: None,
            pending_usage: None,
            pending_benchmark: None,
            place: super::app::Place {
                in_browser,
                read_only,
            },
            web_requests: std::collections::VecDeque::new(),
            web_bundles,
        };
        app.restore_session(storage, file_given);
        if let Some(folder) = recovery_folder {
            let recovery = Recovery::new(folder);
            if let Some(found) = recovery.left_behind().into_iter().next() {
                if found.scenario == *app.doc.scenario() && found.path.as_deref() == app.doc.path()
                {
                    // eframe's storage brought the same work back already: nothing to offer.
                    let _ = std::fs::remove_file(&found.file);
                } else {
                    app.dialogs.open(Dialog::Restore(Box::new(found)));
                }
            }
            app.recovery = Some(recovery);
        }
        if let Some(why) = app.prices.problem() {
            app.notice = Some(format!(
                "Imported prices not read ({why}); the catalog is the built-in one."
            ));
        }
        app.evaluate();
        app.note_for_recovery();
        app
    }

    /// Makes a panic, wherever it happens, write the unsaved work into the recovery folder
    /// before the process ends, and say where. [`run`] calls it once the window is up.
    pub fn keep_work_on_panic(&self) {
        if let Some(recovery) = &self.recovery {
            install_panic_hook(recovery);
        }
    }

    /// The recovery file this instance writes its unsaved work to, when it keeps any.
    #[must_use]
    pub fn recovery_file(&self) -> Option<&Path> {
        self.recovery.as_ref().map(Recovery::file)
    }

    /// Tells the recovery the document's newest state, for the panic hook.
    pub(super) fn note_for_recovery(&self) {
        if let Some(recovery) = &self.recovery {
            recovery.note(self.doc.scenario(), self.doc.path(), self.doc.is_dirty());
        }
    }

    /// Takes the recent files and, when no file was given to open, the last scenario, saved
    /// or not, from what the previous run kept.
    fn restore_session(&mut self, storage: Option<&dyn eframe::Storage>, file_given: bool) {
        let Some(kept) = storage.and_then(|s| eframe::get_value::<Persisted>(s, eframe::APP_KEY))
        else {
            return;
        };
        self.recent = kept.recent;
        if file_given {
            return;
        }
        let on_disk = kept
            .last_path
            .as_deref()
            .and_then(|p| load_scenario(p).ok());
        let unsaved = kept
            .unsaved
            .as_deref()
            .and_then(|text| load_draft(text).ok());
        self.doc = match (unsaved, on_disk) {
            (Some(edited), Some(saved)) => Document::restored(edited, kept.last_path, saved),
            (Some(edited), None) => Document::restored(edited, None, Scenario::embedded_default()),
            (None, Some(saved)) => Document::new(saved, kept.last_path),
            (None, None) => return,
        };
    }

    /// What eframe's storage keeps of this run.
    pub(super) fn session(&self, storage: &mut dyn eframe::Storage) {
        let unsaved = (self.doc.is_dirty() || self.doc.path().is_none())
            .then(|| to_ron_string(self.doc.scenario()).ok())
            .flatten();
        let kept = Persisted {
            recent: self.recent.clone(),
            last_path: self.doc.path().map(Path::to_path_buf),
            unsaved,
        };
        eframe::set_value(storage, eframe::APP_KEY, &kept);
    }
}

/// Opens the window on `file` (or the last scenario, or the built-in example) and runs it until
/// it is closed.
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn run(file: Option<&Path>) -> ExitCode {
    let startup = Startup::new(file.map(Path::to_path_buf));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Breakeven")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([1024.0, 600.0]),
        ..Default::default()
    };
    let opened = Arc::new(AtomicBool::new(false));
    let creator_opened = Arc::clone(&opened);
    // Until the window is up, a panic is a library the window loads failing (reported below, in
    // one sentence, without a backtrace); from then on, the default report and the recovery.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let creator: eframe::AppCreator<'_> = Box::new(move |cc| {
        creator_opened.store(true, Ordering::Relaxed);
        std::panic::set_hook(default_hook);
        let app = BreakevenApp::start(startup, cc.storage);
        if let Some(error) = app.load_error() {
            eprintln!("{error}; opening the built-in example instead.");
        }
        if let Some(Dialog::Restore(found)) = app.dialog() {
            eprintln!(
                "Unsaved work from an earlier run was found in {}; the window offers to restore it.",
                found.file.display()
            );
        }
        app.keep_work_on_panic();
        Ok(Box::new(app))
    });
    // A library the window loads at run time may panic when it is missing (xkbcommon-dl does,
    // for libxkbcommon-x11): say so as for any other window that cannot open.
    // Once the window is up, a panic is an internal error the panic hook has reported.
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        eframe::run_native("Breakeven", options, creator).map_err(|error| error.to_string())
    }));
    match ran {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => cannot_open(&error),
        Err(_) if opened.load(Ordering::Relaxed) => ExitCode::FAILURE,
        Err(panic) => cannot_open(&panic_message(&*panic)),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn cannot_open(error: &str) -> ExitCode {
    eprintln!(
        "The window could not open ({error}). Without a display, use `breakeven check`, `breakeven report` \
         or `breakeven quick`; see `breakeven --help`."
    );
    ExitCode::FAILURE
}
