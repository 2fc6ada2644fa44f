//! The engine's figures as sections of a document: the monthly cost of each option, the
//! break-even volumes, the cash over the horizon, the key figures and the warnings. The text,
//! Markdown and HTML reports all write them with these functions.

use rust_decimal::Decimal;

use std::fmt::Write as _;

use super::cautions::{Caution, Cautions};
use super::document::{Document, Style};
use super::table::Table;
use super::text::{escape, percent, tokens};
use crate::engine::{CrossingKind, Outcome};
use crate::format::{tokens_short, usd_cents};
use crate::phase::Phase;

/// Each option's monthly cost now, cash over the horizon, present value, payback and gross
/// margin: the table a board asks for first.
pub fn key_figures(doc: &mut Document, outcome: &Outcome) {
    let h = &outcome.horizon;
    let months = h.months.len();
    doc.heading("Key figures", 2);
    let now = format!("USD/month at {}", tokens_short(outcome.volume));
    let cash = format!("Cash over {months} months");
    let mut headers = vec!["Option", &now, &cash, "Present value", "Payback"];
    let last = h.months.last().filter(|_| h.margin_today.is_some());
    let last_margin;
    if let Some(last) = last {
        last_margin = format!("Gross margin, month {}", last.month);
        headers.push("Gross margin after go-live, at today's revenue");
        headers.push(&last_margin);
    }
    let mut table = Table::new(&headers);
    for phase in Phase::ALL {
        let i = phase.index();
        let monthly = outcome
            .costs
            .iter()
            .find(|c| c.phase == phase)
            .map(|c| usd_cents(c.total))
            .unwrap_or_default();
        let mut row = vec![
            phase.label().to_owned(),
            monthly,
            usd_cents(h.totals[i]),
            usd_cents(h.present_values[i]),
            payback(outcome, phase),
        ];
        if let Some(last) = last {
            let show = |m: Option<Decimal>| m.map(percent).unwrap_or_default();
            row.push(show(h.margin_after_go_live[i]));
            row.push(show(last.gross_margin[i]));
        }
        table.row(row);
    }
    doc.table(&table);
    doc.paragraph(&format!(
        "Cheapest at this volume: {}. Cash counts up-front costs in the month they are paid; the monthly costs spread them over the horizon.",
        outcome.cheapest.label()
    ));
    for servers in &h.servers {
        doc.paragraph(&servers.in_words());
    }
    if let Some(today) = h.margin_today {
        doc.paragraph(&format!(
            "Gross margin today, with all traffic on the API: {}. After go-live, each option's margin is its first month running alone at today's revenue, volume and prices; growth and price changes then move it month by month (the gross margin chart, and months.csv).",
            percent(today)
        ));
    }
    paybacks_in_words(doc, outcome, &Phase::ALL);
}

/// Every warning and notice, as the window lists them, each with its source and input: reviews
/// due, old catalog prices and the figures' warnings about the options on the table, then apart
/// (folded away in HTML, as the window shows them on hover) those about options ruled out.
pub fn cautions_section(doc: &mut Document, cautions: &Cautions) {
    if cautions.is_empty() {
        return;
    }
    doc.heading("Warnings", 2);
    if !cautions.shown.is_empty() {
        doc.bullets(cautions.shown.iter().map(caution_line));
    }
    let Some(heading) = cautions.left_out_heading() else {
        return;
    };
    if doc.style == Style::Html {
        let _ = writeln!(
            doc.out,
            "<details>\n<summary>{}</summary>",
            escape(&heading)
        );
        doc.bullets(cautions.left_out.iter().map(caution_line));
        doc.out.push_str("</details>\n");
    } else {
        doc.paragraph(&format!("{heading}:"));
        doc.bullets(cautions.left_out.iter().map(caution_line));
    }
}

/// A caution with its article and, in brackets, its input.
fn caution_line(c: &Caution) -> String {
    let source = c
        .source
        .as_ref()
        .map(|s| format!(" (\"{s}\")"))
        .unwrap_or_default();
    let input = c
        .input
        .as_ref()
        .map(|i| format!(" [{i}]"))
        .unwrap_or_default();
    format!("{}{source}{input}", c.text)
}

/// Each option's monthly cost at this volume, line by line.
pub fn costs_section(doc: &mut Document, outcome: &Outcome) {
    doc.heading("Monthly cost at this volume", 2);
    let mut summary = Table::new(&[
        "Option",
        "USD/month",
        "Instances",
        "Load of planned capacity",
        "Load of full capacity",
    ]);
    for cost in &outcome.costs {
        summary.row(vec![
            cost.phase.label().to_owned(),
            usd_cents(cost.total),
            cost.instances.map(|n| n.to_string()).unwrap_or_default(),
            cost.planned_utilisation.map(percent).unwrap_or_default(),
            match (cost.utilisation, cost.achievable_utilisation) {
                (Some(u), Some(best)) => format!("{} (at best {})", percent(u), percent(best)),
                (u, _) => u.map(percent).unwrap_or_default(),
            },
        ]);
    }
    doc.table(&summary);
    doc.paragraph(
        "Planned capacity is what the instances serve once the target utilisation and the peak are \
         allowed for; below 100% some of it stands idle that fewer or smaller instances would remove. \
         Full capacity is what they serve flat out: at a 70% target and a peak of 2x, 35% of it is the \
         most the load can use.",
    );
    doc.paragraph(&format!(
        "Cheapest at this volume: {}.",
        outcome.cheapest.label()
    ));
    for cost in &outcome.costs {
        doc.heading(
            &format!("{}: {}/month", cost.phase.label(), usd_cents(cost.total)),
            3,
        );
        let mut lines = Table::new(&["Line", "USD/month"]);
        for (label, amount) in &cost.lines {
            lines.row(vec![label.clone(), usd_cents(*amount)]);
        }
        doc.table(&lines);
        if let Some(basis) = &cost.capacity_basis {
            let per = cost
                .capacity_per_instance
                .map(tokens_short)
                .unwrap_or_default();
            doc.paragraph(&format!(
                "Capacity: {per} tokens/month per instance at full load; basis: {basis}."
            ));
        }
    }
}

/// Where each pair of options costs the same, and which option stays cheapest above which volume.
pub fn break_even_section(doc: &mut Document, outcome: &Outcome) {
    doc.heading("Break-even volumes", 2);
    let mut crossings = Table::new(&["Options", "Crossing", "Volume", "Cheaper above"]);
    for pair in &outcome.break_evens {
        let names = format!("{} / {}", pair.a.label(), pair.b.label());
        if pair.crossings.is_empty() {
            let cheaper = pair.cheaper_at_top.map_or("same cost", Phase::label);
            crossings.row(vec![
                names.clone(),
                "none in range".to_owned(),
                String::new(),
                format!("{cheaper} throughout"),
            ]);
        }
        for c in &pair.crossings {
            let kind = match c.kind {
                CrossingKind::Equal => "equal cost",
                CrossingKind::Step => "at a step",
            };
            crossings.row(vec![
                names.clone(),
                kind.to_owned(),
                tokens(c.volume),
                c.cheaper_above.label().to_owned(),
            ]);
        }
        if pair.truncated {
            crossings.row(vec![
                names.clone(),
                "and more".to_owned(),
                String::new(),
                "they keep trading places".to_owned(),
            ]);
        }
    }
    doc.table(&crossings);
    let above = &outcome.cheapest_above;
    doc.paragraph(&match above.volume {
        Some(v) => format!(
            "{} is cheapest above {} a month.",
            above.phase.label(),
            tokens(v)
        ),
        None => format!(
            "{} is cheapest across the whole range.",
            above.phase.label()
        ),
    });
}

/// The cash of each option over the horizon, its payback, and gross margin when there is revenue.
pub fn horizon_section(doc: &mut Document, outcome: &Outcome) {
    let h = &outcome.horizon;
    doc.heading(&format!("Cash over {} months", h.months.len()), 2);
    let mut totals = Table::new(&["Option", "Total cash", "Present value", "Payback"]);
    for phase in Phase::ALL {
        let i = phase.index();
        totals.row(vec![
            phase.label().to_owned(),
            usd_cents(h.totals[i]),
            usd_cents(h.present_values[i]),
            payback(outcome, phase),
        ]);
    }
    doc.table(&totals);
    for servers in &h.servers {
        doc.paragraph(&servers.in_words());
    }
    if h.margin_today.is_some() {
        // After go-live, then the first month and every twelfth: the margin as it moves.
        let last = h.months.last().map(|m| m.month);
        let shown: Vec<&crate::engine::HorizonMonth> = h
            .months
            .iter()
            .filter(|m| m.month == 1 || m.month % 12 == 0 || Some(m.month) == last)
            .collect();
        let headings: Vec<String> = shown.iter().map(|m| format!("Month {}", m.month)).collect();
        let mut headers = vec!["Gross margin", "After go-live, today's revenue"];
        headers.extend(headings.iter().map(String::as_str));
        let mut margins = Table::new(&headers);
        for phase in Phase::ALL {
            let show = |m: Option<Decimal>| m.map(percent).unwrap_or_default();
            let mut row = vec![
                phase.label().to_owned(),
                show(h.margin_after_go_live[phase.index()]),
            ];
            row.extend(shown.iter().map(|m| show(m.gross_margin[phase.index()])));
            margins.row(row);
        }
        doc.table(&margins);
    }
    paybacks_in_words(doc, outcome, &Phase::ALL);
}

/// When `phase`'s up-front cost is paid back by its savings against the API, simply and in
/// cash; blank for the API itself.
fn payback(outcome: &Outcome, phase: Phase) -> String {
    outcome
        .horizon
        .paybacks
        .iter()
        .find(|p| p.phase == phase)
        .map_or_else(String::new, crate::engine::Payback::short)
}

/// Each payback in words, for the options in `phases`: what the simple and the cash figure
/// count.
pub fn paybacks_in_words(doc: &mut Document, outcome: &Outcome, phases: &[Phase]) {
    let lines: Vec<String> = outcome
        .horizon
        .paybacks
        .iter()
        .filter(|p| phases.contains(&p.phase))
        .map(|p| format!("{}: {}", p.phase.label(), p.in_words()))
        .collect();
    if !lines.is_empty() {
        doc.paragraph("Payback, in words:");
        doc.bullets(lines);
    }
}
