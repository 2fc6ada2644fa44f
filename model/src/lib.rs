//! The domain of Breakeven: money as exact decimals, scenarios and their files, the price
//! catalog, and the cost arithmetic of the source articles. No GUI, no file dialogs, no clock:
//! every function is pure, so the command line, the window and the tests agree to the cent.
//!
//! The articles ("seeds") this encodes are in `shared/seeds/`; code comments cite them by file
//! number (seed 001), the app by title (see [`sources`]).
//!
//! No arithmetic that can panic: `rust_decimal`'s operators panic on overflow and integer ones
//! can overflow, so the lint below refuses every operator that can overflow or divide by zero.
//! Figures go through the checked helpers of [`units`], whose errors name what was computed;
//! an exception says why where it stands.
//!
//! Start at [`evaluate`]: it validates a scenario, computes its costs ([`engine`]), decides
//! ([`decision`]) and gives the [`Evaluation`] that the window, the reports ([`report`]), the
//! export and the workshop read. The modules, each using only those on its own line and the
//! lines before it:
//!
//! - [`units`], [`phase`], [`sourced`], [`sources`], [`format`](mod@format), [`error`]: money
//!   and volumes, the four phases, a number with its source, the articles, numbers in words,
//!   the errors;
//! - [`preset`]: the rules' thresholds, as data;
//! - [`scenario`] and [`catalog`]: one team's situation, and the prices it picks from;
//! - [`engine`], [`quick`] and [`start`]: what each option costs, where they break even, the
//!   horizon; seed 001's napkin math; a new scenario from a start sheet;
//! - [`decision`]: the recommended phase and why;
//! - [`report`] and [`compare`]: the figures as text, Markdown, JSON, CSV and HTML; two
//!   scenarios side by side;
//! - [`evaluation`]: all of the above in one call.
#![deny(clippy::arithmetic_side_effects)]

pub mod benchmark;
pub mod catalog;
pub mod compare;
pub mod decision;
pub mod engine;
pub mod error;
pub mod evaluation;
pub mod format;
pub mod phase;
pub mod portfolio;
pub mod preset;
pub mod quick;
pub mod report;
pub mod scenario;
pub mod sourced;
pub mod sources;
pub mod start;
pub mod uncertainty;
pub mod units;
pub mod usage;

pub use catalog::Catalog;
pub use error::{ArithmeticError, EvaluateError, LoadError, Problem, SaveError};
pub use evaluation::{Evaluation, evaluate, evaluate_in};
pub use scenario::Scenario;
pub use sourced::Sourced;
