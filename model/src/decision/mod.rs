//! The decision engine: the matrix answers and the computed costs go through rules whose
//! thresholds are data, and come out as a recommended phase with the reasons for and against
//! it, how far each deciding input is from flipping it, and what would change it.

mod cells;
mod costs;
mod firmness;
mod gates;
mod next_steps;
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
pub use gates::ruled_out;
// The presets are defined in `crate::preset`, apart from the decision, since a scenario names
// its preset too; re-exported where callers have always found them.
pub use crate::preset::{
    DEFAULT_PRESET, Period, PresetChoice, RulePreset, SpendThreshold, Threshold, built_in,
};
pub use sensitivity::{Effect, SensitivityRow, sensitivity};

use crate::engine::{Outcome, Warning};
use crate::error::ComputeError;
use crate::phase::Phase;
use crate::scenario::Scenario;

/// How much a weighed reason counts. What decides alone (before product-market fit, an
/// air-gapped network) is a [`Gate`], never a weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Counts once.
    Normal,
    /// Counts twice: a team that cannot do the work, a cost difference of a tenth or more.
    Strong,
    /// Counts three times: a cost difference of half or more (or a premium of 100% or more).
    Major,
}

impl Strength {
    /// The points it counts for.
    #[must_use]
    pub const fn points(self) -> i32 {
        match self {
            Self::Normal => 1,
            Self::Strong => 2,
            Self::Major => 3,
        }
    }
}

/// What a gate does to its phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateEffect {
    /// The phase is off the table, whatever it costs and whatever else argues for it.
    RulesOut,
    /// The phase is the answer, unless an earlier gate ruled it out.
    Decides,
}

/// A fact that settles a question before anything is weighed: it rules a phase out, or decides
/// it, with its reason and article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gate {
    /// The phase it rules out or decides.
    pub phase: Phase,
    /// Which of the two.
    pub effect: GateEffect,
    /// The input's path in the scenario.
    pub input: String,
    /// The input's value, in its unit.
    pub value: String,
    /// The threshold it was compared with, if any.
    pub threshold: Option<String>,
    /// The article's title.
    pub source: Option<String>,
    /// The gate as a sentence.
    pub text: String,
}

impl Gate {
    /// Whether the user left the option out, rather than a fact ruling it out.
    #[must_use]
    pub fn is_left_out(&self) -> bool {
        self.input == gates::LEFT_OUT
    }

    /// What the gate does to its option, in words: "ruled out", "decides", "left out".
    #[must_use]
    pub fn effect_word(&self) -> &'static str {
        match self.effect {
            _ if self.is_left_out() => "left out",
            GateEffect::RulesOut => "ruled out",
            GateEffect::Decides => "decides",
        }
    }
}

/// What to do next for the recommended phase, from the articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// When: "Days 1-30", "Months 6-18", "By 2027-05-24".
    pub when: String,
    /// What to do.
    pub text: String,
    /// The article it comes from.
    pub source: Option<String>,
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
    /// The sentence to say first, where one move beats the rest (routing within the API).
    pub headline: Option<String>,
    /// Each phase's score: the points for it less the points against it; ruled-out phases
    /// are weighed too, but cannot win.
    pub scores: [i32; 4],
    /// The facts that ruled phases out or decided one, in the order they were asked.
    pub gates: Vec<Gate>,
    /// The weighed reasons for and against each phase still on the table.
    pub reasons: Vec<Reason>,
    /// How far each deciding input is from flipping the answer.
    pub distances: Vec<Distance>,
    /// What would change the decision, as sentences.
    pub what_would_change: Vec<String>,
    /// Reviews due, questions unanswered.
    pub notices: Vec<Notice>,
    /// What to do next for the recommended phase.
    pub next_steps: Vec<NextStep>,
}

impl Recommendation {
    /// The options the user left out of consideration.
    #[must_use]
    pub fn left_out(&self) -> Vec<Phase> {
        self.gates
            .iter()
            .filter(|g| g.is_left_out())
            .map(|g| g.phase)
            .collect()
    }

    /// The gate that rules `phase` out, if one does.
    #[must_use]
    pub fn ruled_out(&self, phase: Phase) -> Option<&Gate> {
        self.gates
            .iter()
            .find(|g| g.phase == phase && g.effect == GateEffect::RulesOut)
    }

    /// `warnings` split into those about the options on the table (or about none) and those
    /// about an option a gate ruled out: a reader is told of the second, not given them.
    #[must_use]
    pub fn warnings_on_the_table<'a>(
        &self,
        warnings: &'a [Warning],
    ) -> (Vec<&'a Warning>, Vec<&'a Warning>) {
        warnings
            .iter()
            .partition(|w| w.phase.is_none_or(|p| self.ruled_out(p).is_none()))
    }

    /// Whether the gates settled the answer: one decided it, or one phase is all they left.
    #[must_use]
    pub fn settled_by_gates(&self) -> bool {
        self.decided_by().is_some()
            || Phase::ALL
                .iter()
                .filter(|p| self.ruled_out(**p).is_none())
                .count()
                == 1
    }

    /// The gate that decided the answer, if one did.
    #[must_use]
    pub fn decided_by(&self) -> Option<&Gate> {
        self.gates
            .iter()
            .find(|g| g.phase == self.phase && g.effect == GateEffect::Decides)
    }
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
    let recommendation = recommend(scenario, outcome, today)?;
    let phase = recommendation.phase;
    Ok(Decision {
        recommendation,
        sensitivity: sensitivity(scenario, outcome, phase, today),
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

/// The phases' scores, the gates and what was weighed: everything the phase is chosen from.
struct Weighing<'a> {
    preset: &'a RulePreset,
    gates: Vec<Gate>,
    found: rules::Found,
    weighed: costs::Weighed,
    scores: [i32; 4],
    /// The phase a gate decides, or the only one the gates leave.
    decided: Option<Phase>,
    phase: Phase,
    runner_up: i32,
}

fn weigh<'a>(
    scenario: &'a Scenario,
    outcome: &Outcome,
    scores_only: bool,
) -> Result<Weighing<'a>, ComputeError> {
    let preset = scenario.rule_preset.resolve();
    let gates = gates::gates(scenario, preset);
    let allowed = |phase: Phase| !gates::ruled_out(&gates, phase);
    let mut found = rules::apply(scenario, outcome, preset, &gates, scores_only)?;
    let mut weighed = costs::apply(scenario, outcome, &gates, scores_only)?;
    found.reasons.append(&mut weighed.reasons);
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
    let on_table: Vec<Phase> = Phase::ALL.into_iter().filter(|p| allowed(*p)).collect();
    // A gate decides, or the gates leave one phase: either way nothing was left to weigh.
    let decided = gates::decided(&gates).or(match on_table[..] {
        [only] => Some(only),
        _ => None,
    });
    // Ties go to the simpler option: the seeds' default is to stay on the API.
    let phase = decided
        .or_else(|| {
            Phase::ALL
                .into_iter()
                .filter(|p| allowed(*p))
                .max_by(|a, b| scores[a.index()].cmp(&scores[b.index()]).then(b.cmp(a)))
        })
        .unwrap_or(Phase::SelfHost);
    let runner_up = Phase::ALL
        .into_iter()
        .filter(|p| *p != phase && allowed(*p))
        .map(|p| scores[p.index()])
        .max()
        .unwrap_or(scores[phase.index()]);
    Ok(Weighing {
        preset,
        gates,
        found,
        weighed,
        scores,
        decided,
        phase,
        runner_up,
    })
}

/// The phase [`recommend`] would recommend, without the reasons written out, the distances to
/// flipping, the review dates and the next steps: what each Monte Carlo sample needs.
pub fn recommended_phase(scenario: &Scenario, outcome: &Outcome) -> Result<Phase, ComputeError> {
    Ok(weigh(scenario, outcome, true)?.phase)
}

/// Recommends a phase for `scenario`, whose figures are `outcome`, as of `today` (for review
/// dates): the gates first, in their order; then the reasons weighed for the phases left.
pub fn recommend(
    scenario: &Scenario,
    outcome: &Outcome,
    today: NaiveDate,
) -> Result<Recommendation, ComputeError> {
    let Weighing {
        preset,
        gates,
        found,
        weighed,
        scores,
        decided,
        phase,
        runner_up,
    } = weigh(scenario, outcome, false)?;
    let allowed = |phase: Phase| !gates::ruled_out(&gates, phase);
    let margin = scores[phase.index()].saturating_sub(runner_up).max(0);
    let mut reasons: Vec<Reason> = found
        .reasons
        .into_iter()
        .filter(|r| allowed(r.for_phase))
        .collect();
    if decided.is_none() && !reasons.iter().any(|r| r.for_phase == phase && !r.against) {
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
    let distances = firmness::distances(scenario, outcome, preset, &gates, decided.is_some())?;
    let confidence = firmness::confidence(margin, decided.is_some(), &distances);
    let mut what_would_change: Vec<String> = distances.iter().map(|d| d.text.clone()).collect();
    let mut notices = found.notices;
    notices.extend(rules::review(scenario, preset, today));
    for unanswered in rules::unanswered(scenario) {
        what_would_change.push(format!("Answering \"{unanswered}\" could change this."));
    }
    what_would_change.extend(weighed.would_change);
    let next_steps =
        next_steps::next_steps(scenario, preset, phase, weighed.cheaper_api.as_ref(), today);
    Ok(Recommendation {
        phase,
        confidence,
        confidence_label: label(confidence),
        headline: weighed.headline.filter(|_| phase == Phase::Buy),
        scores,
        gates,
        reasons,
        distances,
        what_would_change,
        notices,
        next_steps,
    })
}
