//! The inputs of the three options that run models of their own: self-hosting, fine-tuning and
//! pretraining. Their instances and people are in `hosting`.

use breakeven_model::Scenario;
use breakeven_model::scenario::{ServingKind, TunedServing};
use egui::Ui;

use super::form::Form;
use super::hosting::{Site, hosting_ui, staff_ui};
use crate::ui::widgets::fields::{Number, field, kind_choice};

/// What self-hosting costs besides instances and staff.
#[rustfmt::skip]
const SELF_HOST: [Number<Scenario>; 2] = [
    Number::new("Security and compliance", "USD/month", "self_host.security_usd_per_month", "Security work you take over from the vendor: price it in (\"Strategic Architecture\").", |s| Some(&mut s.self_host.security_usd_per_month)),
    Number::new("Setup", "USD", "self_host.setup_usd", "One-off cost of setting it up; paid in month 1.", |s| Some(&mut s.self_host.setup_usd)),
];

/// How traffic is split between the tuned model and the API.
#[rustfmt::skip]
const ROUTING: [Number<Scenario>; 2] = [
    Number::new("Routed to the tuned model", "%", "fine_tune.routed_percent", "Share of traffic routed to the tuned model; the rest stays on the API.", |s| Some(&mut s.fine_tune.routed_percent)),
    Number::new("Fallback to the API", "% of routed", "fine_tune.fallback_percent", "Share of the routed traffic that fails over to the API at API prices.", |s| Some(&mut s.fine_tune.fallback_percent)),
];

/// The tuned model served by a provider, per token or for a flat fee.
#[rustfmt::skip]
const SERVED: [Number<Scenario>; 6] = [
    Number::new("Tuned input price", "USD per 1M", "fine_tune.serving.input_usd_per_1m", "Provider's price of prompt tokens to the tuned model.", |s| match &mut s.fine_tune.serving { TunedServing::PerToken { input_usd_per_1m, .. } => Some(input_usd_per_1m), _ => None }),
    Number::new("Tuned output price", "USD per 1M", "fine_tune.serving.output_usd_per_1m", "Provider's price of generated tokens.", |s| match &mut s.fine_tune.serving { TunedServing::PerToken { output_usd_per_1m, .. } => Some(output_usd_per_1m), _ => None }),
    Number::new("Serving fee", "USD/month", "fine_tune.serving.usd_per_month", "A flat monthly price for traffic up to what it covers; another block of the fee beyond it.", |s| match &mut s.fine_tune.serving { TunedServing::Flat { usd_per_month, .. } => Some(usd_per_month), _ => None }),
    Number::tokens("Fee covers", "tokens/month", "fine_tune.serving.tokens_per_month", "Tokens a month, input and output, the flat fee covers: the contract's limit or what a load test shows. Beyond it the fee steps up a block. Type 14B or 800M.", |s| match &mut s.fine_tune.serving { TunedServing::Flat { tokens_per_month, .. } => Some(tokens_per_month), _ => None }),
    Number::new("Time to first token", "ms", "fine_tune.serving.speed.first_token_ms", "Milliseconds from a request to the tuned model's first token at the provider; 0 while not known.", |s| match &mut s.fine_tune.serving { TunedServing::PerToken { speed, .. } | TunedServing::Flat { speed, .. } => Some(&mut speed.first_token_ms), TunedServing::Hosted(_) => None }),
    Number::new("Output speed", "tokens/s a request", "fine_tune.serving.speed.output_tokens_per_second", "Output tokens a second one request to the tuned model receives; 0 while not known.", |s| match &mut s.fine_tune.serving { TunedServing::PerToken { speed, .. } | TunedServing::Flat { speed, .. } => Some(&mut speed.output_tokens_per_second), TunedServing::Hosted(_) => None }),
];

/// Each training run, and how often.
#[rustfmt::skip]
const TRAINING: [Number<Scenario>; 4] = [
    Number::new("Data curation", "USD a run", "fine_tune.curation_usd_per_run", "Collecting and cleaning training data, each run.", |s| Some(&mut s.fine_tune.curation_usd_per_run)),
    Number::new("Training", "USD a run", "fine_tune.training_usd_per_run", "Training compute, each run.", |s| Some(&mut s.fine_tune.training_usd_per_run)),
    Number::new("Evaluation", "USD a run", "fine_tune.evaluation_usd_per_run", "Evaluating before the tuned model takes traffic, each run.", |s| Some(&mut s.fine_tune.evaluation_usd_per_run)),
    Number::new("Retrain every", "months", "fine_tune.retrain_every_months", "0 for never. Where the frontier moves fast, about 6 (\"The AI Build vs. Buy Decision\").", |s| Some(&mut s.fine_tune.retrain_every_months)),
];

/// Pretraining's build.
#[rustfmt::skip]
const PRETRAIN: [Number<Scenario>; 3] = [
    Number::new("Corpus", "USD", "pretrain.corpus_usd", "Acquiring, cleaning and licensing the corpus; paid in month 1.", |s| Some(&mut s.pretrain.corpus_usd)),
    Number::new("Training compute", "USD", "pretrain.compute_usd", "Compute for the whole run, spread over the build months.", |s| Some(&mut s.pretrain.compute_usd)),
    Number::new("Build time", "months", "pretrain.build_months", "Months until the model serves traffic (\"The AI Build vs. Buy Decision\": 12+).", |s| Some(&mut s.pretrain.build_months)),
];

/// Self-hosting's inputs.
pub fn self_host_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    let site = Site {
        base: "self_host.hosting",
        in_default: |d| Some(&mut d.self_host.hosting),
    };
    hosting_ui(ui, form, &mut s.self_host.hosting, &site);
    staff_ui(ui, form, &mut s.self_host.staff, "self_host.staff", |d| {
        Some(&mut d.self_host.staff)
    });
    form.numbers(ui, &SELF_HOST, s);
}

/// Fine-tuning's inputs.
pub fn fine_tune_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    form.numbers(ui, &ROUTING, s);
    let kinds = [
        (ServingKind::Hosted, "Own instances"),
        (ServingKind::PerToken, "Per token"),
        (ServingKind::Flat, "Flat monthly fee"),
    ];
    let served = field(
        "Tuned model served on",
        "",
        "Your own instances (costed like self-hosting), a provider's per-token prices, or a flat monthly fee.",
        "fine_tune.serving",
    );
    let current = s.fine_tune.serving.kind();
    if let Some(kind) = kind_choice(ui, form.editing, served, &kinds, current) {
        let serving = TunedServing::for_kind(kind, s);
        let why = "Not switched: the API's prices are too large to start from. Correct them first.";
        if let Some(serving) = form.editing.kind_changed("fine_tune.serving", serving, why) {
            s.fine_tune.serving = serving;
        }
    }
    if let TunedServing::Hosted(hosting) = &mut s.fine_tune.serving {
        // A default that is not served on instances is compared with self-hosting's.
        let site = Site {
            base: "fine_tune.serving.hosting",
            in_default: |d| match &mut d.fine_tune.serving {
                TunedServing::Hosted(hosting) => Some(&mut **hosting),
                _ => Some(&mut d.self_host.hosting),
            },
        };
        hosting_ui(ui, form, hosting, &site);
    }
    form.numbers(ui, &SERVED, s);
    form.numbers(ui, &TRAINING, s);
    staff_ui(ui, form, &mut s.fine_tune.staff, "fine_tune.staff", |d| {
        Some(&mut d.fine_tune.staff)
    });
}

/// Pretraining's inputs.
pub fn pretrain_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    form.numbers(ui, &PRETRAIN, s);
    staff_ui(ui, form, &mut s.pretrain.team, "pretrain.team", |d| {
        Some(&mut d.pretrain.team)
    });
    let site = Site {
        base: "pretrain.hosting",
        in_default: |d| Some(&mut d.pretrain.hosting),
    };
    hosting_ui(ui, form, &mut s.pretrain.hosting, &site);
}

/// Which options are being considered: one left out keeps its figures but takes no part in the
/// answer, its sensitivity, its warnings or the charts. The last one on the table stays.
pub fn on_the_table_ui(ui: &mut Ui, _form: &mut Form<'_>, s: &mut Scenario) {
    for phase in breakeven_model::engine::Phase::ALL {
        let mut on = s.on_the_table(phase);
        let last = on
            && breakeven_model::engine::Phase::ALL
                .iter()
                .filter(|p| s.on_the_table(**p))
                .count()
                == 1;
        let response = ui
            .add_enabled(!last, egui::Checkbox::new(&mut on, phase.label()))
            .on_hover_text(
                "Untick an option nobody is considering: its figures are still computed, but it takes no part in the answer, the sensitivity, the warnings or the charts, and the report says it was left out.",
            )
            .on_disabled_hover_text("At least one option stays on the table.");
        if response.changed() {
            s.set_on_the_table(phase, on);
        }
    }
}
