//! What a file the user gave would change, before anything changes: a price list, a usage
//! export, a benchmark. A long one (LiteLLM's list has some two thousand models) scrolls within
//! the dialog.

use egui::Ui;

use crate::action::Action;

/// The preview; returns whether it is done. The button labelled `apply` pushes `then`.
pub fn show(
    ui: &mut Ui,
    title: &str,
    lines: &[String],
    apply: &str,
    then: &Action,
    actions: &mut Vec<Action>,
) -> bool {
    ui.heading(title);
    egui::ScrollArea::vertical()
        // As tall as it may be from the first frame: left to grow, the dialog grew a line a
        // frame, and its buttons moved away from the pointer.
        .max_height(360.0)
        .min_scrolled_height(360.0)
        .auto_shrink([true, true])
        .show(ui, |ui| {
            for line in lines {
                ui.label(line.as_str());
            }
        });
    ui.separator();
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button(apply).clicked() {
            actions.push(then.clone());
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    done
}
