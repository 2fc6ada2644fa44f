//! Each example scenario's recommendation and the reason that decides it, as `breakeven
//! report` gives them.

use std::path::Path;

use breakeven::state::files::load_scenario;
use breakeven_model::decision::recommend;
use breakeven_model::engine::{Phase, compute};
use chrono::NaiveDate;

/// The phase an example comes out with, and the input of the reason that decides it.
fn check(file: &str, phase: Phase, deciding_input: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(file);
    let scenario = load_scenario(&path).unwrap_or_else(|e| panic!("{e}"));
    let outcome = compute(&scenario).unwrap_or_else(|e| panic!("{e}"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let rec = recommend(&scenario, &outcome, today).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rec.phase, phase, "{file}: {:#?}", rec.reasons);
    assert!(
        rec.reasons
            .iter()
            .any(|r| r.for_phase == phase && !r.against && r.input == deciding_input),
        "{file}: no reason from {deciding_input} for {phase:?}: {:#?}",
        rec.reasons
    );
    assert!(
        !scenario.rule_preset.resolve().name.is_empty(),
        "{file} names its preset"
    );
}

#[test]
fn the_default_example_buys_on_cost() {
    check("default.ron", Phase::Buy, "monthly cost");
}

#[test]
fn seed_001_at_1b_tokens_a_month_buys_below_the_5k_spend_threshold() {
    check("seed001-llama3-8b-on-aws.ron", Phase::Buy, "API spend");
}

#[test]
fn seed_000_legal_tech_fine_tunes_its_regulated_structured_task() {
    check(
        "seed000-legal-tech.ron",
        Phase::FineTune,
        "matrix.data_residency",
    );
    check("seed000-legal-tech.ron", Phase::FineTune, "API spend");
}

#[test]
fn seed_002_routes_its_structured_task_to_a_cheaper_fine_tune() {
    check(
        "seed002-route-to-fine-tune.ron",
        Phase::FineTune,
        "monthly cost",
    );
}

#[test]
fn seed_004_fine_tunes_above_50k_a_year_with_10k_examples() {
    check("seed004-b2b-saas.ron", Phase::FineTune, "API spend");
    check(
        "seed004-b2b-saas.ron",
        Phase::FineTune,
        "matrix.fine_tuning_fit.labelled_examples",
    );
}

#[test]
fn the_air_gapped_defence_contractor_self_hosts() {
    check(
        "defence-air-gapped.ron",
        Phase::SelfHost,
        "matrix.data_residency",
    );
}

#[test]
fn the_data_platform_with_a_200b_token_corpus_pretrains() {
    check(
        "data-platform-pretrain.ron",
        Phase::Pretrain,
        "matrix.pretraining",
    );
}
