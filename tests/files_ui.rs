//! Files and editing in the window, as a user does them: examples, save and reopen, undo and
//! redo, the unsaved mark, the prompt before unsaved work is thrown away, a damaged file, the
//! path field that works without a native dialog, source notes.

mod common;

use common::{
    app_recovering_in, click, click_away, harness, keys, new_app, projector, shows, startup,
    type_into,
};
use std::path::Path;

use breakeven::ui::dialogs::Dialog;
use breakeven::window::BreakevenApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::dec;

const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// File > Save As with a typed path, as a user does where no native dialog is shown.
fn save_as(harness: &mut Harness<'_, BreakevenApp>, path: &Path) {
    keys(harness, SHIFT_COMMAND, Key::S);
    type_into(harness, "Path", path.to_str().expect("UTF-8"));
    click(harness, "Save");
}

#[test]
fn opening_an_example_from_the_menu_shows_its_values() {
    let mut harness = harness(new_app());
    click(&mut harness, "File");
    click(&mut harness, "Examples");
    click(&mut harness, "Legal-tech contract analyser (seed case)");
    assert_eq!(
        harness.state().scenario().name,
        "Seed case: legal-tech contract analyser"
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Input price")
            .value()
            .as_deref(),
        Some("10")
    );
    assert!(
        harness.state().title().contains("(not saved)"),
        "an example opens as a new, untitled scenario"
    );
}

#[test]
fn an_edit_saved_to_a_folder_reopens_the_same() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("client.ron");
    let mut harness = harness(new_app());
    type_into(&mut harness, "Output price", "0.7");
    click_away(&mut harness);
    assert!(
        harness.state().title().starts_with('*'),
        "{}",
        harness.state().title()
    );

    save_as(&mut harness, &path);
    assert!(
        !harness.state().title().starts_with('*'),
        "{}",
        harness.state().title()
    );
    assert!(harness.state().title().contains("(client.ron)"));
    assert_eq!(harness.state().recent(), std::slice::from_ref(&path));
    let saved = harness.state().scenario().clone();

    keys(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Start(_))),
        "New asks for a start sheet"
    );
    keys(&mut harness, Modifiers::NONE, Key::Escape);
    keys(&mut harness, Modifiers::COMMAND, Key::O);
    type_into(&mut harness, "Path", path.to_str().expect("UTF-8"));
    click(&mut harness, "Open");
    assert_eq!(harness.state().scenario(), &saved);
    assert_eq!(
        harness.state().scenario().buy.output_usd_per_1m.value.get(),
        dec!(0.7)
    );
}

#[test]
fn undo_and_redo_an_edit() {
    let mut harness = harness(new_app());
    type_into(&mut harness, "Growth", "9");
    click_away(&mut harness);
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(9)
    );
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(5)
    );
    assert!(!harness.state().document().is_dirty());
    keys(&mut harness, SHIFT_COMMAND, Key::Z);
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(9)
    );
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    keys(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(9),
        "Ctrl+Y redoes too"
    );
}

#[test]
fn a_whole_slider_drag_is_one_undo_step() {
    let mut harness = harness(new_app());
    let thumb = harness
        .get_by_role_and_label(Role::Slider, "Monthly volume")
        .rect()
        .center();
    harness.drag_at(thumb);
    harness.run();
    for step in [8.0, 16.0, 24.0, 32.0, 40.0] {
        harness.hover_at(thumb + egui::vec2(step, 0.0));
        harness.run();
    }
    harness.drop_at(thumb + egui::vec2(40.0, 0.0));
    harness.run();
    let dragged = harness.state().scenario().clone();
    assert_ne!(
        &dragged,
        &breakeven_model::Scenario::embedded_default(),
        "the drag changed the volume"
    );
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().scenario(),
        &breakeven_model::Scenario::embedded_default(),
        "one undo takes the whole drag back"
    );
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut harness = harness(new_app());
    type_into(&mut harness, "Growth", "9");
    click_away(&mut harness);
    keys(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Unsaved { .. })
    ));
    click(&mut harness, "Cancel");
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(9),
        "Cancel keeps the edits"
    );
    assert!(harness.state().document().is_dirty());

    keys(&mut harness, Modifiers::COMMAND, Key::N);
    click(&mut harness, "Discard");
    assert!(matches!(harness.state().dialog(), Some(Dialog::Start(_))));
    type_into(&mut harness, "Name", "Claims triage");
    type_into(&mut harness, "Monthly API bill", "42000");
    click(&mut harness, "Start");
    assert_eq!(harness.state().scenario().name, "Claims triage");
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(0),
        "the discarded edit is gone, and nothing is inherited from the example"
    );
    assert!(
        harness.state().document().is_dirty(),
        "a new scenario is unsaved work until it is saved"
    );
}

#[test]
fn a_damaged_file_says_what_is_wrong_and_leaves_the_scenario_as_it_was() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("damaged.ron");
    std::fs::write(&path, "Scenario(version: 2, name: \"half\", buy: (").expect("writable");
    let mut harness = harness(new_app());
    type_into(&mut harness, "Growth", "9");
    click_away(&mut harness);
    let before = harness.state().scenario().clone();
    // Open takes a typed path: it works where no native dialog can be shown.
    keys(&mut harness, Modifiers::COMMAND, Key::O);
    type_into(&mut harness, "Path", path.to_str().expect("UTF-8"));
    click(&mut harness, "Open");
    // Unsaved changes are asked about first; discarding them only happens if the file opens.
    click(&mut harness, "Discard");
    let Some(Dialog::Message { title, lines }) = harness.state().dialog() else {
        panic!("a dialog says why");
    };
    assert!(title.contains("Could not open"), "{title}");
    assert!(lines.iter().any(|l| l.contains("line 1")), "{lines:?}");
    assert_eq!(
        harness.state().scenario(),
        &before,
        "the scenario is as it was"
    );
    assert!(
        harness.state().document().is_dirty(),
        "and its edits are still unsaved"
    );
}

#[test]
fn a_version_1_file_opens_migrated_and_says_so() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/version1.ron");
    let mut harness = harness(new_app());
    keys(&mut harness, Modifiers::COMMAND, Key::O);
    type_into(&mut harness, "Path", path.to_str().expect("UTF-8"));
    click(&mut harness, "Open");
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Message { title, .. }) if title.contains("older file"))
    );
    assert_eq!(
        harness.state().scenario().version,
        breakeven_model::scenario::CURRENT_VERSION
    );
}

#[test]
fn a_source_note_is_edited_from_the_fields_menu() {
    let mut harness = harness(new_app());
    harness
        .get_by_role_and_label(Role::TextInput, "Input price")
        .click_secondary();
    harness.run();
    type_into(&mut harness, "Source note", "client finance, 2026-10");
    assert_eq!(
        harness
            .state()
            .scenario()
            .buy
            .input_usd_per_1m
            .source
            .as_deref(),
        Some("client finance, 2026-10")
    );
}

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn unsaved_work_and_recent_files_come_back_next_run() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("kept.ron");
    let mut harness = harness(new_app());
    save_as(&mut harness, &path);
    type_into(&mut harness, "Growth", "11");
    click_away(&mut harness);
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    let next = BreakevenApp::start(startup(None), Some(&storage));
    assert_eq!(
        next.scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(11)
    );
    assert!(next.document().is_dirty(), "still marked unsaved");
    assert_eq!(next.document().path(), Some(path.as_path()));
    assert_eq!(next.recent(), std::slice::from_ref(&path));

    // A file given on the command line wins over the last scenario; the recent files stay.
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/seed001-llama3-8b-on-aws.ron");
    let given = BreakevenApp::start(startup(Some(example)), Some(&storage));
    assert!(given.scenario().name.contains("Llama 3 8B"));
    assert_eq!(given.recent(), [path]);
}

#[test]
fn a_recent_file_that_has_gone_is_greyed() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("gone.ron");
    let mut harness = harness(new_app());
    save_as(&mut harness, &path);
    std::fs::remove_file(&path).expect("removed");
    click(&mut harness, "File");
    click(&mut harness, "Open Recent");
    let item = harness.get_by_label(path.to_str().expect("UTF-8"));
    assert!(
        item.accesskit_node().is_disabled(),
        "a file that has gone cannot be opened from the list"
    );
}

#[test]
fn enter_in_the_path_field_saves() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("entered.ron");
    let mut harness = harness(new_app());
    keys(&mut harness, SHIFT_COMMAND, Key::S);
    // The path field has the focus as soon as the dialog shows.
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path.to_str().expect("UTF-8"));
    harness.run();
    keys(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(path.exists(), "saved on Enter");
    assert!(harness.state().dialog().is_none());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = harness(new_app());
    type_into(&mut harness, "Growth", "9");
    click_away(&mut harness);
    let close = |harness: &mut Harness<'_, BreakevenApp>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.run();
    };
    close(&mut harness);
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Unsaved { .. })),
        "the window stays open and asks"
    );
    click(&mut harness, "Cancel");
    assert!(harness.state().document().is_dirty());
    close(&mut harness);
    click(&mut harness, "Save");
    // Untitled: Save asks where, then closes.
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Path { .. })
    ));
}

#[test]
fn unsaved_edits_are_kept_aside_and_restored_after_a_crash() {
    let folder = tempfile::tempdir().expect("a folder");
    let document = folder.path().join("acme.ron");
    let recovery = folder.path().join("recovery");
    let run = || app_recovering_in(&recovery);
    // The first run edits, saves once, edits again, and is killed before saving.
    let mut harness = harness(run());
    save_as(&mut harness, &document);
    type_into(&mut harness, "Growth", "13");
    click_away(&mut harness);
    let kept: Vec<_> = std::fs::read_dir(&recovery)
        .expect("a recovery folder")
        .collect();
    assert_eq!(kept.len(), 1, "one recovery file for this instance");
    drop(harness);

    // The next start is another instance (in a test, of the same process).
    let mut next = self::harness(run());
    assert!(
        matches!(next.state().dialog(), Some(Dialog::Restore(_))),
        "the next start offers it back"
    );
    click(&mut next, "Restore");
    assert_eq!(
        next.state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(13)
    );
    assert!(next.state().document().is_dirty(), "restored, not saved");
    assert_eq!(next.state().document().path(), Some(document.as_path()));
    keys(&mut next, Modifiers::COMMAND, Key::S);
    assert!(
        std::fs::read_dir(&recovery)
            .expect("folder")
            .next()
            .is_none(),
        "a save removes the recovery file"
    );
}

#[test]
fn work_that_eframe_brought_back_is_not_offered_twice() {
    let folder = common::fresh_folder();
    let mut harness = harness(app_recovering_in(&folder));
    type_into(&mut harness, "Growth", "19");
    click_away(&mut harness);
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let kept = harness
        .state()
        .recovery_file()
        .expect("recovery is on")
        .to_path_buf();
    assert!(kept.exists(), "the edit was written aside");
    drop(harness);

    // Killed after eframe's last save: the same edit is in both places.
    let startup = breakeven::window::Startup {
        recovery_folder: Some(folder.clone()),
        ..startup(None)
    };
    let next = BreakevenApp::start(startup, Some(&storage));
    assert!(
        next.dialog().is_none(),
        "nothing to offer: the edit is back"
    );
    assert!(next.document().is_dirty());
    assert!(!kept.exists(), "and its recovery file is gone");
}

#[test]
fn an_out_of_range_value_being_corrected_comes_back_next_run() {
    let mut harness = harness(new_app());
    type_into(&mut harness, "Growth", "-400");
    click_away(&mut harness);
    assert!(shows(&harness, "-400"), "the problem is on screen");
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    let next = BreakevenApp::start(startup(None), Some(&storage));
    assert_eq!(
        next.scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(-400),
        "kept as typed, to be corrected"
    );
    assert!(next.document().is_dirty());
}

#[test]
fn the_source_note_menu_stays_open_when_its_box_is_clicked_and_enter_saves_and_closes_it() {
    let mut harness = projector(new_app());
    harness
        .get_by_role_and_label(Role::TextInput, "Output price")
        .click_secondary();
    harness.run();
    // A click into the box (as a user does before typing) keeps the menu open.
    harness
        .get_by_role_and_label(Role::TextInput, "Source note")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Source note")
            .is_some(),
        "the menu closed when its box was clicked"
    );
    harness
        .get_by_role_and_label(Role::TextInput, "Source note")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Source note")
        .type_text("client finance, 2026-11");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Source note")
            .is_none(),
        "Enter closes the menu"
    );
    assert_eq!(
        harness
            .state()
            .scenario()
            .buy
            .output_usd_per_1m
            .source
            .as_deref(),
        Some("client finance, 2026-11")
    );
    // Esc closes it too.
    harness
        .get_by_role_and_label(Role::TextInput, "Output price")
        .click_secondary();
    harness.run();
    assert!(shows(&harness, "Where this number comes from"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows(&harness, "Where this number comes from"));
}

#[test]
fn one_tab_moves_from_one_field_to_the_next_never_to_a_label() {
    let mut harness = projector(new_app());
    harness
        .get_by_role_and_label(Role::TextInput, "Input tokens")
        .focus();
    harness.run();
    for next in [
        "Output tokens",
        "Monthly bill",
        "Growth",
        "Peak over average",
    ] {
        harness.key_press(Key::Tab);
        harness.run();
        assert!(
            harness
                .get_by_role_and_label(Role::TextInput, next)
                .is_focused(),
            "one Tab should reach {next}"
        );
    }
}

#[test]
fn esc_closes_every_dialog_choosing_nothing() {
    let mut harness = projector(new_app());
    type_into(&mut harness, "Output price", "0.7");
    click_away(&mut harness);
    assert!(harness.state().document().is_dirty());
    // New asks about the unsaved change; Esc keeps it.
    keys(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Unsaved { .. })
    ));
    keys(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().dialog().is_none());
    assert!(harness.state().document().is_dirty());
    assert_eq!(
        harness.state().scenario().buy.output_usd_per_1m.value.get(),
        dec!(0.7)
    );
    // Open's path dialog: Esc takes no path.
    keys(&mut harness, Modifiers::COMMAND, Key::O);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Path { .. })
    ));
    type_into(&mut harness, "Path", "/nowhere/at/all.ron");
    keys(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().dialog().is_none());
    assert_eq!(
        harness.state().scenario().buy.output_usd_per_1m.value.get(),
        dec!(0.7)
    );
}

#[test]
fn a_relative_save_path_is_shown_whole_before_saving() {
    let mut harness = projector(new_app());
    keys(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Path { .. })
    ));
    type_into(&mut harness, "Path", "acme-insurer.ron");
    let whole = std::env::current_dir()
        .expect("a working folder")
        .join("acme-insurer.ron");
    assert!(
        shows(&harness, &format!("Saves to {}", whole.display())),
        "the whole path is not shown"
    );
    keys(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!whole.exists(), "nothing was saved");
}

#[test]
fn the_scenario_is_named_noted_and_reviewed_in_the_window_and_undone_like_any_edit() {
    let mut harness = harness(new_app());
    harness
        .get_by_role_and_label(
            Role::DisclosureTriangle,
            "Scenario: name, client, notes, review",
        )
        .click();
    harness.run();
    type_into(&mut harness, "Name", "Acme insurer: claims assistant");
    click_away(&mut harness);
    assert_eq!(
        harness.state().scenario().name,
        "Acme insurer: claims assistant"
    );
    assert!(
        harness
            .state()
            .title()
            .contains("Acme insurer: claims assistant")
    );
    // A date that is not one is named beside the field and the last one kept.
    let before = harness.state().scenario().last_reviewed;
    type_into(&mut harness, "Last reviewed", "2026-13-40");
    assert!(shows(&harness, "is not a date written as YYYY-MM-DD"));
    assert_eq!(harness.state().scenario().last_reviewed, before);
    click_away(&mut harness);
    click(&mut harness, "Reviewed today");
    assert_eq!(
        harness.state().scenario().last_reviewed,
        common::today(),
        "reviewed today"
    );
    // Undo takes the review back, then the name.
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().scenario().last_reviewed, before);
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_ne!(
        harness.state().scenario().name,
        "Acme insurer: claims assistant"
    );
}

#[test]
fn typing_in_a_path_dialog_replaces_its_suggested_path_whatever_an_earlier_dialog_left() {
    let mut harness = projector(common::example("seed000-legal-tech.ron"));
    // Compare with suggests the scenario's folder, its cursor at the end of it.
    click(&mut harness, "Compare with…");
    keys(&mut harness, Modifiers::NONE, Key::Escape);
    keys(&mut harness, Modifiers::COMMAND, Key::E);
    let Some(Dialog::Path { text, .. }) = harness.state().dialog() else {
        panic!("the export asks where");
    };
    assert!(text.ends_with("seed000-legal-tech-export"), "{text}");
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text("/elsewhere/pack");
    harness.run();
    let Some(Dialog::Path { text, .. }) = harness.state().dialog() else {
        panic!("still asking");
    };
    assert_eq!(text, "/elsewhere/pack");
}
