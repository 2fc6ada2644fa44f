//! The centre of the window: the figures in tabs (cost by volume, cash over time, gross margin,
//! the decision matrix, the sensitivity table, each option's cost lines). They read the computed figures and change
//! nothing.

pub mod curves;
mod legend;
mod lines;
mod marks;
mod roadmap;
mod sure;
pub mod tables;

use egui::{KeyboardShortcut, Modifiers, Ui};

use crate::action::Action;
use crate::state::workshop::Workshop;
use breakeven_model::Evaluation;
use curves::overlays;

/// The centre's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Monthly cost against monthly volume.
    Costs,
    /// Cumulative cash over the horizon.
    Cash,
    /// Gross margin by month.
    Margin,
    /// The decision matrix.
    Matrix,
    /// The sensitivity table.
    Sensitivity,
    /// Each option's cost at the volume, line by line.
    Lines,
    /// What the Monte Carlo found: the chance of each option, the bands, the drivers.
    Sure,
    /// The features, the mix and when each feature should move.
    Roadmap,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 8] = [
        Self::Costs,
        Self::Cash,
        Self::Margin,
        Self::Matrix,
        Self::Sensitivity,
        Self::Lines,
        Self::Sure,
        Self::Roadmap,
    ];

    /// Ctrl+1 to Ctrl+8, in the order of the tabs: quick in a meeting, and scriptable.
    #[must_use]
    pub const fn shortcut(self) -> KeyboardShortcut {
        let key = match self {
            Self::Costs => egui::Key::Num1,
            Self::Cash => egui::Key::Num2,
            Self::Margin => egui::Key::Num3,
            Self::Matrix => egui::Key::Num4,
            Self::Sensitivity => egui::Key::Num5,
            Self::Lines => egui::Key::Num6,
            Self::Sure => egui::Key::Num7,
            Self::Roadmap => egui::Key::Num8,
        };
        KeyboardShortcut::new(Modifiers::COMMAND, key)
    }

    /// Its name on the tab.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Costs => "Cost by volume",
            Self::Cash => "Cash over time",
            Self::Margin => "Gross margin",
            Self::Matrix => "Decision matrix",
            Self::Sensitivity => "Sensitivity",
            Self::Lines => "Cost lines",
            Self::Sure => "How sure",
            Self::Roadmap => "Roadmap",
        }
    }
}

impl Tab {
    /// Whether the tab is offered while presenting a scenario, `ranged` when any of its inputs
    /// has a range, `features` when it has several features. The cost lines are a working view
    /// (and in the report). Five tabs fit a projector's 1280 wide and a sixth would wrap the
    /// row, taking a row from the plot: with ranges, How sure takes the place of the
    /// sensitivity table, as it answers the same question ("and if we are wrong?") from the
    /// ranges the team gave rather than ±20%; with several features, the Roadmap takes the
    /// place of the decision matrix, which is one feature's and whose answer the
    /// recommendation beside it gives.
    #[must_use]
    pub const fn presented(self, ranged: bool, features: bool) -> bool {
        match self {
            Self::Lines => false,
            Self::Sure => ranged,
            Self::Sensitivity => !ranged,
            Self::Roadmap => features,
            Self::Matrix => !features,
            Self::Costs | Self::Cash | Self::Margin => true,
        }
    }
}

/// The row of tabs, and their keys; while `presenting`, the tabs a room reads (`ranged`: the
/// scenario has an input with a range; `features`: it has several features).
pub fn tabs_ui(ui: &mut Ui, tab: &mut Tab, presenting: bool, (ranged, features): (bool, bool)) {
    let offered = Tab::ALL
        .into_iter()
        .filter(|t| !presenting || t.presented(ranged, features));
    for each in offered.clone() {
        if ui.input_mut(|i| i.consume_shortcut(&each.shortcut())) {
            *tab = each;
        }
    }
    if presenting && !tab.presented(ranged, features) {
        *tab = Tab::Costs;
    }
    ui.horizontal_wrapped(|ui| {
        for each in offered {
            let keys = ui.ctx().format_shortcut(&each.shortcut());
            ui.selectable_value(tab, each, each.label())
                .on_hover_text(keys);
        }
    });
}

/// The whole scenario, beside the feature on screen: its figures when it has several features
/// (for the Roadmap tab), and whether the feature on screen is the first.
#[derive(Clone, Copy)]
pub struct Whole<'a> {
    /// The whole scenario's evaluation, when it has several features.
    pub evaluation: Option<&'a Evaluation>,
    /// Whether the feature on screen is the first, whose figures the workshop compares.
    pub first_shown: bool,
}

/// What the Monte Carlo has found for the scenario on screen, for the How sure tab.
pub struct Sampled {
    /// The latest estimate, of this revision or an earlier one.
    pub estimate: Option<crate::state::sampling::Estimate>,
    /// Samples done and planned, while a run goes on.
    pub progress: Option<(u32, u32)>,
    /// The revision on screen.
    pub revision: u64,
    /// Why its samples could not be computed, when they could not.
    pub failure: Option<String>,
}

impl Sampled {
    /// The estimate of the scenario on screen, when there is one.
    #[must_use]
    pub fn current(&self) -> Option<&breakeven_model::uncertainty::Uncertainty> {
        self.estimate
            .as_ref()
            .filter(|e| e.revision == self.revision)
            .map(|e| &*e.uncertainty)
    }
}

/// The figures of `tab`, with the workshop's baseline and comparison drawn behind them. A plot's
/// legend showing or hiding an option is pushed onto `actions`.
pub fn tab_ui(
    ui: &mut Ui,
    tab: Tab,
    computed: &mut Evaluation,
    whole: Whole<'_>,
    workshop: &Workshop,
    sampled: &Sampled,
    actions: &mut Vec<Action>,
) {
    // The workshop's scenarios are drawn behind the first feature's curves, whose figures they
    // are compared with; behind another feature's they would mislead.
    let overlays = if whole.first_shown {
        overlays(workshop)
    } else {
        Vec::new()
    };
    let presenting = workshop.presenting;
    match tab {
        Tab::Costs => actions.extend(curves::cost_ui(
            ui,
            computed,
            &overlays,
            presenting,
            sampled.current().map(|u| u.cost_band.as_slice()),
        )),
        Tab::Cash => actions.extend(curves::cash_ui(
            ui,
            computed,
            &overlays,
            presenting,
            sampled.current().map(|u| u.cash_band.as_slice()),
        )),
        Tab::Margin => actions.extend(curves::margin_ui(ui, computed, &overlays, presenting)),
        Tab::Matrix => tables::matrix_ui(ui, &computed.matrix, computed.recommendation.phase),
        Tab::Sensitivity => {
            let rows = computed.sensitivity().to_vec();
            let entered = computed.sensitivity_as_entered();
            let last_month = computed
                .outcome
                .horizon
                .months
                .last()
                .map_or(0, |m| m.month);
            tables::sensitivity_ui(ui, &rows, entered.as_ref(), last_month);
        }
        Tab::Sure => {
            if let Some(why) = &sampled.failure {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "The samples could not be computed: {why}. Narrow the range of the input named."
                    ),
                );
            }
            sure::sure_ui(
                ui,
                sampled.estimate.as_ref(),
                sampled.progress,
                sampled.revision,
            );
        }
        Tab::Lines => lines::lines_ui(ui, &computed.outcome, &computed.recommendation.left_out()),
        Tab::Roadmap => match whole.evaluation.unwrap_or(computed).portfolio() {
            Ok(portfolio) => roadmap::roadmap_ui(ui, portfolio),
            Err(error) => {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("The roadmap could not be computed: {error}."),
                );
            }
        },
    }
}
