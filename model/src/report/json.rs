//! The report as JSON: every figure as a decimal string (money to the cent, volumes to the
//! token), so a script reads exactly what the window shows.

use rust_decimal::Decimal;
use serde::Serialize;

use super::Contents;
use super::board::BoardSummary;
use super::cautions::{Caution, CautionKind};
use super::json_decision::JsonRecommendation;
use super::text::cents;
use crate::engine::{CrossingKind, Outcome};
use crate::format::fixed;
use crate::phase::Phase;

fn tokens(value: Decimal) -> String {
    fixed(value, 0)
}

/// A fraction in percent to two places, without the sign: 0.928 is `92.80`.
pub(super) fn percent(fraction: Decimal) -> String {
    crate::format::in_percent(fraction)
        .map_or_else(|| "beyond any scale".to_owned(), |p| fixed(p, 2))
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct JsonReport {
    scenario: ScenarioRef,
    board_summary: JsonBoard,
    recommendation: JsonRecommendation,
    volume: Volume,
    range: Range,
    costs: Vec<Cost>,
    cheapest: Phase,
    break_evens: Vec<BreakEven>,
    cheapest_above: CheapestAbove,
    horizon: Horizon,
    /// The instances each hosted option runs: the peak, one instance's share, the headroom,
    /// and the count month by month.
    instances: Vec<JsonSizing>,
    /// How long one reply takes with each option on the table.
    latency: JsonLatency,
    /// What the Monte Carlo found, when any input has a range and it ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    uncertainty: Option<super::how_sure::Json>,
    /// Every warning and notice, as the window lists them: reviews due, old catalog prices,
    /// the figures' warnings; `ruled_out` marks those about an option a gate ruled out.
    warnings: Vec<Warning>,
    /// Each feature's answer and its cost on each option (one feature: the scenario's own).
    features: Vec<super::features::JsonFeature>,
    /// Each feature on its own option, shared costs once, against every feature on one option.
    #[serde(skip_serializing_if = "Option::is_none")]
    portfolio: Option<super::features::JsonPortfolio>,
    /// When each feature should move, by the month it goes live.
    roadmap: Vec<super::features::JsonMove>,
}

/// The board summary: its figures as strings, and its lines as every other format writes them.
#[derive(Debug, Serialize)]
struct JsonBoard {
    phase: Phase,
    confidence: String,
    confidence_label: &'static str,
    bill_today_usd_per_month: String,
    compared: Phase,
    compared_usd_per_month: String,
    /// Buy's cash over the horizon less the compared option's, up-front costs included.
    saving_usd_over_horizon: Option<String>,
    horizon_months: usize,
    payback_month: Option<u32>,
    months_before_go_live: Option<u32>,
    gross_margin_today_percent: Option<String>,
    gross_margin_after_go_live_percent: Option<String>,
    why_buy_stays: Option<String>,
    what_would_change: Option<String>,
    next_step: Option<String>,
    lines: Vec<JsonLine>,
}

#[derive(Debug, Serialize)]
struct JsonLine {
    label: &'static str,
    text: String,
}

impl JsonBoard {
    fn new(b: &BoardSummary) -> Self {
        Self {
            phase: b.phase,
            confidence: fixed(b.confidence, 2),
            confidence_label: b.confidence_label,
            bill_today_usd_per_month: cents(b.bill_today),
            compared: b.compared,
            compared_usd_per_month: cents(b.compared_monthly),
            saving_usd_over_horizon: b.saving.map(cents),
            horizon_months: b.months,
            payback_month: b.payback.as_ref().and_then(|p| p.month),
            months_before_go_live: b.payback.as_ref().map(|p| p.before_go_live),
            gross_margin_today_percent: b.margin_today.map(percent),
            gross_margin_after_go_live_percent: b.margin_after_go_live.map(percent),
            why_buy_stays: b.why_buy_stays.clone(),
            what_would_change: b.what_would_change.clone(),
            next_step: b
                .next_step
                .as_ref()
                .map(|s| format!("{}: {}", s.when, s.text)),
            lines: b
                .lines()
                .into_iter()
                .map(|l| JsonLine {
                    label: l.label,
                    text: l.text,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct ScenarioRef {
    name: String,
    /// Who it is for; empty for the team's own.
    client: String,
    version: u32,
    last_reviewed: String,
}

#[derive(Debug, Serialize)]
#[expect(clippy::struct_field_names, reason = "JSON keys name their unit")]
struct Volume {
    input_tokens_per_month: String,
    output_tokens_per_month: String,
    total_tokens_per_month: String,
}

#[derive(Debug, Serialize)]
struct Range {
    from_tokens_per_month: String,
    to_tokens_per_month: String,
}

#[derive(Debug, Serialize)]
struct Cost {
    phase: Phase,
    total_usd_per_month: String,
    lines: Vec<Line>,
    #[serde(skip_serializing_if = "Option::is_none")]
    instances: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    utilisation_percent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    planned_utilisation_percent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    achievable_utilisation_percent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    capacity_tokens_per_month_per_instance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    capacity_basis: Option<String>,
}

#[derive(Debug, Serialize)]
struct Line {
    label: String,
    usd_per_month: String,
}

#[derive(Debug, Serialize)]
struct BreakEven {
    a: Phase,
    b: Phase,
    crossings: Vec<Crossing>,
    truncated: bool,
    cheaper_at_top: Option<Phase>,
    cheapest_above: Option<CheapestAbove>,
}

#[derive(Debug, Serialize)]
struct Crossing {
    kind: CrossingKind,
    volume_tokens_per_month: String,
    cheaper_above: Phase,
    a_usd_per_month: String,
    b_usd_per_month: String,
}

#[derive(Debug, Serialize)]
struct CheapestAbove {
    phase: Phase,
    /// `null` when cheapest across the whole range.
    volume_tokens_per_month: Option<String>,
}

#[derive(Debug, Serialize)]
struct Horizon {
    months: Vec<Month>,
    totals_usd: Vec<PhaseAmount>,
    present_values_usd: Vec<PhaseAmount>,
    paybacks: Vec<Payback>,
    /// Gross margin today, all traffic on the API.
    gross_margin_today_percent: Option<String>,
    /// Each option's gross margin in its first month alone, at today's revenue.
    gross_margin_after_go_live_percent: Vec<PhaseValue>,
    /// Each option's monthly running cost once it runs alone, at today's volume and prices.
    running_after_go_live_usd_per_month: Vec<PhaseAmount>,
    /// Owned servers in cash, for each option that buys them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    owned_servers: Vec<OwnedServers>,
}

#[derive(Debug, Serialize)]
struct JsonSizing {
    phase: Phase,
    peak_tokens_per_second: String,
    peak_output_tokens_per_second: String,
    per_instance_tokens_per_second: String,
    instances: String,
    headroom_percent: Option<String>,
    by_month: Vec<String>,
    in_words: String,
}

impl From<&crate::engine::Sizing> for JsonSizing {
    fn from(s: &crate::engine::Sizing) -> Self {
        Self {
            phase: s.phase,
            peak_tokens_per_second: fixed(s.peak_tokens_per_second, 2),
            peak_output_tokens_per_second: fixed(s.peak_output_tokens_per_second, 2),
            per_instance_tokens_per_second: fixed(s.per_instance_tokens_per_second, 2),
            instances: s.instances.normalize().to_string(),
            headroom_percent: s.headroom.map(percent),
            by_month: s
                .by_month
                .iter()
                .map(|k| k.normalize().to_string())
                .collect(),
            in_words: super::sizing::in_words(s),
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonLatency {
    /// Tokens in one reply; `null` when not given.
    reply_tokens: Option<String>,
    /// The latency target; `null` when not set.
    target_ms: Option<String>,
    options: Vec<JsonReplyTime>,
}

#[derive(Debug, Serialize)]
struct JsonReplyTime {
    phase: Phase,
    /// `null` when not given.
    first_token_ms: Option<String>,
    /// Output tokens a second one request receives; `null` when not known.
    output_tokens_per_second: Option<String>,
    /// The whole reply; `null` unless the first token, the speed and the reply length are known.
    reply_ms: Option<String>,
    /// Generating the reply alone; `null` without the speed and the reply length.
    generating_ms: Option<String>,
    /// Within the target; `null` when no target is set or it cannot be said.
    meets_target: Option<bool>,
    in_words: String,
}

impl JsonLatency {
    fn new(scenario: &crate::scenario::Scenario, outcome: &Outcome) -> Self {
        let latency = &outcome.latency;
        let target = super::latency::target_ms(scenario);
        let ms = |value: Decimal| fixed(value, 2);
        Self {
            reply_tokens: latency
                .reply_tokens
                .as_ref()
                .map(|r| r.value.normalize().to_string()),
            target_ms: target.map(|t| t.normalize().to_string()),
            options: latency
                .options
                .iter()
                .filter(|t| scenario.on_the_table(t.phase))
                .map(|t| JsonReplyTime {
                    phase: t.phase,
                    first_token_ms: t.first_token_ms.as_ref().map(|f| ms(f.value)),
                    output_tokens_per_second: t.tokens_per_second.as_ref().map(|f| ms(f.value)),
                    reply_ms: t.reply_ms.map(ms),
                    generating_ms: t.generating_ms.map(ms),
                    meets_target: target.and_then(|target| t.within(target)),
                    in_words: t.in_words(latency.reply_tokens.as_ref()),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct OwnedServers {
    phase: Phase,
    bought: String,
    paid_usd: String,
    resold_usd: String,
    held_at_end: String,
    held_at_end_book_value_usd: String,
    in_words: String,
}

#[derive(Debug, Serialize)]
struct PhaseAmount {
    phase: Phase,
    usd: String,
}

#[derive(Debug, Serialize)]
#[expect(clippy::struct_field_names, reason = "JSON keys")]
struct Month {
    month: u32,
    volume_tokens: String,
    cash_usd: Vec<PhaseAmount>,
    cumulative_usd: Vec<PhaseAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revenue_usd: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    gross_margin_percent: Vec<PhaseValue>,
}

#[derive(Debug, Serialize)]
struct PhaseValue {
    phase: Phase,
    value: String,
}

#[derive(Debug, Serialize)]
#[expect(clippy::struct_field_names, reason = "JSON keys")]
struct Payback {
    phase: Phase,
    up_front_usd: String,
    monthly_saving_usd: String,
    months_before_go_live: u32,
    simple_payback_months_after_go_live: Option<String>,
    simple_payback_months: Option<String>,
    payback_month: Option<u32>,
    in_words: String,
}

#[derive(Debug, Serialize)]
struct Warning {
    kind: CautionKind,
    input: Option<String>,
    message: String,
    source: Option<String>,
    phase: Option<Phase>,
    ruled_out: bool,
}

fn warning(c: &Caution, ruled_out: bool) -> Warning {
    Warning {
        kind: c.kind,
        input: c.input.clone(),
        message: c.text.clone(),
        source: c.source.clone(),
        phase: c.phase,
        ruled_out,
    }
}

fn by_phase(values: &[Decimal; 4]) -> Vec<PhaseAmount> {
    Phase::ALL
        .iter()
        .map(|p| PhaseAmount {
            phase: *p,
            usd: cents(values[p.index()]),
        })
        .collect()
}

impl JsonReport {
    /// Builds the report of `contents`.
    #[must_use]
    pub fn new(contents: &Contents<'_>) -> Self {
        let Contents {
            scenario,
            outcome,
            decision,
            cautions,
            board,
            uncertainty,
            portfolio,
        } = *contents;
        let (features, portfolio, roadmap) = portfolio
            .map(super::features::json)
            .map_or((Vec::new(), None, Vec::new()), |(f, p, r)| (f, Some(p), r));
        let costs = outcome
            .costs
            .iter()
            .map(|c| Cost {
                phase: c.phase,
                total_usd_per_month: cents(c.total),
                lines: c
                    .lines
                    .iter()
                    .map(|(label, amount)| Line {
                        label: label.clone(),
                        usd_per_month: cents(*amount),
                    })
                    .collect(),
                instances: c.instances.map(|n| n.to_string()),
                utilisation_percent: c.utilisation.map(percent),
                planned_utilisation_percent: c.planned_utilisation.map(percent),
                achievable_utilisation_percent: c.achievable_utilisation.map(percent),
                capacity_tokens_per_month_per_instance: c.capacity_per_instance.map(tokens),
                capacity_basis: c.capacity_basis.clone(),
            })
            .collect();
        let break_evens = break_evens(outcome);
        Self {
            board_summary: JsonBoard::new(board),
            recommendation: JsonRecommendation::new(decision, outcome),
            scenario: ScenarioRef {
                name: scenario.name.clone(),
                client: scenario.client.clone(),
                version: scenario.version,
                last_reviewed: scenario.last_reviewed.to_string(),
            },
            volume: Volume {
                input_tokens_per_month: tokens(outcome.traffic.input),
                output_tokens_per_month: tokens(outcome.traffic.output),
                total_tokens_per_month: tokens(outcome.volume),
            },
            range: Range {
                from_tokens_per_month: tokens(outcome.range.0),
                to_tokens_per_month: tokens(outcome.range.1),
            },
            costs,
            cheapest: outcome.cheapest,
            break_evens,
            cheapest_above: CheapestAbove {
                phase: outcome.cheapest_above.phase,
                volume_tokens_per_month: outcome.cheapest_above.volume.map(tokens),
            },
            horizon: horizon(outcome),
            instances: outcome.sizing.iter().map(JsonSizing::from).collect(),
            latency: JsonLatency::new(scenario, outcome),
            uncertainty: uncertainty.map(super::how_sure::Json::new),
            warnings: cautions
                .shown
                .iter()
                .map(|c| warning(c, false))
                .chain(cautions.left_out.iter().map(|c| warning(c, true)))
                .collect(),
            features,
            portfolio,
            roadmap,
        }
    }
}

fn break_evens(outcome: &Outcome) -> Vec<BreakEven> {
    outcome
        .break_evens
        .iter()
        .map(|pair| {
            let model = |phase: Phase| &outcome.models[phase.index()];
            BreakEven {
                a: pair.a,
                b: pair.b,
                crossings: pair
                    .crossings
                    .iter()
                    .map(|c| Crossing {
                        kind: c.kind,
                        volume_tokens_per_month: tokens(c.volume),
                        cheaper_above: c.cheaper_above,
                        a_usd_per_month: model(pair.a)
                            .cost_at(c.volume)
                            .map(cents)
                            .unwrap_or_default(),
                        b_usd_per_month: model(pair.b)
                            .cost_at(c.volume)
                            .map(cents)
                            .unwrap_or_default(),
                    })
                    .collect(),
                truncated: pair.truncated,
                cheaper_at_top: pair.cheaper_at_top,
                cheapest_above: pair.cheaper_at_top.map(|phase| CheapestAbove {
                    phase,
                    volume_tokens_per_month: pair.stays_cheaper_above().map(tokens),
                }),
            }
        })
        .collect()
}

fn horizon(outcome: &Outcome) -> Horizon {
    let h = &outcome.horizon;
    let months = h
        .months
        .iter()
        .map(|m| Month {
            month: m.month,
            volume_tokens: tokens(m.volume),
            cash_usd: by_phase(&m.cash),
            cumulative_usd: by_phase(&m.cumulative),
            revenue_usd: m.revenue.map(cents),
            gross_margin_percent: Phase::ALL
                .iter()
                .filter_map(|p| {
                    m.gross_margin[p.index()].map(|g| PhaseValue {
                        phase: *p,
                        value: percent(g),
                    })
                })
                .collect(),
        })
        .collect();
    Horizon {
        months,
        totals_usd: by_phase(&h.totals),
        present_values_usd: by_phase(&h.present_values),
        paybacks: h
            .paybacks
            .iter()
            .map(|p| Payback {
                phase: p.phase,
                up_front_usd: cents(p.up_front),
                monthly_saving_usd: cents(p.monthly_saving),
                months_before_go_live: p.before_go_live,
                simple_payback_months_after_go_live: p.after_go_live.map(|m| fixed(m, 2)),
                simple_payback_months: p.simple_months.map(|m| fixed(m, 2)),
                payback_month: p.month,
                in_words: p.in_words(),
            })
            .collect(),
        gross_margin_today_percent: h.margin_today.map(percent),
        gross_margin_after_go_live_percent: Phase::ALL
            .iter()
            .filter_map(|p| {
                h.margin_after_go_live[p.index()].map(|g| PhaseValue {
                    phase: *p,
                    value: percent(g),
                })
            })
            .collect(),
        running_after_go_live_usd_per_month: by_phase(&h.running_after_go_live),
        owned_servers: h
            .servers
            .iter()
            .map(|s| OwnedServers {
                phase: s.phase,
                bought: s.bought.normalize().to_string(),
                paid_usd: cents(s.paid),
                resold_usd: cents(s.resold),
                held_at_end: s.held.normalize().to_string(),
                held_at_end_book_value_usd: cents(s.held_value),
                in_words: s.in_words(),
            })
            .collect(),
    }
}
