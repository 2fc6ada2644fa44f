//! The sensitivity table: the biggest cost drivers moved 20% down and up, with the effect on
//! the cheapest option's lead and on the recommended phase.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::recommend;
use crate::engine::{Outcome, compute};
use crate::phase::Phase;
use crate::scenario::Scenario;

mod drivers;

use drivers::{Apply, DRIVERS};

/// Rows kept: the drivers that move the lead most.
const ROWS: usize = 5;

/// What a move of one driver does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    /// The driver's factor: 0.8 or 1.2.
    pub factor: Decimal,
    /// The cheapest option after the move.
    pub cheapest: Phase,
    /// The lead of today's cheapest option over the best of the others after the move, USD a
    /// month; negative when another option has become cheaper.
    pub lead: Decimal,
    /// The recommended phase after the move.
    pub phase: Phase,
}

/// One driver moved both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SensitivityRow {
    /// The driver, as people say it.
    pub driver: &'static str,
    /// Its input's path.
    pub input: &'static str,
    /// Moved 20% down.
    pub low: Effect,
    /// Moved 20% up.
    pub high: Effect,
}

/// How much less `of` costs than the best of the others, USD a month; `None` when the
/// difference is too large to hold.
fn lead(outcome: &Outcome, of: Phase) -> Option<Decimal> {
    let own = outcome.costs[of.index()].total;
    let best_other = outcome
        .costs
        .iter()
        .filter(|c| c.phase != of)
        .map(|c| c.total)
        .min()
        .unwrap_or(own);
    best_other.checked_sub(own)
}

fn effect(
    scenario: &Scenario,
    apply: Apply,
    factor: Decimal,
    base_cheapest: Phase,
    today: NaiveDate,
) -> Option<Effect> {
    let mut moved = scenario.clone();
    if !apply(&mut moved, factor) {
        return None;
    }
    // A move past what can be computed (a volume at the limit, raised 20%) is left out.
    let outcome = compute(&moved).ok()?;
    let phase = recommend(&moved, &outcome, today).ok()?.phase;
    Some(Effect {
        factor,
        cheapest: outcome.cheapest,
        lead: lead(&outcome, base_cheapest)?,
        phase,
    })
}

/// The five drivers that move the cheapest option's lead most, each moved 20% down and up.
/// Empty when today's lead itself is too large to hold, so there is nothing to measure moves
/// against.
pub fn sensitivity(
    scenario: &Scenario,
    outcome: &Outcome,
    today: NaiveDate,
) -> Vec<SensitivityRow> {
    let Some(base) = lead(outcome, outcome.cheapest) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for (driver, input, apply) in DRIVERS {
        let low = effect(scenario, apply, dec!(0.8), outcome.cheapest, today);
        let high = effect(scenario, apply, dec!(1.2), outcome.cheapest, today);
        if let (Some(low), Some(high)) = (low, high) {
            rows.push(SensitivityRow {
                driver,
                input,
                low,
                high,
            });
        }
    }
    // A change too large to subtract outweighs every change that is not (a sort key only).
    let change = |lead: Decimal| lead.checked_sub(base).map_or(Decimal::MAX, |d| d.abs());
    let swing = |row: &SensitivityRow| change(row.low.lead).max(change(row.high.lead));
    rows.sort_by_key(|row| std::cmp::Reverse(swing(row)));
    rows.truncate(ROWS);
    rows
}
