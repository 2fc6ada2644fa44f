//! OpenAI's organisation usage API, completions: the response of
//! `GET /v1/organization/usage/completions` (repository openai/openai-openapi, `openapi.yaml`:
//! `UsageResponse`, `UsageTimeBucket`, `UsageCompletionsResult`). A page of `data` buckets, each
//! with `start_time` (Unix seconds, UTC) and `results`; a result has `input_tokens` (cached ones
//! included), `input_cached_tokens` and `output_tokens`, and the dimensions it was grouped by
//! (`model`, `project_id`, `api_key_id`), `null` when not. Several pages saved as a list of
//! pages read as one. The feature is the project, else the key.

use chrono::DateTime;
use serde_json::Value;

use super::{Row, UsageError, at, count, each_result, grouped, json_error};

pub fn read(text: &str) -> Result<Vec<Row>, UsageError> {
    let root: Value = serde_json::from_str(text).map_err(|e| at("the file", json_error(&e)))?;
    let day_of = |bucket: &Value, path: &str| {
        let start = bucket
            .get("start_time")
            .and_then(Value::as_i64)
            .ok_or_else(|| {
                at(
                    format!("{path}.start_time"),
                    "is not a time in Unix seconds",
                )
            })?;
        DateTime::from_timestamp(start, 0)
            .map(|t| t.date_naive())
            .ok_or_else(|| {
                at(
                    format!("{path}.start_time"),
                    format!("{start} is not a time"),
                )
            })
    };
    let mut rows = Vec::new();
    each_result(&root, day_of, |day, result, path| {
        let field = |name: &str| count(result.get(name), &format!("{path}.{name}"));
        rows.push(Row {
            day: Some(day),
            feature: grouped(result, &["project_id", "api_key_id"], "all"),
            model: grouped(result, &["model"], "(not grouped by model)"),
            input: field("input_tokens")?,
            output: field("output_tokens")?,
            cached_input: field("input_cached_tokens")?,
        });
        Ok(())
    })?;
    Ok(rows)
}
