//! The open document: the scenario, where it is saved, whether it has unsaved changes, and its
//! undo history. Saving writes a temporary file beside the target and renames it over, so a
//! crash leaves the old file or the new one, never a mix.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use breakeven_model::Scenario;
use breakeven_model::scenario::to_ron_string;
use egui::util::undoer::Undoer;

use super::files::write_atomically;

/// A scenario being edited.
pub struct Document {
    scenario: Scenario,
    path: Option<PathBuf>,
    /// The scenario as last opened or saved; unsaved when it differs.
    saved: Scenario,
    undo: Undoer<Scenario>,
    /// An edit in progress (a drag, typing) not yet an undo step.
    pending: bool,
    /// Which version of the scenario this is: a new one for every change, in any document.
    revision: u64,
}

/// Versions handed out in this process, so that two documents never share one.
static REVISIONS: AtomicU64 = AtomicU64::new(0);

fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document for `scenario`, saved at `path` (or untitled), with no unsaved changes.
    #[must_use]
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let mut undo = Undoer::default();
        undo.add_undo(&scenario);
        Self {
            saved: scenario.clone(),
            scenario,
            path,
            undo,
            pending: false,
            revision: next_revision(),
        }
    }

    /// A document restored with unsaved changes: `scenario` as edited, `saved` as on disk.
    #[must_use]
    pub fn restored(scenario: Scenario, path: Option<PathBuf>, saved: Scenario) -> Self {
        let mut undo = Undoer::default();
        undo.add_undo(&scenario);
        Self {
            scenario,
            path,
            saved,
            undo,
            pending: false,
            revision: next_revision(),
        }
    }

    /// The scenario as edited.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Which version of the scenario is open: it changes with every edit, undo, redo or new
    /// document, so figures are computed once a version, never once a frame.
    #[must_use]
    pub const fn revision(&self) -> u64 {
        self.revision
    }

    /// Where it is saved, if it has been.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether there are changes since it was opened or saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.scenario != self.saved
    }

    /// Replaces the scenario with an edit. While `busy` (a drag or typing goes on), successive
    /// edits make one undo step, closed by [`Document::settle`].
    pub fn edit(&mut self, scenario: Scenario, busy: bool) {
        self.scenario = scenario;
        self.revision = next_revision();
        self.pending = true;
        if !busy {
            self.settle();
        }
    }

    /// Closes the edit in progress as one undo step.
    pub fn settle(&mut self) {
        if self.pending {
            self.undo.add_undo(&self.scenario);
            self.pending = false;
        }
    }

    /// Whether there is an edit to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.pending || self.undo.has_undo(&self.scenario)
    }

    /// Whether there is an undone edit to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.pending && self.undo.has_redo(&self.scenario)
    }

    /// Undoes the last edit; returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        self.settle();
        match self.undo.undo(&self.scenario) {
            Some(previous) => {
                self.scenario = previous.clone();
                self.revision = next_revision();
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit; returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        match self.undo.redo(&self.scenario) {
            Some(next) => {
                self.scenario = next.clone();
                self.revision = next_revision();
                true
            }
            None => false,
        }
    }

    /// Saves to `path` (or where it was saved before), atomically. On failure the edits stay,
    /// unsaved, and the error says why.
    pub fn save(&mut self, path: Option<&Path>) -> Result<PathBuf, String> {
        let target = path
            .map(Path::to_path_buf)
            .or_else(|| self.path.clone())
            .ok_or("choose where to save it first")?;
        let text = to_ron_string(&self.scenario).map_err(|e| e.to_string())?;
        write_atomically(&target, text.as_bytes())
            .map_err(|e| format!("{}: could not be saved: {e}", target.display()))?;
        self.settle();
        self.saved = self.scenario.clone();
        self.path = Some(target.clone());
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use breakeven_model::units::Percent;
    use rust_decimal::Decimal;

    fn with_growth(mut s: Scenario, g: i64) -> Scenario {
        s.workload.growth_percent_per_month.value = Percent::new(Decimal::new(g, 0));
        s
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let start = Scenario::embedded_default();
        let mut doc = Document::new(start.clone(), None);
        for g in 6..=20 {
            doc.edit(with_growth(start.clone(), g), true);
        }
        doc.settle();
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert_eq!(doc.scenario(), &start, "one undo takes the whole drag back");
        assert!(doc.redo());
        assert_eq!(doc.scenario(), &with_growth(start, 20));
    }

    #[test]
    fn separate_edits_undo_one_at_a_time() {
        let start = Scenario::embedded_default();
        let mut doc = Document::new(start.clone(), None);
        doc.edit(with_growth(start.clone(), 7), false);
        doc.edit(with_growth(start.clone(), 9), false);
        assert!(doc.undo());
        assert_eq!(doc.scenario(), &with_growth(start.clone(), 7));
        assert!(doc.undo());
        assert_eq!(doc.scenario(), &start);
        assert!(!doc.is_dirty(), "back where it was opened");
        assert!(!doc.undo());
    }

    #[test]
    fn saving_writes_the_file_and_clears_the_unsaved_mark() {
        let folder = tempfile::tempdir().expect("a folder");
        let path = folder.path().join("client.ron");
        let start = Scenario::embedded_default();
        let mut doc = Document::new(start.clone(), None);
        doc.edit(with_growth(start, 8), false);
        assert!(doc.save(None).is_err(), "an untitled document needs a path");
        assert_eq!(doc.save(Some(&path)), Ok(path.clone()));
        assert!(!doc.is_dirty());
        let back = breakeven_model::scenario::from_ron_str(
            &std::fs::read_to_string(&path).expect("written"),
        )
        .expect("loads");
        assert_eq!(&back, doc.scenario());
        let leftovers: Vec<_> = std::fs::read_dir(folder.path())
            .expect("readable")
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_failed_save_keeps_the_edits_unsaved_and_says_why() {
        let start = Scenario::embedded_default();
        let mut doc = Document::new(start.clone(), None);
        doc.edit(with_growth(start, 8), false);
        let error = doc
            .save(Some(Path::new("/no/such/folder/client.ron")))
            .unwrap_err();
        assert!(error.contains("could not be saved"), "{error}");
        assert!(doc.is_dirty());
        assert_eq!(doc.path(), None);
    }
}
