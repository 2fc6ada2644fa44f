//! What people call each input, and its value as they write it: the label of its field in the
//! window's input panels under the heading of its group ("Workload / Growth"), and the value
//! with its unit, a token count as tokens ("4.8B tokens/month"). The workshop's list of changes
//! (in the window and in the export) and the export's list of assumptions are worded here, in
//! one place, not from the file's paths (`workload.growth_percent_per_month`).

use rust_decimal::Decimal;

use crate::format::{group_thousands, tokens_exact};

/// How an input's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A token count: `4.8B`, exactly.
    Tokens,
    /// A number with separators and no trailing zeros: `12,000`, `1.212`.
    Number,
    /// One of a few choices, saved as a name in capitals (`OnDemand`): written as words.
    Choice,
    /// Words as typed (a catalog id, a model's name).
    Text,
}

/// One input's name: its path in the file, its label, and the unit after its value.
struct Name {
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    kind: Kind,
}

const fn name(path: &'static str, label: &'static str, unit: &'static str, kind: Kind) -> Name {
    Name {
        path,
        label,
        unit,
        kind,
    }
}

use Kind::{Choice, Number, Text, Tokens};

/// The inputs with one place in the file, labelled as the input panels label them
/// (`app/ui/inputs`), under their group's heading.
#[rustfmt::skip]
const NAMES: &[Name] = &[
    name("name", "Scenario / Name", "", Text),
    name("feature", "Features / Name", "", Text),
    name("last_reviewed", "Scenario / Last reviewed", "", Text),
    name("workload.volume", "Workload / Volume given as", "", Choice),
    name("workload.volume.input_tokens_per_month", "Workload / Input tokens", "tokens/month", Tokens),
    name("workload.volume.output_tokens_per_month", "Workload / Output tokens", "tokens/month", Tokens),
    name("workload.volume.daily_users", "Workload / Daily users", "users", Number),
    name("workload.volume.requests_per_user_per_day", "Workload / Requests per user", "a day", Number),
    name("workload.volume.input_tokens_per_request", "Workload / Input per request", "tokens", Tokens),
    name("workload.volume.output_tokens_per_request", "Workload / Output per request", "tokens", Tokens),
    name("workload.growth_percent_per_month", "Workload / Growth", "% a month", Number),
    name("workload.peak_to_average", "Workload / Peak over average", "x", Number),
    name("workload.reply_tokens", "Workload / Reply length", "tokens", Tokens),
    name("buy.catalog_id", "Buy / API model", "", Text),
    name("buy.input_usd_per_1m", "Buy / Input price", "USD per 1M", Number),
    name("buy.output_usd_per_1m", "Buy / Output price", "USD per 1M", Number),
    name("buy.cached_input_percent", "Buy / Cached input", "%", Number),
    name("buy.cached_input_usd_per_1m", "Buy / Cached input price", "USD per 1M", Number),
    name("buy.cache_write_percent", "Buy / Cache writes", "%", Number),
    name("buy.cache_write_usd_per_1m", "Buy / Cache write price", "USD per 1M", Number),
    name("buy.batch_percent", "Buy / Batch share", "%", Number),
    name("buy.batch_discount_percent", "Buy / Batch discount", "%", Number),
    name("buy.commitment_discount_percent", "Buy / Commitment discount", "%", Number),
    name("buy.retry_factor", "Buy / Retry factor", "calls/task", Number),
    name("buy.fixed.platform_usd_per_month", "Buy / Platform fees", "USD/month", Number),
    name("buy.fixed.integration_usd", "Buy / Integration", "USD once", Number),
    name("buy.fixed.committed_usd_per_month", "Buy / Committed minimum", "USD/month", Number),
    name("buy.speed.first_token_ms", "Buy / Time to first token", "ms", Number),
    name("buy.speed.output_tokens_per_second", "Buy / Output speed", "tokens/s a request", Number),
    name("matrix.workhorse_would_do", "Buy / A cheaper model would do", "", Text),
    name("self_host.security_usd_per_month", "Self-host / Security and compliance", "USD/month", Number),
    name("self_host.setup_usd", "Self-host / Setup", "USD", Number),
    name("fine_tune.routed_percent", "Fine-tune / Routed to the tuned model", "%", Number),
    name("fine_tune.fallback_percent", "Fine-tune / Fallback to the API", "% of routed", Number),
    name("fine_tune.serving", "Fine-tune / Tuned model served on", "", Choice),
    name("fine_tune.serving.input_usd_per_1m", "Fine-tune / Tuned input price", "USD per 1M", Number),
    name("fine_tune.serving.output_usd_per_1m", "Fine-tune / Tuned output price", "USD per 1M", Number),
    name("fine_tune.serving.usd_per_month", "Fine-tune / Serving fee", "USD/month", Number),
    name("fine_tune.serving.tokens_per_month", "Fine-tune / Fee covers", "tokens/month", Tokens),
    name("fine_tune.curation_usd_per_run", "Fine-tune / Data curation", "USD a run", Number),
    name("fine_tune.training_usd_per_run", "Fine-tune / Training", "USD a run", Number),
    name("fine_tune.evaluation_usd_per_run", "Fine-tune / Evaluation", "USD a run", Number),
    name("fine_tune.retrain_every_months", "Fine-tune / Retrain every", "months", Number),
    name("pretrain.corpus_usd", "Pretrain / Corpus", "USD", Number),
    name("pretrain.compute_usd", "Pretrain / Training compute", "USD", Number),
    name("pretrain.build_months", "Pretrain / Build time", "months", Number),
    name("matrix.data_residency", "Data residency", "", Choice),
    name("matrix.differentiator", "Differentiator", "", Choice),
    name("matrix.data_moat.proprietary", "Data moat / Proprietary data", "", Text),
    name("matrix.data_moat.growing", "Data moat / Growing data", "", Text),
    name("matrix.data_moat.expert_labelled", "Data moat / Expert-labelled", "", Text),
    name("matrix.data_moat.perishable", "Data moat / Perishable", "", Text),
    name("matrix.fine_tuning_fit.labelled_examples", "Fine-tuning fit / Labelled examples", "examples", Number),
    name("matrix.fine_tuning_fit.gap", "Fine-tuning fit / The gap", "", Choice),
    name("matrix.fine_tuning_fit.latency_target_ms", "Fine-tuning fit / Latency target", "ms", Number),
    name("matrix.retrieval", "Fine-tuning fit / Retrieval (RAG)", "", Choice),
    name("matrix.engineering.ml_people", "Team / ML engineers", "people", Number),
    name("matrix.engineering.infra_people", "Team / Infrastructure engineers", "people", Number),
    name("matrix.engineering.overloaded", "Team / Team overloaded", "", Text),
    name("matrix.frontier_velocity", "Frontier velocity", "", Choice),
    name("matrix.product_stage", "Product stage", "", Choice),
    name("matrix.pretraining.unique_corpus_tokens", "Pretraining facts / Unique corpus", "tokens", Tokens),
    name("matrix.pretraining.platform", "Pretraining facts / A platform", "", Text),
    name("matrix.pretraining.domain_poorly_served", "Pretraining facts / Domain poorly served", "", Text),
    name("matrix.pretraining.budget_usd", "Pretraining facts / Budget", "USD", Number),
    name("matrix.pretraining.months_available", "Pretraining facts / Months available", "months", Number),
    name("horizon.months", "Horizon / Horizon", "months", Number),
    name("horizon.api_price_change_percent_per_year", "Horizon / API prices", "% a year", Number),
    name("horizon.api_price_step_percent", "Horizon / API prices once", "%", Number),
    name("horizon.api_price_step_month", "Horizon / From month", "month", Number),
    name("horizon.gpu_price_change_percent_per_year", "Horizon / GPU prices", "% a year", Number),
    name("horizon.build_months", "Horizon / Build time", "months", Number),
    name("horizon.parallel_run_months", "Horizon / Parallel running", "months", Number),
    name("horizon.discount_rate_percent_per_year", "Horizon / Discount rate", "% a year", Number),
    name("revenue.usd_per_month", "Revenue / Revenue", "USD/month", Number),
    name("revenue.growth_percent_per_month", "Revenue / Revenue growth", "% a month", Number),
    name("revenue.other_cost_of_revenue_usd_per_month", "Revenue / Other cost of revenue", "USD/month", Number),
    name("rule_preset", "Rule preset / Thresholds from", "", Choice),
    name("left_out", "Options on the table / Left out", "", Choice),
];

/// Where an option's instances are in the file, and the option's name.
const HOSTING_SITES: [(&str, &str); 3] = [
    ("self_host.hosting", "Self-host"),
    // The tuned model on instances of your own: `fine_tune.serving` holds them.
    ("fine_tune.serving", "Fine-tune"),
    ("pretrain.hosting", "Pretrain"),
];

/// The inputs of one option's instances, below its site.
#[rustfmt::skip]
const HOSTING: &[Name] = &[
    name("catalog_id", "GPU instance", "", Text),
    name("price", "Pricing", "", Choice),
    name("price.usd_per_hour", "Price", "USD/hour", Number),
    name("price.term_months", "Term", "months", Number),
    name("price.usd_per_month", "Price", "USD/month", Number),
    name("price.buffer_percent", "Buffer", "%", Number),
    name("price.minimum_hours_per_month", "Minimum hours", "hours/month", Number),
    name("price.purchase_usd", "Purchase", "USD a server", Number),
    name("price.installation_usd", "Installation", "USD a server", Number),
    name("price.life_months", "Life", "months", Number),
    name("price.resale_percent", "Resale", "% of purchase", Number),
    name("price.capital_percent_per_year", "Cost of capital", "% a year", Number),
    name("price.maintenance_percent_per_year", "Maintenance", "% a year", Number),
    name("price.power_kw", "Power", "kW", Number),
    name("price.pue", "PUE", "x", Number),
    name("price.usd_per_kwh", "Electricity", "USD/kWh", Number),
    name("price.facilities_usd_per_month", "Facilities", "USD/month a server", Number),
    name("hours_in_service_per_month", "Hours in service", "hours/month", Number),
    name("throughput", "Throughput limit", "", Choice),
    name("throughput.model", "Measured with", "", Text),
    name("throughput.output_tokens_per_second", "Throughput", "output tokens/s", Number),
    name("throughput.concurrency", "Measured at concurrency", "requests", Number),
    name("throughput.input_tokens_per_request", "Measured input per request", "tokens", Tokens),
    name("throughput.output_tokens_per_request", "Measured output per request", "tokens", Tokens),
    name("target_utilisation_percent", "Target utilisation", "%", Number),
    name("min_instances", "Minimum instances", "instances", Number),
    // A tuned model served per token or for a flat fee has its speed at the same place.
    name("speed.first_token_ms", "Time to first token", "ms", Number),
    name("speed.output_tokens_per_second", "Output speed", "tokens/s a request", Number),
];

/// Where an option's people are in the file, and the option's name.
const STAFF_SITES: [(&str, &str); 4] = [
    ("buy.fixed.operations", "Buy"),
    ("self_host.staff", "Self-host"),
    ("fine_tune.staff", "Fine-tune"),
    ("pretrain.team", "Pretrain"),
];

/// The inputs of one option's people, below its site; the site itself is how they are counted.
#[rustfmt::skip]
const STAFF: &[Name] = &[
    name("", "Staff counted as", "", Choice),
    name("hours_per_month", "Staff hours", "hours/month", Number),
    name("usd_per_hour", "Rate", "USD/hour", Number),
    name("people", "People", "FTE", Number),
    name("loaded_usd_per_year", "Loaded cost", "USD/year", Number),
];

/// The label, unit and kind of the input at `path`, when it is a known one.
fn find(path: &str) -> Option<(String, &'static Name)> {
    if let Some(known) = NAMES.iter().find(|n| n.path == path) {
        return Some((known.label.to_owned(), known));
    }
    // A later feature's input: the first feature's label, after the feature's number
    // ("Feature 2 / Workload / Growth").
    // The list of changes writes `more_features.0.name`, a problem `more_features[0].name`.
    let later = path
        .strip_prefix("more_features[")
        .and_then(|rest| rest.split_once("]."))
        .or_else(|| {
            path.strip_prefix("more_features.")
                .and_then(|rest| rest.split_once('.'))
        });
    if let Some((index, rest)) = later {
        let number = index.parse::<usize>().ok()?.checked_add(2)?;
        let own = if rest == "name" {
            "feature".to_owned()
        } else {
            super::validate::FEATURE_PATHS
                .iter()
                .find_map(|(from, to)| {
                    rest.strip_prefix(to)
                        .filter(|r| r.is_empty() || r.starts_with('.'))
                        .map(|r| format!("{from}{r}"))
                })?
        };
        let (label, known) = find(&own)?;
        return Some((format!("Feature {number} / {label}"), known));
    }
    let below = |sites: &[(&str, &'static str)], names: &'static [Name]| {
        sites.iter().find_map(|(site, option)| {
            let rest = path.strip_prefix(site)?;
            let rest = if rest.is_empty() {
                rest
            } else {
                rest.strip_prefix('.')?
            };
            let known = names.iter().find(|n| n.path == rest)?;
            Some((format!("{option} / {}", known.label), known))
        })
    };
    below(&HOSTING_SITES, HOSTING).or_else(|| below(&STAFF_SITES, STAFF))
}

/// The label people see for the input at `path` in the scenario file: the field's label in the
/// input panel under its group's heading (`workload.growth_percent_per_month` is
/// `Workload / Growth`); a path no panel shows (a custom rule preset's thresholds) is written
/// as words (`Rule preset / custom / ...`).
#[must_use]
pub fn input_label(path: &str) -> String {
    find(path).map_or_else(|| super::inputs::path_words(path), |(label, _)| label)
}

/// The value of the input at `path`, as the file holds it, written as people write it, with its
/// unit: a token count as tokens (`4800000000.0` is `4.8B tokens/month`), a number with
/// separators and without trailing zeros (`12,000 USD/month`, `5% a month`), a choice as words
/// (`OnDemand` is `On demand`).
#[must_use]
pub fn input_value(path: &str, value: &str) -> String {
    let Some((_, known)) = find(path) else {
        return number(value).map_or_else(|| value.to_owned(), group_thousands);
    };
    let written = match known.kind {
        Tokens => number(value).map(tokens_exact),
        Number => number(value).map(group_thousands),
        Choice => Some(choice(value)),
        Text => None,
    };
    let Some(written) = written else {
        return value.to_owned();
    };
    match known.unit {
        "" => written,
        unit if unit.starts_with('%') || unit == "x" => format!("{written}{unit}"),
        unit => format!("{written} {unit}"),
    }
}

/// `value` as an exact decimal without trailing zeros, when it is a plain number (`1e9` is not:
/// no file writes one).
fn number(value: &str) -> Option<Decimal> {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    plain
        .then(|| value.parse::<Decimal>().ok())
        .flatten()
        .map(|d| d.normalize())
}

/// A choice saved as a name in capitals, in words: `AirGapped` is `Air gapped`; a built-in rule
/// preset is its id (`BuiltIn questions-that-matter` is `questions-that-matter`).
fn choice(value: &str) -> String {
    if let Some(id) = value.strip_prefix("BuiltIn ") {
        return id.to_owned();
    }
    // A list of choices, such as the options left out: `FineTune, Pretrain`.
    if value.contains(", ") {
        return value.split(", ").map(choice).collect::<Vec<_>>().join(", ");
    }
    if !value.chars().all(|c| c.is_ascii_alphabetic()) {
        return value.to_owned();
    }
    let mut words = String::new();
    for (i, c) in value.chars().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            words.push(' ');
            words.push(c.to_ascii_lowercase());
        } else {
            words.push(c);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, inputs};

    #[test]
    fn inputs_are_named_as_the_input_panels_name_them() {
        assert_eq!(
            input_label("workload.growth_percent_per_month"),
            "Workload / Growth"
        );
        assert_eq!(
            input_label("workload.volume.input_tokens_per_month"),
            "Workload / Input tokens"
        );
        assert_eq!(
            input_label("self_host.hosting.price.usd_per_hour"),
            "Self-host / Price"
        );
        assert_eq!(
            input_label("fine_tune.serving.target_utilisation_percent"),
            "Fine-tune / Target utilisation"
        );
        assert_eq!(input_label("pretrain.team"), "Pretrain / Staff counted as");
        assert_eq!(input_label("pretrain.team.people"), "Pretrain / People");
        assert_eq!(input_label("matrix.data_residency"), "Data residency");
        // No panel shows it: the path in words.
        assert_eq!(
            input_label("rule_preset.thresholds_usd"),
            "Rule preset / thresholds USD"
        );
    }

    #[test]
    fn values_are_written_as_people_write_them_with_their_unit() {
        let tokens = "workload.volume.input_tokens_per_month";
        assert_eq!(input_value(tokens, "4800000000.0"), "4.8B tokens/month");
        assert_eq!(input_value(tokens, "700000000"), "700M tokens/month");
        assert_eq!(
            input_value(tokens, "7000015625"),
            "7,000,015,625 tokens/month"
        );
        let growth = "workload.growth_percent_per_month";
        assert_eq!(input_value(growth, "5.0"), "5% a month");
        assert_eq!(
            input_value("self_host.hosting.price.usd_per_hour", "1.212"),
            "1.212 USD/hour"
        );
        assert_eq!(
            input_value("fine_tune.serving.usd_per_month", "12000.00"),
            "12,000 USD/month"
        );
        assert_eq!(input_value("workload.peak_to_average", "1.5"), "1.5x");
        assert_eq!(
            input_value("self_host.hosting.price", "OnDemand"),
            "On demand"
        );
        assert_eq!(
            input_value("matrix.data_residency", "AirGapped"),
            "Air gapped"
        );
        assert_eq!(
            input_value("rule_preset", "BuiltIn questions-that-matter"),
            "questions-that-matter"
        );
        assert_eq!(input_value("matrix.engineering.overloaded", "yes"), "yes");
        assert_eq!(
            input_value("self_host.hosting.catalog_id", "g5.2xlarge"),
            "g5.2xlarge"
        );
        // A value that is not a number where one is expected is shown as it is, not dropped.
        assert_eq!(input_value(growth, "lots"), "lots");
        assert_eq!(input_value("unknown.count", "7000000000"), "7,000,000,000");
    }

    #[test]
    fn every_input_of_every_example_has_a_name_from_a_panel() {
        let files = [
            include_str!("../../../scenarios/seed000-legal-tech.ron"),
            include_str!("../../../scenarios/seed002-route-to-fine-tune.ron"),
            include_str!("../../../scenarios/seed004-b2b-saas.ron"),
            include_str!("../../../scenarios/defence-air-gapped.ron"),
            include_str!("../../../scenarios/data-platform-pretrain.ron"),
            include_str!("../../../scenarios/three-features-roadmap.ron"),
            include_str!("../../../scenarios/seed002-route-by-feature.ron"),
        ];
        let mut scenarios: Vec<Scenario> = files
            .iter()
            .map(|text| crate::scenario::from_ron_str(text).unwrap())
            .collect();
        scenarios.push(Scenario::embedded_default());
        scenarios.push(crate::start::starting_point());
        for scenario in &scenarios {
            for input in inputs(scenario) {
                assert!(find(&input.path).is_some(), "{} has no name", input.path);
            }
        }
    }
}
