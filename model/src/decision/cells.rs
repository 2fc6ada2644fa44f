//! The decision matrix as seed 003 draws it (time to production, up-front cost, monthly cost,
//! data privacy, customisation, maintenance, latency, team), filled from this scenario.

use rust_decimal::Decimal;

use crate::engine::Outcome;
use crate::format::{group_thousands, usd_cents};
use crate::phase::Phase;
use crate::preset::RulePreset;
use crate::scenario::{Scenario, Staff, TunedServing};
use crate::units::Usd;

/// One criterion of the matrix, one cell per phase in [`Phase::ALL`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    /// The criterion.
    pub criterion: &'static str,
    /// The cells.
    pub cells: [String; 4],
}

fn staff_text(staff: &Staff) -> String {
    match staff {
        Staff::Hours {
            hours_per_month, ..
        } => format!("{} hours a month", hours_per_month.value),
        Staff::People { people, .. } => format!("{} people", people.value),
    }
}

/// A reply time from the option's own speed. The articles' ranges (100-2000 ms of network for an
/// API, 10-500 ms for a model hosted close to the product: seed 003's table) are no answer for a
/// 70B model streaming a few hundred tokens, so a cell without a speed says what to give.
fn latency_cell(outcome: &Outcome, phase: Phase) -> String {
    let time = outcome.latency.of(phase);
    if time.first_token_ms.is_some() || time.tokens_per_second.is_some() {
        return time.cell();
    }
    match phase {
        Phase::Buy => {
            "100-2000 ms of network a call (the articles' range); give the API's speed".into()
        }
        _ => "not known: give the model's time to first token and output speed".into(),
    }
}

/// What a cell says of one-off amounts too large to add up: a cell has no room for an error.
const TOO_LARGE: &str = "too large to add up exactly";

/// What `amounts` add up to, or `None` when the sum is too large to hold exactly.
fn usd_total(amounts: &[Usd]) -> Option<Decimal> {
    amounts
        .iter()
        .try_fold(Usd::ZERO, |sum, amount| sum.checked_add(*amount).ok())
        .map(Usd::get)
}

/// The matrix rows for `scenario`, with its costs from `outcome`.
#[must_use]
#[expect(clippy::too_many_lines, reason = "one table, written row by row")]
pub fn matrix_rows(scenario: &Scenario, outcome: &Outcome, preset: &RulePreset) -> Vec<MatrixRow> {
    let h = &scenario.horizon;
    let ft = &scenario.fine_tune;
    let own_cloud = matches!(ft.serving, TunedServing::Hosted(_));
    let run = usd_total(&[
        ft.curation_usd_per_run.value,
        ft.training_usd_per_run.value,
        ft.evaluation_usd_per_run.value,
    ]);
    let pretrain_up_front = usd_total(&[
        scenario.pretrain.corpus_usd.value,
        scenario.pretrain.compute_usd.value,
    ]);
    let cost = |p: Phase| format!("{}/month", usd_cents(outcome.costs[p.index()].total));
    let months = |n: u32| {
        if n == 1 {
            "1 month".to_owned()
        } else {
            format!("{n} months")
        }
    };
    vec![
        MatrixRow {
            criterion: "Time to production",
            cells: [
                "days".into(),
                format!("weeks; {} to build here", months(h.build_months.value)),
                format!("months; {} to build here", months(h.build_months.value)),
                months(scenario.pretrain.build_months.value),
            ],
        },
        MatrixRow {
            criterion: "Up-front cost",
            cells: [
                usd_cents(Decimal::ZERO),
                run.map_or_else(
                    || TOO_LARGE.to_owned(),
                    |run| format!("{} a training run", usd_cents(run)),
                ),
                usd_cents(scenario.self_host.setup_usd.value.get()),
                pretrain_up_front.map_or_else(|| TOO_LARGE.to_owned(), usd_cents),
            ],
        },
        MatrixRow {
            criterion: "Monthly cost",
            cells: [
                cost(Phase::Buy),
                cost(Phase::FineTune),
                cost(Phase::SelfHost),
                cost(Phase::Pretrain),
            ],
        },
        MatrixRow {
            criterion: "Data privacy",
            cells: [
                "data leaves your infrastructure".into(),
                if own_cloud {
                    "stays in your cloud".into()
                } else {
                    "data sent to the provider for training".into()
                },
                "full control".into(),
                "full control, and provenance of the training data".into(),
            ],
        },
        MatrixRow {
            criterion: "Customisation",
            cells: [
                "prompt engineering and retrieval".into(),
                "domain adaptation".into(),
                "full control of the model".into(),
                "everything, from the data up".into(),
            ],
        },
        MatrixRow {
            criterion: "Maintenance",
            cells: [
                "provider handles updates".into(),
                match ft.retrain_every_months.value {
                    0 => "periodic retraining".into(),
                    n => format!("retraining every {}", months(n)),
                },
                "full operations burden".into(),
                "full operations and retraining".into(),
            ],
        },
        MatrixRow {
            criterion: "Latency",
            cells: Phase::ALL.map(|phase| latency_cell(outcome, phase)),
        },
        MatrixRow {
            criterion: "Team required",
            cells: [
                "product and prompt engineers".into(),
                format!(
                    "a small ML team ({}+); the cost counts {}",
                    group_thousands(preset.fine_tune_team.value.get()),
                    staff_text(&ft.staff)
                ),
                format!(
                    "ML + infrastructure ({}+); the cost counts {}",
                    group_thousands(preset.self_host_team.value.get()),
                    staff_text(&scenario.self_host.staff)
                ),
                format!(
                    "a research team; the cost counts {}",
                    staff_text(&scenario.pretrain.team)
                ),
            ],
        },
    ]
}
