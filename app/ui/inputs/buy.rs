//! Buying: the API model picked from the catalog, its prices, discounts and retries.

use breakeven_model::Scenario;
use breakeven_model::catalog::Catalog;
use egui::Ui;

use super::form::Form;
use super::hosting::staff_ui;
use crate::ui::widgets::fields::{Number, field, label, note, yes_no};

/// Buy's numbers: a table, one input a line.
#[rustfmt::skip]
const NUMBERS: [Number<Scenario>; 10] = [
    Number::new("Input price", "USD per 1M", "buy.input_usd_per_1m", "Price of prompt tokens. A blended price goes in both input and output.", |s| Some(&mut s.buy.input_usd_per_1m)),
    Number::new("Output price", "USD per 1M", "buy.output_usd_per_1m", "Price of generated tokens.", |s| Some(&mut s.buy.output_usd_per_1m)),
    Number::new("Cached input", "%", "buy.cached_input_percent", "Share of input tokens served from the provider's prompt cache.", |s| Some(&mut s.buy.cached_input_percent)),
    Number::new("Cached input price", "USD per 1M", "buy.cached_input_usd_per_1m", "Price of cached input tokens.", |s| Some(&mut s.buy.cached_input_usd_per_1m)),
    Number::new("Cache writes", "%", "buy.cache_write_percent", "Share of input tokens written to the provider's prompt cache, billed at the write price instead of the input price. Cached input and cache writes together are at most 100% of input tokens; the rest is billed at the input price.", |s| Some(&mut s.buy.cache_write_percent)),
    Number::new("Cache write price", "USD per 1M", "buy.cache_write_usd_per_1m", "Price of input tokens written to the cache. Anthropic bills 5-minute cache writes at 1.25 times the input price (Claude Sonnet 4: $3.75 for $3.00); where writing costs nothing extra (OpenAI, Google), give the input price. Picking a model from the catalog sets it.", |s| Some(&mut s.buy.cache_write_usd_per_1m)),
    Number::new("Batch share", "%", "buy.batch_percent", "Share of traffic sent through the batch API.", |s| Some(&mut s.buy.batch_percent)),
    Number::new("Batch discount", "%", "buy.batch_discount_percent", "Discount the batch API gives.", |s| Some(&mut s.buy.batch_discount_percent)),
    Number::new("Commitment discount", "%", "buy.commitment_discount_percent", "Discount negotiated for committed spend.", |s| Some(&mut s.buy.commitment_discount_percent)),
    Number::new("Retry factor", "calls/task", "buy.retry_factor", "Calls per completed task: track cost per task, not per token (\"LLM Strategy: Build, Buy, or Fine-Tune?\").", |s| Some(&mut s.buy.retry_factor)),
];

/// What the integration costs whatever the tokens.
#[rustfmt::skip]
const FIXED: [Number<Scenario>; 3] = [
    Number::new("Platform fees", "USD/month", "buy.fixed.platform_usd_per_month", "Platform, gateway or support fees each month, whatever the traffic.", |s| Some(&mut s.buy.fixed.platform_usd_per_month)),
    Number::new("Committed minimum", "USD/month", "buy.fixed.committed_usd_per_month", "The least the API bill may be each month under a committed-spend contract, often what buys the commitment discount: below it the difference is paid anyway. It stays in dollars when API prices fall, and a fine-tune that keeps some traffic on the API still owes it. 0 for none.", |s| Some(&mut s.buy.fixed.committed_usd_per_month)),
    Number::new("Integration", "USD once", "buy.fixed.integration_usd", "A one-off integration (gateway, evaluations, security review), spread over the horizon as Self-host's setup is; 0 when it is already built. Red Hat's ConfigIQ methodology counts $15,000 over 36 months.", |s| Some(&mut s.buy.fixed.integration_usd)),
];

/// How fast the API replies.
#[rustfmt::skip]
const SPEED: [Number<Scenario>; 2] = [
    Number::new("Time to first token", "ms", "buy.speed.first_token_ms", "Milliseconds from sending a request to its first token: queueing, the network and reading the prompt. Take it from your own logs or a published benchmark of the provider's endpoint; \"The AI Build vs. Buy Decision\" puts frontier APIs at 500 ms-2 s a request. 0 while not known.", |s| Some(&mut s.buy.speed.first_token_ms)),
    Number::new("Output speed", "tokens/s a request", "buy.speed.output_tokens_per_second", "Output tokens a second one request receives while its reply streams. With the time to first token and the reply length (Workload), it gives the time a reply takes, set against the latency target. 0 while not known.", |s| Some(&mut s.buy.speed.output_tokens_per_second)),
];

/// Buy's inputs.
pub fn buy_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    api_model_picker(ui, form.catalog, s);
    let default = form.default.matrix.workhorse_would_do;
    yes_no(
        ui,
        field(
            "A cheaper model would do",
            "",
            "Would a cheaper (workhorse) API model do this task as well? Then routing within the API is the lowest-cost win, not leaving it (\"LLM build vs buy: the questions that actually matter\"). The recommendation prices the catalog's models on this workload.",
            "matrix.workhorse_would_do",
        ),
        &mut s.matrix.workhorse_would_do,
        default,
    );
    form.numbers(ui, &NUMBERS, s);
    // Closed while there is nothing in it, so the group stays short on a projector.
    egui::CollapsingHeader::new("Integration and commitment")
        .id_salt("buy-fixed")
        .default_open(!s.buy.fixed.is_nothing())
        .show(ui, |ui| {
            note(
                ui,
                "What the API integration costs whatever the tokens (Red Hat ConfigIQ counts 0.05 FTE \
                 and a $15,000 implementation), and the least the bill may be under a commitment.",
            );
            staff_ui(ui, form, &mut s.buy.fixed.operations, "buy.fixed.operations", |d| {
                Some(&mut d.buy.fixed.operations)
            });
            form.numbers(ui, &FIXED, s);
        });
    egui::CollapsingHeader::new("Reply speed")
        .id_salt("buy-speed")
        .default_open(!s.buy.speed.is_unset())
        .show(ui, |ui| form.numbers(ui, &SPEED, s));
}

fn api_model_picker(ui: &mut Ui, catalog: &Catalog, s: &mut Scenario) {
    let embedded = Catalog::embedded();
    let current = s
        .buy
        .catalog_id
        .as_deref()
        .and_then(|id| catalog.api_model(id))
        .map_or("Custom prices".to_owned(), |m| m.name.clone());
    ui.horizontal_wrapped(|ui| {
        let name = label(ui, "API model", false);
        // No wider than the panel: on a projector the inputs get their narrowest.
        egui::ComboBox::from_id_salt("api-model")
            .selected_text(current)
            .width(ui.available_width().min(230.0))
            .truncate()
            .show_ui(ui, |ui| {
                if ui.selectable_label(s.buy.catalog_id.is_none(), "Custom prices").clicked() {
                    s.buy.catalog_id = None;
                }
                for model in &catalog.api_models {
                    // An imported price says so beside its date.
                    let imported = if embedded.api_model(&model.id) == Some(model) { "" } else { ", imported" };
                    let text = format!("{}: ${} in / ${} out per 1M ({}{imported})", model.name, model.input_usd_per_1m, model.output_usd_per_1m, model.as_of);
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
