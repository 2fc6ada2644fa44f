//! Each format read from a small file in its real shape; a CSV whose figures have a closed
//! form; and hostile files refused naming the line or key.

use std::fmt::Write as _;

use rust_decimal::dec;

use super::{Month, UsageError, UsageFormat, catalog_model, measured, read, summarise};
use crate::catalog::Catalog;

const OPENAI: &str = include_str!("../../../tests/fixtures/usage/openai-usage-completions.json");
const ANTHROPIC: &str = include_str!("../../../tests/fixtures/usage/anthropic-usage-report.json");
const LITELLM: &str = include_str!("../../../tests/fixtures/usage/litellm-spend-logs.json");
const CSV: &str = include_str!("../../../tests/fixtures/usage/usage.csv");

#[test]
fn a_csv_of_three_months_sums_prices_and_names_the_features_behind_80_percent() {
    let usage = read(CSV, None).expect("reads");
    assert_eq!(usage.format, UsageFormat::Csv);
    let summary = summarise(&usage, Catalog::embedded());
    assert_eq!(summary.months.len(), 3);
    let november = summary.months[2];
    // November: support chat $344.85, contract extraction $423.50, search summaries $12.705.
    assert_eq!(november.2, dec!(781.055));
    let by_model_4o = summary
        .by_model
        .iter()
        .find(|(m, model, _, _)| *m == november.0 && model == "gpt-4o")
        .expect("gpt-4o in November");
    assert_eq!(by_model_4o.3, Some(dec!(423.5)));
    assert_eq!(
        november.0,
        Month {
            year: 2026,
            month: 11
        }
    );
    assert_eq!(november.1.input, 1_391_500_000);
    assert_eq!(november.1.output, 320_650_000);
    assert_eq!(november.1.cached_input, 242_000_000);
    // A dated snapshot's name is priced as its catalog model.
    assert!(summary.priced_as.contains(&(
        "gpt-4o-mini-2024-07-18".to_owned(),
        Some("gpt-4o-mini".to_owned())
    )));
    // Support chat in September: 800M uncached at $0.15, 200M cached at $0.075 and 250M out at
    // $0.60 per 1M: $285, then 10% more each month.
    let support = summary
        .features
        .iter()
        .find(|f| f.feature == "support chat")
        .expect("support chat");
    assert_eq!(support.usd, dec!(943.35));
    // Contract extraction on GPT-4o: $350, $385, $423.50.
    assert_eq!(summary.features[0].feature, "contract extraction, EU");
    assert_eq!(summary.features[0].usd, dec!(1158.5));
    assert_eq!(summary.usd, dec!(2136.605));
    // 54% and 44%: two features are behind 80% of the bill.
    assert_eq!(
        summary.behind_80,
        ["contract extraction, EU", "support chat"]
    );
    let shares: rust_decimal::Decimal = summary.features.iter().map(|f| f.share).sum();
    assert!((shares - rust_decimal::Decimal::ONE).abs() < dec!(0.0000001));

    let measured = measured(&summary, "usage.csv").expect("measured");
    assert_eq!(measured.month, november.0);
    assert!(measured.whole);
    assert_eq!(measured.tokens, november.1);
    // 242M of 1,391.5M prompt tokens were cached: 17.39%.
    assert_eq!(measured.cached_percent, dec!(17.39));
    // 1.21 over two steps: 10% a month.
    assert_eq!(measured.growth_percent, Some(dec!(10)));
    let mut scenario = crate::Scenario::embedded_default();
    measured.apply_to(&mut scenario);
    assert!(crate::scenario::validate(&scenario).is_empty());
    let crate::scenario::Volume::Tokens {
        input_tokens_per_month,
        ..
    } = &scenario.workload.volume
    else {
        panic!("tokens");
    };
    assert_eq!(input_tokens_per_month.value.get(), dec!(1391500000));
    assert!(
        input_tokens_per_month
            .source
            .as_deref()
            .is_some_and(|s| s.contains("usage.csv, 2026-09-01 to 2026-11-30")),
        "{input_tokens_per_month:?}"
    );
}

#[test]
fn openai_buckets_count_cached_tokens_among_the_prompt_tokens() {
    let usage = read(OPENAI, None).expect("reads");
    assert_eq!(usage.format, UsageFormat::OpenAi);
    let first = &usage.rows[0];
    assert_eq!(
        (first.input, first.cached_input, first.output),
        (120_000, 40_000, 8_000)
    );
    assert_eq!(first.feature, "proj_example01");
    assert_eq!(first.model, "gpt-4o-mini-2024-07-18");
    // 2026-01-01 00:00 UTC.
    assert_eq!(
        first.day.map(|d| d.to_string()).as_deref(),
        Some("2026-01-01")
    );
    // The empty bucket adds nothing.
    assert_eq!(usage.rows.len(), 3);
}

#[test]
fn anthropic_prompt_tokens_are_uncached_plus_cache_reads_and_writes() {
    let usage = read(ANTHROPIC, None).expect("reads");
    assert_eq!(usage.format, UsageFormat::Anthropic);
    let first = &usage.rows[0];
    // 1,500 uncached + 200 read + 500 + 1,000 written.
    assert_eq!(first.input, 3_200);
    assert_eq!(first.cached_input, 200);
    assert_eq!(first.output, 500);
    assert_eq!(first.feature, "wrkspc_01Example");
    // No workspace: the key.
    assert_eq!(usage.rows[1].feature, "apikey_01Example");
}

#[test]
fn litellm_rows_leave_out_its_own_cache_hits_and_read_cached_tokens() {
    let usage = read(LITELLM, None).expect("reads");
    assert_eq!(usage.format, UsageFormat::LiteLlm);
    assert!(
        usage.rows.iter().all(|r| r.input > 0),
        "a cache hit was counted"
    );
    let first = &usage.rows[0];
    assert_eq!(
        (first.input, first.cached_input, first.output),
        (1_500, 1_024, 200)
    );
    assert_eq!(first.feature, "search-team");
}

#[test]
fn the_catalog_model_of_a_name_is_its_own_or_the_longest_id_it_starts_with() {
    let catalog = Catalog::embedded();
    let id = |name: &str| catalog_model(catalog, name).map(|m| m.id.as_str());
    assert_eq!(id("gpt-4o-mini"), Some("gpt-4o-mini"));
    assert_eq!(id("gpt-4o-mini-2024-07-18"), Some("gpt-4o-mini"));
    assert_eq!(id("gpt-4o-2024-08-06"), Some("gpt-4o"));
    assert_eq!(id("openai/gpt-4o-mini"), Some("gpt-4o-mini"));
    assert_eq!(id("gpt-4o-minimal"), None);
    assert_eq!(id("no-such-model"), None);
}

#[test]
fn hostile_usage_files_name_the_line_or_the_key() {
    let err = |text: &str| read(text, None).expect_err("refused").to_string();
    assert_eq!(
        err("date,feature,model,input_tokens,output_tokens\n2026-09-01,a,gpt-4o,12,-5\n"),
        "line 2: output_tokens is `-5`, not a count of tokens"
    );
    assert_eq!(
        err("date,feature,model,input_tokens,output_tokens\n01/09/2026,a,gpt-4o,12,5\n"),
        "line 2: date is `01/09/2026`, not YYYY-MM-DD"
    );
    assert_eq!(
        err(
            "date,feature,model,input_tokens,output_tokens,cached_input_tokens\n2026-09-01,a,m,10,5,11\n"
        ),
        "line 2: cached_input_tokens (11) is more than input_tokens (10), which counts them"
    );
    assert_eq!(
        err("date,feature,model,input_tokens,output_tokens\n2026-09-01,a,m,1\n"),
        "line 2: has 4 fields; the header has 5"
    );
    assert_eq!(
        read("date,feature,model,input_tokens,output_tokens\n", None),
        Err(UsageError::Empty)
    );
    assert_eq!(
        err(
            r#"{"object": "page", "data": [{"start_time": 1767225600, "results": [{"input_tokens": "many"}]}]}"#
        ),
        "data[0].results[0].input_tokens: is \"many\", not a count of tokens"
    );
    assert!(err(r#"{"object": "page", "data": [{"start_time": 17"#).contains("is not JSON"));
    assert_eq!(read(r#"{"a": 1}"#, None), Err(UsageError::UnknownFormat));
    let big = " ".repeat(usize::try_from(super::MAX_USAGE_BYTES).expect("fits") + 1);
    assert_eq!(
        err(&big),
        "it is 64.0 MB; a usage file is read up to 64.0 MB"
    );
}

#[test]
fn a_shortened_summary_lists_the_first_features_and_counts_the_rest() {
    let mut csv = String::from("date,feature,model,input_tokens,output_tokens\n");
    for i in 0..20 {
        let _ = writeln!(
            csv,
            "2026-09-01,key-{i:02},gpt-4o-mini,{},1000",
            1_000_000 + i
        );
    }
    let summary = summarise(&read(&csv, None).expect("reads"), Catalog::embedded());
    let short = super::lines(&summary, "keys.csv", Some(12));
    assert!(
        short.contains(&"  … and 8 more features".to_owned()),
        "{short:#?}"
    );
    let all = super::lines(&summary, "keys.csv", None);
    assert_eq!(
        all.iter().filter(|l| l.starts_with("  key-")).count(),
        20,
        "the command line names every feature"
    );
}
