//! The decision matrix: the answers about the team's situation that costs alone do not capture
//! (format version 2). An answer left out is "not answered": the rules that need it stay
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
