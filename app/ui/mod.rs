//! Everything drawn: the panels, menus, toolbar and dialogs. The `ui` reads the state and pushes
//! [`crate::action::Action`]s; it changes nothing itself and computes no figure.

pub mod compare;
pub mod dialogs;
pub mod figures;
pub mod inputs;
pub mod menu;
pub mod presentation;
pub mod toolbar;
pub mod verdict;
pub mod widgets;
