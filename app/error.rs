//! Errors at the app's edges: files and the command line.

use std::path::PathBuf;

use breakeven_model::LoadError;

/// A scenario file that could not be opened, named by its path.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The operating system could not read the file.
    #[error("{}: cannot be read: {reason}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// The file was read but is not a valid scenario.
    #[error("{}: {error}", path.display())]
    Load {
        /// The file.
        path: PathBuf,
        /// What is wrong with its contents.
        error: LoadError,
    },
}

/// An export that could not be made, or not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The scenario has problems; each is listed.
    #[error("the scenario has problems: {}", .0.join("; "))]
    Invalid(Vec<String>),
    /// A figure grew too large to hold exactly.
    #[error("{0}")]
    Compute(String),
    /// A chart could not be drawn.
    #[error("the chart \"{0}\" could not be drawn: {1}")]
    Draw(&'static str, String),
    /// A file could not be written.
    #[error("{}: cannot be written: {reason}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
}
