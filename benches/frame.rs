//! One frame of the whole window, headless, while an input changes (as when the volume slider
//! is dragged): egui's run and tessellation, with the model's recompute. Goal: under 1 ms
//! median in release, far inside a 60 Hz frame.

use std::hint::black_box;

use breakeven::action::Action;
use breakeven::window::{BreakevenApp, Startup};
use breakeven_model::scenario::Volume;
use breakeven_model::units::TokensPerMonth;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    // Started as a user starts it, recovery files included (in a folder of the benchmark's).
    let recovery = tempfile::tempdir().expect("a temporary folder");
    let startup = Startup {
        today,
        recovery_folder: Some(recovery.path().to_path_buf()),
        ..Startup::new(None)
    };
    let mut app = BreakevenApp::start(startup, None);
    // Warm up: fonts, layout caches, plot memory.
    for _ in 0..3 {
        let _ = ctx.run_ui(raw_input(), |ui| app.show(ui));
    }
    let mut step: u64 = 0;
    c.bench_function("one frame of the window while the volume changes", |b| {
        b.iter(|| {
            step += 1;
            let mut edited = app.scenario().clone();
            if let Volume::Tokens {
                input_tokens_per_month,
                ..
            } = &mut edited.workload.volume
            {
                let offset = Decimal::from(step % 1000) * Decimal::from(1_000_000);
                input_tokens_per_month.value =
                    TokensPerMonth::new(Decimal::from(700_000_000) + offset);
            }
            app.apply(Action::Edit(Box::new(edited)));
            let output = ctx.run_ui(raw_input(), |ui| app.show(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        });
    });
    c.bench_function("one frame of the window, nothing changing", |b| {
        b.iter(|| {
            let output = ctx.run_ui(raw_input(), |ui| app.show(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        });
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
