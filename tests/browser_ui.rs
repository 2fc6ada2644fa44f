//! The window as a browser page runs it, through the same app: a read-only page lets its reader
//! move the volume and nothing else, and a page opens a scenario from an uploaded file's text
//! and saves and exports as downloads. (The page itself is checked in headless Chromium by
//! `web/check_page.py`.)

mod common;

use breakeven::action::Action;
use breakeven::command::Command;
use breakeven::window::{BreakevenApp, Startup, Upload, WebRequest};
use breakeven_model::engine::Phase;
use breakeven_model::scenario::Volume;
use common::{click, click_away, harness, scenario_file, shows, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::dec;

fn page(read_only: bool) -> BreakevenApp {
    let text =
        std::fs::read_to_string(scenario_file("seed000-legal-tech.ron")).expect("the example");
    BreakevenApp::start(
        Startup {
            opened: breakeven_model::scenario::from_ron_str(&text).ok(),
            read_only,
            in_browser: true,
            samples: 0,
            ..common::startup(None)
        },
        None,
    )
}

fn input_tokens(app: &BreakevenApp) -> rust_decimal::Decimal {
    match &app.scenario().workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            ..
        } => input_tokens_per_month.value.get(),
        Volume::Users { .. } => panic!("tokens"),
    }
}

#[test]
fn a_read_only_page_takes_a_new_volume_and_refuses_every_other_change() {
    let mut h = harness(page(true));
    assert_eq!(h.state().recommended(), Some(Phase::FineTune));
    assert!(shows(&h, "Read-only: move the volume"));
    assert!(
        h.state()
            .page_title()
            .starts_with("Breakeven: Fine-tune · Seed case")
    );
    // Another input, changed through the one door, is refused.
    let mut changed = h.state().scenario().clone();
    changed.horizon.build_months = breakeven_model::Sourced::bare(9);
    h.state_mut().apply(Action::Edit(Box::new(changed)));
    assert_eq!(h.state().scenario().horizon.build_months.value, 0);
    h.run();
    assert!(shows(
        &h,
        "This page is read-only: only the volume can change."
    ));
    // The volume is taken.
    let mut quieter = h.state().scenario().clone();
    if let Volume::Tokens {
        input_tokens_per_month,
        output_tokens_per_month,
    } = &mut quieter.workload.volume
    {
        input_tokens_per_month.value = breakeven_model::units::TokensPerMonth::new(dec!(500_000));
        output_tokens_per_month.value = breakeven_model::units::TokensPerMonth::new(dec!(500_000));
    }
    h.state_mut().apply(Action::Edit(Box::new(quieter)));
    assert_eq!(input_tokens(h.state()), dec!(500_000));
    assert_eq!(h.state().recommended(), Some(Phase::Buy));
    assert!(h.state().page_title().starts_with("Breakeven: Buy"));
    // Opening another file is not offered, nor an example, a new scenario or a usage export.
    let now = h.state().scenario().clone();
    for refused in [
        Action::Command(Command::Open),
        Action::Command(Command::New),
        Action::Command(Command::ImportUsage),
        Action::OpenExample(0),
        Action::AskBenchmark("self_host.hosting"),
        Action::Uploaded(Upload::Scenario, "other.ron".into(), Vec::new()),
    ] {
        h.state_mut().apply(refused.clone());
        assert_eq!(h.state_mut().take_web_request(), None, "{refused:?}");
        assert_eq!(h.state().scenario(), &now, "{refused:?}");
        assert!(h.state().dialog().is_none(), "{refused:?}");
    }
    // A what-if that changes more than the volume is greyed out and refused; Volume 3x is a
    // drag of the volume, and taken.
    h.run();
    let team = h.get_by_role_and_label(Role::Button, "Team halved");
    assert!(team.accesskit_node().is_disabled());
    h.state_mut().apply(
        breakeven::action::WorkshopAction::WhatIf(breakeven_model::scenario::WhatIf::HalveTeam)
            .into(),
    );
    assert_eq!(h.state().scenario(), &now);
    click(&mut h, "Volume 3x");
    assert_eq!(input_tokens(h.state()), dec!(1_500_000));
}

/// File > Open in a page: the upload asked for, then the file `name` uploaded.
fn open_upload(h: &mut egui_kittest::Harness<'_, BreakevenApp>, name: &str, bytes: Vec<u8>) {
    h.state_mut().apply(Action::Command(Command::Open));
    assert_eq!(
        h.state_mut().take_web_request(),
        Some(WebRequest::Upload(Upload::Scenario))
    );
    h.state_mut()
        .apply(Action::Uploaded(Upload::Scenario, name.into(), bytes));
    h.run();
}

#[test]
fn a_page_opens_an_upload_and_saves_and_exports_as_downloads() {
    let mut h = harness(page(false));
    // A damaged upload is named, and the scenario stays.
    open_upload(&mut h, "broken.ron", b"Scenario(".to_vec());
    assert!(shows(&h, "Could not open broken.ron"));
    click(&mut h, "OK");
    assert_eq!(h.state().recommended(), Some(Phase::FineTune));
    let default = std::fs::read(scenario_file("default.ron")).expect("the example");
    h.state_mut().apply(Action::Uploaded(
        Upload::Scenario,
        "default.ron".into(),
        default,
    ));
    assert_eq!(h.state().recommended(), Some(Phase::Buy));
    h.state_mut().apply(Action::Command(Command::Save));
    match h.state_mut().take_web_request() {
        Some(WebRequest::Download { name, bytes, .. }) => {
            assert_eq!(name, "example-a-support-assistant-on-gpt-4o-mini.ron");
            let saved = String::from_utf8(bytes).expect("text");
            assert_eq!(
                breakeven_model::scenario::from_ron_str(&saved)
                    .ok()
                    .as_ref(),
                Some(h.state().scenario())
            );
        }
        other => panic!("no download: {other:?}"),
    }
    h.state_mut().apply(Action::Command(Command::Export));
    match h.state_mut().take_web_request() {
        Some(WebRequest::Download { name, bytes, mime }) => {
            assert!(name.ends_with("-report.html"), "{name}");
            assert_eq!(mime, "text/html");
            assert!(String::from_utf8(bytes).expect("text").contains("<h1>"));
        }
        other => panic!("no download: {other:?}"),
    }
    // Typing works as on the desktop.
    type_into(&mut h, "Growth", "3");
    click_away(&mut h);
    assert!(h.state().document().is_dirty());
    // With unsaved changes, an uploaded scenario asks first; Save downloads them, then opens
    // the upload.
    open_upload(
        &mut h,
        "legal.ron",
        std::fs::read(scenario_file("seed000-legal-tech.ron")).expect("the example"),
    );
    assert!(shows(&h, "has changes that are not saved"));
    assert_eq!(h.state().recommended(), Some(Phase::Buy), "not opened yet");
    click(&mut h, "Save");
    match h.state_mut().take_web_request() {
        Some(WebRequest::Download { bytes, .. }) => {
            let saved = String::from_utf8(bytes).expect("text");
            let saved = breakeven_model::scenario::load_draft(&saved).expect("a scenario");
            assert_eq!(
                saved.workload.growth_percent_per_month.value.get(),
                dec!(3),
                "the edit is in the download"
            );
        }
        other => panic!("no download: {other:?}"),
    }
    assert_eq!(
        h.state().recommended(),
        Some(Phase::FineTune),
        "then opened"
    );
    assert!(h.state().dialog().is_none());
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// What a page would upload from the fixtures.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("the fixture")
}

/// What the desktop asks a path for, a page asks the browser's upload for: a scenario to
/// compare with, a usage export, a benchmark. Each upload is read as the file would be, and a
/// damaged one is named.
#[test]
fn a_page_compares_and_imports_through_uploads() {
    let mut h = harness(page(false));
    click(&mut h, "File");
    assert!(shows(&h, "Import usage…"));
    // A page keeps no files: no recent ones, no price lists.
    assert!(!shows(&h, "Open Recent"));
    assert!(!shows(&h, "Import prices…"));
    h.state_mut().apply(Action::Command(Command::CompareWith));
    h.run();
    assert!(shows(&h, "Upload a scenario…"));
    assert!(h.query_by_label("File to compare with").is_none());
    click(&mut h, "Upload a scenario…");
    assert_eq!(
        h.state_mut().take_web_request(),
        Some(WebRequest::Upload(Upload::Compare))
    );
    h.state_mut().apply(Action::Uploaded(
        Upload::Compare,
        "default.ron".into(),
        std::fs::read(scenario_file("default.ron")).expect("the example"),
    ));
    assert!(h.state().workshop().comparison.is_some());
    h.run();
    assert!(shows(&h, "default.ron"));

    h.state_mut().apply(Action::Command(Command::ImportUsage));
    assert_eq!(
        h.state_mut().take_web_request(),
        Some(WebRequest::Upload(Upload::Usage))
    );
    h.state_mut().apply(Action::Uploaded(
        Upload::Usage,
        "usage.csv".into(),
        fixture("usage/usage.csv"),
    ));
    h.run();
    assert!(shows(&h, "Behind 80% of the bill"));
    click(&mut h, "Cancel");
    h.state_mut().apply(Action::Uploaded(
        Upload::Usage,
        "photo.csv".into(),
        vec![0xff, 0xfe, 0],
    ));
    h.run();
    assert!(shows(&h, "photo.csv: it is not text (byte 1 is not UTF-8)"));
    click(&mut h, "OK");

    h.state_mut()
        .apply(Action::AskBenchmark("fine_tune.serving.hosting"));
    assert_eq!(
        h.state_mut().take_web_request(),
        Some(WebRequest::Upload(Upload::Benchmark(
            "fine_tune.serving.hosting"
        )))
    );
    h.state_mut().apply(Action::Uploaded(
        Upload::Benchmark("self_host.hosting"),
        "vllm.json".into(),
        fixture("benchmarks/vllm-bench-serve.json"),
    ));
    h.run();
    assert!(shows(&h, "Apply to the instances"));
    click(&mut h, "Apply to the instances");
    let throughput = format!("{:?}", h.state().scenario().self_host.hosting.throughput);
    assert!(throughput.contains("vllm.json"), "{throughput}");

    // A file larger than its kind allows is refused before it is read, with its size, as the
    // desktop refuses it; the scenario stays.
    let before = h.state().scenario().clone();
    for (upload, name, says) in [
        (
            Upload::Usage,
            "huge.csv",
            "huge.csv: it is 4768.3 MB; a usage file is read up to 64.0 MB",
        ),
        (
            Upload::Benchmark("self_host.hosting"),
            "huge.json",
            "huge.json: it is 4768.3 MB; a benchmark is read up to 64.0 MB",
        ),
        (
            Upload::Compare,
            "huge.ron",
            "the file is 5000000000 bytes; a scenario is at most",
        ),
        (
            Upload::Scenario,
            "huge.ron",
            "the file is 5000000000 bytes; a scenario is at most",
        ),
    ] {
        h.state_mut()
            .apply(Action::UploadTooLarge(upload, name.into(), 5_000_000_000));
        h.run();
        assert!(shows(&h, says), "{upload:?}");
        assert_eq!(h.state().scenario(), &before, "{upload:?}");
        click(&mut h, "OK");
    }

    // Import prices has no data folder to keep them in: the page says so.
    h.state_mut().apply(Action::Command(Command::ImportPrices));
    h.run();
    assert!(shows(&h, "A page keeps no price lists"));
}

/// The example with its growth given as 1 to 9% a month, the scenario the page check uploads.
fn growth_ranged() -> breakeven_model::Scenario {
    let text = String::from_utf8(fixture("ranged-growth.ron")).expect("text");
    breakeven_model::scenario::from_ron_str(&text).expect("a scenario")
}

/// A page has no threads: its How sure run is computed a few samples in each frame, and gives
/// the desktop's answer.
#[test]
fn a_page_samples_its_ranges_in_frames() {
    let scenario = growth_ranged();
    let app = BreakevenApp::start(
        Startup {
            opened: Some(scenario.clone()),
            in_browser: true,
            samples: 200,
            ..common::startup(None)
        },
        None,
    );
    let mut h = harness(app);
    click(&mut h, "How sure");
    let mut frames = 0;
    while !shows(&h, "200 samples (seed 2026)") {
        frames += 1;
        assert!(frames < 100, "no estimate after {frames} frames");
        h.step();
    }
    let desktop = breakeven_model::uncertainty::run(
        &scenario,
        common::today(),
        200,
        breakeven_model::uncertainty::DEFAULT_SEED,
        &|_| true,
    )
    .expect("computes")
    .expect("not stopped");
    // Compared as printed: a band of an option off the table is NaN, which equals nothing.
    let shown = h.state().how_sure().map(|u| format!("{u:?}"));
    assert!(
        shown == Some(format!("{desktop:?}")),
        "the page's answer differs"
    );
    assert!(shows(&h, "Confidence: 100% of 200 samples recommend it"));
}

/// In frames, a run takes a few samples a frame, so no frame waits for all of them, and an edit
/// starts it again.
#[test]
fn a_run_in_frames_takes_a_few_samples_a_frame() {
    use breakeven::state::sampling::{SAMPLES_PER_FRAME, Sampler};
    let scenario = growth_ranged();
    let mut sampler = Sampler::in_frames(200);
    sampler.start(&scenario, 1, common::today(), || {});
    assert_eq!(SAMPLES_PER_FRAME, 25);
    for frame in 1..8_u32 {
        assert!(sampler.tick());
        assert_eq!(sampler.progress(), Some((frame * 25, 200)));
        assert!(sampler.latest().is_none());
    }
    assert!(sampler.tick());
    assert_eq!(
        sampler.latest().map(|e| (e.revision, e.refining)),
        Some((1, false))
    );
    assert!(!sampler.tick(), "nothing left to do");
    // An edit starts again, from nothing.
    sampler.start(&scenario, 2, common::today(), || {});
    assert!(sampler.tick());
    assert_eq!(sampler.progress(), Some((25, 200)));
}
