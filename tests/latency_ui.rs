//! Reply times in the window: the reply length and the API's speed typed into their fields give
//! each option's reply time in the Cost lines tab, the decision matrix's latency row and the
//! reasons set against the latency target; a self-hosted model's speed comes from the catalog.

mod common;

use common::{click, click_away, harness, new_app, shows, type_into};

use breakeven_model::engine::Phase;
use egui_kittest::kittest::Queryable as _;
use rust_decimal::dec;

#[test]
fn a_reply_length_and_the_api_s_speed_give_each_option_s_reply_time() {
    let mut harness = harness(new_app());
    type_into(&mut harness, "Reply length", "300");
    click_away(&mut harness);
    assert_eq!(
        harness.state().scenario().workload.reply_tokens.value.get(),
        dec!(300)
    );
    // Fold the workload so Buy's last group is on screen, then open it.
    click(&mut harness, "Workload");
    click(&mut harness, "Reply speed");
    type_into(&mut harness, "Time to first token", "600");
    type_into(&mut harness, "Output speed", "100");
    click_away(&mut harness);
    let speed = &harness.state().scenario().buy.speed;
    assert_eq!(
        (
            speed.first_token_ms.value.get(),
            speed.output_tokens_per_second.value.get()
        ),
        (dec!(600), dec!(100))
    );
    click(&mut harness, "Cost lines");
    // 600 ms + 300 tokens at 100 a second.
    assert!(shows(
        &harness,
        "Reply time. Buy: a 300-token reply takes 3.6 s"
    ));
    // The example's Llama 3 8B on an A10G at concurrency 64, from the catalog's llmperf run:
    // 1,080.42 ms + 300 tokens at 16.2 a second.
    assert!(shows(
        &harness,
        "Reply time. Self-host: a 300-token reply takes 19.6 s"
    ));
    // The example's 1,500 ms target: both replies are over it, and the reasons say so.
    let evaluation =
        breakeven_model::evaluate(harness.state().scenario(), common::today()).expect("evaluates");
    let against = |phase: Phase| {
        evaluation.recommendation.reasons.iter().any(|r| {
            r.for_phase == phase
                && r.against
                && r.input == "matrix.fine_tuning_fit.latency_target_ms"
        })
    };
    assert!(against(Phase::Buy) && against(Phase::SelfHost));
    click(&mut harness, "Decision matrix");
    assert!(shows(
        &harness,
        "3.6 s a reply (first token 600 ms, then 100 tokens/s)"
    ));
    assert!(
        harness
            .query_all_by_label_contains("10-500 ms")
            .next()
            .is_none()
    );
}
