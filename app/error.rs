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
