//! LiteLLM's spend logs: the rows of its `LiteLLM_SpendLogs` table as `GET /spend/logs`
//! returns them with `summarize=false` (repository BerriAI/litellm: `schema.prisma`,
//! `litellm/proxy/spend_tracking/spend_tracking_utils.py`;
//! <https://docs.litellm.ai/docs/proxy/cost_tracking>),
//! a list of rows or `/spend/logs/v2`'s `{"data": [...]}`. A row has `startTime`, `model`,
//! `prompt_tokens` and `completion_tokens`. Cached prompt tokens are in
//! `metadata.additional_usage_values` (`prompt_tokens_details.cached_tokens`, or
//! `cache_read_input_tokens`). A row answered from LiteLLM's own cache (`cache_hit` "True")
//! sent nothing to a provider, and a failed one (`status` "failure") nothing billed: both are
//! left out. The feature is a `feature:` tag, else the team's alias, else the key's alias, else
//! the first tag.

use chrono::DateTime;
use serde_json::Value;

use super::{Row, UsageError, at, count, json_error};

pub fn read(text: &str) -> Result<Vec<Row>, UsageError> {
    let root: Value = serde_json::from_str(text).map_err(|e| at("the file", json_error(&e)))?;
    let list = root
        .as_array()
        .or_else(|| root.get("data").and_then(Value::as_array))
        .ok_or_else(|| at("the file", "is not a list of spend log rows"))?;
    let mut rows = Vec::new();
    for (i, row) in list.iter().enumerate() {
        let path = format!("[{i}]");
        let text_of = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        if text_of(row.get("cache_hit")).is_some_and(|h| h.eq_ignore_ascii_case("true"))
            || text_of(row.get("status")).is_some_and(|s| s == "failure")
        {
            continue;
        }
        let start = text_of(row.get("startTime"))
            .ok_or_else(|| at(format!("{path}.startTime"), "is not a time"))?;
        let day = DateTime::parse_from_rfc3339(&start)
            .map(|t| t.naive_utc().date())
            .or_else(|_| {
                chrono::NaiveDateTime::parse_from_str(&start, "%Y-%m-%dT%H:%M:%S%.f")
                    .map(|t| t.date())
            })
            .map_err(|_| {
                at(
                    format!("{path}.startTime"),
                    format!("`{start}` is not a time"),
                )
            })?;
        let metadata = row.get("metadata");
        let usage = metadata.and_then(|m| m.get("additional_usage_values"));
        let cached = usage
            .and_then(|u| u.get("prompt_tokens_details"))
            .and_then(|d| d.get("cached_tokens"))
            .filter(|v| !v.is_null())
            .or_else(|| usage.and_then(|u| u.get("cache_read_input_tokens")));
        let tags: Vec<String> = row
            .get("request_tags")
            .and_then(Value::as_array)
            .map(|t| {
                t.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let feature = tags
            .iter()
            .find_map(|t| t.strip_prefix("feature:").map(str::to_owned))
            .or_else(|| text_of(metadata.and_then(|m| m.get("user_api_key_team_alias"))))
            .or_else(|| text_of(metadata.and_then(|m| m.get("user_api_key_alias"))))
            .or_else(|| tags.first().cloned())
            .unwrap_or_else(|| "untagged".to_owned());
        rows.push(Row {
            day: Some(day),
            feature,
            model: text_of(row.get("model")).unwrap_or_else(|| "(no model)".to_owned()),
            input: count(row.get("prompt_tokens"), &format!("{path}.prompt_tokens"))?,
            output: count(
                row.get("completion_tokens"),
                &format!("{path}.completion_tokens"),
            )?,
            cached_input: count(cached, &format!("{path}.metadata.additional_usage_values"))?,
        });
    }
    Ok(rows)
}
