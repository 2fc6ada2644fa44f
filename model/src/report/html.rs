//! The board-deck report as one self-contained HTML file: the board summary, the recommendation
//! and why, the key figures, the charts (inline SVG, drawn by the caller), the sensitivity table,
//! every warning and an appendix of every input with its source. Figures are written by the same
//! functions as the text and Markdown reports, to the cent, as `report --format json` has them.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::Contents;
use super::board;
use super::document::{Document, Style};
use super::outcome::{break_even_section, cautions_section, costs_section, key_figures};
use super::recommendation;
use super::table::Table;
use super::takeaway::{self, Takeaway};
use super::text::{escape, tokens};
use crate::catalog::{Catalog, picks};
use crate::format::tokens_short;
use crate::scenario::{Scenario, inputs};

/// A chart to show in the report, already drawn as SVG.
#[derive(Clone, Debug)]
pub struct Figure {
    /// What it shows (`Monthly cost against monthly volume`); the drawing carries it too.
    pub title: String,
    /// One sentence on how to read it.
    pub caption: String,
    /// The drawing, a whole `<svg>` element.
    pub svg: String,
}

/// What the report is about and when it was made.
pub struct HtmlReport<'a> {
    /// The scenario, its figures, decision, cautions and board summary.
    pub contents: Contents<'a>,
    /// The catalog its picks came from, for their as-of dates.
    pub catalog: &'a Catalog,
    /// The day of the export, printed under the title.
    pub today: NaiveDate,
    /// The charts, in order.
    pub figures: &'a [Figure],
    /// The scenario file beside the report and the workshop's comparisons, when exported.
    pub takeaway: &'a Takeaway,
}

const STYLE: &str = "
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #1d1d1f;
  max-width: 66rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
.meta { color: #555; margin-top: 0; }
dl.board { display: grid; grid-template-columns: max-content 1fr; gap: 0.55rem 1.4rem;
  margin: 1rem 0 1.2rem; padding: 1.1rem 1.4rem; background: #f3f6fb;
  border-left: 8px solid #4285f4; font-size: 1.3rem; line-height: 1.3; }
dl.board dt { color: #555; font-size: 1.05rem; padding-top: 0.2rem; }
dl.board dd { margin: 0; }
dl.board dd.decision { font-size: 1.75rem; font-weight: bold; }
details summary { cursor: pointer; color: #444; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
#key-figures td:first-child, #costs td:first-child { white-space: nowrap; }
figure { margin: 1rem 0 1.5rem; }
figure svg { width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { color: #444; font-size: 0.9rem; }
footer { margin-top: 3rem; color: #666; font-size: 0.85rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  table, figure, dl.board { break-inside: avoid; }
  section#charts figure { break-before: auto; }
}
";

/// The whole HTML document.
#[must_use]
pub fn html(report: &HtmlReport<'_>) -> String {
    let Contents {
        scenario,
        outcome,
        decision,
        cautions,
        board,
        uncertainty,
        portfolio,
    } = report.contents;
    let rec = &decision.recommendation;
    let mut doc = Document::new(Style::Html);
    let title = escape(&scenario.heading());
    let _ = write!(
        doc.out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}: Breakeven report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    doc.heading(&scenario.heading(), 1);
    features_first(&mut doc, report);
    // The slide first: what a board reads before anything else.
    section(&mut doc, "board-summary", |doc| {
        board::section(doc, board, false);
    });
    let _ = writeln!(
        doc.out,
        "<p class=\"meta\">Breakeven report, exported {}. Scenario last reviewed {}. Volume {} a month ({} in, {} out).</p>",
        report.today,
        scenario.last_reviewed,
        escape(&tokens(outcome.volume)),
        tokens_short(outcome.traffic.input),
        tokens_short(outcome.traffic.output),
    );
    if let Some(sentence) = report.takeaway.scenario_file_sentence() {
        let _ = writeln!(doc.out, "<p class=\"meta\">{}</p>", escape(&sentence));
    }
    section(&mut doc, "notes", |doc| {
        if !scenario.notes.is_empty() {
            doc.heading("Notes", 2);
            doc.paragraph(&scenario.notes);
        }
    });
    section(&mut doc, "recommendation", |doc| {
        recommendation::section(doc, rec);
    });
    if let Some(portfolio) = portfolio.filter(|p| p.features.len() == 1) {
        section(&mut doc, "roadmap", |doc| {
            super::features::section(doc, portfolio);
            roadmap_figure(doc, report.figures);
        });
    }
    section(&mut doc, "key-figures", |doc| {
        key_figures(doc, outcome);
    });
    section(&mut doc, "workshop", |doc| {
        takeaway::section(doc, report.takeaway);
    });
    section(&mut doc, "instances", |doc| {
        super::sizing::section(doc, outcome);
    });
    section(&mut doc, "reply-times", |doc| {
        super::latency::section(doc, scenario, outcome);
    });
    if let Some(uncertainty) = uncertainty {
        section(&mut doc, "how-sure", |doc| {
            super::how_sure::section(doc, uncertainty);
            if !uncertainty.drivers.is_empty() {
                let _ = writeln!(
                    doc.out,
                    "<figure aria-label=\"What the answer hangs on\">\n{}\n</figure>",
                    super::how_sure::tornado_svg(uncertainty)
                );
            }
        });
    }
    section(&mut doc, "break-even", |doc| {
        break_even_section(doc, outcome);
    });
    section(&mut doc, "charts", |doc| charts(doc, report.figures));
    section(&mut doc, "sensitivity", |doc| {
        recommendation::sensitivity_section(doc, outcome, &decision.sensitivity);
    });
    section(&mut doc, "costs", |doc| {
        costs_section(doc, outcome);
    });
    section(&mut doc, "matrix", |doc| {
        recommendation::matrix_section(doc, &decision.matrix, rec.phase);
    });
    section(&mut doc, "warnings", |doc| {
        cautions_section(doc, cautions);
    });
    section(&mut doc, "assumptions", |doc| {
        assumptions(doc, scenario, report.catalog);
    });
    let _ = writeln!(
        doc.out,
        "<footer>Made with Breakeven {}. Every figure here is in <code>breakeven report FILE --format json</code>, to the cent.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    doc.out
}

/// With several features, what a board reads first: the features, the mix and the roadmap,
/// before the first feature's own figures.
fn features_first(doc: &mut Document, report: &HtmlReport<'_>) {
    let Some(portfolio) = report.contents.portfolio.filter(|p| p.features.len() > 1) else {
        return;
    };
    section(doc, "features", |doc| {
        super::features::section(doc, portfolio);
        roadmap_figure(doc, report.figures);
        doc.paragraph(&format!(
            "The rest of this report is of the first feature, {}, alone.",
            report.contents.scenario.feature_name(0).unwrap_or_default()
        ));
    });
}

fn section(doc: &mut Document, id: &str, body: impl FnOnce(&mut Document)) {
    let start = doc.out.len();
    let _ = writeln!(doc.out, "<section id=\"{id}\">");
    let open = doc.out.len();
    body(doc);
    if doc.out.len() == open {
        // Nothing to say (no warnings, say): no empty section.
        doc.out.truncate(start);
    } else {
        doc.out.push_str("</section>\n");
    }
}

/// The title the export gives the roadmap's timeline: drawn beside the roadmap, not among the
/// charts.
pub const ROADMAP_TITLE: &str = "Roadmap: the phase of each feature by month";

/// The title the export gives the bars of the API bill by feature: drawn beside the features'
/// table, not among the charts.
pub const PARETO_TITLE: &str = "The API bill by feature";

fn roadmap_figure(doc: &mut Document, figures: &[Figure]) {
    for figure in figures
        .iter()
        .filter(|f| f.title == ROADMAP_TITLE || f.title == PARETO_TITLE)
    {
        figure_html(doc, figure);
    }
}

fn charts(doc: &mut Document, figures: &[Figure]) {
    let figures: Vec<&Figure> = figures
        .iter()
        .filter(|f| f.title != ROADMAP_TITLE && f.title != PARETO_TITLE)
        .collect();
    if figures.is_empty() {
        return;
    }
    doc.heading("Charts", 2);
    for figure in figures {
        figure_html(doc, figure);
    }
}

/// A chart drawn inline, named for screen readers, with its caption.
fn figure_html(doc: &mut Document, figure: &Figure) {
    let _ = writeln!(
        doc.out,
        "<figure aria-label=\"{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>",
        escape(&figure.title),
        figure.svg,
        escape(&figure.caption)
    );
}

/// Every input with its value as saved and its source note, then the catalog entries picked,
/// with the month their figures were read.
fn assumptions(doc: &mut Document, scenario: &Scenario, catalog: &Catalog) {
    doc.heading("Assumptions", 2);
    doc.paragraph("Every input of the scenario, as saved in its file, and where it comes from.");
    let all = inputs(scenario);
    let unconfirmed = all.iter().filter(|i| i.to_confirm).count();
    if unconfirmed > 0 {
        doc.paragraph(&format!(
            "{unconfirmed} of these are starting assumptions nobody has confirmed yet, marked \
             \"to confirm\": check them before relying on the figures."
        ));
    }
    let mut table = Table::new(&["Input", "Value", "Source"]).left_aligned();
    for input in all {
        let source = input
            .source
            .clone()
            .unwrap_or_else(|| "not given".to_owned());
        table.row(vec![
            input.label(),
            input.value.clone(),
            if input.to_confirm {
                format!("to confirm; {source}")
            } else {
                source
            },
        ]);
    }
    doc.table(&table);
    let picked = picks(scenario, catalog);
    if !picked.is_empty() {
        doc.heading("Catalog figures used", 3);
        let mut table = Table::new(&["Figures", "As of", "Source"]).left_aligned();
        for pick in picked {
            table.row(vec![pick.what, pick.as_of.to_string(), pick.source]);
        }
        doc.table(&table);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_name_or_note_with_markup_is_shown_as_text_not_run() {
        let mut scenario = Scenario::embedded_default();
        scenario.name = "Client <A> & \"B\"".to_owned();
        scenario.notes = "<script>alert(1)</script>".to_owned();
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let page = crate::evaluate(&scenario, today).unwrap().html(&[]);
        assert!(page.contains("<h1>Client &lt;A&gt; &amp; &quot;B&quot;</h1>"));
        assert!(
            page.contains("<title>Client &lt;A&gt; &amp; &quot;B&quot;: Breakeven report</title>")
        );
        assert!(!page.contains("<script>"));
        assert!(
            !page.contains("id=\"charts\""),
            "no charts, no empty section"
        );
    }
}
