//! The export's charts, drawn with plotters: the same three the window shows (cost against
//! volume, cumulative cash, gross margin), titled and with units on both axes, for a slide or a
//! printed page. Text is drawn with the embedded `DejaVu Sans`, so no system font is needed.

use std::sync::Once;

use breakeven_model::engine::{Curve, Outcome, Phase};
use breakeven_model::format::{in_percent, tokens_short};
use plotters::coord::Shift;
use plotters::coord::types::{RangedCoordf64, RangedCoordu32};
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use crate::chart_style::axis_dollars;
use crate::error::ExportError;

/// A 16:9 slide at full HD: what the PNGs are sized for.
pub const SLIDE: (u32, u32) = (1920, 1080);

/// `DejaVu Sans` (Bitstream Vera licence, assets/fonts/DejaVuSans-LICENSE.txt).
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// One of the charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Monthly cost of each option against monthly volume, log-log, crossings marked.
    CostByVolume,
    /// Cumulative cash of each option by month, paybacks marked.
    CumulativeCash,
    /// Gross margin of each option by month (only with revenue).
    GrossMargin,
}

impl Chart {
    /// Every chart, in the report's order.
    pub const ALL: [Self; 3] = [Self::CostByVolume, Self::CumulativeCash, Self::GrossMargin];

    /// The file name without extension.
    #[must_use]
    pub const fn stem(self) -> &'static str {
        match self {
            Self::CostByVolume => "cost-by-volume",
            Self::CumulativeCash => "cumulative-cash",
            Self::GrossMargin => "gross-margin",
        }
    }

    /// The chart's title.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::CostByVolume => "Monthly cost against monthly volume",
            Self::CumulativeCash => "Cumulative cash by month",
            Self::GrossMargin => "Gross margin by month",
        }
    }

    /// How to read it, in one sentence.
    #[must_use]
    pub const fn caption(self) -> &'static str {
        match self {
            Self::CostByVolume => {
                "Each option's monthly cost at every volume, both axes on a log scale; diamonds mark where two options break even, the grey line is the scenario's volume."
            }
            Self::CumulativeCash => {
                "Cash paid by each option since month 1, up-front costs in the month they are paid; dots mark the month each option has paid back its up-front cost."
            }
            Self::GrossMargin => {
                "Revenue less the option's running cost and other cost of revenue, as a share of revenue, month by month."
            }
        }
    }

    /// Whether the scenario has what the chart shows: the margin needs revenue.
    #[must_use]
    pub fn applies(self, outcome: &Outcome) -> bool {
        self != Self::GrossMargin
            || outcome
                .horizon
                .months
                .first()
                .is_some_and(|m| m.revenue.is_some())
    }

    /// The chart as an SVG document of `size` pixels.
    pub fn svg(
        self,
        outcome: &Outcome,
        curves: &[Curve],
        size: (u32, u32),
    ) -> Result<String, ExportError> {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
            self.draw(&root, outcome, curves)
                .map_err(|e| ExportError::Draw(self.title(), e.to_string()))?;
            root.present()
                .map_err(|e| ExportError::Draw(self.title(), e.to_string()))?;
        }
        Ok(out)
    }

    /// The chart as a PNG image of `size` pixels.
    pub fn png(
        self,
        outcome: &Outcome,
        curves: &[Curve],
        size: (u32, u32),
    ) -> Result<Vec<u8>, ExportError> {
        let (width, height) = size;
        // Three bytes a pixel (RGB).
        let bytes = width
            .checked_mul(height)
            .and_then(|pixels| pixels.checked_mul(3))
            .and_then(|bytes| usize::try_from(bytes).ok())
            .ok_or_else(|| ExportError::Draw(self.title(), "the image is too large".into()))?;
        let mut pixels = vec![0_u8; bytes];
        {
            let root = BitMapBackend::with_buffer(&mut pixels, size).into_drawing_area();
            self.draw(&root, outcome, curves)
                .map_err(|e| ExportError::Draw(self.title(), e.to_string()))?;
            root.present()
                .map_err(|e| ExportError::Draw(self.title(), e.to_string()))?;
        }
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let encode = |e: png::EncodingError| ExportError::Draw(self.title(), e.to_string());
        let mut writer = encoder.write_header().map_err(encode)?;
        writer.write_image_data(&pixels).map_err(encode)?;
        writer.finish().map_err(encode)?;
        Ok(out)
    }

    fn draw<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        outcome: &Outcome,
        curves: &[Curve],
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        register_embedded_font();
        root.fill(&WHITE)?;
        match self {
            Self::CostByVolume => cost_by_volume(root, outcome, curves),
            Self::CumulativeCash => cumulative_cash(root, outcome),
            Self::GrossMargin => gross_margin(root, outcome),
        }
    }
}

/// Registers `DejaVu Sans` as plotters' "sans-serif", once; the board summary draws with it too.
pub(super) fn register_embedded_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is part of the binary and a test draws with it: it cannot be invalid.
        let _ = register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

/// Each option's colour, the window's.
fn colour(phase: Phase) -> RGBColor {
    let c = crate::chart_style::colour(phase);
    RGBColor(c.r(), c.g(), c.b())
}

/// Sizes relative to the picture's height, so a smaller SVG reads the same as the slide.
struct Scale(f64);

impl Scale {
    fn of<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Self {
        Self(f64::from(root.dim_in_pixel().1) / 1080.0)
    }

    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel sizes"
    )]
    fn px(&self, size: f64) -> u32 {
        (size * self.0).round().max(1.0) as u32
    }

    /// A distance in drawing coordinates, which are signed.
    fn offset(&self, size: f64) -> i32 {
        i32::try_from(self.px(size)).unwrap_or(i32::MAX)
    }

    /// The length of a legend's line, a little shorter than the legend's room for it.
    fn swatch(&self) -> i32 {
        self.offset(44.0)
    }

    fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size * self.0).into_font().color(&BLACK)
    }
}

fn tokens(value: f64) -> String {
    Decimal::from_f64(value.round()).map_or_else(String::new, tokens_short)
}

fn cost_by_volume<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    outcome: &Outcome,
    curves: &[Curve],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = Scale::of(root);
    let swatch = s.swatch();
    let positive = |p: &&[f64; 2]| p[0] > 0.0 && p[1] > 0.0;
    let (lo, hi) = (
        outcome.range.0.to_f64().unwrap_or(1.0).max(1.0),
        outcome.range.1.to_f64().unwrap_or(1e12),
    );
    let costs = curves
        .iter()
        .flat_map(|c| c.points.iter().filter(positive).map(|p| p[1]));
    let (min, max) = costs.fold((f64::MAX, 0.0_f64), |(a, b), y| (a.min(y), b.max(y)));
    let (min, max) = if max > 0.0 {
        (min / 1.5, max * 1.5)
    } else {
        (1.0, 10.0)
    };
    let mut chart = ChartBuilder::on(root)
        .caption(Chart::CostByVolume.title(), s.font(44.0))
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
    for curve in curves {
        let style = colour(curve.phase).stroke_width(s.px(4.0));
        chart
            .draw_series(LineSeries::new(
                curve.points.iter().filter(positive).map(|p| (p[0], p[1])),
                style,
            ))?
            .label(curve.phase.label())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x.saturating_add(swatch), y)], style)
            });
    }
    if let Some(v) = outcome.volume.to_f64().filter(|v| *v >= lo && *v <= hi) {
        let grey = RGBColor(120, 120, 120).stroke_width(s.px(3.0));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(v, min), (v, max)],
                grey,
            )))?
            .label(format!("Your volume: {}", tokens_short(outcome.volume)))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x.saturating_add(swatch), y)], grey)
            });
    }
    let marks = crossing_marks(outcome, lo, hi);
    let size = s.offset(11.0);
    let font = s.font(24.0);
    let offset = s.offset(16.0);
    // The diamond's corners, `size` from its centre.
    let (near, far) = (size.saturating_neg(), size);
    chart.draw_series(marks.into_iter().map(|(at, label)| {
        #[expect(
            clippy::arithmetic_side_effects,
            reason = "plotters' `+` composes drawing elements; it adds no numbers"
        )]
        let mark = EmptyElement::at(at)
            + Polygon::new(
                vec![(0, near), (far, 0), (0, far), (near, 0)],
                RGBColor(90, 90, 90).filled(),
            )
            + Text::new(
                label.unwrap_or_default(),
                (offset, offset / 2),
                font.clone(),
            );
        mark
    }))?;
    legend(&mut chart, &s, SeriesLabelPosition::UpperLeft)
}

/// The break-evens inside the plotted range, at their cost; each pair's first crossing is
/// labelled, a staircase's many flips are marked only.
fn crossing_marks(outcome: &Outcome, lo: f64, hi: f64) -> Vec<((f64, f64), Option<String>)> {
    let mut marks = Vec::new();
    for pair in &outcome.break_evens {
        for (i, crossing) in pair.crossings.iter().take(12).enumerate() {
            let (Some(v), Some(cost)) = (
                crossing.volume.to_f64(),
                outcome.models[pair.a.index()]
                    .cost_at(crossing.volume)
                    .ok()
                    .and_then(|c| c.to_f64()),
            ) else {
                continue;
            };
            if v < lo || v > hi || cost <= 0.0 {
                continue;
            }
            let label = (i == 0).then(|| {
                format!(
                    "{} / {}: {}",
                    pair.a.label(),
                    pair.b.label(),
                    tokens_short(crossing.volume)
                )
            });
            marks.push(((v, cost), label));
        }
    }
    marks
}

fn legend<'a, DB: DrawingBackend + 'a, CT: plotters::coord::CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    s: &Scale,
    position: SeriesLabelPosition,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    chart
        .configure_series_labels()
        .position(position)
        .label_font(s.font(28.0))
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(200, 200, 200))
        .margin(s.px(16.0))
        .legend_area_size(s.px(60.0))
        .draw()
}

fn months(outcome: &Outcome) -> std::ops::Range<u32> {
    let last = outcome.horizon.months.last().map_or(1, |m| m.month);
    1..last.max(2)
}

type ByMonth<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordu32, RangedCoordf64>>;

/// What a chart by month shows: a value of each option, month by month.
struct Monthly<'f> {
    chart: Chart,
    y_desc: &'static str,
    y_label: &'f dyn Fn(&f64) -> String,
    /// Room for the value labels, in slide pixels.
    y_label_room: f64,
    /// The range always shown, however small the values.
    at_least: (f64, f64),
    series: [Vec<(u32, f64)>; 4],
}

/// The axes, grid and each option's line of a chart by month, for marks to be added to.
fn by_month<'a, DB: DrawingBackend + 'a>(
    root: &DrawingArea<DB, Shift>,
    outcome: &Outcome,
    monthly: &Monthly<'_>,
    s: &Scale,
) -> Result<ByMonth<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (min, max) = monthly
        .series
        .iter()
        .flatten()
        .fold(monthly.at_least, |(a, b), (_, y)| (a.min(*y), b.max(*y)));
    let pad = (max - min) * 0.05;
    let mut chart = ChartBuilder::on(root)
        .caption(monthly.chart.title(), s.font(44.0))
        .margin(s.px(24.0))
        .x_label_area_size(s.px(90.0))
        .y_label_area_size(s.px(monthly.y_label_room))
        .build_cartesian_2d(months(outcome), min - pad..max + pad)?;
    chart
        .configure_mesh()
        .x_desc("Month")
        .y_desc(monthly.y_desc)
        .y_label_formatter(monthly.y_label)
        .label_style(s.font(26.0))
        .axis_desc_style(s.font(30.0))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    let swatch = s.swatch();
    for (phase, points) in Phase::ALL.into_iter().zip(&monthly.series) {
        let style = colour(phase).stroke_width(s.px(4.0));
        chart
            .draw_series(LineSeries::new(points.iter().copied(), style))?
            .label(phase.label())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x.saturating_add(swatch), y)], style)
            });
    }
    Ok(chart)
}

fn cumulative_cash<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    outcome: &Outcome,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = Scale::of(root);
    let h = &outcome.horizon;
    let monthly = Monthly {
        chart: Chart::CumulativeCash,
        y_desc: "Cumulative cash (USD)",
        y_label: &|v| axis_dollars(*v),
        y_label_room: 190.0,
        at_least: (0.0, 1.0),
        series: Phase::ALL.map(|phase| {
            h.months
                .iter()
                .filter_map(|m| Some((m.month, m.cumulative[phase.index()].to_f64()?)))
                .collect()
        }),
    };
    let mut chart = by_month(root, outcome, &monthly, &s)?;
    let font = s.font(24.0);
    let radius = s.px(10.0);
    let offset = s.offset(14.0);
    chart.draw_series(h.paybacks.iter().filter_map(|payback| {
        let month = payback.month?;
        let at = h.months.iter().find(|m| m.month == month)?;
        let y = at.cumulative[payback.phase.index()].to_f64()?;
        let label = format!("{} pays back: month {month}", payback.phase.label());
        #[expect(
            clippy::arithmetic_side_effects,
            reason = "plotters' `+` composes drawing elements; it adds no numbers"
        )]
        let mark = EmptyElement::at((month, y))
            + Circle::new((0, 0), radius, colour(payback.phase).filled())
            + Text::new(label, (offset, offset.saturating_mul(-3)), font.clone());
        Some(mark)
    }))?;
    legend(&mut chart, &s, SeriesLabelPosition::UpperLeft)
}

fn gross_margin<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    outcome: &Outcome,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = Scale::of(root);
    let monthly = Monthly {
        chart: Chart::GrossMargin,
        y_desc: "Gross margin (% of revenue)",
        y_label: &|v| format!("{v:.0}%"),
        y_label_room: 150.0,
        at_least: (0.0, 100.0),
        series: Phase::ALL.map(|phase| {
            outcome
                .horizon
                .months
                .iter()
                .filter_map(|m| {
                    let margin = in_percent(m.gross_margin[phase.index()]?)?;
                    Some((m.month, margin.to_f64()?))
                })
                .collect()
        }),
    };
    let mut chart = by_month(root, outcome, &monthly, &s)?;
    legend(&mut chart, &s, SeriesLabelPosition::LowerRight)
}
