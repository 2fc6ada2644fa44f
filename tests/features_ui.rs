//! The feature list in the window: selecting a feature shows its inputs and its
//! recommendation; an edit goes to that feature alone; adding, removing and reordering are each
//! one undoable step; the Roadmap tab shows every feature.

mod common;

use breakeven_model::engine::Phase;
use common::{click, example, harness, keys, shows, type_into};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use rust_decimal::dec;

fn growth(app: &breakeven::window::BreakevenApp, feature: usize) -> rust_decimal::Decimal {
    app.scenario()
        .feature(feature)
        .expect("the feature")
        .workload
        .growth_percent_per_month
        .value
        .get()
}

#[test]
fn a_selected_feature_shows_its_own_inputs_and_an_edit_changes_it_alone() {
    let mut h = harness(example("three-features-roadmap.ron"));
    assert!(shows(&h, "Features: 3, showing Contract extraction"));
    assert_eq!(h.state().recommended(), Some(Phase::Buy));
    click(&mut h, "Search summaries");
    assert!(shows(&h, "Features: 3, showing Search summaries"));
    let field = h.get_by_role_and_label(Role::TextInput, "Growth");
    assert_eq!(field.value().as_deref(), Some("15"));
    type_into(&mut h, "Growth", "3");
    common::click_away(&mut h);
    assert_eq!(growth(h.state(), 2), dec!(3));
    assert_eq!(
        growth(h.state(), 0),
        dec!(8),
        "the first feature is untouched"
    );
    assert_eq!(growth(h.state(), 1), dec!(2), "and so is the second");
    // Undo takes the edit back.
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(growth(h.state(), 2), dec!(15));
}

#[test]
fn adding_removing_and_moving_a_feature_are_each_one_undoable_step() {
    let mut h = harness(example("three-features-roadmap.ron"));
    click(&mut h, "Support chat");
    click(&mut h, "Duplicate");
    assert_eq!(h.state().scenario().feature_count(), 4);
    assert!(shows(&h, "Features: 4, showing Support chat (copy)"));
    click(&mut h, "Up");
    assert_eq!(
        h.state().scenario().feature_names(),
        [
            "Contract extraction",
            "Support chat (copy)",
            "Support chat",
            "Search summaries"
        ]
    );
    click(&mut h, "Remove");
    assert_eq!(h.state().scenario().feature_count(), 3);
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().scenario().feature_count(), 4);
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().scenario().feature_names(),
        ["Contract extraction", "Support chat", "Search summaries"]
    );
    click(&mut h, "Add");
    assert_eq!(
        h.state()
            .scenario()
            .feature_names()
            .last()
            .map(String::as_str),
        Some("New feature")
    );
}

#[test]
fn the_roadmap_tab_says_when_each_feature_moves_and_names_the_features_behind_80_percent() {
    let mut h = harness(example("three-features-roadmap.ron"));
    keys(&mut h, Modifiers::COMMAND, Key::Num8);
    assert!(shows(
        &h,
        "Contract extraction: fine-tune from month 9, when its API spend passes $20,000/month; start building in month 6."
    ));
    assert!(shows(&h, "Search summaries: fine-tune from month 17"));
    assert!(shows(
        &h,
        "In bold, the features behind 80% of the bill: Contract extraction, Support chat."
    ));
    assert!(shows(&h, "The mix"));
}

#[test]
fn a_problem_in_another_feature_is_named_and_the_figures_dim() {
    let mut h = harness(example("three-features-roadmap.ron"));
    click(&mut h, "Search summaries");
    type_into(&mut h, "Growth", "-200");
    common::click_away(&mut h);
    assert!(h.state().is_dimmed());
    click(&mut h, "Contract extraction");
    // The first feature's own fields have no problem; the figures stay dimmed until the other
    // feature is fixed.
    assert!(h.state().is_dimmed());
}

#[test]
fn presenting_several_features_offers_the_roadmap_on_one_row_of_tabs() {
    let mut h = common::projector(example("three-features-roadmap.ron"));
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().workshop().presenting());
    let tab = |h: &egui_kittest::Harness<'_, breakeven::window::BreakevenApp>, label: &str| {
        h.query_all_by_role_and_label(Role::Button, label)
            .next()
            .map(|n| n.rect())
    };
    let first = tab(&h, "Cost by volume").expect("the first tab");
    let roadmap = tab(&h, "Roadmap").expect("the Roadmap while presenting");
    assert!(
        (roadmap.top() - first.top()).abs() < 1.0,
        "the tabs wrap: Roadmap at {roadmap:?}, the first at {first:?}"
    );
    assert!(tab(&h, "Decision matrix").is_none());
    keys(&mut h, Modifiers::COMMAND, Key::Num8);
    assert!(shows(&h, "Contract extraction: fine-tune from month 9"));
}
