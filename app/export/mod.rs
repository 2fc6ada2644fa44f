//! The board-deck pack: the HTML report, the board summary and each chart as a 16:9 PNG and as
//! SVG, the month-by-month CSV, the JSON and Markdown reports, and the scenario file itself,
//! written into one folder; from a workshop, its comparisons too (in the reports and as a CSV).
//! Used by File > Export and by `breakeven export FILE --out DIR`; it needs no display.

pub mod base64;
pub mod charts;
pub mod interactive;
pub mod scenario_file;
pub mod summary;

use std::path::{Path, PathBuf};

use breakeven_model::engine::ShownChoices;
use breakeven_model::report::{Comparison, Figure, Format, Takeaway};
use breakeven_model::scenario::{Scenario, to_ron_string};
use breakeven_model::{EvaluateError, Evaluation, evaluate_in};
use chrono::NaiveDate;

pub use charts::{Chart, SLIDE};
pub use summary::Slide;

use crate::error::ExportError;
use crate::state::files::write_atomically;

/// What the pack is made from: a scenario's evaluation, with its figures and recommendation, and
/// what the export adds to its reports (the scenario file's name, a workshop's comparisons).
pub struct Pack {
    evaluation: Evaluation,
    takeaway: Takeaway,
    /// The name the scenario is written under in the folder.
    scenario_file: String,
    /// The app for the browser and whether its page is read-only, when `interactive.html` is
    /// to be written.
    page: Option<(interactive::WebBundle, bool)>,
}

impl Pack {
    /// Evaluates `scenario` as of `today`. An invalid scenario is refused with every problem.
    pub fn new(scenario: &Scenario, today: NaiveDate) -> Result<Self, ExportError> {
        Self::new_in(scenario, today, breakeven_model::Catalog::embedded())
    }

    /// As [`Pack::new`], its catalog picks checked against `catalog` (the user's, imported
    /// prices and all), as the window checks them.
    pub fn new_in(
        scenario: &Scenario,
        today: NaiveDate,
        catalog: &breakeven_model::Catalog,
    ) -> Result<Self, ExportError> {
        let evaluation = evaluate_in(scenario, today, catalog).map_err(|error| match error {
            EvaluateError::Invalid(_) => ExportError::Invalid(error.sentences()),
            EvaluateError::Compute(error) => ExportError::Compute(error.to_string()),
        })?;
        let scenario_file = scenario_file::file_name(None, &scenario.name);
        Ok(Self {
            evaluation,
            takeaway: Takeaway {
                scenario_file: Some(scenario_file.clone()),
                comparisons: Vec::new(),
            },
            scenario_file,
            page: None,
        })
    }

    /// The pack with `interactive.html` too, the window in one file, when `bundle` is the app
    /// built for the browser; its inputs locked when `read_only`.
    #[must_use]
    pub fn with_page(mut self, bundle: Option<interactive::WebBundle>, read_only: bool) -> Self {
        self.page = bundle.map(|b| (b, read_only));
        self
    }

    /// The pack with the inputs given as ranges sampled `samples` times with `seed`: the reports
    /// gain their How sure section and the pack a `how-sure.csv`. Nothing changes when no input
    /// has a range.
    pub fn sampled(mut self, samples: u32, seed: u64) -> Result<Self, ExportError> {
        self.evaluation
            .sample(samples, seed)
            .map_err(|error| ExportError::Compute(error.to_string()))?;
        Ok(self)
    }

    /// The pack with what a run in the background already found for this scenario.
    #[must_use]
    pub fn with_uncertainty(
        mut self,
        found: Option<breakeven_model::uncertainty::Uncertainty>,
    ) -> Self {
        if let Some(found) = found {
            self.evaluation.set_uncertainty(found);
        }
        self
    }

    /// The pack with the scenario written under the name of the file it was saved as, when it
    /// was (`None` keeps a name made from the scenario's).
    #[must_use]
    pub fn saved_as(mut self, path: Option<&Path>) -> Self {
        if path.is_some() {
            self.scenario_file = scenario_file::file_name(path, &self.evaluation.scenario().name);
            self.takeaway.scenario_file = Some(self.scenario_file.clone());
        }
        self
    }

    /// The pack with a workshop's comparisons (a baseline, another scenario file) in its reports
    /// and in `workshop.csv`.
    #[must_use]
    pub fn comparing(mut self, comparisons: Vec<Comparison>) -> Self {
        self.takeaway.comparisons = comparisons;
        self
    }

    /// The pack with its charts showing `choices` (the window's legends) over the default, which
    /// leaves out the options the recommendation ruled out.
    #[must_use]
    pub fn showing(mut self, choices: ShownChoices) -> Self {
        let shown = choices.over(self.evaluation.shown_by_default());
        self.evaluation.show(shown);
        self
    }

    /// The charts this scenario has (no margin without revenue).
    fn charts(&self) -> impl Iterator<Item = Chart> + '_ {
        Chart::ALL
            .into_iter()
            .filter(|c| c.applies(&self.evaluation))
    }

    /// Each chart this scenario has, as SVG drawn for a 16:9 slide; the same drawing scales to
    /// the HTML report's page.
    fn svgs(&self) -> Result<Vec<(Chart, String)>, ExportError> {
        self.charts()
            .map(|chart| Ok((chart, chart.svg(&self.evaluation, SLIDE)?)))
            .collect()
    }

    /// The HTML report, charts inline.
    pub fn html(&self) -> Result<String, ExportError> {
        Ok(self.html_with(&self.svgs()?))
    }

    fn html_with(&self, svgs: &[(Chart, String)]) -> String {
        let figures: Vec<Figure> = svgs
            .iter()
            .map(|(chart, svg)| Figure {
                title: chart.title().to_owned(),
                caption: chart.caption().to_owned(),
                svg: svg.clone(),
            })
            .collect();
        self.evaluation.html_with(&figures, &self.takeaway)
    }

    /// The report in `format`, as `breakeven report` prints it, with the scenario file and the
    /// workshop's comparisons in the text and Markdown reports.
    #[must_use]
    pub fn render(&self, format: Format) -> String {
        self.evaluation.render_with(format, &self.takeaway)
    }

    /// The board summary, then the recommendation, the key figures and every warning as
    /// Markdown, for pasting into a document.
    #[must_use]
    pub fn summary(&self) -> String {
        self.evaluation.summary()
    }

    /// The board summary as a slide, with the day of the export and how many warnings the
    /// report lists in its small print.
    #[must_use]
    pub fn slide(&self) -> Slide<'_> {
        let cautions = &self.evaluation.cautions;
        let count = cautions.shown.len().saturating_add(cautions.left_out.len());
        let warnings = match count {
            0 => String::new(),
            1 => " · 1 warning in the report".to_owned(),
            n => format!(" · {n} warnings in the report"),
        };
        Slide {
            board: &self.evaluation.board,
            footer: format!(
                "Breakeven, {}{warnings} · every figure in report.json, to the cent",
                self.evaluation.today()
            ),
        }
    }

    /// Writes every file of the pack into `dir`, creating it if needed, and returns their paths.
    /// Each file is written whole or not at all.
    pub fn write(&self, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
        std::fs::create_dir_all(dir).map_err(|e| ExportError::Write {
            path: dir.to_owned(),
            reason: e.to_string(),
        })?;
        let mut written = Vec::new();
        let mut put = |name: &str, bytes: &[u8]| -> Result<(), ExportError> {
            let path = dir.join(name);
            write_atomically(&path, bytes).map_err(|e| ExportError::Write {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            written.push(path);
            Ok(())
        };
        let svgs = self.svgs()?;
        put("report.html", self.html_with(&svgs).as_bytes())?;
        let slide = self.slide();
        put("board-summary.png", &slide.png(SLIDE)?)?;
        put("board-summary.svg", slide.svg(SLIDE)?.as_bytes())?;
        for (chart, svg) in &svgs {
            put(&format!("{}.svg", chart.stem()), svg.as_bytes())?;
            let png = chart.png(&self.evaluation, SLIDE)?;
            put(&format!("{}.png", chart.stem()), &png)?;
        }
        put(
            "months.csv",
            breakeven_model::report::months_csv(&self.evaluation.outcome).as_bytes(),
        )?;
        if let Some(found) = self.evaluation.uncertainty() {
            put(
                "how-sure.csv",
                breakeven_model::report::how_sure::csv(found).as_bytes(),
            )?;
        }
        put("report.json", self.render(Format::Json).as_bytes())?;
        put("report.md", self.render(Format::Markdown).as_bytes())?;
        if let Some(csv) = self.takeaway.csv() {
            put("workshop.csv", csv.as_bytes())?;
        }
        let ron = to_ron_string(self.evaluation.scenario()).map_err(|e| ExportError::Write {
            path: dir.join(&self.scenario_file),
            reason: e.to_string(),
        })?;
        put(&self.scenario_file, ron.as_bytes())?;
        if let Some((bundle, read_only)) = &self.page {
            let page = interactive::page(
                bundle,
                &ron,
                &self.evaluation.scenario().heading(),
                self.evaluation.today(),
                *read_only,
            );
            put(interactive::INTERACTIVE_FILE, page.as_bytes())?;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use breakeven_model::Sourced;
    use breakeven_model::engine::Phase;
    use breakeven_model::scenario::Volume;
    use breakeven_model::units::{Percent, TokensPerMonth, UsdPerMillionTokens};
    use rust_decimal::Decimal;
    use rust_decimal::dec;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn tokens(scenario: &mut Scenario, each: Decimal) {
        scenario.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(each)),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(each)),
        };
    }

    /// Every chart of `scenario` draws, as SVG and as a small PNG, and the report is whole;
    /// false when the figures are too large to hold and the export is refused with a message.
    fn draws(scenario: &Scenario) -> bool {
        let pack = match Pack::new(scenario, today()) {
            Ok(pack) => pack,
            Err(ExportError::Compute(_)) => return false,
            Err(other) => panic!("{other}"),
        };
        // As exported by default, and with every option shown, ruled out or not.
        let every = Phase::ALL
            .into_iter()
            .fold(ShownChoices::default(), |mut c, p| {
                c.choose(p, true);
                c
            });
        let all = Pack::new(scenario, today()).unwrap().showing(every);
        for pack in [&pack, &all] {
            for chart in pack.charts() {
                let svg = chart.svg(&pack.evaluation, SLIDE).unwrap();
                assert!(
                    svg.ends_with("</svg>\n") || svg.ends_with("</svg>"),
                    "{chart:?}"
                );
                let png = chart.png(&pack.evaluation, (320, 180)).unwrap();
                assert!(png.starts_with(b"\x89PNG"));
            }
        }
        assert!(pack.html().unwrap().ends_with("</html>\n"));
        true
    }

    #[test]
    fn charts_draw_at_the_edges_of_what_a_scenario_may_hold() {
        let base = Scenario::embedded_default();
        let mut zero_volume = base.clone();
        tokens(&mut zero_volume, Decimal::ZERO);
        assert!(draws(&zero_volume));

        let mut free = base.clone();
        free.buy.input_usd_per_1m = Sourced::bare(UsdPerMillionTokens::new(Decimal::ZERO));
        free.buy.output_usd_per_1m = Sourced::bare(UsdPerMillionTokens::new(Decimal::ZERO));
        free.buy.cached_input_usd_per_1m = Sourced::bare(UsdPerMillionTokens::new(Decimal::ZERO));
        assert!(draws(&free));

        let mut huge = base.clone();
        tokens(&mut huge, dec!(5_000_000_000_000_000));
        huge.workload.growth_percent_per_month = Sourced::bare(Percent::new(dec!(100)));
        huge.horizon.months.value = 120;
        let _ = draws(&huge);

        let mut one_month = base;
        one_month.horizon.months.value = 1;
        assert!(draws(&one_month));
    }

    /// Whether the legend of `svg` names `label`.
    fn names(svg: &str, label: &str) -> bool {
        svg.contains(&format!(">{label}<")) || svg.contains(&format!(">\n{label}\n<"))
    }

    #[test]
    fn a_ruled_out_option_is_left_out_of_every_chart_unless_shown() {
        let text = include_str!("../../scenarios/seed000-legal-tech.ron");
        let scenario = breakeven_model::scenario::from_ron_str(text).unwrap();
        let pack = Pack::new(&scenario, today()).unwrap();
        assert!(
            pack.evaluation
                .recommendation
                .ruled_out(Phase::Pretrain)
                .is_some()
        );
        let pretrain_colour = "#C846A0";
        for chart in pack.charts().filter(|c| c.draws_options()) {
            let svg = chart.svg(&pack.evaluation, SLIDE).unwrap();
            assert!(names(&svg, "Buy"), "{chart:?}");
            assert!(!names(&svg, "Pretrain"), "{chart:?}");
            assert!(!svg.contains(pretrain_colour), "{chart:?}");
        }
        let mut choices = ShownChoices::default();
        choices.choose(Phase::Pretrain, true);
        choices.choose(Phase::Buy, false);
        let pack = pack.showing(choices);
        for chart in pack.charts().filter(|c| c.draws_options()) {
            let svg = chart.svg(&pack.evaluation, SLIDE).unwrap();
            assert!(names(&svg, "Pretrain"), "{chart:?}");
            assert!(svg.contains(pretrain_colour), "{chart:?}");
            assert!(!names(&svg, "Buy"), "{chart:?}");
        }
    }

    #[test]
    fn the_board_summary_slide_is_drawn_full_hd_for_every_example() {
        use breakeven_model::scenario::from_ron_str;
        for (name, text) in crate::state::examples::EXAMPLES {
            let pack = Pack::new(&from_ron_str(text).unwrap(), today()).unwrap();
            let png = pack.slide().png(SLIDE).unwrap();
            let mut reader = png::Decoder::new(std::io::Cursor::new(png))
                .read_info()
                .unwrap();
            let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
            let frame = reader.next_frame(&mut pixels).unwrap();
            assert_eq!((frame.width, frame.height), SLIDE, "{name}");
            // Drawn on: the white page holds coloured and dark pixels (the decision, the text).
            let pixels = &pixels[..frame.buffer_size()];
            let dark = pixels
                .chunks(3)
                .filter(|p| p.iter().all(|c| *c < 100))
                .count();
            let coloured = pixels
                .chunks(3)
                .filter(|p| p.iter().max().unwrap() - p.iter().min().unwrap() > 80)
                .count();
            assert!(dark > 20_000, "{name}: {dark} dark pixels");
            assert!(coloured > 20_000, "{name}: {coloured} coloured pixels");
            let svg = pack.slide().svg(SLIDE).unwrap();
            let parsed = roxmltree::Document::parse(&svg).unwrap();
            let words: Vec<&str> = parsed
                .descendants()
                .filter_map(|n| n.has_tag_name("text").then(|| n.text()).flatten())
                .collect();
            let words = words.join(" ");
            for line in pack.evaluation.board.lines().iter().skip(1) {
                assert!(words.contains(line.label), "{name}: {}", line.label);
            }
        }
    }

    #[test]
    fn every_example_exports_as_it_is_and_after_each_what_if() {
        use breakeven_model::scenario::{WhatIf, from_ron_str};
        for (name, text) in crate::state::examples::EXAMPLES {
            let scenario = from_ron_str(text).unwrap();
            assert!(draws(&scenario), "{name}");
            for what_if in WhatIf::ALL {
                if let Ok(changed) = what_if.apply(&scenario) {
                    assert!(draws(&changed), "{name} with {}", what_if.label());
                }
            }
        }
    }
}
