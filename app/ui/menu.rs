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
        ui.menu_button("File", |ui| file_menu_ui(ui, state.recent, actions));
        ui.menu_button("Edit", |ui| {
            command_item(ui, Command::Undo, state.can_undo, actions);
            command_item(ui, Command::Redo, state.can_redo, actions);
            ui.separator();
            command_item(ui, Command::CopySummary, true, actions);
        });
        ui.menu_button("Workshop", |ui| workshop_menu_ui(ui, state, actions));
    });
}

fn file_menu_ui(ui: &mut Ui, recent: &[PathBuf], actions: &mut Vec<Action>) {
    command_item(ui, Command::New, true, actions);
    command_item(ui, Command::Open, true, actions);
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
    ui.menu_button("Examples", |ui| {
        for (index, (name, _)) in EXAMPLES.iter().enumerate() {
            if ui.button(*name).clicked() {
                actions.push(Action::OpenExample(index));
            }
        }
    });
    command_item(ui, Command::CompareWith, true, actions);
    ui.separator();
    command_item(ui, Command::Save, true, actions);
    command_item(ui, Command::SaveAs, true, actions);
    ui.separator();
    command_item(ui, Command::Export, true, actions);
    ui.separator();
    command_item(ui, Command::ImportPrices, true, actions);
    command_item(ui, Command::ImportUsage, true, actions);
}

fn workshop_menu_ui(ui: &mut Ui, state: &MenuState<'_>, actions: &mut Vec<Action>) {
    let pinned = state.workshop.baseline.is_some();
    command_item(ui, Command::PinBaseline, true, actions);
    command_item(ui, Command::ResetToBaseline, pinned, actions);
    command_item(ui, Command::ClearBaseline, pinned, actions);
    ui.separator();
    ui.menu_button("What if", |ui| what_if_buttons(ui, state.scenario, actions));
    ui.separator();
    command_item(ui, Command::CompareWith, true, actions);
    let comparing = state.workshop.comparison.is_some();
    command_item(ui, Command::CloseComparison, comparing, actions);
    ui.separator();
    command_item(ui, Command::Present, true, actions);
}
