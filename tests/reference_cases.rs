//! The figures of `shared/reference-cases.md`, reproduced from the example scenarios a user
//! can open, through the same engine the window and `breakeven report` use.

use std::path::Path;

use breakeven::state::files::load_scenario;
use breakeven_model::Scenario;
use breakeven_model::engine::{CrossingKind, Outcome, Phase, compute};
use breakeven_model::scenario::{InstancePrice, Throughput};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{TokensPerMonth, TokensPerRequest, TokensPerSecond};
use rust_decimal::Decimal;
use rust_decimal::dec;

fn example(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    load_scenario(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn outcome(scenario: &Scenario) -> Outcome {
    compute(scenario).unwrap_or_else(|e| panic!("{e}"))
}

fn cost(outcome: &Outcome, phase: Phase) -> Decimal {
    outcome.costs[phase.index()].total
}

fn crossings(outcome: &Outcome, a: Phase, b: Phase) -> Vec<(CrossingKind, Decimal, Phase)> {
    let pair = outcome
        .break_evens
        .iter()
        .find(|p| p.a == a && p.b == b)
        .expect("every pair is searched");
    pair.crossings
        .iter()
        .map(|c| (c.kind, c.volume, c.cheaper_above))
        .collect()
}

fn set_tokens(scenario: &mut Scenario, total: Decimal) {
    // Keep the example's 70:30 mix.
    let input = total * dec!(0.7);
    scenario.workload.volume = breakeven_model::scenario::Volume::Tokens {
        input_tokens_per_month: Sourced::bare(TokensPerMonth::new(input)),
        output_tokens_per_month: Sourced::bare(TokensPerMonth::new(total - input)),
    };
}

#[test]
fn r1_seed_001_self_hosting_costs_2383_30_and_breaks_even_at_4_7666_billion() {
    let out = outcome(&example("seed001-llama3-8b-on-aws.ron"));
    assert_eq!(cost(&out, Phase::SelfHost), dec!(2383.30));
    let lines = &out.costs[Phase::SelfHost.index()].lines;
    assert_eq!(lines[0].1, dec!(883.30), "the instance");
    assert_eq!(lines[1].1, dec!(1500.00), "the MLOps hours");
    assert_eq!(
        crossings(&out, Phase::Buy, Phase::SelfHost),
        [(CrossingKind::Equal, dec!(4_766_600_000), Phase::SelfHost)]
    );
    assert_eq!(
        out.cheapest,
        Phase::Buy,
        "at 1B tokens a month the API is cheaper"
    );
}

#[test]
fn r1_seed_001_warns_that_one_instance_cannot_serve_its_break_even() {
    let out = outcome(&example("seed001-llama3-8b-on-aws.ron"));
    let warning = out
        .warnings
        .iter()
        .find(|w| w.input == "self_host.hosting.throughput")
        .expect("the unlimited-throughput check");
    assert!(
        warning.message.contains("4,766,600,000"),
        "{}",
        warning.message
    );
    assert!(
        warning.message.contains("g5.2xlarge"),
        "{}",
        warning.message
    );
}

#[test]
fn r1_seed_001_prose_instance_of_870_dollars_breaks_even_at_4_74_billion() {
    let mut scenario = example("seed001-llama3-8b-on-aws.ron");
    scenario.self_host.hosting.price = InstancePrice::Monthly {
        usd_per_month: Sourced::bare(breakeven_model::units::UsdPerMonth::new(dec!(870))),
    };
    let out = outcome(&scenario);
    assert_eq!(cost(&out, Phase::SelfHost), dec!(2370));
    assert_eq!(
        crossings(&out, Phase::Buy, Phase::SelfHost)[0].1,
        dec!(4_740_000_000)
    );
}

#[test]
fn r2_seed_003_tiers_cost_what_the_article_says_and_break_even_at_800_million() {
    let mut scenario = example("seed003-gpt4o-heavy-tier.ron");
    for (tokens, api) in [
        (dec!(10_000_000), dec!(25)),
        (dec!(100_000_000), dec!(250)),
        (dec!(1_000_000_000), dec!(2_500)),
        (dec!(10_000_000_000), dec!(25_000)),
        (dec!(100_000_000_000), dec!(250_000)),
    ] {
        set_tokens(&mut scenario, tokens);
        let out = outcome(&scenario);
        assert_eq!(cost(&out, Phase::Buy), api, "at {tokens} tokens");
        assert_eq!(
            cost(&out, Phase::SelfHost),
            dec!(2_000),
            "the article's flat GPU-month"
        );
        assert_eq!(
            crossings(&out, Phase::Buy, Phase::SelfHost),
            [(CrossingKind::Equal, dec!(800_000_000), Phase::SelfHost)]
        );
    }
}

#[test]
fn r2_seed_003_enterprise_tier_needs_31_h100s_at_1800_tokens_per_second() {
    // The article's $40,000 cluster cannot serve 100B tokens: at 1,800 tokens/s per H100 and
    // 70% utilisation it takes 31 GPUs (reference-cases.md).
    let mut scenario = example("seed003-gpt4o-heavy-tier.ron");
    scenario.workload.volume = breakeven_model::scenario::Volume::Tokens {
        input_tokens_per_month: Sourced::bare(TokensPerMonth::ZERO),
        output_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(100_000_000_000))),
    };
    scenario.self_host.hosting.throughput = Throughput::Measured {
        model: "Llama-3.1-70B FP8".to_owned(),
        output_tokens_per_second: Sourced::bare(TokensPerSecond::new(dec!(1800))),
        concurrency: 16,
        input_tokens_per_request: TokensPerRequest::ZERO,
        output_tokens_per_request: TokensPerRequest::new(Decimal::ONE),
    };
    let out = outcome(&scenario);
    assert_eq!(out.costs[Phase::SelfHost.index()].instances, Some(dec!(31)));
    assert_eq!(cost(&out, Phase::SelfHost), dec!(62_000));
}

#[test]
fn r3_seed_004_users_cost_250_a_day_and_91_250_a_year() {
    let out = outcome(&example("seed004-b2b-saas.ron"));
    assert_eq!(
        out.volume * dec!(12) / dec!(365),
        dec!(25_000_000),
        "25M tokens a day"
    );
    assert_eq!(cost(&out, Phase::Buy).round_dp(2), dec!(7_604.17));
    assert_eq!(out.horizon.months.len(), 12);
    assert_eq!(
        out.horizon.totals[Phase::Buy.index()].round_dp(2),
        dec!(91_250.00)
    );
    assert_eq!(cost(&out, Phase::FineTune), dec!(2_000));
    assert_eq!(out.horizon.totals[Phase::FineTune.index()], dec!(24_000));
}

#[test]
fn r4_seed_002_routing_70_percent_to_a_tenth_of_the_price_costs_0_37() {
    let out = outcome(&example("seed002-route-to-fine-tune.ron"));
    let ratio = cost(&out, Phase::FineTune) / cost(&out, Phase::Buy);
    assert_eq!(ratio, dec!(0.37));
}

#[test]
fn r5_seed_000_margins_are_16_today_and_92_8_percent_after_go_live() {
    let out = outcome(&example("seed000-legal-tech.ron"));
    assert_eq!(cost(&out, Phase::Buy), dec!(140_000));
    let h = &out.horizon;
    let rounded = |m: Option<Decimal>| m.expect("revenue is given").round_dp(4);
    assert_eq!(rounded(h.margin_today), dec!(0.16));
    assert_eq!(
        rounded(h.margin_after_go_live[Phase::FineTune.index()]),
        dec!(0.928)
    );
    assert_eq!(
        rounded(h.margin_after_go_live[Phase::Buy.index()]),
        dec!(0.16)
    );
}

#[test]
fn r5_seed_000_running_alone_the_fine_tune_costs_12_000_against_the_140_000_bill() {
    // The article's "after" figure: the fine-tuned 8B model at $12,000/month, up-front costs
    // left out; its monthly saving is the $128,000 of the simple payback.
    let out = outcome(&example("seed000-legal-tech.ron"));
    let h = &out.horizon;
    assert_eq!(h.running_after_go_live[Phase::Buy.index()], dec!(140_000));
    assert_eq!(
        h.running_after_go_live[Phase::FineTune.index()],
        dec!(12_000)
    );
    for payback in &h.paybacks {
        assert_eq!(
            payback.monthly_saving,
            h.running_after_go_live[Phase::Buy.index()]
                - h.running_after_go_live[payback.phase.index()],
            "{:?}",
            payback.phase
        );
    }
}

#[test]
fn r5_seed_000_margin_after_go_live_waits_for_no_build_but_month_1_does() {
    // With three build months the first month is still on the API (16%, less nothing for
    // staff here); the margin after go-live is still the article's 92.8%.
    let mut scenario = example("seed000-legal-tech.ron");
    scenario.horizon.build_months.value = 3;
    let out = outcome(&scenario);
    let h = &out.horizon;
    let fine_tune = Phase::FineTune.index();
    assert_eq!(
        h.margin_after_go_live[fine_tune].map(|m| m.round_dp(4)),
        Some(dec!(0.928))
    );
    assert_eq!(
        h.months[0].gross_margin[fine_tune].map(|m| m.round_dp(4)),
        Some(dec!(0.16))
    );
}

fn fine_tune_payback(scenario: &Scenario) -> breakeven_model::engine::Payback {
    outcome(scenario)
        .horizon
        .paybacks
        .into_iter()
        .find(|p| p.phase == Phase::FineTune)
        .expect("fine-tune")
}

#[test]
fn r5_seed_000_pays_back_in_2_34_months_simple_and_month_3_in_cash() {
    let payback = fine_tune_payback(&example("seed000-legal-tech.ron"));
    assert_eq!(payback.up_front, dec!(300_000));
    assert_eq!(payback.monthly_saving, dec!(128_000));
    assert_eq!(payback.before_go_live, 0);
    assert_eq!(payback.simple_months, Some(dec!(2.34375)));
    assert_eq!(payback.month, Some(3));
    // With no build time the two agree: the cash month is the one the simple figure falls in.
    assert_eq!(payback.simple_months.map(|m| m.ceil()), Some(dec!(3)));
}

#[test]
fn r5_seed_000_three_build_months_and_two_in_shadow_mode_explain_the_8_month_payback() {
    let mut scenario = example("seed000-legal-tech.ron");
    scenario.horizon.build_months.value = 3;
    scenario.horizon.parallel_run_months.value = 2;
    let payback = fine_tune_payback(&scenario);
    assert_eq!(payback.month, Some(8));
    assert_eq!(payback.before_go_live, 5);
    assert_eq!(payback.after_go_live, Some(dec!(2.34375)));
    assert_eq!(
        payback.simple_months,
        Some(dec!(7.34375)),
        "the simple payback counts the 3 build and 2 parallel months"
    );
    let words = payback.in_words();
    assert!(words.contains("5 months before it runs alone"), "{words}");
    assert!(words.contains("7.34 months from today"), "{words}");
    assert!(words.contains("In cash: month 8"), "{words}");
}

#[test]
fn simple_and_cash_paybacks_differ_by_exactly_the_build_and_parallel_months() {
    let base = fine_tune_payback(&example("seed000-legal-tech.ron"));
    for (build, parallel) in [(1, 0), (0, 1), (3, 2), (6, 4)] {
        let mut scenario = example("seed000-legal-tech.ron");
        scenario.horizon.build_months.value = build;
        scenario.horizon.parallel_run_months.value = parallel;
        let moved = fine_tune_payback(&scenario);
        let lead = Decimal::from(build + parallel);
        assert_eq!(
            moved.simple_months,
            base.simple_months.map(|m| m + lead),
            "build {build}, parallel {parallel}"
        );
    }
}

/// The fine-tune's serving line of seed 000 at `multiple` times its traffic.
fn flat_fee_at(multiple: u32) -> (Decimal, Outcome) {
    let mut scenario = example("seed000-legal-tech.ron");
    set_tokens(
        &mut scenario,
        dec!(14_000_000_000) * Decimal::from(multiple),
    );
    let out = outcome(&scenario);
    let serving = out.costs[Phase::FineTune.index()]
        .lines
        .iter()
        .find(|(label, _)| label.starts_with("Tuned model serving"))
        .map(|(_, amount)| *amount)
        .expect("a serving line");
    (serving, out)
}

#[test]
fn r5_seed_000_flat_fee_steps_up_beyond_the_traffic_it_covers() {
    let (today, out) = flat_fee_at(1);
    assert_eq!(today, dec!(12_000));
    assert!(
        !out.warnings
            .iter()
            .any(|w| w.input == "fine_tune.serving.tokens_per_month"),
        "no warning within the limit"
    );
    for multiple in [8, 28] {
        let (serving, out) = flat_fee_at(multiple);
        assert_eq!(
            serving,
            dec!(12_000) * Decimal::from(multiple),
            "{multiple}x"
        );
        let warning = out
            .warnings
            .iter()
            .find(|w| w.input == "fine_tune.serving.tokens_per_month")
            .expect("a warning beyond the limit");
        assert!(
            warning
                .message
                .contains(&format!("takes {multiple} blocks")),
            "{}",
            warning.message
        );
    }
    // The cost curve steps at each multiple of what the fee covers, not flat to 100T.
    let model = &out.models[Phase::FineTune.index()];
    let below = model.cost_at(dec!(14_000_000_000)).unwrap();
    let above = model.cost_at(dec!(14_000_000_001)).unwrap();
    assert_eq!(above - below, dec!(12_000));
}

#[test]
fn r5_seed_000_flat_fee_steps_up_in_the_cash_view_as_traffic_grows() {
    let mut scenario = example("seed000-legal-tech.ron");
    scenario.workload.growth_percent_per_month.value =
        breakeven_model::units::Percent::new(dec!(10));
    let out = outcome(&scenario);
    let months = &out.horizon.months;
    let ft = Phase::FineTune.index();
    // Month 2 carries 15.4B tokens: two blocks of the fee (no staff, the run paid in month 1).
    assert_eq!(months[1].cash[ft], dec!(24_000));
    let warning = out
        .warnings
        .iter()
        .find(|w| w.input == "fine_tune.serving.tokens_per_month")
        .expect("growth passes the limit");
    assert!(
        warning.message.contains("by month 2"),
        "{}",
        warning.message
    );
}

#[test]
fn a_payback_with_nothing_up_front_says_so_rather_than_dividing_zero() {
    let out = outcome(&example("seed003-gpt4o-heavy-tier.ron"));
    let payback = out
        .horizon
        .paybacks
        .iter()
        .find(|p| p.phase == Phase::SelfHost)
        .expect("self-host");
    assert_eq!(payback.up_front, Decimal::ZERO);
    let words = payback.in_words();
    assert!(
        words.starts_with("Simple: nothing is paid up front"),
        "{words}"
    );
    assert!(!words.contains("$0.00 up front"), "{words}");
}
