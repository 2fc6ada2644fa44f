//! How long one reply takes with each option: the wait for its first token, then the reply's
//! tokens at the speed one request receives.
//!
//! The articles give latency as ranges: 100-2000 ms of network for an API against 10-500 ms for
//! a model hosted close to the product ("Strategic Architecture: Build vs. Buy vs. Fine-tune",
//! `seeds/003_6c749b65f84702ec.txt`), "500ms-2s of latency per request" for frontier APIs ("The
//! AI Build vs. Buy Decision", `seeds/004_9e8827d79f9ec908.txt`). Those ranges hold for short
//! replies from small models; a 70B model sharing an H100 among 16 requests streams each at
//! about 110 tokens a second, so a 300-token reply takes seconds wherever it runs. Here each
//! option's reply time comes from its own figures: the time to first token and the output speed
//! a request receives, typed or taken from the catalog, and for instances of your own the
//! throughput basis: the measured output tokens a second shared by its concurrent requests.

use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::error::{AtField, ComputeError};
use crate::format::group_thousands;
use crate::phase::Phase;
use crate::scenario::{Hosting, Scenario, Speed, Throughput, TunedServing, Volume};
use crate::sourced::Sourced;
use crate::units::{Quantity, TokensPerSecond, add, div, from_whole_number, mul};

/// A figure and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value.
    pub value: Decimal,
    /// Its source: the note on the input, or how it was derived.
    pub basis: String,
}

/// One option's reply time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyTime {
    /// The option.
    pub phase: Phase,
    /// Milliseconds to the first token, when given.
    pub first_token_ms: Option<Figure>,
    /// Output tokens a second one request receives, when given or measured.
    pub tokens_per_second: Option<Figure>,
    /// Milliseconds generating the reply's tokens at that speed, when the reply length is known.
    pub generating_ms: Option<Decimal>,
    /// The whole reply, first token and generation, when both are known.
    pub reply_ms: Option<Decimal>,
    /// The share of traffic these figures are for, in percent, when not all of it: a fine-tune
    /// answers the traffic routed to it, and the rest replies as the API does.
    pub routed_percent: Option<Decimal>,
}

/// Every option's reply time, for the scenario's reply length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Latency {
    /// Tokens generated in one reply, when known.
    pub reply_tokens: Option<Figure>,
    /// Each option's, in [`Phase::ALL`] order.
    pub options: [ReplyTime; 4],
}

impl Latency {
    /// The reply time of `phase`.
    #[must_use]
    pub fn of(&self, phase: Phase) -> &ReplyTime {
        &self.options[phase.index()]
    }
}

impl ReplyTime {
    /// The least a reply takes, as far as it is known: the whole reply, or its generation alone
    /// when the time to first token is not given.
    #[must_use]
    pub fn at_least_ms(&self) -> Option<Decimal> {
        self.reply_ms.or(self.generating_ms)
    }

    /// Whether a reply is within `target` ms: `Some(false)` when even its generation alone is
    /// over, `Some(true)` when the whole reply is known and within, `None` when it cannot be
    /// said.
    #[must_use]
    pub fn within(&self, target: Decimal) -> Option<bool> {
        match (self.reply_ms, self.generating_ms) {
            (Some(reply), _) => Some(reply <= target),
            (None, Some(generating)) if generating > target => Some(false),
            _ => None,
        }
    }

    /// The reply time in a few words, for a table cell: "2.97 s (first token 300 ms, then 112.5
    /// tokens/s)".
    #[must_use]
    pub fn cell(&self) -> String {
        let speed = self.tokens_per_second.as_ref().map(|s| {
            format!(
                "{} tokens/s",
                group_thousands(s.value.round_dp(1).normalize())
            )
        });
        let first = self
            .first_token_ms
            .as_ref()
            .map(|f| format!("first token {}", duration(f.value)));
        match (self.reply_ms, self.generating_ms, first, speed) {
            (Some(reply), _, Some(first), Some(speed)) => {
                format!("{} a reply ({first}, then {speed})", duration(reply))
            }
            (None, Some(generating), None, Some(speed)) => format!(
                "at least {} a reply at {speed}; first token not given",
                duration(generating)
            ),
            (_, _, first, speed) => match (first, speed) {
                (Some(first), Some(speed)) => {
                    format!("{first}, then {speed}; reply length not given")
                }
                (Some(first), None) => format!("{first}; output speed not given"),
                (None, Some(speed)) => format!("{speed}; reply length not given"),
                (None, None) => "speed not given".to_owned(),
            },
        }
    }

    /// The reply time in a sentence with every figure's source, for the reports: "Self-host: a
    /// 300-token reply takes 2.97 s: the first token in 300 ms (your value), then 112.5 tokens a
    /// second (1,800 output tokens/s ÷ 16 concurrent requests, …)."
    #[must_use]
    pub fn in_words(&self, reply_tokens: Option<&Figure>) -> String {
        let name = self.phase.label();
        let routed = self
            .routed_percent
            .map(|p| {
                format!(
                    " (for the {}% routed to it; the rest replies as the API does)",
                    p.normalize()
                )
            })
            .unwrap_or_default();
        let first = self
            .first_token_ms
            .as_ref()
            .map(|f| format!("the first token in {} ({})", duration(f.value), f.basis));
        let speed = self.tokens_per_second.as_ref().map(|s| {
            format!(
                "{} tokens a second ({})",
                group_thousands(s.value.round_dp(2).normalize()),
                s.basis
            )
        });
        let reply =
            reply_tokens.map(|r| format!("a {}-token reply", group_thousands(r.value.normalize())));
        match (self.reply_ms, self.generating_ms, reply, first, speed) {
            (Some(ms), _, Some(reply), Some(first), Some(speed)) => {
                format!(
                    "{name}{routed}: {reply} takes {}: {first}, then {speed}.",
                    duration(ms)
                )
            }
            (None, Some(ms), Some(reply), None, Some(speed)) => format!(
                "{name}{routed}: {reply} takes at least {} at {speed}; the time to first token is not given.",
                duration(ms)
            ),
            (_, _, _, first, speed) => {
                let known: Vec<String> = first.into_iter().chain(speed).collect();
                if known.is_empty() {
                    format!("{name}: its speed is not given.")
                } else {
                    format!(
                        "{name}{routed}: {}; give the reply length for the time a reply takes.",
                        known.join(", then ")
                    )
                }
            }
        }
    }
}

/// A time as people say it: `850 ms`, `2.97 s`.
#[must_use]
pub fn duration(ms: Decimal) -> String {
    if ms < Decimal::ONE_THOUSAND {
        format!("{} ms", group_thousands(ms.round_dp(0).normalize()))
    } else {
        let seconds = ms.checked_div(Decimal::ONE_THOUSAND).unwrap_or(ms);
        format!("{} s", group_thousands(seconds.round_dp(2).normalize()))
    }
}

/// Each option's reply time in `scenario`. Fails only when a reply length over a speed is too
/// large to hold exactly; the error names the speed.
pub fn latency(scenario: &Scenario) -> Result<Latency, ComputeError> {
    let reply_tokens = reply_tokens(scenario);
    let tuned = match &scenario.fine_tune.serving {
        TunedServing::Hosted(hosting) => Served::Hosting(hosting, "fine_tune.serving"),
        TunedServing::PerToken { speed, .. } | TunedServing::Flat { speed, .. } => {
            Served::Speed(speed, "fine_tune.serving.speed")
        }
    };
    let routed = scenario.fine_tune.routed_percent.value.get();
    let options = [
        (
            Phase::Buy,
            Served::Speed(&scenario.buy.speed, "buy.speed"),
            None,
        ),
        (
            Phase::FineTune,
            tuned,
            (routed < Decimal::ONE_HUNDRED).then_some(routed),
        ),
        (
            Phase::SelfHost,
            Served::Hosting(&scenario.self_host.hosting, "self_host.hosting"),
            None,
        ),
        (
            Phase::Pretrain,
            Served::Hosting(&scenario.pretrain.hosting, "pretrain.hosting"),
            None,
        ),
    ];
    let mut times = Vec::with_capacity(4);
    for (phase, served, routed_percent) in options {
        times.push(reply_time(
            phase,
            &served,
            reply_tokens.as_ref(),
            routed_percent,
        )?);
    }
    let options = times
        .try_into()
        .unwrap_or_else(|_| unreachable!("four options"));
    Ok(Latency {
        reply_tokens,
        options,
    })
}

/// Where an option's speed is: on its instances, or given for the service.
enum Served<'a> {
    Hosting(&'a Hosting, &'static str),
    Speed(&'a Speed, &'static str),
}

fn reply_time(
    phase: Phase,
    served: &Served<'_>,
    reply_tokens: Option<&Figure>,
    routed_percent: Option<Decimal>,
) -> Result<ReplyTime, ComputeError> {
    let (speed, path) = match served {
        Served::Hosting(hosting, _) => (&hosting.speed, "speed"),
        Served::Speed(speed, path) => (*speed, *path),
    };
    let first_token_ms = given(&speed.first_token_ms);
    let tokens_per_second = match (given(&speed.output_tokens_per_second), served) {
        (Some(typed), _) => Some(typed),
        (None, Served::Hosting(hosting, _)) => per_request(hosting),
        (None, Served::Speed(..)) => None,
    };
    let speed_path = match served {
        Served::Hosting(_, site) => format!("{site}.{path}.output_tokens_per_second"),
        Served::Speed(_, site) => format!("{site}.output_tokens_per_second"),
    };
    let generating_ms = match (reply_tokens, &tokens_per_second) {
        (Some(reply), Some(speed)) => {
            let seconds =
                div(reply.value, speed.value, "reply tokens ÷ tokens a second").at(&speed_path)?;
            Some(mul(seconds, Decimal::ONE_THOUSAND, "× 1,000 ms").at(&speed_path)?)
        }
        _ => None,
    };
    let reply_ms = match (&first_token_ms, generating_ms) {
        (Some(first), Some(generating)) => {
            Some(add(first.value, generating, "first token + generation").at(&speed_path)?)
        }
        _ => None,
    };
    Ok(ReplyTime {
        phase,
        first_token_ms,
        tokens_per_second,
        generating_ms,
        reply_ms,
        routed_percent,
    })
}

/// A figure the user or the catalog gave: above zero, with its note ("your value" without one).
fn given<Q: Quantity>(field: &Sourced<Q>) -> Option<Figure> {
    let value = field.value.get();
    (value > Decimal::ZERO).then(|| Figure {
        value,
        basis: field
            .source
            .clone()
            .unwrap_or_else(|| "your value".to_owned()),
    })
}

/// The output tokens a second one request receives on `hosting`'s instances, from the throughput
/// basis: the measured aggregate shared by the requests measured together, on each replica of
/// the measured setup (an 8-GPU instance runs eight copies of a one-GPU measurement).
fn per_request(hosting: &Hosting) -> Option<Figure> {
    let Throughput::Measured {
        model,
        output_tokens_per_second,
        concurrency,
        ..
    } = &hosting.throughput
    else {
        return None;
    };
    let replicas = hosting
        .catalog_id
        .as_deref()
        .and_then(|id| Catalog::embedded().gpu_instance(id))
        .and_then(|instance| {
            instance
                .figure_of(&hosting.throughput)
                .map(|figure| figure.replicas_on(instance))
        })
        .unwrap_or(1);
    let streams = concurrency.checked_mul(replicas)?;
    if streams == 0 {
        return None;
    }
    let aggregate: TokensPerSecond = output_tokens_per_second.value;
    let value = aggregate.get().checked_div(from_whole_number(streams))?;
    let shared = if replicas == 1 {
        format!("{concurrency} concurrent requests")
    } else {
        format!("{replicas} replicas × {concurrency} concurrent requests")
    };
    Some(Figure {
        value,
        basis: format!(
            "{} output tokens/s ÷ {shared}, the throughput basis of {model}",
            group_thousands(aggregate.get().normalize())
        ),
    })
}

/// Tokens generated in one reply: a volume built from users has them; a volume in tokens a
/// month needs the reply length.
fn reply_tokens(scenario: &Scenario) -> Option<Figure> {
    match &scenario.workload.volume {
        Volume::Users {
            output_tokens_per_request,
            ..
        } => given(output_tokens_per_request).map(|f| Figure {
            basis: format!("Workload / Output per request: {}", f.basis),
            ..f
        }),
        Volume::Tokens { .. } => given(&scenario.workload.reply_tokens),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::engine::compute;
    use crate::units::{Count, Percent, TokensPerMonth, TokensPerRequest};

    /// The planning meeting's self-hosted model: Llama 3.1 70B (FP8) from the catalog on
    /// `instance`, 300-token replies.
    fn llama_70b_on(instance: &str) -> Scenario {
        let mut s = Scenario::embedded_default();
        s.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(6_750_000_000))),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(2_250_000_000))),
        };
        s.workload.reply_tokens = Sourced::bare(TokensPerRequest::new(dec!(300)));
        let gpu = Catalog::embedded()
            .gpu_instance(instance)
            .expect("in the catalog");
        let figure = gpu
            .throughput
            .iter()
            .find(|f| f.model == "Llama-3.1-70B FP8")
            .expect("a 70B figure");
        gpu.apply_to(&mut s.self_host.hosting, Some(figure));
        s
    }

    fn self_host(s: &Scenario) -> ReplyTime {
        latency(s).expect("computes").of(Phase::SelfHost).clone()
    }

    #[test]
    fn a_request_gets_the_throughput_shared_by_the_requests_measured_together() {
        // 1,800 output tokens a second at concurrency 16 on one H100.
        let one = self_host(&llama_70b_on("p5.4xlarge"));
        let speed = one.tokens_per_second.clone().expect("from the basis");
        assert_eq!(speed.value, dec!(112.5));
        assert!(
            speed
                .basis
                .contains("1,800 output tokens/s ÷ 16 concurrent requests"),
            "{}",
            speed.basis
        );
        // 300 tokens at 112.5 a second; the first token is not given, so it is a floor.
        assert_eq!(
            one.generating_ms.map(|ms| ms.round_dp(2)),
            Some(dec!(2666.67))
        );
        assert_eq!(one.reply_ms, None);
        assert_eq!(one.at_least_ms(), one.generating_ms);
        // Eight H100s run eight copies of the one-GPU measurement: each request still gets
        // 14,400 ÷ (8 × 16).
        let eight = self_host(&llama_70b_on("p5.48xlarge"));
        let speed = eight.tokens_per_second.expect("from the basis");
        assert_eq!(speed.value, dec!(112.5));
        assert!(
            speed.basis.contains("8 replicas × 16 concurrent requests"),
            "{}",
            speed.basis
        );
    }

    #[test]
    fn the_first_token_and_the_reply_length_make_the_reply_time() {
        let mut s = llama_70b_on("p5.4xlarge");
        s.self_host.hosting.speed.first_token_ms = Sourced::bare(Count::new(dec!(400)));
        let time = self_host(&s);
        // 400 ms + 300 ÷ 112.5 s.
        assert_eq!(time.reply_ms.map(|ms| ms.round_dp(2)), Some(dec!(3066.67)));
        assert_eq!(duration(time.reply_ms.expect("known")), "3.07 s");
        let words = time.in_words(latency(&s).expect("computes").reply_tokens.as_ref());
        assert!(words.starts_with("Self-host: a 300-token reply takes 3.07 s: the first token in 400 ms (your value), then 112.5 tokens a second"), "{words}");
        // A typed speed wins over the basis.
        s.self_host.hosting.speed.output_tokens_per_second =
            Sourced::from_source(TokensPerSecond::new(dec!(30)), "our load test");
        let time = self_host(&s);
        assert_eq!(time.reply_ms, Some(dec!(10400)));
        assert_eq!(
            time.tokens_per_second.map(|f| f.basis),
            Some("our load test".to_owned())
        );
        // Without a reply length there is no reply time, only the speeds.
        s.workload.reply_tokens = Sourced::default();
        let time = self_host(&s);
        assert_eq!((time.reply_ms, time.generating_ms), (None, None));
        assert!(
            time.cell().contains("reply length not given"),
            "{}",
            time.cell()
        );
    }

    #[test]
    fn a_catalog_pick_brings_the_measured_first_token_and_speed() {
        let mut s = Scenario::embedded_default();
        let gpu = Catalog::embedded()
            .gpu_instance("g5.2xlarge")
            .expect("in the catalog");
        let figure = gpu
            .throughput
            .iter()
            .find(|f| f.concurrency == 16)
            .expect("a figure");
        gpu.apply_to(&mut s.self_host.hosting, Some(figure));
        let speed = &s.self_host.hosting.speed;
        assert_eq!(speed.first_token_ms.value, Count::new(dec!(302.75)));
        // 1,000 ms ÷ 42.67 ms between tokens.
        assert_eq!(
            speed.output_tokens_per_second.value,
            TokensPerSecond::new(dec!(23.44))
        );
        assert!(
            speed
                .first_token_ms
                .source
                .as_deref()
                .is_some_and(|n| n.starts_with("catalog:") && n.contains("concurrency 16")),
            "{:?}",
            speed.first_token_ms.source
        );
        // A figure without a published speed leaves it to the basis; a speed the user typed
        // stays through the pick.
        s.self_host.hosting.speed.first_token_ms = Sourced::bare(Count::new(dec!(400)));
        let h100 = Catalog::embedded()
            .gpu_instance("p5.4xlarge")
            .expect("in the catalog");
        h100.apply_to(&mut s.self_host.hosting, h100.busiest_figure());
        assert_eq!(
            s.self_host.hosting.speed.first_token_ms,
            Sourced::bare(Count::new(dec!(400)))
        );
        assert!(
            s.self_host
                .hosting
                .speed
                .output_tokens_per_second
                .is_unset()
        );
    }

    #[test]
    fn a_volume_from_users_has_its_reply_length_and_a_fine_tune_answers_its_share() {
        let mut s = llama_70b_on("p5.4xlarge");
        s.workload.volume = Volume::Users {
            daily_users: Sourced::bare(Count::new(dec!(1000))),
            requests_per_user_per_day: Sourced::bare(Count::new(dec!(50))),
            input_tokens_per_request: Sourced::bare(TokensPerRequest::new(dec!(500))),
            output_tokens_per_request: Sourced::bare(TokensPerRequest::new(dec!(225))),
        };
        let times = latency(&s).expect("computes");
        assert_eq!(
            times.reply_tokens.as_ref().map(|r| r.value),
            Some(dec!(225))
        );
        assert_eq!(times.of(Phase::SelfHost).generating_ms, Some(dec!(2000)));
        s.fine_tune.routed_percent.value = Percent::new(dec!(70));
        let times = latency(&s).expect("computes");
        let words = times
            .of(Phase::FineTune)
            .in_words(times.reply_tokens.as_ref());
        assert!(words.contains("for the 70% routed to it"), "{words}");
    }

    #[test]
    fn the_outcome_and_the_matrix_carry_the_reply_times() {
        let mut s = llama_70b_on("p5.4xlarge");
        s.self_host.hosting.speed.first_token_ms = Sourced::bare(Count::new(dec!(400)));
        let outcome = compute(&s).expect("computes");
        assert_eq!(outcome.latency, latency(&s).expect("computes"));
        let rows = crate::decision::matrix_rows(&s, &outcome, s.rule_preset.resolve());
        let row = rows
            .iter()
            .find(|r| r.criterion == "Latency")
            .expect("a latency row");
        let cell = &row.cells[Phase::SelfHost.index()];
        assert_eq!(
            cell,
            "3.07 s a reply (first token 400 ms, then 112.5 tokens/s)"
        );
        assert!(
            row.cells.iter().all(|c| !c.contains("10-500 ms")),
            "{:?}",
            row.cells
        );
    }
}

#[cfg(test)]
mod reports {
    use rust_decimal::dec;

    use crate::catalog::Catalog;
    use crate::scenario::Scenario;
    use crate::sourced::Sourced;
    use crate::units::{Count, TokensPerRequest, TokensPerSecond};

    #[test]
    fn the_reports_carry_each_option_s_reply_time_against_the_target() {
        let mut s = Scenario::embedded_default();
        let h100 = Catalog::embedded()
            .gpu_instance("p5.4xlarge")
            .expect("in the catalog");
        let figure = h100.figure_like("Llama-3.1-70B FP8", 16);
        h100.apply_to(&mut s.self_host.hosting, figure);
        s.self_host.hosting.speed.first_token_ms = Sourced::bare(Count::new(dec!(400)));
        s.buy.speed.first_token_ms =
            Sourced::from_source(Count::new(dec!(1100)), "our gateway's p50");
        s.buy.speed.output_tokens_per_second =
            Sourced::from_source(TokensPerSecond::new(dec!(44)), "our gateway's p50");
        s.workload.reply_tokens = Sourced::bare(TokensPerRequest::new(dec!(300)));
        s.matrix.fine_tuning_fit.latency_target_ms = Some(Sourced::bare(Count::new(dec!(5000))));
        s.left_out = vec![crate::phase::Phase::Pretrain];
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        let evaluation = crate::evaluate(&s, today).expect("evaluates");
        let text = evaluation.render(crate::report::Format::Text);
        assert!(text.contains("Reply times"), "{text}");
        // 1,100 ms + 300 ÷ 44 s = 7.92 s, over the 5 s target; 400 ms + 2.67 s within it.
        assert!(
            text.contains("Buy: a 300-token reply takes 7.92 s: the first token in 1.1 s (our gateway's p50), then 44 tokens a second (our gateway's p50)."),
            "{text}"
        );
        assert!(
            text.contains("Self-host: a 300-token reply takes 3.07 s"),
            "{text}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&evaluation.render(crate::report::Format::Json)).expect("JSON");
        let latency = &json["latency"];
        assert_eq!(latency["reply_tokens"], "300");
        assert_eq!(latency["target_ms"], "5000");
        let options = latency["options"].as_array().expect("a list");
        let of = |phase: &str| {
            options
                .iter()
                .find(|o| o["phase"] == phase)
                .unwrap_or_else(|| panic!("{phase} in {options:?}"))
        };
        assert_eq!(of("Buy")["reply_ms"], "7918.18");
        assert_eq!(of("Buy")["meets_target"], false);
        assert_eq!(of("SelfHost")["reply_ms"], "3066.67");
        assert_eq!(of("SelfHost")["meets_target"], true);
        // Left out, it is not there.
        assert!(
            options.iter().all(|o| o["phase"] != "Pretrain"),
            "{options:?}"
        );
    }
}
