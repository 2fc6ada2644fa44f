//! The sensitivity table: the drivers that move the recommended option's standing most, each
//! moved down and up, with the recommended phase after each move.
//!
//! It measures the recommended phase, not the cheapest: a table that measured Self-host's lead
//! beside a Fine-tune recommendation answered a question nobody had asked. Its standing is its
//! lead this month, its lead in cash over the horizon (growth and price trends move nothing
//! this month), and, when the scenario has revenue, its gross margin in the horizon's last
//! month (revenue moves no cost at all).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::recommend;
use crate::engine::{Outcome, compute};
use crate::phase::Phase;
use crate::scenario::Scenario;

mod drivers;
#[cfg(test)]
#[expect(
    clippy::arithmetic_side_effects,
    reason = "test inputs built from small literals; an overflow would panic and fail the test"
)]
mod tests;

use drivers::{DRIVERS, Driver, PERCENT};

/// Rows kept: the drivers that move the recommended option's standing most. Six of twelve: the
/// volume and the prices of the options in play, and room for a growth, a trend or the revenue
/// when they matter, in a table that still reads at a glance.
const ROWS: usize = 6;

/// The recommended option's standing after a move of one driver (or as entered, nothing moved),
/// and the recommendation then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    /// How far the driver was moved, signed, in `change_unit`: -20 or 20 (`%` of its value),
    /// or points of a growth or a trend. 0 as entered.
    pub change: Decimal,
    /// The unit of `change`: `%` of the value, or `pp a month` / `pp a year` (percentage points)
    /// for a growth or a trend, which is often 0 and would not move by a share of itself.
    pub change_unit: &'static str,
    /// The cheapest option this month after the move.
    pub cheapest: Phase,
    /// How much less the measured phase (the recommendation as entered) costs this month than
    /// the best of the other options after the move, USD a month; negative when it costs more.
    pub lead: Decimal,
    /// The same in cash over the horizon: the best other option's total less the measured
    /// phase's total, USD. Growth, price trends, build months and up-front payments show here.
    pub cash_lead: Decimal,
    /// The measured phase's gross margin in the horizon's last month, a fraction of revenue;
    /// `None` when the scenario has no revenue. The last month, because that is where a
    /// fine-tune or a self-hosted model is running (the first months are on the API while it
    /// is built) and where growth and trends have done their work.
    pub margin: Option<Decimal>,
    /// The recommended phase after the move.
    pub phase: Phase,
}

impl Effect {
    /// The standing of `of` in `outcome` as entered, nothing moved: what every move is read
    /// against. `None` when a lead is too large to hold.
    #[must_use]
    pub fn as_entered(outcome: &Outcome, of: Phase) -> Option<Self> {
        standing(outcome, Decimal::ZERO, PERCENT, of, of)
    }

    /// The move as people say it: `down 20%`, `up 1 pp a month`, `up 10 pp a year`; empty as
    /// entered.
    #[must_use]
    pub fn move_label(&self) -> String {
        let way = if self.change.is_zero() {
            return String::new();
        } else if self.change.is_sign_negative() {
            "down"
        } else {
            "up"
        };
        let space = if self.change_unit == PERCENT { "" } else { " " };
        format!(
            "{way} {}{space}{}",
            self.change.abs().normalize(),
            self.change_unit
        )
    }
}

/// One driver moved both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SensitivityRow {
    /// The driver, as people say it.
    pub driver: &'static str,
    /// Its input's path.
    pub input: &'static str,
    /// The phase whose standing is measured: the recommendation as entered.
    pub of: Phase,
    /// Moved down: 20% of its value, or points of a growth or a trend.
    pub low: Effect,
    /// Moved up by as much.
    pub high: Effect,
}

/// How much less `of` costs than the best of the others in `costs`; `None` when the difference
/// is too large to hold.
fn lead_in(costs: [Decimal; 4], of: Phase) -> Option<Decimal> {
    let own = costs[of.index()];
    let best_other = Phase::ALL
        .into_iter()
        .filter(|p| *p != of)
        .map(|p| costs[p.index()])
        .min()
        .unwrap_or(own);
    best_other.checked_sub(own)
}

/// The standing of `of` in `outcome`, after a move of `change` `change_unit`, with `phase`
/// recommended.
fn standing(
    outcome: &Outcome,
    change: Decimal,
    change_unit: &'static str,
    of: Phase,
    phase: Phase,
) -> Option<Effect> {
    Some(Effect {
        change,
        change_unit,
        cheapest: outcome.cheapest,
        lead: lead_in(outcome.costs.each_ref().map(|c| c.total), of)?,
        cash_lead: lead_in(outcome.horizon.totals, of)?,
        margin: outcome
            .horizon
            .months
            .last()
            .and_then(|m| m.gross_margin[of.index()]),
        phase,
    })
}

fn effect(
    scenario: &Scenario,
    driver: &Driver,
    change: Decimal,
    of: Phase,
    today: NaiveDate,
) -> Option<Effect> {
    let mut moved = scenario.clone();
    if !driver.apply(&mut moved, change) {
        return None;
    }
    // A move past what can be computed (a volume at the limit, raised 20%) is left out.
    let outcome = compute(&moved).ok()?;
    let phase = recommend(&moved, &outcome, today).ok()?.phase;
    standing(&outcome, change, driver.step().1, of, phase)
}

/// How far a move takes one figure from its value as entered, relative to that value: the
/// table's sort key, so a lead in USD a month, one in cash over years and a margin in fractions
/// can be ranked together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Swing {
    /// `|moved - entered| / |entered|`.
    Relative(Decimal),
    /// The figure was 0 and moved, or the change is too large to hold: more than any relative
    /// swing (the derived order puts this variant last).
    Unbounded,
}

fn swing(entered: Decimal, moved: Decimal) -> Swing {
    match moved.checked_sub(entered) {
        Some(change) if change.is_zero() => Swing::Relative(Decimal::ZERO),
        Some(change) => change
            .abs()
            .checked_div(entered.abs())
            .map_or(Swing::Unbounded, Swing::Relative),
        None => Swing::Unbounded,
    }
}

/// The largest relative swing of any figure, either way.
fn row_swing(entered: &Effect, row: &SensitivityRow) -> Swing {
    [&row.low, &row.high]
        .into_iter()
        .flat_map(|moved| {
            let margin = entered
                .margin
                .zip(moved.margin)
                .map(|(entered, moved)| swing(entered, moved));
            [
                Some(swing(entered.lead, moved.lead)),
                Some(swing(entered.cash_lead, moved.cash_lead)),
                margin,
            ]
        })
        .flatten()
        .max()
        .unwrap_or(Swing::Relative(Decimal::ZERO))
}

/// The drivers that move the standing of `recommended` most, at most six, each moved down and
/// up (20% of its value, or points of a growth or a trend): its lead this month and in cash over
/// the horizon, and its gross margin, ranked by the largest relative swing of any of them.
/// Empty when a lead as entered is too large to hold, so there is nothing to measure moves
/// against.
#[must_use]
pub fn sensitivity(
    scenario: &Scenario,
    outcome: &Outcome,
    recommended: Phase,
    today: NaiveDate,
) -> Vec<SensitivityRow> {
    let Some(entered) = Effect::as_entered(outcome, recommended) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for driver in &DRIVERS {
        let (step, _) = driver.step();
        let down = crate::units::negated(step);
        let low = effect(scenario, driver, down, recommended, today);
        let high = effect(scenario, driver, step, recommended, today);
        if let (Some(low), Some(high)) = (low, high) {
            rows.push(SensitivityRow {
                driver: driver.name,
                input: driver.input,
                of: recommended,
                low,
                high,
            });
        }
    }
    // A driver that moves nothing, here, is left out: it would only push out one that does.
    rows.retain(|row| {
        row_swing(&entered, row) > Swing::Relative(Decimal::ZERO)
            || row.low.phase != recommended
            || row.high.phase != recommended
    });
    // A stable sort: drivers that swing alike keep the order of `DRIVERS`.
    rows.sort_by_key(|row| std::cmp::Reverse(row_swing(&entered, row)));
    rows.truncate(ROWS);
    rows
}
