//! The left panel: every input of the scenario, grouped as the decision is discussed. A group
//! is a table of [`crate::ui::widgets::fields::Number`]s, one line each, and the few choices
//! between them; a new number is one more line in its group's table.

pub mod about;
pub mod buy;
pub mod features;
pub mod form;
pub mod horizon;
pub mod hosting;
pub mod matrix;
pub mod options;
pub mod preset;
pub mod workload;

use breakeven_model::{Problem, Scenario};
use chrono::NaiveDate;
use egui::Ui;

use crate::ui::widgets::fields::Editing;
use form::Form;

/// One group's inputs, drawn with the panel's form.
type Group = fn(&mut Ui, &mut Form<'_>, &mut Scenario);

/// The input panel's own state: the text being typed, and the defaults values are compared with.
pub struct InputsPanel {
    editing: Editing,
    default: Scenario,
}

impl Default for InputsPanel {
    fn default() -> Self {
        Self {
            editing: Editing::default(),
            default: Scenario::embedded_default(),
        }
    }
}

impl InputsPanel {
    /// The built-in default scenario that values are compared with (changed values are bold).
    #[must_use]
    pub fn defaults(&self) -> &Scenario {
        &self.default
    }

    /// Shows every input of `draft` and lets the user change it; `problems` are its validation
    /// messages, shown beside their fields; the API model picker offers `catalog`'s models, and
    /// what the panel asks of the window beyond an edit is pushed onto `asks`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        draft: &mut Scenario,
        problems: &[Problem],
        today: NaiveDate,
        catalog: &breakeven_model::Catalog,
        asks: &mut Vec<crate::action::Action>,
    ) {
        let mut form = Form {
            editing: &mut self.editing,
            default: &mut self.default,
            problems,
            catalog,
            asks,
        };
        egui::CollapsingHeader::new("Scenario: name, client, notes, review")
            .default_open(false)
            .show(ui, |ui| about::about_ui(ui, &mut form, draft, today));
        let groups: [(&str, bool, Group); 15] = [
            ("Options on the table", false, options::on_the_table_ui),
            ("Workload", true, workload::workload_ui),
            ("Buy: a hosted API", true, buy::buy_ui),
            ("Self-host", false, options::self_host_ui),
            ("Fine-tune", false, options::fine_tune_ui),
            ("Pretrain", false, options::pretrain_ui),
            ("Data residency", true, |ui, form, s| {
                matrix::residency_ui(ui, s, form.default);
            }),
            ("Differentiator and data moat", false, matrix::moat_ui),
            ("Fine-tuning fit", false, matrix::fit_ui),
            ("Team", true, matrix::team_ui),
            ("Frontier and product stage", true, |ui, form, s| {
                matrix::stage_ui(ui, s, form.default);
            }),
            ("Pretraining facts", false, matrix::pretraining_ui),
            ("Horizon", false, horizon::horizon_ui),
            ("Revenue", false, horizon::revenue_ui),
            ("Rule preset", true, |ui, form, s| {
                preset::preset_ui(ui, &mut s.rule_preset, form.problems);
            }),
        ];
        for (title, open, group) in groups {
            egui::CollapsingHeader::new(title)
                .default_open(open)
                .show(ui, |ui| group(ui, &mut form, draft));
        }
    }
}
