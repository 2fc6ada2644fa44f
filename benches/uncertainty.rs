//! The Monte Carlo on the default scenario with five ranged inputs (volume, growth, the API price
//! trend, utilisation and the self-hosting staff's hours): the first estimate of 1,000 samples
//! (goal: under 150 ms) and the full 10,000 (goal: under 1 s on two cores).

use std::hint::black_box;

use breakeven_model::Scenario;
use breakeven_model::uncertainty::run;
use criterion::{Criterion, criterion_group, criterion_main};

/// The default example with five inputs given as ranges, as a planning meeting would.
fn five_ranges() -> Scenario {
    let text = breakeven_model::scenario::DEFAULT_RON
        .replacen(
            "growth_percent_per_month: (value: \"5\", source: \"example\"),",
            "growth_percent_per_month: (value: \"5\", source: \"example\", low: \"1\", high: \"9\"),",
            1,
        )
        .replacen(
            "source: \"example: 70% of 1B tokens are prompts\"),",
            "source: \"example: 70% of 1B tokens are prompts\", low: \"300000000\", high: \"3000000000\"),",
            1,
        )
        .replacen(
            "source: \"example: API prices have fallen year on year; set your own view\"),",
            "source: \"example: API prices have fallen year on year; set your own view\", low: \"-50\", high: \"0\"),",
            1,
        )
        .replacen(
            "below 70% utilisation the per-token cost climbs\"),",
            "below 70% utilisation the per-token cost climbs\", low: \"40\", high: \"85\"),",
            1,
        )
        .replacen(
            "a conservative 10 hours/month\"),",
            "a conservative 10 hours/month\", low: \"5\", high: \"160\"),",
            1,
        );
    let scenario =
        breakeven_model::scenario::from_ron_str(&text).expect("the ranged default loads");
    assert_eq!(breakeven_model::uncertainty::ranged(&scenario).len(), 5);
    scenario
}

fn monte_carlo(c: &mut Criterion) {
    let scenario = five_ranges();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    let mut group = c.benchmark_group("monte carlo, default.ron with five ranges");
    group.sample_size(10);
    group.bench_function("first estimate, 1,000 samples", |b| {
        b.iter(|| run(black_box(&scenario), today, 1_000, 2026, &|_| true));
    });
    group.bench_function("10,000 samples", |b| {
        b.iter(|| run(black_box(&scenario), today, 10_000, 2026, &|_| true));
    });
    group.finish();
}

criterion_group!(benches, monte_carlo);
criterion_main!(benches);
