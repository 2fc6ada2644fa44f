//! The price catalog: API models and GPU instances, each with its source and as-of date.
//!
//! `assets/catalog.ron` is embedded in the binary; its figures come from
//! `shared/catalog-facts.md`. Prices change often: the catalog is a dated snapshot, and a
//! scenario that picks from it stores the values it used, so an update never changes a saved
//! scenario's numbers silently.

mod drift;
pub mod import;
pub mod imported;

pub use drift::{CatalogDrift, Pick, STALE_AFTER_MONTHS, catalog_drift, picks, price_age_warnings};

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use rust_decimal::{Decimal, dec};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::scenario::{Buy, Hosting, InstancePrice, Speed, Throughput};
use crate::sourced::Sourced;
use crate::units::{Count, TokensPerRequest, TokensPerSecond, UsdPerHour, UsdPerMillionTokens};

/// The catalog as shipped, in RON.
pub const CATALOG_RON: &str = include_str!("../../../assets/catalog.ron");

static EMBEDDED: LazyLock<Catalog> = LazyLock::new(|| {
    ron::from_str(CATALOG_RON)
        .unwrap_or_else(|e| panic!("assets/catalog.ron is checked by a test: {e}"))
});

/// Every API model and GPU instance Breakeven knows, with prices and where they come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Hosted models priced per token.
    pub api_models: Vec<ApiModel>,
    /// Cloud GPU instances priced per hour.
    pub gpu_instances: Vec<GpuInstance>,
}

/// A hosted model and its prices, USD per 1M tokens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiModel {
    /// Stable identifier stored in scenarios (`gpt-4o-mini`).
    pub id: String,
    /// Name as people say it (`GPT-4o mini`).
    pub name: String,
    /// Who sells it.
    pub provider: String,
    /// Price of prompt tokens.
    pub input_usd_per_1m: UsdPerMillionTokens,
    /// Price of generated tokens.
    pub output_usd_per_1m: UsdPerMillionTokens,
    /// Price of prompt tokens read from the cache, where the provider has one.
    #[serde(default)]
    pub cached_input_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Price of writing prompt tokens to the cache, where the provider charges for it.
    #[serde(default)]
    pub cache_write_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Batch API price of prompt tokens, where there is a batch API.
    #[serde(default)]
    pub batch_input_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Batch API price of generated tokens.
    #[serde(default)]
    pub batch_output_usd_per_1m: Option<UsdPerMillionTokens>,
    /// Where the prices were published.
    pub source: String,
    /// When they were read.
    pub as_of: AsOf,
}

/// A rentable GPU instance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GpuInstance {
    /// Stable identifier stored in scenarios (`g5.2xlarge`).
    pub id: String,
    /// Who rents it out.
    pub provider: String,
    /// The region the price is for, where it matters.
    #[serde(default)]
    pub region: Option<String>,
    /// The GPUs in it, as people say it (`1x A10G 24 GB`).
    pub gpus: String,
    /// How many GPUs it has.
    pub gpu_count: u32,
    /// On-demand price.
    pub on_demand_usd_per_hour: UsdPerHour,
    /// Reserved price and its term, where published.
    #[serde(default)]
    pub reserved: Option<ReservedPrice>,
    /// Anything a buyer should know (a recent price cut, say).
    #[serde(default)]
    pub note: Option<String>,
    /// Where the price was published.
    pub source: String,
    /// When it was read.
    pub as_of: AsOf,
    /// Measured sustained throughputs of models on this instance's GPUs.
    #[serde(default)]
    pub throughput: Vec<ThroughputFigure>,
}

/// A reservation price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservedPrice {
    /// Price per hour under the reservation.
    pub usd_per_hour: UsdPerHour,
    /// Length of the reservation.
    pub term_months: u32,
}

/// One throughput measurement and the basis it was measured on. Throughput depends on
/// concurrency by up to 100x, so the basis is part of the figure (catalog-facts.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThroughputFigure {
    /// The model served (`Llama-3-8B FP16`).
    pub model: String,
    /// GPUs the measurement ran on; an instance with more GPUs runs that many replicas.
    pub gpus: u32,
    /// Concurrent requests during the measurement.
    pub concurrency: u32,
    /// Aggregate generated tokens per second.
    pub output_tokens_per_second: TokensPerSecond,
    /// Prompt tokens per request, where the measurement says.
    #[serde(default)]
    pub input_tokens_per_request: Option<TokensPerRequest>,
    /// Generated tokens per request, where the measurement says.
    #[serde(default)]
    pub output_tokens_per_request: Option<TokensPerRequest>,
    /// Median milliseconds to a request's first token in the measurement, where it says.
    #[serde(default)]
    pub first_token_ms: Option<Count>,
    /// Median milliseconds between a request's tokens in the measurement, where it says: a
    /// request streams 1,000 ÷ this many tokens a second.
    #[serde(default)]
    pub inter_token_ms: Option<Count>,
    /// Where the figure was published.
    pub source: String,
    /// When it was published.
    pub as_of: AsOf,
}

impl Catalog {
    /// The catalog embedded in this build.
    #[must_use]
    pub fn embedded() -> &'static Self {
        &EMBEDDED
    }

    /// The API model with this id.
    #[must_use]
    pub fn api_model(&self, id: &str) -> Option<&ApiModel> {
        self.api_models.iter().find(|m| m.id == id)
    }

    /// The GPU instance with this id.
    #[must_use]
    pub fn gpu_instance(&self, id: &str) -> Option<&GpuInstance> {
        self.gpu_instances.iter().find(|g| g.id == id)
    }
}

impl ApiModel {
    /// The note stored beside each value taken from this entry.
    #[must_use]
    pub fn source_note(&self) -> String {
        format!(
            "catalog: {} ({}), {}, as of {}",
            self.name, self.provider, self.source, self.as_of
        )
    }

    /// The price of writing prompt tokens to the cache: the catalog's where the provider charges
    /// for writes (Anthropic), otherwise the input price, so writes cost nothing extra.
    #[must_use]
    pub fn cache_write_price(&self) -> UsdPerMillionTokens {
        self.cache_write_usd_per_1m.unwrap_or(self.input_usd_per_1m)
    }

    /// Sets `buy`'s prices to this model's and records the pick. A model without a cache price
    /// gets no cache discount: the cached price is set to the full input price. One without a
    /// write price writes at the input price ([`ApiModel::cache_write_price`]). The shares of
    /// input read from and written to the cache are the workload's, and stay.
    pub fn apply_to(&self, buy: &mut Buy) {
        let note = self.source_note();
        buy.catalog_id = Some(self.id.clone());
        buy.input_usd_per_1m = Sourced::from_source(self.input_usd_per_1m, &note);
        buy.output_usd_per_1m = Sourced::from_source(self.output_usd_per_1m, &note);
        let cached = self
            .cached_input_usd_per_1m
            .unwrap_or(self.input_usd_per_1m);
        buy.cached_input_usd_per_1m = Sourced::from_source(cached, &note);
        buy.cache_write_usd_per_1m = Sourced::from_source(self.cache_write_price(), note);
    }
}

impl GpuInstance {
    /// The note stored beside each value taken from this entry.
    #[must_use]
    pub fn source_note(&self) -> String {
        format!(
            "catalog: {} ({}), {}, as of {}",
            self.id, self.provider, self.source, self.as_of
        )
    }

    /// Sets `hosting`'s price to this instance's on-demand price to this instance's and records the pick; with a
    /// throughput figure, also its measured throughput and basis.
    pub fn apply_to(&self, hosting: &mut Hosting, figure: Option<&ThroughputFigure>) {
        hosting.catalog_id = Some(self.id.clone());
        hosting.price = InstancePrice::OnDemand {
            usd_per_hour: Sourced::from_source(self.on_demand_usd_per_hour, self.source_note()),
        };
        if let Some(figure) = figure {
            hosting.throughput = figure.as_throughput(self);
            // The catalog's speed replaces the catalog's; a speed of the user's own stays.
            let speed = figure.as_speed(self);
            let catalogs =
                |note: &Option<String>| note.as_deref().is_some_and(|n| n.starts_with("catalog:"));
            let first = &hosting.speed.first_token_ms;
            if first.is_unset() || catalogs(&first.source) {
                hosting.speed.first_token_ms = speed.first_token_ms;
            }
            let per_request = &hosting.speed.output_tokens_per_second;
            if per_request.is_unset() || catalogs(&per_request.source) {
                hosting.speed.output_tokens_per_second = speed.output_tokens_per_second;
            }
        }
    }
}

impl ThroughputFigure {
    /// How fast one request is answered in this measurement, as a scenario's speed: the time to
    /// first token and 1,000 ÷ the time between tokens, where the measurement gives them. Where
    /// it does not, the speed is left unknown and the engine shares the throughput among the
    /// concurrent requests.
    #[must_use]
    pub fn as_speed(&self, instance: &GpuInstance) -> Speed {
        let at = format!(
            "{} on {}, concurrency {}; {}, as of {}",
            self.model, instance.id, self.concurrency, self.source, self.as_of
        );
        let first_token_ms = self
            .first_token_ms
            .map(|ms| {
                Sourced::from_source(ms, format!("catalog: median time to first token of {at}"))
            })
            .unwrap_or_default();
        let output_tokens_per_second = self
            .inter_token_ms
            .filter(|ms| ms.get() > Decimal::ZERO)
            .and_then(|ms| {
                let per_second = Decimal::ONE_THOUSAND.checked_div(ms.get())?.round_dp(2);
                Some(Sourced::from_source(
                    TokensPerSecond::new(per_second),
                    format!(
                        "catalog: 1,000 ms ÷ {} ms between tokens (median) of {at}",
                        crate::format::group_thousands(ms.get().normalize())
                    ),
                ))
            })
            .unwrap_or_default();
        Speed {
            first_token_ms,
            output_tokens_per_second,
        }
    }

    /// How many copies of the measured setup one `instance` runs: an 8-GPU instance serves a
    /// 2-GPU measurement 4 times over. A figure that counts no GPU is taken as measured on one.
    #[must_use]
    pub fn replicas_on(&self, instance: &GpuInstance) -> u32 {
        instance
            .gpu_count
            .checked_div(self.gpus)
            .unwrap_or(instance.gpu_count)
            .max(1)
    }

    /// This figure as a scenario's throughput for one `instance` (all its replicas). A
    /// measurement without its request sizes is taken as output tokens only, and its source
    /// note says which basis was used.
    #[must_use]
    pub fn as_throughput(&self, instance: &GpuInstance) -> Throughput {
        let replicas = self.replicas_on(instance);
        let per_instance = self
            .output_tokens_per_second
            .checked_scale(Decimal::from(replicas))
            .unwrap_or(self.output_tokens_per_second);
        let basis = match (
            self.input_tokens_per_request,
            self.output_tokens_per_request,
        ) {
            (Some(input), Some(output)) => format!("{input} in / {output} out tokens per request"),
            _ => "request sizes not published, counted as output tokens only".to_owned(),
        };
        Throughput::Measured {
            model: self.model.clone(),
            output_tokens_per_second: Sourced::from_source(
                per_instance,
                format!(
                    "catalog: {} on {} GPU(s) x {replicas} replica(s) of {}, concurrency {}, {basis}; {}, as of {}",
                    self.model, self.gpus, instance.id, self.concurrency, self.source, self.as_of
                ),
            ),
            concurrency: self.concurrency,
            input_tokens_per_request: self
                .input_tokens_per_request
                .unwrap_or(TokensPerRequest::ZERO),
            output_tokens_per_request: self
                .output_tokens_per_request
                .unwrap_or(TokensPerRequest::new(Decimal::ONE)),
        }
    }
}

/// When a published figure was read: a year and, usually, a month (`2025-09`, or `2026`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AsOf {
    /// The year.
    pub year: u16,
    /// The month, 1-12, when the source gives one.
    pub month: Option<u8>,
}

impl AsOf {
    /// The earliest month the figure can be from: January when only the year is known. Used
    /// for age warnings, so a year-only date warns early rather than late.
    #[must_use]
    pub fn earliest_month(self) -> (u16, u8) {
        (self.year, self.month.unwrap_or(1))
    }
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(month) => write!(f, "{:04}-{month:02}", self.year),
            None => write!(f, "{:04}", self.year),
        }
    }
}

impl FromStr for AsOf {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a year-month such as 2025-09 (or a year such as 2026)");
        let (year, month) = match s.split_once('-') {
            Some((year, month)) if month.len() == 2 => (year, Some(month)),
            Some(_) => return Err(bad()),
            None => (s, None),
        };
        if year.len() != 4 {
            return Err(bad());
        }
        let year = year.parse::<u16>().map_err(|_| bad())?;
        let month = match month {
            Some(m) => Some(
                m.parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?,
            ),
            None => None,
        };
        Ok(Self { year, month })
    }
}

impl Serialize for AsOf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AsOf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The catalog instance a measured limit falls back to when the hosting's own instance is not
/// from the catalog: seed 001's g5.2xlarge.
const FALLBACK_INSTANCE: &str = "g5.2xlarge";

impl GpuInstance {
    /// The busiest measured figure of this instance: the load it is sized for.
    #[must_use]
    pub fn busiest_figure(&self) -> Option<&ThroughputFigure> {
        self.throughput
            .iter()
            .max_by_key(|f| f.output_tokens_per_second)
    }

    /// The figure a hosting measured with `model` at `concurrency` keeps when it moves to this
    /// instance: the same model at the nearest concurrency; without one, the busiest figure.
    /// Picking an instance must not swap a 70B model for an 8B one.
    #[must_use]
    pub fn figure_like(&self, model: &str, concurrency: u32) -> Option<&ThroughputFigure> {
        self.throughput
            .iter()
            .filter(|f| f.model == model)
            .min_by_key(|f| f.concurrency.abs_diff(concurrency))
            .or_else(|| self.busiest_figure())
    }

    /// The figure `throughput` came from, when it is one of this instance's: the same model and
    /// concurrency.
    #[must_use]
    pub fn figure_of(&self, throughput: &Throughput) -> Option<&ThroughputFigure> {
        let Throughput::Measured {
            model, concurrency, ..
        } = throughput
        else {
            return None;
        };
        self.throughput
            .iter()
            .find(|f| f.model == *model && f.concurrency == *concurrency)
    }
}

impl ThroughputFigure {
    /// The figure as a picker lists it for `instance`: "Llama-3.1-70B FP8, concurrency 16: 1,800
    /// output tokens/s per replica, 8 replicas (GPU advisor pages, 2026-05)".
    #[must_use]
    pub fn describe(&self, instance: &GpuInstance) -> String {
        let replicas = self.replicas_on(instance);
        let on = if replicas == 1 {
            String::new()
        } else {
            format!(" per replica, {replicas} replicas")
        };
        format!(
            "{}, concurrency {}: {} output tokens/s{on} ({}, {})",
            self.model,
            self.concurrency,
            crate::format::group_thousands(self.output_tokens_per_second.get()),
            self.source,
            self.as_of
        )
    }
}

impl Hosting {
    /// A measured throughput limit for these instances, for when the user turns the limit on:
    /// the catalog's busiest figure for the instance picked, or for seed 001's g5.2xlarge
    /// (Llama-3-8B at concurrency 64) when the instance is not from the catalog.
    #[must_use]
    pub fn measured_throughput(&self) -> Throughput {
        let catalog = Catalog::embedded();
        let picked = self
            .catalog_id
            .as_deref()
            .and_then(|id| catalog.gpu_instance(id))
            .filter(|gpu| gpu.busiest_figure().is_some());
        picked
            .or_else(|| catalog.gpu_instance(FALLBACK_INSTANCE))
            .and_then(|gpu| gpu.busiest_figure().map(|f| f.as_throughput(gpu)))
            .unwrap_or_else(|| Throughput::Measured {
                model: "your measurement".into(),
                output_tokens_per_second: Sourced::bare(TokensPerSecond::new(dec!(301))),
                concurrency: 64,
                input_tokens_per_request: TokensPerRequest::new(dec!(550)),
                output_tokens_per_request: TokensPerRequest::new(dec!(150)),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use std::collections::HashSet;

    #[test]
    fn a_measured_limit_comes_from_the_catalog() {
        let mut hosting = Scenario::embedded_default().self_host.hosting;
        hosting.catalog_id = None;
        let Throughput::Measured {
            output_tokens_per_second,
            concurrency,
            ..
        } = hosting.measured_throughput()
        else {
            panic!("measured");
        };
        // catalog-facts.md: Llama-3-8B FP16 on g5.2xlarge, 301 tokens/s at concurrency 64.
        assert_eq!(output_tokens_per_second.value.get(), dec!(301));
        assert_eq!(concurrency, 64);
    }

    #[test]
    fn the_embedded_catalog_loads_with_unique_ids_and_sane_prices() {
        let catalog: Catalog = ron::from_str(CATALOG_RON).expect("assets/catalog.ron must load");
        let mut ids = HashSet::new();
        for model in &catalog.api_models {
            assert!(ids.insert(model.id.clone()), "duplicate id {}", model.id);
            assert!(
                model.input_usd_per_1m > UsdPerMillionTokens::ZERO,
                "{} has no input price",
                model.id
            );
            assert!(
                model.output_usd_per_1m >= model.input_usd_per_1m,
                "{}: output cheaper than input",
                model.id
            );
            if let Some(cached) = model.cached_input_usd_per_1m {
                assert!(
                    cached < model.input_usd_per_1m,
                    "{}: cache is no discount",
                    model.id
                );
            }
            assert!(!model.source.is_empty());
        }
        for gpu in &catalog.gpu_instances {
            assert!(ids.insert(gpu.id.clone()), "duplicate id {}", gpu.id);
            assert!(gpu.on_demand_usd_per_hour > UsdPerHour::ZERO);
            if let Some(reserved) = gpu.reserved {
                assert!(
                    reserved.usd_per_hour < gpu.on_demand_usd_per_hour,
                    "{}: reservation is no discount",
                    gpu.id
                );
            }
            for figure in &gpu.throughput {
                assert!(
                    figure.gpus >= 1 && figure.gpus <= gpu.gpu_count,
                    "{}: {} needs more GPUs",
                    gpu.id,
                    figure.model
                );
                assert!(figure.concurrency >= 1);
                assert!(figure.output_tokens_per_second > TokensPerSecond::ZERO);
            }
        }
    }

    #[test]
    fn catalog_facts_figures_are_in_the_catalog() {
        let catalog = Catalog::embedded();
        let gpt4o = catalog.api_model("gpt-4o").expect("GPT-4o");
        assert_eq!(gpt4o.input_usd_per_1m.to_string(), "2.50");
        assert_eq!(gpt4o.output_usd_per_1m.to_string(), "10.00");
        assert_eq!(gpt4o.as_of.to_string(), "2025-09");
        let g5 = catalog.gpu_instance("g5.2xlarge").expect("g5.2xlarge");
        assert_eq!(g5.on_demand_usd_per_hour.to_string(), "1.212");
        assert_eq!(
            g5.reserved.map(|r| r.usd_per_hour.to_string()),
            Some("0.764".to_owned())
        );
        let at_64 = g5
            .throughput
            .iter()
            .find(|f| f.concurrency == 64)
            .expect("llmperf at 64");
        assert_eq!(at_64.output_tokens_per_second.to_string(), "301");
        assert_eq!(
            at_64
                .input_tokens_per_request
                .map(|d| d.to_string())
                .as_deref(),
            Some("550")
        );
    }

    #[test]
    fn picking_a_model_stores_its_id_prices_and_source() {
        let mut buy = crate::scenario::Scenario::embedded_default().buy;
        let mini = Catalog::embedded()
            .api_model("gpt-4o-mini")
            .expect("GPT-4o mini");
        mini.apply_to(&mut buy);
        assert_eq!(buy.catalog_id.as_deref(), Some("gpt-4o-mini"));
        assert_eq!(buy.output_usd_per_1m.value.to_string(), "0.60");
        assert!(
            buy.input_usd_per_1m
                .source
                .as_deref()
                .is_some_and(|s| s.contains("2025-09"))
        );
    }

    #[test]
    fn picking_a_model_takes_its_write_price_or_else_the_input_price() {
        let mut buy = crate::scenario::Scenario::embedded_default().buy;
        let catalog = Catalog::embedded();
        catalog
            .api_model("claude-sonnet-4")
            .expect("Claude Sonnet 4")
            .apply_to(&mut buy);
        assert_eq!(buy.cache_write_usd_per_1m.value.to_string(), "3.75");
        assert!(
            buy.cache_write_usd_per_1m
                .source
                .as_deref()
                .is_some_and(|s| s.contains("Claude Sonnet 4"))
        );
        // OpenAI charges nothing extra to write: a write costs the input price.
        catalog
            .api_model("gpt-4o")
            .expect("GPT-4o")
            .apply_to(&mut buy);
        assert_eq!(buy.cache_write_usd_per_1m.value, buy.input_usd_per_1m.value);
    }

    #[test]
    fn a_multi_gpu_instance_serves_the_measurement_once_per_replica() {
        let catalog = Catalog::embedded();
        let p5 = catalog.gpu_instance("p5.48xlarge").expect("p5.48xlarge");
        let fp16 = p5
            .throughput
            .iter()
            .find(|f| f.model == "Llama-3.1-70B FP16")
            .expect("70B FP16");
        assert_eq!(fp16.replicas_on(p5), 4);
        let Throughput::Measured {
            output_tokens_per_second,
            ..
        } = fp16.as_throughput(p5)
        else {
            panic!("a figure is a measured throughput");
        };
        assert_eq!(output_tokens_per_second.value.to_string(), "8800");
        assert!(
            output_tokens_per_second
                .source
                .is_some_and(|s| s.contains("not published"))
        );
    }

    #[test]
    fn as_of_reads_year_months_and_years_only() {
        assert_eq!(
            "2025-09".parse(),
            Ok(AsOf {
                year: 2025,
                month: Some(9)
            })
        );
        assert_eq!(
            "2026".parse(),
            Ok(AsOf {
                year: 2026,
                month: None
            })
        );
        assert_eq!(
            AsOf {
                year: 2026,
                month: None
            }
            .earliest_month(),
            (2026, 1)
        );
        assert!("2025-13".parse::<AsOf>().is_err());
        assert!("2025-9".parse::<AsOf>().is_err());
        assert!("25-09".parse::<AsOf>().is_err());
        assert!("".parse::<AsOf>().is_err());
    }
}
