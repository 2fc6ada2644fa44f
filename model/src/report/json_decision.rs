//! The recommendation in the JSON report: phase, confidence, reasons, what would change it,
//! sensitivity and the decision matrix, figures as strings.

use serde::Serialize;

use super::json::percent;
use super::text::cents;
use crate::decision::{Decision, Effect, GateEffect, Strength};
use crate::engine::Outcome;
use crate::phase::Phase;

/// The `recommendation` key.
#[derive(Debug, Serialize)]
pub struct JsonRecommendation {
    phase: Phase,
    confidence: String,
    confidence_label: &'static str,
    headline: Option<String>,
    scores: Vec<Score>,
    gates: Vec<JsonGate>,
    excluded: Vec<Excluded>,
    reasons: Vec<JsonReason>,
    distances: Vec<JsonDistance>,
    what_would_change: Vec<String>,
    notices: Vec<String>,
    next_steps: Vec<JsonStep>,
    /// The recommended phase's standing as entered, which each move in `sensitivity` is read
    /// against; absent when the table is empty.
    sensitivity_as_entered: Option<JsonEffect>,
    sensitivity: Vec<JsonSensitivity>,
    matrix: Vec<JsonMatrixRow>,
}

#[derive(Debug, Serialize)]
struct Score {
    phase: Phase,
    score: i32,
}

#[derive(Debug, Serialize)]
struct JsonGate {
    phase: Phase,
    effect: &'static str,
    text: String,
    source: Option<String>,
    input: String,
    value: String,
    threshold: Option<String>,
}

#[derive(Debug, Serialize)]
struct JsonStep {
    when: String,
    text: String,
    source: Option<String>,
}

#[derive(Debug, Serialize)]
struct Excluded {
    phase: Phase,
    why: String,
}

#[derive(Debug, Serialize)]
struct JsonReason {
    text: String,
    source: Option<String>,
    input: String,
    value: String,
    threshold: Option<String>,
    for_phase: Phase,
    against: bool,
    strength: &'static str,
}

#[derive(Debug, Serialize)]
struct JsonDistance {
    input: String,
    value: String,
    flips_at: String,
    factor: Option<String>,
    text: String,
}

/// One move of a driver: how far, and the recommended option's standing after it.
#[derive(Debug, Serialize)]
struct JsonEffect {
    /// Signed, in `change_unit`: `%` of the value, or `pp a month` / `pp a year`.
    change: String,
    change_unit: &'static str,
    cheapest: Phase,
    lead_usd_per_month: String,
    cash_lead_usd_over_horizon: String,
    /// In the horizon's last month; absent without revenue.
    gross_margin_percent: Option<String>,
    phase: Phase,
}

#[derive(Debug, Serialize)]
struct JsonSensitivity {
    driver: &'static str,
    input: &'static str,
    /// The phase whose lead and margin are measured: the recommendation.
    lead_of: Phase,
    down: JsonEffect,
    up: JsonEffect,
}

#[derive(Debug, Serialize)]
struct JsonMatrixRow {
    criterion: &'static str,
    cells: Vec<Cell>,
}

#[derive(Debug, Serialize)]
struct Cell {
    phase: Phase,
    text: String,
}

fn effect(e: &Effect) -> JsonEffect {
    JsonEffect {
        change: e.change.normalize().to_string(),
        change_unit: e.change_unit,
        cheapest: e.cheapest,
        lead_usd_per_month: cents(e.lead),
        cash_lead_usd_over_horizon: cents(e.cash_lead),
        gross_margin_percent: e.margin.map(percent),
        phase: e.phase,
    }
}

fn gates(rec: &crate::decision::Recommendation) -> Vec<JsonGate> {
    rec.gates
        .iter()
        .map(|g| JsonGate {
            phase: g.phase,
            effect: match g.effect {
                GateEffect::RulesOut => "RulesOut",
                GateEffect::Decides => "Decides",
            },
            text: g.text.clone(),
            source: g.source.clone(),
            input: g.input.clone(),
            value: g.value.clone(),
            threshold: g.threshold.clone(),
        })
        .collect()
}

impl JsonRecommendation {
    /// Builds the `recommendation` key from `decision` about `outcome`.
    pub fn new(decision: &Decision, outcome: &Outcome) -> Self {
        let rec = &decision.recommendation;
        Self {
            phase: rec.phase,
            confidence: crate::format::fixed(rec.confidence, 2),
            confidence_label: rec.confidence_label,
            scores: Phase::ALL
                .iter()
                .map(|p| Score {
                    phase: *p,
                    score: rec.scores[p.index()],
                })
                .collect(),
            headline: rec.headline.clone(),
            gates: gates(rec),
            // The phases the gates rule out, as earlier reports listed them.
            excluded: rec
                .gates
                .iter()
                .filter(|g| g.effect == GateEffect::RulesOut)
                .map(|g| Excluded {
                    phase: g.phase,
                    why: g.text.clone(),
                })
                .collect(),
            reasons: rec
                .reasons
                .iter()
                .map(|r| JsonReason {
                    text: r.text.clone(),
                    source: r.source.clone(),
                    input: r.input.clone(),
                    value: r.value.clone(),
                    threshold: r.threshold.clone(),
                    for_phase: r.for_phase,
                    against: r.against,
                    strength: match r.strength {
                        Strength::Normal => "Normal",
                        Strength::Strong => "Strong",
                        Strength::Major => "Major",
                    },
                })
                .collect(),
            distances: rec
                .distances
                .iter()
                .map(|d| JsonDistance {
                    input: d.input.clone(),
                    value: d.value.clone(),
                    flips_at: d.flips_at.clone(),
                    factor: d.factor.map(|f| f.to_string()),
                    text: d.text.clone(),
                })
                .collect(),
            what_would_change: rec.what_would_change.clone(),
            notices: rec.notices.iter().map(|n| n.text.clone()).collect(),
            next_steps: rec
                .next_steps
                .iter()
                .map(|s| JsonStep {
                    when: s.when.clone(),
                    text: s.text.clone(),
                    source: s.source.clone(),
                })
                .collect(),
            sensitivity_as_entered: decision
                .sensitivity
                .first()
                .and_then(|row| Effect::as_entered(outcome, row.of))
                .as_ref()
                .map(effect),
            sensitivity: decision
                .sensitivity
                .iter()
                .map(|row| JsonSensitivity {
                    driver: row.driver,
                    input: row.input,
                    lead_of: row.of,
                    down: effect(&row.low),
                    up: effect(&row.high),
                })
                .collect(),
            matrix: decision
                .matrix
                .iter()
                .map(|row| JsonMatrixRow {
                    criterion: row.criterion,
                    cells: Phase::ALL
                        .iter()
                        .map(|p| Cell {
                            phase: *p,
                            text: row.cells[p.index()].clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
