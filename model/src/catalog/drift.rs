//! Where a scenario's catalog picks no longer match the catalog: prices change, and a saved
//! scenario keeps the values it was made with. The app says so instead of changing numbers.

use super::Catalog;
use crate::format::group_thousands;
use crate::phase::Phase;
use crate::scenario::{Buy, Hosting, InstancePrice, Scenario, TunedServing};
use chrono::{Datelike, NaiveDate};

use crate::units::Quantity;

/// A value that differs from the catalog entry the scenario says it was taken from, or a pick
/// the catalog no longer has. Informational: the scenario's own value is the one used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogDrift {
    /// The field's path, such as `buy.input_usd_per_1m`.
    pub path: String,
    /// What differs, as a sentence.
    pub message: String,
}

/// Every difference between `scenario`'s catalog picks and `catalog`, in file order.
#[must_use]
pub fn catalog_drift(scenario: &Scenario, catalog: &Catalog) -> Vec<CatalogDrift> {
    let mut drift = Vec::new();
    buy(&mut drift, &scenario.buy, catalog);
    hosting(
        &mut drift,
        "self_host.hosting",
        &scenario.self_host.hosting,
        catalog,
    );
    if let TunedServing::Hosted(serving) = &scenario.fine_tune.serving {
        hosting(&mut drift, "fine_tune.serving.hosting", serving, catalog);
    }
    hosting(
        &mut drift,
        "pretrain.hosting",
        &scenario.pretrain.hosting,
        catalog,
    );
    drift
}

fn compare<T: Quantity>(
    drift: &mut Vec<CatalogDrift>,
    path: &str,
    ours: T,
    catalog: T,
    entry: &str,
) {
    if ours.get() != catalog.get() {
        drift.push(CatalogDrift {
            path: path.to_owned(),
            message: format!(
                "is {} {unit}; the catalog's {entry} now says {} {unit}. The scenario's value is used",
                group_thousands(ours.get()),
                group_thousands(catalog.get()),
                unit = T::UNIT,
            ),
        });
    }
}

fn missing(drift: &mut Vec<CatalogDrift>, path: &str, id: &str) {
    drift.push(CatalogDrift {
        path: path.to_owned(),
        message: format!(
            "`{id}` is not in this build's catalog; the scenario's own values are used"
        ),
    });
}

fn buy(drift: &mut Vec<CatalogDrift>, buy: &Buy, catalog: &Catalog) {
    let Some(id) = buy.catalog_id.as_deref() else {
        return;
    };
    let Some(model) = catalog.api_model(id) else {
        missing(drift, "buy.catalog_id", id);
        return;
    };
    let entry = format!("{} (as of {})", model.name, model.as_of);
    compare(
        drift,
        "buy.input_usd_per_1m",
        buy.input_usd_per_1m.value,
        model.input_usd_per_1m,
        &entry,
    );
    compare(
        drift,
        "buy.output_usd_per_1m",
        buy.output_usd_per_1m.value,
        model.output_usd_per_1m,
        &entry,
    );
    let cached = model
        .cached_input_usd_per_1m
        .unwrap_or(model.input_usd_per_1m);
    compare(
        drift,
        "buy.cached_input_usd_per_1m",
        buy.cached_input_usd_per_1m.value,
        cached,
        &entry,
    );
    // A file from before the write price has none to compare.
    if !buy.cache_write_usd_per_1m.is_unset() {
        compare(
            drift,
            "buy.cache_write_usd_per_1m",
            buy.cache_write_usd_per_1m.value,
            model.cache_write_price(),
            &entry,
        );
    }
}

fn hosting(drift: &mut Vec<CatalogDrift>, path: &str, hosting: &Hosting, catalog: &Catalog) {
    let Some(id) = hosting.catalog_id.as_deref() else {
        return;
    };
    let Some(instance) = catalog.gpu_instance(id) else {
        missing(drift, &format!("{path}.catalog_id"), id);
        return;
    };
    let entry = format!("{} (as of {})", instance.id, instance.as_of);
    match &hosting.price {
        // A busy hour is billed at the on-demand rate.
        InstancePrice::OnDemand { usd_per_hour }
        | InstancePrice::PerBusyHour { usd_per_hour, .. } => {
            let path = format!("{path}.price.usd_per_hour");
            compare(
                drift,
                &path,
                usd_per_hour.value,
                instance.on_demand_usd_per_hour,
                &entry,
            );
        }
        // A reservation's price depends on its term; compare only with the published term.
        InstancePrice::Reserved {
            usd_per_hour,
            term_months,
        } => {
            if let Some(reserved) = instance.reserved.filter(|r| r.term_months == *term_months) {
                let path = format!("{path}.price.usd_per_hour");
                compare(
                    drift,
                    &path,
                    usd_per_hour.value,
                    reserved.usd_per_hour,
                    &entry,
                );
            }
        }
        // The catalog has no monthly or purchase prices to compare with.
        InstancePrice::Monthly { .. } | InstancePrice::Owned(_) => {}
    }
}

/// Catalog prices older than this many months are flagged: they move often.
pub const STALE_AFTER_MONTHS: i32 = 6;

/// A catalog entry a scenario picked: what it is, when its figures were read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pick {
    /// What the figures are (`GPT-4o mini prices`, `g5.2xlarge prices`).
    pub what: String,
    /// When they were read.
    pub as_of: super::AsOf,
    /// Where they were published.
    pub source: String,
    /// The options whose costs use them.
    pub phases: Vec<Phase>,
}

/// The catalog entries `scenario` picked (its API model and GPU instances), each once.
#[must_use]
pub fn picks(scenario: &Scenario, catalog: &Catalog) -> Vec<Pick> {
    let mut picks: Vec<Pick> = Vec::new();
    if let Some(model) = scenario
        .buy
        .catalog_id
        .as_deref()
        .and_then(|id| catalog.api_model(id))
    {
        picks.push(Pick {
            what: format!("{} prices", model.name),
            as_of: model.as_of,
            source: model.source.clone(),
            // The fine-tune's unrouted share and fallback are paid at these prices too.
            phases: vec![Phase::Buy, Phase::FineTune],
        });
    }
    let mut hostings = vec![
        (Phase::SelfHost, &scenario.self_host.hosting),
        (Phase::Pretrain, &scenario.pretrain.hosting),
    ];
    if let TunedServing::Hosted(h) = &scenario.fine_tune.serving {
        hostings.push((Phase::FineTune, h));
    }
    for (phase, hosting) in hostings {
        if let Some(instance) = hosting
            .catalog_id
            .as_deref()
            .and_then(|id| catalog.gpu_instance(id))
        {
            let what = format!("{} prices", instance.id);
            match picks.iter_mut().find(|p| p.what == what) {
                Some(pick) => pick.phases.push(phase),
                None => picks.push(Pick {
                    what,
                    as_of: instance.as_of,
                    source: instance.source.clone(),
                    phases: vec![phase],
                }),
            }
        }
    }
    picks
}

/// A sentence for each catalog entry the scenario picked whose prices are more than
/// [`STALE_AFTER_MONTHS`] old at `today`, for the entries some option in `on_table` uses (a
/// price only a ruled-out option pays is not worth checking). A year-only date counts from
/// January.
#[must_use]
pub fn price_age_warnings(
    scenario: &Scenario,
    catalog: &Catalog,
    today: NaiveDate,
    on_table: impl Fn(Phase) -> bool,
) -> Vec<String> {
    let now = months_since_year_zero(today.year(), i32::try_from(today.month()).unwrap_or(1));
    picks(scenario, catalog)
        .into_iter()
        .filter(|pick| pick.phases.iter().any(|p| on_table(*p)))
        .filter_map(|Pick { what, as_of, .. }| {
            let (year, month) = as_of.earliest_month();
            let age = now.saturating_sub(months_since_year_zero(
                i32::from(year),
                i32::from(month),
            ));
            (age > STALE_AFTER_MONTHS).then(|| {
                format!("The catalog's {what} are from {as_of}, {age} months ago: prices move often, so check them before deciding.")
            })
        })
        .collect()
}

/// The month `month` of `year` as a count of months, so that two dates' difference is months.
/// Years are within chrono's ±262,143, so the count never comes near saturating.
fn months_since_year_zero(year: i32, month: i32) -> i32 {
    year.saturating_mul(12).saturating_add(month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::UsdPerMillionTokens;
    use rust_decimal::dec;

    #[test]
    fn the_default_scenario_matches_the_catalog() {
        assert_eq!(
            catalog_drift(&Scenario::embedded_default(), Catalog::embedded()),
            []
        );
    }

    #[test]
    fn a_price_that_moved_is_reported_with_both_values() {
        let mut scenario = Scenario::embedded_default();
        scenario.buy.output_usd_per_1m.value = UsdPerMillionTokens::new(dec!(0.70));
        let drift = catalog_drift(&scenario, Catalog::embedded());
        assert_eq!(drift.len(), 1, "{drift:?}");
        assert_eq!(drift[0].path, "buy.output_usd_per_1m");
        assert!(
            drift[0].message.contains("is 0.70") && drift[0].message.contains("now says 0.60"),
            "{drift:?}"
        );
    }

    #[test]
    fn a_write_price_that_moved_is_reported_and_a_file_without_one_is_not() {
        let mut scenario = Scenario::embedded_default();
        let sonnet = Catalog::embedded()
            .api_model("claude-sonnet-4")
            .expect("Claude Sonnet 4");
        sonnet.apply_to(&mut scenario.buy);
        assert_eq!(catalog_drift(&scenario, Catalog::embedded()), []);
        scenario.buy.cache_write_usd_per_1m.value = UsdPerMillionTokens::new(dec!(3.00));
        let drift = catalog_drift(&scenario, Catalog::embedded());
        assert_eq!(drift.len(), 1, "{drift:?}");
        assert_eq!(drift[0].path, "buy.cache_write_usd_per_1m");
        assert!(drift[0].message.contains("now says 3.75"), "{drift:?}");
        // Picked before the write price existed: nothing to compare.
        scenario.buy.cache_write_usd_per_1m = crate::sourced::Sourced::default();
        assert_eq!(catalog_drift(&scenario, Catalog::embedded()), []);
    }

    #[test]
    fn prices_older_than_six_months_are_flagged() {
        let scenario = Scenario::embedded_default();
        let date = |y, m| NaiveDate::from_ymd_opt(y, m, 15).expect("a date");
        // GPT-4o mini is as of 2025-09 and g5.2xlarge 2026-01.
        let all = |_| true;
        assert!(price_age_warnings(&scenario, Catalog::embedded(), date(2026, 3), all).is_empty());
        let april = price_age_warnings(&scenario, Catalog::embedded(), date(2026, 4), all);
        assert_eq!(april.len(), 1, "{april:?}");
        assert!(
            april[0].contains("GPT-4o mini prices are from 2025-09, 7 months ago"),
            "{april:?}"
        );
        assert_eq!(
            price_age_warnings(&scenario, Catalog::embedded(), date(2026, 11), all).len(),
            3
        );
        // The p5.48xlarge only Pretrain uses is not worth checking once Pretrain is ruled out.
        let on_table = price_age_warnings(&scenario, Catalog::embedded(), date(2026, 11), |p| {
            p != Phase::Pretrain
        });
        assert_eq!(on_table.len(), 2, "{on_table:?}");
        assert!(on_table.iter().all(|w| !w.contains("p5.48xlarge")));
    }

    #[test]
    fn a_pick_the_catalog_dropped_is_reported() {
        let mut scenario = Scenario::embedded_default();
        scenario.self_host.hosting.catalog_id = Some("g4dn.retired".to_owned());
        let drift = catalog_drift(&scenario, Catalog::embedded());
        assert_eq!(drift[0].path, "self_host.hosting.catalog_id");
        assert!(drift[0].message.contains("not in this build's catalog"));
    }
}
