//! The window. For now a placeholder that shows the open scenario and how to use the command
//! line; the decision matrix and the live curves come with the window issue.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use breakeven_model::Scenario;

use crate::files::load_scenario;

/// The app's state: the open scenario, where it came from, and a problem to show, if any.
pub struct BreakevenApp {
    scenario: Scenario,
    file: Option<PathBuf>,
    load_error: Option<String>,
}

impl BreakevenApp {
    /// Opens `file`, or the built-in example without one. A file that cannot be opened leaves
    /// the example open and the reason on screen: the app starts either way.
    #[must_use]
    pub fn open(file: Option<&Path>) -> Self {
        let default = || Scenario::embedded_default();
        match file {
            None => Self {
                scenario: default(),
                file: None,
                load_error: None,
            },
            Some(path) => match load_scenario(path) {
                Ok(scenario) => Self {
                    scenario,
                    file: Some(path.to_owned()),
                    load_error: None,
                },
                Err(error) => Self {
                    scenario: default(),
                    file: None,
                    load_error: Some(error.to_string()),
                },
            },
        }
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
}

impl eframe::App for BreakevenApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.scenario.name);
            if let Some(error) = &self.load_error {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("Could not open the file: {error}"),
                );
                ui.label("The built-in example is open instead.");
            }
            ui.add_space(8.0);
            ui.label(&self.scenario.notes);
            ui.add_space(16.0);
            ui.label(
                "The decision matrix, live break-even curves and the recommendation are on their \
                 way. Meanwhile, from a terminal:",
            );
            ui.monospace("breakeven check FILE.ron");
            ui.monospace(
                "breakeven quick --api-usd-per-1m 0.50 --gpu-usd-per-hour 1.21 \
                 --mlops-usd-per-hour 150 --mlops-hours-per-month 10",
            );
        });
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
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    match eframe::run_native("Breakeven", options, Box::new(|_| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "The window could not open ({error}). Without a display, use `breakeven check` or \
                 `breakeven quick`; see `breakeven --help`."
            );
            ExitCode::FAILURE
        }
    }
}
