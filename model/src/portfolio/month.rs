//! A feature as it will be in a later month: its traffic grown and the prices moved by their
//! trends, as the horizon moves them, so the decision can be taken again on it.

use rust_decimal::Decimal;

use crate::error::{AtField, ComputeError};
use crate::scenario::{Hosting, InstancePrice, Scenario, TunedServing, Volume};
use crate::sourced::Sourced;
use crate::units::{Quantity, add, mul};

/// `(1 + rate)` compounded `times` times, as the horizon compounds it: one multiplication a
/// period.
fn compounded(rate: Decimal, times: u32, path: &str) -> Result<Decimal, ComputeError> {
    let base = add(Decimal::ONE, rate, "1 + rate").at(path)?;
    let mut factor = Decimal::ONE;
    for _ in 0..times {
        factor = mul(factor, base, "compounding").at(path)?;
    }
    Ok(factor)
}

fn scale<T: Quantity>(
    field: &mut Sourced<T>,
    factor: Decimal,
    path: &str,
) -> Result<(), ComputeError> {
    if factor == Decimal::ONE {
        return Ok(());
    }
    let times = |v: T| -> Result<T, ComputeError> {
        Ok(T::from_decimal(mul(v.get(), factor, "× trend").at(path)?))
    };
    field.value = times(field.value)?;
    field.low = field.low.map(times).transpose()?;
    field.high = field.high.map(times).transpose()?;
    Ok(())
}

/// The GPU prices of `hosting` that the horizon moves with the GPU trend: rented instances'.
/// An owned server's are paid when it is bought, and are not.
fn rented(hosting: &mut Hosting, factor: Decimal, path: &str) -> Result<(), ComputeError> {
    match &mut hosting.price {
        InstancePrice::OnDemand { usd_per_hour }
        | InstancePrice::Reserved { usd_per_hour, .. }
        | InstancePrice::PerBusyHour { usd_per_hour, .. } => scale(usd_per_hour, factor, path),
        InstancePrice::Monthly { usd_per_month } => scale(usd_per_month, factor, path),
        InstancePrice::Owned(_) => Ok(()),
    }
}

/// `scenario` in its month `index` (0 is this month): the volume grown by its monthly growth
/// `index` times; API prices (Buy's and a tuned model's provider's) moved by their yearly
/// trend once every twelve months and by the one-off change from its month; rented GPU prices
/// by theirs. The horizon moves the same figures the same way.
pub fn as_of_month(scenario: &Scenario, index: u32) -> Result<Scenario, ComputeError> {
    let mut s = scenario.clone();
    if index == 0 {
        return Ok(s);
    }
    let growth = compounded(
        s.workload
            .growth_percent_per_month
            .value
            .fraction()
            .at("workload.growth_percent_per_month")?,
        index,
        "workload.growth_percent_per_month",
    )?;
    let h = &scenario.horizon;
    let years = index / 12;
    let mut api = compounded(
        h.api_price_change_percent_per_year
            .value
            .fraction()
            .at("horizon.api_price_change_percent_per_year")?,
        years,
        "horizon.api_price_change_percent_per_year",
    )?;
    // The one-off change is in the month's prices once its month has come, and then no longer
    // ahead in the month's own horizon; before it, it comes `index` months sooner.
    let step_index = h.api_price_step_month.value.saturating_sub(1);
    if index >= step_index {
        let step = h
            .api_price_step_percent
            .value
            .fraction()
            .at("horizon.api_price_step_percent")?;
        api = mul(
            api,
            add(Decimal::ONE, step, "1 + change").at("horizon.api_price_step_percent")?,
            "× one-off change",
        )
        .at("horizon.api_price_step_percent")?;
        s.horizon.api_price_step_percent = Sourced::bare(crate::units::Percent::ZERO);
    } else {
        s.horizon.api_price_step_month.value = h.api_price_step_month.value.saturating_sub(index);
    }
    let gpu = compounded(
        h.gpu_price_change_percent_per_year
            .value
            .fraction()
            .at("horizon.gpu_price_change_percent_per_year")?,
        years,
        "horizon.gpu_price_change_percent_per_year",
    )?;
    match &mut s.workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => {
            scale(input_tokens_per_month, growth, "workload.volume")?;
            scale(output_tokens_per_month, growth, "workload.volume")?;
        }
        Volume::Users { daily_users, .. } => scale(daily_users, growth, "workload.volume")?,
    }
    let b = &mut s.buy;
    for price in [
        &mut b.input_usd_per_1m,
        &mut b.output_usd_per_1m,
        &mut b.cached_input_usd_per_1m,
        &mut b.cache_write_usd_per_1m,
    ] {
        scale(price, api, "horizon.api_price_change_percent_per_year")?;
    }
    let at = "horizon.gpu_price_change_percent_per_year";
    match &mut s.fine_tune.serving {
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
            ..
        } => {
            scale(
                input_usd_per_1m,
                api,
                "horizon.api_price_change_percent_per_year",
            )?;
            scale(
                output_usd_per_1m,
                api,
                "horizon.api_price_change_percent_per_year",
            )?;
        }
        TunedServing::Hosted(hosting) => rented(hosting, gpu, at)?,
        TunedServing::Flat { .. } => {}
    }
    rented(&mut s.self_host.hosting, gpu, at)?;
    rented(&mut s.pretrain.hosting, gpu, at)?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use rust_decimal::dec;

    #[test]
    fn a_later_month_has_the_volume_the_horizon_has_that_month() {
        let mut s = Scenario::embedded_default();
        s.workload.growth_percent_per_month = Sourced::bare(crate::units::Percent::new(dec!(10)));
        let today = compute(&s).unwrap();
        for index in [1_u32, 7, 13, 35] {
            let later = compute(&as_of_month(&s, index).unwrap()).unwrap();
            let month = &today.horizon.months[usize::try_from(index).unwrap()];
            assert_eq!(
                later.volume.round_dp(6),
                month.volume.round_dp(6),
                "month {index}"
            );
        }
    }

    #[test]
    fn a_one_off_change_of_api_prices_is_counted_once_whichever_month_the_decision_is_taken() {
        let mut s = Scenario::embedded_default();
        s.horizon.api_price_step_percent = Sourced::bare(crate::units::Percent::new(dec!(-50)));
        s.horizon.api_price_step_month = Sourced::bare(7);
        let input = s.buy.input_usd_per_1m.value.get();
        let before = as_of_month(&s, 4).unwrap();
        assert_eq!(before.buy.input_usd_per_1m.value.get(), input);
        assert_eq!(
            before.horizon.api_price_step_month.value, 3,
            "three months ahead"
        );
        let after = as_of_month(&s, 8).unwrap();
        assert_eq!(
            after.buy.input_usd_per_1m.value.get(),
            crate::units::mul(input, dec!(0.5), "x").unwrap()
        );
        assert!(
            after.horizon.api_price_step_percent.value.get().is_zero(),
            "not again"
        );
    }

    #[test]
    fn api_prices_move_once_a_year_by_their_trend() {
        let mut s = Scenario::embedded_default();
        s.horizon.api_price_change_percent_per_year =
            Sourced::bare(crate::units::Percent::new(dec!(-20)));
        let input = s.buy.input_usd_per_1m.value.get();
        assert_eq!(
            as_of_month(&s, 11)
                .unwrap()
                .buy
                .input_usd_per_1m
                .value
                .get(),
            input
        );
        assert_eq!(
            as_of_month(&s, 12)
                .unwrap()
                .buy
                .input_usd_per_1m
                .value
                .get(),
            crate::units::mul(input, dec!(0.8), "x").unwrap()
        );
    }
}
