//! Starts Breakeven: the window, or a subcommand for scripts and people without a display.

#![deny(clippy::arithmetic_side_effects)]

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = breakeven::cli::Cli::parse();
    breakeven::cli::run(cli)
}
