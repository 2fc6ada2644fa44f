//! The right panel: the recommended phase, how firm it is, why, what would change it, and what
//! to be careful with.

use std::fmt::Write as _;

use breakeven_model::decision::Reason;
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

/// The recommendation card.
pub fn verdict_ui(ui: &mut Ui, computed: &Evaluation) {
    let rec = &computed.recommendation;
    ui.label(RichText::new("Recommendation").weak());
    ui.label(
        RichText::new(rec.phase.label())
            .size(34.0)
            .strong()
            .color(colour(rec.phase)),
    );
    ui.label(format!("Confidence: {} ({})", rec.confidence_label, rec.confidence)).on_hover_text(
        "The score margin m over the next option as m / (m + 2), less a fifth when the volume or the spend is within 1.5x of flipping the costs.",
    );
    let cost = &computed.outcome.costs[rec.phase.index()];
    ui.label(format!(
        "{}/month at {} tokens/month",
        usd_cents(cost.total),
        tokens_short(computed.outcome.volume)
    ))
    .on_hover_text(format!("{}/month exactly", cost.total));
    ui.separator();
    ui.label(RichText::new("How far from flipping").strong());
    for d in &rec.distances {
        ui.label(format!("• {}", d.text)).on_hover_text(format!(
            "{}: {} now, flips at {}",
            d.input, d.value, d.flips_at
        ));
    }
    ui.separator();
    ui.label(RichText::new("Why").strong());
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
    for (phase, why) in &rec.excluded {
        ui.label(format!("{} ruled out: {why}.", phase.label()));
    }
    ui.separator();
    ui.label(RichText::new("What would change it").strong());
    for text in &rec.what_would_change {
        ui.label(format!("• {text}"));
    }
    let warnings: Vec<String> = rec
        .notices
        .iter()
        .map(|n| n.text.clone())
        .chain(computed.price_age.iter().cloned())
        .chain(computed.outcome.warnings.iter().map(|w| w.message.clone()))
        .collect();
    if !warnings.is_empty() {
        ui.separator();
        ui.label(RichText::new("Warnings").strong());
        for w in warnings {
            ui.colored_label(ui.visuals().warn_fg_color, format!("• {w}"));
        }
    }
}
