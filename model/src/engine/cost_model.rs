//! Each option's monthly cost as lines a CFO can add up: a price per token, a fixed amount, or
//! a price per instance, with the instances on a staircase sized for the peak.

use std::fmt::Write as _;

use rust_decimal::{Decimal, dec};

use super::capacity::{Capacity, capacity, capacity_over};
use crate::error::{AtField, ComputeError};
use crate::format::{group_thousands, usd_cents};
use crate::phase::Phase;
use crate::scenario::{
    Buy, BuyFixed, Hosting, InstancePrice, OwnedServer, Scenario, Staff, Traffic, TunedServing,
};
use crate::sourced::Sourced;
use crate::units::{
    HOURS_PER_MONTH, HoursPerMonth, Percent, UsdPerHour, UsdPerMillionTokens, add, div, mul,
    negated, sub,
};

const MILLION: Decimal = dec!(1_000_000);

/// `per_token × volume + fixed + per_instance × instances`, skipping the terms that are zero:
/// most lines have only one, and this runs for every line of every month of the horizon.
fn linear(
    per_token: Decimal,
    volume: Decimal,
    fixed: Decimal,
    per_instance: Decimal,
    instances: Decimal,
) -> Result<Decimal, crate::error::ArithmeticError> {
    let mut sum = fixed;
    if !per_token.is_zero() {
        sum = add(
            sum,
            mul(per_token, volume, "USD per token × tokens")?,
            "variable + fixed",
        )?;
    }
    if !per_instance.is_zero() {
        sum = add(
            sum,
            mul(per_instance, instances, "USD per instance × instances")?,
            "adding instances",
        )?;
    }
    Ok(sum)
}

/// How a line moves over the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Paid to an API provider: follows the API price trend.
    Api,
    /// Paid for GPU instances: follows the GPU price trend.
    Gpu,
    /// People: flat, and paid from the first month of a build.
    Staff,
    /// Other flat costs (security, a flat serving fee): paid once the option runs.
    Flat,
    /// An owned server's depreciation, installation and cost of capital: spread over its life
    /// in the monthly view; in the cash view the server is paid for in the month it is bought
    /// and its resale received in the month it is sold (`Fleet`).
    Owned,
    /// What a committed minimum adds to the API bill to reach the amount committed. The contract
    /// fixes it in dollars, so it does not follow the API price trend; the spend it tops up does.
    Commitment,
    /// An up-front cost spread over months in the monthly view; in the cash view it is paid in
    /// the month it falls due instead.
    Amortised,
}

/// One line of an option's monthly cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostLine {
    /// What it is, with the inputs behind it ("Output tokens at $0.60 per 1M").
    pub label: String,
    /// How it moves over the horizon.
    pub kind: LineKind,
    /// USD for each token of the whole monthly traffic.
    pub per_token: Decimal,
    /// USD a month, whatever the traffic.
    pub fixed: Decimal,
    /// USD a month for each instance running.
    pub per_instance: Decimal,
    /// The least the per-token part bills a month, whatever the traffic (a minimum of billed
    /// hours); `None` for most lines. Below the volume where the tokens reach it, the line is
    /// flat.
    pub least: Option<Decimal>,
    /// The price per token of other lines that count towards the least: a committed minimum
    /// bills nothing of its own above it, and below it the difference between the least and
    /// what those lines bill. Zero for a line that floors only its own tokens.
    pub tops_up: Decimal,
    /// How a product of several features pays the line: lines priced per token are each
    /// feature's anyway, and instances are shared by the features an option serves.
    pub counted: Counted,
}

/// How often a product of several features pays a line that does not follow its tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Counted {
    /// Once for the option, whichever features it serves: its people, security, build.
    #[default]
    ByOption,
    /// Once for each feature the option serves: a tuned model's training runs, each on its
    /// feature's own data.
    EachFeature,
    /// Once for the product, whichever options its features are on: the API integration's
    /// people, fees, build and committed minimum, which Buy and a fine-tune that keeps the API
    /// share.
    ByApiAccount,
}

impl CostLine {
    fn per_token(label: String, kind: LineKind, per_token: Decimal) -> Self {
        Self {
            label,
            kind,
            per_token,
            fixed: Decimal::ZERO,
            per_instance: Decimal::ZERO,
            least: None,
            tops_up: Decimal::ZERO,
            counted: Counted::ByOption,
        }
    }

    fn fixed(label: String, kind: LineKind, fixed: Decimal) -> Self {
        Self {
            label,
            kind,
            per_token: Decimal::ZERO,
            fixed,
            per_instance: Decimal::ZERO,
            least: None,
            tops_up: Decimal::ZERO,
            counted: Counted::ByOption,
        }
    }

    /// The line's amount at `volume` tokens a month with `instances` running.
    pub fn at(&self, volume: Decimal, instances: Decimal) -> Result<Decimal, ComputeError> {
        let amount = linear(
            self.per_token,
            volume,
            self.fixed,
            self.per_instance,
            instances,
        )
        .at(&self.label)?;
        let raised = self.raised(volume, Decimal::ONE)?;
        add(amount, raised, "raised to the least").at(&self.label)
    }

    /// What the line adds to reach its least at `volume`, the tokens counted towards it priced
    /// at `trend` times today's prices: the least less those tokens, or nothing once they reach
    /// it. The least itself is fixed in dollars.
    pub fn raised(&self, volume: Decimal, trend: Decimal) -> Result<Decimal, ComputeError> {
        let Some(least) = self.least else {
            return Ok(Decimal::ZERO);
        };
        let rate = add(self.per_token, self.tops_up, "USD per token counted").at(&self.label)?;
        let mut counted = mul(rate, volume, "USD per token × tokens").at(&self.label)?;
        if trend != Decimal::ONE {
            counted = mul(counted, trend, "× price trend").at(&self.label)?;
        }
        Ok(sub(least, counted, "least − tokens")
            .at(&self.label)?
            .max(Decimal::ZERO))
    }

    /// The volume below which the line bills its least: where the tokens counted towards it
    /// reach it.
    pub fn kink(&self) -> Result<Option<Decimal>, ComputeError> {
        let rate = add(self.per_token, self.tops_up, "USD per token counted").at(&self.label)?;
        match self.least {
            Some(least) if rate > Decimal::ZERO => Ok(Some(
                div(least, rate, "least ÷ USD per token").at(&self.label)?,
            )),
            _ => Ok(None),
        }
    }
}

/// How many instances an option runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Instances {
    /// None: the option pays per token.
    None,
    /// A fixed number, whatever the traffic (no throughput limit modelled, or no traffic routed).
    Fixed(Decimal),
    /// As many as the peak needs, never fewer than a minimum: a staircase.
    Stair(Stair),
}

/// A staircase of instances: one more each time the traffic passes a multiple of `width`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stair {
    /// Monthly traffic (the whole workload's tokens) one instance covers, peak and target
    /// utilisation allowed for.
    pub width: Decimal,
    /// Instances kept whatever the traffic.
    pub min: Decimal,
    /// Share of the workload's traffic these instances serve (fine-tune routes only part).
    pub traffic_share: Decimal,
    /// Peak over average traffic.
    pub peak: Decimal,
    /// What one instance serves.
    pub capacity: Capacity,
    /// What each step buys.
    pub step_of: StepOf,
}

/// What a step of a staircase buys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepOf {
    /// Another instance, sized for the peak at a target utilisation.
    Instance,
    /// Another block of a flat fee, each covering a fixed number of tokens a month.
    FlatFee,
}

/// `⌈volume ÷ width⌉` for positive `volume` and `width` in whole numbers, where the mantissas
/// brought to one scale fit in 128 bits: with mantissas `m`, `w` and scales `s`, `t`, the ratio
/// is `m·10^t ÷ (w·10^s)`, one integer division. `None` where they do not fit. With the count,
/// whether the engine's products of it and of one less with `width` are exact (their mantissas
/// fit a decimal's 96 bits), so that the edges the engine multiplies out are the true ones.
fn whole_ceil(volume: Decimal, width: Decimal) -> Option<(Decimal, bool)> {
    if volume <= Decimal::ZERO || width <= Decimal::ZERO {
        return None;
    }
    let (m, s) = (volume.mantissa().unsigned_abs(), volume.scale());
    let (w, t) = (width.mantissa().unsigned_abs(), width.scale());
    let (numerator, denominator) = if t >= s {
        (m.checked_mul(10_u128.checked_pow(t.saturating_sub(s))?)?, w)
    } else {
        (m, w.checked_mul(10_u128.checked_pow(s.saturating_sub(t))?)?)
    };
    let count = numerator.div_ceil(denominator);
    let exact = count.checked_mul(w).is_some_and(|edge| edge < 1_u128 << 96);
    let count = Decimal::try_from_i128_with_scale(i128::try_from(count).ok()?, 0).ok()?;
    Some((count, exact))
}

impl Stair {
    /// The smallest whole number of instances `k` with `k × width ≥ volume`, at least `min`.
    pub fn instances(&self, volume: Decimal) -> Result<Decimal, ComputeError> {
        if volume <= Decimal::ZERO {
            return Ok(self.min);
        }
        let path = "instances";
        // A first count: in whole numbers where the mantissas allow (most volumes and widths),
        // else by a decimal division.
        let mut k = match whole_ceil(volume, self.width) {
            // The step edges multiply out exactly: nothing to settle.
            Some((k, true)) => return Ok(k.max(self.min)),
            Some((k, false)) => k,
            None => div(volume, self.width, "tokens ÷ tokens per instance")
                .at(path)?
                .ceil(),
        };
        // Settled on the step edges as the engine multiplies them, to 28 digits, so the count
        // goes up exactly at the volumes the break-even search steps to.
        if mul(k, self.width, "instances × width").at(path)? < volume {
            k = add(k, Decimal::ONE, "instances + 1").at(path)?;
        } else if k > Decimal::ZERO {
            let fewer = sub(k, Decimal::ONE, "instances − 1").at(path)?;
            if mul(fewer, self.width, "instances × width").at(path)? >= volume {
                k = fewer;
            }
        }
        Ok(k.max(self.min))
    }

    /// The count for volumes just above `volume`: one more than at `volume` exactly when
    /// `volume` is the edge of a step (a multiple of the width, at or past the minimum).
    pub fn instances_just_above(&self, volume: Decimal) -> Result<Decimal, ComputeError> {
        self.just_above(self.instances(volume)?, volume)
    }

    /// The count for volumes just above `volume`, given `k`, the count at `volume`.
    pub fn just_above(&self, k: Decimal, volume: Decimal) -> Result<Decimal, ComputeError> {
        let edge = mul(k, self.width, "instances × width").at("instances")?;
        if volume >= Decimal::ZERO && edge == volume {
            add(k, Decimal::ONE, "instances + 1").at("instances")
        } else {
            Ok(k)
        }
    }
}

/// Servers an option buys outright: in the cash view each is paid for (hardware and
/// installation) in the month it is first needed, sold for its resale value at the end of its
/// life and replaced while it is still needed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fleet {
    /// Price of one server's hardware at today's prices.
    pub purchase: Decimal,
    /// Installation and commissioning of one, never resold.
    pub installation: Decimal,
    /// What a server sells for at the end of its life, as a fraction of what was paid for it.
    pub resale: Decimal,
    /// Months each server is kept.
    pub life_months: u32,
}

/// One option's monthly cost as a function of the monthly volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostModel {
    /// Which option.
    pub phase: Phase,
    /// The lines, in the order a report lists them.
    pub lines: Vec<CostLine>,
    /// The instances it runs.
    pub instances: Instances,
    /// The sum of the lines' per-token prices, lines with a least left out.
    pub slope: Decimal,
    /// The sum of the lines' fixed amounts, lines with a least left out.
    pub fixed: Decimal,
    /// The sum of the lines' per-instance prices, lines with a least left out.
    pub step: Decimal,
    /// The lines with a least: flat below their kink, per token above it.
    pub floored: Vec<CostLine>,
    /// The lines summed by kind, for the horizon, which prices each kind apart.
    pub by_kind: Vec<CostLine>,
    /// The servers it owns, when its instances are bought rather than rented.
    pub fleet: Option<Fleet>,
}

impl CostModel {
    fn new(phase: Phase, lines: Vec<CostLine>, instances: Instances) -> Result<Self, ComputeError> {
        let mut slope = Decimal::ZERO;
        let mut fixed = Decimal::ZERO;
        let mut step = Decimal::ZERO;
        let floored: Vec<CostLine> = lines
            .iter()
            .filter(|l| l.least.is_some())
            .cloned()
            .collect();
        for line in lines.iter().filter(|l| l.least.is_none()) {
            slope = add(slope, line.per_token, "adding prices per token").at(&line.label)?;
            fixed = add(fixed, line.fixed, "adding fixed costs").at(&line.label)?;
            step = add(step, line.per_instance, "adding prices per instance").at(&line.label)?;
        }
        let mut by_kind: Vec<CostLine> = Vec::new();
        for line in &lines {
            // A line with a least is kept apart: it is not a straight line to add to others.
            let merged = by_kind
                .iter_mut()
                .find(|k| k.kind == line.kind && k.least.is_none() && line.least.is_none());
            match merged {
                Some(sum) => {
                    sum.per_token = add(sum.per_token, line.per_token, "adding prices per token")
                        .at(&line.label)?;
                    sum.fixed = add(sum.fixed, line.fixed, "adding fixed costs").at(&line.label)?;
                    sum.per_instance = add(
                        sum.per_instance,
                        line.per_instance,
                        "adding prices per instance",
                    )
                    .at(&line.label)?;
                }
                None => by_kind.push(CostLine {
                    label: phase.label().to_owned(),
                    ..line.clone()
                }),
            }
        }
        Ok(Self {
            phase,
            lines,
            instances,
            slope,
            fixed,
            step,
            floored,
            by_kind,
            fleet: None,
        })
    }

    fn with_fleet(self, fleet: Option<Fleet>) -> Self {
        Self { fleet, ..self }
    }

    /// The volumes where a line with a least starts to follow the tokens.
    pub fn kinks(&self) -> Result<Vec<Decimal>, ComputeError> {
        let mut kinks = Vec::new();
        for line in &self.floored {
            kinks.extend(line.kink()?);
        }
        Ok(kinks)
    }

    /// The slope and fixed amount of the straight line the cost follows (instances aside) on
    /// an interval ending at `to` that straddles no kink: a line with a least adds its price
    /// per token above its kink; below it, its least less the tokens of the other lines it tops
    /// up.
    pub fn line_to(&self, to: Decimal) -> Result<(Decimal, Decimal), ComputeError> {
        let (mut slope, mut fixed) = (self.slope, self.fixed);
        for line in &self.floored {
            let label = line.label.as_str();
            match line.kink()? {
                Some(kink) if to > kink => {
                    slope = add(slope, line.per_token, "adding prices per token").at(label)?;
                }
                _ => {
                    let least = line.least.unwrap_or_default();
                    fixed = add(fixed, least, "adding leasts").at(label)?;
                    slope = sub(slope, line.tops_up, "less the tokens topped up").at(label)?;
                }
            }
        }
        Ok((slope, fixed))
    }

    /// Instances running at `volume` tokens a month.
    pub fn instances_at(&self, volume: Decimal) -> Result<Decimal, ComputeError> {
        match &self.instances {
            Instances::None => Ok(Decimal::ZERO),
            Instances::Fixed(n) => Ok(*n),
            Instances::Stair(stair) => stair.instances(volume),
        }
    }

    /// The monthly cost at `volume` tokens a month: the sum of the lines.
    pub fn cost_at(&self, volume: Decimal) -> Result<Decimal, ComputeError> {
        let instances = self.instances_at(volume)?;
        self.cost_with(volume, instances)
    }

    /// The monthly cost at `volume` with `instances` running.
    pub fn cost_with(&self, volume: Decimal, instances: Decimal) -> Result<Decimal, ComputeError> {
        let mut cost =
            linear(self.slope, volume, self.fixed, self.step, instances).at(self.phase.label())?;
        for line in &self.floored {
            cost = add(cost, line.at(volume, instances)?, "adding lines").at(&line.label)?;
        }
        Ok(cost)
    }

    /// The monthly cost as plain `f64`, for plotting only.
    #[must_use]
    pub fn cost_f64(&self, volume: Decimal) -> Option<f64> {
        use rust_decimal::prelude::ToPrimitive as _;
        self.cost_at(volume).ok().and_then(|c| c.to_f64())
    }
}

/// The four options' cost models for `scenario`, at its traffic's mix of input and output.
pub fn build_models(
    scenario: &Scenario,
    input_share: Decimal,
) -> Result<[CostModel; 4], ComputeError> {
    let months = Decimal::from(scenario.horizon.months.value.max(1));
    let buy = buy_lines(&scenario.buy, input_share, months)?;
    let peak = scenario.workload.peak_to_average.value.get();
    Ok([
        CostModel::new(Phase::Buy, buy.clone(), Instances::None)?,
        fine_tune(scenario, &buy, input_share, peak, months)?,
        self_host(scenario, input_share, peak, months)?,
        pretrain(scenario, input_share, peak, months)?,
    ])
}

/// What `buy` costs a month for `traffic`: the same lines as Buy's cost model, for prices
/// other than the scenario's (another API model of the catalog, say).
pub fn buy_cost(buy: &Buy, traffic: Traffic) -> Result<Decimal, ComputeError> {
    let volume = traffic.total()?;
    BuyRates::new(buy, traffic.input_share()?)?
        .in_order()
        .iter()
        .try_fold(Decimal::ZERO, |sum, rate| {
            let amount = mul(*rate, volume, "USD per token × tokens").at("buy")?;
            add(sum, amount, "adding cost lines").at("buy")
        })
}

fn per_1m(price: Decimal, path: &str) -> Result<Decimal, ComputeError> {
    div(price, MILLION, "USD per 1M ÷ 1,000,000").at(path)
}

fn price_label(what: &str, price: Decimal) -> String {
    format!("{what} at ${price} per 1M")
}

fn fraction(percent: &Sourced<Percent>, path: &str) -> Result<Decimal, ComputeError> {
    percent.value.fraction().at(path)
}

/// A price per token of the whole traffic: `share` of the tokens at `price` per 1M.
fn share_at(
    share: Decimal,
    price: &Sourced<UsdPerMillionTokens>,
    path: &str,
) -> Result<Decimal, ComputeError> {
    mul(share, per_1m(price.value.get(), path)?, "share × price").at(path)
}

/// Buy's price per token of the whole traffic, class by class, then each discount and the
/// retries: what [`buy_lines`] labels and [`buy_cost`] adds up.
///
/// Input tokens are of three classes, each billed at one price: those read from the prompt
/// cache (`cached_input_percent`, at the cached price), those written to it
/// (`cache_write_percent`, at the write price) and the rest, at the input price. A write is
/// billed instead of the input price, not on top of it: Anthropic charges 5-minute cache writes
/// at 1.25 times the base input price and cache reads at 0.1 times it, so Claude Sonnet 4's
/// $3.00 input is $3.75 written and $0.30 read
/// (<https://platform.claude.com/docs/en/about-claude/pricing>, "Model pricing": base input
/// tokens, 5m cache writes, cache hits).
struct BuyRates {
    input: Decimal,
    cached_input: Decimal,
    cache_writes: Decimal,
    output: Decimal,
    batch: Decimal,
    commitment: Decimal,
    retries: Decimal,
}

impl BuyRates {
    fn new(buy: &Buy, input_share: Decimal) -> Result<Self, ComputeError> {
        let output_share =
            sub(Decimal::ONE, input_share, "1 − input share").at("workload.volume")?;
        let cached = fraction(&buy.cached_input_percent, "buy.cached_input_percent")?;
        let written = fraction(&buy.cache_write_percent, "buy.cache_write_percent")?;
        let from_cache = add(cached, written, "reads + writes").at("buy.cache_write_percent")?;
        let uncached =
            sub(Decimal::ONE, from_cache, "1 − reads − writes").at("buy.cache_write_percent")?;
        let cached_tokens =
            mul(input_share, cached, "share × share").at("buy.cached_input_percent")?;
        let written_tokens =
            mul(input_share, written, "share × share").at("buy.cache_write_percent")?;
        let uncached_tokens =
            mul(input_share, uncached, "share × share").at("buy.cached_input_percent")?;
        let input = share_at(
            uncached_tokens,
            &buy.input_usd_per_1m,
            "buy.input_usd_per_1m",
        )?;
        let cached_input = share_at(
            cached_tokens,
            &buy.cached_input_usd_per_1m,
            "buy.cached_input_usd_per_1m",
        )?;
        let cache_writes = share_at(
            written_tokens,
            &buy.cache_write_usd_per_1m,
            "buy.cache_write_usd_per_1m",
        )?;
        let output = share_at(
            output_share,
            &buy.output_usd_per_1m,
            "buy.output_usd_per_1m",
        )?;
        let base = [input, cached_input, cache_writes, output]
            .iter()
            .try_fold(Decimal::ZERO, |sum, p| add(sum, *p, "prices").at("buy"))?;
        let batch_share = fraction(&buy.batch_percent, "buy.batch_percent")?;
        let batch_discount = fraction(&buy.batch_discount_percent, "buy.batch_discount_percent")?;
        let batch_off =
            mul(batch_share, batch_discount, "share × discount").at("buy.batch_percent")?;
        let batch = negated(mul(base, batch_off, "price × discount").at("buy.batch_percent")?);
        let after_batch = add(base, batch, "price − discount").at("buy.batch_percent")?;
        let commitment_off = fraction(
            &buy.commitment_discount_percent,
            "buy.commitment_discount_percent",
        )?;
        let commitment = negated(
            mul(after_batch, commitment_off, "price × discount")
                .at("buy.commitment_discount_percent")?,
        );
        let after_commit = add(after_batch, commitment, "price − discount")
            .at("buy.commitment_discount_percent")?;
        let extra_calls = sub(buy.retry_factor.value.get(), Decimal::ONE, "retries − 1")
            .at("buy.retry_factor")?;
        let retries =
            mul(after_commit, extra_calls, "price × extra calls").at("buy.retry_factor")?;
        Ok(Self {
            input,
            cached_input,
            cache_writes,
            output,
            batch,
            commitment,
            retries,
        })
    }

    /// The rates in the order of Buy's cost lines.
    fn in_order(&self) -> [Decimal; 7] {
        [
            self.input,
            self.cached_input,
            self.cache_writes,
            self.output,
            self.batch,
            self.commitment,
            self.retries,
        ]
    }
}

/// Buy: each token class at its own price (cache writes only when some input is written to the
/// cache), then batch and commitment discounts, then retries (seed 003: cost per task, not per
/// token), then what the integration costs whatever the tokens ([`buy_fixed_lines`]).
fn buy_lines(
    buy: &Buy,
    input_share: Decimal,
    months: Decimal,
) -> Result<Vec<CostLine>, ComputeError> {
    let rates = BuyRates::new(buy, input_share)?;
    let cached_label = format!("Cached input tokens ({}%)", buy.cached_input_percent.value);
    let mut lines = vec![
        CostLine::per_token(
            price_label("Input tokens", buy.input_usd_per_1m.value.get()),
            LineKind::Api,
            rates.input,
        ),
        CostLine::per_token(
            price_label(&cached_label, buy.cached_input_usd_per_1m.value.get()),
            LineKind::Api,
            rates.cached_input,
        ),
    ];
    if !buy.cache_write_percent.value.get().is_zero() {
        let label = format!("Cache writes ({}%)", buy.cache_write_percent.value);
        lines.push(CostLine::per_token(
            price_label(&label, buy.cache_write_usd_per_1m.value.get()),
            LineKind::Api,
            rates.cache_writes,
        ));
    }
    lines.push(CostLine::per_token(
        price_label("Output tokens", buy.output_usd_per_1m.value.get()),
        LineKind::Api,
        rates.output,
    ));
    let adjustments = [
        (
            format!(
                "Batch API: {}% of traffic at {}% off",
                buy.batch_percent.value, buy.batch_discount_percent.value
            ),
            rates.batch,
        ),
        (
            format!(
                "Committed-spend discount, {}%",
                buy.commitment_discount_percent.value
            ),
            rates.commitment,
        ),
        (
            format!(
                "Retries: {} calls per completed task",
                buy.retry_factor.value
            ),
            rates.retries,
        ),
    ];
    lines.extend(
        adjustments
            .into_iter()
            .filter(|(_, amount)| !amount.is_zero())
            .map(|(label, amount)| CostLine::per_token(label, LineKind::Api, amount)),
    );
    let spend = api_slope(&lines)?;
    lines.extend(buy_fixed_lines(&buy.fixed, months, spend)?);
    Ok(lines)
}

/// The price per token of the API `lines`: what a committed minimum counts towards it.
fn api_slope(lines: &[CostLine]) -> Result<Decimal, ComputeError> {
    lines
        .iter()
        .filter(|l| l.kind == LineKind::Api)
        .try_fold(Decimal::ZERO, |sum, line| {
            add(sum, line.per_token, "adding API prices").at(&line.label)
        })
}

/// What the API integration costs whatever the tokens: its people, its platform fees, what a
/// committed minimum adds to an API bill of `spend` per token below it, and its one-off build
/// spread over the horizon, each line only when it costs something.
fn buy_fixed_lines(
    fixed: &BuyFixed,
    months: Decimal,
    spend: Decimal,
) -> Result<Vec<CostLine>, ComputeError> {
    let mut lines = Vec::new();
    if !fixed.operations.is_nobody() {
        lines.push(staff_line(
            &fixed.operations,
            "buy.fixed.operations",
            "API operations",
        )?);
    }
    let platform = fixed.platform_usd_per_month.value.get();
    if !platform.is_zero() {
        lines.push(CostLine::fixed(
            "API platform and gateway fees".to_owned(),
            LineKind::Flat,
            platform,
        ));
    }
    let committed = fixed.committed_usd_per_month.value.get();
    if !committed.is_zero() {
        lines.push(CostLine {
            least: Some(committed),
            tops_up: spend,
            ..CostLine::fixed(
                format!(
                    "Committed minimum: the API bill raised to {}/month",
                    usd_cents(committed)
                ),
                LineKind::Commitment,
                Decimal::ZERO,
            )
        });
    }
    lines.extend(amortised(
        "API integration",
        fixed.integration_usd.value.get(),
        months,
        "buy.fixed.integration_usd",
    )?);
    for line in &mut lines {
        line.counted = Counted::ByApiAccount;
    }
    Ok(lines)
}

fn staff_line(staff: &Staff, path: &str, what: &str) -> Result<CostLine, ComputeError> {
    match staff {
        Staff::Hours {
            hours_per_month,
            usd_per_hour,
        } => {
            let cost = usd_per_hour
                .value
                .for_hours(hours_per_month.value)
                .at(&format!("{path}.usd_per_hour"))?;
            Ok(CostLine::fixed(
                format!(
                    "{what}: {} hours a month at {}/hour",
                    hours_per_month.value,
                    usd_cents(usd_per_hour.value.get())
                ),
                LineKind::Staff,
                cost.get(),
            ))
        }
        Staff::People {
            people,
            loaded_usd_per_year,
        } => {
            let yearly = mul(
                people.value.get(),
                loaded_usd_per_year.value.get(),
                "people × yearly cost",
            )
            .at(&format!("{path}.people"))?;
            let monthly = div(yearly, dec!(12), "yearly ÷ 12").at(&format!("{path}.people"))?;
            Ok(CostLine::fixed(
                format!(
                    "{what}: {} people at {}/year",
                    people.value,
                    usd_cents(loaded_usd_per_year.value.get())
                ),
                LineKind::Staff,
                monthly,
            ))
        }
    }
}

fn amortised(
    label: &str,
    amount: Decimal,
    months: Decimal,
    path: &str,
) -> Result<Option<CostLine>, ComputeError> {
    if amount.is_zero() {
        return Ok(None);
    }
    let monthly = div(amount, months, "up-front ÷ months").at(path)?;
    Ok(Some(CostLine::fixed(
        format!(
            "{label} {} over {} months",
            usd_cents(amount),
            group_thousands(months)
        ),
        LineKind::Amortised,
        monthly,
    )))
}

/// The instance lines and the staircase of a hosting serving `traffic_share` of the traffic;
/// a busy-hour price has no staircase, its cost following the volume ([`busy_hours`]).
fn hosting(
    hosting: &Hosting,
    path: &str,
    (input_share, peak, months): (Decimal, Decimal, u32),
    traffic_share: Decimal,
    what: &str,
) -> Result<(Vec<CostLine>, Instances), ComputeError> {
    let hours = hosting.hours_in_service_per_month.value.get();
    let name = hosting.catalog_id.as_deref().unwrap_or("instance");
    let per_instance = |label: String, kind: LineKind, amount: Decimal| CostLine {
        label,
        kind,
        per_token: Decimal::ZERO,
        fixed: Decimal::ZERO,
        per_instance: amount,
        least: None,
        tops_up: Decimal::ZERO,
        counted: Counted::ByOption,
    };
    let lines = match &hosting.price {
        InstancePrice::OnDemand { usd_per_hour } => {
            let price = usd_per_hour.value.get();
            let cost =
                mul(price, hours, "USD/hour × hours").at(&format!("{path}.price.usd_per_hour"))?;
            vec![per_instance(
                format!("{what}: {name}, on-demand, at ${price}/hour × {hours} hours"),
                LineKind::Gpu,
                cost,
            )]
        }
        InstancePrice::Reserved {
            usd_per_hour,
            term_months,
        } => {
            // A reservation is paid for every hour of the term, in service or not.
            let price = usd_per_hour.value.get();
            let cost = mul(price, HOURS_PER_MONTH, "USD/hour × hours")
                .at(&format!("{path}.price.usd_per_hour"))?;
            vec![per_instance(
                format!(
                    "{what}: {name}, reserved for {term_months} months, at ${price}/hour × {HOURS_PER_MONTH} hours"
                ),
                LineKind::Gpu,
                cost,
            )]
        }
        InstancePrice::Monthly { usd_per_month } => {
            let price = usd_per_month.value.get();
            vec![per_instance(
                format!("{what}: {name} at {}/month", usd_cents(price)),
                LineKind::Gpu,
                price,
            )]
        }
        InstancePrice::PerBusyHour {
            usd_per_hour,
            buffer_percent,
            minimum_hours_per_month,
        } => {
            let line = busy_hours(
                hosting,
                path,
                input_share,
                traffic_share,
                (usd_per_hour, buffer_percent, minimum_hours_per_month),
                what,
            )?;
            return Ok((vec![line], Instances::None));
        }
        InstancePrice::Owned(server) => owned_lines(server, hosting, path, what, months)?
            .into_iter()
            .map(|(label, kind, amount)| per_instance(label, kind, amount))
            .collect(),
    };
    let min = Decimal::from(hosting.min_instances.value);
    let capacity = capacity(hosting, input_share, path)?;
    let instances = match capacity.planned {
        // No limit modelled: one instance, always on, serves everything (seed 001's model).
        None => Instances::Fixed(min.max(Decimal::ONE)),
        Some(_) if traffic_share.is_zero() => Instances::Fixed(min),
        Some(planned) => {
            let demand = mul(peak, traffic_share, "peak × share").at("workload.peak_to_average")?;
            let width =
                div(planned, demand, "capacity ÷ peak demand").at(&format!("{path}.throughput"))?;
            Instances::Stair(Stair {
                width,
                min,
                traffic_share,
                peak,
                capacity,
                step_of: StepOf::Instance,
            })
        }
    };
    Ok((lines, instances))
}

/// Instances billed for the hours the work needs: each token of the `traffic_share` served
/// costs the instance-hours it takes at the target utilisation, and the buffer on top (Red Hat
/// ConfigIQ's scale-to-zero billing, `docs/HYBRID_SAVINGS_METHODOLOGY.md`: "modeled serving time
/// plus the runtime buffer"). Average work sets the hours, not the peak, so the cost follows
/// the volume and there is no staircase.
fn busy_hours(
    hosting: &Hosting,
    path: &str,
    input_share: Decimal,
    traffic_share: Decimal,
    (usd_per_hour, buffer_percent, minimum): (
        &Sourced<UsdPerHour>,
        &Sourced<Percent>,
        &Sourced<HoursPerMonth>,
    ),
    what: &str,
) -> Result<CostLine, ComputeError> {
    let name = hosting.catalog_id.as_deref().unwrap_or("instance");
    // What one instance serves in one hour at the target utilisation.
    let at = format!("{path}.throughput");
    let per_hour = capacity_over(hosting, HoursPerMonth::new(Decimal::ONE), input_share, path)?
        .planned
        .filter(|tokens| *tokens > Decimal::ZERO)
        .ok_or(crate::error::ArithmeticError::DivisionByZero {
            operation: "tokens ÷ tokens an hour: a busy-hour price needs a measured throughput",
        })
        .at(&at)?;
    let price = usd_per_hour.value.get();
    let buffer = fraction(buffer_percent, &format!("{path}.price.buffer_percent"))?;
    let billed = mul(
        price,
        add(Decimal::ONE, buffer, "1 + buffer").at(&at)?,
        "price × (1 + buffer)",
    )
    .at(&at)?;
    let per_token = div(billed, per_hour, "USD an hour ÷ tokens an hour").at(&at)?;
    let per_token = mul(per_token, traffic_share, "price × share").at(&at)?;
    let mut label = format!(
        "{what}: {name}, per busy hour at ${price}/hour plus {}% buffer, {} tokens an hour at {}% utilisation",
        buffer_percent.value,
        group_thousands(per_hour.round_dp(0)),
        hosting.target_utilisation_percent.value
    );
    let hours = minimum.value.get();
    let mut line = CostLine::per_token(String::new(), LineKind::Gpu, per_token);
    if hours > Decimal::ZERO {
        // However little the work, the minimum is billed: the line is flat below it.
        let least = mul(price, hours, "USD/hour × hours")
            .at(&format!("{path}.price.minimum_hours_per_month"))?;
        line.least = Some(least);
        let _ = write!(label, ", at least {hours} hours a month");
    }
    line.label = label;
    Ok(line)
}

/// An owned server's lines, each an amount per server a month of a kind, labelled with what it
/// comes from; the capital lines are spread over a period of `months` (the horizon).
fn owned_lines(
    server: &OwnedServer,
    hosting: &Hosting,
    path: &str,
    what: &str,
    months: u32,
) -> Result<Vec<(String, LineKind, Decimal)>, ComputeError> {
    let name = hosting.catalog_id.as_deref().unwrap_or("server");
    let month = server
        .monthly(hosting.hours_in_service_per_month.value, months)
        .at(&format!("{path}.price.purchase_usd"))?;
    let purchase = usd_cents(server.purchase_usd.value.get());
    Ok(vec![
        (
            format!(
                "{what}: {name}, owned: {purchase} to {}% resale over {} months",
                server.resale_percent.value, server.life_months.value
            ),
            LineKind::Owned,
            month.depreciation,
        ),
        (
            format!(
                "{what}: installation, {} over {} months",
                usd_cents(server.installation_usd.value.get()),
                server.life_months.value
            ),
            LineKind::Owned,
            month.installation,
        ),
        (
            format!(
                "{what}: cost of capital, {}% a year on the average book value held over {months} months",
                server.capital_percent_per_year.value
            ),
            LineKind::Owned,
            month.capital,
        ),
        (
            format!(
                "{what}: maintenance, {}% of the purchase a year",
                server.maintenance_percent_per_year.value
            ),
            LineKind::Flat,
            month.maintenance,
        ),
        (
            format!(
                "{what}: power, {} kW × PUE {} × {} hours at ${}/kWh",
                server.power_kw.value,
                server.pue.value,
                hosting.hours_in_service_per_month.value,
                server.usd_per_kwh.value
            ),
            LineKind::Flat,
            month.power,
        ),
        (
            format!("{what}: facilities, rack, cooling and network"),
            LineKind::Flat,
            month.facilities,
        ),
    ]
    .into_iter()
    .filter(|(_, _, amount)| !amount.is_zero())
    .collect())
}

/// The servers `hosting` buys, when it buys them: what the cash view pays for each and gets
/// back when it sells it.
fn fleet(hosting: &Hosting) -> Result<Option<Fleet>, ComputeError> {
    let InstancePrice::Owned(server) = &hosting.price else {
        return Ok(None);
    };
    Ok(Some(Fleet {
        purchase: server.purchase_usd.value.get(),
        installation: server.installation_usd.value.get(),
        resale: server
            .resale_percent
            .value
            .fraction()
            .at("price.resale_percent")?,
        life_months: server.life_months.value.max(1),
    }))
}

fn self_host(
    scenario: &Scenario,
    input_share: Decimal,
    peak: Decimal,
    months: Decimal,
) -> Result<CostModel, ComputeError> {
    let s = &scenario.self_host;
    let (gpu, instances) = hosting(
        &s.hosting,
        "self_host.hosting",
        (input_share, peak, scenario.horizon.months.value),
        Decimal::ONE,
        "GPU instances",
    )?;
    let mut lines = gpu;
    lines.push(staff_line(&s.staff, "self_host.staff", "Staff")?);
    if !s.security_usd_per_month.value.get().is_zero() {
        lines.push(CostLine::fixed(
            "Security and compliance".to_owned(),
            LineKind::Flat,
            s.security_usd_per_month.value.get(),
        ));
    }
    lines.extend(amortised(
        "Setup",
        s.setup_usd.value.get(),
        months,
        "self_host.setup_usd",
    )?);
    Ok(CostModel::new(Phase::SelfHost, lines, instances)?.with_fleet(fleet(&s.hosting)?))
}

fn fine_tune(
    scenario: &Scenario,
    buy: &[CostLine],
    input_share: Decimal,
    peak: Decimal,
    months: Decimal,
) -> Result<CostModel, ComputeError> {
    let f = &scenario.fine_tune;
    let routed = fraction(&f.routed_percent, "fine_tune.routed_percent")?;
    let fallback = fraction(&f.fallback_percent, "fine_tune.fallback_percent")?;
    let kept = sub(Decimal::ONE, routed, "1 − routed").at("fine_tune.routed_percent")?;
    let failed_over =
        mul(routed, fallback, "routed × fallback").at("fine_tune.fallback_percent")?;
    let tuned = sub(routed, failed_over, "routed − fallback").at("fine_tune.fallback_percent")?;
    let buy_slope = buy.iter().try_fold(Decimal::ZERO, |sum, line| {
        add(sum, line.per_token, "prices").at("buy")
    })?;
    let mut lines = Vec::new();
    if !kept.is_zero() {
        let kept_percent = mul(kept, Decimal::ONE_HUNDRED, "%")
            .at("fine_tune.routed_percent")?
            .normalize();
        let price = mul(buy_slope, kept, "price × share").at("fine_tune.routed_percent")?;
        lines.push(CostLine::per_token(
            format!("API for traffic not routed ({kept_percent}%)"),
            LineKind::Api,
            price,
        ));
    }
    if !failed_over.is_zero() {
        let label = format!(
            "API for fallback ({}% of routed traffic)",
            f.fallback_percent.value
        );
        let price =
            mul(buy_slope, failed_over, "price × share").at("fine_tune.fallback_percent")?;
        lines.push(CostLine::per_token(label, LineKind::Api, price));
    }
    // The API integration stays, with its people and fees, while any traffic still goes to it.
    if f.keeps_the_api() {
        let spend = api_slope(&lines)?;
        lines.extend(buy_fixed_lines(&scenario.buy.fixed, months, spend)?);
    }
    let (serving, instances) = tuned_serving(
        &f.serving,
        (input_share, peak, scenario.horizon.months.value),
        tuned,
    )?;
    lines.extend(serving);
    let run = [
        &f.curation_usd_per_run,
        &f.training_usd_per_run,
        &f.evaluation_usd_per_run,
    ]
    .iter()
    .try_fold(Decimal::ZERO, |sum, cost| {
        add(sum, cost.value.get(), "run costs").at("fine_tune.training_usd_per_run")
    })?;
    let every = f.retrain_every_months.value;
    let (label, spread) = if every == 0 {
        ("Training run (data, training, evals)".to_owned(), months)
    } else {
        (
            format!("Training run every {every} months:"),
            Decimal::from(every),
        )
    };
    // Each feature's tuned model is trained on that feature's own data.
    lines.extend(
        amortised(&label, run, spread, "fine_tune.retrain_every_months")?.map(|line| CostLine {
            counted: Counted::EachFeature,
            ..line
        }),
    );
    lines.push(staff_line(&f.staff, "fine_tune.staff", "ML staff")?);
    let owned = match &f.serving {
        TunedServing::Hosted(h) => fleet(h)?,
        _ => None,
    };
    Ok(CostModel::new(Phase::FineTune, lines, instances)?.with_fleet(owned))
}

/// The tuned model's serving line, for the `tuned` share of the traffic it serves.
fn tuned_serving(
    serving: &TunedServing,
    (input_share, peak, months): (Decimal, Decimal, u32),
    tuned: Decimal,
) -> Result<(Vec<CostLine>, Instances), ComputeError> {
    match serving {
        TunedServing::Hosted(h) => hosting(
            h,
            "fine_tune.serving.hosting",
            (input_share, peak, months),
            tuned,
            "Tuned model instances",
        ),
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
            ..
        } => {
            let output_share =
                sub(Decimal::ONE, input_share, "1 − input share").at("workload.volume")?;
            let input = share_at(
                input_share,
                input_usd_per_1m,
                "fine_tune.serving.input_usd_per_1m",
            )?;
            let output = share_at(
                output_share,
                output_usd_per_1m,
                "fine_tune.serving.output_usd_per_1m",
            )?;
            let blended = add(input, output, "prices").at("fine_tune.serving")?;
            let price = mul(blended, tuned, "price × share").at("fine_tune.routed_percent")?;
            let label = format!(
                "Tuned model tokens at ${} in / ${} out per 1M",
                input_usd_per_1m.value, output_usd_per_1m.value
            );
            Ok((
                vec![CostLine::per_token(label, LineKind::Api, price)],
                Instances::None,
            ))
        }
        TunedServing::Flat {
            usd_per_month,
            tokens_per_month,
            ..
        } => flat_fee(
            usd_per_month.value.get(),
            tokens_per_month.value.get(),
            tuned,
        )
        .map(|(line, instances)| (vec![line], instances)),
    }
}

/// A flat fee that covers `covered` tokens a month of the tuned model's traffic, `tuned` of the
/// whole: one block of the fee up to it, another for each further `covered` tokens.
fn flat_fee(
    fee: Decimal,
    covered: Decimal,
    tuned: Decimal,
) -> Result<(CostLine, Instances), ComputeError> {
    let path = "fine_tune.serving.tokens_per_month";
    let line = CostLine {
        label: format!(
            "Tuned model serving: a flat {}/month for each {} tokens a month",
            usd_cents(fee),
            group_thousands(covered)
        ),
        kind: LineKind::Flat,
        per_token: Decimal::ZERO,
        fixed: Decimal::ZERO,
        per_instance: fee,
        least: None,
        tops_up: Decimal::ZERO,
        counted: Counted::ByOption,
    };
    if tuned.is_zero() {
        return Ok((line, Instances::Fixed(Decimal::ONE)));
    }
    if covered <= Decimal::ZERO {
        return Err(crate::error::ArithmeticError::DivisionByZero {
            operation: "tokens ÷ tokens the flat fee covers",
        })
        .at(path);
    }
    let width = div(covered, tuned, "tokens covered ÷ tuned share").at(path)?;
    let capacity = Capacity {
        full: Some(covered),
        planned: Some(covered),
        basis: format!(
            "a flat fee of {}/month covers {} tokens a month",
            usd_cents(fee),
            group_thousands(covered)
        ),
        hours: HOURS_PER_MONTH,
    };
    Ok((
        line,
        Instances::Stair(Stair {
            width,
            min: Decimal::ONE,
            traffic_share: tuned,
            peak: Decimal::ONE,
            capacity,
            step_of: StepOf::FlatFee,
        }),
    ))
}

fn pretrain(
    scenario: &Scenario,
    input_share: Decimal,
    peak: Decimal,
    months: Decimal,
) -> Result<CostModel, ComputeError> {
    let p = &scenario.pretrain;
    let (gpu, instances) = hosting(
        &p.hosting,
        "pretrain.hosting",
        (input_share, peak, scenario.horizon.months.value),
        Decimal::ONE,
        "Serving instances",
    )?;
    let build = add(
        p.corpus_usd.value.get(),
        p.compute_usd.value.get(),
        "corpus + compute",
    )
    .at("pretrain.compute_usd")?;
    let mut lines = gpu;
    lines.push(staff_line(&p.team, "pretrain.team", "Team")?);
    lines.extend(amortised(
        "Corpus and training compute",
        build,
        months,
        "pretrain.compute_usd",
    )?);
    Ok(CostModel::new(Phase::Pretrain, lines, instances)?.with_fleet(fleet(&p.hosting)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    fn model(scenario: &Scenario, phase: Phase) -> CostModel {
        build_models(scenario, dec!(0.7)).expect("computes")[phase.index()].clone()
    }

    /// A staircase of `width` tokens a step, at least `min` instances, and nothing else.
    fn bare_stair(width: Decimal, min: Decimal) -> Stair {
        Stair {
            width,
            min,
            traffic_share: Decimal::ONE,
            peak: Decimal::ONE,
            capacity: Capacity {
                full: None,
                planned: None,
                basis: String::new(),
                hours: HOURS_PER_MONTH,
            },
            step_of: StepOf::Instance,
        }
    }

    /// The count by a decimal division, rounded up, settled by multiplying back: how the
    /// engine counts where the mantissas are too long to divide in whole numbers.
    #[expect(
        clippy::arithmetic_side_effects,
        reason = "the test keeps the ratio under 10^20, so the products fit"
    )]
    fn by_division(volume: Decimal, width: Decimal) -> Decimal {
        let mut k = (volume / width).ceil();
        if k * width < volume {
            k += Decimal::ONE;
        } else if k > Decimal::ZERO && (k - Decimal::ONE) * width >= volume {
            k -= Decimal::ONE;
        }
        k
    }

    /// Starting from the whole-number count gives the count the decimal division gives, long
    /// mantissas and step edges among them.
    #[test]
    fn instances_counted_from_whole_numbers_match_the_division() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let long = |bits: u64, a: u64, b: u64| -> i128 {
            let whole = (i128::from(a >> 1) << 64) | i128::from(b);
            (whole >> (127 - bits.clamp(1, 96))).max(1)
        };
        let scale = |x: u64| u32::try_from(x % 29).unwrap_or(0);
        let (mut whole, mut exact) = (0, 0);
        for _ in 0..20_000 {
            let r: [u64; 5] = std::array::from_fn(|_| next());
            let width =
                Decimal::from_i128_with_scale(long(r[0] % 97, r[1], r[2]), scale(r[0] >> 8));
            let volume = if r[4].is_multiple_of(2) {
                // On a step's edge as the engine multiplies it, or a unit of its last digit
                // either side.
                let Some(edge) = Decimal::from(r[3] % 100_000).checked_mul(width) else {
                    continue;
                };
                let nudge = i64::try_from(r[3] % 3).unwrap_or(0) - 1;
                edge + Decimal::new(nudge, edge.scale())
            } else {
                Decimal::from_i128_with_scale(long(r[3] % 97, r[4], r[0]), scale(r[3] >> 8))
            };
            if volume <= Decimal::ZERO || volume.checked_div(width).is_none_or(|r| r > dec!(1e20)) {
                continue;
            }
            let stair = bare_stair(width, Decimal::ZERO);
            assert_eq!(
                stair.instances(volume).expect("counts"),
                by_division(volume, width),
                "{volume} ÷ {width}"
            );
            whole += usize::from(whole_ceil(volume, width).is_some());
            exact += usize::from(whole_ceil(volume, width).is_some_and(|(_, e)| e));
        }
        assert!(
            whole > 5_000,
            "only {whole} counts started in whole numbers"
        );
        assert!(
            exact > 1_000,
            "only {exact} counts whose edges multiply out exactly"
        );
    }

    #[test]
    fn the_lines_add_up_to_the_total() {
        let scenario = Scenario::embedded_default();
        for model in build_models(&scenario, dec!(0.7)).expect("computes") {
            let volume = dec!(1_000_000_000);
            let instances = model.instances_at(volume).expect("counts");
            let sum = model
                .lines
                .iter()
                .map(|l| l.at(volume, instances).expect("line"))
                .sum::<Decimal>();
            assert_eq!(
                sum,
                model.cost_at(volume).expect("total"),
                "{:?}",
                model.phase
            );
        }
    }

    #[test]
    fn buy_cost_is_buys_api_spend_to_the_last_digit() {
        let legal_tech = include_str!("../../../scenarios/seed000-legal-tech.ron");
        for text in [crate::scenario::DEFAULT_RON, legal_tech] {
            let scenario = crate::scenario::from_ron_str(text).expect("valid");
            let outcome = crate::engine::compute(&scenario).expect("computes");
            assert_eq!(
                buy_cost(&scenario.buy, outcome.traffic),
                Ok(outcome.api_spend)
            );
        }
    }

    #[test]
    fn buy_prices_each_token_class_then_discounts_then_retries() {
        // Default: 70% input of which 20% cached, GPT-4o mini, retry 1.1.
        let buy = model(&Scenario::embedded_default(), Phase::Buy);
        let per_million = buy.cost_at(MILLION).expect("cost");
        // (0.7 × 0.8 × 0.15 + 0.7 × 0.2 × 0.075 + 0.3 × 0.60) × 1.1
        assert_eq!(
            per_million,
            (dec!(0.084) + dec!(0.0105) + dec!(0.18)) * dec!(1.1)
        );
    }

    /// Claude Sonnet 4 from the catalog ($3.00 in, $15.00 out, $0.30 read from the cache, $3.75
    /// written to it), no batch, discount or retry, reading `read`% of its input from the cache
    /// and writing `written`%.
    fn sonnet(read: Decimal, written: Decimal) -> Scenario {
        use crate::units::{Percent, Ratio};
        let mut scenario = Scenario::embedded_default();
        let buy = &mut scenario.buy;
        crate::catalog::Catalog::embedded()
            .api_model("claude-sonnet-4")
            .expect("Claude Sonnet 4")
            .apply_to(buy);
        buy.cached_input_percent.value = Percent::new(read);
        buy.cache_write_percent.value = Percent::new(written);
        buy.batch_percent.value = Percent::ZERO;
        buy.commitment_discount_percent.value = Percent::ZERO;
        buy.retry_factor.value = Ratio::new(Decimal::ONE);
        scenario
    }

    #[test]
    fn cache_writes_are_billed_at_the_write_price_instead_of_the_input_price() {
        // 1B input and 1B output tokens a month; of the input, 40% read from the cache and 5%
        // written to it.
        let traffic = Traffic {
            input: dec!(1_000_000_000),
            output: dec!(1_000_000_000),
        };
        let volume = traffic.total().expect("adds up");
        let scenario = sonnet(dec!(40), dec!(5));
        let half_input = traffic.input_share().expect("a share");
        let buy =
            build_models(&scenario, half_input).expect("computes")[Phase::Buy.index()].clone();
        assert_eq!(buy.slope * volume, dec!(16_957.50));
        let lines: Vec<(&str, Decimal)> = buy
            .lines
            .iter()
            .map(|l| (l.label.as_str(), l.at(volume, Decimal::ZERO).expect("line")))
            .collect();
        assert_eq!(
            lines,
            [
                // The rest, 55%: 550M × $3.00.
                ("Input tokens at $3.00 per 1M", dec!(1_650)),
                // 400M × $0.30.
                ("Cached input tokens (40%) at $0.30 per 1M", dec!(120)),
                // 50M × $3.75, in place of 50M × $3.00: $37.50 more.
                ("Cache writes (5%) at $3.75 per 1M", dec!(187.50)),
                // 1B × $15.00.
                ("Output tokens at $15.00 per 1M", dec!(15_000)),
            ]
        );
        assert_eq!(buy_cost(&scenario.buy, traffic), Ok(dec!(16_957.50)));
        // Without writes, those 50M are input: $37.50 less, and no line for writes.
        let unwritten = sonnet(dec!(40), Decimal::ZERO);
        assert_eq!(buy_cost(&unwritten.buy, traffic), Ok(dec!(16_920)));
        assert_eq!(model(&unwritten, Phase::Buy).lines.len(), 3);
    }

    #[test]
    fn a_model_without_a_write_price_writes_at_its_input_price() {
        let traffic = Traffic {
            input: dec!(1_000_000_000),
            output: dec!(1_000_000_000),
        };
        let mut written = sonnet(dec!(40), dec!(5));
        crate::catalog::Catalog::embedded()
            .api_model("gpt-4o")
            .expect("GPT-4o")
            .apply_to(&mut written.buy);
        let mut unwritten = written.clone();
        unwritten.buy.cache_write_percent.value = crate::units::Percent::ZERO;
        // GPT-4o: 550M and 50M at $2.50, 400M at $1.25, 1B at $10.00.
        assert_eq!(buy_cost(&written.buy, traffic), Ok(dec!(12_000)));
        assert_eq!(
            buy_cost(&written.buy, traffic),
            buy_cost(&unwritten.buy, traffic)
        );
    }

    #[test]
    fn instances_step_up_exactly_at_each_multiple_of_the_width() {
        let stair = bare_stair(dec!(1000), Decimal::ONE);
        assert_eq!(stair.instances(dec!(0)), Ok(dec!(1)));
        assert_eq!(stair.instances(dec!(1000)), Ok(dec!(1)));
        assert_eq!(stair.instances(dec!(1000.000001)), Ok(dec!(2)));
        assert_eq!(stair.instances(dec!(5000)), Ok(dec!(5)));
    }

    #[test]
    fn unlimited_throughput_runs_one_instance_always() {
        let mut scenario = Scenario::embedded_default();
        scenario.self_host.hosting.throughput = crate::scenario::Throughput::Unlimited;
        scenario.self_host.hosting.min_instances.value = 0;
        let model = model(&scenario, Phase::SelfHost);
        assert_eq!(model.instances_at(dec!(1e15)), Ok(Decimal::ONE));
    }
}

/// A line with a least (a minimum of billed hours): flat below its kink, per token above, and
/// crossings with it found exactly, on either side of the kink or at it.
#[cfg(test)]
mod least {
    use rust_decimal::dec;

    use super::*;
    use crate::engine::break_even::break_even;

    fn per_1m_price(per_1m: Decimal) -> Decimal {
        div(per_1m, MILLION, "USD per 1M ÷ 1,000,000").unwrap()
    }

    fn per_token(per_1m: Decimal, fixed: Decimal) -> CostModel {
        let line = CostLine {
            fixed,
            ..CostLine::per_token("API".to_owned(), LineKind::Api, per_1m_price(per_1m))
        };
        CostModel::new(Phase::Buy, vec![line], Instances::None).unwrap()
    }

    /// $0.50 per 1M tokens, at least $100 a month: flat to 200M tokens.
    fn busy_hours() -> CostModel {
        let line = CostLine {
            least: Some(dec!(100)),
            ..CostLine::per_token("GPU".to_owned(), LineKind::Gpu, per_1m_price(dec!(0.5)))
        };
        CostModel::new(Phase::SelfHost, vec![line], Instances::None).unwrap()
    }

    #[test]
    fn below_its_kink_the_line_bills_its_least_and_above_it_the_tokens() {
        let gpu = busy_hours();
        assert_eq!(gpu.kinks().unwrap(), [dec!(200_000_000)]);
        assert_eq!(gpu.cost_at(dec!(50_000_000)).unwrap(), dec!(100));
        assert_eq!(gpu.cost_at(dec!(200_000_000)).unwrap(), dec!(100));
        assert_eq!(gpu.cost_at(dec!(400_000_000)).unwrap(), dec!(200));
    }

    #[test]
    fn a_crossing_below_the_kink_is_found_where_the_other_reaches_the_least() {
        // $1 per 1M reaches $100 at 100M tokens, where the GPU is still at its least.
        let pair = break_even(
            &per_token(dec!(1), Decimal::ZERO),
            &busy_hours(),
            dec!(1_000_000),
            dec!(10_000_000_000),
        )
        .unwrap();
        let volumes: Vec<Decimal> = pair.crossings.iter().map(|c| c.volume).collect();
        assert_eq!(volumes, [dec!(100_000_000)]);
        assert_eq!(pair.crossings[0].cheaper_above, Phase::SelfHost);
    }

    #[test]
    fn a_crossing_above_the_kink_is_found_on_the_tokens_slope() {
        // $0.25 per 1M plus $150: equal to the GPU's $0.50 per 1M at 600M tokens, past the
        // kink; below it the GPU's $100 least is the cheaper.
        let pair = break_even(
            &per_token(dec!(0.25), dec!(150)),
            &busy_hours(),
            dec!(1_000_000),
            dec!(10_000_000_000),
        )
        .unwrap();
        let volumes: Vec<Decimal> = pair.crossings.iter().map(|c| c.volume).collect();
        assert_eq!(volumes, [dec!(600_000_000)]);
        assert_eq!(pair.crossings[0].cheaper_above, Phase::Buy);
    }

    #[test]
    fn touching_at_the_kink_is_not_a_crossing() {
        // $0.25 per 1M plus $50 is $100 at 200M, the kink, and cheaper on both sides.
        let pair = break_even(
            &per_token(dec!(0.25), dec!(50)),
            &busy_hours(),
            dec!(1_000_000),
            dec!(10_000_000_000),
        )
        .unwrap();
        assert!(pair.crossings.is_empty(), "{:?}", pair.crossings);
        assert_eq!(pair.cheaper_at_top, Some(Phase::Buy));
    }

    /// $1 per 1M tokens on the API under a committed minimum of $100 a month.
    fn committed() -> CostModel {
        let api = CostLine::per_token("API".to_owned(), LineKind::Api, per_1m_price(dec!(1)));
        let top_up = CostLine {
            least: Some(dec!(100)),
            tops_up: api.per_token,
            ..CostLine::fixed("Committed".to_owned(), LineKind::Commitment, Decimal::ZERO)
        };
        CostModel::new(Phase::Buy, vec![api, top_up], Instances::None).unwrap()
    }

    #[test]
    fn a_committed_minimum_is_paid_below_it_and_adds_nothing_above() {
        let buy = committed();
        assert_eq!(buy.kinks().unwrap(), [dec!(100_000_000)]);
        assert_eq!(buy.cost_at(dec!(30_000_000)).unwrap(), dec!(100));
        assert_eq!(buy.cost_at(dec!(100_000_000)).unwrap(), dec!(100));
        assert_eq!(buy.cost_at(dec!(300_000_000)).unwrap(), dec!(300));
        let top_up = &buy.lines[1];
        assert_eq!(
            top_up.at(dec!(30_000_000), Decimal::ZERO).unwrap(),
            dec!(70)
        );
        assert_eq!(
            top_up.at(dec!(300_000_000), Decimal::ZERO).unwrap(),
            dec!(0)
        );
        // With API prices halved, the spend halves but the commitment stays in dollars.
        assert_eq!(
            top_up.raised(dec!(100_000_000), dec!(0.5)).unwrap(),
            dec!(50)
        );
    }

    #[test]
    fn crossings_with_a_committed_minimum_are_found_on_either_side_of_it() {
        let range = (dec!(1_000_000), dec!(10_000_000_000));
        // $2 per 1M reaches the $100 committed at 50M tokens, below the commitment's kink.
        let dearer = per_token(dec!(2), Decimal::ZERO);
        let dearer = CostModel {
            phase: Phase::SelfHost,
            ..dearer
        };
        let pair = break_even(&committed(), &dearer, range.0, range.1).unwrap();
        let volumes: Vec<Decimal> = pair.crossings.iter().map(|c| c.volume).collect();
        assert_eq!(volumes, [dec!(50_000_000)]);
        assert_eq!(pair.crossings[0].cheaper_above, Phase::Buy);
        // A flat $150 is reached by the tokens at 150M, above it.
        let flat = CostModel::new(
            Phase::SelfHost,
            vec![CostLine::fixed(
                "Flat".to_owned(),
                LineKind::Flat,
                dec!(150),
            )],
            Instances::None,
        )
        .unwrap();
        let pair = break_even(&committed(), &flat, range.0, range.1).unwrap();
        let volumes: Vec<Decimal> = pair.crossings.iter().map(|c| c.volume).collect();
        assert_eq!(volumes, [dec!(150_000_000)]);
        assert_eq!(pair.crossings[0].cheaper_above, Phase::SelfHost);
    }

    #[test]
    fn the_plotted_curve_follows_the_committed_minimum() {
        let curves =
            crate::engine::samples::samples(&[committed()], dec!(1_000_000), dec!(1_000_000_000));
        for [volume, cost] in &curves[0].points {
            let expected = (volume / 1e6).max(100.0);
            assert!((cost - expected).abs() < 1e-6, "{volume}: {cost}");
        }
    }
}
