//! What an export adds to the report of one scenario, so that what a client takes home from a
//! workshop is whole: the name of the scenario file written beside the report (open it to
//! reproduce every figure), and the workshop's comparisons, a pinned baseline or another
//! scenario file, as the window's workshop panel shows them: the inputs that differ and the key
//! figures of both with their differences.

use std::fmt::Write as _;

use super::document::Document;
use super::table::Table;
use crate::compare::FigureRow;
use crate::scenario::Change;

/// One comparison of the workshop: two scenarios' inputs and key figures side by side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Its heading: `Against the baseline`, `Compared with acme-2027.ron`.
    pub title: String,
    /// A line under the heading (`Pinned from "Acme"`); empty for none.
    pub note: String,
    /// What the two sides are called in the columns: `Baseline` and `Now`.
    pub sides: [String; 2],
    /// The inputs whose values differ, the first side's value first.
    pub changes: Vec<Change>,
    /// The key figures of both; empty when the scenario on screen cannot be computed.
    pub rows: Vec<FigureRow>,
}

impl Comparison {
    /// The changed inputs as a table: each input's label, and its value on each side as people
    /// write it.
    fn changes_table(&self) -> Table {
        let mut table = Table::new(&["Input", &self.sides[0], &self.sides[1]]).left_aligned();
        for change in &self.changes {
            let [before, after] = change.written();
            let none = || "(none)".to_owned();
            table.row(vec![
                change.label(),
                before.unwrap_or_else(none),
                after.unwrap_or_else(none),
            ]);
        }
        table
    }

    /// The key figures of both sides and how the second differs from the first.
    fn figures_table(&self) -> Table {
        // Left aligned: a column holds names (Buy), scores and money, which do not line up.
        let mut table =
            Table::new(&["Figure", &self.sides[0], &self.sides[1], "Difference"]).left_aligned();
        for row in &self.rows {
            table.row(vec![
                row.label.clone(),
                row.left.clone(),
                row.right.clone(),
                row.difference.clone().unwrap_or_else(|| "same".to_owned()),
            ]);
        }
        table
    }
}

/// What an export adds to a scenario's report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Takeaway {
    /// The file name of the scenario written beside the report (`acme-insurer.ron`).
    pub scenario_file: Option<String>,
    /// The workshop's comparisons, in the order the window offers them; none outside a workshop.
    pub comparisons: Vec<Comparison>,
}

impl Takeaway {
    /// The sentence that points at the scenario file, when one is written.
    #[must_use]
    pub fn scenario_file_sentence(&self) -> Option<String> {
        self.scenario_file.as_ref().map(|file| {
            format!("The scenario file: {file}. Open it in Breakeven to reproduce every figure.")
        })
    }

    /// The workshop's tables as CSV, one line per changed input and per key figure, each saying
    /// which comparison and table it is from; `None` outside a workshop.
    #[must_use]
    pub fn csv(&self) -> Option<String> {
        if self.comparisons.is_empty() {
            return None;
        }
        let mut out =
            String::from("comparison,first,second,table,row,first_value,second_value,difference\n");
        for comparison in &self.comparisons {
            let mut line = |table: &str, cells: [&str; 4]| {
                let [row, first, second, difference] = cells;
                let fields = [
                    comparison.title.as_str(),
                    &comparison.sides[0],
                    &comparison.sides[1],
                    table,
                    row,
                    first,
                    second,
                    difference,
                ];
                let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                let _ = writeln!(out, "{}", quoted.join(","));
            };
            for change in &comparison.changes {
                let [before, after] = change.written();
                line(
                    "inputs",
                    [
                        &change.label(),
                        before.as_deref().unwrap_or(""),
                        after.as_deref().unwrap_or(""),
                        "",
                    ],
                );
            }
            for row in &comparison.rows {
                line(
                    "key figures",
                    [
                        &row.label,
                        &row.left,
                        &row.right,
                        row.difference.as_deref().unwrap_or(""),
                    ],
                );
            }
        }
        Some(out)
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180: a quote inside
/// is doubled).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The workshop's comparisons, each with what changed and the key figures of both; nothing
/// outside a workshop.
pub(super) fn section(doc: &mut Document, takeaway: &Takeaway) {
    if takeaway.comparisons.is_empty() {
        return;
    }
    doc.heading("Workshop", 2);
    for comparison in &takeaway.comparisons {
        doc.heading(&comparison.title, 3);
        if !comparison.note.is_empty() {
            doc.paragraph(&comparison.note);
        }
        match comparison.changes.len() {
            0 => doc.paragraph("No input differs."),
            n => {
                let s = if n == 1 { "" } else { "s" };
                doc.paragraph(&format!("What changed: {n} input{s}."));
                doc.table(&comparison.changes_table());
            }
        }
        if comparison.rows.is_empty() {
            doc.paragraph("The key figures could not be compared: the scenario has problems.");
        } else {
            let differing = comparison.rows.iter().filter(|r| r.differs()).count();
            doc.paragraph(&format!(
                "Key figures: {differing} of {} differ.",
                comparison.rows.len()
            ));
            doc.table(&comparison.figures_table());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::Style;

    fn baseline() -> Takeaway {
        Takeaway {
            scenario_file: Some("acme-insurer.ron".to_owned()),
            comparisons: vec![Comparison {
                title: "Against the baseline".to_owned(),
                note: "Pinned from \"Acme\".".to_owned(),
                sides: ["Baseline".to_owned(), "Now".to_owned()],
                changes: vec![Change {
                    path: "workload.volume.input_tokens_per_month".to_owned(),
                    before: Some("4000000000".to_owned()),
                    after: Some("4800000000.0".to_owned()),
                }],
                rows: vec![FigureRow {
                    label: "Buy: monthly cost".to_owned(),
                    left: "$1,000.00".to_owned(),
                    right: "$1,200.00".to_owned(),
                    difference: Some("+$200.00 (+20.0%)".to_owned()),
                }],
            }],
        }
    }

    #[test]
    fn the_workshop_section_lists_each_change_in_words_and_the_figures_of_both() {
        let mut doc = Document::new(Style::Markdown);
        section(&mut doc, &baseline());
        let text = doc.out;
        assert!(text.contains("## Workshop"), "{text}");
        assert!(text.contains("### Against the baseline"), "{text}");
        assert!(
            text.contains("| Workload / Input tokens | 4B tokens/month | 4.8B tokens/month |"),
            "{text}"
        );
        assert!(
            text.contains("| Buy: monthly cost | $1,000.00 | $1,200.00 | +$200.00 (+20.0%) |"),
            "{text}"
        );
        let mut doc = Document::new(Style::Markdown);
        section(&mut doc, &Takeaway::default());
        assert!(doc.out.is_empty(), "no workshop, no section");
    }

    #[test]
    fn the_csv_quotes_fields_with_commas() {
        let csv = baseline().csv().unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("comparison,first,second,table,row,first_value,second_value,difference")
        );
        assert_eq!(
            lines.next(),
            Some(
                "Against the baseline,Baseline,Now,inputs,Workload / Input tokens,4B tokens/month,4.8B tokens/month,"
            )
        );
        assert_eq!(
            lines.next(),
            Some(
                "Against the baseline,Baseline,Now,key figures,Buy: monthly cost,\"$1,000.00\",\"$1,200.00\",+$200.00 (+20.0%)"
            )
        );
        assert_eq!(Takeaway::default().csv(), None);
        assert_eq!(csv_field("say \"hi\", twice"), "\"say \"\"hi\"\", twice\"");
    }
}
