//! The cost engine: what each option costs at a monthly volume, where two options break even,
//! and the cash over the horizon. Pure and exact: `Decimal` throughout, `f64` only for plot
//! samples.
//!
//! Every option's monthly cost is a [`CostModel`]: lines that are each a price per token, a
//! fixed amount, or a price per instance, with at most one staircase of instances. The report's
//! breakdown, the break-even search and the horizon all evaluate the same lines, so the figures
//! agree with each other to the cent.

mod break_even;
mod capacity;
mod cost_model;
mod horizon;
mod outcome;
mod samples;
mod traffic;

#[cfg(test)]
#[expect(
    clippy::arithmetic_side_effects,
    reason = "test inputs built from small literals; an overflow would panic and fail the test"
)]
mod laws;

use serde::{Deserialize, Serialize};

pub use break_even::{Crossing, CrossingKind, PairBreakEven, break_even, cheapest_above};
pub use capacity::Capacity;
pub use cost_model::{CostLine, CostModel, LineKind, Stair, build_models};
pub use horizon::{HorizonMonth, HorizonSummary, Payback, horizon};
pub use outcome::{CheapestAbove, OptionCost, Outcome, Warning, compute};
pub use samples::{Curve, plot_range, samples};
pub use traffic::{Traffic, traffic};

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
