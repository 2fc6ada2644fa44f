//! A team's own benchmark of a GPU, read into a hosting option's throughput basis: the
//! aggregate output tokens a second, the concurrency it was measured at and the tokens in and
//! out of a request (throughput depends on the concurrency by up to 100x, catalog-facts.md),
//! and the reply speed one request saw.
//!
//! Two formats:
//! - vLLM's `vllm bench serve --save-result` (and the older `benchmarks/benchmark_serving.py`)
//!   JSON (repository vllm-project/vllm: `vllm/benchmarks/serve.py`, the `result_json` it
//!   writes): `model_id`, `max_concurrency` (`null` with a request rate instead),
//!   `output_throughput` (tokens/s), `total_input_tokens`, `total_output_tokens` and
//!   `completed`, `median_ttft_ms` and `median_tpot_ms`. With `--append-result`, one result a
//!   line: the last is read.
//! - Ray `LLMPerf`'s `*_summary.json` (repository ray-project/llmperf: `token_benchmark_ray.py`,
//!   `metrics_summary`): `model`, `num_concurrent_requests`,
//!   `results_mean_output_throughput_token_per_s`, `results_number_input_tokens_mean` and
//!   `results_number_output_tokens_mean` (measured, not the requested `mean_input_tokens`),
//!   `results_ttft_s_quantiles_p50` and `results_request_output_throughput_token_per_s_quantiles_p50`.
//!   It may write a number as a string (`"131"`) and a missing statistic as a bare `NaN`.
//!
//! Figures are read from their text, exactly, never through a float.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::value::RawValue;

use crate::catalog::import::exact;
use crate::scenario::{Hosting, Throughput};
use crate::sourced::Sourced;
use crate::units::{Count, TokensPerRequest, TokensPerSecond};

/// The largest benchmark file read: a result with every request's figures (`--save-detailed`)
/// for a long run is some MB; 64 MB refuses a wrong file first.
pub const MAX_BENCHMARK_BYTES: u64 = 64 * 1024 * 1024;

/// The formats of benchmark read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenchFormat {
    /// vLLM's `bench serve --save-result` JSON.
    Vllm,
    /// Ray `LLMPerf`'s summary JSON.
    LlmPerf,
}

impl BenchFormat {
    /// Every format.
    pub const ALL: [Self; 2] = [Self::Vllm, Self::LlmPerf];

    /// Its name on the command line.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Vllm => "vllm",
            Self::LlmPerf => "llmperf",
        }
    }

    /// Its name as people say it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Vllm => "vLLM bench serve",
            Self::LlmPerf => "LLMPerf summary",
        }
    }
}

impl fmt::Display for BenchFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for BenchFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.id() == s)
            .ok_or_else(|| format!("`{s}` is not a benchmark format; use vllm or llmperf"))
    }
}

/// Why a benchmark could not be read. Nothing changes from a file that fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BenchError {
    /// Larger than [`MAX_BENCHMARK_BYTES`].
    #[error("it is {} MB; a benchmark is read up to {} MB", crate::format::megabytes(*.bytes), crate::format::megabytes(MAX_BENCHMARK_BYTES))]
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// Not JSON.
    #[error("it is not JSON: {0}")]
    NotJson(String),
    /// Neither format's shape.
    #[error(
        "it is not a benchmark Breakeven reads (vLLM's bench serve --save-result JSON, or an \
         LLMPerf summary); name the format with --read-as if it is one"
    )]
    UnknownFormat,
    /// A figure missing or not a number.
    #[error("{key} {why}")]
    Key {
        /// The key, as the file names it.
        key: String,
        /// What is wrong.
        why: String,
    },
}

/// A benchmark read: the throughput basis and the speed of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Benchmark {
    /// Its format.
    pub format: BenchFormat,
    /// The model served, as the benchmark names it.
    pub model: String,
    /// Concurrent requests it was measured at.
    pub concurrency: u32,
    /// Aggregate generated tokens a second.
    pub output_tokens_per_second: Decimal,
    /// Prompt tokens a request, on average.
    pub input_tokens_per_request: Decimal,
    /// Generated tokens a request, on average.
    pub output_tokens_per_request: Decimal,
    /// Median milliseconds to the first token, where it says.
    pub first_token_ms: Option<Decimal>,
    /// Median tokens a second one request received, where it says.
    pub request_tokens_per_second: Option<Decimal>,
    /// When it ran, as it says (`20260101-120000`), where it does.
    pub ran: Option<String>,
    /// Something a reader should know (a concurrency taken from the prompts' count).
    pub notes: Vec<String>,
}

/// The keys of a flat JSON object, each with its text.
type Keys<'a> = HashMap<String, &'a RawValue>;

fn key_error(key: &str, why: impl Into<String>) -> BenchError {
    BenchError::Key {
        key: key.to_owned(),
        why: why.into(),
    }
}

/// `key` as an exact number: a number or a string holding one; `None` when missing or `null`.
fn number(keys: &Keys<'_>, key: &str) -> Result<Option<Decimal>, BenchError> {
    keys.get(key)
        .map_or(Ok(None), |raw| exact(raw))
        .map_err(|why| key_error(key, why))
}

fn required(keys: &Keys<'_>, key: &str) -> Result<Decimal, BenchError> {
    number(keys, key)?.ok_or_else(|| key_error(key, "is missing"))
}

fn text(keys: &Keys<'_>, key: &str) -> Option<String> {
    keys.get(key)
        .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
}

/// A bare `NaN` or `Infinity`, as Python's `json.dump` writes a missing statistic, made `null`
/// so the rest can be read (outside strings only).
fn without_nan(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut at = 0;
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        let rest = text.get(at..).unwrap_or_default();
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if let Some(word) = ["-Infinity", "Infinity", "NaN"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            out.push_str("null");
            at = at.saturating_add(word.len());
            continue;
        }
        out.push(c);
        at = at.saturating_add(c.len_utf8());
    }
    out
}

/// Reads `text` as a benchmark, in `format` or the one its keys say.
pub fn read(text: &str, format: Option<BenchFormat>) -> Result<Benchmark, BenchError> {
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if bytes > MAX_BENCHMARK_BYTES {
        return Err(BenchError::TooLarge { bytes });
    }
    let cleaned = without_nan(text);
    // vLLM's --append-result writes one result a line: the last one is the latest run.
    let keys: Keys<'_> = match serde_json::from_str(&cleaned) {
        Ok(keys) => keys,
        Err(whole) => cleaned
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|last| serde_json::from_str(last).ok())
            .ok_or_else(|| BenchError::NotJson(crate::format::json_problem(&whole)))?,
    };
    let format = match format {
        Some(format) => format,
        None if keys.contains_key("output_throughput") => BenchFormat::Vllm,
        None if keys.contains_key("results_mean_output_throughput_token_per_s") => {
            BenchFormat::LlmPerf
        }
        None => return Err(BenchError::UnknownFormat),
    };
    match format {
        BenchFormat::Vllm => vllm(&keys),
        BenchFormat::LlmPerf => llmperf(&keys),
    }
}

fn whole(value: Decimal, key: &str) -> Result<u32, BenchError> {
    use rust_decimal::prelude::ToPrimitive as _;
    value.round().to_u32().filter(|n| *n > 0).ok_or_else(|| {
        key_error(
            key,
            format!("is {value}, not a count of concurrent requests"),
        )
    })
}

fn per_request(total: Decimal, count: Decimal, key: &str) -> Result<Decimal, BenchError> {
    total
        .checked_div(count)
        .map(|d| d.round_dp(2).normalize())
        .ok_or_else(|| key_error(key, "cannot be shared among no completed requests"))
}

fn vllm(keys: &Keys<'_>) -> Result<Benchmark, BenchError> {
    let completed = required(keys, "completed")?;
    if completed <= Decimal::ZERO {
        return Err(key_error(
            "completed",
            "is 0: no request finished, so nothing was measured",
        ));
    }
    let mut notes = Vec::new();
    let concurrency = if let Some(n) = number(keys, "max_concurrency")? {
        whole(n, "max_concurrency")?
    } else {
        // A request rate instead: as many at once as the run could have had.
        let prompts = required(keys, "num_prompts")?;
        notes.push(format!(
            "max_concurrency is null (a request rate was set): taken as all {prompts} prompts at once"
        ));
        whole(prompts, "num_prompts")?
    };
    let tpot = number(keys, "median_tpot_ms")?;
    Ok(Benchmark {
        format: BenchFormat::Vllm,
        model: text(keys, "model_id").unwrap_or_else(|| "the model benchmarked".to_owned()),
        concurrency,
        output_tokens_per_second: required(keys, "output_throughput")?.normalize(),
        input_tokens_per_request: per_request(
            required(keys, "total_input_tokens")?,
            completed,
            "total_input_tokens",
        )?,
        output_tokens_per_request: per_request(
            required(keys, "total_output_tokens")?,
            completed,
            "total_output_tokens",
        )?,
        first_token_ms: number(keys, "median_ttft_ms")?.map(|m| m.round_dp(2).normalize()),
        request_tokens_per_second: tpot
            .filter(|t| *t > Decimal::ZERO)
            .and_then(|t| Decimal::from(1000).checked_div(t))
            .map(|s| s.round_dp(2).normalize()),
        ran: text(keys, "date"),
        notes,
    })
}

fn llmperf(keys: &Keys<'_>) -> Result<Benchmark, BenchError> {
    let completed = number(keys, "results_num_completed_requests")?;
    if completed.is_some_and(|c| c <= Decimal::ZERO) {
        return Err(key_error(
            "results_num_completed_requests",
            "is 0: no request finished, so nothing was measured",
        ));
    }
    let ttft_s = number(keys, "results_ttft_s_quantiles_p50")?;
    Ok(Benchmark {
        format: BenchFormat::LlmPerf,
        model: text(keys, "model").unwrap_or_else(|| "the model benchmarked".to_owned()),
        concurrency: whole(
            required(keys, "num_concurrent_requests")?,
            "num_concurrent_requests",
        )?,
        output_tokens_per_second: required(keys, "results_mean_output_throughput_token_per_s")?
            .normalize(),
        input_tokens_per_request: required(keys, "results_number_input_tokens_mean")?.normalize(),
        output_tokens_per_request: required(keys, "results_number_output_tokens_mean")?.normalize(),
        first_token_ms: ttft_s
            .and_then(|s| s.checked_mul(Decimal::from(1000)))
            .map(|m| m.round_dp(2).normalize()),
        request_tokens_per_second: number(
            keys,
            "results_request_output_throughput_token_per_s_quantiles_p50",
        )?
        .map(|d| d.normalize()),
        ran: number(keys, "timestamp")?
            .and_then(|t| i64::try_from(t.trunc().mantissa()).ok())
            .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
        notes: Vec::new(),
    })
}

impl Benchmark {
    fn note(&self, file: &str) -> String {
        let ran = self
            .ran
            .as_deref()
            .map(|r| format!(", run {r}"))
            .unwrap_or_default();
        format!("your benchmark: {file} ({}{ran})", self.format.label())
    }

    /// The throughput basis it measured, its note naming `file`.
    #[must_use]
    pub fn throughput(&self, file: &str) -> Throughput {
        Throughput::Measured {
            model: self.model.clone(),
            output_tokens_per_second: Sourced::from_source(
                TokensPerSecond::new(self.output_tokens_per_second),
                format!(
                    "{}: {} tokens/s at {} concurrent requests",
                    self.note(file),
                    self.output_tokens_per_second,
                    self.concurrency
                ),
            ),
            concurrency: self.concurrency,
            input_tokens_per_request: TokensPerRequest::new(self.input_tokens_per_request),
            output_tokens_per_request: TokensPerRequest::new(self.output_tokens_per_request),
        }
    }

    /// `hosting` with the throughput it measured, and the reply speed where it says: the
    /// instance is no longer the catalog's measurement.
    pub fn apply_to(&self, hosting: &mut Hosting, file: &str) {
        hosting.throughput = self.throughput(file);
        if let Some(ms) = self.first_token_ms {
            hosting.speed.first_token_ms =
                Sourced::from_source(Count::new(ms), format!("{}: median", self.note(file)));
        }
        if let Some(speed) = self.request_tokens_per_second {
            hosting.speed.output_tokens_per_second = Sourced::from_source(
                TokensPerSecond::new(speed),
                format!("{}: median a request", self.note(file)),
            );
        }
    }

    /// What it measured, a line each, as the command line prints it and the window shows it.
    #[must_use]
    pub fn lines(&self, file: &str) -> Vec<String> {
        let mut out = vec![
            format!("{file} ({}): {}", self.format.label(), self.model),
            format!(
                "Throughput: {} output tokens/s at {} concurrent requests, {} tokens in and {} out a request.",
                self.output_tokens_per_second,
                self.concurrency,
                self.input_tokens_per_request,
                self.output_tokens_per_request
            ),
        ];
        if let Some(ms) = self.first_token_ms {
            out.push(format!("First token: {ms} ms (median)."));
        }
        if let Some(speed) = self.request_tokens_per_second {
            out.push(format!("One request receives {speed} tokens/s (median)."));
        }
        out.extend(self.notes.iter().map(|n| format!("Note: {n}.")));
        out
    }
}

#[cfg(test)]
mod tests;
