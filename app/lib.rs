//! Breakeven's desktop app and command line. The domain lives in `breakeven-model`; this crate
//! reads files, parses the command line and draws the window.

pub mod cli;
pub mod error;
pub mod files;
pub mod window;
