//! The plots: monthly cost against monthly volume, cumulative cash over the horizon, and gross
//! margin by month. Plots read the computed figures; they change nothing.

use breakeven_model::engine::{Outcome, Phase};
use breakeven_model::format::{tokens_short, usd_cents};
use egui::{Color32, Ui};
use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotUi, Points, Text, VLine,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use crate::chart_style::{axis_dollars as dollars, colour};
use crate::state::workshop::Workshop;
use breakeven_model::Evaluation;

/// How another scenario's curves are drawn behind the current ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverlayKind {
    /// The pinned baseline: the same colours, faint and broad.
    Baseline,
    /// A scenario file compared with: dashed, in a muted shade of each colour.
    Compared,
}

/// Another scenario's figures drawn in the same plots as the current ones.
pub struct Overlay<'a> {
    /// Its figures.
    pub computed: &'a Evaluation,
    /// Its one entry in the legend, shared by all its lines so the legend stays short and one
    /// click hides them all.
    pub name: &'a str,
    /// How it is drawn.
    pub kind: OverlayKind,
}

/// The curves drawn behind the current ones: the baseline faint, the other file dashed.
#[must_use]
pub fn overlays(workshop: &Workshop) -> Vec<Overlay<'_>> {
    let mut out = Vec::new();
    if let Some(b) = &workshop.baseline {
        out.push(Overlay {
            computed: &b.computed,
            name: "Baseline (faint)",
            kind: OverlayKind::Baseline,
        });
    }
    if let Some(c) = &workshop.comparison {
        out.push(Overlay {
            computed: &c.computed,
            name: &c.legend,
            kind: OverlayKind::Compared,
        });
    }
    out
}

impl Overlay<'_> {
    /// A line of `phase` through `points`, styled as this overlay's.
    fn line(&self, phase: Phase, points: Vec<[f64; 2]>) -> Line<'static> {
        let name = self.name.to_owned();
        match self.kind {
            OverlayKind::Baseline => Line::new(name, points)
                .color(colour(phase).gamma_multiply(0.35))
                .width(5.0),
            OverlayKind::Compared => Line::new(name, points)
                .color(colour(phase).lerp_to_gamma(Color32::from_gray(128), 0.3))
                .style(LineStyle::dashed_loose())
                .width(2.0),
        }
    }
}

/// The series name (when near a data point) and the position of a hover.
fn hovered<'a>(pos: &HoverPosition<'a>) -> (&'a str, PlotPoint) {
    match *pos {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => (plot_name, position),
        HoverPosition::Elsewhere { position } => ("", position),
    }
}

/// Grid marks at each whole power of ten, for an axis that plots `log10` of its values. Even
/// decades get the larger step, so when space is short their labels are the ones kept.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the signature egui_plot asks for"
)]
fn decades(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    #[expect(
        clippy::cast_possible_truncation,
        reason = "decades of token volumes and dollars"
    )]
    // Only the decades inside the plot: egui_plot labels a mark outside the bounds too, above
    // or below the frame, where it runs into the tabs.
    let (first, last) = (lo.ceil() as i32, hi.floor() as i32);
    (first..=last)
        .map(|d| GridMark {
            value: f64::from(d),
            step_size: if d % 2 == 0 { 2.0 } else { 1.0 },
        })
        .collect()
}

fn volume_at(log_x: f64) -> Option<Decimal> {
    Decimal::from_f64(10_f64.powf(log_x).round())
}

/// Monthly cost of each option against monthly volume, on a log axis, with the staircases, the
/// crossings marked and labelled, and the scenario's volume as a vertical line. Hovering gives
/// the exact cost at that volume.
pub fn cost_ui(ui: &mut Ui, computed: &Evaluation, overlays: &[Overlay<'_>]) {
    let outcome = &computed.outcome;
    let models = &outcome.models;
    Plot::new("cost-by-volume")
        .legend(Legend::default().position(Corner::LeftTop))
        .x_axis_label("Monthly volume (tokens, log scale)")
        .y_axis_label("Monthly cost (USD, log scale)")
        .x_grid_spacer(decades)
        .y_grid_spacer(decades)
        .x_axis_formatter(|mark, _| volume_at(mark.value).map_or_else(String::new, tokens_short))
        .y_axis_formatter(|mark, _| dollars(10_f64.powf(mark.value)))
        .allow_scroll(false)
        .label_formatter(move |pos| {
            let (name, point) = hovered(pos);
            let volume = volume_at(point.x)?;
            let phase = Phase::ALL.into_iter().find(|p| p.label() == name);
            match phase {
                // Exact, from the model, not read off the line.
                Some(p) => {
                    let cost = models[p.index()].cost_at(volume).ok()?;
                    Some(format!(
                        "{name}\n{} tokens/month\n{}/month",
                        tokens_short(volume),
                        usd_cents(cost)
                    ))
                }
                None => Some(format!(
                    "{} tokens/month\n{}/month",
                    tokens_short(volume),
                    dollars(10_f64.powf(point.y))
                )),
            }
        })
        .show(ui, |plot| {
            for overlay in overlays {
                for curve in &overlay.computed.curves {
                    plot.line(overlay.line(curve.phase, log_points(&curve.points)));
                }
                volume_line(plot, overlay.computed.outcome.volume, overlay.name);
            }
            for curve in &computed.curves {
                plot.line(
                    Line::new(curve.phase.label(), log_points(&curve.points))
                        .color(colour(curve.phase))
                        .width(2.0),
                );
            }
            if let Some(v) = outcome.volume.to_f64().filter(|v| *v > 0.0) {
                plot.vline(
                    VLine::new(
                        format!("Your volume: {}", tokens_short(outcome.volume)),
                        v.log10(),
                    )
                    .color(Color32::GRAY),
                );
            }
            crossings(plot, outcome);
        });
}

/// Both axes on a log scale: costs span several decades between the options.
fn log_points(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    points
        .iter()
        .filter(|p| p[0] > 0.0 && p[1] > 0.0)
        .map(|p| [p[0].log10(), p[1].log10()])
        .collect()
}

/// Another scenario's volume, as a faint vertical line under its legend entry.
fn volume_line(plot: &mut PlotUi<'_>, volume: Decimal, name: &str) {
    if let Some(v) = volume.to_f64().filter(|v| *v > 0.0) {
        plot.vline(
            VLine::new(name, v.log10())
                .color(Color32::GRAY.gamma_multiply(0.5))
                .style(LineStyle::dashed_dense()),
        );
    }
}

/// Whether `volume` is in the right third of the plotted range (log scale).
fn right_part(outcome: &Outcome, volume: f64) -> bool {
    let (Some(lo), Some(hi)) = (outcome.range.0.to_f64(), outcome.range.1.to_f64()) else {
        return false;
    };
    if lo <= 0.0 || hi <= lo {
        return false;
    }
    (volume.log10() - lo.log10()) / (hi.log10() - lo.log10()) > 2.0 / 3.0
}

fn crossings(plot: &mut PlotUi<'_>, outcome: &Outcome) {
    let mut marks = Vec::new();
    // Labels alternate below and above their mark: the next one goes below.
    let mut below_next = true;
    for pair in &outcome.break_evens {
        for (i, crossing) in pair.crossings.iter().take(12).enumerate() {
            let Some(v) = crossing.volume.to_f64().filter(|v| *v > 0.0) else {
                continue;
            };
            let Some(cost) = outcome.models[pair.a.index()]
                .cost_at(crossing.volume)
                .ok()
                .and_then(|c| c.to_f64())
                .filter(|c| *c > 0.0)
            else {
                continue;
            };
            let cost = cost.log10();
            marks.push([v.log10(), cost]);
            // Label the first crossing of each pair; a staircase's many flips are marked only.
            if i == 0 {
                let name = format!(
                    "{} / {}: {}",
                    pair.a.label(),
                    pair.b.label(),
                    tokens_short(crossing.volume)
                );
                // Near the right edge the label goes to the left of its mark, or it is cut off.
                let right_part = right_part(outcome, v);
                let label = if right_part {
                    format!("{name}  ")
                } else {
                    format!("  {name}")
                };
                // Labels alternate below and above their mark, so two crossings close together
                // do not write over each other.
                let below = below_next;
                let anchor = match (right_part, below) {
                    (false, true) => egui::Align2::LEFT_TOP,
                    (false, false) => egui::Align2::LEFT_BOTTOM,
                    (true, true) => egui::Align2::RIGHT_TOP,
                    (true, false) => egui::Align2::RIGHT_BOTTOM,
                };
                plot.text(
                    Text::new("Break-even", PlotPoint::new(v.log10(), cost), label).anchor(anchor),
                );
                below_next = !below_next;
            }
        }
    }
    plot.points(
        Points::new("Break-even", marks)
            .shape(MarkerShape::Diamond)
            .radius(5.0)
            .color(Color32::from_gray(160)),
    );
}

/// Cumulative cash of each option by month, with each payback marked.
pub fn cash_ui(ui: &mut Ui, computed: &Evaluation, overlays: &[Overlay<'_>]) {
    let h = &computed.outcome.horizon;
    Plot::new("cumulative-cash")
        .legend(Legend::default().position(Corner::LeftTop))
        .x_axis_label("Month")
        .y_axis_label("Cumulative cash (USD)")
        .y_axis_formatter(|mark, _| dollars(mark.value))
        .allow_scroll(false)
        .label_formatter(|pos| {
            let (name, point) = hovered(pos);
            Some(format!(
                "{name}\nmonth {:.0}\n{}",
                point.x,
                dollars(point.y)
            ))
        })
        .show(ui, |plot| {
            for overlay in overlays {
                for phase in Phase::ALL {
                    let points = cash_points(&overlay.computed.outcome, phase);
                    plot.line(overlay.line(phase, points));
                }
            }
            for phase in Phase::ALL {
                plot.line(
                    Line::new(phase.label(), cash_points(&computed.outcome, phase))
                        .color(colour(phase))
                        .width(2.0),
                );
            }
            for payback in &h.paybacks {
                let Some(month) = payback.month else { continue };
                let Some(m) = h.months.iter().find(|m| m.month == month) else {
                    continue;
                };
                let Some(y) = m.cumulative[payback.phase.index()].to_f64() else {
                    continue;
                };
                let label = format!("{} pays back: month {month}", payback.phase.label());
                // Named after the option, so its legend entry shows and hides the mark too.
                plot.points(
                    Points::new(payback.phase.label(), vec![[f64::from(month), y]])
                        .shape(MarkerShape::Circle)
                        .radius(6.0)
                        .color(colour(payback.phase)),
                );
                plot.text(
                    Text::new(
                        payback.phase.label(),
                        PlotPoint::new(f64::from(month), y),
                        label,
                    )
                    .color(colour(payback.phase))
                    .anchor(egui::Align2::LEFT_TOP),
                );
            }
        });
}

fn cash_points(outcome: &Outcome, phase: Phase) -> Vec<[f64; 2]> {
    outcome
        .horizon
        .months
        .iter()
        .filter_map(|m| Some([f64::from(m.month), m.cumulative[phase.index()].to_f64()?]))
        .collect()
}

fn margin_points(outcome: &Outcome, phase: Phase) -> Vec<[f64; 2]> {
    outcome
        .horizon
        .months
        .iter()
        .filter_map(|m| {
            Some([
                f64::from(m.month),
                breakeven_model::format::in_percent(m.gross_margin[phase.index()]?)?.to_f64()?,
            ])
        })
        .collect()
}

/// Gross margin of each option by month, when revenue is given.
pub fn margin_ui(ui: &mut Ui, computed: &Evaluation, overlays: &[Overlay<'_>]) {
    let h = &computed.outcome.horizon;
    if h.months.first().is_none_or(|m| m.revenue.is_none()) {
        ui.label("Gross margin needs revenue: give it in the Revenue group on the left.");
        return;
    }
    Plot::new("gross-margin")
        .legend(Legend::default().position(Corner::LeftBottom))
        .x_axis_label("Month")
        .y_axis_label("Gross margin (%)")
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .allow_scroll(false)
        .label_formatter(|pos| {
            let (name, point) = hovered(pos);
            Some(format!("{name}\nmonth {:.0}\n{:.1}%", point.x, point.y))
        })
        .show(ui, |plot| {
            for overlay in overlays {
                for phase in Phase::ALL {
                    let points = margin_points(&overlay.computed.outcome, phase);
                    plot.line(overlay.line(phase, points));
                }
            }
            for phase in Phase::ALL {
                plot.line(
                    Line::new(phase.label(), margin_points(&computed.outcome, phase))
                        .color(colour(phase))
                        .width(2.0),
                );
            }
        });
}
