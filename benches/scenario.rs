//! Reading, validating and writing a scenario, and seed 001's calculator: the work done each
//! time a file is opened or saved. The cost engine's benchmarks join these with the engine.

use std::hint::black_box;

use breakeven_model::quick::{QuickInputs, break_even};
use breakeven_model::scenario::{DEFAULT_RON, from_ron_str, to_ron_string, validate};
use criterion::{Criterion, criterion_group, criterion_main};

fn scenario_files(c: &mut Criterion) {
    let scenario = from_ron_str(DEFAULT_RON).expect("default.ron is valid");
    c.bench_function("load and validate default.ron", |b| {
        b.iter(|| from_ron_str(black_box(DEFAULT_RON)));
    });
    c.bench_function("validate default", |b| {
        b.iter(|| validate(black_box(&scenario)));
    });
    c.bench_function("write default as RON", |b| {
        b.iter(|| to_ron_string(black_box(&scenario)));
    });
}

fn quick(c: &mut Criterion) {
    let inputs = QuickInputs::seed_001();
    c.bench_function("seed 001 quick break-even", |b| {
        b.iter(|| break_even(black_box(&inputs)));
    });
}

criterion_group!(benches, scenario_files, quick);
criterion_main!(benches);
