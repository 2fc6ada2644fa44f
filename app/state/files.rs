//! Scenario files on disk: reading them whole or refusing them with a reason, and writing any
//! file so that a crash leaves the old one or the new one, never a mix.

use std::fs::File;
use std::io::{self, Read as _, Write as _};
use std::path::Path;

use breakeven_model::scenario::{Loaded, MAX_FILE_BYTES, load_bytes};
use breakeven_model::{LoadError, Scenario};

use crate::error::FileError;

/// Says why a file could not be read, in words a person would use.
fn plain_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "there is no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        _ => error.to_string(),
    }
}

/// Reads and validates the scenario at `path`, migrating an older format. Reads at most [`MAX_FILE_BYTES`] + 1 bytes, so a
/// huge or endless file (a device, say) is refused without filling memory.
pub fn load_scenario(path: &Path) -> Result<Scenario, FileError> {
    open_scenario(path).map(|loaded| loaded.scenario)
}

/// Reads and validates the scenario at `path`, and says whether it was migrated from an older
/// format. Reads at most [`MAX_FILE_BYTES`] + 1 bytes, so a huge or endless file (a device, say)
/// is refused without filling memory.
pub fn open_scenario(path: &Path) -> Result<Loaded, FileError> {
    let read_error = |e: &io::Error| FileError::Read {
        path: path.to_owned(),
        reason: plain_reason(e),
    };
    let file = File::open(path).map_err(|e| read_error(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(&e))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
        // The true size may be larger still; say at least how large it is.
        let bytes =
            std::fs::metadata(path).map_or(MAX_FILE_BYTES + 1, |m| m.len().max(MAX_FILE_BYTES + 1));
        return Err(FileError::Load {
            path: path.to_owned(),
            error: LoadError::TooLarge {
                bytes,
                limit: MAX_FILE_BYTES,
            },
        });
    }
    load_bytes(&bytes).map_err(|error| FileError::Load {
        path: path.to_owned(),
        error,
    })
}

/// The text of a file the user gave (a price list, a usage export, a benchmark), read whole.
/// Refused, in a sentence naming it, when it is larger than `limit` bytes (told by its size,
/// before it is read, in the words `too_large` gives) or is not UTF-8 text (`kind` says what
/// it should be: "a price list is JSON").
pub fn read_text(
    path: &Path,
    limit: u64,
    too_large: impl Fn(u64) -> String,
    kind: &str,
) -> Result<String, String> {
    let shown = path.display();
    let bytes = std::fs::metadata(path)
        .map_err(|e| format!("{shown}: {e}."))?
        .len();
    if bytes > limit {
        return Err(format!("{shown}: {}.", too_large(bytes)));
    }
    let raw = std::fs::read(path).map_err(|e| format!("{shown}: {e}."))?;
    text_of(&shown.to_string(), raw, limit, too_large, kind)
}

/// The text of a file the user gave a browser page (an upload), named `name`: refused as
/// [`read_text`] refuses a file, when larger than `limit` bytes or not UTF-8 text.
pub fn text_of(
    name: &str,
    raw: Vec<u8>,
    limit: u64,
    too_large: impl Fn(u64) -> String,
    kind: &str,
) -> Result<String, String> {
    let bytes = u64::try_from(raw.len()).unwrap_or(u64::MAX);
    if bytes > limit {
        return Err(format!("{name}: {}.", too_large(bytes)));
    }
    String::from_utf8(raw).map_err(|e| {
        format!(
            "{name}: it is not text (byte {} is not UTF-8); {kind}.",
            e.utf8_error().valid_up_to().saturating_add(1)
        )
    })
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, renames it over `path`
/// and flushes the folder, so `path` is always the old file or the new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "scenario".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        // The rename is durable once the folder is.
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
