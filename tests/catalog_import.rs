//! `breakeven catalog` as a user runs it: a price list diffed, imported into the data folder
//! (`BREAKEVEN_DATA_DIR`), listed with the embedded catalog; and hostile files refused with one
//! clear message, nothing already kept changed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::cli::{refused, run_in, succeeded, write_file};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/prices");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn breakeven(data: &Path, args: &[&str]) -> Output {
    run_in(data, args)
}

fn kept(data: &Path) -> PathBuf {
    data.join("imported-prices.ron")
}

fn listed(data: &Path) -> Vec<serde_json::Value> {
    let text = succeeded(&breakeven(data, &["catalog", "list", "--format", "json"]));
    serde_json::from_str(&text).expect("a JSON list")
}

fn entry<'a>(list: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    list.iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not listed"))
}

#[test]
fn a_price_list_is_diffed_imported_and_listed_beside_the_embedded_catalog() {
    let data = tempfile::tempdir().expect("a folder");
    let data = data.path();
    let before = listed(data);
    assert!(before.iter().all(|e| e["origin"] == "embedded"));
    let gpt = entry(&before, "gpt-4o-mini");
    assert_eq!(gpt["kind"], "api");
    assert_eq!(gpt["input_usd_per_1m"], "0.15");
    assert!(gpt["as_of"].is_string() && gpt["source"].is_string());
    assert!(entry(&before, "g5.2xlarge")["on_demand_usd_per_hour"].is_string());

    // A diff says what an import would do, and keeps nothing.
    let litellm = fixture("litellm-model-prices.json");
    let diff = succeeded(&breakeven(data, &["catalog", "diff", &litellm]));
    assert!(
        diff.contains("Added (2): example-chat-mini, example-claude-long-context"),
        "{diff}"
    );
    assert!(
        diff.contains("example/embedding-small: mode `embedding`"),
        "{diff}"
    );
    assert!(!kept(data).exists());

    let import = succeeded(&breakeven(data, &["catalog", "import", &litellm]));
    assert!(import.contains("Imported, kept in"), "{import}");
    let after = listed(data);
    let mini = entry(&after, "example-chat-mini");
    assert_eq!(mini["origin"], "imported");
    assert_eq!(mini["input_usd_per_1m"], "0.15");
    assert_eq!(mini["batch_output_usd_per_1m"], "0.3");
    assert!(
        mini["source"]
            .as_str()
            .is_some_and(|s| s.contains("litellm-model-prices.json")),
        "{mini}"
    );
    assert_eq!(after.len(), before.len() + 2);

    // The same list again: nothing changes.
    let again = succeeded(&breakeven(data, &["catalog", "import", &litellm]));
    assert!(again.contains("No change"), "{again}");
}

#[test]
fn an_imported_price_shadows_the_embedded_one_and_the_diff_shows_old_and_new() {
    let data = tempfile::tempdir().expect("a folder");
    let data = data.path();
    let list = data.join("prices.json");
    std::fs::write(
        &list,
        r#"{"data": [{"id": "gpt-4o-mini", "name": "GPT-4o mini", "pricing": {"prompt": "0.0000001", "completion": "0.0000006"}}]}"#,
    )
    .expect("writable");
    let list = list.to_str().expect("a path");
    let diff = succeeded(&breakeven(data, &["catalog", "diff", list]));
    assert!(
        diff.contains("In place of the embedded catalog's (1): gpt-4o-mini"),
        "{diff}"
    );
    assert!(
        diff.contains("gpt-4o-mini input_usd_per_1m: $0.15 -> $0.1"),
        "{diff}"
    );
    assert!(
        diff.contains("gpt-4o-mini cached_input_usd_per_1m: $0.075 -> none"),
        "{diff}"
    );
    succeeded(&breakeven(data, &["catalog", "import", list]));
    let after = listed(data);
    let gpt = entry(&after, "gpt-4o-mini");
    assert_eq!(gpt["input_usd_per_1m"], "0.1");
    assert_eq!(gpt["shadows_embedded"], true);
    // The command line checks the scenario's picks against the same catalog as the window: the
    // example priced GPT-4o mini at the embedded $0.15.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/default.ron");
    let report = succeeded(&breakeven(
        data,
        &[
            "report",
            example,
            "--format",
            "json",
            "--today",
            "2026-12-01",
        ],
    ));
    assert!(
        report.contains("Catalog: buy.input_usd_per_1m"),
        "no drift in the report"
    );
    let check = succeeded(&breakeven(data, &["check", example]));
    assert!(check.contains("buy.input_usd_per_1m"), "{check}");
    let text = succeeded(&breakeven(data, &["catalog", "list"]));
    assert!(
        text.lines()
            .any(|l| l.starts_with("gpt-4o-mini (api)")
                && l.contains("in place of the embedded price")),
        "{text}"
    );
}

#[test]
fn hostile_price_lists_get_one_message_naming_the_file_and_the_field_and_change_nothing() {
    let data = tempfile::tempdir().expect("a folder");
    let data = data.path();
    succeeded(&breakeven(
        data,
        &["catalog", "import", &fixture("openrouter-models.json")],
    ));
    let kept_before = std::fs::read(kept(data)).expect("kept");
    let write = |name: &str, bytes: &[u8]| write_file(data, name, bytes);
    let cases: Vec<(String, &str)> = vec![
        (
            write(
                "negative.json",
                br#"{"m": {"litellm_provider": "x", "input_cost_per_token": -1e-06, "output_cost_per_token": 1e-06}}"#,
            ),
            "m: input_cost_per_token is -1; a price cannot be negative",
        ),
        (
            write(
                "words.json",
                br#"{"data": [{"id": "a/b", "pricing": {"prompt": "cheap", "completion": "0"}}]}"#,
            ),
            "a/b: pricing.prompt is `cheap`, not a number",
        ),
        (
            write("cut.json", br#"{"data": [{"id": "a/b", "pricing": {"prompt": "0.1""#),
            "it is not JSON",
        ),
        (
            write("scenario.ron", b"(version: 8, name: \"a scenario\")"),
            "it is not JSON",
        ),
        (write("binary.json", &[0xff, 0xfe, 0x00, 0x12]), "it is not text"),
        (write("other.json", br#"{"hello": "world"}"#), "not a price list Breakeven reads"),
        (write("empty.json", br#"{"data": []}"#), "it prices no model per token"),
        (
            write(
                "embeddings.json",
                br#"{"e": {"litellm_provider": "x", "mode": "embedding", "input_cost_per_token": 1e-08, "output_cost_per_token": 0}}"#,
            ),
            "it prices no model per token: its one entry is left out",
        ),
    ];
    for (path, says) in &cases {
        for command in ["import", "diff"] {
            let err = refused(&breakeven(data, &["catalog", command, path]));
            assert!(err.contains(path.as_str()), "{err}");
            assert!(err.contains(says), "{path}: {err}");
            assert!(err.contains("Nothing was imported"), "{err}");
        }
    }
    // 200 MB, told by its size before it is read.
    let huge = data.join("huge.json");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("a sparse file");
    let err = refused(&breakeven(
        data,
        &["catalog", "import", huge.to_str().expect("a path")],
    ));
    assert!(
        err.contains("it is 200.0 MB; a price list is read up to 32.0 MB"),
        "{err}"
    );
    // A missing file and a format that is not one.
    let err = refused(&breakeven(
        data,
        &["catalog", "import", "/no/such/prices.json"],
    ));
    assert!(err.contains("/no/such/prices.json"), "{err}");
    // A format that is not one is a usage error, as clap reports them (exit 2).
    let output = breakeven(
        data,
        &[
            "catalog",
            "import",
            &fixture("openrouter-models.json"),
            "--format",
            "csv",
        ],
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`csv` is not a price list format; use one of litellm"),
        "{err}"
    );
    // Nothing kept changed.
    assert_eq!(std::fs::read(kept(data)).expect("kept"), kept_before);
}

#[test]
fn a_damaged_or_newer_kept_catalog_is_named_and_left_as_it_is() {
    let data = tempfile::tempdir().expect("a folder");
    let data = data.path();
    for (text, says) in [
        ("(version: 1, models: [(", "imported-prices.ron"),
        ("(version: 9, models: [])", "version 9"),
    ] {
        std::fs::write(kept(data), text).expect("writable");
        let err = refused(&breakeven(
            data,
            &["catalog", "import", &fixture("llm-prices-vendor.json")],
        ));
        assert!(err.contains(says), "{err}");
        assert!(err.contains("left as it is"), "{err}");
        assert_eq!(std::fs::read_to_string(kept(data)).expect("kept"), text);
        let err = refused(&breakeven(data, &["catalog", "list"]));
        assert!(err.contains(says), "{err}");
    }
}

#[test]
fn each_format_imports_from_its_fixture_detected_by_its_shape() {
    let data = tempfile::tempdir().expect("a folder");
    let data = data.path();
    for (file, id, input) in [
        ("litellm-model-prices.json", "example-chat-mini", "0.15"),
        ("genai-prices-data.json", "claude-example-haiku", "0.8"),
        ("llm-prices-vendor.json", "example-pro", "2"),
        ("openrouter-models.json", "example/chat-model", "2.5"),
    ] {
        succeeded(&breakeven(
            data,
            &["catalog", "import", &fixture(file), "--today", "2026-12-01"],
        ));
        assert_eq!(
            entry(&listed(data), id)["input_usd_per_1m"],
            input,
            "{file}"
        );
    }
}
