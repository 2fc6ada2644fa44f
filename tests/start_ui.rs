//! A client's scenario from a blank page, as a consultant builds it in a workshop on a
//! projector's 1280x720: File > New's start sheet, the header, the marks on assumptions still
//! to confirm, notes that follow their numbers, save and reopen.

mod common;

use common::{click, click_away, fresh_folder, keys, new_app, projector, type_into};

use breakeven::ui::dialogs::Dialog;
use breakeven::window::BreakevenApp;
use breakeven_model::scenario::Volume;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rust_decimal::dec;

const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// How many fields on screen carry the mark of an assumption to confirm.
fn marks(harness: &Harness<'_, BreakevenApp>) -> usize {
    harness.query_all_by_label("?").count()
}

fn pick(harness: &mut Harness<'_, BreakevenApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    click(harness, option);
}

/// File > New, answered for an insurer on GPT-4o at 6B tokens a month.
fn start_insurer(harness: &mut Harness<'_, BreakevenApp>) {
    keys(harness, Modifiers::COMMAND, Key::N);
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Start(_))),
        "New opens the start sheet"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .is_focused(),
        "the name is ready for typing"
    );
    type_into(harness, "Name", "Claims triage");
    type_into(harness, "Client", "Acme Insurance");
    pick(harness, "Start from", "the tokens");
    type_into(harness, "Tokens a month", "6B");
    pick(harness, "API model today", "GPT-4o (OpenAI)");
    click(harness, "Start");
}

#[test]
fn new_starts_an_untitled_client_scenario_that_saves_and_reopens_with_its_name_and_client() {
    let mut harness = projector(new_app());
    start_insurer(&mut harness);
    assert!(harness.state().dialog().is_none());
    let title = harness.state().title();
    assert!(
        title.starts_with("*Claims triage, for Acme Insurance (not saved)"),
        "{title}"
    );
    let s = harness.state().scenario().clone();
    assert_eq!(s.buy.catalog_id.as_deref(), Some("gpt-4o"));
    assert_eq!(
        s.workload.whole_tokens_per_month().expect("counts"),
        dec!(6_000_000_000)
    );
    assert_eq!(s.revenue, None, "no example revenue is inherited");
    assert_eq!(s.workload.growth_percent_per_month.value.get(), dec!(0));

    // The starting point's values carry the mark; typing one takes it off.
    assert!(s.workload.growth_percent_per_month.to_confirm);
    let before = marks(&harness);
    assert!(
        before > 5,
        "the marks show on the fields on screen: {before}"
    );
    type_into(&mut harness, "Growth", "4");
    click_away(&mut harness);
    assert!(
        !harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .to_confirm
    );
    assert_eq!(marks(&harness), before - 1, "one mark fewer");

    let path = fresh_folder().join("acme-insurer.ron");
    keys(&mut harness, SHIFT_COMMAND, Key::S);
    type_into(&mut harness, "Path", path.to_str().expect("UTF-8"));
    click(&mut harness, "Save");
    let saved = harness.state().scenario().clone();

    let mut reopened = projector(new_app());
    keys(&mut reopened, Modifiers::COMMAND, Key::O);
    type_into(&mut reopened, "Path", path.to_str().expect("UTF-8"));
    click(&mut reopened, "Open");
    assert_eq!(reopened.state().scenario(), &saved);
    let title = reopened.state().title();
    assert!(
        title.starts_with("Claims triage, for Acme Insurance (acme-insurer.ron)"),
        "{title}"
    );
    assert_eq!(marks(&reopened), before - 1, "the marks survive the file");
}

#[test]
fn a_start_sheet_without_a_name_or_volume_says_so_beside_the_fields_and_keeps_the_answers() {
    let mut harness = projector(new_app());
    let example = harness.state().scenario().clone();
    keys(&mut harness, Modifiers::COMMAND, Key::N);
    type_into(&mut harness, "Client", "Acme Insurance");
    type_into(&mut harness, "Monthly API bill", "a lot");
    click(&mut harness, "Start");
    let Some(Dialog::Start(sheet)) = harness.state().dialog() else {
        panic!("the sheet stays open");
    };
    assert_eq!(sheet.client, "Acme Insurance", "the answers are kept");
    assert!(
        harness
            .query_all_by_label_contains("is not a number")
            .next()
            .is_some(),
        "the volume's problem is shown beside it"
    );
    type_into(&mut harness, "Monthly API bill", "$42,000");
    click(&mut harness, "Start");
    assert!(
        harness
            .query_all_by_label_contains("give the scenario a name")
            .next()
            .is_some()
    );
    assert_eq!(harness.state().scenario(), &example, "nothing replaced yet");
    keys(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().scenario(), &example, "Esc starts nothing");
}

#[test]
fn a_note_written_for_an_old_value_is_kept_as_what_it_was_and_the_report_says_so() {
    let mut harness = projector(new_app());
    type_into(&mut harness, "Input tokens", "4.8B");
    click_away(&mut harness);
    let Volume::Tokens {
        input_tokens_per_month,
        ..
    } = &harness.state().scenario().workload.volume
    else {
        panic!("tokens");
    };
    assert_eq!(
        input_tokens_per_month.source.as_deref(),
        Some("was 700,000,000: example: 70% of 1B tokens are prompts")
    );
    let page = breakeven_model::evaluate(harness.state().scenario(), common::today())
        .expect("evaluates")
        .html(&[]);
    assert!(
        page.contains("was 700,000,000: example: 70% of 1B tokens are prompts"),
        "the report prints the note as what it was"
    );
    assert!(
        !page.contains("<td>example: 70% of 1B tokens are prompts</td>"),
        "and never beside the new value as if it described it"
    );
}

#[test]
fn keep_this_value_confirms_an_assumption_from_the_fields_menu() {
    let mut harness = projector(new_app());
    start_insurer(&mut harness);
    harness
        .get_by_role_and_label(Role::TextInput, "Peak over average")
        .click_secondary();
    harness.run();
    click(&mut harness, "Keep this value (confirmed)");
    let peak = &harness.state().scenario().workload.peak_to_average;
    assert!(!peak.to_confirm);
    assert_eq!(peak.value.get(), dec!(2), "kept as it was");
}

#[test]
fn presenting_shows_the_name_and_client_whole_above_the_recommendation_with_the_baseline() {
    let mut harness = projector(new_app());
    start_insurer(&mut harness);
    click(&mut harness, "Pin as baseline");
    click(&mut harness, "Volume 3x");
    keys(&mut harness, Modifiers::NONE, Key::F11);
    assert!(harness.state().workshop().presenting());
    // The bar cuts the name to fit; the room reads it whole beside the recommendation.
    let whole = harness
        .query_all_by_label("Claims triage, for Acme Insurance")
        .map(|n| n.rect())
        .find(|r| r.min.x > 640.0)
        .expect("the heading above the recommendation");
    assert!(whole.max.x <= 1280.0, "{whole:?}");
    let against = harness
        .query_all_by_label_contains("Against the baseline: ")
        .map(|n| n.rect())
        .find(|r| r.min.x > 640.0)
        .expect("the baseline's sentence above the recommendation");
    assert!(against.min.y > whole.min.y);
}
