//! The plots' labels: crossings on the cost plot, paybacks on the cash plot. Each is placed in
//! screen pixels by [`crate::chart_labels::place`], as the export places its own, using the
//! plot's transform of the last frame; then drawn at that spot with a ground of the plot's
//! background, so a line passing under it does not strike its text. The layout is kept until
//! the plot, its labels or its lines change, so a frame that changes nothing does not redo it.

use std::hash::{Hash as _, Hasher as _};

use breakeven_model::engine::{CostChart, Outcome, Phase, Shown};
use egui::{Color32, Id, Pos2, RichText, TextStyle, Ui};
use egui_plot::{Line, PlotMemory, PlotPoint, PlotTransform, PlotUi, Text};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;

use super::curves::{log_point, log_points, payback_point};
use crate::chart_labels::{Label, Rect, crossing_labels as grouped, payback_text, place};

/// A label laid out on a plot.
#[derive(Clone)]
pub struct PlotLabel {
    /// The legend entry that shows and hides it with its marks.
    pub name: String,
    /// What it says.
    pub text: String,
    /// Where its text's top-left corner goes.
    pub at: PlotPoint,
    /// A thin line from its mark to it, when it had to move away from the mark.
    pub leader: Option<[[f64; 2]; 2]>,
}

/// The marks' radius on screen, with the room a diamond's corners take.
const RADIUS: f64 = 7.0;

fn transform(ui: &Ui, id: Id) -> Option<PlotTransform> {
    PlotMemory::load(ui.ctx(), id).map(|m| m.transform())
}

fn screen(transform: &PlotTransform, p: [f64; 2]) -> [f64; 2] {
    let pos = transform.position_from_point(&PlotPoint::new(p[0], p[1]));
    [f64::from(pos.x), f64::from(pos.y)]
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "screen points, a few thousand at most"
)]
fn plot_point(transform: &PlotTransform, p: [f64; 2]) -> PlotPoint {
    transform.value_from_position(Pos2::new(p[0] as f32, p[1] as f32))
}

fn text_size(ui: &Ui, text: &str) -> [f64; 2] {
    // The style egui_plot draws a plot's text in.
    let font = TextStyle::Small.resolve(ui.style());
    let size = ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER)
            .size()
    });
    [f64::from(size.x) + 4.0, f64::from(size.y) + 2.0]
}

/// What a layout is of: the plot's frame and bounds, the labels, the marks and the lines.
fn fingerprint(
    transform: &PlotTransform,
    texts: &[(String, String, [f64; 2])],
    marks: &[[f64; 2]],
    lines: &[Vec<[f64; 2]>],
) -> u64 {
    // A plain multiply-and-rotate fold over the bits: a thousand points a frame, so quicker than
    // the standard hasher, and a layout wrongly kept costs only a label's place.
    let fold = |h: u64, bits: u64| (h.rotate_left(5) ^ bits).wrapping_mul(0x517c_c1b7_2722_0a95);
    let (frame, bounds) = (transform.frame(), transform.bounds());
    let mut h = [frame.min.x, frame.min.y, frame.max.x, frame.max.y]
        .into_iter()
        .fold(0, |h, v| fold(h, u64::from(v.to_bits())));
    let corners = [bounds.min(), bounds.max()];
    let points = texts
        .iter()
        .map(|t| t.2)
        .chain(marks.iter().copied())
        .chain(corners)
        .chain(lines.iter().flatten().copied());
    for [x, y] in points {
        h = fold(fold(h, x.to_bits()), y.to_bits());
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (name, text, _) in texts {
        (name, text).hash(&mut hasher);
    }
    lines.iter().map(Vec::len).for_each(|n| n.hash(&mut hasher));
    fold(h, hasher.finish())
}

/// Places `texts` (each with its legend entry and its mark in plot values) beside their marks on
/// the plot `id`, clear of each other and of `lines` (plot values) where there is room; the
/// same as the last frame's when nothing changed.
fn lay_out(
    ui: &Ui,
    id: Id,
    transform: &PlotTransform,
    texts: Vec<(String, String, [f64; 2])>,
    marks: &[[f64; 2]],
    lines: &[Vec<[f64; 2]>],
) -> Vec<PlotLabel> {
    let key = fingerprint(transform, &texts, marks, lines);
    let memory = id.with("labels");
    let kept = ui.data(|d| d.get_temp::<(u64, Vec<PlotLabel>)>(memory));
    if let Some((kept_key, labels)) = kept
        && kept_key == key
    {
        return labels;
    }
    let labels = place_on_screen(ui, transform, texts, marks, lines);
    ui.data_mut(|d| d.insert_temp(memory, (key, labels.clone())));
    labels
}

fn place_on_screen(
    ui: &Ui,
    transform: &PlotTransform,
    texts: Vec<(String, String, [f64; 2])>,
    marks: &[[f64; 2]],
    lines: &[Vec<[f64; 2]>],
) -> Vec<PlotLabel> {
    let frame = transform.frame();
    let frame = Rect {
        x: f64::from(frame.min.x),
        y: f64::from(frame.min.y),
        w: f64::from(frame.width()),
        h: f64::from(frame.height()),
    };
    let marks: Vec<[f64; 2]> = marks.iter().map(|m| screen(transform, *m)).collect();
    let lines: Vec<Vec<[f64; 2]>> = lines
        .iter()
        .map(|l| l.iter().map(|p| screen(transform, *p)).collect())
        .collect();
    let labels: Vec<Label> = texts
        .iter()
        .map(|(_, text, mark)| Label {
            mark: screen(transform, *mark),
            size: text_size(ui, text),
        })
        .collect();
    let placed = place(&labels, &marks, RADIUS, frame, &lines);
    texts
        .into_iter()
        .zip(labels)
        .zip(placed)
        .map(|(((name, text, mark), label), placed)| {
            let r = placed.rect;
            let end = plot_point(transform, r.nearest_to(label.mark));
            PlotLabel {
                name,
                text,
                at: plot_point(transform, [r.x + 2.0, r.y + 1.0]),
                leader: placed.leader.then_some([mark, [end.x, end.y]]),
            }
        })
        .collect()
}

/// The labels of the crossings on the cost plot `id`: one for each spot, however many
/// crossings meet there, clear of the curves shown and of the line at `volume`. None before the
/// plot has been drawn once.
pub fn crossing_labels(ui: &Ui, id: Id, chart: &CostChart, volume: Decimal) -> Vec<PlotLabel> {
    let Some(transform) = transform(ui, id) else {
        return Vec::new();
    };
    let marks: Vec<_> = chart
        .crossings
        .iter()
        .filter_map(|m| Some((m, log_point(m.volume, m.cost)?)))
        .collect();
    let values: Vec<[f64; 2]> = marks.iter().map(|(_, p)| *p).collect();
    let on_screen: Vec<_> = marks
        .iter()
        .map(|(m, p)| (*m, screen(&transform, *p)))
        .collect();
    let texts = grouped(&on_screen, 2.0 * RADIUS)
        .into_iter()
        .map(|(text, first)| ("Break-even".to_owned(), text, values[first]))
        .collect();
    let mut lines: Vec<Vec<[f64; 2]>> = chart
        .shown_curves()
        .map(|c| log_points(&c.points))
        .collect();
    if let Some(x) = volume.to_f64().filter(|v| *v > 0.0).map(f64::log10) {
        let (bottom, top) = (transform.bounds().min()[1], transform.bounds().max()[1]);
        lines.push(vec![[x, bottom], [x, top]]);
    }
    lay_out(ui, id, &transform, texts, &values, &lines)
}

/// The labels of the paybacks of the options `shown` on the cash plot `id`, clear of its
/// `series`. None before the plot has been drawn once.
pub fn payback_labels(
    ui: &Ui,
    id: Id,
    outcome: &Outcome,
    shown: Shown,
    series: &[(Phase, Vec<[f64; 2]>)],
) -> Vec<PlotLabel> {
    let Some(transform) = transform(ui, id) else {
        return Vec::new();
    };
    let texts: Vec<(String, String, [f64; 2])> = outcome
        .horizon
        .paybacks
        .iter()
        .filter(|p| shown.contains(p.phase))
        .filter_map(|p| {
            let point = payback_point(outcome, p.phase, p.month)?;
            Some((
                p.phase.label().to_owned(),
                payback_text(p.phase, p.month?),
                point,
            ))
        })
        .collect();
    let marks: Vec<[f64; 2]> = texts.iter().map(|t| t.2).collect();
    let lines: Vec<Vec<[f64; 2]>> = series
        .iter()
        .filter(|(phase, _)| shown.contains(*phase))
        .map(|(_, points)| points.clone())
        .collect();
    lay_out(ui, id, &transform, texts, &marks, &lines)
}

/// Draws `labels`: strong text on the plot's background, so it reads in either theme, and a thin
/// line to the mark of any that moved away from it.
pub fn draw_labels(plot: &mut PlotUi<'_>, labels: Vec<PlotLabel>) {
    let visuals = plot.ctx().global_style().visuals.clone();
    for label in labels {
        if let Some(leader) = label.leader {
            plot.line(
                Line::new(label.name.clone(), leader.to_vec())
                    .color(visuals.weak_text_color())
                    .width(1.0)
                    .allow_hover(false),
            );
        }
        let text = RichText::new(label.text).background_color(visuals.extreme_bg_color);
        plot.text(
            Text::new(label.name, label.at, text)
                .color(visuals.strong_text_color())
                .anchor(egui::Align2::LEFT_TOP),
        );
    }
}
