//! The command line: the window by default, and subcommands for scripts and people without a
//! display. Errors go to stderr as plain sentences with a non-zero exit; never a panic.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use breakeven_model::catalog::catalog_drift;
use breakeven_model::quick::{self, InstanceCost, QuickInputs};
use breakeven_model::report;
use breakeven_model::scenario::{Loaded, migration_note};
use breakeven_model::units::{
    HoursPerMonth, UsdPerHour, UsdPerMillionTokens, UsdPerMonth, parse_decimal,
};
use breakeven_model::{Catalog, EvaluateError, LoadError, Problem, evaluate_in};
use chrono::{Local, NaiveDate};
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;

mod catalog;
mod throughput;
mod usage;

use crate::error::FileError;
use crate::export::{Pack, scenario_file};
use crate::state::files::{load_scenario, open_scenario};

/// Buy an API, fine-tune, self-host or pretrain? Break-even curves and a reasoned
/// recommendation for the LLM features of a product.
#[derive(Debug, Parser)]
#[command(name = "breakeven", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A scenario file (.ron) to open in the window; without it, the built-in example opens.
    pub file: Option<PathBuf>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a scenario file: exit 0 when it is valid, otherwise list every problem and exit 1.
    Check {
        /// The scenario file (.ron).
        file: PathBuf,
    },
    /// The board summary, what each option costs at the scenario's volume, where they break
    /// even, the cash over the horizon, payback, gross margin and every warning.
    Report {
        /// The scenario file (.ron).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// The date to judge review dates and the age of catalog prices by, as YYYY-MM-DD;
        /// today by default, as the window does.
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Monte Carlo samples of the inputs given as ranges: 10,000 by default when any input
        /// has a range; 0 skips it.
        #[arg(long, value_name = "N")]
        samples: Option<u32>,
        /// The seed the samples are drawn with: the same seed gives the same figures.
        #[arg(long, value_name = "S", default_value_t = breakeven_model::uncertainty::DEFAULT_SEED)]
        seed: u64,
        /// Report one feature of the scenario alone, by name; the whole scenario by default
        /// (its features, the mix and the roadmap, then its first feature in detail).
        #[arg(long, value_name = "NAME")]
        feature: Option<String>,
    },
    /// A board-deck pack in a folder: an HTML report (prints to PDF), the board summary and the
    /// charts as 16:9 PNG and as SVG, the month-by-month CSV, and the JSON and Markdown reports.
    /// Needs no display.
    Export {
        /// The scenario file (.ron).
        file: PathBuf,
        /// The folder to write into; created if missing. Files of an earlier export there are
        /// replaced.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The date to print as the export's date and to judge review dates and the age of
        /// catalog prices by, as YYYY-MM-DD; today by default, as the window does.
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Monte Carlo samples of the inputs given as ranges: 10,000 by default when any input
        /// has a range; 0 skips it.
        #[arg(long, value_name = "N")]
        samples: Option<u32>,
        /// The seed the samples are drawn with.
        #[arg(long, value_name = "S", default_value_t = breakeven_model::uncertainty::DEFAULT_SEED)]
        seed: u64,
        /// Lock the inputs of interactive.html: its reader can move the volume, switch tabs and
        /// present, but not change the scenario.
        #[arg(long)]
        read_only: bool,
    },
    /// The break-even of one self-hosted instance against an API, as "Strategic Architecture:
    /// Build vs. Buy vs. Fine-tune" computes it (instance + MLOps hours, no capacity limit).
    Quick(QuickArgs),
    /// What your team really sends: a usage export (OpenAI, Anthropic, LiteLLM spend logs, or
    /// a CSV) by month, model and feature, priced, with the features behind 80% of the bill
    /// named; optionally written into a copy of a scenario as its measured workload.
    Usage(usage::UsageArgs),
    /// Your own benchmark of a GPU (vLLM's bench serve JSON, or an LLMPerf summary) as a
    /// hosting option's throughput basis: tokens a second at its concurrency, tokens in and out
    /// a request, and the speed one request saw.
    Throughput(throughput::ThroughputArgs),
    /// The price catalog: list it, and import the price lists your team keeps current.
    Catalog {
        /// What to do with it.
        #[command(subcommand)]
        command: catalog::CatalogCommand,
    },
}

/// The flags of `quick`, named after the article's calculator.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("instance_price").required(true).args(["gpu_usd_per_hour", "gpu_usd_per_month"])))]
pub struct QuickArgs {
    /// Blended API price, USD per 1M tokens (the article: 0.50).
    #[arg(long, value_name = "USD", value_parser = parse_decimal, allow_negative_numbers = true)]
    pub api_usd_per_1m: Decimal,
    /// Instance price, USD per hour (the article: 1.21 for an AWS g5.2xlarge).
    #[arg(long, value_name = "USD", value_parser = parse_decimal, allow_negative_numbers = true)]
    pub gpu_usd_per_hour: Option<Decimal>,
    /// Instance price, USD per month, instead of per hour (the article's prose: ~870).
    #[arg(long, value_name = "USD", value_parser = parse_decimal, allow_negative_numbers = true)]
    pub gpu_usd_per_month: Option<Decimal>,
    /// Fully loaded MLOps engineer cost, USD per hour (the article: 150).
    #[arg(long, value_name = "USD", value_parser = parse_decimal, allow_negative_numbers = true)]
    pub mlops_usd_per_hour: Decimal,
    /// MLOps hours each month to keep the instance running (the article: 10).
    #[arg(long, value_name = "HOURS", value_parser = parse_decimal, allow_negative_numbers = true)]
    pub mlops_hours_per_month: Decimal,
    /// Hours the instance is billed each month: 730 when always on.
    #[arg(long, value_name = "HOURS", value_parser = parse_decimal, allow_negative_numbers = true, default_value = "730")]
    pub hours_per_month: Decimal,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How `quick` prints its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Two lines, as the article's script prints them.
    Text,
    /// A JSON object, decimals as strings.
    Json,
}

/// How `report` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned text for a terminal.
    Text,
    /// Markdown tables.
    Markdown,
    /// JSON, decimals as strings.
    Json,
    /// The month-by-month table, for a spreadsheet; with any input ranged, the How sure table
    /// after a blank line.
    Csv,
    /// The export's report.html, charts inline.
    Html,
}

impl ReportFormat {
    /// The model's format; `None` for HTML, which the export writes with its charts.
    const fn model_format(self) -> Option<report::Format> {
        match self {
            Self::Text => Some(report::Format::Text),
            Self::Markdown => Some(report::Format::Markdown),
            Self::Json => Some(report::Format::Json),
            Self::Csv => Some(report::Format::Csv),
            Self::Html => None,
        }
    }
}

/// Runs what the command line asked for and returns the process's exit code.
#[must_use]
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check { file }) => check(&file),
        Some(Command::Report {
            file,
            format,
            today,
            samples,
            seed,
            feature,
        }) => report(
            &file,
            feature.as_deref(),
            format,
            today.unwrap_or_else(|| Local::now().date_naive()),
            Sampling {
                samples: samples.unwrap_or(breakeven_model::uncertainty::DEFAULT_SAMPLES),
                seed,
            },
        ),
        Some(Command::Export {
            file,
            out,
            today,
            samples,
            seed,
            read_only,
        }) => export(
            &file,
            &out,
            (
                today.unwrap_or_else(|| Local::now().date_naive()),
                read_only,
            ),
            Sampling {
                samples: samples.unwrap_or(breakeven_model::uncertainty::DEFAULT_SAMPLES),
                seed,
            },
        ),
        Some(Command::Quick(args)) => quick(&args),
        Some(Command::Catalog { command }) => catalog::run(command),
        Some(Command::Usage(args)) => usage::run(&args),
        Some(Command::Throughput(args)) => throughput::run(&args),
        None => crate::window::run(cli.file.as_deref()),
    }
}

/// The catalog as the user has it, as the window does: the embedded one with the prices
/// imported into the data folder over it. Imported prices that cannot be read are said on
/// stderr, and the embedded catalog is used.
fn user_catalog() -> Catalog {
    let Some(folder) = crate::state::data::folder() else {
        return Catalog::embedded().clone();
    };
    match crate::state::data::imported_prices(&folder) {
        Ok(imported) => imported.over(Catalog::embedded()),
        Err(why) => {
            let _ = writeln!(
                std::io::stderr(),
                "Imported prices not read ({why}); the catalog is the built-in one."
            );
            Catalog::embedded().clone()
        }
    }
}

/// Prints to stdout, ignoring a closed pipe (`breakeven quick | head -1`).
fn print(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

fn fail(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{message}");
    ExitCode::FAILURE
}

/// The scenario in `path`, or the exit code after saying why it cannot be read.
fn scenario_or_exit(path: &std::path::Path) -> Result<breakeven_model::Scenario, ExitCode> {
    match load_scenario(path) {
        Ok(scenario) => Ok(scenario),
        Err(FileError::Load {
            error: LoadError::Invalid(problems),
            ..
        }) => Err(invalid(path, &problems)),
        Err(error) => Err(fail(&error.to_string())),
    }
}

fn export(
    path: &std::path::Path,
    out: &std::path::Path,
    (today, read_only): (NaiveDate, bool),
    sampling: Sampling,
) -> ExitCode {
    let scenario = match scenario_or_exit(path) {
        Ok(scenario) => scenario,
        Err(code) => return code,
    };
    let bundle = crate::export::interactive::WebBundle::find();
    let found = bundle.is_some();
    let written = Pack::new_in(&scenario, today, &user_catalog())
        .and_then(|pack| pack.sampled(sampling.samples, sampling.seed))
        .and_then(|pack| {
            pack.saved_as(Some(path))
                .with_page(bundle, read_only)
                .write(out)
        });
    match written {
        Ok(files) => {
            let mut text = format!("Exported \"{}\" to {}:\n", scenario.name, out.display());
            for file in files {
                let _ = writeln!(text, "  {}", file.display());
            }
            if !found {
                let _ = writeln!(text, "{}", crate::export::interactive::NO_BUNDLE);
            }
            print(&text);
            ExitCode::SUCCESS
        }
        Err(error) => fail(&format!("{}: {error}.", path.display())),
    }
}

/// How many Monte Carlo samples a report draws, and with which seed.
#[derive(Clone, Copy, Debug)]
struct Sampling {
    samples: u32,
    seed: u64,
}

fn report(
    path: &std::path::Path,
    feature: Option<&str>,
    format: ReportFormat,
    today: NaiveDate,
    sampling: Sampling,
) -> ExitCode {
    let scenario = match scenario_or_exit(path) {
        Ok(scenario) => scenario,
        Err(code) => return code,
    };
    let scenario = match feature {
        None => scenario,
        Some(name) => match one_feature(&scenario, name) {
            Some(one) => one,
            None => {
                return fail(&format!(
                    "{}: no feature is called `{name}`; its features are: {}.",
                    path.display(),
                    scenario.feature_names().join(", ")
                ));
            }
        },
    };
    let Some(format) = format.model_format() else {
        // The same page as the export's report.html, charts and all.
        let pack = Pack::new_in(&scenario, today, &user_catalog())
            .and_then(|pack| pack.sampled(sampling.samples, sampling.seed));
        return match pack.and_then(|pack| pack.saved_as(Some(path)).html()) {
            Ok(html) => {
                print(&html);
                ExitCode::SUCCESS
            }
            // Loading validated the scenario: only a figure too large or a drawing fails here.
            Err(error) => fail(&format!("{}: {error}.", path.display())),
        };
    };
    // The text and Markdown reports name the file they were made from, as the export's do.
    let takeaway = report::Takeaway {
        scenario_file: Some(scenario_file::file_name(Some(path), &scenario.name)),
        comparisons: Vec::new(),
    };
    match evaluate_in(&scenario, today, &user_catalog()) {
        Ok(mut evaluation) => {
            if let Err(error) = evaluation.sample(sampling.samples, sampling.seed) {
                return fail(&format!("{}: {error}.", path.display()));
            }
            print(&evaluation.render_with(format, &takeaway));
            ExitCode::SUCCESS
        }
        Err(EvaluateError::Invalid(problems)) => invalid(path, &problems),
        Err(error) => fail(&format!("{}: {error}.", path.display())),
    }
}

/// The feature of `scenario` called `name` (any case), as a scenario of its own.
fn one_feature(
    scenario: &breakeven_model::Scenario,
    name: &str,
) -> Option<breakeven_model::Scenario> {
    let wanted = name.trim();
    (0..scenario.feature_count())
        .find(|i| {
            scenario
                .feature_name(*i)
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(wanted))
        })
        .and_then(|i| scenario.feature(i))
}

/// Every problem of an invalid scenario, one a line under a heading naming the file.
fn invalid(path: &std::path::Path, problems: &[Problem]) -> ExitCode {
    let count = problems.len();
    let heading = format!(
        "{}: {count} problem{} in the scenario:",
        path.display(),
        if count == 1 { "" } else { "s" }
    );
    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    fail(&format!("{heading}\n{}", lines.join("\n")))
}

fn check(path: &std::path::Path) -> ExitCode {
    match open_scenario(path) {
        Ok(Loaded {
            scenario,
            migrated_from,
        }) => {
            let mut text = format!(
                "{}: a valid scenario, \"{}\" (format version {}).\n",
                path.display(),
                scenario.name,
                migrated_from.unwrap_or(scenario.version)
            );
            if let Some(old) = migrated_from {
                let _ = writeln!(
                    text,
                    "note: the file is format version {old}; Breakeven reads it as version {} ({}) and saves \
                     it as version {}.",
                    scenario.version,
                    migration_note(old),
                    scenario.version
                );
            }
            for drift in catalog_drift(&scenario, &user_catalog()) {
                let _ = writeln!(text, "note: {}: {}.", drift.path, drift.message);
            }
            print(&text);
            ExitCode::SUCCESS
        }
        Err(FileError::Load {
            error: LoadError::Invalid(problems),
            ..
        }) => invalid(path, &problems),
        Err(error) => fail(&error.to_string()),
    }
}

fn quick(args: &QuickArgs) -> ExitCode {
    let instance = match (args.gpu_usd_per_hour, args.gpu_usd_per_month) {
        (Some(per_hour), _) => InstanceCost::PerHour(UsdPerHour::new(per_hour)),
        (None, Some(per_month)) => InstanceCost::PerMonth(UsdPerMonth::new(per_month)),
        // clap's group requires one of the two.
        (None, None) => {
            return fail("give the instance price with --gpu-usd-per-hour or --gpu-usd-per-month");
        }
    };
    let inputs = QuickInputs {
        api_usd_per_1m: UsdPerMillionTokens::new(args.api_usd_per_1m),
        instance,
        mlops_usd_per_hour: UsdPerHour::new(args.mlops_usd_per_hour),
        mlops_hours_per_month: HoursPerMonth::new(args.mlops_hours_per_month),
        hours_per_month: HoursPerMonth::new(args.hours_per_month),
    };
    match quick::break_even(&inputs) {
        Ok(result) => {
            match args.format {
                Format::Text => print(&result.text()),
                Format::Json => match serde_json::to_string_pretty(&result.report()) {
                    Ok(json) => print(&format!("{json}\n")),
                    Err(e) => {
                        return fail(&format!("the result could not be written as JSON: {e}"));
                    }
                },
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(&format!(
            "--{} {}.",
            error.field.replace('_', "-"),
            error.message
        )),
    }
}
