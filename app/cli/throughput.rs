//! `breakeven throughput`: a team's own benchmark of a GPU read into a hosting option's
//! throughput basis, as the window's Import benchmark… takes it.

use std::path::PathBuf;
use std::process::ExitCode;

use breakeven_model::benchmark::BenchFormat;
use clap::ValueEnum;
use serde::Serialize;

use super::{fail, print};
use crate::state::own_numbers;

/// The flags of `throughput`.
#[derive(Debug, clap::Args)]
pub struct ThroughputArgs {
    /// The benchmark: vLLM's `bench serve --save-result` JSON, or an LLMPerf summary.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ThroughputOut::Text)]
    pub format: ThroughputOut,
    /// The benchmark's format, when its keys do not say: vllm or llmperf.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub read_as: Option<BenchFormat>,
}

fn parse_format(text: &str) -> Result<BenchFormat, String> {
    text.parse()
}

/// How `throughput` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThroughputOut {
    /// Lines for a terminal.
    Text,
    /// JSON, figures as decimal strings.
    Json,
}

/// `throughput --format json`.
#[derive(Serialize)]
struct Json<'a> {
    format: &'static str,
    model: &'a str,
    concurrency: u32,
    output_tokens_per_second: String,
    input_tokens_per_request: String,
    output_tokens_per_request: String,
    first_token_ms: Option<String>,
    request_output_tokens_per_second: Option<String>,
    ran: Option<&'a str>,
    notes: &'a [String],
}

/// Runs `throughput`.
pub fn run(args: &ThroughputArgs) -> ExitCode {
    let measured = match own_numbers::read_benchmark(&args.file, args.read_as) {
        Ok(measured) => measured,
        Err(why) => return fail(&why),
    };
    let file = own_numbers::file_name(&args.file);
    let text = match args.format {
        ThroughputOut::Text => {
            let mut text = measured.lines(&file).join("\n");
            text.push('\n');
            text
        }
        ThroughputOut::Json => {
            let json = Json {
                format: measured.format.id(),
                model: &measured.model,
                concurrency: measured.concurrency,
                output_tokens_per_second: measured.output_tokens_per_second.to_string(),
                input_tokens_per_request: measured.input_tokens_per_request.to_string(),
                output_tokens_per_request: measured.output_tokens_per_request.to_string(),
                first_token_ms: measured.first_token_ms.map(|m| m.to_string()),
                request_output_tokens_per_second: measured
                    .request_tokens_per_second
                    .map(|s| s.to_string()),
                ran: measured.ran.as_deref(),
                notes: &measured.notes,
            };
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    print(&text);
    ExitCode::SUCCESS
}
