//! The path dialog: a scenario to open, where to save it, or a folder to export into, typed or
//! browsed for.

use std::path::PathBuf;

use egui::Ui;

use super::Purpose;
use crate::action::Action;
use crate::ui::widgets::browse::path_field_ui;

/// The path typed, whole: a relative one joined to the working folder. `None` when nothing is
/// typed.
#[must_use]
pub fn whole_path(text: &str) -> Option<PathBuf> {
    let typed = text.trim();
    if typed.is_empty() {
        return None;
    }
    Some(std::path::absolute(typed).unwrap_or_else(|_| PathBuf::from(typed)))
}

/// The path dialog; returns whether it is done, and whether Browse was clicked.
pub fn show(
    ui: &mut Ui,
    purpose: &mut Purpose,
    text: &mut String,
    then: &mut Option<Box<Action>>,
    actions: &mut Vec<Action>,
) -> (bool, bool) {
    let (title, verb, what) = match *purpose {
        Purpose::Open => (
            "Open a scenario",
            "Open",
            "Type the file's path, or browse for it.",
        ),
        Purpose::SaveAs => (
            "Save the scenario as",
            "Save",
            "Type the file's path, or browse for it.",
        ),
        Purpose::ImportPrices => (
            "Import prices",
            "Read",
            "A price list your team keeps: LiteLLM's model_prices_and_context_window.json, genai-prices' \
             data.json, llm-prices, or OpenRouter's /api/v1/models response. What it would change \
             is shown before anything is imported. Type the file's path, or browse for it.",
        ),
        Purpose::ImportUsage => (
            "Import usage",
            "Read",
            "What the team really sends: OpenAI's usage (completions) or Anthropic's usage report as JSON, \
             LiteLLM's spend logs, or a CSV with date, feature, model, input_tokens, output_tokens and \
             cached_input_tokens. Its months and features are shown before anything changes. Type the \
             file's path, or browse for it.",
        ),
        Purpose::ImportBenchmark(_) => (
            "Import a benchmark",
            "Read",
            "Your own run of the model on these instances: vLLM's bench serve --save-result JSON, or an \
             LLMPerf summary. Its throughput and speed are shown before anything changes. Type the \
             file's path, or browse for it.",
        ),
        Purpose::Export { .. } => (
            "Export for a board deck",
            "Export",
            "An HTML report (open it in a browser to print a PDF), the charts as SVG and as 16:9 PNG, \
             the month-by-month CSV, the JSON and Markdown reports, and interactive.html, this \
             window for anyone with a browser, written into this folder. Type the folder's path, \
             or browse for it.",
        ),
    };
    ui.heading(title);
    ui.label(what);
    let entered = path_field_ui(ui, "Path", text, 360.0);
    if let Purpose::Export { read_only } = purpose {
        ui.checkbox(read_only, "interactive.html read-only")
            .on_hover_text(
                "The client can drag the volume, switch tabs and present, but not change the \
                 inputs: for a recommendation you stand behind. Leave it off for a client who \
                 will try their own numbers.",
            );
    }
    // A relative path is taken from the folder Breakeven was started in: say which, whole.
    let whole = whole_path(text);
    if let Some(whole) = &whole {
        let where_to = match *purpose {
            Purpose::Open => "Opens",
            Purpose::SaveAs => "Saves to",
            Purpose::Export { .. } => "Writes into",
            Purpose::ImportPrices | Purpose::ImportUsage | Purpose::ImportBenchmark(_) => "Reads",
        };
        ui.add(egui::Label::new(format!("{where_to} {}", whole.display())).wrap());
    }
    let mut done = false;
    let mut browse = false;
    ui.horizontal(|ui| {
        browse = ui.button("Browse…").clicked();
        let ready = whole.is_some();
        if ui.add_enabled(ready, egui::Button::new(verb)).clicked() || (entered && ready) {
            let path = whole.clone().unwrap_or_else(|| PathBuf::from(text.trim()));
            actions.push(match *purpose {
                Purpose::Open => Action::Open(path),
                Purpose::SaveAs => Action::SaveAs(path, then.take()),
                Purpose::Export { read_only } => Action::Export(path, read_only),
                Purpose::ImportPrices => Action::ImportPrices(path),
                Purpose::ImportUsage => Action::ImportUsage(path),
                Purpose::ImportBenchmark(base) => Action::ImportBenchmark(base, path),
            });
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    (done, browse)
}
