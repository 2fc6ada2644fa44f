//! The cost engine: what each option costs at a monthly volume, where two options break even,
//! and the cash over the horizon. Pure and exact: `Decimal` throughout, `f64` only for plot
//! samples.
//!
//! Every option's monthly cost is a [`CostModel`]: lines that are each a price per token, a
//! fixed amount, or a price per instance, with at most one staircase of instances. The report's
//! breakdown, the break-even search and the horizon all evaluate the same lines, so the figures
//! agree with each other to the cent.

mod bill;
mod break_even;
mod capacity;
mod cost_model;
mod horizon;
mod latency;
mod outcome;
mod samples;
mod sizing;
mod view;

#[cfg(test)]
#[expect(
    clippy::arithmetic_side_effects,
    reason = "test inputs built from small literals; an overflow would panic and fail the test"
)]
mod laws;

// Defined in `crate::phase`, apart from the engine, since the rule presets name phases too;
// re-exported where callers have always found it.
pub use crate::phase::Phase;

pub use crate::scenario::{Traffic, traffic};
pub use bill::{monthly_bill, volume_for_bill};
pub use break_even::{Crossing, CrossingKind, PairBreakEven, break_even, cheapest_above};
pub use capacity::Capacity;
pub use cost_model::{
    CostLine, CostModel, Counted, Instances, LineKind, Stair, StepOf, build_models, buy_cost,
};
pub use horizon::{HorizonMonth, HorizonSummary, Payback, horizon};
pub use latency::{Figure, Latency, ReplyTime, duration, latency};
pub use outcome::{
    CheapestAbove, OptionCost, Outcome, Warning, compute, compute_in, compute_sample,
    phase_of_input,
};
pub use samples::{Curve, plot_range, samples};
pub use sizing::{Sizing, sizings};
pub use view::{CostChart, CrossingMark, Shown, ShownChoices, cost_chart, view_range};
