//! What every target runs on a valid scenario: the costs, the recommendation, the reports in
//! every format, and a round trip through the file format.

use breakeven_model::Scenario;
use breakeven_model::decision::{Decision, matrix_rows, recommend};
use breakeven_model::engine::{compute, samples};
use breakeven_model::report::{Format, render};
use breakeven_model::scenario::{from_ron_str, to_ron_string, validate};

/// Runs everything a user can reach with `scenario`, with the report in format `pick % 4` (one a
/// run, for speed); panics only on a bug.
pub fn exercise(scenario: &Scenario, pick: usize) {
    assert!(validate(scenario).is_empty(), "only valid scenarios get here");
    let text = to_ron_string(scenario).expect("a valid scenario can be written");
    assert_eq!(from_ron_str(&text).as_ref(), Ok(scenario), "a round trip is value-equal");
    // Figures too large to hold exactly are an error naming the input, never a panic.
    let Ok(outcome) = compute(scenario) else { return };
    let _ = samples(&outcome.models, outcome.range.0, outcome.range.1);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let Ok(recommendation) = recommend(scenario, &outcome, today) else { return };
    assert!(recommendation.reasons.iter().any(|r| r.for_phase == recommendation.phase && !r.against));
    let matrix = matrix_rows(scenario, &outcome, scenario.rule_preset.resolve());
    // The sensitivity table recomputes the scenario 24 times: left out here for speed; it runs
    // the same code as above on moved copies.
    let decision = Decision { recommendation, sensitivity: Vec::new(), matrix };
    let formats = [Format::Text, Format::Markdown, Format::Json, Format::Csv];
    let _ = render(scenario, &outcome, &decision, formats[pick % formats.len()]);
}
