//! The cost chart: each option's monthly cost against monthly volume, both axes on a log scale,
//! across the volumes that matter (the model's `CostChart`), with the scenario's volume and the
//! crossings marked; crossings at one spot share a label.

use breakeven_model::Evaluation;
use breakeven_model::format::tokens_short;
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use super::{Key, Scale, colour, frame, labels, pixels};
use crate::chart_labels::crossing_labels;
use crate::chart_style::axis_dollars;

fn tokens(value: f64) -> String {
    Decimal::from_f64(value.round()).map_or_else(String::new, tokens_short)
}

/// Each shown option's p10 to p90 band from the Monte Carlo, as a closed outline (the p10 across
/// the volumes, then the p90 back) within the chart's volumes `x` and costs `y`.
fn band_outlines(
    evaluation: &Evaluation,
    x: (f64, f64),
    y: (f64, f64),
) -> Vec<(breakeven_model::phase::Phase, Vec<(f64, f64)>)> {
    let Some(found) = evaluation.uncertainty() else {
        return Vec::new();
    };
    let inside = |b: &&breakeven_model::uncertainty::Band| b.x >= x.0 && b.x <= x.1;
    evaluation
        .chart
        .shown
        .phases()
        .filter_map(|phase| {
            let i = phase.index();
            let low = found
                .cost_band
                .iter()
                .filter(inside)
                .filter(|b| b.low[i] > 0.0)
                .map(|b| (b.x, b.low[i].clamp(y.0, y.1)));
            let high = found
                .cost_band
                .iter()
                .rev()
                .filter(inside)
                .filter(|b| b.high[i] > 0.0)
                .map(|b| (b.x, b.high[i].clamp(y.0, y.1)));
            let outline: Vec<(f64, f64)> = low.chain(high).collect();
            (outline.len() >= 4).then_some((phase, outline))
        })
        .collect()
}

/// The costs the chart spans: its curves' least and most, with room above and below.
fn cost_span(shown: &breakeven_model::engine::CostChart) -> (f64, f64) {
    let costs = shown.shown_curves().flat_map(|c| {
        c.points
            .iter()
            .filter(|p| p[0] > 0.0 && p[1] > 0.0)
            .map(|p| p[1])
    });
    let (min, max) = costs.fold((f64::MAX, 0.0_f64), |(a, b), y| (a.min(y), b.max(y)));
    if max > 0.0 {
        (min / 1.5, max * 1.5)
    } else {
        (1.0, 10.0)
    }
}

/// Draws the cost chart into `body`, its labels onto `root` (whose pixels the chart's are), and
/// returns the key to its lines.
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    evaluation: &Evaluation,
    s: &Scale,
) -> Result<Vec<Key>, DrawingAreaErrorKind<DB::ErrorType>> {
    let shown = &evaluation.chart;
    let outcome = &evaluation.outcome;
    let positive = |p: &&[f64; 2]| p[0] > 0.0 && p[1] > 0.0;
    let (lo, hi) = (
        shown.range.0.to_f64().unwrap_or(1.0).max(1.0),
        shown.range.1.to_f64().unwrap_or(1e12),
    );
    let (min, max) = cost_span(shown);
    let mut chart = ChartBuilder::on(body)
        .margin(s.px(24.0))
        .x_label_area_size(s.px(90.0))
        .y_label_area_size(s.px(170.0))
        .build_cartesian_2d((lo..hi).log_scale(), (min..max).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("Monthly volume (tokens, log scale)")
        .y_desc("Monthly cost (USD, log scale)")
        .x_label_formatter(&|v| tokens(*v))
        .y_label_formatter(&|v| axis_dollars(*v))
        .label_style(s.font(26.0))
        .axis_desc_style(s.font(30.0))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    // The Monte Carlo's p10 to p90 of each option, faint behind its line.
    for (phase, outline) in band_outlines(evaluation, (lo, hi), (min, max)) {
        let fill = colour(phase).mix(0.15).filled();
        chart.draw_series(std::iter::once(Polygon::new(outline, fill)))?;
    }
    let mut keys = Vec::new();
    // Every line in pixels, for the labels to keep clear of.
    let mut lines: Vec<Vec<[f64; 2]>> = Vec::new();
    for curve in shown.shown_curves() {
        let style = colour(curve.phase).stroke_width(s.px(4.0));
        let points: Vec<(f64, f64)> = curve
            .points
            .iter()
            .filter(positive)
            .map(|p| (p[0], p[1]))
            .collect();
        lines.push(
            points
                .iter()
                .map(|p| pixels(chart.backend_coord(p)))
                .collect(),
        );
        chart.draw_series(LineSeries::new(points, style))?;
        keys.push(super::Key {
            label: curve.phase.label().to_owned(),
            style,
        });
    }
    if let Some(v) = outcome.volume.to_f64().filter(|v| *v >= lo && *v <= hi) {
        let grey = RGBColor(120, 120, 120).stroke_width(s.px(3.0));
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(v, min), (v, max)],
            grey,
        )))?;
        lines.push(vec![
            pixels(chart.backend_coord(&(v, min))),
            pixels(chart.backend_coord(&(v, max))),
        ]);
        keys.push(Key {
            label: format!("Your volume: {}", tokens_short(outcome.volume)),
            style: grey,
        });
    }
    let marks: Vec<_> = shown
        .crossings
        .iter()
        .filter_map(|m| Some((m, m.volume.to_f64()?, m.cost.to_f64()?)))
        .filter(|(_, v, cost)| *v >= lo && *v <= hi && *cost > 0.0)
        .collect();
    let size = s.offset(11.0);
    // The diamond's corners, `size` from its centre.
    let (near, far) = (size.saturating_neg(), size);
    chart.draw_series(marks.iter().map(|(_, v, cost)| {
        #[expect(
            clippy::arithmetic_side_effects,
            reason = "plotters' `+` composes drawing elements; it adds no numbers"
        )]
        let mark = EmptyElement::at((*v, *cost))
            + Polygon::new(
                vec![(0, near), (far, 0), (0, far), (near, 0)],
                RGBColor(90, 90, 90).filled(),
            );
        mark
    }))?;
    let centres: Vec<(_, [f64; 2])> = marks
        .iter()
        .map(|(m, v, cost)| (*m, pixels(chart.backend_coord(&(*v, *cost)))))
        .collect();
    // Crossings closer than a few diamonds (a staircase's flips) share one label.
    let texts: Vec<(String, [f64; 2])> = crossing_labels(&centres, s.f(30.0))
        .into_iter()
        .map(|(text, first)| (text, centres[first].1))
        .collect();
    let centres: Vec<[f64; 2]> = centres.iter().map(|(_, c)| *c).collect();
    let area = frame(&chart.plotting_area().get_pixel_range());
    labels(root, s, area, (&centres, s.f(11.0)), &texts, &lines)?;
    Ok(keys)
}
