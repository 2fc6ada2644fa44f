//! `breakeven usage`: a usage export summed by month, model and feature, priced at the catalog's
//! prices (the user's, imported prices and all), the features behind 80% of the bill named; and
//! the measured workload written into a copy of a scenario.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use breakeven_model::format::fixed;
use breakeven_model::scenario::to_ron_string;
use breakeven_model::usage::{self, Summary, UsageFormat};
use clap::ValueEnum;
use serde::Serialize;

use super::{fail, print, user_catalog};
use crate::state::files::{load_scenario, write_atomically};
use crate::state::own_numbers;

/// The flags of `usage`.
#[derive(Debug, clap::Args)]
pub struct UsageArgs {
    /// The usage export: OpenAI's usage (completions) or Anthropic's usage report as JSON,
    /// LiteLLM's spend logs, or a CSV with the header
    /// `date,feature,model,input_tokens,output_tokens[,cached_input_tokens]`.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = UsageOut::Text)]
    pub format: UsageOut,
    /// The export's format, when its shape does not say: openai, anthropic, litellm or csv.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub read_as: Option<UsageFormat>,
    /// A scenario to copy with the measured workload: the last whole month's tokens, the cached
    /// share and the growth month on month. Needs --out.
    #[arg(long, value_name = "FILE", requires = "out")]
    pub scenario: Option<PathBuf>,
    /// Where to write that copy (a new file; the scenario itself is left as it is).
    #[arg(long, value_name = "FILE", requires = "scenario")]
    pub out: Option<PathBuf>,
}

fn parse_format(text: &str) -> Result<UsageFormat, String> {
    text.parse()
}

/// How `usage` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UsageOut {
    /// Lines for a terminal.
    Text,
    /// JSON, dollars as decimal strings.
    Json,
}

/// Runs `usage`.
pub fn run(args: &UsageArgs) -> ExitCode {
    let read = match own_numbers::read_usage(&args.file, args.read_as) {
        Ok(read) => read,
        Err(why) => return fail(&why),
    };
    let file = own_numbers::file_name(&args.file);
    let summary = usage::summarise(&read, &user_catalog());
    if let (Some(scenario), Some(out)) = (&args.scenario, &args.out)
        && let Err(why) = write_copy(&summary, &file, scenario, out)
    {
        return fail(&why);
    }
    match args.format {
        UsageOut::Text => {
            let mut text = usage::lines(&summary, &file, None).join("\n");
            text.push('\n');
            if let Some(out) = &args.out {
                let _ = writeln!(text, "The measured workload is in {}.", out.display());
            }
            print(&text);
        }
        UsageOut::Json => {
            let mut text = serde_json::to_string_pretty(&Json::new(&summary)).unwrap_or_default();
            text.push('\n');
            print(&text);
        }
    }
    ExitCode::SUCCESS
}

/// Writes a copy of `scenario` with the workload `summary` measured to `out`.
fn write_copy(summary: &Summary, file: &str, scenario: &Path, out: &Path) -> Result<(), String> {
    if std::path::absolute(scenario).ok() == std::path::absolute(out).ok() {
        return Err(format!(
            "{}: --out is the scenario itself; the measured workload goes into a copy, a new file.",
            out.display()
        ));
    }
    let measured = usage::measured(summary, file)
        .ok_or_else(|| format!("{file}: it has no dated usage to measure a month from."))?;
    let mut copy = load_scenario(scenario).map_err(|e| e.to_string())?;
    measured.apply_to(&mut copy);
    let problems = breakeven_model::scenario::validate(&copy);
    if let Some(problem) = problems.first() {
        return Err(format!(
            "{}: the measured workload does not fit the scenario: {problem}. Nothing was written.",
            out.display()
        ));
    }
    let text = to_ron_string(&copy)
        .map_err(|e| format!("{}: {e}. Nothing was written.", out.display()))?;
    write_atomically(out, text.as_bytes())
        .map_err(|e| format!("{}: {e}. Nothing was written.", out.display()))
}

/// `usage --format json`.
#[derive(Serialize)]
struct Json {
    format: &'static str,
    first_day: Option<String>,
    last_day: Option<String>,
    months: Vec<JsonMonth>,
    by_model: Vec<JsonModelMonth>,
    features: Vec<JsonFeature>,
    behind_80_percent: Vec<String>,
    total_usd: String,
}

#[derive(Serialize)]
struct JsonMonth {
    month: String,
    usd: String,
    input_tokens: u64,
    output_tokens: u64,
    cached_input_tokens: u64,
}

#[derive(Serialize)]
struct JsonModelMonth {
    month: String,
    model: String,
    priced_as: Option<String>,
    usd: Option<String>,
    input_tokens: u64,
    output_tokens: u64,
    cached_input_tokens: u64,
}

#[derive(Serialize)]
struct JsonFeature {
    feature: String,
    usd: String,
    share: String,
    input_tokens: u64,
    output_tokens: u64,
    cached_input_tokens: u64,
}

impl Json {
    fn new(s: &Summary) -> Self {
        let priced = |model: &str| {
            s.priced_as
                .iter()
                .find(|(m, _)| m == model)
                .and_then(|(_, p)| p.clone())
        };
        Self {
            format: s.format.id(),
            first_day: s.days.map(|(a, _)| a.to_string()),
            last_day: s.days.map(|(_, b)| b.to_string()),
            months: s
                .months
                .iter()
                .map(|(m, t, usd)| JsonMonth {
                    month: m.to_string(),
                    usd: fixed(*usd, 2),
                    input_tokens: t.input,
                    output_tokens: t.output,
                    cached_input_tokens: t.cached_input,
                })
                .collect(),
            by_model: s
                .by_model
                .iter()
                .map(|(m, model, t, usd)| JsonModelMonth {
                    month: m.to_string(),
                    priced_as: priced(model),
                    usd: usd.map(|u| fixed(u, 2)),
                    model: model.clone(),
                    input_tokens: t.input,
                    output_tokens: t.output,
                    cached_input_tokens: t.cached_input,
                })
                .collect(),
            features: s
                .features
                .iter()
                .map(|f| JsonFeature {
                    feature: f.feature.clone(),
                    usd: fixed(f.usd, 2),
                    share: fixed(f.share, 4),
                    input_tokens: f.tokens.input,
                    output_tokens: f.tokens.output,
                    cached_input_tokens: f.tokens.cached_input,
                })
                .collect(),
            behind_80_percent: s.behind_80.clone(),
            total_usd: fixed(s.usd, 2),
        }
    }
}
