//! LiteLLM's `model_prices_and_context_window.json` (repository BerriAI/litellm, at its root;
//! the fields are checked by `INTENDED_SCHEMA` in `tests/test_litellm/test_utils.py`, and
//! described at <https://docs.litellm.ai/docs/provider_registration/add_model_pricing>). An object from
//! a model's name to its entry; prices are USD per token, written as JSON numbers (`2.5e-06`).
//! `sample_spec` describes the fields and is no model. Chat and completion models priced per
//! token are read; the rest (embeddings, images, prices only in tiers) are left out, said.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{ImportError, ListedPrice, Per, PriceFormat, PriceList, Skipped, listed, shaped};

/// The fields of an entry that the catalog holds.
#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(borrow, default)]
    input_cost_per_token: Option<&'a RawValue>,
    #[serde(borrow, default)]
    output_cost_per_token: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cache_read_input_token_cost: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cache_creation_input_token_cost: Option<&'a RawValue>,
    #[serde(borrow, default)]
    input_cost_per_token_batches: Option<&'a RawValue>,
    #[serde(borrow, default)]
    output_cost_per_token_batches: Option<&'a RawValue>,
    #[serde(default)]
    litellm_provider: Option<String>,
    #[serde(default)]
    mode: Option<String>,
}

/// Modes whose models answer prompts token by token.
const CHAT_MODES: [&str; 3] = ["chat", "completion", "responses"];

pub fn read(root: &RawValue) -> Result<PriceList, ImportError> {
    let entries: BTreeMap<String, &RawValue> = shaped(
        root,
        PriceFormat::LiteLlm,
        "the top level is not an object of models",
    )?;
    let mut list = PriceList {
        format: PriceFormat::LiteLlm,
        dated: None,
        prices: Vec::new(),
        skipped: Vec::new(),
    };
    for (id, raw) in entries {
        if id == "sample_spec" {
            continue;
        }
        let Ok(entry) = serde_json::from_str::<Entry<'_>>(raw.get()) else {
            list.skipped.push(Skipped {
                id,
                why: "not a model's entry".into(),
            });
            continue;
        };
        if let Some(mode) = entry.mode.as_deref().filter(|m| !CHAT_MODES.contains(m)) {
            list.skipped.push(Skipped {
                why: format!("mode `{mode}`: not a chat model priced per token"),
                id,
            });
            continue;
        }
        let price = |field: &str, raw: Option<&RawValue>| {
            raw.map(|raw| listed(&id, field, raw, Per::Token))
                .transpose()
                .map(Option::flatten)
        };
        let input = price("input_cost_per_token", entry.input_cost_per_token)?;
        let output = price("output_cost_per_token", entry.output_cost_per_token)?;
        let (Some(input), Some(output)) = (input, output) else {
            list.skipped.push(Skipped {
                id,
                why: "no price per input and output token (tiered, or by another unit)".into(),
            });
            continue;
        };
        list.prices.push(ListedPrice {
            cached_input_usd_per_1m: price(
                "cache_read_input_token_cost",
                entry.cache_read_input_token_cost,
            )?,
            cache_write_usd_per_1m: price(
                "cache_creation_input_token_cost",
                entry.cache_creation_input_token_cost,
            )?,
            batch_input_usd_per_1m: price(
                "input_cost_per_token_batches",
                entry.input_cost_per_token_batches,
            )?,
            batch_output_usd_per_1m: price(
                "output_cost_per_token_batches",
                entry.output_cost_per_token_batches,
            )?,
            name: id.clone(),
            provider: entry.litellm_provider.unwrap_or_default(),
            id,
            input_usd_per_1m: input,
            output_usd_per_1m: output,
        });
    }
    Ok(list)
}
