//! Every number of a scenario that can carry a range, with its path in the file, in one walk:
//! the Monte Carlo finds the ranged ones once, then sets a sample into each, many times, without
//! building a path or serialising anything.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use crate::scenario::{
    Buy, FineTune, Horizon, Hosting, InstancePrice, Matrix, Scenario, Speed, Staff, Throughput,
    TunedServing, Volume, Workload,
};
use crate::sourced::Sourced;
use crate::units::Quantity;

/// A path in the file, in two parts so that a walk builds none: a site (`self_host.hosting`, or
/// empty) and the rest (`price.usd_per_hour`).
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    /// Where the group of inputs is.
    pub site: &'a str,
    /// The input below it.
    pub name: &'a str,
}

impl Path<'_> {
    /// The whole path: `self_host.hosting.price.usd_per_hour`.
    #[must_use]
    pub fn joined(&self) -> String {
        if self.site.is_empty() {
            self.name.to_owned()
        } else {
            format!("{}.{}", self.site, self.name)
        }
    }
}

/// A number that may be uncertain, seen without its type.
pub trait Uncertain {
    /// Low, value and high as floats, when the number carries a range.
    fn interval(&self) -> Option<[f64; 3]>;
    /// The value as a float.
    fn value_f64(&self) -> f64;
    /// Sets the value to a sample, kept inside what the quantity allows: never below zero when
    /// the whole range is at or above zero, never above 100% for a share. The sample is one
    /// certain value: its range goes, so a draw in a tail is not "outside its range".
    fn set_sample(&mut self, x: f64);
}

/// The decimals a sample keeps: far below a cent of any figure, and exact to print.
const SAMPLE_DECIMALS: u32 = 6;

impl<Q: Quantity> Uncertain for Sourced<Q> {
    fn interval(&self) -> Option<[f64; 3]> {
        let (low, high) = self.range()?;
        Some([
            low.get().to_f64()?,
            self.value.get().to_f64()?,
            high.get().to_f64()?,
        ])
    }

    fn value_f64(&self) -> f64 {
        self.value.get().to_f64().unwrap_or(0.0)
    }

    fn set_sample(&mut self, x: f64) {
        let Some((low, high)) = self.range().map(|(l, h)| (l.get(), h.get())) else {
            return;
        };
        let mut x = Decimal::from_f64(x).unwrap_or(self.value.get());
        if low >= Decimal::ZERO {
            x = x.max(Decimal::ZERO);
        }
        if Q::UNIT == "%" && high <= Decimal::ONE_HUNDRED {
            x = x.min(Decimal::ONE_HUNDRED);
        }
        self.value = Q::from_decimal(x.round_dp(SAMPLE_DECIMALS));
        self.clear_range();
    }
}

impl Uncertain for Sourced<u32> {
    fn interval(&self) -> Option<[f64; 3]> {
        let (low, high) = self.range()?;
        Some([f64::from(*low), f64::from(self.value), f64::from(*high)])
    }

    fn value_f64(&self) -> f64 {
        f64::from(self.value)
    }

    fn set_sample(&mut self, x: f64) {
        if self.range().is_none() {
            return;
        }
        // Whole months, instances or runs: the nearest, never below zero.
        self.value = x
            .round()
            .clamp(0.0, f64::from(u32::MAX))
            .to_u32()
            .unwrap_or(self.value);
        self.clear_range();
    }
}

/// Calls `f` on every number of `scenario` that can carry a range, in file order, with its path.
pub fn each_number(scenario: &mut Scenario, f: &mut dyn FnMut(Path<'_>, &mut dyn Uncertain)) {
    {
        let mut at = |name: &str, value: &mut dyn Uncertain| f(Path { site: "", name }, value);
        workload(&mut scenario.workload, &mut at);
        buy(&mut scenario.buy, &mut at);
    }
    hosting(&mut scenario.self_host.hosting, "self_host.hosting", f);
    staff(&mut scenario.self_host.staff, "self_host.staff", f);
    {
        let mut at = |name: &str, value: &mut dyn Uncertain| f(Path { site: "", name }, value);
        let own = &mut scenario.self_host;
        at(
            "self_host.security_usd_per_month",
            &mut own.security_usd_per_month,
        );
        at("self_host.setup_usd", &mut own.setup_usd);
        fine_tune(&mut scenario.fine_tune, &mut at);
    }
    if let TunedServing::Hosted(tuned) = &mut scenario.fine_tune.serving {
        hosting(tuned, "fine_tune.serving", f);
    }
    staff(&mut scenario.fine_tune.staff, "fine_tune.staff", f);
    {
        let mut at = |name: &str, value: &mut dyn Uncertain| f(Path { site: "", name }, value);
        let built = &mut scenario.pretrain;
        at("pretrain.corpus_usd", &mut built.corpus_usd);
        at("pretrain.compute_usd", &mut built.compute_usd);
        at("pretrain.build_months", &mut built.build_months);
    }
    staff(&mut scenario.pretrain.team, "pretrain.team", f);
    hosting(&mut scenario.pretrain.hosting, "pretrain.hosting", f);
    let mut at = |name: &str, value: &mut dyn Uncertain| f(Path { site: "", name }, value);
    horizon(&mut scenario.horizon, &mut at);
    if let Some(revenue) = &mut scenario.revenue {
        at("revenue.usd_per_month", &mut revenue.usd_per_month);
        at(
            "revenue.growth_percent_per_month",
            &mut revenue.growth_percent_per_month,
        );
        at(
            "revenue.other_cost_of_revenue_usd_per_month",
            &mut revenue.other_cost_of_revenue_usd_per_month,
        );
    }
    matrix(&mut scenario.matrix, &mut at);
}

fn workload(workload: &mut Workload, at: &mut dyn FnMut(&str, &mut dyn Uncertain)) {
    match &mut workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => {
            at(
                "workload.volume.input_tokens_per_month",
                input_tokens_per_month,
            );
            at(
                "workload.volume.output_tokens_per_month",
                output_tokens_per_month,
            );
        }
        Volume::Users {
            daily_users,
            requests_per_user_per_day,
            input_tokens_per_request,
            output_tokens_per_request,
        } => {
            at("workload.volume.daily_users", daily_users);
            at(
                "workload.volume.requests_per_user_per_day",
                requests_per_user_per_day,
            );
            at(
                "workload.volume.input_tokens_per_request",
                input_tokens_per_request,
            );
            at(
                "workload.volume.output_tokens_per_request",
                output_tokens_per_request,
            );
        }
    }
    at(
        "workload.growth_percent_per_month",
        &mut workload.growth_percent_per_month,
    );
    at("workload.peak_to_average", &mut workload.peak_to_average);
    at("workload.reply_tokens", &mut workload.reply_tokens);
}

fn fine_tune(tuned: &mut FineTune, at: &mut dyn FnMut(&str, &mut dyn Uncertain)) {
    at("fine_tune.routed_percent", &mut tuned.routed_percent);
    at("fine_tune.fallback_percent", &mut tuned.fallback_percent);
    match &mut tuned.serving {
        TunedServing::Hosted(_) => {}
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
            speed: reply,
        } => {
            at("fine_tune.serving.input_usd_per_1m", input_usd_per_1m);
            at("fine_tune.serving.output_usd_per_1m", output_usd_per_1m);
            speed(reply, "fine_tune.serving.speed", at);
        }
        TunedServing::Flat {
            usd_per_month,
            tokens_per_month,
            speed: reply,
        } => {
            at("fine_tune.serving.usd_per_month", usd_per_month);
            at("fine_tune.serving.tokens_per_month", tokens_per_month);
            speed(reply, "fine_tune.serving.speed", at);
        }
    }
    at(
        "fine_tune.curation_usd_per_run",
        &mut tuned.curation_usd_per_run,
    );
    at(
        "fine_tune.training_usd_per_run",
        &mut tuned.training_usd_per_run,
    );
    at(
        "fine_tune.evaluation_usd_per_run",
        &mut tuned.evaluation_usd_per_run,
    );
    at(
        "fine_tune.retrain_every_months",
        &mut tuned.retrain_every_months,
    );
}

fn matrix(answers: &mut Matrix, at: &mut dyn FnMut(&str, &mut dyn Uncertain)) {
    let fit = &mut answers.fine_tuning_fit;
    if let Some(v) = &mut fit.labelled_examples {
        at("matrix.fine_tuning_fit.labelled_examples", v);
    }
    if let Some(v) = &mut fit.latency_target_ms {
        at("matrix.fine_tuning_fit.latency_target_ms", v);
    }
    if let Some(v) = &mut answers.engineering.ml_people {
        at("matrix.engineering.ml_people", v);
    }
    if let Some(v) = &mut answers.engineering.infra_people {
        at("matrix.engineering.infra_people", v);
    }
    let facts = &mut answers.pretraining;
    if let Some(v) = &mut facts.unique_corpus_tokens {
        at("matrix.pretraining.unique_corpus_tokens", v);
    }
    if let Some(v) = &mut facts.budget_usd {
        at("matrix.pretraining.budget_usd", v);
    }
    if let Some(v) = &mut facts.months_available {
        at("matrix.pretraining.months_available", v);
    }
}

fn buy(b: &mut Buy, at: &mut dyn FnMut(&str, &mut dyn Uncertain)) {
    at("buy.input_usd_per_1m", &mut b.input_usd_per_1m);
    at("buy.output_usd_per_1m", &mut b.output_usd_per_1m);
    at("buy.cached_input_percent", &mut b.cached_input_percent);
    at(
        "buy.cached_input_usd_per_1m",
        &mut b.cached_input_usd_per_1m,
    );
    at("buy.cache_write_percent", &mut b.cache_write_percent);
    at("buy.cache_write_usd_per_1m", &mut b.cache_write_usd_per_1m);
    at("buy.batch_percent", &mut b.batch_percent);
    at("buy.batch_discount_percent", &mut b.batch_discount_percent);
    at(
        "buy.commitment_discount_percent",
        &mut b.commitment_discount_percent,
    );
    at("buy.retry_factor", &mut b.retry_factor);
    match &mut b.fixed.operations {
        Staff::Hours {
            hours_per_month,
            usd_per_hour,
        } => {
            at("buy.fixed.operations.hours_per_month", hours_per_month);
            at("buy.fixed.operations.usd_per_hour", usd_per_hour);
        }
        Staff::People {
            people,
            loaded_usd_per_year,
        } => {
            at("buy.fixed.operations.people", people);
            at(
                "buy.fixed.operations.loaded_usd_per_year",
                loaded_usd_per_year,
            );
        }
    }
    at("buy.fixed.integration_usd", &mut b.fixed.integration_usd);
    at(
        "buy.fixed.platform_usd_per_month",
        &mut b.fixed.platform_usd_per_month,
    );
    at(
        "buy.fixed.committed_usd_per_month",
        &mut b.fixed.committed_usd_per_month,
    );
    speed(&mut b.speed, "buy.speed", at);
}

fn speed(s: &mut Speed, site: &str, at: &mut dyn FnMut(&str, &mut dyn Uncertain)) {
    // The two sites are known: no path is built.
    let (first, per_second) = match site {
        "buy.speed" => (
            "buy.speed.first_token_ms",
            "buy.speed.output_tokens_per_second",
        ),
        _ => (
            "fine_tune.serving.speed.first_token_ms",
            "fine_tune.serving.speed.output_tokens_per_second",
        ),
    };
    at(first, &mut s.first_token_ms);
    at(per_second, &mut s.output_tokens_per_second);
}

fn staff(s: &mut Staff, site: &str, f: &mut dyn FnMut(Path<'_>, &mut dyn Uncertain)) {
    let mut at = |name: &str, value: &mut dyn Uncertain| f(Path { site, name }, value);
    match s {
        Staff::Hours {
            hours_per_month,
            usd_per_hour,
        } => {
            at("hours_per_month", hours_per_month);
            at("usd_per_hour", usd_per_hour);
        }
        Staff::People {
            people,
            loaded_usd_per_year,
        } => {
            at("people", people);
            at("loaded_usd_per_year", loaded_usd_per_year);
        }
    }
}

fn hosting(h: &mut Hosting, site: &str, f: &mut dyn FnMut(Path<'_>, &mut dyn Uncertain)) {
    let mut at = |name: &str, value: &mut dyn Uncertain| f(Path { site, name }, value);
    match &mut h.price {
        InstancePrice::OnDemand { usd_per_hour } | InstancePrice::Reserved { usd_per_hour, .. } => {
            at("price.usd_per_hour", usd_per_hour);
        }
        InstancePrice::Monthly { usd_per_month } => at("price.usd_per_month", usd_per_month),
        InstancePrice::PerBusyHour {
            usd_per_hour,
            buffer_percent,
            minimum_hours_per_month,
        } => {
            at("price.usd_per_hour", usd_per_hour);
            at("price.buffer_percent", buffer_percent);
            at("price.minimum_hours_per_month", minimum_hours_per_month);
        }
        InstancePrice::Owned(o) => {
            at("price.purchase_usd", &mut o.purchase_usd);
            at("price.installation_usd", &mut o.installation_usd);
            at("price.life_months", &mut o.life_months);
            at("price.resale_percent", &mut o.resale_percent);
            at(
                "price.capital_percent_per_year",
                &mut o.capital_percent_per_year,
            );
            at(
                "price.maintenance_percent_per_year",
                &mut o.maintenance_percent_per_year,
            );
            at("price.power_kw", &mut o.power_kw);
            at("price.pue", &mut o.pue);
            at("price.usd_per_kwh", &mut o.usd_per_kwh);
            at(
                "price.facilities_usd_per_month",
                &mut o.facilities_usd_per_month,
            );
        }
    }
    at(
        "hours_in_service_per_month",
        &mut h.hours_in_service_per_month,
    );
    if let Throughput::Measured {
        output_tokens_per_second,
        ..
    } = &mut h.throughput
    {
        at(
            "throughput.output_tokens_per_second",
            output_tokens_per_second,
        );
    }
    at(
        "target_utilisation_percent",
        &mut h.target_utilisation_percent,
    );
    at("min_instances", &mut h.min_instances);
    at("speed.first_token_ms", &mut h.speed.first_token_ms);
    at(
        "speed.output_tokens_per_second",
        &mut h.speed.output_tokens_per_second,
    );
}

fn horizon(h: &mut Horizon, at: &mut dyn FnMut(&str, &mut dyn Uncertain)) {
    at("horizon.months", &mut h.months);
    at(
        "horizon.api_price_change_percent_per_year",
        &mut h.api_price_change_percent_per_year,
    );
    at(
        "horizon.gpu_price_change_percent_per_year",
        &mut h.gpu_price_change_percent_per_year,
    );
    at(
        "horizon.api_price_step_percent",
        &mut h.api_price_step_percent,
    );
    at("horizon.api_price_step_month", &mut h.api_price_step_month);
    at("horizon.build_months", &mut h.build_months);
    at("horizon.parallel_run_months", &mut h.parallel_run_months);
    at(
        "horizon.discount_rate_percent_per_year",
        &mut h.discount_rate_percent_per_year,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::inputs;

    /// The paths of `s`'s numbers that can carry a range, as the walk sees them.
    fn walked(s: &mut Scenario) -> Vec<String> {
        let mut out = Vec::new();
        each_number(s, &mut |path, _| out.push(path.joined()));
        out
    }

    #[test]
    fn the_walk_meets_every_sourced_number_of_every_example_once() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .expect("the examples")
            .map(|e| e.expect("an entry").path())
            .collect();
        files.sort();
        assert!(files.len() > 5);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable");
            let mut s = crate::scenario::from_ron_str(&text).expect("loads");
            // Every input with a value and a note or mark is a Sourced number, unless it is a
            // choice or text; those the walk must meet, and it meets nothing else.
            let sourced: Vec<String> = inputs(&s)
                .into_iter()
                .filter(|i| i.value.parse::<Decimal>().is_ok())
                .map(|i| i.path)
                .filter(|p| !p.starts_with("rule_preset") && !p.ends_with("term_months"))
                // A later feature's numbers are sampled when that feature is evaluated as a
                // scenario of its own, where they are the scenario's.
                .filter(|p| !p.starts_with("more_features"))
                .filter(|p| !p.contains(".throughput.") || p.ends_with("output_tokens_per_second"))
                .collect();
            let mut seen = walked(&mut s);
            let mut expected = sourced.clone();
            seen.sort();
            expected.sort();
            let missing: Vec<_> = expected.iter().filter(|p| !seen.contains(p)).collect();
            assert!(
                missing.is_empty(),
                "{}: not walked: {missing:?}",
                file.display()
            );
            let mut unique = seen.clone();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "{}: walked twice", file.display());
        }
    }
}
