//! The rules: each turns an answer or a computed figure into reasons for and against phases,
//! citing the input, the threshold and the article.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::{Notice, Reason, Strength};
use crate::engine::Outcome;
use crate::error::{ArithmeticError, AtField, ComputeError};
use crate::format::{group_thousands, tokens_short, usd_cents};
use crate::phase::Phase;
use crate::preset::{Period, RulePreset, Threshold};
use crate::scenario::{
    DataResidency, FrontierVelocity, Gap, ProductStage, Scenario, Staff, TunedServing,
};
use crate::sources::Seed;
use crate::units::{add, div, sub};

/// Hours of work in one person's month, to compare staff counted in hours with people.
const HOURS_PER_PERSON_MONTH: Decimal = Decimal::from_parts(160, 0, 0, false, 0);

/// What the rules found.
pub struct Found {
    pub reasons: Vec<Reason>,
    pub excluded: Vec<(Phase, String)>,
    pub notices: Vec<Notice>,
}

struct Rules<'a> {
    found: Found,
    scenario: &'a Scenario,
    outcome: &'a Outcome,
    preset: &'a RulePreset,
}

/// A reason under construction.
struct R {
    phase: Phase,
    against: bool,
    strength: Strength,
    input: &'static str,
    value: String,
    threshold: Option<String>,
    source: Option<String>,
}

impl Rules<'_> {
    fn add(&mut self, r: R, text: String) {
        self.found.reasons.push(Reason {
            for_phase: r.phase,
            against: r.against,
            strength: r.strength,
            input: r.input.to_owned(),
            value: r.value,
            threshold: r.threshold,
            source: r.source,
            text,
        });
    }
}

fn r(phase: Phase, against: bool, strength: Strength, input: &'static str, value: String) -> R {
    R {
        phase,
        against,
        strength,
        input,
        value,
        threshold: None,
        source: None,
    }
}

impl R {
    fn threshold(mut self, threshold: String) -> Self {
        self.threshold = Some(threshold);
        self
    }

    fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }
}

/// Runs every rule. Fails only when a spend, a cost difference or a head count is too large to
/// hold exactly.
pub fn apply(
    scenario: &Scenario,
    outcome: &Outcome,
    preset: &RulePreset,
) -> Result<Found, ComputeError> {
    let mut rules = Rules {
        found: Found {
            reasons: Vec::new(),
            excluded: Vec::new(),
            notices: Vec::new(),
        },
        scenario,
        outcome,
        preset,
    };
    rules.default_to_api();
    rules.product_stage();
    rules.data_residency();
    rules.spend()?;
    rules.cost()?;
    rules.fine_tuning_fit();
    rules.latency();
    rules.frontier_velocity();
    rules.engineering()?;
    rules.pretraining();
    Ok(rules.found)
}

impl Rules<'_> {
    /// The articles' standing advice: start with, and default to, the API (seeds 001, 002,
    /// 003). It weighs once, so any real reason elsewhere outweighs it.
    fn default_to_api(&mut self) {
        let reason = r(
            Phase::Buy,
            false,
            Strength::Normal,
            "default",
            "API first".into(),
        )
        .source(Seed::LlmStrategy.title());
        self.add(
            reason,
            "Default to API-first: only leave the API with a clear cost or privacy justification; an API \
             rides every model improvement for free and needs no one to run it."
                .into(),
        );
    }

    /// Before product-market fit, buy, whatever the cost (seeds 000, 001, 004).
    fn product_stage(&mut self) {
        let Some(stage) = self.scenario.matrix.product_stage else {
            return;
        };
        if stage == ProductStage::BeforeProductMarketFit {
            let reason = r(
                Phase::Buy,
                false,
                Strength::Decisive,
                "matrix.product_stage",
                "before product-market fit".into(),
            )
            .source(Seed::StrategicArchitecture.title());
            self.add(
                reason,
                "Before product-market fit, buy: validate the product on an API first, whatever it costs; \
                 infrastructure for a product nobody wants is the most common way to lose the money."
                    .into(),
            );
        }
    }

    /// Air-gapped data rules out any API; regulated data favours your own cloud (seeds 001,
    /// 002, 004).
    fn data_residency(&mut self) {
        let Some(residency) = self.scenario.matrix.data_residency else {
            return;
        };
        match residency {
            DataResidency::AirGapped => {
                let why = "data may not leave your network, so no API can be used";
                self.found.excluded.push((Phase::Buy, why.to_owned()));
                if !matches!(self.scenario.fine_tune.serving, TunedServing::Hosted(_)) {
                    let why = "the tuned model is served by a provider, and data may not leave your network";
                    self.found.excluded.push((Phase::FineTune, why.to_owned()));
                }
                let reason = r(
                    Phase::SelfHost,
                    false,
                    Strength::Decisive,
                    "matrix.data_residency",
                    "air-gapped".into(),
                )
                .source(Seed::StrategicArchitecture.title());
                self.add(
                    reason,
                    "Data may not reach third-party sub-processors: self-host (or fine-tune in your own cloud), \
                     whatever the cost; hosting is a compliance question here, not a cost one."
                        .into(),
                );
            }
            DataResidency::Regulated => {
                for phase in [Phase::SelfHost, Phase::FineTune] {
                    let reason = r(
                        phase,
                        false,
                        Strength::Strong,
                        "matrix.data_residency",
                        "regulated".into(),
                    )
                    .source(Seed::AiBuildVsBuyDecision.title());
                    self.add(
                        reason,
                        format!(
                            "Regulated data (health, finance, legal): {} in your own VPC gives you data residency \
                             control that many CISOs require.",
                            phase.label()
                        ),
                    );
                }
                let reason = r(
                    Phase::Buy,
                    true,
                    Strength::Normal,
                    "matrix.data_residency",
                    "regulated".into(),
                )
                .source(Seed::AiBuildVsBuyDecision.title());
                self.add(reason, "Regulated data sent to a third-party API carries compliance risk, even under an agreement.".into());
            }
            DataResidency::Contractual | DataResidency::NoConstraint => {}
        }
    }

    /// Spend against the preset's thresholds, each in its article's unit.
    fn spend(&mut self) -> Result<(), ComputeError> {
        let monthly = self.outcome.costs[Phase::Buy.index()].total;
        let thresholds = self.preset.spend.clone();
        for threshold in thresholds {
            let spend = threshold.per.spend(monthly).at("buy")?;
            let unit = match threshold.per {
                Period::Month => "month",
                Period::Year => "year",
            };
            let limit = threshold.usd.get();
            let value = format!("{}/{unit}", usd_cents(spend));
            let shown = format!("{}/{unit}", usd_cents(limit));
            if spend < limit {
                if let Some(phase) = threshold.below {
                    let reason = r(phase, false, Strength::Normal, "API spend", value.clone())
                        .threshold(shown.clone())
                        .source(threshold.source.clone());
                    self.add(
                        reason,
                        format!(
                            "API spend of {value} is below {shown}: \"{}\"",
                            threshold.says
                        ),
                    );
                }
            } else {
                for phase in threshold.above.iter().copied() {
                    let reason = r(phase, false, Strength::Normal, "API spend", value.clone())
                        .threshold(shown.clone())
                        .source(threshold.source.clone());
                    self.add(
                        reason,
                        format!(
                            "API spend of {value} is at or above {shown}: \"{}\"",
                            threshold.says
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    /// The cheapest option at this volume, counting everything; and self-hosting that is cheaper
    /// only on its GPU bill (seeds 001, 002, 003).
    fn cost(&mut self) -> Result<(), ComputeError> {
        let costs = &self.outcome.costs;
        let cheapest = self.outcome.cheapest;
        let best = costs[cheapest.index()].total;
        let second = costs
            .iter()
            .filter(|c| c.phase != cheapest)
            .map(|c| c.total)
            .min()
            .unwrap_or(best);
        let lead = sub(second, best, "cost − cost").at("monthly cost")?;
        // A lead whose tenfold is too large to hold is more than a tenth of any cost.
        let a_tenth_or_more = lead
            .checked_mul(Decimal::TEN)
            .is_none_or(|tenfold| tenfold >= second);
        let strength = if second > Decimal::ZERO && a_tenth_or_more {
            Strength::Strong
        } else {
            Strength::Normal
        };
        let reason = r(
            cheapest,
            false,
            strength,
            "monthly cost",
            format!("{}/month", usd_cents(best)),
        )
        .threshold(format!("next cheapest {}/month", usd_cents(second)))
        .source("this scenario's costs");
        self.add(
            reason,
            format!(
                "{} is the cheapest at {} tokens a month: {}/month, {} less than the next option, with staff, \
                 security, idle hours and up-front costs counted.",
                cheapest.label(),
                tokens_short(self.outcome.volume),
                usd_cents(best),
                usd_cents(lead)
            ),
        );
        let buy = costs[Phase::Buy.index()].total;
        let self_host = &costs[Phase::SelfHost.index()];
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
            let reason = r(
                Phase::SelfHost,
                true,
                Strength::Strong,
                "monthly cost",
                format!("{}/month", usd_cents(self_host.total)),
            )
            .threshold(format!("API {}/month", usd_cents(buy)))
            .source(Seed::QuestionsThatMatter.title());
            self.add(
                reason,
                format!(
                    "Self-hosting's GPUs alone ({}/month) cost less than the API ({}/month), but with staff, security \
                     and setup it costs {}/month: a GPU bill that is cheaper is not a cost that is cheaper.",
                    usd_cents(gpu_only),
                    usd_cents(buy),
                    usd_cents(self_host.total)
                ),
            );
            let reason = r(
                Phase::SelfHost,
                false,
                Strength::Normal,
                "GPU cost",
                format!("{}/month", usd_cents(gpu_only)),
            )
            .threshold(format!("API {}/month", usd_cents(buy)))
            .source(Seed::LlmStrategy.title());
            self.add(
                reason,
                "A comparison of the GPU bill alone, as the usage-tier table of \"LLM Strategy: Build, Buy, or \
                 Fine-Tune?\" makes, says self-hosting wins here; it leaves out the people and overheads counted above."
                    .into(),
            );
        }
        Ok(())
    }

    /// Fine-tuning needs a specific gap and the data for it (seeds 001, 002, 003, 004).
    fn fine_tuning_fit(&mut self) {
        self.gap();
        self.labelled_examples();
    }

    /// The gap fine-tuning would close: specific, or retrieval's job, or nothing.
    fn gap(&mut self) {
        let fit = &self.scenario.matrix.fine_tuning_fit;
        if let Some(gap) = fit.gap {
            let input = "matrix.fine_tuning_fit.gap";
            match gap {
                Gap::MissingFacts => {
                    let reason = r(
                        Phase::FineTune,
                        true,
                        Strength::Strong,
                        input,
                        "facts the model lacks".into(),
                    )
                    .source(Seed::StrategicArchitecture.title());
                    self.add(reason, "Fine-tuning teaches behaviour and format, not facts: facts the model lacks are retrieval's job (RAG), not fine-tuning's.".into());
                }
                Gap::NothingSpecific => {
                    let reason = r(
                        Phase::FineTune,
                        true,
                        Strength::Normal,
                        input,
                        "nothing specific".into(),
                    )
                    .source(Seed::QuestionsThatMatter.title());
                    self.add(reason, "Generic \"make the model smarter\" fine-tuning rarely delivers; fine-tuning pays off against a specific gap.".into());
                }
                Gap::OutputFormat | Gap::DomainVocabulary | Gap::Style | Gap::Latency => {
                    let name = match gap {
                        Gap::OutputFormat => "a specific output format",
                        Gap::DomainVocabulary => "domain vocabulary",
                        Gap::Style => "a house style",
                        _ => "latency",
                    };
                    let reason = r(Phase::FineTune, false, Strength::Normal, input, name.into())
                        .source(Seed::QuestionsThatMatter.title());
                    self.add(
                        reason,
                        format!("A targeted gap ({name}) is what fine-tuning fixes well."),
                    );
                }
            }
        }
    }

    /// Enough labelled data to fine-tune, or so little it would overfit (seed 004).
    fn labelled_examples(&mut self) {
        let fit = &self.scenario.matrix.fine_tuning_fit;
        if let Some(examples) = &fit.labelled_examples {
            let count = examples.value.get();
            let input = "matrix.fine_tuning_fit.labelled_examples";
            let value = format!("{} examples", group_thousands(count));
            let (fit_at, overfit) = (
                self.preset.examples_fit.value.get(),
                self.preset.examples_overfit.value.get(),
            );
            if count >= fit_at {
                let reason = r(
                    Phase::FineTune,
                    false,
                    Strength::Normal,
                    input,
                    value.clone(),
                )
                .threshold(format!("{}+", group_thousands(fit_at)))
                .source(self.preset.examples_fit.source.clone());
                self.add(
                    reason,
                    format!(
                        "{value} of labelled data: enough to fine-tune ({}+).",
                        group_thousands(fit_at)
                    ),
                );
            } else if count < overfit {
                let reason = r(
                    Phase::FineTune,
                    true,
                    Strength::Strong,
                    input,
                    value.clone(),
                )
                .threshold(format!("{} or more", group_thousands(overfit)))
                .source(self.preset.examples_overfit.source.clone());
                self.add(
                    reason,
                    format!(
                        "Fine-tuning on {value} is not fine-tuning, it is overfitting (under {}).",
                        group_thousands(overfit)
                    ),
                );
            } else {
                let reason = r(
                    Phase::FineTune,
                    true,
                    Strength::Normal,
                    input,
                    value.clone(),
                )
                .threshold(format!("{}+", group_thousands(fit_at)))
                .source(self.preset.examples_fit.source.clone());
                self.add(
                    reason,
                    format!(
                        "{value}: thousands of good examples are the minimum; {}+ fits.",
                        group_thousands(fit_at)
                    ),
                );
            }
        }
    }

    /// A tight latency target favours a model close to the product (seeds 002, 003, 004).
    fn latency(&mut self) {
        let Some(target) = &self.scenario.matrix.fine_tuning_fit.latency_target_ms else {
            return;
        };
        let ms = target.value.get();
        let limit = self.preset.latency_ms.value.get();
        if ms < limit {
            for phase in [Phase::FineTune, Phase::SelfHost] {
                let reason = r(
                    phase,
                    false,
                    Strength::Normal,
                    "matrix.fine_tuning_fit.latency_target_ms",
                    format!("{ms} ms"),
                )
                .threshold(format!("under {limit} ms"))
                .source(self.preset.latency_ms.source.clone());
                self.add(reason, format!("A {ms} ms target is under {limit} ms: API calls add 100-2000 ms of network; a model hosted close to the product does not."));
            }
        }
    }

    /// A fast frontier outruns a fine-tune within months; a plateaued one lets it compound
    /// (seed 004).
    fn frontier_velocity(&mut self) {
        let Some(velocity) = self.scenario.matrix.frontier_velocity else {
            return;
        };
        let input = "matrix.frontier_velocity";
        let source = Seed::AiBuildVsBuyDecision.title();
        match velocity {
            FrontierVelocity::Fast => {
                for phase in [Phase::FineTune, Phase::SelfHost] {
                    let reason =
                        r(phase, true, Strength::Normal, input, "fast".into()).source(source);
                    self.add(reason, format!("The frontier moves fast here: the next API release will outperform a {} model within about 6 months, a treadmill of retraining.", phase.label().to_lowercase()));
                }
                let every = self.scenario.fine_tune.retrain_every_months.value;
                if every == 0 || every > 6 {
                    let cadence = if every == 0 {
                        "never".to_owned()
                    } else {
                        format!("every {every} months")
                    };
                    self.found.notices.push(Notice {
                        input: "fine_tune.retrain_every_months".into(),
                        text: format!("The frontier moves fast: plan to retrain a fine-tune about every 6 months; this scenario retrains {cadence}, so its fine-tuning cost may be understated."),
                        source: Some(source.to_owned()),
                    });
                }
            }
            FrontierVelocity::Plateaued => {
                let reason = r(
                    Phase::FineTune,
                    false,
                    Strength::Normal,
                    input,
                    "plateaued".into(),
                )
                .source(source);
                self.add(reason, "Frontier models plateau in this domain: a fine-tuned model's advantage compounds over time.".into());
            }
            FrontierVelocity::Moderate => {}
        }
    }

    /// Too few people, or a team already underwater, counts against building (seeds 002, 003);
    /// and a cost that pays for far fewer people than the work needs is flagged.
    fn engineering(&mut self) -> Result<(), ComputeError> {
        let eng = &self.scenario.matrix.engineering;
        let needed = self.preset.self_host_team.value.get();
        if let (Some(ml), Some(infra)) = (&eng.ml_people, &eng.infra_people) {
            let people =
                add(ml.value.get(), infra.value.get(), "adding people").at("matrix.engineering")?;
            if people < needed {
                let reason = r(
                    Phase::SelfHost,
                    true,
                    Strength::Strong,
                    "matrix.engineering",
                    format!("{} people", group_thousands(people)),
                )
                .threshold(format!(
                    "{}+ across ML and infrastructure",
                    group_thousands(needed)
                ))
                .source(self.preset.self_host_team.source.clone());
                self.add(reason, format!("Self-hosting needs an ML and infrastructure team of {}+; {} are available.", group_thousands(needed), group_thousands(people)));
            }
            let ft_needed = self.preset.fine_tune_team.value.get();
            if ml.value.get() < ft_needed {
                let reason = r(
                    Phase::FineTune,
                    true,
                    Strength::Normal,
                    "matrix.engineering.ml_people",
                    format!("{} ML engineers", group_thousands(ml.value.get())),
                )
                .threshold(format!("{}+", group_thousands(ft_needed)))
                .source(self.preset.fine_tune_team.source.clone());
                self.add(reason, format!("Fine-tuning and deploying models reliably takes at least {} ML engineers; {} are available.", group_thousands(ft_needed), group_thousands(ml.value.get())));
            }
        }
        if eng.overloaded == Some(true) {
            for (phase, strength) in [
                (Phase::SelfHost, Strength::Strong),
                (Phase::FineTune, Strength::Normal),
            ] {
                let reason = r(
                    phase,
                    true,
                    strength,
                    "matrix.engineering.overloaded",
                    "yes".into(),
                )
                .source(Seed::QuestionsThatMatter.title());
                self.add(reason, format!("The team is already underwater: nobody can build and maintain {}, so the savings will not materialise.", phase.label().to_lowercase()));
            }
        }
        let counted = people_counted(&self.scenario.self_host.staff).at("self_host.staff")?;
        if counted < needed {
            let value = format!("{} people", counted.round_dp(2).normalize());
            let reason = r(
                Phase::SelfHost,
                true,
                Strength::Normal,
                "self_host.staff",
                value.clone(),
            )
            .threshold(format!("{}+", group_thousands(needed)))
            .source(self.preset.self_host_team.source.clone());
            self.add(reason, format!("The self-hosting cost pays for {value}, but the work needs an ML and infrastructure team of {}+: its cost is understated.", group_thousands(needed)));
        }
        Ok(())
    }

    /// Pretrain only when all of seed 004's conditions hold.
    fn pretraining(&mut self) {
        let facts = &self.scenario.matrix.pretraining;
        let p = self.preset;
        let mut missing = Vec::new();
        match &facts.unique_corpus_tokens {
            Some(t) if t.value.get() >= p.pretrain_corpus.value.get() => {}
            Some(t) => missing.push(format!(
                "a unique corpus of {} tokens (you have {})",
                tokens_short(p.pretrain_corpus.value.get()),
                tokens_short(t.value.get())
            )),
            None => missing.push(format!(
                "a unique corpus of {} tokens",
                tokens_short(p.pretrain_corpus.value.get())
            )),
        }
        if facts.platform != Some(true) {
            missing.push("a platform rather than a feature".to_owned());
        }
        if facts.domain_poorly_served != Some(true) {
            missing.push("a domain general models serve poorly".to_owned());
        }
        match &facts.budget_usd {
            Some(b) if b.value.get() >= p.pretrain_budget.value.get() => {}
            _ => missing.push(format!(
                "{} to commit",
                usd_cents(p.pretrain_budget.value.get())
            )),
        }
        match &facts.months_available {
            Some(m) if Decimal::from(m.value) >= p.pretrain_months.value.get() => {}
            _ => missing.push(format!("{}+ months", p.pretrain_months.value)),
        }
        if missing.is_empty() {
            let reason = r(
                Phase::Pretrain,
                false,
                Strength::Decisive,
                "matrix.pretraining",
                "all conditions hold".into(),
            )
            .source(p.pretrain_corpus.source.clone());
            self.add(reason, "All of pretraining's conditions hold: a unique corpus of 100B+ tokens, a platform rather than a feature, a domain general models serve poorly, $5M+ and 12+ months. That is when the article says to train from scratch.".into());
            let reason = r(
                Phase::Pretrain,
                false,
                Strength::Normal,
                "matrix.pretraining.unique_corpus_tokens",
                "unique corpus".into(),
            )
            .source(p.pretrain_corpus.source.clone());
            self.add(reason, "A genuinely unique corpus in a poorly served domain is a data moat a model of your own can own; a fine-tune of a public model shares its base with everyone.".into());
        } else {
            let why = format!(
                "pretraining needs all of its conditions; missing: {}",
                missing.join(", ")
            );
            self.found.excluded.push((Phase::Pretrain, why));
        }
    }
}

/// People a staff line pays for: people, or hours over a working month.
fn people_counted(staff: &Staff) -> Result<Decimal, ArithmeticError> {
    match staff {
        Staff::Hours {
            hours_per_month, ..
        } => div(
            hours_per_month.value.get(),
            HOURS_PER_PERSON_MONTH,
            "hours ÷ hours in a person's month",
        ),
        Staff::People { people, .. } => Ok(people.value.get()),
    }
}

/// Whether the decision is due for review (seed 002: revisit every 6-9 months).
pub fn review(scenario: &Scenario, preset: &RulePreset, today: NaiveDate) -> Option<Notice> {
    let months = |t: &Threshold<crate::units::Count>| {
        u32::try_from(t.value.get().trunc().mantissa()).unwrap_or(u32::MAX)
    };
    let reviewed = scenario.last_reviewed;
    let due = reviewed.checked_add_months(Months::new(months(&preset.review_due_months)))?;
    let overdue =
        reviewed.checked_add_months(Months::new(months(&preset.review_overdue_months)))?;
    let source = Some(preset.review_due_months.source.clone());
    if today >= overdue {
        Some(Notice {
            input: "last_reviewed".into(),
            text: format!(
                "Review overdue: last reviewed {reviewed}, due by {overdue}. Costs and models move; the answer may have changed."
            ),
            source,
        })
    } else if today >= due {
        Some(Notice {
            input: "last_reviewed".into(),
            text: format!(
                "Review due: last reviewed {reviewed}; revisit the decision every 6-9 months."
            ),
            source,
        })
    } else {
        None
    }
}

/// The matrix questions left unanswered.
pub fn unanswered(scenario: &Scenario) -> Vec<&'static str> {
    let m = &scenario.matrix;
    let mut out = Vec::new();
    if m.product_stage.is_none() {
        out.push("product stage");
    }
    if m.data_residency.is_none() {
        out.push("data residency");
    }
    if m.fine_tuning_fit.gap.is_none() {
        out.push("the gap fine-tuning would close");
    }
    if m.fine_tuning_fit.labelled_examples.is_none() {
        out.push("labelled examples");
    }
    if m.engineering.ml_people.is_none() || m.engineering.infra_people.is_none() {
        out.push("engineering bandwidth");
    }
    if m.frontier_velocity.is_none() {
        out.push("frontier velocity");
    }
    out
}
