//! The app's data folder: recovery files and the imported prices. `BREAKEVEN_DATA_DIR` moves
//! it, for a portable install (a folder beside the program on a USB stick) and for tests;
//! otherwise it is beside eframe's own storage (`~/.local/share/breakeven` on Linux).

use std::path::{Path, PathBuf};

use breakeven_model::catalog::imported::{self, IMPORTED_FILE, Imported};

/// The environment variable that moves the data folder.
pub const DATA_DIR_VARIABLE: &str = "BREAKEVEN_DATA_DIR";

/// The data folder, when there is one: `BREAKEVEN_DATA_DIR`, else eframe's storage folder.
#[must_use]
pub fn folder() -> Option<PathBuf> {
    let named = std::env::var_os(DATA_DIR_VARIABLE)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    // A browser has no folders: the page keeps nothing on disk.
    #[cfg(not(target_arch = "wasm32"))]
    let named = named.or_else(|| eframe::storage_dir("Breakeven"));
    named
}

/// The imported prices kept in `folder`: none when the file is missing. A damaged file, or
/// one from a newer version, is an error naming it, and stays as it is.
pub fn imported_prices(folder: &Path) -> Result<Imported, String> {
    let path = folder.join(IMPORTED_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => imported::from_ron_str(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Imported::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Keeps `prices` in `folder`, replacing the file whole or not at all.
pub fn keep_imported_prices(folder: &Path, prices: &Imported) -> Result<PathBuf, String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let path = folder.join(IMPORTED_FILE);
    super::files::write_atomically(&path, imported::to_ron_string(prices).as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}
