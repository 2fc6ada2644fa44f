//! Ranges typed into the window: a field takes `2 to 9`, `5 ± 3` and `5 ± 20%` as well as a
//! plain number, shows the range beside the value, and a plain number makes it certain again.

mod common;

use common::{click_away, harness, new_app, shows, type_into};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::dec;

#[test]
fn a_field_takes_a_range_shows_it_and_a_plain_number_makes_it_certain() {
    let mut harness = harness(new_app());
    // The example's growth is 5% a month: "1 to 9" keeps 5 as the most likely value.
    type_into(&mut harness, "Growth", "1 to 9");
    click_away(&mut harness);
    let growth = harness
        .state()
        .scenario()
        .workload
        .growth_percent_per_month
        .clone();
    assert_eq!(growth.value.get(), dec!(5));
    assert_eq!(
        growth.range().map(|(l, h)| (l.get(), h.get())),
        Some((dec!(1), dec!(9)))
    );
    let node = harness.get_by_role_and_label(Role::TextInput, "Growth");
    let shown = node.accesskit_node().value();
    assert_eq!(shown.as_deref(), Some("5 (1 to 9)"));
    // A spread in percent around a typed value.
    type_into(&mut harness, "Peak over average", "2 ± 25%");
    click_away(&mut harness);
    let peak = harness.state().scenario().workload.peak_to_average.clone();
    assert_eq!(
        (
            peak.value.get(),
            peak.range().map(|(l, h)| (l.get(), h.get()))
        ),
        (dec!(2), Some((dec!(1.5), dec!(2.5))))
    );
    // A plain number is certain.
    type_into(&mut harness, "Growth", "4");
    click_away(&mut harness);
    let growth = &harness.state().scenario().workload.growth_percent_per_month;
    assert_eq!((growth.value.get(), growth.range()), (dec!(4), None));
    // A range whose low end is above its high end is taken and named beside the field.
    type_into(&mut harness, "Growth", "9 to 1");
    click_away(&mut harness);
    assert!(shows(&harness, "is above its high end"));
}
