//! Starting the window on a file: a bad file never stops the app from opening.

mod common;

use breakeven::window::BreakevenApp;
use breakeven_model::Scenario;

#[test]
fn a_damaged_file_opens_the_example_and_says_why() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("damaged.ron");
    std::fs::write(&path, "Scenario(version: 1, name: ").expect("writable");
    let app = BreakevenApp::start(common::startup(Some(path)), None);
    assert_eq!(app.scenario(), &Scenario::embedded_default());
    let error = app.load_error().expect("the reason is kept for the window");
    assert!(
        error.contains("damaged.ron") && error.contains("line 1"),
        "{error}"
    );
    assert!(
        !app.title().contains("damaged.ron"),
        "the title names the open scenario, not the failed file"
    );
}

#[test]
fn the_title_names_the_scenario_and_its_file() {
    let path = common::scenario_file("default.ron");
    let app = BreakevenApp::start(common::startup(Some(path)), None);
    assert_eq!(app.load_error(), None);
    assert!(
        app.title().starts_with(&app.scenario().name),
        "{}",
        app.title()
    );
    assert!(app.title().contains("(default.ron)"), "{}", app.title());
}
