//! The reply time of each option in words and as a table: the first token, the output speed a
//! request receives, the whole reply for the scenario's reply length, and the latency target.

use rust_decimal::Decimal;

use super::document::Document;
use super::table::Table;
use crate::engine::{Latency, Outcome, ReplyTime, duration};
use crate::format::group_thousands;
use crate::scenario::Scenario;

/// The latency target in milliseconds, when the scenario sets one.
#[must_use]
pub fn target_ms(scenario: &Scenario) -> Option<Decimal> {
    scenario
        .matrix
        .fine_tuning_fit
        .latency_target_ms
        .as_ref()
        .map(|t| t.value.get())
}

/// Whether any option's speed is known: otherwise the section has nothing to say.
#[must_use]
pub fn anything_known(latency: &Latency) -> bool {
    latency
        .options
        .iter()
        .any(|t| t.first_token_ms.is_some() || t.tokens_per_second.is_some())
}

/// The reply time of each option on the table, as a table then in sentences with their sources.
pub fn section(doc: &mut Document, scenario: &Scenario, outcome: &Outcome) {
    let latency = &outcome.latency;
    if !anything_known(latency) {
        return;
    }
    doc.heading("Reply times", 2);
    let reply = latency.reply_tokens.as_ref().map_or_else(
        || "Reply".to_owned(),
        |r| format!("A {}-token reply", group_thousands(r.value.normalize())),
    );
    let target = target_ms(scenario);
    let mut headings = vec![
        "Option",
        "First token",
        "Output speed a request",
        reply.as_str(),
    ];
    let against = target.map(|t| format!("Within {} ms", group_thousands(t)));
    if let Some(against) = &against {
        headings.push(against.as_str());
    }
    let mut table = Table::new(&headings);
    let shown: Vec<&ReplyTime> = latency
        .options
        .iter()
        .filter(|t| scenario.on_the_table(t.phase))
        .collect();
    for time in &shown {
        let mut row = vec![
            time.phase.label().to_owned(),
            time.first_token_ms
                .as_ref()
                .map_or_else(|| "not given".to_owned(), |f| duration(f.value)),
            time.tokens_per_second.as_ref().map_or_else(
                || "not given".to_owned(),
                |s| {
                    format!(
                        "{} tokens/s",
                        group_thousands(s.value.round_dp(1).normalize())
                    )
                },
            ),
            match (time.reply_ms, time.generating_ms) {
                (Some(ms), _) => duration(ms),
                (None, Some(ms)) => format!("at least {}", duration(ms)),
                (None, None) => String::new(),
            },
        ];
        if let Some(target) = target {
            row.push(
                match time.within(target) {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                }
                .to_owned(),
            );
        }
        table.row(row);
    }
    doc.table(&table);
    let mut basis = "A reply takes its first token's time, then its tokens at the speed one request receives. On instances of your own that speed is the measurement's, or the throughput shared by the requests measured together.".to_owned();
    if latency.reply_tokens.is_none() {
        basis.push_str(
            " Give the reply length (Workload / Reply length) for the time a whole reply takes.",
        );
    }
    doc.paragraph(&basis);
    doc.bullets(
        shown
            .iter()
            .map(|t| t.in_words(latency.reply_tokens.as_ref())),
    );
}
