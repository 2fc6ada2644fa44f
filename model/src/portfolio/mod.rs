//! A product of several features: each feature's figures and recommendation, the portfolio
//! that puts each on its own recommended option with shared costs counted once, the spend
//! ranked by feature, and the roadmap of when each should move.
//!
//! Every figure of the whole is the sum of its features' own parts and the shared costs,
//! counted once, to the cent ([`GroupCost`]). A scenario of one feature gives exactly the
//! figures the engine gives it alone.

mod group;
mod month;
mod roadmap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use group::{Cents, GroupCost, api_account, group_cost, to_cents};
pub use month::as_of_month;
pub use roadmap::{Move, Roadmap, Row, Stage, Why, roadmap};

use crate::catalog::Catalog;
use crate::engine::{CostModel, Phase};
use crate::error::{AtField, EvaluateError};
use crate::evaluation::{Evaluation, evaluate_in};
use crate::scenario::Scenario;
use crate::units::{add, div};

/// The share of the API bill the features that matter most make up: seed 002's "the single
/// feature responsible for 80% of the bill".
pub const PARETO_SHARE: Decimal = rust_decimal::dec!(0.8);

/// One feature's figures, evaluated as a scenario of its own.
#[derive(Debug)]
pub struct FeatureFigures {
    /// Its name.
    pub name: String,
    /// The feature as a scenario of its own.
    pub scenario: Scenario,
    /// Its figures and recommendation, alone: each option carries the shared costs in full.
    pub evaluation: Evaluation,
    /// Its share of the product's API bill today, 0 to 1.
    pub share_of_spend: Decimal,
}

impl FeatureFigures {
    /// The phase recommended for it.
    #[must_use]
    pub fn phase(&self) -> Phase {
        self.evaluation.recommendation.phase
    }

    /// Its API bill a month today: the tokens at its API model's prices.
    #[must_use]
    pub fn api_spend(&self) -> Decimal {
        self.evaluation.outcome.api_spend
    }
}

/// One feature's bar in the Pareto of the API bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParetoRow {
    /// The feature, by index.
    pub feature: usize,
    /// Its API bill a month.
    pub spend: Decimal,
    /// Its share of the product's bill, 0 to 1.
    pub share: Decimal,
    /// Its share and the shares of the features with larger bills.
    pub cumulative: Decimal,
    /// Whether it is among the fewest features that make 80% of the bill.
    pub behind_80: bool,
}

impl ParetoRow {
    /// The bar's figures as the window and the export write them: "$11,000.00/month · 55.0% of
    /// the bill · 55.0% with those above".
    #[must_use]
    pub fn words(&self) -> String {
        format!(
            "{}/month · {} of the bill · {} with those above",
            crate::format::usd_cents(self.spend),
            crate::format::percent(self.share),
            crate::format::percent(self.cumulative)
        )
    }
}

/// The product's features together.
#[derive(Debug)]
pub struct Portfolio {
    /// Each feature, in the scenario's order.
    pub features: Vec<FeatureFigures>,
    /// Each feature on its own recommended option: one group an option used, in the options'
    /// order.
    pub mix: Vec<GroupCost>,
    /// The API account in the mix, counted once whichever options keep the API: the
    /// integration's people, fees and build, and what a committed minimum adds.
    pub mix_account: Decimal,
    /// What the mix costs a month: the groups' totals and the API account.
    pub mix_total: Decimal,
    /// Every feature on one option, for each option.
    pub all_on: Vec<GroupCost>,
    /// What the mix saves a month against every feature staying on the API (negative when it
    /// costs more).
    pub saving: Decimal,
    /// The product's API bill a month: the features' bills.
    pub api_spend: Decimal,
    /// The features by API bill, largest first.
    pub by_spend: Vec<usize>,
    /// How many of the first of `by_spend` make up [`PARETO_SHARE`] of the bill.
    pub behind_80: usize,
    /// When each feature should move.
    pub roadmap: Roadmap,
}

impl Portfolio {
    /// The features behind 80% of the bill, by name, largest first.
    #[must_use]
    pub fn pareto_names(&self) -> Vec<&str> {
        self.by_spend
            .iter()
            .take(self.behind_80)
            .filter_map(|i| self.features.get(*i).map(|f| f.name.as_str()))
            .collect()
    }

    /// The features by API bill, largest first, each with its share of the bill and the share of
    /// it and the features before it: the Pareto bar.
    #[must_use]
    pub fn pareto(&self) -> Vec<ParetoRow> {
        let mut so_far = Decimal::ZERO;
        self.by_spend
            .iter()
            .enumerate()
            .filter_map(|(rank, i)| {
                let f = self.features.get(*i)?;
                so_far = so_far.saturating_add(f.share_of_spend);
                Some(ParetoRow {
                    feature: *i,
                    spend: f.api_spend(),
                    share: f.share_of_spend,
                    cumulative: so_far,
                    behind_80: rank < self.behind_80,
                })
            })
            .collect()
    }

    /// The product's API bill as printed: the features' bills, each to the cent, added up.
    #[must_use]
    pub fn api_spend_cents(&self) -> Decimal {
        self.features
            .iter()
            .map(|f| to_cents(f.api_spend()))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    }

    /// What the mix costs a month as printed: its groups' printed totals and the API account's
    /// added up.
    pub fn mix_cents(&self) -> Result<Decimal, crate::error::ComputeError> {
        let mut sum = to_cents(self.mix_account);
        for group in &self.mix {
            sum = add(sum, group.cents()?.total, "adding groups").at(group.phase.label())?;
        }
        Ok(sum)
    }

    /// What the mix saves a month against every feature on the API, as printed: the two
    /// printed totals' difference.
    pub fn saving_cents(&self) -> Result<Decimal, crate::error::ComputeError> {
        let on_api = self
            .all_on(Phase::Buy)
            .map(GroupCost::cents)
            .transpose()?
            .map_or(Decimal::ZERO, |c| c.total);
        crate::units::sub(on_api, self.mix_cents()?, "API − mix").at("buy")
    }

    /// What every feature on `phase` costs a month.
    #[must_use]
    pub fn all_on(&self, phase: Phase) -> Option<&GroupCost> {
        self.all_on.iter().find(|g| g.phase == phase)
    }
}

/// Each feature's model of `phase` and its volume, for the features `which`.
fn models_of<'a>(
    features: &'a [FeatureFigures],
    phase: Phase,
    which: &[usize],
) -> Vec<(&'a CostModel, Decimal)> {
    which
        .iter()
        .filter_map(|i| features.get(*i))
        .map(|f| {
            (
                &f.evaluation.outcome.models[phase.index()],
                f.evaluation.outcome.volume,
            )
        })
        .collect()
}

/// Evaluates every feature of `scenario` as of `today` against `catalog`, and puts them
/// together. Refuses an invalid scenario, as [`evaluate_in`] does.
pub fn portfolio(
    scenario: &Scenario,
    today: NaiveDate,
    catalog: &Catalog,
) -> Result<Portfolio, EvaluateError> {
    let problems = crate::scenario::validate(scenario);
    if !problems.is_empty() {
        return Err(EvaluateError::Invalid(problems));
    }
    let mut features = Vec::with_capacity(scenario.feature_count());
    for index in 0..scenario.feature_count() {
        let Some(one) = scenario.feature(index) else {
            continue;
        };
        let evaluation = evaluate_in(&one, today, catalog)?;
        features.push(FeatureFigures {
            name: scenario
                .feature_name(index)
                .unwrap_or(crate::scenario::UNNAMED_FEATURE)
                .to_owned(),
            scenario: one,
            evaluation,
            share_of_spend: Decimal::ZERO,
        });
    }
    let mut api_spend = Decimal::ZERO;
    for f in &features {
        api_spend = add(api_spend, f.api_spend(), "adding API bills").at("buy")?;
    }
    for f in &mut features {
        f.share_of_spend = if api_spend.is_zero() {
            Decimal::ZERO
        } else {
            div(f.api_spend(), api_spend, "bill ÷ bill").at("buy")?
        };
    }
    let mut by_spend: Vec<usize> = (0..features.len()).collect();
    by_spend.sort_by(|a, b| {
        features[*b]
            .api_spend()
            .cmp(&features[*a].api_spend())
            .then(a.cmp(b))
    });
    let mut behind_80: usize = 0;
    let mut so_far = Decimal::ZERO;
    for i in &by_spend {
        if so_far >= PARETO_SHARE || api_spend.is_zero() {
            break;
        }
        so_far = add(so_far, features[*i].share_of_spend, "adding shares").at("buy")?;
        behind_80 = behind_80.saturating_add(1);
    }

    let everyone: Vec<usize> = (0..features.len()).collect();
    let mut all_on = Vec::with_capacity(4);
    for phase in Phase::ALL {
        let models = models_of(&features, phase, &everyone);
        all_on.push(group_cost(phase, everyone.clone(), &models, true)?);
    }
    let mut mix = Vec::new();
    let mut mix_total = Decimal::ZERO;
    let mut on_their_options = Vec::with_capacity(features.len());
    for phase in Phase::ALL {
        let which: Vec<usize> = everyone
            .iter()
            .copied()
            .filter(|i| features[*i].phase() == phase)
            .collect();
        if which.is_empty() {
            continue;
        }
        let models = models_of(&features, phase, &which);
        on_their_options.extend(models.iter().copied());
        let group = group_cost(phase, which, &models, false)?;
        mix_total = add(mix_total, group.total, "adding groups").at(phase.label())?;
        mix.push(group);
    }
    let mix_account = api_account(&on_their_options)?;
    mix_total = add(mix_total, mix_account, "adding the API account").at("buy.fixed")?;
    let on_api = all_on
        .iter()
        .find(|g| g.phase == Phase::Buy)
        .map_or(Decimal::ZERO, |g| g.total);
    let saving = crate::units::sub(on_api, mix_total, "API − mix").at("buy")?;
    let named: Vec<(String, Scenario, Phase)> = features
        .iter()
        .map(|f| (f.name.clone(), f.scenario.clone(), f.phase()))
        .collect();
    let roadmap = roadmap(scenario, &named)?;
    Ok(Portfolio {
        features,
        mix,
        mix_account,
        mix_total,
        all_on,
        saving,
        api_spend,
        by_spend,
        behind_80,
        roadmap,
    })
}
