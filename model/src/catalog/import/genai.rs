//! pydantic's genai-prices `data.json` (repository pydantic/genai-prices: `prices/data.json`,
//! frozen, and `prices/new_data/v2/data.json`, the live one; their `data.schema.json`, and the
//! selection in `packages/python/genai_prices/types.py`). An array of providers, each with
//! `models`; a model's `prices` are USD per 1M tokens (`input_mtok`, `output_mtok`,
//! `cache_read_mtok`, `cache_write_mtok`, v2's `cache_write_5m_mtok`).
//!
//! - A price may be tiered, `{"base": 3, "tiers": [{"start": 200000, "price": 6}]}`: every
//!   token is charged the tier's price once a prompt passes its start. The base is read, the
//!   price of prompts under the first tier.
//! - `prices` may be a list of conditional prices, each with a `constraint`. As `get_prices`
//!   does, the last one in force wins, else the first. A `start_date` is in force from that
//!   day; a window of hours (`start_time`, `end_time`) is taken as in force when it covers half
//!   the day or more, as a month's bill is mostly charged at its price.

use chrono::{NaiveDate, NaiveTime, Timelike as _};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{ImportError, ListedPrice, Per, PriceFormat, PriceList, Skipped, listed, shaped};

#[derive(Deserialize)]
struct Provider<'a> {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(borrow)]
    models: Vec<Model<'a>>,
}

#[derive(Deserialize)]
struct Model<'a> {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(borrow)]
    prices: &'a RawValue,
}

#[derive(Deserialize)]
struct Conditional<'a> {
    #[serde(default)]
    constraint: Option<Constraint>,
    #[serde(borrow)]
    prices: &'a RawValue,
}

#[derive(Deserialize)]
struct Constraint {
    #[serde(default)]
    start_date: Option<NaiveDate>,
    #[serde(default)]
    start_time: Option<String>,
    #[serde(default)]
    end_time: Option<String>,
}

impl Constraint {
    fn in_force(&self, today: NaiveDate) -> bool {
        if let Some(from) = self.start_date {
            return from <= today;
        }
        let hour = |t: &Option<String>| {
            t.as_deref()
                .map(|t| t.trim_end_matches('Z'))
                .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M:%S").ok())
                .map(|t| t.num_seconds_from_midnight())
        };
        match (hour(&self.start_time), hour(&self.end_time)) {
            (Some(start), Some(end)) => {
                const DAY: u32 = 24 * 60 * 60;
                // Both within the day: the window's length, wrapping past midnight.
                let covered = if end >= start {
                    end.saturating_sub(start)
                } else {
                    DAY.saturating_sub(start).saturating_add(end)
                };
                covered.saturating_mul(2) >= DAY
            }
            _ => false,
        }
    }
}

/// A model's prices, each USD per 1M tokens (`_mtok`, as the format names them).
#[derive(Deserialize)]
#[expect(
    clippy::struct_field_names,
    reason = "the format's own names, so each field reads as the file spells it"
)]
struct Prices<'a> {
    #[serde(borrow, default)]
    input_mtok: Option<&'a RawValue>,
    #[serde(borrow, default)]
    output_mtok: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cache_read_mtok: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cache_write_mtok: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cache_write_5m_mtok: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Tiered<'a> {
    #[serde(borrow)]
    base: &'a RawValue,
}

pub fn read(root: &RawValue, today: NaiveDate) -> Result<PriceList, ImportError> {
    let providers: Vec<Provider<'_>> = shaped(
        root,
        PriceFormat::GenaiPrices,
        "the top level is not a list of providers with models",
    )?;
    let mut list = PriceList {
        format: PriceFormat::GenaiPrices,
        dated: None,
        prices: Vec::new(),
        skipped: Vec::new(),
    };
    for provider in providers {
        let provider_name = provider.name.unwrap_or(provider.id);
        for model in provider.models {
            let id = model.id;
            let prices = in_force(model.prices, &id, today)?;
            let price = |field: &str, raw: Option<&RawValue>| {
                raw.map(|raw| {
                    // A tiered price: its base.
                    let raw = serde_json::from_str::<Tiered<'_>>(raw.get()).map_or(raw, |t| t.base);
                    listed(&id, &format!("prices.{field}"), raw, Per::Million)
                })
                .transpose()
                .map(Option::flatten)
            };
            let (Some(input), Some(output)) = (
                price("input_mtok", prices.input_mtok)?,
                price("output_mtok", prices.output_mtok)?,
            ) else {
                list.skipped.push(Skipped {
                    id,
                    why: "no price per input and output token".into(),
                });
                continue;
            };
            let write = match price("cache_write_mtok", prices.cache_write_mtok)? {
                Some(write) => Some(write),
                None => price("cache_write_5m_mtok", prices.cache_write_5m_mtok)?,
            };
            list.prices.push(ListedPrice {
                cached_input_usd_per_1m: price("cache_read_mtok", prices.cache_read_mtok)?,
                cache_write_usd_per_1m: write,
                batch_input_usd_per_1m: None,
                batch_output_usd_per_1m: None,
                name: model.name.unwrap_or_else(|| id.clone()),
                provider: provider_name.clone(),
                id,
                input_usd_per_1m: input,
                output_usd_per_1m: output,
            });
        }
    }
    Ok(list)
}

/// The prices in force on `today`: `raw` itself, or the last of its conditional prices in
/// force, else the first.
fn in_force<'a>(raw: &'a RawValue, id: &str, today: NaiveDate) -> Result<Prices<'a>, ImportError> {
    let shape = |what: &str| ImportError::Shape {
        format: PriceFormat::GenaiPrices,
        what: format!("{id}: {what}"),
    };
    if raw.get().trim_start().starts_with('[') {
        let conditional: Vec<Conditional<'a>> = serde_json::from_str(raw.get())
            .map_err(|_| shape("`prices` is a list, but not of conditional prices"))?;
        let chosen = conditional
            .iter()
            .rev()
            .find(|c| c.constraint.as_ref().is_none_or(|k| k.in_force(today)))
            .or_else(|| conditional.first())
            .ok_or_else(|| shape("`prices` is an empty list"))?;
        serde_json::from_str(chosen.prices.get()).map_err(|_| shape("`prices` is not an object"))
    } else {
        serde_json::from_str(raw.get()).map_err(|_| shape("`prices` is not an object"))
    }
}
