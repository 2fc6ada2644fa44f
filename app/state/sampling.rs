//! The Monte Carlo behind the "How sure" tab, off the window's thread: started on every edit of a
//! scenario with a range, a first estimate of 1,000 samples, then the full run, each handed over
//! when done; an edit cancels the run in progress and starts again. The window never waits for it.
//! A browser page has no threads: there the same run is computed a few samples in each frame
//! ([`Sampler::in_frames`]), and its answer is the same.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use breakeven_model::Scenario;
use breakeven_model::uncertainty::{
    DEFAULT_SAMPLES, DEFAULT_SEED, Stepped, Uncertainty, ranged, run,
};
use chrono::NaiveDate;

/// The samples of the first estimate.
pub const FIRST_ESTIMATE: u32 = 1_000;

/// Samples computed in one frame where there are no threads: about 5 to 10 ms of a page's
/// frame (0.14 ms a sample natively, `cargo bench --bench uncertainty`; a few times that in
/// WebAssembly), so a drag stays smooth while the run goes on.
pub const SAMPLES_PER_FRAME: usize = 25;

/// Where a sampler computes its samples.
enum Compute {
    /// On threads of its own: the desktop.
    Threads,
    /// A few in each frame, on the window's thread: a browser page. With the run under way.
    Frames(Option<Box<InFrames>>),
}

/// A run computed in frames: the revision it is of, the stage under way, and the stages after.
struct InFrames {
    revision: u64,
    stage: Stepped,
    /// The scenario and day the next stages are of, and their sizes.
    next: Vec<u32>,
    scenario: Scenario,
    today: NaiveDate,
}

/// What the tab shows: the latest estimate of a revision of the scenario.
#[derive(Clone, Debug)]
pub struct Estimate {
    /// The revision of the scenario it is of.
    pub revision: u64,
    /// What the samples found.
    pub uncertainty: Arc<Uncertainty>,
    /// Whether more samples are on the way.
    pub refining: bool,
}

/// The run in the background and what it has found so far.
pub struct Sampler {
    /// Bumped by every start: a run whose generation is no longer current stops.
    generation: Arc<AtomicU64>,
    /// Samples done in the current stage.
    done: Arc<AtomicU32>,
    /// Samples in the current stage.
    stage: Arc<AtomicU32>,
    latest: Arc<Mutex<Option<Estimate>>>,
    /// Why the run of a revision stopped, when a sample could not be computed.
    failed: Arc<Mutex<Option<(u64, String)>>>,
    /// Samples of the full run ([`DEFAULT_SAMPLES`] unless the start-up said otherwise).
    samples: u32,
    /// The revision the run in progress is of, `None` when nothing is ranged.
    running_for: Option<u64>,
    /// The revision last looked at, ranged or not: each is looked at once, not every frame.
    seen: Option<u64>,
    /// Where the samples are computed.
    compute: Compute,
}

impl Default for Sampler {
    fn default() -> Self {
        Self::new(DEFAULT_SAMPLES)
    }
}

impl Sampler {
    /// A sampler whose full run draws `samples` samples.
    #[must_use]
    pub fn new(samples: u32) -> Self {
        Self {
            generation: Arc::new(AtomicU64::new(0)),
            done: Arc::new(AtomicU32::new(0)),
            stage: Arc::new(AtomicU32::new(0)),
            latest: Arc::new(Mutex::new(None)),
            failed: Arc::new(Mutex::new(None)),
            samples,
            running_for: None,
            seen: None,
            compute: Compute::Threads,
        }
    }

    /// A sampler for a place with no threads (a browser page): the run started is computed
    /// [`SAMPLES_PER_FRAME`] samples in each [`Sampler::tick`].
    #[must_use]
    pub fn in_frames(samples: u32) -> Self {
        Self {
            compute: Compute::Frames(None),
            ..Self::new(samples)
        }
    }

    /// Computes some samples of the run in frames under way, if any; returns whether the window
    /// should come back for more. Does nothing for a sampler on threads.
    pub fn tick(&mut self) -> bool {
        let Compute::Frames(Some(run)) = &mut self.compute else {
            return false;
        };
        let revision = run.revision;
        match run.stage.step(SAMPLES_PER_FRAME) {
            Ok(None) => {
                let (done, of) = run.stage.progress();
                self.done.store(done, Ordering::Relaxed);
                self.stage.store(of, Ordering::Relaxed);
                true
            }
            Ok(Some(found)) => {
                let refining = !run.next.is_empty();
                *self.latest.lock().unwrap_or_else(PoisonError::into_inner) = Some(Estimate {
                    revision,
                    uncertainty: Arc::new(found),
                    refining,
                });
                if refining {
                    let samples = run.next.remove(0);
                    run.stage = Stepped::new(&run.scenario, run.today, samples, DEFAULT_SEED);
                    self.stage.store(samples, Ordering::Relaxed);
                    self.done.store(0, Ordering::Relaxed);
                } else {
                    self.compute = Compute::Frames(None);
                }
                true
            }
            Err(error) => {
                *self.failed.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some((revision, error.to_string()));
                self.stage.store(0, Ordering::Relaxed);
                self.compute = Compute::Frames(None);
                true
            }
        }
    }

    /// Starts sampling `scenario` (revision `revision`) unless it already is; with no ranged
    /// input, stops and forgets. `repaint` is called when an estimate arrives.
    pub fn start(
        &mut self,
        scenario: &Scenario,
        revision: u64,
        today: NaiveDate,
        repaint: impl Fn() + Send + 'static,
    ) {
        if self.seen == Some(revision) {
            return;
        }
        self.seen = Some(revision);
        let mine = self
            .generation
            .fetch_add(1, Ordering::SeqCst)
            .wrapping_add(1);
        if let Compute::Frames(run) = &mut self.compute {
            *run = None;
        }
        if ranged(scenario).is_empty() || self.samples == 0 {
            self.running_for = None;
            *self.latest.lock().unwrap_or_else(PoisonError::into_inner) = None;
            return;
        }
        self.running_for = Some(revision);
        let scenario = scenario.clone();
        let (generation, done, stage, latest, failed) = (
            Arc::clone(&self.generation),
            Arc::clone(&self.done),
            Arc::clone(&self.stage),
            Arc::clone(&self.latest),
            Arc::clone(&self.failed),
        );
        *self.failed.lock().unwrap_or_else(PoisonError::into_inner) = None;
        let full = self.samples;
        let mut stages: Vec<u32> = if full > FIRST_ESTIMATE {
            vec![FIRST_ESTIMATE, full]
        } else {
            vec![full]
        };
        if let Compute::Frames(run) = &mut self.compute {
            let first = stages.remove(0);
            self.stage.store(first, Ordering::Relaxed);
            self.done.store(0, Ordering::Relaxed);
            *run = Some(Box::new(InFrames {
                revision,
                stage: Stepped::new(&scenario, today, first, DEFAULT_SEED),
                next: stages,
                scenario,
                today,
            }));
            return;
        }
        std::thread::spawn(move || {
            let last = stages.len().saturating_sub(1);
            for (i, samples) in stages.into_iter().enumerate() {
                stage.store(samples, Ordering::Relaxed);
                done.store(0, Ordering::Relaxed);
                let current = |n: u32| {
                    done.store(n, Ordering::Relaxed);
                    generation.load(Ordering::Relaxed) == mine
                };
                let found = match run(&scenario, today, samples, DEFAULT_SEED, &current) {
                    Ok(Some(found)) => found,
                    // Cancelled by an edit: the next run shows.
                    Ok(None) => return,
                    // A sample too large to compute: said in the tab, and the run is over.
                    Err(error) => {
                        if generation.load(Ordering::Relaxed) == mine {
                            *failed.lock().unwrap_or_else(PoisonError::into_inner) =
                                Some((revision, error.to_string()));
                            stage.store(0, Ordering::Relaxed);
                            repaint();
                        }
                        return;
                    }
                };
                if generation.load(Ordering::Relaxed) != mine {
                    return;
                }
                *latest.lock().unwrap_or_else(PoisonError::into_inner) = Some(Estimate {
                    revision,
                    uncertainty: Arc::new(found),
                    refining: i < last,
                });
                repaint();
            }
        });
    }

    /// Whether the scenario last started has an input with a range, and so is sampled.
    #[must_use]
    pub const fn has_ranges(&self) -> bool {
        self.running_for.is_some()
    }

    /// The latest estimate, of this revision or an earlier one.
    #[must_use]
    pub fn latest(&self) -> Option<Estimate> {
        self.latest
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Why the samples of `revision` could not be computed, when they could not.
    #[must_use]
    pub fn failure(&self, revision: u64) -> Option<String> {
        self.failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|(of, _)| *of == revision)
            .map(|(_, why)| why.clone())
    }

    /// Samples done and planned in the stage under way, while one is.
    #[must_use]
    pub fn progress(&self) -> Option<(u32, u32)> {
        let running = self.running_for?;
        if self.failure(running).is_some() {
            return None;
        }
        let latest = self.latest();
        if latest.is_some_and(|e| e.revision == running && !e.refining) {
            return None;
        }
        Some((
            self.done.load(Ordering::Relaxed),
            self.stage.load(Ordering::Relaxed),
        ))
    }

    /// Whether any input is ranged, as of the last start.
    #[must_use]
    pub const fn active(&self) -> bool {
        self.running_for.is_some()
    }
}
