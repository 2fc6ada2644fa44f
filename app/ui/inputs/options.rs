//! Inputs of the three options that run models of their own: self-hosting, fine-tuning and
//! pretraining, with their instances and their people.

// `e`, `s`, `d` and `p` are the edit buffer, the scenario, its defaults and the problems in every
// field call here: short names keep the long lists of fields readable.
#![allow(clippy::many_single_char_names)]
// Field lists are long by nature: one call a field, spread over several lines by rustfmt.
#![allow(clippy::too_many_lines)]

use breakeven_model::catalog::Catalog;
use breakeven_model::scenario::{
    Hosting, InstancePrice, PriceKind, ServingKind, Staff, StaffKind, Throughput, TunedServing,
};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{
    Count, HoursPerMonth, Percent, TokensPerSecond, Usd, UsdPerHour, UsdPerMillionTokens,
    UsdPerMonth, UsdPerYear,
};
use breakeven_model::{Problem, Scenario};
use egui::Ui;

use crate::ui::widgets::fields::{
    Editing, Style, count, field, kind_choice, label, note, quantity,
};

fn hourly_price(h: &Hosting) -> Option<UsdPerHour> {
    match &h.price {
        InstancePrice::OnDemand { usd_per_hour } | InstancePrice::Reserved { usd_per_hour, .. } => {
            Some(usd_per_hour.value)
        }
        InstancePrice::Monthly { .. } => None,
    }
}

fn monthly_price(h: &Hosting) -> Option<UsdPerMonth> {
    match &h.price {
        InstancePrice::Monthly { usd_per_month } => Some(usd_per_month.value),
        _ => None,
    }
}

fn measured(h: &Hosting) -> Option<TokensPerSecond> {
    match &h.throughput {
        Throughput::Measured {
            output_tokens_per_second,
            ..
        } => Some(output_tokens_per_second.value),
        Throughput::Unlimited => None,
    }
}

fn staff_hours(s: &Staff) -> Option<HoursPerMonth> {
    match s {
        Staff::Hours {
            hours_per_month, ..
        } => Some(hours_per_month.value),
        Staff::People { .. } => None,
    }
}

fn staff_rate(s: &Staff) -> Option<UsdPerHour> {
    match s {
        Staff::Hours { usd_per_hour, .. } => Some(usd_per_hour.value),
        Staff::People { .. } => None,
    }
}

fn staff_people(s: &Staff) -> Option<Count> {
    match s {
        Staff::People { people, .. } => Some(people.value),
        Staff::Hours { .. } => None,
    }
}

fn staff_cost(s: &Staff) -> Option<UsdPerYear> {
    match s {
        Staff::People {
            loaded_usd_per_year,
            ..
        } => Some(loaded_usd_per_year.value),
        Staff::Hours { .. } => None,
    }
}

/// The path of `leaf` under the hosting or staff at `base`, for validation messages.
fn path(base: &str, leaf: &str) -> String {
    format!("{base}.{leaf}")
}

fn instance_picker(ui: &mut Ui, hosting: &mut Hosting, id: &str) {
    let catalog = Catalog::embedded();
    let current = hosting
        .catalog_id
        .clone()
        .unwrap_or_else(|| "Custom instance".to_owned());
    ui.horizontal(|ui| {
        let name = label(ui, "GPU instance", false);
        egui::ComboBox::from_id_salt(("instance", id))
            .selected_text(current)
            .width(230.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(hosting.catalog_id.is_none(), "Custom instance")
                    .clicked()
                {
                    hosting.catalog_id = None;
                }
                for gpu in &catalog.gpu_instances {
                    let text = format!(
                        "{} ({}): ${}/hour, {} ({})",
                        gpu.id, gpu.gpus, gpu.on_demand_usd_per_hour, gpu.provider, gpu.as_of
                    );
                    if ui
                        .selectable_label(
                            hosting.catalog_id.as_deref() == Some(gpu.id.as_str()),
                            text,
                        )
                        .clicked()
                    {
                        gpu.apply_to(hosting, gpu.busiest_figure());
                    }
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(
                "Take the price and measured throughput from the catalog, or type your own below.",
            );
    });
}

/// The instances serving a model: catalog pick, price, hours, throughput, utilisation, minimum.
fn hosting_ui(
    ui: &mut Ui,
    e: &mut Editing,
    h: &mut Hosting,
    dh: &Hosting,
    base: &str,
    p: &[Problem],
) {
    instance_picker(ui, h, base);
    let kinds = [
        (PriceKind::OnDemand, "On-demand"),
        (PriceKind::Reserved, "Reserved"),
        (PriceKind::Monthly, "Monthly price"),
    ];
    let price_path = path(base, "price");
    let pricing = field(
        "Pricing",
        "",
        "How the provider quotes the instance: per hour, per hour reserved for a term, or per month. A switch converts the price at 730 hours a month.",
        &price_path,
    );
    if let Some(kind) = kind_choice(ui, e, pricing, &kinds, h.price.kind()) {
        let converted = h.price.as_kind(kind);
        let why = "Not switched: this price is too large to quote another way. Correct it first.";
        if let Some(price) = e.kind_changed(&price_path, converted, why) {
            h.price = price;
        }
    }
    match &mut h.price {
        InstancePrice::OnDemand { usd_per_hour } => {
            let path = path(base, "price.usd_per_hour");
            quantity(
                ui,
                e,
                field(
                    "Price",
                    "USD/hour",
                    "Price of one instance-hour, paid for the hours in service.",
                    &path,
                ),
                usd_per_hour,
                hourly_price(dh),
                p,
                UsdPerHour::new,
                Style::Plain,
            );
        }
        InstancePrice::Reserved {
            usd_per_hour,
            term_months,
        } => {
            let price_path = path(base, "price.usd_per_hour");
            quantity(
                ui,
                e,
                field(
                    "Price",
                    "USD/hour",
                    "Reserved price of one instance-hour; all 730 hours a month are paid.",
                    &price_path,
                ),
                usd_per_hour,
                hourly_price(dh),
                p,
                UsdPerHour::new,
                Style::Plain,
            );
            let mut term = Sourced::bare(*term_months);
            let term_path = path(base, "price.term_months");
            count(
                ui,
                e,
                field("Term", "months", "Length of the reservation.", &term_path),
                &mut term,
                None,
                p,
            );
            *term_months = term.value;
        }
        InstancePrice::Monthly { usd_per_month } => {
            let path = path(base, "price.usd_per_month");
            quantity(
                ui,
                e,
                field(
                    "Price",
                    "USD/month",
                    "Price of one instance for a month.",
                    &path,
                ),
                usd_per_month,
                monthly_price(dh),
                p,
                UsdPerMonth::new,
                Style::Plain,
            );
        }
    }
    let path_hours = path(base, "hours_in_service_per_month");
    quantity(
        ui,
        e,
        field(
            "Hours in service",
            "hours/month",
            "730 when always on; fewer when it scales to zero. A GPU costs its price with zero requests unless it scales to zero.",
            &path_hours,
        ),
        &mut h.hours_in_service_per_month,
        Some(dh.hours_in_service_per_month.value),
        p,
        HoursPerMonth::new,
        Style::Plain,
    );
    throughput_ui(ui, e, h, dh, base, p);
    let path_util = path(base, "target_utilisation_percent");
    quantity(
        ui,
        e,
        field(
            "Target utilisation",
            "%",
            "The share of throughput you plan to use, leaving headroom; below 70% each token costs more.",
            &path_util,
        ),
        &mut h.target_utilisation_percent,
        Some(dh.target_utilisation_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
    let path_min = path(base, "min_instances");
    count(
        ui,
        e,
        field(
            "Minimum instances",
            "instances",
            "Kept running whatever the load, for availability.",
            &path_min,
        ),
        &mut h.min_instances,
        Some(dh.min_instances.value),
        p,
    );
}

fn throughput_ui(
    ui: &mut Ui,
    e: &mut Editing,
    h: &mut Hosting,
    dh: &Hosting,
    base: &str,
    p: &[Problem],
) {
    let mut limited = matches!(h.throughput, Throughput::Measured { .. });
    if ui.checkbox(&mut limited, "Throughput limit (measured)").on_hover_text("Without a limit one instance serves any volume, as in \"Strategic Architecture\"'s calculator; the report still checks the catalog.").changed() {
        h.throughput = if limited {
            h.measured_throughput()
        } else {
            Throughput::Unlimited
        };
    }
    if let Throughput::Measured {
        model,
        output_tokens_per_second,
        concurrency,
        input_tokens_per_request,
        output_tokens_per_request,
    } = &mut h.throughput
    {
        let path = path(base, "throughput.output_tokens_per_second");
        quantity(
            ui,
            e,
            field(
                "Throughput",
                "output tokens/s",
                "Sustained generated tokens per second of one instance.",
                &path,
            ),
            output_tokens_per_second,
            measured(dh),
            p,
            TokensPerSecond::new,
            Style::Plain,
        );
        note(
            ui,
            &format!(
                "Basis: {model}, concurrency {concurrency}, {input_tokens_per_request} in / {output_tokens_per_request} out tokens per request."
            ),
        );
    }
}

/// The people an option pays for, as hours or as people.
fn staff_ui(
    ui: &mut Ui,
    e: &mut Editing,
    staff: &mut Staff,
    ds: &Staff,
    base: &str,
    p: &[Problem],
) {
    let kinds = [
        (StaffKind::Hours, "Hours a month"),
        (StaffKind::People, "People"),
    ];
    let kind_path = path(base, "kind");
    let counted = field(
        "Staff counted as",
        "",
        "Part of someone's time as hours a month, or whole people at a loaded yearly cost.",
        &kind_path,
    );
    if let Some(kind) = kind_choice(ui, e, counted, &kinds, staff.kind()) {
        *staff = staff.as_kind(kind);
    }
    match staff {
        Staff::Hours {
            hours_per_month,
            usd_per_hour,
        } => {
            let (a, b) = (path(base, "hours_per_month"), path(base, "usd_per_hour"));
            quantity(
                ui,
                e,
                field(
                    "Staff hours",
                    "hours/month",
                    "Engineering hours a month (\"Strategic Architecture\": a conservative 10).",
                    &a,
                ),
                hours_per_month,
                staff_hours(ds),
                p,
                HoursPerMonth::new,
                Style::Plain,
            );
            quantity(
                ui,
                e,
                field("Rate", "USD/hour", "Fully loaded cost of an hour.", &b),
                usd_per_hour,
                staff_rate(ds),
                p,
                UsdPerHour::new,
                Style::Plain,
            );
        }
        Staff::People {
            people,
            loaded_usd_per_year,
        } => {
            let (a, b) = (path(base, "people"), path(base, "loaded_usd_per_year"));
            quantity(
                ui,
                e,
                field(
                    "People",
                    "FTE",
                    "Full-time equivalents (\"LLM Strategy\": self-hosting needs 5+).",
                    &a,
                ),
                people,
                staff_people(ds),
                p,
                Count::new,
                Style::Plain,
            );
            quantity(
                ui,
                e,
                field(
                    "Loaded cost",
                    "USD/year",
                    "Total yearly cost of one person (\"The AI Build vs. Buy Decision\": $250-400K).",
                    &b,
                ),
                loaded_usd_per_year,
                staff_cost(ds),
                p,
                UsdPerYear::new,
                Style::Plain,
            );
        }
    }
}

/// Self-hosting's inputs.
pub fn self_host_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    let sh = &mut s.self_host;
    hosting_ui(
        ui,
        e,
        &mut sh.hosting,
        &d.self_host.hosting,
        "self_host.hosting",
        p,
    );
    staff_ui(
        ui,
        e,
        &mut sh.staff,
        &d.self_host.staff,
        "self_host.staff",
        p,
    );
    quantity(
        ui,
        e,
        field(
            "Security and compliance",
            "USD/month",
            "Security work you take over from the vendor: price it in (\"Strategic Architecture\").",
            "self_host.security_usd_per_month",
        ),
        &mut sh.security_usd_per_month,
        Some(d.self_host.security_usd_per_month.value),
        p,
        UsdPerMonth::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Setup",
            "USD",
            "One-off cost of setting it up; paid in month 1.",
            "self_host.setup_usd",
        ),
        &mut sh.setup_usd,
        Some(d.self_host.setup_usd.value),
        p,
        Usd::new,
        Style::Plain,
    );
}

/// Fine-tuning's inputs.
pub fn fine_tune_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    let f = &mut s.fine_tune;
    quantity(
        ui,
        e,
        field(
            "Routed to the tuned model",
            "%",
            "Share of traffic routed to the tuned model; the rest stays on the API.",
            "fine_tune.routed_percent",
        ),
        &mut f.routed_percent,
        Some(d.fine_tune.routed_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Fallback to the API",
            "% of routed",
            "Share of the routed traffic that fails over to the API at API prices.",
            "fine_tune.fallback_percent",
        ),
        &mut f.fallback_percent,
        Some(d.fine_tune.fallback_percent.value),
        p,
        Percent::new,
        Style::Plain,
    );
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
    if let Some(kind) = kind_choice(ui, e, served, &kinds, s.fine_tune.serving.kind()) {
        let serving = TunedServing::for_kind(kind, s);
        let why = "Not switched: the API's prices are too large to start from. Correct them first.";
        if let Some(serving) = e.kind_changed("fine_tune.serving", serving, why) {
            s.fine_tune.serving = serving;
        }
    }
    let f = &mut s.fine_tune;
    match &mut f.serving {
        TunedServing::Hosted(h) => {
            let dh = match &d.fine_tune.serving {
                TunedServing::Hosted(dh) => dh,
                _ => &d.self_host.hosting,
            };
            hosting_ui(ui, e, h, dh, "fine_tune.serving.hosting", p);
        }
        TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
        } => {
            quantity(
                ui,
                e,
                field(
                    "Tuned input price",
                    "USD per 1M",
                    "Provider's price of prompt tokens to the tuned model.",
                    "fine_tune.serving.input_usd_per_1m",
                ),
                input_usd_per_1m,
                None,
                p,
                UsdPerMillionTokens::new,
                Style::Plain,
            );
            quantity(
                ui,
                e,
                field(
                    "Tuned output price",
                    "USD per 1M",
                    "Provider's price of generated tokens.",
                    "fine_tune.serving.output_usd_per_1m",
                ),
                output_usd_per_1m,
                None,
                p,
                UsdPerMillionTokens::new,
                Style::Plain,
            );
        }
        TunedServing::Flat { usd_per_month } => {
            quantity(
                ui,
                e,
                field(
                    "Serving fee",
                    "USD/month",
                    "A flat monthly price whatever the volume.",
                    "fine_tune.serving.usd_per_month",
                ),
                usd_per_month,
                None,
                p,
                UsdPerMonth::new,
                Style::Plain,
            );
        }
    }
    quantity(
        ui,
        e,
        field(
            "Data curation",
            "USD a run",
            "Collecting and cleaning training data, each run.",
            "fine_tune.curation_usd_per_run",
        ),
        &mut f.curation_usd_per_run,
        Some(d.fine_tune.curation_usd_per_run.value),
        p,
        Usd::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Training",
            "USD a run",
            "Training compute, each run.",
            "fine_tune.training_usd_per_run",
        ),
        &mut f.training_usd_per_run,
        Some(d.fine_tune.training_usd_per_run.value),
        p,
        Usd::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Evaluation",
            "USD a run",
            "Evaluating before the tuned model takes traffic, each run.",
            "fine_tune.evaluation_usd_per_run",
        ),
        &mut f.evaluation_usd_per_run,
        Some(d.fine_tune.evaluation_usd_per_run.value),
        p,
        Usd::new,
        Style::Plain,
    );
    count(
        ui,
        e,
        field(
            "Retrain every",
            "months",
            "0 for never. Where the frontier moves fast, about 6 (\"The AI Build vs. Buy Decision\").",
            "fine_tune.retrain_every_months",
        ),
        &mut f.retrain_every_months,
        Some(d.fine_tune.retrain_every_months.value),
        p,
    );
    staff_ui(
        ui,
        e,
        &mut f.staff,
        &d.fine_tune.staff,
        "fine_tune.staff",
        p,
    );
}

/// Pretraining's inputs.
pub fn pretrain_ui(ui: &mut Ui, e: &mut Editing, s: &mut Scenario, d: &Scenario, p: &[Problem]) {
    let pt = &mut s.pretrain;
    quantity(
        ui,
        e,
        field(
            "Corpus",
            "USD",
            "Acquiring, cleaning and licensing the corpus; paid in month 1.",
            "pretrain.corpus_usd",
        ),
        &mut pt.corpus_usd,
        Some(d.pretrain.corpus_usd.value),
        p,
        Usd::new,
        Style::Plain,
    );
    quantity(
        ui,
        e,
        field(
            "Training compute",
            "USD",
            "Compute for the whole run, spread over the build months.",
            "pretrain.compute_usd",
        ),
        &mut pt.compute_usd,
        Some(d.pretrain.compute_usd.value),
        p,
        Usd::new,
        Style::Plain,
    );
    count(
        ui,
        e,
        field(
            "Build time",
            "months",
            "Months until the model serves traffic (\"The AI Build vs. Buy Decision\": 12+).",
            "pretrain.build_months",
        ),
        &mut pt.build_months,
        Some(d.pretrain.build_months.value),
        p,
    );
    staff_ui(ui, e, &mut pt.team, &d.pretrain.team, "pretrain.team", p);
    hosting_ui(
        ui,
        e,
        &mut pt.hosting,
        &d.pretrain.hosting,
        "pretrain.hosting",
        p,
    );
}
