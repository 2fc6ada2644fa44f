//! An option nobody is considering, left out by the user: its figures are still computed, but it
//! takes no part in the answer, the sensitivity, the warnings or the charts, and the report says
//! it was left out.

#![allow(
    clippy::unwrap_used,
    reason = "a fixture that does not load is the test failing"
)]

mod common;

use breakeven_model::engine::Phase;
use breakeven_model::report::Format;
use breakeven_model::scenario::from_ron_str;
use breakeven_model::{Scenario, evaluate};

fn example(name: &str) -> Scenario {
    from_ron_str(&std::fs::read_to_string(common::scenario_file(name)).unwrap()).unwrap()
}

#[test]
fn an_option_left_out_changes_no_figure_and_appears_only_as_left_out() {
    // Seed 000's legal-tech example recommends the fine-tune; pretraining, which the article
    // does not weigh, is left out already.
    let before = example("seed000-legal-tech.ron");
    assert_eq!(before.left_out, [Phase::Pretrain]);
    let was = evaluate(&before, common::today()).unwrap();
    assert_eq!(was.recommendation.phase, Phase::FineTune);
    let mut after = before.clone();
    after.set_on_the_table(Phase::FineTune, false);
    assert_eq!(after.left_out, [Phase::FineTune, Phase::Pretrain]);
    let now = evaluate(&after, common::today()).unwrap();
    // The figures are the same to the cent: only the answer moves.
    assert_eq!(now.outcome, was.outcome);
    let rec = &now.recommendation;
    assert_ne!(rec.phase, Phase::FineTune);
    assert_eq!(rec.left_out(), [Phase::FineTune, Phase::Pretrain]);
    assert!(
        now.sensitivity()
            .iter()
            .all(|row| row.low.phase != Phase::FineTune && row.high.phase != Phase::FineTune)
    );
    assert!(
        rec.reasons
            .iter()
            .all(|r| r.for_phase != Phase::FineTune || r.against),
        "no reason argues for an option left out"
    );
    // Its warnings are set apart, its curves are off the charts by default.
    assert!(
        now.cautions
            .shown
            .iter()
            .all(|c| c.phase != Some(Phase::FineTune))
    );
    assert!(!now.shown_by_default().contains(Phase::FineTune));
    // The report says so.
    let text = now.render(Format::Text);
    assert!(
        text.contains("Fine-tune left out: You took it off the table"),
        "{text}"
    );
    // Put back, it is weighed again.
    after.set_on_the_table(Phase::FineTune, true);
    assert_eq!(after.left_out, [Phase::Pretrain]);
    assert_eq!(
        evaluate(&after, common::today())
            .unwrap()
            .recommendation
            .phase,
        Phase::FineTune
    );
}

#[test]
fn the_last_option_on_the_table_stays_and_a_file_leaving_out_all_is_refused() {
    let mut s = example("default.ron");
    for phase in Phase::ALL {
        s.set_on_the_table(phase, false);
    }
    assert_eq!(s.left_out.len(), 3, "one stays: {:?}", s.left_out);
    let stays = Phase::ALL.into_iter().find(|p| s.on_the_table(*p)).unwrap();
    let text = breakeven_model::scenario::to_ron_string(&s).unwrap();
    assert!(text.contains("left_out: ["), "{text}");
    let all = text.replacen("left_out: [", &format!("left_out: [{stays:?}, "), 1);
    let error = breakeven_model::scenario::load_str(&all)
        .unwrap_err()
        .to_string();
    assert!(error.contains("left_out"), "{error}");
}

#[test]
fn unticking_an_option_in_the_window_leaves_it_out_and_the_verdict_says_so() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let mut harness = common::harness(common::example("seed000-legal-tech.ron"));
    let header = harness
        .get_all_by_label("Options on the table")
        .find(|n| n.accesskit_node().role() == Role::DisclosureTriangle)
        .expect("the group");
    header.click_accesskit();
    harness.run();
    // The inputs panel's box comes first; the charts' legends have one of the same name.
    harness
        .get_all_by_label("Fine-tune")
        .find(|n| n.accesskit_node().role() == Role::CheckBox)
        .expect("a box for the fine-tune")
        .click();
    harness.run();
    assert_eq!(
        harness.state().scenario().left_out,
        [Phase::FineTune, Phase::Pretrain]
    );
    assert!(common::shows(
        &harness,
        "Fine-tune left out: You took it off the table"
    ));
    // Ctrl+Z puts it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().scenario().left_out, [Phase::Pretrain]);
}

#[test]
fn how_far_from_flipping_names_no_option_left_out() {
    // The example's 3,000 labelled examples are 7,000 short of a fine-tune that fits.
    let mut s = example("default.ron");
    let names_examples = |s: &Scenario| {
        evaluate(s, common::today())
            .unwrap()
            .recommendation
            .distances
            .iter()
            .any(|d| d.input == "matrix.fine_tuning_fit.labelled_examples")
    };
    assert!(names_examples(&s));
    s.set_on_the_table(Phase::FineTune, false);
    assert!(!names_examples(&s), "fine-tuning is off the table");
}

#[test]
fn the_cost_lines_tab_puts_an_option_left_out_last_and_folded() {
    let mut harness = common::harness(common::example("default.ron"));
    common::click(&mut harness, "Cost lines");
    // The example leaves pretraining out: its heading says so, and its lines are folded away.
    assert!(common::shows(&harness, "Pretrain (left out): $"));
    assert!(!common::shows(&harness, "Serving instances: p5.48xlarge"));
    assert!(common::shows(&harness, "Self-host: $"));
}
