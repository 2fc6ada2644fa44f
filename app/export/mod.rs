//! The board-deck pack: the HTML report, each chart as SVG and as a 16:9 PNG, the month-by-month
//! CSV, and the JSON and Markdown reports, written into one folder. Used by File > Export and
//! by `breakeven export FILE --out DIR`; it needs no display.

pub mod charts;

use std::path::{Path, PathBuf};

use breakeven_model::catalog::Catalog;
use breakeven_model::decision::{Decision, decide};
use breakeven_model::engine::{Curve, Outcome, compute, samples};
use breakeven_model::report::{self, Figure, Format, HtmlReport};
use breakeven_model::scenario::{Scenario, validate};
use chrono::NaiveDate;

pub use charts::{Chart, SLIDE};

use crate::document::write_atomically;
use crate::error::ExportError;

/// The size the charts are drawn at inside the HTML report; the SVG scales to the page.
const PAGE: (u32, u32) = (1280, 720);

/// What the pack is made from: a scenario, its figures and its recommendation.
pub struct Pack {
    scenario: Scenario,
    outcome: Outcome,
    decision: Decision,
    curves: Vec<Curve>,
    today: NaiveDate,
}

impl Pack {
    /// Computes `scenario` as of `today`. An invalid scenario is refused with every problem.
    pub fn new(scenario: &Scenario, today: NaiveDate) -> Result<Self, ExportError> {
        let problems = validate(scenario);
        if !problems.is_empty() {
            return Err(ExportError::Invalid(
                problems.iter().map(ToString::to_string).collect(),
            ));
        }
        let outcome = compute(scenario).map_err(|e| ExportError::Compute(e.to_string()))?;
        let decision =
            decide(scenario, &outcome, today).map_err(|e| ExportError::Compute(e.to_string()))?;
        let curves = samples(&outcome.models, outcome.range.0, outcome.range.1);
        Ok(Self {
            scenario: scenario.clone(),
            outcome,
            decision,
            curves,
            today,
        })
    }

    /// The charts this scenario has (no margin without revenue).
    fn charts(&self) -> impl Iterator<Item = Chart> + '_ {
        Chart::ALL.into_iter().filter(|c| c.applies(&self.outcome))
    }

    /// The HTML report, charts inline.
    pub fn html(&self) -> Result<String, ExportError> {
        let figures = self
            .charts()
            .map(|chart| {
                Ok(Figure {
                    title: chart.title().to_owned(),
                    caption: chart.caption().to_owned(),
                    svg: chart.svg(&self.outcome, &self.curves, PAGE)?,
                })
            })
            .collect::<Result<Vec<_>, ExportError>>()?;
        Ok(report::html(&HtmlReport {
            scenario: &self.scenario,
            outcome: &self.outcome,
            decision: &self.decision,
            catalog: Catalog::embedded(),
            today: self.today,
            figures: &figures,
        }))
    }

    /// The report in `format`, as `breakeven report` prints it.
    #[must_use]
    pub fn render(&self, format: Format) -> String {
        report::render(&self.scenario, &self.outcome, &self.decision, format)
    }

    /// The recommendation and the key figures as Markdown, for pasting into a document.
    #[must_use]
    pub fn summary(&self) -> String {
        report::summary(&self.scenario, &self.outcome, &self.decision)
    }

    /// Writes every file of the pack into `dir`, creating it if needed, and returns their paths.
    /// Each file is written whole or not at all.
    pub fn write(&self, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
        std::fs::create_dir_all(dir).map_err(|e| ExportError::Write {
            path: dir.to_owned(),
            reason: e.to_string(),
        })?;
        let mut written = Vec::new();
        let mut put = |name: &str, bytes: &[u8]| -> Result<(), ExportError> {
            let path = dir.join(name);
            write_atomically(&path, bytes).map_err(|e| ExportError::Write {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            written.push(path);
            Ok(())
        };
        put("report.html", self.html()?.as_bytes())?;
        for chart in self.charts() {
            let svg = chart.svg(&self.outcome, &self.curves, SLIDE)?;
            put(&format!("{}.svg", chart.stem()), svg.as_bytes())?;
            let png = chart.png(&self.outcome, &self.curves, SLIDE)?;
            put(&format!("{}.png", chart.stem()), &png)?;
        }
        put("months.csv", self.render(Format::Csv).as_bytes())?;
        put("report.json", self.render(Format::Json).as_bytes())?;
        put("report.md", self.render(Format::Markdown).as_bytes())?;
        Ok(written)
    }
}
