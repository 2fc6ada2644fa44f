//! The dialogs, one file each, and their one owner, [`Dialogs`]: at most one is on screen, as a
//! modal, and what the user chooses there is pushed as an [`Action`]. Open, Save As, Export and
//! Compare with take a path typed in the window, which always works, and offer the desktop's own
//! dialog ([`crate::ui::widgets::browse`]) beside it.

mod compare;
mod exported;
mod message;
mod path;
mod preview;
mod restore;
mod start;
mod unsaved;

use std::path::PathBuf;

use egui::Ui;

use crate::action::Action;
use crate::state::recovery::Found;
use crate::state::start::StartSheet;
use crate::ui::widgets::browse::{Ask, Browser};

/// What a path dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a scenario.
    Open,
    /// Save the scenario under a new name.
    SaveAs,
    /// Export the board-deck pack into a folder, its `interactive.html` read-only or not.
    Export {
        /// The page lets the client change only the volume.
        read_only: bool,
    },
    /// Import a price list into the catalog.
    ImportPrices,
    /// Read a usage export, to measure the workload.
    ImportUsage,
    /// Read a benchmark into the instances at this path (`self_host.hosting`).
    ImportBenchmark(&'static str),
}

impl Purpose {
    /// What the desktop's own dialog is asked for.
    const fn ask(self) -> Ask {
        match self {
            Self::Open => Ask::OpenScenario,
            Self::SaveAs => Ask::SaveScenario,
            Self::Export { .. } => Ask::Folder,
            Self::ImportPrices | Self::ImportBenchmark(_) => Ask::PriceList,
            Self::ImportUsage => Ask::UsageFile,
        }
    }
}

/// A dialog on screen.
pub enum Dialog {
    /// A path to open, save to or export into, typed or browsed for.
    Path {
        /// What the path is for.
        purpose: Purpose,
        /// The path typed so far.
        text: String,
        /// Done after a save, when the save was asked for by a prompt.
        then: Option<Box<Action>>,
    },
    /// Another scenario file to compare with, typed or browsed for, or a built-in example.
    Compare {
        /// The path typed so far.
        text: String,
        /// In a browser page: the file is uploaded, not typed.
        upload: bool,
    },
    /// Unsaved changes would be thrown away by `then`.
    Unsaved {
        /// What to do after saving or discarding.
        then: Box<Action>,
    },
    /// Unsaved work from a run that ended without saving it.
    Restore(Box<Found>),
    /// An export was written: where, and what.
    Exported {
        /// The folder, as the user gave it.
        folder: PathBuf,
        /// The names of the files written, the report first.
        files: Vec<String>,
        /// The report's address for a browser (`file:///…`), when the folder could be resolved.
        report_url: Option<String>,
        /// What was not written, and how to get it: `interactive.html` without a web bundle.
        note: Option<String>,
    },
    /// File > New's start sheet: the few answers a new scenario starts from.
    Start(Box<StartSheet>),
    /// A file the user gave, read: what it would change, to apply or not.
    Preview {
        /// The heading.
        title: String,
        /// What it would change, a line each.
        lines: Vec<String>,
        /// The label of the button that applies it.
        apply: String,
        /// What that button does.
        then: Box<Action>,
    },
    /// Something went wrong, or is worth knowing.
    Message {
        /// The heading.
        title: String,
        /// The lines.
        lines: Vec<String>,
    },
}

/// The dialog on screen and the desktop's own file dialog running for it, if any.
#[derive(Default)]
pub struct Dialogs {
    current: Option<Dialog>,
    browser: Browser,
}

impl Dialogs {
    /// The dialog on screen, if any.
    #[must_use]
    pub const fn current(&self) -> Option<&Dialog> {
        self.current.as_ref()
    }

    /// Whether a dialog is on screen.
    #[must_use]
    pub const fn is_open(&self) -> bool {
        self.current.is_some()
    }

    /// Shows `dialog`, in place of any other.
    pub fn open(&mut self, dialog: Dialog) {
        self.current = Some(dialog);
    }

    /// A message, in place of any other dialog.
    pub fn message(&mut self, title: &str, lines: Vec<String>) {
        self.open(Dialog::Message {
            title: title.to_owned(),
            lines,
        });
    }

    /// Takes the desktop dialog's answer into the path field, when it has come.
    fn receive(&mut self) {
        if let (Some(path), Some(Dialog::Path { text, .. } | Dialog::Compare { text, .. })) =
            (self.browser.picked(), &mut self.current)
        {
            *text = path.display().to_string();
        }
    }

    /// The dialog on screen, if any; pushes what the user chose and closes it when it is done,
    /// or when Esc is pressed.
    /// `document` is the open scenario's name, for the prompts that name it.
    pub fn ui(&mut self, ui: &mut Ui, document: &str, actions: &mut Vec<Action>) {
        self.receive();
        let Some(dialog) = &mut self.current else {
            return;
        };
        let mut done = false;
        let mut browse = None;
        egui::Modal::new(egui::Id::unique("dialog")).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            done = match dialog {
                Dialog::Path {
                    purpose,
                    text,
                    then,
                } => {
                    let (done, browsing) = path::show(ui, purpose, text, then, actions);
                    browse = browsing.then(|| purpose.ask());
                    done
                }
                Dialog::Compare { text, upload } => {
                    let (done, browsing) = compare::show(ui, text, *upload, actions);
                    browse = browsing.then_some(Ask::OpenScenario);
                    done
                }
                Dialog::Unsaved { then } => unsaved::show(ui, document, then, actions),
                Dialog::Restore(found) => restore::show(ui, found, actions),
                Dialog::Exported {
                    folder,
                    files,
                    report_url,
                    note,
                } => exported::show(ui, (folder, files), report_url.as_deref(), note.as_deref()),
                Dialog::Start(sheet) => start::show(ui, sheet, actions),
                Dialog::Message { title, lines } => message::show(ui, title, lines),
                Dialog::Preview {
                    title,
                    lines,
                    apply,
                    then,
                } => preview::show(ui, title, lines, apply, then, actions),
            };
        });
        if let Some(ask) = browse {
            self.browser.start(ask, ui.ctx());
        }
        // Esc closes every dialog as its Cancel or OK would, choosing nothing: a path is not
        // taken, unsaved work is not thrown away, a recovery file is kept for the next start.
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            done = true;
        }
        if done {
            self.current = None;
        }
    }
}
