//! The window: inputs on the left, curves and tables in the centre, the recommendation on the
//! right. Every edit goes through [`BreakevenApp::apply`], which validates and recomputes at
//! once; an invalid value keeps its message beside its field and the last valid figures stay on
//! screen, dimmed.
//!
//! `app` holds the state and the one door; `layout` places the panels; `startup` builds the app
//! as a user starts it; the `*_actions` files carry out what the door receives, by subject.

mod app;
mod export_actions;
mod file_actions;
mod layout;
mod own_numbers_actions;
mod price_actions;
mod startup;
mod workshop_actions;

pub use app::{BreakevenApp, Place, READ_ONLY, Upload, WebRequest};
pub use startup::Startup;
#[cfg(not(target_arch = "wasm32"))]
pub use startup::run;
