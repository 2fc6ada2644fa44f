//! Costs argue on both sides, over the horizon and not this month alone: each option still on
//! the table against the one everybody starts from (Buy, or the cheapest where no API may be
//! used), weighed by the size of the difference; the cheapest option's lead, weighed by its
//! size; the GPU bill that is cheaper while the cost is not (seed 002); a cheaper API model that
//! would do the task (seed 002's second question); and a fine-tune's routing story (seed 002's
//! "Fine-tuning as cost optimization").

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::{Gate, Reason, Strength, gates::ruled_out};
use crate::catalog::Catalog;
use crate::engine::{LineKind, Outcome, buy_cost};
use crate::error::{AtField, ComputeError};
use crate::format::{fixed, percent, tokens_short, usd_cents};
use crate::phase::Phase;
use crate::scenario::Scenario;
use crate::sources::Seed;
use crate::units::{add, div, sub};

/// What the costs argue.
pub struct Weighed {
    /// The weighed reasons.
    pub reasons: Vec<Reason>,
    /// The sentence to say first when a cheaper API model beats leaving the API.
    pub headline: Option<String>,
    /// What could change the answer, from the costs (a question whose answer is worth money).
    pub would_change: Vec<String>,
    /// The catalog's cheapest API model for this workload, where it costs less than Buy today.
    pub cheaper_api: Option<Priced>,
}

/// How much a saving of `part` out of `whole` weighs: under a tenth once, under a half twice,
/// more three times.
fn saving_strength(part: Decimal, whole: Decimal) -> Strength {
    share_strength(part, whole, Decimal::TWO)
}

/// How much a premium of `part` over `whole` weighs: under a tenth once, under the whole again
/// twice, more three times.
fn premium_strength(part: Decimal, whole: Decimal) -> Strength {
    share_strength(part, whole, Decimal::ONE)
}

fn share_strength(part: Decimal, whole: Decimal, major_times: Decimal) -> Strength {
    if whole <= Decimal::ZERO {
        return if part > Decimal::ZERO {
            Strength::Major
        } else {
            Strength::Normal
        };
    }
    // A multiple too large to hold is larger than any cost.
    let at_least = |times: Decimal| part.checked_mul(times).is_none_or(|p| p >= whole);
    if at_least(major_times) {
        Strength::Major
    } else if at_least(Decimal::TEN) {
        Strength::Strong
    } else {
        Strength::Normal
    }
}

struct Costs<'a> {
    scenario: &'a Scenario,
    outcome: &'a Outcome,
    gates: &'a [Gate],
    weighed: Weighed,
    /// Whether the reasons are written out; a Monte Carlo sample only counts their weight.
    words: bool,
}

/// Weighs the costs of `scenario` for every phase `gates` leave on the table.
/// With `scores_only`, what a Monte Carlo sample needs: the reasons that weigh, unwritten, and
/// no pricing of the catalog's API models for a question that is not answered yet.
pub fn apply(
    scenario: &Scenario,
    outcome: &Outcome,
    gates: &[Gate],
    scores_only: bool,
) -> Result<Weighed, ComputeError> {
    let mut costs = Costs {
        scenario,
        outcome,
        gates,
        weighed: Weighed {
            reasons: Vec::new(),
            headline: None,
            would_change: Vec::new(),
            cheaper_api: None,
        },
        words: !scores_only,
    };
    costs.against_the_baseline()?;
    costs.cheapest_lead()?;
    costs.gpu_bill_alone()?;
    // Unanswered, the workhorse question only adds a line to what could change the answer.
    if !scores_only || scenario.matrix.workhorse_would_do == Some(true) {
        costs.workhorse()?;
    }
    Ok(costs.weighed)
}

impl Costs<'_> {
    fn allowed(&self, phase: Phase) -> bool {
        !ruled_out(self.gates, phase)
    }

    fn monthly(&self, phase: Phase) -> Decimal {
        self.outcome.costs[phase.index()].total
    }

    fn cash(&self, phase: Phase) -> Decimal {
        self.outcome.horizon.totals[phase.index()]
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "a reason is its phase, side, weight, input, value, threshold, source and sentence"
    )]
    fn add(
        &mut self,
        phase: Phase,
        against: bool,
        strength: Strength,
        input: &str,
        value: String,
        threshold: Option<String>,
        source: &str,
        text: String,
    ) {
        self.weighed.reasons.push(Reason {
            for_phase: phase,
            against,
            strength,
            input: input.to_owned(),
            value,
            threshold,
            source: Some(source.to_owned()),
            text,
        });
    }

    /// The option every other is measured against: Buy, where it may be used; else the option
    /// on the table with the least cash over the horizon.
    fn baseline(&self) -> Option<Phase> {
        if self.allowed(Phase::Buy) {
            return Some(Phase::Buy);
        }
        Phase::ALL
            .into_iter()
            .filter(|p| self.allowed(*p))
            .min_by_key(|p| self.cash(*p))
    }

    /// The first month from which `phase` costs less each month than `base` until the end of
    /// the horizon.
    fn cheaper_from(&self, phase: Phase, base: Phase) -> Option<u32> {
        let months = &self.outcome.horizon.months;
        let cheaper =
            |m: &crate::engine::HorizonMonth| m.cash[phase.index()] < m.cash[base.index()];
        let last_dearer = months.iter().rposition(|m| !cheaper(m));
        match last_dearer {
            None => months.first().map(|m| m.month),
            Some(i) => months.get(i.checked_add(1)?).map(|m| m.month),
        }
    }

    /// Each option on the table against the baseline, this month and in cash over the horizon:
    /// a saving argues for it, a premium against it, each weighed by its size.
    fn against_the_baseline(&mut self) -> Result<(), ComputeError> {
        let Some(base) = self.baseline() else {
            return Ok(());
        };
        let months = self.scenario.horizon.months.value;
        for phase in Phase::ALL {
            if phase == base || !self.allowed(phase) {
                continue;
            }
            let (now, then) = (self.monthly(phase), self.monthly(base));
            let (cash, base_cash) = (self.cash(phase), self.cash(base));
            let input = "cash over the horizon";
            let (value, threshold, routing) = if self.words {
                (
                    format!("{} over {months} months", usd_cents(cash)),
                    Some(format!("{}: {}", base.label(), usd_cents(base_cash))),
                    self.routing_story(phase)?,
                )
            } else {
                (String::new(), None, String::new())
            };
            let source = "this scenario's costs";
            if cash < base_cash {
                let saving = sub(base_cash, cash, "cash − cash").at(input)?;
                let text = if !self.words {
                    String::new()
                } else if now < then {
                    let payback = self
                        .outcome
                        .horizon
                        .paybacks
                        .iter()
                        .find(|p| p.phase == phase)
                        .and_then(|p| p.month)
                        .filter(|_| base == Phase::Buy)
                        .map(|m| format!("; it has paid for itself by month {m}"))
                        .unwrap_or_default();
                    format!(
                        "{} costs {}/month against {}'s {}/month, and {} less in cash over {months} months, \
                         up-front costs included{payback}.{routing}",
                        phase.label(),
                        usd_cents(now),
                        base.label(),
                        usd_cents(then),
                        usd_cents(saving),
                    )
                } else {
                    let from = self
                        .cheaper_from(phase, base)
                        .map(|m| format!(" from month {m}"))
                        .unwrap_or_default();
                    format!(
                        "{} costs more this month ({}/month against {}'s {}/month), but at this scenario's growth \
                         and price trends it is cheaper{from}, and {} less in cash over {months} months.{routing}",
                        phase.label(),
                        usd_cents(now),
                        base.label(),
                        usd_cents(then),
                        usd_cents(saving),
                    )
                };
                let strength = saving_strength(saving, base_cash);
                self.add(
                    phase, false, strength, input, value, threshold, source, text,
                );
            } else {
                let premium = sub(cash, base_cash, "cash − cash").at(input)?;
                let text = if !self.words {
                    String::new()
                } else if now < then {
                    format!(
                        "{} costs less each month ({}/month against {}'s {}/month), but not enough to pay back its \
                         up-front costs within {months} months: {} more in cash over the horizon.{routing}",
                        phase.label(),
                        usd_cents(now),
                        base.label(),
                        usd_cents(then),
                        usd_cents(premium),
                    )
                } else {
                    let monthly = sub(now, then, "cost − cost").at("monthly cost")?;
                    let share = div(monthly, then, "premium ÷ cost")
                        .ok()
                        .map(|f| format!(", +{}", percent(f)))
                        .unwrap_or_default();
                    format!(
                        "{} costs {}/month more than {} ({}/month against {}/month{share}) and {} more in cash over \
                         {months} months: no saving pays it back.{routing}",
                        phase.label(),
                        usd_cents(monthly),
                        base.label(),
                        usd_cents(now),
                        usd_cents(then),
                        usd_cents(premium),
                    )
                };
                let strength = premium_strength(premium, base_cash);
                self.add(phase, true, strength, input, value, threshold, source, text);
            }
        }
        Ok(())
    }

    /// A fine-tune that leaves part of the traffic on the API says how much, and what its
    /// serving costs against Buy's (seed 002: "total cost down to ~33% of original").
    fn routing_story(&self, phase: Phase) -> Result<String, ComputeError> {
        let ft = &self.scenario.fine_tune;
        let (routed, fallback) = (
            ft.routed_percent.value.get(),
            ft.fallback_percent.value.get(),
        );
        if phase != Phase::FineTune || (routed >= Decimal::ONE_HUNDRED && fallback.is_zero()) {
            return Ok(String::new());
        }
        let path = "fine_tune.routed_percent";
        let kept = ft.percent_answered_by_the_tuned_model().at(path)?;
        let on_api = sub(Decimal::ONE_HUNDRED, kept, "100 − %").at(path)?;
        let serving = self.outcome.models[Phase::FineTune.index()]
            .lines
            .iter()
            .zip(&self.outcome.costs[Phase::FineTune.index()].lines)
            .filter(|(line, _)| matches!(line.kind, LineKind::Api | LineKind::Gpu | LineKind::Flat))
            .try_fold(Decimal::ZERO, |sum, (_, (_, amount))| {
                add(sum, *amount, "adding serving lines")
            })
            .at("fine_tune.serving")?;
        let buy = self.monthly(Phase::Buy);
        let of_buy = div(serving, buy, "serving ÷ Buy")
            .ok()
            .map(|f| {
                format!(
                    ", and its serving costs {} of Buy's ({}/month against {}/month)",
                    fixed(f, 2),
                    usd_cents(serving),
                    usd_cents(buy)
                )
            })
            .unwrap_or_default();
        let falls_back = if fallback.is_zero() {
            "none of it falls back to the API".to_owned()
        } else {
            format!("{}% of that falls back to the API", fallback.normalize())
        };
        Ok(format!(
            " It routes {}% of the traffic to the tuned model and {falls_back}, so {}% stays on the API{of_buy}.",
            routed.normalize(),
            on_api.round_dp(2).normalize(),
        ))
    }

    /// The cheapest option on the table this month. Its lead over the baseline is already
    /// weighed above, so a lead over the baseline counts once here; a lead over another
    /// alternative (Self-host over Fine-tune, both cheaper than Buy) is weighed by its size.
    fn cheapest_lead(&mut self) -> Result<(), ComputeError> {
        let mut on_table: Vec<Phase> = Phase::ALL
            .into_iter()
            .filter(|p| self.allowed(*p))
            .collect();
        on_table.sort_by_key(|p| self.monthly(*p));
        let [cheapest, next, ..] = on_table[..] else {
            return Ok(());
        };
        let base = self.baseline();
        if base != Some(cheapest) && base == Some(next) {
            // Cheaper than the baseline, and the baseline is the next: said and weighed above.
            return Ok(());
        }
        let (best, second) = (self.monthly(cheapest), self.monthly(next));
        let lead = sub(second, best, "cost − cost").at("monthly cost")?;
        let strength = if base == Some(cheapest) {
            Strength::Normal
        } else {
            saving_strength(lead, second)
        };
        let (value, threshold, text) = if self.words {
            (
                format!("{}/month", usd_cents(best)),
                Some(format!("{} {}/month", next.label(), usd_cents(second))),
                format!(
                    "{} is the cheapest option on the table at {} tokens a month: {}/month, {} less than {}, with \
                     staff, security, idle hours and up-front costs counted.",
                    cheapest.label(),
                    tokens_short(self.outcome.volume),
                    usd_cents(best),
                    usd_cents(lead),
                    next.label(),
                ),
            )
        } else {
            (String::new(), None, String::new())
        };
        self.add(
            cheapest,
            false,
            strength,
            "monthly cost",
            value,
            threshold,
            "this scenario's costs",
            text,
        );
        Ok(())
    }

    /// Self-hosting whose GPUs alone cost less than the API while the whole does not (seeds
    /// 002, 003).
    fn gpu_bill_alone(&mut self) -> Result<(), ComputeError> {
        if !self.allowed(Phase::SelfHost) || !self.allowed(Phase::Buy) {
            return Ok(());
        }
        let buy = self.monthly(Phase::Buy);
        let self_host = &self.outcome.costs[Phase::SelfHost.index()];
        let gpu_only = self.outcome.models[Phase::SelfHost.index()]
            .lines
            .iter()
            .zip(&self_host.lines)
            .filter(|(line, _)| line.per_instance > Decimal::ZERO)
            .try_fold(Decimal::ZERO, |sum, (_, (_, amount))| {
                add(sum, *amount, "adding GPU lines")
            })
            .at("self_host.hosting")?;
        if gpu_only < buy && self_host.total >= buy {
            let total = self_host.total;
            self.add(
                Phase::SelfHost,
                true,
                Strength::Normal,
                "GPU cost",
                format!("{}/month", usd_cents(gpu_only)),
                Some(format!("API {}/month", usd_cents(buy))),
                Seed::QuestionsThatMatter.title(),
                format!(
                    "Self-hosting's GPUs alone ({}/month) cost less than the API ({}/month), but with staff, security \
                     and setup it costs {}/month: a GPU bill that is cheaper is not a cost that is cheaper. (The \
                     usage-tier table of \"{}\" compares the GPU bill alone, and would say self-host.)",
                    usd_cents(gpu_only),
                    usd_cents(buy),
                    usd_cents(total),
                    Seed::LlmStrategy.title(),
                ),
            );
        }
        Ok(())
    }

    /// A cheaper API model of the catalog for the same workload: where it would do the task, it
    /// is "the lowest-cost win ... not switching to self-hosted" (seed 002's second question).
    fn workhorse(&mut self) -> Result<(), ComputeError> {
        if !self.allowed(Phase::Buy) {
            return Ok(());
        }
        let Some(cheaper) = cheapest_other_api_model(self.scenario, self.outcome)? else {
            return Ok(());
        };
        let buy = self.monthly(Phase::Buy);
        self.weighed.cheaper_api = Some(cheaper.clone());
        let saving = sub(buy, cheaper.cost, "cost − cost").at("buy")?;
        let share = div(saving, buy, "saving ÷ cost")
            .map(percent)
            .unwrap_or_default();
        let said = format!(
            "{} costs {}/month for this workload, {} less than today ({share})",
            cheaper.name,
            usd_cents(cheaper.cost),
            usd_cents(saving)
        );
        match self.scenario.matrix.workhorse_would_do {
            Some(true) => {
                let leaving = Phase::ALL
                    .into_iter()
                    .filter(|p| *p != Phase::Buy && self.allowed(*p))
                    .min_by_key(|p| self.monthly(*p));
                let beats_leaving = leaving.is_none_or(|p| cheaper.cost < self.monthly(p));
                let strength = if beats_leaving {
                    Strength::Major
                } else {
                    saving_strength(saving, buy)
                };
                let mut text = format!(
                    "A cheaper API model would do the task: {said}. \"If you're paying frontier prices for tasks that \
                     don't need frontier capability, the lowest-cost win is model routing within the API ecosystem, \
                     not switching to self-hosted.\""
                );
                if beats_leaving {
                    let against = leaving
                        .map(|p| {
                            format!(
                                " (the cheapest, {}, costs {}/month)",
                                p.label(),
                                usd_cents(self.monthly(p))
                            )
                        })
                        .unwrap_or_default();
                    self.weighed.headline = Some(format!(
                        "Route within the API first: {said}, and less than any option that leaves the API{against}."
                    ));
                } else if let Some(p) = leaving {
                    let _ = write!(
                        text,
                        " {} still costs less ({}/month).",
                        p.label(),
                        usd_cents(self.monthly(p))
                    );
                }
                self.add(
                    Phase::Buy,
                    false,
                    strength,
                    "matrix.workhorse_would_do",
                    "yes".into(),
                    Some(format!(
                        "{} {}/month",
                        cheaper.name,
                        usd_cents(cheaper.cost)
                    )),
                    Seed::QuestionsThatMatter.title(),
                    text,
                );
            }
            // A share, not dollars: it holds at any volume, so the sentence stays put while the
            // volume is dragged (the dollars are in the reason once the question is answered).
            None => self.weighed.would_change.push(format!(
                "Answering \"would a cheaper API model do the task\" could change this: {} costs {share} less \
                 for this workload.",
                cheaper.name
            )),
            Some(false) => {}
        }
        Ok(())
    }
}

/// An API model of the catalog and what it would cost for the scenario's workload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priced {
    /// Its name.
    pub name: String,
    /// USD a month for this workload, with the scenario's caching, batching, discounts and
    /// retries.
    pub cost: Decimal,
}

/// The catalog's cheapest API model for this workload, if it costs less than Buy today.
pub fn cheapest_other_api_model(
    scenario: &Scenario,
    outcome: &Outcome,
) -> Result<Option<Priced>, ComputeError> {
    let buy = outcome.api_spend;
    let mut best: Option<Priced> = None;
    // One copy of Buy, its prices replaced model by model: the same figures as `apply_to`
    // gives, without writing each model's source notes.
    let mut priced = scenario.buy.clone();
    for model in &Catalog::embedded().api_models {
        if scenario.buy.catalog_id.as_deref() == Some(model.id.as_str()) {
            continue;
        }
        priced.input_usd_per_1m.value = model.input_usd_per_1m;
        priced.output_usd_per_1m.value = model.output_usd_per_1m;
        priced.cached_input_usd_per_1m.value = model
            .cached_input_usd_per_1m
            .unwrap_or(model.input_usd_per_1m);
        priced.cache_write_usd_per_1m.value = model.cache_write_price();
        let cost = buy_cost(&priced, outcome.traffic)?;
        if cost < buy && best.as_ref().is_none_or(|b| cost < b.cost) {
            best = Some(Priced {
                name: model.name.clone(),
                cost,
            });
        }
    }
    Ok(best)
}
