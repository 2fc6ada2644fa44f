//! The figures the window shows: the model's evaluation of the last valid scenario. The UI reads
//! them; it never computes a figure itself.

use std::ops::Deref;

use breakeven_model::{EvaluateError, Evaluation, Scenario, evaluate};
use chrono::NaiveDate;

/// The evaluation of one valid scenario, which keeps that scenario, so that what is computed
/// later (the sensitivity table) comes from the same one even while the scenario on screen has
/// a value out of range. Reads as an [`Evaluation`]: `computed.outcome`, `computed.sensitivity()`.
pub struct Computed(Evaluation);

impl Computed {
    /// Evaluates `scenario` as of `today`. Fails when it has problems, or when figures grow too
    /// large to hold exactly; the error names the input.
    pub fn new(scenario: &Scenario, today: NaiveDate) -> Result<Self, EvaluateError> {
        evaluate(scenario, today).map(Self)
    }
}

impl Deref for Computed {
    type Target = Evaluation;

    fn deref(&self) -> &Evaluation {
        &self.0
    }
}
