//! The left panel: every input of the scenario, grouped as the decision is discussed.

// `e`, `s`, `d` and `p` are the edit buffer, the scenario, its defaults and the problems in every
// field call here: short names keep the long lists of fields readable.
#![allow(clippy::many_single_char_names)]
// Field lists are long by nature: one call a field, spread over several lines by rustfmt.
#![allow(clippy::too_many_lines)]

use breakeven_model::catalog::Catalog;
use breakeven_model::decision::{PresetChoice, built_in};
use breakeven_model::format::tokens_short;
use breakeven_model::scenario::{
    DataResidency, FrontierVelocity, Gap, ProductStage, Revenue, Volume,
};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{
    Count, Percent, Ratio, Tokens, TokensPerMonth, TokensPerRequest, Usd, UsdPerMillionTokens,
    UsdPerMonth,
};
use breakeven_model::{Problem, Scenario};
use egui::Ui;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use crate::ui::widgets::fields::{
    Editing, Style, choice, count, field, label, note, optional, optional_count, quantity, yes_no,
};

mod options;

/// The input panel's own state: the text being typed, and the defaults values are compared with.
pub struct InputsPanel {
    editing: Editing,
    default: Scenario,
}

impl Default for InputsPanel {
    fn default() -> Self {
        Self {
            editing: Editing::default(),
            default: Scenario::embedded_default(),
        }
    }
}

/// The value of an optional default answer.
fn dv<T: Copy>(answer: Option<&Sourced<T>>) -> Option<T> {
    answer.map(|a| a.value)
}

impl InputsPanel {
    /// The built-in default scenario that values are compared with (changed values are bold).
    #[must_use]
    pub fn defaults(&self) -> &Scenario {
        &self.default
    }

    /// Shows every input of `draft` and lets the user change it; `problems` are its validation
    /// messages, shown beside their fields.
    pub fn ui(&mut self, ui: &mut Ui, draft: &mut Scenario, problems: &[Problem]) {
        let d = &self.default;
        let e = &mut self.editing;
        egui::CollapsingHeader::new("Workload")
            .default_open(true)
            .show(ui, |ui| workload_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Buy: a hosted API")
            .default_open(true)
            .show(ui, |ui| buy_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Self-host")
            .show(ui, |ui| options::self_host_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Fine-tune")
            .show(ui, |ui| options::fine_tune_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Pretrain")
            .show(ui, |ui| options::pretrain_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Data residency")
            .default_open(true)
            .show(ui, |ui| residency_ui(ui, draft, d));
        egui::CollapsingHeader::new("Fine-tuning fit")
            .show(ui, |ui| fit_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Team")
            .default_open(true)
            .show(ui, |ui| team_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Frontier and product stage")
            .default_open(true)
            .show(ui, |ui| stage_ui(ui, draft, d));
        egui::CollapsingHeader::new("Pretraining facts")
            .show(ui, |ui| pretraining_ui(ui, e, draft, problems));
        egui::CollapsingHeader::new("Horizon").show(ui, |ui| horizon_ui(ui, e, draft, d, problems));
        egui::CollapsingHeader::new("Revenue").show(ui, |ui| revenue_ui(ui, e, draft, problems));
        egui::CollapsingHeader::new("Rule preset")
            .default_open(true)
            .show(ui, |ui| preset_ui(ui, draft, problems));
    }
}

/// The monthly volume on a logarithmic slider: drag it and every figure follows. Keeps the mix
/// of input and output ([`Volume::with_total_tokens`]).
pub fn volume_slider(ui: &mut Ui, volume: &mut Volume) {
    let Some(mut value) = volume
        .total_tokens()
        .ok()
        .flatten()
        .and_then(|total| total.get().to_f64())
    else {
        return;
    };
    let response = ui.add(
        egui::Slider::new(&mut value, 1e6..=1e13)
            .logarithmic(true)
            .text("Monthly volume")
            .custom_formatter(|v, _| Decimal::from_f64(v).map_or_else(String::new, tokens_short))
            .custom_parser(|text| {
                breakeven_model::units::parse_human(text)
                    .ok()
                    .and_then(|d| d.to_f64())
            }),
    );
    let response = response.on_hover_text("Tokens a month, input and output together, on a log scale. Drag to see every figure follow.");
    if response.changed()
        && let Some(total) = Decimal::from_f64(value)
        && let Ok(moved) = volume.with_total_tokens(TokensPerMonth::new(total))
    {
        *volume = moved;
    }
}

fn workload_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    volume_slider(ui, &mut s.workload.volume);
    let (dv_in, dv_out) = match &d.workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => (
            Some(input_tokens_per_month.value),
            Some(output_tokens_per_month.value),
        ),
        Volume::Users { .. } => (None, None),
    };
    match &mut s.workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => {
            let f = field(
                "Input tokens",
                "tokens/month",
                "Prompt tokens sent each month. Type 1.5B, 800M or 25K.",
                "workload.volume.input_tokens_per_month",
            );
            quantity(
                ui,
                e,
                f,
                input_tokens_per_month,
                dv_in,
                p,
                TokensPerMonth::new,
                Style::Tokens,
            );
            let f = field(
                "Output tokens",
                "tokens/month",
                "Tokens generated each month.",
                "workload.volume.output_tokens_per_month",
            );
            quantity(
                ui,
                e,
                f,
                output_tokens_per_month,
                dv_out,
                p,
                TokensPerMonth::new,
                Style::Tokens,
            );
        }
        Volume::Users {
            daily_users,
            requests_per_user_per_day,
            input_tokens_per_request,
            output_tokens_per_request,
        } => {
            note(
                ui,
                "Users x requests x tokens, with a month of 365/12 days (\"The AI Build vs. Buy Decision\").",
            );
            quantity(
                ui,
                e,
                field(
                    "Daily users",
                    "users",
                    "People using the feature on an average day.",
                    "workload.volume.daily_users",
                ),
                daily_users,
                None,
                p,
                Count::new,
                Style::Plain,
            );
            quantity(
                ui,
                e,
                field(
                    "Requests per user",
                    "a day",
                    "Requests each user makes a day.",
                    "workload.volume.requests_per_user_per_day",
                ),
                requests_per_user_per_day,
                None,
                p,
                Count::new,
                Style::Plain,
            );
            quantity(
                ui,
                e,
                field(
                    "Input per request",
                    "tokens",
                    "Prompt tokens in one request.",
                    "workload.volume.input_tokens_per_request",
                ),
                input_tokens_per_request,
                None,
                p,
                TokensPerRequest::new,
                Style::Tokens,
            );
            quantity(
                ui,
                e,
                field(
                    "Output per request",
                    "tokens",
                    "Generated tokens in one request.",
                    "workload.volume.output_tokens_per_request",
                ),
                output_tokens_per_request,
                None,
                p,
                TokensPerRequest::new,
                Style::Tokens,
            );
        }
    }
    let w = &mut s.workload;
    quantity(
        ui,
        e,
        field(
            "Growth",
            "% a month",
            "Monthly growth of the volume, compounded over the horizon.",
            "workload.growth_percent_per_month",
        ),
        &mut w.growth_percent_per_month,
        Some(d.workload.growth_percent_per_month.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Peak over average",
            "x",
            "Peak traffic over average: instances are sized for the peak.",
            "workload.peak_to_average",
        ),
        &mut w.peak_to_average,
        Some(d.workload.peak_to_average.value),
        p,
        Ratio::new,
        Style::Plain,
    );
}

fn api_model_picker(ui: &mut Ui, s: &mut Scenario) {
    let catalog = Catalog::embedded();
    let current = s
        .buy
        .catalog_id
        .as_deref()
        .and_then(|id| catalog.api_model(id))
        .map_or("Custom prices".to_owned(), |m| m.name.clone());
    ui.horizontal(|ui| {
        let name = label(ui, "API model", false);
        egui::ComboBox::from_id_salt("api-model")
            .selected_text(current)
            .width(230.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(s.buy.catalog_id.is_none(), "Custom prices").clicked() {
                    s.buy.catalog_id = None;
                }
                for model in &catalog.api_models {
                    let text = format!("{}: ${} in / ${} out per 1M ({})", model.name, model.input_usd_per_1m, model.output_usd_per_1m, model.as_of);
                    if ui.selectable_label(s.buy.catalog_id.as_deref() == Some(model.id.as_str()), text).clicked() {
                        model.apply_to(&mut s.buy);
                    }
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text("Take the prices from the catalog (with their source and date), or type your own below.");
    });
}

fn buy_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    api_model_picker(ui, s);
    let (b, db) = (&mut s.buy, &d.buy);
    let price = |label, help, path| field(label, "USD per 1M", help, path);
    quantity(
        ui,
        e,
        price(
            "Input price",
            "Price of prompt tokens. A blended price goes in both input and output.",
            "buy.input_usd_per_1m",
        ),
        &mut b.input_usd_per_1m,
        Some(db.input_usd_per_1m.value),
        p,
        UsdPerMillionTokens::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        price(
            "Output price",
            "Price of generated tokens.",
            "buy.output_usd_per_1m",
        ),
        &mut b.output_usd_per_1m,
        Some(db.output_usd_per_1m.value),
        p,
        UsdPerMillionTokens::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Cached input",
            "%",
            "Share of input tokens served from the provider's prompt cache.",
            "buy.cached_input_percent",
        ),
        &mut b.cached_input_percent,
        Some(db.cached_input_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        price(
            "Cached input price",
            "Price of cached input tokens.",
            "buy.cached_input_usd_per_1m",
        ),
        &mut b.cached_input_usd_per_1m,
        Some(db.cached_input_usd_per_1m.value),
        p,
        UsdPerMillionTokens::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Batch share",
            "%",
            "Share of traffic sent through the batch API.",
            "buy.batch_percent",
        ),
        &mut b.batch_percent,
        Some(db.batch_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Batch discount",
            "%",
            "Discount the batch API gives.",
            "buy.batch_discount_percent",
        ),
        &mut b.batch_discount_percent,
        Some(db.batch_discount_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Commitment discount",
            "%",
            "Discount negotiated for committed spend.",
            "buy.commitment_discount_percent",
        ),
        &mut b.commitment_discount_percent,
        Some(db.commitment_discount_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Retry factor",
            "calls/task",
            "Calls per completed task: track cost per task, not per token (\"LLM Strategy: Build, Buy, or Fine-Tune?\").",
            "buy.retry_factor",
        ),
        &mut b.retry_factor,
        Some(db.retry_factor.value),
        p,
        Ratio::new,
        Style::Plain,
    );
}

/// Where the data may be processed: a choice, compared with the default `d`.
pub fn residency_ui(ui: &mut Ui, s: &mut Scenario, d: &Scenario) {
    let f = field(
        "Data residency",
        "",
        "Where the data may be processed. Air-gapped rules out every API, whatever the cost.",
        "matrix.data_residency",
    );
    let options = [
        (DataResidency::NoConstraint, "No constraint"),
        (DataResidency::Contractual, "Contractual (a DPA suffices)"),
        (
            DataResidency::Regulated,
            "Regulated (health, finance, legal)",
        ),
        (DataResidency::AirGapped, "Air-gapped"),
    ];
    choice(
        ui,
        f,
        &mut s.matrix.data_residency,
        d.matrix.data_residency,
        &options,
    );
}

fn fit_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    let fit = &mut s.matrix.fine_tuning_fit;
    let f = field(
        "Labelled examples",
        "examples",
        "High-quality labelled examples for the task: 10K+ fits, under 500 is overfitting (\"The AI Build vs. Buy Decision\").",
        "matrix.fine_tuning_fit.labelled_examples",
    );
    optional(
        ui,
        e,
        f,
        &mut fit.labelled_examples,
        dv(d.matrix.fine_tuning_fit.labelled_examples.as_ref()),
        p,
        Count::new,
        Style::Plain,
    );
    let options = [
        (Gap::OutputFormat, "Output format"),
        (Gap::DomainVocabulary, "Domain vocabulary"),
        (Gap::Style, "Style"),
        (Gap::Latency, "Latency"),
        (Gap::MissingFacts, "Facts the model lacks"),
        (Gap::NothingSpecific, "Nothing specific"),
    ];
    choice(
        ui,
        field(
            "The gap",
            "",
            "What fine-tuning would fix. Facts the model lacks are retrieval's job.",
            "matrix.fine_tuning_fit.gap",
        ),
        &mut fit.gap,
        d.matrix.fine_tuning_fit.gap,
        &options,
    );
    let f = field(
        "Latency target",
        "ms",
        "The response time the product needs: under 200 ms favours a model of your own.",
        "matrix.fine_tuning_fit.latency_target_ms",
    );
    optional(
        ui,
        e,
        f,
        &mut fit.latency_target_ms,
        dv(d.matrix.fine_tuning_fit.latency_target_ms.as_ref()),
        p,
        Count::new,
        Style::Plain,
    );
}

fn team_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    let eng = &mut s.matrix.engineering;
    optional(
        ui,
        e,
        field(
            "ML engineers",
            "people",
            "ML engineers available for this work.",
            "matrix.engineering.ml_people",
        ),
        &mut eng.ml_people,
        dv(d.matrix.engineering.ml_people.as_ref()),
        p,
        Count::new,
        Style::Plain,
    );
    optional(
        ui,
        e,
        field(
            "Infrastructure engineers",
            "people",
            "Infrastructure engineers available for this work. Self-hosting needs 5+ in all (\"LLM Strategy: Build, Buy, or Fine-Tune?\").",
            "matrix.engineering.infra_people",
        ),
        &mut eng.infra_people,
        dv(d.matrix.engineering.infra_people.as_ref()),
        p,
        Count::new,
        Style::Plain,
    );
    yes_no(
        ui,
        field(
            "Team overloaded",
            "",
            "Is the team already underwater? Then nobody can build and run it.",
            "matrix.engineering.overloaded",
        ),
        &mut eng.overloaded,
        d.matrix.engineering.overloaded,
    );
}

fn stage_ui(ui: &mut Ui, s: &mut Scenario, d: &Scenario) {
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

fn pretraining_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, p: &[Problem]) {
    let pre = &mut s.matrix.pretraining;
    note(
        ui,
        "Pretraining needs all five (\"The AI Build vs. Buy Decision\").",
    );
    optional(
        ui,
        e,
        field(
            "Unique corpus",
            "tokens",
            "Tokens of proprietary data absent from public training sets: 100B+.",
            "matrix.pretraining.unique_corpus_tokens",
        ),
        &mut pre.unique_corpus_tokens,
        None,
        p,
        Tokens::new,
        Style::Tokens,
    );
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
    optional(
        ui,
        e,
        field(
            "Budget",
            "USD",
            "What can be committed: $5M+.",
            "matrix.pretraining.budget_usd",
        ),
        &mut pre.budget_usd,
        None,
        p,
        Usd::new,
        Style::Plain,
    );
    optional_count(
        ui,
        e,
        field(
            "Months available",
            "months",
            "Months that can be given to it: 12+.",
            "matrix.pretraining.months_available",
        ),
        &mut pre.months_available,
        None,
        p,
    );
}

fn horizon_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    let (h, dh) = (&mut s.horizon, &d.horizon);
    count(
        ui,
        e,
        field(
            "Horizon",
            "months",
            "Months of cash to project, 1 to 120.",
            "horizon.months",
        ),
        &mut h.months,
        Some(dh.months.value),
        p,
    );
    quantity(
        ui,
        e,
        field(
            "API prices",
            "% a year",
            "Yearly change of API prices; negative when they fall. Applied at months 13, 25, ...",
            "horizon.api_price_change_percent_per_year",
        ),
        &mut h.api_price_change_percent_per_year,
        Some(dh.api_price_change_percent_per_year.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "GPU prices",
            "% a year",
            "Yearly change of GPU prices.",
            "horizon.gpu_price_change_percent_per_year",
        ),
        &mut h.gpu_price_change_percent_per_year,
        Some(dh.gpu_price_change_percent_per_year.value),
        p,
        Percent::new,
        Style::Plain,
    );
    count(
        ui,
        e,
        field(
            "Build time",
            "months",
            "Months to build self-hosting or a fine-tune; traffic stays on the API meanwhile.",
            "horizon.build_months",
        ),
        &mut h.build_months,
        Some(dh.build_months.value),
        p,
    );
    count(
        ui,
        e,
        field(
            "Parallel running",
            "months",
            "Months of running both systems before switching (shadow mode).",
            "horizon.parallel_run_months",
        ),
        &mut h.parallel_run_months,
        Some(dh.parallel_run_months.value),
        p,
    );
    quantity(
        ui,
        e,
        field(
            "Discount rate",
            "% a year",
            "For present values; 0 for plain cash.",
            "horizon.discount_rate_percent_per_year",
        ),
        &mut h.discount_rate_percent_per_year,
        Some(dh.discount_rate_percent_per_year.value),
        p,
        Percent::new,
        Style::Plain,
    );
}

fn revenue_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, p: &[Problem]) {
    let mut given = s.revenue.is_some();
    if ui
        .checkbox(&mut given, "Revenue given (for gross margin)")
        .changed()
    {
        s.revenue = given.then(Revenue::nothing_yet);
    }
    if let Some(r) = &mut s.revenue {
        quantity(
            ui,
            e,
            field(
                "Revenue",
                "USD/month",
                "Revenue this month.",
                "revenue.usd_per_month",
            ),
            &mut r.usd_per_month,
            None,
            p,
            UsdPerMonth::new,
            Style::Plain,
        );
        quantity(
            ui,
            e,
            field(
                "Revenue growth",
                "% a month",
                "Monthly growth of revenue.",
                "revenue.growth_percent_per_month",
            ),
            &mut r.growth_percent_per_month,
            None,
            p,
            Percent::new,
            Style::Plain,
        );
        quantity(
            ui,
            e,
            field(
                "Other cost of revenue",
                "USD/month",
                "Hosting, support and other costs of revenue besides the LLM.",
                "revenue.other_cost_of_revenue_usd_per_month",
            ),
            &mut r.other_cost_of_revenue_usd_per_month,
            None,
            p,
            UsdPerMonth::new,
            Style::Plain,
        );
    }
}

fn preset_ui(ui: &mut Ui, s: &mut Scenario, p: &[Problem]) {
    let current = s.rule_preset.resolve().name.clone();
    ui.horizontal(|ui| {
        let name = label(ui, "Thresholds from", false);
        egui::ComboBox::from_id_salt("rule-preset")
            .selected_text(current)
            .width(230.0)
            .show_ui(ui, |ui| {
                for preset in built_in() {
                    let chosen = matches!(&s.rule_preset, PresetChoice::BuiltIn(id) if *id == preset.id);
                    if ui.selectable_label(chosen, &preset.name).clicked() {
                        s.rule_preset = PresetChoice::BuiltIn(preset.id.clone());
                    }
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text("The articles disagree on when to leave the API: pick whose thresholds the rules use.");
    });
    for t in &s.rule_preset.resolve().spend {
        let per = if t.per == breakeven_model::decision::Period::Month {
            "month"
        } else {
            "year"
        };
        note(
            ui,
            &format!(
                "{}/{per}: {}",
                breakeven_model::format::usd_cents(t.usd.get()),
                t.says
            ),
        );
    }
    for problem in p.iter().filter(|p| p.path.starts_with("rule_preset")) {
        ui.colored_label(ui.visuals().error_fg_color, problem.to_string());
    }
}
