//! Breakeven's desktop app and command line. The domain lives in `breakeven-model`; this crate
//! reads files, parses the command line and draws the window.

pub mod baseline;
pub mod browse;
pub mod cli;
pub mod compare;
pub mod computed;
pub mod curves;
pub mod document;
pub mod error;
pub mod examples;
pub mod export;
pub mod fields;
pub mod file_menu;
pub mod files;
pub mod inputs;
pub mod options;
pub mod presentation;
pub mod recovery;
pub mod side_by_side;
pub mod tables;
pub mod verdict;
pub mod window;
pub mod workshop;
