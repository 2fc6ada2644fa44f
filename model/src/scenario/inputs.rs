//! Every input of a scenario as a flat list (path, value, source), read off its serialised form
//! so that a field added to [`Scenario`] is listed without anyone remembering to. The export's
//! assumptions appendix and the workshop's list of changes are built from it.

use serde_json::Value;

use super::Scenario;
use super::names::{input_label, input_value};

/// One input: where it is in the file, its value as written there, and its source note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path of the field in the scenario file (`buy.input_usd_per_1m`); an enum's choice is
    /// an input of its own (`self_host.hosting.price` is `OnDemand`).
    pub path: String,
    /// The value exactly as the file holds it (`"10.00"`, `730`, `yes`, `OnDemand`).
    pub value: String,
    /// Where the value comes from, when the file says.
    pub source: Option<String>,
    /// A starting assumption nobody has confirmed yet.
    pub to_confirm: bool,
    /// The 90% interval of an uncertain value, low and high as the file holds them.
    pub range: Option<(String, String)>,
}

impl Input {
    /// A value with no note: a choice, a name, a request size.
    fn plain(path: &str, value: String) -> Self {
        Self {
            path: path.to_owned(),
            value,
            source: None,
            to_confirm: false,
            range: None,
        }
    }

    /// The value with its range when it has one, as the file holds them: `5 (2 to 9)`.
    #[must_use]
    pub fn value_and_range(&self) -> String {
        match &self.range {
            Some((low, high)) => format!("{} ({low} to {high})", self.value),
            None => self.value.clone(),
        }
    }

    /// The input as people know it, from its field in the window: `Buy / Input price`.
    #[must_use]
    pub fn label(&self) -> String {
        input_label(&self.path)
    }
}

/// An input whose value differs between two scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The path of the field in the scenario file.
    pub path: String,
    /// The value before, `None` when the field was not there (an answer given, another choice).
    pub before: Option<String>,
    /// The value after, `None` when the field is gone.
    pub after: Option<String>,
}

impl Change {
    /// The input as people know it, from its field in the window: `Workload / Growth`.
    #[must_use]
    pub fn label(&self) -> String {
        input_label(&self.path)
    }

    /// The values before and after, written as people write them with their unit
    /// (`4.8B tokens/month`); `None` where the field was not there.
    #[must_use]
    pub fn written(&self) -> [Option<String>; 2] {
        [&self.before, &self.after].map(|v| v.as_deref().map(|v| written(&self.path, v)))
    }
}

/// A value, or a value with its range (`5 (2 to 9)`), as people write it with its unit.
fn written(path: &str, value: &str) -> String {
    let ranged = value
        .strip_suffix(')')
        .and_then(|v| v.split_once(" ("))
        .and_then(|(value, range)| Some((value, range.split_once(" to ")?)));
    match ranged {
        Some((value, (low, high))) => format!(
            "{} ({} to {})",
            input_value(path, value),
            input_value(path, low),
            input_value(path, high)
        ),
        None => input_value(path, value),
    }
}

/// Fields that are not inputs to the figures: the format version, who it is for and the
/// free-text notes.
const NOT_INPUTS: [&str; 3] = ["version", "client", "notes"];

/// Every input of `scenario`, in file order.
#[must_use]
pub fn inputs(scenario: &Scenario) -> Vec<Input> {
    let mut out = Vec::new();
    // A scenario is plain structs, strings and decimals: serialising it cannot fail.
    if let Ok(Value::Object(fields)) = serde_json::to_value(scenario) {
        for (name, value) in &fields {
            if !NOT_INPUTS.contains(&name.as_str()) {
                walk(name, value, &mut out);
            }
        }
    }
    out
}

/// The inputs whose values differ from `before` to `after`, in `after`'s order, then those only
/// `before` has. A changed source note alone is not a change of figures and is not listed.
#[must_use]
pub fn changes(before: &Scenario, after: &Scenario) -> Vec<Change> {
    let old = inputs(before);
    let new = inputs(after);
    let value_at = |list: &[Input], path: &str| {
        list.iter()
            .find(|i| i.path == path)
            .map(Input::value_and_range)
    };
    let mut out: Vec<Change> = new
        .iter()
        .filter_map(|i| {
            let was = value_at(&old, &i.path);
            let now = i.value_and_range();
            (was.as_deref() != Some(now.as_str())).then(|| Change {
                path: i.path.clone(),
                before: was,
                after: Some(now),
            })
        })
        .collect();
    out.extend(
        old.iter()
            .filter(|i| value_at(&new, &i.path).is_none())
            .map(|i| Change {
                path: i.path.clone(),
                before: Some(i.value_and_range()),
                after: None,
            }),
    );
    out
}

fn walk(path: &str, value: &Value, out: &mut Vec<Input>) {
    match value {
        Value::Object(fields) => {
            if let Some(sourced) = as_sourced(fields, path) {
                out.push(sourced);
                return;
            }
            let mut entries = fields.iter();
            // An enum variant with data: `{"OnDemand": {...}}`. Field names are snake_case, so
            // a capital marks the variant.
            if let (Some((variant, inner)), None) = (entries.next(), entries.next())
                && variant.starts_with(|c: char| c.is_ascii_uppercase())
            {
                if inner.is_object() {
                    out.push(Input::plain(path, variant.clone()));
                    walk(path, inner, out);
                } else {
                    // A variant holding one value, such as a named preset.
                    out.push(Input::plain(path, format!("{variant} {}", scalar(inner))));
                }
                return;
            }
            for (name, inner) in fields {
                walk(&format!("{path}.{name}"), inner, out);
            }
        }
        // A list of names, such as the options left out: one input, its names together.
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let names: Vec<String> = items.iter().map(scalar).collect();
            out.push(Input::plain(path, names.join(", ")));
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                walk(&format!("{path}.{i}"), inner, out);
            }
        }
        Value::Null => {}
        leaf => out.push(Input::plain(path, scalar(leaf))),
    }
}

/// The input at `path` when the object is a [`crate::sourced::Sourced`] value.
fn as_sourced(fields: &serde_json::Map<String, Value>, path: &str) -> Option<Input> {
    let value = fields.get("value")?;
    if value.is_object()
        || fields
            .keys()
            .any(|k| !["value", "source", "to_confirm", "low", "high"].contains(&k.as_str()))
    {
        return None;
    }
    let source = fields
        .get("source")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let to_confirm = fields.get("to_confirm") == Some(&Value::Bool(true));
    let range = match (fields.get("low"), fields.get("high")) {
        (Some(low), Some(high)) if !low.is_null() && !high.is_null() => {
            Some((scalar(low), scalar(high)))
        }
        _ => None,
    };
    Some(Input {
        source,
        to_confirm,
        range,
        ..Input::plain(path, scalar(value))
    })
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        other => other.to_string(),
    }
}

/// `self_host.hosting.price.usd_per_hour` as `Self-host / hosting / price / USD per hour`: the
/// words of a path no input panel shows.
pub(super) fn path_words(path: &str) -> String {
    path.split('.')
        .enumerate()
        .map(|(i, segment)| {
            let words: Vec<String> = segment
                .split('_')
                .map(|word| match word {
                    "usd" | "gpu" | "api" | "ml" => word.to_ascii_uppercase(),
                    "1m" => "1M".to_owned(),
                    "self" if i == 0 => "Self-".to_owned(),
                    "fine" if i == 0 => "Fine-".to_owned(),
                    other => other.to_owned(),
                })
                .collect();
            let text = words.join(" ").replace("- ", "-");
            if i == 0 {
                let mut chars = text.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{DataResidency, InstancePrice};
    use crate::sourced::Sourced;
    use crate::units::UsdPerMonth;
    use rust_decimal::dec;

    fn find<'a>(list: &'a [Input], path: &str) -> &'a Input {
        list.iter()
            .find(|i| i.path == path)
            .unwrap_or_else(|| panic!("no input {path}"))
    }

    #[test]
    fn every_sourced_number_is_listed_with_its_value_as_written_and_its_source() {
        let scenario = crate::scenario::from_ron_str(include_str!(
            "../../../scenarios/seed000-legal-tech.ron"
        ))
        .unwrap();
        let list = inputs(&scenario);
        let price = find(&list, "buy.input_usd_per_1m");
        assert_eq!(price.value, "10.00");
        assert!(
            price
                .source
                .as_deref()
                .unwrap()
                .starts_with("assumed: GPT-4 class")
        );
        assert_eq!(find(&list, "buy.cached_input_percent").source, None);
        assert_eq!(find(&list, "self_host.hosting.price").value, "OnDemand");
        assert_eq!(
            find(&list, "self_host.hosting.price.usd_per_hour").value,
            "1.212"
        );
        assert_eq!(find(&list, "fine_tune.serving").value, "Flat");
        assert_eq!(find(&list, "self_host.hosting.min_instances").value, "1");
        assert!(
            list.iter()
                .all(|i| i.path != "notes" && i.path != "version")
        );
        let mut paths: Vec<&str> = list.iter().map(|i| i.path.as_str()).collect();
        paths.sort_unstable();
        let count = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), count, "every path names one input");
    }

    #[test]
    fn paths_read_as_words_with_units_in_capitals() {
        assert_eq!(path_words("buy.input_usd_per_1m"), "Buy / input USD per 1M");
        assert_eq!(
            path_words("self_host.hosting.price.usd_per_hour"),
            "Self-host / hosting / price / USD per hour"
        );
        assert_eq!(
            path_words("fine_tune.routed_percent"),
            "Fine-tune / routed percent"
        );
    }

    #[test]
    fn changes_list_old_and_new_values_and_nothing_that_stayed() {
        let before = Scenario::embedded_default();
        let mut after = before.clone();
        assert!(changes(&before, &after).is_empty());
        after.matrix.data_residency = Some(DataResidency::Regulated);
        after.self_host.hosting.price = InstancePrice::Monthly {
            usd_per_month: Sourced::bare(UsdPerMonth::new(dec!(2000))),
        };
        let list = changes(&before, &after);
        let residency = list
            .iter()
            .find(|c| c.path == "matrix.data_residency")
            .unwrap();
        assert_eq!(residency.after.as_deref(), Some("Regulated"));
        let price = list
            .iter()
            .find(|c| c.path == "self_host.hosting.price")
            .unwrap();
        assert_eq!(
            (price.before.as_deref(), price.after.as_deref()),
            (Some("OnDemand"), Some("Monthly"))
        );
        assert!(
            list.iter()
                .any(|c| c.path == "self_host.hosting.price.usd_per_hour" && c.after.is_none())
        );
        assert!(
            list.iter()
                .any(|c| c.path == "self_host.hosting.price.usd_per_month" && c.before.is_none())
        );
    }

    #[test]
    fn a_new_source_note_alone_is_not_a_change() {
        let before = Scenario::embedded_default();
        let mut after = before.clone();
        after.buy.retry_factor.source = Some("measured last quarter".to_owned());
        assert!(changes(&before, &after).is_empty());
    }
}
