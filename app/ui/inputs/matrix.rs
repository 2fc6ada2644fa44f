//! The decision matrix's answers: data residency, the fine-tuning fit, the team, the frontier and
//! the product stage, and pretraining's conditions. Every answer may be left unanswered; an
//! unanswered question argues for nothing and is listed as what could change the
//! recommendation.

use breakeven_model::Scenario;
use breakeven_model::scenario::{
    DataResidency, Differentiator, FrontierVelocity, Gap, ProductStage, Retrieval,
};
use egui::Ui;

use super::form::Form;
use crate::ui::widgets::fields::{Number, choice, field, note, yes_no};

/// What fine-tuning has to work with.
#[rustfmt::skip]
const FIT: [Number<Scenario>; 2] = [
    Number::new("Labelled examples", "examples", "matrix.fine_tuning_fit.labelled_examples", "High-quality labelled examples for the task: 10K+ fits, under 500 is overfitting (\"The AI Build vs. Buy Decision\").", |s| Some(&mut s.matrix.fine_tuning_fit.labelled_examples)),
    Number::new("Latency target", "ms", "matrix.fine_tuning_fit.latency_target_ms", "The response time the product needs: under 200 ms favours a model of your own.", |s| Some(&mut s.matrix.fine_tuning_fit.latency_target_ms)),
];

/// The people available.
#[rustfmt::skip]
const TEAM: [Number<Scenario>; 2] = [
    Number::new("ML engineers", "people", "matrix.engineering.ml_people", "ML engineers available for this work.", |s| Some(&mut s.matrix.engineering.ml_people)),
    Number::new("Infrastructure engineers", "people", "matrix.engineering.infra_people", "Infrastructure engineers available for this work. Self-hosting needs 5+ in all (\"LLM Strategy: Build, Buy, or Fine-Tune?\").", |s| Some(&mut s.matrix.engineering.infra_people)),
];

/// Pretraining's conditions that are numbers.
#[rustfmt::skip]
const PRETRAINING: [Number<Scenario>; 3] = [
    Number::tokens("Unique corpus", "tokens", "matrix.pretraining.unique_corpus_tokens", "Tokens of proprietary data absent from public training sets: 100B+.", |s| Some(&mut s.matrix.pretraining.unique_corpus_tokens)),
    Number::new("Budget", "USD", "matrix.pretraining.budget_usd", "What can be committed: $5M+.", |s| Some(&mut s.matrix.pretraining.budget_usd)),
    Number::new("Months available", "months", "matrix.pretraining.months_available", "Months that can be given to it: 12+.", |s| Some(&mut s.matrix.pretraining.months_available)),
];

/// The answers to where the data may be processed, with their names.
const RESIDENCY: [(DataResidency, &str); 4] = [
    (DataResidency::NoConstraint, "No constraint"),
    (DataResidency::Contractual, "Contractual (a DPA suffices)"),
    (
        DataResidency::Regulated,
        "Regulated (health, finance, legal)",
    ),
    (DataResidency::AirGapped, "Air-gapped"),
];

/// What data residency means, on hover.
const RESIDENCY_HELP: &str =
    "Where the data may be processed. Air-gapped rules out every API, whatever the cost.";

/// Where the data may be processed: a choice, compared with the default `d`.
pub fn residency_ui(ui: &mut Ui, s: &mut Scenario, d: &Scenario) {
    let f = field(
        "Data residency",
        "",
        RESIDENCY_HELP,
        "matrix.data_residency",
    );
    choice(
        ui,
        f,
        &mut s.matrix.data_residency,
        d.matrix.data_residency,
        &RESIDENCY,
    );
}

/// Data residency in a box `width` wide, its answer cut to fit (whole on hover): for a bar
/// with little room.
pub fn residency_combo(ui: &mut Ui, s: &mut Scenario, width: f32) {
    let value = &mut s.matrix.data_residency;
    let shown = value
        .and_then(|v| RESIDENCY.iter().find(|(o, _)| *o == v))
        .map_or("Not answered", |(_, n)| *n);
    let name = ui.label("Data residency").on_hover_text(RESIDENCY_HELP);
    ui.scope(|ui| {
        // A box that cuts its text takes all the room it is given: give it its width.
        ui.set_max_width(width);
        egui::ComboBox::from_id_salt("residency-compact")
            .selected_text(shown)
            .width(width)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(value, None, "Not answered");
                for (option, text) in RESIDENCY {
                    ui.selectable_value(value, Some(option), text);
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(shown);
    });
}

/// What fine-tuning would fix, and with what.
pub fn fit_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    let (examples, latency) = FIT.split_at(1);
    form.numbers(ui, examples, s);
    let options = [
        (Gap::OutputFormat, "Output format"),
        (Gap::DomainVocabulary, "Domain vocabulary"),
        (Gap::Style, "Style"),
        (Gap::Latency, "Latency"),
        (Gap::MissingFacts, "Facts the model lacks"),
        (Gap::NothingSpecific, "Nothing specific"),
    ];
    let gap = field(
        "The gap",
        "",
        "What fine-tuning would fix. Facts the model lacks are retrieval's job.",
        "matrix.fine_tuning_fit.gap",
    );
    let default = form.default.matrix.fine_tuning_fit.gap;
    choice(
        ui,
        gap,
        &mut s.matrix.fine_tuning_fit.gap,
        default,
        &options,
    );
    let retrieval = [
        (Retrieval::NotTried, "Not tried"),
        (Retrieval::ReachesQuality, "Reaches the quality"),
        (Retrieval::FallsShort, "Falls short"),
    ];
    let default = form.default.matrix.retrieval;
    choice(
        ui,
        field(
            "Retrieval (RAG)",
            "",
            "What retrieval reaches on this task. \"Start with RAG. Fine-tune only when RAG cannot achieve the required output quality, style, or format\" (\"LLM Strategy: Build, Buy, or Fine-Tune?\"). Reaching the quality rules fine-tuning out.",
            "matrix.retrieval",
        ),
        &mut s.matrix.retrieval,
        default,
        &retrieval,
    );
    form.numbers(ui, latency, s);
}

/// Where the advantage lies, and whether the data is a moat ("The AI Build vs. Buy Decision").
pub fn moat_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    let differentiator = [
        (Differentiator::AroundTheModel, "Around the model"),
        (Differentiator::InTheModel, "In the model"),
    ];
    let default = form.default.matrix.differentiator;
    choice(
        ui,
        field(
            "Differentiator",
            "",
            "\"The single most important question\": is your advantage in your workflow, UX, integrations or distribution (use an API; never build custom infrastructure for a commodity capability), or in your data, domain expertise or model behaviour (fine-tune or train)?",
            "matrix.differentiator",
        ),
        &mut s.matrix.differentiator,
        default,
        &differentiator,
    );
    note(
        ui,
        "The data moat test (\"The AI Build vs. Buy Decision\").",
    );
    let moat = &mut s.matrix.data_moat;
    let questions: [(&str, &str, &str, &mut Option<bool>); 4] = [
        (
            "Proprietary data",
            "Is the data your own? Scraped from the public internet, it is in every base model already: no moat.",
            "matrix.data_moat.proprietary",
            &mut moat.proprietary,
        ),
        (
            "Growing data",
            "Does product usage keep adding to it (a data flywheel)? A static dataset is a depreciating asset.",
            "matrix.data_moat.growing",
            &mut moat.growing,
        ),
        (
            "Expert-labelled",
            "Is it annotated by experts in a specialised domain? Raw data is cheap; expert labels are scarce.",
            "matrix.data_moat.expert_labelled",
            &mut moat.expert_labelled,
        ),
        (
            "Perishable",
            "Does it go stale? Then it needs a continuous pipeline, not a one-time training run.",
            "matrix.data_moat.perishable",
            &mut moat.perishable,
        ),
    ];
    for (name, help, path, value) in questions {
        yes_no(ui, field(name, "", help, path), value, None);
    }
}

/// The people available, and whether they are already underwater.
pub fn team_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    form.numbers(ui, &TEAM, s);
    let overloaded = field(
        "Team overloaded",
        "",
        "Is the team already underwater? Then nobody can build and run it.",
        "matrix.engineering.overloaded",
    );
    let default = form.default.matrix.engineering.overloaded;
    yes_no(
        ui,
        overloaded,
        &mut s.matrix.engineering.overloaded,
        default,
    );
}

/// How fast the frontier moves, and where the product is.
pub fn stage_ui(ui: &mut Ui, s: &mut Scenario, d: &Scenario) {
    let velocity = [
        (FrontierVelocity::Fast, "Fast"),
        (FrontierVelocity::Moderate, "Moderate"),
        (FrontierVelocity::Plateaued, "Plateaued"),
    ];
    choice(
        ui,
        field(
            "Frontier velocity",
            "",
            "How fast frontier models improve at this task. Fast: a fine-tune is outperformed within 6 months.",
            "matrix.frontier_velocity",
        ),
        &mut s.matrix.frontier_velocity,
        d.matrix.frontier_velocity,
        &velocity,
    );
    let stage = [
        (
            ProductStage::BeforeProductMarketFit,
            "Before product-market fit",
        ),
        (ProductStage::ProductMarketFit, "Product-market fit"),
        (ProductStage::Scaling, "Scaling"),
    ];
    choice(
        ui,
        field(
            "Product stage",
            "",
            "Before product-market fit, buy, whatever the cost.",
            "matrix.product_stage",
        ),
        &mut s.matrix.product_stage,
        d.matrix.product_stage,
        &stage,
    );
}

/// Pretraining's five conditions ("The AI Build vs. Buy Decision").
pub fn pretraining_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    note(
        ui,
        "Pretraining needs all five (\"The AI Build vs. Buy Decision\").",
    );
    let (corpus, budget_and_months) = PRETRAINING.split_at(1);
    form.numbers(ui, corpus, s);
    let pre = &mut s.matrix.pretraining;
    yes_no(
        ui,
        field(
            "A platform",
            "",
            "Is the model the product's platform, not one feature?",
            "matrix.pretraining.platform",
        ),
        &mut pre.platform,
        None,
    );
    yes_no(
        ui,
        field(
            "Domain poorly served",
            "",
            "Do general models serve the domain poorly?",
            "matrix.pretraining.domain_poorly_served",
        ),
        &mut pre.domain_poorly_served,
        None,
    );
    form.numbers(ui, budget_and_months, s);
}
