//! The window: inputs on the left, curves and tables in the centre, the recommendation on the
//! right. Every edit goes through [`BreakevenApp::apply`], which validates and recomputes at
//! once; an invalid value keeps its message beside its field and the last valid figures stay on
//! screen, dimmed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use breakeven_model::{Problem, Scenario};
use chrono::{Local, NaiveDate};
use egui::{RichText, Ui};

use crate::computed::Computed;
use crate::files::load_scenario;
use crate::inputs::InputsPanel;
use crate::{curves, tables, verdict};

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
}

impl Tab {
    const ALL: [Self; 5] = [
        Self::Costs,
        Self::Cash,
        Self::Margin,
        Self::Matrix,
        Self::Sensitivity,
    ];

    const fn label(self) -> &'static str {
        match self {
            Self::Costs => "Cost by volume",
            Self::Cash => "Cash over time",
            Self::Margin => "Gross margin",
            Self::Matrix => "Decision matrix",
            Self::Sensitivity => "Sensitivity",
        }
    }
}

/// A change to the scenario, from any panel.
pub enum Action {
    /// The scenario as edited.
    Edit(Box<Scenario>),
}

/// The app's state: the scenario being edited, its validation problems, and the figures of the
/// last valid version of it.
pub struct BreakevenApp {
    scenario: Scenario,
    problems: Vec<Problem>,
    computed: Option<Computed>,
    /// The figures are from an earlier, valid version of the scenario.
    stale: bool,
    compute_error: Option<String>,
    file: Option<PathBuf>,
    load_error: Option<String>,
    inputs: InputsPanel,
    tab: Tab,
    today: NaiveDate,
}

impl BreakevenApp {
    /// Opens `file`, or the built-in example without one. A file that cannot be opened leaves
    /// the example open and the reason on screen: the app starts either way.
    #[must_use]
    pub fn open(file: Option<&Path>) -> Self {
        let (scenario, file, load_error) = match file {
            None => (Scenario::embedded_default(), None, None),
            Some(path) => match load_scenario(path) {
                Ok(scenario) => (scenario, Some(path.to_owned()), None),
                Err(error) => (Scenario::embedded_default(), None, Some(error.to_string())),
            },
        };
        let mut app = Self {
            scenario,
            problems: Vec::new(),
            computed: None,
            stale: false,
            compute_error: None,
            file,
            load_error,
            inputs: InputsPanel::default(),
            tab: Tab::Costs,
            today: Local::now().date_naive(),
        };
        app.recompute();
        app
    }

    /// Judges review dates as of `today` instead of the clock's date (for tests and reports).
    #[must_use]
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.today = today;
        self.recompute();
        self
    }

    /// The open scenario.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Why the file given at start could not be opened, if it could not.
    #[must_use]
    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// The recommended phase on screen, if any figures are.
    #[must_use]
    pub fn recommended(&self) -> Option<breakeven_model::engine::Phase> {
        self.computed.as_ref().map(|c| c.recommendation.phase)
    }

    /// Whether the figures on screen are from an earlier valid scenario, dimmed, because the
    /// current one has a problem.
    #[must_use]
    pub fn is_dimmed(&self) -> bool {
        self.stale || (self.computed.is_some() && self.compute_error.is_some())
    }

    /// The centre tab on screen.
    #[must_use]
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The window title: the scenario's name and its file name.
    #[must_use]
    pub fn title(&self) -> String {
        match self.file.as_deref().and_then(Path::file_name) {
            Some(name) => format!(
                "{} ({}) - Breakeven",
                self.scenario.name,
                name.to_string_lossy()
            ),
            None => format!("{} - Breakeven", self.scenario.name),
        }
    }

    /// The one door for changes: applies `action`, validates, and recomputes at once.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(scenario) => self.scenario = *scenario,
        }
        self.recompute();
    }

    fn recompute(&mut self) {
        self.problems = breakeven_model::scenario::validate(&self.scenario);
        if !self.problems.is_empty() {
            self.stale = self.computed.is_some();
            return;
        }
        match Computed::new(&self.scenario, self.today) {
            Ok(computed) => {
                self.computed = Some(computed);
                self.stale = false;
                self.compute_error = None;
            }
            Err(error) => {
                self.stale = self.computed.is_some();
                self.compute_error = Some(error.to_string());
            }
        }
    }

    /// The whole window's contents, for eframe and for tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let mut actions = Vec::new();
        egui::Panel::top("title").show(ui, |ui| self.title_ui(ui));
        egui::Panel::left("inputs")
            .resizable(true)
            .default_size(400.0)
            .size_range(300.0..=520.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let mut draft = self.scenario.clone();
                    self.inputs.ui(ui, &mut draft, &self.problems);
                    if draft != self.scenario {
                        actions.push(Action::Edit(Box::new(draft)));
                    }
                });
            });
        egui::Panel::right("recommendation")
            .resizable(true)
            .default_size(320.0)
            .size_range(240.0..=480.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if self.stale {
                        ui.multiply_opacity(0.45);
                    }
                    match &self.computed {
                        Some(computed) => verdict::verdict_ui(ui, computed),
                        None => {
                            ui.label("Fix the highlighted inputs to see a recommendation.");
                        }
                    }
                });
            });
        egui::CentralPanel::default().show(ui, |ui| self.centre_ui(ui));
        for action in actions {
            self.apply(action);
        }
    }

    fn title_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading(&self.scenario.name);
            if let Some(name) = self.file.as_deref().and_then(Path::file_name) {
                ui.label(RichText::new(name.to_string_lossy()).weak());
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

    fn centre_ui(&mut self, ui: &mut Ui) {
        // Ctrl+1 to Ctrl+5 switch tabs: quick in a meeting, and scriptable.
        let keys = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
        ];
        for (key, tab) in keys.into_iter().zip(Tab::ALL) {
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, key)) {
                self.tab = tab;
            }
        }
        ui.horizontal_wrapped(|ui| {
            for (n, tab) in Tab::ALL.into_iter().enumerate() {
                ui.selectable_value(&mut self.tab, tab, tab.label())
                    .on_hover_text(format!("Ctrl+{}", n + 1));
            }
        });
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
        let (scenario, today, tab) = (&self.scenario, self.today, self.tab);
        let Some(computed) = &mut self.computed else {
            ui.label("Fix the highlighted inputs to see the figures.");
            return;
        };
        match tab {
            Tab::Costs => curves::cost_ui(ui, computed),
            Tab::Cash => curves::cash_ui(ui, computed),
            Tab::Margin => curves::margin_ui(ui, computed),
            Tab::Matrix => tables::matrix_ui(ui, &computed.matrix, computed.recommendation.phase),
            Tab::Sensitivity => {
                let cheapest = computed.outcome.cheapest;
                let rows = computed.sensitivity(scenario, today).to_vec();
                tables::sensitivity_ui(ui, &rows, cheapest);
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

impl eframe::App for BreakevenApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// Opens the window on `file` (or the built-in example) and runs it until it is closed.
#[must_use]
pub fn run(file: Option<&Path>) -> ExitCode {
    let app = BreakevenApp::open(file);
    if let Some(error) = app.load_error() {
        eprintln!("{error}; opening the built-in example instead.");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([1024.0, 600.0]),
        ..Default::default()
    };
    match eframe::run_native("Breakeven", options, Box::new(|_| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "The window could not open ({error}). Without a display, use `breakeven check`, `breakeven report` \
                 or `breakeven quick`; see `breakeven --help`."
            );
            ExitCode::FAILURE
        }
    }
}
