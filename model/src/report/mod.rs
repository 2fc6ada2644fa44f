//! The engine's figures as a report: plain text, Markdown, JSON, or CSV (the month-by-month
//! table). The command line prints these; the window's exports reuse them.

mod board;
mod cautions;
mod document;
pub mod features;
pub mod how_sure;
mod html;
mod json;
mod json_decision;
pub mod latency;
mod outcome;
mod recommendation;
pub mod sizing;
mod table;
mod takeaway;
mod text;

use std::fmt::Write as _;

pub use board::{BoardLine, BoardSummary};
pub use cautions::{Caution, CautionKind, Cautions};
use document::{Document, Style};
pub use html::{Figure, HtmlReport, PARETO_TITLE, ROADMAP_TITLE, html};
pub use json::JsonReport;
use outcome::{break_even_section, cautions_section, costs_section, horizon_section, key_figures};
pub use takeaway::{Comparison, Takeaway};
use text::{cents, tokens};

use crate::decision::{Decision, Recommendation};
use crate::engine::Outcome;
use crate::format::{fixed, tokens_short};
use crate::phase::Phase;
use crate::scenario::Scenario;

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned plain text for a terminal.
    Text,
    /// Markdown, for documents and tickets.
    Markdown,
    /// JSON, decimals as strings.
    Json,
    /// The month-by-month table, for a spreadsheet.
    Csv,
}

/// What a report is written from: one scenario's figures, its decision, what to be careful
/// with and its board summary, each computed once (by [`crate::evaluate`]).
#[derive(Clone, Copy)]
pub struct Contents<'a> {
    /// The scenario as entered.
    pub scenario: &'a Scenario,
    /// Its computed figures.
    pub outcome: &'a Outcome,
    /// Its recommendation, sensitivity and matrix.
    pub decision: &'a Decision,
    /// Every warning and notice, as the window lists them.
    pub cautions: &'a Cautions,
    /// The decision and its figures in a few lines.
    pub board: &'a BoardSummary,
    /// What the Monte Carlo found, when it ran.
    pub uncertainty: Option<&'a crate::uncertainty::Uncertainty>,
    /// Every feature's figures, the portfolio and the roadmap.
    pub portfolio: Option<&'a crate::portfolio::Portfolio>,
}

/// The report of `contents` in `format`.
#[must_use]
pub fn render(contents: &Contents<'_>, format: Format) -> String {
    render_with(contents, format, &Takeaway::default())
}

/// The report of `contents` in `format`, with what an export adds: the scenario file beside it
/// and the workshop's comparisons (in the text and Markdown reports; the JSON and the CSV of
/// months are the scenario's own figures).
#[must_use]
pub fn render_with(contents: &Contents<'_>, format: Format, takeaway: &Takeaway) -> String {
    match format {
        Format::Json => {
            let report = JsonReport::new(contents);
            // Only strings, numbers and plain structs: serialising cannot fail.
            serde_json::to_string_pretty(&report)
                .map(|mut s| {
                    s.push('\n');
                    s
                })
                .unwrap_or_default()
        }
        Format::Csv => match contents.uncertainty {
            // The Monte Carlo's table after a blank line, with its own header: what the export
            // writes apart as how-sure.csv.
            Some(found) => format!("{}\n{}", months_csv(contents.outcome), how_sure::csv(found)),
            None => months_csv(contents.outcome),
        },
        Format::Text => document(contents, Style::Text, takeaway),
        Format::Markdown => document(contents, Style::Markdown, takeaway),
    }
}

fn document(contents: &Contents<'_>, style: Style, takeaway: &Takeaway) -> String {
    let Contents {
        scenario,
        outcome,
        decision,
        cautions,
        board,
        uncertainty,
        portfolio,
    } = *contents;
    let mut doc = Document::new(style);
    doc.heading(&format!("Breakeven report: {}", scenario.heading()), 1);
    if let Some(portfolio) = portfolio.filter(|p| p.features.len() > 1) {
        features::section(&mut doc, portfolio);
        doc.paragraph(&format!(
            "The rest of this report is of the first feature, {}, alone; `breakeven report FILE --feature NAME` writes it for another.",
            scenario.feature_name(0).unwrap_or_default()
        ));
    }
    board::section(&mut doc, board, true);
    doc.paragraph(&format!(
        "Volume: {} a month ({} in, {} out). Last reviewed {}.",
        tokens(outcome.volume),
        tokens_short(outcome.traffic.input),
        tokens_short(outcome.traffic.output),
        scenario.last_reviewed
    ));
    if let Some(sentence) = takeaway.scenario_file_sentence() {
        doc.paragraph(&sentence);
    }
    recommendation::section(&mut doc, &decision.recommendation);
    if let Some(portfolio) = portfolio.filter(|p| p.features.len() == 1) {
        features::section(&mut doc, portfolio);
    }
    takeaway::section(&mut doc, takeaway);
    costs_section(&mut doc, outcome);
    sizing::section(&mut doc, outcome);
    latency::section(&mut doc, scenario, outcome);
    if let Some(uncertainty) = uncertainty {
        how_sure::section(&mut doc, uncertainty);
    }
    break_even_section(&mut doc, outcome);
    horizon_section(&mut doc, outcome);
    recommendation::sensitivity_section(&mut doc, outcome, &decision.sensitivity);
    recommendation::matrix_section(&mut doc, &decision.matrix, decision.recommendation.phase);
    cautions_section(&mut doc, cautions);
    doc.out
}

/// The board summary first, then the recommendation, the key figures, the break-even volumes
/// and every warning, as Markdown: what the window copies for pasting into a document or a
/// ticket. Needs no sensitivity table.
#[must_use]
pub fn summary(
    scenario: &Scenario,
    outcome: &Outcome,
    rec: &Recommendation,
    cautions: &Cautions,
    board: &BoardSummary,
) -> String {
    let mut doc = Document::new(Style::Markdown);
    doc.heading(&format!("Breakeven summary: {}", scenario.heading()), 1);
    board::section(&mut doc, board, false);
    doc.paragraph(&format!(
        "Volume: {} a month. Recommended: **{}**, confidence {} ({}).",
        tokens(outcome.volume),
        rec.phase.label(),
        fixed(rec.confidence, 2),
        rec.confidence_label
    ));
    recommendation::section(&mut doc, rec);
    key_figures(&mut doc, outcome);
    break_even_section(&mut doc, outcome);
    cautions_section(&mut doc, cautions);
    doc.out
}

/// The month-by-month table of `outcome`: volume, and each option's cash, cumulative cash and
/// gross margin, one row a month.
#[must_use]
pub fn months_csv(outcome: &Outcome) -> String {
    let mut out = String::from("month,volume_tokens");
    for kind in ["cash_usd", "cumulative_usd", "gross_margin_percent"] {
        for phase in Phase::ALL {
            let _ = write!(out, ",{}_{kind}", snake(phase));
        }
    }
    out.push_str(",revenue_usd");
    // The instances each hosted option runs that month, blank for an option that runs none.
    for phase in &Phase::ALL[1..] {
        let _ = write!(out, ",{}_instances", snake(*phase));
    }
    out.push('\n');
    for m in &outcome.horizon.months {
        let _ = write!(out, "{},{}", m.month, fixed(m.volume, 0));
        for value in m.cash.iter().chain(&m.cumulative) {
            let _ = write!(out, ",{}", cents(*value));
        }
        for margin in &m.gross_margin {
            let _ = write!(
                out,
                ",{}",
                margin
                    .and_then(crate::format::in_percent)
                    .map(cents)
                    .unwrap_or_default()
            );
        }
        let _ = write!(out, ",{}", m.revenue.map(cents).unwrap_or_default());
        let index = usize::try_from(m.month.saturating_sub(1)).unwrap_or(usize::MAX);
        for phase in &Phase::ALL[1..] {
            let count = outcome
                .sizing
                .iter()
                .find(|s| s.phase == *phase)
                .and_then(|s| s.by_month.get(index))
                .map(|k| k.normalize().to_string())
                .unwrap_or_default();
            let _ = write!(out, ",{count}");
        }
        out.push('\n');
    }
    out
}

fn snake(phase: Phase) -> &'static str {
    match phase {
        Phase::Buy => "buy",
        Phase::FineTune => "fine_tune",
        Phase::SelfHost => "self_host",
        Phase::Pretrain => "pretrain",
    }
}
