//! Price lists people share, read into the catalog's terms: each API model's prices in USD per
//! 1M tokens, exact. Four formats, each described beside its reader with the source it follows:
//! LiteLLM's `model_prices_and_context_window.json` ([`litellm`]), pydantic's genai-prices
//! `data.json` ([`genai`]), simonw's llm-prices ([`llm_prices`]) and OpenRouter's
//! `/api/v1/models` response ([`openrouter`]).
//!
//! Numbers are read from their text, never through a float: `2.5e-06` USD a token is exactly
//! $2.50 per 1M. A price that cannot be read exactly refuses the whole list, naming the model
//! and the field, so nothing half-read reaches the catalog.

mod genai;
mod litellm;
mod llm_prices;
mod openrouter;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::value::RawValue;

use crate::units::UsdPerMillionTokens;

/// The largest price list read: LiteLLM's whole list is under 2 MB and genai-prices' under
/// 10 MB, so 32 MB leaves room for growth while refusing a wrong file before it fills memory.
pub const MAX_PRICE_LIST_BYTES: u64 = 32 * 1024 * 1024;

/// The formats of price list read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PriceFormat {
    /// LiteLLM's `model_prices_and_context_window.json`: USD per token.
    LiteLlm,
    /// pydantic's genai-prices `data.json`: USD per 1M tokens, conditional and tiered.
    GenaiPrices,
    /// simonw's llm-prices: USD per 1M tokens, with a price history.
    LlmPrices,
    /// OpenRouter's `/api/v1/models` response: USD per token as decimal strings.
    OpenRouter,
}

impl PriceFormat {
    /// Every format, in the order they are tried.
    pub const ALL: [Self; 4] = [
        Self::LiteLlm,
        Self::GenaiPrices,
        Self::LlmPrices,
        Self::OpenRouter,
    ];

    /// Its name on the command line and in the catalog (`litellm`).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::LiteLlm => "litellm",
            Self::GenaiPrices => "genai-prices",
            Self::LlmPrices => "llm-prices",
            Self::OpenRouter => "openrouter",
        }
    }

    /// Its name as people say it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::LiteLlm => "LiteLLM model prices",
            Self::GenaiPrices => "pydantic genai-prices",
            Self::LlmPrices => "llm-prices",
            Self::OpenRouter => "OpenRouter models",
        }
    }
}

impl fmt::Display for PriceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for PriceFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.id() == s).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|f| f.id()).collect();
            format!(
                "`{s}` is not a price list format; use one of {}",
                known.join(", ")
            )
        })
    }
}

/// One API model's prices as a list gives them, in USD per 1M tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedPrice {
    /// The list's id for it (`gpt-4o-mini`, `openai/gpt-4o-mini`).
    pub id: String,
    /// Its name, where the list has one; else the id.
    pub name: String,
    /// Who sells it, as the list says.
    pub provider: String,
    /// Prompt tokens.
    pub input_usd_per_1m: UsdPerMillionTokens,
    /// Generated tokens.
    pub output_usd_per_1m: UsdPerMillionTokens,
    /// Prompt tokens read from the cache, where the list prices them.
    pub cached_input_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Prompt tokens written to the cache, where the list prices them.
    pub cache_write_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Batch API prompt tokens, where the list prices them.
    pub batch_input_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Batch API generated tokens, where the list prices them.
    pub batch_output_usd_per_1m: Option<UsdPerMillionTokens>,
}

/// An entry of the list left out, and why (an embedding model, a price that changes by the
/// request): said, so a user sees what was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The list's id for it.
    pub id: String,
    /// Why, in a few words.
    pub why: String,
}

/// A price list read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceList {
    /// Its format.
    pub format: PriceFormat,
    /// The list's own date, where it has one (llm-prices' `updated_at`).
    pub dated: Option<NaiveDate>,
    /// The models priced per token, sorted by id.
    pub prices: Vec<ListedPrice>,
    /// The entries left out, sorted by id.
    pub skipped: Vec<Skipped>,
}

/// Why a price list could not be read. Nothing is imported from a list that fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Larger than [`MAX_PRICE_LIST_BYTES`].
    #[error("it is {} MB; a price list is read up to {} MB", crate::format::megabytes(*.bytes), crate::format::megabytes(MAX_PRICE_LIST_BYTES))]
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// Not JSON, or cut short.
    #[error("it is not JSON: {message} (line {line}, column {column})")]
    NotJson {
        /// What the parser said.
        message: String,
        /// Where, 1-based.
        line: usize,
        /// Where, 1-based.
        column: usize,
    },
    /// JSON, but none of the formats read.
    #[error(
        "it is not a price list Breakeven reads (LiteLLM model prices, genai-prices data.json, \
         llm-prices or OpenRouter's models); name the format with --format if it is one"
    )]
    UnknownFormat,
    /// The format's shape is not there (`data` is not a list).
    #[error("it is not {format}'s shape: {what}", format = .format.label())]
    Shape {
        /// The format it was read as.
        format: PriceFormat,
        /// What is missing or wrong.
        what: String,
    },
    /// A price that cannot be read exactly.
    #[error("{id}: {field} {why}")]
    Field {
        /// The model's id in the list.
        id: String,
        /// The field, as the list names it.
        field: String,
        /// What is wrong with it.
        why: String,
    },
    /// Nothing priced per token in it.
    #[error("it prices no model per token{}", left_out(*.skipped))]
    Empty {
        /// Entries left out.
        skipped: usize,
    },
}

fn left_out(skipped: usize) -> String {
    match skipped {
        0 => String::new(),
        1 => ": its one entry is left out".to_owned(),
        n => format!(": its {n} entries are left out"),
    }
}

/// Reads `text`, `bytes` long, as a price list: in `format`, or in the format its shape says.
/// `today` picks the prices in force among dated ones (llm-prices' history, genai-prices'
/// start dates).
pub fn read(
    text: &str,
    format: Option<PriceFormat>,
    today: NaiveDate,
) -> Result<PriceList, ImportError> {
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if bytes > MAX_PRICE_LIST_BYTES {
        return Err(ImportError::TooLarge { bytes });
    }
    let root: &RawValue = serde_json::from_str(text).map_err(|e| not_json(&e))?;
    let format = match format {
        Some(format) => format,
        None => detect(root).ok_or(ImportError::UnknownFormat)?,
    };
    let mut list = match format {
        PriceFormat::LiteLlm => litellm::read(root)?,
        PriceFormat::GenaiPrices => genai::read(root, today)?,
        PriceFormat::LlmPrices => llm_prices::read(root, today)?,
        PriceFormat::OpenRouter => openrouter::read(root)?,
    };
    if list.prices.is_empty() {
        return Err(ImportError::Empty {
            skipped: list.skipped.len(),
        });
    }
    list.prices.sort_by(|a, b| a.id.cmp(&b.id));
    list.skipped.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(list)
}

fn not_json(error: &serde_json::Error) -> ImportError {
    ImportError::NotJson {
        message: crate::format::json_message(error),
        line: error.line(),
        column: error.column(),
    }
}

/// The format whose shape `root` has: an array of providers with models (genai-prices); an
/// object whose `data` lists models with `pricing`, or none (OpenRouter); one with `prices` or
/// `vendor` and `models` (llm-prices); one whose entries carry `litellm_provider` or
/// `input_cost_per_token` (LiteLLM).
fn detect(root: &RawValue) -> Option<PriceFormat> {
    let value: serde_json::Value = serde_json::from_str(root.get()).ok()?;
    match &value {
        serde_json::Value::Array(items) => items
            .iter()
            .any(|p| p.get("models").is_some())
            .then_some(PriceFormat::GenaiPrices),
        serde_json::Value::Object(map) => {
            if map
                .get("data")
                .and_then(|d| d.as_array())
                .is_some_and(|d| d.is_empty() || d.iter().any(|m| m.get("pricing").is_some()))
            {
                Some(PriceFormat::OpenRouter)
            } else if map.get("prices").is_some_and(serde_json::Value::is_array)
                || (map.contains_key("vendor") && map.contains_key("models"))
            {
                Some(PriceFormat::LlmPrices)
            } else if map.values().any(|entry| {
                entry.get("litellm_provider").is_some()
                    || entry.get("input_cost_per_token").is_some()
            }) {
                Some(PriceFormat::LiteLlm)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A JSON number, or a string holding one, read exactly from its text: `2.5e-06`, `"0.0000025"`,
/// `15`. `None` for `null`.
pub(crate) fn exact(raw: &RawValue) -> Result<Option<Decimal>, String> {
    let text = raw.get().trim();
    if text == "null" {
        return Ok(None);
    }
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
        .trim();
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    parsed
        .map(|d| Some(d.normalize()))
        .map_err(|_| format!("is `{text}`, not a number that can be held exactly"))
}

/// How a list writes its prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Per {
    /// USD a token (LiteLLM, OpenRouter).
    Token,
    /// USD per 1M tokens (genai-prices, llm-prices).
    Million,
}

/// The price `raw` of model `id`'s `field`, written `per`, as the catalog keeps it: USD per 1M
/// tokens, exact and not negative; `None` for `null`.
fn listed(
    id: &str,
    field: &str,
    raw: &RawValue,
    per: Per,
) -> Result<Option<UsdPerMillionTokens>, ImportError> {
    let value = exact(raw).map_err(|why| ImportError::Field {
        id: id.to_owned(),
        field: field.to_owned(),
        why,
    })?;
    value
        .map(|v| {
            let per_1m = match per {
                Per::Token => per_million(id, field, v)?,
                Per::Million => v,
            };
            usd_per_1m(id, field, per_1m)
        })
        .transpose()
}

/// A price per token, as LiteLLM and OpenRouter give them, per 1M tokens: exactly a million
/// times it.
fn per_million(id: &str, field: &str, per_token: Decimal) -> Result<Decimal, ImportError> {
    per_token
        .checked_mul(Decimal::from(1_000_000))
        .map(|d| d.normalize())
        .ok_or_else(|| ImportError::Field {
            id: id.to_owned(),
            field: field.to_owned(),
            why: format!("is {per_token} a token, too large to hold per 1M tokens"),
        })
}

/// A price per 1M tokens as the catalog keeps it: not negative.
fn usd_per_1m(id: &str, field: &str, value: Decimal) -> Result<UsdPerMillionTokens, ImportError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(ImportError::Field {
            id: id.to_owned(),
            field: field.to_owned(),
            why: format!("is {value}; a price cannot be negative"),
        });
    }
    Ok(UsdPerMillionTokens::new(value))
}

/// Reads `raw` as `T`, or says which part of `format`'s shape is wrong.
fn shaped<'a, T: serde::Deserialize<'a>>(
    raw: &'a RawValue,
    format: PriceFormat,
    what: &str,
) -> Result<T, ImportError> {
    serde_json::from_str(raw.get()).map_err(|e| ImportError::Shape {
        format,
        what: format!("{what}: {}", crate::format::json_message(&e)),
    })
}

#[cfg(test)]
mod tests;
