//! The sensitivity table measures the recommended phase, with growth, the API price trend and
//! revenue among its drivers. Each test passes the phase to measure itself, so the figures do
//! not hang on what the rules recommend; one checks that an evaluation passes the
//! recommendation.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::drivers::DRIVERS;
use super::{Effect, SensitivityRow, Swing, row_swing, sensitivity};
use crate::engine::{Outcome, compute};
use crate::evaluation::evaluate;
use crate::phase::Phase;
use crate::scenario::{Scenario, Volume, from_ron_str};
use crate::units::{Percent, UsdPerMonth};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn legal_tech() -> Scenario {
    from_ron_str(include_str!("../../../../scenarios/seed000-legal-tech.ron")).unwrap()
}

fn route_to_fine_tune() -> Scenario {
    from_ron_str(include_str!(
        "../../../../scenarios/seed002-route-to-fine-tune.ron"
    ))
    .unwrap()
}

fn row<'a>(rows: &'a [SensitivityRow], driver: &str) -> &'a SensitivityRow {
    rows.iter()
        .find(|r| r.driver == driver)
        .unwrap_or_else(|| panic!("no {driver} row in {rows:#?}"))
}

/// What `of` saves against the best of the others, worked out from the engine's figures here
/// rather than by the code under test: this month and over the horizon.
fn leads(outcome: &Outcome, of: Phase) -> (Decimal, Decimal) {
    let others = Phase::ALL.into_iter().filter(|p| *p != of);
    let best_cost = others
        .clone()
        .map(|p| outcome.costs[p.index()].total)
        .min()
        .unwrap();
    let best_cash = others
        .map(|p| outcome.horizon.totals[p.index()])
        .min()
        .unwrap();
    (
        best_cost - outcome.costs[of.index()].total,
        best_cash - outcome.horizon.totals[of.index()],
    )
}

fn margin(outcome: &Outcome, of: Phase) -> Option<Decimal> {
    outcome.horizon.months.last().unwrap().gross_margin[of.index()]
}

#[test]
fn the_table_measures_the_phase_it_is_given_not_the_cheapest() {
    // Seed 000's case (000_2f6a236bcb695b8f.txt): the flat $12,000 fine-tune is not the cheapest option this month, one
    // g5.2xlarge serving everything is.
    let s = legal_tech();
    let outcome = compute(&s).unwrap();
    assert_eq!(outcome.cheapest, Phase::SelfHost);
    let rows = sensitivity(&s, &outcome, Phase::FineTune, today());
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.of == Phase::FineTune), "{rows:#?}");

    let entered = Effect::as_entered(&outcome, Phase::FineTune).unwrap();
    let (lead, cash_lead) = leads(&outcome, Phase::FineTune);
    assert_eq!((entered.lead, entered.cash_lead), (lead, cash_lead));
    assert!(lead < Decimal::ZERO, "Fine-tune costs more than Self-host");

    // Volume down 20%, worked out by hand: Fine-tune falls further behind Self-host, and the
    // table says so with a negative lead (it once showed Self-host's lead, positive).
    let volume = row(&rows, "Monthly volume");
    let mut moved = s.clone();
    let Volume::Tokens {
        input_tokens_per_month,
        output_tokens_per_month,
    } = &mut moved.workload.volume
    else {
        panic!("seed 000's volume is in tokens");
    };
    for tokens in [input_tokens_per_month, output_tokens_per_month] {
        tokens.value = tokens.value.checked_scale(dec!(0.8)).unwrap();
    }
    let (low, low_cash) = leads(&compute(&moved).unwrap(), Phase::FineTune);
    assert_eq!((volume.low.lead, volume.low.cash_lead), (low, low_cash));
    assert!(volume.low.lead < lead, "{volume:#?}");
    assert_eq!(volume.low.change, dec!(-20));
    assert_eq!(volume.low.move_label(), "down 20%");
    assert_eq!(volume.high.move_label(), "up 20%");
}

#[test]
fn an_evaluation_measures_the_phase_it_recommends() {
    let scenarios: Vec<fn() -> Scenario> =
        vec![legal_tech, route_to_fine_tune, Scenario::embedded_default];
    for s in scenarios.into_iter().map(|make| make()) {
        let evaluation = evaluate(&s, today()).unwrap();
        let rows = evaluation.sensitivity();
        assert!(!rows.is_empty(), "{}", s.name);
        for r in rows {
            assert_eq!(r.of, evaluation.recommendation.phase, "{}: {r:#?}", s.name);
        }
    }
}

#[test]
fn growth_and_the_api_price_trend_move_the_cash_lead_and_not_this_months() {
    // Seed 002's routing case (002_b35f14537f9d8edf.txt): flat traffic and flat prices, which a 20% move would not move.
    let s = route_to_fine_tune();
    assert!(s.workload.growth_percent_per_month.value.get().is_zero());
    assert!(
        s.horizon
            .api_price_change_percent_per_year
            .value
            .get()
            .is_zero()
    );
    let outcome = compute(&s).unwrap();
    let rows = sensitivity(&s, &outcome, Phase::FineTune, today());
    let entered = Effect::as_entered(&outcome, Phase::FineTune).unwrap();

    let growth = row(&rows, "Volume growth");
    let trend = row(&rows, "API price trend");
    for (r, step, unit) in [
        (growth, dec!(1), "pp a month"),
        (trend, dec!(10), "pp a year"),
    ] {
        assert_eq!((r.low.change, r.high.change), (-step, step));
        assert_eq!((r.low.change_unit, r.high.change_unit), (unit, unit));
        assert_eq!((r.low.lead, r.high.lead), (entered.lead, entered.lead));
        // One way raises the cash lead, the other lowers it.
        let (low, high) = (r.low.cash_lead, r.high.cash_lead);
        assert!(
            (low < entered.cash_lead && entered.cash_lead < high)
                || (high < entered.cash_lead && entered.cash_lead < low),
            "{r:#?}"
        );
    }
    assert_eq!(growth.high.move_label(), "up 1 pp a month");
    assert_eq!(trend.low.move_label(), "down 10 pp a year");

    // Worked out by hand: traffic growing 1% a month, API prices falling 10% a year.
    let mut grown = s.clone();
    grown.workload.growth_percent_per_month.value = Percent::new(dec!(1));
    assert_eq!(
        growth.high.cash_lead,
        leads(&compute(&grown).unwrap(), Phase::FineTune).1
    );
    let mut cheaper = s.clone();
    cheaper.horizon.api_price_change_percent_per_year.value = Percent::new(dec!(-10));
    assert_eq!(
        trend.low.cash_lead,
        leads(&compute(&cheaper).unwrap(), Phase::FineTune).1
    );
}

#[test]
fn revenue_moves_the_margin_and_neither_lead() {
    // Seed 000 on the API: 84% of revenue goes to the API, a 16% gross margin, so a revenue
    // 20% lower leaves none.
    let s = legal_tech();
    let outcome = compute(&s).unwrap();
    let rows = sensitivity(&s, &outcome, Phase::Buy, today());
    let entered = Effect::as_entered(&outcome, Phase::Buy).unwrap();
    assert_eq!(entered.margin, margin(&outcome, Phase::Buy));
    assert_eq!(
        entered.margin.map(|m| m.round_dp(2)),
        Some(dec!(0.16)),
        "seed 000's 16%"
    );

    let revenue = row(&rows, "Revenue");
    for moved in [&revenue.low, &revenue.high] {
        assert_eq!(
            (moved.lead, moved.cash_lead),
            (entered.lead, entered.cash_lead)
        );
    }
    let (low, high) = (revenue.low.margin.unwrap(), revenue.high.margin.unwrap());
    assert!(
        low < Decimal::ZERO && high > entered.margin.unwrap(),
        "{revenue:#?}"
    );
    let mut less = s.clone();
    let usd = &mut less.revenue.as_mut().unwrap().usd_per_month.value;
    *usd = usd.checked_scale(dec!(0.8)).unwrap();
    assert_eq!(Some(low), margin(&compute(&less).unwrap(), Phase::Buy));
}

#[test]
fn without_revenue_there_is_no_margin_and_no_revenue_row() {
    let s = route_to_fine_tune();
    assert!(s.revenue.is_none());
    let outcome = compute(&s).unwrap();
    let rows = sensitivity(&s, &outcome, Phase::FineTune, today());
    assert!(rows.iter().all(|r| r.driver != "Revenue"));
    assert!(
        rows.iter()
            .all(|r| r.low.margin.is_none() && r.high.margin.is_none())
    );
}

#[test]
fn a_move_past_the_validated_range_is_left_out() {
    let mut s = route_to_fine_tune();
    s.horizon.api_price_change_percent_per_year.value = Percent::new(dec!(-95));
    let trend = DRIVERS
        .iter()
        .find(|d| d.name == "API price trend")
        .unwrap();
    let mut moved = s.clone();
    assert!(!trend.apply(&mut moved, dec!(-10)), "-105% a year");
    assert_eq!(moved, s, "left as it was");
    assert!(trend.apply(&mut moved, dec!(10)));
    assert_eq!(
        moved.horizon.api_price_change_percent_per_year.value,
        Percent::new(dec!(-85))
    );
    let outcome = compute(&s).unwrap();
    let rows = sensitivity(&s, &outcome, Phase::FineTune, today());
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.driver != "API price trend"));
}

#[test]
fn a_move_too_large_to_hold_is_left_out_not_a_panic() {
    // Revenue this large computes as entered (it does not grow), but not 20% larger.
    let mut s = legal_tech();
    s.revenue.as_mut().unwrap().usd_per_month.value = UsdPerMonth::new(Decimal::MAX * dec!(0.9));
    let outcome = compute(&s).unwrap();
    let rows = sensitivity(&s, &outcome, Phase::Buy, today());
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.driver != "Revenue"), "{rows:#?}");
}

#[test]
fn rows_are_ranked_by_their_largest_relative_swing_and_at_most_six() {
    for file in [
        include_str!("../../../../scenarios/default.ron"),
        include_str!("../../../../scenarios/seed000-legal-tech.ron"),
        include_str!("../../../../scenarios/seed002-route-to-fine-tune.ron"),
        include_str!("../../../../scenarios/seed003-gpt4o-heavy-tier.ron"),
        include_str!("../../../../scenarios/defence-air-gapped.ron"),
    ] {
        let s = from_ron_str(file).unwrap();
        let outcome = compute(&s).unwrap();
        for of in Phase::ALL {
            let rows = sensitivity(&s, &outcome, of, today());
            assert!(rows.len() <= 6, "{}: {}", s.name, rows.len());
            let entered = Effect::as_entered(&outcome, of).unwrap();
            let swings: Vec<Swing> = rows.iter().map(|r| row_swing(&entered, r)).collect();
            assert!(
                swings.windows(2).all(|w| w[0] >= w[1]),
                "{} for {of:?}: {swings:?}",
                s.name
            );
            // A row that moves nothing would push out one that does; one that changes the
            // recommendation stays.
            assert!(
                rows.iter().zip(&swings).all(|(r, w)| {
                    *w > Swing::Relative(Decimal::ZERO) || r.low.phase != of || r.high.phase != of
                }),
                "{} for {of:?}: {rows:#?}",
                s.name
            );
        }
    }
}

#[test]
fn as_entered_nothing_is_moved() {
    let outcome = compute(&legal_tech()).unwrap();
    let entered = Effect::as_entered(&outcome, Phase::FineTune).unwrap();
    assert_eq!(entered.change, Decimal::ZERO);
    assert_eq!(entered.move_label(), "");
    assert_eq!(entered.phase, Phase::FineTune);
    assert_eq!(entered.cheapest, Phase::SelfHost);
}

#[test]
fn the_margin_is_the_horizons_last_months() {
    // The default scenario's traffic grows 5% a month and its revenue 3%: the first and the
    // last month's margins differ.
    let outcome = compute(&Scenario::embedded_default()).unwrap();
    let entered = Effect::as_entered(&outcome, Phase::Buy).unwrap();
    let months = &outcome.horizon.months;
    assert_eq!(months.len(), 36);
    assert_eq!(entered.margin, margin(&outcome, Phase::Buy));
    assert_ne!(entered.margin, months[0].gross_margin[Phase::Buy.index()]);
}
