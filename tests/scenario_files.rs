//! Every example in `scenarios/`, and File > New's starting point, loads, validates, round-trips,
//! and is saved exactly as Breakeven writes it, so a save from the app produces no spurious diff.
//!
//! After changing the format on purpose, `BREAKEVEN_BLESS=1 cargo test --test scenario_files`
//! rewrites the files in Breakeven's own layout; review the diff before committing it.

use std::path::PathBuf;

use breakeven::state::files::load_scenario;
use breakeven_model::scenario::{from_ron_str, to_ron_string};

fn scenario_files() -> Vec<PathBuf> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("scenarios/ exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    // File > New's starting point is a scenario file too, built in beside the catalog.
    files.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/starting-point.ron"));
    files
}

#[test]
fn the_examples_include_the_default_scenario() {
    let names: Vec<String> = scenario_files()
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"default.ron".to_owned()), "{names:?}");
}

#[test]
fn every_example_loads_validates_and_round_trips() {
    for path in scenario_files() {
        let scenario = load_scenario(&path).unwrap_or_else(|e| panic!("{e}"));
        let written = to_ron_string(&scenario).expect("writes");
        assert_eq!(
            from_ron_str(&written).as_ref(),
            Ok(&scenario),
            "{} changes in a round trip",
            path.display()
        );
    }
}

#[test]
fn every_example_is_laid_out_as_breakeven_saves_it() {
    let bless = std::env::var_os("BREAKEVEN_BLESS").is_some();
    for path in scenario_files() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let scenario = from_ron_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let written = to_ron_string(&scenario).expect("writes");
        if bless {
            std::fs::write(&path, &written).expect("writable");
        } else {
            assert!(
                text == written,
                "{} is not in the layout Breakeven saves; run with BREAKEVEN_BLESS=1 to rewrite it",
                path.display()
            );
        }
    }
}
