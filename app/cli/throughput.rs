//! `breakeven throughput`: a team's own benchmark of a GPU read into a hosting option's
//! throughput basis, as the window's Import benchmark… takes it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use breakeven_model::benchmark::{self, BenchError, BenchFormat, Benchmark, MAX_BENCHMARK_BYTES};
use clap::ValueEnum;
use serde::Serialize;

use super::{fail, print};
use crate::state::files::read_text;

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

/// The benchmark at `path`, read; or why not, naming the file.
pub fn read_benchmark(path: &Path, format: Option<BenchFormat>) -> Result<Benchmark, String> {
    let text = read_text(
        path,
        MAX_BENCHMARK_BYTES,
        |bytes| BenchError::TooLarge { bytes }.to_string(),
        "a benchmark is JSON",
    )?;
    benchmark::read(&text, format).map_err(|e| format!("{}: {e}.", path.display()))
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
    let measured = match read_benchmark(&args.file, args.read_as) {
        Ok(measured) => measured,
        Err(why) => return fail(&why),
    };
    let file = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
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
