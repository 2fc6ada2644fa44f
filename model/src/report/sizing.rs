//! The sizing of each hosted option in words and as a table: the peak it serves, what one
//! instance serves, the headroom, and the months growth calls for another instance.

use rust_decimal::Decimal;

use super::document::Document;
use super::table::Table;
use super::text::percent;
use crate::engine::{Outcome, Sizing};
use crate::format::group_thousands;

/// Tokens a second, whole: `10,274`.
fn per_second(value: Decimal) -> String {
    group_thousands(value.round_dp(0))
}

fn count(value: Decimal) -> String {
    group_thousands(value.normalize())
}

/// When more instances are needed: "4 from month 11, 5 from month 19", or that none are.
#[must_use]
pub fn steps(sizing: &Sizing) -> String {
    if sizing.steps.is_empty() {
        return format!(
            "no more over the {} months of the horizon",
            sizing.by_month.len()
        );
    }
    sizing
        .steps
        .iter()
        .map(|(month, k)| format!("{} from month {month}", count(*k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sizing of one option in a sentence.
#[must_use]
pub fn in_words(sizing: &Sizing) -> String {
    let instances = match sizing.instances {
        k if k == Decimal::ONE => "1 instance".to_owned(),
        k => format!("{} instances", count(k)),
    };
    let headroom = match sizing.headroom {
        Some(h) if h >= Decimal::ZERO => format!(", so {} is to spare at the peak", percent(h)),
        Some(h) => format!(", {} short at the peak", percent(h.abs())),
        None => String::new(),
    };
    let growth = if sizing.steps.is_empty() {
        format!(
            "No more are needed over the {} months of the horizon.",
            sizing.by_month.len()
        )
    } else {
        format!("As traffic grows: {}.", steps(sizing))
    };
    format!(
        "{}: {instances} today for a peak of {} tokens/s ({} of them output); one serves {} tokens/s at the target utilisation{headroom}. {growth}",
        sizing.phase.label(),
        per_second(sizing.peak_tokens_per_second),
        per_second(sizing.peak_output_tokens_per_second),
        per_second(sizing.per_instance_tokens_per_second),
    )
}

/// The sizing section: a table of the hosted options, then each in words.
pub fn section(doc: &mut Document, outcome: &Outcome) {
    if outcome.sizing.is_empty() {
        return;
    }
    doc.heading("Instances", 2);
    let mut table = Table::new(&[
        "Option",
        "Peak tokens/s",
        "One instance serves",
        "Instances today",
        "Headroom at the peak",
        "More needed",
    ]);
    for sizing in &outcome.sizing {
        table.row(vec![
            sizing.phase.label().to_owned(),
            per_second(sizing.peak_tokens_per_second),
            per_second(sizing.per_instance_tokens_per_second),
            count(sizing.instances),
            sizing.headroom.map(percent).unwrap_or_default(),
            steps(sizing),
        ]);
    }
    doc.table(&table);
    doc.paragraph(
        "Tokens a second count input and output at the scenario's mix, over the hours in service; one instance serves what its measured throughput gives at the target utilisation. The count each month is in months.csv.",
    );
    doc.bullets(outcome.sizing.iter().map(in_words));
}
