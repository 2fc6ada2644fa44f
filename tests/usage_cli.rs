//! `breakeven usage` as a user runs it: a usage export summed, priced and ranked, the measured
//! workload written into a copy of a scenario that checks; hostile files refused with one
//! message naming the file and the line or key.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{refused, run_in, succeeded, write_file};

const USAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/usage");

fn breakeven(args: &[&str]) -> Output {
    run_in(Path::new("/nonexistent/breakeven-usage-tests"), args)
}

fn fixture(name: &str) -> String {
    format!("{USAGE}/{name}")
}

#[test]
fn a_usage_csv_is_summed_priced_and_the_features_behind_80_percent_named() {
    let text = succeeded(&breakeven(&["usage", &fixture("usage.csv")]));
    assert!(
        text.contains("usage.csv (usage CSV): 2026-09-01 to 2026-11-30."),
        "{text}"
    );
    assert!(
        text.contains("2026-11: 1,391,500,000 (242,000,000 cached), 320,650,000"),
        "{text}"
    );
    assert!(
        text.contains("gpt-4o-mini-2024-07-18: priced as the catalog's gpt-4o-mini"),
        "{text}"
    );
    assert!(
        text.contains("Behind 80% of the bill: \"contract extraction, EU\" (54.2%) and \"support chat\" (44.2%)"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&succeeded(&breakeven(&[
        "usage",
        &fixture("usage.csv"),
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert_eq!(json["total_usd"], "2136.61");
    assert_eq!(json["features"][0]["feature"], "contract extraction, EU");
    assert_eq!(json["features"][0]["usd"], "1158.50");
    assert_eq!(json["behind_80_percent"][1], "support chat");
    assert_eq!(json["months"][2]["cached_input_tokens"], 242_000_000);
}

#[test]
fn the_measured_workload_goes_into_a_copy_of_a_scenario_that_checks() {
    let folder = tempfile::tempdir().expect("a folder");
    let out = folder.path().join("measured.ron");
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/default.ron");
    let before = std::fs::read(scenario).expect("the example");
    let out_text = out.to_str().expect("a path");
    let text = succeeded(&breakeven(&[
        "usage",
        &fixture("usage.csv"),
        "--scenario",
        scenario,
        "--out",
        out_text,
    ]));
    assert!(text.contains("The measured workload is in"), "{text}");
    assert_eq!(std::fs::read(scenario).expect("the example"), before);
    succeeded(&breakeven(&["check", out_text]));
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(
        written.contains("input_tokens_per_month: (value: \"1391500000\""),
        "{written}"
    );
    assert!(
        written.contains("growth_percent_per_month: (value: \"10.00\""),
        "{written}"
    );
    assert!(
        written.contains("measured: usage.csv, 2026-09-01 to 2026-11-30"),
        "{written}"
    );
    // Never over the scenario itself.
    let err = refused(&breakeven(&[
        "usage",
        &fixture("usage.csv"),
        "--scenario",
        out_text,
        "--out",
        out_text,
    ]));
    assert!(err.contains("--out is the scenario itself"), "{err}");
}

#[test]
fn each_export_is_read_by_its_shape() {
    for (file, says) in [
        (
            "openai-usage-completions.json",
            "OpenAI usage (completions)",
        ),
        ("anthropic-usage-report.json", "Anthropic usage report"),
        ("litellm-spend-logs.json", "LiteLLM spend logs"),
    ] {
        let text = succeeded(&breakeven(&["usage", &fixture(file)]));
        assert!(text.contains(says), "{file}: {text}");
    }
}

#[test]
fn hostile_usage_files_get_one_message_naming_the_file_and_where() {
    let folder = tempfile::tempdir().expect("a folder");
    let write = |name: &str, bytes: &[u8]| write_file(folder.path(), name, bytes);
    for (path, says) in [
        (
            write(
                "bad.csv",
                b"date,feature,model,input_tokens,output_tokens\n2026-09-01,a,gpt-4o,12,-5\n",
            ),
            "line 2: output_tokens is `-5`, not a count of tokens",
        ),
        (
            write(
                "empty.csv",
                b"date,feature,model,input_tokens,output_tokens\n",
            ),
            "it has no usage rows",
        ),
        (
            write("cut.json", br#"{"object": "page", "data": [{"start_"#),
            "is not JSON",
        ),
        (write("binary.csv", &[0xff, 0xfe, 0, 7]), "it is not text"),
        (
            write(
                "prices.json",
                br#"{"gpt-4o": {"input_cost_per_token": 1e-06}}"#,
            ),
            "not a usage export",
        ),
    ] {
        let err = refused(&breakeven(&["usage", &path]));
        assert!(err.contains(&path), "{err}");
        assert!(err.contains(says), "{path}: {err}");
    }
    let huge = folder.path().join("huge.csv");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("a sparse file");
    let err = refused(&breakeven(&["usage", huge.to_str().expect("a path")]));
    assert!(
        err.contains("it is 200.0 MB; a usage file is read up to 64.0 MB"),
        "{err}"
    );
    assert!(!Path::new("/nonexistent/breakeven-usage-tests").exists());
}
