//! `breakeven catalog`: the price catalog as the user has it, and the price lists they import
//! into it (kept in the data folder, `BREAKEVEN_DATA_DIR` or beside the app's storage).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use breakeven_model::Catalog;
use breakeven_model::catalog::import::PriceFormat;
use breakeven_model::catalog::imported::{self, Imported};
use breakeven_model::units::UsdPerMillionTokens;
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use super::{fail, print};
use crate::state::{data, prices};

/// What `catalog` does.
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Import a price list (LiteLLM's `model_prices_and_context_window.json`, genai-prices'
    /// `data.json`, llm-prices, or OpenRouter's `/api/v1/models` response) into your catalog,
    /// replacing what was imported from that format before, and say what it changed.
    Import(ListArgs),
    /// What importing a price list would change (added, removed, each price old -> new),
    /// without importing it.
    Diff(ListArgs),
    /// Every model and instance of the catalog as you have it, embedded and imported.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

/// The price list to read.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The price list (JSON).
    pub file: PathBuf,
    /// Its format, when its shape does not say: litellm, genai-prices, llm-prices or openrouter.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<PriceFormat>,
    /// The day whose prices are in force, among dated ones, and the import's date, as
    /// YYYY-MM-DD; today by default.
    #[arg(long, value_name = "DATE")]
    pub today: Option<NaiveDate>,
}

fn parse_format(text: &str) -> Result<PriceFormat, String> {
    text.parse()
}

/// How `catalog list` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A line a model or instance.
    Text,
    /// A JSON list, prices as decimal strings.
    Json,
}

/// Runs `catalog`.
pub fn run(command: CatalogCommand) -> ExitCode {
    match command {
        CatalogCommand::Import(args) => import_or_diff(&args, true),
        CatalogCommand::Diff(args) => import_or_diff(&args, false),
        CatalogCommand::List { format } => list(format),
    }
}

fn today(args: &ListArgs) -> NaiveDate {
    args.today
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn import_or_diff(args: &ListArgs, keep: bool) -> ExitCode {
    let today = today(args);
    let list = match prices::read_list(&args.file, args.format, today) {
        Ok(list) => list,
        Err(why) => return fail(&format!("{why} Nothing was imported.")),
    };
    let Some(folder) = data::folder() else {
        return fail(&format!(
            "There is no data folder to keep imported prices in: set {} to one.",
            data::DATA_DIR_VARIABLE
        ));
    };
    let imported = match data::imported_prices(&folder) {
        Ok(imported) => imported,
        Err(why) => {
            return fail(&format!(
                "{why}. Nothing was imported; the file is left as it is."
            ));
        }
    };
    let file = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let (after, changes) = imported.with(&list, &file, today, Catalog::embedded());
    let mut out = String::new();
    for line in imported::summary(&file, &list, &changes, None) {
        out.push_str(&line);
        out.push('\n');
    }
    if keep {
        match data::keep_imported_prices(&folder, &after) {
            Ok(path) => {
                let _ = writeln!(out, "Imported, kept in {}.", path.display());
            }
            Err(why) => return fail(&format!("{why}. Nothing was imported.")),
        }
    } else {
        out.push_str(
            "Nothing imported: `breakeven catalog import` with the same file applies it.\n",
        );
    }
    print(&out);
    ExitCode::SUCCESS
}

/// One entry of `catalog list --format json`.
#[derive(Serialize)]
struct Entry {
    id: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    input_usd_per_1m: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    output_usd_per_1m: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cached_input_usd_per_1m: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_write_usd_per_1m: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch_input_usd_per_1m: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch_output_usd_per_1m: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_demand_usd_per_hour: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reserved_usd_per_hour: Option<String>,
    source: String,
    as_of: String,
    /// `embedded` or `imported`.
    origin: &'static str,
    /// An imported entry with the id of an embedded one, which it replaces.
    shadows_embedded: bool,
}

fn entries(imported: &Imported) -> Vec<Entry> {
    let embedded = Catalog::embedded();
    let catalog = imported.over(embedded);
    let price = |p: Option<UsdPerMillionTokens>| p.map(|p| p.get().normalize().to_string());
    let mut out: Vec<Entry> = catalog
        .api_models
        .iter()
        .map(|m| {
            let mine = imported.get(&m.id).is_some();
            Entry {
                id: m.id.clone(),
                kind: "api",
                input_usd_per_1m: price(Some(m.input_usd_per_1m)),
                output_usd_per_1m: price(Some(m.output_usd_per_1m)),
                cached_input_usd_per_1m: price(m.cached_input_usd_per_1m),
                cache_write_usd_per_1m: price(m.cache_write_usd_per_1m),
                batch_input_usd_per_1m: price(m.batch_input_usd_per_1m),
                batch_output_usd_per_1m: price(m.batch_output_usd_per_1m),
                on_demand_usd_per_hour: None,
                reserved_usd_per_hour: None,
                source: m.source.clone(),
                as_of: m.as_of.to_string(),
                origin: if mine { "imported" } else { "embedded" },
                shadows_embedded: mine && embedded.api_model(&m.id).is_some(),
            }
        })
        .collect();
    out.extend(catalog.gpu_instances.iter().map(|g| {
        Entry {
            id: g.id.clone(),
            kind: "gpu",
            input_usd_per_1m: None,
            output_usd_per_1m: None,
            cached_input_usd_per_1m: None,
            cache_write_usd_per_1m: None,
            batch_input_usd_per_1m: None,
            batch_output_usd_per_1m: None,
            on_demand_usd_per_hour: Some(g.on_demand_usd_per_hour.get().normalize().to_string()),
            reserved_usd_per_hour: g
                .reserved
                .map(|r| r.usd_per_hour.get().normalize().to_string()),
            source: g.source.clone(),
            as_of: g.as_of.to_string(),
            origin: "embedded",
            shadows_embedded: false,
        }
    }));
    out
}

fn list(format: ListFormat) -> ExitCode {
    let imported = match data::folder() {
        Some(folder) => match data::imported_prices(&folder) {
            Ok(imported) => imported,
            Err(why) => {
                return fail(&format!(
                    "{why}. Listing the embedded catalog needs it set aside."
                ));
            }
        },
        None => Imported::default(),
    };
    let entries = entries(&imported);
    match format {
        ListFormat::Json => {
            let mut text = serde_json::to_string_pretty(&entries).unwrap_or_default();
            text.push('\n');
            print(&text);
        }
        ListFormat::Text => {
            let mut out = String::new();
            for e in &entries {
                let prices = match e.kind {
                    "gpu" => format!(
                        "${}/hour{}",
                        e.on_demand_usd_per_hour.as_deref().unwrap_or("?"),
                        e.reserved_usd_per_hour
                            .as_deref()
                            .map(|r| format!(" (reserved ${r})"))
                            .unwrap_or_default()
                    ),
                    _ => format!(
                        "${} in, ${} out per 1M{}",
                        e.input_usd_per_1m.as_deref().unwrap_or("?"),
                        e.output_usd_per_1m.as_deref().unwrap_or("?"),
                        e.cached_input_usd_per_1m
                            .as_deref()
                            .map(|c| format!(", ${c} cached"))
                            .unwrap_or_default()
                    ),
                };
                let origin = match (e.origin, e.shadows_embedded) {
                    ("imported", true) => " [imported, in place of the embedded price]",
                    ("imported", false) => " [imported]",
                    _ => "",
                };
                let _ = writeln!(
                    out,
                    "{} ({}): {prices}; {} ({}){origin}",
                    e.id, e.kind, e.source, e.as_of
                );
            }
            print(&out);
        }
    }
    ExitCode::SUCCESS
}
