//! The recent files, newest first, as File > Open Recent lists them.

use std::path::PathBuf;

/// Most recent files remembered.
pub const MAX_RECENT: usize = 8;

/// Adds `path` to the front of the recent files.
pub fn remember(recent: &mut Vec<PathBuf>, path: PathBuf) {
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}
