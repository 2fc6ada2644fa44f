//! What a cost chart shows: the options on it, the volumes that matter for them, each option's
//! curve across those volumes and where the options shown break even. The window and the export
//! draw the same [`CostChart`], so a slide matches the screen.

use rust_decimal::Decimal;

use super::break_even::CrossingKind;
use super::outcome::Outcome;
use super::samples::{Curve, SMALLEST, power_of_ten_at_or_below, samples};
use crate::phase::Phase;
use crate::scenario::Limits;

/// The options a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shown([bool; 4]);

impl Shown {
    /// Every option.
    pub const ALL: Self = Self([true; 4]);

    /// Every option but those `left_out` says to leave out: a chart's default leaves out the
    /// options the recommendation ruled out, whose costs (Pretrain's millions) would squash the
    /// others' curves.
    #[must_use]
    pub fn all_but(left_out: impl Fn(Phase) -> bool) -> Self {
        Self(Phase::ALL.map(|p| !left_out(p)))
    }

    /// Whether `phase` is shown.
    #[must_use]
    pub const fn contains(self, phase: Phase) -> bool {
        self.0[phase.index()]
    }

    /// The same set with `phase` shown or not.
    #[must_use]
    pub const fn with(mut self, phase: Phase, shown: bool) -> Self {
        self.0[phase.index()] = shown;
        self
    }

    /// The options shown, in [`Phase::ALL`] order.
    pub fn phases(self) -> impl Iterator<Item = Phase> {
        Phase::ALL.into_iter().filter(move |p| self.contains(*p))
    }
}

/// What a user chose to show or hide in a chart's legend, over the chart's default: kept apart
/// from the default so an option ruled out later is left out unless the user showed it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShownChoices([Option<bool>; 4]);

impl ShownChoices {
    /// Records that the user showed (`true`) or hid `phase`.
    pub const fn choose(&mut self, phase: Phase, shown: bool) {
        self.0[phase.index()] = Some(shown);
    }

    /// `default` with the user's choices over it.
    #[must_use]
    pub fn over(self, default: Shown) -> Shown {
        Phase::ALL
            .into_iter()
            .fold(default, |shown, p| match self.0[p.index()] {
                Some(choice) => shown.with(p, choice),
                None => shown,
            })
    }
}

/// Where two options shown break even, at the first one's cost there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossingMark {
    /// The first option of the pair.
    pub a: Phase,
    /// The second option.
    pub b: Phase,
    /// The monthly volume, tokens, exact.
    pub volume: Decimal,
    /// The first option's monthly cost at that volume.
    pub cost: Decimal,
    /// Equal costs, or a step at which the cheaper option flips.
    pub kind: CrossingKind,
}

/// A cost chart as drawn: the options shown, the volumes plotted, every option's curve across
/// them (a window's legend lists the hidden ones too, to show them again) and the crossings of
/// the options shown.
#[derive(Clone, Debug, PartialEq)]
pub struct CostChart {
    /// The options on the chart.
    pub shown: Shown,
    /// The volumes plotted, tokens a month: see [`view_range`].
    pub range: (Decimal, Decimal),
    /// Each option's monthly cost across `range`, shown or not, in [`Phase::ALL`] order.
    pub curves: Vec<Curve>,
    /// The crossings of each pair of options shown, by pair and rising volume.
    pub crossings: Vec<CrossingMark>,
}

impl CostChart {
    /// The curves of the options shown.
    pub fn shown_curves(&self) -> impl Iterator<Item = &Curve> {
        self.curves.iter().filter(|c| self.shown.contains(c.phase))
    }
}

/// The cost chart of `outcome` showing `shown`.
#[must_use]
pub fn cost_chart(outcome: &Outcome, shown: Shown) -> CostChart {
    let crossings: Vec<CrossingMark> = outcome
        .break_evens
        .iter()
        .filter(|pair| shown.contains(pair.a) && shown.contains(pair.b))
        .flat_map(|pair| {
            pair.crossings.iter().filter_map(|crossing| {
                Some(CrossingMark {
                    a: pair.a,
                    b: pair.b,
                    volume: crossing.volume,
                    cost: outcome.models[pair.a.index()]
                        .cost_at(crossing.volume)
                        .ok()?,
                    kind: crossing.kind,
                })
            })
        })
        .collect();
    let volumes: Vec<Decimal> = std::iter::once(outcome.volume)
        .chain(crossings.iter().map(|c| c.volume))
        .collect();
    let range = view_range(&volumes, outcome.range);
    CostChart {
        shown,
        range,
        curves: samples(&outcome.models, range.0, range.1),
        crossings,
    }
}

/// The volumes a cost chart plots: from a decade below the smallest of `volumes` (the user's
/// volume and the crossings) to a decade above the largest, widened to the nearest 1, 2 or 5
/// times a power of ten so the axis starts and ends on round figures. Volumes of zero or less
/// are left out; with none left, `fallback` (the searched range). Never below a million tokens
/// or above the validation limit, and always at least a decade wide.
#[must_use]
pub fn view_range(volumes: &[Decimal], fallback: (Decimal, Decimal)) -> (Decimal, Decimal) {
    let positive = || volumes.iter().copied().filter(|v| *v > Decimal::ZERO);
    let (Some(smallest), Some(largest)) = (positive().min(), positive().max()) else {
        return fallback;
    };
    let top = Limits::TOKENS_PER_MONTH;
    // Dividing by ten always exists; multiplying may not, and is then beyond the limit.
    let highest_start = top.checked_div(Decimal::TEN).unwrap_or(top);
    let lo = round_down(smallest.checked_div(Decimal::TEN).unwrap_or(SMALLEST))
        .clamp(SMALLEST, highest_start);
    let hi = largest.checked_mul(Decimal::TEN).map_or(top, round_up);
    // `lo` is at most a tenth of the limit, so a decade above it is within the limit.
    let decade_above = lo.checked_mul(Decimal::TEN).unwrap_or(top);
    (lo, hi.clamp(decade_above, top))
}

/// The round figures an axis may start or end on, between `power` and ten times it.
fn round_figures(power: Decimal) -> impl Iterator<Item = Decimal> {
    [1_u32, 2, 5, 10]
        .into_iter()
        .filter_map(move |m| power.checked_mul(Decimal::from(m)))
}

/// The largest of 1, 2 or 5 times a power of ten at or below `value`.
fn round_down(value: Decimal) -> Decimal {
    let power = power_of_ten_at_or_below(value);
    round_figures(power)
        .filter(|r| *r <= value)
        .max()
        .unwrap_or(power)
}

/// The smallest of 1, 2 or 5 times a power of ten at or above `value`.
fn round_up(value: Decimal) -> Decimal {
    let power = power_of_ten_at_or_below(value);
    round_figures(power)
        .filter(|r| *r >= value)
        .min()
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use crate::scenario::from_ron_str;
    use rust_decimal::dec;

    const LEGAL_TECH: &str = include_str!("../../../scenarios/seed000-legal-tech.ron");

    fn decades(range: (Decimal, Decimal)) -> f64 {
        use rust_decimal::prelude::ToPrimitive as _;
        let (lo, hi) = (range.0.to_f64().unwrap(), range.1.to_f64().unwrap());
        (hi / lo).log10()
    }

    #[test]
    fn the_range_is_a_decade_beyond_the_volumes_on_round_figures() {
        let fallback = (dec!(1), dec!(2));
        assert_eq!(
            view_range(
                &[dec!(344_031_556), dec!(14e9), dec!(22_148_784_000)],
                fallback
            ),
            (dec!(20_000_000), dec!(500_000_000_000))
        );
        assert_eq!(
            view_range(&[dec!(1e9)], fallback),
            (dec!(100_000_000), dec!(10_000_000_000))
        );
        assert_eq!(
            view_range(&[dec!(4.5e9), dec!(0), dec!(-3)], fallback),
            (dec!(200_000_000), dec!(50_000_000_000))
        );
        assert_eq!(view_range(&[Decimal::ZERO], fallback), fallback);
        assert_eq!(view_range(&[], fallback), fallback);
    }

    #[test]
    fn the_range_stays_inside_what_a_scenario_may_hold_and_a_decade_wide() {
        let fallback = (dec!(1), dec!(2));
        assert_eq!(
            view_range(&[dec!(100)], fallback),
            (SMALLEST, dec!(10_000_000))
        );
        assert_eq!(
            view_range(&[Limits::TOKENS_PER_MONTH], fallback),
            (dec!(1e15), Limits::TOKENS_PER_MONTH)
        );
        assert_eq!(
            view_range(&[Decimal::MAX], fallback),
            (dec!(1e15), Limits::TOKENS_PER_MONTH)
        );
    }

    #[test]
    fn the_legal_tech_chart_brackets_its_volume_and_crossings_and_is_narrower_than_the_search() {
        let scenario = from_ron_str(LEGAL_TECH).unwrap();
        let outcome = compute(&scenario).unwrap();
        let on_the_table = Shown::ALL.with(Phase::Pretrain, false);
        let chart = cost_chart(&outcome, on_the_table);
        let (lo, hi) = chart.range;
        assert!(lo * dec!(10) <= outcome.volume && outcome.volume * dec!(10) <= hi);
        assert_eq!(chart.crossings.len(), 2, "{:?}", chart.crossings);
        for mark in &chart.crossings {
            assert!(lo * dec!(10) <= mark.volume && mark.volume * dec!(10) <= hi);
            assert!(mark.a != Phase::Pretrain && mark.b != Phase::Pretrain);
        }
        // The old axis: 10M to 100T, seven decades; this one, 20M to 200B: a decade below the
        // 344M crossing and above the 14B volume, on 1-2-5 figures.
        assert_eq!(outcome.range, (dec!(10_000_000), dec!(100_000_000_000_000)));
        assert!(decades(chart.range) < 5.0, "{:?}", chart.range);
        for curve in &chart.curves {
            let first = curve.points.first().unwrap()[0];
            let last = curve.points.last().unwrap()[0];
            assert!(
                (first - 2e7).abs() < 1.0 && (last - 2e11).abs() < 1.0,
                "{first} {last}"
            );
        }
        assert_eq!(
            chart.curves.len(),
            4,
            "hidden options keep a curve for the legend"
        );
        assert_eq!(chart.shown_curves().count(), 3);
    }

    #[test]
    fn showing_pretrain_adds_its_crossings_and_keeps_them_in_range() {
        let scenario = from_ron_str(LEGAL_TECH).unwrap();
        let outcome = compute(&scenario).unwrap();
        let chart = cost_chart(&outcome, Shown::ALL);
        let pretrain: Vec<_> = chart
            .crossings
            .iter()
            .filter(|m| m.b == Phase::Pretrain)
            .collect();
        assert_eq!(pretrain.len(), 3);
        for mark in pretrain {
            assert!(chart.range.0 < mark.volume && mark.volume < chart.range.1);
            assert_eq!(Some(mark.cost), outcome.models[0].cost_at(mark.volume).ok());
        }
    }

    #[test]
    fn a_choice_overrides_the_default_and_no_choice_keeps_it() {
        let default = Shown::all_but(|p| p == Phase::Pretrain);
        let mut choices = ShownChoices::default();
        assert_eq!(choices.over(default), default);
        choices.choose(Phase::Pretrain, true);
        choices.choose(Phase::Buy, false);
        let shown = choices.over(default);
        assert!(shown.contains(Phase::Pretrain) && !shown.contains(Phase::Buy));
        assert_eq!(
            shown.phases().collect::<Vec<_>>(),
            [Phase::FineTune, Phase::SelfHost, Phase::Pretrain]
        );
    }
}
