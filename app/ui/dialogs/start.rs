//! The start sheet of File > New: a name, the client, the monthly bill or the volume, and the
//! API model. Everything else comes from the documented starting point, each value marked as an
//! assumption to confirm until it is touched.

use egui::{RichText, TextEdit, Ui};

use crate::action::Action;
use crate::state::start::StartSheet;

/// Width of a field's label, so the fields line up.
const LABEL_WIDTH: f32 = 150.0;

/// The sheet; returns whether it is done (started or cancelled).
pub fn show(ui: &mut Ui, sheet: &mut StartSheet, actions: &mut Vec<Action>) -> bool {
    ui.heading("A new scenario");
    ui.label(
        "Four answers to start from. Every other value comes from a documented starting point \
         and is marked ? (to confirm) until you type it or keep it.",
    );
    ui.add_space(6.0);
    // The name takes the focus when the sheet opens, not whenever nothing has it (a click on a
    // choice would send the typing back to the name).
    let first = !std::mem::replace(&mut sheet.shown, true);
    let mut entered = text_row(
        ui,
        "Name",
        &mut sheet.name,
        "Claims triage assistant",
        first,
    );
    entered |= text_row(ui, "Client", &mut sheet.client, "your own team", false);
    problems(ui, sheet, "start.name");
    ui.horizontal(|ui| {
        let name = fixed_label(ui, "Start from");
        let (bill, tokens) = ("the API bill", "the tokens");
        egui::ComboBox::from_id_salt("start-volume-kind")
            .selected_text(if sheet.as_bill { bill } else { tokens })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut sheet.as_bill, true, bill);
                ui.selectable_value(&mut sheet.as_bill, false, tokens);
            })
            .response
            .labelled_by(name.id);
    });
    let (label, hint) = if sheet.as_bill {
        ("Monthly API bill", "$42,000")
    } else {
        ("Tokens a month", "6B")
    };
    entered |= text_row(ui, label, &mut sheet.volume, hint, false);
    problems(ui, sheet, "start.volume");
    api_model_row(ui, sheet);
    problems(ui, sheet, "start.api_model");
    ui.add_space(6.0);
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Start").clicked() || entered {
            actions.push(Action::Start(Box::new(sheet.clone())));
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    ui.label(
        RichText::new("To explore first, File > Examples opens a worked example instead.")
            .small()
            .weak(),
    );
    done
}

fn fixed_label(ui: &mut Ui, text: &str) -> egui::Response {
    ui.add_sized([LABEL_WIDTH, 18.0], egui::Label::new(text))
}

/// A labelled text box; returns whether Enter was pressed in it. With `focus`, it takes the
/// focus.
fn text_row(ui: &mut Ui, label: &str, text: &mut String, hint: &str, focus: bool) -> bool {
    let field = ui.horizontal(|ui| {
        let name = fixed_label(ui, label);
        ui.add(
            TextEdit::singleline(text)
                .desired_width(260.0)
                .hint_text(hint)
                .return_key(None),
        )
        .labelled_by(name.id)
    });
    if focus {
        field.inner.request_focus();
    }
    field.inner.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

fn api_model_row(ui: &mut Ui, sheet: &mut StartSheet) {
    let current = sheet
        .models
        .iter()
        .find(|(id, _)| *id == sheet.api_model)
        .map_or_else(|| sheet.api_model.clone(), |(_, name)| name.clone());
    ui.horizontal(|ui| {
        let name = fixed_label(ui, "API model today");
        egui::ComboBox::from_id_salt("start-api-model")
            .selected_text(current)
            .width(260.0)
            .show_ui(ui, |ui| {
                for (id, name) in &sheet.models {
                    ui.selectable_value(&mut sheet.api_model, id.clone(), name.as_str());
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text("Its prices come from the catalog, with their source and date.");
    });
}

fn problems(ui: &mut Ui, sheet: &StartSheet, path: &str) {
    for message in sheet.problems_at(path) {
        ui.horizontal(|ui| {
            ui.add_space(LABEL_WIDTH + 8.0);
            ui.label(
                RichText::new(message)
                    .color(ui.visuals().error_fg_color)
                    .small(),
            );
        });
    }
}
