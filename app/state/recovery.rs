//! Recovery files: unsaved edits written aside every few seconds, so a crash or a kill loses at
//! most those seconds. One file per running instance (its process id in the name); a save or a
//! clean exit removes it; the next start offers to restore any left behind. A panic writes the
//! file at once, before the process ends ([`install_panic_hook`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use breakeven_model::Scenario;
use breakeven_model::scenario::{load_draft, to_ron_string};
use serde::{Deserialize, Serialize};

use super::files::write_atomically;

/// Seconds between two writes of the recovery file while there are unsaved edits.
pub const INTERVAL_SECONDS: f64 = 5.0;

/// What a recovery file holds: the scenario as edited and where it was saved, if anywhere.
#[derive(Serialize, Deserialize)]
struct Recovered {
    path: Option<PathBuf>,
    scenario: String,
    /// Why the run ended, when it ended on an internal error (the panic's message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    crash: Option<String>,
}

/// Unsaved work found from an earlier run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The recovery file.
    pub file: PathBuf,
    /// The document's own file, if it had one.
    pub path: Option<PathBuf>,
    /// The scenario as it was being edited.
    pub scenario: Scenario,
    /// The internal error the run ended on, when it did not end by a kill or a power cut.
    pub crash: Option<String>,
}

/// The newest unsaved state of the document, shared with the panic hook so it can write it
/// without reaching into the app.
#[derive(Default)]
struct Latest {
    unsaved: Option<(Scenario, Option<PathBuf>)>,
}

/// Writes and finds recovery files in one folder.
pub struct Recovery {
    folder: PathBuf,
    file: PathBuf,
    last_write: f64,
    last_written: Option<Scenario>,
    latest: Arc<Mutex<Latest>>,
}

/// Instances started in this process, so two never share a file (tests start many).
static INSTANCES: AtomicU32 = AtomicU32::new(0);

impl Recovery {
    /// Recovery files in `folder`; this instance's is named after its process id.
    #[must_use]
    pub fn new(folder: PathBuf) -> Self {
        let instance = INSTANCES.fetch_add(1, Ordering::Relaxed);
        let name = match instance {
            0 => format!("unsaved-{}.json", std::process::id()),
            n => format!("unsaved-{}-{n}.json", std::process::id()),
        };
        Self {
            file: folder.join(name),
            folder,
            last_write: f64::NEG_INFINITY,
            last_written: None,
            latest: Arc::default(),
        }
    }

    /// The default folder, in the app's data folder (which `BREAKEVEN_DATA_DIR` moves).
    #[must_use]
    pub fn default_folder() -> Option<PathBuf> {
        super::data::folder().map(|dir| dir.join("recovery"))
    }

    /// This instance's recovery file (it exists only while there is unsaved work).
    #[must_use]
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Keeps the document's newest state for the panic hook: called after every change, so a
    /// crash loses nothing, even between two timed writes.
    pub fn note(&self, scenario: &Scenario, path: Option<&Path>, dirty: bool) {
        let unsaved = dirty.then(|| (scenario.clone(), path.map(Path::to_path_buf)));
        if let Ok(mut latest) = self.latest.lock() {
            latest.unsaved = unsaved;
        }
    }

    /// Writes `scenario` aside when it has unsaved edits and `INTERVAL_SECONDS` have passed since
    /// the last write at `now` (seconds); removes the file when there is nothing unsaved.
    pub fn tick(&mut self, now: f64, scenario: &Scenario, path: Option<&Path>, dirty: bool) {
        if !dirty {
            self.clear();
            return;
        }
        let due = now - self.last_write >= INTERVAL_SECONDS || now < self.last_write;
        if !due || self.last_written.as_ref() == Some(scenario) {
            return;
        }
        self.last_write = now;
        if write(&self.folder, &self.file, scenario, path, None).is_ok() {
            self.last_written = Some(scenario.clone());
        }
    }

    /// Removes this instance's recovery file: the work is saved, or the user chose to lose it.
    pub fn clear(&mut self) {
        if self.last_written.take().is_some() || self.file.exists() {
            let _ = std::fs::remove_file(&self.file);
        }
    }

    /// Recovery files left by other instances that have ended, newest first. A file that
    /// cannot be read is skipped, never fatal.
    #[must_use]
    pub fn left_behind(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<(SystemTime, Found)> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|file| *file != self.file && file.extension().is_some_and(|e| e == "json"))
            .filter(|file| !still_running(file))
            .filter_map(|file| {
                let modified = std::fs::metadata(&file)
                    .and_then(|m| m.modified())
                    .unwrap_or(SystemTime::UNIX_EPOCH);
                Some((modified, read(&file)?))
            })
            .collect();
        found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
        found.into_iter().map(|(_, f)| f).collect()
    }

    /// What the panic hook needs: where to write, and the shared newest state.
    fn for_panic(&self) -> PanicWriter {
        PanicWriter {
            folder: self.folder.clone(),
            file: self.file.clone(),
            latest: Arc::clone(&self.latest),
        }
    }
}

fn write(
    folder: &Path,
    file: &Path,
    scenario: &Scenario,
    path: Option<&Path>,
    crash: Option<String>,
) -> Result<(), String> {
    let text = to_ron_string(scenario).map_err(|e| e.to_string())?;
    let kept = Recovered {
        path: path.map(Path::to_path_buf),
        scenario: text,
        crash,
    };
    let body = serde_json::to_string_pretty(&kept).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
    write_atomically(file, body.as_bytes()).map_err(|e| e.to_string())
}

/// The unsaved work kept in the recovery file `file`, or `None` when it cannot be read.
#[must_use]
pub fn read(file: &Path) -> Option<Found> {
    let text = std::fs::read_to_string(file).ok()?;
    let kept: Recovered = serde_json::from_str(&text).ok()?;
    let scenario = load_draft(&kept.scenario).ok()?;
    Some(Found {
        file: file.to_path_buf(),
        path: kept.path,
        scenario,
        crash: kept.crash,
    })
}

/// Writes the newest unsaved state from inside a panic.
struct PanicWriter {
    folder: PathBuf,
    file: PathBuf,
    latest: Arc<Mutex<Latest>>,
}

impl PanicWriter {
    /// Writes the unsaved work, if there is any; says where, or why it could not.
    fn keep(&self, message: &str) -> Result<Option<&Path>, String> {
        // `try_lock`: a panic while the lock was held must not wait for itself.
        let latest = self
            .latest
            .try_lock()
            .map_err(|_| "the work was being updated when the error happened".to_owned())?;
        let Some((scenario, path)) = &latest.unsaved else {
            return Ok(None);
        };
        write(
            &self.folder,
            &self.file,
            scenario,
            path.as_deref(),
            Some(message.to_owned()),
        )?;
        Ok(Some(&self.file))
    }
}

/// Makes a panic anywhere in the process write `recovery`'s unsaved work before the process
/// ends, and say where it was kept. The window calls this once, at start; the default hook's
/// message (the error and where it happened) is printed first.
pub fn install_panic_hook(recovery: &Recovery) {
    let writer = recovery.for_panic();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let message = panic_message(info.payload());
        let told = match writer.keep(&message) {
            Ok(Some(file)) => format!(
                "Breakeven stopped on an internal error. Your unsaved work was kept in {}; \
                 start Breakeven again to restore it.",
                file.display()
            ),
            Ok(None) => "Breakeven stopped on an internal error; there was no unsaved work.".into(),
            Err(reason) => format!(
                "Breakeven stopped on an internal error and could not keep the unsaved work: \
                 {reason}."
            ),
        };
        eprintln!("{told}");
    }));
}

/// A panic's message, when it has one.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_owned())
}

/// Whether the instance that wrote `file` is still running, so its recovery file is its own
/// business. Linux: a process with that id exists, runs the same program as this one (an id
/// the system has given to another program since does not hide the file) and has not ended (a
/// killed process its parent has not reaped yet is a zombie). Elsewhere, every file counts as
/// left behind.
fn still_running(file: &Path) -> bool {
    let pid = file
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("unsaved-"))
        .and_then(|s| s.split('-').next())
        .and_then(|s| s.parse::<u32>().ok());
    let Some(pid) = pid.filter(|pid| *pid != std::process::id()) else {
        return false;
    };
    let program = |pid: &str| std::fs::read_to_string(format!("/proc/{pid}/comm")).ok();
    // `/proc/<pid>/stat` is "pid (name) state ...": the state follows the last parenthesis.
    let ended = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let (_, after) = stat.rsplit_once(')')?;
            after.split_whitespace().next().map(|state| state == "Z")
        })
        .unwrap_or(true);
    !ended && program(&pid.to_string()).is_some_and(|theirs| Some(theirs) == program("self"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use breakeven_model::units::Percent;

    #[test]
    fn unsaved_edits_are_written_aside_and_found_after_a_crash() {
        let folder = tempfile::tempdir().expect("a folder");
        let mut writer = Recovery::new(folder.path().to_path_buf());
        let mut edited = Scenario::embedded_default();
        edited.workload.growth_percent_per_month.value = Percent::new(rust_decimal::dec!(12));
        writer.tick(0.0, &edited, Some(Path::new("/clients/acme.ron")), true);
        // Another start of the app, as after a crash: it is a different instance.
        let other = Recovery::new(folder.path().to_path_buf());
        let found = other.left_behind();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].scenario, edited);
        assert_eq!(
            found[0].path.as_deref(),
            Some(Path::new("/clients/acme.ron"))
        );
    }

    #[test]
    fn writes_wait_for_the_interval_and_a_save_removes_the_file() {
        let folder = tempfile::tempdir().expect("a folder");
        let mut writer = Recovery::new(folder.path().to_path_buf());
        let mut edited = Scenario::embedded_default();
        writer.tick(0.0, &edited, None, true);
        assert!(writer.file.exists());
        edited.name = "changed".into();
        writer.tick(1.0, &edited, None, true);
        let text = std::fs::read_to_string(&writer.file).expect("written");
        assert!(
            !text.contains("changed"),
            "not rewritten within the interval"
        );
        writer.tick(INTERVAL_SECONDS + 0.1, &edited, None, true);
        assert!(
            std::fs::read_to_string(&writer.file)
                .expect("written")
                .contains("changed")
        );
        writer.tick(20.0, &edited, None, false);
        assert!(!writer.file.exists(), "nothing unsaved, nothing kept aside");
    }

    #[test]
    fn an_edit_out_of_range_is_kept_as_typed() {
        // Work stopped halfway through a correction is still work.
        let folder = tempfile::tempdir().expect("a folder");
        let mut writer = Recovery::new(folder.path().to_path_buf());
        let mut edited = Scenario::embedded_default();
        edited.workload.growth_percent_per_month.value = Percent::new(rust_decimal::dec!(-400));
        assert!(!breakeven_model::scenario::validate(&edited).is_empty());
        writer.tick(0.0, &edited, None, true);
        let found = Recovery::new(folder.path().to_path_buf()).left_behind();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].scenario, edited);
    }

    #[test]
    fn a_damaged_recovery_file_is_skipped() {
        let folder = tempfile::tempdir().expect("a folder");
        std::fs::write(
            folder.path().join("unsaved-999999999.json"),
            "not JSON at all",
        )
        .expect("written");
        assert!(
            Recovery::new(folder.path().to_path_buf())
                .left_behind()
                .is_empty()
        );
    }
}
