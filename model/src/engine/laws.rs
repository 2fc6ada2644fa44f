//! Laws of the engine, checked on many scenarios built from the default one with random inputs.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::cost_model::Instances;
use super::{CrossingKind, compute};
use crate::scenario::{InstancePrice, Scenario, Staff, Throughput, TunedServing, Volume, validate};
use crate::sourced::Sourced;
use crate::units::{
    Count, HoursPerMonth, Percent, Ratio, TokensPerMonth, TokensPerSecond, UsdPerHour,
    UsdPerMillionTokens, UsdPerMonth,
};

/// A decimal between `lo` and `hi` with up to `dp` decimal places.
fn decimal(lo: i64, hi: i64, dp: u32) -> impl Strategy<Value = Decimal> {
    let scale = 10_i64.pow(dp);
    (lo * scale..=hi * scale).prop_map(move |n| Decimal::new(n, dp))
}

/// A volume spread over many decades: mantissa × 10^exponent.
fn volume() -> impl Strategy<Value = Decimal> {
    (1_i64..1000, 0_u32..=10).prop_map(|(m, e)| Decimal::from(m) * Decimal::from(10_i64.pow(e)))
}

prop_compose! {
    fn scenario()(
        total in volume(),
        input_percent in 0_i64..=100,
        input_price in decimal(0, 50, 3),
        output_price in decimal(0, 100, 3),
        cached in decimal(0, 100, 0),
        batch in decimal(0, 100, 0),
        commitment in decimal(0, 50, 0),
        retry in decimal(1, 3, 1),
        peak in decimal(1, 5, 1),
        gpu_price in decimal(0, 60, 3),
        monthly_price in prop::option::of(decimal(100, 20_000, 0)),
        tps in prop::option::of(decimal(1, 5_000, 0)),
        utilisation in decimal(1, 100, 0),
        min_instances in 0_u32..4,
        staff_hours in decimal(0, 200, 0),
        routed in decimal(0, 100, 0),
        fallback in decimal(0, 100, 0),
        per_token_serving in any::<bool>(),
    ) -> Scenario {
        let mut s = Scenario::embedded_default();
        let input = total * Decimal::from(input_percent) / Decimal::ONE_HUNDRED;
        s.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(input)),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(total - input)),
        };
        s.workload.peak_to_average.value = Ratio::new(peak);
        s.buy.input_usd_per_1m.value = UsdPerMillionTokens::new(input_price);
        s.buy.output_usd_per_1m.value = UsdPerMillionTokens::new(output_price);
        s.buy.cached_input_percent.value = Percent::new(cached);
        s.buy.batch_percent.value = Percent::new(batch);
        s.buy.commitment_discount_percent.value = Percent::new(commitment);
        s.buy.retry_factor.value = Ratio::new(retry);
        let hosting = &mut s.self_host.hosting;
        hosting.price = match monthly_price {
            Some(p) => InstancePrice::Monthly { usd_per_month: Sourced::bare(UsdPerMonth::new(p)) },
            None => InstancePrice::OnDemand { usd_per_hour: Sourced::bare(UsdPerHour::new(gpu_price)) },
        };
        if let (Some(tps), Throughput::Measured { output_tokens_per_second, .. }) = (tps, &mut hosting.throughput) {
            output_tokens_per_second.value = TokensPerSecond::new(tps);
        } else if tps.is_none() {
            hosting.throughput = Throughput::Unlimited;
        }
        hosting.target_utilisation_percent.value = Percent::new(utilisation);
        hosting.min_instances.value = min_instances;
        s.self_host.staff = Staff::Hours {
            hours_per_month: Sourced::bare(HoursPerMonth::new(staff_hours)),
            usd_per_hour: Sourced::bare(UsdPerHour::new(Decimal::from(150))),
        };
        s.fine_tune.routed_percent.value = Percent::new(routed);
        s.fine_tune.fallback_percent.value = Percent::new(fallback);
        if per_token_serving {
            s.fine_tune.serving = TunedServing::PerToken {
                input_usd_per_1m: Sourced::bare(UsdPerMillionTokens::new(input_price / Decimal::TEN)),
                output_usd_per_1m: Sourced::bare(UsdPerMillionTokens::new(output_price / Decimal::TEN)),
                speed: crate::scenario::Speed::default(),
            };
        }
        s.pretrain.team = Staff::People {
            people: Sourced::bare(Count::new(Decimal::from(3))),
            loaded_usd_per_year: Sourced::bare(crate::units::UsdPerYear::new(Decimal::from(300_000))),
        };
        s
    }
}

/// Whether `a` and `b` agree to the cent.
fn to_the_cent(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < Decimal::new(5, 3)
}

proptest! {
    #[test]
    fn compute_never_panics_on_a_valid_scenario(s in scenario()) {
        prop_assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        let _ = compute(&s);
    }

    #[test]
    fn buying_never_gets_cheaper_as_volume_rises(s in scenario(), a in volume(), b in volume()) {
        let outcome = compute(&s).expect("computes");
        let buy = &outcome.models[0];
        let (low, high) = (a.min(b), a.max(b));
        prop_assert!(buy.cost_at(low).expect("cost") <= buy.cost_at(high).expect("cost"));
    }

    #[test]
    fn at_every_equal_cost_crossing_the_costs_agree_to_the_cent(s in scenario()) {
        let outcome = compute(&s).expect("computes");
        for pair in &outcome.break_evens {
            let (a, b) = (&outcome.models[pair.a.index()], &outcome.models[pair.b.index()]);
            for crossing in &pair.crossings {
                let (ca, cb) = (a.cost_at(crossing.volume).expect("cost"), b.cost_at(crossing.volume).expect("cost"));
                if crossing.kind == CrossingKind::Equal {
                    prop_assert!(to_the_cent(ca, cb), "{:?}/{:?} at {}: {ca} vs {cb}", pair.a, pair.b, crossing.volume);
                }
            }
        }
    }

    #[test]
    fn instances_always_serve_the_peak(s in scenario(), v in volume()) {
        let outcome = compute(&s).expect("computes");
        for model in &outcome.models {
            if let Instances::Stair(stair) = &model.instances {
                let n = stair.instances(v).expect("count");
                let planned = stair.capacity.planned.expect("a stair has a capacity");
                let demand = v * stair.peak * stair.traffic_share;
                // Allow for the last digit of a 28-digit division.
                prop_assert!(n * planned >= demand - Decimal::new(1, 6), "{n} × {planned} < {demand}");
                prop_assert!(n >= stair.min);
            }
        }
    }

    /// No crossing is missed: on a grid of volumes, the cheaper option is the one the reported
    /// crossings say.
    #[test]
    fn the_crossings_explain_which_option_is_cheaper_everywhere(s in scenario()) {
        let outcome = compute(&s).expect("computes");
        let (lo, hi) = outcome.range;
        for pair in outcome.break_evens.iter().filter(|p| !p.truncated) {
            let (a, b) = (&outcome.models[pair.a.index()], &outcome.models[pair.b.index()]);
            let mut v = lo;
            while v <= hi {
                let d = a.cost_at(v).expect("cost") - b.cost_at(v).expect("cost");
                let last_below = pair.crossings.iter().rev().find(|c| c.volume < v);
                let expected = match (last_below, pair.crossings.first()) {
                    (Some(c), _) => Some(c.cheaper_above),
                    (None, Some(first)) if first.volume > v => Some(if first.cheaper_above == pair.a { pair.b } else { pair.a }),
                    (None, _) => pair.cheaper_at_top,
                };
                let actual = match d.cmp(&Decimal::ZERO) {
                    std::cmp::Ordering::Less => Some(pair.a),
                    std::cmp::Ordering::Greater => Some(pair.b),
                    std::cmp::Ordering::Equal => None,
                };
                if actual.is_some() && pair.crossings.iter().all(|c| c.volume != v) {
                    prop_assert_eq!(
                        actual, expected,
                        "{:?}/{:?} at {} (d = {}), crossings {:?}, range {:?}\na: {} {} {} {:?}\nb: {} {} {} {:?}",
                        pair.a, pair.b, v, d, pair.crossings, outcome.range,
                        a.slope, a.fixed, a.step, a.instances, b.slope, b.fixed, b.step, b.instances
                    );
                }
                v *= Decimal::new(13, 1);
            }
        }
    }
}
