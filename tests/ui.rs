//! The window driven as a user would, by labels and roles through AccessKit: type a volume and
//! see the recommendation move, pick a catalog model, enter a bad value, switch tabs. Every
//! harness checks that each input has an accessible name.

mod common;

use common::{example, harness, shows, type_into};

use breakeven::ui::figures::Tab;
use breakeven_model::engine::Phase;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::dec;

#[test]
fn typing_a_higher_volume_moves_the_break_even_text_and_the_recommendation() {
    let mut harness = harness(example("seed003-gpt4o-heavy-tier.ron"));
    type_into(&mut harness, "Input tokens", "70M");
    type_into(&mut harness, "Output tokens", "30M");
    assert_eq!(harness.state().recommended(), Some(Phase::Buy));
    assert!(shows(
        &harness,
        "Self-host becomes cheaper than Buy at 800M tokens/month; you are at 100M."
    ));

    type_into(&mut harness, "Input tokens", "70B");
    type_into(&mut harness, "Output tokens", "30B");
    assert_eq!(harness.state().recommended(), Some(Phase::SelfHost));
    assert!(shows(
        &harness,
        "Below 800M tokens/month Self-host is no longer the cheapest; you are at 100B."
    ));
}

#[test]
fn picking_a_catalog_model_fills_in_its_prices() {
    let mut harness = harness(example("default.ron"));
    harness
        .get_by_role_and_label(Role::ComboBox, "API model")
        .click();
    harness.run();
    harness
        .get_by_label_contains("GPT-4o: $2.50 in / $10.00 out per 1M")
        .click();
    harness.run();
    let buy = &harness.state().scenario().buy;
    assert_eq!(buy.catalog_id.as_deref(), Some("gpt-4o"));
    assert_eq!(buy.input_usd_per_1m.value.get(), dec!(2.50));
    assert!(
        buy.input_usd_per_1m
            .source
            .as_deref()
            .is_some_and(|s| s.contains("as of 2025-09"))
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Output price")
            .value()
            .as_deref(),
        Some("10")
    );
}

#[test]
fn a_negative_price_says_why_beside_the_field_and_dims_the_last_figures() {
    let mut harness = harness(example("default.ron"));
    type_into(&mut harness, "Input price", "-0.15");
    assert!(
        harness
            .query_by_label_contains("must not be negative; it is -0.15 USD per 1M tokens")
            .is_some()
    );
    assert!(harness.state().is_dimmed());
    assert_eq!(
        harness.state().recommended(),
        Some(Phase::Buy),
        "the last valid figures stay on screen"
    );
    assert!(
        harness
            .query_by_label_contains("Showing the last valid figures, dimmed")
            .is_some()
    );

    type_into(&mut harness, "Input price", "0.15");
    assert!(!harness.state().is_dimmed());
    assert!(
        harness
            .query_by_label_contains("must not be negative")
            .is_none()
    );
}

#[test]
fn a_mistyped_number_is_named_and_the_value_kept() {
    let mut harness = harness(example("default.ron"));
    type_into(&mut harness, "Output price", "0,6");
    assert!(harness.query_by_label_contains("is not a number").is_some());
    assert_eq!(
        harness.state().scenario().buy.output_usd_per_1m.value.get(),
        dec!(0.60)
    );
}

#[test]
fn each_tab_shows_its_view() {
    let mut harness = harness(example("seed000-legal-tech.ron"));
    // Plots draw shapes a screen reader cannot see; the tables are text.
    for (label, tab, seen) in [
        ("Decision matrix", Tab::Matrix, Some("Time to production")),
        ("Sensitivity", Tab::Sensitivity, Some("Driver")),
        ("Cash over time", Tab::Cash, None),
        ("Gross margin", Tab::Margin, None),
        ("Cost by volume", Tab::Costs, None),
    ] {
        harness.get_by_role_and_label(Role::Button, label).click();
        harness.run();
        assert_eq!(harness.state().tab(), tab);
        assert!(
            seen.is_none_or(|text| shows(&harness, text)),
            "{label} shows {seen:?}"
        );
    }
}

/// The table measures the recommendation: in seed 000's case (`000_2f6a236bcb695b8f.txt`)
/// Fine-tune, though one self-hosted instance is cheaper this month.
#[test]
fn the_sensitivity_tab_measures_the_recommended_phase() {
    let mut harness = harness(example("seed000-legal-tech.ron"));
    harness
        .get_by_role_and_label(Role::Button, "Sensitivity")
        .click();
    harness.run();
    for text in [
        "Lead of Fine-tune, USD/month",
        "Lead of Fine-tune, USD over 36 months",
        "Gross margin of Fine-tune, month 36",
        "As entered",
        "down 1 pp a month",
        "-$6,275.90",
    ] {
        assert!(shows(&harness, text), "{text}");
    }
    assert!(!shows(&harness, "Lead of Self-host"));
}

#[test]
fn dragging_the_volume_slider_recomputes_every_figure() {
    let mut harness = harness(example("seed001-llama3-8b-on-aws.ron"));
    assert_eq!(harness.state().recommended(), Some(Phase::Buy));
    harness
        .get_by_role_and_label(Role::Slider, "Monthly volume")
        .set_value_accesskit(2e10);
    harness.run();
    let volume = harness.state().scenario().workload.volume.clone();
    let breakeven_model::scenario::Volume::Tokens {
        input_tokens_per_month,
        output_tokens_per_month,
    } = volume
    else {
        panic!("seed 001 gives tokens");
    };
    assert_eq!(
        input_tokens_per_month.value.get() + output_tokens_per_month.value.get(),
        dec!(20_000_000_000)
    );
    assert_eq!(
        input_tokens_per_month.value.get(),
        dec!(14_000_000_000),
        "the 70:30 mix is kept"
    );
    assert!(shows(
        &harness,
        "Below 4.77B tokens/month Self-host is no longer the cheapest; you are at 20B."
    ));
}

#[test]
fn every_input_of_every_group_has_an_accessible_name() {
    let mut harness = harness(example("seed000-legal-tech.ron"));
    for group in [
        "Self-host",
        "Fine-tune",
        "Pretrain",
        "Fine-tuning fit",
        "Pretraining facts",
        "Horizon",
        "Revenue",
    ] {
        // The plot's legend has entries of the same names; the group is the one that is not a
        // check box.
        let header = harness
            .get_all_by_label(group)
            .find(|n| n.accesskit_node().role() != Role::CheckBox)
            .unwrap_or_else(|| panic!("a group named {group}"));
        header.scroll_to_me();
        header.click_accesskit();
        harness.run();
    }
    // The harness's accessibility check ran on every frame above; each field is found by name.
    for label in [
        "Setup",
        "Routed to the tuned model",
        "Corpus",
        "Labelled examples",
        "Unique corpus",
        "Horizon",
        "Revenue",
    ] {
        assert!(
            harness
                .query_all_by_role_and_label(Role::TextInput, label)
                .next()
                .is_some(),
            "{label}"
        );
    }
}

/// The text shown in the field labelled `label`.
fn field_text(
    harness: &egui_kittest::Harness<'_, breakeven::window::BreakevenApp>,
    label: &str,
) -> String {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn a_founder_types_the_monthly_bill_and_the_tokens_follow() {
    let mut harness = harness(example("seed000-legal-tech.ron"));
    assert_eq!(field_text(&harness, "Monthly bill"), "140,000");
    type_into(&mut harness, "Monthly bill", "70K");
    common::click_away(&mut harness);
    // $70,000 at $10 per 1M, in the example's half-and-half mix.
    assert_eq!(field_text(&harness, "Input tokens"), "3.5B");
    assert_eq!(field_text(&harness, "Output tokens"), "3.5B");
    assert_eq!(field_text(&harness, "Monthly bill"), "70,000");
    // Another price: the tokens stay and the bill follows them.
    type_into(&mut harness, "Input price", "2.5");
    common::click_away(&mut harness);
    assert_eq!(field_text(&harness, "Input tokens"), "3.5B");
    assert_eq!(field_text(&harness, "Monthly bill"), "43,750");
    // A bill that cannot be tokens is refused beside the field, the tokens kept.
    type_into(&mut harness, "Monthly bill", "-5");
    assert!(shows(&harness, "a bill cannot be negative"));
    assert_eq!(field_text(&harness, "Input tokens"), "3.5B");
}

#[test]
fn a_new_scenarios_volume_switches_to_daily_users_and_back_keeping_its_traffic() {
    let mut harness = harness(example("seed000-legal-tech.ron"));
    harness
        .get_by_role_and_label(Role::ComboBox, "Volume given as")
        .click();
    harness.run();
    harness.get_by_label("Daily users").click();
    harness.run();
    // 14B tokens a month at 50 requests of 500 tokens a user a day (365/12 days a month).
    assert_eq!(field_text(&harness, "Daily users"), "18,411");
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Input tokens")
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Volume given as")
        .click();
    harness.run();
    harness.get_by_label("Tokens a month").click();
    harness.run();
    // The users' tokens, a little above 14B since users are whole.
    assert_eq!(field_text(&harness, "Input tokens"), "7,000,015,625");
}

#[test]
fn the_throughput_basis_of_a_self_hosted_model_can_be_described() {
    let mut harness = harness(example("seed000-legal-tech.ron"));
    let header = harness
        .get_all_by_label("Self-host")
        .find(|n| n.accesskit_node().role() != Role::CheckBox)
        .expect("the Self-host group");
    header.scroll_to_me();
    header.click_accesskit();
    harness.run();
    type_into(&mut harness, "Measured at concurrency", "32");
    type_into(&mut harness, "Measured input per request", "1000");
    type_into(&mut harness, "Measured output per request", "200");
    let hosting = &harness.state().scenario().self_host.hosting;
    let breakeven_model::scenario::Throughput::Measured {
        concurrency,
        input_tokens_per_request,
        output_tokens_per_request,
        ..
    } = &hosting.throughput
    else {
        panic!("measured");
    };
    assert_eq!(*concurrency, 32);
    assert_eq!(input_tokens_per_request.get(), dec!(1000));
    assert_eq!(output_tokens_per_request.get(), dec!(200));
    // The model's name too.
    type_into(&mut harness, "Measured with", "Llama-3.1-8B AWQ");
    let breakeven_model::scenario::Throughput::Measured { model, .. } =
        &harness.state().scenario().self_host.hosting.throughput
    else {
        panic!("measured");
    };
    assert_eq!(model, "Llama-3.1-8B AWQ");
}
