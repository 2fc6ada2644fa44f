//! The workload: the monthly volume (on a slider, in tokens or built from users), its growth and
//! its peak.

use breakeven_model::Scenario;
use breakeven_model::engine::{monthly_bill, volume_for_bill};
use breakeven_model::format::tokens_short;
use breakeven_model::scenario::{Volume, VolumeKind};
use breakeven_model::units::{TokensPerMonth, UsdPerMonth, parse_human};
use egui::Ui;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use super::form::Form;
use crate::ui::widgets::fields::{Number, derived_number_ui, field, kind_choice, note};

/// The volume in tokens, input and output apart (they are priced apart).
#[rustfmt::skip]
const TOKENS: [Number<Scenario>; 2] = [
    Number::tokens("Input tokens", "tokens/month", "workload.volume.input_tokens_per_month", "Prompt tokens sent each month. Type 1.5B, 800M or 25K.", |s| match &mut s.workload.volume { Volume::Tokens { input_tokens_per_month, .. } => Some(input_tokens_per_month), Volume::Users { .. } => None }),
    Number::tokens("Output tokens", "tokens/month", "workload.volume.output_tokens_per_month", "Tokens generated each month.", |s| match &mut s.workload.volume { Volume::Tokens { output_tokens_per_month, .. } => Some(output_tokens_per_month), Volume::Users { .. } => None }),
];

/// The volume built from usage, as "The AI Build vs. Buy Decision" does.
#[rustfmt::skip]
const USERS: [Number<Scenario>; 4] = [
    Number::new("Daily users", "users", "workload.volume.daily_users", "People using the feature on an average day.", |s| match &mut s.workload.volume { Volume::Users { daily_users, .. } => Some(daily_users), Volume::Tokens { .. } => None }),
    Number::new("Requests per user", "a day", "workload.volume.requests_per_user_per_day", "Requests each user makes a day.", |s| match &mut s.workload.volume { Volume::Users { requests_per_user_per_day, .. } => Some(requests_per_user_per_day), Volume::Tokens { .. } => None }),
    Number::tokens("Input per request", "tokens", "workload.volume.input_tokens_per_request", "Prompt tokens in one request.", |s| match &mut s.workload.volume { Volume::Users { input_tokens_per_request, .. } => Some(input_tokens_per_request), Volume::Tokens { .. } => None }),
    Number::tokens("Output per request", "tokens", "workload.volume.output_tokens_per_request", "Generated tokens in one request.", |s| match &mut s.workload.volume { Volume::Users { output_tokens_per_request, .. } => Some(output_tokens_per_request), Volume::Tokens { .. } => None }),
];

/// How the volume moves and peaks.
#[rustfmt::skip]
const SHAPE: [Number<Scenario>; 2] = [
    Number::new("Growth", "% a month", "workload.growth_percent_per_month", "Monthly growth of the volume, compounded over the horizon.", |s| Some(&mut s.workload.growth_percent_per_month)),
    Number::new("Peak over average", "x", "workload.peak_to_average", "Peak traffic over average: instances are sized for the peak.", |s| Some(&mut s.workload.peak_to_average)),
];

/// The reply a request gets, for reply times; a volume from users has its own.
#[rustfmt::skip]
const REPLY: [Number<Scenario>; 1] = [
    Number::tokens("Reply length", "tokens", "workload.reply_tokens", "Tokens generated in a typical reply: with each option's speed it gives the time a reply takes, set against the latency target (Fine-tuning fit). 0 while not known.", |s| match &mut s.workload.volume { Volume::Tokens { .. } => Some(&mut s.workload.reply_tokens), Volume::Users { .. } => None }),
];

/// The workload's inputs.
pub fn workload_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    volume_slider(ui, &mut s.workload.volume);
    let kinds = [
        (VolumeKind::Tokens, "Tokens a month"),
        (VolumeKind::Users, "Daily users"),
    ];
    let given = field(
        "Volume given as",
        "",
        "Tokens a month (or the monthly bill they make), or daily users × requests × tokens per request, as \
         \"The AI Build vs. Buy Decision\" counts it. Switching keeps about the same traffic.",
        "workload.volume",
    );
    if let Some(kind) = kind_choice(ui, form.editing, given, &kinds, s.workload.volume.kind()) {
        let why = "Not switched: the volume is too large to count another way. Correct it first.";
        if let Some(volume) =
            form.editing
                .kind_changed("workload.volume", s.workload.volume_as(kind), why)
        {
            s.workload.volume = volume;
        }
    }
    if matches!(s.workload.volume, Volume::Users { .. }) {
        note(
            ui,
            "Users x requests x tokens, with a month of 365/12 days (\"The AI Build vs. Buy Decision\").",
        );
    }
    form.numbers(ui, &TOKENS, s);
    bill_ui(ui, form, s);
    form.numbers(ui, &USERS, s);
    form.numbers(ui, &SHAPE, s);
    form.numbers(ui, &REPLY, s);
}

/// The volume as the bill people know: Buy's cost today, typed to set the tokens.
fn bill_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    if !matches!(s.workload.volume, Volume::Tokens { .. }) {
        return;
    }
    let bill = monthly_bill(s).ok().map(UsdPerMonth::get);
    let help = "What the tokens cost a month on Buy's model, today: your API bill. Type the bill you know and \
                the tokens follow, in today's mix of input and output, with a note of the bill they came from. \
                Change the model and the bill follows the tokens; the workload stays.";
    let field = field("Monthly bill", "USD/month", help, "workload.monthly_bill");
    let mut moved = None;
    derived_number_ui(ui, form.editing, field, bill, form.problems, |typed| {
        moved = Some(volume_for_bill(s, UsdPerMonth::new(typed))?);
        Ok(())
    });
    if let Some(volume) = moved {
        s.workload.volume = volume;
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
            .custom_parser(|text| parse_human(text).ok().and_then(|d| d.to_f64())),
    );
    let response = response.on_hover_text("Tokens a month, input and output together, on a log scale. Drag to see every figure follow.");
    if response.changed()
        && let Some(total) = Decimal::from_f64(value)
        && let Ok(moved) = volume.with_total_tokens(TokensPerMonth::new(total))
    {
        *volume = moved;
    }
}
