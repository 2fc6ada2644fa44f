//! Each format read from a small file in its real shape, exact conversions at the edges, and
//! hostile lists refused with the model and the field named.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::{ImportError, ListedPrice, MAX_PRICE_LIST_BYTES, PriceFormat, PriceList, read};

const LITELLM: &str = include_str!("../../../../tests/fixtures/prices/litellm-model-prices.json");
const GENAI: &str = include_str!("../../../../tests/fixtures/prices/genai-prices-data.json");
const LLM_VENDOR: &str = include_str!("../../../../tests/fixtures/prices/llm-prices-vendor.json");
const LLM_HISTORY: &str =
    include_str!("../../../../tests/fixtures/prices/llm-prices-historical-v1.json");
const OPENROUTER: &str = include_str!("../../../../tests/fixtures/prices/openrouter-models.json");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
}

fn listed(text: &str) -> PriceList {
    read(text, None, today()).expect("reads")
}

fn price<'a>(list: &'a PriceList, id: &str) -> &'a ListedPrice {
    list.prices
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} in {:?}", list.prices))
}

fn usd(p: Option<crate::units::UsdPerMillionTokens>) -> Option<Decimal> {
    p.map(crate::units::UsdPerMillionTokens::get)
}

#[test]
fn litellm_prices_per_token_become_exact_prices_per_million() {
    let list = listed(LITELLM);
    assert_eq!(list.format, PriceFormat::LiteLlm);
    let mini = price(&list, "example-chat-mini");
    // 1.5e-07 a token is $0.15 per 1M; 6e-07 is $0.60.
    assert_eq!(mini.input_usd_per_1m.get(), dec!(0.15));
    assert_eq!(mini.output_usd_per_1m.get(), dec!(0.6));
    assert_eq!(usd(mini.cached_input_usd_per_1m), Some(dec!(0.075)));
    assert_eq!(usd(mini.batch_input_usd_per_1m), Some(dec!(0.075)));
    assert_eq!(usd(mini.batch_output_usd_per_1m), Some(dec!(0.3)));
    assert_eq!(mini.provider, "openai");
    let claude = price(&list, "example-claude-long-context");
    assert_eq!(usd(claude.cache_write_usd_per_1m), Some(dec!(3.75)));
    assert_eq!(claude.output_usd_per_1m.get(), dec!(15));
    // The field descriptions, an embedding, prices only in tiers and an image model are not
    // chat models priced per token: left out, and said (but never the descriptions).
    assert!(list.prices.iter().all(|p| p.id != "sample_spec"));
    let skipped: Vec<&str> = list.skipped.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        skipped,
        [
            "512-x-512/example-image-model",
            "example/embedding-small",
            "example/tiered-only-model"
        ]
    );
}

#[test]
fn genai_prices_read_the_price_in_force_and_a_tier_s_base() {
    let list = listed(GENAI);
    assert_eq!(list.format, PriceFormat::GenaiPrices);
    let haiku = price(&list, "claude-example-haiku");
    assert_eq!(haiku.input_usd_per_1m.get(), dec!(0.8));
    assert_eq!(usd(haiku.cache_write_usd_per_1m), Some(dec!(1)));
    assert_eq!(haiku.provider, "Anthropic");
    // From 2026-03-13 the tiers were dropped: the plain price is in force.
    let sonnet = price(&list, "claude-example-sonnet");
    assert_eq!(sonnet.input_usd_per_1m.get(), dec!(3));
    let before = read(
        GENAI,
        None,
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
    )
    .expect("reads");
    // Before it, the tiered price's base.
    assert_eq!(
        price(&before, "claude-example-sonnet")
            .output_usd_per_1m
            .get(),
        dec!(15)
    );
    // A float's artefact is read as written, exactly.
    let legacy = price(&list, "claude-example-legacy");
    assert_eq!(legacy.input_usd_per_1m.get(), dec!(0.18000000000000002));
    // Off-peak is the exception: the 16 daytime hours' price is the one in force.
    assert_eq!(
        price(&list, "deepseek-example-chat").input_usd_per_1m.get(),
        dec!(0.27)
    );
}

#[test]
fn llm_prices_take_the_record_in_force_today_from_either_file() {
    let vendor = listed(LLM_VENDOR);
    assert_eq!(vendor.format, PriceFormat::LlmPrices);
    // The newer record, from 2026-07-30, though the older is listed first.
    let pro = price(&vendor, "example-pro");
    assert_eq!(pro.input_usd_per_1m.get(), dec!(2));
    assert_eq!(usd(pro.cached_input_usd_per_1m), Some(dec!(0.2)));
    assert_eq!(pro.provider, "examplevendor");
    // Newer first in the file: still the one in force.
    assert_eq!(
        price(&vendor, "example-chat").output_usd_per_1m.get(),
        dec!(1.1)
    );
    assert_eq!(price(&vendor, "example-chat").cached_input_usd_per_1m, None);
    // On the day before a change, the old price; `to_date` is exclusive.
    let day_before = NaiveDate::from_ymd_opt(2026, 7, 29).expect("a date");
    let old = read(LLM_VENDOR, None, day_before).expect("reads");
    assert_eq!(price(&old, "example-pro").input_usd_per_1m.get(), dec!(2.5));
    let history = listed(LLM_HISTORY);
    assert_eq!(
        price(&history, "example-chat").input_usd_per_1m.get(),
        dec!(0.27)
    );
    assert_eq!(
        price(&history, "example-mini").output_usd_per_1m.get(),
        dec!(0.14)
    );
}

#[test]
fn openrouter_prices_are_decimal_strings_and_a_router_is_left_out() {
    let list = listed(OPENROUTER);
    assert_eq!(list.format, PriceFormat::OpenRouter);
    let chat = price(&list, "example/chat-model");
    assert_eq!(chat.input_usd_per_1m.get(), dec!(2.5));
    assert_eq!(chat.output_usd_per_1m.get(), dec!(10));
    assert_eq!(usd(chat.cached_input_usd_per_1m), Some(dec!(0.25)));
    assert_eq!(usd(chat.cache_write_usd_per_1m), Some(dec!(3.125)));
    assert_eq!(chat.name, "Example: Chat Model");
    assert_eq!(chat.provider, "example");
    // Free is a price of zero; a router's "-1" is no price at all.
    assert_eq!(
        price(&list, "example/free-model:free")
            .input_usd_per_1m
            .get(),
        Decimal::ZERO
    );
    assert!(list.prices.iter().all(|p| p.id != "openrouter/auto"));
    assert!(
        list.skipped
            .iter()
            .any(|s| s.id == "openrouter/auto" && s.why.contains("-1"))
    );
}

#[test]
fn per_token_prices_convert_exactly_at_the_edges() {
    let one = |per_token: &str| {
        let text = format!(
            "{{\"m\": {{\"litellm_provider\": \"x\", \"mode\": \"chat\", \"input_cost_per_token\": {per_token}, \"output_cost_per_token\": 0}}}}"
        );
        read(&text, None, today()).map(|l| l.prices[0].input_usd_per_1m.get())
    };
    // The smallest step a decimal holds, per token, is 10^-22 per 1M.
    assert_eq!(one("1e-28"), Ok(dec!(0.0000000000000000000001)));
    assert_eq!(one("2.5e-06"), Ok(dec!(2.5)));
    assert_eq!(one("2.5E-6"), Ok(dec!(2.5)));
    assert_eq!(one("\"3e-7\""), Ok(dec!(0.3)));
    assert_eq!(
        one("0.000000123456789012345678"),
        Ok(dec!(0.123456789012345678))
    );
    assert_eq!(one("0"), Ok(Decimal::ZERO));
    // Too large to hold per 1M: refused, naming the model and the field.
    let err = one("79228162514264337593543950335").expect_err("too large");
    assert!(
        matches!(&err, ImportError::Field { id, field, .. } if id == "m" && field == "input_cost_per_token"),
        "{err}"
    );
    assert!(one("1e400").is_err());
}

#[test]
fn hostile_lists_are_refused_naming_the_model_and_the_field() {
    let err = read(
        r#"{"m": {"litellm_provider": "x", "input_cost_per_token": -1e-06, "output_cost_per_token": 1e-06}}"#,
        None,
        today(),
    )
    .expect_err("negative");
    assert_eq!(
        err.to_string(),
        "m: input_cost_per_token is -1; a price cannot be negative"
    );
    let err = read(
        r#"{"data": [{"id": "a/b", "pricing": {"prompt": "cheap", "completion": "0"}}]}"#,
        None,
        today(),
    )
    .expect_err("not a number");
    assert_eq!(
        err.to_string(),
        "a/b: pricing.prompt is `cheap`, not a number that can be held exactly"
    );
    let err =
        read(r#"{"data": [{"id": "a/b", "pricing": {"#, None, today()).expect_err("cut short");
    assert!(matches!(err, ImportError::NotJson { line: 1, .. }), "{err}");
    assert_eq!(
        read(r#"{"hello": "world"}"#, None, today()),
        Err(ImportError::UnknownFormat)
    );
    assert!(matches!(
        read("[1, 2, 3]", Some(PriceFormat::GenaiPrices), today()),
        Err(ImportError::Shape { .. })
    ));
    assert_eq!(
        read(r#"{"data": []}"#, Some(PriceFormat::OpenRouter), today()),
        Err(ImportError::Empty { skipped: 0 })
    );
    let big = " ".repeat(usize::try_from(MAX_PRICE_LIST_BYTES).expect("fits") + 1);
    let err = read(&big, None, today()).expect_err("too large");
    assert_eq!(
        err.to_string(),
        "it is 32.0 MB; a price list is read up to 32.0 MB"
    );
}

#[test]
fn a_format_named_reads_its_own_shape_and_names_are_the_command_line_s() {
    for format in PriceFormat::ALL {
        assert_eq!(format.id().parse::<PriceFormat>(), Ok(format));
    }
    assert!("csv".parse::<PriceFormat>().is_err());
    assert_eq!(
        read(OPENROUTER, Some(PriceFormat::OpenRouter), today()).map(|l| l.prices.len()),
        Ok(3)
    );
}
