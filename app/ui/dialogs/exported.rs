//! What an export wrote, with a way to open the report in the browser.

use std::path::Path;

use egui::Ui;

/// What an export wrote, with a button to open the report in the browser; returns whether it
/// was read.
pub fn show(ui: &mut Ui, folder: &Path, files: &[String], report_url: Option<&str>) -> bool {
    ui.heading("Exported");
    ui.label(format!("Written to {}:", folder.display()));
    for file in files {
        ui.label(format!("  {file}"));
    }
    ui.label("Open the report in a browser to print it to PDF.");
    let mut done = false;
    ui.horizontal(|ui| {
        if let Some(url) = report_url
            && ui.button("Open the report").clicked()
        {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            done = true;
        }
        done |= ui.button("OK").clicked();
    });
    done
}
