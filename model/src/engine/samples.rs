//! Plot samples: each option's monthly cost on a logarithmic grid of volumes, as `f64`,
//! computed from the exact model. Steps of a staircase get a point on each side, so the curve
//! shows them as steps rather than slopes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;

use super::cost_model::{CostModel, Instances};
use crate::phase::Phase;
use crate::scenario::Limits;

/// Points on a log axis across the range.
const GRID_POINTS: usize = 241;
/// Staircases with more steps than this in range are drawn from the grid alone.
const MAX_STEP_POINTS: usize = 400;
/// The smallest volume plotted: a million tokens a month.
pub(super) const SMALLEST: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// One option's cost curve for plotting.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The option.
    pub phase: Phase,
    /// `[tokens a month, USD a month]`, by rising volume.
    pub points: Vec<[f64; 2]>,
}

/// The largest power of ten at or below `value` (one for anything smaller).
pub(super) fn power_of_ten_at_or_below(value: Decimal) -> Decimal {
    let mut power = Decimal::ONE;
    while let Some(next) = power.checked_mul(Decimal::TEN) {
        if next > value {
            break;
        }
        power = next;
    }
    power
}

/// The volumes searched for break-evens (the cost chart plots the part that matters, see
/// [`super::view_range`]): three decades either side of `volume`,
/// on whole decades, from a million tokens up to the validation limit.
#[must_use]
pub fn plot_range(volume: Decimal) -> (Decimal, Decimal) {
    let thousand = Decimal::from(1000);
    if volume <= Decimal::ZERO {
        return (SMALLEST, Decimal::from(1_000_000_000_000_u64));
    }
    // A thousandth of a positive volume always exists; were it not to, the range would start at
    // the smallest volume plotted.
    let thousandth = volume.checked_div(thousand).unwrap_or(SMALLEST);
    let lo = power_of_ten_at_or_below(thousandth.max(SMALLEST)).max(SMALLEST);
    let top = volume
        .checked_mul(thousand)
        .unwrap_or(Limits::TOKENS_PER_MONTH)
        .min(Limits::TOKENS_PER_MONTH);
    let mut hi = power_of_ten_at_or_below(top);
    if hi < top {
        hi = hi
            .checked_mul(Decimal::TEN)
            .unwrap_or(hi)
            .min(Limits::TOKENS_PER_MONTH);
    }
    (lo, hi.max(lo.checked_mul(Decimal::TEN).unwrap_or(lo)))
}

/// A cost model's parameters as `f64`, taken from the exact model, to sample a curve fast.
struct Sampler {
    slope: f64,
    fixed: f64,
    step: f64,
    /// Instances: none, a fixed number, or a staircase of `width` with a minimum.
    stair: Option<(f64, f64)>,
    fixed_instances: f64,
    /// Lines with a least: price per token, the least, their fixed amount and the price per
    /// token of the lines they top up.
    floors: Vec<(f64, f64, f64, f64)>,
}

impl Sampler {
    fn new(model: &CostModel) -> Option<Self> {
        let (stair, fixed_instances) = match &model.instances {
            Instances::None => (None, 0.0),
            Instances::Fixed(n) => (None, n.to_f64()?),
            Instances::Stair(s) => (Some((s.width.to_f64()?, s.min.to_f64()?)), 0.0),
        };
        let floors = model
            .floored
            .iter()
            .map(|l| {
                Some((
                    l.per_token.to_f64()?,
                    l.least.unwrap_or_default().to_f64()?,
                    l.fixed.to_f64()?,
                    l.tops_up.to_f64()?,
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            slope: model.slope.to_f64()?,
            fixed: model.fixed.to_f64()?,
            step: model.step.to_f64()?,
            stair,
            fixed_instances,
            floors,
        })
    }

    fn cost(&self, volume: f64) -> f64 {
        let instances = match self.stair {
            Some((width, min)) => (volume / width).ceil().max(min),
            None => self.fixed_instances,
        };
        let floored: f64 = self
            .floors
            .iter()
            .map(|(per_token, least, fixed, tops_up)| {
                let own = per_token * volume;
                own + (least - own - tops_up * volume).max(0.0) + fixed
            })
            .sum();
        self.slope.mul_add(volume, self.fixed) + self.step * instances + floored
    }
}

/// The cost curves of `models` between `lo` and `hi` tokens a month: a log grid, plus a point
/// each side of every step where the staircase has few enough steps to draw.
#[must_use]
pub fn samples(models: &[CostModel], lo: Decimal, hi: Decimal) -> Vec<Curve> {
    let (Some(lo_f), Some(hi_f)) = (lo.to_f64(), hi.to_f64()) else {
        return Vec::new();
    };
    let ratio = (hi_f / lo_f).ln();
    let grid: Vec<f64> = (0..GRID_POINTS)
        .map(|i| {
            #[expect(clippy::cast_precision_loss, reason = "a few hundred grid points")]
            let t = i as f64 / (GRID_POINTS - 1) as f64;
            // Clamped: rounding may put the last point a hair beyond `hi`, where it would be
            // dropped and the curve stop short of the axis's end.
            (lo_f * (ratio * t).exp()).clamp(lo_f, hi_f)
        })
        .collect();
    models
        .iter()
        .filter_map(|model| {
            let sampler = Sampler::new(model)?;
            let mut volumes = grid.clone();
            if let Instances::Stair(stair) = &model.instances {
                let first = stair.instances(lo).unwrap_or(stair.min);
                let last = stair.instances(hi).unwrap_or(first);
                let steps = last.checked_sub(first);
                if steps.is_some_and(|n| n <= Decimal::from(MAX_STEP_POINTS)) {
                    let counts =
                        std::iter::successors(Some(first), |k| k.checked_add(Decimal::ONE));
                    for k in counts.take_while(|k| *k <= last) {
                        // The edges come from the exact model: k × width.
                        if let Some(edge) = k.checked_mul(stair.width).and_then(|e| e.to_f64()) {
                            volumes.push(edge * (1.0 - 1e-9));
                            volumes.push(edge * (1.0 + 1e-9));
                        }
                    }
                }
            }
            volumes.retain(|v| *v >= lo_f && *v <= hi_f);
            volumes.sort_by(f64::total_cmp);
            volumes.dedup();
            let points = volumes.iter().map(|v| [*v, sampler.cost(*v)]).collect();
            Some(Curve {
                phase: model.phase,
                points,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn samples_follow_the_exact_costs() {
        let scenario = crate::scenario::Scenario::embedded_default();
        let outcome = crate::engine::compute(&scenario).expect("computes");
        for curve in samples(&outcome.models, outcome.range.0, outcome.range.1) {
            let model = &outcome.models[curve.phase.index()];
            for [v, cost] in curve.points.iter().step_by(17) {
                let exact = model
                    .cost_f64(Decimal::from_f64_retain(*v).expect("a volume"))
                    .expect("a cost");
                assert!(
                    (cost - exact).abs() <= exact.abs() * 1e-9 + 1e-6,
                    "{:?} at {v}: {cost} vs {exact}",
                    curve.phase
                );
            }
        }
    }

    #[test]
    fn every_curve_runs_from_one_end_of_the_range_to_the_other() {
        let scenario = crate::scenario::Scenario::embedded_default();
        let outcome = crate::engine::compute(&scenario).expect("computes");
        for (lo, hi) in [
            (dec!(20_000_000), dec!(500_000_000_000)),
            (dec!(100_000_000), dec!(1_000_000_000_000)),
            (dec!(1_000_000), dec!(7_777_777_777)),
        ] {
            for curve in samples(&outcome.models, lo, hi) {
                let (first, last) = (curve.points[0][0], curve.points[curve.points.len() - 1][0]);
                assert_eq!(Decimal::from_f64_retain(first).map(|d| d.round()), Some(lo));
                assert_eq!(Decimal::from_f64_retain(last).map(|d| d.round()), Some(hi));
            }
        }
    }

    #[test]
    fn the_range_spans_three_decades_each_side_on_whole_decades() {
        assert_eq!(
            plot_range(dec!(1_000_000_000)),
            (dec!(1_000_000), dec!(1_000_000_000_000))
        );
        assert_eq!(
            plot_range(dec!(4_766_600_000)),
            (dec!(1_000_000), dec!(10_000_000_000_000))
        );
        assert_eq!(plot_range(dec!(100)), (dec!(1_000_000), dec!(10_000_000)));
        assert_eq!(plot_range(Decimal::ZERO).0, dec!(1_000_000));
        let (_, top) = plot_range(Limits::TOKENS_PER_MONTH);
        assert_eq!(top, Limits::TOKENS_PER_MONTH);
    }
}
