//! Anthropic's usage report: the response of
//! `GET /v1/organizations/usage_report/messages` (the Admin API reference, "Get Messages Usage
//! Report", and the cookbook `observability/usage_cost_api.ipynb` in anthropics/claude-cookbooks).
//! `data` buckets with `starting_at` (RFC 3339, UTC) and `results`; a result counts
//! `uncached_input_tokens`, `cache_read_input_tokens`, `cache_creation` (its
//! `ephemeral_5m_input_tokens` and `ephemeral_1h_input_tokens`) and `output_tokens`, so every
//! prompt token is their sum. The feature is the workspace, else the key.

use chrono::DateTime;
use serde_json::Value;

use super::{Row, UsageError, at, count, each_result, grouped, json_error};

pub fn read(text: &str) -> Result<Vec<Row>, UsageError> {
    let root: Value = serde_json::from_str(text).map_err(|e| at("the file", json_error(&e)))?;
    let day_of = |bucket: &Value, path: &str| {
        let starting = bucket
            .get("starting_at")
            .and_then(Value::as_str)
            .ok_or_else(|| at(format!("{path}.starting_at"), "is not a time"))?;
        DateTime::parse_from_rfc3339(starting)
            .map(|t| t.naive_utc().date())
            .map_err(|_| {
                at(
                    format!("{path}.starting_at"),
                    format!("`{starting}` is not an RFC 3339 time"),
                )
            })
    };
    let mut rows = Vec::new();
    each_result(&root, day_of, |day, result, path| {
        let field = |value: Option<&Value>, name: &str| count(value, &format!("{path}.{name}"));
        let creation = result.get("cache_creation");
        let written = ["ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens"]
            .into_iter()
            .try_fold(0_u64, |sum, name| {
                field(
                    creation.and_then(|c| c.get(name)),
                    &format!("cache_creation.{name}"),
                )
                .map(|n| sum.saturating_add(n))
            })?;
        let read = field(
            result.get("cache_read_input_tokens"),
            "cache_read_input_tokens",
        )?;
        let uncached = field(result.get("uncached_input_tokens"), "uncached_input_tokens")?;
        rows.push(Row {
            day: Some(day),
            feature: grouped(result, &["workspace_id", "api_key_id"], "all"),
            model: grouped(result, &["model"], "(not grouped by model)"),
            input: uncached.saturating_add(read).saturating_add(written),
            output: field(result.get("output_tokens"), "output_tokens")?,
            cached_input: read,
        });
        Ok(())
    })?;
    Ok(rows)
}
