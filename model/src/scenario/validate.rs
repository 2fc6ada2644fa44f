//! Checks a scenario and lists every problem at once, each with its field's path.
//!
//! The limits are far beyond any real scenario (the largest seed case is 100B tokens a month)
//! yet small enough that the engine's exact arithmetic cannot overflow on a valid scenario.

use rust_decimal::{Decimal, dec};

use super::{
    Buy, FineTune, Horizon, Hosting, InstancePrice, Matrix, OwnedServer, Pretrain, Revenue,
    Scenario, SelfHost, Speed, Staff, Throughput, TunedServing, Volume, Workload,
};
use crate::error::Problem;
use crate::format::group_thousands;
use crate::preset::{PresetChoice, built_in};
use crate::sourced::{Sourced, Written};
use crate::units::{HOURS_PER_MONTH, Quantity};

/// The ranges a valid scenario stays within, in each field's own unit.
pub struct Limits;

impl Limits {
    /// Largest one-off amount: a trillion dollars.
    pub const USD: Decimal = dec!(1_000_000_000_000);
    /// Largest monthly or yearly amount: a hundred billion dollars.
    pub const USD_PER_PERIOD: Decimal = dec!(100_000_000_000);
    /// Largest hourly price or rate.
    pub const USD_PER_HOUR: Decimal = dec!(100_000);
    /// Largest price per million tokens.
    pub const USD_PER_1M: Decimal = dec!(100_000);
    /// Largest monthly volume: ten quadrillion tokens, 100,000 times seed 003's Enterprise tier.
    pub const TOKENS_PER_MONTH: Decimal = dec!(10_000_000_000_000_000);
    /// Largest throughput of one instance.
    pub const TOKENS_PER_SECOND: Decimal = dec!(1_000_000_000);
    /// Largest count of people, users, requests or tokens per request.
    pub const COUNT: Decimal = dec!(1_000_000_000);
    /// Largest staff time in a month.
    pub const STAFF_HOURS_PER_MONTH: Decimal = dec!(1_000_000);
    /// Largest factor (retries, peak over average).
    pub const RATIO: Decimal = dec!(100);
    /// The most hours a busy-hour price bills beyond the busy ones, as a share of them.
    pub const BUFFER_PERCENT: Decimal = dec!(1_000);
    /// The most power one server draws, kW (a full rack is about 100 kW).
    pub const KILOWATTS: Decimal = dec!(10_000);
    /// The most a kWh costs.
    pub const USD_PER_KWH: Decimal = dec!(100);
    /// Largest monthly growth, and largest yearly price change, in percent.
    pub const CHANGE_PERCENT: Decimal = Decimal::ONE_HUNDRED;
    /// Longest span in months (horizon, build, term).
    pub const MONTHS: u32 = 120;
    /// Most instances kept for availability.
    pub const INSTANCES: u32 = 100_000;
    /// Longest name, and longest source note, in characters.
    pub const SHORT_TEXT: usize = 1_000;
    /// Longest notes, in characters.
    pub const NOTES: usize = 100_000;
    /// Longest latency target: an hour, in milliseconds.
    pub const LATENCY_MS: Decimal = dec!(3_600_000);
    /// Most spend thresholds in a preset.
    pub const SPEND_THRESHOLDS: usize = 20;
}

/// Every problem in `scenario`, in file order; empty when it is valid.
#[must_use]
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut check = Check::default();
    if scenario.version == 0 {
        check.problem(
            "version",
            "must be 1 or more: scenario versions start at 1".to_owned(),
        );
    }
    let name = scenario.name.trim();
    if name.is_empty() {
        check.problem(
            "name",
            "must not be empty: it names the scenario in titles and reports".into(),
        );
    }
    check.text("name", &scenario.name, Limits::SHORT_TEXT);
    check.text("notes", &scenario.notes, Limits::NOTES);
    workload(&mut check, &scenario.workload);
    buy(&mut check, &scenario.buy);
    self_host(&mut check, &scenario.self_host);
    fine_tune(&mut check, &scenario.fine_tune);
    pretrain(&mut check, &scenario.pretrain);
    horizon(&mut check, &scenario.horizon);
    left_out(&mut check, &scenario.left_out);
    if let Some(revenue) = &scenario.revenue {
        self::revenue(&mut check, revenue);
    }
    matrix(&mut check, &scenario.matrix);
    preset(&mut check, &scenario.rule_preset);
    features(&mut check, scenario);
    check.problems
}

/// The first feature's own paths, and where a later feature keeps the same thing.
pub(crate) const FEATURE_PATHS: [(&str, &str); 6] = [
    ("workload", "workload"),
    ("buy", "buy"),
    ("matrix.fine_tuning_fit", "fine_tuning_fit"),
    ("matrix.frontier_velocity", "frontier_velocity"),
    ("matrix.workhorse_would_do", "workhorse_would_do"),
    ("matrix.retrieval", "retrieval"),
];

/// The problems of `problems` (a whole scenario's) that are about feature `index` or about what
/// the features share, with the paths they have in that feature as a scenario of its own
/// ([`Scenario::feature`]): what the window shows beside the fields while that feature is
/// edited. Another feature's problems are left out.
#[must_use]
pub fn feature_problems(problems: &[Problem], index: usize) -> Vec<Problem> {
    // The first feature's own paths; `buy.fixed` is shared, though under `buy`.
    let own = |path: &str| {
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        };
        under("feature")
            || (FEATURE_PATHS.iter().any(|(from, _)| under(from)) && !under("buy.fixed"))
    };
    let prefix = format!("more_features[{}]", index.saturating_sub(1));
    problems
        .iter()
        .filter_map(|problem| {
            let path = problem.path.as_str();
            // How many features there are is every feature's business.
            if path == "more_features" {
                return Some(problem.clone());
            }
            if path.starts_with("more_features") {
                let rest = path.strip_prefix(&prefix).filter(|_| index > 0)?;
                let rest = rest.strip_prefix('.')?;
                let path = if rest == "name" {
                    "feature".to_owned()
                } else {
                    FEATURE_PATHS
                        .iter()
                        .find_map(|(from, to)| {
                            rest.strip_prefix(to)
                                .filter(|r| r.is_empty() || r.starts_with('.'))
                                .map(|r| format!("{from}{r}"))
                        })
                        .unwrap_or_else(|| rest.to_owned())
                };
                return Some(Problem {
                    path,
                    message: problem.message.clone(),
                });
            }
            (index == 0 || !own(path)).then(|| problem.clone())
        })
        .collect()
}

/// Each later feature's name, its own parts checked as the first feature's are (under
/// `more_features[i]`), and no shared costs of Buy's given in it.
fn features(check: &mut Check, scenario: &Scenario) {
    check.text("feature", &scenario.feature, Limits::SHORT_TEXT);
    if scenario.more_features.len() >= super::MAX_FEATURES {
        check.problem(
            "more_features",
            format!(
                "a scenario holds at most {} features; it has {}",
                super::MAX_FEATURES,
                scenario.feature_count()
            ),
        );
        return;
    }
    let names = scenario.feature_names();
    for (i, feature) in scenario.more_features.iter().enumerate() {
        let at = format!("more_features[{i}]");
        let name = feature.name.trim();
        if name.is_empty() {
            check.problem(
                &format!("{at}.name"),
                "must not be empty: it names the feature in the roadmap and the reports".into(),
            );
        } else if names
            .iter()
            .take(i.saturating_add(1))
            .any(|n| n.trim().eq_ignore_ascii_case(name))
        {
            check.problem(
                &format!("{at}.name"),
                format!("`{name}` names two features; give each its own name"),
            );
        }
        check.text(&format!("{at}.name"), &feature.name, Limits::SHORT_TEXT);
        if !feature.buy.fixed.is_nothing() {
            check.problem(
                &format!("{at}.buy.fixed"),
                "the API integration's people, fees, committed minimum and build are shared by \
                 every feature: give them once, in the scenario's own `buy.fixed`"
                    .into(),
            );
        }
        let Some(one) = scenario.feature(i.saturating_add(1)) else {
            continue;
        };
        let mut own = Check::default();
        workload(&mut own, &one.workload);
        buy(&mut own, &one.buy);
        matrix(&mut own, &one.matrix);
        for problem in own.problems {
            let moved = FEATURE_PATHS.iter().find_map(|(from, to)| {
                problem
                    .path
                    .strip_prefix(from)
                    .filter(|rest| rest.is_empty() || rest.starts_with('.'))
                    .map(|rest| format!("{at}.{to}{rest}"))
            });
            if let Some(path) = moved.filter(|p| !p.starts_with(&format!("{at}.buy.fixed"))) {
                check.problem(&path, problem.message);
            }
        }
    }
}

fn workload(check: &mut Check, workload: &Workload) {
    match &workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => {
            let max = Limits::TOKENS_PER_MONTH;
            check.at_most(
                "workload.volume.input_tokens_per_month",
                input_tokens_per_month,
                max,
            );
            check.at_most(
                "workload.volume.output_tokens_per_month",
                output_tokens_per_month,
                max,
            );
        }
        Volume::Users {
            daily_users,
            requests_per_user_per_day,
            input_tokens_per_request,
            output_tokens_per_request,
        } => {
            let max = Limits::COUNT;
            check.count("workload.volume.daily_users", daily_users, max);
            check.count(
                "workload.volume.requests_per_user_per_day",
                requests_per_user_per_day,
                max,
            );
            check.count(
                "workload.volume.input_tokens_per_request",
                input_tokens_per_request,
                max,
            );
            check.count(
                "workload.volume.output_tokens_per_request",
                output_tokens_per_request,
                max,
            );
        }
    }
    check.change(
        "workload.growth_percent_per_month",
        &workload.growth_percent_per_month,
    );
    check.between(
        "workload.peak_to_average",
        &workload.peak_to_average,
        Decimal::ONE,
        Limits::RATIO,
        "peak traffic is at least the average",
    );
    check.count(
        "workload.reply_tokens",
        &workload.reply_tokens,
        Limits::COUNT,
    );
}

/// A reply speed: 0 is "not known", anything else a real figure.
fn speed(check: &mut Check, path: &str, speed: &Speed) {
    check.count(
        &format!("{path}.first_token_ms"),
        &speed.first_token_ms,
        Limits::LATENCY_MS,
    );
    check.at_most(
        &format!("{path}.output_tokens_per_second"),
        &speed.output_tokens_per_second,
        Limits::TOKENS_PER_SECOND,
    );
}

fn buy(check: &mut Check, buy: &Buy) {
    check.catalog_id("buy.catalog_id", buy.catalog_id.as_deref());
    speed(check, "buy.speed", &buy.speed);
    check.at_most(
        "buy.input_usd_per_1m",
        &buy.input_usd_per_1m,
        Limits::USD_PER_1M,
    );
    check.at_most(
        "buy.output_usd_per_1m",
        &buy.output_usd_per_1m,
        Limits::USD_PER_1M,
    );
    check.share("buy.cached_input_percent", &buy.cached_input_percent);
    check.at_most(
        "buy.cached_input_usd_per_1m",
        &buy.cached_input_usd_per_1m,
        Limits::USD_PER_1M,
    );
    cache_writes(check, buy);
    check.share("buy.batch_percent", &buy.batch_percent);
    check.share("buy.batch_discount_percent", &buy.batch_discount_percent);
    check.share(
        "buy.commitment_discount_percent",
        &buy.commitment_discount_percent,
    );
    check.between(
        "buy.retry_factor",
        &buy.retry_factor,
        Decimal::ONE,
        Limits::RATIO,
        "1 means every call succeeds; 3 means three calls per completed task",
    );
    staff(check, "buy.fixed.operations", &buy.fixed.operations);
    check.at_most(
        "buy.fixed.integration_usd",
        &buy.fixed.integration_usd,
        Limits::USD,
    );
    check.at_most(
        "buy.fixed.platform_usd_per_month",
        &buy.fixed.platform_usd_per_month,
        Limits::USD_PER_PERIOD,
    );
    check.at_most(
        "buy.fixed.committed_usd_per_month",
        &buy.fixed.committed_usd_per_month,
        Limits::USD_PER_PERIOD,
    );
}

/// Input tokens are read from the cache, written to it, or neither: reads and writes together
/// are at most all of them. A write is billed instead of the input price and never below it
/// (a write price left at 0, as in a file from before it, would make writing cheaper than
/// sending).
fn cache_writes(check: &mut Check, buy: &Buy) {
    let path = "buy.cache_write_percent";
    check.share(path, &buy.cache_write_percent);
    let share = |percent: Decimal| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&percent);
    let (reads, writes) = (
        buy.cached_input_percent.value.get(),
        buy.cache_write_percent.value.get(),
    );
    // Each within 0-100% (or already named above), so the sum cannot overflow.
    if share(reads)
        && share(writes)
        && let Some(both) = reads.checked_add(writes)
        && both > Decimal::ONE_HUNDRED
    {
        check.problem(
            path,
            format!(
                "cached input ({reads}%) and cache writes ({writes}%) together must be at most 100% \
                 of input tokens; they are {both}%"
            ),
        );
    }
    check.at_most(
        "buy.cache_write_usd_per_1m",
        &buy.cache_write_usd_per_1m,
        Limits::USD_PER_1M,
    );
    let (input, write) = (
        buy.input_usd_per_1m.value.get(),
        buy.cache_write_usd_per_1m.value.get(),
    );
    if writes > Decimal::ZERO && write >= Decimal::ZERO && write < input {
        check.problem(
            "buy.cache_write_usd_per_1m",
            format!(
                "must be at least the input price ({input} USD per 1M) while input tokens are \
                 written to the cache: a write is billed instead of the input price, never below \
                 it (Anthropic's 5-minute writes cost 1.25 times it; give the input price where \
                 writing costs nothing extra); it is {write}"
            ),
        );
    }
}

fn self_host(check: &mut Check, self_host: &SelfHost) {
    hosting(check, "self_host.hosting", &self_host.hosting);
    staff(check, "self_host.staff", &self_host.staff);
    check.at_most(
        "self_host.security_usd_per_month",
        &self_host.security_usd_per_month,
        Limits::USD_PER_PERIOD,
    );
    check.at_most("self_host.setup_usd", &self_host.setup_usd, Limits::USD);
}

fn price(check: &mut Check, path: &str, price: &InstancePrice) {
    match price {
        InstancePrice::OnDemand { usd_per_hour } => {
            check.at_most(
                &format!("{path}.price.usd_per_hour"),
                usd_per_hour,
                Limits::USD_PER_HOUR,
            );
        }
        InstancePrice::Reserved {
            usd_per_hour,
            term_months,
        } => {
            check.at_most(
                &format!("{path}.price.usd_per_hour"),
                usd_per_hour,
                Limits::USD_PER_HOUR,
            );
            check.months(&format!("{path}.price.term_months"), *term_months, 1);
        }
        InstancePrice::Monthly { usd_per_month } => {
            check.at_most(
                &format!("{path}.price.usd_per_month"),
                usd_per_month,
                Limits::USD_PER_PERIOD,
            );
        }
        InstancePrice::PerBusyHour {
            usd_per_hour,
            buffer_percent,
            minimum_hours_per_month,
        } => {
            check.between(
                &format!("{path}.price.minimum_hours_per_month"),
                minimum_hours_per_month,
                Decimal::ZERO,
                HOURS_PER_MONTH,
                "a month is 730 hours; 0 for no minimum",
            );
            check.at_most(
                &format!("{path}.price.usd_per_hour"),
                usd_per_hour,
                Limits::USD_PER_HOUR,
            );
            check.at_most(
                &format!("{path}.price.buffer_percent"),
                buffer_percent,
                Limits::BUFFER_PERCENT,
            );
        }
        InstancePrice::Owned(server) => owned(check, &format!("{path}.price"), server),
    }
}

fn hosting(check: &mut Check, path: &str, hosting: &Hosting) {
    check.catalog_id(&format!("{path}.catalog_id"), hosting.catalog_id.as_deref());
    speed(check, &format!("{path}.speed"), &hosting.speed);
    price(check, path, &hosting.price);
    if matches!(hosting.price, InstancePrice::PerBusyHour { .. })
        && matches!(hosting.throughput, Throughput::Unlimited)
    {
        check.problem(
            &format!("{path}.throughput"),
            "a price per busy hour needs a measured throughput to count the busy hours".to_owned(),
        );
    }
    check.between(
        &format!("{path}.hours_in_service_per_month"),
        &hosting.hours_in_service_per_month,
        Decimal::ONE,
        HOURS_PER_MONTH,
        "a month is 730 hours; fewer when instances scale to zero",
    );
    if let Throughput::Measured {
        model,
        output_tokens_per_second,
        concurrency,
        input_tokens_per_request,
        output_tokens_per_request,
    } = &hosting.throughput
    {
        let at = format!("{path}.throughput");
        check.text(&format!("{at}.model"), model, Limits::SHORT_TEXT);
        let rate = &output_tokens_per_second;
        check.positive(
            &format!("{at}.output_tokens_per_second"),
            rate,
            Limits::TOKENS_PER_SECOND,
        );
        if *concurrency == 0 {
            check.problem(
                &format!("{at}.concurrency"),
                "must be 1 or more concurrent requests".into(),
            );
        }
        let input = Sourced::bare(*input_tokens_per_request);
        check.count(
            &format!("{at}.input_tokens_per_request"),
            &input,
            Limits::COUNT,
        );
        let output = Sourced::bare(*output_tokens_per_request);
        check.positive(
            &format!("{at}.output_tokens_per_request"),
            &output,
            Limits::COUNT,
        );
    }
    check.between(
        &format!("{path}.target_utilisation_percent"),
        &hosting.target_utilisation_percent,
        Decimal::ONE,
        Decimal::ONE_HUNDRED,
        "the share of an instance's throughput you plan to use",
    );
    if hosting.min_instances.value > Limits::INSTANCES {
        check.problem(
            &format!("{path}.min_instances"),
            format!(
                "must be at most {}; it is {}",
                group_thousands(Limits::INSTANCES.into()),
                hosting.min_instances.value
            ),
        );
    }
    check.source(&format!("{path}.min_instances"), &hosting.min_instances);
}

fn owned(check: &mut Check, path: &str, server: &OwnedServer) {
    check.at_most(
        &format!("{path}.purchase_usd"),
        &server.purchase_usd,
        Limits::USD,
    );
    check.at_most(
        &format!("{path}.installation_usd"),
        &server.installation_usd,
        Limits::USD,
    );
    check.sourced_months(&format!("{path}.life_months"), &server.life_months, 1);
    check.share(&format!("{path}.resale_percent"), &server.resale_percent);
    check.share(
        &format!("{path}.capital_percent_per_year"),
        &server.capital_percent_per_year,
    );
    check.share(
        &format!("{path}.maintenance_percent_per_year"),
        &server.maintenance_percent_per_year,
    );
    check.at_most(
        &format!("{path}.power_kw"),
        &server.power_kw,
        Limits::KILOWATTS,
    );
    check.between(
        &format!("{path}.pue"),
        &server.pue,
        Decimal::ONE,
        Limits::RATIO,
        "a facility draws at least what its servers draw: 1 is perfect, 1.4 is typical",
    );
    check.at_most(
        &format!("{path}.usd_per_kwh"),
        &server.usd_per_kwh,
        Limits::USD_PER_KWH,
    );
    check.at_most(
        &format!("{path}.facilities_usd_per_month"),
        &server.facilities_usd_per_month,
        Limits::USD_PER_PERIOD,
    );
}

fn staff(check: &mut Check, path: &str, staff: &Staff) {
    match staff {
        Staff::Hours {
            hours_per_month,
            usd_per_hour,
        } => {
            check.at_most(
                &format!("{path}.hours_per_month"),
                hours_per_month,
                Limits::STAFF_HOURS_PER_MONTH,
            );
            check.at_most(
                &format!("{path}.usd_per_hour"),
                usd_per_hour,
                Limits::USD_PER_HOUR,
            );
        }
        Staff::People {
            people,
            loaded_usd_per_year,
        } => {
            check.count(&format!("{path}.people"), people, Limits::COUNT);
            check.at_most(
                &format!("{path}.loaded_usd_per_year"),
                loaded_usd_per_year,
                Limits::USD_PER_PERIOD,
            );
        }
    }
}

fn fine_tune(check: &mut Check, fine_tune: &FineTune) {
    check.share("fine_tune.routed_percent", &fine_tune.routed_percent);
    check.share("fine_tune.fallback_percent", &fine_tune.fallback_percent);
    match &fine_tune.serving {
        TunedServing::Hosted(hosting) => self::hosting(check, "fine_tune.serving.hosting", hosting),
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
            speed: reply,
        } => {
            speed(check, "fine_tune.serving.speed", reply);
            check.at_most(
                "fine_tune.serving.input_usd_per_1m",
                input_usd_per_1m,
                Limits::USD_PER_1M,
            );
            check.at_most(
                "fine_tune.serving.output_usd_per_1m",
                output_usd_per_1m,
                Limits::USD_PER_1M,
            );
        }
        TunedServing::Flat {
            usd_per_month,
            tokens_per_month,
            speed: reply,
        } => {
            speed(check, "fine_tune.serving.speed", reply);
            check.at_most(
                "fine_tune.serving.usd_per_month",
                usd_per_month,
                Limits::USD_PER_PERIOD,
            );
            let path = "fine_tune.serving.tokens_per_month";
            if tokens_per_month.value.get() <= Decimal::ZERO {
                check.problem(
                    path,
                    format!(
                        "a flat fee covers only so much traffic: give the tokens a month it covers (the contract's \
                         limit, or what a load test shows the service carries); it is {}",
                        tokens_per_month.value
                    ),
                );
            } else {
                check.at_most(path, tokens_per_month, Limits::TOKENS_PER_MONTH);
            }
        }
    }
    check.at_most(
        "fine_tune.curation_usd_per_run",
        &fine_tune.curation_usd_per_run,
        Limits::USD,
    );
    check.at_most(
        "fine_tune.training_usd_per_run",
        &fine_tune.training_usd_per_run,
        Limits::USD,
    );
    check.at_most(
        "fine_tune.evaluation_usd_per_run",
        &fine_tune.evaluation_usd_per_run,
        Limits::USD,
    );
    check.sourced_months(
        "fine_tune.retrain_every_months",
        &fine_tune.retrain_every_months,
        0,
    );
    staff(check, "fine_tune.staff", &fine_tune.staff);
}

fn pretrain(check: &mut Check, pretrain: &Pretrain) {
    check.at_most("pretrain.corpus_usd", &pretrain.corpus_usd, Limits::USD);
    check.at_most("pretrain.compute_usd", &pretrain.compute_usd, Limits::USD);
    staff(check, "pretrain.team", &pretrain.team);
    check.sourced_months("pretrain.build_months", &pretrain.build_months, 0);
    hosting(check, "pretrain.hosting", &pretrain.hosting);
}

fn left_out(check: &mut Check, left_out: &[crate::phase::Phase]) {
    if crate::phase::Phase::ALL
        .iter()
        .all(|p| left_out.contains(p))
    {
        check.problem(
            "left_out",
            "leaves out every option: keep at least one on the table".to_owned(),
        );
    }
}

fn horizon(check: &mut Check, horizon: &Horizon) {
    check.sourced_months("horizon.months", &horizon.months, 1);
    check.change(
        "horizon.api_price_change_percent_per_year",
        &horizon.api_price_change_percent_per_year,
    );
    check.change(
        "horizon.gpu_price_change_percent_per_year",
        &horizon.gpu_price_change_percent_per_year,
    );
    check.change(
        "horizon.api_price_step_percent",
        &horizon.api_price_step_percent,
    );
    let stepped = !horizon.api_price_step_percent.value.get().is_zero();
    check.sourced_months(
        "horizon.api_price_step_month",
        &horizon.api_price_step_month,
        u32::from(stepped),
    );
    check.sourced_months("horizon.build_months", &horizon.build_months, 0);
    check.sourced_months(
        "horizon.parallel_run_months",
        &horizon.parallel_run_months,
        0,
    );
    check.share(
        "horizon.discount_rate_percent_per_year",
        &horizon.discount_rate_percent_per_year,
    );
}

fn revenue(check: &mut Check, revenue: &Revenue) {
    check.at_most(
        "revenue.usd_per_month",
        &revenue.usd_per_month,
        Limits::USD_PER_PERIOD,
    );
    check.change(
        "revenue.growth_percent_per_month",
        &revenue.growth_percent_per_month,
    );
    check.at_most(
        "revenue.other_cost_of_revenue_usd_per_month",
        &revenue.other_cost_of_revenue_usd_per_month,
        Limits::USD_PER_PERIOD,
    );
}

fn matrix(check: &mut Check, matrix: &Matrix) {
    let fit = &matrix.fine_tuning_fit;
    if let Some(examples) = &fit.labelled_examples {
        check.count(
            "matrix.fine_tuning_fit.labelled_examples",
            examples,
            Limits::COUNT,
        );
    }
    if let Some(latency) = &fit.latency_target_ms {
        check.count(
            "matrix.fine_tuning_fit.latency_target_ms",
            latency,
            Limits::LATENCY_MS,
        );
    }
    let eng = &matrix.engineering;
    for (path, people) in [
        ("matrix.engineering.ml_people", &eng.ml_people),
        ("matrix.engineering.infra_people", &eng.infra_people),
    ] {
        if let Some(people) = people {
            check.count(path, people, Limits::COUNT);
        }
    }
    let pre = &matrix.pretraining;
    if let Some(corpus) = &pre.unique_corpus_tokens {
        check.count(
            "matrix.pretraining.unique_corpus_tokens",
            corpus,
            Limits::TOKENS_PER_MONTH,
        );
    }
    if let Some(budget) = &pre.budget_usd {
        check.at_most("matrix.pretraining.budget_usd", budget, Limits::USD);
    }
    if let Some(months) = &pre.months_available {
        check.sourced_months("matrix.pretraining.months_available", months, 0);
    }
}

fn preset(check: &mut Check, choice: &PresetChoice) {
    let preset = match choice {
        PresetChoice::BuiltIn(id) => {
            if !built_in().iter().any(|p| &p.id == id) {
                let known: Vec<&str> = built_in().iter().map(|p| p.id.as_str()).collect();
                check.problem(
                    "rule_preset",
                    format!(
                        "`{id}` is not a built-in preset; the presets are {}",
                        known.join(", ")
                    ),
                );
            }
            return;
        }
        PresetChoice::Custom(preset) => preset,
    };
    let path = "rule_preset.Custom";
    check.text(&format!("{path}.id"), &preset.id, Limits::SHORT_TEXT);
    check.text(&format!("{path}.name"), &preset.name, Limits::SHORT_TEXT);
    if preset.spend.len() > Limits::SPEND_THRESHOLDS {
        check.problem(
            &format!("{path}.spend"),
            format!(
                "must have at most {} thresholds; it has {}",
                Limits::SPEND_THRESHOLDS,
                preset.spend.len()
            ),
        );
    }
    for (i, t) in preset.spend.iter().enumerate() {
        let at = format!("{path}.spend[{i}]");
        check.at_most(&format!("{at}.usd"), &Sourced::bare(t.usd), Limits::USD);
        check.text(&format!("{at}.says"), &t.says, Limits::SHORT_TEXT);
        check.text(&format!("{at}.source"), &t.source, Limits::SHORT_TEXT);
    }
    let counts = [
        ("examples_fit", &preset.examples_fit),
        ("examples_overfit", &preset.examples_overfit),
        ("latency_ms", &preset.latency_ms),
        ("self_host_team", &preset.self_host_team),
        ("fine_tune_team", &preset.fine_tune_team),
        ("review_due_months", &preset.review_due_months),
        ("review_overdue_months", &preset.review_overdue_months),
        ("pretrain_months", &preset.pretrain_months),
    ];
    for (name, threshold) in counts {
        check.count(
            &format!("{path}.{name}.value"),
            &Sourced::bare(threshold.value),
            Limits::COUNT,
        );
        check.text(
            &format!("{path}.{name}.source"),
            &threshold.source,
            Limits::SHORT_TEXT,
        );
    }
    check.count(
        &format!("{path}.pretrain_corpus.value"),
        &Sourced::bare(preset.pretrain_corpus.value),
        Limits::TOKENS_PER_MONTH,
    );
    check.at_most(
        &format!("{path}.pretrain_budget.value"),
        &Sourced::bare(preset.pretrain_budget.value),
        Limits::USD,
    );
}

/// Collects problems as the scenario is walked.
#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

/// A range's ends as values of their own, to be checked as the value is: `low` and `high`.
fn ends<T: Copy>(field: &Sourced<T>) -> Vec<(&'static str, Sourced<T>)> {
    field
        .range()
        .map(|(low, high)| vec![("low", Sourced::bare(*low)), ("high", Sourced::bare(*high))])
        .unwrap_or_default()
}

impl Check {
    fn problem(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message,
        });
    }

    /// A value in `[min, max]`, with `why` saying what the range means.
    fn between<T: Quantity>(
        &mut self,
        path: &str,
        field: &Sourced<T>,
        min: Decimal,
        max: Decimal,
        why: &str,
    ) {
        let value = field.value.get();
        if value < min || value > max {
            let unit = T::UNIT;
            self.problem(
                path,
                format!(
                    "must be between {} and {} {unit} ({why}); it is {value}",
                    group_thousands(min),
                    group_thousands(max),
                ),
            );
        }
        for (end, bound) in ends(field) {
            self.between(&format!("{path}.{end}"), &bound, min, max, why);
        }
        self.source(path, field);
    }

    /// A money amount, price, rate or volume: zero or more, at most `max`.
    fn at_most<T: Quantity>(&mut self, path: &str, field: &Sourced<T>, max: Decimal) {
        let value = field.value.get();
        if value.is_sign_negative() && !value.is_zero() {
            self.problem(
                path,
                format!("must not be negative; it is {value} {}", T::UNIT),
            );
        } else if value > max {
            self.problem(
                path,
                format!(
                    "must be at most {} {}, far beyond any real scenario; it is {value}",
                    group_thousands(max),
                    T::UNIT
                ),
            );
        }
        for (end, bound) in ends(field) {
            self.at_most(&format!("{path}.{end}"), &bound, max);
        }
        self.source(path, field);
    }

    /// Like [`Check::at_most`] but for plain counts, which have no unit.
    fn count<T: Quantity>(&mut self, path: &str, field: &Sourced<T>, max: Decimal) {
        let value = field.value.get();
        if value.is_sign_negative() && !value.is_zero() {
            self.problem(path, format!("must not be negative; it is {value}"));
        } else if value > max {
            self.problem(
                path,
                format!("must be at most {}; it is {value}", group_thousands(max)),
            );
        }
        for (end, bound) in ends(field) {
            self.count(&format!("{path}.{end}"), &bound, max);
        }
        self.source(path, field);
    }

    /// A divisor: above zero, at most `max`.
    fn positive<T: Quantity>(&mut self, path: &str, field: &Sourced<T>, max: Decimal) {
        let value = field.value.get();
        if let Some((low, _)) = field.range()
            && low.get() <= Decimal::ZERO
        {
            self.problem(
                &format!("{path}.low"),
                format!("must be above zero; it is {}", low.get()),
            );
        }
        if value <= Decimal::ZERO {
            self.problem(path, format!("must be above zero; it is {value}"));
        } else {
            self.count(path, field, max);
        }
    }

    /// A share of something: 0 % to 100 %.
    fn share<T: Quantity>(&mut self, path: &str, field: &Sourced<T>) {
        let value = field.value.get();
        if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
            self.problem(path, format!("must be between 0% and 100%; it is {value}%"));
        }
        for (end, bound) in ends(field) {
            self.share(&format!("{path}.{end}"), &bound);
        }
        self.source(path, field);
    }

    /// A growth or a trend: -100 % (everything gone) to +100 % per period.
    fn change<T: Quantity>(&mut self, path: &str, field: &Sourced<T>) {
        let value = field.value.get();
        let max = Limits::CHANGE_PERCENT;
        if value.abs() > max {
            self.problem(
                path,
                format!("must be between -{max}% and {max}%; it is {value}%"),
            );
        }
        for (end, bound) in ends(field) {
            self.change(&format!("{path}.{end}"), &bound);
        }
        self.source(path, field);
    }

    fn months(&mut self, path: &str, months: u32, min: u32) {
        if months < min || months > Limits::MONTHS {
            self.problem(
                path,
                format!(
                    "must be between {min} and {} months; it is {months}",
                    Limits::MONTHS
                ),
            );
        }
    }

    fn sourced_months(&mut self, path: &str, field: &Sourced<u32>, min: u32) {
        self.months(path, field.value, min);
        if let Some((low, high)) = field.range() {
            self.months(&format!("{path}.low"), *low, min);
            self.months(&format!("{path}.high"), *high, min);
        }
        self.source(path, field);
    }

    /// The note's length, and a range's order: both ends or neither, low ≤ value ≤ high.
    fn source<T: PartialOrd + Written>(&mut self, path: &str, field: &Sourced<T>) {
        if let Some(source) = &field.source {
            self.text(&format!("{path}.source"), source, Limits::SHORT_TEXT);
        }
        match (&field.low, &field.high) {
            (Some(low), Some(high)) => {
                if low > high {
                    self.problem(
                        &format!("{path}.low"),
                        format!(
                            "the low end of the range ({}) is above its high end ({})",
                            low.written(),
                            high.written()
                        ),
                    );
                } else if field.value < *low || field.value > *high {
                    self.problem(
                        path,
                        format!(
                            "the value {} is outside its range, {} to {}: the range is the value's 90% interval",
                            field.value.written(),
                            low.written(),
                            high.written()
                        ),
                    );
                }
            }
            (Some(_), None) => self.problem(
                &format!("{path}.high"),
                "a range needs both ends: give `high` too, or remove `low`".to_owned(),
            ),
            (None, Some(_)) => self.problem(
                &format!("{path}.low"),
                "a range needs both ends: give `low` too, or remove `high`".to_owned(),
            ),
            (None, None) => {}
        }
    }

    fn text(&mut self, path: &str, text: &str, max_chars: usize) {
        let chars = text.chars().count();
        if chars > max_chars {
            self.problem(
                path,
                format!("must be at most {max_chars} characters long; it is {chars}"),
            );
        }
    }

    fn catalog_id(&mut self, path: &str, id: Option<&str>) {
        if let Some(id) = id {
            if id.trim().is_empty() {
                self.problem(
                    path,
                    "must name a catalog entry, or be left out for your own numbers".into(),
                );
            }
            self.text(path, id, Limits::SHORT_TEXT);
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::scenario::from_ron_str;
    use crate::units::{Percent, UsdPerMillionTokens};

    fn paths(scenario: &Scenario) -> Vec<String> {
        validate(scenario).into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn each_feature_is_shown_its_own_problems_and_the_shared_ones() {
        let problem = |path: &str| Problem {
            path: path.to_owned(),
            message: "wrong".to_owned(),
        };
        let problems = [
            problem("workload.growth_percent_per_month"),
            problem("feature"),
            problem("buy.fixed.platform_usd_per_month"),
            problem("horizon.months"),
            problem("more_features"),
            problem("more_features[0].name"),
            problem("more_features[0].fine_tuning_fit.gap"),
            problem("more_features[1].workload.peak_to_average"),
        ];
        let paths = |index| -> Vec<String> {
            feature_problems(&problems, index)
                .into_iter()
                .map(|p| p.path)
                .collect()
        };
        assert_eq!(
            paths(0),
            [
                "workload.growth_percent_per_month",
                "feature",
                "buy.fixed.platform_usd_per_month",
                "horizon.months",
                "more_features"
            ]
        );
        assert_eq!(
            paths(1),
            [
                "buy.fixed.platform_usd_per_month",
                "horizon.months",
                "more_features",
                "feature",
                "matrix.fine_tuning_fit.gap"
            ]
        );
        assert_eq!(
            paths(2),
            [
                "buy.fixed.platform_usd_per_month",
                "horizon.months",
                "more_features",
                "workload.peak_to_average"
            ]
        );
    }

    #[test]
    fn cache_reads_and_writes_above_all_input_tokens_are_refused_naming_the_writes() {
        let mut scenario = Scenario::embedded_default();
        scenario.buy.cache_write_usd_per_1m.value = scenario.buy.input_usd_per_1m.value;
        // The default reads 20% of its input from the cache.
        scenario.buy.cache_write_percent.value = Percent::new(dec!(80));
        assert_eq!(validate(&scenario), []);
        scenario.buy.cache_write_percent.value = Percent::new(dec!(80.5));
        let problems = validate(&scenario);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "buy.cache_write_percent");
        assert!(
            problems[0]
                .message
                .contains("together must be at most 100%")
                && problems[0].message.contains("they are 100.5%"),
            "{problems:?}"
        );
        // In a file, the same.
        let text = crate::scenario::to_ron_string(&scenario).expect("writes");
        let error = from_ron_str(&text).unwrap_err().to_string();
        assert!(error.contains("buy.cache_write_percent"), "{error}");
    }

    #[test]
    fn a_write_share_needs_a_write_price_of_at_least_the_input_price() {
        let mut scenario = Scenario::embedded_default();
        // A file from before cache writes: no share, no price, and nothing to refuse.
        assert!(scenario.buy.cache_write_usd_per_1m.is_unset());
        scenario.buy.cache_write_percent.value = Percent::new(dec!(5));
        assert_eq!(paths(&scenario), ["buy.cache_write_usd_per_1m"]);
        scenario.buy.cache_write_usd_per_1m.value = UsdPerMillionTokens::new(dec!(0.15));
        assert_eq!(paths(&scenario), Vec::<String>::new());
    }
}
