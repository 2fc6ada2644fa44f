//! Workshops: a baseline pinned to show what an edit changed, another scenario file compared
//! side by side, what-if presets, and presentation mode. This module holds their state; the
//! toolbar, the Workshop menu and the panels are in `ui`.
//!
//! The baseline lives for the session only: it is not written into the scenario file, which
//! holds one team's situation and is read by the command line and by other people, and it is
//! not needed to reopen the work (Save keeps it pinned; opening another scenario clears it,
//! since its list of changes would then be every input).

use breakeven_model::Scenario;
use breakeven_model::compare::{FigureRow, KeyFigures, side_by_side};
use breakeven_model::engine::{Curve, samples};
use breakeven_model::report::Comparison;
use breakeven_model::scenario::{Change, WhatIf, changes};
use chrono::NaiveDate;

use breakeven_model::{Evaluation, evaluate};

/// Another scenario shown beside the one being edited: the baseline, or a file compared with.
pub struct Reference {
    /// Its name in headings and legends.
    pub name: String,
    /// Its entry in the plots' legends.
    pub legend: String,
    /// The scenario.
    pub scenario: Scenario,
    /// Its figures, computed once.
    pub computed: Evaluation,
    figures: KeyFigures,
    /// The inputs that differ from the scenario on screen, refreshed after every edit.
    pub changes: Vec<Change>,
    /// The key figures of both, refreshed after every edit.
    pub rows: Vec<FigureRow>,
    /// Its cost curves across the volumes the scenario on screen plots, refreshed with it, so
    /// both are drawn over the same axis.
    pub curves: Vec<Curve>,
}

impl Reference {
    /// Computes `scenario` as of `today`; says why when it has problems or cannot be computed.
    pub fn new(name: String, scenario: Scenario, today: NaiveDate) -> Result<Self, Vec<String>> {
        let computed = evaluate(&scenario, today).map_err(|e| e.sentences())?;
        let figures = computed.key_figures();
        Ok(Self {
            legend: format!("{name} (dashed)"),
            name,
            scenario,
            computed,
            figures,
            changes: Vec::new(),
            rows: Vec::new(),
            curves: Vec::new(),
        })
    }

    /// Compares with the scenario on screen; `first` puts this one on the left (a baseline
    /// comes before the edit; a compared file comes after the scenario on screen).
    fn refresh(&mut self, scenario: &Scenario, computed: Option<&Evaluation>, first: bool) {
        let now = computed.map(|c| KeyFigures::new(&c.outcome, &c.recommendation));
        let (lo, hi) = computed.map_or(self.computed.chart.range, |c| c.chart.range);
        self.curves = samples(&self.computed.outcome.models, lo, hi);
        if first {
            self.changes = changes(&self.scenario, scenario);
            self.rows = now.map_or_else(Vec::new, |n| side_by_side(&self.figures, &n));
        } else {
            self.changes = changes(scenario, &self.scenario);
            self.rows = now.map_or_else(Vec::new, |n| side_by_side(&n, &self.figures));
        }
    }
}

/// The heading of the baseline's comparison, in the window and in the export.
pub const AGAINST_BASELINE: &str = "Against the baseline";

/// What the baseline panel and the export call the baseline's side and the scenario's.
pub const BASELINE_SIDES: [&str; 2] = ["Baseline", "Now"];

/// What the comparison panel and the export call the scenario being edited.
pub const THIS_SCENARIO: &str = "This scenario";

impl Reference {
    /// The baseline's heading and the line under it: which scenario it was pinned from.
    #[must_use]
    pub fn pinned_from(&self) -> String {
        format!("pinned from \"{}\"", self.name)
    }

    /// The comparison with the scenario being edited as the export's reports write it, under
    /// `title`, `note` and the two sides' names.
    fn as_comparison(&self, title: String, note: String, sides: [&str; 2]) -> Comparison {
        Comparison {
            title,
            note,
            sides: sides.map(str::to_owned),
            changes: self.changes.clone(),
            rows: self.rows.clone(),
        }
    }
}

/// Which comparison the workshop panel shows when there are both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Against the baseline.
    #[default]
    Baseline,
    /// Against the file compared with.
    Compare,
}

/// The workshop's state.
#[derive(Default)]
pub struct Workshop {
    /// The pinned baseline.
    pub baseline: Option<Reference>,
    /// The scenario compared with.
    pub comparison: Option<Reference>,
    /// Whether presentation mode is on.
    pub presenting: bool,
    /// What the workshop panel shows when there are both a baseline and a comparison.
    pub view: View,
    /// Whether the workshop panel's tables are open, once the user has opened or closed them;
    /// until then they follow the window's height.
    pub tables_open: Option<bool>,
    /// The last what-if applied and the scenario it made, to say how to undo it while it stands.
    pub applied: Option<(WhatIf, Box<Scenario>)>,
    /// Whether the window was last asked to be full screen (it is, while presenting).
    pub fullscreen: bool,
}

impl Workshop {
    /// The baseline's scenario, when one is pinned.
    #[must_use]
    pub fn baseline(&self) -> Option<&Scenario> {
        self.baseline.as_ref().map(|b| &b.scenario)
    }

    /// The name of the scenario compared with, when there is one.
    #[must_use]
    pub fn comparison(&self) -> Option<&str> {
        self.comparison.as_ref().map(|c| c.name.as_str())
    }

    /// Whether presentation mode is on.
    #[must_use]
    pub const fn presenting(&self) -> bool {
        self.presenting
    }

    /// The baseline and the other scenario, each against the scenario being edited as of the
    /// last [`Workshop::refresh`], for the export's reports; none outside a workshop.
    #[must_use]
    pub fn comparisons(&self) -> Vec<Comparison> {
        let baseline = self.baseline.as_ref().map(|b| {
            b.as_comparison(
                AGAINST_BASELINE.to_owned(),
                format!("The baseline was {}.", b.pinned_from()),
                BASELINE_SIDES,
            )
        });
        let other = self.comparison.as_ref().map(|c| {
            c.as_comparison(
                format!("Compared with {}", c.name),
                String::new(),
                [THIS_SCENARIO, c.name.as_str()],
            )
        });
        baseline.into_iter().chain(other).collect()
    }

    /// Compares the baseline and the other scenario with `scenario`, whose figures are
    /// `computed` (the last valid ones).
    pub fn refresh(&mut self, scenario: &Scenario, computed: Option<&Evaluation>) {
        if let Some(baseline) = &mut self.baseline {
            baseline.refresh(scenario, computed, true);
        }
        if let Some(other) = &mut self.comparison {
            other.refresh(scenario, computed, false);
        }
    }
}
