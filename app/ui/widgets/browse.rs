//! The desktop's own file dialogs (rfd), run on their own thread so the window never freezes.
//! They answer "nothing" both on cancel and where the desktop has no dialog service (a bare X
//! server), so every dialog that uses them also takes a typed path.

use std::path::PathBuf;

use egui::{Key, Ui};
#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc::channel;
use std::sync::mpsc::{Receiver, TryRecvError};

/// What to ask the desktop for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// A scenario file to read.
    OpenScenario,
    /// Where to save a scenario file.
    SaveScenario,
    /// A folder.
    Folder,
    /// A price list or a benchmark to read (JSON).
    PriceList,
    /// A usage export to read (JSON or CSV).
    UsageFile,
}

/// A native dialog that may be running; its answer arrives in a later frame.
#[derive(Default)]
pub struct Browser {
    answer: Option<Receiver<Option<PathBuf>>>,
}

impl Browser {
    /// Starts the desktop's dialog for `ask` on its own thread. A browser has no paths to pick
    /// (its page opens and saves through its own upload and download): nothing starts there.
    #[cfg(target_arch = "wasm32")]
    pub fn start(&mut self, _ask: Ask, _ctx: &egui::Context) {
        self.answer = None;
    }

    /// Starts the desktop's dialog for `ask` on its own thread.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn start(&mut self, ask: Ask, ctx: &egui::Context) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new();
            let scenarios = || dialog.clone().add_filter("Breakeven scenario", &["ron"]);
            let picked = match ask {
                Ask::OpenScenario => pollster::block_on(scenarios().pick_file()),
                Ask::SaveScenario => {
                    pollster::block_on(scenarios().set_file_name("scenario.ron").save_file())
                }
                Ask::Folder => pollster::block_on(dialog.pick_folder()),
                Ask::PriceList => {
                    pollster::block_on(dialog.add_filter("JSON", &["json"]).pick_file())
                }
                Ask::UsageFile => pollster::block_on(
                    dialog
                        .add_filter("Usage (JSON or CSV)", &["json", "csv"])
                        .pick_file(),
                ),
            };
            let _ = sender.send(picked.map(|file| file.path().to_path_buf()));
            ctx.request_repaint();
        });
        self.answer = Some(receiver);
    }

    /// The path the user picked, once the dialog has answered with one.
    pub fn picked(&mut self) -> Option<PathBuf> {
        match self.answer.as_ref()?.try_recv() {
            Ok(picked) => {
                self.answer = None;
                picked
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.answer = None;
                None
            }
        }
    }
}

/// A path typed into the window, beside its Browse button: a labelled one-line field that has
/// the keyboard as soon as its dialog shows. Returns whether Enter was pressed in it (Enter is
/// the dialog's, not the field's).
pub fn path_field_ui(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> bool {
    let field = ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(width)
                .return_key(None),
        )
        .labelled_by(label.id)
    });
    if ui.memory(|m| m.focused().is_none()) {
        field.inner.request_focus();
        // Every path dialog's field is the same widget: without this, the cursor an earlier
        // dialog left behind (after "/tmp/" of a path to compare with) sends what is typed into
        // the middle of the next dialog's path. The whole path is selected instead, so typing
        // replaces it and End keeps it.
        let mut state = egui::TextEdit::load_state(ui.ctx(), field.inner.id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), field.inner.id);
    }
    field.inner.has_focus() && ui.input(|i| i.key_pressed(Key::Enter))
}
