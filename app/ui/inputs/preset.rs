//! Whose thresholds the rules use: the articles disagree on when to leave the API, so the
//! thresholds are data, in presets named after their source.

use breakeven_model::Problem;
use breakeven_model::decision::{Period, PresetChoice, built_in};
use breakeven_model::format::usd_cents;
use egui::Ui;

use crate::ui::widgets::fields::{label, note};

/// The preset picked among the built-in ones, as a combo box labelled by `name`; the inputs
/// panel and the presentation bar both use it.
pub fn preset_combo(ui: &mut Ui, id: &str, choice: &mut PresetChoice, width: f32, name: egui::Id) {
    let current = choice.resolve().name.clone();
    egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            for preset in built_in() {
                let chosen = matches!(choice, PresetChoice::BuiltIn(id) if *id == preset.id);
                if ui.selectable_label(chosen, &preset.name).clicked() {
                    *choice = PresetChoice::BuiltIn(preset.id.clone());
                }
            }
        })
        .response
        .labelled_by(name)
        .on_hover_text(
            "The articles disagree on when to leave the API: pick whose thresholds the rules use.",
        );
}

/// The rule preset, its spend thresholds, and its problems.
pub fn preset_ui(ui: &mut Ui, choice: &mut PresetChoice, problems: &[Problem]) {
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, "Thresholds from", false);
        preset_combo(ui, "rule-preset", choice, 230.0, name.id);
    });
    for t in &choice.resolve().spend {
        let per = if t.per == Period::Month {
            "month"
        } else {
            "year"
        };
        note(ui, &format!("{}/{per}: {}", usd_cents(t.usd.get()), t.says));
    }
    for problem in problems
        .iter()
        .filter(|p| p.path.starts_with("rule_preset"))
    {
        ui.colored_label(ui.visuals().error_fg_color, problem.to_string());
    }
}
