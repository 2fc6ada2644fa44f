//! OpenRouter's `GET /api/v1/models` response (its API reference; the schemas `Model` and
//! `PublicPricing` of `openapi/openapi.yaml` in the repository OpenRouterTeam/docs): `data`
//! lists the models, each with `pricing.prompt` and `pricing.completion` in USD per token as
//! decimal strings, and optionally `input_cache_read` and `input_cache_write`. `"0"` is free. A
//! router's price depends on the model it routes to and reads `"-1"`, which no document
//! describes but genai-prices' OpenRouter source skips (`has_negative_price`): such a model is
//! left out, said. The top-level prices are those "under default conditions"; `overrides`
//! (long prompts, hours of the day) are not read.

use serde::Deserialize;
use serde_json::value::RawValue;

use rust_decimal::Decimal;

use super::{
    ImportError, ListedPrice, Per, PriceFormat, PriceList, Skipped, exact, listed, shaped,
};

#[derive(Deserialize)]
struct Response<'a> {
    #[serde(borrow)]
    data: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Model<'a> {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(borrow)]
    pricing: Pricing<'a>,
}

#[derive(Deserialize)]
struct Pricing<'a> {
    #[serde(borrow, default)]
    prompt: Option<&'a RawValue>,
    #[serde(borrow, default)]
    completion: Option<&'a RawValue>,
    #[serde(borrow, default)]
    input_cache_read: Option<&'a RawValue>,
    #[serde(borrow, default)]
    input_cache_write: Option<&'a RawValue>,
}

pub fn read(root: &RawValue) -> Result<PriceList, ImportError> {
    let response: Response<'_> = shaped(
        root,
        PriceFormat::OpenRouter,
        "`data` is not a list of models",
    )?;
    let mut list = PriceList {
        format: PriceFormat::OpenRouter,
        dated: None,
        prices: Vec::new(),
        skipped: Vec::new(),
    };
    for (index, raw) in response.data.into_iter().enumerate() {
        let model: Model<'_> = shaped(
            raw,
            PriceFormat::OpenRouter,
            &format!("model {} has no `id` or `pricing`", index.saturating_add(1)),
        )?;
        let id = model.id;
        let p = &model.pricing;
        let fields = [
            ("pricing.prompt", p.prompt),
            ("pricing.completion", p.completion),
            ("pricing.input_cache_read", p.input_cache_read),
            ("pricing.input_cache_write", p.input_cache_write),
        ];
        // A router's price depends on the model it routes to: "-1", left out.
        if fields.iter().any(|(_, raw)| {
            raw.is_some_and(|raw| exact(raw).is_ok_and(|v| v.is_some_and(|v| v < Decimal::ZERO)))
        }) {
            list.skipped.push(Skipped {
                id,
                why: "its price depends on the request (OpenRouter's \"-1\")".into(),
            });
            continue;
        }
        let price = |k: usize| {
            let (field, raw) = fields[k];
            raw.map(|raw| listed(&id, field, raw, Per::Token))
                .transpose()
                .map(Option::flatten)
        };
        let (Some(input), Some(output)) = (price(0)?, price(1)?) else {
            list.skipped.push(Skipped {
                id,
                why: "no price per prompt and completion token".into(),
            });
            continue;
        };
        list.prices.push(ListedPrice {
            cached_input_usd_per_1m: price(2)?,
            cache_write_usd_per_1m: price(3)?,
            batch_input_usd_per_1m: None,
            batch_output_usd_per_1m: None,
            name: model.name.unwrap_or_else(|| id.clone()),
            provider: id
                .split_once('/')
                .map_or("OpenRouter", |(author, _)| author)
                .to_owned(),
            id,
            input_usd_per_1m: input,
            output_usd_per_1m: output,
        });
    }
    Ok(list)
}
