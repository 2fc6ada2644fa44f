//! The command line as a script or a person uses it: exit codes, stdout and stderr.

use std::path::Path;
use std::process::{Command, Output};

use breakeven_model::scenario::DEFAULT_RON;

fn breakeven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_breakeven"))
        .args(args)
        // No imported prices: the embedded catalog, whatever this machine's user imported.
        .env("BREAKEVEN_DATA_DIR", "/nonexistent/breakeven-cli-tests")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A failure a user can read: exit 1, a message, and no panic or backtrace.
fn assert_clean_failure(output: &Output) -> String {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(1), "stderr: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    assert!(!err.trim().is_empty());
    err
}

const SEED_001: [&str; 9] = [
    "quick",
    "--api-usd-per-1m",
    "0.50",
    "--gpu-usd-per-hour",
    "1.21",
    "--mlops-usd-per-hour",
    "150",
    "--mlops-hours-per-month",
    "10",
];

#[test]
fn quick_reproduces_seed_001_in_json() {
    let output = breakeven(&[&SEED_001[..], &["--format", "json"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["self_host_monthly_fixed_usd"], "2383.30");
    assert_eq!(json["break_even_tokens_per_month"], "4766600000");
    assert_eq!(json["break_even_billions"], "4.77");
    assert_eq!(json["instance_usd_per_month"], "883.30");
    assert_eq!(json["labour_usd_per_month"], "1500.00");
}

#[test]
fn quick_prints_the_articles_two_lines_by_default() {
    let output = breakeven(&SEED_001);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].contains("Monthly Self-Host Fixed Cost: $2,383.30"),
        "{text}"
    );
    assert!(
        lines[1].contains("You must process 4.77 Billion tokens/month"),
        "{text}"
    );
}

#[test]
fn quick_with_the_prose_870_dollar_instance_gives_4_74_billion() {
    let output = breakeven(&[
        "quick",
        "--api-usd-per-1m",
        "0.50",
        "--gpu-usd-per-month",
        "870",
        "--mlops-usd-per-hour",
        "150",
        "--mlops-hours-per-month",
        "10",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["self_host_monthly_fixed_usd"], "2370.00");
    assert_eq!(json["break_even_billions"], "4.74");
}

#[test]
fn quick_scales_to_zero_with_fewer_hours() {
    let output = breakeven(
        &[
            &SEED_001[..],
            &["--hours-per-month", "365", "--format", "json"],
        ]
        .concat(),
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["instance_usd_per_month"], "441.65");
}

#[test]
fn quick_refuses_a_free_api_naming_the_flag() {
    let mut args = SEED_001;
    args[2] = "0";
    let err = assert_clean_failure(&breakeven(&args));
    assert!(
        err.starts_with("--api-usd-per-1m must be above zero"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn quick_refuses_a_negative_rate_naming_the_flag() {
    let mut args = SEED_001;
    args[6] = "-150";
    let err = assert_clean_failure(&breakeven(&args));
    assert!(
        err.contains("--mlops-usd-per-hour must not be negative"),
        "{err}"
    );
}

#[test]
fn quick_refuses_a_number_too_large_naming_the_flag() {
    let mut args = SEED_001;
    args[4] = "99999999999999999999999999";
    let err = assert_clean_failure(&breakeven(&args));
    assert!(err.contains("--gpu-usd-per-hour must be at most"), "{err}");
}

#[test]
fn quick_says_what_is_wrong_with_a_mistyped_number() {
    let mut args = SEED_001;
    args[2] = "0,50";
    let output = breakeven(&args);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("without commas"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_accepts_the_default_scenario() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/default.ron");
    let output = breakeven(&["check", path.to_str().expect("a UTF-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("a valid scenario"));
}

fn check_text(text: &[u8]) -> Output {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("client.ron");
    std::fs::write(&path, text).expect("writable");
    breakeven(&["check", path.to_str().expect("a UTF-8 path")])
}

#[test]
fn check_lists_every_problem_with_its_field() {
    let text = DEFAULT_RON
        .replacen(
            r#"input_usd_per_1m: (value: "0.15""#,
            r#"input_usd_per_1m: (value: "-0.15""#,
            1,
        )
        .replacen(
            r#"routed_percent: (value: "70""#,
            r#"routed_percent: (value: "170""#,
            1,
        );
    let err = assert_clean_failure(&check_text(text.as_bytes()));
    assert!(err.contains("2 problems"), "{err}");
    assert!(
        err.contains("buy.input_usd_per_1m: must not be negative"),
        "{err}"
    );
    assert!(
        err.contains("fine_tune.routed_percent: must be between 0% and 100%"),
        "{err}"
    );
}

#[test]
fn check_names_the_line_and_column_of_a_syntax_error() {
    // A semicolon where a comma belongs, as a hand edit might leave.
    let text = DEFAULT_RON.replacen(
        r#"batch_percent: (value: "0","#,
        r#"batch_percent: (value: "0";"#,
        1,
    );
    let line = text
        .lines()
        .position(|l| l.contains(r#"(value: "0";"#))
        .expect("the edit")
        + 1;
    let column = text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.find(';'))
        .expect("the semicolon")
        + 1;
    let err = assert_clean_failure(&check_text(text.as_bytes()));
    assert!(
        err.contains(&format!("line {line}, column {column}")),
        "{err}"
    );
}

#[test]
fn check_refuses_a_newer_file_naming_both_versions() {
    let err = assert_clean_failure(&check_text(
        DEFAULT_RON
            .replacen("version: 9,", "version: 10,", 1)
            .as_bytes(),
    ));
    assert!(
        err.contains("version 10") && err.contains("up to 9"),
        "{err}"
    );
}

#[test]
fn check_refuses_binary_and_empty_files_and_missing_ones() {
    assert!(
        assert_clean_failure(&check_text(&[0x89, b'P', b'N', b'G', 0xff])).contains("not text")
    );
    assert_clean_failure(&check_text(b""));
    let err = assert_clean_failure(&breakeven(&["check", "/no/such/scenario.ron"]));
    assert!(err.contains("there is no such file"), "{err}");
}

#[test]
fn check_notes_a_price_that_differs_from_the_catalog_but_still_passes() {
    let text = DEFAULT_RON.replacen(
        r#"usd_per_hour: (value: "1.212""#,
        r#"usd_per_hour: (value: "1.10""#,
        1,
    );
    let output = check_text(text.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("note: self_host.hosting.price.usd_per_hour: is 1.10 USD/hour"),
        "{out}"
    );
    assert!(out.contains("now says 1.212 USD/hour"), "{out}");
}

fn example_path(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn report_json_has_costs_break_evens_horizon_and_warnings() {
    let output = breakeven(&[
        "report",
        &example_path("seed001-llama3-8b-on-aws.ron"),
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    for key in ["costs", "break_evens", "horizon", "warnings"] {
        assert!(json.get(key).is_some(), "no {key} in {json}");
    }
    let self_host = &json["costs"][2];
    assert_eq!(self_host["phase"], "SelfHost");
    assert_eq!(self_host["total_usd_per_month"], "2383.30");
    let pair = json["break_evens"]
        .as_array()
        .and_then(|pairs| {
            pairs
                .iter()
                .find(|p| p["a"] == "Buy" && p["b"] == "SelfHost")
        })
        .expect("the Buy / Self-host pair");
    assert_eq!(
        pair["crossings"][0]["volume_tokens_per_month"],
        "4766600000"
    );
    assert_eq!(
        pair["crossings"][0]["a_usd_per_month"],
        pair["crossings"][0]["b_usd_per_month"]
    );
    assert_eq!(pair["cheapest_above"]["phase"], "SelfHost");
    assert_eq!(json["horizon"]["months"].as_array().map(Vec::len), Some(36));
}

#[test]
fn report_text_markdown_and_csv_carry_the_same_figures() {
    let path = example_path("seed000-legal-tech.ron");
    let text = stdout(&breakeven(&["report", &path]));
    assert!(
        text.contains("$140,000.00") && text.contains("2.34 months simple; month 3 in cash"),
        "{text}"
    );
    let markdown = stdout(&breakeven(&["report", &path, "--format", "markdown"]));
    assert!(markdown.contains("| Buy | $140,000.00 |"), "{markdown}");
    let csv = stdout(&breakeven(&["report", &path, "--format", "csv"]));
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().expect("a header").split(',').collect();
    assert_eq!(header[..3], ["month", "volume_tokens", "buy_cash_usd"]);
    let first: Vec<&str> = rows.next().expect("month 1").split(',').collect();
    assert_eq!(first.len(), header.len());
    assert_eq!(first[2], "140000.00");
    // Month 1 of the fine-tune pays the $300k run and the $12k serving.
    let fine_tune = header
        .iter()
        .position(|h| *h == "fine_tune_cash_usd")
        .expect("column");
    assert_eq!(first[fine_tune], "312000.00");
    assert_eq!(rows.count(), 35);
}

#[test]
fn report_refuses_an_invalid_scenario_listing_its_problems() {
    let text = DEFAULT_RON.replacen("months: (value: 36", "months: (value: 500", 1);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("bad.ron");
    std::fs::write(&path, text).expect("writable");
    let err = assert_clean_failure(&breakeven(&["report", path.to_str().expect("UTF-8")]));
    assert!(
        err.contains("horizon.months: must be between 1 and 120 months"),
        "{err}"
    );
}

#[test]
fn report_names_the_input_when_figures_grow_too_large_to_compute() {
    // Valid one by one, but doubling every month for ten years overflows any exact number.
    let text = DEFAULT_RON
        .replacen(
            r#"growth_percent_per_month: (value: "5""#,
            r#"growth_percent_per_month: (value: "100""#,
            1,
        )
        .replacen("months: (value: 36", "months: (value: 120", 1)
        .replacen(r#"(value: "700000000""#, r#"(value: "9000000000000000""#, 1);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("steep.ron");
    std::fs::write(&path, text).expect("writable");
    let err = assert_clean_failure(&breakeven(&["report", path.to_str().expect("UTF-8")]));
    assert!(err.contains("workload.growth_percent_per_month"), "{err}");
}

#[test]
fn report_json_gives_the_recommendation_with_its_reasons() {
    let output = breakeven(&[
        "report",
        &example_path("seed000-legal-tech.ron"),
        "--format",
        "json",
        "--today",
        "2026-11-24",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let rec = &json["recommendation"];
    assert_eq!(rec["phase"], "FineTune");
    assert!(
        rec["confidence"]
            .as_str()
            .is_some_and(|c| c.parse::<f64>().is_ok()),
        "{rec}"
    );
    for key in ["what_would_change", "sensitivity", "matrix"] {
        assert!(
            rec[key].as_array().is_some_and(|a| !a.is_empty()),
            "{key} in {rec}"
        );
    }
    let reason = rec["reasons"]
        .as_array()
        .and_then(|rs| {
            rs.iter()
                .find(|r| r["input"] == "API spend" && r["for_phase"] == "FineTune")
        })
        .expect("the spend reason");
    assert_eq!(reason["value"], "$140,000.00/month");
    assert_eq!(reason["threshold"], "$20,000.00/month");
    assert!(
        reason["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("Build vs Buy"))
    );
    assert!(reason["text"].as_str().is_some_and(|t| !t.is_empty()));
}

#[test]
fn report_text_says_the_phase_why_and_what_would_change_it() {
    let text = stdout(&breakeven(&[
        "report",
        &example_path("seed001-llama3-8b-on-aws.ron"),
        "--today",
        "2026-11-24",
    ]));
    assert!(text.contains("Recommendation: Buy"), "{text}");
    assert!(text.contains("What would change it:"), "{text}");
    assert!(
        text.contains("Self-host becomes cheaper than Buy at 4.77B tokens/month; you are at 1B."),
        "{text}"
    );
    assert!(
        text.contains("Decision matrix") && text.contains("Buy (recommended)"),
        "{text}"
    );
}

/// The table measures the recommendation, not the cheapest option: in seed 000's case
/// (`000_2f6a236bcb695b8f.txt`) Fine-tune is recommended while one self-hosted instance is
/// cheaper this month, so Fine-tune's lead is negative.
#[test]
fn report_sensitivity_measures_the_recommended_phase_in_json_and_text() {
    let path = example_path("seed000-legal-tech.ron");
    let json_out = breakeven(&["report", &path, "--format", "json", "--today", "2026-11-24"]);
    assert!(json_out.status.success(), "{}", stderr(&json_out));
    let json: serde_json::Value = serde_json::from_slice(&json_out.stdout).expect("JSON");
    let rec = &json["recommendation"];
    assert_ne!(rec["phase"], json["cheapest"], "a case where they differ");
    let rows = rec["sensitivity"].as_array().expect("rows");
    assert!(!rows.is_empty() && rows.len() <= 6, "{rows:?}");
    for row in rows {
        assert_eq!(row["lead_of"], rec["phase"], "{row}");
        for way in ["down", "up"] {
            let effect = &row[way];
            for key in [
                "change",
                "change_unit",
                "lead_usd_per_month",
                "cash_lead_usd_over_horizon",
                "gross_margin_percent",
                "phase",
            ] {
                assert!(effect[key].is_string(), "{key} in {effect}");
            }
        }
    }
    let entered = &rec["sensitivity_as_entered"];
    assert_eq!(entered["phase"], rec["phase"]);
    assert_eq!(entered["change"], "0");
    assert_eq!(
        entered["lead_usd_per_month"], "-6275.90",
        "Self-host is cheaper"
    );
    let growth = rows
        .iter()
        .find(|r| r["input"] == "workload.growth_percent_per_month")
        .expect("a growth row: seed 000's traffic is flat, and a point a month moves the cash");
    assert_eq!(growth["down"]["change"], "-1");
    assert_eq!(growth["down"]["change_unit"], "pp a month");
    assert_eq!(
        growth["down"]["lead_usd_per_month"],
        growth["up"]["lead_usd_per_month"]
    );
    assert_ne!(
        growth["down"]["cash_lead_usd_over_horizon"],
        growth["up"]["cash_lead_usd_over_horizon"]
    );

    let text = stdout(&breakeven(&["report", &path, "--today", "2026-11-24"]));
    let section = text
        .split("Sensitivity\n")
        .nth(1)
        .and_then(|rest| rest.split("Decision matrix").next())
        .expect("a sensitivity section");
    for words in [
        "Lead of Fine-tune, USD/month",
        "Lead of Fine-tune, USD over 36 months",
        "Gross margin of Fine-tune, month 36",
        "As entered",
        "Volume growth",
        "down 1 pp a month",
    ] {
        assert!(section.contains(words), "{words} in {section}");
    }
    assert!(!section.contains("Lead of Self-host"), "{section}");
    let entered = section
        .lines()
        .find(|l| l.starts_with("As entered"))
        .expect("the line as entered");
    assert!(
        entered.contains("-$6,275.90"),
        "Self-host is cheaper: {entered}"
    );
}

#[test]
fn report_refuses_a_date_that_is_not_one() {
    let output = breakeven(&[
        "report",
        &example_path("default.ron"),
        "--today",
        "2026-13-01",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--today"), "{}", stderr(&output));
}

#[test]
fn check_says_a_version_1_file_is_migrated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/version1.ron");
    let output = breakeven(&["check", path.to_str().expect("UTF-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("format version 1; Breakeven reads it as version 9"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn hostile_files_get_one_clear_message_and_exit_1_from_check_and_report() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let huge = vec![b' '; 5 * 1024 * 1024];
    let deep = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    let cases: [(&str, Vec<u8>, &str); 8] = [
        ("huge.ron", huge, "at most 4194304 bytes"),
        ("deep.ron", deep.into_bytes(), "line 1"),
        ("binary.ron", vec![0xff, 0xd8, 0xff, 0xe0, 0, 0], "not text"),
        ("json.ron", br#"{"version": 2, "name": "x"}"#.to_vec(), "line 1, column 1"),
        ("missing.ron", DEFAULT_RON.replacen("        batch_percent: (value: \"0\", source: \"example: support answers are interactive\"),\n", "", 1).into_bytes(), "batch_percent"),
        ("unknown.ron", DEFAULT_RON.replacen("    notes:", "    colour: \"blue\",\n    notes:", 1).into_bytes(), "colour"),
        ("range.ron", DEFAULT_RON.replacen("months: (value: 36", "months: (value: 121", 1).into_bytes(), "horizon.months"),
        ("future.ron", DEFAULT_RON.replacen("version: 9,", "version: 10,", 1).into_bytes(), "version 10"),
    ];
    for (name, bytes, expected) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, &bytes).expect("writable");
        for command in ["check", "report"] {
            let err = assert_clean_failure(&breakeven(&[command, path.to_str().expect("UTF-8")]));
            assert!(err.contains(expected), "{command} {name}: {err}");
        }
    }
}

/// A report samples the inputs given as ranges: the JSON carries `uncertainty`, the same seed
/// gives the same bytes, and `--samples 0` leaves it out.
#[test]
fn a_report_samples_the_ranged_inputs_and_the_same_seed_gives_the_same_json() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("ranged.ron");
    let ranged = DEFAULT_RON.replacen(
        "growth_percent_per_month: (value: \"5\", source: \"example\"),",
        "growth_percent_per_month: (value: \"5\", source: \"example\", low: \"1\", high: \"9\"),",
        1,
    );
    assert_ne!(ranged, DEFAULT_RON);
    std::fs::write(&file, ranged).expect("writable");
    let json = |extra: &[&str]| {
        let mut args = vec!["report", file.to_str().expect("a path"), "--format", "json"];
        args.extend(["--today", "2026-12-01"]);
        args.extend(extra);
        let output = breakeven(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout(&output)
    };
    let once = json(&["--samples", "200", "--seed", "7"]);
    assert_eq!(once, json(&["--samples", "200", "--seed", "7"]));
    let value: serde_json::Value = serde_json::from_str(&once).expect("JSON");
    let u = &value["uncertainty"];
    assert_eq!(u["samples"], 200);
    assert_eq!(u["seed"], 7);
    assert_eq!(u["inputs"][0], "workload.growth_percent_per_month");
    let total: f64 = u["p_recommended"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            c["probability"]
                .as_str()
                .expect("a string")
                .parse::<f64>()
                .expect("a number")
        })
        .sum();
    assert!((total - 1.0).abs() < 1e-9, "{total}");
    let buy = &u["options"][0];
    assert_eq!(buy["phase"], "Buy");
    assert!(buy["horizon_cash_usd"]["p10"].is_string());
    assert_ne!(once, json(&["--samples", "200", "--seed", "8"]));
    let skipped: serde_json::Value =
        serde_json::from_str(&json(&["--samples", "0"])).expect("JSON");
    assert!(skipped.get("uncertainty").is_none());
    // The CSV report carries the same figures: the months, then the How sure table.
    let csv = |extra: &[&str]| {
        let mut args = vec!["report", file.to_str().expect("a path"), "--format", "csv"];
        args.extend(["--today", "2026-12-01", "--seed", "7"]);
        args.extend(extra);
        let output = breakeven(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let sampled = csv(&["--samples", "200"]);
    let (months, how_sure) = sampled
        .split_once("\n\n")
        .expect("two tables, a blank line apart");
    assert!(months.starts_with("month,volume_tokens,"), "{months}");
    assert_eq!(months.lines().count(), 1 + 36, "a header and 36 months");
    assert!(how_sure.starts_with("figure,phase_or_input,p10,p50,p90\n"));
    let buy_p50 = u["options"][0]["monthly_usd"]["p50"]
        .as_str()
        .expect("a figure");
    assert!(
        how_sure
            .lines()
            .any(|l| l.starts_with("monthly_usd,Buy,") && l.split(',').nth(3) == Some(buy_p50)),
        "{how_sure}"
    );
    let certain = csv(&["--samples", "0"]);
    assert!(!certain.contains("figure,phase_or_input"), "{certain}");
    assert_eq!(certain.trim_end(), months);
}

/// An export of a scenario with a range carries the Monte Carlo: the HTML report's How sure
/// section with the drivers drawn, and `how-sure.csv` with the same figures as the JSON.
#[test]
fn an_export_of_a_ranged_scenario_carries_how_sure_in_html_csv_and_json() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("ranged.ron");
    let ranged = DEFAULT_RON.replacen(
        "growth_percent_per_month: (value: \"5\", source: \"example\"),",
        "growth_percent_per_month: (value: \"5\", source: \"example\", low: \"1\", high: \"9\"),",
        1,
    );
    std::fs::write(&file, ranged).expect("writable");
    let out = folder.path().join("pack");
    let output = breakeven(&[
        "export",
        file.to_str().expect("a path"),
        "--out",
        out.to_str().expect("a path"),
        "--today",
        "2026-12-01",
        "--samples",
        "100",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(out.join("report.html")).expect("a report");
    assert!(html.contains("How sure"), "no How sure section");
    assert!(html.contains("aria-label=\"What the answer hangs on\""));
    let months = std::fs::read_to_string(out.join("months.csv")).expect("the months");
    assert!(
        !months.contains("figure,phase_or_input"),
        "months.csv is the months alone"
    );
    let csv = std::fs::read_to_string(out.join("how-sure.csv")).expect("a CSV");
    assert!(
        csv.starts_with("figure,phase_or_input,p10,p50,p90\n"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("report.json")).expect("a JSON report"),
    )
    .expect("JSON");
    let buy_p50 = json["uncertainty"]["options"][0]["monthly_usd"]["p50"]
        .as_str()
        .expect("a figure")
        .to_owned();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("monthly_usd,Buy,") && l.split(',').nth(3) == Some(&buy_p50)),
        "{csv}"
    );
    // A certain scenario's pack has no such file.
    let plain = folder.path().join("plain");
    let output = breakeven(&[
        "export",
        "scenarios/default.ron",
        "--out",
        plain.to_str().expect("a path"),
        "--today",
        "2026-12-01",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!plain.join("how-sure.csv").exists());
    // The charts draw each option's band behind its line: more filled shapes than without.
    for chart in ["cost-by-volume.svg", "cumulative-cash.svg"] {
        let count = |dir: &Path| {
            std::fs::read_to_string(dir.join(chart))
                .expect("a chart")
                .matches("<polygon")
                .count()
        };
        assert!(count(&out) > count(&plain), "{chart}: no band");
    }
}
