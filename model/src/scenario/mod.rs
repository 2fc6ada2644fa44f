//! A scenario: one team's situation, as the user enters it and as it is saved to a `.ron` file.
//!
//! Every number is [`Sourced`], so where it comes from travels with it. Field names carry their
//! unit (`_usd_per_1m`, `_percent`, `_months`) so a file reads without a manual.

mod features;
mod file;
mod inputs;
mod matrix;
mod names;
mod traffic;
mod validate;
mod variants;
mod what_if;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::preset::PresetChoice;
use crate::sourced::Sourced;
use crate::units::{
    Count, HoursPerMonth, Kilowatts, Percent, Ratio, TokensPerMonth, TokensPerRequest,
    TokensPerSecond, Usd, UsdPerHour, UsdPerKwh, UsdPerMillionTokens, UsdPerMonth, UsdPerYear,
};

pub use features::{Feature, MAX_FEATURES, UNNAMED_FEATURE};
pub use file::{
    CURRENT_VERSION, Loaded, MAX_FILE_BYTES, from_ron_bytes, from_ron_str, load_bytes, load_draft,
    load_str, migration_note, to_ron_string,
};
pub use inputs::{Change, Input, changes, inputs};
pub use matrix::{
    DataMoat, DataResidency, Differentiator, Engineering, FineTuningFit, FrontierVelocity, Gap,
    Matrix, PretrainingFacts, ProductStage, Retrieval,
};
pub use names::{input_label, input_value};
pub use traffic::{Traffic, traffic};
pub use validate::{Limits, feature_problems, validate};
pub use variants::{
    DEFAULT_TERM_MONTHS, OwnedMonthly, PriceKind, ServingKind, StaffKind, VolumeKind,
};
pub use what_if::WhatIf;

/// Everything the cost engine needs about one situation, plus its name and notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The file format's version; see [`CURRENT_VERSION`].
    pub version: u32,
    /// A short name shown in the title bar and in reports ("Acme support bot, Q4").
    pub name: String,
    /// Who the scenario is for ("Acme Insurance"), shown beside its name in the title, the
    /// presentation bar and exports; empty when it is the team's own (since version 5).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub client: String,
    /// Free text: context, caveats, who was in the room.
    #[serde(default)]
    pub notes: String,
    /// When the decision was last reviewed; seed 002 says to revisit it every 6-9 months.
    pub last_reviewed: NaiveDate,
    /// The first feature's name (since version 9); its traffic, API model and task answers are
    /// the scenario's own `workload`, `buy` and matrix answers. Empty for a scenario of one
    /// feature, which goes by "All traffic".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feature: String,
    /// How many tokens the product (its first feature) processes.
    pub workload: Workload,
    /// Buying: calling a hosted API.
    pub buy: Buy,
    /// Self-hosting open weights on rented GPUs.
    pub self_host: SelfHost,
    /// Fine-tuning a smaller model and routing part of the traffic to it.
    pub fine_tune: FineTune,
    /// Pretraining a model from scratch.
    pub pretrain: Pretrain,
    /// The cash view over time: horizon, price trends, migration.
    pub horizon: Horizon,
    /// Options nobody is considering (since version 6): their figures are still computed, but
    /// they take no part in the answer, its sensitivity, its warnings or the charts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<crate::phase::Phase>,
    /// The product's revenue, for gross margin; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Revenue>,
    /// The answers about the situation that costs alone do not capture (since version 2).
    #[serde(default)]
    pub matrix: Matrix,
    /// The thresholds the rules use (since version 2).
    #[serde(default)]
    pub rule_preset: PresetChoice,
    /// The product's other features, each with its own traffic, API model and task answers
    /// (since version 9); see [`features`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_features: Vec<Feature>,
}

/// The traffic, at the scenario's current month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// The monthly volume, given directly or built from users (seed 004).
    pub volume: Volume,
    /// Growth of the volume each month, compounded (0 for flat traffic).
    pub growth_percent_per_month: Sourced<Percent>,
    /// Peak traffic over average traffic; self-hosting must be sized for the peak.
    pub peak_to_average: Sourced<Ratio>,
    /// Tokens generated in one reply, for the time a reply takes, when the volume is given in
    /// tokens a month (a volume built from users has its own); 0 while not known (since
    /// version 7).
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub reply_tokens: Sourced<TokensPerRequest>,
}

/// How the monthly volume is given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Volume {
    /// Tokens per month, input and output apart (they are priced apart).
    Tokens {
        /// Prompt tokens sent each month.
        input_tokens_per_month: Sourced<TokensPerMonth>,
        /// Tokens generated each month.
        output_tokens_per_month: Sourced<TokensPerMonth>,
    },
    /// Built from usage, as seed 004 does: users × requests × tokens per request, with a month
    /// of 365/12 days.
    Users {
        /// People using the feature on an average day.
        daily_users: Sourced<Count>,
        /// Requests each user makes on an average day.
        requests_per_user_per_day: Sourced<Count>,
        /// Prompt tokens in one request.
        input_tokens_per_request: Sourced<TokensPerRequest>,
        /// Generated tokens in one request.
        output_tokens_per_request: Sourced<TokensPerRequest>,
    },
}

/// Buying: a hosted API priced per token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Buy {
    /// The catalog model the prices were taken from, if any (its id, such as `gpt-4o-mini`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_id: Option<String>,
    /// Price of prompt tokens. A seed's "blended" price goes in both input and output.
    pub input_usd_per_1m: Sourced<UsdPerMillionTokens>,
    /// Price of generated tokens.
    pub output_usd_per_1m: Sourced<UsdPerMillionTokens>,
    /// Share of input tokens served from the provider's prompt cache (cache reads), billed at
    /// the cached price instead of the input price.
    pub cached_input_percent: Sourced<Percent>,
    /// Price of cached input tokens.
    pub cached_input_usd_per_1m: Sourced<UsdPerMillionTokens>,
    /// Share of input tokens written to the provider's prompt cache (since version 6), billed
    /// at the write price instead of the input price: input tokens are cache reads, cache
    /// writes, and the rest at the input price, so reads and writes together are at most 100%.
    /// Left out of the file while it is 0 with no note.
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub cache_write_percent: Sourced<Percent>,
    /// Price of input tokens written to the cache (since version 6): Anthropic's 5-minute
    /// writes are 1.25 times the input price; where writing costs nothing extra (OpenAI,
    /// Google), the input price. Left out of the file while it is 0 with no note.
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub cache_write_usd_per_1m: Sourced<UsdPerMillionTokens>,
    /// Share of traffic sent through the batch API.
    pub batch_percent: Sourced<Percent>,
    /// Discount the batch API gives on both input and output.
    pub batch_discount_percent: Sourced<Percent>,
    /// Discount negotiated for committed spend.
    pub commitment_discount_percent: Sourced<Percent>,
    /// Calls per completed task: seed 003's "a cheaper model that needs 3 retries is not
    /// cheaper". 1 means every call succeeds.
    pub retry_factor: Sourced<Ratio>,
    /// What running the integration costs besides its tokens (since version 5); left out of
    /// the file while it is nothing.
    #[serde(default, skip_serializing_if = "BuyFixed::is_nothing")]
    pub fixed: BuyFixed,
    /// How fast the API replies (since version 7); left out of the file while unknown.
    #[serde(default, skip_serializing_if = "Speed::is_unset")]
    pub speed: Speed,
}

/// How fast one reply comes back (since version 7): the wait for the first token, then the
/// tokens a second one request receives while the reply streams. Each is 0 while not known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Speed {
    /// Milliseconds from sending a request to its first token: queueing, the network and
    /// reading the prompt.
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub first_token_ms: Sourced<Count>,
    /// Output tokens a second one request receives. On your own instances, 0 takes it from the
    /// throughput basis: the measured tokens a second shared by its concurrent requests.
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub output_tokens_per_second: Sourced<TokensPerSecond>,
}

impl Speed {
    /// Nothing known and no note on either figure: as a file without it reads.
    #[must_use]
    pub fn is_unset(&self) -> bool {
        *self == Self::default()
    }
}

/// Buy's costs that do not follow the tokens. An API integration has people and one-off work
/// too; leaving them out tilts every comparison towards Buy. Red Hat's ConfigIQ methodology
/// counts operations (0.05 FTE) and an implementation spread over the horizon ($15,000 over 36
/// months) for the hosted API as well as for rented and owned GPUs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct BuyFixed {
    /// People who run the integration: vendor management, prompt and evaluation upkeep,
    /// monitoring.
    #[serde(default)]
    pub operations: Staff,
    /// A one-off integration (gateway, evaluations, security review), spread over the horizon as
    /// Self-host's setup is; 0 when it is already built.
    #[serde(default)]
    pub integration_usd: Sourced<Usd>,
    /// Platform, gateway or support fees each month, whatever the traffic.
    #[serde(default)]
    pub platform_usd_per_month: Sourced<UsdPerMonth>,
    /// The least the API bill may be each month under a committed-spend contract (often the
    /// price of its discount): below it, the difference is paid anyway. 0 for none (since
    /// version 6).
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub committed_usd_per_month: Sourced<UsdPerMonth>,
}

impl BuyFixed {
    /// No people, fees or build, and no note on any: as a file without them reads.
    #[must_use]
    pub fn is_nothing(&self) -> bool {
        *self == Self::default()
    }
}

/// Self-hosting open weights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SelfHost {
    /// The GPU instances that serve the model.
    pub hosting: Hosting,
    /// The people who keep it running (seed 001's "invisible labor").
    pub staff: Staff,
    /// Security and compliance work you take over from the vendor (seed 001, section 6).
    pub security_usd_per_month: Sourced<UsdPerMonth>,
    /// One-off cost of setting it up (engineering, evaluation, migration).
    pub setup_usd: Sourced<Usd>,
}

/// GPU instances serving a model: the price, the time in service and what one instance serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Hosting {
    /// The catalog instance the price and throughput were taken from, if any (`g5.2xlarge`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_id: Option<String>,
    /// What one instance costs.
    pub price: InstancePrice,
    /// Hours each instance is billed in a month: 730 when always on, fewer when it scales to
    /// zero (seed 001: a GPU costs its price with zero requests unless it scales to zero).
    pub hours_in_service_per_month: Sourced<HoursPerMonth>,
    /// What one instance can serve.
    pub throughput: Throughput,
    /// The share of that throughput you plan to use; headroom for bursts.
    pub target_utilisation_percent: Sourced<Percent>,
    /// Instances kept running whatever the load, for availability.
    pub min_instances: Sourced<u32>,
    /// How fast one request is answered (since version 7); left out of the file while unknown.
    #[serde(default, skip_serializing_if = "Speed::is_unset")]
    pub speed: Speed,
}

/// What one instance costs, as the provider quotes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum InstancePrice {
    /// Paid by the hour, for the hours in service.
    OnDemand {
        /// Price of one instance-hour.
        usd_per_hour: Sourced<UsdPerHour>,
    },
    /// Reserved for a term: every hour of the month is paid, in service or not.
    Reserved {
        /// Price of one instance-hour under the reservation.
        usd_per_hour: Sourced<UsdPerHour>,
        /// Length of the reservation.
        term_months: u32,
    },
    /// A monthly price per instance, as seeds 003 and 004 quote ("$2,000/month" a GPU).
    Monthly {
        /// Price of one instance for a month.
        usd_per_month: Sourced<UsdPerMonth>,
    },
    /// Billed for the hours the work needs, as a serverless or scale-to-zero GPU is (since
    /// version 5): the busy hours at the target utilisation, and a buffer on top for start-up
    /// and idle tails, so the cost follows the volume. The hours in service, the peak and the
    /// minimum instances do not apply. Red Hat ConfigIQ's methodology: "Scale to zero bills
    /// modeled serving time plus the runtime buffer" (10% by default).
    PerBusyHour {
        /// Price of one instance-hour.
        usd_per_hour: Sourced<UsdPerHour>,
        /// Hours billed beyond the busy ones, as a share of them.
        buffer_percent: Sourced<Percent>,
        /// The fewest hours billed in a month, however little the work (a provider's minimum,
        /// or capacity kept warm); 0 for none.
        #[serde(default)]
        minimum_hours_per_month: Sourced<HoursPerMonth>,
    },
    /// Servers bought outright (since version 5): each month, per server, the purchase
    /// depreciated to its resale value, the cost of the capital tied up, maintenance, power and
    /// facilities.
    Owned(Box<OwnedServer>),
}

/// One owned server's costs, as Red Hat ConfigIQ's methodology counts purchased hardware.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct OwnedServer {
    /// Price of one server: the hardware, which is resold at the end of its life.
    pub purchase_usd: Sourced<Usd>,
    /// Installation and commissioning of one server: depreciated over its life, never resold
    /// (since version 6; 0 when a file has none, as when it was counted in the purchase).
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub installation_usd: Sourced<Usd>,
    /// Months until it is replaced; it depreciates evenly over them.
    pub life_months: Sourced<u32>,
    /// What it sells for at the end of its life, as a share of the purchase.
    pub resale_percent: Sourced<Percent>,
    /// The yearly cost of the money tied up in it (a loan's rate, or the return it forgoes).
    pub capital_percent_per_year: Sourced<Percent>,
    /// Maintenance and spares each year, as a share of the purchase.
    pub maintenance_percent_per_year: Sourced<Percent>,
    /// Power drawn at load.
    pub power_kw: Sourced<Kilowatts>,
    /// Power usage effectiveness: the facility's draw over the server's (1.4 is typical).
    pub pue: Sourced<Ratio>,
    /// Price of electricity.
    pub usd_per_kwh: Sourced<UsdPerKwh>,
    /// Rack space, cooling and networking for one server each month.
    pub facilities_usd_per_month: Sourced<UsdPerMonth>,
}

/// What one instance can serve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Throughput {
    /// No limit is modelled: one instance serves any volume, as in seed 001's calculator. The
    /// report still checks the volume against the catalog's figure for the instance.
    Unlimited,
    /// A measured sustained throughput, with the basis it was measured on, so it can be
    /// converted to this scenario's mix of input and output tokens (catalog-facts.md).
    Measured {
        /// The model served, as the measurement names it (`Llama-3-8B FP16`).
        model: String,
        /// Aggregate generated tokens per second of one instance.
        output_tokens_per_second: Sourced<TokensPerSecond>,
        /// Concurrent requests in the measurement; throughput depends on it by up to 100x.
        concurrency: u32,
        /// Prompt tokens per request in the measurement.
        input_tokens_per_request: TokensPerRequest,
        /// Generated tokens per request in the measurement.
        output_tokens_per_request: TokensPerRequest,
    },
}

/// The people a phase needs, counted one of two ways. Nobody, by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum Staff {
    /// Part of someone's time, as seed 001 counts it (10 hours a month at $150/hour).
    Hours {
        /// Hours of work each month.
        hours_per_month: Sourced<HoursPerMonth>,
        /// Fully loaded cost of an hour.
        usd_per_hour: Sourced<UsdPerHour>,
    },
    /// Whole people, as seeds 003 and 004 count them ("ML + infra team (5+)").
    People {
        /// Full-time equivalents; 0.5 is half a person.
        people: Sourced<Count>,
        /// Total yearly cost of one person (seed 004: $250-400K).
        loaded_usd_per_year: Sourced<UsdPerYear>,
    },
}

/// Fine-tuning a smaller model and routing part of the traffic to it (seed 002).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct FineTune {
    /// Share of traffic routed to the tuned model; the rest stays on the API.
    pub routed_percent: Sourced<Percent>,
    /// Share of the routed traffic that fails over to the API at API prices.
    pub fallback_percent: Sourced<Percent>,
    /// How the tuned model is served and paid for.
    pub serving: TunedServing,
    /// Collecting and cleaning the training data, each run.
    pub curation_usd_per_run: Sourced<Usd>,
    /// Training compute, each run.
    pub training_usd_per_run: Sourced<Usd>,
    /// Evaluating the tuned model before it takes traffic, each run.
    pub evaluation_usd_per_run: Sourced<Usd>,
    /// Months between retraining runs; 0 for never. Seed 004: about 6 when the frontier moves
    /// fast.
    pub retrain_every_months: Sourced<u32>,
    /// The people who keep the tuned model and its pipeline running.
    pub staff: Staff,
}

/// How the fine-tuned model is served.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
pub enum TunedServing {
    /// On your own instances, costed like self-hosting.
    Hosted(Box<Hosting>),
    /// By a provider, per token (a fine-tuning API, Together AI, Fireworks AI: seed 001).
    PerToken {
        /// Price of prompt tokens.
        input_usd_per_1m: Sourced<UsdPerMillionTokens>,
        /// Price of generated tokens.
        output_usd_per_1m: Sourced<UsdPerMillionTokens>,
        /// How fast the provider replies (since version 7).
        #[serde(default, skip_serializing_if = "Speed::is_unset")]
        speed: Speed,
    },
    /// A flat monthly price (seed 000: "a flat $12,000/month") for traffic up to what it covers;
    /// beyond that another block of the fee is paid, as another instance would be.
    Flat {
        /// The monthly price.
        usd_per_month: Sourced<UsdPerMonth>,
        /// Tokens a month, input and output, the fee covers: the contract's limit or what a load
        /// test shows the service carries. Absent from version 3 files, which migrate it to the
        /// file's own traffic.
        #[serde(default)]
        tokens_per_month: Sourced<TokensPerMonth>,
        /// How fast the service replies (since version 7).
        #[serde(default, skip_serializing_if = "Speed::is_unset")]
        speed: Speed,
    },
}

/// Pretraining a model from scratch (seed 004: $5M+, 12+ months).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Pretrain {
    /// Acquiring, cleaning and licensing the corpus.
    pub corpus_usd: Sourced<Usd>,
    /// Training compute for the whole run.
    pub compute_usd: Sourced<Usd>,
    /// The team that builds and then runs the model.
    pub team: Staff,
    /// Months from the start until the model serves traffic; traffic stays on the API meanwhile.
    pub build_months: Sourced<u32>,
    /// Serving the model once built.
    pub hosting: Hosting,
}

/// The cash view over the coming months.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    /// Months to project (36 by default, 1 to 120).
    pub months: Sourced<u32>,
    /// Yearly change of API prices; negative when they fall, as they have.
    pub api_price_change_percent_per_year: Sourced<Percent>,
    /// Yearly change of GPU prices; seed catalog: the June 2025 cut took 44% off H100s.
    pub gpu_price_change_percent_per_year: Sourced<Percent>,
    /// A one-off change of every API price, beside the yearly trend: from
    /// `api_price_step_month` on, API prices are this much higher (negative: lower). 0 for none
    /// (since version 6).
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub api_price_step_percent: Sourced<Percent>,
    /// The month the one-off change takes effect (1 is this month).
    #[serde(default, skip_serializing_if = "Sourced::is_unset")]
    pub api_price_step_month: Sourced<u32>,
    /// Months to build a self-hosted or fine-tuned system, during which traffic stays on the API.
    pub build_months: Sourced<u32>,
    /// Months of running the new system beside the API before switching (seed 000's shadow
    /// mode).
    pub parallel_run_months: Sourced<u32>,
    /// Yearly discount rate for present values; 0 for plain cash.
    pub discount_rate_percent_per_year: Sourced<Percent>,
}

/// The product's revenue, for gross margin (seed 000: $2M ARR).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Revenue {
    /// Revenue this month.
    pub usd_per_month: Sourced<UsdPerMonth>,
    /// Growth of revenue each month, compounded.
    pub growth_percent_per_month: Sourced<Percent>,
    /// Cost of revenue other than the LLM (hosting, support), each month.
    pub other_cost_of_revenue_usd_per_month: Sourced<UsdPerMonth>,
}

/// The scenario the app opens with, embedded in the binary.
pub const DEFAULT_RON: &str = include_str!("../../../scenarios/default.ron");

impl Scenario {
    /// Whether `phase` is being considered: not left out.
    #[must_use]
    pub fn on_the_table(&self, phase: crate::phase::Phase) -> bool {
        !self.left_out.contains(&phase)
    }

    /// Puts `phase` on the table or leaves it out, the list kept in the options' order. The last
    /// option on the table stays: something must be recommended.
    pub fn set_on_the_table(&mut self, phase: crate::phase::Phase, on: bool) {
        let on_table = crate::phase::Phase::ALL
            .iter()
            .filter(|p| self.on_the_table(**p))
            .count();
        if !on && on_table <= 1 {
            return;
        }
        self.left_out.retain(|p| *p != phase);
        if !on {
            self.left_out.push(phase);
            self.left_out.sort();
        }
    }

    /// The name as titles and headings show it, with the client when there is one: "Claims
    /// triage, for Acme Insurance".
    #[must_use]
    pub fn heading(&self) -> String {
        let client = self.client.trim();
        if client.is_empty() {
            self.name.clone()
        } else {
            format!("{}, for {client}", self.name)
        }
    }

    /// The embedded default scenario.
    ///
    /// # Panics
    /// Never in a released build: a test loads and validates the embedded file.
    #[must_use]
    pub fn embedded_default() -> Self {
        from_ron_str(DEFAULT_RON).expect("scenarios/default.ron is checked by a test")
    }
}
