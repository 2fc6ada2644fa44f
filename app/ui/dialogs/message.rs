//! A message: something went wrong, or is worth knowing.

use egui::Ui;

/// A message; returns whether it was read.
pub fn show(ui: &mut Ui, title: &str, lines: &[String]) -> bool {
    ui.heading(title);
    for line in lines {
        ui.label(line.as_str());
    }
    ui.button("OK").clicked()
}
