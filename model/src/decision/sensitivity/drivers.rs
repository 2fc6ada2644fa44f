//! The drivers the sensitivity table moves, and how each is moved.

use rust_decimal::{Decimal, dec};

use crate::scenario::{InstancePrice, Limits, Scenario, Staff, Throughput, TunedServing, Volume};
use crate::units::{Percent, Quantity};

/// Moves one driver of a scenario by a factor, or a rate by points; `false` when the scenario
/// has no such driver or a moved value is too large to hold.
type Apply = fn(&mut Scenario, Decimal) -> bool;

/// Moves `value` by `factor`; `false`, leaving it as it was, when the moved value is too large
/// to hold.
fn scale<T: Quantity>(value: &mut T, factor: Decimal, make: fn(Decimal) -> T) -> bool {
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
    ) && scale(
        &mut s.buy.cache_write_usd_per_1m.value,
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
    scale_price(&mut s.self_host.hosting.price, f)
}

/// An instance's price times `f`: the hourly or monthly price, or an owned server's purchase.
fn scale_price(price: &mut InstancePrice, f: Decimal) -> bool {
    match price {
        InstancePrice::OnDemand { usd_per_hour }
        | InstancePrice::Reserved { usd_per_hour, .. }
        | InstancePrice::PerBusyHour { usd_per_hour, .. } => {
            scale(&mut usd_per_hour.value, f, crate::units::UsdPerHour::new)
        }
        InstancePrice::Monthly { usd_per_month } => {
            scale(&mut usd_per_month.value, f, crate::units::UsdPerMonth::new)
        }
        InstancePrice::Owned(server) => {
            scale(&mut server.purchase_usd.value, f, crate::units::Usd::new)
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
        TunedServing::Hosted(h) => scale_price(&mut h.price, f),
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
            ..
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
        TunedServing::Flat { usd_per_month, .. } => {
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

fn revenue(s: &mut Scenario, f: Decimal) -> bool {
    s.revenue.as_mut().is_some_and(|revenue| {
        scale(
            &mut revenue.usd_per_month.value,
            f,
            crate::units::UsdPerMonth::new,
        )
    })
}

/// Shifts a growth or a trend by `points` percentage points; `false`, leaving it as it was,
/// when the result is outside the -100% to +100% validation allows: a move is of a value the
/// scenario could hold, never past it.
fn shift(value: &mut Percent, points: Decimal) -> bool {
    match value.get().checked_add(points) {
        Some(moved) if moved.abs() <= Limits::CHANGE_PERCENT => {
            *value = Percent::new(moved);
            true
        }
        _ => false,
    }
}

fn growth(s: &mut Scenario, points: Decimal) -> bool {
    shift(&mut s.workload.growth_percent_per_month.value, points)
}

fn api_trend(s: &mut Scenario, points: Decimal) -> bool {
    shift(
        &mut s.horizon.api_price_change_percent_per_year.value,
        points,
    )
}

/// The percent of a driver's value each move takes off or adds: the table's "20% each way".
const SHARE_STEP: Decimal = dec!(20);

/// The unit of a move by a share of the value.
pub(super) const PERCENT: &str = "%";

/// How a driver is moved.
#[derive(Clone, Copy)]
enum How {
    /// Multiplied by 1 - 20% and 1 + 20%: a price, a volume, a headcount.
    Scaled(Apply),
    /// Shifted by `points` percentage points down and up: a growth or a trend. These are
    /// often 0 (every seed case in `scenarios/` has flat traffic and flat prices), and 20% of 0
    /// moves nothing, while nobody knows next year's price trend to within 20% of itself
    /// either. A move in points is the same size whatever the value, so the row says what a
    /// miss of that size costs.
    Shifted {
        /// The size of one move.
        points: Decimal,
        /// What a point is of, as the table shows it.
        unit: &'static str,
        /// Shifts the rate by a signed number of points.
        apply: Apply,
    },
}

/// One driver: what people call it, the input it moves, and how.
#[derive(Clone, Copy)]
pub(super) struct Driver {
    /// The driver, as people say it.
    pub name: &'static str,
    /// Its input's path.
    pub input: &'static str,
    how: How,
}

impl Driver {
    const fn scaled(name: &'static str, input: &'static str, apply: Apply) -> Self {
        Self {
            name,
            input,
            how: How::Scaled(apply),
        }
    }

    /// The size of one move and its unit: 20 `%` of the value, or points of a rate.
    pub const fn step(&self) -> (Decimal, &'static str) {
        match self.how {
            How::Scaled(_) => (SHARE_STEP, PERCENT),
            How::Shifted { points, unit, .. } => (points, unit),
        }
    }

    /// Moves the driver of `s` by `change`, signed, in the unit of [`Driver::step`]; `false`
    /// when the scenario has no such driver or the moved value cannot be held.
    pub fn apply(&self, s: &mut Scenario, change: Decimal) -> bool {
        match self.how {
            How::Scaled(apply) => change
                .checked_div(Decimal::ONE_HUNDRED)
                .and_then(|share| Decimal::ONE.checked_add(share))
                .is_some_and(|factor| apply(s, factor)),
            How::Shifted { apply, .. } => apply(s, change),
        }
    }
}

/// Every driver the table may show; it keeps those that move the figures most.
pub(super) const DRIVERS: [Driver; 12] = [
    Driver::scaled("Monthly volume", "workload.volume", volume),
    Driver {
        name: "Volume growth",
        input: "workload.growth_percent_per_month",
        // 5% a month (the default scenario) moved 20% is 4% to 6%: one point each way, which
        // compounds to about 12.7% of volume a year apart.
        how: How::Shifted {
            points: Decimal::ONE,
            unit: "pp a month",
            apply: growth,
        },
    },
    Driver::scaled("API input price", "buy.input_usd_per_1m", api_input),
    Driver::scaled("API output price", "buy.output_usd_per_1m", api_output),
    Driver {
        name: "API price trend",
        input: "horizon.api_price_change_percent_per_year",
        // Ten points a year: -20% a year (the default) becomes -30% or -10%, and a flat 0%
        // becomes -10% or +10%.
        how: How::Shifted {
            points: dec!(10),
            unit: "pp a year",
            apply: api_trend,
        },
    },
    Driver::scaled(
        "Self-host instance price",
        "self_host.hosting.price",
        instance_price,
    ),
    Driver::scaled(
        "Self-host throughput",
        "self_host.hosting.throughput",
        throughput,
    ),
    Driver::scaled("Self-host staff", "self_host.staff", self_host_staff),
    Driver::scaled(
        "Tuned model serving price",
        "fine_tune.serving",
        tuned_serving,
    ),
    Driver::scaled("Fine-tune staff", "fine_tune.staff", fine_tune_staff),
    Driver::scaled(
        "Training run cost",
        "fine_tune.training_usd_per_run",
        training_runs,
    ),
    Driver::scaled("Revenue", "revenue.usd_per_month", revenue),
];
