//! What the window tests share: the app on an example, the harness every test builds its window
//! through, and the few things a user does everywhere (click, type, look).

#![allow(
    dead_code,
    reason = "each test file is its own crate and uses some of these"
)]

use std::path::PathBuf;

use breakeven::window::BreakevenApp;
use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The day every test runs on, so review dates and exports do not depend on the clock.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

/// The path of an example in `scenarios/`.
pub fn scenario_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// The app opened on the example `name` (in `scenarios/`).
pub fn example(name: &str) -> BreakevenApp {
    BreakevenApp::open(Some(&scenario_file(name))).with_today(today())
}

/// The app on the built-in default, as a first start opens it.
pub fn new_app() -> BreakevenApp {
    BreakevenApp::open(None).with_today(today())
}

fn sized(app: BreakevenApp, size: [f32; 2]) -> Harness<'static, BreakevenApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut BreakevenApp| app.show(ui), app);
    harness.run();
    harness
}

/// The window at the size of a small laptop screen.
pub fn harness(app: BreakevenApp) -> Harness<'static, BreakevenApp> {
    sized(app, [1400.0, 900.0])
}

/// The window at a projector's 1280x720, as in a workshop.
pub fn projector(app: BreakevenApp) -> Harness<'static, BreakevenApp> {
    sized(app, [1280.0, 720.0])
}

/// Whether some text on screen contains `text`.
pub fn shows(harness: &Harness<'_, BreakevenApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Clicks what is labelled `label`.
pub fn click(harness: &mut Harness<'_, BreakevenApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Presses `key` with `modifiers`.
pub fn keys(harness: &mut Harness<'_, BreakevenApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Replaces the text of the field labelled `label` with `text`, as typing would.
pub fn type_into(harness: &mut Harness<'_, BreakevenApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Clicks somewhere neutral, so the field being typed in loses focus and the edit settles.
pub fn click_away(harness: &mut Harness<'_, BreakevenApp>) {
    harness.get_by_label("Recommendation").click();
    harness.run();
}
