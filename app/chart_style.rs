//! The look the window's plots and the exported charts share, so a slide matches the screen:
//! each phase's colour, and money as an axis writes it.

use breakeven_model::engine::Phase;
use breakeven_model::format::usd_cents;
use egui::Color32;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive as _;

/// Each phase's colour, the same in every plot, table and export.
#[must_use]
pub fn colour(phase: Phase) -> Color32 {
    match phase {
        Phase::Buy => Color32::from_rgb(66, 133, 244),
        Phase::FineTune => Color32::from_rgb(230, 145, 30),
        Phase::SelfHost => Color32::from_rgb(52, 168, 83),
        Phase::Pretrain => Color32::from_rgb(200, 70, 160),
    }
}

/// Dollars on an axis: to the cent, without ".00" on a whole number (`$1,500`, `$0.25`).
#[must_use]
pub fn axis_dollars(value: f64) -> String {
    Decimal::from_f64(value).map_or_else(String::new, |d| {
        let cents = usd_cents(d);
        cents
            .strip_suffix(".00")
            .map_or(cents.clone(), str::to_owned)
    })
}
