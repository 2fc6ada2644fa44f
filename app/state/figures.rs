//! The figures the window shows, computed by the model from the last valid scenario. The UI
//! reads them; it never computes a figure itself.

use breakeven_model::Scenario;
use breakeven_model::catalog::{Catalog, price_age_warnings};
use breakeven_model::decision::{
    MatrixRow, Recommendation, SensitivityRow, matrix_rows, recommend, sensitivity,
};
use breakeven_model::engine::{Curve, Outcome, compute, samples};
use breakeven_model::error::ComputeError;
use chrono::NaiveDate;

/// Everything computed from one valid scenario, and that scenario, so that what is computed
/// later (the sensitivity table) comes from the same one even while the scenario on screen has
/// a value out of range.
pub struct Computed {
    /// The valid scenario these figures are of.
    scenario: Scenario,
    /// The day review dates were judged on.
    today: NaiveDate,
    /// Costs, break-evens, horizon and warnings.
    pub outcome: Outcome,
    /// The recommended phase and why.
    pub recommendation: Recommendation,
    /// Seed 003's matrix, filled in.
    pub matrix: Vec<MatrixRow>,
    /// Cost curves for the plot.
    pub curves: Vec<Curve>,
    /// Warnings about catalog prices older than six months.
    pub price_age: Vec<String>,
    /// The sensitivity table, computed when first shown (it recomputes the scenario many times).
    sensitivity: Option<Vec<SensitivityRow>>,
}

impl Computed {
    /// Computes `scenario` as of `today`. Fails only when figures grow too large to hold
    /// exactly; the error names the input.
    pub fn new(scenario: &Scenario, today: NaiveDate) -> Result<Self, ComputeError> {
        let outcome = compute(scenario)?;
        let recommendation = recommend(scenario, &outcome, today)?;
        let matrix = matrix_rows(scenario, &outcome, scenario.rule_preset.resolve());
        let curves = samples(&outcome.models, outcome.range.0, outcome.range.1);
        let price_age = price_age_warnings(scenario, Catalog::embedded(), today);
        Ok(Self {
            scenario: scenario.clone(),
            today,
            outcome,
            recommendation,
            matrix,
            curves,
            price_age,
            sensitivity: None,
        })
    }

    /// The sensitivity table of the scenario these figures are of, computed on first use.
    pub fn sensitivity(&mut self) -> &[SensitivityRow] {
        let (scenario, outcome, today) = (&self.scenario, &self.outcome, self.today);
        self.sensitivity
            .get_or_insert_with(|| sensitivity(scenario, outcome, today))
    }
}
