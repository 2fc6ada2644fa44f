//! How firm a recommendation is, as distances in the user's units rather than an opaque score:
//! how far each deciding input is from flipping the answer.

use rust_decimal::Decimal;

use super::{Gate, GateEffect, ruled_out};
use crate::engine::Outcome;
use crate::error::{AtField, ComputeError};
use crate::format::{group_thousands, tokens_short, usd_cents};
use crate::phase::Phase;
use crate::preset::{Period, RulePreset};
use crate::scenario::{DataResidency, Scenario};
use crate::units::{add, sub};

/// How far one input is from flipping the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distance {
    /// The input, or the computed figure.
    pub input: String,
    /// Its value now, in its unit.
    pub value: String,
    /// The value at which the answer flips, in the same unit.
    pub flips_at: String,
    /// How many times the value must grow or shrink to get there (1 or more), where that is a
    /// ratio.
    pub factor: Option<Decimal>,
    /// The distance as a sentence.
    pub text: String,
}

fn factor(now: Decimal, then: Decimal) -> Option<Decimal> {
    if now <= Decimal::ZERO || then <= Decimal::ZERO {
        return None;
    }
    let f = if then > now {
        then.checked_div(now)?
    } else {
        now.checked_div(then)?
    };
    Some(f.round_dp(2))
}

/// The distances of the deciding inputs from flipping the recommendation of `phase`. Fails only
/// when a spend or a count is too large to compare exactly.
pub fn distances(
    scenario: &Scenario,
    outcome: &Outcome,
    preset: &RulePreset,
    gates: &[Gate],
    settled: bool,
) -> Result<Vec<Distance>, ComputeError> {
    let mut out = Vec::new();
    if settled {
        // Costs and thresholds flip nothing the gates settled: only a different answer does.
        out.extend(gate_answers(gates));
        return Ok(out);
    }
    out.extend(cost(outcome, gates));
    out.extend(spend(outcome, preset)?);
    let left_out = |phase: Phase| gates.iter().any(|g| g.phase == phase && g.is_left_out());
    out.extend(
        people_and_data(scenario, preset)?
            .into_iter()
            .filter(|(phase, _)| !left_out(*phase))
            .map(|(_, distance)| distance),
    );
    if scenario.matrix.data_residency == Some(DataResidency::AirGapped) {
        out.push(Distance {
            input: "matrix.data_residency".into(),
            value: "air-gapped".into(),
            flips_at: "a data-processing agreement suffices".into(),
            factor: None,
            text: "Only if data could leave your network would an API be back on the table.".into(),
        });
    }
    Ok(out)
}

/// A gate's input as the question people ask.
fn question(input: &str) -> &str {
    match input {
        "matrix.data_residency" => "where the data may go",
        "matrix.product_stage" => "the product's stage",
        "matrix.differentiator" => "where the differentiator lies",
        "matrix.fine_tuning_fit.gap" => "the gap fine-tuning would close",
        "matrix.fine_tuning_fit.labelled_examples" => "how many labelled examples there are",
        "matrix.retrieval" => "what retrieval reaches",
        "matrix.pretraining" => "pretraining's conditions",
        other => other,
    }
}

/// A gate's question as a distance: only a different answer moves it.
fn answer(gate: &Gate, text: String) -> Distance {
    Distance {
        input: gate.input.clone(),
        value: gate.value.clone(),
        flips_at: "a different answer".into(),
        factor: None,
        text,
    }
}

/// What a different answer to each question behind a gate would put back on the table.
fn gate_answers(gates: &[Gate]) -> Vec<Distance> {
    let mut out: Vec<Distance> = gates
        .iter()
        .filter(|g| g.effect == GateEffect::Decides)
        .map(|g| {
            let text = format!(
                "{} is decided by {} (now: {}); only a different answer there changes it.",
                g.phase.label(),
                question(&g.input),
                g.value
            );
            answer(g, text)
        })
        .collect();
    let mut ruled: Vec<(&Gate, Vec<&str>)> = Vec::new();
    for gate in gates.iter().filter(|g| g.effect == GateEffect::RulesOut) {
        if gate.is_left_out() {
            let text = format!(
                "{} is left out: put it back on the table to weigh it.",
                gate.phase.label()
            );
            out.push(answer(gate, text));
            continue;
        }
        match ruled.iter_mut().find(|(g, _)| g.input == gate.input) {
            Some((_, phases)) => phases.push(gate.phase.label()),
            None => ruled.push((gate, vec![gate.phase.label()])),
        }
    }
    for (gate, phases) in ruled {
        let named = match phases.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => continue,
        };
        let text = format!(
            "Only a different answer to {} (now: {}) would put {named} back on the table.",
            question(&gate.input),
            gate.value
        );
        out.push(answer(gate, text));
    }
    out
}

/// The nearest volume, above or below today's, at which the cheapest option on the table
/// changes.
fn cost(outcome: &Outcome, gates: &[Gate]) -> Option<Distance> {
    let volume = outcome.volume;
    let on_table = |p: Phase| !ruled_out(gates, p);
    let cheapest = outcome
        .costs
        .iter()
        .filter(|c| on_table(c.phase))
        .min_by_key(|c| c.total)?
        .phase;
    let c = outcome
        .break_evens
        .iter()
        .filter(|p| on_table(p.a) && on_table(p.b))
        .filter(|p| p.a == cheapest || p.b == cheapest)
        .flat_map(|p| p.crossings.iter())
        .filter(|c| c.cheaper_above != cheapest || c.volume < volume)
        .min_by_key(|c| factor(volume, c.volume).unwrap_or(Decimal::MAX))?;
    let text = if c.volume > volume {
        format!(
            "{} becomes cheaper than {} at {} tokens/month; you are at {}.",
            c.cheaper_above.label(),
            cheapest.label(),
            tokens_short(c.volume),
            tokens_short(volume)
        )
    } else {
        format!(
            "Below {} tokens/month {} is no longer the cheapest; you are at {}.",
            tokens_short(c.volume),
            cheapest.label(),
            tokens_short(volume)
        )
    };
    Some(Distance {
        input: "workload.volume".into(),
        value: format!("{} tokens/month", tokens_short(volume)),
        flips_at: format!("{} tokens/month", tokens_short(c.volume)),
        factor: factor(volume, c.volume),
        text,
    })
}

/// The nearest spend threshold of the preset, in its own unit.
fn spend(outcome: &Outcome, preset: &RulePreset) -> Result<Option<Distance>, ComputeError> {
    let monthly = outcome.api_spend;
    let spends = preset
        .spend
        .iter()
        .map(|t| Ok((t, t.per.spend(monthly).at("buy")?)))
        .collect::<Result<Vec<_>, ComputeError>>()?;
    let Some((t, spend)) = spends
        .into_iter()
        .min_by_key(|(t, spend)| factor(*spend, t.usd.get()).unwrap_or(Decimal::MAX))
    else {
        return Ok(None);
    };
    let unit = if t.per == Period::Month {
        "month"
    } else {
        "year"
    };
    let side = if spend < t.usd.get() {
        "below"
    } else {
        "above"
    };
    Ok(Some(Distance {
        input: "API spend".into(),
        value: format!("{}/{unit}", usd_cents(spend)),
        flips_at: format!("{}/{unit}", usd_cents(t.usd.get())),
        factor: factor(spend, t.usd.get()),
        text: format!(
            "API spend is {}/{unit}, {side} the {}/{unit} threshold of \"{}\".",
            usd_cents(spend),
            usd_cents(t.usd.get()),
            t.source
        ),
    }))
}

/// Labelled examples short of fitting, and people short of a self-hosting team, each with the
/// option it would bring closer.
fn people_and_data(
    scenario: &Scenario,
    preset: &RulePreset,
) -> Result<Vec<(Phase, Distance)>, ComputeError> {
    let mut out = Vec::new();
    if let Some(examples) = &scenario.matrix.fine_tuning_fit.labelled_examples {
        let path = "matrix.fine_tuning_fit.labelled_examples";
        let (have, need) = (examples.value.get(), preset.examples_fit.value.get());
        if have < need {
            let short = sub(need, have, "examples needed − examples").at(path)?;
            out.push((
                Phase::FineTune,
                Distance {
                    input: path.into(),
                    value: group_thousands(have),
                    flips_at: group_thousands(need),
                    factor: factor(have, need),
                    text: if short == Decimal::ONE {
                        "1 more labelled example and fine-tuning fits.".to_owned()
                    } else {
                        format!(
                            "{} more labelled examples and fine-tuning fits.",
                            group_thousands(short)
                        )
                    },
                },
            ));
        }
    }
    let eng = &scenario.matrix.engineering;
    if let (Some(ml), Some(infra)) = (&eng.ml_people, &eng.infra_people) {
        let path = "matrix.engineering";
        let have = add(ml.value.get(), infra.value.get(), "adding people").at(path)?;
        let need = preset.self_host_team.value.get();
        if have < need {
            let short = sub(need, have, "people needed − people").at(path)?;
            out.push((
                Phase::SelfHost,
                Distance {
                    input: path.into(),
                    value: format!("{} people", group_thousands(have)),
                    flips_at: format!("{} people", group_thousands(need)),
                    factor: None,
                    text: if short == Decimal::ONE {
                        "1 more person and self-hosting has the team it needs.".to_owned()
                    } else {
                        format!(
                            "{} more people and self-hosting has the team it needs.",
                            group_thousands(short)
                        )
                    },
                },
            ));
        }
    }
    Ok(out)
}

/// A confidence from 0 to 1: the score margin `m` gives `m / (m + 2)` (a margin of 2 points is
/// 0.5, of 6 is 0.75); a volume or spend within 1.5x of flipping the costs takes a fifth off; an
/// answer a gate decided is 0.95.
#[must_use]
pub fn confidence(margin: i32, decided: bool, distances: &[Distance]) -> Decimal {
    if decided {
        return Decimal::new(95, 2);
    }
    let m = Decimal::from(margin.clamp(0, 1000));
    let close = distances
        .iter()
        .any(|d| d.factor.is_some_and(|f| f < Decimal::new(15, 1)));
    let weight = if close {
        Decimal::new(8, 1)
    } else {
        Decimal::ONE
    };
    #[expect(
        clippy::arithmetic_side_effects,
        reason = "the margin is 0 to 1,000 here: m + 2 is 2 to 1,002, the share at most 1"
    )]
    let c = m / (m + Decimal::TWO) * weight;
    c.round_dp(2)
}
