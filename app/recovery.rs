//! Recovery files: unsaved edits written aside every few seconds, so a crash or a kill loses at
//! most those seconds. One file per running instance (its process id in the name); a save or a
//! clean exit removes it; the next start offers to restore any left behind.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use breakeven_model::Scenario;
use breakeven_model::scenario::{from_ron_str, to_ron_string};
use serde::{Deserialize, Serialize};

use crate::document::write_atomically;

/// Seconds between two writes of the recovery file while there are unsaved edits.
pub const INTERVAL_SECONDS: f64 = 5.0;

/// What a recovery file holds: the scenario as edited and where it was saved, if anywhere.
#[derive(Serialize, Deserialize)]
struct Recovered {
    path: Option<PathBuf>,
    scenario: String,
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
}

/// Writes and finds recovery files in one folder.
pub struct Recovery {
    folder: PathBuf,
    file: PathBuf,
    last_write: f64,
    last_written: Option<Scenario>,
}

impl Recovery {
    /// Recovery files in `folder`; this instance's is named after its process id.
    #[must_use]
    pub fn new(folder: PathBuf) -> Self {
        let file = folder.join(format!("unsaved-{}.json", std::process::id()));
        Self {
            folder,
            file,
            last_write: f64::NEG_INFINITY,
            last_written: None,
        }
    }

    /// The default folder, beside eframe's own storage.
    #[must_use]
    pub fn default_folder() -> Option<PathBuf> {
        eframe::storage_dir("Breakeven").map(|dir| dir.join("recovery"))
    }

    /// Writes `scenario` aside when it has unsaved edits and `INTERVAL_SECONDS` have passed since
    /// the last write at `now` (seconds); removes the file when there is nothing unsaved.
    pub fn tick(&mut self, now: f64, scenario: &Scenario, path: Option<&Path>, dirty: bool) {
        if !dirty {
            self.clear();
            return;
        }
        if now - self.last_write < INTERVAL_SECONDS || self.last_written.as_ref() == Some(scenario)
        {
            return;
        }
        self.last_write = now;
        if self.write(scenario, path).is_ok() {
            self.last_written = Some(scenario.clone());
        }
    }

    fn write(&self, scenario: &Scenario, path: Option<&Path>) -> Result<(), String> {
        let text = to_ron_string(scenario).map_err(|e| e.to_string())?;
        let kept = Recovered {
            path: path.map(Path::to_path_buf),
            scenario: text,
        };
        let body = serde_json::to_string_pretty(&kept).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&self.folder).map_err(|e| e.to_string())?;
        write_atomically(&self.file, body.as_bytes()).map_err(|e| e.to_string())
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
                let text = std::fs::read_to_string(&file).ok()?;
                let kept: Recovered = serde_json::from_str(&text).ok()?;
                let scenario = from_ron_str(&kept.scenario).ok()?;
                Some((
                    modified,
                    Found {
                        file,
                        path: kept.path,
                        scenario,
                    },
                ))
            })
            .collect();
        found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
        found.into_iter().map(|(_, f)| f).collect()
    }
}

/// Whether the instance that wrote `file` is still running (Linux: its /proc entry exists), so
/// its recovery file is its own business.
fn still_running(file: &Path) -> bool {
    let pid = file
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("unsaved-"))
        .and_then(|s| s.parse::<u32>().ok());
    pid.is_some_and(|pid| pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists())
}

#[cfg(test)]
mod tests {
    use super::*;
    use breakeven_model::units::Percent;
    use rust_decimal::Decimal;

    #[test]
    fn unsaved_edits_are_written_aside_and_found_after_a_crash() {
        let folder = tempfile::tempdir().expect("a folder");
        let mut writer = Recovery::new(folder.path().to_path_buf());
        let mut edited = Scenario::embedded_default();
        edited.workload.growth_percent_per_month.value = Percent::new(Decimal::from(12));
        writer.tick(0.0, &edited, Some(Path::new("/clients/acme.ron")), true);
        // Another start of the app, as after a crash: it is a different instance.
        let mut other = Recovery::new(folder.path().to_path_buf());
        other.file = folder.path().join("unsaved-next.json");
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
