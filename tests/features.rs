//! Several features in one scenario: each feature's figures, the portfolio with shared costs
//! counted once, and the roadmap, read through the same evaluation the window and `breakeven
//! report` use.

use std::path::{Path, PathBuf};

use breakeven::state::files::load_scenario;
use breakeven_model::Scenario;
use breakeven_model::engine::Phase;
use breakeven_model::portfolio::{Portfolio, Why, to_cents};
use breakeven_model::report::Format;
use breakeven_model::scenario::{Volume, load_str};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{Percent, TokensPerMonth};
use breakeven_model::{Evaluation, evaluate};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::dec;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date")
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"))
            .expect("the examples")
            .map(|e| e.expect("an entry").path())
            .collect();
    files.sort();
    files
}

fn example(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    load_scenario(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn evaluated(scenario: &Scenario) -> Evaluation {
    evaluate(scenario, today()).unwrap_or_else(|e| panic!("{e}"))
}

fn portfolio(evaluation: &Evaluation) -> &Portfolio {
    evaluation.portfolio().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_scenario_of_one_feature_gives_its_own_figures_exactly() {
    let mut seen = 0;
    for file in examples() {
        let scenario = load_scenario(&file).unwrap_or_else(|e| panic!("{e}"));
        if scenario.has_features() {
            continue;
        }
        seen += 1;
        let evaluation = evaluated(&scenario);
        let p = portfolio(&evaluation);
        assert_eq!(p.features.len(), 1, "{}", file.display());
        for phase in Phase::ALL {
            let group = p.all_on(phase).expect("every option");
            assert_eq!(
                group.total,
                evaluation.outcome.costs[phase.index()].total,
                "{}: {phase:?}",
                file.display()
            );
            assert_eq!(
                group.instances,
                evaluation.outcome.costs[phase.index()].instances,
                "{}: {phase:?}",
                file.display()
            );
        }
        let recommended = evaluation.recommendation.phase;
        assert_eq!(p.mix.len(), 1);
        assert_eq!(p.mix[0].phase, recommended, "{}", file.display());
        assert_eq!(
            p.mix_total,
            evaluation.outcome.costs[recommended.index()].total,
            "{}",
            file.display()
        );
        assert_eq!(p.api_spend, evaluation.outcome.api_spend);
    }
    assert!(seen >= 9, "only {seen} examples of one feature");
}

#[test]
fn every_example_of_version_8_reads_as_a_scenario_of_one_feature() {
    for file in examples() {
        let text = std::fs::read_to_string(&file).expect("readable");
        let current = load_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if current.scenario.has_features() {
            continue;
        }
        let old = text.replacen("version: 9,", "version: 8,", 1);
        let migrated = load_str(&old).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(migrated.migrated_from, Some(8), "{}", file.display());
        assert_eq!(migrated.scenario, current.scenario, "{}", file.display());
        assert_eq!(migrated.scenario.feature_count(), 1);
    }
    let first =
        load_scenario(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/version1.ron"))
            .expect("a version 1 file reads");
    assert_eq!(first.feature_count(), 1);
    assert_eq!(first.feature_name(0), Some("All traffic"));
}

#[test]
fn routing_by_feature_costs_what_routing_within_one_workload_costs() {
    // "LLM build vs buy: the questions that actually matter": 0.30 + 0.70 × 0.1 = 0.37.
    let single = evaluated(&example("seed002-route-to-fine-tune.ron"));
    let by_feature = evaluated(&example("seed002-route-by-feature.ron"));
    let p = portfolio(&by_feature);
    let on_api = p.all_on(Phase::Buy).expect("Buy").total;
    assert_eq!(on_api, dec!(6600));
    assert_eq!(p.mix_total, dec!(2442));
    assert_eq!(p.mix_total, on_api * dec!(0.37));
    assert_eq!(
        p.mix_total,
        single.outcome.costs[Phase::FineTune.index()].total
    );
    let phases: Vec<(&str, Phase)> = p
        .features
        .iter()
        .map(|f| (f.name.as_str(), f.phase()))
        .collect();
    assert_eq!(
        phases,
        [
            ("Repetitive, structured tasks", Phase::FineTune),
            ("Hard cases", Phase::Buy)
        ]
    );
    assert_eq!(p.saving_cents().expect("cents"), dec!(4158));
}

/// The default example with a second feature exactly like its first.
fn twins() -> Scenario {
    let mut s = example("default.ron");
    s.set_on_the_table(Phase::Pretrain, true);
    let mut copy = s.feature_parts(0).expect("a first feature");
    copy.name = "Twin".into();
    s.more_features.push(copy);
    s
}

#[test]
fn a_team_and_its_instances_serve_every_feature_moved_to_them_once() {
    let alone = evaluated(&example("default.ron"));
    let both = evaluated(&twins());
    let p = portfolio(&both);
    let self_host = p.all_on(Phase::SelfHost).expect("Self-host");
    let one = &alone.outcome.costs[Phase::SelfHost.index()];
    let model = &alone.outcome.models[Phase::SelfHost.index()];
    let per_instance: Decimal = model.lines.iter().map(|l| l.per_instance).sum();
    let one_count = one.instances.expect("instances");
    let two_count = self_host.instances.expect("instances");
    // Sized for the sum of the two peaks, rounded up once.
    let breakeven_model::engine::Instances::Stair(stair) = &model.instances else {
        panic!("a staircase");
    };
    let load = alone.outcome.volume * dec!(2) / stair.width;
    assert_eq!(two_count, load.ceil().max(stair.min));
    // The people, security and setup once: the second feature adds only instances.
    assert_eq!(
        self_host.total - one.total,
        per_instance * (two_count - one_count)
    );
    assert!(self_host.total < one.total * dec!(2));
    // Each feature's tuned model has its own training runs; the ML staff is shared.
    let fine_tune = p.all_on(Phase::FineTune).expect("Fine-tune");
    let runs: Decimal = alone.outcome.models[Phase::FineTune.index()]
        .lines
        .iter()
        .filter(|l| l.counted == breakeven_model::engine::Counted::EachFeature)
        .map(|l| l.fixed)
        .sum();
    assert!(runs > Decimal::ZERO);
    for own in &fine_tune.own {
        assert!(
            *own >= runs,
            "each feature pays its own runs: {own} < {runs}"
        );
    }
}

#[test]
fn the_api_account_is_paid_once_when_features_on_buy_and_on_a_fine_tune_both_keep_the_api() {
    let mut s = example("seed002-route-by-feature.ron");
    // The fine-tune sends 5% of what it is routed back to the API, so it keeps the API too.
    s.fine_tune.fallback_percent = Sourced::bare(Percent::new(dec!(5)));
    s.buy.fixed.platform_usd_per_month =
        Sourced::bare(breakeven_model::units::UsdPerMonth::new(dec!(500)));
    s.buy.fixed.committed_usd_per_month =
        Sourced::bare(breakeven_model::units::UsdPerMonth::new(dec!(3000)));
    let evaluation = evaluated(&s);
    let p = portfolio(&evaluation);
    let phases: Vec<Phase> = p
        .features
        .iter()
        .map(breakeven_model::portfolio::FeatureFigures::phase)
        .collect();
    assert_eq!(phases, [Phase::FineTune, Phase::Buy]);
    // The hard cases' $1,980 on Buy and the structured tasks' 5% fallback, $231, count towards
    // the $3,000 committed: $789 more, and the $500 platform fee, once.
    assert_eq!(p.mix_account, dec!(1289));
    let groups: Decimal = p.mix.iter().map(|g| g.total).sum();
    assert_eq!(p.mix_total, groups + dec!(1289));
    let buy = p.mix.iter().find(|g| g.phase == Phase::Buy).expect("Buy");
    assert_eq!(
        buy.total,
        dec!(1980),
        "Buy's group is its tokens: the account is apart"
    );
}

#[test]
fn a_growing_feature_moves_in_the_month_its_spend_passes_the_threshold() {
    // "Build vs Buy: Should we fine-tune…": move when the task's spend passes $20,000/month.
    for (growth, input_billions) in [
        (dec!(8), dec!(2.4)),
        (dec!(5), dec!(2.4)),
        (dec!(10), dec!(3.2)),
    ] {
        let mut s = example("three-features-roadmap.ron");
        s.horizon.api_price_change_percent_per_year = Sourced::bare(Percent::new(Decimal::ZERO));
        s.workload.growth_percent_per_month = Sourced::bare(Percent::new(growth));
        if let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &mut s.workload.volume
        {
            input_tokens_per_month.value =
                TokensPerMonth::new(input_billions * dec!(1_000_000_000));
        }
        let evaluation = evaluated(&s);
        let spend = evaluation.outcome.api_spend;
        // The closed form: spend × (1 + g)^(m − 1) ≥ $20,000 first in month m.
        let ratio = (20_000.0 / spend.to_string().parse::<f64>().expect("a number")).ln();
        let rate = (1.0 + growth.to_string().parse::<f64>().expect("a number") / 100.0).ln();
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a month from 1 to 36"
        )]
        let month = 1 + (ratio / rate).ceil() as u32;
        let p = portfolio(&evaluation);
        let first = p.roadmap.rows[0].moves.first().expect("a move");
        assert_eq!(first.to, Phase::FineTune, "growth {growth}%");
        assert_eq!(first.justified, month, "growth {growth}%, spend {spend}");
        assert!(
            matches!(&first.why, Why::Spend { usd, rising: true, .. } if *usd == dec!(20000)),
            "{:?}",
            first.why
        );
        // Built for 2 months and run beside the API for 1 before it.
        assert_eq!((first.start, first.live), (month - 3, month));
    }
}

#[test]
fn the_example_of_three_features_says_when_each_moves() {
    let evaluation = evaluated(&example("three-features-roadmap.ron"));
    let p = portfolio(&evaluation);
    let sentences: Vec<String> = p.roadmap.moves().iter().map(|m| m.sentence()).collect();
    assert_eq!(
        sentences,
        [
            "Contract extraction: fine-tune from month 9, when its API spend passes $20,000/month; start building in month 6.",
            "Search summaries: fine-tune from month 17, when its API spend passes $20,000/month; start building in month 14.",
        ]
    );
    assert_eq!(p.pareto_names(), ["Contract extraction", "Support chat"]);
    let json: serde_json::Value =
        serde_json::from_str(&evaluation.render(Format::Json)).expect("JSON");
    assert_eq!(json["roadmap"][0]["feature"], "Contract extraction");
    assert_eq!(json["roadmap"][0]["month"], 9);
    assert_eq!(json["roadmap"][0]["phase"], "FineTune");
    assert_eq!(json["features"][1]["name"], "Support chat");
    assert_eq!(json["features"][1]["phase"], "Buy");
    assert_eq!(json["features"][0]["share_of_spend_percent"], "55.00");
}

fn decimal(value: &serde_json::Value) -> Decimal {
    value
        .as_str()
        .unwrap_or_else(|| panic!("a string: {value}"))
        .parse()
        .expect("a decimal")
}

/// The three-feature example with each feature's traffic scaled and its growth set, and the
/// first `keep` features kept.
fn varied(scales: &[(u32, u32)], keep: usize, min_instances: u32) -> Scenario {
    let mut s = example("three-features-roadmap.ron");
    s.set_on_the_table(Phase::Pretrain, true);
    s.self_host.hosting.min_instances = Sourced::bare(min_instances);
    let mut features = s.features();
    features.truncate(keep);
    for (f, (scale, growth)) in features.iter_mut().zip(scales) {
        if let Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } = &mut f.workload.volume
        {
            let factor = Decimal::from(*scale) / dec!(100);
            input_tokens_per_month.value =
                TokensPerMonth::new((input_tokens_per_month.value.get() * factor).round());
            output_tokens_per_month.value =
                TokensPerMonth::new((output_tokens_per_month.value.get() * factor).round());
        }
        f.workload.growth_percent_per_month = Sourced::bare(Percent::new(Decimal::from(*growth)));
    }
    s.set_features(features);
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Every figure of the whole is its features' own parts and the shared costs, counted once,
    /// to the cent, as computed and as printed; and putting features together never costs more
    /// than running each alone.
    #[test]
    fn the_whole_is_the_sum_of_its_features_and_shared_costs_once(
        scales in proptest::collection::vec((1_u32..=10_000, 0_u32..=20), 3),
        keep in 1_usize..=3,
        min_instances in 0_u32..=3,
    ) {
        let scenario = varied(&scales, keep, min_instances);
        let evaluation = evaluated(&scenario);
        let p = portfolio(&evaluation);
        for group in p.mix.iter().chain(&p.all_on) {
            let added = group.own.iter().fold(group.shared, |sum, own| sum + own);
            prop_assert_eq!(group.total, added);
            let cents = group.cents().expect("cents");
            let printed: Decimal = cents.own.iter().sum();
            prop_assert_eq!(cents.total, cents.shared + printed);
            prop_assert_eq!(cents.total, to_cents(group.total));
            // Each printed figure is within half a cent of its own, the total's too.
            prop_assert!((cents.shared - group.shared).abs() <= dec!(0.005) * Decimal::from(group.own.len() + 1));
        }
        for group in &p.all_on {
            let alone: Decimal = p
                .features
                .iter()
                .map(|f| f.evaluation.outcome.costs[group.phase.index()].total)
                .sum();
            prop_assert!(group.total <= alone, "{:?}: {} > {}", group.phase, group.total, alone);
        }
        let mix: Decimal = p.mix.iter().map(|g| g.total).sum::<Decimal>() + p.mix_account;
        prop_assert_eq!(p.mix_total, mix);

        let features_in_mix: usize = p.mix.iter().map(|g| g.features.len()).sum();
        prop_assert_eq!(features_in_mix, p.features.len());

        // The JSON a script reads adds up the same way.
        let json: serde_json::Value =
            serde_json::from_str(&evaluation.render(Format::Json)).expect("JSON");
        let portfolio = &json["portfolio"];
        let mut mix_printed = decimal(&portfolio["api_account_usd_per_month"]);
        for group in portfolio["mix"].as_array().expect("groups") {
            let own: Decimal = group["own_usd_per_month"].as_array().expect("parts").iter().map(decimal).sum();
            prop_assert_eq!(decimal(&group["monthly_usd"]), own + decimal(&group["shared_usd_per_month"]));
            mix_printed += decimal(&group["monthly_usd"]);
        }
        prop_assert_eq!(decimal(&portfolio["monthly_usd"]), mix_printed);
        for group in portfolio["all_on"].as_array().expect("groups") {
            let own: Decimal = group["own_usd_per_month"].as_array().expect("parts").iter().map(decimal).sum();
            prop_assert_eq!(decimal(&group["monthly_usd"]), own + decimal(&group["shared_usd_per_month"]));
        }
        let buy = portfolio["all_on"].as_array().expect("groups").iter()
            .find(|g| g["option"] == "Buy").expect("Buy");
        prop_assert_eq!(
            decimal(&portfolio["saving_usd_per_month"]),
            decimal(&buy["monthly_usd"]) - decimal(&portfolio["monthly_usd"])
        );
        let spend: Decimal = json["features"].as_array().expect("features").iter()
            .map(|f| decimal(&f["api_spend_usd_per_month"])).sum();
        prop_assert_eq!(spend, decimal(&portfolio["api_spend_usd_per_month"]));
    }
}
