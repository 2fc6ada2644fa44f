//! What the scenario is: its name, who it is for, its notes and when it was last reviewed,
//! edited like any other input (each change is one undoable edit, saved in the file, shown in the title, the
//! presentation bar and the exports).

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::form::Form;
use crate::ui::widgets::fields::label;
use breakeven_model::Scenario;

/// The widest the notes' box gets.
const NOTES_WIDTH: f32 = 420.0;

/// The date a review is written in: `2026-12-01`.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// The scenario's name, client, notes and last review; `today` for "Reviewed today".
pub fn about_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario, today: NaiveDate) {
    ui.horizontal_wrapped(|ui| {
        let help = "Shown in the title bar, the presentation bar and every export.";
        let name = label(ui, "Name", false).on_hover_text(help);
        ui.add(TextEdit::singleline(&mut s.name).desired_width(220.0))
            .labelled_by(name.id)
            .on_hover_text(help);
    });
    ui.horizontal_wrapped(|ui| {
        let help = "Who the scenario is for, beside its name in the title bar, the presentation \
                    bar and every export. Leave it empty for your own team.";
        let name = label(ui, "Client", false).on_hover_text(help);
        ui.add(
            TextEdit::singleline(&mut s.client)
                .desired_width(220.0)
                .hint_text("your own team"),
        )
        .labelled_by(name.id)
        .on_hover_text(help);
    });
    // The notes' box under its label, as wide as the panel allows: beside the label it would
    // be squeezed into a narrow column on a projector's 300-px panel.
    let help = "Context, caveats, who was in the room: printed in the report.";
    let name = label(ui, "Notes", false).on_hover_text(help);
    let width = ui.available_width().min(NOTES_WIDTH);
    // Long notes scroll in a box of a few lines rather than push every input down.
    egui::ScrollArea::vertical()
        .id_salt("notes")
        .max_height(96.0)
        .max_width(width)
        .show(ui, |ui| {
            ui.add(
                TextEdit::multiline(&mut s.notes)
                    .desired_rows(3)
                    .desired_width(width),
            )
            .labelled_by(name.id)
            .on_hover_text(help);
        });
    review_ui(ui, form, s, today);
}

/// The last review, typed as a date or set to today; a date that is not one is named beside the
/// field and the last good one kept.
fn review_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario, today: NaiveDate) {
    let help = "When the decision was last reviewed (YYYY-MM-DD): \"LLM build vs buy: the questions that \
                actually matter\" says to revisit it every 6-9 months.";
    let id = egui::Id::unique("last_reviewed");
    let shown = s.last_reviewed.format(DATE_FORMAT).to_string();
    let mut problem = None;
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, "Last reviewed", false).on_hover_text(help);
        let mut text = form.editing.typed(id).unwrap_or_else(|| shown.clone());
        let response = ui
            .add(TextEdit::singleline(&mut text).id(id).desired_width(96.0))
            .labelled_by(name.id)
            .on_hover_text(help);
        if response.changed() {
            if let Ok(date) = NaiveDate::parse_from_str(text.trim(), DATE_FORMAT) {
                s.last_reviewed = date;
                form.editing.keep_typed(id, text, None);
            } else {
                let why = format!("\"{}\" is not a date written as YYYY-MM-DD", text.trim());
                form.editing.keep_typed(id, text, Some(why));
            }
        }
        if response.lost_focus() {
            form.editing.forget_typed(id);
        }
        problem = form.editing.typed_problem(id);
        if ui
            .add_enabled(
                s.last_reviewed != today,
                egui::Button::new("Reviewed today"),
            )
            .on_hover_text(format!(
                "Set the last review to {}.",
                today.format(DATE_FORMAT)
            ))
            .clicked()
        {
            s.last_reviewed = today;
            form.editing.forget_typed(id);
        }
    });
    if let Some(why) = problem {
        ui.label(
            RichText::new(why)
                .color(ui.visuals().error_fg_color)
                .small(),
        );
    }
}
