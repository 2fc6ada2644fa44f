//! What to do next for the recommended phase: seed 000's 90-day plan (instrument, capture a
//! golden dataset, shadow mode before routing), seed 004's progression (API 0-6 months,
//! fine-tune 6-18, pretraining only after) and seed 002's review every 6-9 months.

use chrono::{Months, NaiveDate};

use super::NextStep;
use super::costs::Priced;
use crate::phase::Phase;
use crate::preset::RulePreset;
use crate::scenario::{DataResidency, Retrieval, Scenario};
use crate::sources::Seed;

fn step(when: &str, text: &str, seed: Seed) -> NextStep {
    NextStep {
        when: when.to_owned(),
        text: text.to_owned(),
        source: Some(seed.title().to_owned()),
    }
}

const INSTRUMENT: &str = "Instrument the application to log token counts and cost per feature, and find the \
                          single feature behind 80% of the bill.";
/// Where no API may be used there is no bill to find: the same measurement sizes the instances.
const MEASURE: &str = "Log token counts and the peak load of each feature on the system you run today: they size \
                       the instances.";
const GOLDEN: &str = "Capture the high-quality API outputs of that feature into a structured dataset: the \
                      golden dataset a fine-tune will need.";

/// The next steps for `phase` in `scenario`, ending with the review date.
#[must_use]
pub fn next_steps(
    scenario: &Scenario,
    preset: &RulePreset,
    phase: Phase,
    cheaper_api: Option<&Priced>,
    today: NaiveDate,
) -> Vec<NextStep> {
    let seed_000 = Seed::BuildVsBuyFineTuneOrOpenAi;
    let seed_004 = Seed::AiBuildVsBuyDecision;
    let mut steps = Vec::new();
    match phase {
        Phase::Buy => {
            steps.push(step("Days 1-30", INSTRUMENT, seed_000));
            if let Some(cheaper) = cheaper_api
                && scenario.matrix.workhorse_would_do != Some(false)
            {
                steps.push(step(
                    "Days 1-30",
                    &format!(
                        "Try the tasks that do not need frontier capability on {}, the cheapest model of the \
                         catalog for this workload, and route them there if it does them as well: the lowest-cost \
                         win within the API.",
                        cheaper.name
                    ),
                    Seed::QuestionsThatMatter,
                ));
            }
            steps.push(step("Days 31-60", GOLDEN, seed_000));
            steps.push(step(
                "Months 0-6",
                "Ship with the API, validate the use case, collect user interaction data and build evals.",
                seed_004,
            ));
        }
        Phase::FineTune => {
            if scenario.matrix.retrieval == Some(Retrieval::NotTried) {
                steps.push(step(
                    "First",
                    "Try retrieval (RAG): fine-tune only when it cannot reach the quality, style or format needed.",
                    Seed::LlmStrategy,
                ));
            }
            steps.push(step("Days 1-30", INSTRUMENT, seed_000));
            steps.push(step("Days 31-60", GOLDEN, seed_000));
            steps.push(step(
                "Days 61-90",
                "Fine-tune a small model on the golden dataset and run it in shadow mode beside the API, to verify \
                 the loss of quality is acceptable before routing any traffic to it.",
                seed_000,
            ));
            steps.push(step(
                "Months 6-18",
                "Route the highest-volume, most cost-sensitive use cases to the fine-tune; keep the frontier API \
                 for edge cases and new features, and plan how to rebase the fine-tune on newer base models.",
                seed_004,
            ));
        }
        Phase::SelfHost => {
            let air_gapped = scenario.matrix.data_residency == Some(DataResidency::AirGapped);
            steps.push(step(
                "Days 1-30",
                if air_gapped { MEASURE } else { INSTRUMENT },
                seed_000,
            ));
            steps.push(step(
                "Days 1-30",
                "Staff it first: self-hosting needs ML and infrastructure people (5+) before it needs GPUs.",
                Seed::LlmStrategy,
            ));
            steps.push(step(
                "Days 61-90",
                if air_gapped {
                    "Serve the open model in shadow mode beside the system you run today, to verify quality and \
                     latency before routing traffic to it."
                } else {
                    "Serve the open model in shadow mode beside the API, to verify quality and latency before routing \
                     traffic to it."
                },
                seed_000,
            ));
            steps.push(step(
                "Every release",
                "Plan model upgrades: moving to each newer open model is a migration and an evaluation, a cost \
                 the API paid for you.",
                seed_004,
            ));
        }
        Phase::Pretrain => {
            steps.push(step(
                "Months 0-18",
                "Serve the product from the API and a fine-tune meanwhile; collect the data and build the evals the \
                 model will be judged by.",
                seed_004,
            ));
            steps.push(step(
                "Months 18+",
                "Train a specialised model only if the data moat is deep enough and the domain stable enough: \
                 \"Most companies never need to reach this phase.\"",
                seed_004,
            ));
        }
    }
    steps.push(review_step(scenario, preset, today));
    steps
}

/// The date to revisit the decision: the preset's months after the last review (seed 002: every
/// 6-9 months), or now when that date has passed.
fn review_step(scenario: &Scenario, preset: &RulePreset, today: NaiveDate) -> NextStep {
    let months =
        u32::try_from(preset.review_due_months.value.get().trunc().mantissa()).unwrap_or(6);
    let due = scenario
        .last_reviewed
        .checked_add_months(Months::new(months));
    let text = match due {
        Some(due) if due > today => format!(
            "Revisit this decision by {due} ({months} months after the last review, {}): costs and models move.",
            scenario.last_reviewed
        ),
        Some(due) => format!(
            "Revisit this decision now: it was due on {due}, {months} months after the last review ({}).",
            scenario.last_reviewed
        ),
        None => "Revisit this decision every 6-9 months: costs and models move.".to_owned(),
    };
    NextStep {
        when: "Review".into(),
        text,
        source: Some(preset.review_due_months.source.clone()),
    }
}
