//! The workload a usage file measured, as a scenario takes it: the last whole month's tokens in
//! and out, its cached share of the prompt tokens, and the growth month on month over the whole
//! months measured, each value's note naming the file and its days.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive as _;

use super::{Month, Summary, Tokens};
use crate::scenario::{Scenario, Volume};
use crate::sourced::Sourced;
use crate::units::{Percent, TokensPerMonth};

/// What a usage file measured of the workload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// The month the volume is of: the last whole one, or the only one there is.
    pub month: Month,
    /// Whether that month is whole in the file (its first and last days have usage, or the
    /// file runs past them).
    pub whole: bool,
    /// Its tokens.
    pub tokens: Tokens,
    /// Cached prompt tokens over prompt tokens, percent.
    pub cached_percent: Decimal,
    /// Growth month on month, percent, compounded over the whole months measured; `None` with
    /// fewer than two.
    pub growth_percent: Option<Decimal>,
    /// The whole months the growth is measured over.
    pub months_measured: usize,
    /// The note each value carries: the file and its days.
    pub note: String,
}

fn last_day(month: Month) -> Option<NaiveDate> {
    let (year, next) = if month.month == 12 {
        (month.year.checked_add(1)?, 1)
    } else {
        (month.year, month.month.checked_add(1)?)
    };
    NaiveDate::from_ymd_opt(year, next, 1)?.pred_opt()
}

/// The workload `summary` measured, read from `file`; `None` when it has no dated usage.
#[must_use]
pub fn measured(summary: &Summary, file: &str) -> Option<Measured> {
    let (first, last) = summary.days?;
    // A month is whole when the file's days run from its first to its last.
    let whole = |month: Month| {
        NaiveDate::from_ymd_opt(month.year, month.month, 1).is_some_and(|start| first <= start)
            && last_day(month).is_some_and(|end| last >= end)
    };
    let whole_months: Vec<(Month, Tokens)> = summary
        .months
        .iter()
        .filter(|(m, _, _)| whole(*m))
        .map(|(m, t, _)| (*m, *t))
        .collect();
    let (month, tokens, is_whole) = if let Some((month, tokens)) = whole_months.last() {
        (*month, *tokens, true)
    } else {
        let (month, tokens, _) = summary.months.last()?;
        (*month, *tokens, false)
    };
    let cached_percent = Decimal::from(tokens.cached_input)
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|c| c.checked_div(Decimal::from(tokens.input)))
        .map_or(Decimal::ZERO, |p| p.round_dp(2));
    // Compounded: (last ÷ first)^(1 / (months − 1)) − 1, over all the tokens. The root is taken
    // in floating point and rounded to a hundredth of a percent: a measured rate, not a price.
    let growth_percent = match (whole_months.first(), whole_months.last()) {
        (Some((_, a)), Some((_, b))) if whole_months.len() >= 2 => {
            let total = |t: &Tokens| t.input.saturating_add(t.output);
            #[expect(
                clippy::cast_precision_loss,
                reason = "token counts under 2^53 in any real month; a rate rounded to 0.01%"
            )]
            let ratio = total(b) as f64 / total(a).max(1) as f64;
            let steps = f64::from(u32::try_from(whole_months.len().saturating_sub(1)).ok()?);
            Decimal::from_f64((ratio.powf(steps.recip()) - 1.0) * 100.0).map(|g| g.round_dp(2))
        }
        _ => None,
    };
    Some(Measured {
        month,
        whole: is_whole,
        tokens,
        cached_percent,
        growth_percent,
        months_measured: whole_months.len(),
        note: format!("measured: {file}, {first} to {last}"),
    })
}

impl Measured {
    /// `scenario` with this workload: the month's tokens in and out, the cached share, and the
    /// growth where two whole months give one; each value's note says where it was measured.
    pub fn apply_to(&self, scenario: &mut Scenario) {
        let whole = if self.whole {
            ""
        } else {
            ", a part of the month"
        };
        scenario.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::from_source(
                TokensPerMonth::new(Decimal::from(self.tokens.input)),
                format!("{}: prompt tokens in {}{whole}", self.note, self.month),
            ),
            output_tokens_per_month: Sourced::from_source(
                TokensPerMonth::new(Decimal::from(self.tokens.output)),
                format!("{}: generated tokens in {}{whole}", self.note, self.month),
            ),
        };
        scenario.buy.cached_input_percent = Sourced::from_source(
            Percent::new(self.cached_percent),
            format!(
                "{}: cached share of prompt tokens in {}",
                self.note, self.month
            ),
        );
        if let Some(growth) = self.growth_percent {
            scenario.workload.growth_percent_per_month = Sourced::from_source(
                Percent::new(growth),
                format!(
                    "{}: month on month over {} whole months",
                    self.note, self.months_measured
                ),
            );
        }
    }
}
