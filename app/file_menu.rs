//! The File and Edit menus, their shortcuts, and the dialogs they open. Open, Save As and Export
//! take a path typed in the window, which always works, and offer the desktop's own dialog
//! ([`crate::browse`]) beside it.

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::browse::{Ask, Browser, path_field_ui};
use crate::examples::EXAMPLES;
use crate::recovery::Found;
use crate::window::Action;

/// Most recent files remembered.
pub const MAX_RECENT: usize = 8;

/// What a path dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a scenario.
    Open,
    /// Save the scenario under a new name.
    SaveAs,
    /// Export the board-deck pack into a folder.
    Export,
}

/// A dialog on screen.
pub enum Dialog {
    /// A path to open or save to, typed or browsed for.
    Path {
        /// Open or save.
        purpose: Purpose,
        /// The path typed so far.
        text: String,
        /// Done after a save, when the save was asked for by a prompt.
        then: Option<Box<Action>>,
    },
    /// Unsaved changes would be thrown away by `then`.
    Unsaved {
        /// What to do after saving or discarding.
        then: Box<Action>,
    },
    /// Unsaved work from a run that ended without saving it.
    Restore(Box<crate::recovery::Found>),
    /// An export was written: where, and what.
    Exported {
        /// The folder, as the user gave it.
        folder: PathBuf,
        /// The names of the files written, the report first.
        files: Vec<String>,
        /// The report's address for a browser (`file:///…`), when the folder could be resolved.
        report_url: Option<String>,
    },
    /// Something went wrong, or is worth knowing.
    Message {
        /// The heading.
        title: String,
        /// The lines.
        lines: Vec<String>,
    },
}

/// The menus' state: the dialog on screen and the native dialog running, if any.
#[derive(Default)]
pub struct Files {
    /// The dialog on screen.
    pub dialog: Option<Dialog>,
    browser: Browser,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NEW: KeyboardShortcut = shortcut(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = shortcut(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = shortcut(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = shortcut(SHIFT_COMMAND, Key::S);
const UNDO: KeyboardShortcut = shortcut(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = shortcut(SHIFT_COMMAND, Key::Z);
const REDO_Y: KeyboardShortcut = shortcut(Modifiers::COMMAND, Key::Y);
const EXPORT: KeyboardShortcut = shortcut(Modifiers::COMMAND, Key::E);
const COPY_SUMMARY: KeyboardShortcut = shortcut(SHIFT_COMMAND, Key::C);

/// The actions the keyboard asks for this frame.
pub fn shortcuts(ui: &mut Ui) -> Vec<Action> {
    // With Shift first: Ctrl+S would also match Ctrl+Shift+S.
    let table: [(KeyboardShortcut, fn() -> Action); 9] = [
        (SAVE_AS, || Action::AskSaveAs),
        (REDO, || Action::Redo),
        (COPY_SUMMARY, || Action::CopySummary),
        (EXPORT, || Action::AskExport),
        (NEW, || Action::New),
        (OPEN, || Action::AskOpen),
        (SAVE, || Action::Save),
        (UNDO, || Action::Undo),
        (REDO_Y, || Action::Redo),
    ];
    let mut actions = Vec::new();
    for (keys, action) in table {
        if ui.input_mut(|i| i.consume_shortcut(&keys)) {
            actions.push(action());
        }
    }
    actions
}

fn item(ui: &mut Ui, text: &str, keys: Option<&KeyboardShortcut>, enabled: bool) -> bool {
    let mut button = egui::Button::new(text);
    if let Some(keys) = keys {
        button = button.shortcut_text(ui.ctx().format_shortcut(keys));
    }
    ui.add_enabled(enabled, button).clicked()
}

/// The File and Edit menus, then the menus `more` adds.
pub fn menu_ui(
    ui: &mut Ui,
    recent: &[PathBuf],
    can_undo: bool,
    can_redo: bool,
    actions: &mut Vec<Action>,
    more: impl FnOnce(&mut Ui, &mut Vec<Action>),
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New", Some(&NEW), true) {
                actions.push(Action::New);
            }
            if item(ui, "Open…", Some(&OPEN), true) {
                actions.push(Action::AskOpen);
            }
            ui.menu_button("Open Recent", |ui| {
                if recent.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in recent {
                    let exists = path.exists();
                    let response =
                        ui.add_enabled(exists, egui::Button::new(path.display().to_string()));
                    if response.clicked() {
                        actions.push(Action::Open(path.clone()));
                    }
                    if !exists {
                        response.on_disabled_hover_text("This file is no longer there.");
                    }
                }
            });
            ui.menu_button("Examples", |ui| {
                for (index, (name, _)) in EXAMPLES.iter().enumerate() {
                    if ui.button(*name).clicked() {
                        actions.push(Action::OpenExample(index));
                    }
                }
            });
            if item(ui, "Compare with…", None, true) {
                actions.push(Action::Workshop(
                    crate::workshop::WorkshopAction::AskCompare,
                ));
            }
            ui.separator();
            if item(ui, "Save", Some(&SAVE), true) {
                actions.push(Action::Save);
            }
            if item(ui, "Save As…", Some(&SAVE_AS), true) {
                actions.push(Action::AskSaveAs);
            }
            ui.separator();
            if item(ui, "Export…", Some(&EXPORT), true) {
                actions.push(Action::AskExport);
            }
        });
        ui.menu_button("Edit", |ui| {
            if item(ui, "Undo", Some(&UNDO), can_undo) {
                actions.push(Action::Undo);
            }
            if item(ui, "Redo", Some(&REDO), can_redo) {
                actions.push(Action::Redo);
            }
            ui.separator();
            if item(ui, "Copy Summary as Markdown", Some(&COPY_SUMMARY), true) {
                actions.push(Action::CopySummary);
            }
        });
        more(ui, actions);
    });
}

impl Files {
    /// Takes a native dialog's answer into the path field, when it has come.
    fn receive(&mut self) {
        if let (Some(path), Some(Dialog::Path { text, .. })) =
            (self.browser.picked(), &mut self.dialog)
        {
            *text = path.display().to_string();
        }
    }

    /// The dialog on screen, if any; pushes what the user chose.
    pub fn dialog_ui(&mut self, ui: &mut Ui, document_name: &str, actions: &mut Vec<Action>) {
        self.receive();
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let mut close = false;
        let mut browse = None;
        egui::Modal::new(egui::Id::unique("file-dialog")).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            close = match dialog {
                Dialog::Path {
                    purpose,
                    text,
                    then,
                } => path_ui(ui, *purpose, text, then, actions, &mut browse),
                Dialog::Unsaved { then } => unsaved_ui(ui, document_name, then, actions),
                Dialog::Restore(found) => restore_ui(ui, found, actions),
                Dialog::Exported {
                    folder,
                    files,
                    report_url,
                } => exported_ui(ui, folder, files, report_url.as_deref()),
                Dialog::Message { title, lines } => message_ui(ui, title, lines),
            };
        });
        if let Some(purpose) = browse {
            let ask = match purpose {
                Purpose::Open => Ask::OpenScenario,
                Purpose::SaveAs => Ask::SaveScenario,
                Purpose::Export => Ask::Folder,
            };
            self.browser.start(ask, ui.ctx());
        }
        if close {
            self.dialog = None;
        }
    }
}

/// The path dialog; returns whether it is done.
fn path_ui(
    ui: &mut Ui,
    purpose: Purpose,
    text: &mut String,
    then: &mut Option<Box<Action>>,
    actions: &mut Vec<Action>,
    browse: &mut Option<Purpose>,
) -> bool {
    let (title, verb, what) = match purpose {
        Purpose::Open => (
            "Open a scenario",
            "Open",
            "Type the file's path, or browse for it.",
        ),
        Purpose::SaveAs => (
            "Save the scenario as",
            "Save",
            "Type the file's path, or browse for it.",
        ),
        Purpose::Export => (
            "Export for a board deck",
            "Export",
            "An HTML report (open it in a browser to print a PDF), the charts as SVG and as 16:9 PNG, \
             the month-by-month CSV, and the JSON and Markdown reports, written into this folder. \
             Type the folder's path, or browse for it.",
        ),
    };
    ui.heading(title);
    ui.label(what);
    let entered = path_field_ui(ui, "Path", text, 360.0);
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Browse…").clicked() {
            *browse = Some(purpose);
        }
        let ready = !text.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new(verb)).clicked() || (entered && ready) {
            let path = PathBuf::from(text.trim());
            actions.push(match purpose {
                Purpose::Open => Action::Open(path),
                Purpose::SaveAs => Action::SaveAs(path, then.take()),
                Purpose::Export => Action::Export(path),
            });
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    done
}

/// The prompt before unsaved changes are thrown away; returns whether it is done.
fn unsaved_ui(ui: &mut Ui, document_name: &str, then: &Action, actions: &mut Vec<Action>) -> bool {
    ui.heading("Unsaved changes");
    ui.label(format!(
        "\"{document_name}\" has changes that are not saved. Save them first?"
    ));
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            actions.push(Action::SaveThen(Box::new(then.clone())));
            done = true;
        }
        if ui.button("Discard").clicked() {
            actions.push(Action::Discarding(Box::new(then.clone())));
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    done
}

/// The offer to restore work an ended run left unsaved; returns whether it is done. Restore has
/// the keyboard, so Enter takes the work back.
fn restore_ui(ui: &mut Ui, found: &Found, actions: &mut Vec<Action>) -> bool {
    ui.heading("Restore unsaved work?");
    let place = found.path.as_ref().map_or_else(
        || "a scenario never saved".to_owned(),
        |p| p.display().to_string(),
    );
    let how = match &found.crash {
        Some(error) => format!("stopped on an internal error ({error})"),
        None => "ended".to_owned(),
    };
    ui.label(format!(
        "Breakeven {how} last time with unsaved changes to \"{}\" ({place}). They were kept \
         in {}.",
        found.scenario.name,
        found.file.display()
    ));
    let mut done = false;
    ui.horizontal(|ui| {
        let restore = ui.button("Restore");
        if ui.memory(|m| m.focused().is_none()) {
            restore.request_focus();
        }
        if restore.clicked() {
            actions.push(Action::Restore(Box::new(found.clone())));
            done = true;
        }
        if ui.button("Discard").clicked() {
            actions.push(Action::ForgetRecovered(found.file.clone()));
            done = true;
        }
    });
    done
}

/// A message; returns whether it was read.
fn message_ui(ui: &mut Ui, title: &str, lines: &[String]) -> bool {
    ui.heading(title);
    for line in lines {
        ui.label(line.as_str());
    }
    ui.button("OK").clicked()
}

/// What an export wrote, with a button to open the report in the browser; returns whether it
/// was read.
fn exported_ui(ui: &mut Ui, folder: &Path, files: &[String], report_url: Option<&str>) -> bool {
    ui.heading("Exported");
    ui.label(format!("Written to {}:", folder.display()));
    for file in files {
        ui.label(format!("  {file}"));
    }
    ui.label("Open the report in a browser to print it to PDF.");
    let mut done = false;
    ui.horizontal(|ui| {
        if let Some(url) = report_url
            && ui.button("Open the report").clicked()
        {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            done = true;
        }
        done |= ui.button("OK").clicked();
    });
    done
}

/// Adds `path` to the front of the recent files.
pub fn remember(recent: &mut Vec<PathBuf>, path: PathBuf) {
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}
