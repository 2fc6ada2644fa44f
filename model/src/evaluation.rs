//! The whole pipeline in one call: validate a scenario, compute its costs, decide, and sample its
//! curves. The window, the export, the command line and the workshop's reference scenarios all
//! take their figures from an [`Evaluation`], so they cannot disagree, and each says what went
//! wrong with the same [`EvaluateError`].

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::catalog::{Catalog, price_age_warnings};
use crate::compare::KeyFigures;
use crate::decision::{
    Decision, Effect, MatrixRow, Recommendation, SensitivityRow, matrix_rows, recommend,
    sensitivity,
};
use crate::engine::{CostChart, Outcome, Shown, compute_in, cost_chart};
use crate::error::{ComputeError, EvaluateError};
use crate::portfolio::{Portfolio, portfolio};
use crate::report::{self, BoardSummary, Cautions, Contents, Figure, Format, HtmlReport, Takeaway};
use crate::scenario::{Scenario, validate};

/// A valid scenario's figures as of one day: its costs, its recommendation and decision matrix,
/// its curves for the plots and its catalog warnings. It keeps the scenario and the day, so what
/// is computed later (the sensitivity table, a report) is of the same scenario, even while the
/// one on screen has a value out of range.
#[derive(Debug)]
pub struct Evaluation {
    /// The scenario these figures are of.
    scenario: Scenario,
    /// The day review dates and catalog prices were judged on.
    today: NaiveDate,
    /// Costs, break-evens, horizon and warnings.
    pub outcome: Outcome,
    /// The recommended phase and why.
    pub recommendation: Recommendation,
    /// Seed 003's decision matrix, filled from the scenario.
    pub matrix: Vec<MatrixRow>,
    /// The cost chart, for the plots and the export: the options on the table (those ruled out
    /// are left out until [`Self::show`] shows them), across the volumes that matter for them.
    pub chart: CostChart,
    /// Warnings about catalog prices older than six months, from the embedded catalog.
    pub price_age: Vec<String>,
    /// Every warning and notice, gathered once: the window, the reports and the export list these.
    pub cautions: Cautions,
    /// The decision and the figures a board asks for, in a few lines.
    pub board: BoardSummary,
    /// The sensitivity table, computed on first use: it recomputes the scenario 24 times.
    sensitivity: OnceLock<Vec<SensitivityRow>>,
    /// What the Monte Carlo found, once [`Evaluation::sample`] ran.
    uncertainty: Option<crate::uncertainty::Uncertainty>,
    /// The catalog the figures were checked against, for the features' own evaluations; `None`
    /// for the embedded one, which is not copied.
    catalog: Option<Catalog>,
    /// Every feature's figures, the portfolio and the roadmap, computed on first use: the
    /// roadmap decides again for every month of the horizon.
    portfolio: OnceLock<Result<Portfolio, EvaluateError>>,
}

/// Evaluates `scenario` as of `today` (for review dates and the age of catalog prices). Refuses
/// an invalid scenario with every problem at once; fails otherwise only when figures grow too
/// large to hold exactly, naming the input.
pub fn evaluate(scenario: &Scenario, today: NaiveDate) -> Result<Evaluation, EvaluateError> {
    evaluate_in(scenario, today, Catalog::embedded())
}

/// As [`evaluate`], with the scenario's catalog picks checked against `catalog` (the embedded
/// one with the user's imported prices over it): their drift and their age.
pub fn evaluate_in(
    scenario: &Scenario,
    today: NaiveDate,
    catalog: &Catalog,
) -> Result<Evaluation, EvaluateError> {
    let problems = validate(scenario);
    if !problems.is_empty() {
        return Err(EvaluateError::Invalid(problems));
    }
    let outcome = compute_in(scenario, catalog)?;
    let recommendation = recommend(scenario, &outcome, today)?;
    let matrix = matrix_rows(scenario, &outcome, scenario.rule_preset.resolve());
    let chart = cost_chart(&outcome, on_the_table(&recommendation));
    let price_age = price_age_warnings(scenario, catalog, today, |p| {
        recommendation.ruled_out(p).is_none()
    });
    let cautions = Cautions::gather(&outcome, &recommendation, &price_age);
    let board = BoardSummary::new(&scenario.heading(), &outcome, &recommendation);
    Ok(Evaluation {
        scenario: scenario.clone(),
        today,
        outcome,
        recommendation,
        matrix,
        chart,
        price_age,
        cautions,
        board,
        sensitivity: OnceLock::new(),
        uncertainty: None,
        catalog: (!std::ptr::eq(catalog, Catalog::embedded())).then(|| catalog.clone()),
        portfolio: OnceLock::new(),
    })
}

/// Every option the recommendation did not rule out.
fn on_the_table(recommendation: &Recommendation) -> Shown {
    Shown::all_but(|p| recommendation.ruled_out(p).is_some())
}

impl Evaluation {
    /// The options a chart shows unless the user says otherwise: those not ruled out.
    #[must_use]
    pub fn shown_by_default(&self) -> Shown {
        on_the_table(&self.recommendation)
    }

    /// Draws the charts with `shown`, sampling the cost curves again if it changes the chart.
    pub fn show(&mut self, shown: Shown) {
        if self.chart.shown != shown {
            self.chart = cost_chart(&self.outcome, shown);
        }
    }

    /// The scenario these figures are of.
    #[must_use]
    pub const fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The day the figures were judged on.
    #[must_use]
    pub const fn today(&self) -> NaiveDate {
        self.today
    }

    /// Every feature's figures, the portfolio and the roadmap, computed on first use and kept;
    /// the error when a month of the roadmap grows too large to hold.
    pub fn portfolio(&self) -> Result<&Portfolio, &EvaluateError> {
        self.portfolio
            .get_or_init(|| {
                let catalog = self.catalog.as_ref().unwrap_or_else(|| Catalog::embedded());
                portfolio(&self.scenario, self.today, catalog)
            })
            .as_ref()
    }

    /// The sensitivity table of the evaluated scenario, computed on first use and kept.
    pub fn sensitivity(&self) -> &[SensitivityRow] {
        self.sensitivity.get_or_init(|| {
            sensitivity(
                &self.scenario,
                &self.outcome,
                self.recommendation.phase,
                self.today,
            )
        })
    }

    /// The recommended phase's standing as entered, which the sensitivity table's moves are
    /// read against; `None` when a lead is too large to hold (the table is empty then).
    #[must_use]
    pub fn sensitivity_as_entered(&self) -> Option<Effect> {
        Effect::as_entered(&self.outcome, self.recommendation.phase)
    }

    /// The figures a workshop compares with another scenario's.
    #[must_use]
    pub fn key_figures(&self) -> KeyFigures {
        KeyFigures::new(&self.outcome, &self.recommendation)
    }

    /// The report in `format`, as `breakeven report` prints it.
    #[must_use]
    pub fn render(&self, format: Format) -> String {
        self.render_with(format, &Takeaway::default())
    }

    /// The report in `format` with what an export adds: the scenario file written beside it and
    /// the workshop's comparisons.
    #[must_use]
    pub fn render_with(&self, format: Format, takeaway: &Takeaway) -> String {
        report::render_with(&self.contents(&self.decision()), format, takeaway)
    }

    /// The board summary, then the recommendation, the key figures, the break-even volumes and
    /// the warnings as Markdown, for pasting into a document. Needs no sensitivity table.
    #[must_use]
    pub fn summary(&self) -> String {
        report::summary(
            &self.scenario,
            &self.outcome,
            &self.recommendation,
            &self.cautions,
            &self.board,
        )
    }

    /// The board-deck HTML report with `figures` (charts drawn by the caller) inline, dated
    /// `today`, with the embedded catalog's as-of dates.
    #[must_use]
    pub fn html(&self, figures: &[Figure]) -> String {
        self.html_with(figures, &Takeaway::default())
    }

    /// The HTML report with `figures`, and with what an export adds: the scenario file written
    /// beside it and the workshop's comparisons.
    #[must_use]
    pub fn html_with(&self, figures: &[Figure], takeaway: &Takeaway) -> String {
        report::html(&HtmlReport {
            contents: self.contents(&self.decision()),
            catalog: Catalog::embedded(),
            today: self.today,
            figures,
            takeaway,
        })
    }

    /// What the reports are written from, with `decision`.
    fn contents<'a>(&'a self, decision: &'a Decision) -> Contents<'a> {
        Contents {
            scenario: &self.scenario,
            outcome: &self.outcome,
            decision,
            cautions: &self.cautions,
            board: &self.board,
            uncertainty: self.uncertainty.as_ref(),
            portfolio: self.portfolio().ok(),
        }
    }

    /// Samples every ranged input `samples` times with `seed` and keeps what the Monte Carlo
    /// found for the reports; nothing when no input has a range or `samples` is 0. Fails when a
    /// sample's figures grow too large to hold exactly.
    pub fn sample(&mut self, samples: u32, seed: u64) -> Result<(), ComputeError> {
        self.uncertainty = None;
        if samples == 0 || crate::uncertainty::ranged(&self.scenario).is_empty() {
            return Ok(());
        }
        self.uncertainty =
            crate::uncertainty::run(&self.scenario, self.today, samples, seed, &|_| true)?;
        Ok(())
    }

    /// Keeps `found` for the reports: what a run in the background found for this scenario.
    pub fn set_uncertainty(&mut self, found: crate::uncertainty::Uncertainty) {
        self.uncertainty = Some(found);
    }

    /// What the Monte Carlo found, when it ran.
    #[must_use]
    pub const fn uncertainty(&self) -> Option<&crate::uncertainty::Uncertainty> {
        self.uncertainty.as_ref()
    }

    /// The recommendation with its sensitivity table and matrix, as the reports take them: a
    /// copy, made only when a report is written.
    fn decision(&self) -> Decision {
        Decision {
            recommendation: self.recommendation.clone(),
            sensitivity: self.sensitivity().to_vec(),
            matrix: self.matrix.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::decide;
    use crate::engine::compute;
    use crate::scenario::{DEFAULT_RON, from_ron_str};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn an_evaluation_holds_what_compute_and_decide_give() {
        let scenario = Scenario::embedded_default();
        let evaluation = evaluate(&scenario, today()).unwrap();
        let outcome = compute(&scenario).unwrap();
        let decision = decide(&scenario, &outcome, today()).unwrap();
        assert_eq!(evaluation.scenario(), &scenario);
        assert_eq!(evaluation.today(), today());
        assert_eq!(evaluation.outcome, outcome);
        assert_eq!(evaluation.recommendation, decision.recommendation);
        assert_eq!(evaluation.matrix, decision.matrix);
        assert_eq!(evaluation.sensitivity(), decision.sensitivity);
        let on_the_table = Shown::all_but(|p| decision.recommendation.ruled_out(p).is_some());
        assert_eq!(evaluation.shown_by_default(), on_the_table);
        assert_eq!(evaluation.chart, cost_chart(&outcome, on_the_table));
        assert_eq!(
            evaluation.price_age,
            price_age_warnings(&scenario, Catalog::embedded(), today(), |p| decision
                .recommendation
                .ruled_out(p)
                .is_none())
        );
        assert_eq!(
            evaluation.key_figures(),
            KeyFigures::new(&outcome, &decision.recommendation)
        );
        assert_eq!(
            evaluation.cautions,
            Cautions::gather(&outcome, &decision.recommendation, &evaluation.price_age)
        );
        assert_eq!(
            evaluation.board,
            BoardSummary::new(&scenario.heading(), &outcome, &decision.recommendation)
        );
    }

    #[test]
    fn the_cost_chart_leaves_out_what_is_ruled_out_until_it_is_shown() {
        use crate::phase::Phase;
        let scenario =
            from_ron_str(include_str!("../../scenarios/seed000-legal-tech.ron")).unwrap();
        let mut evaluation = evaluate(&scenario, today()).unwrap();
        assert!(!evaluation.chart.shown.contains(Phase::Pretrain));
        assert!(
            evaluation
                .chart
                .crossings
                .iter()
                .all(|m| m.b != Phase::Pretrain)
        );
        evaluation.show(Shown::ALL);
        assert!(evaluation.chart.shown.contains(Phase::Pretrain));
        assert!(
            evaluation
                .chart
                .crossings
                .iter()
                .any(|m| m.b == Phase::Pretrain)
        );
        evaluation.show(evaluation.shown_by_default());
        assert_eq!(
            evaluation.chart,
            cost_chart(&evaluation.outcome, evaluation.shown_by_default())
        );
    }

    #[test]
    fn every_report_is_the_one_the_report_module_writes() {
        let scenario =
            from_ron_str(include_str!("../../scenarios/seed000-legal-tech.ron")).unwrap();
        let evaluation = evaluate(&scenario, today()).unwrap();
        let outcome = compute(&scenario).unwrap();
        let decision = decide(&scenario, &outcome, today()).unwrap();
        let rec = &decision.recommendation;
        let ages = price_age_warnings(&scenario, Catalog::embedded(), today(), |p| {
            rec.ruled_out(p).is_none()
        });
        let cautions = Cautions::gather(&outcome, rec, &ages);
        let board = BoardSummary::new(&scenario.heading(), &outcome, rec);
        let portfolio =
            crate::portfolio::portfolio(&scenario, today(), Catalog::embedded()).unwrap();
        let contents = Contents {
            scenario: &scenario,
            outcome: &outcome,
            decision: &decision,
            cautions: &cautions,
            board: &board,
            uncertainty: None,
            portfolio: Some(&portfolio),
        };
        for format in [Format::Text, Format::Markdown, Format::Json, Format::Csv] {
            assert_eq!(
                evaluation.render(format),
                report::render(&contents, format),
                "{format:?}"
            );
        }
        assert_eq!(
            evaluation.summary(),
            report::summary(&scenario, &outcome, rec, &cautions, &board)
        );
        let figures = [Figure {
            title: "A chart".to_owned(),
            caption: "How to read it.".to_owned(),
            svg: "<svg></svg>".to_owned(),
        }];
        assert_eq!(
            evaluation.html(&figures),
            report::html(&HtmlReport {
                contents,
                catalog: Catalog::embedded(),
                today: today(),
                figures: &figures,
                takeaway: &Takeaway::default(),
            })
        );
    }

    #[test]
    fn the_sensitivity_table_is_computed_once_and_kept() {
        let evaluation = evaluate(&Scenario::embedded_default(), today()).unwrap();
        let first = evaluation.sensitivity();
        assert!(!first.is_empty());
        assert!(std::ptr::eq(first, evaluation.sensitivity()));
    }

    #[test]
    fn an_invalid_scenario_is_refused_with_every_problem_naming_its_field() {
        let mut scenario = Scenario::embedded_default();
        scenario.horizon.months.value = 500;
        scenario.pretrain.build_months.value = 500;
        let problems = validate(&scenario);
        assert!(problems.len() >= 2, "{problems:?}");
        let error = evaluate(&scenario, today()).unwrap_err();
        assert_eq!(error, EvaluateError::Invalid(problems.clone()));
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{} problems in the scenario: ", problems.len())),
            "{message}"
        );
        assert!(message.contains("horizon.months"), "{message}");
        assert_eq!(
            error.sentences(),
            problems.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }

    #[test]
    fn figures_too_large_to_hold_name_the_input_that_drove_them() {
        // Valid one by one, but doubling every month for ten years overflows any exact number.
        let text = DEFAULT_RON
            .replacen(
                r#"growth_percent_per_month: (value: "5""#,
                r#"growth_percent_per_month: (value: "100""#,
                1,
            )
            .replacen("months: (value: 36", "months: (value: 120", 1)
            .replacen(r#"(value: "700000000""#, r#"(value: "9000000000000000""#, 1);
        let scenario = from_ron_str(&text).unwrap();
        let error = evaluate(&scenario, today()).unwrap_err();
        let EvaluateError::Compute(compute_error) = &error else {
            panic!("{error:?}");
        };
        assert_eq!(compute_error.path, "workload.growth_percent_per_month");
        assert_eq!(error.to_string(), compute_error.to_string());
        assert_eq!(error.sentences(), [compute_error.to_string()]);
    }
}
