//! Exporting from the window, as a founder does before a board meeting: File > Export into a
//! folder typed in the window (no native dialog needed), and Edit > Copy Summary as Markdown.

mod common;

use breakeven::action::Action;
use breakeven::ui::dialogs::Dialog;
use breakeven::window::BreakevenApp;
use breakeven_model::scenario::load_str;
use common::{click, click_away, example, harness, keys, projector, type_into};
use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The legal-tech example, saved in a file: the export's folder is offered beside it.
fn legal_tech() -> Harness<'static, BreakevenApp> {
    harness(example("seed000-legal-tech.ron"))
}

/// File > Export… with the folder typed into the path field.
fn export_to(harness: &mut Harness<'_, BreakevenApp>, folder: &std::path::Path) {
    click(harness, "File");
    // A menu item's label ends with its shortcut.
    harness.get_by_label_contains("Export…").click();
    harness.run();
    type_into(harness, "Path", folder.to_str().expect("UTF-8"));
    click(harness, "Export");
}

fn message(harness: &Harness<'_, BreakevenApp>) -> (String, Vec<String>) {
    match harness.state().dialog() {
        Some(Dialog::Message { title, lines }) => (title.clone(), lines.clone()),
        _ => panic!("no message on screen"),
    }
}

/// What the app asked the platform to do in the last frame.
fn commands(harness: &Harness<'_, BreakevenApp>) -> Vec<OutputCommand> {
    harness.output().platform_output.commands.clone()
}

#[test]
fn file_export_writes_the_pack_into_the_typed_folder_and_lists_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("board pack");
    let mut harness = legal_tech();
    export_to(&mut harness, &folder);
    match harness.state().dialog() {
        Some(Dialog::Exported { files, .. }) => {
            assert_eq!(files.first().map(String::as_str), Some("report.html"));
            // The legal-tech case moves to a fine-tune now: the pack draws its roadmap too.
            assert_eq!(files.len(), 15, "{files:?}");
            assert!(files.contains(&"seed000-legal-tech.ron".to_owned()));
            assert!(
                !files.contains(&"workshop.csv".to_owned()),
                "no workshop, no comparisons"
            );
        }
        _ => panic!("no listing of what was exported"),
    }
    assert!(harness.query_by_label("  cost-by-volume.png").is_some());
    let html = std::fs::read_to_string(folder.join("report.html")).expect("the report");
    assert!(html.contains("<h1>Seed case: legal-tech contract analyser</h1>"));
    assert!(html.contains("exported 2026-11-24"));
    assert!(!html.contains("id=\"workshop\""), "no workshop, no section");
    for chart in ["cost-by-volume", "cumulative-cash", "gross-margin"] {
        assert!(folder.join(format!("{chart}.png")).is_file(), "{chart}");
    }
    click(&mut harness, "OK");
    assert!(harness.state().dialog().is_none());
    assert!(
        !harness.state().document().is_dirty(),
        "exporting changes nothing"
    );
}

/// With a web bundle, File > Export writes interactive.html too, read-only when ticked; without
/// one, the listing says in one line how to get the page.
#[test]
fn file_export_writes_the_page_with_a_bundle_and_says_how_to_get_one_without() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bundle = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web-bundle");
    let startup = breakeven::window::Startup {
        web_bundles: vec![dir.path().join("nothing here"), bundle.into()],
        ..common::startup(Some(common::scenario_file("seed000-legal-tech.ron")))
    };
    let mut harness = harness(BreakevenApp::start(startup, None));
    let folder = dir.path().join("for the client");
    click(&mut harness, "File");
    harness.get_by_label_contains("Export…").click();
    harness.run();
    type_into(&mut harness, "Path", folder.to_str().expect("UTF-8"));
    harness
        .get_by_role_and_label(Role::CheckBox, "interactive.html read-only")
        .click();
    harness.run();
    click(&mut harness, "Export");
    match harness.state().dialog() {
        Some(Dialog::Exported { files, note, .. }) => {
            assert!(files.contains(&"interactive.html".to_owned()), "{files:?}");
            assert_eq!(note, &None);
        }
        _ => panic!("no listing of what was exported"),
    }
    assert!(common::shows(
        &harness,
        "interactive.html is the window itself"
    ));
    let page = std::fs::read_to_string(folder.join("interactive.html")).expect("the page");
    assert!(page.contains("Seed case: legal-tech contract analyser"));
    assert!(
        page.contains("data-read-only=\"true\""),
        "ticked: read-only"
    );
    click(&mut harness, "OK");

    // No bundle: the rest of the pack, and the one line.
    let mut harness = legal_tech();
    let folder = dir.path().join("no page");
    export_to(&mut harness, &folder);
    match harness.state().dialog() {
        Some(Dialog::Exported { files, note, .. }) => {
            assert!(!files.contains(&"interactive.html".to_owned()), "{files:?}");
            assert_eq!(
                note.as_deref(),
                Some(breakeven::export::interactive::NO_BUNDLE)
            );
        }
        _ => panic!("no listing of what was exported"),
    }
    assert!(common::shows(&harness, "interactive.html not written"));
    assert!(!folder.join("interactive.html").exists());
}

#[test]
fn the_report_opens_in_the_browser_from_the_listing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("board pack");
    let mut harness = legal_tech();
    export_to(&mut harness, &folder);
    harness.get_by_label("Open the report").click();
    let opened = (0..3)
        .find_map(|_| {
            harness.step();
            commands(&harness).into_iter().find_map(|c| match c {
                OutputCommand::OpenUrl(open) => Some(open.url),
                _ => None,
            })
        })
        .expect("the report was opened");
    let report = std::fs::canonicalize(folder.join("report.html")).expect("the report");
    let expected = format!("file://{}", report.display()).replace(' ', "%20");
    assert_eq!(opened, expected);
    harness.run();
    assert!(harness.state().dialog().is_none());
}

#[test]
fn the_export_folder_offered_is_beside_the_scenarios_file() {
    let mut harness = legal_tech();
    keys(&mut harness, Modifiers::COMMAND, Key::E);
    match harness.state().dialog() {
        Some(Dialog::Path { text, .. }) => {
            assert!(
                text.ends_with("scenarios/seed000-legal-tech-export"),
                "{text}"
            );
        }
        _ => panic!("Ctrl+E asks for a folder"),
    }
}

#[test]
fn an_export_that_cannot_be_written_says_why_and_keeps_the_work() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let blocker = dir.path().join("a file");
    std::fs::write(&blocker, "not a folder").expect("written");
    let mut harness = legal_tech();
    let mut edited = harness.state().scenario().clone();
    edited.name = "Edited before exporting".to_owned();
    harness.state_mut().apply(Action::Edit(Box::new(edited)));
    harness.run();
    export_to(&mut harness, &blocker.join("pack"));
    let (title, lines) = message(&harness);
    assert_eq!(title, "Not exported");
    assert!(lines[0].contains("cannot be written"), "{lines:?}");
    assert_eq!(harness.state().scenario().name, "Edited before exporting");
    assert!(harness.state().document().is_dirty());
}

#[test]
fn an_invalid_scenario_is_not_exported_and_the_problem_is_named() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = legal_tech();
    let mut broken = harness.state().scenario().clone();
    broken.horizon.months.value = 0;
    harness.state_mut().apply(Action::Edit(Box::new(broken)));
    harness.run();
    export_to(&mut harness, &dir.path().join("pack"));
    let (title, lines) = message(&harness);
    assert!(title.starts_with("Nothing exported"), "{title}");
    assert!(
        lines.iter().any(|l| l.contains("horizon.months")),
        "{lines:?}"
    );
    assert!(!dir.path().join("pack").exists());
}

/// The text the app put on the clipboard in the last frame, if any.
fn copied(harness: &Harness<'_, BreakevenApp>) -> Option<String> {
    commands(harness).into_iter().find_map(|c| match c {
        OutputCommand::CopyText(text) => Some(text),
        _ => None,
    })
}

#[test]
fn copy_summary_starts_with_the_board_summary_then_the_key_figures() {
    let mut harness = legal_tech();
    click(&mut harness, "Edit");
    harness
        .get_by_label_contains("Copy Summary as Markdown")
        .click();
    // The copy is in the output of the frame that handles the click.
    let text = (0..3)
        .find_map(|_| {
            harness.step();
            copied(&harness)
        })
        .expect("something was copied");
    // The board summary first, as the slide and the HTML report have it.
    assert!(text.starts_with(
        "# Breakeven summary: Seed case: legal-tech contract analyser\n\n\
         - **Decision:** Fine-tune, confidence 0.67 (Medium)\n\
         - **Monthly bill:** $140,000.00 on the API today → $12,000.00 with Fine-tune, up-front costs apart\n"
    ));
    let board: Vec<String> = harness
        .state()
        .evaluation()
        .expect("figures on screen")
        .board
        .lines()
        .iter()
        .map(|line| format!("- **{}:** {}", line.label, line.text))
        .collect();
    // After the title and a blank line.
    let first_lines: Vec<&str> = text.lines().skip(2).take(board.len()).collect();
    assert_eq!(first_lines, board);
    assert!(board.contains(
        &"- **Gross margin:** 16% today → 92.8% after go-live, at today's revenue".to_owned()
    ));
    assert!(text.contains("Recommended: **Fine-tune**"));
    assert!(text.contains("| Fine-tune | $20,333.33 |"), "{text}");
    assert!(text.contains("## Break-even volumes"));
    harness.run();
    assert!(
        harness
            .query_by_label("The summary is on the clipboard, as Markdown.")
            .is_some()
    );
}

/// Whether the plot on screen shows `option`: its legend entry is a ticked check box.
fn legend_shows(harness: &Harness<'_, BreakevenApp>, option: &str) -> bool {
    harness
        .get_by_role_and_label(Role::CheckBox, option)
        .accesskit_node()
        .toggled()
        == Some(Toggled::True)
}

/// Pretrain's colour in the charts.
const PRETRAIN: &str = "#C846A0";

#[test]
fn what_is_ruled_out_is_left_out_of_the_plots_and_the_export() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = legal_tech();
    // Pretrain is ruled out in the legal-tech case: its $12M would squash every other curve.
    assert!(!legend_shows(&harness, "Pretrain"));
    assert!(legend_shows(&harness, "Fine-tune"));
    export_to(&mut harness, dir.path());
    for chart in ["cost-by-volume", "cumulative-cash", "gross-margin"] {
        let svg = std::fs::read_to_string(dir.path().join(format!("{chart}.svg"))).expect("svg");
        assert!(!svg.contains(PRETRAIN), "{chart}");
        assert!(svg.contains("Not drawn: Pretrain (ruled out)"), "{chart}");
    }
}

#[test]
fn an_option_shown_or_hidden_in_a_plot_legend_is_shown_or_hidden_everywhere_and_in_the_export() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = legal_tech();
    harness
        .get_by_role_and_label(Role::CheckBox, "Pretrain")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Buy").click();
    harness.run();
    assert!(legend_shows(&harness, "Pretrain"));
    assert!(!legend_shows(&harness, "Buy"));
    // The other plots show the same options.
    keys(&mut harness, Modifiers::COMMAND, Key::Num2);
    assert!(legend_shows(&harness, "Pretrain"));
    assert!(!legend_shows(&harness, "Buy"));
    export_to(&mut harness, dir.path());
    for chart in ["cost-by-volume", "cumulative-cash", "gross-margin"] {
        let svg = std::fs::read_to_string(dir.path().join(format!("{chart}.svg"))).expect("svg");
        assert!(svg.contains(PRETRAIN), "{chart}: no Pretrain line");
        assert!(svg.contains("Not drawn: Buy"), "{chart}");
        assert!(!svg.contains("#4285F4"), "{chart}: a Buy line");
    }
}

#[test]
fn another_scenario_opened_starts_from_what_it_rules_out() {
    let mut harness = legal_tech();
    harness
        .get_by_role_and_label(Role::CheckBox, "Pretrain")
        .click();
    harness.run();
    assert!(legend_shows(&harness, "Pretrain"));
    harness
        .state_mut()
        .apply(Action::Open(common::scenario_file(
            "seed001-llama3-8b-on-aws.ron",
        )));
    harness.run();
    assert_eq!(
        harness.state().scenario().name,
        "Seed case: Llama 3 8B on AWS against a $0.50 API"
    );
    assert!(!legend_shows(&harness, "Pretrain"), "ruled out there too");
}

#[test]
fn esc_closes_the_listing_of_what_was_exported() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = legal_tech();
    export_to(&mut harness, &dir.path().join("pack"));
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Exported { .. })
    ));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().dialog().is_none());
}

#[test]
fn a_workshop_export_holds_the_scenario_file_and_the_baseline_table_in_words() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("client pack");
    let mut harness = projector(example("seed001-llama3-8b-on-aws.ron"));
    click(&mut harness, "Pin as baseline");
    // The client's volume is 20 times what was assumed.
    type_into(&mut harness, "Input tokens", "14B");
    click_away(&mut harness);
    export_to(&mut harness, &folder);
    match harness.state().dialog() {
        Some(Dialog::Exported { files, .. }) => {
            assert!(files.contains(&"workshop.csv".to_owned()), "{files:?}");
        }
        _ => panic!("no listing of what was exported"),
    }

    // The scenario on screen, as a file that opens to the same scenario.
    let ron = std::fs::read_to_string(folder.join("seed001-llama3-8b-on-aws.ron"))
        .expect("the scenario file");
    let reopened = load_str(&ron).expect("it loads").scenario;
    assert_eq!(&reopened, harness.state().scenario());

    let markdown = std::fs::read_to_string(folder.join("report.md")).expect("the report");
    let html = std::fs::read_to_string(folder.join("report.html")).expect("the report");
    for report in [&markdown, &html] {
        assert!(
            report.contains(
                "The scenario file: seed001-llama3-8b-on-aws.ron. Open it in Breakeven to reproduce every figure."
            ),
            "{report}"
        );
    }
    // What changed, as the input panel names it and as people write tokens.
    assert!(markdown.contains("### Against the baseline"), "{markdown}");
    assert!(
        markdown.contains("| Workload / Input tokens | 700M tokens/month | 14B tokens/month |"),
        "{markdown}"
    );
    assert!(html.contains(
        "<tr><td>Workload / Input tokens</td><td>700M tokens/month</td><td>14B tokens/month</td></tr>"
    ));
    // The key figures of both, and the differences.
    assert!(
        markdown.contains("| Cheapest at that volume | Buy | Self-host | Buy -> Self-host |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Monthly volume | 1B tokens | 14.3B tokens | +13.3B (x14.3) |"),
        "{markdown}"
    );
    let csv = std::fs::read_to_string(folder.join("workshop.csv")).expect("the tables as CSV");
    assert!(csv.contains(
        "Against the baseline,Baseline,Now,inputs,Workload / Input tokens,700M tokens/month,14B tokens/month,"
    ));
}
