//! The board summary as one 16:9 slide (PNG and SVG), drawn with plotters in the charts'
//! embedded `DejaVu Sans`: the decision in the option's colour, then the summary's lines in
//! type large enough to read from the back of the room. It writes the model's
//! [`BoardSummary::lines`] and nothing else, so the slide, the HTML report and the copied
//! summary agree to the cent.

use breakeven_model::report::{BoardLine, BoardSummary};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::charts::register_embedded_font;
use crate::error::ExportError;

/// What the drawing errors are reported as.
const TITLE: &str = "Board summary";

/// The slide: the summary and a line of small print at the foot (the date, the warnings).
pub struct Slide<'a> {
    /// What it says.
    pub board: &'a BoardSummary,
    /// The small print at the foot.
    pub footer: String,
}

impl Slide<'_> {
    /// The slide as an SVG document of `size` pixels.
    pub fn svg(&self, size: (u32, u32)) -> Result<String, ExportError> {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
            self.draw(&root).map_err(draw_error)?;
            root.present().map_err(draw_error)?;
        }
        Ok(out)
    }

    /// The slide as a PNG image of `size` pixels.
    pub fn png(&self, size: (u32, u32)) -> Result<Vec<u8>, ExportError> {
        let (width, height) = size;
        // Three bytes a pixel (RGB).
        let bytes = width
            .checked_mul(height)
            .and_then(|pixels| pixels.checked_mul(3))
            .and_then(|bytes| usize::try_from(bytes).ok())
            .ok_or_else(|| ExportError::Draw(TITLE, "the image is too large".into()))?;
        let mut pixels = vec![0_u8; bytes];
        {
            let root = BitMapBackend::with_buffer(&mut pixels, size).into_drawing_area();
            self.draw(&root).map_err(draw_error)?;
            root.present().map_err(draw_error)?;
        }
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(draw_error)?;
        writer.write_image_data(&pixels).map_err(draw_error)?;
        writer.finish().map_err(draw_error)?;
        Ok(out)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        register_embedded_font();
        root.fill(&WHITE)?;
        let (width, height) = root.dim_in_pixel();
        let s = Scale(f64::from(height) / 1080.0);
        let (width, height) = (
            i32::try_from(width).unwrap_or(i32::MAX),
            i32::try_from(height).unwrap_or(i32::MAX),
        );
        let accent = {
            let c = crate::chart_style::colour(self.board.phase);
            RGBColor(c.r(), c.g(), c.b())
        };
        root.draw(&Rectangle::new(
            [(0, 0), (s.px(26.0), height)],
            accent.filled(),
        ))?;
        let left = s.px(110.0);
        let max_width = width.saturating_sub(left).saturating_sub(s.px(100.0));
        let grey = RGBColor(85, 85, 85);
        let mut y = s.px(56.0);
        let header = format!("{}: board summary", self.board.scenario);
        root.draw_text(&header, &s.font(34.0, grey), (left, y))?;
        y = y.saturating_add(s.px(62.0));

        // The decision: the option in its colour, large, and how firm it is beside it.
        let phase = self.board.phase.label();
        let big = s.font(112.0, accent);
        root.draw_text(phase, &big, (left, y))?;
        let (phase_width, _) = root.estimate_text_size(phase, &big)?;
        let beside = left
            .saturating_add(i32::try_from(phase_width).unwrap_or(0))
            .saturating_add(s.px(40.0));
        root.draw_text(
            &self.board.confidence_words(),
            &s.font(50.0, grey),
            (beside, y.saturating_add(s.px(46.0))),
        )?;
        y = y.saturating_add(s.px(150.0));

        let lines = self.board.lines();
        // The first line is the decision, drawn above.
        let rows = lines.get(1..).unwrap_or_default();
        let foot = height.saturating_sub(s.px(48.0));
        let bottom = foot.saturating_sub(s.px(24.0));
        let layout = fit(root, rows, &s, max_width, bottom.saturating_sub(y))?;
        for (row, wrapped) in rows.iter().zip(&layout.rows) {
            root.draw_text(row.label, &s.font(layout.label, grey), (left, y))?;
            y = y.saturating_add(s.px(layout.label * 1.3));
            for text in wrapped {
                root.draw_text(text, &s.font(layout.value, BLACK), (left, y))?;
                y = y.saturating_add(s.px(layout.value * LEADING));
            }
            y = y.saturating_add(s.px(layout.gap));
        }
        root.draw_text(&self.footer, &s.font(26.0, grey), (left, foot))?;
        Ok(())
    }
}

/// Line height as a multiple of the type size.
const LEADING: f64 = 1.22;

/// Sizes relative to the picture's height, so a smaller picture reads the same as the slide.
struct Scale(f64);

impl Scale {
    #[expect(clippy::cast_possible_truncation, reason = "pixel sizes")]
    fn px(&self, size: f64) -> i32 {
        (size * self.0).round() as i32
    }

    fn font(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        ("sans-serif", size * self.0)
            .into_font()
            .color(&colour)
            .pos(Pos::new(HPos::Left, VPos::Top))
    }
}

/// The type sizes (in slide pixels) and each row's text broken into lines.
struct Layout {
    label: f64,
    value: f64,
    gap: f64,
    rows: Vec<Vec<String>>,
}

/// The largest type, from 50 down to 28 slide pixels, at which every row fits `max_width` wide
/// and `tall` high; at the smallest, whatever the height.
fn fit<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[BoardLine],
    s: &Scale,
    max_width: i32,
    tall: i32,
) -> Result<Layout, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut value = 50.0_f64;
    loop {
        let font = s.font(value, BLACK);
        let mut wrapped = Vec::with_capacity(rows.len());
        for row in rows {
            wrapped.push(wrap(root, &row.text, &font, max_width)?);
        }
        let layout = Layout {
            label: (value * 0.64).max(22.0),
            value,
            gap: value * 0.5,
            rows: wrapped,
        };
        let lines: usize = layout.rows.iter().map(Vec::len).sum();
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let needed = (layout.label * 1.3 + layout.gap) * rows.len() as f64
            + layout.value * LEADING * lines as f64;
        if s.px(needed) <= tall || value <= 28.0 {
            return Ok(layout);
        }
        value -= 2.0;
    }
}

/// `text` broken at spaces into lines no wider than `max_width`; a word wider than that stands alone.
fn wrap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    max_width: i32,
) -> Result<Vec<String>, DrawingAreaErrorKind<DB::ErrorType>> {
    let max_width = u32::try_from(max_width).unwrap_or(0);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && root.estimate_text_size(&candidate, font)?.0 > max_width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

fn draw_error(error: impl std::fmt::Display) -> ExportError {
    ExportError::Draw(TITLE, error.to_string())
}
