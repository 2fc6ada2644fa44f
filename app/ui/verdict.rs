//! The right panel: the recommended phase, how firm it is, why, what would change it, and what
//! to be careful with.

use std::fmt::Write as _;

use breakeven_model::decision::{Gate, Reason, Recommendation};
use breakeven_model::engine::Phase;
use breakeven_model::format::{tokens_short, usd_cents};
use egui::{RichText, Ui};

use crate::chart_style::colour;
use breakeven_model::Evaluation;

fn reason_ui(ui: &mut Ui, reason: &Reason) {
    let mark = if reason.against { "against:" } else { "for:" };
    let response = ui.label(format!("{mark} {}", reason.text));
    let mut hover = format!("Input: {} = {}", reason.input, reason.value);
    if let Some(t) = &reason.threshold {
        let _ = write!(hover, "\nThreshold: {t}");
    }
    if let Some(s) = &reason.source {
        let _ = write!(hover, "\nSource: {s}");
    }
    response.on_hover_text(hover);
    if let Some(s) = &reason.source {
        ui.label(RichText::new(format!("   {s}")).small().weak());
    }
}

fn gate_ui(ui: &mut Ui, gate: &Gate) {
    let effect = gate.effect_word();
    let response = ui.label(format!("{} {effect}: {}", gate.phase.label(), gate.text));
    let mut hover = format!("Input: {} = {}", gate.input, gate.value);
    if let Some(t) = &gate.threshold {
        let _ = write!(hover, "\nThreshold: {t}");
    }
    response.on_hover_text(hover);
    if let Some(s) = &gate.source {
        ui.label(RichText::new(format!("   {s}")).small().weak());
    }
}

/// The recommendation card.
pub fn verdict_ui(
    ui: &mut Ui,
    computed: &Evaluation,
    sampled: Option<&breakeven_model::uncertainty::Uncertainty>,
) {
    let rec = &computed.recommendation;
    ui.label(RichText::new("Recommendation").weak());
    ui.label(
        RichText::new(rec.phase.label())
            .size(34.0)
            .strong()
            .color(colour(rec.phase)),
    );
    if let Some(headline) = &rec.headline {
        ui.label(RichText::new(headline).strong());
    }
    let basis = if rec.settled_by_gates() {
        "Settled by the facts below (a gate decided it, or left one option): 0.95."
    } else {
        "The score margin m over the next option as m / (m + 2), less a fifth when the volume or the spend is within 1.5x of flipping the costs."
    };
    match sampled {
        // With inputs given as ranges, the confidence is a probability: the share of samples
        // that recommend the same.
        Some(u) => {
            let share = u.chance_recommended(rec.phase);
            let percent = share
                .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
                .unwrap_or(share);
            ui.label(format!(
                "Confidence: {}% of {} samples recommend it",
                percent.round_dp(0),
                breakeven_model::format::group_thousands(u.samples.into())
            ))
            .on_hover_text(
                "The inputs given as ranges, sampled through the whole model: the share of samples whose recommendation is this one. The How sure tab has the rest.",
            );
        }
        None => {
            ui.label(format!(
                "Confidence: {} ({})",
                rec.confidence_label, rec.confidence
            ))
            .on_hover_text(basis);
        }
    }
    let cost = &computed.outcome.costs[rec.phase.index()];
    ui.label(format!(
        "{}/month at {} tokens/month",
        usd_cents(cost.total),
        tokens_short(computed.outcome.volume)
    ))
    .on_hover_text(format!("{}/month exactly", cost.total));
    if !rec.gates.is_empty() {
        ui.separator();
        ui.label(RichText::new("Settled first").strong())
            .on_hover_text("Facts the articles call decisive, in the order they are asked. Costs never outvote them.");
        for gate in &rec.gates {
            gate_ui(ui, gate);
        }
    }
    ui.separator();
    ui.label(RichText::new("How far from flipping").strong());
    for d in &rec.distances {
        ui.label(format!("• {}", d.text)).on_hover_text(format!(
            "{}: {} now, flips at {}",
            d.input, d.value, d.flips_at
        ));
    }
    ui.separator();
    ui.label(RichText::new("Weighed").strong());
    for phase in Phase::ALL {
        let reasons: Vec<&Reason> = rec
            .reasons
            .iter()
            .filter(|r| r.for_phase == phase)
            .collect();
        if reasons.is_empty() {
            continue;
        }
        let title = format!("{} ({:+})", phase.label(), rec.scores[phase.index()]);
        egui::CollapsingHeader::new(RichText::new(title).color(colour(phase)))
            .default_open(phase == rec.phase)
            .show(ui, |ui| {
                for reason in reasons {
                    reason_ui(ui, reason);
                }
            });
    }
    ui.separator();
    // The distances are listed above under "How far from flipping": here only the rest.
    let more: Vec<&String> = rec
        .what_would_change
        .iter()
        .filter(|text| !rec.distances.iter().any(|d| &d.text == *text))
        .collect();
    if !more.is_empty() {
        ui.label(RichText::new("What else would change it").strong());
        for text in more {
            ui.label(format!("• {text}"));
        }
    }
    next_steps_ui(ui, rec);
    warnings_ui(ui, computed);
}

/// What to do next for the recommended phase, each step with its article on hover.
fn next_steps_ui(ui: &mut Ui, rec: &Recommendation) {
    if rec.next_steps.is_empty() {
        return;
    }
    ui.separator();
    // Closed until asked for: the card stays short, and a frame lays out what is open.
    let title = format!("Next steps ({})", rec.next_steps.len());
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("next-steps")
        .default_open(false)
        .show(ui, |ui| {
            for step in &rec.next_steps {
                let response = ui.label(format!("• {}: {}", step.when, step.text));
                if let Some(s) = &step.source {
                    response.on_hover_text(format!("Source: {s}"));
                }
            }
        });
}

/// Reviews due, old catalog prices, and the figures' warnings about the options on the table,
/// as every report lists them; those about an option ruled out are counted, with the list on
/// hover.
fn warnings_ui(ui: &mut Ui, computed: &Evaluation) {
    let cautions = &computed.cautions;
    if cautions.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Warnings").strong());
    for caution in &cautions.shown {
        let response = ui.colored_label(ui.visuals().warn_fg_color, format!("• {}", caution.text));
        if let Some(source) = &caution.source {
            response.on_hover_text(format!("Source: {source}"));
        }
    }
    if let Some(heading) = cautions.left_out_heading() {
        let about: Vec<&str> = cautions.left_out.iter().map(|c| c.text.as_str()).collect();
        ui.label(RichText::new(heading).weak())
            .on_hover_text(about.join("\n"));
    }
}
