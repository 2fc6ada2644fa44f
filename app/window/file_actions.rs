//! The window's side of files: asking for a path, opening, saving, and replacing the scenario,
//! each reached through the one door ([`BreakevenApp::apply`]). A child of `window`, so it
//! reaches the document without widening its fields.

use std::path::{Path, PathBuf};

use breakeven_model::benchmark::BenchError;
use breakeven_model::engine::ShownChoices;
use breakeven_model::scenario::{CURRENT_VERSION, Loaded, migration_note};
use breakeven_model::start::{start, starting_point};
use breakeven_model::usage::UsageError;
use breakeven_model::{LoadError, Scenario};

use super::app::{BreakevenApp, Upload};
use crate::action::Action;
use crate::error::FileError;
use crate::state::document::Document;
use crate::state::files::open_scenario;
use crate::state::own_numbers::{benchmark_from_upload, usage_from_upload};
use crate::state::recent::remember;
use crate::state::start::StartSheet;
use crate::ui::dialogs::{Dialog, Purpose};

impl BreakevenApp {
    pub(super) fn ask_path(&mut self, purpose: Purpose, then: Option<Box<Action>>) {
        let text = self
            .doc
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.dialogs.open(Dialog::Path {
            purpose,
            text,
            then,
        });
    }

    pub(super) fn replace(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        self.doc = Document::new(scenario, path);
        self.computed = None;
        // Another scenario's charts start from its own default: what it rules out is left out.
        self.legend = ShownChoices::default();
        // Against another scenario, every input would be listed as changed.
        self.workshop.baseline = None;
    }

    /// A new, untitled scenario from the start sheet's answers; answers that cannot be used
    /// bring the sheet back with why beside each field. The new scenario is unsaved work from
    /// the start: closing asks, and recovery keeps it.
    pub(super) fn start_new(&mut self, sheet: StartSheet) {
        let started = sheet
            .answers()
            .and_then(|answers| start(&answers, self.prices.catalog(), self.today));
        match started {
            Ok(scenario) => {
                self.replace(scenario.clone(), None);
                self.doc = Document::restored(scenario, None, starting_point());
            }
            Err(problems) => self
                .dialogs
                .open(Dialog::Start(Box::new(StartSheet { problems, ..sheet }))),
        }
    }

    /// Opens `path`; a file that cannot be opened leaves the scenario as it was and says why.
    pub(super) fn open_file(&mut self, path: &Path) {
        match open_scenario(path) {
            Ok(Loaded {
                scenario,
                migrated_from,
            }) => {
                self.replace(scenario, Some(path.to_owned()));
                remember(&mut self.recent, path.to_owned());
                if let Some(old) = migrated_from {
                    self.dialogs.open(Dialog::Message {
                        title: "Opened an older file".into(),
                        lines: vec![format!(
                            "{} is scenario format version {old}. It was read as version {}, with {}; saving \
                             writes version {}.",
                            path.display(),
                            CURRENT_VERSION,
                            migration_note(old),
                            CURRENT_VERSION
                        )],
                    });
                }
            }
            Err(error) => {
                let lines = match &error {
                    FileError::Load {
                        error: LoadError::Invalid(problems),
                        ..
                    } => problems.iter().map(ToString::to_string).collect(),
                    other => vec![other.to_string()],
                };
                self.dialogs.open(Dialog::Message {
                    title: format!("Could not open {}", path.display()),
                    lines,
                });
            }
        }
    }

    /// Saves (to `path`, or where it was saved), then does `then`.
    pub(super) fn save(&mut self, path: Option<&Path>, then: Option<Box<Action>>) {
        if self.place.in_browser {
            // A page saves by download; what was to follow goes on once the work is kept.
            if self.download_scenario()
                && let Some(then) = then
            {
                self.apply(Action::Discarding(then));
            }
            return;
        }
        if path.is_none() && self.doc.path().is_none() {
            self.ask_path(Purpose::SaveAs, then);
            return;
        }
        match self.doc.save(path) {
            Ok(saved) => {
                remember(&mut self.recent, saved);
                if let Some(then) = then {
                    self.apply(*then);
                }
            }
            Err(error) => {
                self.dialogs.open(Dialog::Message {
                    title: "Not saved".into(),
                    lines: vec![error, "Your edits are still here, unsaved.".into()],
                });
            }
        }
    }
}

/// Files in a browser page: opened from an upload, saved and exported as downloads.
impl BreakevenApp {
    /// Takes the file a reader uploaded for `upload`, `name` being the file's name: as the
    /// desktop takes the file at a path. A file that cannot be read changes nothing and says
    /// why.
    pub(super) fn uploaded(&mut self, upload: Upload, name: &str, raw: Vec<u8>) {
        match upload {
            Upload::Scenario => self.open_upload(name, &raw),
            Upload::Compare => self.compare_upload(name, &raw),
            Upload::Usage => self.show_usage(usage_from_upload(name, raw), name),
            Upload::Benchmark(base) => {
                self.show_benchmark(base, benchmark_from_upload(name, raw), name.to_owned());
            }
        }
    }

    /// Says that the file a reader uploaded for `upload` as `name` is `size` bytes, more than
    /// such a file is read up to: it was not read, and nothing changes.
    pub(super) fn upload_too_large(&mut self, upload: Upload, name: &str, size: u64) {
        match upload {
            Upload::Scenario | Upload::Compare => self.dialogs.message(
                &format!("Could not open {name}"),
                vec![
                    LoadError::TooLarge {
                        bytes: size,
                        limit: upload.limit(),
                    }
                    .to_string(),
                    "Your scenario is as it was.".to_owned(),
                ],
            ),
            Upload::Usage => {
                let why = UsageError::TooLarge { bytes: size };
                self.show_usage(Err(format!("{name}: {why}.")), name);
            }
            Upload::Benchmark(base) => {
                let why = BenchError::TooLarge { bytes: size };
                self.show_benchmark(base, Err(format!("{name}: {why}.")), name.to_owned());
            }
        }
    }

    /// Opens the scenario a reader uploaded as `name`; a file that cannot be read leaves the
    /// scenario as it is and says why.
    fn open_upload(&mut self, name: &str, raw: &[u8]) {
        match breakeven_model::scenario::load_bytes(raw) {
            Ok(Loaded {
                scenario,
                migrated_from,
            }) => {
                self.replace(scenario, None);
                if let Some(old) = migrated_from {
                    self.dialogs.open(Dialog::Message {
                        title: "Opened an older file".into(),
                        lines: vec![format!(
                            "{name} is scenario format version {old}. It was read as version {CURRENT_VERSION}, with {}.",
                            migration_note(old),
                        )],
                    });
                }
            }
            Err(error) => {
                let lines = match error {
                    LoadError::Invalid(problems) => {
                        problems.iter().map(ToString::to_string).collect()
                    }
                    other => vec![other.to_string()],
                };
                self.dialogs.open(Dialog::Message {
                    title: format!("Could not open {name}"),
                    lines,
                });
            }
        }
    }

    /// The scenario as a download, named after it; returns whether it was given, or says why
    /// not.
    pub(super) fn download_scenario(&mut self) -> bool {
        let scenario = self.doc.scenario();
        match breakeven_model::scenario::to_ron_string(scenario) {
            Ok(text) => {
                self.web_requests
                    .push_back(super::app::WebRequest::Download {
                        name: crate::export::scenario_file::file_name(None, &scenario.name),
                        bytes: text.into_bytes(),
                        mime: "text/plain",
                    });
                true
            }
            Err(error) => {
                self.dialogs
                    .message("Nothing saved", vec![error.to_string()]);
                false
            }
        }
    }

    /// The report as a download: the HTML report of the scenario's figures, without the
    /// charts, which a page cannot draw with the export's font.
    pub(super) fn download_report(&mut self) {
        let scenario = self.doc.scenario().clone();
        match breakeven_model::evaluate_in(&scenario, self.today, self.prices.catalog()) {
            Ok(evaluation) => {
                let stem = crate::export::scenario_file::file_name(None, &scenario.name);
                let stem = stem.trim_end_matches(".ron");
                self.web_requests
                    .push_back(super::app::WebRequest::Download {
                        name: format!("{stem}-report.html"),
                        bytes: evaluation.html(&[]).into_bytes(),
                        mime: "text/html",
                    });
            }
            Err(error) => self.dialogs.message(
                "Nothing exported: the scenario has problems",
                vec![error.to_string()],
            ),
        }
    }
}
