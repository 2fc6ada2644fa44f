//! The source articles, by the titles the app shows (reference-cases.md).

/// One of the articles the domain rules come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Seed {
    /// seeds/000: the legal-tech case, the $20K/month threshold, shadow mode.
    BuildVsBuyFineTuneOrOpenAi,
    /// seeds/001: the TCO break-even calculator.
    StrategicArchitecture,
    /// seeds/002: the five questions, hidden costs, routing to a fine-tune.
    QuestionsThatMatter,
    /// seeds/003: the decision matrix and usage tiers.
    LlmStrategy,
    /// seeds/004: the three layers, the data moat, pretraining conditions.
    AiBuildVsBuyDecision,
}

impl Seed {
    /// The title shown in the app and in reports.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::BuildVsBuyFineTuneOrOpenAi => {
                "Build vs Buy: Should we fine-tune an open-source LLM or use OpenAI APIs?"
            }
            Self::StrategicArchitecture => "Strategic Architecture: Build vs. Buy vs. Fine-tune",
            Self::QuestionsThatMatter => {
                "LLM build vs buy: the questions that actually matter (Mohith G, 2026-05-20)"
            }
            Self::LlmStrategy => "LLM Strategy: Build, Buy, or Fine-Tune?",
            Self::AiBuildVsBuyDecision => {
                "The AI Build vs. Buy Decision: When to Use Foundation Models, Fine-Tune, or Build In-House"
            }
        }
    }
}
