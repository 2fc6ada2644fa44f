//! Every command a user gives from a menu, the toolbar or the keyboard, with its face: its label,
//! what it does in a sentence, and its keys. A menu item, a toolbar button and a key binding all
//! read them here, so they cannot disagree (rerun's `UICommand` does the same).

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command with no argument: what the menus, the toolbar and the keys ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// A new scenario (the built-in example, untitled).
    New,
    /// Ask which scenario file to open.
    Open,
    /// Save where the scenario was saved, or ask where.
    Save,
    /// Ask where to save the scenario.
    SaveAs,
    /// Ask which folder to export the board-deck pack into.
    Export,
    /// Ask which price list to import into the catalog.
    ImportPrices,
    /// Ask which usage export to measure the workload from.
    ImportUsage,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Put the recommendation and key figures on the clipboard as Markdown.
    CopySummary,
    /// Keep the scenario as it is now, to show what later edits change.
    PinBaseline,
    /// Put every input back as pinned, as one edit.
    ResetToBaseline,
    /// Forget the baseline.
    ClearBaseline,
    /// Ask which scenario file to compare with.
    CompareWith,
    /// Stop comparing.
    CloseComparison,
    /// Enter or leave presentation mode.
    Present,
}

const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl Command {
    /// Every command that has keys, those with Shift first: Ctrl+S would also match
    /// Ctrl+Shift+S.
    pub const WITH_KEYS: [Self; 9] = [
        Self::SaveAs,
        Self::Redo,
        Self::CopySummary,
        Self::Export,
        Self::New,
        Self::Open,
        Self::Save,
        Self::Undo,
        Self::Present,
    ];

    /// The label on its menu item or button.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::Export => "Export…",
            Self::ImportPrices => "Import prices…",
            Self::ImportUsage => "Import usage…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::CopySummary => "Copy Summary as Markdown",
            Self::PinBaseline => "Pin as baseline",
            Self::ResetToBaseline => "Reset to baseline",
            Self::ClearBaseline => "Clear baseline",
            Self::CompareWith => "Compare with…",
            Self::CloseComparison => "Close comparison",
            Self::Present => "Present",
        }
    }

    /// What it does, for its tooltip.
    #[must_use]
    pub const fn tooltip(self) -> &'static str {
        match self {
            Self::New => {
                "A new scenario from a short start sheet: name, client, the bill or the volume, the API model."
            }
            Self::Open => "Open a scenario file.",
            Self::Save => "Save the scenario where it was saved, or ask where.",
            Self::SaveAs => "Save the scenario under a new name.",
            Self::Export => {
                "An HTML report, the charts as SVG and PNG, the CSV, JSON and Markdown reports, \
                 written into a folder for a board deck."
            }
            Self::ImportPrices => {
                "Your team's price list (LiteLLM, genai-prices, llm-prices or OpenRouter's \
                 models) into the catalog the pickers offer, with what it changes shown first."
            }
            Self::ImportUsage => {
                "What the team really sends (OpenAI or Anthropic usage, LiteLLM's spend logs, a CSV): \
                 tokens by month and feature, the features behind 80% of the bill, and the measured \
                 workload to put into the scenario."
            }
            Self::Undo => "Take back the last edit.",
            Self::Redo => "Do again the edit last taken back.",
            Self::CopySummary => {
                "The recommendation, the key figures and the break-even volumes, as Markdown \
                 on the clipboard."
            }
            Self::PinBaseline => "Keep the scenario as it is now, to show what later edits change.",
            Self::ResetToBaseline => "Put every input back as pinned; Ctrl+Z takes it back.",
            Self::ClearBaseline => "Forget the baseline.",
            Self::CompareWith => "Show another scenario file beside this one.",
            Self::CloseComparison => "Stop showing the other scenario.",
            Self::Present => "Hide the inputs and show the curves and the recommendation large.",
        }
    }

    /// Its keys, if it has any.
    #[must_use]
    pub const fn shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::New => Some(keys(Modifiers::COMMAND, Key::N)),
            Self::Open => Some(keys(Modifiers::COMMAND, Key::O)),
            Self::Save => Some(keys(Modifiers::COMMAND, Key::S)),
            Self::SaveAs => Some(keys(SHIFT_COMMAND, Key::S)),
            Self::Export => Some(keys(Modifiers::COMMAND, Key::E)),
            Self::Undo => Some(keys(Modifiers::COMMAND, Key::Z)),
            Self::Redo => Some(keys(SHIFT_COMMAND, Key::Z)),
            Self::CopySummary => Some(keys(SHIFT_COMMAND, Key::C)),
            // F11, as full screen is in most desktop programs.
            Self::Present => Some(keys(Modifiers::NONE, Key::F11)),
            Self::PinBaseline
            | Self::ImportPrices
            | Self::ImportUsage
            | Self::ResetToBaseline
            | Self::ClearBaseline
            | Self::CompareWith
            | Self::CloseComparison => None,
        }
    }

    /// Keys that also give it, besides [`Command::shortcut`]: Ctrl+Y for Redo, as on Windows.
    #[must_use]
    pub const fn more_keys(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Redo => Some(keys(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }
}

/// The commands the keyboard gives this frame, each once.
#[must_use]
pub fn pressed(ui: &egui::Ui) -> Vec<Command> {
    let mut pressed = Vec::new();
    let mut seen = |command: Command, keys: Option<KeyboardShortcut>| {
        if let Some(keys) = keys
            && ui.input_mut(|i| i.consume_shortcut(&keys))
            && !pressed.contains(&command)
        {
            pressed.push(command);
        }
    };
    for command in Command::WITH_KEYS {
        seen(command, command.shortcut());
    }
    for command in Command::WITH_KEYS {
        seen(command, command.more_keys());
    }
    pressed
}
