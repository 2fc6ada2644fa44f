//! Each benchmark read from a small file in its real shape, exactly; the throughput basis it
//! gives a hosting option; hostile files refused naming the key.

use rust_decimal::dec;

use super::{BenchError, BenchFormat, read};
use crate::scenario::Throughput;

const VLLM: &str = include_str!("../../../tests/fixtures/benchmarks/vllm-bench-serve.json");
const LEGACY: &str =
    include_str!("../../../tests/fixtures/benchmarks/vllm-benchmark-serving-legacy.json");
const LLMPERF: &str = include_str!("../../../tests/fixtures/benchmarks/llmperf-summary.json");

#[test]
fn vllm_s_result_is_the_throughput_at_its_concurrency_and_the_tokens_of_a_request() {
    let b = read(VLLM, None).expect("reads");
    assert_eq!(b.format, BenchFormat::Vllm);
    assert_eq!(b.model, "meta-llama/Llama-3.1-8B-Instruct");
    assert_eq!(b.concurrency, 2);
    assert_eq!(b.output_tokens_per_second, dec!(207.31));
    // 3,072 prompt tokens and 384 generated over 3 completed requests.
    assert_eq!(b.input_tokens_per_request, dec!(1024));
    assert_eq!(b.output_tokens_per_request, dec!(128));
    assert_eq!(b.first_token_ms, Some(dec!(41.2)));
    // 1,000 ÷ 7.08 ms a token, to the hundredth.
    assert_eq!(b.request_tokens_per_second, Some(dec!(141.24)));
    let mut hosting = crate::Scenario::embedded_default().self_host.hosting;
    b.apply_to(&mut hosting, "bench.json");
    let Throughput::Measured {
        output_tokens_per_second,
        concurrency,
        ..
    } = &hosting.throughput
    else {
        panic!("{:?}", hosting.throughput);
    };
    assert_eq!(output_tokens_per_second.value.get(), dec!(207.31));
    assert_eq!(*concurrency, 2);
    assert!(
        output_tokens_per_second
            .source
            .as_deref()
            .is_some_and(|s| s.contains("bench.json (vLLM bench serve, run 20260101-120000)"))
    );
    assert_eq!(hosting.speed.first_token_ms.value.get(), dec!(41.2));
}

#[test]
fn a_legacy_result_run_at_a_request_rate_takes_its_prompts_as_the_concurrency_and_says_so() {
    let b = read(LEGACY, None).expect("reads");
    assert_eq!(b.concurrency, 2);
    assert!(
        b.notes
            .iter()
            .any(|n| n.contains("max_concurrency is null"))
    );
    assert_eq!(b.input_tokens_per_request, dec!(300));
}

#[test]
fn llmperf_s_summary_reads_its_measured_means_and_numbers_written_as_strings() {
    let b = read(LLMPERF, None).expect("reads");
    assert_eq!(b.format, BenchFormat::LlmPerf);
    assert_eq!(b.concurrency, 4);
    assert_eq!(b.output_tokens_per_second, dec!(335.4));
    // The measured means, not the requested 550 and 150.
    assert_eq!(b.input_tokens_per_request, dec!(551.2));
    assert_eq!(b.output_tokens_per_request, dec!(149.7));
    // 0.203 s.
    assert_eq!(b.first_token_ms, Some(dec!(203)));
    assert_eq!(b.request_tokens_per_second, Some(dec!(85.9)));
}

#[test]
fn appended_results_read_the_last_and_a_bare_nan_is_no_figure() {
    let older = VLLM.replace("207.31", "150.5");
    let appended = format!("{older}\n{VLLM}\n");
    assert_eq!(
        read(&appended, None).map(|b| b.output_tokens_per_second),
        Ok(dec!(207.31))
    );
    let nan = LLMPERF.replace(
        "\"results_ttft_s_quantiles_p50\": 0.203",
        "\"results_ttft_s_quantiles_p50\": NaN",
    );
    assert_ne!(nan, LLMPERF);
    assert_eq!(read(&nan, None).map(|b| b.first_token_ms), Ok(None));
    // "NaN" inside a string is left alone.
    let named = LLMPERF.replace("\"a100-80g\"", "\"NaN box\"");
    assert!(read(&named, None).is_ok());
}

#[test]
fn hostile_benchmarks_name_the_key() {
    let err = |text: &str| read(text, None).expect_err("refused").to_string();
    assert_eq!(
        err(&VLLM.replace("\"completed\": 3", "\"completed\": 0")),
        "completed is 0: no request finished, so nothing was measured"
    );
    assert_eq!(
        err(&VLLM.replace(
            "\"output_throughput\": 207.31",
            "\"output_throughput\": \"fast\""
        )),
        "output_throughput is `fast`, not a number that can be held exactly"
    );
    assert_eq!(
        err(&LLMPERF.replace(
            "\"num_concurrent_requests\": 4",
            "\"num_concurrent_requests\": -4"
        )),
        "num_concurrent_requests is -4, not a count of concurrent requests"
    );
    assert!(err("{\"model_id\": \"x\", \"output_thr").starts_with("it is not JSON"));
    assert_eq!(read("{\"a\": 1}", None), Err(BenchError::UnknownFormat));
    // Sizes said as the price list and the usage readers say them.
    assert_eq!(
        BenchError::TooLarge {
            bytes: 200 * 1024 * 1024
        }
        .to_string(),
        "it is 200.0 MB; a benchmark is read up to 64.0 MB"
    );
    assert!(
        err("{\"model_id\": \"x\", \"output_thr").contains("(line 1, column"),
        "where the JSON breaks"
    );
    assert_eq!(err("{\"output_throughput\": 1}"), "completed is missing");
}
