//! The window as a browser page runs it, through the same app: a read-only page lets its reader
//! move the volume and nothing else, and a page opens a scenario from an uploaded file's text
//! and saves and exports as downloads. (The page itself is checked in headless Chromium by
//! `web/check_page.py`.)

mod common;

use breakeven::action::Action;
use breakeven::command::Command;
use breakeven::window::{BreakevenApp, Startup, WebRequest};
use breakeven_model::engine::Phase;
use breakeven_model::scenario::Volume;
use common::{harness, scenario_file, shows, type_into};
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
    // Opening another file is not offered.
    h.state_mut().apply(Action::Command(Command::Open));
    assert_eq!(h.state_mut().take_web_request(), None);
}

#[test]
fn a_page_opens_an_upload_and_saves_and_exports_as_downloads() {
    let mut h = harness(page(false));
    h.state_mut().apply(Action::Command(Command::Open));
    assert_eq!(h.state_mut().take_web_request(), Some(WebRequest::Upload));
    // A damaged upload is named, and the scenario stays.
    h.state_mut()
        .apply(Action::OpenText("broken.ron".into(), "Scenario(".into()));
    h.run();
    assert!(shows(&h, "Could not open broken.ron"));
    assert_eq!(h.state().recommended(), Some(Phase::FineTune));
    let default = std::fs::read_to_string(scenario_file("default.ron")).expect("the example");
    h.state_mut()
        .apply(Action::OpenText("default.ron".into(), default));
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
}
