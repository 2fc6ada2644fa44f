//! A small table written as aligned text, Markdown or HTML.

use std::fmt::Write as _;

use super::text::escape;

/// Rows of cells under headers.
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    align_numbers: bool,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&str]) -> Self {
        Self {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            align_numbers: true,
        }
    }

    /// Aligns every column on the left, numbers too: for tables of prose.
    pub fn left_aligned(mut self) -> Self {
        self.align_numbers = false;
        self
    }

    /// Adds a row; missing cells are blank.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.chars().count());
                }
            }
        }
        widths
    }

    /// Columns padded to line up; numbers (cells starting with a digit, `$` or `-$`) on the right.
    pub fn text(&self) -> String {
        let widths = self.widths();
        let mut out = String::new();
        let line = |out: &mut String, cells: &[String]| {
            let mut text = String::new();
            for (i, width) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                let numeric = self.is_number(cell);
                if i > 0 {
                    text.push_str("  ");
                }
                if numeric {
                    let _ = write!(text, "{cell:>width$}");
                } else {
                    let _ = write!(text, "{cell:<width$}");
                }
            }
            let _ = writeln!(out, "{}", text.trim_end());
        };
        line(&mut out, &self.headers);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&mut out, &rule);
        for row in &self.rows {
            line(&mut out, row);
        }
        out
    }

    fn is_number(&self, cell: &str) -> bool {
        self.align_numbers
            && cell
                .trim_start_matches('-')
                .starts_with(|c: char| c.is_ascii_digit() || c == '$')
    }

    /// An HTML table; number cells carry the class `num` so they line up on the right.
    pub fn html(&self) -> String {
        let mut out = String::from("<table>\n<thead><tr>");
        for header in &self.headers {
            let _ = write!(out, "<th>{}</th>", escape(header));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for i in 0..self.headers.len() {
                let cell = row.get(i).map_or("", String::as_str);
                let class = if self.is_number(cell) {
                    " class=\"num\""
                } else {
                    ""
                };
                let _ = write!(out, "<td{class}>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }

    /// A Markdown table; pipes in cells are escaped.
    pub fn markdown(&self) -> String {
        let escape = |cell: &str| cell.replace('|', "\\|");
        let mut out = String::new();
        let _ = writeln!(
            out,
            "| {} |",
            self.headers
                .iter()
                .map(|h| escape(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(
            out,
            "|{}|",
            self.headers
                .iter()
                .map(|_| "---")
                .collect::<Vec<_>>()
                .join("|")
        );
        for row in &self.rows {
            let cells: Vec<String> = (0..self.headers.len())
                .map(|i| escape(row.get(i).map_or("", String::as_str)))
                .collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out
    }
}
