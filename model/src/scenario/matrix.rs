//! The decision matrix: the answers about the team's situation that costs alone do not capture
//! (format version 2; version 3 added the differentiator, the data moat, the workhorse and the
//! retrieval questions). An answer left out is "not answered": the rules that need it stay
//! silent, and the recommendation lists it among what could change the decision.

use serde::{Deserialize, Serialize};

use crate::sourced::Sourced;
use crate::units::{Count, Tokens, Usd};

/// The situation, question by question (seed 002's five questions, seed 004's four).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// Where the data may go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_residency: Option<DataResidency>,
    /// Whether fine-tuning has something to fix, and data to fix it with.
    #[serde(default)]
    pub fine_tuning_fit: FineTuningFit,
    /// The people available to build and run it.
    #[serde(default)]
    pub engineering: Engineering,
    /// How fast frontier models improve at this task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frontier_velocity: Option<FrontierVelocity>,
    /// Where the product is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_stage: Option<ProductStage>,
    /// What pretraining would have to stand on.
    #[serde(default)]
    pub pretraining: PretrainingFacts,
    /// Where the competitive advantage lies: in the model, or around it (seed 004's "single most
    /// important question"; seed 001's capability vs moat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub differentiator: Option<Differentiator>,
    /// Seed 004's data moat litmus test.
    #[serde(default, skip_serializing_if = "DataMoat::is_unanswered")]
    pub data_moat: DataMoat,
    /// Whether a cheaper (workhorse) API model would do the task as well as the one priced in
    /// Buy (seed 002's second question).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workhorse_would_do: Option<bool>,
    /// What retrieval (RAG) reaches on the task (seed 003's decision rule: start with RAG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval: Option<Retrieval>,
}

/// Where the product's competitive advantage lies (seed 004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Differentiator {
    /// Workflow, UX, integrations or distribution: the model is a commodity capability.
    AroundTheModel,
    /// Data, domain expertise or the model's behaviour.
    InTheModel,
}

/// Seed 004's data moat litmus test, question by question; each may stay unanswered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct DataMoat {
    /// The data is not scraped from the public internet (else it is in the base model already).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proprietary: Option<bool>,
    /// Product usage keeps adding to it: a data flywheel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growing: Option<bool>,
    /// Annotated by experts in a specialised domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert_labelled: Option<bool>,
    /// It goes stale: the domain needs fresh data, a pipeline rather than one training run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perishable: Option<bool>,
}

impl DataMoat {
    /// Whether no question of the test is answered.
    #[must_use]
    pub fn is_unanswered(&self) -> bool {
        *self == Self::default()
    }
}

/// What retrieval-augmented generation reaches on the task (seed 003).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Retrieval {
    /// Not tried yet.
    NotTried,
    /// Retrieval reaches the quality, style and format needed.
    ReachesQuality,
    /// Tried, and it falls short of the quality, style or format needed.
    FallsShort,
}

/// Where the data may be processed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum DataResidency {
    /// No constraint. (Not `None`: in a file, `data_residency: None` would read as "not
    /// answered".)
    NoConstraint,
    /// A data-processing agreement with the provider suffices.
    Contractual,
    /// A regulated industry (health, finance, legal): third-party processing is a compliance
    /// question many CISOs will not accept (seed 004).
    Regulated,
    /// No data may leave the network: air-gapped, or a regulator that forbids third-party
    /// sub-processors (seed 001).
    AirGapped,
}

/// What fine-tuning would fix, and the data for it (seeds 002, 004).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct FineTuningFit {
    /// High-quality labelled examples available for the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labelled_examples: Option<Sourced<Count>>,
    /// The gap between what the API does and what the product needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
    /// The response time the product needs, milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_target_ms: Option<Sourced<Count>>,
}

/// The gap fine-tuning would close.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Gap {
    /// A specific output format the model produces inconsistently.
    OutputFormat,
    /// Domain vocabulary (medical, legal, scientific).
    DomainVocabulary,
    /// A house style or tone.
    Style,
    /// Responses too slow for the product.
    Latency,
    /// Facts the model lacks: retrieval's job, not fine-tuning's (seeds 001, 003).
    MissingFacts,
    /// Nothing specific: "we want our model to be smarter" (seed 002).
    NothingSpecific,
}

/// The people available, against the people the options need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Engineering {
    /// ML engineers who could work on this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ml_people: Option<Sourced<Count>>,
    /// Infrastructure engineers who could work on this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infra_people: Option<Sourced<Count>>,
    /// Whether the team is already underwater (seed 002's fifth question).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overloaded: Option<bool>,
}

/// How fast frontier models improve at this task (seed 004's fourth question).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum FrontierVelocity {
    /// General text, code, reasoning: the next API release outperforms a fine-tune within 6
    /// months.
    Fast,
    /// Somewhere between.
    Moderate,
    /// Niche or proprietary domains where frontier models plateau.
    Plateaued,
}

/// Where the product is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum ProductStage {
    /// Still looking for product-market fit.
    BeforeProductMarketFit,
    /// Product-market fit found.
    ProductMarketFit,
    /// Scaling a product that works.
    Scaling,
}

/// What pretraining would stand on (seed 004: all four conditions, plus the data).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct PretrainingFacts {
    /// Tokens of proprietary data absent from public training sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_corpus_tokens: Option<Sourced<Tokens>>,
    /// Whether the model is the product's platform rather than one feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<bool>,
    /// Whether general models serve the domain poorly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_poorly_served: Option<bool>,
    /// What can be committed to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_usd: Option<Sourced<Usd>>,
    /// Months that can be given to it before it must pay off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_available: Option<Sourced<u32>>,
}
