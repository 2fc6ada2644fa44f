//! The drivers the sensitivity table moves, and how each is moved.

use rust_decimal::Decimal;

use crate::scenario::{InstancePrice, Scenario, Staff, Throughput, TunedServing, Volume};

/// Moves one driver of a scenario by a factor; `false` when the scenario has no such driver or
/// a moved value is too large to hold.
pub(super) type Apply = fn(&mut Scenario, Decimal) -> bool;

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

pub(super) const DRIVERS: [(&str, &str, Apply); 9] = [
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
