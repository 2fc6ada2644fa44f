//! The window's side of File > Import prices…: a price list read and shown with what it would
//! change, then kept when the user says so, through the one door ([`BreakevenApp::apply`]). A
//! child of `window`, so it reaches the catalog without widening its fields.

use std::path::Path;

use super::app::BreakevenApp;
use crate::action::Action;
use crate::ui::dialogs::Dialog;

impl BreakevenApp {
    /// Reads the price list at `path` and shows what importing it would change, or why it
    /// cannot be imported. Nothing changes yet.
    pub(super) fn read_prices(&mut self, path: &Path) {
        match self.prices.read(path, self.today) {
            Ok(pending) => {
                let apply = if pending.changes.is_empty() {
                    "Import anyway"
                } else {
                    "Import"
                };
                self.dialogs.open(Dialog::Preview {
                    title: "Import prices".to_owned(),
                    lines: pending.summary.clone(),
                    apply: apply.to_owned(),
                    then: Box::new(Action::KeepPrices),
                });
                self.pending_prices = Some(pending);
            }
            Err(why) => {
                self.pending_prices = None;
                self.dialogs.message(
                    "Nothing imported",
                    vec![why, "The catalog is as it was.".to_owned()],
                );
            }
        }
    }

    /// Keeps the price list shown: the pickers offer its models, and the figures are checked
    /// against its prices.
    pub(super) fn keep_prices(&mut self) {
        let Some(pending) = self.pending_prices.take() else {
            return;
        };
        let count = pending.changes.added.len();
        match self.prices.keep(pending) {
            Ok(path) => {
                self.notice = Some(format!(
                    "Prices imported ({count} new), kept in {}.",
                    path.display()
                ));
                // The drift check and the age of prices read the catalog: figure again.
                self.evaluated = None;
            }
            Err(why) => self.dialogs.message(
                "Nothing imported",
                vec![why, "The catalog is as it was.".to_owned()],
            ),
        }
    }
}
