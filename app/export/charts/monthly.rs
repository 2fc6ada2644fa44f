//! The charts by month: cumulative cash, with each option's payback labelled clear of the
//! lines, and gross margin. Only the options the chart shows are drawn.

use breakeven_model::Evaluation;
use breakeven_model::engine::Phase;
use breakeven_model::format::in_percent;
use plotters::coord::Shift;
use plotters::coord::types::{RangedCoordf64, RangedCoordu32};
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive as _;

use super::{Key, Scale, colour, frame, labels, pixels};
use crate::chart_labels::payback_text;
use crate::chart_style::axis_dollars;

type ByMonth<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordu32, RangedCoordf64>>;

/// What a chart by month shows: a value of each option shown, month by month.
struct Monthly<'f> {
    y_desc: &'static str,
    y_label: &'f dyn Fn(&f64) -> String,
    /// Room for the value labels, in slide pixels.
    y_label_room: f64,
    /// The range always shown, however small the values.
    at_least: (f64, f64),
    series: Vec<(Phase, Vec<(u32, f64)>)>,
    /// Each option's p10 to p90 band from the Monte Carlo, drawn faintly behind its line.
    bands: Vec<(Phase, Vec<(u32, f64)>)>,
}

/// The band of each option shown, as a closed outline: the p10 by month, then the p90 back.
fn bands(evaluation: &Evaluation) -> Vec<(Phase, Vec<(u32, f64)>)> {
    let Some(found) = evaluation.uncertainty() else {
        return Vec::new();
    };
    evaluation
        .chart
        .shown
        .phases()
        .map(|phase| {
            let i = phase.index();
            let month = |x: f64| {
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a month from 1 to 120"
                )]
                let m = x.round().max(0.0) as u32;
                m
            };
            let low = found
                .cash_band
                .iter()
                .filter(|b| b.low[i].is_finite())
                .map(|b| (month(b.x), b.low[i]));
            let high = found
                .cash_band
                .iter()
                .rev()
                .filter(|b| b.high[i].is_finite())
                .map(|b| (month(b.x), b.high[i]));
            (phase, low.chain(high).collect())
        })
        .collect()
}

fn months(evaluation: &Evaluation) -> std::ops::Range<u32> {
    let last = evaluation
        .outcome
        .horizon
        .months
        .last()
        .map_or(1, |m| m.month);
    1..last.max(2)
}

/// The axes, grid and each option's line of a chart by month in `body`, for marks to be added
/// to; the key to its lines; and the lines in pixels.
#[expect(clippy::type_complexity, reason = "the chart, its key and its lines")]
fn by_month<'a, DB: DrawingBackend + 'a>(
    body: &DrawingArea<DB, Shift>,
    evaluation: &Evaluation,
    monthly: &Monthly<'_>,
    s: &Scale,
) -> Result<(ByMonth<'a, DB>, Vec<Key>, Vec<Vec<[f64; 2]>>), DrawingAreaErrorKind<DB::ErrorType>> {
    let (min, max) = monthly
        .series
        .iter()
        .chain(&monthly.bands)
        .flat_map(|(_, points)| points)
        .fold(monthly.at_least, |(a, b), (_, y)| (a.min(*y), b.max(*y)));
    let pad = (max - min) * 0.05;
    let mut chart = ChartBuilder::on(body)
        .margin(s.px(24.0))
        .x_label_area_size(s.px(90.0))
        .y_label_area_size(s.px(monthly.y_label_room))
        .build_cartesian_2d(months(evaluation), min - pad..max + pad)?;
    chart
        .configure_mesh()
        .x_desc("Month")
        .y_desc(monthly.y_desc)
        .y_label_formatter(monthly.y_label)
        .label_style(s.font(26.0))
        .axis_desc_style(s.font(30.0))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    for (phase, outline) in &monthly.bands {
        if outline.len() >= 4 {
            let fill = colour(*phase).mix(0.15).filled();
            chart.draw_series(std::iter::once(Polygon::new(outline.clone(), fill)))?;
        }
    }
    let mut keys = Vec::new();
    let mut lines = Vec::new();
    for (phase, points) in &monthly.series {
        let style = colour(*phase).stroke_width(s.px(4.0));
        lines.push(
            points
                .iter()
                .map(|p| pixels(chart.backend_coord(p)))
                .collect(),
        );
        chart.draw_series(LineSeries::new(points.iter().copied(), style))?;
        keys.push(Key {
            label: phase.label().to_owned(),
            style,
        });
    }
    Ok((chart, keys, lines))
}

/// Each option shown, with its value each month as `value` gives it.
fn series(
    evaluation: &Evaluation,
    value: impl Fn(&breakeven_model::engine::HorizonMonth, Phase) -> Option<f64>,
) -> Vec<(Phase, Vec<(u32, f64)>)> {
    evaluation
        .chart
        .shown
        .phases()
        .map(|phase| {
            let points = evaluation
                .outcome
                .horizon
                .months
                .iter()
                .filter_map(|m| Some((m.month, value(m, phase)?)))
                .collect();
            (phase, points)
        })
        .collect()
}

/// Draws the cumulative cash into `body`, the payback labels onto `root`, and returns the key.
pub(super) fn cumulative_cash<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    evaluation: &Evaluation,
    s: &Scale,
) -> Result<Vec<Key>, DrawingAreaErrorKind<DB::ErrorType>> {
    let h = &evaluation.outcome.horizon;
    let monthly = Monthly {
        y_desc: "Cumulative cash (USD)",
        y_label: &|v| axis_dollars(*v),
        y_label_room: 190.0,
        at_least: (0.0, 1.0),
        series: series(evaluation, |m, phase| m.cumulative[phase.index()].to_f64()),
        bands: bands(evaluation),
    };
    let (mut chart, keys, lines) = by_month(body, evaluation, &monthly, s)?;
    let paybacks: Vec<(Phase, u32, f64)> = h
        .paybacks
        .iter()
        .filter(|p| evaluation.chart.shown.contains(p.phase))
        .filter_map(|payback| {
            let month = payback.month?;
            let at = h.months.iter().find(|m| m.month == month)?;
            Some((
                payback.phase,
                month,
                at.cumulative[payback.phase.index()].to_f64()?,
            ))
        })
        .collect();
    let radius = s.px(10.0);
    chart.draw_series(
        paybacks
            .iter()
            .map(|(phase, month, y)| Circle::new((*month, *y), radius, colour(*phase).filled())),
    )?;
    let centres: Vec<[f64; 2]> = paybacks
        .iter()
        .map(|(_, month, y)| pixels(chart.backend_coord(&(*month, *y))))
        .collect();
    let texts: Vec<(String, [f64; 2])> = paybacks
        .iter()
        .zip(&centres)
        .map(|((phase, month, _), centre)| (payback_text(*phase, *month), *centre))
        .collect();
    let area = frame(&chart.plotting_area().get_pixel_range());
    labels(root, s, area, (&centres, s.f(10.0)), &texts, &lines)?;
    Ok(keys)
}

/// Draws the gross margin into `body` and returns the key.
pub(super) fn gross_margin<DB: DrawingBackend>(
    _root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    evaluation: &Evaluation,
    s: &Scale,
) -> Result<Vec<Key>, DrawingAreaErrorKind<DB::ErrorType>> {
    let monthly = Monthly {
        y_desc: "Gross margin (% of revenue)",
        y_label: &|v| format!("{v:.0}%"),
        y_label_room: 150.0,
        at_least: (0.0, 100.0),
        series: series(evaluation, |m, phase| {
            in_percent(m.gross_margin[phase.index()]?)?.to_f64()
        }),
        bands: Vec::new(),
    };
    let (_, keys, _) = by_month(body, evaluation, &monthly, s)?;
    Ok(keys)
}
