//! Plot samples: each option's monthly cost on a logarithmic grid of volumes, as `f64`,
//! computed from the exact model. Steps of a staircase get a point on each side, so the curve
//! shows them as steps rather than slopes.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use super::Phase;
use super::cost_model::{CostModel, Instances};
use crate::scenario::Limits;

/// Points on a log axis across the range.
const GRID_POINTS: usize = 241;
/// Staircases with more steps than this in range are drawn from the grid alone.
const MAX_STEP_POINTS: usize = 400;
const SMALLEST: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// One option's cost curve for plotting.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The option.
    pub phase: Phase,
    /// `[tokens a month, USD a month]`, by rising volume.
    pub points: Vec<[f64; 2]>,
}

fn power_of_ten_at_or_below(value: Decimal) -> Decimal {
    let mut power = Decimal::ONE;
    while let Some(next) = power.checked_mul(Decimal::TEN) {
        if next > value {
            break;
        }
        power = next;
    }
    power
}

/// The volumes plotted and searched for break-evens: three decades either side of `volume`,
/// on whole decades, from a million tokens up to the validation limit.
#[must_use]
pub fn plot_range(volume: Decimal) -> (Decimal, Decimal) {
    let thousand = Decimal::from(1000);
    if volume <= Decimal::ZERO {
        return (SMALLEST, Decimal::from(1_000_000_000_000_u64));
    }
    let lo = power_of_ten_at_or_below((volume / thousand).max(SMALLEST)).max(SMALLEST);
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
    (lo, hi.max(lo * Decimal::TEN))
}

/// The cost curves of `models` between `lo` and `hi` tokens a month.
#[must_use]
pub fn samples(models: &[CostModel], lo: Decimal, hi: Decimal) -> Vec<Curve> {
    let (Some(lo_f), Some(hi_f)) = (lo.to_f64(), hi.to_f64()) else {
        return Vec::new();
    };
    let ratio = (hi_f / lo_f).ln();
    let grid: Vec<Decimal> = (0..GRID_POINTS)
        .filter_map(|i| {
            #[expect(clippy::cast_precision_loss, reason = "a few hundred grid points")]
            let t = i as f64 / (GRID_POINTS - 1) as f64;
            Decimal::from_f64(lo_f * (ratio * t).exp())
        })
        .collect();
    models
        .iter()
        .map(|model| {
            let mut volumes = grid.clone();
            if let Instances::Stair(stair) = &model.instances {
                let first = stair.instances(lo).unwrap_or(stair.min);
                let last = stair.instances(hi).unwrap_or(first);
                if (last - first) <= Decimal::from(MAX_STEP_POINTS) {
                    let mut k = first;
                    while k <= last {
                        if let Some(edge) = k.checked_mul(stair.width) {
                            volumes.push(edge);
                            volumes.push(edge + (stair.width / Decimal::from(10_000)));
                        }
                        k += Decimal::ONE;
                    }
                }
            }
            volumes.retain(|v| *v >= lo && *v <= hi);
            volumes.sort();
            volumes.dedup();
            let points = volumes
                .iter()
                .filter_map(|v| Some([v.to_f64()?, model.cost_f64(*v)?]))
                .collect();
            Curve {
                phase: model.phase,
                points,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

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
