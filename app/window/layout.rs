//! Where everything goes in the window, frame by frame: the menu bar, the title, the workshop
//! toolbar (or the presentation bar), the inputs on the left, the recommendation on the right,
//! the figures in the centre, the workshop panel under them, and the dialog on top. What the
//! panels push is applied at the end of the frame, through the one door.

use std::path::Path;

use egui::{RichText, Ui};

use super::BreakevenApp;
use crate::action::Action;
use crate::command;
use crate::state::recovery::INTERVAL_SECONDS;
use crate::state::workshop::{THIS_SCENARIO, View};
use crate::ui::compare::{baseline, comparison};
use crate::ui::dialogs::Dialog;
use crate::ui::figures::{tab_ui, tabs_ui};
use crate::ui::inputs::features::features_ui;
use crate::ui::menu::{MenuState, menu_bar_ui};
use crate::ui::toolbar::toolbar_ui;
use crate::ui::{presentation, verdict};
use breakeven_model::scenario::feature_problems;

// The projector layout (issue 17): at 1280x720, with a baseline and a comparison open, the plot
// keeps at least half the window's width and 60% of its height. The side panels share at most
// the other half of the width, and the workshop tables start closed on a short window.

/// The most of the window's width the inputs may take.
const INPUTS_SHARE: f32 = 0.23;
/// The most of the window's width the recommendation may take beside the inputs.
const RECOMMENDATION_SHARE: f32 = 0.19;
/// The most of the window's width the recommendation may take when presenting (no inputs).
const PRESENTED_RECOMMENDATION_SHARE: f32 = 0.4;
/// The window height from which the workshop tables start open.
const TABLES_OPEN_FROM: f32 = 800.0;
/// The most of the window's height the workshop tables take when open.
const TABLES_SHARE: f32 = 0.3;

/// The widths a side panel may take in a window `width` wide: from `min` to `share` of the
/// window, but never more than `max`; a window too narrow for the share gets the minimum.
fn side_range(width: f32, min: f32, share: f32, max: f32) -> egui::Rangef {
    egui::Rangef::new(min, (width * share).clamp(min, max))
}

impl BreakevenApp {
    /// The whole window's contents, for eframe and for tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let window = ui.available_size();
        let mut actions: Vec<Action> = command::pressed(ui).into_iter().map(Action::from).collect();
        let presenting = self.workshop.presenting;
        actions.extend(presentation::leave_key(
            ui,
            presenting,
            self.dialogs.is_open(),
        ));
        for file in ui.input(|i| i.raw.dropped_files.clone()) {
            let path = file.path();
            if !path.as_os_str().is_empty() {
                actions.push(Action::Open(path.to_path_buf()));
            }
        }
        if !presenting {
            egui::Panel::top("menu").show(ui, |ui| {
                let state = MenuState {
                    recent: &self.recent,
                    can_undo: self.doc.can_undo(),
                    can_redo: self.doc.can_redo(),
                    workshop: &self.workshop,
                    scenario: self.doc.scenario(),
                    place: self.place,
                };
                menu_bar_ui(ui, &state, &mut actions);
            });
            egui::Panel::top("title").show(ui, |ui| self.title_ui(ui));
        }
        self.top_bar_ui(ui, &mut actions);
        if !presenting {
            egui::Panel::left("inputs")
                .resizable(true)
                .default_size(400.0)
                .size_range(side_range(window.x, 300.0, INPUTS_SHARE, 520.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        let whole = self.doc.scenario().clone();
                        let shown = self.shown_scenario();
                        let mut draft = shown.clone();
                        let read_only = self.place.read_only;
                        features_ui(
                            ui,
                            &whole,
                            (self.feature, read_only),
                            &mut draft,
                            &mut actions,
                        );
                        if read_only {
                            ui.label(
                                RichText::new(
                                    "Read-only: move the volume, switch tabs and present; the other inputs are as exported.",
                                )
                                .weak(),
                            );
                            presentation::volume_ui(ui, &mut draft);
                            ui.separator();
                        }
                        let problems = feature_problems(&self.problems, self.feature);
                        ui.add_enabled_ui(!read_only, |ui| {
                            self.inputs.ui(
                                ui,
                                &mut draft,
                                &problems,
                                self.today,
                                self.prices.catalog(),
                                &mut actions,
                            );
                        });
                        if draft != shown {
                            let mut edited = whole;
                            edited.put_feature(self.feature, draft);
                            actions.push(Action::Edit(Box::new(edited)));
                        }
                    });
                });
        }
        self.workshop_panel_ui(ui, window, &mut actions);
        self.recommendation_ui(ui, window, presenting);
        egui::CentralPanel::default().show(ui, |ui| {
            if presenting {
                presentation::enlarge(ui, presentation::TEXT_SCALE);
            }
            self.centre_ui(ui, &mut actions);
        });
        let name = self.doc.scenario().name.clone();
        self.dialogs.ui(ui, &name, &mut actions);
        // A drag, or typing in a field, is one undo step, closed when it ends.
        let busy = ui.ctx().dragged_id().is_some() || ui.ctx().memory(|m| m.focused().is_some());
        for action in actions {
            self.apply_busy(action, busy);
        }
        if !busy {
            self.doc.settle();
        }
        if let Some(text) = self.clipboard.take() {
            ui.ctx().copy_text(text);
        }
        self.sample(ui.ctx());
        self.keep_aside(ui);
        self.window_ui(ui);
    }

    /// Samples the scenario on screen in the background when its figures are current, so the How
    /// sure tab and the confidence follow every edit; while a run goes on, the window comes back
    /// to show its progress.
    fn sample(&mut self, ctx: &egui::Context) {
        let revision = self.figures_key();
        if self.evaluated != Some(revision) || self.stale || self.computed.is_none() {
            return;
        }
        let repaint = ctx.clone();
        self.sampler
            .start(&self.shown_scenario(), revision, self.today, move || {
                repaint.request_repaint();
            });
        // Where there are no threads, the run goes on here, a few samples a frame.
        if self.sampler.tick() {
            ctx.request_repaint();
        } else if self.sampler.progress().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Writes unsaved work aside every few seconds, and comes back to do so even when nothing
    /// else happens.
    fn keep_aside(&mut self, ui: &Ui) {
        let Some(recovery) = &mut self.recovery else {
            return;
        };
        let now = ui.input(|i| i.time);
        let dirty = self.doc.is_dirty();
        recovery.tick(now, self.doc.scenario(), self.doc.path(), dirty);
        if dirty {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(INTERVAL_SECONDS));
        }
    }

    /// The title, and closing: the window asks before unsaved changes are thrown away.
    fn window_ui(&mut self, ui: &Ui) {
        let title = self.title();
        if title != self.shown_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if ui.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.closing {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.open(Dialog::Unsaved {
                then: Box::new(Action::Close),
            });
        }
        if self.closing {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn title_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading(self.doc.scenario().heading());
            let file = self
                .doc
                .path()
                .and_then(Path::file_name)
                .map_or_else(|| "not saved".into(), |n| n.to_string_lossy().into_owned());
            let mark = if self.doc.is_dirty() {
                " (unsaved changes)"
            } else {
                ""
            };
            ui.label(RichText::new(format!("{file}{mark}")).weak());
            if let Some(notice) = &self.notice {
                ui.label(notice.as_str());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                theme_ui(ui);
                ui.label(RichText::new("Ctrl +/- to zoom").weak().small());
            });
        });
        if let Some(error) = &self.load_error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Could not open the file: {error}. The built-in example is open instead."),
            );
        }
    }

    /// The workshop toolbar, or in presentation mode the presentation bar with its live inputs.
    fn top_bar_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let presenting = self.workshop.presenting;
        if self.workshop.fullscreen != presenting {
            // A projector shows the whole screen: presentation is full screen, as F11 is
            // elsewhere.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
            self.workshop.fullscreen = presenting;
        }
        if presenting {
            egui::Panel::top("presentation").show(ui, |ui| {
                // The live inputs are the shown feature's, as the curves are.
                let shown = self.shown_scenario();
                let mut draft = shown.clone();
                presentation::bar_ui(ui, &mut draft, self.place.read_only, actions);
                if draft != shown {
                    let mut edited = self.doc.scenario().clone();
                    edited.put_feature(self.feature, draft);
                    actions.push(Action::Edit(Box::new(edited)));
                }
            });
        } else {
            egui::Panel::top("workshop").show(ui, |ui| {
                toolbar_ui(
                    ui,
                    (&self.workshop, self.doc.scenario()),
                    self.place.read_only,
                    actions,
                );
            });
        }
    }

    /// The panel under the curves with the baseline or the comparison, when there is one: a
    /// heading row that says how much differs, and the tables, which open and close. On a short
    /// window (a projector's 720 lines) they start closed, so the curves keep most of the height;
    /// open, they take at most [`TABLES_SHARE`] of it.
    fn workshop_panel_ui(&mut self, ui: &mut Ui, window: egui::Vec2, actions: &mut Vec<Action>) {
        let w = &mut self.workshop;
        if w.presenting || (w.baseline.is_none() && w.comparison.is_none()) {
            return;
        }
        let followed = w.tables_open.unwrap_or(window.y >= TABLES_OPEN_FROM);
        let mut open = followed;
        let mut toggled = false;
        let heading = egui::Panel::bottom("workshop-heading").resizable(false);
        let tables = egui::Panel::bottom("workshop-panel")
            .resizable(true)
            .default_size(280.0)
            .size_range(120.0..=(window.y * TABLES_SHARE).max(120.0));
        egui::Panel::show_switched(ui, &mut open, heading, tables, |ui, expanded| {
            ui.horizontal(|ui| {
                let label = if expanded {
                    "Hide tables"
                } else {
                    "Show tables"
                };
                if ui
                    .selectable_label(expanded, label)
                    .on_hover_text("The inputs that differ and the key figures side by side.")
                    .clicked()
                {
                    toggled = true;
                }
                ui.separator();
                if let (Some(_), Some(_)) = (&w.baseline, &w.comparison) {
                    ui.selectable_value(&mut w.view, View::Baseline, "Baseline");
                    ui.selectable_value(&mut w.view, View::Compare, "Comparison");
                    ui.separator();
                }
                match (&w.baseline, &w.comparison, w.view) {
                    (Some(b), None, _) | (Some(b), Some(_), View::Baseline) => {
                        baseline::baseline_heading_ui(ui, b);
                    }
                    (_, Some(other), _) => comparison::comparison_heading_ui(ui, other, actions),
                    (None, None, _) => {}
                }
            });
            if !expanded {
                return;
            }
            match (&w.baseline, &w.comparison, w.view) {
                (Some(b), None, _) | (Some(b), Some(_), View::Baseline) => {
                    baseline::baseline_ui(ui, b);
                }
                (_, Some(other), _) => comparison::comparison_ui(ui, THIS_SCENARIO, other),
                (None, None, _) => {}
            }
        });
        if toggled {
            open = !open;
        }
        if open != followed {
            w.tables_open = Some(open);
        }
    }

    /// The recommendation on the right; larger, and wider, in presentation mode.
    fn recommendation_ui(&self, ui: &mut Ui, window: egui::Vec2, presenting: bool) {
        // Its own id when presenting, so each mode keeps its own width.
        egui::Panel::right(if presenting {
            "recommendation-presented"
        } else {
            "recommendation"
        })
        .resizable(true)
        .default_size(if presenting { 460.0 } else { 320.0 })
        .size_range(side_range(
            window.x,
            240.0,
            if presenting {
                PRESENTED_RECOMMENDATION_SHARE
            } else {
                RECOMMENDATION_SHARE
            },
            640.0,
        ))
        .show(ui, |ui| {
            if presenting {
                presentation::enlarge(ui, presentation::TEXT_SCALE);
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                if presenting {
                    presentation::heading_ui(ui, &self.doc.scenario().heading(), &self.workshop);
                }
                if self.stale {
                    ui.multiply_opacity(0.45);
                }
                match &self.computed {
                    Some(computed) => {
                        let sampled = self
                            .sampler
                            .latest()
                            .filter(|e| e.revision == self.figures_key());
                        verdict::verdict_ui(
                            ui,
                            computed,
                            sampled.as_ref().map(|e| &*e.uncertainty),
                        );
                    }
                    None => {
                        ui.label("Fix the highlighted inputs to see a recommendation.");
                    }
                }
            });
        });
    }

    /// The figures in tabs, dimmed with the reason while the scenario has a problem.
    fn centre_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        tabs_ui(
            ui,
            &mut self.tab,
            self.workshop.presenting,
            (
                self.sampler.has_ranges(),
                self.doc.scenario().has_features(),
            ),
        );
        ui.separator();
        if self.stale || self.compute_error.is_some() {
            let why = self.compute_error.clone().unwrap_or_else(|| {
                format!(
                    "{} input{} to fix",
                    self.problems.len(),
                    if self.problems.len() == 1 { "" } else { "s" }
                )
            });
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Showing the last valid figures, dimmed: {why}."),
            );
            ui.multiply_opacity(0.45);
        }
        let key = self.figures_key();
        match &mut self.computed {
            Some(computed) => {
                let sampled = crate::ui::figures::Sampled {
                    estimate: self.sampler.latest(),
                    progress: self.sampler.progress(),
                    revision: key,
                    failure: self.sampler.failure(key),
                };
                tab_ui(
                    ui,
                    self.tab,
                    computed,
                    crate::ui::figures::Whole {
                        evaluation: self.whole.as_ref(),
                        first_shown: self.feature == 0,
                    },
                    &self.workshop,
                    &sampled,
                    actions,
                );
            }
            None => {
                ui.label("Fix the highlighted inputs to see the figures.");
            }
        }
    }
}

/// Light, dark, or as the system says; words, not icons, so every font has them.
fn theme_ui(ui: &mut Ui) {
    let mut preference = ui.options(|o| o.theme_preference);
    let before = preference;
    for (value, name) in [
        (egui::ThemePreference::Dark, "Dark"),
        (egui::ThemePreference::Light, "Light"),
        (egui::ThemePreference::System, "System"),
    ]
    .into_iter()
    .rev()
    {
        ui.selectable_value(&mut preference, value, name);
    }
    ui.label(RichText::new("Theme").weak());
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}
