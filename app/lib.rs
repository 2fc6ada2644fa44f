//! Breakeven's desktop app and command line. The domain lives in `breakeven-model`; this crate
//! reads files, parses the command line and draws the window.
//!
//! No arithmetic here: every figure and conversion the window shows or writes is a model
//! function on the model's checked types. `rust_decimal`'s operators panic on overflow, and one
//! raw multiply in a panel once let a typed number crash the window, so the lint below refuses
//! any operator that can overflow or divide by zero; an exception says why where it stands.
#![deny(clippy::arithmetic_side_effects)]

pub mod action;
pub mod chart_labels;
pub mod chart_style;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod command;
pub mod error;
pub mod export;
pub mod state;
pub mod ui;
pub mod window;
