//! What one instance serves in a month, converted from the measurement's basis to the
//! scenario's mix of input and output tokens (catalog-facts.md).
//!
//! A throughput figure is generated tokens per second at a measured prompt length: at 301
//! output tokens/s with 550 in / 150 out per request, the GPU also read 1,104 input tokens/s.
//! The conversion assumes neither rate can be exceeded: an instance serves a scenario's mix
//! until either its output or its input rate is used up. That is exact at the measurement's own
//! mix and conservative away from it. A measurement without its prompt length is taken as
//! output tokens only, and the report says so.

use rust_decimal::Decimal;

use crate::error::{AtField, ComputeError};
use crate::scenario::{Hosting, Throughput};
use crate::units::{HoursPerMonth, div, mul, sub};

pub(super) const SECONDS_PER_HOUR: Decimal = Decimal::from_parts(3600, 0, 0, false, 0);

/// What one instance serves, in tokens (input and output) a month at the scenario's mix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capacity {
    /// At full load; `None` when no limit is modelled.
    pub full: Option<Decimal>,
    /// At the target utilisation: what the sizing plans for.
    pub planned: Option<Decimal>,
    /// Which basis was used, in words, for the report.
    pub basis: String,
    /// The hours a month the capacity is served over: the hours in service.
    pub hours: Decimal,
}

/// The capacity of one instance of `hosting` at a traffic mix with `input_share` of input
/// tokens (0 to 1). `path` is the hosting's path, for errors.
pub fn capacity(
    hosting: &Hosting,
    input_share: Decimal,
    path: &str,
) -> Result<Capacity, ComputeError> {
    capacity_over(
        hosting,
        hosting.hours_in_service_per_month.value,
        input_share,
        path,
    )
}

/// What one instance of `hosting` serves in `hours` (a busy-hour price counts one hour), at a
/// traffic mix with `input_share` of input tokens.
pub fn capacity_over(
    hosting: &Hosting,
    hours: HoursPerMonth,
    input_share: Decimal,
    path: &str,
) -> Result<Capacity, ComputeError> {
    let Throughput::Measured {
        model,
        output_tokens_per_second,
        concurrency,
        input_tokens_per_request,
        output_tokens_per_request,
    } = &hosting.throughput
    else {
        return Ok(Capacity {
            full: None,
            planned: None,
            basis: "no throughput limit modelled".to_owned(),
            hours: hours.get(),
        });
    };
    let at = format!("{path}.throughput.output_tokens_per_second");
    let seconds = mul(hours.get(), SECONDS_PER_HOUR, "hours × 3,600").at(&at)?;
    let output_per_month = mul(
        output_tokens_per_second.value.get(),
        seconds,
        "tokens/s × seconds",
    )
    .at(&at)?;
    let output_share = sub(Decimal::ONE, input_share, "1 − input share").at(&at)?;
    let measured_input = input_tokens_per_request.get();
    let measured_output = output_tokens_per_request.get();
    // Each side's bound: the total a month at which that side's rate is used up.
    let output_bound = if output_share.is_zero() {
        None
    } else {
        Some(
            div(
                output_per_month,
                output_share,
                "output tokens ÷ output share",
            )
            .at(&at)?,
        )
    };
    let input_bound = if measured_input.is_zero() || input_share.is_zero() {
        None
    } else {
        let ratio = div(
            measured_input,
            measured_output,
            "input ÷ output per request",
        )
        .at(&at)?;
        let input_per_month =
            mul(output_per_month, ratio, "output tokens × input ratio").at(&at)?;
        Some(div(input_per_month, input_share, "input tokens ÷ input share").at(&at)?)
    };
    let full = match (output_bound, input_bound) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let planned = match full {
        Some(full) => {
            let utilisation = hosting
                .target_utilisation_percent
                .value
                .fraction()
                .at(&format!("{path}.target_utilisation_percent"))?;
            Some(mul(full, utilisation, "capacity × utilisation").at(&at)?)
        }
        None => None,
    };
    // A figure typed over the catalog's is the user's: the basis says so, not the catalog.
    let yours = if output_tokens_per_second
        .source
        .as_deref()
        .is_some_and(crate::sourced::typed_over_catalog)
    {
        " (your value)"
    } else {
        ""
    };
    let basis = if measured_input.is_zero() {
        format!(
            "{model}: {} output tokens/s{yours} at concurrency {concurrency}; the measurement gives no prompt length, so \
             input tokens are assumed free",
            output_tokens_per_second.value
        )
    } else {
        format!(
            "{model}: {} output tokens/s{yours} at concurrency {concurrency}, measured at {measured_input} in / \
             {measured_output} out tokens per request",
            output_tokens_per_second.value
        )
    };
    Ok(Capacity {
        full,
        planned,
        basis,
        hours: hours.get(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use rust_decimal::dec;

    #[test]
    fn at_the_measurements_own_mix_both_rates_give_catalog_facts_figure() {
        // catalog-facts.md: 301 output tokens/s at 550:150 is about 3.69B tokens a month.
        let hosting = Scenario::embedded_default().self_host.hosting;
        let share = dec!(550) / dec!(700);
        let capacity = capacity(&hosting, share, "self_host.hosting").expect("computes");
        let full = capacity.full.expect("measured");
        assert_eq!(full.round_dp(0), dec!(3_691_464_000));
        assert_eq!(
            capacity.planned.map(|p| p.round_dp(0)),
            Some(dec!(2_584_024_800))
        );
    }

    #[test]
    fn an_input_heavy_mix_is_bound_by_the_input_rate() {
        let hosting = Scenario::embedded_default().self_host.hosting;
        let at_basis = capacity(&hosting, dec!(550) / dec!(700), "p")
            .expect("computes")
            .full
            .expect("measured");
        let input_heavy = capacity(&hosting, dec!(0.95), "p")
            .expect("computes")
            .full
            .expect("measured");
        let output_heavy = capacity(&hosting, dec!(0.5), "p")
            .expect("computes")
            .full
            .expect("measured");
        // Never more tokens of either kind than measured: away from the basis, capacity drops.
        assert!(input_heavy < at_basis && output_heavy < at_basis);
    }
}
