//! The How sure tab as a user gets to it: a range typed into a field starts the Monte Carlo in
//! the background, the tab fills in when the samples are in, the confidence becomes the share of
//! samples that recommend the answer, and another edit starts again.

mod common;

use std::time::{Duration, Instant};

use common::{click, click_away, harness, projector, shows, type_into};

use breakeven::window::{BreakevenApp, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Frames until `text` shows, or a minute (the samples are drawn on other threads).
fn wait_for(harness: &mut Harness<'_, BreakevenApp>, text: &str) {
    let start = Instant::now();
    while !shows(harness, text) {
        assert!(
            start.elapsed() < Duration::from_mins(1),
            "no \"{text}\" after a minute"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.run();
    }
}

#[test]
fn a_range_typed_in_a_field_fills_the_how_sure_tab_and_the_confidence() {
    let startup = Startup {
        samples: 300,
        ..common::startup(None)
    };
    let mut harness = harness(BreakevenApp::start(startup, None));
    click(&mut harness, "How sure");
    assert!(shows(&harness, "Every input is certain"));
    type_into(&mut harness, "Growth", "1 to 9");
    click_away(&mut harness);
    wait_for(&mut harness, "300 samples (seed 2026)");
    assert!(shows(&harness, "The chance of each option"));
    assert!(shows(&harness, "Workload / Growth"));
    // The saving's distribution, under its heading.
    assert!(shows(
        &harness,
        "in cash over the horizon, across the samples"
    ));
    // The example recommends Buy whatever its growth: every sample agrees.
    assert!(shows(
        &harness,
        "Confidence: 100% of 300 samples recommend it"
    ));
    // Another range: the run starts again with both.
    type_into(&mut harness, "Peak over average", "2 ± 25%");
    click_away(&mut harness);
    wait_for(&mut harness, "of the 2 inputs given as ranges");
    // Certain again: the tab says so and the confidence is the score's.
    type_into(&mut harness, "Growth", "5");
    type_into(&mut harness, "Peak over average", "2");
    click_away(&mut harness);
    harness.run();
    assert!(shows(&harness, "Every input is certain"));
    assert!(!shows(&harness, "samples recommend it"));
}

/// Presenting a scenario with ranges, the room gets How sure in the place of the sensitivity
/// table, on the same single row of tabs at a projector's 1280x720; presenting a certain one, the
/// sensitivity table.
#[test]
fn presenting_a_ranged_scenario_offers_how_sure_in_the_place_of_the_sensitivity_table() {
    let startup = Startup {
        samples: 300,
        ..common::startup(None)
    };
    let mut harness = projector(BreakevenApp::start(startup, None));
    let tab = |harness: &Harness<'_, BreakevenApp>, label: &str| {
        harness
            .query_all_by_role_and_label(Role::Button, label)
            .next()
            .map(|node| node.rect())
    };
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(harness.state().workshop().presenting());
    assert!(tab(&harness, "Sensitivity").is_some());
    assert!(tab(&harness, "How sure").is_none());
    harness.key_press(egui::Key::F11);
    harness.run();

    type_into(&mut harness, "Growth", "1 to 9");
    click_away(&mut harness);
    click(&mut harness, "How sure");
    wait_for(&mut harness, "300 samples (seed 2026)");
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(harness.state().workshop().presenting());
    assert!(tab(&harness, "Sensitivity").is_none());
    let first = tab(&harness, "Cost by volume").expect("the first tab");
    let sure = tab(&harness, "How sure").expect("How sure while presenting");
    assert!(
        (sure.top() - first.top()).abs() < 1.0,
        "the tabs wrap: How sure at {sure:?}, the first at {first:?}"
    );
    // The tab stays open while presenting, with its figures.
    assert!(shows(&harness, "300 samples (seed 2026)"));
}
