//! The feature list above the inputs: the product's features, the one shown selected; add,
//! duplicate, rename, remove and reorder them, each change one undoable edit. The inputs below,
//! the curves and the recommendation are of the selected feature; the Roadmap tab is of them
//! all.

use breakeven_model::Scenario;
use breakeven_model::scenario::{MAX_FEATURES, UNNAMED_FEATURE};
use egui::{RichText, Ui};

use crate::action::Action;

/// The list, and its buttons; `draft` is the selected feature as a scenario of its own, whose
/// name the Name field edits.
pub fn features_ui(
    ui: &mut Ui,
    whole: &Scenario,
    (selected, read_only): (usize, bool),
    draft: &mut Scenario,
    actions: &mut Vec<Action>,
) {
    let count = whole.feature_count();
    let heading = if count == 1 {
        "Features: one, all the traffic".to_owned()
    } else {
        format!(
            "Features: {count}, showing {}",
            whole.feature_name(selected).unwrap_or_default()
        )
    };
    egui::CollapsingHeader::new(heading)
        .id_salt("features")
        .default_open(count > 1)
        .show(ui, |ui| {
            for (i, name) in whole.feature_names().into_iter().enumerate() {
                if ui
                    .selectable_label(i == selected, &name)
                    .on_hover_text("Show this feature's inputs, curves and recommendation.")
                    .clicked()
                    && i != selected
                {
                    actions.push(Action::SelectFeature(i));
                }
            }
            if read_only {
                return;
            }
            ui.horizontal(|ui| {
                ui.label("Name");
                let mut name = draft.feature.clone();
                let field = egui::TextEdit::singleline(&mut name)
                    .hint_text(UNNAMED_FEATURE)
                    .desired_width(ui.available_width());
                if ui
                    .add(field)
                    .on_hover_text(
                        "This feature's name, in the roadmap, the reports and the bill by feature.",
                    )
                    .changed()
                {
                    draft.feature = name;
                }
            });
            ui.horizontal_wrapped(|ui| {
                let room = count < MAX_FEATURES;
                let mut edited = whole.clone();
                let select = if ui
                    .add_enabled(room, egui::Button::new("Add"))
                    .on_hover_text(
                        "A new feature with the example's traffic and API model, to replace with its own.",
                    )
                    .clicked()
                {
                    Scenario::embedded_default().feature_parts(0).and_then(|mut new| {
                        "New feature".clone_into(&mut new.name);
                        edited.add_feature(new)
                    })
                } else if ui
                    .add_enabled(room, egui::Button::new("Duplicate"))
                    .on_hover_text("A copy of this feature, to change.")
                    .clicked()
                {
                    edited.duplicate_feature(selected)
                } else if ui
                    .add_enabled(count > 1, egui::Button::new("Remove"))
                    .on_hover_text("Take this feature out of the scenario (Ctrl+Z brings it back).")
                    .clicked()
                {
                    edited.remove_feature(selected)
                } else if ui
                    .add_enabled(selected > 0, egui::Button::new("Up"))
                    .on_hover_text("Move this feature up the list; reports detail the first.")
                    .clicked()
                {
                    edited.move_feature(selected, true)
                } else if ui
                    .add_enabled(selected.saturating_add(1) < count, egui::Button::new("Down"))
                    .on_hover_text("Move this feature down the list.")
                    .clicked()
                {
                    edited.move_feature(selected, false)
                } else {
                    None
                };
                if let Some(select) = select {
                    actions.push(Action::EditFeatures(Box::new(edited), select));
                }
            });
            if count > 1 {
                ui.label(
                    RichText::new(
                        "Each feature has its own workload, API model and task answers (fine-tuning fit, frontier velocity, workhorse, retrieval); the rest is shared.",
                    )
                    .small()
                    .weak(),
                );
            }
        });
}
