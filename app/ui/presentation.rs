//! Presentation mode, for a workshop projected on a wall: the input panel hidden, the curves
//! and the recommendation large, and a bar with the few inputs a client asks about live (the
//! volume, data residency, whose rules) and the what-if presets.

use breakeven_model::Scenario;
use breakeven_model::scenario::{Limits, Volume};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::Count;
use egui::{RichText, Ui};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use crate::action::{Action, WorkshopAction};
use crate::state::workshop::Workshop;
use crate::ui::inputs::matrix::residency_combo;
use crate::ui::inputs::preset::preset_combo;
use crate::ui::inputs::workload::volume_slider;
use crate::ui::toolbar::what_if_buttons;

/// How much larger text is in the curves and the recommendation, to read from the back of a
/// room.
pub const TEXT_SCALE: f32 = 1.6;

/// How much larger text is in the bar: large enough to read, small enough to fit one row.
const BAR_SCALE: f32 = 1.15;

/// Scales every text style of `ui` by `factor`, and the spacing with it.
pub fn enlarge(ui: &mut Ui, factor: f32) {
    let style = ui.style_mut();
    for font in style.text_styles.values_mut() {
        font.size *= factor;
    }
    let spacing = style.spacing.item_spacing;
    style.spacing.item_spacing = egui::vec2(spacing.x * factor.sqrt(), spacing.y * factor.sqrt());
    style.spacing.interact_size.y *= factor;
    style.spacing.slider_width *= factor * factor;
}

/// Escape leaves presentation mode, unless a dialog has it.
#[must_use]
pub fn leave_key(ui: &Ui, presenting: bool, dialog_open: bool) -> Option<Action> {
    let leave = presenting
        && !dialog_open
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    leave.then(|| WorkshopAction::Present(false).into())
}

/// The width of the boxes in the bar (data residency, the rule preset); what they say is cut,
/// whole on hover.
const BOX_WIDTH: f32 = 140.0;
/// The volume slider's length in the bar.
const SLIDER_WIDTH: f32 = 120.0;

/// The presentation bar, one row at a projector's 1280 wide: the live inputs, the what-ifs in a
/// menu, and the way out. The scenario's name and client are written whole above the
/// recommendation ([`heading_ui`]), where a copy cut to the bar's room is not needed. Edits go
/// into `draft`; on a read-only page (`locked`) only the volume can be changed.
pub fn bar_ui(ui: &mut Ui, draft: &mut Scenario, locked: bool, actions: &mut Vec<Action>) {
    enlarge(ui, BAR_SCALE);
    ui.spacing_mut().slider_width = SLIDER_WIDTH;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if ui
            .button("Leave (Esc)")
            .on_hover_text("Leave presentation mode: the inputs come back.")
            .clicked()
        {
            actions.push(WorkshopAction::Present(false).into());
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            volume_ui(ui, draft);
            ui.separator();
            ui.add_enabled_ui(!locked, |ui| {
                residency_combo(ui, draft, BOX_WIDTH);
                ui.separator();
                let name = ui.label("Rules from");
                ui.scope(|ui| {
                    // A box that cuts its text takes all the room it is given: give it its width.
                    ui.set_max_width(BOX_WIDTH);
                    preset_combo(
                        ui,
                        "presentation-preset",
                        &mut draft.rule_preset,
                        BOX_WIDTH,
                        name.id,
                    );
                });
            });
            ui.separator();
            let before = draft.clone();
            ui.menu_button("What if", |ui| {
                what_if_buttons(ui, &before, locked, actions);
            });
        });
    });
}

/// The monthly volume as a room changes it: a slider of tokens, or the daily users.
pub fn volume_ui(ui: &mut Ui, draft: &mut Scenario) {
    match &mut draft.workload.volume {
        volume @ Volume::Tokens { .. } => volume_slider(ui, volume),
        Volume::Users { daily_users, .. } => users_ui(ui, daily_users),
    }
}

/// How the figures stand against the pinned baseline, in a sentence for the room: shown whole
/// above the recommendation while presenting, where the bar has no room for it.
#[must_use]
pub fn against_baseline(workshop: &Workshop) -> Option<String> {
    let baseline = workshop.baseline.as_ref()?;
    let moved: Vec<String> = baseline
        .rows
        .iter()
        .take(4)
        .filter_map(|r| Some(format!("{} {}", r.label, r.difference.as_ref()?)))
        .collect();
    Some(if moved.is_empty() {
        "Against the baseline: the same recommendation and volume.".to_owned()
    } else {
        format!("Against the baseline: {}", moved.join("; "))
    })
}

/// What the room reads first while presenting: the scenario's name and client, whole, and how
/// the figures stand against the baseline.
pub fn heading_ui(ui: &mut Ui, heading: &str, workshop: &Workshop) {
    ui.add(egui::Label::new(RichText::new(heading).heading()).wrap());
    if let Some(text) = against_baseline(workshop) {
        ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
    }
    ui.separator();
}

/// The daily users, when the volume is built from usage: dragged or typed, in whole users.
fn users_ui(ui: &mut Ui, daily_users: &mut Sourced<Count>) {
    let Some(mut users) = daily_users.value.get().to_f64() else {
        return;
    };
    let speed = users.max(100.0) / 100.0;
    let label = ui.label("Daily users");
    let response = ui
        .add(
            egui::DragValue::new(&mut users)
                .range(0.0..=Limits::COUNT.to_f64().unwrap_or(f64::MAX))
                .speed(speed)
                .max_decimals(0),
        )
        .labelled_by(label.id);
    if response.changed()
        && let Some(users) = Decimal::from_f64(users.round())
    {
        daily_users.revalue(Count::new(users));
    }
}
