//! What every group of inputs draws with: the text being typed, the built-in default the values
//! are compared with, and the validation problems to show beside their fields.

use breakeven_model::{Problem, Scenario};
use egui::Ui;

use crate::ui::widgets::fields::{Editing, Number, Place, numbers_ui};

/// The inputs panel's tools, for one frame.
pub struct Form<'a> {
    /// The text being typed, and why a change of kind was refused.
    pub editing: &'a mut Editing,
    /// The built-in default scenario.
    pub default: &'a mut Scenario,
    /// The scenario's validation problems.
    pub problems: &'a [Problem],
    /// The catalog as the user has it, imported prices and all, for the pickers.
    pub catalog: &'a breakeven_model::Catalog,
    /// What the panel asks of the window beyond an edit (Import benchmark…).
    pub asks: &'a mut Vec<crate::action::Action>,
}

impl Form<'_> {
    /// The `numbers` of the scenario `draft`, one a line.
    pub fn numbers(&mut self, ui: &mut Ui, numbers: &[Number<Scenario>], draft: &mut Scenario) {
        let mut place = Place {
            root: draft,
            default: Some(&mut *self.default),
            base: "",
        };
        numbers_ui(ui, self.editing, numbers, &mut place, self.problems);
    }

    /// The `numbers` of `root`, a part of the scenario at `base` (an option's instances or
    /// staff), compared with the same part of the built-in default, which `in_default` finds.
    pub fn numbers_of<R>(
        &mut self,
        ui: &mut Ui,
        numbers: &[Number<R>],
        root: &mut R,
        in_default: fn(&mut Scenario) -> Option<&mut R>,
        base: &str,
    ) {
        let mut place = Place {
            root,
            default: in_default(self.default),
            base,
        };
        numbers_ui(ui, self.editing, numbers, &mut place, self.problems);
    }
}
