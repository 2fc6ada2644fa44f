//! The facts that settle a question before anything is weighed, on both sides of each; the
//! questions the articles call decisive; costs that argue on both sides and over the horizon.

use rust_decimal::{Decimal, dec};

use super::{decide, has, plain, reasons, scenario_spending};
use crate::catalog::Catalog;
use crate::decision::{GateEffect, Strength};
use crate::phase::Phase;
use crate::scenario::{
    DataResidency, Differentiator, FrontierVelocity, Gap, Retrieval, Scenario, Throughput,
    TunedServing,
};
use crate::sourced::Sourced;
use crate::units::{Count, Percent, UsdPerMillionTokens, UsdPerMonth};

/// Everything argues for fine-tuning: spend far above every threshold, a plateaued domain, a
/// cheap fine-tune that keeps all traffic, the data to train it and the team to run it.
fn everything_for_fine_tuning() -> Scenario {
    let mut s = scenario_spending(dec!(100_000));
    let fit = &mut s.matrix.fine_tuning_fit;
    fit.gap = Some(Gap::OutputFormat);
    fit.labelled_examples = Some(Sourced::bare(Count::new(dec!(50_000))));
    s.matrix.frontier_velocity = Some(FrontierVelocity::Plateaued);
    s.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(dec!(3))));
    s.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(dec!(1))));
    s.fine_tune.routed_percent.value = Percent::new(dec!(100));
    s.fine_tune.fallback_percent.value = Percent::ZERO;
    s.fine_tune.serving = TunedServing::Flat {
        usd_per_month: Sourced::bare(UsdPerMonth::new(dec!(2_000))),
        tokens_per_month: Sourced::bare(crate::units::TokensPerMonth::new(dec!(
            10_000_000_000_000
        ))),
        speed: crate::scenario::Speed::default(),
    };
    s
}

#[test]
fn the_baseline_for_these_tests_is_a_fine_tune() {
    assert_eq!(decide(&everything_for_fine_tuning()).phase, Phase::FineTune);
}

#[test]
fn facts_the_model_lacks_are_never_outvoted_by_spend_or_cost() {
    let mut s = everything_for_fine_tuning();
    s.matrix.fine_tuning_fit.gap = Some(Gap::MissingFacts);
    let rec = decide(&s);
    assert_ne!(rec.phase, Phase::FineTune, "{:#?}", rec.reasons);
    assert!(rec.ruled_out(Phase::FineTune).is_some());
    assert!(
        !rec.reasons.iter().any(|r| r.for_phase == Phase::FineTune),
        "a phase ruled out is not weighed"
    );
}

#[test]
fn four_hundred_examples_are_never_outvoted() {
    let mut s = everything_for_fine_tuning();
    s.matrix.fine_tuning_fit.labelled_examples = Some(Sourced::bare(Count::new(dec!(400))));
    let rec = decide(&s);
    assert_ne!(rec.phase, Phase::FineTune);
    assert!(
        rec.ruled_out(Phase::FineTune)
            .is_some_and(|g| g.text.contains("right to fine-tune"))
    );
}

#[test]
fn retrieval_that_reaches_the_quality_rules_fine_tuning_out_and_one_not_tried_weighs_against() {
    let with = |answer| {
        let mut s = everything_for_fine_tuning();
        s.matrix.retrieval = Some(answer);
        decide(&s)
    };
    let reaches = with(Retrieval::ReachesQuality);
    assert_ne!(reaches.phase, Phase::FineTune);
    assert!(
        reaches
            .ruled_out(Phase::FineTune)
            .is_some_and(|g| g.text.contains("Start with RAG"))
    );
    let untried = with(Retrieval::NotTried);
    assert!(has(&untried, "matrix.retrieval", Phase::FineTune, true));
    assert!(
        untried.next_steps[0].text.contains("Try retrieval"),
        "{:?}",
        untried.next_steps
    );
    assert!(has(
        &with(Retrieval::FallsShort),
        "matrix.retrieval",
        Phase::FineTune,
        false
    ));
    assert!(
        decide(&everything_for_fine_tuning())
            .what_would_change
            .iter()
            .any(|t| t.contains("does retrieval reach")),
        "unanswered, it could change the answer"
    );
}

#[test]
fn a_differentiator_around_the_model_buys_even_at_high_spend() {
    let mut s = everything_for_fine_tuning();
    s.matrix.differentiator = Some(Differentiator::AroundTheModel);
    let rec = decide(&s);
    assert_eq!(rec.phase, Phase::Buy, "{:#?}", rec.gates);
    for phase in [Phase::FineTune, Phase::SelfHost, Phase::Pretrain] {
        assert!(rec.ruled_out(phase).is_some(), "{phase:?}");
    }
    // Compliance still decides hosting: regulated data keeps self-hosting on the table.
    s.matrix.data_residency = Some(DataResidency::Regulated);
    let regulated = decide(&s);
    assert!(regulated.ruled_out(Phase::SelfHost).is_none());
    assert!(regulated.ruled_out(Phase::FineTune).is_some());
    // In the model, it argues for fine-tuning and against owning no weights.
    let mut s = plain();
    s.matrix.differentiator = Some(Differentiator::InTheModel);
    let rec = decide(&s);
    assert!(has(&rec, "matrix.differentiator", Phase::FineTune, false));
    assert!(has(&rec, "matrix.differentiator", Phase::Buy, true));
    assert!(rec.gates.iter().all(|g| g.input != "matrix.differentiator"));
}

#[test]
fn the_data_moat_test_weighs_on_fine_tuning_and_decides_part_of_pretraining() {
    let mut s = plain();
    let moat = &mut s.matrix.data_moat;
    moat.proprietary = Some(true);
    moat.growing = Some(true);
    moat.expert_labelled = Some(true);
    let rec = decide(&s);
    let r = reasons(&rec, "matrix.data_moat")[0];
    assert_eq!(
        (r.for_phase, r.against, r.strength),
        (Phase::FineTune, false, Strength::Strong)
    );
    s.matrix.data_moat.expert_labelled = Some(false);
    assert_eq!(
        reasons(&decide(&s), "matrix.data_moat")[0].strength,
        Strength::Normal
    );
    s.matrix.data_moat.growing = None;
    assert!(
        reasons(&decide(&s), "matrix.data_moat").is_empty(),
        "one sign is no moat"
    );
    s.matrix.data_moat.proprietary = Some(false);
    assert!(has(&decide(&s), "matrix.data_moat", Phase::FineTune, true));
    // Pretraining with every condition but public data, or perishable data, is ruled out.
    let mut ready = super::ready_to_pretrain();
    assert_eq!(decide(&ready).phase, Phase::Pretrain);
    ready.matrix.data_moat.proprietary = Some(false);
    assert!(decide(&ready).ruled_out(Phase::Pretrain).is_some());
    ready.matrix.data_moat.proprietary = Some(true);
    ready.matrix.data_moat.perishable = Some(true);
    assert!(
        decide(&ready)
            .ruled_out(Phase::Pretrain)
            .is_some_and(|g| g.text.contains("perishable"))
    );
}

/// The default scenario's workload priced on GPT-4o: a frontier price for a task a workhorse
/// model might do.
fn on_gpt_4o() -> Scenario {
    let mut s = plain();
    Catalog::embedded()
        .api_model("gpt-4o")
        .expect("in the catalog")
        .apply_to(&mut s.buy);
    s
}

#[test]
fn a_workhorse_model_that_would_do_the_task_is_said_first() {
    let mut s = on_gpt_4o();
    let unanswered = decide(&s);
    assert!(unanswered.headline.is_none());
    assert!(
        unanswered
            .what_would_change
            .iter()
            .any(|t| t.contains("would a cheaper API model do the task")),
        "{:?}",
        unanswered.what_would_change
    );
    s.matrix.workhorse_would_do = Some(true);
    let rec = decide(&s);
    assert_eq!(rec.phase, Phase::Buy);
    let headline = rec.headline.as_deref().expect("said first");
    assert!(
        headline.starts_with("Route within the API first"),
        "{headline}"
    );
    let r = reasons(&rec, "matrix.workhorse_would_do")[0];
    assert_eq!((r.for_phase, r.strength), (Phase::Buy, Strength::Major));
    s.matrix.workhorse_would_do = Some(false);
    let no = decide(&s);
    assert!(no.headline.is_none());
    assert!(reasons(&no, "matrix.workhorse_would_do").is_empty());
}

#[test]
fn the_workhorse_saving_is_the_catalogs_cheapest_model_for_this_workload() {
    let s = on_gpt_4o();
    let outcome = crate::engine::compute(&s).expect("computes");
    let cheaper = super::super::costs::cheapest_other_api_model(&s, &outcome)
        .expect("computes")
        .expect("a cheaper model");
    // Every other model of the catalog costs at least as much for this workload.
    for model in &Catalog::embedded().api_models {
        let mut buy = s.buy.clone();
        model.apply_to(&mut buy);
        let cost = crate::engine::buy_cost(&buy, outcome.traffic).expect("computes");
        assert!(cost >= cheaper.cost, "{} at {cost}", model.name);
    }
    assert!(cheaper.cost < outcome.costs[Phase::Buy.index()].total);
}

#[test]
fn other_models_are_priced_with_their_own_cache_write_price() {
    // On Claude Opus 4, writing 5% of the input at $18.75 per 1M: the other models write at
    // their own price, Sonnet's $3.75 or the input price of a model that charges nothing extra.
    let mut s = on_gpt_4o();
    let catalog = Catalog::embedded();
    catalog
        .api_model("claude-opus-4")
        .expect("Claude Opus 4")
        .apply_to(&mut s.buy);
    s.buy.cached_input_percent.value = Percent::new(dec!(40));
    s.buy.cache_write_percent.value = Percent::new(dec!(5));
    let outcome = crate::engine::compute(&s).expect("computes");
    let cheaper = super::super::costs::cheapest_other_api_model(&s, &outcome)
        .expect("computes")
        .expect("a cheaper model");
    let cheapest = catalog
        .api_models
        .iter()
        .filter(|m| m.id != "claude-opus-4")
        .map(|model| {
            let mut buy = s.buy.clone();
            model.apply_to(&mut buy);
            crate::engine::buy_cost(&buy, outcome.traffic).expect("computes")
        })
        .min()
        .expect("other models");
    assert_eq!(cheaper.cost, cheapest);
}

#[test]
fn an_option_dearer_than_buy_carries_its_premium_against_it() {
    let rec = decide(&plain());
    let against: Vec<_> = reasons(&rec, "cash over the horizon")
        .into_iter()
        .filter(|r| r.for_phase == Phase::FineTune)
        .collect();
    assert_eq!(against.len(), 1);
    assert!(against[0].against);
    assert!(
        against[0].text.contains("no saving pays it back"),
        "{}",
        against[0].text
    );
    assert_eq!(
        against[0].strength,
        Strength::Major,
        "over twice Buy's cash"
    );
}

#[test]
fn an_option_dearer_today_but_cheaper_with_growth_says_from_which_month() {
    // Self-hosting at a flat $3,000 a month with unlimited throughput, against an API costing
    // $2,500 this month and growing 10% a month.
    let mut s = scenario_spending(dec!(2_500));
    s.workload.growth_percent_per_month.value = Percent::new(dec!(10));
    s.self_host.hosting.throughput = Throughput::Unlimited;
    s.self_host.hosting.min_instances.value = 1;
    let outcome = crate::engine::compute(&s).expect("computes");
    assert!(outcome.costs[Phase::SelfHost.index()].total > outcome.costs[Phase::Buy.index()].total);
    let rec = decide(&s);
    let r = reasons(&rec, "cash over the horizon")
        .into_iter()
        .find(|r| r.for_phase == Phase::SelfHost)
        .expect("a cost reason");
    assert!(!r.against, "{}", r.text);
    assert!(
        r.text.contains("costs more this month") && r.text.contains("cheaper from month"),
        "{}",
        r.text
    );
}

#[test]
fn residency_credits_a_fine_tune_only_for_the_traffic_it_keeps_in() {
    let mut s = plain();
    s.matrix.data_residency = Some(DataResidency::Regulated);
    // 70% routed, 5% of it back to the API: 66.5% kept in, 33.5% out.
    let rec = decide(&s);
    let r = reasons(&rec, "matrix.data_residency")
        .into_iter()
        .find(|r| r.for_phase == Phase::FineTune)
        .expect("a residency reason");
    assert_eq!((r.against, r.strength), (false, Strength::Normal));
    assert!(
        r.text.contains("66.5%") && r.text.contains("33.5%"),
        "{}",
        r.text
    );
    s.fine_tune.routed_percent.value = Percent::new(dec!(40));
    let little = decide(&s);
    assert!(has(&little, "matrix.data_residency", Phase::FineTune, true));
    s.fine_tune.routed_percent.value = Percent::new(dec!(100));
    s.fine_tune.fallback_percent.value = Percent::ZERO;
    let all = decide(&s);
    let r = reasons(&all, "matrix.data_residency")
        .into_iter()
        .find(|r| r.for_phase == Phase::FineTune)
        .expect("a residency reason");
    assert_eq!((r.against, r.strength), (false, Strength::Strong));
    // Served per token by a provider, nothing is kept in.
    s.fine_tune.serving = TunedServing::PerToken {
        input_usd_per_1m: Sourced::bare(UsdPerMillionTokens::new(dec!(0.1))),
        output_usd_per_1m: Sourced::bare(UsdPerMillionTokens::new(dec!(0.1))),
        speed: crate::scenario::Speed::default(),
    };
    assert!(has(
        &decide(&s),
        "matrix.data_residency",
        Phase::FineTune,
        true
    ));
}

#[test]
fn sentences_are_plain_english() {
    let mut s = plain();
    s.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(Decimal::ONE)));
    s.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(Decimal::ZERO)));
    s.matrix.frontier_velocity = Some(FrontierVelocity::Fast);
    let rec = decide(&s);
    let text: Vec<&str> = rec.reasons.iter().map(|r| r.text.as_str()).collect();
    let all = text.join("\n");
    assert!(all.contains("1 is available"), "{all}");
    assert!(!all.contains("1 are"), "{all}");
    assert!(!all.contains("1 ML engineers"), "{all}");
    assert!(
        !all.contains("a fine-tune model") && !all.contains("a self-host model"),
        "{all}"
    );
    let self_host_fast = reasons(&rec, "matrix.frontier_velocity")
        .into_iter()
        .find(|r| r.for_phase == Phase::SelfHost)
        .expect("fast frontier");
    assert!(
        !self_host_fast.text.contains("retrain"),
        "self-hosting an open model retrains nothing: {}",
        self_host_fast.text
    );
    // The cost that pays for 0.06 people says which the team lacks.
    let staff = |ml: i64, infra: i64| {
        let mut s = plain();
        s.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(Decimal::from(ml))));
        s.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(Decimal::from(infra))));
        reasons(&decide(&s), "self_host.staff")[0].text.clone()
    };
    assert!(
        staff(3, 2).contains("the team is there (5 available)"),
        "{}",
        staff(3, 2)
    );
    assert!(
        staff(1, 1).contains("the team is short too (2 available)"),
        "{}",
        staff(1, 1)
    );
    let mut one_short = plain();
    one_short.matrix.engineering.ml_people = Some(Sourced::bare(Count::new(dec!(4))));
    one_short.matrix.engineering.infra_people = Some(Sourced::bare(Count::new(Decimal::ZERO)));
    let change = decide(&one_short).what_would_change.join("\n");
    assert!(
        change.contains("1 more person and self-hosting"),
        "{change}"
    );
}

#[test]
fn every_recommendation_ends_with_its_next_steps_and_the_review_date() {
    let fine_tune = decide(&everything_for_fine_tuning());
    let whens: Vec<&str> = fine_tune
        .next_steps
        .iter()
        .map(|s| s.when.as_str())
        .collect();
    assert_eq!(
        whens,
        [
            "Days 1-30",
            "Days 31-60",
            "Days 61-90",
            "Months 6-18",
            "Review"
        ]
    );
    assert!(fine_tune.next_steps[2].text.contains("shadow mode"));
    let review = &fine_tune.next_steps[4];
    assert!(
        review.text.contains("Revisit this decision"),
        "{}",
        review.text
    );
    let buy = decide(&plain());
    assert!(
        buy.next_steps
            .iter()
            .any(|s| s.text.contains("80% of the bill"))
    );
}

#[test]
fn gates_come_in_the_articles_order_and_an_earlier_one_wins() {
    let mut s = everything_for_fine_tuning();
    s.matrix.data_residency = Some(DataResidency::AirGapped);
    s.matrix.product_stage = Some(crate::scenario::ProductStage::BeforeProductMarketFit);
    s.matrix.differentiator = Some(Differentiator::AroundTheModel);
    let rec = decide(&s);
    // Compliance first: no API, whatever the stage; before product-market fit, no training.
    assert_eq!(rec.gates[0].input, "matrix.data_residency");
    assert_eq!(rec.gates[0].effect, GateEffect::RulesOut);
    assert_eq!(rec.phase, Phase::SelfHost);
    assert!(
        rec.ruled_out(Phase::Pretrain)
            .is_some_and(|g| g.input == "matrix.product_stage"),
        "{:#?}",
        rec.gates
    );
    assert_eq!(rec.confidence, dec!(0.95), "one option left");
}
