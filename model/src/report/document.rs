//! A text or Markdown document, written section by section.

use std::fmt::Write as _;

use super::table::Table;

/// Text or Markdown, written section by section.
pub struct Document {
    /// The text so far.
    pub out: String,
    /// Markdown rather than plain text.
    pub markdown: bool,
}

impl Document {
    /// A heading: level 1 is the title.
    pub fn heading(&mut self, text: &str, level: usize) {
        if self.markdown {
            let _ = writeln!(self.out, "{} {text}\n", "#".repeat(level));
        } else {
            let rule = if level == 1 { "=" } else { "-" };
            let _ = writeln!(self.out, "{text}\n{}\n", rule.repeat(text.chars().count()));
        }
    }

    /// A table, aligned or in Markdown.
    pub fn table(&mut self, table: &Table) {
        self.out.push_str(&if self.markdown {
            table.markdown()
        } else {
            table.text()
        });
        self.out.push('\n');
    }

    /// A paragraph.
    pub fn paragraph(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}\n");
    }

    /// A bulleted list, then a blank line.
    pub fn bullets<I: IntoIterator<Item = String>>(&mut self, items: I) {
        for item in items {
            let _ = writeln!(self.out, "- {item}");
        }
        self.out.push('\n');
    }
}
