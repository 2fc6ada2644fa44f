//! The board-deck export as a founder uses it: `breakeven export FILE --out DIR` with no display,
//! and what lands in the folder. Every figure in the HTML must be the JSON report's.

#![allow(
    clippy::unwrap_used,
    reason = "the helpers read what the test expects to be there: a panic is the test failing"
)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use breakeven_model::scenario::{from_ron_str, inputs};
use rust_decimal::Decimal;
use serde_json::Value;

const TODAY: &str = "2026-11-24";
const LEGAL_TECH: &str = "scenarios/seed000-legal-tech.ron";
const NO_REVENUE: &str = "scenarios/seed001-llama3-8b-on-aws.ron";
const PHASES: [(&str, &str, &str); 4] = [
    ("Buy", "Buy", "#4285F4"),
    ("FineTune", "Fine-tune", "#E6911E"),
    ("SelfHost", "Self-host", "#34A853"),
    ("Pretrain", "Pretrain", "#C846A0"),
];

fn breakeven(args: &[&str]) -> Output {
    // No display of any kind: the export must not need one.
    Command::new(env!("CARGO_BIN_EXE_breakeven"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // A stand-in for the app built for the browser, so the pack is the same everywhere.
        .env("BREAKEVEN_WEB_BUNDLE", bundle())
        .output()
        .expect("the binary runs")
}

/// The stand-in web bundle of the tests.
fn bundle() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web-bundle")
}

/// Exports `file` into a new folder and returns the folder.
fn export(file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    let output = breakeven(&[
        "export",
        file,
        "--out",
        out.to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

fn pack(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("pack")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_report(file: &str) -> Value {
    let output = breakeven(&["report", file, "--format", "json", "--today", TODAY]);
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The HTML of one `<section id=...>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// The cells of the table row whose first cell is `first`.
fn row(html: &str, first: &str) -> Vec<String> {
    let start = html
        .find(&format!("<tr><td>{first}</td>"))
        .unwrap_or_else(|| panic!("no row {first}"));
    let end = html[start..].find("</tr>").unwrap() + start;
    html[start..end]
        .split("<td")
        .skip(1)
        .map(|cell| {
            let text = &cell[cell.find('>').unwrap() + 1..];
            text.trim_end_matches("</td>").to_owned()
        })
        .collect()
}

/// "140000.00" as the report writes money: "$140,000.00".
fn usd(amount: &str) -> String {
    let (sign, digits) = amount
        .strip_prefix('-')
        .map_or(("", amount), |rest| ("-", rest));
    let (whole, cents) = digits.split_once('.').unwrap();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}${grouped}.{cents}")
}

fn by_phase<'a>(list: &'a Value, phase: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v["phase"] == phase)
        .unwrap_or_else(|| panic!("no {phase} in {list}"))
}

/// Every number written anywhere in `text` (digits with separators and a decimal point), as
/// decimals without their sign.
fn numbers(text: &str, after: Option<char>) -> Vec<Decimal> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = match after {
            Some(mark) => chars[i] == mark && chars.get(i + 1).is_some_and(char::is_ascii_digit),
            None => chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()),
        };
        if !starts {
            i += 1;
            continue;
        }
        if after.is_some() {
            i += 1;
        }
        let mut number = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.') {
            if chars[i] != ',' {
                number.push(chars[i]);
            }
            i += 1;
        }
        if let Ok(value) = number.trim_end_matches('.').parse::<Decimal>() {
            out.push(value.normalize());
        }
    }
    out
}

#[test]
fn export_writes_the_whole_pack_with_no_display() {
    let dir = export(LEGAL_TECH);
    let mut names: Vec<String> = std::fs::read_dir(pack(&dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "board-summary.png",
            "board-summary.svg",
            "cost-by-volume.png",
            "cost-by-volume.svg",
            "cumulative-cash.png",
            "cumulative-cash.svg",
            "gross-margin.png",
            "gross-margin.svg",
            "interactive.html",
            "months.csv",
            "report.html",
            "report.json",
            "report.md",
            "roadmap.png",
            "roadmap.svg",
            "seed000-legal-tech.ron"
        ]
    );
    // The scenario itself, opening to the same scenario, and the reports say so.
    let exported = from_ron_str(&read(&pack(&dir).join("seed000-legal-tech.ron"))).unwrap();
    assert_eq!(
        exported,
        from_ron_str(&read(Path::new(LEGAL_TECH))).unwrap()
    );
    for report in ["report.md", "report.html"] {
        assert!(
            read(&pack(&dir).join(report)).contains("The scenario file: seed000-legal-tech.ron."),
            "{report}"
        );
    }
}

#[test]
fn the_csv_and_json_in_the_pack_are_what_report_prints() {
    let dir = export(LEGAL_TECH);
    for (file, format) in [("months.csv", "csv"), ("report.json", "json")] {
        let printed = breakeven(&["report", LEGAL_TECH, "--format", format, "--today", TODAY]);
        assert_eq!(
            read(&pack(&dir).join(file)),
            String::from_utf8(printed.stdout).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn the_html_report_has_every_section_a_board_deck_needs() {
    let dir = export(LEGAL_TECH);
    let html = read(&pack(&dir).join("report.html"));
    let json = json_report(LEGAL_TECH);
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Self-contained: nothing fetched from anywhere.
    for outside in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "the report refers to {outside}");
    }
    assert!(html.contains("<h1>Seed case: legal-tech contract analyser</h1>"));
    assert!(html.contains(&format!("exported {TODAY}")));
    assert!(
        section(&html, "board-summary")
            .contains("<dd class=\"decision\">Fine-tune, confidence 0.67 (Medium)</dd>")
    );
    let rec = &json["recommendation"];
    let reasons = section(&html, "recommendation");
    for reason in rec["reasons"].as_array().unwrap() {
        assert!(reasons.contains(&escape(reason["text"].as_str().unwrap())));
        if let Some(source) = reason["source"].as_str() {
            assert!(reasons.contains(&escape(source)), "source {source}");
        }
    }
    for change in rec["what_would_change"].as_array().unwrap() {
        assert!(reasons.contains(&escape(change.as_str().unwrap())));
    }
    for id in [
        "key-figures",
        "break-even",
        "sensitivity",
        "costs",
        "matrix",
    ] {
        assert!(section(&html, id).contains("<table>"), "{id}");
    }
    assert_eq!(section(&html, "charts").matches("<svg").count(), 3);
    let appendix = section(&html, "assumptions");
    let scenario = from_ron_str(&read(Path::new(LEGAL_TECH))).unwrap();
    for input in inputs(&scenario) {
        assert!(
            appendix.contains(&format!("<td>{}</td>", escape(&input.label()))),
            "{} is missing from the appendix",
            input.path
        );
        if let Some(source) = &input.source {
            assert!(appendix.contains(&escape(source)));
        }
    }
    assert!(appendix.contains("<td>g5.2xlarge prices</td><td>2026-01</td>"));
}

#[test]
fn the_key_figures_are_the_json_reports_to_the_cent() {
    for file in [LEGAL_TECH, NO_REVENUE, "scenarios/defence-air-gapped.ron"] {
        let dir = export(file);
        let html = read(&pack(&dir).join("report.html"));
        let json = json_report(file);
        let key = section(&html, "key-figures");
        let months = json["horizon"]["months"].as_array().unwrap();
        for (phase, label, _) in PHASES {
            let cells = row(key, label);
            let cost = by_phase(&json["costs"], phase);
            assert_eq!(cells[1], usd(cost["total_usd_per_month"].as_str().unwrap()));
            let total = by_phase(&json["horizon"]["totals_usd"], phase);
            assert_eq!(cells[2], usd(total["usd"].as_str().unwrap()), "{file}");
            let pv = by_phase(&json["horizon"]["present_values_usd"], phase);
            assert_eq!(cells[3], usd(pv["usd"].as_str().unwrap()));
            if phase != "Buy" {
                let payback = by_phase(&json["horizon"]["paybacks"], phase);
                if let Some(simple) = payback["simple_payback_months"].as_str() {
                    assert!(cells[4].starts_with(&format!("{simple} months simple")));
                }
                if let Some(month) = payback["payback_month"].as_u64() {
                    assert!(cells[4].ends_with(&format!("month {month} in cash")));
                }
            }
            let has_revenue = months[0].get("revenue_usd").is_some();
            assert_eq!(cells.len(), if has_revenue { 7 } else { 5 }, "{file}");
            if has_revenue {
                let after = by_phase(
                    &json["horizon"]["gross_margin_after_go_live_percent"],
                    phase,
                );
                let last = by_phase(&months.last().unwrap()["gross_margin_percent"], phase);
                for (cell, margin) in [(5, after), (6, last)] {
                    assert_eq!(
                        cells[cell],
                        format!("{}%", margin["value"].as_str().unwrap())
                    );
                }
            }
        }
        let break_even = section(&html, "break-even");
        for pair in json["break_evens"].as_array().unwrap() {
            for crossing in pair["crossings"].as_array().unwrap() {
                let volume: Decimal = crossing["volume_tokens_per_month"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(numbers(break_even, None).contains(&volume.normalize()));
            }
        }
    }
}

#[test]
fn every_dollar_figure_in_the_html_is_a_figure_of_the_json_report() {
    for file in [LEGAL_TECH, "scenarios/data-platform-pretrain.ron"] {
        let dir = export(file);
        let html = read(&pack(&dir).join("report.html"));
        let json = serde_json::to_string(&json_report(file)).unwrap();
        let known: HashSet<Decimal> = numbers(&json, None).into_iter().collect();
        // The notes and the appendix are the user's words and inputs, not computed figures;
        // the charts' axis marks are round numbers of the plot.
        let mut figures = html.clone();
        for id in ["notes", "assumptions", "charts"] {
            if html.contains(&format!("<section id=\"{id}\">")) {
                figures = figures.replace(section(&html, id), "");
            }
        }
        let amounts = numbers(&figures, Some('$'));
        assert!(amounts.len() > 40, "{file}: only {} amounts", amounts.len());
        for amount in amounts {
            assert!(
                known.contains(&amount),
                "{file}: ${amount} in the HTML is not in the JSON report"
            );
        }
    }
}

/// The `<polyline>`s of an SVG drawn in `colour`, as their point counts.
fn series(svg: &roxmltree::Document<'_>, colour: &str) -> Vec<usize> {
    svg.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some(colour))
        .map(|n| n.attribute("points").unwrap().split_whitespace().count())
        .collect()
}

fn texts(svg: &roxmltree::Document<'_>) -> Vec<String> {
    svg.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_owned()))
        .collect()
}

#[test]
fn every_svg_parses_and_holds_each_options_series_with_titled_axes() {
    let dir = export(LEGAL_TECH);
    let json = json_report(LEGAL_TECH);
    let months = json["horizon"]["months"].as_array().unwrap().len();
    for (stem, title, axes, points) in [
        (
            "cost-by-volume",
            "Monthly cost against monthly volume",
            [
                "Monthly volume (tokens, log scale)",
                "Monthly cost (USD, log scale)",
            ],
            None,
        ),
        (
            "cumulative-cash",
            "Cumulative cash by month",
            ["Month", "Cumulative cash (USD)"],
            Some(months),
        ),
        (
            "gross-margin",
            "Gross margin by month",
            ["Month", "Gross margin (% of revenue)"],
            Some(months),
        ),
    ] {
        let text = read(&pack(&dir).join(format!("{stem}.svg")));
        let svg = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{stem}.svg does not parse: {e}"));
        let words = texts(&svg);
        for wanted in std::iter::once(title).chain(axes) {
            assert!(words.iter().any(|w| w == wanted), "{stem}: no \"{wanted}\"");
        }
        let subtitle = "Seed case: legal-tech contract analyser · 14B tokens/month · ";
        assert!(
            words.iter().any(|w| w.starts_with(subtitle)),
            "{stem}: no subtitle in {words:?}"
        );
        // Pretrain is ruled out here (its conditions are missing): it is left out, and said so.
        assert!(
            words.iter().any(|w| w == "Not drawn: Pretrain (ruled out)"),
            "{stem}: {words:?}"
        );
        assert!(
            !words
                .iter()
                .any(|w| w.contains("Pretrain") && !w.starts_with("Not drawn")),
            "{stem}: Pretrain drawn in {words:?}"
        );
        for (_, label, colour) in PHASES {
            let lines = series(&svg, colour);
            if label == "Pretrain" {
                assert!(lines.is_empty(), "{stem}: a Pretrain line");
                continue;
            }
            assert!(
                words.iter().any(|w| w == label),
                "{stem}: no legend {label}"
            );
            // One line for the series, one in the legend.
            let longest = lines.iter().copied().max().unwrap_or(0);
            match points {
                Some(n) => assert_eq!(longest, n, "{stem}: {label} has {longest} points"),
                None => assert!(longest >= 100, "{stem}: {label} has {longest} points"),
            }
        }
    }
}

#[test]
fn each_chart_names_the_assumptions_that_move_it() {
    let dir = export(LEGAL_TECH);
    let subtitle = |stem: &str| {
        let text = read(&pack(&dir).join(format!("{stem}.svg")));
        let svg = roxmltree::Document::parse(&text).unwrap();
        texts(&svg)
            .into_iter()
            .find(|w| w.starts_with("Seed case"))
            .unwrap_or_else(|| panic!("{stem}: no subtitle"))
    };
    assert_eq!(
        subtitle("cost-by-volume"),
        "Seed case: legal-tech contract analyser · 14B tokens/month · today's prices"
    );
    assert_eq!(
        subtitle("cumulative-cash"),
        "Seed case: legal-tech contract analyser · 14B tokens/month · growth 0%/month · \
         API prices 0%/year · GPU prices 0%/year"
    );
    assert_eq!(
        subtitle("gross-margin"),
        "Seed case: legal-tech contract analyser · 14B tokens/month · growth 0%/month · \
         API prices 0%/year · GPU prices 0%/year · revenue growth 0%/month"
    );
}

/// The top-left corners of the SVG's texts that contain `part`.
fn text_corners(svg: &roxmltree::Document<'_>, part: &str) -> Vec<(String, i64, i64)> {
    svg.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let text = n.text()?.trim().to_owned();
            let x = n.attribute("x")?.parse::<f64>().ok()?;
            let y = n.attribute("y")?.parse::<f64>().ok()?;
            #[expect(clippy::cast_possible_truncation, reason = "pixels")]
            let at = (x.round() as i64, y.round() as i64);
            text.contains(part).then_some((text, at.0, at.1))
        })
        .collect()
}

#[test]
fn crossing_labels_in_the_cost_chart_are_one_per_spot_and_never_share_a_place() {
    let dir = export(LEGAL_TECH);
    let text = read(&pack(&dir).join("cost-by-volume.svg"));
    let svg = roxmltree::Document::parse(&text).unwrap();
    let labels = text_corners(&svg, " / ");
    // Buy / Fine-tune and Buy / Self-host, each labelled once (Pretrain is ruled out, and the
    // fine-tune's flat fee steps up past 14B tokens, so Self-host stays cheaper than it).
    assert_eq!(labels.len(), 2, "{labels:?}");
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            // Labels are about 30 pixels high: two that start closer than that overprint
            // unless they are far apart across.
            let apart = (a.1 - b.1).abs() > 400 || (a.2 - b.2).abs() >= 30;
            assert!(apart, "{a:?} and {b:?} overprint");
        }
    }
}

#[test]
fn the_pngs_are_full_hd_slides() {
    let dir = export(LEGAL_TECH);
    for stem in ["cost-by-volume", "cumulative-cash", "gross-margin"] {
        let file = std::fs::File::open(pack(&dir).join(format!("{stem}.png"))).unwrap();
        let decoder = png::Decoder::new(std::io::BufReader::new(file));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (1920, 1080), "{stem}");
    }
}

#[test]
fn without_revenue_there_is_no_margin_chart_and_the_report_says_nothing_of_margins() {
    let dir = export(NO_REVENUE);
    assert!(!pack(&dir).join("gross-margin.png").exists());
    assert!(!pack(&dir).join("gross-margin.svg").exists());
    let html = read(&pack(&dir).join("report.html"));
    assert_eq!(section(&html, "charts").matches("<svg").count(), 2);
    assert!(!section(&html, "key-figures").contains("Gross margin"));
}

#[test]
fn a_damaged_file_or_an_unwritable_folder_is_one_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.ron");
    std::fs::write(&damaged, "Scenario(version: 2, name: ").unwrap();
    let out = dir.path().join("pack");
    let output = breakeven(&[
        "export",
        damaged.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("damaged.ron"), "{err}");
    assert!(!out.exists(), "nothing is written for a damaged file");
    // A folder where a file is.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let output = breakeven(&[
        "export",
        LEGAL_TECH,
        "--out",
        blocker.join("pack").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("cannot be written"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The board summary's lines as the JSON report gives them: (label, text).
fn board_lines(json: &Value) -> Vec<(String, String)> {
    json["board_summary"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["label"].as_str().unwrap().to_owned(),
                l["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn decimal(value: &Value) -> Decimal {
    value.as_str().unwrap().parse().unwrap()
}

#[test]
fn the_html_report_opens_with_the_board_summary() {
    for file in [
        LEGAL_TECH,
        NO_REVENUE,
        "scenarios/seed003-gpt4o-heavy-tier.ron",
    ] {
        let dir = export(file);
        let html = read(&pack(&dir).join("report.html"));
        let json = json_report(file);
        let after_title = &html[html.find("</h1>").unwrap() + "</h1>".len()..];
        assert!(
            after_title
                .trim_start()
                .starts_with("<section id=\"board-summary\">"),
            "{file}: {}",
            &after_title[..200]
        );
        let board = section(&html, "board-summary");
        let lines = board_lines(&json);
        assert!(lines.len() >= 4, "{file}: {lines:?}");
        for (label, text) in lines {
            assert!(
                board.contains(&format!("<dt>{}</dt><dd", escape(&label))),
                "{file}: {label}"
            );
            assert!(board.contains(&escape(&text)), "{file}: {text}");
        }
    }
}

#[test]
fn the_board_summary_is_seed_000s_figures_and_the_json_reports_to_the_cent() {
    let json = json_report(LEGAL_TECH);
    let board = &json["board_summary"];
    // Seed 000: a $140,000/month API bill, $12,000/month on the fine-tune, 16% -> 92.8%.
    assert_eq!(board["phase"], "FineTune");
    assert_eq!(board["bill_today_usd_per_month"], "140000.00");
    assert_eq!(board["compared"], "FineTune");
    assert_eq!(board["compared_usd_per_month"], "12000.00");
    assert_eq!(board["gross_margin_today_percent"], "16.00");
    assert_eq!(board["gross_margin_after_go_live_percent"], "92.80");
    // The same figures as the rest of the report.
    let h = &json["horizon"];
    assert_eq!(
        board["bill_today_usd_per_month"],
        by_phase(&json["costs"], "Buy")["total_usd_per_month"]
    );
    assert_eq!(
        board["compared_usd_per_month"],
        by_phase(&h["running_after_go_live_usd_per_month"], "FineTune")["usd"]
    );
    let payback = by_phase(&h["paybacks"], "FineTune");
    assert_eq!(
        decimal(&board["bill_today_usd_per_month"]) - decimal(&board["compared_usd_per_month"]),
        decimal(&payback["monthly_saving_usd"])
    );
    let saving = decimal(&by_phase(&h["totals_usd"], "Buy")["usd"])
        - decimal(&by_phase(&h["totals_usd"], "FineTune")["usd"]);
    assert_eq!(decimal(&board["saving_usd_over_horizon"]), saving);
    assert_eq!(board["payback_month"], payback["payback_month"]);
    assert_eq!(
        board["months_before_go_live"],
        payback["months_before_go_live"]
    );
    assert_eq!(
        board["gross_margin_today_percent"],
        h["gross_margin_today_percent"]
    );
    assert_eq!(
        board["gross_margin_after_go_live_percent"],
        by_phase(&h["gross_margin_after_go_live_percent"], "FineTune")["value"]
    );
    let rec = &json["recommendation"];
    // The nearest of what would change it, as the recommendation says it.
    assert!(
        rec["what_would_change"]
            .as_array()
            .unwrap()
            .contains(&board["what_would_change"])
    );
    let step = &rec["next_steps"][0];
    assert_eq!(
        board["next_step"].as_str().unwrap(),
        format!(
            "{}: {}",
            step["when"].as_str().unwrap(),
            step["text"].as_str().unwrap()
        )
    );
    // Its lines write those figures, to the cent.
    let lines = board_lines(&json);
    let line = |label: &str| {
        lines
            .iter()
            .find(|(l, _)| l == label)
            .map_or_else(|| panic!("no {label} in {lines:?}"), |(_, t)| t.as_str())
    };
    assert_eq!(line("Decision"), "Fine-tune, confidence 0.67 (Medium)");
    assert_eq!(
        line("Monthly bill"),
        "$140,000.00 on the API today → $12,000.00 with Fine-tune, up-front costs apart"
    );
    assert!(line("Saving").starts_with(&format!("{} over 36 months", usd(&saving.to_string()))));
    let month = payback["payback_month"].as_u64().unwrap();
    assert!(line("Payback").starts_with(&format!("month {month} in cash")));
    assert!(line("Gross margin").starts_with("16% today → 92.8% after go-live"));

    // The slide, the HTML report and the Markdown report write the same lines.
    let dir = export(LEGAL_TECH);
    let svg_text = read(&pack(&dir).join("board-summary.svg"));
    let svg = roxmltree::Document::parse(&svg_text).unwrap();
    let words = texts(&svg).join(" ");
    let markdown = read(&pack(&dir).join("report.md"));
    let html = read(&pack(&dir).join("report.html"));
    let board_html = section(&html, "board-summary");
    for (label, text) in &lines {
        assert!(
            markdown.contains(&format!("- **{label}:** {text}\n")),
            "{text}"
        );
        assert!(board_html.contains(&escape(text)), "{text}");
        if label == "Decision" {
            assert!(
                words.contains("Fine-tune confidence 0.67 (Medium)"),
                "{words}"
            );
        } else {
            assert!(
                words.contains(&format!("{label} {text}")),
                "{label}: {words}"
            );
        }
    }
}

/// The text of the element `id` of `page`: between its opening tag and `</script>`.
fn element_text<'a>(page: &'a str, id: &str) -> &'a str {
    let open = format!("id=\"{id}\">");
    let start = page
        .find(&open)
        .map(|i| i + open.len())
        .expect("the element");
    let end = page[start..].find("</script>").expect("its end");
    &page[start..start + end]
}

#[test]
fn the_interactive_page_carries_the_scenario_and_the_app_and_forbids_every_request() {
    let dir = export(LEGAL_TECH);
    let page = read(&pack(&dir).join("interactive.html"));
    // Which scenario, and when it was exported, on the page and in its title.
    assert!(
        page.contains(
            "<title>Seed case: legal-tech contract analyser: Breakeven, exported 2026-11-24</title>"
        ),
        "{}",
        &page[..page.len().min(800)]
    );
    // The scenario inside is the file exported beside it.
    let scenario = breakeven::export::base64::decode(element_text(&page, "scenario")).unwrap();
    assert_eq!(
        String::from_utf8(scenario).unwrap(),
        read(&pack(&dir).join("seed000-legal-tech.ron"))
    );
    // The app inside is the bundle's, byte for byte.
    let wasm = breakeven::export::base64::decode(element_text(&page, "wasm")).unwrap();
    assert_eq!(
        wasm,
        std::fs::read(bundle().join("breakeven_web_bg.wasm")).unwrap()
    );
    // Nothing fetched: a policy that refuses every request, and no address to fetch.
    assert!(page.contains("default-src 'none'"));
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains(" src="));
    // The glue's own "</script>" cannot end its element early.
    assert!(page.contains(r#""<\/script>" inside"#));
    assert!(page.contains(r#"data-read-only="false""#));
}

#[test]
fn a_read_only_page_says_so_and_no_bundle_writes_the_rest_and_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("locked");
    let output = breakeven(&[
        "export",
        LEGAL_TECH,
        "--out",
        out.to_str().unwrap(),
        "--today",
        TODAY,
        "--read-only",
    ]);
    assert!(output.status.success());
    let page = read(&out.join("interactive.html"));
    assert!(page.contains(r#"data-read-only="true""#));
    assert!(page.contains("exported 2026-11-24 · read-only</header>"));

    let bare = dir.path().join("bare");
    let output = Command::new(env!("CARGO_BIN_EXE_breakeven"))
        .args([
            "export",
            LEGAL_TECH,
            "--out",
            bare.to_str().unwrap(),
            "--today",
            TODAY,
        ])
        .env("BREAKEVEN_WEB_BUNDLE", dir.path().join("no such folder"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("interactive.html not written"), "{said}");
    assert!(said.contains("web/build.sh"), "{said}");
    assert!(!bare.join("interactive.html").exists());
    assert!(bare.join("report.html").exists());
}
