//! The facts that settle a question before anything is weighed: a gate rules a phase out, or
//! decides it, with its reason. They run in the order the articles give them: compliance first
//! (seed 002: "hosting is a question of compliance, not cost"), then the product's stage (seed
//! 001: "always start here"), then where the differentiator lies (seed 004: "the single most
//! important question"), then whether fine-tuning can fix the gap at all, then pretraining's
//! conditions. Costs never outvote a gate.

use rust_decimal::Decimal;

use super::{Gate, GateEffect};
use crate::format::{group_thousands, tokens_short, usd_cents};
use crate::phase::Phase;
use crate::preset::RulePreset;
use crate::scenario::{
    DataResidency, Differentiator, Gap, ProductStage, Retrieval, Scenario, TunedServing,
};
use crate::sources::Seed;

/// The gates that hold for `scenario`, in the order they were asked.
#[must_use]
pub fn gates(scenario: &Scenario, preset: &RulePreset) -> Vec<Gate> {
    let mut gates = Gates(Vec::new());
    gates.left_out(scenario);
    gates.residency(scenario);
    gates.product_stage(scenario);
    gates.differentiator(scenario);
    gates.fine_tuning(scenario, preset);
    gates.pretraining(scenario, preset);
    gates.0
}

/// The input of a gate that takes an option the user left out off the table.
pub const LEFT_OUT: &str = "left_out";

/// Whether `phase` is ruled out by any of `gates`.
#[must_use]
pub fn ruled_out(gates: &[Gate], phase: Phase) -> bool {
    gates
        .iter()
        .any(|g| g.phase == phase && g.effect == GateEffect::RulesOut)
}

/// The phase the first deciding gate names, if that phase is not ruled out.
#[must_use]
pub fn decided(gates: &[Gate]) -> Option<Phase> {
    gates
        .iter()
        .filter(|g| g.effect == GateEffect::Decides)
        .map(|g| g.phase)
        .find(|p| !ruled_out(gates, *p))
}

struct Gates(Vec<Gate>);

impl Gates {
    #[expect(
        clippy::too_many_arguments,
        reason = "a gate is its phase, effect, input, value, threshold, source and sentence"
    )]
    fn push(
        &mut self,
        phase: Phase,
        effect: GateEffect,
        input: &str,
        value: String,
        threshold: Option<String>,
        source: &str,
        text: String,
    ) {
        self.0.push(Gate {
            phase,
            effect,
            input: input.to_owned(),
            value,
            threshold,
            source: Some(source.to_owned()),
            text,
        });
    }

    fn out(&mut self, phase: Phase, input: &str, value: &str, source: &str, text: String) {
        if !ruled_out(&self.0, phase) {
            self.push(
                phase,
                GateEffect::RulesOut,
                input,
                value.to_owned(),
                None,
                source,
                text,
            );
        }
    }

    /// The options the user left out of consideration come off the table first: nothing the
    /// scenario says can bring them back but the user.
    fn left_out(&mut self, s: &Scenario) {
        for phase in Phase::ALL.into_iter().filter(|p| s.left_out.contains(p)) {
            self.out(
                phase,
                LEFT_OUT,
                "left out",
                "your choice",
                "You took it off the table: its figures are still computed, but it takes no part in the answer."
                    .into(),
            );
        }
    }

    /// Air-gapped data rules out every API, and a fine-tune that still sends any traffic to
    /// one (seeds 001, 002).
    fn residency(&mut self, s: &Scenario) {
        if s.matrix.data_residency != Some(DataResidency::AirGapped) {
            return;
        }
        let input = "matrix.data_residency";
        let source = Seed::StrategicArchitecture.title();
        self.out(
            Phase::Buy,
            input,
            "air-gapped",
            source,
            "Data may not leave your network, so no API can be used; hosting is a compliance question here, \
             not a cost one."
                .into(),
        );
        let ft = &s.fine_tune;
        if !matches!(ft.serving, TunedServing::Hosted(_)) {
            self.out(
                Phase::FineTune,
                input,
                "air-gapped",
                source,
                "Data may not leave your network, and the tuned model is served by a provider."
                    .into(),
            );
        } else if ft.routed_percent.value.get() < Decimal::ONE_HUNDRED
            || ft.fallback_percent.value.get() > Decimal::ZERO
        {
            self.out(
                Phase::FineTune,
                input,
                "air-gapped",
                source,
                format!(
                    "Data may not leave your network, but this fine-tune routes {}% of the traffic to the tuned model \
                     and sends the rest, and {}% of it as fallback, to the API.",
                    ft.routed_percent.value, ft.fallback_percent.value
                ),
            );
        }
    }

    /// Before product-market fit, buy, whatever it costs (seeds 001, 004). Where no API may be
    /// used, build nothing that needs a product to pay for it.
    fn product_stage(&mut self, s: &Scenario) {
        if s.matrix.product_stage != Some(ProductStage::BeforeProductMarketFit) {
            return;
        }
        let input = "matrix.product_stage";
        let source = Seed::StrategicArchitecture.title();
        if ruled_out(&self.0, Phase::Buy) {
            for phase in [Phase::FineTune, Phase::Pretrain] {
                self.out(
                    phase,
                    input,
                    "before product-market fit",
                    Seed::AiBuildVsBuyDecision.title(),
                    "Before product-market fit, build no training pipeline: \"don't build MLOps infrastructure \
                     for a product that hasn't found product-market fit.\""
                        .into(),
                );
            }
        } else {
            self.push(
                Phase::Buy,
                GateEffect::Decides,
                input,
                "before product-market fit".into(),
                Some("product-market fit".into()),
                source,
                "Before product-market fit, buy: validate the product on an API first, whatever it costs; \
                 infrastructure for a product nobody wants is the most common way to lose the money."
                    .into(),
            );
        }
    }

    /// A differentiator around the model makes the model a commodity capability: never build
    /// custom infrastructure for one (seeds 001, 004). Compliance still decides hosting.
    fn differentiator(&mut self, s: &Scenario) {
        if s.matrix.differentiator != Some(Differentiator::AroundTheModel) {
            return;
        }
        let input = "matrix.differentiator";
        let value = "around the model";
        for phase in [Phase::FineTune, Phase::Pretrain] {
            self.out(
                phase,
                input,
                value,
                Seed::AiBuildVsBuyDecision.title(),
                format!(
                    "Your advantage is in the workflow, UX, integrations or distribution, not the model: \"use an \
                     API\"; {} would build a model nobody buys you for.",
                    if phase == Phase::FineTune {
                        "a fine-tune"
                    } else {
                        "pretraining"
                    }
                ),
            );
        }
        let compliance = matches!(
            s.matrix.data_residency,
            Some(DataResidency::Regulated | DataResidency::AirGapped)
        );
        if !compliance {
            self.out(
                Phase::SelfHost,
                input,
                value,
                Seed::StrategicArchitecture.title(),
                "The model is a commodity capability here: \"Never build custom infrastructure for commodity \
                 capabilities.\" No data-residency requirement calls for hosting it yourself."
                    .into(),
            );
        }
    }

    /// Fine-tuning cannot fix facts the model lacks, cannot be done on a few hundred examples,
    /// and is not needed where retrieval reaches the quality (seeds 001, 003, 004).
    fn fine_tuning(&mut self, s: &Scenario, preset: &RulePreset) {
        let fit = &s.matrix.fine_tuning_fit;
        if fit.gap == Some(Gap::MissingFacts) {
            self.out(
                Phase::FineTune,
                "matrix.fine_tuning_fit.gap",
                "facts the model lacks",
                Seed::StrategicArchitecture.title(),
                "Fine-tuning teaches behaviour and format, not facts: \"Do not spend $50k fine-tuning a model for a \
                 problem solved by a Vector Database.\" Facts the model lacks are retrieval's job."
                    .into(),
            );
        }
        if let Some(examples) = &fit.labelled_examples {
            let (count, overfit) = (examples.value.get(), preset.examples_overfit.value.get());
            if count < overfit {
                let value = format!("{} examples", group_thousands(count));
                if !ruled_out(&self.0, Phase::FineTune) {
                    self.push(
                        Phase::FineTune,
                        GateEffect::RulesOut,
                        "matrix.fine_tuning_fit.labelled_examples",
                        value.clone(),
                        Some(format!("{} or more", group_thousands(overfit))),
                        &preset.examples_overfit.source,
                        format!(
                            "{value} is under {}: \"fine-tuning a 7B model on 500 examples is not fine-tuning, it's \
                             overfitting ... If you don't have the data, you don't have the right to fine-tune.\"",
                            group_thousands(overfit)
                        ),
                    );
                }
            }
        }
        if s.matrix.retrieval == Some(Retrieval::ReachesQuality) {
            self.out(
                Phase::FineTune,
                "matrix.retrieval",
                "retrieval reaches the quality",
                Seed::LlmStrategy.title(),
                "Retrieval already reaches the quality, style and format needed: \"Start with RAG. Fine-tune only \
                 when RAG cannot achieve the required output quality, style, or format.\""
                    .into(),
            );
        }
    }

    /// Pretrain only when every condition of seed 004 holds, on data that is a moat: proprietary
    /// and not so perishable that a one-time training run goes stale.
    fn pretraining(&mut self, s: &Scenario, p: &RulePreset) {
        let facts = &s.matrix.pretraining;
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
        let moat = &s.matrix.data_moat;
        if moat.proprietary == Some(false) {
            missing.push(
                "proprietary data (data scraped from the public internet is in every base model already)"
                    .to_owned(),
            );
        }
        if moat.perishable == Some(true) {
            missing.push(
                "data that keeps (perishable data needs a continuous pipeline, not a one-time training run)"
                    .to_owned(),
            );
        }
        let source = p.pretrain_corpus.source.clone();
        if missing.is_empty() {
            self.push(
                Phase::Pretrain,
                GateEffect::Decides,
                "matrix.pretraining",
                "all conditions hold".into(),
                None,
                &source,
                format!(
                    "Every condition for training from scratch holds: a unique corpus of {}+ tokens, a platform rather \
                     than a feature, a domain general models serve poorly, {}+ and {}+ months. That is when the \
                     article says to train your own model.",
                    tokens_short(p.pretrain_corpus.value.get()),
                    usd_cents(p.pretrain_budget.value.get()),
                    p.pretrain_months.value
                ),
            );
        } else {
            self.out(
                Phase::Pretrain,
                "matrix.pretraining",
                "conditions missing",
                &source,
                format!(
                    "Pretraining needs every one of its conditions; missing: {}.",
                    missing.join(", ")
                ),
            );
        }
    }
}
