//! Where two options' monthly costs cross, found exactly rather than read off sampled curves.
//!
//! Between two consecutive instance steps of either option, the difference of two costs is a
//! straight line, so each crossing is either a volume where the costs are equal (the root of
//! that line) or a step at which the cheaper option flips. To avoid visiting every step of a
//! long staircase, the search first bounds the difference by straight lines (an instance count
//! `ceil(v / w)` lies in `[v / w, v / w + 1)`) and only walks the steps where the bounds allow a
//! change of sign.

use rust_decimal::Decimal;
use serde::Serialize;

use super::cost_model::{CostModel, Instances, Stair};
use crate::error::{AtField, ComputeError};
use crate::phase::Phase;
use crate::units::{add, div, mul, negated, sub};

/// Most crossings reported for one pair; costs that keep trading places are summarised.
const MAX_CROSSINGS: usize = 32;
/// Most steps walked for one pair.
const MAX_STEPS: usize = 1_000;

/// How two costs cross.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CrossingKind {
    /// The costs are equal at this volume (to the cent and beyond).
    Equal,
    /// One option adds an instance at this volume and the other becomes cheaper from there.
    Step,
}

/// One change of the cheaper option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crossing {
    /// Equal costs, or a step.
    pub kind: CrossingKind,
    /// The monthly volume, tokens, exact.
    pub volume: Decimal,
    /// The option that is cheaper just above this volume.
    pub cheaper_above: Phase,
}

/// The crossings of two options over the plotted range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairBreakEven {
    /// The first option.
    pub a: Phase,
    /// The second option.
    pub b: Phase,
    /// Every change of the cheaper option, by rising volume.
    pub crossings: Vec<Crossing>,
    /// Whether the costs trade places more often than reported.
    pub truncated: bool,
    /// The option cheaper at the top of the range; `None` when they cost the same there.
    pub cheaper_at_top: Option<Phase>,
}

impl PairBreakEven {
    /// The volume above which [`Self::cheaper_at_top`] stays cheaper: the last crossing, or
    /// `None` when it is cheaper across the whole range.
    #[must_use]
    pub fn stays_cheaper_above(&self) -> Option<Decimal> {
        self.crossings.last().map(|c| c.volume)
    }
}

/// A staircase as the search sees it: price per instance signed by the option it belongs to.
struct SignedStair<'a> {
    stair: &'a Stair,
    /// Whose it is: 0 for the first option, 1 for the second.
    side: usize,
    signed_step: Decimal,
    /// The volume up to which the minimum count holds.
    kink: Decimal,
}

/// Each option's instances at `volume`: counted once a step of the search, and shared by
/// everything it works out there.
fn counts(a: &CostModel, b: &CostModel, volume: Decimal) -> Result<[Decimal; 2], ComputeError> {
    Ok([a.instances_at(volume)?, b.instances_at(volume)?])
}

/// The difference `a − b` at `volume` with the instance counts at that volume.
fn difference(a: &CostModel, b: &CostModel, volume: Decimal) -> Result<Decimal, ComputeError> {
    difference_with(a, b, volume, counts(a, b, volume)?)
}

/// The difference `a − b` at `volume` with `counts` instances running.
fn difference_with(
    a: &CostModel,
    b: &CostModel,
    volume: Decimal,
    [ka, kb]: [Decimal; 2],
) -> Result<Decimal, ComputeError> {
    sub(
        a.cost_with(volume, ka)?,
        b.cost_with(volume, kb)?,
        "cost − cost",
    )
    .at("break-even")
}

/// The smallest multiple of the stair's width above `volume` at which its count goes up, `k`
/// being its count at `volume`.
fn next_step(s: &SignedStair<'_>, volume: Decimal, k: Decimal) -> Result<Decimal, ComputeError> {
    if volume < s.kink {
        return Ok(s.kink);
    }
    let at = mul(k, s.stair.width, "instances × width").at("break-even")?;
    if at > volume {
        Ok(at)
    } else {
        let next = add(k, Decimal::ONE, "instances + 1").at("break-even")?;
        mul(next, s.stair.width, "instances × width").at("break-even")
    }
}

/// The sub-ranges of `[lo, hi]` where the difference may change sign, by bounding it with
/// straight lines on each side of the stairs' kinks.
fn windows(
    a: &CostModel,
    b: &CostModel,
    stairs: &[SignedStair<'_>],
    lo: Decimal,
    hi: Decimal,
) -> Result<Vec<(Decimal, Decimal)>, ComputeError> {
    let path = "break-even";
    let mut cuts: Vec<Decimal> = stairs
        .iter()
        .map(|s| s.kink)
        .chain(a.kinks()?)
        .chain(b.kinks()?)
        .filter(|k| *k > lo && *k < hi)
        .collect();
    cuts.push(lo);
    cuts.push(hi);
    cuts.sort();
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        // Between two cuts every line with a least is on one side of its kink: straight.
        let (slope, base) = straight(a, b, to)?;
        let (mut lambda, mut mu, mut plus, mut minus, mut widest) =
            (slope, base, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for s in stairs {
            if to <= s.kink {
                let floor = mul(s.signed_step, s.stair.min, "step × minimum").at(path)?;
                mu = add(mu, floor, "adding floors").at(path)?;
            } else {
                let per_token = div(s.signed_step, s.stair.width, "step ÷ width").at(path)?;
                lambda = add(lambda, per_token, "adding slopes").at(path)?;
                if s.signed_step > Decimal::ZERO {
                    plus = add(plus, s.signed_step, "adding steps").at(path)?;
                } else {
                    minus = sub(minus, s.signed_step, "adding steps").at(path)?;
                }
                widest = widest.max(s.stair.width);
            }
        }
        // D lies in [L − minus, L + plus] with L(v) = lambda·v + mu: a zero needs
        // −plus ≤ L(v) ≤ minus.
        let (start, end) = if lambda.is_zero() {
            if mu >= negated(plus) && mu <= minus {
                (from, to)
            } else {
                continue;
            }
        } else {
            let x = div(
                sub(negated(plus), mu, "bound").at(path)?,
                lambda,
                "bound ÷ slope",
            )
            .at(path)?;
            let y = div(sub(minus, mu, "bound").at(path)?, lambda, "bound ÷ slope").at(path)?;
            (x.min(y), x.max(y))
        };
        // Widen by a step and a token each side: the bounds were divided, and may be off in
        // their last digit.
        let margin = add(widest, Decimal::ONE, "window").at(path)?;
        let start = sub(start, margin, "window").at(path)?.max(from);
        let end = add(end, margin, "window").at(path)?.min(to);
        if start <= end {
            out.push((start, end));
        }
    }
    Ok(out)
}

/// The cost that neither tokens nor a staircase explain, `fixed` a month with the model's
/// fixed instances added.
fn fixed_part(model: &CostModel, fixed: Decimal) -> Result<Decimal, ComputeError> {
    match &model.instances {
        Instances::Fixed(n) => add(
            fixed,
            mul(model.step, *n, "step × instances").at("break-even")?,
            "fixed",
        )
        .at("break-even"),
        _ => Ok(fixed),
    }
}

/// The slope and the fixed part of `a − b` on an interval ending at `to` that straddles no
/// kink of a line with a least.
fn straight(a: &CostModel, b: &CostModel, to: Decimal) -> Result<(Decimal, Decimal), ComputeError> {
    let path = "break-even";
    let (slope_a, fixed_a) = a.line_to(to)?;
    let (slope_b, fixed_b) = b.line_to(to)?;
    Ok((
        sub(slope_a, slope_b, "slope − slope").at(path)?,
        sub(
            fixed_part(a, fixed_a)?,
            fixed_part(b, fixed_b)?,
            "fixed − fixed",
        )
        .at(path)?,
    ))
}

fn cheaper(a: &CostModel, b: &CostModel, difference: Decimal) -> Option<Phase> {
    match difference.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Less => Some(a.phase),
        std::cmp::Ordering::Greater => Some(b.phase),
        std::cmp::Ordering::Equal => None,
    }
}

/// Every crossing of `a` and `b` between `lo` and `hi` tokens a month.
pub fn break_even(
    a: &CostModel,
    b: &CostModel,
    lo: Decimal,
    hi: Decimal,
) -> Result<PairBreakEven, ComputeError> {
    let path = "break-even";
    let mut stairs = Vec::new();
    for (side, (model, sign)) in [(a, Decimal::ONE), (b, Decimal::NEGATIVE_ONE)]
        .into_iter()
        .enumerate()
    {
        if let Instances::Stair(stair) = &model.instances {
            let kink = mul(stair.min, stair.width, "minimum × width").at(path)?;
            stairs.push(SignedStair {
                stair,
                side,
                signed_step: mul(model.step, sign, "sign").at(path)?,
                kink,
            });
        }
    }
    let mut kinks: Vec<Decimal> = a.kinks()?;
    kinks.extend(b.kinks()?);
    let mut crossings: Vec<Crossing> = Vec::new();
    let mut truncated = false;
    let mut walked: usize = 0;
    'windows: for (start, end) in windows(a, b, &stairs, lo, hi)? {
        let mut from = start;
        let mut at_from = counts(a, b, from)?;
        loop {
            let mut to = end;
            for s in &stairs {
                to = to.min(next_step(s, from, at_from[s.side])?);
            }
            for kink in kinks.iter().filter(|k| **k > from) {
                to = to.min(*kink);
            }
            // On (from, to] the counts are those at `to`, no least's kink lies inside, and the
            // difference is a line.
            let (slope, _) = straight(a, b, to)?;
            let counted = counts(a, b, to)?;
            let at_to = difference_with(a, b, to, counted)?;
            let intercept = sub(
                at_to,
                mul(slope, to, "slope × volume").at(path)?,
                "intercept",
            )
            .at(path)?;
            if !slope.is_zero() {
                let root = div(negated(intercept), slope, "break-even volume").at(path)?;
                // A window's first interval includes its start; later ones begin at a step,
                // judged with the interval before.
                let after_from = root > from || (root == from && from == start);
                // A root exactly on a step is judged with the step below.
                let before_to = root < to || (root == to && to >= end);
                if after_from && before_to {
                    let above = if slope > Decimal::ZERO {
                        b.phase
                    } else {
                        a.phase
                    };
                    crossings.push(Crossing {
                        kind: CrossingKind::Equal,
                        volume: root,
                        cheaper_above: above,
                    });
                }
            }
            crossings.extend(step_at(a, b, to, (at_to, slope), counted)?);
            if to >= end {
                break;
            }
            if crossings.len() >= MAX_CROSSINGS {
                truncated = true;
                break 'windows;
            }
            walked = walked.saturating_add(1);
            if walked >= MAX_STEPS {
                truncated = true;
                break 'windows;
            }
            from = to;
            at_from = counted;
        }
    }
    // A kink (where a minimum count gives way to the staircase) bounds the windows' line
    // bounds, so a flip exactly there is checked on its own.
    for stair in &stairs {
        if stair.kink > lo && stair.kink < hi && !truncated {
            let counted = counts(a, b, stair.kink)?;
            let at = difference_with(a, b, stair.kink, counted)?;
            let (slope, _) = straight(a, b, stair.kink)?;
            crossings.extend(step_at(a, b, stair.kink, (at, slope), counted)?);
        }
    }
    crossings.sort_by_key(|c| c.volume);
    crossings.dedup_by(|x, y| x.volume == y.volume);
    let mut crossings = judged_at_kinks(a, b, &kinks, crossings)?;
    drop_flickers(&mut crossings);
    let cheaper_at_top = cheaper(a, b, difference(a, b, hi)?);
    Ok(PairBreakEven {
        a: a.phase,
        b: b.phase,
        crossings,
        truncated,
        cheaper_at_top,
    })
}

/// Equal costs exactly at a least's kink are a crossing only if the cheaper option is not the
/// same on both sides: the slopes below and above the kink say which is cheaper on each.
fn judged_at_kinks(
    a: &CostModel,
    b: &CostModel,
    kinks: &[Decimal],
    crossings: Vec<Crossing>,
) -> Result<Vec<Crossing>, ComputeError> {
    let mut kept = Vec::with_capacity(crossings.len());
    for mut crossing in crossings {
        if crossing.kind == CrossingKind::Equal && kinks.contains(&crossing.volume) {
            let (below, _) = straight(a, b, crossing.volume)?;
            let above_at = add(crossing.volume, Decimal::ONE, "a token above").at("break-even")?;
            let (above, _) = straight(a, b, above_at)?;
            // Below the kink a − b has the sign of −below; above it, of +above.
            let rises = below > Decimal::ZERO && above > Decimal::ZERO;
            let falls = below < Decimal::ZERO && above < Decimal::ZERO;
            if !(rises || falls) {
                continue;
            }
            crossing.cheaper_above = if rises { b.phase } else { a.phase };
        }
        kept.push(crossing);
    }
    Ok(kept)
}

/// Removes a flip and its flip back less than a token apart: two steps that coincide but whose
/// edges differ in their 28th digit.
fn drop_flickers(crossings: &mut Vec<Crossing>) {
    let mut kept: Vec<Crossing> = Vec::with_capacity(crossings.len());
    for crossing in crossings.drain(..) {
        match kept.last() {
            // Sorted by volume, so a gap too large to subtract is far more than a token.
            Some(last)
                if crossing
                    .volume
                    .checked_sub(last.volume)
                    .is_some_and(|gap| gap < Decimal::ONE) =>
            {
                if last.cheaper_above == crossing.cheaper_above {
                    kept.pop();
                    kept.push(crossing);
                } else {
                    kept.pop();
                }
            }
            _ => kept.push(crossing),
        }
    }
    *crossings = kept;
}

/// The crossing at `volume` if one option adds an instance there and the cheaper option flips:
/// `at` is the difference there and `slope` its slope below, with `counts` instances running.
fn step_at(
    a: &CostModel,
    b: &CostModel,
    volume: Decimal,
    (at, slope): (Decimal, Decimal),
    counts: [Decimal; 2],
) -> Result<Option<Crossing>, ComputeError> {
    let just_above = difference_above(a, b, volume, at, counts)?;
    if just_above == at {
        return Ok(None);
    }
    let before = if at.is_zero() { negated(slope) } else { at };
    let flips = (before > Decimal::ZERO && just_above < Decimal::ZERO)
        || (before < Decimal::ZERO && just_above > Decimal::ZERO);
    if !flips {
        return Ok(None);
    }
    let kind = if at.is_zero() {
        CrossingKind::Equal
    } else {
        CrossingKind::Step
    };
    let cheaper_above = cheaper(a, b, just_above).unwrap_or(a.phase);
    Ok(Some(Crossing {
        kind,
        volume,
        cheaper_above,
    }))
}

/// The difference just above a step at `volume`, `at` there with `counts` instances: each
/// stair that steps there has one more instance.
fn difference_above(
    a: &CostModel,
    b: &CostModel,
    volume: Decimal,
    at: Decimal,
    counts: [Decimal; 2],
) -> Result<Decimal, ComputeError> {
    let path = "break-even";
    let mut d = at;
    for ((model, sign), now) in [(a, Decimal::ONE), (b, Decimal::NEGATIVE_ONE)]
        .into_iter()
        .zip(counts)
    {
        if let Instances::Stair(stair) = &model.instances {
            let above = stair.just_above(now, volume)?;
            if above > now {
                let extra = mul(model.step, sub(above, now, "count").at(path)?, "step").at(path)?;
                d = add(d, mul(extra, sign, "sign").at(path)?, "step").at(path)?;
            }
        }
    }
    Ok(d)
}

/// The option cheapest at the top of the range, and the volume above which it stays cheapest
/// against every other option (`None`: across the whole range).
pub fn cheapest_above(
    models: &[CostModel],
    pairs: &[PairBreakEven],
    hi: Decimal,
) -> Result<(Phase, Option<Decimal>), ComputeError> {
    let mut best: Option<(Phase, Decimal)> = None;
    for model in models {
        let cost = model.cost_at(hi)?;
        if best.is_none_or(|(_, c)| cost < c) {
            best = Some((model.phase, cost));
        }
    }
    let phase = best.map_or(Phase::Buy, |(p, _)| p);
    let volume = pairs
        .iter()
        .filter(|p| p.a == phase || p.b == phase)
        .filter_map(PairBreakEven::stays_cheaper_above)
        .max();
    Ok((phase, volume))
}
