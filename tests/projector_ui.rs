//! A client's scenario on a projector's 1280x720, with a baseline pinned and another file
//! compared, as in a workshop: the plot keeps at least half the window's width and 60% of its
//! height, its legend stays off the curves, the decision matrix shows its four options beside
//! the criteria (which stay put when the options scroll), and the presentation bar is one row.

mod common;

use common::{click, example, projector, scenario_file, smallest, type_into};

use breakeven::window::BreakevenApp;
use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The projector's window.
const WIDTH: f32 = 1280.0;
const HEIGHT: f32 = 720.0;

/// The rule: the plot itself (its frame, without the axes' labels) at least half the window's
/// width and at least 60% of its height.
fn keeps_its_share(plot: Rect) -> bool {
    plot.width() >= 0.5 * WIDTH && plot.height() >= 0.6 * HEIGHT
}

const OPTIONS: [&str; 4] = ["Buy", "Fine-tune", "Self-host", "Pretrain"];

/// Seed 000 with a baseline pinned and seed 001 compared with it, in `harness`.
fn workshop(mut harness: Harness<'static, BreakevenApp>) -> Harness<'static, BreakevenApp> {
    click(&mut harness, "Pin as baseline");
    click(&mut harness, "Compare with…");
    let other = scenario_file("seed001-llama3-8b-on-aws.ron");
    type_into(
        &mut harness,
        "File to compare with",
        other.to_str().expect("UTF-8"),
    );
    click(&mut harness, "Compare");
    assert!(harness.state().workshop().baseline().is_some());
    assert!(harness.state().workshop().comparison().is_some());
    harness
}

fn cost_plot(harness: &Harness<'_, BreakevenApp>) -> Rect {
    harness
        .get_by_role_and_label(Role::Figure, "Plot of monthly cost against monthly volume")
        .rect()
}

/// The legend's entries for the four options and the baseline lie outside the plot.
fn assert_legend_off_the_plot(harness: &Harness<'_, BreakevenApp>, plot: Rect) {
    for entry in OPTIONS.into_iter().chain(["Baseline (faint)"]) {
        let rect = harness.get_by_role_and_label(Role::CheckBox, entry).rect();
        assert!(
            !rect.intersects(plot),
            "the legend's {entry} at {rect:?} covers the plot at {plot:?}"
        );
    }
}

#[test]
fn with_a_baseline_and_a_comparison_the_plot_keeps_half_the_width_and_most_of_the_height() {
    let harness = workshop(projector(example("seed000-legal-tech.ron")));
    let plot = cost_plot(&harness);
    assert!(keeps_its_share(plot), "the plot is {plot:?}");
    assert_legend_off_the_plot(&harness, plot);
}

#[test]
fn presenting_with_a_baseline_and_a_comparison_the_plot_keeps_its_share_and_the_bar_is_one_row() {
    let mut harness = workshop(projector(example("seed000-legal-tech.ron")));
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().workshop().presenting());
    let plot = cost_plot(&harness);
    assert!(keeps_its_share(plot), "the plot is {plot:?}");
    assert_legend_off_the_plot(&harness, plot);

    let bar = [
        harness
            .get_by_role_and_label(Role::Slider, "Monthly volume")
            .rect(),
        harness
            .get_by_role_and_label(Role::ComboBox, "Data residency")
            .rect(),
        harness
            .get_by_role_and_label(Role::ComboBox, "Rules from")
            .rect(),
        harness
            .get_by_role_and_label(Role::Button, "What if")
            .rect(),
        harness
            .get_by_role_and_label(Role::Button, "Leave (Esc)")
            .rect(),
    ];
    let row = bar[0].y_range();
    let mut from_left = bar;
    from_left.sort_by(|a, b| a.left().total_cmp(&b.left()));
    for pair in from_left.windows(2) {
        assert!(
            pair[0].right() <= pair[1].left(),
            "{:?} runs into {:?}",
            pair[0],
            pair[1]
        );
    }
    for rect in bar {
        assert!(
            row.contains(rect.center().y),
            "{rect:?} is not on the row of the volume at {row:?}"
        );
        assert!(rect.right() <= WIDTH, "{rect:?} is cut off: {bar:?}");
    }
}

/// The header of `option`'s column in the decision matrix: on the row of the criteria's
/// heading, level with it (the recommendation card names the recommended option too).
fn header(harness: &Harness<'_, BreakevenApp>, option: &str) -> Rect {
    let top = harness.get_by_label("Criterion").rect().top();
    let recommended = format!("{option} (recommended)");
    let plain = option.to_owned();
    harness
        .query_all_by(move |node| {
            node.role() == Role::Label
                && node
                    .value()
                    .or_else(|| node.label())
                    .is_some_and(|v| v == plain || v == recommended)
        })
        .map(|node| node.rect())
        .find(|rect| (rect.top() - top).abs() < 1.0)
        .unwrap_or_else(|| panic!("no column {option}"))
}

/// The four options' columns are right of the criteria and clear of the recommendation.
fn assert_matrix_in_view(harness: &Harness<'_, BreakevenApp>) {
    let right_panel = harness.get_by_label("Recommendation").rect().left();
    let criterion = harness.get_by_label("Time to production").rect();
    for option in OPTIONS {
        let column = header(harness, option);
        assert!(
            criterion.right() < column.left(),
            "{option} at {column:?} is not right of the criteria at {criterion:?}"
        );
        assert!(
            column.right() <= right_panel,
            "{option} at {column:?} is hidden under the recommendation at x {right_panel}"
        );
    }
    // The last column's widest cell too, not only its heading.
    let cell = harness
        .query_all_by_label_contains("everything, from the data up")
        .next()
        .expect("a cell of the Pretrain column")
        .rect();
    assert!(cell.right() <= right_panel, "{cell:?} is cut off");
}

#[test]
fn the_decision_matrix_shows_its_four_options_beside_the_criteria_on_a_projector() {
    let mut harness = workshop(projector(example("seed000-legal-tech.ron")));
    click(&mut harness, "Decision matrix");
    assert_matrix_in_view(&harness);
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().workshop().presenting());
    assert_matrix_in_view(&harness);
}

#[test]
fn when_the_decision_matrix_scrolls_sideways_the_criteria_stay_in_view() {
    // The smallest window, presenting (larger text): too narrow for the four options.
    let mut harness = workshop(smallest(example("seed000-legal-tech.ron")));
    harness.key_press(Key::F11);
    harness.run();
    click(&mut harness, "Decision matrix");
    let before = harness.get_by_label("Time to production").rect();
    let right_panel = harness.get_by_label("Recommendation").rect().left();
    assert!(
        header(&harness, "Pretrain").right() > right_panel,
        "at 1024 wide, presenting, the last option needs a scroll"
    );
    let row = harness.get_by_label("Criterion").rect().center().y;
    harness
        .get_all_by_label("Pretrain")
        .find(|node| node.rect().y_range().contains(row))
        .expect("the Pretrain column")
        .scroll_to_me();
    harness.run();
    let pretrain = header(&harness, "Pretrain");
    assert!(
        pretrain.right() <= right_panel,
        "scrolled into view: {pretrain:?}"
    );
    let after = harness.get_by_label("Time to production").rect();
    assert_eq!(after, before, "the criteria column stays where it was");
}

/// At 1280 wide the inputs panel is about 300 px: a field whose label, box and unit do not fit
/// on one line puts its box and unit on the next, so nothing is cut at the panel's edge.
#[test]
fn every_field_its_box_and_its_unit_fit_inside_the_inputs_panel() {
    let harness = projector(example("seed000-legal-tech.ron"));
    let plot = harness
        .get_by_role_and_label(Role::Figure, "Plot of monthly cost against monthly volume")
        .rect();
    // The centre's tabs start where the inputs panel ends.
    let panel_right = harness.get_by_label("Cost by volume").rect().min.x;
    assert!(panel_right < plot.min.x);
    let mut checked = 0;
    for text in ["USD per 1M", "tokens/month", "% a month", "calls/task"] {
        for unit in harness.query_all_by_label(text) {
            let rect = unit.rect();
            assert!(
                rect.max.x <= panel_right,
                "{text} ends at {} past the panel's edge at {panel_right}",
                rect.max.x
            );
            checked += 1;
        }
    }
    for field in ["Input price", "Output price", "Input tokens", "Growth"] {
        let rect = harness.get_by_role_and_label(Role::TextInput, field).rect();
        assert!(rect.max.x <= panel_right, "{field}'s box is cut: {rect:?}");
        checked += 1;
    }
    assert!(checked > 8, "{checked} checked");
}
