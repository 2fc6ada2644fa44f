//! Cache writes entered in the window: on a model that charges for them, the share of input
//! written to the prompt cache is billed at the write price instead of the input price, and
//! shows as a line of Buy's cost.

mod common;

use common::{click, harness, new_app, shows, type_into};

use breakeven::window::BreakevenApp;
use breakeven_model::engine::Phase;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rust_decimal::{Decimal, dec};

fn buy_monthly(harness: &Harness<'_, BreakevenApp>) -> Decimal {
    breakeven_model::evaluate(harness.state().scenario(), common::today())
        .expect("evaluates")
        .outcome
        .costs[Phase::Buy.index()]
    .total
}

#[test]
fn typing_a_cache_write_share_on_claude_sonnet_adds_the_write_premium_to_buy() {
    let mut harness = harness(new_app());
    harness
        .get_by_role_and_label(Role::ComboBox, "API model")
        .click();
    harness.run();
    click(
        &mut harness,
        "Claude Sonnet 4: $3.00 in / $15.00 out per 1M (2025-09)",
    );
    let buy = &harness.state().scenario().buy;
    assert_eq!(buy.cache_write_usd_per_1m.value.get(), dec!(3.75));
    let before = buy_monthly(&harness);
    type_into(&mut harness, "Cache writes", "5");
    assert_eq!(
        harness
            .state()
            .scenario()
            .buy
            .cache_write_percent
            .value
            .get(),
        dec!(5)
    );
    // The default's 700M input tokens a month, 5% of them written: 35M at $3.75 instead of
    // $3.00 is $26.25 more, times its 1.1 calls per completed task.
    assert_eq!(buy_monthly(&harness), before + dec!(28.875));
    click(&mut harness, "Cost lines");
    assert!(shows(&harness, "Cache writes (5%) at $3.75 per 1M"));
    // The line itself: 35M written at $3.75.
    assert!(shows(&harness, "$131.25"));
}
