//! The exact recompute of a scenario (goal: under 100 us) and the same with the plot samples of
//! every curve (goal: under 1 ms), so dragging a slider never drops a frame (design.md); and the
//! portfolio and roadmap of a scenario of three features.

use std::hint::black_box;

use breakeven_model::Scenario;
use breakeven_model::decision::{decide, recommend};
use breakeven_model::engine::{break_even, build_models, compute, horizon, samples};
use criterion::{Criterion, criterion_group, criterion_main};

fn engine(c: &mut Criterion) {
    let scenario = Scenario::embedded_default();
    c.bench_function("compute default.ron (costs, break-evens, horizon)", |b| {
        b.iter(|| compute(black_box(&scenario)));
    });
    c.bench_function("compute default.ron with plot samples", |b| {
        b.iter(|| {
            let outcome = compute(black_box(&scenario)).expect("the default computes");
            samples(&outcome.models, outcome.range.0, outcome.range.1)
        });
    });
}

/// The parts of `compute`, to see where its time goes.
fn parts(c: &mut Criterion) {
    let scenario = Scenario::embedded_default();
    let outcome = compute(&scenario).expect("the default computes");
    let share = outcome.traffic.input_share().expect("a share");
    c.bench_function("part: build the four cost models", |b| {
        b.iter(|| build_models(black_box(&scenario), share));
    });
    c.bench_function("part: break-evens of the six pairs", |b| {
        b.iter(|| {
            for (i, a) in outcome.models.iter().enumerate() {
                for other in &outcome.models[i + 1..] {
                    let _ = black_box(break_even(a, other, outcome.range.0, outcome.range.1));
                }
            }
        });
    });
    c.bench_function("part: horizon of 36 months", |b| {
        b.iter(|| horizon(black_box(&scenario), &outcome.models, outcome.volume, false));
    });
}

/// The recommendation on top of the costs (every frame while editing), and the whole decision
/// with its sensitivity table (which recomputes the scenario for each driver moved).
fn decision(c: &mut Criterion) {
    let scenario = Scenario::embedded_default();
    let outcome = compute(&scenario).expect("the default computes");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    c.bench_function("recommend default.ron", |b| {
        b.iter(|| recommend(black_box(&scenario), &outcome, today));
    });
    c.bench_function("decide default.ron with sensitivity and matrix", |b| {
        b.iter(|| decide(black_box(&scenario), &outcome, today));
    });
}

/// Several features: each evaluated alone, the mix, and the roadmap, which takes the decision
/// again in each of the 36 months for each of the three features (goal: under 30 ms, so the
/// Roadmap tab follows an edit without a visible wait).
fn features(c: &mut Criterion) {
    let scenario = breakeven_model::scenario::from_ron_str(include_str!(
        "../scenarios/three-features-roadmap.ron"
    ))
    .expect("the example loads");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let catalog = breakeven_model::Catalog::embedded();
    c.bench_function("portfolio and roadmap of three-features-roadmap.ron", |b| {
        b.iter(|| breakeven_model::portfolio::portfolio(black_box(&scenario), today, catalog));
    });
}

criterion_group!(benches, engine, parts, decision, features);
criterion_main!(benches);
