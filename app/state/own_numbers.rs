//! The team's own numbers read from the files they give: a usage export and a benchmark, each
//! read whole within its size limit, for the command line and the window alike.

use std::path::Path;

use breakeven_model::benchmark::{self, BenchError, BenchFormat, Benchmark, MAX_BENCHMARK_BYTES};
use breakeven_model::scenario::{Hosting, Scenario, TunedServing};
use breakeven_model::usage::{self, MAX_USAGE_BYTES, Usage, UsageError, UsageFormat};

use super::files::{read_text, text_of};

/// The usage export at `path`, read in `format` or the one its shape says; or why not, naming
/// the file.
pub fn read_usage(path: &Path, format: Option<UsageFormat>) -> Result<Usage, String> {
    let text = read_text(
        path,
        MAX_USAGE_BYTES,
        |bytes| UsageError::TooLarge { bytes }.to_string(),
        "a usage export is JSON or CSV",
    )?;
    usage::read(&text, format).map_err(|e| format!("{}: {e}.", path.display()))
}

/// The benchmark at `path`, read in `format` or the one its keys say; or why not, naming the
/// file.
pub fn read_benchmark(path: &Path, format: Option<BenchFormat>) -> Result<Benchmark, String> {
    let text = read_text(
        path,
        MAX_BENCHMARK_BYTES,
        |bytes| BenchError::TooLarge { bytes }.to_string(),
        "a benchmark is JSON",
    )?;
    benchmark::read(&text, format).map_err(|e| format!("{}: {e}.", path.display()))
}

/// The usage export uploaded to a page as `name`, read in the format its shape says; or why
/// not, naming the file.
pub fn usage_from_upload(name: &str, raw: Vec<u8>) -> Result<Usage, String> {
    let text = text_of(
        name,
        raw,
        MAX_USAGE_BYTES,
        |bytes| UsageError::TooLarge { bytes }.to_string(),
        "a usage export is JSON or CSV",
    )?;
    usage::read(&text, None).map_err(|e| format!("{name}: {e}."))
}

/// The benchmark uploaded to a page as `name`, read in the format its keys say; or why not,
/// naming the file.
pub fn benchmark_from_upload(name: &str, raw: Vec<u8>) -> Result<Benchmark, String> {
    let text = text_of(
        name,
        raw,
        MAX_BENCHMARK_BYTES,
        |bytes| BenchError::TooLarge { bytes }.to_string(),
        "a benchmark is JSON",
    )?;
    benchmark::read(&text, None).map_err(|e| format!("{name}: {e}."))
}

/// The instances of `scenario` at `base` (`self_host.hosting`, `fine_tune.serving.hosting`,
/// `pretrain.hosting`), where it has them.
pub fn hosting_at<'a>(scenario: &'a mut Scenario, base: &str) -> Option<&'a mut Hosting> {
    match base {
        "self_host.hosting" => Some(&mut scenario.self_host.hosting),
        "fine_tune.serving.hosting" => match &mut scenario.fine_tune.serving {
            TunedServing::Hosted(hosting) => Some(&mut **hosting),
            _ => None,
        },
        "pretrain.hosting" => Some(&mut scenario.pretrain.hosting),
        _ => None,
    }
}

/// The instances at `base`, as the window names them.
#[must_use]
pub fn hosting_label(base: &str) -> &'static str {
    match base {
        "fine_tune.serving.hosting" => "the fine-tune's instances",
        "pretrain.hosting" => "the pretrained model's instances",
        _ => "Self-host's instances",
    }
}

/// The name of a file as a note says it: its name, or the whole path where it has none.
#[must_use]
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
