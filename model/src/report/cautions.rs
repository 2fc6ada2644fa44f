//! Every warning and notice about one evaluation, gathered once: reviews due, catalog prices
//! grown old, and the figures' warnings. The window's card, every report format, the export and
//! the copied summary all list these, so none of them can know of a warning another leaves out.

use crate::decision::Recommendation;
use crate::engine::Outcome;
use crate::phase::Phase;

/// Where a caution comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum CautionKind {
    /// Something the recommendation says to know: a review due.
    Notice,
    /// A catalog price older than six months.
    PriceAge,
    /// A warning about the figures: idle GPUs, a capacity the catalog does not back, a catalog
    /// price changed since the pick.
    Figures,
}

/// One thing to be careful with, in the words every place shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caution {
    /// Where it comes from.
    pub kind: CautionKind,
    /// The sentence, as the window shows it.
    pub text: String,
    /// The input it is about, when it is about one.
    pub input: Option<String>,
    /// The article it comes from, by title, when it comes from one.
    pub source: Option<String>,
    /// The option it is about, when it is about one.
    pub phase: Option<Phase>,
}

/// The cautions of one evaluation: those a reader is shown first, and those about an option a
/// gate ruled out, which are counted and listed apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cautions {
    /// Reviews due, old catalog prices, then the figures' warnings about the options on the
    /// table (or about none), in that order.
    pub shown: Vec<Caution>,
    /// The figures' warnings about options the recommendation ruled out.
    pub left_out: Vec<Caution>,
}

impl Cautions {
    /// Gathers the recommendation's notices, the `price_age` warnings and the outcome's
    /// warnings, split by whether their option is still on the table.
    #[must_use]
    pub fn gather(outcome: &Outcome, rec: &Recommendation, price_age: &[String]) -> Self {
        let notices = rec.notices.iter().map(|n| Caution {
            kind: CautionKind::Notice,
            text: n.text.clone(),
            input: Some(n.input.clone()),
            source: n.source.clone(),
            phase: None,
        });
        let ages = price_age.iter().map(|text| Caution {
            kind: CautionKind::PriceAge,
            text: text.clone(),
            input: None,
            source: None,
            phase: None,
        });
        let figures = |w: &crate::engine::Warning| Caution {
            kind: CautionKind::Figures,
            text: w.message.clone(),
            input: Some(w.input.clone()),
            source: w.source.map(str::to_owned),
            phase: w.phase,
        };
        let (on_table, left_out) = rec.warnings_on_the_table(&outcome.warnings);
        Self {
            shown: notices
                .chain(ages)
                .chain(on_table.into_iter().map(figures))
                .collect(),
            left_out: left_out.into_iter().map(figures).collect(),
        }
    }

    /// Whether there is nothing to be careful with.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty() && self.left_out.is_empty()
    }

    /// Every caution, those shown first.
    pub fn all(&self) -> impl Iterator<Item = &Caution> {
        self.shown.iter().chain(&self.left_out)
    }

    /// The options the left-out warnings are about, in [`Phase::ALL`] order, each once.
    #[must_use]
    pub fn left_out_phases(&self) -> Vec<Phase> {
        Phase::ALL
            .into_iter()
            .filter(|p| self.left_out.iter().any(|c| c.phase == Some(*p)))
            .collect()
    }

    /// "2 warnings about Fine-tune and Pretrain, which are ruled out": the heading of the
    /// left-out list; `None` when there are none.
    #[must_use]
    pub fn left_out_heading(&self) -> Option<String> {
        if self.left_out.is_empty() {
            return None;
        }
        let count = match self.left_out.len() {
            1 => "1 warning".to_owned(),
            n => format!("{n} warnings"),
        };
        let phases: Vec<&str> = self
            .left_out_phases()
            .into_iter()
            .map(Phase::label)
            .collect();
        let (about, verb) = match phases.as_slice() {
            [] => ("options".to_owned(), "are"),
            [one] => ((*one).to_owned(), "is"),
            [rest @ .., last] => (format!("{} and {last}", rest.join(", ")), "are"),
        };
        Some(format!("{count} about {about}, which {verb} ruled out"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;
    use crate::catalog::price_age_warnings;
    use crate::decision::recommend;
    use crate::engine::compute;
    use crate::scenario::from_ron_str;
    use chrono::NaiveDate;

    fn gathered(text: &str, today: NaiveDate) -> Cautions {
        let scenario = from_ron_str(text).unwrap();
        let outcome = compute(&scenario).unwrap();
        let rec = recommend(&scenario, &outcome, today).unwrap();
        let ages = price_age_warnings(&scenario, Catalog::embedded(), today, |p| {
            rec.ruled_out(p).is_none()
        });
        Cautions::gather(&outcome, &rec, &ages)
    }

    #[test]
    fn a_year_on_the_review_comes_first_then_old_prices_then_the_figures() {
        let date = NaiveDate::from_ymd_opt(2027, 11, 24).unwrap();
        let cautions = gathered(include_str!("../../../scenarios/default.ron"), date);
        let kinds: Vec<CautionKind> = cautions.shown.iter().map(|c| c.kind).collect();
        assert_eq!(kinds.first(), Some(&CautionKind::Notice), "{kinds:?}");
        assert!(kinds.contains(&CautionKind::PriceAge), "{kinds:?}");
        assert!(kinds.contains(&CautionKind::Figures), "{kinds:?}");
        let mut sorted = kinds.clone();
        sorted.sort_by_key(|k| *k as u8);
        assert_eq!(kinds, sorted, "notices, ages, figures in that order");
        assert!(cautions.shown[0].text.starts_with("Review overdue"));
    }

    #[test]
    fn warnings_about_a_ruled_out_option_are_set_apart_and_named() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let cautions = gathered(
            include_str!("../../../scenarios/defence-air-gapped.ron"),
            date,
        );
        assert!(!cautions.left_out.is_empty());
        assert!(
            cautions
                .left_out
                .iter()
                .all(|c| matches!(c.phase, Some(Phase::FineTune | Phase::Pretrain)))
        );
        assert!(
            cautions
                .shown
                .iter()
                .all(|c| c.phase != Some(Phase::FineTune))
        );
        // Pretrain's instances stand idle; Fine-tune's serve 72% of what is planned for them,
        // so only Pretrain has a warning to set apart.
        assert_eq!(
            cautions.left_out_heading().unwrap(),
            format!(
                "{} warnings about Pretrain, which is ruled out",
                cautions.left_out.len()
            )
        );
    }
}
