//! The workshop toolbar under the title: the baseline, the what-ifs, Compare with and Present.

use breakeven_model::Scenario;
use breakeven_model::scenario::WhatIf;
use egui::{RichText, Ui};

use crate::action::{Action, WorkshopAction};
use crate::command::Command;
use crate::state::workshop::Workshop;
use crate::window::READ_ONLY;

/// A button for `command`; pushes it when clicked.
fn command_button(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<Action>) {
    if ui
        .add_enabled(enabled, egui::Button::new(command.label()))
        .on_hover_text(command.tooltip())
        .clicked()
    {
        actions.push(command.into());
    }
}

/// One button a what-if: one click applies it; a what-if that would change nothing, or more
/// than the volume on a read-only page (`locked`), is greyed out and says why.
pub fn what_if_buttons(ui: &mut Ui, scenario: &Scenario, locked: bool, actions: &mut Vec<Action>) {
    for what_if in WhatIf::ALL {
        what_if_button(ui, (what_if, scenario), locked, actions);
    }
}

/// The what-ifs grouped as the toolbar shows them: a button for one alone, a menu for a group.
fn what_if_groups(ui: &mut Ui, scenario: &Scenario, locked: bool, actions: &mut Vec<Action>) {
    for (name, group) in WhatIf::GROUPS {
        match group {
            [one] => what_if_button(ui, (*one, scenario), locked, actions),
            _ => {
                ui.menu_button(name, |ui| {
                    for what_if in group {
                        what_if_button(ui, (*what_if, scenario), locked, actions);
                    }
                });
            }
        }
    }
}

/// One what-if's button, greyed out with the reason when it would change nothing, or more than
/// the volume on a read-only page.
fn what_if_button(
    ui: &mut Ui,
    (what_if, scenario): (WhatIf, &Scenario),
    locked: bool,
    actions: &mut Vec<Action>,
) {
    let why_not = what_if
        .why_not(scenario)
        .or_else(|| (locked && !what_if.only_moves_volume(scenario)).then_some(READ_ONLY));
    let response = ui
        .add_enabled(why_not.is_none(), egui::Button::new(what_if.label()))
        .on_hover_text(format!(
            "{} One undoable edit: Ctrl+Z takes it back.",
            what_if.explanation()
        ));
    if let Some(why) = why_not {
        response.on_disabled_hover_text(why);
    } else if response.clicked() {
        actions.push(WorkshopAction::WhatIf(what_if).into());
    }
}

/// The toolbar: baseline, what-ifs, compare, presentation, and how to undo a what-if while it
/// stands.
pub fn toolbar_ui(
    ui: &mut Ui,
    (workshop, scenario): (&Workshop, &Scenario),
    locked: bool,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        let pinned = workshop.baseline.is_some();
        command_button(ui, Command::PinBaseline, true, actions);
        command_button(ui, Command::ResetToBaseline, pinned, actions);
        command_button(ui, Command::ClearBaseline, pinned, actions);
        ui.separator();
        ui.label(RichText::new("What if:").weak());
        what_if_groups(ui, scenario, locked, actions);
        ui.separator();
        command_button(ui, Command::CompareWith, true, actions);
        let keys = Command::Present
            .shortcut()
            .map(|keys| ui.ctx().format_shortcut(&keys))
            .unwrap_or_default();
        if ui
            .button(format!("{} ({keys})", Command::Present.label()))
            .on_hover_text(Command::Present.tooltip())
            .clicked()
        {
            actions.push(Command::Present.into());
        }
        if let Some((what_if, made)) = &workshop.applied
            && **made == *scenario
        {
            let note = RichText::new(format!("{} applied: Ctrl+Z undoes it.", what_if.label()))
                .weak()
                .small();
            ui.add(egui::Label::new(note).extend());
        }
    });
}
