//! What an export wrote, with a way to open the report in the browser.

use std::path::Path;

use egui::Ui;

use crate::export::interactive::INTERACTIVE_FILE;

/// What an export wrote, with a button to open the report in the browser, and what it could
/// not write (`note`); returns whether it was read.
pub fn show(
    ui: &mut Ui,
    (folder, files): (&Path, &[String]),
    report_url: Option<&str>,
    note: Option<&str>,
) -> bool {
    ui.heading("Exported");
    ui.label(format!("Written to {}:", folder.display()));
    for file in files {
        ui.label(format!("  {file}"));
    }
    ui.label("Open the report in a browser to print it to PDF.");
    if files.iter().any(|f| f == INTERACTIVE_FILE) {
        ui.add(
            egui::Label::new(
                "interactive.html is the window itself, for anyone with a browser: \
                 it opens by double-click, with no install and no network.",
            )
            .wrap(),
        );
    }
    if let Some(note) = note {
        ui.add(egui::Label::new(note).wrap());
    }
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
