//! The plots' legends and the options the app shows, kept as one. `egui_plot` keeps what a legend
//! hides in the plot's memory; the app keeps which options are shown (so the export draws the
//! same ones, and every plot agrees). Before a plot is drawn its memory is told what the app
//! shows; after, a click in its legend comes back as an action.

use breakeven_model::engine::{Phase, Shown};
use egui::{Id, Ui};
use egui_plot::{ColorConflictHandling, Corner, ItemId, ItemIdSet, Legend, PlotMemory};

use crate::action::Action;

/// The legend entry of an option: its lines, marks and labels are all named after it.
fn entry(phase: Phase) -> ItemId {
    ItemId::new(phase.label())
}

/// What the plot `id` hides: what it hid of the other entries (a baseline, the break-even
/// marks), and every option `shown` leaves out.
fn hidden(ui: &Ui, id: Id, shown: Shown) -> ItemIdSet {
    let mut hidden = PlotMemory::load(ui.ctx(), id)
        .map(|m| m.hidden_items)
        .unwrap_or_default();
    for phase in Phase::ALL {
        if shown.contains(phase) {
            hidden.remove(&entry(phase));
        } else {
            hidden.insert(entry(phase));
        }
    }
    hidden
}

/// The legend of the plot `id` in `corner`, hiding what `shown` leaves out. Call before the
/// plot is shown: it also tells the plot's memory, which decides what is drawn.
pub fn legend(ui: &Ui, id: Id, shown: Shown, corner: Corner) -> Legend {
    let hidden = hidden(ui, id, shown);
    if let Some(mut memory) = PlotMemory::load(ui.ctx(), id)
        && memory.hidden_items != hidden
    {
        memory.hidden_items.clone_from(&hidden);
        memory.store(ui.ctx(), id);
    }
    Legend::default()
        .position(corner)
        .hidden_items(hidden)
        // An option's entry takes its line's colour, not that of its labels' text.
        .color_conflict_handling(ColorConflictHandling::PickFirst)
}

/// The options the user showed or hid in the legend of the plot `id` this frame, as actions.
/// Call after the plot is shown.
#[must_use]
pub fn choices(ui: &Ui, id: Id, shown: Shown) -> Vec<Action> {
    let Some(memory) = PlotMemory::load(ui.ctx(), id) else {
        return Vec::new();
    };
    Phase::ALL
        .into_iter()
        .filter_map(|phase| {
            let now = !memory.hidden_items.contains(&entry(phase));
            (now != shown.contains(phase)).then_some(Action::Show(phase, now))
        })
        .collect()
}
