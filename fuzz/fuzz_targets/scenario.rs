//! Structured scenarios: arbitrary values in a valid shape, so that the engines themselves are
//! reached on every run (random bytes almost never make a valid scenario).
#![no_main]

mod common;

use arbitrary::Arbitrary;
use breakeven_model::Scenario;
use breakeven_model::decision::PresetChoice;
use breakeven_model::scenario::{
    DataResidency, FrontierVelocity, Gap, InstancePrice, PriceKind, ProductStage, Revenue, ServingKind, Staff,
    StaffKind, Throughput, TunedServing, Volume, validate,
};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{
    Count, HoursPerMonth, Percent, Ratio, Tokens, TokensPerMonth, TokensPerSecond, Usd, UsdPerHour,
    UsdPerMillionTokens, UsdPerMonth, UsdPerYear, parse_human, whole_number,
};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[derive(Arbitrary, Debug)]
struct Inputs {
    volume: (u16, u8),
    input_share: u8,
    prices: [u32; 4],
    shares: [u8; 6],
    retry_tenths: u8,
    peak_tenths: u8,
    changes: [i8; 4],
    gpu_millis: u32,
    pricing: u8,
    hours: u16,
    tps: Option<u32>,
    utilisation: u8,
    min_instances: u8,
    staff: (Option<u16>, u16),
    serving: u8,
    runs: [u32; 3],
    months: [u8; 5],
    discount: u8,
    revenue: Option<u32>,
    answers: [Option<u8>; 5],
    counts: [Option<u32>; 4],
    flags: [Option<bool>; 3],
    corpus: Option<u64>,
    preset: u8,
    window: WindowMoves,
}

/// What the window does to a scenario besides typing into a field: switch a price, the staff or
/// the tuned model's serving to another kind, drag the volume slider, read a typed whole
/// number. The values cover the whole decimal range, as typed values do before validation.
#[derive(Arbitrary, Debug)]
struct WindowMoves {
    price: RawDecimal,
    kinds: [u8; 3],
    total: RawDecimal,
    typed: String,
    whole: RawDecimal,
}

/// Any decimal at all, from its parts.
#[derive(Arbitrary, Debug)]
struct RawDecimal(u32, u32, u32, bool, u8);

impl RawDecimal {
    fn get(&self) -> Decimal {
        Decimal::from_parts(self.0, self.1, self.2, self.3, u32::from(self.4 % 29))
    }
}

fn d(value: impl Into<Decimal>) -> Decimal {
    value.into()
}

fn percent(x: u8) -> Percent {
    Percent::new(d(x % 101))
}

fn change(x: i8) -> Percent {
    Percent::new(d(i32::from(x).clamp(-100, 100)))
}

fn months(x: u8, min: u8) -> u32 {
    u32::from((x % 121).max(min))
}

/// A valid scenario built from `inputs`: every value reduced into its field's range.
fn scenario(i: &Inputs) -> Scenario {
    let mut s = Scenario::embedded_default();
    let total = d(u32::from(i.volume.0 % 1000) + 1) * d(10_u64.pow(u32::from(i.volume.1 % 13)));
    let input = total * d(i.input_share % 101) / Decimal::ONE_HUNDRED;
    s.workload.volume = Volume::Tokens {
        input_tokens_per_month: Sourced::bare(TokensPerMonth::new(input.round())),
        output_tokens_per_month: Sourced::bare(TokensPerMonth::new((total - input).round())),
    };
    let price = |p: u32| UsdPerMillionTokens::new(Decimal::new(i64::from(p % 100_000_000), 3));
    s.buy.input_usd_per_1m.value = price(i.prices[0]);
    s.buy.output_usd_per_1m.value = price(i.prices[1]);
    s.buy.cached_input_usd_per_1m.value = price(i.prices[2]);
    s.buy.cached_input_percent.value = percent(i.shares[0]);
    s.buy.batch_percent.value = percent(i.shares[1]);
    s.buy.batch_discount_percent.value = percent(i.shares[2]);
    s.buy.commitment_discount_percent.value = percent(i.shares[3]);
    s.buy.retry_factor.value = Ratio::new(Decimal::new(i64::from(i.retry_tenths % 91) + 10, 1));
    s.workload.peak_to_average.value = Ratio::new(Decimal::new(i64::from(i.peak_tenths % 91) + 10, 1));
    s.workload.growth_percent_per_month.value = change(i.changes[0]);
    s.horizon.api_price_change_percent_per_year.value = change(i.changes[1]);
    s.horizon.gpu_price_change_percent_per_year.value = change(i.changes[2]);
    let hourly = Sourced::bare(UsdPerHour::new(Decimal::new(i64::from(i.gpu_millis % 100_000_000), 3)));
    let h = &mut s.self_host.hosting;
    h.price = match i.pricing % 3 {
        0 => InstancePrice::OnDemand { usd_per_hour: hourly },
        1 => InstancePrice::Reserved { usd_per_hour: hourly, term_months: months(i.months[0], 1) },
        _ => InstancePrice::Monthly { usd_per_month: Sourced::bare(UsdPerMonth::new(d(i.gpu_millis % 1_000_000))) },
    };
    h.hours_in_service_per_month.value = HoursPerMonth::new(d(i.hours % 730 + 1));
    h.throughput = match i.tps {
        None => Throughput::Unlimited,
        Some(tps) => Throughput::Measured {
            model: "fuzz".into(),
            output_tokens_per_second: Sourced::bare(TokensPerSecond::new(d(tps % 1_000_000 + 1))),
            concurrency: 16,
            input_tokens_per_request: breakeven_model::units::TokensPerRequest::new(d(tps % 2000)),
            output_tokens_per_request: breakeven_model::units::TokensPerRequest::new(d(tps % 500 + 1)),
        },
    };
    h.target_utilisation_percent.value = Percent::new(d(i.utilisation % 100 + 1));
    h.min_instances.value = u32::from(i.min_instances % 20);
    s.self_host.staff = match i.staff.0 {
        Some(people) => Staff::People {
            people: Sourced::bare(Count::new(Decimal::new(i64::from(people % 1000), 1))),
            loaded_usd_per_year: Sourced::bare(UsdPerYear::new(d(i.staff.1) * d(10))),
        },
        None => Staff::Hours {
            hours_per_month: Sourced::bare(HoursPerMonth::new(d(i.staff.1 % 5000))),
            usd_per_hour: Sourced::bare(UsdPerHour::new(d(i.staff.1 % 500))),
        },
    };
    s.fine_tune.routed_percent.value = percent(i.shares[4]);
    s.fine_tune.fallback_percent.value = percent(i.shares[5]);
    s.fine_tune.serving = match i.serving % 3 {
        0 => TunedServing::Hosted(Box::new(s.self_host.hosting.clone())),
        1 => TunedServing::PerToken { input_usd_per_1m: Sourced::bare(price(i.prices[3])), output_usd_per_1m: Sourced::bare(price(i.prices[3] / 3)) },
        _ => TunedServing::Flat { usd_per_month: Sourced::bare(UsdPerMonth::new(d(i.prices[3] % 10_000_000))), tokens_per_month: Sourced::bare(TokensPerMonth::new(d(u64::from(i.prices[2]) % 1_000_000_000_000))) },
    };
    s.fine_tune.curation_usd_per_run.value = Usd::new(d(i.runs[0]));
    s.fine_tune.training_usd_per_run.value = Usd::new(d(i.runs[1]));
    s.fine_tune.evaluation_usd_per_run.value = Usd::new(d(i.runs[2]));
    s.fine_tune.retrain_every_months.value = months(i.months[1], 0);
    s.horizon.months.value = months(i.months[2], 1);
    s.horizon.build_months.value = months(i.months[3], 0);
    s.horizon.parallel_run_months.value = months(i.months[4], 0);
    s.pretrain.build_months.value = months(i.months[0], 0);
    s.horizon.discount_rate_percent_per_year.value = percent(i.discount);
    s.revenue = i.revenue.map(|r| Revenue {
        usd_per_month: Sourced::bare(UsdPerMonth::new(d(r))),
        growth_percent_per_month: Sourced::bare(change(i.changes[3])),
        other_cost_of_revenue_usd_per_month: Sourced::bare(UsdPerMonth::new(d(r / 7))),
    });
    let m = &mut s.matrix;
    let residency = [DataResidency::NoConstraint, DataResidency::Contractual, DataResidency::Regulated, DataResidency::AirGapped];
    m.data_residency = i.answers[0].map(|a| residency[usize::from(a) % 4]);
    let stage = [ProductStage::BeforeProductMarketFit, ProductStage::ProductMarketFit, ProductStage::Scaling];
    m.product_stage = i.answers[1].map(|a| stage[usize::from(a) % 3]);
    let velocity = [FrontierVelocity::Fast, FrontierVelocity::Moderate, FrontierVelocity::Plateaued];
    m.frontier_velocity = i.answers[2].map(|a| velocity[usize::from(a) % 3]);
    let gaps = [Gap::OutputFormat, Gap::DomainVocabulary, Gap::Style, Gap::Latency, Gap::MissingFacts, Gap::NothingSpecific];
    m.fine_tuning_fit.gap = i.answers[3].map(|a| gaps[usize::from(a) % 6]);
    m.fine_tuning_fit.labelled_examples = i.counts[0].map(|n| Sourced::bare(Count::new(d(n % 1_000_000))));
    m.fine_tuning_fit.latency_target_ms = i.counts[1].map(|n| Sourced::bare(Count::new(d(n % 100_000))));
    m.engineering.ml_people = i.counts[2].map(|n| Sourced::bare(Count::new(d(n % 100))));
    m.engineering.infra_people = i.counts[3].map(|n| Sourced::bare(Count::new(d(n % 100))));
    m.engineering.overloaded = i.flags[0];
    m.pretraining.platform = i.flags[1];
    m.pretraining.domain_poorly_served = i.flags[2];
    m.pretraining.unique_corpus_tokens = i.corpus.map(|c| Sourced::bare(Tokens::new(d(c % 1_000_000_000_000_000))));
    m.pretraining.budget_usd = i.counts[0].map(|n| Sourced::bare(Usd::new(d(n) * d(10))));
    m.pretraining.months_available = i.answers[4].map(|a| Sourced::bare(months(a, 0)));
    let presets = ["questions-that-matter", "build-vs-buy-openai", "ai-build-vs-buy-decision"];
    s.rule_preset = PresetChoice::BuiltIn(presets[usize::from(i.preset) % 3].to_owned());
    s
}

/// The window's conversions on `s` with the moves' values: each converts or says why not, and
/// never panics; what converts keeps its promise.
fn window_moves(s: &Scenario, moves: &WindowMoves) {
    let prices = [
        InstancePrice::OnDemand { usd_per_hour: Sourced::bare(UsdPerHour::new(moves.price.get())) },
        InstancePrice::Monthly { usd_per_month: Sourced::bare(UsdPerMonth::new(moves.price.get())) },
        s.self_host.hosting.price.clone(),
    ];
    let price_kinds = [PriceKind::OnDemand, PriceKind::Reserved, PriceKind::Monthly];
    for price in &prices {
        let kind = price_kinds[usize::from(moves.kinds[0]) % 3];
        if let Ok(converted) = price.as_kind(kind) {
            assert_eq!(converted.kind(), kind);
        }
    }
    let staff_kinds = [StaffKind::Hours, StaffKind::People];
    let kind = staff_kinds[usize::from(moves.kinds[1]) % 2];
    assert_eq!(s.self_host.staff.as_kind(kind).kind(), kind);
    let serving_kinds = [ServingKind::Hosted, ServingKind::PerToken, ServingKind::Flat];
    let kind = serving_kinds[usize::from(moves.kinds[2]) % 3];
    let mut priced = s.clone();
    priced.buy.input_usd_per_1m.value = UsdPerMillionTokens::new(moves.price.get());
    for scenario in [s, &priced] {
        if let Ok(serving) = TunedServing::for_kind(kind, scenario) {
            assert_eq!(serving.kind(), kind);
        }
    }
    let totals = [Some(moves.total.get()), parse_human(&moves.typed).ok()];
    for total in totals.into_iter().flatten() {
        if let Ok(moved) = s.workload.volume.with_total_tokens(TokensPerMonth::new(total)) {
            if let Ok(Some(sum)) = moved.total_tokens() {
                assert_eq!(sum, TokensPerMonth::new(total).round_dp(0), "the slider's total is exact");
            }
        }
    }
    for typed in [Some(moves.whole.get()), parse_human(&moves.typed).ok()].into_iter().flatten() {
        if let Some(n) = whole_number(typed) {
            assert_eq!(Decimal::from(n), typed.normalize());
        }
    }
}

fuzz_target!(|inputs: Inputs| {
    let s = scenario(&inputs);
    let problems = validate(&s);
    assert!(problems.is_empty(), "the builder makes only valid scenarios: {problems:?}");
    window_moves(&s, &inputs.window);
    common::exercise(&s, usize::from(inputs.preset));
});
