//! Workshops in the window, driven as a consultant does with a client watching: pin a baseline,
//! change an answer and see what changed, reset; compare two scenario files; apply a what-if and
//! undo it; enter and leave presentation mode. The window is a projector's 1280x720.

mod common;

use common::{click, click_away, example, projector, scenario_file, shows, type_into};

use breakeven::ui::dialogs::Dialog;
use breakeven::window::BreakevenApp;
use breakeven_model::engine::Phase;
use breakeven_model::scenario::{DataResidency, Volume};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::{Decimal, dec};

fn tokens(harness: &Harness<'_, BreakevenApp>) -> Decimal {
    match &harness.state().scenario().workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => input_tokens_per_month.value.get() + output_tokens_per_month.value.get(),
        Volume::Users { .. } => panic!("these examples give tokens"),
    }
}

#[test]
fn a_pinned_baseline_lists_each_edit_beside_it_and_resets_in_one_undoable_step() {
    let mut harness = projector(example("seed001-llama3-8b-on-aws.ron"));
    let pinned = harness.state().scenario().clone();
    click(&mut harness, "Pin as baseline");
    assert_eq!(harness.state().workshop().baseline(), Some(&pinned));
    assert!(shows(&harness, "Against the baseline"));
    // On a projector the tables start closed, under a heading that says how much differs.
    assert!(shows(&harness, "Differ: no input, 0 of 13 key figures"));
    click(&mut harness, "Show tables");
    assert!(shows(&harness, "No input differs."));
    assert!(shows(&harness, "Key figures: 0 of 13 differ"));

    // The client's volume is 20 times what was assumed.
    type_into(&mut harness, "Input tokens", "14B");
    type_into(&mut harness, "Output tokens", "6B");
    click_away(&mut harness);
    assert!(shows(&harness, "2 inputs changed"));
    // Named as the input panel names it, the values written as tokens.
    assert!(shows(&harness, "Workload / Input tokens"));
    assert!(
        harness.query_by_label("700M tokens/month").is_some(),
        "the old value"
    );
    assert!(
        harness.query_by_label("14B tokens/month").is_some(),
        "the new value"
    );
    assert!(
        shows(&harness, "Buy -> Self-host"),
        "the cheapest option, side by side"
    );
    assert!(
        shows(&harness, "Medium (0.50)"),
        "the recommendation's confidence now"
    );
    assert!(shows(&harness, "+19B (x20)"), "the volume's difference");

    click(&mut harness, "Reset to baseline");
    assert_eq!(harness.state().scenario(), &pinned);
    assert!(shows(&harness, "No input differs."));
    assert_eq!(harness.state().recommended(), Some(Phase::Buy));

    // The reset is one edit: Ctrl+Z brings the client's numbers back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(tokens(&harness), dec!(20_000_000_000));
    assert!(shows(&harness, "2 inputs changed"));

    click(&mut harness, "Clear baseline");
    assert_eq!(harness.state().workshop().baseline(), None);
    assert!(!shows(&harness, "Against the baseline"));
}

#[test]
fn comparing_two_example_files_shows_both_recommendations_and_what_differs() {
    let mut harness = projector(example("seed000-legal-tech.ron"));
    let before = harness.state().scenario().clone();
    click(&mut harness, "Compare with…");
    let other = scenario_file("seed001-llama3-8b-on-aws.ron");
    type_into(
        &mut harness,
        "File to compare with",
        other.to_str().expect("UTF-8"),
    );
    click(&mut harness, "Compare");
    assert_eq!(
        harness.state().workshop().comparison(),
        Some("seed001-llama3-8b-on-aws.ron")
    );
    assert!(shows(&harness, "Compared with"));
    click(&mut harness, "Show tables");
    assert!(
        shows(&harness, "Fine-tune -> Buy"),
        "the recommendations differ"
    );
    assert!(shows(&harness, "Data residency"), "an input that differs");
    assert_eq!(
        harness.state().scenario(),
        &before,
        "comparing changes nothing"
    );
    assert!(!harness.state().document().is_dirty());

    // A built-in example, from the same dialog.
    click(&mut harness, "Compare with…");
    click(
        &mut harness,
        "A B2B SaaS product, 1,000 daily users (seed case)",
    );
    assert_eq!(
        harness.state().workshop().comparison(),
        Some("Seed case: a B2B SaaS product, 1,000 daily users")
    );

    click(&mut harness, "Close comparison");
    assert_eq!(harness.state().workshop().comparison(), None);
}

#[test]
fn a_damaged_file_to_compare_with_says_why_and_keeps_the_work() {
    let folder = tempfile::tempdir().expect("a folder");
    let damaged = folder.path().join("damaged.ron");
    std::fs::write(&damaged, "Scenario(version: 2, name: ").expect("written");
    let mut harness = projector(example("default.ron"));
    type_into(&mut harness, "Input price", "0.20");
    click_away(&mut harness);
    let edited = harness.state().scenario().clone();
    click(&mut harness, "Compare with…");
    type_into(
        &mut harness,
        "File to compare with",
        damaged.to_str().expect("UTF-8"),
    );
    click(&mut harness, "Compare");
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Message { title, .. }) if title.starts_with("Could not compare with")
    ));
    assert!(shows(&harness, "Your scenario is as it was."));
    assert_eq!(harness.state().workshop().comparison(), None);
    assert_eq!(harness.state().scenario(), &edited);
}

#[test]
fn a_what_if_applies_in_one_click_and_ctrl_z_takes_it_back() {
    let mut harness = projector(example("default.ron"));
    let before = harness.state().scenario().clone();
    let volume = tokens(&harness);
    click(&mut harness, "Volume 3x");
    assert_eq!(tokens(&harness), volume * dec!(3));
    assert!(shows(&harness, "Volume 3x applied: Ctrl+Z undoes it."));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().scenario(), &before);
    assert!(!shows(&harness, "Volume 3x applied"));

    click(&mut harness, "Regulated data");
    assert_eq!(
        harness.state().scenario().matrix.data_residency,
        Some(DataResidency::Regulated)
    );
    click(&mut harness, "API prices");
    click(&mut harness, "API -50% a year");
    assert_eq!(
        harness
            .state()
            .scenario()
            .horizon
            .api_price_change_percent_per_year
            .value
            .get(),
        dec!(-50)
    );
    // Each what-if is its own step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().scenario().matrix.data_residency,
        Some(DataResidency::Regulated)
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().scenario(), &before);
}

#[test]
fn a_what_if_with_nothing_to_change_is_greyed_out() {
    // Seed 003 gives no team size, so there is no team to halve.
    let harness = projector(example("seed003-gpt4o-heavy-tier.ron"));
    let button = harness.get_by_role_and_label(Role::Button, "Team halved");
    assert!(button.accesskit_node().is_disabled());
    let button = harness.get_by_role_and_label(Role::Button, "Volume 3x");
    assert!(!button.accesskit_node().is_disabled());
}

#[test]
fn presentation_mode_hides_the_inputs_and_keeps_volume_residency_and_rules_live() {
    let mut harness = projector(example("seed001-llama3-8b-on-aws.ron"));
    click(&mut harness, "Pin as baseline");
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().workshop().presenting());
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Input tokens")
            .is_none(),
        "the input panel is hidden"
    );
    assert!(
        harness.query_by_label("File").is_none(),
        "so is the menu bar"
    );
    assert!(shows(&harness, "Leave (Esc)"));

    harness
        .get_by_role_and_label(Role::Slider, "Monthly volume")
        .set_value_accesskit(2e10);
    harness.run();
    assert_eq!(tokens(&harness), dec!(20_000_000_000));
    assert!(shows(&harness, "Cheapest at that volume Buy -> Self-host"));
    harness
        .get_by_role_and_label(Role::ComboBox, "Data residency")
        .click();
    harness.run();
    click(&mut harness, "Air-gapped");
    assert_eq!(
        harness.state().scenario().matrix.data_residency,
        Some(DataResidency::AirGapped)
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Rules from")
        .click();
    harness.run();
    harness
        .get_by_label(
            "The AI Build vs. Buy Decision: When to Use Foundation Models, Fine-Tune, or Build \
             In-House",
        )
        .click();
    harness.run();
    assert_eq!(
        harness.state().scenario().rule_preset.resolve().id,
        "ai-build-vs-buy-decision"
    );

    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().workshop().presenting());
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Input tokens")
            .is_some(),
        "the inputs are back"
    );

    // The toolbar button and F11 work both ways.
    click(&mut harness, "Present (F11)");
    assert!(harness.state().workshop().presenting());
    harness.key_press(Key::F11);
    harness.run();
    assert!(!harness.state().workshop().presenting());
}

#[test]
fn presenting_a_volume_built_from_users_offers_the_daily_users() {
    let mut harness = projector(example("seed004-b2b-saas.ron"));
    click(&mut harness, "Present (F11)");
    harness
        .get_by_role_and_label(Role::SpinButton, "Daily users")
        .set_value_accesskit(3000.0);
    harness.run();
    let Volume::Users { daily_users, .. } = &harness.state().scenario().workload.volume else {
        panic!("seed 004 builds the volume from users")
    };
    assert_eq!(daily_users.value.get(), dec!(3000));
}

#[test]
fn the_baseline_is_drawn_across_the_volumes_the_scenario_on_screen_plots() {
    let mut harness = projector(example("seed001-llama3-8b-on-aws.ron"));
    click(&mut harness, "Pin as baseline");
    let before = harness.state().chart().expect("figures").range;
    // Twenty times the volume: the plot moves right, and the baseline's curves with it.
    type_into(&mut harness, "Input tokens", "14B");
    type_into(&mut harness, "Output tokens", "6B");
    click_away(&mut harness);
    let range = harness.state().chart().expect("figures").range;
    assert_ne!(range, before);
    let baseline = harness
        .state()
        .workshop()
        .baseline
        .as_ref()
        .expect("pinned");
    assert_eq!(baseline.curves.len(), 4);
    for curve in &baseline.curves {
        let (first, last) = (curve.points[0][0], curve.points[curve.points.len() - 1][0]);
        assert_eq!(
            Decimal::from_f64_retain(first).map(|d| d.round()),
            Some(range.0)
        );
        assert_eq!(
            Decimal::from_f64_retain(last).map(|d| d.round()),
            Some(range.1)
        );
    }
}

/// The right edge of the workshop panel: its splitter spans it.
fn workshop_panel_right(harness: &Harness<'_, BreakevenApp>) -> f32 {
    harness
        .query_all_by_role(Role::Splitter)
        .map(|s| s.rect())
        .filter(|r| r.width() > r.height())
        .map(|r| r.max.x)
        .next()
        .expect("the workshop panel")
}

#[test]
fn every_difference_is_readable_on_a_projector_even_against_a_long_file_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let long = dir
        .path()
        .join("acme-insurer-claims-triage-2027-after-the-merger-proposal.ron");
    std::fs::copy(scenario_file("seed004-b2b-saas.ron"), &long).expect("copied");
    let mut harness = projector(example("seed000-legal-tech.ron"));
    click(&mut harness, "Pin as baseline");
    click(&mut harness, "Volume 3x");
    click(&mut harness, "Compare with…");
    type_into(
        &mut harness,
        "File to compare with",
        long.to_str().expect("UTF-8"),
    );
    click(&mut harness, "Compare");
    click(&mut harness, "Show tables");
    for (i, view) in ["Baseline", "Comparison"].into_iter().enumerate() {
        harness.get_by_label(view).click();
        harness.run();
        let right = workshop_panel_right(&harness);
        let comparisons = harness.state().workshop().comparisons();
        let differences: Vec<&str> = comparisons[i]
            .rows
            .iter()
            .filter_map(|r| r.difference.as_deref())
            .collect();
        assert!(differences.len() > 5, "{view}: {differences:?}");
        for text in std::iter::once("Difference").chain(differences) {
            // The table's cell, not the same words elsewhere in the window.
            let cell = harness
                .query_all_by_label(text)
                .map(|n| n.rect())
                .find(|r| r.min.y > 400.0)
                .unwrap_or_else(|| panic!("{view}: {text} not shown"));
            assert!(
                cell.max.x <= right,
                "{view}: \"{text}\" ends at {} beyond the panel's {right}",
                cell.max.x
            );
        }
    }
}
