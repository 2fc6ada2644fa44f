//! The instances that serve a model (self-hosting's, the tuned model's on instances of your own,
//! the pretrained model's) and the people an option pays for: the same inputs in three places,
//! each under its own path.

use breakeven_model::Scenario;
use breakeven_model::catalog::Catalog;
use breakeven_model::scenario::{Hosting, InstancePrice, PriceKind, Staff, StaffKind, Throughput};
use egui::Ui;

use super::form::Form;
use crate::ui::widgets::fields::{Number, field, kind_choice, label, note};

/// The price of one instance, in the kind it is quoted in.
#[rustfmt::skip]
const PRICE: [Number<Hosting>; 17] = [
    Number::new("Price", "USD/hour", "price.usd_per_hour", "Price of one instance-hour, paid for the hours in service.", |h| match &mut h.price { InstancePrice::OnDemand { usd_per_hour } => Some(usd_per_hour), _ => None }),
    Number::new("Price", "USD/hour", "price.usd_per_hour", "Reserved price of one instance-hour; all 730 hours a month are paid.", |h| match &mut h.price { InstancePrice::Reserved { usd_per_hour, .. } => Some(usd_per_hour), _ => None }),
    Number::new("Term", "months", "price.term_months", "Length of the reservation.", |h| match &mut h.price { InstancePrice::Reserved { term_months, .. } => Some(term_months), _ => None }),
    Number::new("Price", "USD/month", "price.usd_per_month", "Price of one instance for a month.", |h| match &mut h.price { InstancePrice::Monthly { usd_per_month } => Some(usd_per_month), _ => None }),
    Number::new("Price", "USD/hour", "price.usd_per_hour", "Price of one instance-hour, paid only for the hours the work needs (scale to zero): the busy hours at the target utilisation, plus the buffer.", |h| match &mut h.price { InstancePrice::PerBusyHour { usd_per_hour, .. } => Some(usd_per_hour), _ => None }),
    Number::new("Buffer", "%", "price.buffer_percent", "Hours billed beyond the busy ones, for start-up and idle tails (Red Hat ConfigIQ: 10%).", |h| match &mut h.price { InstancePrice::PerBusyHour { buffer_percent, .. } => Some(buffer_percent), _ => None }),
    Number::new("Minimum hours", "hours/month", "price.minimum_hours_per_month", "The fewest hours billed in a month however little the work: the provider's minimum, or capacity kept warm; 0 for none.", |h| match &mut h.price { InstancePrice::PerBusyHour { minimum_hours_per_month, .. } => Some(minimum_hours_per_month), _ => None }),
    Number::new("Purchase", "USD a server", "price.purchase_usd", "Price of one server's hardware, which is resold at the end of its life.", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.purchase_usd), _ => None }),
    Number::new("Installation", "USD a server", "price.installation_usd", "Installation and commissioning of one server: spread over its life and never resold (Red Hat ConfigIQ's catalog: $11,200 for an 8-GPU A100 server of $160,000).", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.installation_usd), _ => None }),
    Number::new("Life", "months", "price.life_months", "Months until it is replaced; it depreciates evenly over them (Red Hat ConfigIQ: 4 years).", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.life_months), _ => None }),
    Number::new("Resale", "% of purchase", "price.resale_percent", "What it sells for at the end of its life (Red Hat ConfigIQ: 20%).", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.resale_percent), _ => None }),
    Number::new("Cost of capital", "% a year", "price.capital_percent_per_year", "The yearly cost of the money tied up: a loan's rate, or the return it forgoes (Red Hat ConfigIQ: 8%). Charged on the average book value held over the horizon; in the cash view the servers are paid for when bought instead.", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.capital_percent_per_year), _ => None }),
    Number::new("Maintenance", "% a year", "price.maintenance_percent_per_year", "Maintenance and spares each year, as a share of the purchase (Red Hat ConfigIQ: 5%).", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.maintenance_percent_per_year), _ => None }),
    Number::new("Power", "kW", "price.power_kw", "Power one server draws at load: the server and every GPU at full draw.", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.power_kw), _ => None }),
    Number::new("PUE", "x", "price.pue", "The facility's draw over the servers' (Red Hat ConfigIQ: 1.4).", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.pue), _ => None }),
    Number::new("Electricity", "USD/kWh", "price.usd_per_kwh", "Price of a kilowatt-hour (Red Hat ConfigIQ: $0.12).", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.usd_per_kwh), _ => None }),
    Number::new("Facilities", "USD/month a server", "price.facilities_usd_per_month", "Rack space, cooling and network for one server a month.", |h| match &mut h.price { InstancePrice::Owned(o) => Some(&mut o.facilities_usd_per_month), _ => None }),
];

/// When the instances run, and how much of them is used.
#[rustfmt::skip]
const SERVICE: [Number<Hosting>; 1] = [
    Number::new("Hours in service", "hours/month", "hours_in_service_per_month", "730 when always on; fewer when it scales to zero. A GPU costs its price with zero requests unless it scales to zero.", |h| Some(&mut h.hours_in_service_per_month)),
];

/// What one instance serves, when measured.
#[rustfmt::skip]
const THROUGHPUT: [Number<Hosting>; 4] = [
    Number::new("Throughput", "output tokens/s", "throughput.output_tokens_per_second", "Sustained generated tokens per second of one instance.", |h| match &mut h.throughput { Throughput::Measured { output_tokens_per_second, .. } => Some(output_tokens_per_second), Throughput::Unlimited => None }),
    Number::new("Measured at concurrency", "requests", "throughput.concurrency", "Concurrent requests in the measurement: throughput depends on it by up to 100x.", |h| match &mut h.throughput { Throughput::Measured { concurrency, .. } => Some(concurrency), Throughput::Unlimited => None }),
    Number::tokens("Measured input per request", "tokens", "throughput.input_tokens_per_request", "Prompt tokens per request in the measurement; 0 when it does not say (input is then taken as free).", |h| match &mut h.throughput { Throughput::Measured { input_tokens_per_request, .. } => Some(input_tokens_per_request), Throughput::Unlimited => None }),
    Number::tokens("Measured output per request", "tokens", "throughput.output_tokens_per_request", "Generated tokens per request in the measurement.", |h| match &mut h.throughput { Throughput::Measured { output_tokens_per_request, .. } => Some(output_tokens_per_request), Throughput::Unlimited => None }),
];

/// How fast one request is answered.
#[rustfmt::skip]
const SPEED: [Number<Hosting>; 2] = [
    Number::new("Time to first token", "ms", "speed.first_token_ms", "Milliseconds from a request to its first token on these instances, at the concurrency of the throughput basis: the catalog's measurement when it publishes one, or your own load test. 0 while not known.", |h| Some(&mut h.speed.first_token_ms)),
    Number::new("Output speed", "tokens/s a request", "speed.output_tokens_per_second", "Output tokens a second one request receives. 0 takes it from the throughput basis: the measured output tokens a second shared by the requests measured together (1,800 at concurrency 16 is 112.5 each). The catalog fills it where its measurement gives the time between tokens.", |h| Some(&mut h.speed.output_tokens_per_second)),
];

/// How the instances are sized.
#[rustfmt::skip]
const SIZING: [Number<Hosting>; 2] = [
    Number::new("Target utilisation", "%", "target_utilisation_percent", "The share of throughput you plan to use, leaving headroom; below 70% each token costs more.", |h| Some(&mut h.target_utilisation_percent)),
    Number::new("Minimum instances", "instances", "min_instances", "Kept running whatever the load, for availability.", |h| Some(&mut h.min_instances)),
];

/// The people, counted as hours or as people.
#[rustfmt::skip]
const STAFF: [Number<Staff>; 4] = [
    Number::new("Staff hours", "hours/month", "hours_per_month", "Engineering hours a month (\"Strategic Architecture\": a conservative 10).", |s| match s { Staff::Hours { hours_per_month, .. } => Some(hours_per_month), Staff::People { .. } => None }),
    Number::new("Rate", "USD/hour", "usd_per_hour", "Fully loaded cost of an hour.", |s| match s { Staff::Hours { usd_per_hour, .. } => Some(usd_per_hour), Staff::People { .. } => None }),
    Number::new("People", "FTE", "people", "Full-time equivalents (\"LLM Strategy\": self-hosting needs 5+).", |s| match s { Staff::People { people, .. } => Some(people), Staff::Hours { .. } => None }),
    Number::new("Loaded cost", "USD/year", "loaded_usd_per_year", "Total yearly cost of one person (\"The AI Build vs. Buy Decision\": $250-400K).", |s| match s { Staff::People { loaded_usd_per_year, .. } => Some(loaded_usd_per_year), Staff::Hours { .. } => None }),
];

/// Where one option's instances and staff are, in the scenario and in the built-in default.
pub struct Site {
    /// The path of the instances (`self_host.hosting`).
    pub base: &'static str,
    /// The same instances in the built-in default.
    pub in_default: fn(&mut Scenario) -> Option<&mut Hosting>,
}

/// The instances serving a model: catalog pick, price, hours, throughput, utilisation, minimum.
pub fn hosting_ui(ui: &mut Ui, form: &mut Form<'_>, h: &mut Hosting, site: &Site) {
    instance_picker(ui, h, site.base);
    if ui
        .button("Import benchmark…")
        .on_hover_text(
            "Your own run of the model on these instances (vLLM's bench serve JSON, or an LLMPerf \
             summary) as their throughput and reply speed, shown before it is applied.",
        )
        .clicked()
    {
        form.asks
            .push(crate::action::Action::AskBenchmark(site.base));
    }
    let kinds = [
        (PriceKind::OnDemand, "On-demand"),
        (PriceKind::Reserved, "Reserved"),
        (PriceKind::Monthly, "Monthly price"),
        (PriceKind::PerBusyHour, "Per busy hour"),
        (PriceKind::Owned, "Owned servers"),
    ];
    let price_path = format!("{}.price", site.base);
    let pricing = field(
        "Pricing",
        "",
        "How the instance is paid for: per hour in service, per hour reserved for a term, per month, per busy hour (scale to zero: the hours follow the volume), or bought outright. A switch converts the price at 730 hours a month; owned servers start from marked assumptions to confirm.",
        &price_path,
    );
    if let Some(kind) = kind_choice(ui, form.editing, pricing, &kinds, h.price.kind()) {
        let converted = h.price.as_kind(kind);
        let why = "Not switched: this price is too large to quote another way. Correct it first.";
        if let Some(price) = form.editing.kind_changed(&price_path, converted, why) {
            h.price = price;
        }
    }
    form.numbers_of(ui, &PRICE, h, site.in_default, site.base);
    let busy_hours = matches!(h.price, InstancePrice::PerBusyHour { .. });
    if busy_hours {
        note(
            ui,
            "The hours follow the volume: hours in service, the peak and minimum instances do not apply.",
        );
    } else {
        form.numbers_of(ui, &SERVICE, h, site.in_default, site.base);
    }
    throughput_ui(ui, form, h, site);
    egui::CollapsingHeader::new("Reply speed")
        .id_salt(format!("{}-speed", site.base))
        .default_open(!h.speed.is_unset())
        .show(ui, |ui| {
            form.numbers_of(ui, &SPEED, h, site.in_default, site.base);
        });
    let sizing = if busy_hours {
        &SIZING[..1]
    } else {
        &SIZING[..]
    };
    form.numbers_of(ui, sizing, h, site.in_default, site.base);
}

fn throughput_ui(ui: &mut Ui, form: &mut Form<'_>, h: &mut Hosting, site: &Site) {
    let mut limited = matches!(h.throughput, Throughput::Measured { .. });
    if ui.checkbox(&mut limited, "Throughput limit (measured)").on_hover_text("Without a limit one instance serves any volume, as in \"Strategic Architecture\"'s calculator; the report still checks the catalog.").changed() {
        h.throughput = if limited {
            h.measured_throughput()
        } else {
            Throughput::Unlimited
        };
    }
    model_picker(ui, h, site.base);
    if let Throughput::Measured { model, .. } = &mut h.throughput {
        ui.horizontal_wrapped(|ui| {
            let help = "The model the throughput was measured with, as the measurement names it (Llama-3-8B FP16).";
            let name = label(ui, "Measured with", false).on_hover_text(help);
            ui.add(egui::TextEdit::singleline(model).desired_width(200.0))
                .labelled_by(name.id)
                .on_hover_text(help);
        });
    }
    form.numbers_of(ui, &THROUGHPUT, h, site.in_default, site.base);
}

/// The model served on the instance picked, from the catalog's measurements of it: each with
/// its model, concurrency, throughput, source and date. Picking one sets the throughput and its
/// basis together.
fn model_picker(ui: &mut Ui, hosting: &mut Hosting, id: &str) {
    let catalog = Catalog::embedded();
    let Some(gpu) = hosting
        .catalog_id
        .as_deref()
        .and_then(|id| catalog.gpu_instance(id))
        .filter(|gpu| !gpu.throughput.is_empty())
    else {
        return;
    };
    if !matches!(hosting.throughput, Throughput::Measured { .. }) {
        return;
    }
    let current = gpu
        .figure_of(&hosting.throughput)
        .map_or_else(|| "Your own measurement".to_owned(), |f| f.describe(gpu));
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, "Model served", false);
        egui::ComboBox::from_id_salt(("model-served", id))
            .selected_text(current)
            .width(ui.available_width().min(230.0))
            .truncate()
            .show_ui(ui, |ui| {
                for figure in &gpu.throughput {
                    let picked = gpu.figure_of(&hosting.throughput) == Some(figure);
                    if ui.selectable_label(picked, figure.describe(gpu)).clicked() {
                        hosting.throughput = figure.as_throughput(gpu);
                    }
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(
                "The model and the load the throughput was measured with, from the catalog's measurements on this instance. Typing over the figures below makes them yours.",
            );
    });
}

fn instance_picker(ui: &mut Ui, hosting: &mut Hosting, id: &str) {
    let catalog = Catalog::embedded();
    let current = hosting
        .catalog_id
        .clone()
        .unwrap_or_else(|| "Custom instance".to_owned());
    ui.horizontal_wrapped(|ui| {
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
                        // The model served stays when the new instance has figures for it.
                        let figure = match &hosting.throughput {
                            Throughput::Measured {
                                model, concurrency, ..
                            } => gpu.figure_like(model, *concurrency),
                            Throughput::Unlimited => gpu.busiest_figure(),
                        };
                        gpu.apply_to(hosting, figure);
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

/// The people an option pays for, as hours or as people, at `base` in the scenario; `in_default`
/// finds the same staff in the built-in default.
pub fn staff_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    staff: &mut Staff,
    base: &str,
    in_default: fn(&mut Scenario) -> Option<&mut Staff>,
) {
    let kinds = [
        (StaffKind::Hours, "Hours a month"),
        (StaffKind::People, "People"),
    ];
    let kind_path = format!("{base}.kind");
    let counted = field(
        "Staff counted as",
        "",
        "Part of someone's time as hours a month, or whole people at a loaded yearly cost.",
        &kind_path,
    );
    if let Some(kind) = kind_choice(ui, form.editing, counted, &kinds, staff.kind()) {
        *staff = staff.as_kind(kind);
    }
    form.numbers_of(ui, &STAFF, staff, in_default, base);
}
