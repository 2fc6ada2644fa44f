//! `breakeven throughput` as a user runs it: a benchmark read into a throughput basis, and
//! hostile files refused with one message naming the file and the key.

mod common;

use std::path::Path;

use common::cli::{refused, run_in, succeeded, write_file};

const BENCHMARKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/benchmarks");

fn throughput(args: &[&str]) -> std::process::Output {
    let mut all = vec!["throughput"];
    all.extend(args);
    run_in(Path::new("/nonexistent/breakeven-throughput-tests"), &all)
}

#[test]
fn a_benchmark_prints_its_throughput_basis_in_text_and_json() {
    let llmperf = format!("{BENCHMARKS}/llmperf-summary.json");
    let text = succeeded(&throughput(&[&llmperf]));
    assert!(
        text.contains("Throughput: 335.4 output tokens/s at 4 concurrent requests, 551.2 tokens in and 149.7 out a request."),
        "{text}"
    );
    let vllm = format!("{BENCHMARKS}/vllm-bench-serve.json");
    let json: serde_json::Value =
        serde_json::from_str(&succeeded(&throughput(&[&vllm, "--format", "json"]))).expect("JSON");
    assert_eq!(json["output_tokens_per_second"], "207.31");
    assert_eq!(json["concurrency"], 2);
    assert_eq!(json["input_tokens_per_request"], "1024");
}

#[test]
fn hostile_benchmarks_get_one_message_naming_the_file_and_the_key() {
    let folder = tempfile::tempdir().expect("a folder");
    let write = |name: &str, bytes: &[u8]| write_file(folder.path(), name, bytes);
    for (path, says) in [
        (
            write("none.json", br#"{"output_throughput": 10, "completed": 0}"#),
            "completed is 0",
        ),
        (
            write("cut.json", br#"{"output_throughput": 1"#),
            "it is not JSON",
        ),
        (
            write("other.json", br#"{"a": 1}"#),
            "not a benchmark Breakeven reads",
        ),
        (write("binary.json", &[0xff, 0, 1]), "it is not text"),
    ] {
        let err = refused(&throughput(&[&path]));
        assert!(err.contains(&path) && err.contains(says), "{path}: {err}");
    }
}
