//! The plots' legends and the options the app shows, kept as one. A legend is a row above its
//! plot, never on it: on a projector's small plot, `egui_plot`'s own legend covered a third of
//! the curves. Each entry shows and hides what is named after it. The app keeps which options
//! are shown (so the export draws the same ones, and every plot agrees); what else a legend
//! hides (a baseline, the break-even marks) the plot keeps in its memory, which decides what
//! is drawn.

use breakeven_model::engine::{Phase, Shown};
use egui::accesskit::Role;
use egui::{Color32, Id, Response, Sense, Shape, Stroke as Pen, TextStyle, Ui, WidgetInfo, vec2};
use egui_plot::{ItemId, ItemIdSet, LineStyle, PlotMemory};

use super::curves::Stroke;
use crate::action::Action;

/// How an entry's sample is drawn: a short piece of its line, or its mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sample {
    /// A line drawn as its series is.
    Line(Stroke),
    /// A mark of this colour.
    Mark(Color32),
}

/// One entry of a legend: the name its series are drawn under, and a sample of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The name of the series it shows and hides.
    pub name: String,
    /// How it looks in the plot.
    pub sample: Sample,
}

/// The option an entry is named after, if it is named after one.
fn phase_of(name: &str) -> Option<Phase> {
    Phase::ALL.into_iter().find(|p| p.label() == name)
}

/// What the plot `id` hides: what it hid of the other entries (a baseline, the break-even
/// marks), and every option `shown` leaves out.
fn hidden(ui: &Ui, id: Id, shown: Shown) -> ItemIdSet {
    let mut hidden = PlotMemory::load(ui.ctx(), id)
        .map(|m| m.hidden_items)
        .unwrap_or_default();
    for phase in Phase::ALL {
        let entry = ItemId::new(phase.label());
        if shown.contains(phase) {
            hidden.remove(&entry);
        } else {
            hidden.insert(entry);
        }
    }
    hidden
}

/// The legend of the plot `id`, in a row (wrapping when the plot is narrow) to draw above it.
/// Call before the plot is shown: it also tells the plot's memory what to hide. An option shown
/// or hidden comes back as an action; anything else is hidden at once.
pub fn legend_ui(ui: &mut Ui, id: Id, shown: Shown, entries: &[Entry]) -> Vec<Action> {
    let mut hidden = hidden(ui, id, shown);
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for entry in entries {
            let item = ItemId::new(&entry.name);
            let checked = !hidden.contains(&item);
            if entry_ui(ui, entry, checked).clicked() {
                match phase_of(&entry.name) {
                    Some(phase) => actions.push(Action::Show(phase, !checked)),
                    None if checked => {
                        hidden.insert(item);
                    }
                    None => {
                        hidden.remove(&item);
                    }
                }
            }
        }
    });
    if let Some(mut memory) = PlotMemory::load(ui.ctx(), id)
        && memory.hidden_items != hidden
    {
        memory.hidden_items = hidden;
        memory.store(ui.ctx(), id);
    }
    actions
}

/// One entry: its sample and its name, a check box to a screen reader; faded while hidden.
fn entry_ui(ui: &mut Ui, entry: &Entry, checked: bool) -> Response {
    let font = TextStyle::Body.resolve(ui.style());
    let text = ui.visuals().text_color();
    let galley = ui.painter().layout_no_wrap(entry.name.clone(), font, text);
    let height = galley.size().y;
    let sample_width = 1.6 * height;
    let gap = 0.3 * height;
    let size = vec2(sample_width + gap + galley.size().x, height);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, checked, &entry.name));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let fade = if checked { 1.0 } else { 0.3 };
    let painter = ui.painter();
    if response.hovered() {
        let visuals = ui.style().interact(&response);
        painter.rect_filled(rect.expand(2.0), 2.0, visuals.weak_bg_fill);
    }
    let (left, right) = (rect.left(), rect.left() + sample_width);
    let y = rect.center().y;
    match entry.sample {
        Sample::Line(stroke) => {
            let pen = Pen::new(stroke.width, stroke.colour.gamma_multiply(fade));
            let ends = [egui::pos2(left, y), egui::pos2(right, y)];
            match stroke.style {
                LineStyle::Solid => {
                    painter.line_segment(ends, pen);
                }
                LineStyle::Dashed { length } => {
                    painter.extend(Shape::dashed_line(&ends, pen, length, 0.5 * length));
                }
                LineStyle::Dotted { spacing } => {
                    painter.extend(Shape::dotted_line(&ends, pen.color, spacing, pen.width));
                }
            }
        }
        Sample::Mark(colour) => {
            painter.circle_filled(
                egui::pos2(0.5 * (left + right), y),
                0.25 * height,
                colour.gamma_multiply(fade),
            );
        }
    }
    painter.galley(
        egui::pos2(right + gap, rect.top()),
        galley,
        text.gamma_multiply(fade),
    );
    response
}
