//! The recommendation, the sensitivity table and the decision matrix, as text or Markdown.

use super::document::Document;
use super::table::Table;
use super::text::percent;
use crate::decision::{Effect, Gate, MatrixRow, Reason, Recommendation, SensitivityRow};
use crate::engine::Outcome;
use crate::format::{fixed, usd_cents};
use crate::phase::Phase;

/// A sentence with its article and, in brackets, the input, its value and the threshold.
fn cited(
    text: &str,
    source: Option<&String>,
    input: &str,
    value: &str,
    threshold: Option<&String>,
) -> String {
    let source = source.map(|s| format!(" (\"{s}\")")).unwrap_or_default();
    let threshold = threshold
        .map(|t| format!("; threshold {t}"))
        .unwrap_or_default();
    format!("{text}{source} [{input}: {value}{threshold}]")
}

fn reason_line(r: &Reason) -> String {
    cited(
        &r.text,
        r.source.as_ref(),
        &r.input,
        &r.value,
        r.threshold.as_ref(),
    )
}

fn gate_line(g: &Gate) -> String {
    let effect = g.effect_word();
    let line = cited(
        &g.text,
        g.source.as_ref(),
        &g.input,
        &g.value,
        g.threshold.as_ref(),
    );
    format!("{} {effect}: {line}", g.phase.label())
}

/// The recommended phase, how firm it is, and why: the gates apart from the weighed reasons.
pub fn section(doc: &mut Document, rec: &Recommendation) {
    doc.heading(&format!("Recommendation: {}", rec.phase.label()), 2);
    let scores: Vec<String> = Phase::ALL
        .iter()
        .map(|p| match rec.ruled_out(*p) {
            Some(g) => format!("{} {}", p.label(), g.effect_word()),
            None => format!("{} {:+}", p.label(), rec.scores[p.index()]),
        })
        .collect();
    if let Some(headline) = &rec.headline {
        doc.paragraph(headline);
    }
    let basis = if rec.settled_by_gates() {
        "settled by the gates below".to_owned()
    } else {
        "the margin of points over the next option, m/(m+2), less a fifth where a volume or spend is within \
         1.5x of flipping the costs"
            .to_owned()
    };
    doc.paragraph(&format!(
        "Confidence {} ({}): {basis}. Scores of the weighed reasons, points for less points against: {}.",
        fixed(rec.confidence, 2),
        rec.confidence_label,
        scores.join(", ")
    ));
    if !rec.gates.is_empty() {
        doc.paragraph("Settled first, in this order, whatever the costs:");
        doc.bullets(rec.gates.iter().map(gate_line));
    }
    if !rec.reasons.is_empty() {
        doc.paragraph("Weighed:");
    }
    for phase in Phase::ALL {
        for against in [false, true] {
            let reasons: Vec<String> = rec
                .reasons
                .iter()
                .filter(|r| r.for_phase == phase && r.against == against)
                .map(reason_line)
                .collect();
            if !reasons.is_empty() {
                let word = if against { "Against" } else { "For" };
                doc.paragraph(&format!("{word} {}:", phase.label()));
                doc.bullets(reasons);
            }
        }
    }
    if !rec.what_would_change.is_empty() {
        doc.paragraph("What would change it:");
        doc.bullets(rec.what_would_change.iter().cloned());
    }
    if !rec.next_steps.is_empty() {
        doc.paragraph("Next steps:");
        doc.bullets(rec.next_steps.iter().map(|step| {
            let source = step
                .source
                .as_ref()
                .map(|s| format!(" (\"{s}\")"))
                .unwrap_or_default();
            format!("{}: {}{source}", step.when, step.text)
        }));
    }
    // The notices (reviews due) are listed with every other warning, in the Warnings section.
}

/// The drivers that move the recommended option's standing most, each moved down and up: its
/// lead this month and in cash over the horizon, its gross margin when there is revenue, and
/// the phase recommended after each move. The first line is the scenario as entered.
pub fn sensitivity_section(doc: &mut Document, outcome: &Outcome, rows: &[SensitivityRow]) {
    let Some(of) = rows.first().map(|row| row.of) else {
        return;
    };
    let Some(entered) = Effect::as_entered(outcome, of) else {
        return;
    };
    let last = outcome.horizon.months.last().map_or(0, |m| m.month);
    let months = if last == 1 {
        "1 month".to_owned()
    } else {
        format!("{last} months")
    };
    let name = of.label();
    doc.heading("Sensitivity", 2);
    let margin = if entered.margin.is_some() {
        format!(", its gross margin in month {last}")
    } else {
        String::new()
    };
    doc.paragraph(&format!(
        "{name} is recommended. Its lead over the best of the other options (negative when it costs more), this month and in cash over the {months} of the horizon{margin}, and the phase recommended, with each driver moved 20% down and up; a growth or a price trend, often 0, is moved by percentage points (pp) instead. Shown: the drivers that move these figures most for their size as entered."
    ));
    let lead = format!("Lead of {name}, USD/month");
    let cash = format!("Lead of {name}, USD over {months}");
    let gross = format!("Gross margin of {name}, month {last}");
    let mut headers = vec!["Driver", "Move", lead.as_str(), cash.as_str()];
    if entered.margin.is_some() {
        headers.push(gross.as_str());
    }
    headers.push("Recommended");
    let mut table = Table::new(&headers);
    let line = |driver: &str, effect: &Effect| {
        let mut cells = vec![
            driver.to_owned(),
            effect.move_label(),
            usd_cents(effect.lead),
            usd_cents(effect.cash_lead),
        ];
        if entered.margin.is_some() {
            cells.push(effect.margin.map(percent).unwrap_or_default());
        }
        cells.push(effect.phase.label().to_owned());
        cells
    };
    table.row(line("As entered", &entered));
    for row in rows {
        table.row(line(row.driver, &row.low));
        table.row(line(row.driver, &row.high));
    }
    doc.table(&table);
}

/// Seed 003's decision matrix, filled from the scenario; the recommended column marked.
pub fn matrix_section(doc: &mut Document, rows: &[MatrixRow], recommended: Phase) {
    doc.heading("Decision matrix", 2);
    let headers: Vec<String> = Phase::ALL
        .iter()
        .map(|p| {
            if *p == recommended {
                format!("{} (recommended)", p.label())
            } else {
                p.label().to_owned()
            }
        })
        .collect();
    let mut names = vec!["Criterion"];
    names.extend(headers.iter().map(String::as_str));
    let mut table = Table::new(&names).left_aligned();
    for row in rows {
        let mut cells = vec![row.criterion.to_owned()];
        cells.extend(row.cells.iter().cloned());
        table.row(cells);
    }
    doc.table(&table);
    doc.paragraph("After the matrix of \"LLM Strategy: Build, Buy, or Fine-Tune?\", filled from this scenario.");
}
