//! Values no scenario should hold, typed into the window and then converted by a later click:
//! the window says what is wrong beside the field and keeps running, never a panic.

mod common;

use common::{click, harness, new_app, shows, type_into};

use breakeven::window::BreakevenApp;
use breakeven_model::scenario::InstancePrice;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The defect found on a release build: a price far out of range typed per hour, then the
/// pricing switched to a monthly price, multiplied it by 730 with a raw `Decimal` operator and
/// took the window down (`Multiplication overflowed`).
#[test]
fn a_huge_hourly_price_switched_to_a_monthly_price_does_not_crash() {
    let mut harness = harness(new_app());
    // The group is below Buy's inputs: scrolled into view first, so it opens in view.
    let header = harness.get_by_role_and_label(Role::DisclosureTriangle, "Self-host");
    header.scroll_to_me();
    header.click_accesskit();
    harness.run();
    type_into(&mut harness, "Price", "1000000000000000000000000000");
    assert!(
        shows(&harness, "must be at most"),
        "the range message shows"
    );
    // Its list opens below it: the choice is scrolled to first, so the list has room.
    harness
        .get_by_role_and_label(Role::ComboBox, "Pricing")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Pricing")
        .click();
    harness.run();
    click(&mut harness, "Monthly price");
    let price = &harness.state().scenario().self_host.hosting.price;
    assert!(
        matches!(price, InstancePrice::OnDemand { .. }),
        "a price that cannot be converted keeps its kind: {price:?}"
    );
    assert!(
        shows(&harness, "Not switched: this price is too large"),
        "and says why"
    );
}

/// A number of months typed with a fraction, or negative, was once cut to a whole number or
/// read as 4,294,967,295 months; it is refused beside the field, and the answer stays as it was.
#[test]
fn months_that_are_not_a_whole_number_are_refused_beside_the_field() {
    let mut harness = harness(new_app());
    // The group is below the fold at first: scrolled to, then opened.
    harness
        .get_by_role_and_label(Role::DisclosureTriangle, "Pretraining facts")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::DisclosureTriangle, "Pretraining facts")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Months available")
        .scroll_to_me();
    harness.run();
    for typed in ["12.5", "-3", "5000000000"] {
        type_into(&mut harness, "Months available", typed);
        assert!(
            shows(&harness, "must be a whole number from 0 to 4294967295"),
            "{typed}"
        );
        assert_eq!(
            harness
                .state()
                .scenario()
                .matrix
                .pretraining
                .months_available,
            None,
            "{typed} is not taken"
        );
    }
    type_into(&mut harness, "Months available", "18");
    let months = &harness
        .state()
        .scenario()
        .matrix
        .pretraining
        .months_available;
    assert_eq!(months.as_ref().map(|m| m.value), Some(18));
}

/// The sensitivity table was computed from the scenario on screen, out of range, while every
/// other figure was the last valid one: a huge price overflowed at +20%, and a horizon typed as
/// 1.5B asked for 24 GB. It comes from the same valid scenario as the rest.
#[test]
fn the_sensitivity_table_of_a_dimmed_window_is_the_last_valid_one() {
    let dollars = |harness: &Harness<'_, BreakevenApp>| -> Vec<String> {
        harness
            .query_all_by_label_contains("$")
            // A label keeps its text in its value (kittest's filter.rs).
            .filter_map(|node| node.accesskit_node().value())
            .collect()
    };
    let mut untouched = harness(new_app());
    click(&mut untouched, "Sensitivity");
    let before = dollars(&untouched);
    // The table is computed when first shown: here, first after the edits.
    let mut harness = harness(new_app());
    type_into(&mut harness, "Input price", "79228162514264337593543950335");
    common::click_away(&mut harness);
    // Fold the Workload and Buy groups away so the Horizon group opens within the panel's view.
    for group in ["Workload", "Buy: a hosted API"] {
        harness
            .get_by_role_and_label(Role::DisclosureTriangle, group)
            .click();
        harness.run();
    }
    let header = harness.get_by_role_and_label(Role::DisclosureTriangle, "Horizon");
    header.scroll_to_me();
    header.click();
    harness.run();
    type_into(&mut harness, "Horizon", "1.5B");
    common::click_away(&mut harness);
    click(&mut harness, "Sensitivity");
    assert!(harness.state().is_dimmed());
    assert_eq!(
        dollars(&harness),
        before,
        "the leads of the last valid scenario, as every other figure on screen"
    );
}
