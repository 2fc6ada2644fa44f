//! The prices a user imported, kept beside the embedded catalog: each with the list and file
//! it came from, the day it was imported and the list's own date. An imported id shadows the
//! embedded one. Importing a list again replaces what was imported from that format before, so
//! a model the list dropped is dropped, and [`Changes`] says what an import would change first.

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Serialize};

use super::import::{ListedPrice, PriceList};
use super::{ApiModel, AsOf, Catalog};
use crate::units::UsdPerMillionTokens;

/// The version of the imported catalog's file this build writes.
pub const IMPORTED_VERSION: u32 = 1;

/// The file the imported prices are kept in, in the app's data folder.
pub const IMPORTED_FILE: &str = "imported-prices.ron";

/// The prices imported, as kept in [`IMPORTED_FILE`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    /// The file's version: [`IMPORTED_VERSION`].
    pub version: u32,
    /// Every model imported, by id.
    pub models: Vec<ImportedModel>,
}

/// One model's prices, imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedModel {
    /// The prices, as the catalog keeps a model's; its source names the list and the file.
    pub model: ApiModel,
    /// The list's format (`litellm`).
    pub format: String,
    /// The file's name it was imported from.
    pub file: String,
    /// The day it was imported.
    pub imported_on: NaiveDate,
    /// The list's own date, where it has one.
    #[serde(default)]
    pub list_date: Option<NaiveDate>,
}

/// A price that an import changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// The model.
    pub id: String,
    /// The price, by its catalog name (`input_usd_per_1m`).
    pub field: &'static str,
    /// Before: `None` where there was no such price.
    pub old: Option<UsdPerMillionTokens>,
    /// After.
    pub new: Option<UsdPerMillionTokens>,
}

/// What importing a list would change in the catalog as the user has it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Models new to the catalog.
    pub added: Vec<String>,
    /// Models of the embedded catalog the import shadows.
    pub shadowed: Vec<String>,
    /// Models imported from this format before that the list no longer has.
    pub removed: Vec<String>,
    /// Each price that moves, old to new.
    pub changed: Vec<Changed>,
}

impl Changes {
    /// Whether the import would change nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

impl Imported {
    /// The catalog as the user has it: the embedded models, each shadowed by an imported one
    /// of the same id, then the imported models that are new, by id.
    #[must_use]
    pub fn over(&self, embedded: &Catalog) -> Catalog {
        let mut api_models: Vec<ApiModel> = embedded
            .api_models
            .iter()
            .map(|m| {
                self.get(&m.id)
                    .map_or_else(|| m.clone(), |i| i.model.clone())
            })
            .collect();
        let mut new: Vec<ApiModel> = self
            .models
            .iter()
            .filter(|i| embedded.api_model(&i.model.id).is_none())
            .map(|i| i.model.clone())
            .collect();
        new.sort_by(|a, b| a.id.cmp(&b.id));
        api_models.extend(new);
        Catalog {
            api_models,
            gpu_instances: embedded.gpu_instances.clone(),
        }
    }

    /// The model imported with `id`.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&ImportedModel> {
        self.models.iter().find(|m| m.model.id == id)
    }

    /// This catalog with `list` imported from `file` on `today`, in place of whatever was
    /// imported from the list's format before; and what that changes against `embedded` with
    /// this catalog over it.
    #[must_use]
    pub fn with(
        &self,
        list: &PriceList,
        file: &str,
        today: NaiveDate,
        embedded: &Catalog,
    ) -> (Self, Changes) {
        let format = list.format.id();
        let current = self.over(embedded);
        let mut changes = Changes::default();
        let mut models: Vec<ImportedModel> = self
            .models
            .iter()
            .filter(|m| m.format != format && !list.prices.iter().any(|p| p.id == m.model.id))
            .cloned()
            .collect();
        changes.removed = self
            .models
            .iter()
            .filter(|m| m.format == format && !list.prices.iter().any(|p| p.id == m.model.id))
            .map(|m| m.model.id.clone())
            .collect();
        for price in &list.prices {
            let model = api_model(price, list, file, today);
            match current.api_model(&price.id) {
                None => changes.added.push(price.id.clone()),
                Some(old) => {
                    if embedded.api_model(&price.id).is_some() && self.get(&price.id).is_none() {
                        changes.shadowed.push(price.id.clone());
                    }
                    changes.changed.extend(changed_prices(old, &model));
                }
            }
            models.push(ImportedModel {
                model,
                format: format.to_owned(),
                file: file.to_owned(),
                imported_on: today,
                list_date: list.dated,
            });
        }
        models.sort_by(|a, b| a.model.id.cmp(&b.model.id));
        (
            Self {
                version: IMPORTED_VERSION,
                models,
            },
            changes,
        )
    }
}

/// The catalog's entry for a listed price: its source names the list and the file, and its
/// date is the list's own, else the day it was imported.
fn api_model(price: &ListedPrice, list: &PriceList, file: &str, today: NaiveDate) -> ApiModel {
    let day = list.dated.unwrap_or(today);
    let month = u8::try_from(day.month()).ok();
    ApiModel {
        id: price.id.clone(),
        name: price.name.clone(),
        provider: price.provider.clone(),
        input_usd_per_1m: price.input_usd_per_1m,
        output_usd_per_1m: price.output_usd_per_1m,
        cached_input_usd_per_1m: price.cached_input_usd_per_1m,
        cache_write_usd_per_1m: price.cache_write_usd_per_1m,
        batch_input_usd_per_1m: price.batch_input_usd_per_1m,
        batch_output_usd_per_1m: price.batch_output_usd_per_1m,
        source: match list.dated {
            Some(dated) => format!(
                "{} `{file}` dated {dated}, imported {today}",
                list.format.label()
            ),
            None => format!("{} `{file}`, imported {today}", list.format.label()),
        },
        as_of: AsOf {
            year: u16::try_from(day.year()).unwrap_or(u16::MAX),
            month,
        },
    }
}

/// Each price of `old` that `new` moves.
fn changed_prices(old: &ApiModel, new: &ApiModel) -> Vec<Changed> {
    type Price = fn(&ApiModel) -> Option<UsdPerMillionTokens>;
    let fields: [(&'static str, Price); 6] = [
        ("input_usd_per_1m", |m| Some(m.input_usd_per_1m)),
        ("output_usd_per_1m", |m| Some(m.output_usd_per_1m)),
        ("cached_input_usd_per_1m", |m| m.cached_input_usd_per_1m),
        ("cache_write_usd_per_1m", |m| m.cache_write_usd_per_1m),
        ("batch_input_usd_per_1m", |m| m.batch_input_usd_per_1m),
        ("batch_output_usd_per_1m", |m| m.batch_output_usd_per_1m),
    ];
    fields
        .into_iter()
        .filter_map(|(field, get)| {
            let (a, b) = (get(old), get(new));
            (a.map(UsdPerMillionTokens::get) != b.map(UsdPerMillionTokens::get)).then(|| Changed {
                id: new.id.clone(),
                field,
                old: a,
                new: b,
            })
        })
        .collect()
}

/// What importing `list` from `file` does, a line each, as the command line prints it and the
/// window shows it before the import: the list, then what is added, put in place of the
/// embedded catalog's, removed and changed (each price old -> new), then what was left out.
/// With `most`, each list stops after that many and says how many more there are (a window's
/// preview of a whole list of two thousand models); the command line says them all.
#[must_use]
pub fn summary(
    file: &str,
    list: &PriceList,
    changes: &Changes,
    most: Option<usize>,
) -> Vec<String> {
    let most = most.unwrap_or(usize::MAX);
    let more = |count: usize, what: &str| {
        (count > most).then(|| format!("  … and {} more {what}", count.saturating_sub(most)))
    };
    let count = list.prices.len();
    let mut lines = vec![format!(
        "{file} ({}): {count} price{} per token{}.",
        list.format.label(),
        if count == 1 { "" } else { "s" },
        list.dated
            .map(|d| format!(", dated {d}"))
            .unwrap_or_default()
    )];
    if changes.is_empty() {
        lines.push("No change: the catalog already has these prices.".to_owned());
    }
    for (heading, ids) in [
        ("Added", &changes.added),
        ("In place of the embedded catalog's", &changes.shadowed),
        ("Removed, no longer in the list", &changes.removed),
    ] {
        if !ids.is_empty() {
            let shown: Vec<&str> = ids.iter().take(most).map(String::as_str).collect();
            let rest = ids.len().saturating_sub(shown.len());
            let tail = if rest > 0 {
                format!(" and {rest} more")
            } else {
                String::new()
            };
            lines.push(format!(
                "{heading} ({}): {}{tail}",
                ids.len(),
                shown.join(", ")
            ));
        }
    }
    if !changes.changed.is_empty() {
        lines.push(format!(
            "Changed, USD per 1M tokens ({}):",
            changes.changed.len()
        ));
        let show = |p: Option<UsdPerMillionTokens>| {
            p.map_or_else(
                || "none".to_owned(),
                |p| format!("${}", p.get().normalize()),
            )
        };
        lines.extend(
            changes
                .changed
                .iter()
                .take(most)
                .map(|c| format!("  {} {}: {} -> {}", c.id, c.field, show(c.old), show(c.new))),
        );
        lines.extend(more(changes.changed.len(), "changes"));
    }
    if !list.skipped.is_empty() {
        lines.push(format!("Left out ({}):", list.skipped.len()));
        lines.extend(
            list.skipped
                .iter()
                .take(most)
                .map(|s| format!("  {}: {}", s.id, s.why)),
        );
        lines.extend(more(list.skipped.len(), "left out"));
    }
    lines
}

/// Reads the imported catalog's file. A file from a newer version, or damaged, is an error
/// that names it; the caller keeps what it has.
pub fn from_ron_str(text: &str) -> Result<Imported, String> {
    let imported: Imported = ron::from_str(text).map_err(|e| e.to_string())?;
    if imported.version > IMPORTED_VERSION {
        return Err(format!(
            "it is version {} of the imported prices; this build reads version {IMPORTED_VERSION}",
            imported.version
        ));
    }
    Ok(imported)
}

/// The imported catalog's file.
#[must_use]
pub fn to_ron_string(imported: &Imported) -> String {
    ron::ser::to_string_pretty(imported, ron::ser::PrettyConfig::default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::catalog::import::read;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
    }

    fn list(json: &str) -> PriceList {
        read(json, None, today()).expect("reads")
    }

    const TWO: &str = r#"{
        "gpt-4o-mini": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-07, "output_cost_per_token": 6e-07},
        "new-model": {"litellm_provider": "x", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}
    }"#;

    #[test]
    fn an_import_shadows_the_embedded_price_adds_the_new_and_says_what_moved() {
        let embedded = Catalog::embedded();
        let (imported, changes) =
            Imported::default().with(&list(TWO), "prices.json", today(), embedded);
        assert_eq!(changes.added, ["new-model"]);
        assert_eq!(changes.shadowed, ["gpt-4o-mini"]);
        // The embedded GPT-4o mini is $0.15 in; the list says $0.10.
        let moved = changes
            .changed
            .iter()
            .find(|c| c.id == "gpt-4o-mini" && c.field == "input_usd_per_1m")
            .expect("the input price moves");
        assert_eq!(moved.old.map(UsdPerMillionTokens::get), Some(dec!(0.15)));
        assert_eq!(moved.new.map(UsdPerMillionTokens::get), Some(dec!(0.1)));
        let catalog = imported.over(embedded);
        assert_eq!(
            catalog
                .api_model("gpt-4o-mini")
                .map(|m| m.input_usd_per_1m.get()),
            Some(dec!(0.1))
        );
        assert!(
            catalog
                .api_model("gpt-4o-mini")
                .is_some_and(|m| m.source.contains("imported 2026-12-01"))
        );
        assert_eq!(catalog.api_models.len(), embedded.api_models.len() + 1);
        // The same list again changes nothing.
        let (again, none) = imported.with(&list(TWO), "prices.json", today(), embedded);
        assert!(none.is_empty(), "{none:?}");
        assert_eq!(again, imported);
    }

    #[test]
    fn a_list_imported_again_drops_what_it_no_longer_has_and_keeps_other_lists() {
        let embedded = Catalog::embedded();
        let (first, _) = Imported::default().with(&list(TWO), "a.json", today(), embedded);
        let other = r#"{"data": [{"id": "x/y", "pricing": {"prompt": "0.000001", "completion": "0.000002"}}]}"#;
        let (both, _) = first.with(&list(other), "b.json", today(), embedded);
        let one = r#"{"new-model": {"litellm_provider": "x", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}}"#;
        let (after, changes) = both.with(&list(one), "a.json", today(), embedded);
        assert_eq!(changes.removed, ["gpt-4o-mini"]);
        let ids: Vec<&str> = after.models.iter().map(|m| m.model.id.as_str()).collect();
        assert_eq!(ids, ["new-model", "x/y"]);
        // The embedded price shows again once nothing shadows it.
        assert_eq!(
            after.over(embedded).api_model("gpt-4o-mini"),
            embedded.api_model("gpt-4o-mini")
        );
    }

    /// The drift check ("the catalog has moved since this scenario was priced") and the age of
    /// prices cover imported prices: the default example priced GPT-4o mini at the embedded
    /// $0.15, and an imported $0.10 is drift.
    #[test]
    fn an_imported_price_that_moved_is_drift_in_the_evaluation() {
        let embedded = Catalog::embedded();
        let scenario = crate::Scenario::embedded_default();
        assert_eq!(scenario.buy.catalog_id.as_deref(), Some("gpt-4o-mini"));
        let drifts = |catalog: &Catalog| {
            crate::evaluate_in(&scenario, today(), catalog)
                .expect("evaluates")
                .outcome
                .warnings
                .iter()
                .filter(|w| w.message.starts_with("Catalog:"))
                .map(|w| w.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(drifts(embedded), Vec::<String>::new());
        let (imported, _) = Imported::default().with(&list(TWO), "prices.json", today(), embedded);
        let moved = drifts(&imported.over(embedded));
        assert!(
            moved.iter().any(|m| m.contains("buy.input_usd_per_1m")),
            "{moved:?}"
        );
    }

    /// The window's preview of a whole list says the first few and how many more; the command
    /// line says them all.
    #[test]
    fn a_summary_stops_after_the_most_asked_and_counts_the_rest() {
        let many: String = (0..30)
            .map(|i| format!("\"m{i:02}\": {{\"litellm_provider\": \"x\", \"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06}}"))
            .collect::<Vec<_>>()
            .join(",");
        let listed = list(&format!("{{{many}}}"));
        let (_, changes) =
            Imported::default().with(&listed, "a.json", today(), Catalog::embedded());
        let short = summary("a.json", &listed, &changes, Some(3));
        assert_eq!(short[1], "Added (30): m00, m01, m02 and 27 more");
        let all = summary("a.json", &listed, &changes, None);
        assert!(all[1].ends_with("m28, m29"), "{}", all[1]);
    }

    #[test]
    fn the_file_round_trips_and_a_newer_one_is_refused_by_version() {
        let (imported, _) =
            Imported::default().with(&list(TWO), "a.json", today(), Catalog::embedded());
        assert_eq!(
            from_ron_str(&to_ron_string(&imported)),
            Ok(imported.clone())
        );
        let newer = to_ron_string(&Imported {
            version: IMPORTED_VERSION + 1,
            ..imported
        });
        let err = from_ron_str(&newer).expect_err("newer");
        assert!(err.contains("version 2"), "{err}");
        assert!(from_ron_str("(version: 1, models: [(").is_err());
    }
}
