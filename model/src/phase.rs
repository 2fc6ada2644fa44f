//! The four phases the seeds escalate through: Buy, Fine-tune, Self-host, Pretrain. The cost
//! engine prices each, the rule presets point to them and the decision recommends one, so the
//! type lives here, apart from all three, and depends on none of them.

use serde::{Deserialize, Serialize};

/// The four ways to run an LLM feature, in the order the seeds escalate through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Phase {
    /// Call a hosted API.
    Buy,
    /// Route part of the traffic to a fine-tuned model.
    FineTune,
    /// Serve open weights on your own GPUs.
    SelfHost,
    /// Train a model from scratch.
    Pretrain,
}

impl Phase {
    /// Every phase, in escalation order.
    pub const ALL: [Self; 4] = [Self::Buy, Self::FineTune, Self::SelfHost, Self::Pretrain];

    /// The name shown to people.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Buy => "Buy",
            Self::FineTune => "Fine-tune",
            Self::SelfHost => "Self-host",
            Self::Pretrain => "Pretrain",
        }
    }

    /// The position in [`Phase::ALL`].
    #[must_use]
    pub const fn index(self) -> usize {
        match self {
            Self::Buy => 0,
            Self::FineTune => 1,
            Self::SelfHost => 2,
            Self::Pretrain => 3,
        }
    }
}
