//! The window's side of File > Import usage… and a hosting group's Import benchmark…: the file
//! read and what it measured shown, then put into the scenario as one edit (Ctrl+Z takes it
//! back) when the user says so, through the one door ([`BreakevenApp::apply`]). A child of
//! `window`, so it reaches the document without widening its fields.

use std::path::Path;

use breakeven_model::benchmark::Benchmark;
use breakeven_model::usage::{self, Usage};

use super::app::{BreakevenApp, Upload, WebRequest};
use crate::action::Action;
use crate::state::own_numbers::{file_name, hosting_at, hosting_label, read_benchmark, read_usage};
use crate::ui::dialogs::{Dialog, Purpose};

impl BreakevenApp {
    /// Reads the usage export at `path` and shows what it measured, or why it cannot be read.
    pub(super) fn read_usage_file(&mut self, path: &Path) {
        self.show_usage(read_usage(path, None), &file_name(path));
    }

    /// Shows what the usage export read as `file` measured, or why it could not be read.
    pub(super) fn show_usage(&mut self, read: Result<Usage, String>, file: &str) {
        self.pending_usage = None;
        let read = match read {
            Ok(read) => read,
            Err(why) => {
                self.dialogs.message("Nothing read", vec![why]);
                return;
            }
        };
        let summary = usage::summarise(&read, self.prices.catalog());
        // The first twelve of each list: an export can have hundreds of keys and models.
        let mut lines = usage::lines(&summary, file, Some(12));
        let measured = usage::measured(&summary, file);
        if let Some(m) = &measured {
            let at = lines.len().min(1);
            lines.insert(at, format!(
                "Apply puts {}'s tokens, the cached share{} into the workload, each noted as measured.",
                m.month,
                if m.growth_percent.is_some() {
                    " and the growth month on month"
                } else {
                    ""
                }
            ));
        }
        self.pending_usage = measured;
        self.dialogs.open(Dialog::Preview {
            title: "Import usage".to_owned(),
            lines,
            apply: "Apply to the workload".to_owned(),
            then: Box::new(Action::ApplyUsage),
        });
    }

    /// Puts the workload the usage export shown measured into the scenario, as one edit.
    pub(super) fn apply_usage(&mut self) {
        let Some(measured) = self.pending_usage.take() else {
            return;
        };
        // The workload of the feature shown: a usage export is usually one feature's.
        let mut shown = self.shown_scenario();
        measured.apply_to(&mut shown);
        let mut scenario = self.doc.scenario().clone();
        scenario.put_feature(self.feature, shown);
        self.doc.edit(scenario, false);
        self.notice = Some(format!(
            "The workload{} is {}'s, as measured.",
            if self.doc.scenario().has_features() {
                format!(
                    " of {}",
                    self.doc
                        .scenario()
                        .feature_name(self.feature)
                        .unwrap_or_default()
                )
            } else {
                String::new()
            },
            measured.month
        ));
    }

    /// Asks for a benchmark of the instances at `base`: its path, or in a browser an upload.
    pub(super) fn ask_benchmark(&mut self, base: &'static str) {
        if self.place.in_browser {
            self.web_requests
                .push_back(WebRequest::Upload(Upload::Benchmark(base)));
            return;
        }
        self.dialogs.open(Dialog::Path {
            purpose: Purpose::ImportBenchmark(base),
            text: String::new(),
            then: None,
        });
    }

    /// Reads the benchmark at `path` for the instances at `base` and shows what it measured.
    pub(super) fn read_benchmark_file(&mut self, base: &'static str, path: &Path) {
        self.show_benchmark(base, read_benchmark(path, None), file_name(path));
    }

    /// Shows what the benchmark read as `file` measured of the instances at `base`, or why it
    /// could not be read.
    pub(super) fn show_benchmark(
        &mut self,
        base: &'static str,
        read: Result<Benchmark, String>,
        file: String,
    ) {
        self.pending_benchmark = None;
        match read {
            Ok(measured) => {
                let mut lines = measured.lines(&file);
                lines.push(format!(
                    "Apply makes it the throughput and reply speed of {}, noted as your benchmark.",
                    hosting_label(base)
                ));
                self.pending_benchmark = Some((base, measured, file));
                self.dialogs.open(Dialog::Preview {
                    title: "Import a benchmark".to_owned(),
                    lines,
                    apply: "Apply to the instances".to_owned(),
                    then: Box::new(Action::ApplyBenchmark),
                });
            }
            Err(why) => self.dialogs.message("Nothing read", vec![why]),
        }
    }

    /// Puts the throughput the benchmark shown measured into the scenario, as one edit.
    pub(super) fn apply_benchmark(&mut self) {
        let Some((base, measured, file)) = self.pending_benchmark.take() else {
            return;
        };
        let mut scenario = self.doc.scenario().clone();
        let Some(hosting) = hosting_at(&mut scenario, base) else {
            self.dialogs.message(
                "Nothing applied",
                vec![format!(
                    "The scenario no longer has {}: the fine-tune is not served on instances of its own.",
                    hosting_label(base)
                )],
            );
            return;
        };
        measured.apply_to(hosting, &file);
        self.doc.edit(scenario, false);
        let label = hosting_label(base);
        let mut notice = format!("{label} run at your benchmark's throughput.");
        if let Some(first) = notice.get(..1) {
            notice.replace_range(..1, &first.to_uppercase());
        }
        self.notice = Some(notice);
    }
}
