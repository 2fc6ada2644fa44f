//! Values no scenario should hold, typed into the window and then converted by a later click:
//! the window says what is wrong beside the field and keeps running, never a panic.

mod common;

use common::{click, harness, new_app, shows, type_into};

use breakeven_model::scenario::InstancePrice;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

/// The defect found on a release build: a price far out of range typed per hour, then the
/// pricing switched to a monthly price, multiplied it by 730 with a raw `Decimal` operator and
/// took the window down (`Multiplication overflowed`).
#[test]
fn a_huge_hourly_price_switched_to_a_monthly_price_does_not_crash() {
    let mut harness = harness(new_app());
    harness
        .get_by_role_and_label(Role::DisclosureTriangle, "Self-host")
        .click();
    harness.run();
    type_into(&mut harness, "Price", "1000000000000000000000000000");
    assert!(
        shows(&harness, "must be at most"),
        "the range message shows"
    );
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
    harness
        .get_by_role_and_label(Role::DisclosureTriangle, "Pretraining facts")
        .click();
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
