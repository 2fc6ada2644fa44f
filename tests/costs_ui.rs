//! The costs a peer model counts, entered in the window: Buy's own fixed costs, a GPU billed
//! per busy hour, servers bought outright. Each shows as a line of its option's cost.

mod common;

use common::{click, harness, new_app, open_group, shows, type_into};

use breakeven::window::BreakevenApp;
use breakeven_model::engine::Phase;
use breakeven_model::scenario::InstancePrice;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::{Decimal, dec};

fn pick_pricing(harness: &mut Harness<'_, BreakevenApp>, kind: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Pricing")
        .click();
    harness.run();
    click(harness, kind);
}

fn monthly(harness: &Harness<'_, BreakevenApp>, phase: Phase) -> Decimal {
    breakeven_model::evaluate(harness.state().scenario(), common::today())
        .expect("evaluates")
        .outcome
        .costs[phase.index()]
    .total
}

#[test]
fn buys_platform_fees_and_integration_people_are_part_of_its_monthly_cost() {
    let mut harness = harness(new_app());
    let before = monthly(&harness, Phase::Buy);
    open_group(&mut harness, "Integration and commitment");
    type_into(&mut harness, "Platform fees", "1200");
    assert_eq!(monthly(&harness, Phase::Buy), before + dec!(1200));
    click(&mut harness, "Cost lines");
    assert!(shows(&harness, "API platform and gateway fees"));
}

#[test]
fn a_committed_minimum_typed_in_the_window_raises_a_small_api_bill_to_it() {
    let mut harness = harness(new_app());
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let (before, bill) = (monthly(&harness, Phase::Buy), evaluation.outcome.api_spend);
    open_group(&mut harness, "Integration and commitment");
    // Committed to $10,000 more than the tokens cost: Buy pays the difference.
    let committed = bill + dec!(10000);
    type_into(&mut harness, "Committed minimum", &committed.to_string());
    assert_eq!(monthly(&harness, Phase::Buy), before + dec!(10000));
    click(&mut harness, "Cost lines");
    let label = format!(
        "Committed minimum: the API bill raised to {}/month",
        breakeven_model::format::usd_cents(committed)
    );
    assert!(shows(&harness, &label), "{label}");
    // Below the bill, the commitment costs nothing more.
    type_into(&mut harness, "Committed minimum", "1");
    assert_eq!(monthly(&harness, Phase::Buy), before);
}

#[test]
fn a_gpu_billed_per_busy_hour_costs_what_the_work_needs_and_drops_the_hours_in_service() {
    let mut harness = harness(new_app());
    open_group(&mut harness, "Self-host");
    pick_pricing(&mut harness, "Per busy hour");
    let price = &harness.state().scenario().self_host.hosting.price;
    let InstancePrice::PerBusyHour { buffer_percent, .. } = price else {
        panic!("switched: {price:?}");
    };
    assert_eq!(buffer_percent.value.get(), dec!(10));
    assert!(
        buffer_percent.to_confirm,
        "the buffer is an assumption to confirm"
    );
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Hours in service")
            .is_none(),
        "the hours follow the volume"
    );
    // However little the work, a minimum of hours is billed.
    type_into(&mut harness, "Minimum hours", "730");
    click(&mut harness, "Cost lines");
    assert!(shows(
        &harness,
        "per busy hour at $1.212/hour plus 10% buffer"
    ));
    assert!(shows(&harness, "at least 730 hours a month"));
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let busy = evaluation.outcome.costs[Phase::SelfHost.index()].lines[0].1;
    assert!(busy >= dec!(884.76), "{busy}");
}

#[test]
fn owned_servers_start_from_marked_assumptions_and_show_each_cost_line() {
    let mut harness = harness(new_app());
    open_group(&mut harness, "Self-host");
    pick_pricing(&mut harness, "Owned servers");
    let InstancePrice::Owned(server) = &harness.state().scenario().self_host.hosting.price else {
        panic!("owned");
    };
    assert!(server.purchase_usd.to_confirm && server.life_months.to_confirm);
    type_into(&mut harness, "Purchase", "120000");
    type_into(&mut harness, "Resale", "20");
    let InstancePrice::Owned(server) = &harness.state().scenario().self_host.hosting.price else {
        panic!("owned");
    };
    assert!(!server.purchase_usd.to_confirm, "typed: confirmed");
    // $120,000 less 20% resale over 48 months: $2,000 a month.
    click(&mut harness, "Cost lines");
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let self_host = &evaluation.outcome.costs[Phase::SelfHost.index()];
    let servers = self_host.instances.expect("servers");
    assert_eq!(self_host.lines[0].1, dec!(2000) * servers);
    let shown = breakeven_model::format::usd_cents(dec!(2000) * servers);
    assert!(shows(&harness, &shown), "{shown} for {servers} servers");
    assert!(shows(
        &harness,
        "owned: $120,000.00 to 20% resale over 48 months"
    ));
    assert!(shows(
        &harness,
        "power, 1 kW × PUE 1.4 × 730 hours at $0.12/kWh"
    ));
    // Installation is spread over the life with nothing back: $4,800 over 48 months.
    type_into(&mut harness, "Installation", "4800");
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let self_host = &evaluation.outcome.costs[Phase::SelfHost.index()];
    assert_eq!(self_host.lines[1].1, dec!(100) * servers);
    assert!(shows(&harness, "installation, $4,800.00 over 48 months"));
}

#[test]
fn the_cost_lines_say_what_the_instances_are_sized_for_and_count_them_month_by_month() {
    let mut harness = harness(new_app());
    click(&mut harness, "Cost lines");
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let sizing = evaluation
        .outcome
        .sizing
        .iter()
        .find(|s| s.phase == Phase::SelfHost)
        .expect("self-hosting is sized");
    let sentence = breakeven_model::report::sizing::in_words(sizing);
    assert!(shows(&harness, &sentence), "{sentence}");
    let header = harness
        .get_all_by_label("Instances month by month")
        .find(|n| n.accesskit_node().role() == Role::DisclosureTriangle)
        .expect("a month-by-month list");
    header.scroll_to_me();
    header.click_accesskit();
    harness.run();
    assert!(shows(&harness, "Months 1-12"));
}

/// Clicks the first item whose text contains `text` (a catalog entry, listed with its figures).
fn click_containing(harness: &mut Harness<'_, BreakevenApp>, text: &str) {
    let item = harness
        .query_all_by_label_contains(text)
        .last()
        .unwrap_or_else(|| panic!("an item with {text}"));
    item.click();
    harness.run();
}

fn served(harness: &Harness<'_, BreakevenApp>) -> (String, Decimal, Option<String>) {
    match &harness.state().scenario().self_host.hosting.throughput {
        breakeven_model::scenario::Throughput::Measured {
            model,
            output_tokens_per_second,
            ..
        } => (
            model.clone(),
            output_tokens_per_second.value.get(),
            output_tokens_per_second.source.clone(),
        ),
        breakeven_model::scenario::Throughput::Unlimited => panic!("measured"),
    }
}

#[test]
fn the_model_served_is_picked_with_the_instance_and_a_typed_figure_is_yours() {
    let mut harness = harness(new_app());
    open_group(&mut harness, "Self-host");
    harness
        .get_by_role_and_label(Role::ComboBox, "GPU instance")
        .click();
    harness.run();
    click_containing(&mut harness, "p5.4xlarge (");
    harness
        .get_by_role_and_label(Role::ComboBox, "Model served")
        .click();
    harness.run();
    click_containing(&mut harness, "Llama-3.1-70B FP8, concurrency 16");
    let (model, speed, source) = served(&harness);
    assert_eq!((model.as_str(), speed), ("Llama-3.1-70B FP8", dec!(1800)));
    let source = source.unwrap_or_default();
    assert!(source.starts_with("catalog: Llama-3.1-70B FP8"), "{source}");
    // Another H100 instance keeps the model: eight GPUs serve eight replicas of it.
    harness
        .get_by_role_and_label(Role::ComboBox, "GPU instance")
        .click();
    harness.run();
    click_containing(&mut harness, "p5.48xlarge (");
    let (model, speed, _) = served(&harness);
    assert_eq!((model.as_str(), speed), ("Llama-3.1-70B FP8", dec!(14400)));
    // A figure typed over the catalog's is the user's, in its source and in the basis.
    type_into(&mut harness, "Throughput", "15000");
    let (_, speed, source) = served(&harness);
    assert_eq!(speed, dec!(15000));
    let source = source.unwrap_or_default();
    assert!(
        source.starts_with("your value; the catalog had 14,400"),
        "{source}"
    );
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let basis = evaluation.outcome.costs[Phase::SelfHost.index()]
        .capacity_basis
        .clone()
        .unwrap_or_default();
    assert!(
        basis.contains("15000 output tokens/s (your value)"),
        "{basis}"
    );
}
