//! The rules: each turns an answer or a computed figure into reasons for and against phases,
//! citing the input, the threshold and the article.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::{Gate, Notice, Reason, Strength, ruled_out};
use crate::engine::Outcome;
use crate::error::{ArithmeticError, AtField, ComputeError};
use crate::format::{group_thousands, usd_cents};
use crate::phase::Phase;
use crate::preset::{Period, RulePreset, Threshold};
use crate::scenario::{
    DataResidency, Differentiator, FrontierVelocity, Gap, Retrieval, Scenario, Staff, TunedServing,
};
use crate::sources::Seed;
use crate::units::{add, div, sub};

/// Where an option's reply time comes from: its speed's basis and, when given, its first
/// token's.
fn speed_source(time: &crate::engine::ReplyTime) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for figure in [&time.first_token_ms, &time.tokens_per_second]
        .into_iter()
        .flatten()
    {
        if !parts.contains(&figure.basis.as_str()) {
            parts.push(&figure.basis);
        }
    }
    parts.join("; ")
}

/// Hours of work in one person's month, to compare staff counted in hours with people.
const HOURS_PER_PERSON_MONTH: Decimal = Decimal::from_parts(160, 0, 0, false, 0);

/// What the rules found.
pub struct Found {
    pub reasons: Vec<Reason>,
    pub notices: Vec<Notice>,
}

struct Rules<'a> {
    found: Found,
    scenario: &'a Scenario,
    preset: &'a RulePreset,
    /// Whether the spend reasons, the costliest to write, are written out; a Monte Carlo
    /// sample only counts their weight.
    words: bool,
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

/// Runs every weighed rule but the costs' (in `costs`). What the gates settled is not asked
/// again: the facts behind a gate are its reason, not a weight. With `scores_only`, the spend
/// reasons are weighed but not written. Fails only when a spend or a head count is too large to
/// hold exactly.
pub fn apply(
    scenario: &Scenario,
    outcome: &Outcome,
    preset: &RulePreset,
    gates: &[Gate],
    scores_only: bool,
) -> Result<Found, ComputeError> {
    let mut rules = Rules {
        found: Found {
            reasons: Vec::new(),
            notices: Vec::new(),
        },
        scenario,
        preset,
        words: !scores_only,
    };
    rules.default_to_api();
    rules.data_residency(gates)?;
    rules.spend(outcome)?;
    rules.differentiator();
    rules.data_moat();
    rules.fine_tuning_fit();
    rules.latency(outcome);
    rules.frontier_velocity();
    rules.engineering()?;
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

    /// Data that must stay in: credit each option only for the traffic it keeps in (seeds 001,
    /// 002, 004). What may not leave at all is a gate; here it weighs among what is left.
    fn data_residency(&mut self, gates: &[Gate]) -> Result<(), ComputeError> {
        let Some(residency) = self.scenario.matrix.data_residency else {
            return Ok(());
        };
        let (value, source) = match residency {
            DataResidency::AirGapped => ("air-gapped", Seed::StrategicArchitecture.title()),
            DataResidency::Regulated => ("regulated", Seed::AiBuildVsBuyDecision.title()),
            DataResidency::Contractual | DataResidency::NoConstraint => return Ok(()),
        };
        let input = "matrix.data_residency";
        let reason = r(
            Phase::SelfHost,
            false,
            Strength::Strong,
            input,
            value.into(),
        )
        .source(source);
        self.add(
            reason,
            "Self-hosting keeps all of the traffic on machines you control: the data residency control many \
             CISOs require."
                .into(),
        );
        if !ruled_out(gates, Phase::FineTune) {
            self.fine_tune_residency(value, source)?;
        }
        if residency == DataResidency::Regulated {
            let reason = r(Phase::Buy, true, Strength::Normal, input, value.into()).source(source);
            self.add(
                reason,
                "Regulated data sent to a third-party API carries compliance risk, even under an agreement.".into(),
            );
        }
        Ok(())
    }

    /// A fine-tune keeps in only what it routes to a model in your own cloud and does not send
    /// back to the API as fallback.
    fn fine_tune_residency(&mut self, value: &str, source: &str) -> Result<(), ComputeError> {
        let ft = &self.scenario.fine_tune;
        let input = "matrix.data_residency";
        let in_your_cloud = !matches!(ft.serving, TunedServing::PerToken { .. });
        let path = "fine_tune.routed_percent";
        let kept = if in_your_cloud {
            ft.percent_answered_by_the_tuned_model().at(path)?
        } else {
            Decimal::ZERO
        };
        let kept_text = kept.round_dp(2).normalize();
        let out_text = sub(Decimal::ONE_HUNDRED, kept, "100 − %")
            .at(path)?
            .round_dp(2)
            .normalize();
        if kept >= Decimal::ONE_HUNDRED {
            let reason = r(
                Phase::FineTune,
                false,
                Strength::Strong,
                input,
                value.to_owned(),
            )
            .source(source);
            self.add(
                reason,
                "The fine-tune serves all of the traffic from your own cloud, with no fallback to the API: the data \
                 residency control many CISOs require."
                    .into(),
            );
        } else {
            // Half kept in earns credit for that share; less, or a provider's endpoint, counts against.
            let (against, text) = if kept >= Decimal::new(50, 0) {
                (
                    false,
                    format!(
                        "The fine-tune keeps {kept_text}% of the traffic in your own cloud; the other {out_text}% (what \
                         is not routed, and the fallback) still goes to the third-party API, so it earns residency \
                         credit for that share only."
                    ),
                )
            } else if in_your_cloud {
                (
                    true,
                    format!(
                        "This fine-tune keeps only {kept_text}% of the traffic in your own cloud; {out_text}% still goes \
                         to the API: it does not give the residency control the data needs."
                    ),
                )
            } else {
                (
                    true,
                    "This fine-tune is served by a provider per token, so all of the traffic still leaves your cloud: \
                     it does not give the residency control the data needs."
                        .to_owned(),
                )
            };
            let value = format!("{value}; {kept_text}% kept in");
            let reason = r(Phase::FineTune, against, Strength::Normal, input, value).source(source);
            self.add(reason, text);
        }
        Ok(())
    }

    /// Spend against the preset's thresholds, each in its article's unit.
    fn spend(&mut self, outcome: &Outcome) -> Result<(), ComputeError> {
        let monthly = outcome.api_spend;
        let preset = self.preset;
        for threshold in &preset.spend {
            let spend = threshold.per.spend(monthly).at("buy")?;
            let unit = match threshold.per {
                Period::Month => "month",
                Period::Year => "year",
            };
            let limit = threshold.usd.get();
            let (value, shown) = if self.words {
                (
                    format!("{}/{unit}", usd_cents(spend)),
                    format!("{}/{unit}", usd_cents(limit)),
                )
            } else {
                (String::new(), String::new())
            };
            let (phases, side) = if spend < limit {
                (threshold.below.as_slice(), "below")
            } else {
                (threshold.above.as_slice(), "at or above")
            };
            for phase in phases.iter().copied() {
                let reason = r(phase, false, Strength::Normal, "API spend", value.clone())
                    .threshold(shown.clone())
                    .source(threshold.source.clone());
                let text = if self.words {
                    format!(
                        "API spend of {value} is {side} {shown}: \"{}\"",
                        threshold.says
                    )
                } else {
                    String::new()
                };
                self.add(reason, text);
            }
        }
        Ok(())
    }

    /// Fine-tuning needs a specific gap and the data for it (seeds 001, 002, 003, 004).
    fn fine_tuning_fit(&mut self) {
        self.gap();
        self.labelled_examples();
        self.retrieval();
    }

    /// Seed 003's decision rule: "Start with RAG. Fine-tune only when RAG cannot achieve the
    /// required output quality, style, or format." Retrieval that reaches it is a gate.
    fn retrieval(&mut self) {
        let input = "matrix.retrieval";
        let source = Seed::LlmStrategy.title();
        match self.scenario.matrix.retrieval {
            Some(Retrieval::NotTried) => {
                let reason = r(
                    Phase::FineTune,
                    true,
                    Strength::Normal,
                    input,
                    "not tried".into(),
                )
                .source(source);
                self.add(reason, "Retrieval has not been tried: \"Start with RAG. Fine-tune only when RAG cannot achieve \
                    the required output quality, style, or format.\"".into());
            }
            Some(Retrieval::FallsShort) => {
                let reason = r(
                    Phase::FineTune,
                    false,
                    Strength::Normal,
                    input,
                    "falls short".into(),
                )
                .source(source);
                self.add(reason, "Retrieval was tried and falls short of the quality, style or format needed: that is \
                    when the article says to fine-tune.".into());
            }
            Some(Retrieval::ReachesQuality) | None => {}
        }
    }

    /// Seed 004's "single most important question": an advantage in the data, the domain
    /// expertise or the model's behaviour argues for owning weights. An advantage around the
    /// model is a gate.
    fn differentiator(&mut self) {
        if self.scenario.matrix.differentiator != Some(Differentiator::InTheModel) {
            return;
        }
        let input = "matrix.differentiator";
        let source = Seed::AiBuildVsBuyDecision.title();
        let reason = r(
            Phase::FineTune,
            false,
            Strength::Strong,
            input,
            "in the model".into(),
        )
        .source(source);
        self.add(reason, "Your advantage is in your data, domain expertise or the model's behaviour: \"fine-tune or \
            train\"; a fine-tuned model encodes that knowledge.".into());
        let reason = r(
            Phase::Buy,
            true,
            Strength::Normal,
            input,
            "in the model".into(),
        )
        .source(source);
        self.add(reason, "With an API \"you own zero weights\": no moat comes from the model itself, and the model is \
            where your advantage lies.".into());
    }

    /// Seed 004's data moat litmus test: proprietary, growing, expert-labelled data is a moat a
    /// fine-tune can own; public data is in the base model already; perishable data needs a
    /// pipeline, not one run.
    fn data_moat(&mut self) {
        let moat = &self.scenario.matrix.data_moat;
        let input = "matrix.data_moat";
        let source = Seed::AiBuildVsBuyDecision.title();
        if moat.proprietary == Some(false) {
            let reason = r(
                Phase::FineTune,
                true,
                Strength::Normal,
                input,
                "not proprietary".into(),
            )
            .source(source);
            self.add(reason, "The data is not proprietary: \"If it's scraped from the public internet, it's in the \
                foundation model's training set already. No moat.\"".into());
            return;
        }
        let signs: Vec<&str> = [
            (moat.proprietary, "proprietary"),
            (moat.growing, "growing (a data flywheel)"),
            (moat.expert_labelled, "labelled by experts"),
        ]
        .into_iter()
        .filter(|(answer, _)| *answer == Some(true))
        .map(|(_, name)| name)
        .collect();
        if signs.len() >= 2 {
            let strength = if signs.len() == 3 {
                Strength::Strong
            } else {
                Strength::Normal
            };
            let value = signs.join(", ");
            let reason = r(Phase::FineTune, false, strength, input, value.clone()).source(source);
            self.add(
                reason,
                format!(
                    "The data passes the moat test ({value}): a model tuned on it encodes what \
                competitors cannot buy."
                ),
            );
        }
        if moat.perishable == Some(true) && self.scenario.fine_tune.retrain_every_months.value == 0
        {
            self.found.notices.push(Notice {
                input: "fine_tune.retrain_every_months".into(),
                text: "The data is perishable: \"you need a continuous data pipeline, not a one-time training run\"; \
                    this scenario never retrains its fine-tune, so its cost is understated.".into(),
                source: Some(source.to_owned()),
            });
        }
    }

    /// The gap fine-tuning would close: specific, or retrieval's job, or nothing.
    fn gap(&mut self) {
        let fit = &self.scenario.matrix.fine_tuning_fit;
        if let Some(gap) = fit.gap {
            let input = "matrix.fine_tuning_fit.gap";
            match gap {
                // A gate: fine-tuning cannot fix it (gates.rs).
                Gap::MissingFacts => {}
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
                // A gate: too few to fine-tune at all (gates.rs).
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

    /// A latency target against each option's reply time, where its speed is known: a reply
    /// slower than the target counts against the option, one within it for it. Where an option's
    /// speed is not known, the articles' rule stands: a target under 200 ms favours a model
    /// hosted close to the product, since API calls add 100-2000 ms of network (seeds 002, 003,
    /// 004).
    fn latency(&mut self, outcome: &Outcome) {
        let Some(target) = &self.scenario.matrix.fine_tuning_fit.latency_target_ms else {
            return;
        };
        let input = "matrix.fine_tuning_fit.latency_target_ms";
        let ms = target.value.get();
        let target = group_thousands(ms);
        let times = &outcome.latency;
        let reply = times.reply_tokens.as_ref().map_or_else(
            || "a reply".to_owned(),
            |r| format!("a {}-token reply", group_thousands(r.value.normalize())),
        );
        let mut measured = Vec::new();
        for time in &times.options {
            let Some(least) = time.at_least_ms() else {
                continue;
            };
            let Some(within) = time.within(ms) else {
                continue;
            };
            measured.push(time.phase);
            let takes = if time.reply_ms.is_some() {
                "takes"
            } else {
                "takes at least"
            };
            let (side, threshold) = if within {
                (
                    "within",
                    format!("{} a reply", crate::engine::duration(least)),
                )
            } else {
                (
                    "over",
                    format!("{} {takes}", crate::engine::duration(least)),
                )
            };
            let reason = r(
                time.phase,
                !within,
                Strength::Normal,
                input,
                format!("{target} ms"),
            )
            .threshold(threshold)
            .source(speed_source(time));
            self.add(
                reason,
                format!(
                    "{reply} {takes} {} with {}, {side} the {target} ms target.",
                    crate::engine::duration(least),
                    time.phase.label()
                ),
            );
        }
        let limit = self.preset.latency_ms.value.get();
        if ms < limit {
            for phase in [Phase::FineTune, Phase::SelfHost] {
                if measured.contains(&phase) {
                    continue;
                }
                let reason = r(
                    phase,
                    false,
                    Strength::Normal,
                    input,
                    format!("{target} ms"),
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
                let reason = r(
                    Phase::FineTune,
                    true,
                    Strength::Normal,
                    input,
                    "fast".into(),
                )
                .source(source);
                self.add(reason, "The frontier moves fast here: the next API release will outperform a fine-tuned model \
                    within about 6 months, a treadmill of retraining.".into());
                // An open model you host retrains nothing: its treadmill is the model upgrade, seed
                // 004's "Model Update Problem" and seed 002's hidden cost.
                let reason = r(
                    Phase::SelfHost,
                    true,
                    Strength::Normal,
                    input,
                    "fast".into(),
                )
                .source(source);
                self.add(reason, "The frontier moves fast here: the open model you host falls behind the next API \
                    release within months, and each upgrade to a newer open model is a migration to evaluate and \
                    run, a cost an API pays for you.".into());
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
                    people_count(people),
                )
                .threshold(format!(
                    "{}+ across ML and infrastructure",
                    group_thousands(needed)
                ))
                .source(self.preset.self_host_team.source.clone());
                self.add(
                    reason,
                    format!(
                        "Self-hosting needs an ML and infrastructure team of {}+; {} available.",
                        group_thousands(needed),
                        is_are(people)
                    ),
                );
            }
            let ft_needed = self.preset.fine_tune_team.value.get();
            if ml.value.get() < ft_needed {
                let reason = r(
                    Phase::FineTune,
                    true,
                    Strength::Normal,
                    "matrix.engineering.ml_people",
                    engineers(ml.value.get()),
                )
                .threshold(format!("{}+", group_thousands(ft_needed)))
                .source(self.preset.fine_tune_team.source.clone());
                self.add(reason, format!("Fine-tuning and deploying models reliably takes at least {}; {} available.", engineers(ft_needed), is_are(ml.value.get())));
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
                let what = if phase == Phase::SelfHost {
                    "a self-hosted model"
                } else {
                    "a fine-tuned model"
                };
                self.add(reason, format!("The team is already underwater: nobody can build and maintain {what}, so the savings will not materialise."));
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
            let available = match (&eng.ml_people, &eng.infra_people) {
                (Some(ml), Some(infra)) => ml.value.get().checked_add(infra.value.get()),
                _ => None,
            };
            let which = match available {
                Some(people) if people >= needed => format!(
                    "the team is there ({} available), but the cost leaves most of their time out: it is understated",
                    group_thousands(people)
                ),
                Some(people) => format!(
                    "the team is short too ({} available), and the cost leaves out the people still to hire: it is \
                     understated",
                    group_thousands(people)
                ),
                None => "its cost is understated".to_owned(),
            };
            self.add(reason, format!("The self-hosting cost pays for {value}, but the work needs an ML and infrastructure team of {}+: {which}.", group_thousands(needed)));
        }
        Ok(())
    }
}

/// "1 person", "3 people".
fn people_count(n: Decimal) -> String {
    if n == Decimal::ONE {
        "1 person".to_owned()
    } else {
        format!("{} people", group_thousands(n))
    }
}

/// "1 is", "3 are", "none is": for "… available".
fn is_are(n: Decimal) -> String {
    if n.is_zero() {
        "none is".to_owned()
    } else if n == Decimal::ONE {
        "1 is".to_owned()
    } else {
        format!("{} are", group_thousands(n))
    }
}

/// "1 ML engineer", "2 ML engineers".
fn engineers(n: Decimal) -> String {
    if n == Decimal::ONE {
        "1 ML engineer".to_owned()
    } else {
        format!("{} ML engineers", group_thousands(n))
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
    if m.differentiator.is_none() {
        out.push("is the differentiator in the model or around it");
    }
    if m.data_moat.proprietary.is_none() {
        out.push("is the data proprietary");
    }
    if m.retrieval.is_none() {
        out.push("does retrieval reach the quality needed");
    }
    out
}
