//! The export's charts, drawn with plotters: the same three the window shows (cost against
//! volume, cumulative cash, gross margin), for a slide or a printed page. Each opens with its
//! title, a subtitle naming the scenario and the assumptions that move the chart, and a key to
//! the options drawn: those the window shows, which by default leaves out the options the
//! recommendation ruled out. Text is drawn with the embedded `DejaVu Sans`, so no system font
//! is needed.

mod cost;
mod monthly;
mod pareto;
mod roadmap;

#[cfg(not(target_arch = "wasm32"))]
use std::sync::Once;

use breakeven_model::Evaluation;
use breakeven_model::engine::Phase;
use breakeven_model::format::tokens_short;
use breakeven_model::units::Percent;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
#[cfg(not(target_arch = "wasm32"))]
use plotters::style::{FontStyle, register_font};

use crate::chart_labels::{Label, Rect, place};
use crate::error::ExportError;

/// A 16:9 slide at full HD: what the PNGs are sized for.
pub const SLIDE: (u32, u32) = (1920, 1080);

/// `DejaVu Sans` (Bitstream Vera licence, assets/fonts/DejaVuSans-LICENSE.txt).
#[cfg(not(target_arch = "wasm32"))]
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
    /// The roadmap: each feature's phase by month, the moves marked (only with several
    /// features or a move).
    Roadmap,
    /// The API bill by feature, largest first, with those behind 80% of it (only with several
    /// features).
    Pareto,
}

impl Chart {
    /// Every chart, in the report's order.
    pub const ALL: [Self; 5] = [
        Self::CostByVolume,
        Self::CumulativeCash,
        Self::GrossMargin,
        Self::Roadmap,
        Self::Pareto,
    ];

    /// The file name without extension.
    #[must_use]
    pub const fn stem(self) -> &'static str {
        match self {
            Self::CostByVolume => "cost-by-volume",
            Self::CumulativeCash => "cumulative-cash",
            Self::GrossMargin => "gross-margin",
            Self::Roadmap => "roadmap",
            Self::Pareto => "api-bill-by-feature",
        }
    }

    /// The chart's title.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::CostByVolume => "Monthly cost against monthly volume",
            Self::CumulativeCash => "Cumulative cash by month",
            Self::GrossMargin => "Gross margin by month",
            Self::Roadmap => breakeven_model::report::ROADMAP_TITLE,
            Self::Pareto => breakeven_model::report::PARETO_TITLE,
        }
    }

    /// How to read it, in one sentence.
    #[must_use]
    pub const fn caption(self) -> &'static str {
        match self {
            Self::CostByVolume => {
                "Each option's monthly cost at every volume that matters here, both axes on a log scale; diamonds mark where two options break even, the grey line is the scenario's volume."
            }
            Self::CumulativeCash => {
                "Cash paid by each option since month 1, up-front costs in the month they are paid; dots mark the month each option has paid back its up-front cost."
            }
            Self::GrossMargin => {
                "Revenue less the option's running cost and other cost of revenue, as a share of revenue, month by month."
            }
            Self::Roadmap => {
                "Each feature's phase month by month, the decision taken again on each month's traffic and prices; lighter while the next phase is built, then run beside the API; a black mark where a move goes live."
            }
            Self::Pareto => {
                "Each feature's API bill today, largest first, coloured by the option recommended for it; above the line, the fewest features that make 80% of the bill."
            }
        }
    }

    /// Whether the chart draws the options, one a line, and so follows the legends' choices;
    /// the roadmap and the bill by feature draw features.
    #[must_use]
    pub const fn draws_options(self) -> bool {
        matches!(
            self,
            Self::CostByVolume | Self::CumulativeCash | Self::GrossMargin
        )
    }

    /// Whether the scenario has what the chart shows: the margin needs revenue, the roadmap
    /// several features or a move.
    #[must_use]
    pub fn applies(self, evaluation: &Evaluation) -> bool {
        match self {
            Self::GrossMargin => evaluation
                .outcome
                .horizon
                .months
                .first()
                .is_some_and(|m| m.revenue.is_some()),
            Self::Roadmap => evaluation.portfolio().is_ok_and(|p| {
                p.features.len() > 1 || p.roadmap.rows.iter().any(|r| !r.moves.is_empty())
            }),
            Self::Pareto => evaluation.portfolio().is_ok_and(|p| p.features.len() > 1),
            Self::CostByVolume | Self::CumulativeCash => true,
        }
    }

    /// The line under the title: the scenario's name and the assumptions that move this chart.
    /// The cost chart is at today's prices, whatever the trends; the charts by month move with
    /// growth, the price trends and the months of building and running side by side.
    #[must_use]
    pub fn subtitle(self, evaluation: &Evaluation) -> String {
        let scenario = evaluation.scenario();
        let mut parts = vec![
            scenario.heading(),
            format!("{} tokens/month", tokens_short(evaluation.outcome.volume)),
        ];
        let horizon = &scenario.horizon;
        if self == Self::CostByVolume {
            parts.push("today's prices".to_owned());
        } else if self == Self::Pareto {
            parts.truncate(1);
            parts.push("today's prices".to_owned());
        } else if self == Self::Roadmap {
            parts.truncate(1);
            parts.push(format!(
                "{} feature{}",
                scenario.feature_count(),
                if scenario.feature_count() == 1 {
                    ""
                } else {
                    "s"
                }
            ));
            parts.push(format!(
                "API prices {}/year",
                percent(horizon.api_price_change_percent_per_year.value)
            ));
            parts.push(format!(
                "{} month{} to build, {} beside the API",
                horizon.build_months.value,
                if horizon.build_months.value == 1 {
                    ""
                } else {
                    "s"
                },
                horizon.parallel_run_months.value
            ));
        } else {
            parts.push(format!(
                "growth {}/month",
                percent(scenario.workload.growth_percent_per_month.value)
            ));
            parts.push(format!(
                "API prices {}/year",
                percent(horizon.api_price_change_percent_per_year.value)
            ));
            parts.push(format!(
                "GPU prices {}/year",
                percent(horizon.gpu_price_change_percent_per_year.value)
            ));
            for (months, what) in [
                (horizon.build_months.value, "to build"),
                (horizon.parallel_run_months.value, "side by side"),
            ] {
                if months > 0 {
                    let plural = if months == 1 { "" } else { "s" };
                    parts.push(format!("{months} month{plural} {what}"));
                }
            }
        }
        if let (Self::GrossMargin, Some(revenue)) = (self, &scenario.revenue) {
            parts.push(format!(
                "revenue growth {}/month",
                percent(revenue.growth_percent_per_month.value)
            ));
        }
        if let (Some(found), Self::CostByVolume | Self::CumulativeCash) =
            (evaluation.uncertainty(), self)
        {
            parts.push(format!(
                "shaded: p10 to p90 of {} samples",
                breakeven_model::format::group_thousands(found.samples.into())
            ));
        }
        parts.join(" · ")
    }

    /// The chart as an SVG document of `size` pixels.
    pub fn svg(self, evaluation: &Evaluation, size: (u32, u32)) -> Result<String, ExportError> {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
            self.draw(&root, evaluation)
                .map_err(|e| ExportError::Draw(self.title(), e.to_string()))?;
            root.present()
                .map_err(|e| ExportError::Draw(self.title(), e.to_string()))?;
        }
        Ok(out)
    }

    /// The chart as a PNG image of `size` pixels.
    pub fn png(self, evaluation: &Evaluation, size: (u32, u32)) -> Result<Vec<u8>, ExportError> {
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
            self.draw(&root, evaluation)
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
        evaluation: &Evaluation,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        register_embedded_font();
        root.fill(&WHITE)?;
        let s = Scale::of(root);
        let (heading, body) = root.split_vertically(s.px(HEADING));
        let keys = match self {
            Self::CostByVolume => cost::draw(root, &body, evaluation, &s)?,
            Self::CumulativeCash => monthly::cumulative_cash(root, &body, evaluation, &s)?,
            Self::GrossMargin => monthly::gross_margin(root, &body, evaluation, &s)?,
            Self::Roadmap => roadmap::draw(&body, evaluation, &s)?,
            Self::Pareto => pareto::draw(&body, evaluation, &s)?,
        };
        // The roadmap and the bill by feature draw features: what the legends leave out is not
        // theirs.
        let left_out = self.draws_options().then(|| left_out(evaluation)).flatten();
        heading_ui(&heading, &s, self.title(), &self.subtitle(evaluation))?;
        key_row(&heading, &s, &keys, left_out.as_deref())
    }
}

/// The height of the title, subtitle and key above each chart, in slide pixels.
const HEADING: f64 = 190.0;

/// A percentage as entered: `0%`, `-20%`, `2.5%`.
fn percent(value: Percent) -> String {
    format!("{}%", value.get().normalize())
}

/// The options not drawn, and why: "Not drawn: Pretrain (ruled out)".
fn left_out(evaluation: &Evaluation) -> Option<String> {
    let names: Vec<String> = Phase::ALL
        .into_iter()
        .filter(|p| !evaluation.chart.shown.contains(*p))
        .map(|p| match evaluation.recommendation.ruled_out(p) {
            Some(_) => format!("{} (ruled out)", p.label()),
            None => p.label().to_owned(),
        })
        .collect();
    (!names.is_empty()).then(|| format!("Not drawn: {}", names.join(", ")))
}

/// Registers `DejaVu Sans` as plotters' "sans-serif", once; the board summary draws with it too.
pub(super) fn register_embedded_font() {
    // In a browser plotters measures text with the page's own fonts: nothing to register.
    #[cfg(not(target_arch = "wasm32"))]
    {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            // The font is part of the binary and a test draws with it: it cannot be invalid.
            let _ = register_font("sans-serif", FontStyle::Normal, FONT);
        });
    }
}

/// Each option's colour, the window's.
fn colour(phase: Phase) -> RGBColor {
    let c = crate::chart_style::colour(phase);
    RGBColor(c.r(), c.g(), c.b())
}

/// Where a chart of features starts its bars: after the widest of `names` (at most `share` of
/// the picture's width) and a gap.
fn names_column<'n, DB: DrawingBackend>(
    body: &DrawingArea<DB, Shift>,
    s: &Scale,
    names: impl Iterator<Item = &'n str>,
    share: f64,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let font = s.font(28.0);
    let mut widest: f64 = 0.0;
    for name in names {
        let (w, _) = body.estimate_text_size(name, &font)?;
        widest = widest.max(f64::from(w));
    }
    let width = f64::from(body.dim_in_pixel().0);
    Ok(s.f(40.0) + widest.min(width * share) + s.f(24.0))
}

/// The grey of secondary text: dark enough to read on white.
const MUTED: RGBColor = RGBColor(85, 85, 85);

/// Sizes relative to the picture's height, so a smaller SVG reads the same as the slide.
struct Scale(f64);

impl Scale {
    fn of<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Self {
        Self(f64::from(root.dim_in_pixel().1) / 1080.0)
    }

    /// A length in pixels, at least one.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel sizes"
    )]
    fn px(&self, size: f64) -> u32 {
        (size * self.0).round().max(1.0) as u32
    }

    /// A length in pixels, unrounded, for placing labels.
    fn f(&self, size: f64) -> f64 {
        size * self.0
    }

    /// A distance in drawing coordinates, which are signed.
    fn offset(&self, size: f64) -> i32 {
        i32::try_from(self.px(size)).unwrap_or(i32::MAX)
    }

    fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size * self.0).into_font().color(&BLACK)
    }
}

/// A point in drawing coordinates, from pixels.
#[expect(
    clippy::cast_possible_truncation,
    reason = "pixels on a picture a few thousand wide"
)]
fn at(p: [f64; 2]) -> (i32, i32) {
    (p[0].round() as i32, p[1].round() as i32)
}

/// A point in pixels, from drawing coordinates.
fn pixels(p: (i32, i32)) -> [f64; 2] {
    [f64::from(p.0), f64::from(p.1)]
}

/// The plotting area of a chart, in pixels.
fn frame(range: &(std::ops::Range<i32>, std::ops::Range<i32>)) -> Rect {
    let (x, y) = range;
    Rect {
        x: f64::from(x.start),
        y: f64::from(y.start),
        w: f64::from(x.end) - f64::from(x.start),
        h: f64::from(y.end) - f64::from(y.start),
    }
}

/// The title and, under it, the subtitle, both centred; the subtitle shrinks to fit the width.
fn heading_ui<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Scale,
    title: &str,
    subtitle: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let width = f64::from(area.dim_in_pixel().0);
    let centre = |size: f64| {
        s.font(size)
            .pos(Pos::new(HPos::Center, VPos::Top))
            .color(&BLACK)
    };
    area.draw(&Text::new(
        title.to_owned(),
        at([width / 2.0, s.f(20.0)]),
        centre(44.0),
    ))?;
    let (wide, _) = area.estimate_text_size(subtitle, &s.font(28.0))?;
    let room = width - s.f(80.0);
    let size = if f64::from(wide) > room {
        28.0 * room / f64::from(wide)
    } else {
        28.0
    };
    area.draw(&Text::new(
        subtitle.to_owned(),
        at([width / 2.0, s.f(82.0)]),
        centre(size).color(&MUTED),
    ))
}

/// One entry of a chart's key: a line of the option's colour, and its name.
struct Key {
    label: String,
    style: ShapeStyle,
}

/// The key to the lines drawn, in one row under the subtitle, with what is not drawn at its end.
fn key_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Scale,
    keys: &[Key],
    note: Option<&str>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = s.font(28.0);
    let (swatch, gap, spacing) = (s.f(44.0), s.f(12.0), s.f(40.0));
    let mut widths = Vec::with_capacity(keys.len());
    for key in keys {
        let (w, _) = area.estimate_text_size(&key.label, &font)?;
        widths.push(swatch + gap + f64::from(w));
    }
    let note_width = match note {
        Some(text) => f64::from(area.estimate_text_size(text, &font)?.0),
        None => 0.0,
    };
    let total = widths.iter().map(|w| w + spacing).sum::<f64>() + note_width;
    let mut x = ((f64::from(area.dim_in_pixel().0) - total) / 2.0).max(s.f(24.0));
    let y = s.f(148.0);
    for (key, width) in keys.iter().zip(widths) {
        area.draw(&PathElement::new(
            vec![at([x, y]), at([x + swatch, y])],
            key.style,
        ))?;
        let left = font.pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(
            key.label.clone(),
            at([x + swatch + gap, y]),
            left,
        ))?;
        x += width + spacing;
    }
    if let Some(text) = note {
        let left = font.pos(Pos::new(HPos::Left, VPos::Center)).color(&MUTED);
        area.draw(&Text::new(text.to_owned(), at([x, y]), left))?;
    }
    Ok(())
}

/// Draws each label beside its mark, clear of the other labels and `marks` (centres, and their
/// radius) and, where there is room, of the `lines`, on a white ground with a thin line to its mark when it had to move away.
fn labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &Scale,
    frame: Rect,
    marks: (&[[f64; 2]], f64),
    texts: &[(String, [f64; 2])],
    lines: &[Vec<[f64; 2]>],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (marks, radius) = marks;
    let font = s.font(24.0);
    let pad = s.f(6.0);
    let mut sized = Vec::with_capacity(texts.len());
    for (text, mark) in texts {
        let (w, h) = root.estimate_text_size(text, &font)?;
        sized.push(Label {
            mark: *mark,
            size: [f64::from(w) + 2.0 * pad, f64::from(h) + 2.0 * pad],
        });
    }
    for ((text, mark), placed) in texts.iter().zip(place(&sized, marks, radius, frame, lines)) {
        let r = placed.rect;
        if placed.leader {
            root.draw(&PathElement::new(
                vec![at(*mark), at(r.nearest_to(*mark))],
                MUTED.stroke_width(s.px(2.0)),
            ))?;
        }
        let corners = [at([r.x, r.y]), at([r.x + r.w, r.y + r.h])];
        root.draw(&Rectangle::new(corners, WHITE.mix(0.92).filled()))?;
        root.draw(&Rectangle::new(corners, RGBColor(190, 190, 190)))?;
        root.draw(&Text::new(
            text.clone(),
            at([r.x + pad, r.y + pad]),
            font.clone(),
        ))?;
    }
    Ok(())
}
