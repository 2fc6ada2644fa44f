//! The window's side of the export: File > Export into a folder and Edit > Copy Summary as
//! Markdown, through the one door ([`BreakevenApp::apply`]). A child of `window`, so it reaches
//! the document without widening its fields.

use std::path::Path;

use super::app::BreakevenApp;
use crate::error::ExportError;
use crate::export::Pack;
use crate::export::interactive::{NO_BUNDLE, WebBundle};
use crate::ui::dialogs::{Dialog, Purpose};

impl BreakevenApp {
    /// Asks for the export's folder, suggesting one beside the scenario's file.
    pub(super) fn ask_export(&mut self) {
        let text = self.doc.path().map_or_else(
            || "breakeven-export".to_owned(),
            |path| {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                path.with_file_name(format!("{stem}-export"))
                    .display()
                    .to_string()
            },
        );
        self.dialogs.open(Dialog::Path {
            purpose: Purpose::Export { read_only: false },
            text,
            then: None,
        });
    }

    /// The pack of the scenario as it is now, its charts showing the options the window's shows,
    /// its scenario file named after the saved one, with the workshop's comparisons; or a
    /// message saying why there is none.
    fn pack(&mut self, verb: &str) -> Option<Pack> {
        // The comparisons as of this scenario, even if it changed since the last frame.
        self.evaluate();
        // What the background run found for this version, when it is complete: an export never
        // waits for samples.
        let found = self
            .sampler
            .latest()
            .filter(|e| e.revision == self.figures_key() && !e.refining)
            // The pack's detail is of the first feature: another feature's samples are not its.
            .filter(|_| self.feature == 0)
            .map(|e| (*e.uncertainty).clone());
        let made = Pack::new_in(self.doc.scenario(), self.today, self.prices.catalog()).map(|p| {
            p.with_uncertainty(found)
                .showing(self.legend)
                .saved_as(self.doc.path())
                .comparing(self.workshop.comparisons())
        });
        match made {
            Ok(pack) => Some(pack),
            Err(error) => {
                let lines = match error {
                    ExportError::Invalid(problems) => problems,
                    other => vec![other.to_string()],
                };
                self.dialogs.open(Dialog::Message {
                    title: format!("Nothing {verb}: the scenario has problems"),
                    lines,
                });
                None
            }
        }
    }

    /// Writes the board-deck pack into `folder`, with `interactive.html` (`read_only` or not)
    /// when a web bundle is found, and says what was written, or why not.
    pub(super) fn export(&mut self, folder: &Path, read_only: bool) {
        let Some(pack) = self.pack("exported") else {
            return;
        };
        let bundle = WebBundle::find_in(&self.web_bundles);
        let note = bundle.is_none().then(|| NO_BUNDLE.to_owned());
        self.dialogs
            .open(match pack.with_page(bundle, read_only).write(folder) {
                Ok(files) => Dialog::Exported {
                    folder: folder.to_owned(),
                    report_url: files.first().and_then(|report| file_url(report)),
                    files: files
                        .iter()
                        .filter_map(|f| f.file_name())
                        .map(|n| n.to_string_lossy().into_owned())
                        .collect(),
                    note,
                },
                Err(error) => Dialog::Message {
                    title: "Not exported".into(),
                    lines: vec![error.to_string(), "Your scenario is unchanged.".into()],
                },
            });
    }

    /// Puts the summary on the clipboard at the end of the frame.
    pub(super) fn copy_summary(&mut self) {
        if let Some(pack) = self.pack("copied") {
            self.clipboard = Some(pack.summary());
            self.notice = Some("The summary is on the clipboard, as Markdown.".into());
        }
    }
}

/// `path` as a `file://` address a browser opens: absolute, with the characters an address
/// gives a meaning escaped. `None` when the file cannot be found any more.
fn file_url(path: &Path) -> Option<String> {
    let absolute = std::fs::canonicalize(path).ok()?;
    let text = absolute.to_string_lossy();
    // Windows: `\\?\C:\x` becomes `/C:/x`.
    let text = text
        .strip_prefix(r"\\?\")
        .unwrap_or(&text)
        .replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for c in text.chars() {
        match c {
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '%' => url.push_str("%25"),
            '?' => url.push_str("%3F"),
            other => url.push(other),
        }
    }
    Some(url)
}
