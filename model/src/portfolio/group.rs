//! What one option costs a month serving several features at once: each feature's own lines,
//! and the option's shared costs counted once. A self-hosting team and its GPUs serve every
//! feature moved to them, their instances sized for the sum of those features' peaks.

use rust_decimal::Decimal;

use crate::engine::{CostLine, CostModel, Counted, Instances, Phase};
use crate::error::{AtField, ComputeError};
use crate::units::{add, div, mul, sub};

/// One option serving a group of features, a month at today's volumes and prices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupCost {
    /// The option.
    pub phase: Phase,
    /// The features it serves, by index, in the scenario's order.
    pub features: Vec<usize>,
    /// Each of those features' own part, in the same order: its tokens at its prices, and
    /// what the option pays for each feature it serves (a tuned model's training runs).
    pub own: Vec<Decimal>,
    /// What the option costs once, whichever features it serves: its people, fees and one-off
    /// work spread over the horizon, its instances for the sum of the features' peaks, and what
    /// a minimum adds to reach itself.
    pub shared: Decimal,
    /// The instances running for all of them, where the option runs any.
    pub instances: Option<Decimal>,
    /// `own` summed, and `shared`: the option's monthly cost for the group.
    pub total: Decimal,
}

/// The instances `models` need together: for a staircase, enough for the sum of each feature's
/// load in instances (its volume over what one instance covers at its mix and peak), rounded
/// up once, never fewer than the minimum. One feature alone runs exactly what its own model
/// runs.
fn instances(models: &[(&CostModel, Decimal)]) -> Result<Decimal, ComputeError> {
    if let [(model, volume)] = models {
        return model.instances_at(*volume);
    }
    let mut load = Decimal::ZERO;
    let mut least = Decimal::ZERO;
    let mut any_stair = false;
    for (model, volume) in models {
        match &model.instances {
            Instances::None => {}
            Instances::Fixed(n) => least = least.max(*n),
            Instances::Stair(stair) => {
                any_stair = true;
                least = least.max(stair.min);
                if *volume > Decimal::ZERO {
                    let share = div(*volume, stair.width, "tokens ÷ tokens per instance")
                        .at("instances")?;
                    load = add(load, share, "adding loads").at("instances")?;
                }
            }
        }
    }
    if any_stair {
        Ok(load.ceil().max(least))
    } else {
        Ok(least)
    }
}

/// The option of `models` (each feature's model of that option and its volume, in the
/// features' order) serving them all. Lines priced per token, and lines paid for each feature,
/// are the features' own; fixed lines are the option's and are taken once (they are made from
/// the shared inputs, so every feature's model has the same); lines priced per instance are
/// paid for the instances the features need together; a line with a least is raised once, to
/// its least, by what all the features' tokens counted towards it fall short.
///
/// With `account` false, the API account's lines (Buy's fixed costs, which a fine-tune that keeps
/// the API carries too) are left out, for [`api_account`] to count once across the options.
pub fn group_cost(
    phase: Phase,
    features: Vec<usize>,
    models: &[(&CostModel, Decimal)],
    account: bool,
) -> Result<GroupCost, ComputeError> {
    let kept = |line: &CostLine| account || line.counted != Counted::ByApiAccount;
    let label = phase.label();
    let count = instances(models)?;
    let mut own = vec![Decimal::ZERO; models.len()];
    let mut shared = Decimal::ZERO;
    let Some((first, _)) = models.first() else {
        return Ok(GroupCost {
            phase,
            features,
            own,
            shared,
            instances: None,
            total: Decimal::ZERO,
        });
    };
    let runs_instances = first.lines.iter().any(|l| !l.per_instance.is_zero());
    for line in first.lines.iter().filter(|l| kept(l)) {
        if !line.fixed.is_zero() && line.counted != Counted::EachFeature {
            shared = add(shared, line.fixed, "adding shared lines").at(&line.label)?;
        }
        if !line.per_instance.is_zero() {
            let amount =
                mul(line.per_instance, count, "USD per instance × instances").at(&line.label)?;
            shared = add(shared, amount, "adding shared lines").at(&line.label)?;
        }
    }
    // The tokens each line with a least counts towards it, over all the features: the k-th
    // such line of every feature's model is the same minimum (it is made from shared inputs).
    let leasts: Vec<&CostLine> = first
        .lines
        .iter()
        .filter(|l| l.least.is_some() && kept(l))
        .collect();
    let mut counted = vec![Decimal::ZERO; leasts.len()];
    for ((model, volume), part) in models.iter().zip(own.iter_mut()) {
        let mut k = 0_usize;
        let mut rate = Decimal::ZERO;
        for line in model.lines.iter().filter(|l| kept(l)) {
            rate = add(rate, line.per_token, "adding prices per token").at(&line.label)?;
            if line.counted == Counted::EachFeature {
                *part = add(*part, line.fixed, "adding own lines").at(&line.label)?;
            }
            if line.least.is_some() {
                let rate =
                    add(line.per_token, line.tops_up, "USD per token counted").at(&line.label)?;
                let these = mul(rate, *volume, "USD per token × tokens").at(&line.label)?;
                if let Some(sum) = counted.get_mut(k) {
                    *sum = add(*sum, these, "adding counted tokens").at(&line.label)?;
                }
                k = k.saturating_add(1);
            }
        }
        let tokens = mul(rate, *volume, "USD per token × tokens").at(label)?;
        *part = add(*part, tokens, "adding own lines").at(label)?;
    }
    for (line, counted) in leasts.iter().zip(&counted) {
        let least = line.least.unwrap_or_default();
        let raised = sub(least, *counted, "least − tokens")
            .at(&line.label)?
            .max(Decimal::ZERO);
        shared = add(shared, raised, "adding shared lines").at(&line.label)?;
    }
    let mut total = shared;
    for part in &own {
        total = add(total, *part, "adding features").at(label)?;
    }
    Ok(GroupCost {
        phase,
        features,
        own,
        shared,
        instances: runs_instances.then_some(count),
        total,
    })
}

/// The API account's cost a month, counted once for the product whichever options its features
/// are on: the fixed lines of the integration (its people, fees and build), and a committed
/// minimum raised once by every feature's tokens still sent to the API. `models` are every
/// feature's model of the option it is on, with its volume; nothing when none keeps the API.
pub fn api_account(models: &[(&CostModel, Decimal)]) -> Result<Decimal, ComputeError> {
    let account = |m: &&CostModel| m.lines.iter().any(|l| l.counted == Counted::ByApiAccount);
    let Some((first, _)) = models.iter().find(|(m, _)| account(m)) else {
        return Ok(Decimal::ZERO);
    };
    let mut sum = Decimal::ZERO;
    let mut least = None;
    for line in first
        .lines
        .iter()
        .filter(|l| l.counted == Counted::ByApiAccount)
    {
        sum = add(sum, line.fixed, "adding the account's lines").at(&line.label)?;
        if line.least.is_some() {
            least = Some(line);
        }
    }
    if let Some(minimum) = least {
        let mut counted = Decimal::ZERO;
        for (model, volume) in models {
            for line in model
                .lines
                .iter()
                .filter(|l| l.counted == Counted::ByApiAccount && l.least.is_some())
            {
                let rate =
                    add(line.per_token, line.tops_up, "USD per token counted").at(&line.label)?;
                let these = mul(rate, *volume, "USD per token × tokens").at(&line.label)?;
                counted = add(counted, these, "adding counted tokens").at(&line.label)?;
            }
        }
        let raised = sub(minimum.least.unwrap_or_default(), counted, "least − tokens")
            .at(&minimum.label)?
            .max(Decimal::ZERO);
        sum = add(sum, raised, "adding the account's lines").at(&minimum.label)?;
    }
    Ok(sum)
}

/// `value` to the cent, halves away from zero, as every report prints money.
#[must_use]
pub fn to_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// A group's figures as printed, in cents: each feature's own part rounded to the cent, the
/// total rounded to the cent, and the shared costs the rest, so the printed figures add up
/// exactly; the shared line differs from its exact amount by at most half a cent a feature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cents {
    /// Each feature's own part.
    pub own: Vec<Decimal>,
    /// The shared costs.
    pub shared: Decimal,
    /// The total.
    pub total: Decimal,
}

impl GroupCost {
    /// The figures as printed: see [`Cents`].
    pub fn cents(&self) -> Result<Cents, ComputeError> {
        let own: Vec<Decimal> = self.own.iter().map(|d| to_cents(*d)).collect();
        let total = to_cents(self.total);
        let mut shared = total;
        for part in &own {
            shared = sub(shared, *part, "total − own parts").at(self.phase.label())?;
        }
        Ok(Cents { own, shared, total })
    }
}
