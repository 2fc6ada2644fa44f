//! What a team really sends: a usage export read into tokens by day, model and feature, summed
//! by month, priced at the catalog's prices, and the features ranked by spend with the ones
//! behind 80% of the bill named ("find the single feature responsible for 80% of the bill",
//! the first step of the 90-day plan in "Build vs Buy: Should we fine-tune ...",
//! `002_b35f14537f9d8edf.txt`).
//!
//! Four formats, each described beside its reader with the source it follows: the OpenAI
//! organisation usage API's completions buckets ([`openai`]), Anthropic's messages usage report
//! ([`anthropic`]), LiteLLM's spend logs ([`litellm`]) and a plain CSV ([`csv`]) for the rest.

mod anthropic;
mod csv;
mod litellm;
mod openai;
mod workload;

pub use workload::{Measured, measured};

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike as _, NaiveDate};
use rust_decimal::Decimal;

use crate::catalog::{ApiModel, Catalog};

/// The largest usage file read: a year of daily buckets by model and project is a few MB, a
/// month of LiteLLM's rows for a busy gateway some tens; 64 MB refuses a wrong file before it
/// fills memory. Export a shorter period, or sum it into the CSV, for more.
pub const MAX_USAGE_BYTES: u64 = 64 * 1024 * 1024;

/// The formats of usage export read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageFormat {
    /// OpenAI's `/v1/organization/usage/completions` response.
    OpenAi,
    /// Anthropic's `/v1/organizations/usage_report/messages` response.
    Anthropic,
    /// LiteLLM's spend logs (`/spend/logs` rows).
    LiteLlm,
    /// `date,feature,model,input_tokens,output_tokens[,cached_input_tokens]`.
    Csv,
}

impl UsageFormat {
    /// Every format.
    pub const ALL: [Self; 4] = [Self::OpenAi, Self::Anthropic, Self::LiteLlm, Self::Csv];

    /// Its name on the command line (`openai`).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::OpenAi => "openai",
            Self::Anthropic => "anthropic",
            Self::LiteLlm => "litellm",
            Self::Csv => "csv",
        }
    }

    /// Its name as people say it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::OpenAi => "OpenAI usage (completions)",
            Self::Anthropic => "Anthropic usage report",
            Self::LiteLlm => "LiteLLM spend logs",
            Self::Csv => "usage CSV",
        }
    }
}

impl fmt::Display for UsageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for UsageFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.id() == s).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|f| f.id()).collect();
            format!(
                "`{s}` is not a usage format; use one of {}",
                known.join(", ")
            )
        })
    }
}

/// Tokens of one day, model and feature. Input counts every prompt token, those read from or
/// written to the cache among them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The day (UTC).
    pub day: Option<NaiveDate>,
    /// The feature: a tag, a project, a workspace or a key, as the export groups them.
    pub feature: String,
    /// The model, as the export names it.
    pub model: String,
    /// Prompt tokens, cached ones included.
    pub input: u64,
    /// Generated tokens.
    pub output: u64,
    /// Prompt tokens read from the cache.
    pub cached_input: u64,
}

/// Why a usage file could not be read. Nothing is summed from a file that fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    /// Larger than [`MAX_USAGE_BYTES`].
    #[error("it is {} MB; a usage file is read up to {} MB", crate::format::megabytes(*.bytes), crate::format::megabytes(MAX_USAGE_BYTES))]
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// Not the shape of any format read.
    #[error(
        "it is not a usage export Breakeven reads (OpenAI usage, Anthropic usage report, LiteLLM \
         spend logs, or a CSV with date,feature,model,input_tokens,output_tokens); name the \
         format with --format if it is one"
    )]
    UnknownFormat,
    /// Something in it cannot be read: where, and what.
    #[error("{at}: {why}")]
    At {
        /// The line, key or row (`line 3`, `data[2].results[0].input_tokens`).
        at: String,
        /// What is wrong.
        why: String,
    },
    /// No usage in it.
    #[error("it has no usage rows")]
    Empty,
}

fn at(at: impl Into<String>, why: impl Into<String>) -> UsageError {
    UsageError::At {
        at: at.into(),
        why: why.into(),
    }
}

/// A usage file read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Its format.
    pub format: UsageFormat,
    /// Its rows, as read.
    pub rows: Vec<Row>,
}

/// Reads `text` as a usage export, in `format` or the one its shape says.
pub fn read(text: &str, format: Option<UsageFormat>) -> Result<Usage, UsageError> {
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if bytes > MAX_USAGE_BYTES {
        return Err(UsageError::TooLarge { bytes });
    }
    let format = match format {
        Some(format) => format,
        None => detect(text)?,
    };
    let rows = match format {
        UsageFormat::OpenAi => openai::read(text)?,
        UsageFormat::Anthropic => anthropic::read(text)?,
        UsageFormat::LiteLlm => litellm::read(text)?,
        UsageFormat::Csv => csv::read(text)?,
    };
    if rows.is_empty() {
        return Err(UsageError::Empty);
    }
    Ok(Usage { format, rows })
}

/// The format whose shape `text` has: OpenAI's page of buckets (`object: page`), Anthropic's
/// report (buckets with `starting_at`), LiteLLM's rows (`startTime` and `prompt_tokens`), or a
/// CSV whose header starts `date,`.
fn detect(text: &str) -> Result<UsageFormat, UsageError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.to_ascii_lowercase().starts_with("date,") {
        return Ok(UsageFormat::Csv);
    }
    let value: serde_json::Value = match serde_json::from_str(trimmed) {
        Ok(value) => value,
        // JSON cut short or damaged says where; anything else is no format read.
        Err(e) if trimmed.starts_with(['{', '[']) => {
            return Err(at("the file", json_error(&e)));
        }
        Err(_) => return Err(UsageError::UnknownFormat),
    };
    shape_of(&value).ok_or(UsageError::UnknownFormat)
}

fn shape_of(value: &serde_json::Value) -> Option<UsageFormat> {
    let first_bucket = value
        .get("data")
        .and_then(serde_json::Value::as_array)
        .and_then(|d| d.first());
    if value.get("object").and_then(serde_json::Value::as_str) == Some("page")
        || first_bucket.is_some_and(|b| b.get("start_time").is_some())
    {
        return Some(UsageFormat::OpenAi);
    }
    if first_bucket.is_some_and(|b| b.get("starting_at").is_some()) {
        return Some(UsageFormat::Anthropic);
    }
    let rows = value
        .as_array()
        .or_else(|| value.get("data").and_then(serde_json::Value::as_array))?;
    rows.first()
        .is_some_and(|r| r.get("startTime").is_some() && r.get("prompt_tokens").is_some())
        .then_some(UsageFormat::LiteLlm)
}

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Month {
    fn of(day: NaiveDate) -> Self {
        Self {
            year: day.year(),
            month: day.month(),
        }
    }
}

/// Tokens summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    /// Prompt tokens, cached ones included.
    pub input: u64,
    /// Generated tokens.
    pub output: u64,
    /// Prompt tokens read from the cache.
    pub cached_input: u64,
}

impl Tokens {
    fn add(&mut self, row: &Row) {
        self.input = self.input.saturating_add(row.input);
        self.output = self.output.saturating_add(row.output);
        self.cached_input = self.cached_input.saturating_add(row.cached_input);
    }
}

/// A feature's tokens and what they cost over the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureSpend {
    /// The feature.
    pub feature: String,
    /// Its tokens.
    pub tokens: Tokens,
    /// What they cost at the catalog's prices, the models it has no price for left out.
    pub usd: Decimal,
    /// Its share of the priced bill (0 to 1).
    pub share: Decimal,
}

/// A usage file summed by month, model and feature, and priced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The format read.
    pub format: UsageFormat,
    /// The first and last day with usage.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Tokens each month, in order, and what the priced ones cost.
    pub months: Vec<(Month, Tokens, Decimal)>,
    /// Tokens each month by model, then model, and what they cost (`None`: a model the catalog
    /// has no price for).
    pub by_model: Vec<(Month, String, Tokens, Option<Decimal>)>,
    /// The catalog's model each model of the file is priced as, or `None` when it has no price.
    pub priced_as: Vec<(String, Option<String>)>,
    /// Features by spend, largest first.
    pub features: Vec<FeatureSpend>,
    /// The fewest features, largest first, whose spend reaches 80% of the priced bill.
    pub behind_80: Vec<String>,
    /// The priced bill over the file.
    pub usd: Decimal,
}

/// The catalog's model for `name` as an export writes it: the same id, or a dated snapshot of
/// one (`gpt-4o-mini-2024-07-18` is `gpt-4o-mini`), after a provider's prefix or not
/// (`openai/gpt-4o-mini`). Another model whose name starts the same (`gpt-4o-mini` is not
/// `gpt-4o`) is not priced as it.
#[must_use]
pub fn catalog_model<'a>(catalog: &'a Catalog, name: &str) -> Option<&'a ApiModel> {
    let name = name.trim();
    if let Some(exact) = catalog.api_model(name) {
        return Some(exact);
    }
    let bare = name.rsplit_once('/').map_or(name, |(_, b)| b);
    catalog
        .api_models
        .iter()
        .filter(|m| bare == m.id || bare.strip_prefix(m.id.as_str()).is_some_and(is_snapshot))
        .max_by_key(|m| m.id.len())
}

/// Whether `rest`, after a model's id, names a snapshot of it: a date (`-2024-07-18`,
/// `-20250514`), `-latest`, or a version after `@` or `:`.
fn is_snapshot(rest: &str) -> bool {
    if rest.starts_with(['@', ':']) || rest == "-latest" {
        return true;
    }
    rest.strip_prefix('-')
        .is_some_and(|date| date.len() >= 4 && date.chars().take(4).all(|c| c.is_ascii_digit()))
}

/// What `tokens` of `model` cost: uncached prompt tokens at the input price, cached ones at the
/// cached price (the input price where there is none), generated ones at the output price.
#[must_use]
pub fn cost(model: &ApiModel, tokens: Tokens) -> Option<Decimal> {
    let million = Decimal::from(1_000_000);
    let uncached = Decimal::from(tokens.input.saturating_sub(tokens.cached_input));
    let cached = Decimal::from(tokens.cached_input.min(tokens.input));
    let cached_price = model
        .cached_input_usd_per_1m
        .unwrap_or(model.input_usd_per_1m)
        .get();
    let sum = uncached
        .checked_mul(model.input_usd_per_1m.get())?
        .checked_add(cached.checked_mul(cached_price)?)?
        .checked_add(Decimal::from(tokens.output).checked_mul(model.output_usd_per_1m.get())?)?;
    sum.checked_div(million)
}

/// Sums `usage` by month, model and feature and prices it with `catalog`.
#[must_use]
pub fn summarise(usage: &Usage, catalog: &Catalog) -> Summary {
    let mut months: BTreeMap<Month, (Tokens, Decimal)> = BTreeMap::new();
    let mut by_model: BTreeMap<(Month, String), Tokens> = BTreeMap::new();
    let mut features: BTreeMap<String, (Tokens, Decimal)> = BTreeMap::new();
    let mut priced_as: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut first_last: Option<(NaiveDate, NaiveDate)> = None;
    for row in &usage.rows {
        let model = catalog_model(catalog, &row.model);
        priced_as
            .entry(row.model.clone())
            .or_insert_with(|| model.map(|m| m.id.clone()));
        if let Some(day) = row.day {
            first_last = Some(first_last.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
            let priced = model
                .and_then(|m| {
                    cost(
                        m,
                        Tokens {
                            input: row.input,
                            output: row.output,
                            cached_input: row.cached_input,
                        },
                    )
                })
                .unwrap_or_default();
            let month = months.entry(Month::of(day)).or_default();
            month.0.add(row);
            month.1 = month.1.checked_add(priced).unwrap_or(month.1);
            by_model
                .entry((Month::of(day), row.model.clone()))
                .or_default()
                .add(row);
        }
        let one = Tokens {
            input: row.input,
            output: row.output,
            cached_input: row.cached_input,
        };
        let usd = model.and_then(|m| cost(m, one)).unwrap_or_default();
        let entry = features.entry(row.feature.clone()).or_default();
        entry.0.add(row);
        entry.1 = entry.1.checked_add(usd).unwrap_or(entry.1);
    }
    let total = features.values().fold(Decimal::ZERO, |sum, (_, usd)| {
        sum.checked_add(*usd).unwrap_or(sum)
    });
    let mut ranked: Vec<FeatureSpend> = features
        .into_iter()
        .map(|(feature, (tokens, usd))| FeatureSpend {
            share: usd.checked_div(total).unwrap_or_default(),
            feature,
            tokens,
            usd,
        })
        .collect();
    ranked.sort_by(|a, b| b.usd.cmp(&a.usd).then(a.feature.cmp(&b.feature)));
    let mut behind_80 = Vec::new();
    let mut reached = Decimal::ZERO;
    for f in &ranked {
        if total.is_zero() || reached >= Decimal::new(8, 1) {
            break;
        }
        behind_80.push(f.feature.clone());
        reached = reached.checked_add(f.share).unwrap_or(reached);
    }
    Summary {
        format: usage.format,
        days: first_last,
        months: months
            .into_iter()
            .map(|(month, (tokens, usd))| (month, tokens, usd))
            .collect(),
        by_model: by_model
            .into_iter()
            .map(|((month, model), tokens)| {
                let usd = catalog_model(catalog, &model).and_then(|m| cost(m, tokens));
                (month, model, tokens, usd)
            })
            .collect(),
        priced_as: priced_as.into_iter().collect(),
        features: ranked,
        behind_80,
        usd: total,
    }
}

/// A usage file that is not JSON, as its readers say it.
fn json_error(error: &serde_json::Error) -> String {
    format!("is not JSON: {}", crate::format::json_problem(error))
}

/// Calls `f` on each result of a usage API's response (`data` buckets, each with `results`),
/// or of several pages of it saved as a list, with the bucket's day as `day_of` reads it and
/// the result's path (`data[2].results[0]`).
fn each_result(
    root: &serde_json::Value,
    day_of: impl Fn(&serde_json::Value, &str) -> Result<NaiveDate, UsageError>,
    mut f: impl FnMut(NaiveDate, &serde_json::Value, &str) -> Result<(), UsageError>,
) -> Result<(), UsageError> {
    use serde_json::Value;
    let pages: Vec<&Value> = match root {
        Value::Array(pages) => pages.iter().collect(),
        page => vec![page],
    };
    for (p, page) in pages.iter().enumerate() {
        let buckets = page.get("data").and_then(Value::as_array).ok_or_else(|| {
            at(
                format!("page {}", p.saturating_add(1)),
                "has no `data` list of buckets",
            )
        })?;
        for (b, bucket) in buckets.iter().enumerate() {
            let path = format!("data[{b}]");
            let day = day_of(bucket, &path)?;
            let results = bucket.get("results").and_then(Value::as_array);
            for (r, result) in results.into_iter().flatten().enumerate() {
                f(day, result, &format!("{path}.results[{r}]"))?;
            }
        }
    }
    Ok(())
}

/// The first of `names` a result was grouped by, or `none` when it was grouped by none.
fn grouped(result: &serde_json::Value, names: &[&str], none: &str) -> String {
    names
        .iter()
        .find_map(|name| result.get(*name).and_then(serde_json::Value::as_str))
        .map_or_else(|| none.to_owned(), str::to_owned)
}

/// A count of tokens as an export writes it: a JSON integer (or a float with no fraction, as
/// some write them), never negative.
fn count(value: Option<&serde_json::Value>, path: &str) -> Result<u64, UsageError> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(0),
        Some(v) => v
            .as_u64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e19)
                    .map(|f| {
                        #[expect(
                            clippy::cast_possible_truncation,
                            clippy::cast_sign_loss,
                            reason = "a whole, non-negative number under 10^19, checked"
                        )]
                        let whole = f as u64;
                        whole
                    })
            })
            .ok_or_else(|| at(path, format!("is {v}, not a count of tokens"))),
    }
}

#[cfg(test)]
mod tests;

/// The summary in words, a line each, as the command line prints it and the window shows it:
/// the file's days, the features by spend and the ones behind 80% of the bill first, then the
/// tokens by month, by model, and what each model is priced as. With `most` (a window's
/// preview), each list stops after that many and counts the rest, and the models are the last
/// month's.
#[must_use]
pub fn lines(summary: &Summary, file: &str, most: Option<usize>) -> Vec<String> {
    use crate::format::{group_thousands, percent, usd_cents};
    let n = |count: u64| group_thousands(Decimal::from(count));
    let more = |count: usize, what: &str| {
        most.filter(|m| count > *m)
            .map(|m| format!("  … and {} more {what}", count.saturating_sub(m)))
    };
    let most_or_all = most.unwrap_or(usize::MAX);
    let mut out = vec![match summary.days {
        Some((first, last)) => format!("{file} ({}): {first} to {last}.", summary.format.label()),
        None => format!("{file} ({}).", summary.format.label()),
    }];
    out.push(format!(
        "Features by spend, at the catalog's prices ({} in all):",
        usd_cents(summary.usd)
    ));
    for f in summary.features.iter().take(most_or_all) {
        out.push(format!(
            "  {}: {} ({}), {} tokens in, {} out",
            f.feature,
            usd_cents(f.usd),
            percent(f.share),
            n(f.tokens.input),
            n(f.tokens.output)
        ));
    }
    out.extend(more(summary.features.len(), "features"));
    let named: Vec<String> = summary
        .behind_80
        .iter()
        .filter_map(|name| summary.features.iter().find(|f| f.feature == *name))
        .map(|f| format!("\"{}\" ({})", f.feature, percent(f.share)))
        .collect();
    let plan = "(\"Build vs Buy: Should we fine-tune an open-source LLM or use OpenAI APIs?\", \
                its 90-day plan)";
    match named.as_slice() {
        [] => {}
        [one] => out.push(format!(
            "{one} is behind 80% of the bill: the feature to look at first {plan}."
        )),
        [first, rest @ ..] => out.push(format!(
            "Behind 80% of the bill: {first} and {}. Look at the first one first {plan}.",
            rest.join(" and ")
        )),
    }
    out.push("Tokens a month: in (cached among them), out: cost".to_owned());
    for (month, t, usd) in &summary.months {
        out.push(format!(
            "  {month}: {} ({} cached), {}: {}",
            n(t.input),
            n(t.cached_input),
            n(t.output),
            usd_cents(*usd)
        ));
    }
    // Shortened, the models of the last month alone: the month a workload is measured from.
    let last = summary.months.last().map(|(m, _, _)| *m);
    let models: Vec<_> = summary
        .by_model
        .iter()
        .filter(|(m, _, _, _)| most.is_none() || Some(*m) == last)
        .collect();
    out.push("By model:".to_owned());
    for (month, model, t, usd) in models.iter().take(most_or_all) {
        let cost = usd.map_or_else(|| "not priced".to_owned(), usd_cents);
        out.push(format!(
            "  {month} {model}: {} in, {} out: {cost}",
            n(t.input),
            n(t.output)
        ));
    }
    out.extend(more(models.len(), "models"));
    for (model, priced) in summary.priced_as.iter().take(most_or_all) {
        out.push(match priced {
            Some(id) if id == model => format!("  {model}: the catalog's prices"),
            Some(id) => format!("  {model}: priced as the catalog's {id}"),
            None => format!("  {model}: not in the catalog, not priced"),
        });
    }
    out.extend(more(summary.priced_as.len(), "models priced"));
    out
}
