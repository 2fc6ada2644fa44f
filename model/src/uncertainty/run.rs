//! The Monte Carlo: every ranged input sampled, the whole engine run on each sample, and what
//! the spread of outcomes says: percentiles of each option's figures, the chance each option is
//! cheapest and recommended, and which inputs the answer hangs on.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive as _;

use super::distribution::Triangle;
use super::rng::Rng;
use super::visit::{Uncertain, each_number};
use crate::decision::recommended_phase;
use crate::engine::{Outcome, compute_sample};
use crate::error::ComputeError;
use crate::phase::Phase;
use crate::scenario::Scenario;

/// Samples drawn when nothing else is asked and any input has a range.
pub const DEFAULT_SAMPLES: u32 = 10_000;

/// The seed used when none is given: runs repeat exactly unless the user asks otherwise.
pub const DEFAULT_SEED: u64 = 2026;

/// One input that carries a range.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranged {
    /// Its path in the file.
    pub path: String,
    /// Low end, value and high end, as floats.
    pub interval: [f64; 3],
    /// The distribution the range implies.
    pub triangle: Triangle,
}

/// The inputs of `scenario` that carry a range, in file order.
#[must_use]
pub fn ranged(scenario: &Scenario) -> Vec<Ranged> {
    let mut copy = scenario.clone();
    let mut out = Vec::new();
    each_number(&mut copy, &mut |path, value| {
        let Some(interval) = value.interval() else {
            return;
        };
        let [low, most, high] = interval;
        if let Some(triangle) = Triangle::from_interval(low, most, high) {
            out.push(Ranged {
                path: path.joined(),
                interval,
                triangle,
            });
        }
    });
    out
}

/// The 10th, 50th and 90th percentiles of a figure over the samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percentiles<T> {
    /// One sample in ten is at or below it.
    pub p10: T,
    /// The median.
    pub p50: T,
    /// Nine samples in ten are at or below it.
    pub p90: T,
}

/// One option's figures over the samples.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionSpread {
    /// The option.
    pub phase: Phase,
    /// Its monthly cost at the scenario's volume.
    pub monthly: Percentiles<Decimal>,
    /// Its cash over the horizon.
    pub horizon_cash: Percentiles<Decimal>,
    /// Its present value over the horizon.
    pub present_value: Percentiles<Decimal>,
    /// The month its cumulative cash meets Buy's; `None` where that sample has none in the
    /// horizon (counted as later than any month). Buy's is all `None`.
    pub payback_month: Percentiles<Option<u32>>,
}

/// Where two options cross, over the samples.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakEvenSpread {
    /// The two options.
    pub options: [Phase; 2],
    /// Percentiles of the first crossing's volume among the samples that have one; `None`
    /// when none has.
    pub volume: Option<Percentiles<Decimal>>,
    /// The share of samples with a crossing in the searched range (0 to 1).
    pub share_in_range: Decimal,
}

/// An input and the share of the spread it explains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Driver {
    /// Its path in the file.
    pub input: String,
    /// The share (0 to 1) of the spread of the cash difference between the two leading options
    /// it explains: its squared correlation with that difference, scaled so the shares add up
    /// to 1.
    pub share: Decimal,
}

/// The p10 to p90 band of each option at one point of a chart: a volume (cost by volume) or a
/// month (cash over time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// The volume, tokens a month, or the month.
    pub x: f64,
    /// Each option's 10th percentile, in [`Phase::ALL`] order.
    pub low: [f64; 4],
    /// Each option's 90th percentile.
    pub high: [f64; 4],
}

/// Volumes at which the cost band is drawn, log-spaced over the chart's range: few enough to
/// keep each sample cheap, enough for a band that follows the curves.
pub const BAND_POINTS: usize = 17;

/// What the Monte Carlo found.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    /// Samples drawn.
    pub samples: u32,
    /// The seed they were drawn with.
    pub seed: u64,
    /// The inputs sampled.
    pub inputs: Vec<String>,
    /// Each option's figures, in [`Phase::ALL`] order; the options left out of the scenario
    /// are not sampled.
    pub options: Vec<OptionSpread>,
    /// The chance (0 to 1) each option on the table costs least over the horizon.
    pub p_cheapest: Vec<(Phase, Decimal)>,
    /// The chance (0 to 1) each option is the one recommended.
    pub p_recommended: Vec<(Phase, Decimal)>,
    /// Each pair's crossing.
    pub break_evens: Vec<BreakEvenSpread>,
    /// The inputs the difference between the two leading options hangs on, largest share first.
    pub drivers: Vec<Driver>,
    /// The two options whose cash difference the drivers explain: the two most often cheapest.
    pub leading: [Phase; 2],
    /// The band of each option's monthly cost across the chart's volumes.
    pub cost_band: Vec<Band>,
    /// The band of each option's cumulative cash, month by month.
    pub cash_band: Vec<Band>,
    /// Each sample's cash difference over the horizon, the second leading option's less the
    /// first's, in ascending order: the distribution of the saving.
    pub saving: Vec<f64>,
}

impl Uncertainty {
    /// The chance (0 to 1) `phase` costs least over the horizon; 0 when it is not on the table.
    #[must_use]
    pub fn chance_cheapest(&self, phase: Phase) -> Decimal {
        chance_of(&self.p_cheapest, phase)
    }

    /// The chance (0 to 1) `phase` is the one recommended; 0 when it is not on the table.
    #[must_use]
    pub fn chance_recommended(&self, phase: Phase) -> Decimal {
        chance_of(&self.p_recommended, phase)
    }
}

fn chance_of(list: &[(Phase, Decimal)], phase: Phase) -> Decimal {
    list.iter()
        .find(|(p, _)| *p == phase)
        .map_or(Decimal::ZERO, |(_, p)| *p)
}

/// What one sample produced.
struct Sample {
    monthly: [Decimal; 4],
    cash: [Decimal; 4],
    present: [Decimal; 4],
    payback: [Option<u32>; 4],
    crossings: Vec<Option<Decimal>>,
    cheapest: Phase,
    recommended: Phase,
    /// Each option's monthly cost at the band's volumes.
    costs_at: Vec<[f64; 4]>,
    /// Each option's cumulative cash, month by month.
    cumulative: Vec<[f64; 4]>,
}

fn one(scenario: &Scenario, on_table: &[Phase], grid: &[Decimal]) -> Result<Sample, ComputeError> {
    use rust_decimal::prelude::ToPrimitive as _;
    let outcome: Outcome = compute_sample(scenario)?;
    let float = |d: Decimal| d.to_f64().unwrap_or(f64::NAN);
    let mut costs_at = Vec::with_capacity(grid.len());
    for volume in grid {
        let mut at = [f64::NAN; 4];
        for model in outcome
            .models
            .iter()
            .filter(|m| on_table.contains(&m.phase))
        {
            at[model.phase.index()] = float(model.cost_at(*volume)?);
        }
        costs_at.push(at);
    }
    // An option left out has no cash of its own in a sample: no band.
    let cumulative = outcome
        .horizon
        .months
        .iter()
        .map(|m| {
            let mut cash = [f64::NAN; 4];
            for p in on_table {
                cash[p.index()] = float(m.cumulative[p.index()]);
            }
            cash
        })
        .collect();
    let recommended = recommended_phase(scenario, &outcome)?;
    let h = &outcome.horizon;
    let mut payback = [None; 4];
    for p in &h.paybacks {
        payback[p.phase.index()] = p.month;
    }
    let cheapest = on_table
        .iter()
        .copied()
        .min_by_key(|p| h.totals[p.index()])
        .unwrap_or(Phase::Buy);
    Ok(Sample {
        monthly: outcome.costs.each_ref().map(|c| c.total),
        cash: h.totals,
        present: h.present_values,
        payback,
        crossings: outcome
            .break_evens
            .iter()
            .map(|pair| pair.crossings.first().map(|c| c.volume))
            .collect(),
        cheapest,
        recommended,
        costs_at,
        cumulative,
    })
}

/// `scenario` with each ranged input set to its draw in `values`, in the walk's order; with
/// `within`, each draw is first brought inside its range's ends.
fn drawn(scenario: &Scenario, values: &[f64], within: bool) -> Scenario {
    let mut sample = scenario.clone();
    let mut k = 0_usize;
    each_number(&mut sample, &mut |_, field: &mut dyn Uncertain| {
        if let Some([low, _, high]) = field.interval() {
            if let Some(x) = values.get(k) {
                field.set_sample(if within { x.clamp(low, high) } else { *x });
            }
            k = k.saturating_add(1);
        }
    });
    sample
}

/// `BAND_POINTS` volumes, log-spaced over the volumes `scenario`'s cost chart shows.
fn band_grid(scenario: &Scenario, today: NaiveDate) -> Vec<Decimal> {
    use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};
    let Ok(evaluation) = crate::evaluation::evaluate(scenario, today) else {
        return Vec::new();
    };
    let range = evaluation.chart.range;
    let (Some(lo), Some(hi)) = (range.0.to_f64(), range.1.to_f64()) else {
        return Vec::new();
    };
    if lo <= 0.0 || hi <= lo {
        return Vec::new();
    }
    let steps = f64::from(u32::try_from(BAND_POINTS).unwrap_or(2).saturating_sub(1));
    (0..BAND_POINTS)
        .filter_map(|i| {
            let t = f64::from(u32::try_from(i).ok()?) / steps;
            Decimal::from_f64(lo * (hi / lo).powf(t)).map(|v| v.round())
        })
        .collect()
}

/// The p10 and p90 of each option at each point, over the samples that have the point.
fn bands(xs: &[f64], per_sample: &[&Vec<[f64; 4]>]) -> Vec<Band> {
    let mut out = Vec::with_capacity(xs.len());
    for (k, x) in xs.iter().enumerate() {
        let mut low = [f64::NAN; 4];
        let mut high = [f64::NAN; 4];
        for option in 0..4 {
            let mut values: Vec<f64> = per_sample
                .iter()
                .filter_map(|s| s.get(k).map(|v| v[option]))
                .filter(|v| v.is_finite())
                .collect();
            // The value at each nearest rank, found without sorting the rest.
            let mut at = |p: f64| {
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    clippy::cast_precision_loss,
                    reason = "a rank among at most a few hundred thousand samples"
                )]
                let rank = (p * values.len() as f64).ceil() as usize;
                if values.is_empty() {
                    return f64::NAN;
                }
                let index = rank.saturating_sub(1).min(values.len().saturating_sub(1));
                *values.select_nth_unstable_by(index, f64::total_cmp).1
            };
            low[option] = at(0.1);
            high[option] = at(0.9);
        }
        out.push(Band { x: *x, low, high });
    }
    out
}

/// What every sample of a run shares: the inputs drawn, the draws themselves (drawn first, in
/// one stream, so the same seed gives the same samples however they are computed), the options
/// on the table and the volumes the bands are read at.
struct Plan {
    inputs: Vec<Ranged>,
    draws: Vec<Vec<f64>>,
    on_table: Vec<Phase>,
    grid: Vec<Decimal>,
    n: u32,
    seed: u64,
}

impl Plan {
    fn new(scenario: &Scenario, today: NaiveDate, samples: u32, seed: u64) -> Self {
        let inputs = ranged(scenario);
        let n = samples.max(1);
        let mut rng = Rng::new(seed);
        let draws: Vec<Vec<f64>> = (0..n)
            .map(|_| {
                inputs
                    .iter()
                    .map(|i| i.triangle.quantile(rng.uniform()))
                    .collect()
            })
            .collect();
        let on_table: Vec<Phase> = Phase::ALL
            .into_iter()
            .filter(|p| scenario.on_the_table(*p))
            .collect();
        let grid = band_grid(scenario, today);
        Self {
            inputs,
            draws,
            on_table,
            grid,
            n,
            seed,
        }
    }

    /// The sample of `scenario` at the draws `values`.
    fn sample(&self, scenario: &Scenario, values: &[f64]) -> Result<Sample, ComputeError> {
        // A draw in a tail beyond what a field allows (a horizon past 120 months, a peak below
        // the average) is taken at the range's end, which validation has already accepted. A
        // sample whose draws are all inside their ranges has nothing to take back.
        let mut sample = drawn(scenario, values, false);
        let in_tails = values
            .iter()
            .zip(self.inputs.iter())
            .any(|(x, i)| *x < i.interval[0] || *x > i.interval[2]);
        if in_tails && !crate::scenario::validate(&sample).is_empty() {
            sample = drawn(scenario, values, true);
        }
        one(&sample, &self.on_table, &self.grid)
    }

    /// What the samples `all`, one for each draw, say.
    fn conclude(&self, scenario: &Scenario, all: &[Sample]) -> Uncertainty {
        use rust_decimal::prelude::ToPrimitive;
        let mut found = summarise(
            scenario,
            &self.inputs,
            &self.draws,
            all,
            self.n,
            self.seed,
            &self.on_table,
        );
        let xs: Vec<f64> = self.grid.iter().filter_map(ToPrimitive::to_f64).collect();
        let costs: Vec<&Vec<[f64; 4]>> = all.iter().map(|s| &s.costs_at).collect();
        found.cost_band = bands(&xs, &costs);
        let months = all.iter().map(|s| s.cumulative.len()).max().unwrap_or(0);
        let xs: Vec<f64> = (1..=months)
            .map(|m| f64::from(u32::try_from(m).unwrap_or(u32::MAX)))
            .collect();
        let cash: Vec<&Vec<[f64; 4]>> = all.iter().map(|s| &s.cumulative).collect();
        found.cash_band = bands(&xs, &cash);
        let [first, second] = found.leading;
        let mut saving: Vec<f64> = all
            .iter()
            .map(|s| {
                s.cash[second.index()].to_f64().unwrap_or(0.0)
                    - s.cash[first.index()].to_f64().unwrap_or(0.0)
            })
            .collect();
        saving.sort_by(f64::total_cmp);
        found.saving = saving;
        found
    }
}

/// Runs `samples` samples of `scenario` drawn with `seed`, on as many threads as the machine
/// has. `progress` hears the samples done so far and may stop the run by returning `false`;
/// a stopped run returns `None`. Fails when a sample's figures grow too large to hold exactly.
pub fn run(
    scenario: &Scenario,
    today: NaiveDate,
    samples: u32,
    seed: u64,
    progress: &(dyn Fn(u32) -> bool + Sync),
) -> Result<Option<Uncertainty>, ComputeError> {
    let plan = Plan::new(scenario, today, samples, seed);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = plan.draws.len().div_ceil(threads).max(1);
    let done = std::sync::atomic::AtomicU32::new(0);
    let stopped = std::sync::atomic::AtomicBool::new(false);
    let results: Vec<Result<Vec<Sample>, ComputeError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = plan
            .draws
            .chunks(chunk)
            .map(|part| {
                let (plan, done, stopped) = (&plan, &done, &stopped);
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(part.len());
                    for values in part {
                        if stopped.load(std::sync::atomic::Ordering::Relaxed) {
                            break;
                        }
                        out.push(plan.sample(scenario, values)?);
                        let so_far = done
                            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                            .saturating_add(1);
                        if !progress(so_far) {
                            stopped.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    if stopped.load(std::sync::atomic::Ordering::Relaxed) {
        return Ok(None);
    }
    let mut all = Vec::with_capacity(plan.draws.len());
    for part in results {
        all.extend(part?);
    }
    Ok(Some(plan.conclude(scenario, &all)))
}

/// The same run as [`run`], a few samples at a time on the caller's thread, for a place with no
/// threads (a browser page): each [`Stepped::step`] computes some samples and returns, so a
/// window can draw between them. Its answer is [`run`]'s, sample for sample.
pub struct Stepped {
    scenario: Scenario,
    plan: Plan,
    done: Vec<Sample>,
}

impl Stepped {
    /// A run of `samples` samples of `scenario` drawn with `seed`, none computed yet.
    #[must_use]
    pub fn new(scenario: &Scenario, today: NaiveDate, samples: u32, seed: u64) -> Self {
        let plan = Plan::new(scenario, today, samples, seed);
        Self {
            scenario: scenario.clone(),
            done: Vec::with_capacity(plan.draws.len()),
            plan,
        }
    }

    /// Computes up to `count` more samples; `Some` with the answer once all are done.
    /// Fails when a sample's figures grow too large to hold exactly.
    pub fn step(&mut self, count: usize) -> Result<Option<Uncertainty>, ComputeError> {
        let from = self.done.len();
        let to = from.saturating_add(count).min(self.plan.draws.len());
        for values in self.plan.draws.get(from..to).unwrap_or_default() {
            let sample = self.plan.sample(&self.scenario, values)?;
            self.done.push(sample);
        }
        Ok((self.done.len() == self.plan.draws.len())
            .then(|| self.plan.conclude(&self.scenario, &self.done)))
    }

    /// The samples computed so far, and all the run will compute.
    #[must_use]
    pub fn progress(&self) -> (u32, u32) {
        let done = u32::try_from(self.done.len()).unwrap_or(u32::MAX);
        (done, self.plan.n)
    }
}

/// The value at or below which a share `p` of `sorted` lies: the nearest rank, so every
/// percentile is one of the samples, exact to the cent.
fn nearest_rank<T: Copy>(sorted: &[T], p: Decimal) -> Option<T> {
    use rust_decimal::prelude::ToPrimitive as _;
    let n = Decimal::from(sorted.len());
    let rank = p.checked_mul(n)?.ceil().to_usize()?;
    let index = rank.saturating_sub(1).min(sorted.len().saturating_sub(1));
    sorted.get(index).copied()
}

fn percentiles<T: Copy + Ord>(mut values: Vec<T>) -> Option<Percentiles<T>> {
    values.sort_unstable();
    Some(Percentiles {
        p10: nearest_rank(&values, Decimal::new(1, 1))?,
        p50: nearest_rank(&values, Decimal::new(5, 1))?,
        p90: nearest_rank(&values, Decimal::new(9, 1))?,
    })
}

/// A payback: a month, or none in the horizon, which sorts after every month.
fn payback_percentiles(values: Vec<Option<u32>>) -> Percentiles<Option<u32>> {
    let keyed: Vec<u32> = values.into_iter().map(|v| v.unwrap_or(u32::MAX)).collect();
    let month = |m: u32| (m != u32::MAX).then_some(m);
    percentiles(keyed).map_or(
        Percentiles {
            p10: None,
            p50: None,
            p90: None,
        },
        |p| Percentiles {
            p10: month(p.p10),
            p50: month(p.p50),
            p90: month(p.p90),
        },
    )
}

fn share(count: usize, n: usize) -> Decimal {
    Decimal::from(count)
        .checked_div(Decimal::from(n.max(1)))
        .unwrap_or_default()
}

fn summarise(
    scenario: &Scenario,
    inputs: &[Ranged],
    draws: &[Vec<f64>],
    all: &[Sample],
    n: u32,
    seed: u64,
    on_table: &[Phase],
) -> Uncertainty {
    let zero = Percentiles {
        p10: Decimal::ZERO,
        p50: Decimal::ZERO,
        p90: Decimal::ZERO,
    };
    let options: Vec<OptionSpread> = on_table
        .iter()
        .map(|&phase| {
            let i = phase.index();
            OptionSpread {
                phase,
                monthly: percentiles(all.iter().map(|s| s.monthly[i]).collect()).unwrap_or(zero),
                horizon_cash: percentiles(all.iter().map(|s| s.cash[i]).collect()).unwrap_or(zero),
                present_value: percentiles(all.iter().map(|s| s.present[i]).collect())
                    .unwrap_or(zero),
                payback_month: payback_percentiles(all.iter().map(|s| s.payback[i]).collect()),
            }
        })
        .collect();
    let chance = |pick: fn(&Sample) -> Phase| -> Vec<(Phase, Decimal)> {
        on_table
            .iter()
            .map(|p| {
                (
                    *p,
                    share(all.iter().filter(|s| pick(s) == *p).count(), all.len()),
                )
            })
            .collect()
    };
    let p_cheapest = chance(|s| s.cheapest);
    let p_recommended = chance(|s| s.recommended);
    let mut pairs = Vec::new();
    for (i, a) in Phase::ALL.iter().enumerate() {
        for b in Phase::ALL.iter().skip(i.saturating_add(1)) {
            pairs.push([*a, *b]);
        }
    }
    let break_evens = pairs
        .iter()
        .enumerate()
        .filter(|(_, pair)| pair.iter().all(|p| on_table.contains(p)))
        .map(|(k, pair)| {
            let found: Vec<Decimal> = all
                .iter()
                .filter_map(|s| s.crossings.get(k).copied().flatten())
                .collect();
            BreakEvenSpread {
                options: *pair,
                share_in_range: share(found.len(), all.len()),
                volume: percentiles(found),
            }
        })
        .collect();
    let leading = leading(&p_cheapest, &options);
    let drivers = drivers(inputs, draws, all, leading);
    let _ = scenario;
    Uncertainty {
        samples: n,
        seed,
        inputs: inputs.iter().map(|i| i.path.clone()).collect(),
        options,
        p_cheapest,
        p_recommended,
        break_evens,
        drivers,
        leading,
        cost_band: Vec::new(),
        cash_band: Vec::new(),
        saving: Vec::new(),
    }
}

/// The two options most often cheapest over the horizon, a tie going to the lower median cash;
/// with one option on the table, it twice.
fn leading(p_cheapest: &[(Phase, Decimal)], options: &[OptionSpread]) -> [Phase; 2] {
    let median = |phase: Phase| {
        options
            .iter()
            .find(|o| o.phase == phase)
            .map_or(Decimal::MAX, |o| o.horizon_cash.p50)
    };
    let mut ranked: Vec<(Phase, Decimal)> = p_cheapest.to_vec();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(median(a.0).cmp(&median(b.0))));
    let first = ranked.first().map_or(Phase::Buy, |r| r.0);
    let second = ranked.get(1).map_or(first, |r| r.0);
    [first, second]
}

/// Each input's share of the spread of the cash difference between the `leading` options: its
/// squared (Pearson) correlation with the difference, scaled so that the shares add up to 1.
fn drivers(
    inputs: &[Ranged],
    draws: &[Vec<f64>],
    all: &[Sample],
    leading: [Phase; 2],
) -> Vec<Driver> {
    use rust_decimal::prelude::ToPrimitive as _;
    let difference: Vec<f64> = all
        .iter()
        .map(|s| {
            let (second, first) = (s.cash[leading[1].index()], s.cash[leading[0].index()]);
            second.to_f64().unwrap_or(0.0) - first.to_f64().unwrap_or(0.0)
        })
        .collect();
    let squared: Vec<f64> = (0..inputs.len())
        .map(|k| {
            let x: Vec<f64> = draws.iter().take(all.len()).map(|d| d[k]).collect();
            let r = correlation(&x, &difference);
            r * r
        })
        .collect();
    let total: f64 = squared.iter().sum();
    let mut out: Vec<Driver> = inputs
        .iter()
        .zip(&squared)
        .map(|(input, r2)| Driver {
            input: input.path.clone(),
            share: if total > 0.0 {
                Decimal::from_f64(r2 / total)
                    .unwrap_or_default()
                    .round_dp(4)
            } else {
                Decimal::ZERO
            },
        })
        .collect();
    out.sort_by(|a, b| b.share.cmp(&a.share).then(a.input.cmp(&b.input)));
    out
}

#[expect(
    clippy::cast_precision_loss,
    reason = "a count of samples, far below 2^53"
)]
fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    let nf = n as f64;
    let (mx, my) = (x.iter().sum::<f64>() / nf, y.iter().sum::<f64>() / nf);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;
    use rust_decimal::prelude::ToPrimitive as _;

    use crate::decision::recommend;
    use crate::engine::compute;

    use super::*;
    use crate::sourced::Sourced;
    use crate::units::{Percent, TokensPerMonth};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
    }

    fn go(s: &Scenario, samples: u32) -> Uncertainty {
        run(s, today(), samples, DEFAULT_SEED, &|_| true)
            .expect("computes")
            .expect("not stopped")
    }

    fn input_tokens(s: &mut Scenario) -> &mut Sourced<TokensPerMonth> {
        match &mut s.workload.volume {
            crate::scenario::Volume::Tokens {
                input_tokens_per_month,
                ..
            } => input_tokens_per_month,
            crate::scenario::Volume::Users { .. } => panic!("the default is in tokens"),
        }
    }

    /// The default scenario with five ranged inputs: volume, growth, API trend, utilisation and
    /// the self-hosting staff's hours.
    fn five_ranges() -> Scenario {
        let mut s = Scenario::embedded_default();
        let input = input_tokens(&mut s);
        input.low = Some(TokensPerMonth::new(dec!(300_000_000)));
        input.high = Some(TokensPerMonth::new(dec!(3_000_000_000)));
        let g = &mut s.workload.growth_percent_per_month;
        (g.low, g.high) = (Some(Percent::new(dec!(1))), Some(Percent::new(dec!(9))));
        let t = &mut s.horizon.api_price_change_percent_per_year;
        (t.low, t.high) = (Some(Percent::new(dec!(-50))), Some(Percent::ZERO));
        let u = &mut s.self_host.hosting.target_utilisation_percent;
        (u.low, u.high) = (Some(Percent::new(dec!(40))), Some(Percent::new(dec!(85))));
        if let crate::scenario::Staff::Hours {
            hours_per_month, ..
        } = &mut s.self_host.staff
        {
            hours_per_month.low = Some(crate::units::HoursPerMonth::new(dec!(5)));
            hours_per_month.high = Some(crate::units::HoursPerMonth::new(dec!(160)));
        }
        s
    }

    /// A page has no threads: its run, a few samples at a time, must give the desktop's answer,
    /// every percentile, chance and band, whatever the size of its steps.
    #[test]
    fn a_run_in_steps_gives_the_threaded_runs_answer() {
        let s = five_ranges();
        let threaded = go(&s, 120);
        for step in [1, 7, 25, 1_000] {
            let mut stepped = Stepped::new(&s, today(), 120, DEFAULT_SEED);
            let mut steps = 0_u32;
            let found = loop {
                steps += 1;
                if let Some(found) = stepped.step(step).expect("computes") {
                    break found;
                }
                let (done, of) = stepped.progress();
                assert_eq!(
                    (done, of),
                    (u32::try_from(step).expect("small") * steps, 120)
                );
            };
            // Compared as printed: a band of an option off the table is NaN, equal to nothing.
            assert!(
                format!("{found:?}") == format!("{threaded:?}"),
                "in steps of {step}"
            );
            assert_eq!(
                steps,
                u32::try_from(120_usize.div_ceil(step)).expect("small")
            );
        }
    }

    #[test]
    fn collapsed_ranges_give_the_exact_figures_and_certain_probabilities() {
        // Every range shrunk onto its value.
        let mut collapsed = Scenario::embedded_default();
        {
            let input = input_tokens(&mut collapsed);
            (input.low, input.high) = (Some(input.value), Some(input.value));
            let g = &mut collapsed.workload.growth_percent_per_month;
            (g.low, g.high) = (Some(g.value), Some(g.value));
        }
        let u = go(&collapsed, 50);
        assert_eq!(u.inputs.len(), 2);
        // Pretraining is left out of the default: it is not sampled.
        assert_eq!(
            u.options.iter().map(|o| o.phase).collect::<Vec<_>>(),
            [Phase::Buy, Phase::FineTune, Phase::SelfHost]
        );
        let exact = compute(&collapsed).expect("computes");
        let rec = recommend(&collapsed, &exact, today()).expect("recommends");
        for option in &u.options {
            let i = option.phase.index();
            let cost = exact.costs[i].total;
            assert_eq!(option.monthly.p10, cost);
            assert_eq!(option.monthly.p90, cost);
            assert_eq!(option.horizon_cash.p50, exact.horizon.totals[i]);
            assert_eq!(option.present_value.p90, exact.horizon.present_values[i]);
        }
        for (phase, p) in &u.p_recommended {
            let expected = if *phase == rec.phase {
                Decimal::ONE
            } else {
                Decimal::ZERO
            };
            assert_eq!(*p, expected, "{phase:?}");
        }
        assert!(
            u.p_cheapest
                .iter()
                .all(|(_, p)| p.is_zero() || *p == Decimal::ONE)
        );
        // The bands close onto the exact curves.
        assert_eq!(u.cost_band.len(), BAND_POINTS);
        for band in &u.cost_band {
            let volume = Decimal::from_f64(band.x).expect("a volume").round();
            for phase in Phase::ALL {
                let i = phase.index();
                if !collapsed.on_the_table(phase) {
                    // An option left out is not sampled: it has no band.
                    assert!(band.low[i].is_nan() && band.high[i].is_nan());
                    continue;
                }
                let cost = exact.models[i].cost_at(volume).expect("a cost").to_f64();
                assert_eq!(Some(band.low[i]), cost, "{phase:?} at {volume}");
                assert_eq!(band.low[i].to_bits(), band.high[i].to_bits());
            }
        }
        assert_eq!(u.cash_band.len(), exact.horizon.months.len());
        for (band, month) in u.cash_band.iter().zip(&exact.horizon.months) {
            assert_eq!(band.x.to_bits(), f64::from(month.month).to_bits());
            assert_eq!(Some(band.high[0]), month.cumulative[0].to_f64());
        }
        assert_eq!(u.saving.len(), 50);
    }

    #[test]
    fn probabilities_add_up_to_one_and_percentiles_are_in_order() {
        let u = go(&five_ranges(), 300);
        assert_eq!(u.inputs.len(), 5);
        for list in [&u.p_cheapest, &u.p_recommended] {
            let total: Decimal = list.iter().map(|(_, p)| *p).sum();
            assert_eq!(total, Decimal::ONE, "{list:?}");
        }
        for o in &u.options {
            for p in [o.monthly, o.horizon_cash, o.present_value] {
                assert!(p.p10 <= p.p50 && p.p50 <= p.p90, "{o:?}");
            }
        }
        // Volume, utilisation and staff move Self-host's cost: its band is wide.
        let self_host = &u.options[Phase::SelfHost.index()];
        assert!(self_host.monthly.p10 < self_host.monthly.p90);
        let shares: Decimal = u.drivers.iter().map(|d| d.share).sum();
        assert!((shares - Decimal::ONE).abs() <= dec!(0.001), "{shares}");
        assert!(u.drivers.windows(2).all(|w| w[0].share >= w[1].share));
    }

    #[test]
    fn the_same_seed_gives_the_same_answer_and_another_seed_another_draw() {
        let s = five_ranges();
        // Debug output, as an option left out has no band (NaN, never equal to itself).
        assert_eq!(format!("{:?}", go(&s, 120)), format!("{:?}", go(&s, 120)));
        let other = run(&s, today(), 120, DEFAULT_SEED + 1, &|_| true)
            .expect("computes")
            .expect("not stopped");
        assert_ne!(other.options, go(&s, 120).options);
    }

    #[test]
    fn widening_a_range_never_narrows_the_band_of_a_cost_that_follows_it() {
        let band = |low: Decimal, high: Decimal| {
            let mut s = Scenario::embedded_default();
            let input = input_tokens(&mut s);
            (input.low, input.high) = (
                Some(TokensPerMonth::new(low)),
                Some(TokensPerMonth::new(high)),
            );
            let buy = go(&s, 200).options[Phase::Buy.index()].monthly;
            buy.p90 - buy.p10
        };
        let narrow = band(dec!(600_000_000), dec!(800_000_000));
        let wide = band(dec!(400_000_000), dec!(1_200_000_000));
        assert!(wide >= narrow, "{wide} < {narrow}");
    }

    #[test]
    fn buy_is_linear_in_the_volume_so_its_percentiles_follow_the_distribution_s() {
        // Only the input tokens are uncertain: Buy's cost is a + b × input, so its percentiles
        // are the line at the input's percentiles, within sampling error.
        let mut s = Scenario::embedded_default();
        let input = input_tokens(&mut s);
        (input.low, input.high) = (
            Some(TokensPerMonth::new(dec!(500_000_000))),
            Some(TokensPerMonth::new(dec!(900_000_000))),
        );
        let cost_at = |tokens: f64| {
            let mut at = s.clone();
            input_tokens(&mut at).value =
                TokensPerMonth::new(Decimal::from_f64(tokens).expect("a number").round());
            compute(&at).expect("computes").costs[Phase::Buy.index()].total
        };
        let triangle = Triangle::from_interval(5e8, 7e8, 9e8).expect("a range");
        let u = go(&s, 2_000);
        let buy = u.options[Phase::Buy.index()].monthly;
        for (got, p) in [(buy.p50, 0.5), (buy.p90, 0.9)] {
            let expected = cost_at(triangle.quantile(p));
            let error = ((got - expected) / expected).abs();
            assert!(error < dec!(0.02), "p{p}: {got} against {expected}");
        }
    }

    #[test]
    fn a_sample_s_figures_are_the_full_computation_s_to_the_cent() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
        for entry in std::fs::read_dir(folder).expect("the examples") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("readable");
            let s = crate::scenario::from_ron_str(&text).expect("loads");
            let (full, lean) = (
                compute(&s).expect("computes"),
                compute_sample(&s).expect("computes"),
            );
            assert_eq!(full.costs, lean.costs, "{}", s.name);
            // A sample does without each month's gross margin; the rest is the same.
            for (f, l) in full.horizon.months.iter().zip(&lean.horizon.months) {
                for p in Phase::ALL.into_iter().filter(|p| s.on_the_table(*p)) {
                    assert_eq!(f.cash[p.index()], l.cash[p.index()], "{}", s.name);
                    assert_eq!(
                        f.cumulative[p.index()],
                        l.cumulative[p.index()],
                        "{}",
                        s.name
                    );
                }
            }
            for p in Phase::ALL.into_iter().filter(|p| s.on_the_table(*p)) {
                let i = p.index();
                assert_eq!(full.horizon.totals[i], lean.horizon.totals[i], "{}", s.name);
                assert_eq!(
                    full.horizon.present_values[i],
                    lean.horizon.present_values[i]
                );
            }
            let on_table = |p: &&crate::engine::Payback| s.on_the_table(p.phase);
            assert!(
                full.horizon.paybacks.iter().filter(on_table).eq(lean
                    .horizon
                    .paybacks
                    .iter()
                    .filter(on_table)),
                "{}",
                s.name
            );
            assert_eq!(full.latency, lean.latency, "{}", s.name);
            for (a, b) in full.break_evens.iter().zip(&lean.break_evens) {
                if s.on_the_table(a.a) && s.on_the_table(a.b) {
                    assert_eq!(a, b, "{}", s.name);
                }
            }
            assert_eq!(
                recommend(&s, &full, today()).expect("recommends").phase,
                recommended_phase(&s, &lean).expect("recommends"),
                "{}",
                s.name
            );
        }
    }

    #[test]
    fn a_percentile_is_the_sample_at_its_nearest_rank() {
        let ten: Vec<u32> = (1..=10).collect();
        assert_eq!(nearest_rank(&ten, dec!(0.1)), Some(1));
        assert_eq!(nearest_rank(&ten, dec!(0.5)), Some(5));
        assert_eq!(nearest_rank(&ten, dec!(0.9)), Some(9));
        let fifty: Vec<u32> = (1..=50).collect();
        assert_eq!(nearest_rank(&fifty, dec!(0.1)), Some(5));
        assert_eq!(nearest_rank(&[7_u32], dec!(0.9)), Some(7));
        assert_eq!(nearest_rank::<u32>(&[], dec!(0.5)), None);
    }

    #[test]
    fn a_draw_beyond_what_a_field_allows_is_taken_at_the_range_s_end() {
        // 1 to 120 months around 2: the log-scale tail reaches past the 120 months allowed.
        let mut s = Scenario::embedded_default();
        let months = &mut s.horizon.months;
        (months.value, months.low, months.high) = (2, Some(1), Some(120));
        let u = go(&s, 400);
        assert!(u.cash_band.len() <= 120);
        assert!(
            u.options
                .iter()
                .all(|o| o.horizon_cash.p90 >= o.horizon_cash.p10)
        );
    }

    #[test]
    fn a_run_told_to_stop_returns_nothing() {
        assert!(
            run(&five_ranges(), today(), 100, 1, &|done| done < 10)
                .expect("computes")
                .is_none()
        );
    }
}
