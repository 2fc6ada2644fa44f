//! What the panels, menus, dialogs and keys ask of the window. They push an [`Action`]; one door,
//! `BreakevenApp::apply`, carries it out at the end of the frame (egui's `wrap_app.rs`
//! `Command`, rerun's `SystemCommand`). Actions are data: they name what to do and never reach
//! into the app.

use std::path::PathBuf;

use breakeven_model::Scenario;
use breakeven_model::engine::Phase;
use breakeven_model::scenario::WhatIf;

use crate::command::Command;
use crate::state::start::StartSheet;
use crate::window::Upload;

/// A change to the document or the window.
#[derive(Clone, Debug)]
pub enum Action {
    /// A command from a menu, the toolbar or the keys.
    Command(Command),
    /// The scenario as edited.
    Edit(Box<Scenario>),
    /// The features as edited (one added, removed, moved), and the feature to show after.
    EditFeatures(Box<Scenario>, usize),
    /// Show this feature: its inputs, curves and recommendation.
    SelectFeature(usize),
    /// Ask a browser page's reader for a file, for this.
    Upload(Upload),
    /// A file uploaded to a browser page, for this: its name and its bytes.
    Uploaded(Upload, String, Vec<u8>),
    /// A file uploaded to a browser page, for this, larger than [`Upload::limit`] and so not
    /// read: its name and its size in bytes.
    UploadTooLarge(Upload, String, u64),
    /// Open this file.
    Open(PathBuf),
    /// Open a built-in example, untitled.
    OpenExample(usize),
    /// Start a new scenario from the start sheet's answers.
    Start(Box<StartSheet>),
    /// Save it here, then do the action, if any.
    SaveAs(PathBuf, Option<Box<Action>>),
    /// Save, then do the action.
    SaveThen(Box<Action>),
    /// Do the action, throwing unsaved changes away.
    Discarding(Box<Action>),
    /// Close the window.
    Close,
    /// Take back the unsaved work kept in this recovery file by a run that ended.
    Restore(PathBuf),
    /// Delete a recovery file the user does not want.
    ForgetRecovered(PathBuf),
    /// Write the board-deck pack into this folder, its `interactive.html` read-only or not.
    Export(PathBuf, bool),
    /// Read this price list and show what importing it would change.
    ImportPrices(PathBuf),
    /// Keep the price list shown: its prices join the catalog.
    KeepPrices,
    /// Read this usage export and show what it measured.
    ImportUsage(PathBuf),
    /// Put the workload the usage export shown measured into the scenario, as one edit.
    ApplyUsage,
    /// Ask for a benchmark of the instances at this path (`self_host.hosting`).
    AskBenchmark(&'static str),
    /// Read this benchmark for the instances at that path and show what it measured.
    ImportBenchmark(&'static str, PathBuf),
    /// Put the throughput the benchmark shown measured into the scenario, as one edit.
    ApplyBenchmark,
    /// A workshop feature that takes an argument.
    Workshop(WorkshopAction),
    /// Show (`true`) or hide an option in the charts, as a plot's legend was clicked: every
    /// plot and the export show the same options.
    Show(Phase, bool),
}

impl From<Command> for Action {
    fn from(command: Command) -> Self {
        Self::Command(command)
    }
}

/// The workshop's actions that take an argument (the others are [`Command`]s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkshopAction {
    /// Compare with this scenario file.
    Compare(PathBuf),
    /// Compare with a built-in example.
    CompareExample(usize),
    /// Apply a what-if preset, as one undoable edit.
    WhatIf(WhatIf),
    /// Enter or leave presentation mode.
    Present(bool),
}

impl From<WorkshopAction> for Action {
    fn from(action: WorkshopAction) -> Self {
        Self::Workshop(action)
    }
}
