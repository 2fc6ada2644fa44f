//! The board-deck export: the HTML report with its charts, and the whole pack written to a
//! folder. No goal in design.md; a user clicks Export once, so a fraction of a second is plenty.

use std::hint::black_box;

use breakeven::export::Pack;
use breakeven_model::scenario::from_ron_str;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

const LEGAL_TECH: &str = include_str!("../scenarios/seed000-legal-tech.ron");

fn export(c: &mut Criterion) {
    let scenario = from_ron_str(LEGAL_TECH).expect("the example loads");
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.bench_function("the HTML report, three SVG charts inline", |b| {
        b.iter(|| {
            Pack::new(black_box(&scenario), today)
                .and_then(|pack| pack.html())
                .expect("the report")
        });
    });
    let dir = tempfile::tempdir().expect("a folder");
    group.bench_function("the whole pack into a folder", |b| {
        b.iter(|| {
            Pack::new(black_box(&scenario), today)
                .and_then(|pack| pack.write(dir.path()))
                .expect("the pack")
        });
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
