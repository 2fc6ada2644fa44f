//! What the window tests share: the app on an example, the harness every test builds its window
//! through, and the few things a user does everywhere (click, type, look).

#![allow(
    dead_code,
    reason = "each test file is its own crate and uses some of these"
)]

pub mod cli;

use std::path::PathBuf;

use breakeven::window::{BreakevenApp, Startup};
use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

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

/// A new empty folder of this test's own, under cargo's temporary folder for tests (kept after
/// the test, for a look when it fails; `cargo clean` removes it).
pub fn fresh_folder() -> PathBuf {
    tempfile::Builder::new()
        .prefix("breakeven-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder")
        .keep()
}

/// How every window test starts the app: as a user starts it, but on a fixed day and with the
/// recovery files in a folder of the test's own.
pub fn startup(file: Option<PathBuf>) -> Startup {
    Startup {
        today: today(),
        recovery_folder: Some(fresh_folder()),
        prices_folder: Some(fresh_folder()),
        // No page unless a test gives a bundle: the checkout's own may or may not be built.
        web_bundles: Vec::new(),
        ..Startup::new(file)
    }
}

/// The app opened on the example `name` (in `scenarios/`).
pub fn example(name: &str) -> BreakevenApp {
    BreakevenApp::start(startup(Some(scenario_file(name))), None)
}

/// The app on the built-in default, keeping unsaved work aside in `folder`: start it twice on
/// one folder to see what a run that ended left behind.
pub fn app_recovering_in(folder: &std::path::Path) -> BreakevenApp {
    let startup = Startup {
        recovery_folder: Some(folder.to_path_buf()),
        ..startup(None)
    };
    BreakevenApp::start(startup, None)
}

/// The app on the built-in default, as a first start opens it.
pub fn new_app() -> BreakevenApp {
    BreakevenApp::start(startup(None), None)
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

/// The window at the smallest size the app allows (its minimum inner size, 1024x600).
pub fn smallest(app: BreakevenApp) -> Harness<'static, BreakevenApp> {
    sized(app, [1024.0, 600.0])
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

/// Opens the input group `name` (a collapsing header), scrolled to.
pub fn open_group(harness: &mut Harness<'_, BreakevenApp>, name: &str) {
    let header = harness
        .get_all_by_label(name)
        .find(|n| n.accesskit_node().role() == Role::DisclosureTriangle)
        .expect("the group");
    header.scroll_to_me();
    header.click_accesskit();
    harness.run();
}
