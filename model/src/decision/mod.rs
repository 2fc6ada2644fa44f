//! The decision engine: the matrix answers and the computed costs go through rules whose
//! thresholds are data, and come out as a recommended phase with the reasons for and against
//! it, how far each deciding input is from flipping it, and what would change it.

mod cells;
mod firmness;
mod rules;
mod sensitivity;
#[cfg(test)]
#[expect(
    clippy::arithmetic_side_effects,
    reason = "test inputs built from small literals; an overflow would panic and fail the test"
)]
mod tests;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use cells::{MatrixRow, matrix_rows};
pub use firmness::Distance;
// The presets are defined in `crate::preset`, apart from the decision, since a scenario names
// its preset too; re-exported where callers have always found them.
pub use crate::preset::{
    DEFAULT_PRESET, Period, PresetChoice, RulePreset, SpendThreshold, Threshold, built_in,
};
pub use sensitivity::{Effect, SensitivityRow, sensitivity};

use crate::engine::Outcome;
use crate::error::ComputeError;
use crate::phase::Phase;
use crate::scenario::Scenario;

/// How much a reason weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Counts once.
    Normal,
    /// Counts twice: a cost that decides, a team that cannot do the work.
    Strong,
    /// Decides alone, whatever the cost: before product-market fit, an air-gapped network.
    Decisive,
}

impl Strength {
    const fn points(self) -> i32 {
        match self {
            Self::Normal => 1,
            Self::Strong => 2,
            Self::Decisive => 100,
        }
    }
}

/// One reason for or against a phase: the input and its value, the threshold it was compared
/// with, and the article the rule comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The phase it argues about.
    pub for_phase: Phase,
    /// Whether it argues against that phase rather than for it.
    pub against: bool,
    /// How much it weighs.
    pub strength: Strength,
    /// The input's path in the scenario (or a computed figure's name).
    pub input: String,
    /// The input's value, in its unit.
    pub value: String,
    /// The threshold it was compared with, in its unit, if any.
    pub threshold: Option<String>,
    /// The article's title, or what the figure comes from.
    pub source: Option<String>,
    /// The reason as a sentence a person can repeat in a meeting.
    pub text: String,
}

/// Something to know that argues for no phase: a review due, a question unanswered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The input it is about.
    pub input: String,
    /// What to know.
    pub text: String,
    /// The article it comes from, if any.
    pub source: Option<String>,
}

/// The recommendation for a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// The recommended phase.
    pub phase: Phase,
    /// How firm it is, 0 to 1, derived from the score margin and the distances.
    pub confidence: Decimal,
    /// `High`, `Medium` or `Low`.
    pub confidence_label: &'static str,
    /// Each phase's score: the points for it less the points against it.
    pub scores: [i32; 4],
    /// Phases ruled out whatever their score, with why.
    pub excluded: Vec<(Phase, String)>,
    /// The reasons for and against each phase.
    pub reasons: Vec<Reason>,
    /// How far each deciding input is from flipping the answer.
    pub distances: Vec<Distance>,
    /// What would change the decision, as sentences.
    pub what_would_change: Vec<String>,
    /// Reviews due, questions unanswered.
    pub notices: Vec<Notice>,
}

/// The recommendation with its sensitivity table and decision matrix: what a report shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The recommendation and its reasons.
    pub recommendation: Recommendation,
    /// The biggest cost drivers moved 20% each way.
    pub sensitivity: Vec<SensitivityRow>,
    /// Seed 003's decision matrix, filled from the scenario.
    pub matrix: Vec<MatrixRow>,
}

/// The whole decision for `scenario` as of `today`: the recommendation, the sensitivity table
/// (which recomputes the scenario ten or so times) and the matrix.
pub fn decide(
    scenario: &Scenario,
    outcome: &Outcome,
    today: NaiveDate,
) -> Result<Decision, ComputeError> {
    Ok(Decision {
        recommendation: recommend(scenario, outcome, today)?,
        sensitivity: sensitivity(
            scenario,
            outcome,
            recommend(scenario, outcome, today)?.phase,
            today,
        ),
        matrix: matrix_rows(scenario, outcome, scenario.rule_preset.resolve()),
    })
}

/// The confidence label of a confidence.
fn label(confidence: Decimal) -> &'static str {
    if confidence >= Decimal::new(75, 2) {
        "High"
    } else if confidence >= Decimal::new(5, 1) {
        "Medium"
    } else {
        "Low"
    }
}

/// Recommends a phase for `scenario`, whose figures are `outcome`, as of `today` (for review
/// dates).
pub fn recommend(
    scenario: &Scenario,
    outcome: &Outcome,
    today: NaiveDate,
) -> Result<Recommendation, ComputeError> {
    let preset = scenario.rule_preset.resolve();
    let found = rules::apply(scenario, outcome, preset)?;
    let mut scores = [0_i32; 4];
    for reason in &found.reasons {
        let points = reason.strength.points();
        let score = &mut scores[reason.for_phase.index()];
        *score = if reason.against {
            score.saturating_sub(points)
        } else {
            score.saturating_add(points)
        };
    }
    let allowed = |phase: Phase| !found.excluded.iter().any(|(p, _)| *p == phase);
    // Ties go to the simpler option: the seeds' default is to stay on the API.
    let phase = Phase::ALL
        .into_iter()
        .filter(|p| allowed(*p))
        .max_by(|a, b| scores[a.index()].cmp(&scores[b.index()]).then(b.cmp(a)))
        .unwrap_or(Phase::SelfHost);
    let runner_up = Phase::ALL
        .into_iter()
        .filter(|p| *p != phase && allowed(*p))
        .map(|p| scores[p.index()])
        .max()
        .unwrap_or(scores[phase.index()]);
    let margin = scores[phase.index()].saturating_sub(runner_up).max(0);
    let mut reasons = found.reasons;
    if !reasons.iter().any(|r| r.for_phase == phase && !r.against) {
        // Chosen because everything else is ruled out or weighs less: say so.
        reasons.push(Reason {
            for_phase: phase,
            against: false,
            strength: Strength::Normal,
            input: "the other options".into(),
            value: format!("{} points", scores[phase.index()]),
            threshold: Some(format!("{runner_up} points for the next option")),
            source: None,
            text: format!("{} has the least against it: every other option is ruled out or has more against it than for it.", phase.label()),
        });
    }
    let distances = firmness::distances(scenario, outcome, preset, phase)?;
    let confidence = firmness::confidence(margin, &distances);
    let mut what_would_change: Vec<String> = distances.iter().map(|d| d.text.clone()).collect();
    let mut notices = found.notices;
    notices.extend(rules::review(scenario, preset, today));
    for unanswered in rules::unanswered(scenario) {
        what_would_change.push(format!("Answering \"{unanswered}\" could change this."));
    }
    Ok(Recommendation {
        phase,
        confidence,
        confidence_label: label(confidence),
        scores,
        excluded: found.excluded,
        reasons,
        distances,
        what_would_change,
        notices,
    })
}
