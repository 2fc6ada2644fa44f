//! The engine's figures as a report: plain text, Markdown, JSON, or CSV (the month-by-month
//! table). The command line prints these; the window's exports reuse them.

mod document;
mod html;
mod json;
mod json_decision;
mod recommendation;
mod table;
mod text;

use std::fmt::Write as _;

use rust_decimal::Decimal;

use document::{Document, Style};
pub use html::{Figure, HtmlReport, html};
pub use json::JsonReport;
use table::Table;
use text::{cents, percent, tokens};

use crate::decision::Decision;
use crate::engine::{CrossingKind, Outcome};
use crate::format::{fixed, tokens_short, usd_cents};
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

/// The report of `outcome` for `scenario` in `format`.
#[must_use]
pub fn render(
    scenario: &Scenario,
    outcome: &Outcome,
    decision: &Decision,
    format: Format,
) -> String {
    match format {
        Format::Json => {
            let report = JsonReport::new(scenario, outcome, decision);
            // Only strings, numbers and plain structs: serialising cannot fail.
            serde_json::to_string_pretty(&report)
                .map(|mut s| {
                    s.push('\n');
                    s
                })
                .unwrap_or_default()
        }
        Format::Csv => csv(outcome),
        Format::Text => document(scenario, outcome, decision, false),
        Format::Markdown => document(scenario, outcome, decision, true),
    }
}

fn document(scenario: &Scenario, outcome: &Outcome, decision: &Decision, markdown: bool) -> String {
    let mut doc = Document::new(if markdown {
        Style::Markdown
    } else {
        Style::Text
    });
    doc.heading(&format!("Breakeven report: {}", scenario.name), 1);
    doc.paragraph(&format!(
        "Volume: {} a month ({} in, {} out). Last reviewed {}.",
        tokens(outcome.volume),
        tokens_short(outcome.traffic.input),
        tokens_short(outcome.traffic.output),
        scenario.last_reviewed
    ));
    recommendation::section(&mut doc, &decision.recommendation);
    costs_section(&mut doc, outcome);
    break_even_section(&mut doc, outcome);
    horizon_section(&mut doc, outcome);
    recommendation::sensitivity_section(&mut doc, outcome, &decision.sensitivity);
    recommendation::matrix_section(&mut doc, &decision.matrix, decision.recommendation.phase);
    warnings_section(&mut doc, outcome);
    doc.out
}

/// The recommendation, the key figures and the break-even volumes as Markdown: what the window
/// copies for pasting into a document or a ticket.
#[must_use]
pub fn summary(scenario: &Scenario, outcome: &Outcome, decision: &Decision) -> String {
    let mut doc = Document::new(Style::Markdown);
    doc.heading(&format!("Breakeven summary: {}", scenario.name), 1);
    doc.paragraph(&format!(
        "Volume: {} a month. Recommended: **{}**, confidence {} ({}).",
        tokens(outcome.volume),
        decision.recommendation.phase.label(),
        fixed(decision.recommendation.confidence, 2),
        decision.recommendation.confidence_label
    ));
    recommendation::section(&mut doc, &decision.recommendation);
    html::key_figures(&mut doc, outcome);
    break_even_section(&mut doc, outcome);
    doc.out
}

fn warnings_section(doc: &mut Document, outcome: &Outcome) {
    if !outcome.warnings.is_empty() {
        doc.heading("Warnings", 2);
        doc.bullets(outcome.warnings.iter().map(|w| {
            let source = w.source.map(|s| format!(" (\"{s}\")")).unwrap_or_default();
            format!("{}{source} [{}]", w.message, w.input)
        }));
    }
}

fn costs_section(doc: &mut Document, outcome: &Outcome) {
    doc.heading("Monthly cost at this volume", 2);
    let mut summary = Table::new(&["Option", "USD/month", "Instances", "Utilisation"]);
    for cost in &outcome.costs {
        summary.row(vec![
            cost.phase.label().to_owned(),
            usd_cents(cost.total),
            cost.instances.map(|n| n.to_string()).unwrap_or_default(),
            cost.utilisation.map(percent).unwrap_or_default(),
        ]);
    }
    doc.table(&summary);
    doc.paragraph(&format!(
        "Cheapest at this volume: {}.",
        outcome.cheapest.label()
    ));
    for cost in &outcome.costs {
        doc.heading(
            &format!("{}: {}/month", cost.phase.label(), usd_cents(cost.total)),
            3,
        );
        let mut lines = Table::new(&["Line", "USD/month"]);
        for (label, amount) in &cost.lines {
            lines.row(vec![label.clone(), usd_cents(*amount)]);
        }
        doc.table(&lines);
        if let Some(basis) = &cost.capacity_basis {
            let per = cost
                .capacity_per_instance
                .map(tokens_short)
                .unwrap_or_default();
            doc.paragraph(&format!(
                "Capacity: {per} tokens/month per instance at full load; basis: {basis}."
            ));
        }
    }
}

fn break_even_section(doc: &mut Document, outcome: &Outcome) {
    doc.heading("Break-even volumes", 2);
    let mut crossings = Table::new(&["Options", "Crossing", "Volume", "Cheaper above"]);
    for pair in &outcome.break_evens {
        let names = format!("{} / {}", pair.a.label(), pair.b.label());
        if pair.crossings.is_empty() {
            let cheaper = pair.cheaper_at_top.map_or("same cost", Phase::label);
            crossings.row(vec![
                names.clone(),
                "none in range".to_owned(),
                String::new(),
                format!("{cheaper} throughout"),
            ]);
        }
        for c in &pair.crossings {
            let kind = match c.kind {
                CrossingKind::Equal => "equal cost",
                CrossingKind::Step => "at a step",
            };
            crossings.row(vec![
                names.clone(),
                kind.to_owned(),
                tokens(c.volume),
                c.cheaper_above.label().to_owned(),
            ]);
        }
        if pair.truncated {
            crossings.row(vec![
                names.clone(),
                "and more".to_owned(),
                String::new(),
                "they keep trading places".to_owned(),
            ]);
        }
    }
    doc.table(&crossings);
    let above = &outcome.cheapest_above;
    doc.paragraph(&match above.volume {
        Some(v) => format!(
            "{} is cheapest above {} a month.",
            above.phase.label(),
            tokens(v)
        ),
        None => format!(
            "{} is cheapest across the whole range.",
            above.phase.label()
        ),
    });
}

fn horizon_section(doc: &mut Document, outcome: &Outcome) {
    let h = &outcome.horizon;
    doc.heading(&format!("Cash over {} months", h.months.len()), 2);
    let mut totals = Table::new(&["Option", "Total cash", "Present value", "Payback"]);
    for phase in Phase::ALL {
        let i = phase.index();
        totals.row(vec![
            phase.label().to_owned(),
            usd_cents(h.totals[i]),
            usd_cents(h.present_values[i]),
            payback(outcome, phase),
        ]);
    }
    doc.table(&totals);
    if let (Some(first), Some(last)) = (h.months.first(), h.months.last())
        && first.revenue.is_some()
    {
        let first_heading = format!("Gross margin, month {}", first.month);
        let last_heading = format!("Month {}", last.month);
        let mut margins = Table::new(&["Option", &first_heading, &last_heading]);
        for phase in Phase::ALL {
            let show = |m: Option<Decimal>| m.map(percent).unwrap_or_default();
            margins.row(vec![
                phase.label().to_owned(),
                show(first.gross_margin[phase.index()]),
                show(last.gross_margin[phase.index()]),
            ]);
        }
        doc.table(&margins);
    }
}

/// When `phase`'s up-front cost is paid back by its savings against the API, simply and in
/// cash; blank for the API itself.
fn payback(outcome: &Outcome, phase: Phase) -> String {
    outcome
        .horizon
        .paybacks
        .iter()
        .find(|p| p.phase == phase)
        .map_or_else(String::new, |p| {
            let simple = p.simple_months.map_or("no saving".to_owned(), |m| {
                format!("{} months simple", fixed(m, 2))
            });
            let month = p.month.map_or("not within the horizon".to_owned(), |m| {
                format!("month {m} in cash")
            });
            format!("{simple}; {month}")
        })
}

fn csv(outcome: &Outcome) -> String {
    let mut out = String::from("month,volume_tokens");
    for kind in ["cash_usd", "cumulative_usd", "gross_margin_percent"] {
        for phase in Phase::ALL {
            let _ = write!(out, ",{}_{kind}", snake(phase));
        }
    }
    out.push_str(",revenue_usd\n");
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
        let _ = writeln!(out, ",{}", m.revenue.map(cents).unwrap_or_default());
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
