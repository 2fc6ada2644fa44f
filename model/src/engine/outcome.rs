//! Everything the engine computes for a scenario, in one pass.

use rust_decimal::{Decimal, dec};

use super::break_even::{PairBreakEven, break_even, cheapest_above};
use super::capacity::capacity;
use super::cost_model::{CostModel, Instances, LineKind, StepOf, build_models};
use super::horizon::{HorizonSummary, horizon};
use super::latency::{Latency, latency};
use super::samples::plot_range;
use super::sizing::{Sizing, sizings};
use crate::catalog::{Catalog, catalog_drift};
use crate::error::{AtField, ComputeError};
use crate::format::group_thousands;
use crate::phase::Phase;
use crate::scenario::{Hosting, Scenario, Throughput};
use crate::scenario::{Traffic, traffic};
use crate::sources::Seed;
use crate::units::{div, mul};

/// Below this achieved utilisation, self-hosting costs more per token than its spec sheet
/// suggests (seed 002: "If you're not running them at >70% utilization...").
const LOW_UTILISATION: Decimal = dec!(0.7);

/// One option's cost at the scenario's volume, line by line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionCost {
    /// The option.
    pub phase: Phase,
    /// Each line's label and monthly amount; they add up to `total`.
    pub lines: Vec<(String, Decimal)>,
    /// The monthly cost, up-front costs amortised.
    pub total: Decimal,
    /// Instances running, for options that run any.
    pub instances: Option<Decimal>,
    /// Average load over what the instances can serve at full load (0 to 1), where modelled.
    /// With a peak of 2x and a 70% target it is at best 35%: see [`Self::planned_utilisation`].
    pub utilisation: Option<Decimal>,
    /// Average load over the capacity planned for it (0 to 1): what the instances serve once
    /// the target utilisation and the peak are allowed for. Below 1 only when capacity stands
    /// idle that fewer or smaller instances would remove (a minimum count, or a step bought
    /// for a little traffic).
    pub planned_utilisation: Option<Decimal>,
    /// The most of full capacity the load can use at this target and peak: target ÷ peak.
    pub achievable_utilisation: Option<Decimal>,
    /// What one instance serves a month at full load, where modelled.
    pub capacity_per_instance: Option<Decimal>,
    /// The throughput basis behind the capacity, in words.
    pub capacity_basis: Option<String>,
}

/// Something the user should know about the figures: they are computed, but may mislead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The input it is about.
    pub input: String,
    /// What to know, as a sentence.
    pub message: String,
    /// The article it comes from, by title, when it comes from one.
    pub source: Option<&'static str>,
    /// The option it is about, when it is about one: a report leaves out what is said of an
    /// option the recommendation ruled out.
    pub phase: Option<Phase>,
}

/// The option an input path belongs to (`self_host.hosting` → Self-host), if it belongs to one.
#[must_use]
pub fn phase_of_input(path: &str) -> Option<Phase> {
    let head = path.split('.').next()?;
    match head {
        "buy" => Some(Phase::Buy),
        "fine_tune" => Some(Phase::FineTune),
        "self_host" => Some(Phase::SelfHost),
        "pretrain" => Some(Phase::Pretrain),
        _ => None,
    }
}

/// The option cheapest at high volume, and from where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheapestAbove {
    /// The option cheapest at the top of the plotted range.
    pub phase: Phase,
    /// The volume above which it stays cheapest; `None` when it is cheapest across the range.
    pub volume: Option<Decimal>,
}

/// What the engine computes for a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The traffic in the current month.
    pub traffic: Traffic,
    /// Its total, tokens a month.
    pub volume: Decimal,
    /// The range of volumes searched for break-evens; the cost chart plots the part of it that
    /// matters (`CostChart::range`).
    pub range: (Decimal, Decimal),
    /// Each option's cost model, for plotting.
    pub models: [CostModel; 4],
    /// Each option's cost at the scenario's volume, in [`Phase::ALL`] order.
    pub costs: [OptionCost; 4],
    /// What Buy pays the API provider a month at the scenario's volume: its token lines,
    /// discounts and retries included, not the integration's people, fees or build. The
    /// articles' spend thresholds ("below $5K/month") are about this bill.
    pub api_spend: Decimal,
    /// The cheapest option at the scenario's volume.
    pub cheapest: Phase,
    /// The crossings of each pair of options.
    pub break_evens: Vec<PairBreakEven>,
    /// The option cheapest at high volume.
    pub cheapest_above: CheapestAbove,
    /// The cash over the horizon.
    pub horizon: HorizonSummary,
    /// How many instances each hosted option runs, and why, today and month by month.
    pub sizing: Vec<Sizing>,
    /// How long one reply takes with each option.
    pub latency: Latency,
    /// What to be careful with.
    pub warnings: Vec<Warning>,
}

/// Computes every figure of `scenario`. A valid scenario never fails here unless its inputs
/// combine into numbers too large to hold exactly; then the error names the input.
pub fn compute(scenario: &Scenario) -> Result<Outcome, ComputeError> {
    compute_in(scenario, Catalog::embedded())
}

/// As [`compute`], with the prices of the scenario's catalog picks checked against `catalog`
/// (the embedded one with the user's imported prices over it) rather than the embedded one.
pub fn compute_in(scenario: &Scenario, catalog: &Catalog) -> Result<Outcome, ComputeError> {
    compute_with(scenario, Detail::Full(catalog))
}

/// How much of the outcome to work out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Detail<'a> {
    /// Everything the window and the reports show, the catalog picks checked against this
    /// catalog.
    Full(&'a Catalog),
    /// What a Monte Carlo sample needs: the costs, the reply times, and the horizon and the
    /// break-evens of the options on the table; no sizing month by month, no warnings, no
    /// monthly gross margins, no horizon for an option left out (its cash stays zero) and no
    /// crossings with one (their pairs are empty).
    Sample,
}

/// The figures a Monte Carlo sample needs of `scenario`: as [`compute`], less the sizing, the
/// warnings, the monthly gross margins, and the cash and crossings of options left out, which
/// no sample reads. Costs, reply times, and the horizon and crossings of the options on the
/// table are the same to the cent.
pub fn compute_sample(scenario: &Scenario) -> Result<Outcome, ComputeError> {
    compute_with(scenario, Detail::Sample)
}

fn compute_with(scenario: &Scenario, detail: Detail<'_>) -> Result<Outcome, ComputeError> {
    let full = matches!(detail, Detail::Full(_));
    let traffic = traffic(&scenario.workload)?;
    let volume = traffic.total()?;
    let input_share = traffic.input_share()?;
    let models = build_models(scenario, input_share)?;
    let range = plot_range(volume);
    let mut costs = Vec::with_capacity(4);
    for model in &models {
        costs.push(option_cost(model, volume)?);
    }
    let costs: [OptionCost; 4] = costs
        .try_into()
        .unwrap_or_else(|_| unreachable!("one cost per model"));
    let buy = &models[Phase::Buy.index()];
    let api_spend = buy
        .lines
        .iter()
        .zip(&costs[Phase::Buy.index()].lines)
        .filter(|(line, _)| line.kind == LineKind::Api)
        .try_fold(Decimal::ZERO, |sum, (_, (_, amount))| {
            crate::units::add(sum, *amount, "adding API lines")
        })
        .at("buy")?;
    let cheapest = costs
        .iter()
        .min_by(|a, b| a.total.cmp(&b.total))
        .map_or(Phase::Buy, |c| c.phase);
    let mut break_evens = Vec::with_capacity(6);
    let mut rest = models.as_slice();
    while let Some((a, later)) = rest.split_first() {
        for b in later {
            let weighed = scenario.on_the_table(a.phase) && scenario.on_the_table(b.phase);
            break_evens.push(if full || weighed {
                break_even(a, b, range.0, range.1)?
            } else {
                PairBreakEven {
                    a: a.phase,
                    b: b.phase,
                    crossings: Vec::new(),
                    truncated: false,
                    cheaper_at_top: None,
                }
            });
        }
        rest = later;
    }
    let (phase, above) = cheapest_above(&models, &break_evens, range.1)?;
    let horizon = horizon(scenario, &models, volume, !full)?;
    let output_share =
        crate::units::sub(Decimal::ONE, input_share, "1 − input share").at("workload.volume")?;
    let latency = latency(scenario)?;
    let mut sizing = Vec::new();
    let mut warnings = Vec::new();
    if let Detail::Full(catalog) = detail {
        sizing = sizings(&models, volume, output_share, &horizon.months)?;
        utilisation_warnings(&models, &costs, &mut warnings)?;
        flat_fee_warning(&models[Phase::FineTune.index()], &horizon, &mut warnings)?;
        basis_warnings(&costs, &mut warnings);
        unlimited_capacity_warning(scenario, &break_evens, input_share, &mut warnings)?;
        for drift in catalog_drift(scenario, catalog) {
            let message = format!("Catalog: {} {}.", drift.path, drift.message);
            warnings.push(Warning {
                phase: phase_of_input(&drift.path),
                input: drift.path,
                message,
                source: None,
            });
        }
    }
    Ok(Outcome {
        traffic,
        volume,
        range,
        models,
        costs,
        api_spend,
        cheapest,
        break_evens,
        cheapest_above: CheapestAbove {
            phase,
            volume: above,
        },
        horizon,
        sizing,
        latency,
        warnings,
    })
}

fn option_cost(model: &CostModel, volume: Decimal) -> Result<OptionCost, ComputeError> {
    let instances = model.instances_at(volume)?;
    let mut lines = Vec::with_capacity(model.lines.len());
    let mut total = Decimal::ZERO;
    for line in &model.lines {
        let amount = line.at(volume, instances)?;
        total = crate::units::add(total, amount, "adding lines").at(&line.label)?;
        lines.push((line.label.clone(), amount));
    }
    let label = model.phase.label();
    let mut cost = OptionCost {
        phase: model.phase,
        lines,
        total,
        instances: None,
        utilisation: None,
        planned_utilisation: None,
        achievable_utilisation: None,
        capacity_per_instance: None,
        capacity_basis: None,
    };
    match &model.instances {
        Instances::None => {}
        Instances::Fixed(n) => cost.instances = Some(*n),
        Instances::Stair(stair) => {
            cost.instances = Some(instances);
            cost.capacity_per_instance = stair.capacity.full;
            cost.capacity_basis = Some(stair.capacity.basis.clone());
            if let Some(full) = stair.capacity.full
                && !instances.is_zero()
            {
                let served = mul(volume, stair.traffic_share, "volume × share").at(label)?;
                let serving = mul(full, instances, "capacity × instances").at(label)?;
                cost.utilisation = Some(div(served, serving, "load ÷ capacity").at(label)?);
                let planned = mul(stair.width, instances, "width × instances").at(label)?;
                cost.planned_utilisation =
                    Some(div(volume, planned, "load ÷ planned capacity").at(label)?);
                if let Some(target) = stair.capacity.planned {
                    let share = div(target, full, "planned ÷ full").at(label)?;
                    cost.achievable_utilisation =
                        Some(div(share, stair.peak, "target ÷ peak").at(label)?);
                }
            }
        }
    }
    Ok(cost)
}

fn hosting_path(phase: Phase) -> &'static str {
    match phase {
        Phase::SelfHost => "self_host.hosting",
        Phase::FineTune => "fine_tune.serving.hosting",
        Phase::Pretrain | Phase::Buy => "pretrain.hosting",
    }
}

fn utilisation_warnings(
    models: &[CostModel; 4],
    costs: &[OptionCost; 4],
    warnings: &mut Vec<Warning>,
) -> Result<(), ComputeError> {
    for (model, cost) in models.iter().zip(costs) {
        let Some(utilisation) = cost.utilisation else {
            continue;
        };
        if matches!(&model.instances, Instances::Stair(s) if s.step_of == StepOf::FlatFee) {
            // A flat fee is paid whatever the load: there is nothing to scale to zero.
            continue;
        }
        // Only idle capacity the user could remove is worth a warning: the load below what is
        // planned for it. The target and the peak leave the rest idle on purpose; with a
        // peak of 2x and a 70% target, 35% of full capacity is the most the load can use.
        let (Some(planned), Some(achievable)) =
            (cost.planned_utilisation, cost.achievable_utilisation)
        else {
            continue;
        };
        if planned < LOW_UTILISATION {
            let input = format!("{}.min_instances", hosting_path(cost.phase));
            let percent = |share: Decimal| -> Result<Decimal, ComputeError> {
                Ok(mul(share, Decimal::ONE_HUNDRED, "share × 100")
                    .at(&input)?
                    .round_dp(1)
                    .normalize())
            };
            warnings.push(Warning {
                message: format!(
                    "{}: the instances serve {}% of the load planned for them ({}% of their full capacity, \
                     of an achievable {}% at this target and peak): the rest stands idle. Fewer or smaller \
                     instances, scaling to zero or a price per busy hour would remove it; below 70% each \
                     token costs more than the hourly price suggests",
                    cost.phase.label(),
                    percent(planned)?,
                    percent(utilisation)?,
                    percent(achievable)?,
                ),
                input,
                source: Some(Seed::QuestionsThatMatter.title()),
                phase: Some(cost.phase),
            });
        }
    }
    Ok(())
}

/// A flat fee covers only so much: when today's traffic, or the traffic growth brings within
/// the horizon, passes it, the fee steps up, and the user should check the contract says so.
fn flat_fee_warning(
    model: &CostModel,
    horizon: &HorizonSummary,
    warnings: &mut Vec<Warning>,
) -> Result<(), ComputeError> {
    let Instances::Stair(stair) = &model.instances else {
        return Ok(());
    };
    if stair.step_of != StepOf::FlatFee {
        return Ok(());
    }
    let covered = stair.capacity.full.unwrap_or(Decimal::ZERO);
    let mut passed = None;
    for month in &horizon.months {
        let blocks = stair.instances(month.volume)?;
        if blocks > Decimal::ONE {
            passed = Some((month.month, month.volume, blocks));
            break;
        }
    }
    let Some((month, volume, blocks)) = passed else {
        return Ok(());
    };
    // The fee is the option's only price per step.
    let fee = mul(model.step, blocks, "fee × blocks").at("fine_tune.serving.usd_per_month")?;
    let tuned = mul(volume, stair.traffic_share, "volume × share").at(model.phase.label())?;
    let when = if month == 1 {
        "today".to_owned()
    } else {
        format!("by month {month}, with growth,")
    };
    // Rounded as people say it, unless that hides the difference.
    let (mut covered_words, mut tuned_words) = (
        crate::format::tokens_short(covered),
        crate::format::tokens_short(tuned),
    );
    if covered_words == tuned_words {
        covered_words = group_thousands(covered);
        tuned_words = group_thousands(tuned.round_dp(0));
    }
    warnings.push(Warning {
        input: "fine_tune.serving.tokens_per_month".to_owned(),
        message: format!(
            "Fine-tune: the flat fee covers {} tokens a month; {when} the tuned model serves {}, which takes {blocks} blocks of the fee, {}/month: check what your contract charges beyond its limit",
            covered_words,
            tuned_words,
            crate::format::usd_cents(fee),
        ),
        source: None,
        phase: Some(Phase::FineTune),
    });
    Ok(())
}

fn basis_warnings(costs: &[OptionCost; 4], warnings: &mut Vec<Warning>) {
    for cost in costs {
        if let Some(basis) = &cost.capacity_basis
            && basis.contains("assumed free")
        {
            warnings.push(Warning {
                input: format!("{}.throughput", hosting_path(cost.phase)),
                message: format!(
                    "{}: the throughput figure gives no prompt length, so capacity counts output tokens only \
                     and may be overstated for prompt-heavy traffic",
                    cost.phase.label()
                ),
                source: None,
                phase: Some(cost.phase),
            });
        }
    }
}

/// Seed 001's calculator has no capacity limit; the catalog says what one instance serves. A
/// break-even beyond that cannot happen with the instances the scenario pays for.
fn unlimited_capacity_warning(
    scenario: &Scenario,
    pairs: &[PairBreakEven],
    input_share: Decimal,
    warnings: &mut Vec<Warning>,
) -> Result<(), ComputeError> {
    let hosting = &scenario.self_host.hosting;
    if !matches!(hosting.throughput, Throughput::Unlimited) {
        return Ok(());
    }
    let Some(instance) = hosting
        .catalog_id
        .as_deref()
        .and_then(|id| Catalog::embedded().gpu_instance(id))
    else {
        return Ok(());
    };
    let Some(figure) = instance
        .throughput
        .iter()
        .max_by(|a, b| a.output_tokens_per_second.cmp(&b.output_tokens_per_second))
    else {
        return Ok(());
    };
    let Some(break_even) = pairs
        .iter()
        .find(|p| p.a == Phase::Buy && p.b == Phase::SelfHost)
        .and_then(|p| {
            p.crossings
                .iter()
                .find(|c| c.cheaper_above == Phase::SelfHost)
        })
        .map(|c| c.volume)
    else {
        return Ok(());
    };
    let mut full_load = Hosting {
        throughput: figure.as_throughput(instance),
        ..hosting.clone()
    };
    full_load.target_utilisation_percent.value = crate::units::Percent::new(Decimal::ONE_HUNDRED);
    let Some(one) = capacity(&full_load, input_share, "self_host.hosting")?.full else {
        return Ok(());
    };
    let count = Decimal::from(hosting.min_instances.value.max(1));
    let serves = mul(one, count, "capacity × instances").at("self_host.hosting.min_instances")?;
    if break_even > serves {
        warnings.push(Warning {
            input: "self_host.hosting.throughput".to_owned(),
            message: format!(
                "Self-host breaks even at {} tokens/month, but the catalog says {count} {} serves about {} \
                 tokens/month at full load ({}): the break-even needs more instances than the cost counts",
                group_thousands(break_even.round_dp(0)),
                instance.id,
                group_thousands(serves.round_dp(0)),
                figure.model,
            ),
            source: Some(Seed::StrategicArchitecture.title()),
            phase: Some(Phase::SelfHost),
        });
    }
    Ok(())
}
