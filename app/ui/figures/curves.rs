//! The plots: monthly cost against monthly volume, cumulative cash over the horizon, and gross
//! margin by month. Plots read the computed figures; what they change is which options are
//! shown, which their legends send back as actions.

use breakeven_model::engine::{CostModel, Curve, Outcome, Phase};
use breakeven_model::format::{percent, tokens_short, usd_cents, usd_short};
use breakeven_model::uncertainty::Band;
use egui::{Color32, Ui, WidgetInfo};
use egui_plot::{
    GridInput, GridMark, HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotUi,
    Points, VLine,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive as _, ToPrimitive as _};

use super::legend::{Entry, Sample, legend_ui};
use super::marks::{PlotLabel, crossing_labels, draw_labels, payback_labels};
use crate::action::Action;
use crate::chart_style::colour;
use crate::state::workshop::Workshop;
use breakeven_model::Evaluation;

/// The cost plot's name for a screen reader (and a test): what it plots.
pub const COST_PLOT: &str = "Plot of monthly cost against monthly volume";
/// The cash plot's name for a screen reader.
pub const CASH_PLOT: &str = "Plot of cumulative cash by month";
/// The margin plot's name for a screen reader.
pub const MARGIN_PLOT: &str = "Plot of gross margin by month";

/// A plot's accessible description: a figure with its name.
fn figure(name: &str) -> WidgetInfo {
    WidgetInfo::labeled(egui::accesskit::Role::Figure, true, name)
}

/// How another scenario's curves are drawn behind the current ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverlayKind {
    /// The pinned baseline: the same colours, faint and thin.
    Baseline,
    /// A scenario file compared with: dashed, in a muted shade of each colour.
    Compared,
}

/// Another scenario's figures drawn in the same plots as the current ones.
pub struct Overlay<'a> {
    /// Its figures.
    pub computed: &'a Evaluation,
    /// Its cost curves, across the volumes the current scenario plots.
    pub curves: &'a [Curve],
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
            curves: &b.curves,
            name: "Baseline (faint)",
            kind: OverlayKind::Baseline,
        });
    }
    if let Some(c) = &workshop.comparison {
        out.push(Overlay {
            computed: &c.computed,
            curves: &c.curves,
            name: &c.legend,
            kind: OverlayKind::Compared,
        });
    }
    out
}

/// How a line is drawn: its colour, width and dashes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Its colour (premultiplied; a fainter line has less alpha).
    pub colour: Color32,
    /// Its width in points.
    pub width: f32,
    /// Solid or dashed.
    pub style: LineStyle,
}

/// How `phase`'s line is drawn: the current scenario's (`overlay` `None`) strongest, in full
/// colour and broadest; an overlay's fainter and thinner, so in presentation mode, broader for
/// a wall, the scenario on screen still stands out.
#[must_use]
pub fn stroke(phase: Phase, overlay: Option<OverlayKind>, presenting: bool) -> Stroke {
    let (current, behind) = if presenting { (3.5, 1.5) } else { (2.0, 1.0) };
    match overlay {
        None => Stroke {
            colour: colour(phase),
            width: current,
            style: LineStyle::Solid,
        },
        Some(OverlayKind::Baseline) => Stroke {
            colour: colour(phase).gamma_multiply(0.45),
            width: behind,
            style: LineStyle::Solid,
        },
        Some(OverlayKind::Compared) => Stroke {
            colour: colour(phase)
                .lerp_to_gamma(Color32::from_gray(128), 0.3)
                .gamma_multiply(0.6),
            width: behind,
            style: LineStyle::dashed_loose(),
        },
    }
}

/// Dollars on an axis, short (`$250K`) so the axis leaves the curves their width.
fn dollars(value: f64) -> String {
    Decimal::from_f64(value).map_or_else(String::new, usd_short)
}

/// The break-even marks' entry in the cost plot's legend, and their colour.
const BREAK_EVEN: &str = "Break-even";
const BREAK_EVEN_COLOUR: Color32 = Color32::from_gray(160);

/// The scenario's volume line's entry in the cost plot's legend.
fn volume_name(volume: Decimal) -> String {
    format!("Your volume: {}", tokens_short(volume))
}

/// The legend entries every plot has: the four options, then the scenarios drawn behind them
/// (in grey: each stands for the lines of all four options).
fn entries(overlays: &[Overlay<'_>], presenting: bool) -> Vec<Entry> {
    let options = Phase::ALL.into_iter().map(|phase| Entry {
        name: phase.label().to_owned(),
        sample: Sample::Line(stroke(phase, None, presenting)),
    });
    let behind = overlays.iter().map(|overlay| {
        let shade = stroke(Phase::Buy, Some(overlay.kind), presenting);
        Entry {
            name: overlay.name.to_owned(),
            sample: Sample::Line(Stroke {
                colour: Color32::GRAY.gamma_multiply(f32::from(shade.colour.a()) / 255.0),
                ..shade
            }),
        }
    });
    options.chain(behind).collect()
}

/// A line named `name` through `points`, drawn with `stroke`.
fn line(name: &str, points: Vec<[f64; 2]>, stroke: Stroke) -> Line<'static> {
    Line::new(name.to_owned(), points)
        .color(stroke.colour)
        .width(stroke.width)
        .style(stroke.style)
}

/// The option a series is named after, if it is named after one.
fn phase_named(name: &str) -> Option<Phase> {
    Phase::ALL.into_iter().find(|p| p.label() == name)
}

/// The option and point of a hover near one of the options' own series; `None` away from
/// every curve, and near a mark, an overlay or the volume line, which say nothing of one option.
fn hovered(pos: &HoverPosition<'_>) -> Option<(Phase, PlotPoint)> {
    match *pos {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some((phase_named(plot_name)?, position)),
        HoverPosition::Elsewhere { .. } => None,
    }
}

/// What a hover over the cost plot says: the option's exact cost at the volume of the nearest
/// point of its curve, from the model; nothing away from a curve.
#[must_use]
pub fn cost_label(pos: &HoverPosition<'_>, models: &[CostModel; 4]) -> Option<String> {
    let (phase, point) = hovered(pos)?;
    let volume = volume_at(point.x)?;
    let cost = models[phase.index()].cost_at(volume).ok()?;
    Some(format!(
        "{}\n{} tokens/month\n{}/month",
        phase.label(),
        tokens_short(volume),
        usd_cents(cost)
    ))
}

/// What a hover over the cash plot says: the option's exact cumulative cash that month.
#[must_use]
pub fn cash_label(pos: &HoverPosition<'_>, outcome: &Outcome) -> Option<String> {
    let (phase, point) = hovered(pos)?;
    let month = month_at(outcome, point.x)?;
    Some(format!(
        "{}\nmonth {}\n{}",
        phase.label(),
        month.month,
        usd_cents(month.cumulative[phase.index()])
    ))
}

/// What a hover over the margin plot says: the option's exact gross margin that month.
#[must_use]
pub fn margin_label(pos: &HoverPosition<'_>, outcome: &Outcome) -> Option<String> {
    let (phase, point) = hovered(pos)?;
    let month = month_at(outcome, point.x)?;
    let margin = month.gross_margin[phase.index()]?;
    Some(format!(
        "{}\nmonth {}\n{}",
        phase.label(),
        month.month,
        percent(margin)
    ))
}

fn month_at(outcome: &Outcome, x: f64) -> Option<&breakeven_model::engine::HorizonMonth> {
    outcome
        .horizon
        .months
        .iter()
        .find(|m| (f64::from(m.month) - x).abs() < 0.5)
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

/// A point of a log-log plot, `None` unless both values are positive.
pub(super) fn log_point(x: Decimal, y: Decimal) -> Option<[f64; 2]> {
    let (x, y) = (x.to_f64()?, y.to_f64()?);
    (x > 0.0 && y > 0.0).then(|| [x.log10(), y.log10()])
}

/// Both axes on a log scale: costs span several decades between the options.
pub(super) fn log_points(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    points
        .iter()
        .filter(|p| p[0] > 0.0 && p[1] > 0.0)
        .map(|p| [p[0].log10(), p[1].log10()])
        .collect()
}

/// Monthly cost of each option against monthly volume, on a log axis across the volumes that
/// matter, with the staircases, the crossings of the options shown marked and labelled, and
/// the scenario's volume as a vertical line. Hovering a curve gives the exact cost there.
/// Returns the options shown or hidden in its legend.
pub fn cost_ui(
    ui: &mut Ui,
    computed: &Evaluation,
    overlays: &[Overlay<'_>],
    presenting: bool,
    bands: Option<&[Band]>,
) -> Vec<Action> {
    let chart = &computed.chart;
    let outcome = &computed.outcome;
    let models = &outcome.models;
    let id = ui.make_persistent_id("cost-by-volume");
    let mut entries = entries(overlays, presenting);
    entries.push(Entry {
        name: volume_name(outcome.volume),
        sample: Sample::Line(Stroke {
            colour: Color32::GRAY,
            width: 1.0,
            style: LineStyle::Solid,
        }),
    });
    entries.push(Entry {
        name: BREAK_EVEN.to_owned(),
        sample: Sample::Mark(BREAK_EVEN_COLOUR),
    });
    let actions = legend_ui(ui, id, chart.shown, &entries);
    let labels = crossing_labels(ui, id, chart, outcome.volume);
    let (lo, hi) = (chart.range.0, chart.range.1);
    Plot::new("cost-by-volume")
        .id(id)
        .x_axis_label("Monthly volume (tokens, log scale)")
        .y_axis_label("Monthly cost (USD, log scale)")
        .x_grid_spacer(decades)
        .y_grid_spacer(decades)
        .x_axis_formatter(|mark, _| volume_at(mark.value).map_or_else(String::new, tokens_short))
        .y_axis_formatter(|mark, _| dollars(10_f64.powf(mark.value)))
        .allow_scroll(false)
        .label_formatter(move |pos| cost_label(pos, models))
        .show(ui, |plot| {
            for overlay in overlays {
                for curve in overlay.curves {
                    if chart.shown.contains(curve.phase) {
                        let stroke = stroke(curve.phase, Some(overlay.kind), presenting);
                        plot.line(line(overlay.name, log_points(&curve.points), stroke));
                    }
                }
                let volume = overlay.computed.outcome.volume;
                if lo <= volume && volume <= hi {
                    volume_line(plot, volume, overlay.name);
                }
            }
            for phase in chart.shown.phases() {
                band(plot, bands.unwrap_or_default(), phase, true);
            }
            for curve in &chart.curves {
                let stroke = stroke(curve.phase, None, presenting);
                plot.line(line(curve.phase.label(), log_points(&curve.points), stroke));
            }
            if let Some(v) = outcome.volume.to_f64().filter(|v| *v > 0.0) {
                plot.vline(VLine::new(volume_name(outcome.volume), v.log10()).color(Color32::GRAY));
            }
            let marks: Vec<[f64; 2]> = chart
                .crossings
                .iter()
                .filter_map(|m| log_point(m.volume, m.cost))
                .collect();
            plot.points(
                Points::new(BREAK_EVEN, marks)
                    .shape(MarkerShape::Diamond)
                    .radius(5.0)
                    .color(BREAK_EVEN_COLOUR),
            );
            draw_labels(plot, labels);
        })
        .response
        .widget_info(|| figure(COST_PLOT));
    actions
}

/// The p10 to p90 band of `phase` from the Monte Carlo, filled faintly behind its curve; on log
/// axes (cost by volume) both coordinates are logarithms and points at or below zero are left
/// out. Not hoverable: a hover reads the exact curve.
fn band(plot: &mut PlotUi<'_>, bands: &[Band], phase: Phase, log: bool) {
    let i = phase.index();
    let at = |v: f64| {
        if log {
            (v > 0.0).then(|| v.log10())
        } else {
            Some(v)
        }
    };
    let mut xs = Vec::with_capacity(bands.len());
    let mut lows = Vec::with_capacity(bands.len());
    let mut highs = Vec::with_capacity(bands.len());
    for b in bands {
        if let (Some(x), Some(low), Some(high)) = (at(b.x), at(b.low[i]), at(b.high[i]))
            && low.is_finite()
            && high.is_finite()
        {
            xs.push(x);
            lows.push(low);
            highs.push(high);
        }
    }
    if xs.len() < 2 {
        return;
    }
    plot.add(
        egui_plot::FilledArea::new(format!("{} p10-p90", phase.label()), &xs, &lows, &highs)
            .fill_color(colour(phase).gamma_multiply(0.18))
            .allow_hover(false),
    );
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

/// Cumulative cash of each option by month, with each payback marked and labelled clear of the
/// lines. Returns the options shown or hidden in its legend.
pub fn cash_ui(
    ui: &mut Ui,
    computed: &Evaluation,
    overlays: &[Overlay<'_>],
    presenting: bool,
    bands: Option<&[Band]>,
) -> Vec<Action> {
    let outcome = &computed.outcome;
    let shown = computed.chart.shown;
    let id = ui.make_persistent_id("cumulative-cash");
    let actions = legend_ui(ui, id, shown, &entries(overlays, presenting));
    let series: Vec<(Phase, Vec<[f64; 2]>)> = Phase::ALL
        .into_iter()
        .map(|phase| (phase, cash_points(outcome, phase)))
        .collect();
    let labels: Vec<PlotLabel> = payback_labels(ui, id, outcome, shown, &series);
    // Owned servers are paid for when bought, not month by month: say what that put in the curve.
    for servers in &outcome.horizon.servers {
        ui.label(egui::RichText::new(servers.in_words()).small());
    }
    Plot::new("cumulative-cash")
        .id(id)
        .x_axis_label("Month")
        .y_axis_label("Cumulative cash (USD)")
        .y_axis_formatter(|mark, _| dollars(mark.value))
        .allow_scroll(false)
        .label_formatter(move |pos| cash_label(pos, outcome))
        .show(ui, |plot| {
            for overlay in overlays {
                for phase in shown.phases() {
                    let points = cash_points(&overlay.computed.outcome, phase);
                    plot.line(line(
                        overlay.name,
                        points,
                        stroke(phase, Some(overlay.kind), presenting),
                    ));
                }
            }
            for phase in shown.phases() {
                band(plot, bands.unwrap_or_default(), phase, false);
            }
            for (phase, points) in series {
                plot.line(line(phase.label(), points, stroke(phase, None, presenting)));
            }
            for payback in &outcome.horizon.paybacks {
                let Some(point) = payback_point(outcome, payback.phase, payback.month) else {
                    continue;
                };
                // Named after the option, so its legend entry shows and hides the mark too.
                plot.points(
                    Points::new(payback.phase.label(), vec![point])
                        .shape(MarkerShape::Circle)
                        .radius(6.0)
                        .color(colour(payback.phase)),
                );
            }
            draw_labels(plot, labels);
        })
        .response
        .widget_info(|| figure(CASH_PLOT));
    actions
}

/// Where `phase` pays back on the cash plot, if it does within the horizon.
pub(super) fn payback_point(
    outcome: &Outcome,
    phase: Phase,
    month: Option<u32>,
) -> Option<[f64; 2]> {
    let month = month?;
    let m = outcome.horizon.months.iter().find(|m| m.month == month)?;
    Some([f64::from(month), m.cumulative[phase.index()].to_f64()?])
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

/// Gross margin of each option by month, when revenue is given. Returns the options shown or
/// hidden in its legend.
pub fn margin_ui(
    ui: &mut Ui,
    computed: &Evaluation,
    overlays: &[Overlay<'_>],
    presenting: bool,
) -> Vec<Action> {
    let outcome = &computed.outcome;
    let h = &outcome.horizon;
    if h.months.first().is_none_or(|m| m.revenue.is_none()) {
        ui.label("Gross margin needs revenue: give it in the Revenue group on the left.");
        return Vec::new();
    }
    let shown = computed.chart.shown;
    let id = ui.make_persistent_id("gross-margin");
    let actions = legend_ui(ui, id, shown, &entries(overlays, presenting));
    Plot::new("gross-margin")
        .id(id)
        .x_axis_label("Month")
        .y_axis_label("Gross margin (%)")
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .allow_scroll(false)
        .label_formatter(move |pos| margin_label(pos, outcome))
        .show(ui, |plot| {
            for overlay in overlays {
                for phase in shown.phases() {
                    let points = margin_points(&overlay.computed.outcome, phase);
                    plot.line(line(
                        overlay.name,
                        points,
                        stroke(phase, Some(overlay.kind), presenting),
                    ));
                }
            }
            for phase in Phase::ALL {
                let points = margin_points(outcome, phase);
                plot.line(line(phase.label(), points, stroke(phase, None, presenting)));
            }
        })
        .response
        .widget_info(|| figure(MARGIN_PLOT));
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use breakeven_model::scenario::from_ron_str;

    fn legal_tech() -> Evaluation {
        let text = include_str!("../../../scenarios/seed000-legal-tech.ron");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        breakeven_model::evaluate(&from_ron_str(text).unwrap(), today).unwrap()
    }

    #[test]
    fn away_from_every_curve_a_hover_says_nothing() {
        let e = legal_tech();
        let elsewhere = HoverPosition::Elsewhere {
            position: PlotPoint::new(9.5, 3.9),
        };
        assert_eq!(cost_label(&elsewhere, &e.outcome.models), None);
        assert_eq!(cash_label(&elsewhere, &e.outcome), None);
        assert_eq!(margin_label(&elsewhere, &e.outcome), None);
        // Near a break-even mark, an overlay or the volume line: no one option's figure either.
        for name in ["Break-even", "Baseline (faint)", "Your volume: 14B", ""] {
            let near = HoverPosition::NearDataPoint {
                plot_name: name,
                position: PlotPoint::new(9.5, 3.9),
                index: 0,
            };
            assert_eq!(cost_label(&near, &e.outcome.models), None, "{name}");
        }
    }

    #[test]
    fn on_a_curve_a_hover_gives_the_exact_figure_of_that_option() {
        let e = legal_tech();
        let on_buy = HoverPosition::NearDataPoint {
            plot_name: "Buy",
            position: PlotPoint::new(14e9_f64.log10(), 5.0),
            index: 3,
        };
        assert_eq!(
            cost_label(&on_buy, &e.outcome.models).as_deref(),
            Some("Buy\n14B tokens/month\n$140,000.00/month")
        );
        let on_fine_tune = HoverPosition::NearDataPoint {
            plot_name: "Fine-tune",
            position: PlotPoint::new(1.0, 0.0),
            index: 0,
        };
        let cash = cash_label(&on_fine_tune, &e.outcome).unwrap();
        assert!(cash.starts_with("Fine-tune\nmonth 1\n$"), "{cash}");
        let margin = margin_label(&on_fine_tune, &e.outcome).unwrap();
        assert!(margin.starts_with("Fine-tune\nmonth 1\n"), "{margin}");
    }

    #[test]
    fn overlays_are_fainter_and_thinner_than_the_current_curves_even_when_presenting() {
        for presenting in [false, true] {
            for phase in Phase::ALL {
                let current = stroke(phase, None, presenting);
                for kind in [OverlayKind::Baseline, OverlayKind::Compared] {
                    let behind = stroke(phase, Some(kind), presenting);
                    assert!(behind.width < current.width, "{phase:?} {kind:?}");
                    assert!(behind.colour.a() < current.colour.a(), "{phase:?} {kind:?}");
                }
            }
        }
    }
}
