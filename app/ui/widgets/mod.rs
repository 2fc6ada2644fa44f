//! The widgets the panels are made of: an input field with its label, unit, tooltip, source note
//! and message; and a typed path beside the desktop's own file dialog.

pub mod browse;
pub mod fields;
