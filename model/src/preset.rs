//! Rule thresholds as data. The seeds disagree (leave the API above $5K/month in one, $20K/month
//! in another, $50K/year in a third), so the app does not pick one silently: each preset is named
//! after its article, keeps each threshold in its article's unit with the phase it points to,
//! and the user can save their own in the scenario.
//!
//! A scenario names its preset and the decision's rules read the thresholds, so the presets live
//! here, apart from both.

use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::ArithmeticError;
use crate::phase::Phase;
use crate::units::{Count, Tokens, Usd, mul};

/// The presets as shipped, in RON.
pub const PRESETS_RON: &str = include_str!("../../assets/presets.ron");

static BUILT_IN: LazyLock<Vec<RulePreset>> = LazyLock::new(|| {
    ron::from_str(PRESETS_RON)
        .unwrap_or_else(|e| panic!("assets/presets.ron is checked by a test: {e}"))
});

/// A set of thresholds, each with the article it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RulePreset {
    /// Stable identifier stored in scenarios (`questions-that-matter`).
    pub id: String,
    /// The name shown: the article's title, or the user's own name.
    pub name: String,
    /// Spend thresholds, in the unit their article uses.
    pub spend: Vec<SpendThreshold>,
    /// Labelled examples from which fine-tuning fits (seed 004: 10K+).
    pub examples_fit: Threshold<Count>,
    /// Labelled examples below which fine-tuning is overfitting (seed 004: 500).
    pub examples_overfit: Threshold<Count>,
    /// A latency target below which a model of your own is favoured (seed 004: 200 ms).
    pub latency_ms: Threshold<Count>,
    /// People a self-hosted model needs across ML and infrastructure (seed 003: 5+).
    pub self_host_team: Threshold<Count>,
    /// People a fine-tune needs (seed 003: a small ML team; seed 004: 2-3 ML engineers).
    pub fine_tune_team: Threshold<Count>,
    /// Months after a review when the next one is due, and when it is overdue (seed 002: 6-9).
    pub review_due_months: Threshold<Count>,
    /// Months after a review when it is overdue.
    pub review_overdue_months: Threshold<Count>,
    /// Pretraining's conditions, all of which must hold (seed 004).
    pub pretrain_corpus: Threshold<Tokens>,
    /// Pretraining's budget condition.
    pub pretrain_budget: Threshold<Usd>,
    /// Pretraining's time condition, months.
    pub pretrain_months: Threshold<Count>,
}

/// A number and the article it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Threshold<T> {
    /// The threshold.
    pub value: T,
    /// Where it comes from: an article's title, or the user's note.
    pub source: String,
}

/// A spend threshold and what it says on each side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SpendThreshold {
    /// The amount.
    pub usd: Usd,
    /// Per month or per year, as the article puts it.
    pub per: Period,
    /// The phase spend below it points to, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Phase>,
    /// The phases spend above it points to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub above: Vec<Phase>,
    /// What the article says, in its words.
    pub says: String,
    /// The article.
    pub source: String,
}

/// The period of a spend threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Period {
    /// Per month.
    Month,
    /// Per year: compared with twelve times the monthly spend.
    Year,
}

impl Period {
    /// The spend of `monthly` dollars a month in this period: itself for a month, twelve times
    /// it for a year.
    pub fn spend(self, monthly: Decimal) -> Result<Decimal, ArithmeticError> {
        match self {
            Self::Month => Ok(monthly),
            Self::Year => mul(monthly, Decimal::from(12), "USD/month × 12"),
        }
    }
}

/// Which preset a scenario's rules use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum PresetChoice {
    /// A built-in preset, by id.
    BuiltIn(String),
    /// The user's own thresholds, saved with the scenario.
    Custom(Box<RulePreset>),
}

impl Default for PresetChoice {
    fn default() -> Self {
        Self::BuiltIn(DEFAULT_PRESET.to_owned())
    }
}

/// The preset of scenarios that name none (version 1 files): seed 002's, the most cautious
/// about leaving the API.
pub const DEFAULT_PRESET: &str = "questions-that-matter";

/// The built-in presets, one per article that sets spend thresholds.
#[must_use]
pub fn built_in() -> &'static [RulePreset] {
    &BUILT_IN
}

impl PresetChoice {
    /// The thresholds this choice stands for; an unknown built-in id falls back to the default
    /// preset (validation reports the unknown id).
    #[must_use]
    pub fn resolve(&self) -> &RulePreset {
        match self {
            Self::Custom(preset) => preset,
            Self::BuiltIn(id) => built_in()
                .iter()
                .find(|p| &p.id == id)
                .or_else(|| built_in().iter().find(|p| p.id == DEFAULT_PRESET))
                .unwrap_or_else(|| unreachable!("assets/presets.ron has the default preset")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_presets_load_and_keep_each_articles_units() {
        let presets: Vec<RulePreset> =
            ron::from_str(PRESETS_RON).expect("assets/presets.ron loads");
        let ids: Vec<&str> = presets.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "questions-that-matter",
                "build-vs-buy-openai",
                "ai-build-vs-buy-decision"
            ]
        );
        let seed_004 = &presets[2];
        assert!(
            seed_004.spend.iter().all(|t| t.per == Period::Year),
            "seed 004 speaks in $/year"
        );
        assert_eq!(seed_004.spend[1].above, [Phase::SelfHost]);
        assert!(PresetChoice::default().resolve().id == DEFAULT_PRESET);
    }
}
