//! A text, Markdown or HTML document, written section by section.

use std::fmt::Write as _;

use super::table::Table;
use super::text::escape;

/// How a document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Aligned plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML fragment (the body of the export's report).
    Html,
}

/// Text, Markdown or HTML, written section by section.
pub struct Document {
    /// The text so far.
    pub out: String,
    /// How it is written.
    pub style: Style,
}

impl Document {
    /// An empty document.
    pub const fn new(style: Style) -> Self {
        Self {
            out: String::new(),
            style,
        }
    }

    /// A heading: level 1 is the title.
    pub fn heading(&mut self, text: &str, level: usize) {
        match self.style {
            Style::Markdown => {
                let _ = writeln!(self.out, "{} {text}\n", "#".repeat(level));
            }
            Style::Text => {
                let rule = if level == 1 { "=" } else { "-" };
                let _ = writeln!(self.out, "{text}\n{}\n", rule.repeat(text.chars().count()));
            }
            Style::Html => {
                let _ = writeln!(self.out, "<h{level}>{}</h{level}>", escape(text));
            }
        }
    }

    /// A table, aligned, in Markdown or in HTML.
    pub fn table(&mut self, table: &Table) {
        self.out.push_str(&match self.style {
            Style::Text => table.text(),
            Style::Markdown => table.markdown(),
            Style::Html => table.html(),
        });
        self.out.push('\n');
    }

    /// A paragraph.
    pub fn paragraph(&mut self, text: &str) {
        if self.style == Style::Html {
            let _ = writeln!(self.out, "<p>{}</p>", escape(text));
        } else {
            let _ = writeln!(self.out, "{text}\n");
        }
    }

    /// A bulleted list, then a blank line.
    pub fn bullets<I: IntoIterator<Item = String>>(&mut self, items: I) {
        if self.style == Style::Html {
            self.out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(self.out, "<li>{}</li>", escape(&item));
            }
            self.out.push_str("</ul>\n");
        } else {
            for item in items {
                let _ = writeln!(self.out, "- {item}");
            }
            self.out.push('\n');
        }
    }
}
