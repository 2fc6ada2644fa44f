//! The features, the portfolio and the roadmap in the reports: the spend ranked by feature
//! with those behind 80% of the bill named, each feature's answer, the mix against every
//! feature on one option, and when each feature should move.

use rust_decimal::Decimal;
use serde::Serialize;

use super::document::Document;
use super::json::percent;
use super::table::Table;
use super::text::cents;
use crate::decision::GateEffect;
use crate::format::usd_cents;
use crate::phase::Phase;
use crate::portfolio::{GroupCost, Move, Portfolio, Stage, to_cents};
use crate::sources::Seed;

/// Seed 000's plan for the first move, day by day.
pub const NINETY_DAYS: [&str; 3] = [
    "Day 1-30: log the exact token counts and cost of each feature; confirm the one behind 80% of the bill.",
    "Day 31-60: save the API's good outputs for that feature into a dataset: the golden dataset to tune on.",
    "Day 61-90: tune a small model on it and run it in shadow mode beside the API, to measure the quality before routing traffic to it.",
];

/// The title of the article the 90-day plan and the 80% rule come from.
fn plan_source() -> &'static str {
    Seed::BuildVsBuyFineTuneOrOpenAi.title()
}

/// The names of the features `group` serves.
fn names(portfolio: &Portfolio, group: &GroupCost) -> Vec<String> {
    group
        .features
        .iter()
        .filter_map(|i| portfolio.features.get(*i).map(|f| f.name.clone()))
        .collect()
}

/// The features, the mix, the roadmap and the 90-day plan, for the text, Markdown and HTML
/// reports. With one feature, only the roadmap: the rest is the report itself.
pub fn section(doc: &mut Document, portfolio: &Portfolio) {
    let several = portfolio.features.len() > 1;
    if several {
        features_section(doc, portfolio);
        mix_section(doc, portfolio);
    }
    roadmap_section(doc, portfolio);
}

fn features_section(doc: &mut Document, portfolio: &Portfolio) {
    doc.heading("Features", 2);
    let mut table = Table::new(&["Feature", "API bill/month", "Share", "Recommended"]);
    for i in &portfolio.by_spend {
        let Some(f) = portfolio.features.get(*i) else {
            continue;
        };
        table.row(vec![
            f.name.clone(),
            usd_cents(f.api_spend()),
            crate::format::percent(f.share_of_spend),
            f.phase().label().to_owned(),
        ]);
    }
    doc.table(&table);
    let behind = portfolio.pareto_names();
    if behind.len() == portfolio.features.len() {
        doc.paragraph(&format!(
            "No smaller set of features makes 80% of the API bill of {}: it is spread across them all.",
            usd_cents(portfolio.api_spend_cents())
        ));
    } else if !behind.is_empty() {
        let (them, make) = if behind.len() == 1 {
            ("It is the feature", "makes")
        } else {
            ("They are the features", "make")
        };
        doc.paragraph(&format!(
            "{} {make} 80% of the API bill of {}. {them} to move first (\"{}\").",
            join(&behind),
            usd_cents(portfolio.api_spend_cents()),
            plan_source()
        ));
    }
    for f in &portfolio.features {
        let rec = &f.evaluation.recommendation;
        let mut lines = Vec::new();
        for gate in rec.gates.iter().filter(|g| !g.is_left_out()) {
            let verb = match gate.effect {
                GateEffect::RulesOut => "rules out",
                GateEffect::Decides => "decides",
            };
            lines.push(format!("{} {}: {}", verb, gate.phase.label(), gate.text));
        }
        for reason in rec
            .reasons
            .iter()
            .filter(|r| r.for_phase == rec.phase && !r.against)
            .take(3)
        {
            lines.push(reason.text.clone());
        }
        doc.paragraph(&format!(
            "{}: {} ({} confidence).",
            f.name,
            rec.phase.label(),
            rec.confidence_label
        ));
        doc.bullets(lines);
    }
}

fn mix_section(doc: &mut Document, portfolio: &Portfolio) {
    doc.heading("Each feature on its own option", 2);
    let mut table = Table::new(&[
        "Option",
        "Features",
        "Their own",
        "Shared, once",
        "USD/month",
    ]);
    for group in &portfolio.mix {
        let Ok(c) = group.cents() else { continue };
        let own = c
            .own
            .iter()
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b));
        table.row(vec![
            group.phase.label().to_owned(),
            names(portfolio, group).join(", "),
            own.map_or_else(String::new, usd_cents),
            usd_cents(c.shared),
            usd_cents(c.total),
        ]);
    }
    if !portfolio.mix_account.is_zero() {
        table.row(vec![
            "The API account, once".to_owned(),
            "its people, fees, build, committed minimum".to_owned(),
            String::new(),
            usd_cents(to_cents(portfolio.mix_account)),
            usd_cents(to_cents(portfolio.mix_account)),
        ]);
    }
    if let Ok(total) = portfolio.mix_cents() {
        table.row(vec![
            "The mix".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            usd_cents(total),
        ]);
    }
    doc.table(&table);
    let mut all = Table::new(&["Every feature on", "Their own", "Shared, once", "USD/month"]);
    for group in &portfolio.all_on {
        let Ok(c) = group.cents() else { continue };
        let own = c
            .own
            .iter()
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b));
        all.row(vec![
            group.phase.label().to_owned(),
            own.map_or_else(String::new, usd_cents),
            usd_cents(c.shared),
            usd_cents(c.total),
        ]);
    }
    doc.table(&all);
    if let Ok(saving) = portfolio.saving_cents() {
        let sentence = if saving > Decimal::ZERO {
            format!(
                "The mix saves {} a month against every feature staying on the API.",
                usd_cents(saving)
            )
        } else if saving.is_zero() {
            "The mix is every feature on the API.".to_owned()
        } else {
            format!(
                "The mix costs {} a month more than every feature on the API, for the reasons above.",
                usd_cents(saving.abs())
            )
        };
        doc.paragraph(&format!(
            "{sentence} A team and its instances serve every feature moved to them: shared costs are counted once, and instances are sized for the sum of those features' peaks."
        ));
    }
}

fn roadmap_section(doc: &mut Document, portfolio: &Portfolio) {
    let roadmap = &portfolio.roadmap;
    doc.heading("Roadmap", 2);
    let moves = roadmap.moves();
    if moves.is_empty() {
        doc.paragraph(&format!(
            "Every feature stays on the API over the {} months: no month's traffic and prices make another option the answer.",
            roadmap.months
        ));
        return;
    }
    doc.paragraph(&format!(
        "Month by month over {} months, the decision taken again on each month's traffic and prices:",
        roadmap.months
    ));
    doc.bullets(moves.iter().map(|m| m.in_full()));
    if let Some(first) = first_move_to_a_model_of_ones_own(portfolio) {
        doc.paragraph(&format!(
            "Before the first move ({}, {}), the 90-day plan of \"{}\":",
            first.name,
            first.to.label(),
            plan_source()
        ));
        doc.bullets(NINETY_DAYS.iter().map(|s| (*s).to_owned()));
    }
}

/// The first move to a fine-tune or a self-hosted model: what seed 000's 90-day plan prepares
/// (a golden dataset, a small model in shadow mode).
#[must_use]
pub fn first_move_to_a_model_of_ones_own(portfolio: &Portfolio) -> Option<&Move> {
    portfolio
        .roadmap
        .moves()
        .into_iter()
        .find(|m| matches!(m.to, Phase::FineTune | Phase::SelfHost))
}

fn join(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The `features` key: each feature's name, phase, API bill and share, and its cost on each
/// option, its own part when every feature is on it and alone.
#[derive(Debug, Serialize)]
pub struct JsonFeature {
    name: String,
    phase: Phase,
    confidence_label: &'static str,
    api_spend_usd_per_month: String,
    share_of_spend_percent: String,
    behind_80_percent: bool,
    costs: Vec<JsonFeatureCost>,
    gates: Vec<String>,
    reasons: Vec<String>,
}

#[derive(Debug, Serialize)]
struct JsonFeatureCost {
    option: Phase,
    /// Its own part when every feature is on this option: its tokens, its training runs.
    own_usd_per_month: String,
    /// The option for this feature alone, carrying the shared costs in full.
    alone_usd_per_month: String,
}

/// One option serving a group of features.
#[derive(Debug, Serialize)]
pub struct JsonGroup {
    option: Phase,
    on_the_table: bool,
    features: Vec<String>,
    own_usd_per_month: Vec<String>,
    shared_usd_per_month: String,
    instances: Option<String>,
    monthly_usd: String,
}

/// The `portfolio` key.
#[derive(Debug, Serialize)]
pub struct JsonPortfolio {
    /// The mix: each feature on its recommended option, the groups' totals and the API account.
    monthly_usd: String,
    /// The API account in the mix, once whichever options keep the API.
    api_account_usd_per_month: String,
    saving_usd_per_month: String,
    api_spend_usd_per_month: String,
    behind_80_percent: Vec<String>,
    mix: Vec<JsonGroup>,
    all_on: Vec<JsonGroup>,
    moves: Vec<JsonMove>,
    ninety_day_plan: Vec<&'static str>,
}

/// A move in the roadmap.
#[derive(Debug, Serialize)]
pub struct JsonMove {
    feature: String,
    /// The month the new phase carries the feature's traffic.
    month: u32,
    phase: Phase,
    from: Phase,
    /// The month building starts.
    start_month: u32,
    /// The first month the decision names the new phase.
    justified_month: u32,
    api_spend_usd_per_month: String,
    reason: String,
    sentence: String,
}

impl JsonMove {
    fn new(m: &Move) -> Self {
        Self {
            feature: m.name.clone(),
            month: m.live,
            phase: m.to,
            from: m.from,
            start_month: m.start,
            justified_month: m.justified,
            api_spend_usd_per_month: cents(m.api_spend),
            reason: m.because().map_or_else(|| m.reason(), str::to_owned),
            sentence: m.in_full(),
        }
    }
}

fn group(portfolio: &Portfolio, g: &GroupCost, on_the_table: bool) -> JsonGroup {
    let c = g.cents().ok();
    JsonGroup {
        option: g.phase,
        on_the_table,
        features: names(portfolio, g),
        own_usd_per_month: c
            .as_ref()
            .map(|c| c.own.iter().map(|d| cents(*d)).collect())
            .unwrap_or_default(),
        shared_usd_per_month: c.as_ref().map(|c| cents(c.shared)).unwrap_or_default(),
        instances: g.instances.map(|n| crate::format::fixed(n, 0)),
        monthly_usd: c.as_ref().map(|c| cents(c.total)).unwrap_or_default(),
    }
}

/// The three keys: `features`, `portfolio` and `roadmap`.
pub fn json(portfolio: &Portfolio) -> (Vec<JsonFeature>, JsonPortfolio, Vec<JsonMove>) {
    let behind: Vec<usize> = portfolio
        .by_spend
        .iter()
        .take(portfolio.behind_80)
        .copied()
        .collect();
    let table = portfolio
        .features
        .first()
        .map(|f| f.evaluation.scenario().clone());
    let on_table = |p: Phase| table.as_ref().is_none_or(|s| s.on_the_table(p));
    let features = portfolio
        .features
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let rec = &f.evaluation.recommendation;
            JsonFeature {
                name: f.name.clone(),
                phase: rec.phase,
                confidence_label: rec.confidence_label,
                api_spend_usd_per_month: cents(f.api_spend()),
                share_of_spend_percent: percent(f.share_of_spend),
                behind_80_percent: behind.contains(&i),
                costs: Phase::ALL
                    .iter()
                    .map(|p| JsonFeatureCost {
                        option: *p,
                        own_usd_per_month: portfolio
                            .all_on(*p)
                            .and_then(|g| g.cents().ok())
                            .and_then(|c| c.own.get(i).copied())
                            .map(cents)
                            .unwrap_or_default(),
                        alone_usd_per_month: cents(f.evaluation.outcome.costs[p.index()].total),
                    })
                    .collect(),
                gates: rec
                    .gates
                    .iter()
                    .filter(|g| !g.is_left_out())
                    .map(|g| g.text.clone())
                    .collect(),
                reasons: rec
                    .reasons
                    .iter()
                    .filter(|r| r.for_phase == rec.phase && !r.against)
                    .map(|r| r.text.clone())
                    .collect(),
            }
        })
        .collect();
    let moves: Vec<JsonMove> = portfolio
        .roadmap
        .moves()
        .into_iter()
        .map(JsonMove::new)
        .collect();
    let firsts: Vec<JsonMove> = portfolio
        .roadmap
        .rows
        .iter()
        .filter_map(|r| r.moves.first())
        .map(JsonMove::new)
        .collect();
    let json = JsonPortfolio {
        monthly_usd: portfolio.mix_cents().map(cents).unwrap_or_default(),
        api_account_usd_per_month: cents(to_cents(portfolio.mix_account)),
        saving_usd_per_month: portfolio.saving_cents().map(cents).unwrap_or_default(),
        api_spend_usd_per_month: cents(portfolio.api_spend_cents()),
        behind_80_percent: portfolio
            .pareto_names()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        mix: portfolio
            .mix
            .iter()
            .map(|g| group(portfolio, g, true))
            .collect(),
        all_on: portfolio
            .all_on
            .iter()
            .map(|g| group(portfolio, g, on_table(g.phase)))
            .collect(),
        ninety_day_plan: if first_move_to_a_model_of_ones_own(portfolio).is_some() {
            NINETY_DAYS.to_vec()
        } else {
            Vec::new()
        },
        moves: firsts,
    };
    (features, json, moves)
}

/// What a feature's plan is in each month, as one word a chart or a CSV cell says.
#[must_use]
pub fn stage_word(stage: Stage) -> String {
    match stage {
        Stage::On(p) => p.label().to_owned(),
        Stage::Building { to, .. } => format!("building {}", to.label()),
        Stage::Shadow { to, .. } => format!("shadow {}", to.label()),
    }
}
