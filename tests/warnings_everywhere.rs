//! The same warnings everywhere: every warning and notice the window shows for an example is in
//! every report format `breakeven report` prints, in the exported report.html and in Edit > Copy
//! Summary, on a day when the catalog's prices are old and every example is due for review.

#![allow(
    clippy::unwrap_used,
    reason = "the helpers read what the test expects to be there: a panic is the test failing"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use breakeven::state::examples::EXAMPLES;
use breakeven::window::{BreakevenApp, Startup};
use breakeven_model::report::CautionKind;
use chrono::NaiveDate;
use common::{click, harness, scenario_file, shows};
use egui::OutputCommand;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serde_json::Value;

/// Ten months after the examples were last reviewed (2026-11-01): their review is overdue, and
/// the catalog's prices (2025-09 to 2026-01) are 20 months old and more.
const STALE: &str = "2027-09-01";

fn stale_day() -> NaiveDate {
    STALE.parse().unwrap()
}

/// Every example scenario's file, as File > Examples lists them.
fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_file(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert_eq!(files.len(), EXAMPLES.len(), "an example is not in the menu");
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            EXAMPLES.iter().any(|(_, example)| *example == text),
            "{} is not in the menu",
            file.display()
        );
    }
    files
}

/// The window on `file`, on the stale day.
fn window(file: &Path) -> Harness<'static, BreakevenApp> {
    let startup = Startup {
        today: stale_day(),
        ..common::startup(Some(file.to_owned()))
    };
    harness(BreakevenApp::start(startup, None))
}

/// Edit > Copy Summary as Markdown, and what landed on the clipboard.
fn copy_summary(harness: &mut Harness<'_, BreakevenApp>) -> String {
    click(harness, "Edit");
    harness
        .get_by_label_contains("Copy Summary as Markdown")
        .click();
    (0..3)
        .find_map(|_| {
            harness.step();
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .find_map(|c| match c {
                    OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                })
        })
        .expect("something was copied")
}

/// What `breakeven ARGS` prints; it must succeed.
fn breakeven(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_breakeven"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn every_warning_the_window_shows_is_in_every_report_the_export_and_the_copied_summary() {
    let mut kinds = Vec::new();
    for file in examples() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let path = file.to_str().unwrap();
        let mut harness = window(&file);
        let cautions = harness
            .state()
            .evaluation()
            .expect("the example is computed")
            .cautions
            .clone();
        assert!(!cautions.is_empty(), "{name}: at least the review is due");
        // On the card: each one shown, those about options ruled out counted.
        for caution in &cautions.shown {
            assert!(
                shows(&harness, &caution.text),
                "{name}: the window does not show \"{}\"",
                caution.text
            );
        }
        if let Some(heading) = cautions.left_out_heading() {
            assert!(shows(&harness, &heading), "{name}: no \"{heading}\"");
        }
        let copied = copy_summary(&mut harness);
        let report =
            |format: &str| breakeven(&["report", path, "--format", format, "--today", STALE]);
        let (text, markdown) = (report("text"), report("markdown"));
        let json: Value = serde_json::from_str(&report("json")).unwrap();
        let messages: Vec<&str> = json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["message"].as_str().unwrap())
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("pack");
        breakeven(&[
            "export",
            path,
            "--out",
            out.to_str().unwrap(),
            "--today",
            STALE,
        ]);
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        let exported_markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
        assert_eq!(exported_markdown, markdown, "{name}");
        for caution in cautions.all() {
            kinds.push(caution.kind);
            let said = &caution.text;
            assert!(
                text.contains(said),
                "{name}: the text report lacks \"{said}\""
            );
            assert!(
                markdown.contains(said),
                "{name}: the Markdown report lacks \"{said}\""
            );
            assert!(
                messages.contains(&said.as_str()),
                "{name}: the JSON lacks \"{said}\""
            );
            assert!(
                html.contains(&escape(said)),
                "{name}: report.html lacks \"{said}\""
            );
            assert!(
                copied.contains(said),
                "{name}: the copied summary lacks \"{said}\""
            );
        }
        // Nothing more either: the JSON's list is the window's.
        assert_eq!(messages.len(), cautions.all().count(), "{name}");
    }
    for kind in [
        CautionKind::Notice,
        CautionKind::PriceAge,
        CautionKind::Figures,
    ] {
        assert!(kinds.contains(&kind), "no example had a {kind:?} caution");
    }
}

#[test]
fn report_html_prints_the_exports_report_html() {
    let file = scenario_file("seed000-legal-tech.ron");
    let path = file.to_str().unwrap();
    let printed = breakeven(&["report", path, "--format", "html", "--today", STALE]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    breakeven(&[
        "export",
        path,
        "--out",
        out.to_str().unwrap(),
        "--today",
        STALE,
    ]);
    assert_eq!(
        printed,
        std::fs::read_to_string(out.join("report.html")).unwrap()
    );
    assert!(
        printed.contains("The catalog&#39;s g5.2xlarge prices are from 2026-01, 20 months ago")
    );
}
