//! The menu bar: File, Edit and Workshop. Each item is a [`Command`] and shows its own label,
//! keys and tooltip; items that take an argument (a recent file, an example, a what-if) push
//! their [`Action`].

use std::path::PathBuf;

use breakeven_model::Scenario;
use egui::{RichText, Ui};

use crate::action::Action;
use crate::command::Command;
use crate::state::examples::EXAMPLES;
use crate::state::workshop::Workshop;
use crate::ui::toolbar::what_if_buttons;
use crate::window::Place;

/// What the menus show besides the commands themselves.
pub struct MenuState<'a> {
    /// The recent files, newest first.
    pub recent: &'a [PathBuf],
    /// Whether there is an edit to undo.
    pub can_undo: bool,
    /// Whether there is an undone edit to redo.
    pub can_redo: bool,
    /// The workshop, for what its items may do now.
    pub workshop: &'a Workshop,
    /// The scenario, for the what-ifs that would change it.
    pub scenario: &'a Scenario,
    /// On the desktop or in a page: a page has no recent files and keeps no price lists, and a
    /// read-only one opens and edits nothing.
    pub place: Place,
}

/// A menu item for `command`, with its keys; pushes it when clicked.
pub fn command_item(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<Action>) {
    let mut button = egui::Button::new(command.label());
    if let Some(keys) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&keys));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
        actions.push(command.into());
    }
}

/// The menu bar.
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, actions));
        ui.menu_button("Edit", |ui| {
            command_item(ui, Command::Undo, state.can_undo, actions);
            command_item(ui, Command::Redo, state.can_redo, actions);
            ui.separator();
            command_item(ui, Command::CopySummary, true, actions);
        });
        ui.menu_button("Workshop", |ui| workshop_menu_ui(ui, state, actions));
    });
}

fn file_menu_ui(ui: &mut Ui, state: &MenuState<'_>, actions: &mut Vec<Action>) {
    let editable = !state.place.read_only;
    command_item(ui, Command::New, editable, actions);
    command_item(ui, Command::Open, editable, actions);
    if !state.place.in_browser {
        recent_menu_ui(ui, state.recent, actions);
    }
    ui.add_enabled_ui(editable, |ui| {
        ui.menu_button("Examples", |ui| {
            for (index, (name, _)) in EXAMPLES.iter().enumerate() {
                if ui.button(*name).clicked() {
                    actions.push(Action::OpenExample(index));
                }
            }
        });
    });
    command_item(ui, Command::CompareWith, true, actions);
    ui.separator();
    command_item(ui, Command::Save, true, actions);
    command_item(ui, Command::SaveAs, true, actions);
    ui.separator();
    command_item(ui, Command::Export, true, actions);
    ui.separator();
    if !state.place.in_browser {
        command_item(ui, Command::ImportPrices, true, actions);
    }
    command_item(ui, Command::ImportUsage, editable, actions);
}

/// The recent files, on the desktop.
fn recent_menu_ui(ui: &mut Ui, recent: &[PathBuf], actions: &mut Vec<Action>) {
    ui.menu_button("Open Recent", |ui| {
        if recent.is_empty() {
            ui.label(RichText::new("No recent files").weak());
        }
        for path in recent {
            let exists = path.exists();
            let response = ui.add_enabled(exists, egui::Button::new(path.display().to_string()));
            if response.clicked() {
                actions.push(Action::Open(path.clone()));
            }
            if !exists {
                response.on_disabled_hover_text("This file is no longer there.");
            }
        }
    });
}

fn workshop_menu_ui(ui: &mut Ui, state: &MenuState<'_>, actions: &mut Vec<Action>) {
    let pinned = state.workshop.baseline.is_some();
    command_item(ui, Command::PinBaseline, true, actions);
    command_item(ui, Command::ResetToBaseline, pinned, actions);
    command_item(ui, Command::ClearBaseline, pinned, actions);
    ui.separator();
    ui.menu_button("What if", |ui| {
        what_if_buttons(ui, state.scenario, state.place.read_only, actions);
    });
    ui.separator();
    command_item(ui, Command::CompareWith, true, actions);
    let comparing = state.workshop.comparison.is_some();
    command_item(ui, Command::CloseComparison, comparing, actions);
    ui.separator();
    command_item(ui, Command::Present, true, actions);
}
