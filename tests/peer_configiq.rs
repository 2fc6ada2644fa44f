//! Breakeven held against an independent published model: Red Hat's ConfigIQ "Hybrid Savings"
//! (github.com/redhat-performance/configiq). Its audit scenarios
//! (`lib/hybrid-savings/audit-scenarios.test.ts`, restated in `docs/HYBRID_SAVINGS_AUDIT.md`,
//! "Independent arithmetic scenarios"), its mismatched request shape
//! (`lib/hybrid-savings/calc.test.ts`) and its live example (`docs/HYBRID_SAVINGS_AUDIT.md`,
//! "End-to-end calculation walkthrough") are reproduced with the peer's own figures, where the
//! two models count the same way.

#![allow(
    clippy::unwrap_used,
    reason = "a fixture that does not load is the test failing"
)]

use std::path::Path;

use breakeven_model::Scenario;
use breakeven_model::engine::{Outcome, Phase, compute};
use breakeven_model::scenario::{InstancePrice, OwnedServer, Volume, from_ron_str};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{
    HoursPerMonth, Kilowatts, Percent, Ratio, TokensPerMonth, TokensPerRequest, Usd, UsdPerHour,
    UsdPerKwh, UsdPerMonth,
};
use rust_decimal::{Decimal, dec};

fn fixture(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    from_ron_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn monthly(outcome: &Outcome, phase: Phase) -> Decimal {
    outcome.costs[phase.index()].total
}

/// `total` tokens a month, 80% of them input, as the audit's 800,000 / 200,000 mix.
fn at_volume(s: &mut Scenario, total: Decimal) {
    let input = total * dec!(0.8);
    s.workload.volume = Volume::Tokens {
        input_tokens_per_month: Sourced::bare(TokensPerMonth::new(input)),
        output_tokens_per_month: Sourced::bare(TokensPerMonth::new(total - input)),
    };
}

/// The audit fixture (audit-scenarios.test.ts lines 14-83): $1 in / $3 out per 1M on the
/// API; one GPU at 100 output tokens a second for requests of 4,000 in / 1,000 out, rented at
/// $2 an hour for an active window of 100 hours, planned at 90% of capacity, a peak of 2;
/// bought for $24,000 over 5 years; every staff, setup and fixed cost zero.
fn audit(total: Decimal) -> Scenario {
    let mut s = fixture("configiq-live-example.ron");
    at_volume(&mut s, total);
    s.workload.peak_to_average.value = Ratio::new(dec!(2));
    s.buy.input_usd_per_1m.value = breakeven_model::units::UsdPerMillionTokens::new(dec!(1));
    s.buy.output_usd_per_1m.value = breakeven_model::units::UsdPerMillionTokens::new(dec!(3));
    s.buy.fixed = breakeven_model::scenario::BuyFixed::default();
    let host = &mut s.self_host;
    host.hosting.price = InstancePrice::OnDemand {
        usd_per_hour: Sourced::bare(UsdPerHour::new(dec!(2))),
    };
    host.hosting.hours_in_service_per_month.value = HoursPerMonth::new(dec!(100));
    if let breakeven_model::scenario::Throughput::Measured {
        output_tokens_per_second,
        input_tokens_per_request,
        output_tokens_per_request,
        ..
    } = &mut host.hosting.throughput
    {
        output_tokens_per_second.value = breakeven_model::units::TokensPerSecond::new(dec!(100));
        *input_tokens_per_request = TokensPerRequest::new(dec!(4000));
        *output_tokens_per_request = TokensPerRequest::new(dec!(1000));
    }
    host.hosting.min_instances.value = 1;
    host.staff = breakeven_model::scenario::Staff::default();
    host.security_usd_per_month.value = UsdPerMonth::ZERO;
    host.setup_usd.value = Usd::ZERO;
    s
}

/// The audit's purchased deployment: $24,000 over 5 years, nothing else.
fn owned(mut s: Scenario) -> Scenario {
    s.self_host.hosting.price = InstancePrice::Owned(Box::new(OwnedServer {
        purchase_usd: Sourced::bare(Usd::new(dec!(24000))),
        installation_usd: Sourced::bare(Usd::ZERO),
        life_months: Sourced::bare(60),
        resale_percent: Sourced::bare(Percent::ZERO),
        capital_percent_per_year: Sourced::bare(Percent::ZERO),
        maintenance_percent_per_year: Sourced::bare(Percent::ZERO),
        power_kw: Sourced::bare(Kilowatts::ZERO),
        pue: Sourced::bare(Ratio::new(Decimal::ONE)),
        usd_per_kwh: Sourced::bare(UsdPerKwh::ZERO),
        facilities_usd_per_month: Sourced::bare(UsdPerMonth::ZERO),
    }));
    s
}

/// API, rented and owned a month at `total` tokens, and the rented instances.
fn three_ways(total: Decimal) -> (Decimal, Decimal, Decimal, Decimal) {
    let rented = compute(&audit(total)).unwrap();
    let bought = compute(&owned(audit(total))).unwrap();
    (
        monthly(&rented, Phase::Buy),
        monthly(&rented, Phase::SelfHost),
        monthly(&bought, Phase::SelfHost),
        rented.costs[Phase::SelfHost.index()].instances.unwrap(),
    )
}

#[test]
fn capacity_per_replica_is_the_peers_81_million_tokens() {
    // "Capacity = 100 output tok/s * 5 total/output ratio * 90% planning * 100 hours * 3,600
    // seconds / 2x peak = 81M billed tokens" (audit-scenarios.test.ts lines 86-88).
    let outcome = compute(&audit(dec!(40_500_000))).unwrap();
    let breakeven_model::engine::Instances::Stair(stair) =
        &outcome.models[Phase::SelfHost.index()].instances
    else {
        panic!("rented instances come in steps");
    };
    assert_eq!(stair.width, dec!(81_000_000));
}

#[test]
fn a_very_small_and_a_moderate_workload_cost_what_the_peer_says() {
    // 1M tokens: hosted $1.40, rented $200, purchased $400.
    assert_eq!(
        three_ways(dec!(1_000_000)),
        (dec!(1.40), dec!(200), dec!(400), dec!(1))
    );
    // 40.5M tokens: hosted $56.70, rented $200 at 50% of planned capacity, purchased $400.
    assert_eq!(
        three_ways(dec!(40_500_000)),
        (dec!(56.70), dec!(200), dec!(400), dec!(1))
    );
    let outcome = compute(&audit(dec!(40_500_000))).unwrap();
    let rented = &outcome.costs[Phase::SelfHost.index()];
    assert_eq!(rented.planned_utilisation, Some(dec!(0.5)));
    // Of full capacity (180M tokens flat out) it is 22.5%, of an achievable 45% (90% ÷ 2).
    assert_eq!(rented.utilisation, Some(dec!(0.225)));
    assert_eq!(rented.achievable_utilisation, Some(dec!(0.45)));
    // Half of what is planned stands idle: one instance bought for a little traffic.
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.phase == Some(Phase::SelfHost)
                && w.message.contains("serve 50% of the load planned for them"))
    );
}

#[test]
fn one_deployment_holds_to_the_boundary_and_a_second_comes_one_token_after_it() {
    // 80.19M tokens: one deployment each, at 99%.
    let (_, rented, bought, instances) = three_ways(dec!(80_190_000));
    assert_eq!((rented, bought, instances), (dec!(200), dec!(400), dec!(1)));
    let outcome = compute(&audit(dec!(80_190_000))).unwrap();
    assert_eq!(
        outcome.costs[Phase::SelfHost.index()].planned_utilisation,
        Some(dec!(0.99))
    );
    assert!(
        outcome
            .warnings
            .iter()
            .all(|w| w.phase != Some(Phase::SelfHost) || !w.message.contains("stands idle")),
        "at 99% of what is planned nothing stands idle to remove, whatever the peak"
    );
    // 81M: still one; 81,000,001: two, rented $200 -> $400 and purchased $400 -> $800.
    let (_, rented, bought, instances) = three_ways(dec!(81_000_000));
    assert_eq!((rented, bought, instances), (dec!(200), dec!(400), dec!(1)));
    let (_, rented, bought, instances) = three_ways(dec!(81_000_001));
    assert_eq!((rented, bought, instances), (dec!(400), dec!(800), dec!(2)));
}

#[test]
fn the_first_api_to_rented_break_even_is_the_peers_235_714_286_tokens() {
    // audit-scenarios.test.ts lines 143-175: rented at $1 an hour with $30 a month of direct
    // infrastructure: "Step three costs $330, so its exact first crossover is ceil($330 /
    // $1.40 * 1M) = 235,714,286 tokens." Self-host's one flat monthly line carries the $30.
    let mut s = audit(dec!(1_000_000));
    s.self_host.hosting.price = InstancePrice::OnDemand {
        usd_per_hour: Sourced::bare(UsdPerHour::new(dec!(1))),
    };
    s.self_host.security_usd_per_month.value = UsdPerMonth::new(dec!(30));
    let outcome = compute(&s).unwrap();
    let pair = outcome
        .break_evens
        .iter()
        .find(|p| p.a == Phase::Buy && p.b == Phase::SelfHost)
        .unwrap();
    let first = pair.crossings.first().unwrap();
    assert_eq!(first.cheaper_above, Phase::SelfHost);
    // Breakeven finds the exact volume where the costs are equal; the peer reports the first
    // whole token at which rented costs no more.
    assert_eq!(first.volume.ceil(), dec!(235_714_286));
    let cost_at = |tokens: Decimal| {
        let mut at = s.clone();
        at_volume(&mut at, tokens);
        let o = compute(&at).unwrap();
        (monthly(&o, Phase::Buy), monthly(&o, Phase::SelfHost))
    };
    let (api, rented) = cost_at(dec!(235_714_286));
    assert!(rented <= api, "{rented} > {api}");
    let (api, rented) = cost_at(dec!(235_714_285));
    assert!(
        rented > api,
        "one token earlier rented is still dearer: {rented} <= {api}"
    );
}

#[test]
fn a_request_shape_unlike_the_mix_is_sized_by_the_side_that_runs_out_first() {
    // calc.test.ts, "does not drop work when the monthly token mix differs from the average
    // request": an 80/20 mix served in requests of 900 in / 100 out, 1 hour, 100% planning,
    // a peak of 1: "one hour of capacity is 3,600 / 2,000 * 1M = 1.8M billed tokens".
    let mut s = audit(dec!(1_000_000));
    s.workload.peak_to_average.value = Ratio::new(Decimal::ONE);
    let hosting = &mut s.self_host.hosting;
    hosting.hours_in_service_per_month.value = HoursPerMonth::new(Decimal::ONE);
    hosting.target_utilisation_percent.value = Percent::new(dec!(100));
    if let breakeven_model::scenario::Throughput::Measured {
        input_tokens_per_request,
        output_tokens_per_request,
        ..
    } = &mut hosting.throughput
    {
        *input_tokens_per_request = TokensPerRequest::new(dec!(900));
        *output_tokens_per_request = TokensPerRequest::new(dec!(100));
    }
    let outcome = compute(&s).unwrap();
    assert_eq!(
        outcome.costs[Phase::SelfHost.index()].capacity_per_instance,
        Some(dec!(1_800_000))
    );
}

#[test]
fn the_live_example_counts_the_apis_fixed_lines_and_bills_the_rented_gpu_by_busy_hours() {
    let outcome = compute(&fixture("configiq-live-example.ron")).unwrap();
    let buy = &outcome.costs[Phase::Buy.index()];
    // "token usage $630 + operations (0.05 FTE * $18,000) $900 + implementation ($15,000 / 36)
    // $416.67 = Full TCO $1,946.67" (HYBRID_SAVINGS_AUDIT.md, live example, Hosted).
    assert_eq!(buy.total.round_dp(2), dec!(1946.67));
    let amounts: Vec<Decimal> = buy.lines.iter().map(|(_, a)| a.round_dp(2)).collect();
    assert_eq!(
        amounts,
        [dec!(360), dec!(0), dec!(270), dec!(900), dec!(416.67)]
    );
    // The spend thresholds see the bill, not the integration's people.
    assert_eq!(outcome.api_spend, dec!(630));
    // "compute $5,312 + infrastructure $500 + operations $3,600 + implementation $1,111 = Full
    // TCO $10,523" (Rented). The compute is the busy hours at 90% plus 10%, at $42 an hour.
    let rented = &outcome.costs[Phase::SelfHost.index()];
    assert_eq!(rented.total.round_dp(0), dec!(10523));
    let compute_line = rented.lines[0].1;
    assert_eq!(compute_line.round_dp(0), dec!(5312));
    // And it follows the volume: twice the tokens, twice the compute, the rest unchanged.
    let mut doubled = fixture("configiq-live-example.ron");
    at_volume(&mut doubled, dec!(5_000_000_000));
    let twice = compute(&doubled).unwrap();
    assert_eq!(
        twice.costs[Phase::SelfHost.index()].lines[0].1,
        compute_line * dec!(2)
    );
}

#[test]
fn a_minimum_of_billed_hours_is_paid_however_little_the_work() {
    // 200 hours at $42 is $8,400 a month: more than the $5,312 of busy hours at 2.5B tokens,
    // less than the $10,624 at 5B.
    let mut s = fixture("configiq-live-example.ron");
    let InstancePrice::PerBusyHour {
        minimum_hours_per_month,
        ..
    } = &mut s.self_host.hosting.price
    else {
        panic!("busy hours");
    };
    minimum_hours_per_month.value = HoursPerMonth::new(dec!(200));
    let compute_at =
        |scenario: &Scenario| compute(scenario).unwrap().costs[Phase::SelfHost.index()].lines[0].1;
    assert_eq!(compute_at(&s), dec!(8400));
    at_volume(&mut s, dec!(5_000_000_000));
    assert_eq!(compute_at(&s).round_dp(0), dec!(10624));
}

/// The live example's purchased deployment (`docs/HYBRID_SAVINGS_AUDIT.md`, "Purchased"): one complete
/// 8-GPU A100 server at $160,000 and $11,200 of installation (the peer's purchase catalog), kept
/// 36 months of a 4-year life, 20% resale, 8% cost of capital, 5% maintenance, 450 W for the
/// server and 400 W for each GPU at PUE 1.4 and $0.12/kWh for 730 hours, $200 of facilities
/// for the server and $1,500 shared, 0.25 FTE of operations and a $50,000 implementation.
fn purchased() -> Scenario {
    let mut s = fixture("configiq-live-example.ron");
    let host = &mut s.self_host;
    host.hosting.price = InstancePrice::Owned(Box::new(OwnedServer {
        purchase_usd: Sourced::bare(Usd::new(dec!(160000))),
        installation_usd: Sourced::bare(Usd::new(dec!(11200))),
        life_months: Sourced::bare(48),
        resale_percent: Sourced::bare(Percent::new(dec!(20))),
        capital_percent_per_year: Sourced::bare(Percent::new(dec!(8))),
        maintenance_percent_per_year: Sourced::bare(Percent::new(dec!(5))),
        power_kw: Sourced::bare(Kilowatts::new(dec!(3.65))),
        pue: Sourced::bare(Ratio::new(dec!(1.4))),
        usd_per_kwh: Sourced::bare(UsdPerKwh::new(dec!(0.12))),
        facilities_usd_per_month: Sourced::bare(UsdPerMonth::new(dec!(200))),
    }));
    host.hosting.min_instances.value = 1;
    host.security_usd_per_month.value = UsdPerMonth::new(dec!(1500));
    host.staff = breakeven_model::scenario::Staff::People {
        people: Sourced::bare(breakeven_model::units::Count::new(dec!(0.25))),
        loaded_usd_per_year: Sourced::bare(breakeven_model::units::UsdPerYear::new(dec!(216000))),
    };
    host.setup_usd.value = Usd::new(dec!(50000));
    s
}

#[test]
fn the_live_examples_purchased_server_costs_the_peers_12_397_line_by_line() {
    // "depreciation net of residual $2,667, cost of capital $793, installation and
    // commissioning $233, maintenance and spares $667, power including PUE $448,
    // rack/facilities/infrastructure $1,700, platform/model operations $4,500, implementation
    // amortization $1,389: Full TCO $12,397" (HYBRID_SAVINGS_AUDIT.md, live example).
    let outcome = compute(&purchased()).unwrap();
    let owned = &outcome.costs[Phase::SelfHost.index()];
    assert_eq!(owned.instances, Some(Decimal::ONE));
    let amounts: Vec<Decimal> = owned.lines.iter().map(|(_, a)| a.round_dp(2)).collect();
    assert_eq!(
        amounts,
        [
            dec!(2666.67), // (160,000 − 32,000) ÷ 48
            dec!(233.33),  // 11,200 ÷ 48
            // The book value held over the 36 months: from 171,200 down to 66,800, on average
            // 119,000, at 8% a year.
            dec!(793.33),
            dec!(666.67), // 160,000 × 5% ÷ 12
            dec!(447.64), // 3.65 kW × 1.4 × 730 h × $0.12
            dec!(200),
            dec!(4500),
            dec!(1500),
            dec!(1388.89), // 50,000 ÷ 36
        ]
    );
    assert_eq!(owned.total.round_dp(2), dec!(12396.52));
    assert_eq!(owned.total.round_dp(0), dec!(12397));
}

#[test]
fn in_cash_a_server_is_paid_when_bought_resold_at_the_end_of_its_life_and_held_at_book_value() {
    let mut s = purchased();
    s.horizon.build_months.value = 0;
    s.horizon.parallel_run_months.value = 0;
    s.horizon.gpu_price_change_percent_per_year.value = Percent::ZERO;
    s.horizon.months.value = 60;
    if let InstancePrice::Owned(server) = &mut s.self_host.hosting.price {
        server.life_months.value = 24;
    }
    let outcome = compute(&s).unwrap();
    let servers = &outcome.horizon.servers;
    assert_eq!(servers.len(), 1);
    let owned = &servers[0];
    assert_eq!(owned.phase, Phase::SelfHost);
    // Bought in months 1, 25 and 49, each for $171,200 with its installation; the first two sold
    // for 20% of $160,000 after 24 months; the third held 12 months of 24 at the end:
    // $160,000 less half of the $128,000 it loses over its life.
    assert_eq!(owned.bought, dec!(3));
    assert_eq!(owned.paid, dec!(513600));
    assert_eq!(owned.resold, dec!(64000));
    assert_eq!((owned.held, owned.held_value), (dec!(1), dec!(96000)));
    assert_eq!(
        owned.in_words(),
        "Self-host's owned servers in cash: 3 bought for $513,600.00, replacements included, $64,000.00 back from those sold at the end of their life; the one still held when the horizon ends is worth $96,000.00 at book value, credited in its last month."
    );
    let months = &outcome.horizon.months;
    let i = Phase::SelfHost.index();
    // Month 2 pays only what runs: maintenance, power, facilities, people; month 1 the server
    // too, month 25 a new one less the old one's resale.
    let running = months[1].cash[i];
    assert_eq!(months[0].cash[i] - running, dec!(171200) + dec!(50000));
    assert_eq!(months[24].cash[i] - running, dec!(171200) - dec!(32000));
    assert_eq!(months[59].cash[i] - running, -dec!(96000));
    // The running month leaves out depreciation, installation and capital: the cash pays for
    // the server itself instead.
    let monthly = &outcome.costs[i];
    let capital_lines: Decimal = monthly.lines[..3].iter().map(|(_, a)| *a).sum();
    let setup = monthly.lines.last().unwrap().1;
    assert_eq!(running, monthly.total - capital_lines - setup);
}
