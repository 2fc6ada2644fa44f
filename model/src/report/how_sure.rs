//! How sure the answer is, from the Monte Carlo: each option's figures as p10 / p50 / p90, the
//! chance each option is cheapest and recommended, where the options cross, and the inputs the
//! answer hangs on.

use rust_decimal::Decimal;
use serde::Serialize;

use super::document::Document;
use super::table::Table;
use crate::format::{fixed, tokens_short, usd_cents};
use crate::phase::Phase;
use crate::scenario::input_label;
use crate::uncertainty::{Percentiles, Uncertainty};

/// A chance as people say it: `83%`.
#[must_use]
pub fn chance(p: Decimal) -> String {
    let percent = p.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(p);
    format!("{}%", percent.round_dp(0))
}

/// A band of dollars: `$1.00 / $2.00 / $3.00` (p10 / p50 / p90).
#[must_use]
pub fn usd_band(p: &Percentiles<Decimal>) -> String {
    format!(
        "{} / {} / {}",
        usd_cents(p.p10),
        usd_cents(p.p50),
        usd_cents(p.p90)
    )
}

/// A band of months: `month 5 / month 9 / none` (p10 / p50 / p90).
#[must_use]
pub fn month_band(p: &Percentiles<Option<u32>>) -> String {
    let month = |m: Option<u32>| m.map_or_else(|| "none".to_owned(), |m| format!("month {m}"));
    format!("{} / {} / {}", month(p.p10), month(p.p50), month(p.p90))
}

/// The section: the chances, the options' bands, the crossings and the drivers.
pub fn section(doc: &mut Document, u: &Uncertainty) {
    doc.heading("How sure", 2);
    let inputs: Vec<String> = u.inputs.iter().map(|p| input_label(p)).collect();
    doc.paragraph(&format!(
        "{} samples (seed {}) of the {} input{} given as ranges ({}); every other input is exact. \
         A range is the input's 90% interval around its most likely value, drawn as a triangle \
         (on a log scale when it spans a tenfold).",
        u.samples,
        u.seed,
        inputs.len(),
        if inputs.len() == 1 { "" } else { "s" },
        inputs.join(", ")
    ));
    let mut table = Table::new(&["Option", "Recommended", "Cheapest over the horizon"]);
    for (phase, recommended) in &u.p_recommended {
        table.row(vec![
            phase.label().to_owned(),
            chance(*recommended),
            chance(u.chance_cheapest(*phase)),
        ]);
    }
    doc.table(&table);
    let on_table: Vec<Phase> = u.p_recommended.iter().map(|(p, _)| *p).collect();
    let mut bands = Table::new(&[
        "Option (p10 / p50 / p90)",
        "Monthly cost",
        "Cash over the horizon",
        "Present value",
        "Pays back against Buy",
    ]);
    for o in u.options.iter().filter(|o| on_table.contains(&o.phase)) {
        bands.row(vec![
            o.phase.label().to_owned(),
            usd_band(&o.monthly),
            usd_band(&o.horizon_cash),
            usd_band(&o.present_value),
            if o.phase == Phase::Buy {
                String::new()
            } else {
                month_band(&o.payback_month)
            },
        ]);
    }
    doc.table(&bands);
    let crossings: Vec<String> = u
        .break_evens
        .iter()
        .map(|b| {
            let [a, c] = b.options;
            match &b.volume {
                Some(v) => format!(
                    "{} and {} cross at {} / {} / {} tokens a month (p10 / p50 / p90) in {} of samples.",
                    a.label(),
                    c.label(),
                    tokens_short(v.p10),
                    tokens_short(v.p50),
                    tokens_short(v.p90),
                    chance(b.share_in_range)
                ),
                None => format!("{} and {} do not cross in any sample.", a.label(), c.label()),
            }
        })
        .collect();
    doc.bullets(crossings);
    if !u.drivers.is_empty() {
        let [first, second] = u.leading;
        doc.paragraph(&format!(
            "What the difference in cash between {} and {} hangs on (each input's share of its spread):",
            first.label(),
            second.label()
        ));
        doc.bullets(
            u.drivers
                .iter()
                .map(|d| format!("{}: {}", input_label(&d.input), chance(d.share))),
        );
    }
}

/// The figures as CSV, a row each: `figure,phase,p10,p50,p90` for the options' bands, then
/// `figure,phase,probability` rows for the chances and `driver,input,share` rows for the
/// drivers, every number a plain decimal.
#[must_use]
pub fn csv(u: &Uncertainty) -> String {
    let mut out = String::from("figure,phase_or_input,p10,p50,p90\n");
    let mut row = |cells: [String; 5]| {
        out.push_str(&cells.join(","));
        out.push('\n');
    };
    for o in &u.options {
        let phase = format!("{:?}", o.phase);
        for (name, p) in [
            ("monthly_usd", &o.monthly),
            ("horizon_cash_usd", &o.horizon_cash),
            ("present_value_usd", &o.present_value),
        ] {
            row([
                name.to_owned(),
                phase.clone(),
                fixed(p.p10, 2),
                fixed(p.p50, 2),
                fixed(p.p90, 2),
            ]);
        }
        let month = |m: Option<u32>| m.map(|m| m.to_string()).unwrap_or_default();
        let p = &o.payback_month;
        row([
            "payback_month".to_owned(),
            phase,
            month(p.p10),
            month(p.p50),
            month(p.p90),
        ]);
    }
    for (name, list) in [
        ("p_cheapest", &u.p_cheapest),
        ("p_recommended", &u.p_recommended),
    ] {
        for (phase, p) in list {
            row([
                name.to_owned(),
                format!("{phase:?}"),
                fixed(*p, 4),
                String::new(),
                String::new(),
            ]);
        }
    }
    for d in &u.drivers {
        row([
            "driver_share".to_owned(),
            d.input.clone(),
            fixed(d.share, 4),
            String::new(),
            String::new(),
        ]);
    }
    out
}

/// The drivers as horizontal bars, for the HTML report: each input's share of the spread.
#[must_use]
pub fn tornado_svg(u: &Uncertainty) -> String {
    use std::fmt::Write as _;
    let row_height = 24_u32;
    let rows = u32::try_from(u.drivers.len()).unwrap_or(u32::MAX).min(40);
    let height = rows.saturating_mul(row_height).saturating_add(8);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{height}\" role=\"img\" aria-label=\"What the answer hangs on\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    for (i, d) in u.drivers.iter().take(40).enumerate() {
        let y = u32::try_from(i)
            .unwrap_or(0)
            .saturating_mul(row_height)
            .saturating_add(4);
        let share = d.share.min(Decimal::ONE).max(Decimal::ZERO);
        let width = share.checked_mul(Decimal::from(300)).map_or(0, |w| {
            rust_decimal::prelude::ToPrimitive::to_u32(&w.round()).unwrap_or(0)
        });
        let label = input_label(&d.input)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{label}</text><rect x=\"260\" y=\"{}\" width=\"{width}\" height=\"16\" fill=\"#3b82f6\"/><text x=\"{}\" y=\"{}\">{}</text>",
            y.saturating_add(12),
            y,
            width.saturating_add(266),
            y.saturating_add(12),
            chance(d.share)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Three percentiles as decimal strings.
#[derive(Debug, Serialize)]
pub struct JsonBand<T> {
    p10: T,
    p50: T,
    p90: T,
}

fn cents(p: &Percentiles<Decimal>) -> JsonBand<String> {
    JsonBand {
        p10: fixed(p.p10, 2),
        p50: fixed(p.p50, 2),
        p90: fixed(p.p90, 2),
    }
}

#[derive(Debug, Serialize)]
struct JsonOption {
    phase: Phase,
    monthly_usd: JsonBand<String>,
    horizon_cash_usd: JsonBand<String>,
    present_value_usd: JsonBand<String>,
    payback_month: JsonBand<Option<u32>>,
}

#[derive(Debug, Serialize)]
struct JsonChance {
    phase: Phase,
    probability: String,
}

#[derive(Debug, Serialize)]
struct JsonBreakEven {
    options: [Phase; 2],
    p10: Option<String>,
    p50: Option<String>,
    p90: Option<String>,
    share_in_range: String,
}

#[derive(Debug, Serialize)]
struct JsonDriver {
    input: String,
    share: String,
}

/// The JSON report's `uncertainty`.
#[derive(Debug, Serialize)]
pub struct Json {
    samples: u32,
    seed: u64,
    inputs: Vec<String>,
    options: Vec<JsonOption>,
    p_cheapest: Vec<JsonChance>,
    p_recommended: Vec<JsonChance>,
    break_evens: Vec<JsonBreakEven>,
    drivers: Vec<JsonDriver>,
}

impl Json {
    /// `u` as the JSON report writes it: every figure a decimal string.
    #[must_use]
    pub fn new(u: &Uncertainty) -> Self {
        let chances = |list: &[(Phase, Decimal)]| {
            list.iter()
                .map(|(phase, p)| JsonChance {
                    phase: *phase,
                    probability: fixed(*p, 4),
                })
                .collect()
        };
        Self {
            samples: u.samples,
            seed: u.seed,
            inputs: u.inputs.clone(),
            options: u
                .options
                .iter()
                .map(|o| JsonOption {
                    phase: o.phase,
                    monthly_usd: cents(&o.monthly),
                    horizon_cash_usd: cents(&o.horizon_cash),
                    present_value_usd: cents(&o.present_value),
                    payback_month: JsonBand {
                        p10: o.payback_month.p10,
                        p50: o.payback_month.p50,
                        p90: o.payback_month.p90,
                    },
                })
                .collect(),
            p_cheapest: chances(&u.p_cheapest),
            p_recommended: chances(&u.p_recommended),
            break_evens: u
                .break_evens
                .iter()
                .map(|b| JsonBreakEven {
                    options: b.options,
                    p10: b.volume.map(|v| fixed(v.p10, 0)),
                    p50: b.volume.map(|v| fixed(v.p50, 0)),
                    p90: b.volume.map(|v| fixed(v.p90, 0)),
                    share_in_range: fixed(b.share_in_range, 4),
                })
                .collect(),
            drivers: u
                .drivers
                .iter()
                .map(|d| JsonDriver {
                    input: d.input.clone(),
                    share: fixed(d.share, 4),
                })
                .collect(),
        }
    }
}
