//! simonw's llm-prices (repository simonw/llm-prices; its README and `scripts/build.py`), in
//! the three shapes it is shared in: a vendor's file (`data/<vendor>.json`: `vendor`, and
//! `models` each with a `price_history`), `current-v1.json` (`updated_at` and `prices`) and
//! `historical-v1.json` (`prices`, each with `from_date` and `to_date`). Prices are USD per 1M
//! tokens: `input`, `output` and `input_cached` (`null` where the model has no cached price).
//! A record holds from `from_date` (inclusive; `null` from the beginning) to `to_date`
//! (exclusive; `null` still in force); as `build.py` does, the record in force on the day with
//! the latest `from_date` is the price.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{ImportError, ListedPrice, Per, PriceFormat, PriceList, Skipped, listed, shaped};

#[derive(Deserialize)]
struct Shapes<'a> {
    #[serde(default)]
    vendor: Option<String>,
    #[serde(borrow, default)]
    models: Option<Vec<VendorModel<'a>>>,
    #[serde(default)]
    updated_at: Option<NaiveDate>,
    #[serde(borrow, default)]
    prices: Option<Vec<Record<'a>>>,
}

#[derive(Deserialize)]
struct VendorModel<'a> {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(borrow)]
    price_history: Vec<Record<'a>>,
}

/// A price record: a row of `current-v1.json` or `historical-v1.json`, or an entry of a
/// vendor file's `price_history` (which names no model: its model does).
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    vendor: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(borrow)]
    input: &'a RawValue,
    #[serde(borrow)]
    output: &'a RawValue,
    #[serde(borrow, default)]
    input_cached: Option<&'a RawValue>,
    #[serde(default)]
    from_date: Option<NaiveDate>,
    #[serde(default)]
    to_date: Option<NaiveDate>,
}

impl Record<'_> {
    fn in_force(&self, today: NaiveDate) -> bool {
        self.from_date.is_none_or(|from| from <= today) && self.to_date.is_none_or(|to| today < to)
    }
}

pub fn read(root: &RawValue, today: NaiveDate) -> Result<PriceList, ImportError> {
    let shapes: Shapes<'_> = shaped(
        root,
        PriceFormat::LlmPrices,
        "neither `prices` nor `vendor` with `models` reads as its records",
    )?;
    // Each model's records, with the vendor and name to show.
    let mut models: BTreeMap<String, (String, String, Vec<Record<'_>>)> = BTreeMap::new();
    if let Some(vendor_models) = shapes.models {
        let vendor = shapes.vendor.unwrap_or_default();
        for model in vendor_models {
            let name = model.name.unwrap_or_else(|| model.id.clone());
            models.insert(model.id, (vendor.clone(), name, model.price_history));
        }
    }
    for record in shapes.prices.unwrap_or_default() {
        let Some(id) = record.id.clone() else {
            return Err(ImportError::Shape {
                format: PriceFormat::LlmPrices,
                what: "a price names no model `id`".into(),
            });
        };
        let entry = models.entry(id.clone()).or_insert_with(|| {
            (
                record.vendor.clone().unwrap_or_default(),
                record.name.clone().unwrap_or(id),
                Vec::new(),
            )
        });
        entry.2.push(record);
    }
    let mut list = PriceList {
        format: PriceFormat::LlmPrices,
        dated: shapes.updated_at,
        prices: Vec::new(),
        skipped: Vec::new(),
    };
    for (id, (vendor, name, records)) in models {
        let Some(record) = records
            .iter()
            .filter(|r| r.in_force(today))
            .max_by_key(|r| r.from_date.unwrap_or(NaiveDate::MIN))
        else {
            list.skipped.push(Skipped {
                id,
                why: format!("no price in force on {today}"),
            });
            continue;
        };
        let price = |field: &str, raw: &RawValue| listed(&id, field, raw, Per::Million);
        let (Some(input), Some(output)) = (
            price("input", record.input)?,
            price("output", record.output)?,
        ) else {
            list.skipped.push(Skipped {
                id,
                why: "no input or output price".into(),
            });
            continue;
        };
        let cached = record
            .input_cached
            .map(|raw| price("input_cached", raw))
            .transpose()?
            .flatten();
        list.prices.push(ListedPrice {
            id,
            name,
            provider: vendor,
            input_usd_per_1m: input,
            output_usd_per_1m: output,
            cached_input_usd_per_1m: cached,
            cache_write_usd_per_1m: None,
            batch_input_usd_per_1m: None,
            batch_output_usd_per_1m: None,
        });
    }
    Ok(list)
}
