//! Every rule on both sides of its threshold, and laws of the recommendation.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::{Decimal, dec};

use super::{Reason, Recommendation, Strength, recommend};
use crate::engine::compute;
use crate::phase::Phase;
use crate::scenario::{
    DataResidency, Differentiator, FrontierVelocity, Gap, Matrix, ProductStage, Retrieval,
    Scenario, Staff, TunedServing, Volume,
};
use crate::sourced::Sourced;
use crate::units::{Count, Percent, Ratio, Tokens, TokensPerMonth, Usd, UsdPerMillionTokens};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

/// The default scenario with nothing answered and an API that costs exactly `spend` a month at
/// 1B tokens.
fn scenario_spending(spend: Decimal) -> Scenario {
    let mut s = Scenario::embedded_default();
    s.matrix = Matrix::default();
    // Every option weighs here, pretraining too (the example leaves it out).
    s.left_out.clear();
    s.workload.volume = Volume::Tokens {
        input_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(700_000_000))),
        output_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(300_000_000))),
    };
    let price = UsdPerMillionTokens::new(spend / dec!(1000));
    s.buy.input_usd_per_1m.value = price;
    s.buy.output_usd_per_1m.value = price;
    s.buy.cached_input_usd_per_1m.value = price;
    s.buy.cached_input_percent.value = Percent::ZERO;
    s.buy.retry_factor.value = Ratio::new(Decimal::ONE);
    s
}

fn plain() -> Scenario {
    scenario_spending(dec!(1000))
}

fn decide(s: &Scenario) -> Recommendation {
    let outcome = compute(s).expect("computes");
    recommend(s, &outcome, today()).expect("recommends")
}

fn reasons<'a>(rec: &'a Recommendation, input: &str) -> Vec<&'a Reason> {
    rec.reasons.iter().filter(|r| r.input == input).collect()
}

fn has(rec: &Recommendation, input: &str, phase: Phase, against: bool) -> bool {
    reasons(rec, input)
        .iter()
        .any(|r| r.for_phase == phase && r.against == against)
}

#[test]
fn before_product_market_fit_buy_wins_whatever_the_cost() {
    let mut s = scenario_spending(dec!(500_000));
    s.matrix.product_stage = Some(ProductStage::BeforeProductMarketFit);
    let rec = decide(&s);
    assert_eq!(rec.phase, Phase::Buy);
    let gate = rec.decided_by().expect("a gate decides");
    assert_eq!(gate.input, "matrix.product_stage");
    assert_eq!(rec.confidence, dec!(0.95));
    s.matrix.product_stage = Some(ProductStage::ProductMarketFit);
    let after = decide(&s);
    assert!(after.decided_by().is_none());
    assert!(
        !after
            .gates
            .iter()
            .any(|g| g.input == "matrix.product_stage")
    );
}

#[test]
fn air_gapped_rules_out_every_api_and_self_hosting_wins() {
    let mut s = plain();
    s.matrix.data_residency = Some(DataResidency::AirGapped);
    s.matrix.product_stage = Some(ProductStage::BeforeProductMarketFit);
    let rec = decide(&s);
    assert_eq!(
        rec.phase,
        Phase::SelfHost,
        "an air gap outranks buying first"
    );
    assert!(rec.ruled_out(Phase::Buy).is_some());
    // A fine-tune that leaves 30% of the traffic on the API sends data out too.
    assert!(
        rec.ruled_out(Phase::FineTune)
            .is_some_and(|g| g.text.contains("70%"))
    );
    // One that keeps all of it on your own instances stays on the table, once the product has
    // found its market.
    s.matrix.product_stage = Some(ProductStage::Scaling);
    s.fine_tune.routed_percent.value = Percent::new(dec!(100));
    s.fine_tune.fallback_percent.value = Percent::ZERO;
    assert!(decide(&s).ruled_out(Phase::FineTune).is_none());
    // A tuned model served by a provider is an API too.
    s.fine_tune.serving = TunedServing::Flat {
        usd_per_month: Sourced::bare(crate::units::UsdPerMonth::new(dec!(100))),
        tokens_per_month: Sourced::bare(crate::units::TokensPerMonth::new(dec!(1_000_000_000))),
        speed: crate::scenario::Speed::default(),
    };
    assert!(decide(&s).ruled_out(Phase::FineTune).is_some());
    // Without the air gap, nothing is ruled out for residency.
    s.matrix.data_residency = Some(DataResidency::Regulated);
    assert!(decide(&s).ruled_out(Phase::Buy).is_none());
}

#[test]
fn regulated_data_favours_your_own_cloud_and_contractual_does_not_decide() {
    let mut s = plain();
    s.matrix.data_residency = Some(DataResidency::Regulated);
    let rec = decide(&s);
    assert!(has(&rec, "matrix.data_residency", Phase::SelfHost, false));
    assert!(has(&rec, "matrix.data_residency", Phase::FineTune, false));
    assert!(has(&rec, "matrix.data_residency", Phase::Buy, true));
    s.matrix.data_residency = Some(DataResidency::Contractual);
    assert!(reasons(&decide(&s), "matrix.data_residency").is_empty());
}

#[test]
fn spend_below_5k_a_month_points_to_buy_and_at_5k_does_not() {
    let below = decide(&scenario_spending(dec!(4999.99)));
    let reason = reasons(&below, "API spend")
        .into_iter()
        .find(|r| r.for_phase == Phase::Buy)
        .expect("below $5K");
    assert_eq!(reason.threshold.as_deref(), Some("$5,000.00/month"));
    assert!(
        reason
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("LLM build vs buy"))
    );
    let at = decide(&scenario_spending(dec!(5000)));
    assert!(
        reasons(&at, "API spend").is_empty(),
        "between $5K and $50K the article says nothing"
    );
}

#[test]
fn spend_at_50k_a_month_says_alternatives_pencil_out() {
    let rec = decide(&scenario_spending(dec!(50_000)));
    assert!(has(&rec, "API spend", Phase::FineTune, false));
    assert!(has(&rec, "API spend", Phase::SelfHost, false));
    assert!(!has(
        &decide(&scenario_spending(dec!(49_999))),
        "API spend",
        Phase::SelfHost,
        false
    ));
}

#[test]
fn seed_004_preset_compares_yearly_spend_in_its_own_unit() {
    let mut s = scenario_spending(dec!(4_200)); // $50,400 a year
    s.rule_preset = crate::preset::PresetChoice::BuiltIn("ai-build-vs-buy-decision".into());
    let rec = decide(&s);
    let r = reasons(&rec, "API spend")
        .into_iter()
        .find(|r| r.for_phase == Phase::FineTune)
        .expect("above $50K/year");
    assert_eq!(r.value, "$50,400.00/year");
    assert_eq!(r.threshold.as_deref(), Some("$50,000.00/year"));
    let mut s = scenario_spending(dec!(4_100)); // $49,200 a year
    s.rule_preset = crate::preset::PresetChoice::BuiltIn("ai-build-vs-buy-decision".into());
    assert!(has(&decide(&s), "API spend", Phase::Buy, false));
}

#[test]
fn the_cheapest_option_counting_everything_gets_a_reason() {
    let rec = decide(&plain());
    let outcome = compute(&plain()).expect("computes");
    assert!(has(&rec, "monthly cost", outcome.cheapest, false));
}

#[test]
fn self_hosting_cheaper_only_on_its_gpu_bill_is_not_cheaper() {
    // The API costs $2,000 a month; the GPU $884.76; with 10 hours of staff at $150 and the rest,
    // self-hosting costs more.
    let mut s = scenario_spending(dec!(2000));
    s.self_host.hosting.throughput = crate::scenario::Throughput::Unlimited;
    s.self_host.hosting.min_instances.value = 1;
    let rec = decide(&s);
    let against = reasons(&rec, "GPU cost")
        .into_iter()
        .find(|r| r.for_phase == Phase::SelfHost && r.against)
        .expect("GPU-only");
    assert!(
        against.text.contains("not a cost that is cheaper"),
        "{}",
        against.text
    );
    assert!(
        against.text.contains("LLM Strategy"),
        "the seed's verdict is quoted on the other side: {}",
        against.text
    );
}

fn with_examples(n: i64) -> Recommendation {
    let mut s = plain();
    s.matrix.fine_tuning_fit.labelled_examples = Some(Sourced::bare(Count::new(Decimal::from(n))));
    decide(&s)
}

#[test]
fn ten_thousand_examples_fit_and_fewer_do_not() {
    let input = "matrix.fine_tuning_fit.labelled_examples";
    assert!(has(&with_examples(10_000), input, Phase::FineTune, false));
    let short = with_examples(9_999);
    assert!(has(&short, input, Phase::FineTune, true));
    assert!(
        short
            .what_would_change
            .iter()
            .any(|t| t.starts_with("1 more labelled example and")),
        "{:?}",
        short.what_would_change
    );
}

#[test]
fn under_500_examples_rules_fine_tuning_out() {
    let input = "matrix.fine_tuning_fit.labelled_examples";
    let few = with_examples(499);
    let gate = few.ruled_out(Phase::FineTune).expect("a gate");
    assert_eq!(gate.input, input);
    assert!(gate.text.contains("overfitting"), "{}", gate.text);
    let enough = with_examples(500);
    assert!(enough.ruled_out(Phase::FineTune).is_none());
    assert_eq!(reasons(&enough, input)[0].strength, Strength::Normal);
}

#[test]
fn facts_are_retrievals_job_and_a_specific_gap_is_fine_tunings() {
    let input = "matrix.fine_tuning_fit.gap";
    let with_gap = |gap| {
        let mut s = plain();
        s.matrix.fine_tuning_fit.gap = Some(gap);
        decide(&s)
    };
    let facts = with_gap(Gap::MissingFacts);
    let gate = facts.ruled_out(Phase::FineTune).expect("a gate");
    assert_eq!(gate.input, input);
    assert!(gate.text.contains("Vector Database"), "{}", gate.text);
    assert!(has(
        &with_gap(Gap::NothingSpecific),
        input,
        Phase::FineTune,
        true
    ));
    assert!(has(
        &with_gap(Gap::OutputFormat),
        input,
        Phase::FineTune,
        false
    ));
}

#[test]
fn a_latency_target_under_200_ms_favours_a_model_of_your_own() {
    let input = "matrix.fine_tuning_fit.latency_target_ms";
    let with_latency = |ms: i64| {
        let mut s = plain();
        s.matrix.fine_tuning_fit.latency_target_ms =
            Some(Sourced::bare(Count::new(Decimal::from(ms))));
        decide(&s)
    };
    let fast = with_latency(199);
    assert!(has(&fast, input, Phase::FineTune, false) && has(&fast, input, Phase::SelfHost, false));
    assert!(reasons(&with_latency(200), input).is_empty());
}

#[test]
fn each_option_s_reply_time_is_set_against_the_latency_target() {
    let input = "matrix.fine_tuning_fit.latency_target_ms";
    let with_target = |ms: i64| {
        let mut s = plain();
        s.workload.reply_tokens = Sourced::bare(crate::units::TokensPerRequest::new(dec!(300)));
        s.buy.speed.first_token_ms = Sourced::bare(Count::new(dec!(500)));
        s.buy.speed.output_tokens_per_second =
            Sourced::bare(crate::units::TokensPerSecond::new(dec!(100)));
        s.matrix.fine_tuning_fit.latency_target_ms =
            Some(Sourced::bare(Count::new(Decimal::from(ms))));
        decide(&s)
    };
    // The API: 500 ms + 300 tokens at 100 a second = 3.5 s. Self-hosting Llama 3 8B on an A10G
    // at concurrency 64: 1,080.42 ms + 300 tokens at 16.2 a second = 19.6 s.
    let tight = with_target(150);
    assert!(has(&tight, input, Phase::Buy, true));
    assert!(has(&tight, input, Phase::SelfHost, true));
    assert!(
        !has(&tight, input, Phase::SelfHost, false),
        "a measured reply time replaces the articles' rule of thumb"
    );
    let text = &reasons(&tight, input)
        .into_iter()
        .find(|r| r.for_phase == Phase::SelfHost)
        .expect("a reason")
        .text;
    assert!(
        text.contains("a 300-token reply takes 19.6 s with Self-host, over the 150 ms target"),
        "{text}"
    );
    // Two figures typed without a note are one source, named once.
    let buy = reasons(&tight, input)
        .into_iter()
        .find(|r| r.for_phase == Phase::Buy)
        .expect("a reason");
    assert_eq!(buy.source.as_deref(), Some("your value"));
    let loose = with_target(30_000);
    let text = &reasons(&loose, input)[0].text;
    assert!(text.contains("within the 30,000 ms target"), "{text}");
    assert!(has(&loose, input, Phase::Buy, false) && has(&loose, input, Phase::SelfHost, false));
    let between = with_target(5_000);
    assert!(has(&between, input, Phase::Buy, false) && has(&between, input, Phase::SelfHost, true));
}

#[test]
fn a_fast_frontier_counts_against_building_and_a_plateau_for_fine_tuning() {
    let input = "matrix.frontier_velocity";
    let with_velocity = |v| {
        let mut s = plain();
        s.matrix.frontier_velocity = Some(v);
        decide(&s)
    };
    let fast = with_velocity(FrontierVelocity::Fast);
    assert!(has(&fast, input, Phase::FineTune, true) && has(&fast, input, Phase::SelfHost, true));
    assert!(has(
        &with_velocity(FrontierVelocity::Plateaued),
        input,
        Phase::FineTune,
        false
    ));
    assert!(reasons(&with_velocity(FrontierVelocity::Moderate), input).is_empty());
}

#[test]
fn a_fast_frontier_with_slow_retraining_is_noticed() {
    let mut s = plain();
    s.matrix.frontier_velocity = Some(FrontierVelocity::Fast);
    s.fine_tune.retrain_every_months.value = 12;
    assert!(
        decide(&s)
            .notices
            .iter()
            .any(|n| n.input == "fine_tune.retrain_every_months")
    );
    s.fine_tune.retrain_every_months.value = 6;
    assert!(
        !decide(&s)
            .notices
            .iter()
            .any(|n| n.input == "fine_tune.retrain_every_months")
    );
}

fn with_team(ml: i64, infra: i64, overloaded: bool) -> Recommendation {
    let mut s = plain();
    s.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(Decimal::from(ml))));
    s.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(Decimal::from(infra))));
    s.matrix.engineering.overloaded = Some(overloaded);
    decide(&s)
}

#[test]
fn self_hosting_needs_five_people_and_a_team_with_time() {
    assert!(has(
        &with_team(2, 2, false),
        "matrix.engineering",
        Phase::SelfHost,
        true
    ));
    assert!(!has(
        &with_team(2, 3, false),
        "matrix.engineering",
        Phase::SelfHost,
        true
    ));
    let busy = with_team(4, 4, true);
    assert!(has(
        &busy,
        "matrix.engineering.overloaded",
        Phase::SelfHost,
        true
    ));
    assert!(has(
        &busy,
        "matrix.engineering.overloaded",
        Phase::FineTune,
        true
    ));
    assert!(has(
        &with_team(1, 4, false),
        "matrix.engineering.ml_people",
        Phase::FineTune,
        true
    ));
    assert!(!has(
        &with_team(2, 4, false),
        "matrix.engineering.ml_people",
        Phase::FineTune,
        true
    ));
}

#[test]
fn a_self_hosting_cost_that_pays_for_ten_hours_a_month_is_flagged() {
    let mut s = plain();
    let rec = decide(&s);
    let r = reasons(&rec, "self_host.staff")
        .into_iter()
        .next()
        .expect("10 hours a month is 0.06 people");
    assert_eq!(r.value, "0.06 people");
    s.self_host.staff = Staff::People {
        people: Sourced::bare(Count::new(dec!(5))),
        loaded_usd_per_year: Sourced::bare(crate::units::UsdPerYear::new(dec!(300_000))),
    };
    assert!(reasons(&decide(&s), "self_host.staff").is_empty());
}

fn ready_to_pretrain() -> Scenario {
    let mut s = plain();
    let p = &mut s.matrix.pretraining;
    p.unique_corpus_tokens = Some(Sourced::bare(Tokens::new(dec!(100_000_000_000))));
    p.platform = Some(true);
    p.domain_poorly_served = Some(true);
    p.budget_usd = Some(Sourced::bare(Usd::new(dec!(5_000_000))));
    p.months_available = Some(Sourced::bare(12));
    s
}

#[test]
fn pretraining_needs_every_condition() {
    assert_eq!(decide(&ready_to_pretrain()).phase, Phase::Pretrain);
    let breakers: [fn(&mut Scenario); 5] = [
        |s| {
            s.matrix.pretraining.unique_corpus_tokens =
                Some(Sourced::bare(Tokens::new(dec!(99_999_999_999))));
        },
        |s| s.matrix.pretraining.platform = Some(false),
        |s| s.matrix.pretraining.domain_poorly_served = None,
        |s| s.matrix.pretraining.budget_usd = Some(Sourced::bare(Usd::new(dec!(4_999_999)))),
        |s| s.matrix.pretraining.months_available = Some(Sourced::bare(11)),
    ];
    for breaker in breakers {
        let mut s = ready_to_pretrain();
        breaker(&mut s);
        let rec = decide(&s);
        assert_ne!(rec.phase, Phase::Pretrain);
        assert!(
            rec.ruled_out(Phase::Pretrain)
                .is_some_and(|g| g.text.contains("missing"))
        );
    }
}

#[test]
fn a_review_is_due_after_6_months_and_overdue_after_9() {
    let mut s = plain();
    let notice = |s: &Scenario, today: NaiveDate| {
        let outcome = compute(s).expect("computes");
        recommend(s, &outcome, today)
            .expect("recommends")
            .notices
            .into_iter()
            .find(|n| n.input == "last_reviewed")
    };
    s.last_reviewed = NaiveDate::from_ymd_opt(2026, 5, 25).expect("a date");
    assert!(notice(&s, today()).is_none(), "six months less a day");
    s.last_reviewed = NaiveDate::from_ymd_opt(2026, 5, 24).expect("a date");
    assert!(notice(&s, today()).is_some_and(|n| n.text.starts_with("Review due")));
    s.last_reviewed = NaiveDate::from_ymd_opt(2026, 2, 24).expect("a date");
    assert!(notice(&s, today()).is_some_and(|n| n.text.starts_with("Review overdue")));
}

#[test]
fn confidence_grows_with_the_margin_and_falls_near_a_flip() {
    use super::firmness::{Distance, confidence};
    assert_eq!(confidence(0, false, &[]), Decimal::ZERO);
    assert_eq!(confidence(2, false, &[]), dec!(0.5));
    assert_eq!(confidence(6, false, &[]), dec!(0.75));
    assert_eq!(confidence(0, true, &[]), dec!(0.95));
    let near = Distance {
        input: String::new(),
        value: String::new(),
        flips_at: String::new(),
        factor: Some(dec!(1.2)),
        text: String::new(),
    };
    assert_eq!(confidence(2, false, &[near]), dec!(0.4));
}

prop_compose! {
    fn answered()(
        residency in prop::option::of(prop_oneof![Just(DataResidency::NoConstraint), Just(DataResidency::Contractual), Just(DataResidency::Regulated), Just(DataResidency::AirGapped)]),
        stage in prop::option::of(prop_oneof![Just(ProductStage::BeforeProductMarketFit), Just(ProductStage::ProductMarketFit), Just(ProductStage::Scaling)]),
        velocity in prop::option::of(prop_oneof![Just(FrontierVelocity::Fast), Just(FrontierVelocity::Moderate), Just(FrontierVelocity::Plateaued)]),
        examples in prop::option::of(0_i64..50_000),
        people in prop::option::of((0_i64..10, 0_i64..10, any::<bool>())),
        spend in 1_i64..200_000,
        corpus in prop::option::of(0_i64..400),
        newer in (0_u8..3, 0_u8..4, 0_u8..3, 0_u8..7, prop::array::uniform4(0_u8..3)),
    ) -> Scenario {
        let mut s = scenario_spending(Decimal::from(spend));
        s.matrix.data_residency = residency;
        s.matrix.product_stage = stage;
        s.matrix.frontier_velocity = velocity;
        s.matrix.fine_tuning_fit.labelled_examples = examples.map(|n| Sourced::bare(Count::new(Decimal::from(n))));
        if let Some((ml, infra, busy)) = people {
            s.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(Decimal::from(ml))));
            s.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(Decimal::from(infra))));
            s.matrix.engineering.overloaded = Some(busy);
        }
        let (differentiator, retrieval, workhorse, gap, moat) = newer;
        let yes_no = |n: u8| [None, Some(true), Some(false)][usize::from(n)];
        s.matrix.differentiator = [None, Some(Differentiator::AroundTheModel), Some(Differentiator::InTheModel)][usize::from(differentiator)];
        s.matrix.retrieval = [None, Some(Retrieval::NotTried), Some(Retrieval::ReachesQuality), Some(Retrieval::FallsShort)][usize::from(retrieval)];
        s.matrix.workhorse_would_do = yes_no(workhorse);
        s.matrix.fine_tuning_fit.gap = [None, Some(Gap::OutputFormat), Some(Gap::DomainVocabulary), Some(Gap::Style), Some(Gap::Latency), Some(Gap::MissingFacts), Some(Gap::NothingSpecific)][usize::from(gap)];
        s.matrix.data_moat.proprietary = yes_no(moat[0]);
        s.matrix.data_moat.growing = yes_no(moat[1]);
        s.matrix.data_moat.expert_labelled = yes_no(moat[2]);
        s.matrix.data_moat.perishable = yes_no(moat[3]);
        if let Some(billions) = corpus {
            s = { let mut r = ready_to_pretrain(); r.matrix.pretraining.unique_corpus_tokens = Some(Sourced::bare(Tokens::new(Decimal::from(billions) * dec!(1_000_000_000)))); r.matrix.data_residency = s.matrix.data_residency; r };
        }
        s
    }
}

proptest! {
    #[test]
    fn every_recommendation_has_a_reason_for_its_phase_and_never_an_excluded_phase(s in answered()) {
        let rec = decide(&s);
        prop_assert!(rec.reasons.iter().any(|r| r.for_phase == rec.phase && !r.against) || rec.settled_by_gates(),
            "{:?} with no reason for it: {:?}", rec.phase, rec.reasons);
        prop_assert!(rec.ruled_out(rec.phase).is_none());
        prop_assert!(rec.reasons.iter().all(|r| rec.ruled_out(r.for_phase).is_none()), "a weighed reason for a phase ruled out");
        prop_assert!(rec.confidence >= Decimal::ZERO && rec.confidence <= Decimal::ONE);
        for reason in &rec.reasons {
            prop_assert!(!reason.text.is_empty() && !reason.input.is_empty() && !reason.value.is_empty());
        }
    }

    /// A Monte Carlo sample weighs without writing the reasons out: the same scores and the
    /// same phase as the recommendation written in full.
    #[test]
    fn weighing_without_words_gives_the_written_scores(s in answered()) {
        let outcome = compute(&s).expect("computes");
        let rec = recommend(&s, &outcome, today()).expect("recommends");
        let unwritten = super::weigh(&s, &outcome, true).expect("weighs");
        prop_assert_eq!(unwritten.scores, rec.scores);
        prop_assert_eq!(unwritten.phase, rec.phase);
    }
}

#[test]
fn a_custom_preset_saved_in_the_scenario_sets_its_own_thresholds() {
    let mut s = scenario_spending(dec!(2_000));
    let mut own = crate::preset::PresetChoice::default().resolve().clone();
    own.id = "ours".into();
    own.name = "Our finance team's rule".into();
    own.spend = vec![crate::preset::SpendThreshold {
        usd: Usd::new(dec!(1_500)),
        per: crate::preset::Period::Month,
        below: None,
        above: vec![Phase::FineTune],
        says: "Above $1,500/month we look at fine-tuning.".into(),
        source: "Finance, 2026-10".into(),
    }];
    s.rule_preset = crate::preset::PresetChoice::Custom(Box::new(own));
    let rec = decide(&s);
    let r = reasons(&rec, "API spend")
        .into_iter()
        .next()
        .expect("our threshold");
    assert_eq!(
        (r.for_phase, r.source.as_deref()),
        (Phase::FineTune, Some("Finance, 2026-10"))
    );
    // It is saved with the scenario and comes back the same.
    let text = crate::scenario::to_ron_string(&s).expect("writes");
    assert_eq!(
        crate::scenario::from_ron_str(&text).map(|back| back.rule_preset),
        Ok(s.rule_preset)
    );
}

#[test]
fn an_unknown_built_in_preset_is_a_validation_problem() {
    let mut s = plain();
    s.rule_preset = crate::preset::PresetChoice::BuiltIn("made-up".into());
    let problems = crate::scenario::validate(&s);
    assert_eq!(problems[0].path, "rule_preset");
    assert!(
        problems[0].message.contains("questions-that-matter"),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_yearly_spend_too_large_to_hold_is_an_error_naming_the_api_not_a_panic() {
    let mut s = plain();
    s.rule_preset = crate::preset::PresetChoice::BuiltIn("ai-build-vs-buy-decision".into());
    let mut outcome = compute(&s).expect("computes");
    outcome.api_spend = Decimal::MAX;
    let error = recommend(&s, &outcome, today()).expect_err("twelve times the largest decimal");
    assert_eq!(error.path, "buy");
}

#[test]
fn a_team_too_large_to_add_up_is_an_error_naming_it_not_a_panic() {
    let mut s = plain();
    s.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(Decimal::MAX)));
    s.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(Decimal::ONE)));
    let outcome = compute(&s).expect("computes");
    let error = recommend(&s, &outcome, today()).expect_err("too many people to add up");
    assert_eq!(error.path, "matrix.engineering");
}

#[test]
fn up_front_costs_too_large_to_add_up_say_so_in_the_matrix() {
    let mut s = plain();
    let outcome = compute(&s).expect("computes");
    s.fine_tune.curation_usd_per_run.value = Usd::new(Decimal::MAX);
    s.fine_tune.training_usd_per_run.value = Usd::new(Decimal::MAX);
    s.pretrain.corpus_usd.value = Usd::new(Decimal::MAX);
    s.pretrain.compute_usd.value = Usd::new(Decimal::MAX);
    let rows = super::matrix_rows(&s, &outcome, s.rule_preset.resolve());
    let up_front = rows
        .iter()
        .find(|row| row.criterion == "Up-front cost")
        .expect("an up-front row");
    assert_eq!(up_front.cells[1], "too large to add up exactly");
    assert_eq!(up_front.cells[3], "too large to add up exactly");
}

#[test]
fn a_lead_too_large_to_hold_leaves_the_sensitivity_table_empty() {
    let s = plain();
    let mut outcome = compute(&s).expect("computes");
    assert!(!super::sensitivity(&s, &outcome, Phase::Buy, today()).is_empty());
    outcome.cheapest = Phase::Buy;
    for cost in &mut outcome.costs {
        cost.total = Decimal::MAX;
    }
    outcome.costs[Phase::Buy.index()].total = Decimal::MIN;
    assert!(super::sensitivity(&s, &outcome, Phase::Buy, today()).is_empty());
}

/// The gates, each on both sides of its threshold, and the questions issue 15 added.
mod questions;
