//! The roadmap: month by month over the horizon, which phase each feature should be in, and the
//! month each move becomes justified, with the reason. "The AI Build vs. Buy Decision" (seed
//! 004) ships on APIs, fine-tunes the highest-volume tasks at 6-18 months and considers training
//! only later; "Build vs Buy: Should we fine-tune…" (seed 002) moves the feature behind 80% of
//! the bill first, after a 90-day plan.
//!
//! Each month the decision is taken again on the feature as it will be then
//! ([`as_of_month`]): its traffic grown and the prices moved by their trends. A move is
//! justified in the first month the decision names another phase; the new system must be built
//! and run beside the API first (the horizon's build and parallel months, or pretraining's
//! build), so building starts that many months earlier, or now when that is already late.

use rust_decimal::Decimal;

use super::month::as_of_month;
use crate::decision::recommended_phase;
use crate::engine::{Outcome, Phase, compute_sample};
use crate::error::{AtField, ComputeError};
use crate::format::{group_thousands, usd_cents};
use crate::preset::Period;
use crate::scenario::Scenario;

/// Where a feature is in one month of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Running on this phase.
    On(Phase),
    /// Still on `from` while `to` is built.
    Building {
        /// The phase the traffic is on.
        from: Phase,
        /// The phase being built.
        to: Phase,
    },
    /// `to` runs beside `from` before it takes the traffic (seed 000's shadow mode).
    Shadow {
        /// The phase the traffic is on.
        from: Phase,
        /// The phase running beside it.
        to: Phase,
    },
}

impl Stage {
    /// The phase carrying the traffic.
    #[must_use]
    pub fn serving(self) -> Phase {
        match self {
            Self::On(p) | Self::Building { from: p, .. } | Self::Shadow { from: p, .. } => p,
        }
    }
}

/// Why a move becomes justified in its month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// The feature's API bill passes (or falls below) a spend threshold of the rule preset.
    Spend {
        /// The threshold, in its article's unit.
        usd: Decimal,
        /// Per month or per year.
        per: Period,
        /// Whether the spend rises past it (rather than falls below it).
        rising: bool,
        /// The article.
        source: String,
    },
    /// The new phase's monthly cost falls below the old one's.
    BreakEven {
        /// The new phase's cost that month.
        cost: Decimal,
        /// The old phase's.
        against: Decimal,
    },
    /// The weighed reasons turn with the traffic and prices; the strongest for the new phase.
    Reasons(String),
    /// It is the decision today.
    Today(String),
}

/// One move of one feature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The feature, by index.
    pub feature: usize,
    /// Its name.
    pub name: String,
    /// The phase it leaves.
    pub from: Phase,
    /// The phase it moves to.
    pub to: Phase,
    /// The first month (1 is this month) the decision names `to`.
    pub justified: u32,
    /// The month building starts: `live` less the months to build and run beside the API.
    pub start: u32,
    /// The first month `to` carries the traffic alone.
    pub live: u32,
    /// The feature's API bill in the month the move is justified.
    pub api_spend: Decimal,
    /// Why.
    pub why: Why,
}

fn doing(phase: Phase) -> &'static str {
    match phase {
        Phase::Buy => "back to the API",
        Phase::FineTune => "fine-tune",
        Phase::SelfHost => "self-host",
        Phase::Pretrain => "pretrain",
    }
}

impl Move {
    /// Why, as the clause after the move: "when its API spend passes $20,000/month", or "as
    /// today's figures say" for a move the decision makes today.
    #[must_use]
    pub fn reason(&self) -> String {
        match &self.why {
            Why::Spend {
                usd, per, rising, ..
            } => {
                let passes = if *rising { "passes" } else { "falls below" };
                let per = match per {
                    Period::Month => "/month",
                    Period::Year => " a year",
                };
                format!(
                    "when its API spend {passes} ${}{per}",
                    group_thousands(usd.round_dp(0))
                )
            }
            Why::BreakEven { cost, against } => format!(
                "when it costs less than {}: {} against {} a month",
                match self.from {
                    Phase::Buy => "the API".to_owned(),
                    other => other.label().to_lowercase(),
                },
                usd_cents(*cost),
                usd_cents(*against)
            ),
            Why::Reasons(_) => "when the weighed reasons turn".to_owned(),
            Why::Today(_) => "as today's figures say".to_owned(),
        }
    }

    /// The strongest reason behind a move the spend or a break-even does not explain, as the
    /// recommendation words it.
    #[must_use]
    pub fn because(&self) -> Option<&str> {
        match &self.why {
            Why::Reasons(text) | Why::Today(text) => Some(text),
            Why::Spend { .. } | Why::BreakEven { .. } => None,
        }
    }

    /// The move as a sentence: "Contract extraction: fine-tune from month 9, when its API spend
    /// passes $20,000/month; start building in month 6."
    #[must_use]
    pub fn sentence(&self) -> String {
        let live = if self.live == 1 {
            "now".to_owned()
        } else {
            format!("from month {}", self.live)
        };
        let start = if self.start == self.live {
            String::new()
        } else if self.start == 1 {
            "; start building now".to_owned()
        } else {
            format!("; start building in month {}", self.start)
        };
        format!(
            "{}: {} {live}, {}{start}.",
            self.name,
            doing(self.to),
            self.reason()
        )
    }

    /// The sentence, and the reason behind it where the spend or a break-even does not say it.
    #[must_use]
    pub fn in_full(&self) -> String {
        match self.because() {
            Some(text) => format!("{} {text}", self.sentence()),
            None => self.sentence(),
        }
    }
}

/// One feature's row of the roadmap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The feature, by index.
    pub feature: usize,
    /// Its name.
    pub name: String,
    /// The phase the decision names in each month, taken again on that month's figures.
    pub decided: Vec<Phase>,
    /// Where the plan has the feature each month.
    pub plan: Vec<Stage>,
    /// Its moves, in order.
    pub moves: Vec<Move>,
}

impl Row {
    /// The plan's months in runs of one stage: the first month, the last and the stage, so a
    /// timeline draws each run as one bar.
    #[must_use]
    pub fn runs(&self) -> Vec<(u32, u32, Stage)> {
        let mut out: Vec<(u32, u32, Stage)> = Vec::new();
        for (i, stage) in self.plan.iter().enumerate() {
            let month = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
            match out.last_mut() {
                Some((_, last, same)) if same == stage => *last = month,
                _ => out.push((month, month, *stage)),
            }
        }
        out
    }
}

/// Every feature's row over the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roadmap {
    /// Months in the plan: the horizon's.
    pub months: u32,
    /// A row a feature, in the scenario's order.
    pub rows: Vec<Row>,
}

impl Roadmap {
    /// Every move, by the month it goes live, then by feature.
    #[must_use]
    pub fn moves(&self) -> Vec<&Move> {
        let mut moves: Vec<&Move> = self.rows.iter().flat_map(|r| &r.moves).collect();
        moves.sort_by_key(|m| (m.live, m.start, m.feature));
        moves
    }
}

/// Months to build `phase` and run it beside the API before it carries the traffic alone.
fn lead(scenario: &Scenario, phase: Phase) -> u32 {
    let build = match phase {
        Phase::Buy => return 0,
        Phase::Pretrain => scenario.pretrain.build_months.value,
        Phase::FineTune | Phase::SelfHost => scenario.horizon.build_months.value,
    };
    build.saturating_add(scenario.horizon.parallel_run_months.value)
}

/// Why the decision for `one` names `to` in month `index` (0-based) and named `from` before.
fn why(
    one: &Scenario,
    (before, now): (&Outcome, &Outcome),
    from: Phase,
    to: Phase,
) -> Result<Why, ComputeError> {
    let preset = one.rule_preset.resolve();
    for threshold in &preset.spend {
        let usd = threshold.usd.get();
        let then = threshold.per.spend(before.api_spend).at("buy")?;
        let spend = threshold.per.spend(now.api_spend).at("buy")?;
        let rising = then < usd && spend >= usd && threshold.above.contains(&to);
        let falling = then >= usd && spend < usd && threshold.below == Some(to);
        if rising || falling {
            return Ok(Why::Spend {
                usd,
                per: threshold.per,
                rising,
                source: threshold.source.clone(),
            });
        }
    }
    let cost = |o: &Outcome, p: Phase| o.costs[p.index()].total;
    if cost(before, to) > cost(before, from) && cost(now, to) <= cost(now, from) {
        return Ok(Why::BreakEven {
            cost: cost(now, to),
            against: cost(now, from),
        });
    }
    Ok(Why::Reasons(strongest_reason(one, to)?))
}

/// The strongest reason the full recommendation gives for `to`, or the gate that decides it.
fn strongest_reason(one: &Scenario, to: Phase) -> Result<String, ComputeError> {
    let outcome = crate::engine::compute(one)?;
    let recommendation = crate::decision::recommend(one, &outcome, one.last_reviewed)?;
    if let Some(gate) = recommendation.decided_by() {
        return Ok(gate.text.clone());
    }
    Ok(recommendation
        .reasons
        .iter()
        .filter(|r| r.for_phase == to && !r.against)
        .max_by_key(|r| r.strength)
        .map_or_else(
            || format!("{} scores highest", to.label()),
            |r| r.text.clone(),
        ))
}

/// The roadmap of `features` (each feature as a scenario of its own, with its name and its
/// phase today as the full recommendation gives it), over `scenario`'s horizon. Every feature
/// starts on the API, where the articles start.
pub fn roadmap(
    scenario: &Scenario,
    features: &[(String, Scenario, Phase)],
) -> Result<Roadmap, ComputeError> {
    let months = scenario.horizon.months.value.max(1);
    let mut rows = Vec::with_capacity(features.len());
    for (feature, (name, one, now)) in features.iter().enumerate() {
        let mut decided: Vec<Phase> = Vec::new();
        let mut moves = Vec::new();
        let mut before: Option<Outcome> = None;
        for index in 0..months {
            let later = as_of_month(one, index)?;
            let outcome = compute_sample(&later)?;
            let phase = if index == 0 {
                *now
            } else {
                recommended_phase(&later, &outcome)?
            };
            let was = decided.last().copied().unwrap_or(Phase::Buy);
            if phase != was {
                let why = match &before {
                    Some(then) => why(&later, (then, &outcome), was, phase)?,
                    None => Why::Today(strongest_reason(&later, phase)?),
                };
                moves.push(Move {
                    feature,
                    name: name.clone(),
                    from: was,
                    to: phase,
                    justified: index.saturating_add(1),
                    start: 1,
                    live: 1,
                    api_spend: outcome.api_spend,
                    why,
                });
            }
            decided.push(phase);
            before = Some(outcome);
        }
        let (moves, plan) = plan(one, months, moves);
        rows.push(Row {
            feature,
            name: name.clone(),
            decided,
            plan,
            moves,
        });
    }
    Ok(Roadmap { months, rows })
}

/// Each move with its start and go-live months, and the stage of each month: a move starts
/// building its lead before the month it is justified (never before this month, nor before the
/// move before it is live), and goes live its lead after it starts.
fn plan(one: &Scenario, months: u32, moves: Vec<Move>) -> (Vec<Move>, Vec<Stage>) {
    // A move justified before the one before it goes live replaces it: that one is never
    // finished. When it leads back to where that one started, the feature never moves.
    let mut kept: Vec<Move> = Vec::with_capacity(moves.len());
    for mut m in moves {
        while let Some(last) = kept.pop_if(|last| m.justified < last.live) {
            m.from = last.from;
        }
        if m.from == m.to {
            continue;
        }
        let lead = lead(one, m.to);
        let free = kept.last().map_or(1, |last| last.live);
        m.start = m.justified.saturating_sub(lead).max(1).max(free);
        m.live = m.start.saturating_add(lead);
        kept.push(m);
    }
    let mut stages = vec![Stage::On(Phase::Buy); usize::try_from(months).unwrap_or(0)];
    for m in &kept {
        let shadow = if m.to == Phase::Buy {
            0
        } else {
            one.horizon.parallel_run_months.value.min(lead(one, m.to))
        };
        let shadow_from = m.live.saturating_sub(shadow);
        for (i, stage) in stages.iter_mut().enumerate() {
            let month = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
            if month >= m.live {
                *stage = Stage::On(m.to);
            } else if month >= shadow_from {
                *stage = Stage::Shadow {
                    from: m.from,
                    to: m.to,
                };
            } else if month >= m.start {
                *stage = Stage::Building {
                    from: m.from,
                    to: m.to,
                };
            }
        }
    }
    (kept, stages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a_move(from: Phase, to: Phase, justified: u32) -> Move {
        Move {
            feature: 0,
            name: "Extraction".into(),
            from,
            to,
            justified,
            start: 1,
            live: 1,
            api_spend: Decimal::ZERO,
            why: Why::Reasons(String::new()),
        }
    }

    #[test]
    fn a_move_that_would_go_live_after_the_next_is_justified_is_not_planned() {
        // The default example builds for 2 months and runs beside the API for 1.
        let one = Scenario::embedded_default();
        let (moves, stages) = plan(
            &one,
            24,
            vec![
                a_move(Phase::Buy, Phase::FineTune, 7),
                a_move(Phase::FineTune, Phase::Buy, 8),
            ],
        );
        assert_eq!(moves.len(), 2, "live in month 7, back in month 8");
        assert_eq!((moves[0].start, moves[0].live), (4, 7));
        assert_eq!(stages[6], Stage::On(Phase::FineTune));
        let (moves, stages) = plan(
            &one,
            24,
            vec![
                a_move(Phase::Buy, Phase::FineTune, 7),
                a_move(Phase::FineTune, Phase::Buy, 6),
            ],
        );
        assert!(moves.is_empty(), "never live, never moved: {moves:?}");
        assert!(stages.iter().all(|s| *s == Stage::On(Phase::Buy)));
        let (moves, _) = plan(
            &one,
            24,
            vec![
                a_move(Phase::Buy, Phase::FineTune, 7),
                a_move(Phase::FineTune, Phase::SelfHost, 6),
            ],
        );
        assert_eq!(moves.len(), 1);
        assert_eq!((moves[0].from, moves[0].to), (Phase::Buy, Phase::SelfHost));
    }
}
