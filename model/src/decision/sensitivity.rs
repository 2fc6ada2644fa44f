//! The sensitivity table: the biggest cost drivers moved 20% down and up, with the effect on
//! the cheapest option's lead and on the recommended phase.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::recommend;
use crate::engine::{Outcome, compute};
use crate::phase::Phase;
use crate::scenario::{InstancePrice, Scenario, Staff, Throughput, TunedServing, Volume};

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

/// Moves one driver of a scenario by a factor; `false` when the scenario has no such driver or
/// a moved value is too large to hold.
type Apply = fn(&mut Scenario, Decimal) -> bool;

/// Moves `value` by `factor`; `false`, leaving it as it was, when the moved value is too large
/// to hold.
fn scale<T: crate::units::Quantity>(
    value: &mut T,
    factor: Decimal,
    make: fn(Decimal) -> T,
) -> bool {
    match value.get().checked_mul(factor) {
        Some(moved) => {
            *value = make(moved);
            true
        }
        None => false,
    }
}

fn volume(s: &mut Scenario, f: Decimal) -> bool {
    match &mut s.workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => {
            scale(
                &mut input_tokens_per_month.value,
                f,
                crate::units::TokensPerMonth::new,
            ) && scale(
                &mut output_tokens_per_month.value,
                f,
                crate::units::TokensPerMonth::new,
            )
        }
        Volume::Users { daily_users, .. } => {
            scale(&mut daily_users.value, f, crate::units::Count::new)
        }
    }
}

fn api_input(s: &mut Scenario, f: Decimal) -> bool {
    scale(
        &mut s.buy.input_usd_per_1m.value,
        f,
        crate::units::UsdPerMillionTokens::new,
    ) && scale(
        &mut s.buy.cached_input_usd_per_1m.value,
        f,
        crate::units::UsdPerMillionTokens::new,
    )
}

fn api_output(s: &mut Scenario, f: Decimal) -> bool {
    scale(
        &mut s.buy.output_usd_per_1m.value,
        f,
        crate::units::UsdPerMillionTokens::new,
    )
}

fn instance_price(s: &mut Scenario, f: Decimal) -> bool {
    match &mut s.self_host.hosting.price {
        InstancePrice::OnDemand { usd_per_hour } | InstancePrice::Reserved { usd_per_hour, .. } => {
            scale(&mut usd_per_hour.value, f, crate::units::UsdPerHour::new)
        }
        InstancePrice::Monthly { usd_per_month } => {
            scale(&mut usd_per_month.value, f, crate::units::UsdPerMonth::new)
        }
    }
}

fn staff(staff: &mut Staff, f: Decimal) -> bool {
    match staff {
        Staff::Hours {
            hours_per_month, ..
        } => scale(
            &mut hours_per_month.value,
            f,
            crate::units::HoursPerMonth::new,
        ),
        Staff::People { people, .. } => scale(&mut people.value, f, crate::units::Count::new),
    }
}

fn self_host_staff(s: &mut Scenario, f: Decimal) -> bool {
    staff(&mut s.self_host.staff, f)
}

fn fine_tune_staff(s: &mut Scenario, f: Decimal) -> bool {
    staff(&mut s.fine_tune.staff, f)
}

fn throughput(s: &mut Scenario, f: Decimal) -> bool {
    match &mut s.self_host.hosting.throughput {
        Throughput::Measured {
            output_tokens_per_second,
            ..
        } => scale(
            &mut output_tokens_per_second.value,
            f,
            crate::units::TokensPerSecond::new,
        ),
        Throughput::Unlimited => false,
    }
}

fn tuned_serving(s: &mut Scenario, f: Decimal) -> bool {
    match &mut s.fine_tune.serving {
        TunedServing::Hosted(h) => match &mut h.price {
            InstancePrice::OnDemand { usd_per_hour }
            | InstancePrice::Reserved { usd_per_hour, .. } => {
                scale(&mut usd_per_hour.value, f, crate::units::UsdPerHour::new)
            }
            InstancePrice::Monthly { usd_per_month } => {
                scale(&mut usd_per_month.value, f, crate::units::UsdPerMonth::new)
            }
        },
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
        } => {
            scale(
                &mut input_usd_per_1m.value,
                f,
                crate::units::UsdPerMillionTokens::new,
            ) && scale(
                &mut output_usd_per_1m.value,
                f,
                crate::units::UsdPerMillionTokens::new,
            )
        }
        TunedServing::Flat { usd_per_month } => {
            scale(&mut usd_per_month.value, f, crate::units::UsdPerMonth::new)
        }
    }
}

fn training_runs(s: &mut Scenario, f: Decimal) -> bool {
    let ft = &mut s.fine_tune;
    [
        &mut ft.curation_usd_per_run,
        &mut ft.training_usd_per_run,
        &mut ft.evaluation_usd_per_run,
    ]
    .into_iter()
    .all(|cost| scale(&mut cost.value, f, crate::units::Usd::new))
}

const DRIVERS: [(&str, &str, Apply); 9] = [
    ("Monthly volume", "workload.volume", volume),
    ("API input price", "buy.input_usd_per_1m", api_input),
    ("API output price", "buy.output_usd_per_1m", api_output),
    (
        "Self-host instance price",
        "self_host.hosting.price",
        instance_price,
    ),
    (
        "Self-host throughput",
        "self_host.hosting.throughput",
        throughput,
    ),
    ("Self-host staff", "self_host.staff", self_host_staff),
    (
        "Tuned model serving price",
        "fine_tune.serving",
        tuned_serving,
    ),
    ("Fine-tune staff", "fine_tune.staff", fine_tune_staff),
    (
        "Training run cost",
        "fine_tune.training_usd_per_run",
        training_runs,
    ),
];

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
