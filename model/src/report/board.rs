//! The board summary: the decision and the few figures a board asks for, short enough to read
//! from the back of the room. The HTML report opens with it, the export draws it as a slide and
//! the copied summary starts with it; all three write the lines made here, so they agree to the
//! cent with each other and with the JSON report.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::document::{Document, Style};
use super::text::escape;
use crate::decision::{GateEffect, NextStep, Recommendation};
use crate::engine::{Outcome, Payback};
use crate::format::{fixed, in_percent, usd_cents};
use crate::phase::Phase;

/// The decision and its figures, as data; [`BoardSummary::lines`] words them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardSummary {
    /// The scenario's name.
    pub scenario: String,
    /// The recommended phase.
    pub phase: Phase,
    /// How firm the recommendation is, 0 to 1.
    pub confidence: Decimal,
    /// `High`, `Medium` or `Low`.
    pub confidence_label: &'static str,
    /// Buy's monthly running cost at today's volume and prices: the bill people know.
    pub bill_today: Decimal,
    /// The option set against Buy: the recommendation, or when Buy is recommended the
    /// alternative that costs least in cash over the horizon.
    pub compared: Phase,
    /// Its monthly running cost once it carries the traffic alone, at today's volume and prices.
    pub compared_monthly: Decimal,
    /// Buy's cash over the horizon less the compared option's, up-front costs included: what it
    /// saves (negative when it costs more); `None` when too large to hold exactly.
    pub saving: Option<Decimal>,
    /// The months of the horizon.
    pub months: usize,
    /// The compared option's payback against Buy.
    pub payback: Option<Payback>,
    /// Gross margin today, on the API; `None` without revenue.
    pub margin_today: Option<Decimal>,
    /// The recommended option's gross margin in its first month alone, at today's revenue.
    pub margin_after_go_live: Option<Decimal>,
    /// When Buy is recommended although the compared option would save: why Buy stays.
    pub why_buy_stays: Option<String>,
    /// The first thing that would change the decision.
    pub what_would_change: Option<String>,
    /// The first step to take.
    pub next_step: Option<NextStep>,
}

/// One line of the summary: what it is and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardLine {
    /// What the line is: "Monthly bill", "Payback".
    pub label: &'static str,
    /// What it says, figures to the cent.
    pub text: String,
}

impl BoardSummary {
    /// The summary of `outcome` and `rec` for the scenario named `scenario`.
    #[must_use]
    pub fn new(scenario: &str, outcome: &Outcome, rec: &Recommendation) -> Self {
        let h = &outcome.horizon;
        let compared = if rec.phase == Phase::Buy {
            // The alternative a board member would name: the least cash over the horizon.
            Phase::ALL[1..]
                .iter()
                .copied()
                .min_by_key(|p| h.totals[p.index()])
                .unwrap_or(Phase::FineTune)
        } else {
            rec.phase
        };
        let saving = h.totals[Phase::Buy.index()].checked_sub(h.totals[compared.index()]);
        let why_buy_stays = (rec.phase == Phase::Buy && saving.is_some_and(|s| s > Decimal::ZERO))
            .then(|| why_buy_stays(rec, compared))
            .flatten();
        Self {
            scenario: scenario.to_owned(),
            phase: rec.phase,
            confidence: rec.confidence,
            confidence_label: rec.confidence_label,
            bill_today: h.running_after_go_live[Phase::Buy.index()],
            compared,
            compared_monthly: h.running_after_go_live[compared.index()],
            saving,
            months: h.months.len(),
            payback: h.paybacks.iter().find(|p| p.phase == compared).cloned(),
            margin_today: h.margin_today,
            margin_after_go_live: h.margin_after_go_live[rec.phase.index()],
            why_buy_stays,
            what_would_change: nearest_change(rec),
            next_step: rec.next_steps.first().cloned(),
        }
    }

    /// How firm the decision is, as the decision line ends: "confidence 0.67 (Medium)".
    #[must_use]
    pub fn confidence_words(&self) -> String {
        format!(
            "confidence {} ({})",
            fixed(self.confidence, 2),
            self.confidence_label
        )
    }

    /// The summary's lines, the decision first; a line without its figure (no revenue, no
    /// step) is left out.
    #[must_use]
    pub fn lines(&self) -> Vec<BoardLine> {
        let mut lines = vec![BoardLine {
            label: "Decision",
            text: format!("{}, {}", self.phase.label(), self.confidence_words()),
        }];
        let bill = usd_cents(self.bill_today);
        let compared = self.compared.label();
        let monthly = usd_cents(self.compared_monthly);
        let months = self.months;
        let saving = self.saving.map_or_else(
            || "beyond any exact figure".to_owned(),
            |s| usd_cents(s.abs()),
        );
        if self.phase == Phase::Buy {
            lines.push(BoardLine {
                label: "Monthly bill",
                text: format!(
                    "{bill} on the API today; {compared}, the cheapest alternative: {monthly}, up-front costs apart"
                ),
            });
            let text = match &self.why_buy_stays {
                Some(why) => format!("{compared} would save {saving} over {months} months. {why}"),
                None if self.saving.is_some_and(|s| s > Decimal::ZERO) => format!(
                    "{compared} would save {saving} over {months} months; Buy scores higher on the reasons weighed."
                ),
                None => format!(
                    "It costs least: staying saves {saving} over {months} months against {compared}, in cash."
                ),
            };
            lines.push(BoardLine {
                label: "Why Buy stays",
                text,
            });
        } else {
            lines.push(BoardLine {
                label: "Monthly bill",
                text: format!(
                    "{bill} on the API today → {monthly} with {compared}, up-front costs apart"
                ),
            });
            let saves = self.saving.is_none_or(|s| s >= Decimal::ZERO);
            lines.push(BoardLine {
                label: if saves { "Saving" } else { "Extra cost" },
                text: format!(
                    "{saving} over {months} months against staying on the API, in cash, up-front costs included"
                ),
            });
            if let Some(payback) = &self.payback {
                lines.push(BoardLine {
                    label: "Payback",
                    text: payback_words(payback, months),
                });
            }
        }
        if let Some(today) = self.margin_today {
            let text = match self.margin_after_go_live {
                Some(after) if self.phase != Phase::Buy => format!(
                    "{} today → {} after go-live, at today's revenue",
                    short_percent(today),
                    short_percent(after)
                ),
                _ => format!("{} today, on the API", short_percent(today)),
            };
            lines.push(BoardLine {
                label: "Gross margin",
                text,
            });
        }
        if let Some(change) = &self.what_would_change {
            lines.push(BoardLine {
                label: "What would change it",
                text: change.clone(),
            });
        }
        if let Some(step) = &self.next_step {
            lines.push(BoardLine {
                label: "Next step",
                text: format!("{}: {}", step.when, step.text),
            });
        }
        lines
    }
}

/// The summary in a document: a list with the labels in bold in Markdown, one line each in
/// text, and a card of large type in HTML. `heading` adds the "Board summary" heading.
pub fn section(doc: &mut Document, board: &BoardSummary, heading: bool) {
    if heading {
        doc.heading("Board summary", 2);
    }
    let lines = board.lines();
    match doc.style {
        Style::Markdown => {
            doc.bullets(lines.iter().map(|l| format!("**{}:** {}", l.label, l.text)));
        }
        Style::Text => {
            doc.bullets(lines.iter().map(|l| format!("{}: {}", l.label, l.text)));
        }
        Style::Html => {
            doc.out.push_str("<dl class=\"board\">\n");
            for (i, line) in lines.iter().enumerate() {
                let class = if i == 0 { " class=\"decision\"" } else { "" };
                let _ = writeln!(
                    doc.out,
                    "<dt>{}</dt><dd{class}>{}</dd>",
                    escape(line.label),
                    escape(&line.text)
                );
            }
            doc.out.push_str("</dl>\n");
        }
    }
}

/// The cash payback month and the build time it counts.
fn payback_words(payback: &Payback, months: usize) -> String {
    let before = match payback.before_go_live {
        0 => "with no build months set".to_owned(),
        1 => "counting 1 month to go live".to_owned(),
        n => format!("counting {n} months to go live"),
    };
    match payback.month {
        Some(month) => format!("month {month} in cash, {before}"),
        None => format!("not within the {months} months, {before}"),
    }
}

/// A fraction in percent to two places without trailing zeros: 0.928 is `92.8%`, 0.16 `16%`;
/// the same value as the JSON report's `92.80`.
fn short_percent(fraction: Decimal) -> String {
    in_percent(fraction).map_or_else(
        || "beyond any scale".to_owned(),
        |p| {
            let text = fixed(p, 2);
            let text = text.trim_end_matches('0').trim_end_matches('.');
            format!("{text}%")
        },
    )
}

/// Why Buy is recommended although `compared` would save: the gate that rules it out, the
/// headline, or the weightiest reason against it or for Buy.
fn why_buy_stays(rec: &Recommendation, compared: Phase) -> Option<String> {
    if let Some(gate) = rec
        .gates
        .iter()
        .find(|g| g.phase == compared && g.effect == GateEffect::RulesOut)
    {
        return Some(gate.text.clone());
    }
    if let Some(headline) = &rec.headline {
        return Some(headline.clone());
    }
    let weightiest = |phase: Phase, against: bool| {
        rec.reasons
            .iter()
            .filter(|r| r.for_phase == phase && r.against == against)
            // The first of the strongest: the rules list the weightiest facts first.
            .rev()
            .max_by_key(|r| r.strength)
    };
    weightiest(compared, true)
        .or_else(|| weightiest(Phase::Buy, false))
        .map(|r| r.text.clone())
}

/// What would change the decision soonest, for a slide: the distance that needs the smallest
/// move (a spend 7 times smaller before a volume 40 times smaller); failing a measurable one,
/// the first thing the recommendation says would change it.
fn nearest_change(rec: &Recommendation) -> Option<String> {
    rec.distances
        .iter()
        .filter_map(|d| d.factor.map(|f| (f, &d.text)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, text)| text.clone())
        .or_else(|| rec.what_would_change.first().cloned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::recommend;
    use crate::engine::compute;
    use crate::scenario::from_ron_str;
    use chrono::NaiveDate;
    use rust_decimal::dec;

    fn summary(text: &str) -> BoardSummary {
        let scenario = from_ron_str(text).unwrap();
        let outcome = compute(&scenario).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let rec = recommend(&scenario, &outcome, today).unwrap();
        BoardSummary::new(&scenario.name, &outcome, &rec)
    }

    fn line(summary: &BoardSummary, label: &str) -> Option<String> {
        summary
            .lines()
            .into_iter()
            .find(|l| l.label == label)
            .map(|l| l.text)
    }

    #[test]
    fn seed_000_goes_from_the_140_000_bill_to_12_000_and_from_16_to_92_8_percent() {
        let s = summary(include_str!("../../../scenarios/seed000-legal-tech.ron"));
        assert_eq!(s.phase, Phase::FineTune);
        assert_eq!(s.bill_today, dec!(140_000));
        assert_eq!(s.compared_monthly, dec!(12_000));
        assert_eq!(
            line(&s, "Monthly bill").unwrap(),
            "$140,000.00 on the API today → $12,000.00 with Fine-tune, up-front costs apart"
        );
        assert_eq!(
            line(&s, "Gross margin").unwrap(),
            "16% today → 92.8% after go-live, at today's revenue"
        );
        assert_eq!(s.lines()[0].text, "Fine-tune, confidence 0.67 (Medium)");
        // Buy's $5,040,000 over 36 months against the fine-tune's $732,000.
        assert_eq!(s.saving, Some(dec!(4_308_000)));
        assert_eq!(
            line(&s, "Saving").unwrap(),
            "$4,308,000.00 over 36 months against staying on the API, in cash, up-front costs included"
        );
        assert_eq!(
            line(&s, "Payback").unwrap(),
            "month 3 in cash, with no build months set"
        );
        // The nearest measurable thing that would change it: a spend 7 times smaller, not a
        // volume 40 times smaller (where Self-host stops being cheapest).
        let change = line(&s, "What would change it").unwrap();
        assert!(
            change.starts_with("API spend is $140,000.00/month"),
            "{change}"
        );
    }

    #[test]
    fn the_payback_counts_the_months_before_go_live() {
        let text = include_str!("../../../scenarios/seed000-legal-tech.ron");
        let mut scenario = from_ron_str(text).unwrap();
        scenario.horizon.build_months.value = 3;
        scenario.horizon.parallel_run_months.value = 1;
        let outcome = compute(&scenario).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let rec = recommend(&scenario, &outcome, today).unwrap();
        let s = BoardSummary::new(&scenario.name, &outcome, &rec);
        let payback = s.payback.clone().unwrap();
        assert_eq!(payback.before_go_live, 4);
        let month = payback.month.unwrap();
        assert!(month > 4, "{month}");
        assert_eq!(
            line(&s, "Payback").unwrap(),
            format!("month {month} in cash, counting 4 months to go live")
        );
    }

    #[test]
    fn when_buy_stays_the_summary_names_the_cheapest_alternative_and_why() {
        // The Heavy tier: Self-host would save $18,000 over 36 months, but pays for no team.
        let s = summary(include_str!(
            "../../../scenarios/seed003-gpt4o-heavy-tier.ron"
        ));
        assert_eq!(s.phase, Phase::Buy);
        assert_eq!(s.compared, Phase::SelfHost);
        assert_eq!(
            line(&s, "Monthly bill").unwrap(),
            "$2,500.00 on the API today; Self-host, the cheapest alternative: $2,000.00, up-front costs apart"
        );
        let why = line(&s, "Why Buy stays").unwrap();
        assert!(
            why.starts_with("Self-host would save $18,000.00 over 36 months. "),
            "{why}"
        );
        assert!(why.contains("team"), "{why}");
        assert!(line(&s, "Payback").is_none());
        assert!(line(&s, "Saving").is_none());
        assert!(line(&s, "Gross margin").is_none(), "no revenue, no margin");

        // The default: every alternative costs more, so staying is the saving.
        let s = summary(include_str!("../../../scenarios/default.ron"));
        assert_eq!(s.phase, Phase::Buy);
        let why = line(&s, "Why Buy stays").unwrap();
        assert!(why.starts_with("It costs least: staying saves $"), "{why}");
        assert_eq!(line(&s, "Gross margin").unwrap(), "84.7% today, on the API");
    }

    #[test]
    fn an_alternative_ruled_out_is_named_with_the_gate_that_rules_it_out() {
        let s = summary(include_str!(
            "../../../scenarios/differentiator-around-the-model.ron"
        ));
        assert_eq!(s.phase, Phase::Buy);
        assert_eq!(s.compared, Phase::SelfHost);
        let why = line(&s, "Why Buy stays").unwrap();
        assert!(why.contains("commodity"), "{why}");
    }
}
