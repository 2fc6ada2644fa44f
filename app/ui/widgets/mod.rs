//! The widgets the panels are made of: a number field with its label, unit, tooltip, source
//! note and messages, declared once a number ([`fields::Number`]); a choice; and a typed path
//! beside the desktop's own file dialog.

pub mod browse;
pub mod entry;
pub mod fields;
