//! Two scenarios' key figures side by side, with what differs: a workshop's baseline against
//! the proposal on screen, or one scenario file against another (today against next year,
//! client A against client B). The differences are computed here, exactly; the window only
//! shows the rows.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::decision::Recommendation;
use crate::engine::Outcome;
use crate::format::{percent, tokens_short, usd_cents};
use crate::phase::Phase;

/// The figures a workshop compares: what each option costs a month at the scenario's volume,
/// the cheapest, the cash over the horizon, and the recommendation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFigures {
    /// Tokens a month, input and output together.
    pub volume: Decimal,
    /// Each option's monthly cost at that volume, in [`Phase::ALL`] order.
    pub monthly: [Decimal; 4],
    /// The cheapest option at that volume.
    pub cheapest: Phase,
    /// Months in the horizon.
    pub horizon_months: usize,
    /// Each option's total cash over the horizon, in [`Phase::ALL`] order.
    pub cash_totals: [Decimal; 4],
    /// The recommended option.
    pub recommended: Phase,
    /// How firm the recommendation is, 0 to 1.
    pub confidence: Decimal,
    /// `High`, `Medium` or `Low`.
    pub confidence_label: &'static str,
}

impl KeyFigures {
    /// The key figures of a scenario whose figures are `outcome` and whose recommendation is
    /// `recommendation`.
    #[must_use]
    pub fn new(outcome: &Outcome, recommendation: &Recommendation) -> Self {
        Self {
            volume: outcome.volume,
            monthly: std::array::from_fn(|i| outcome.costs[i].total),
            cheapest: outcome.cheapest,
            horizon_months: outcome.horizon.months.len(),
            cash_totals: outcome.horizon.totals,
            recommended: recommendation.phase,
            confidence: recommendation.confidence,
            confidence_label: recommendation.confidence_label,
        }
    }
}

/// One row of the side-by-side table, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRow {
    /// What the row is ("Self-host: monthly cost").
    pub label: String,
    /// The figure of the first scenario (the baseline, or the scenario on screen).
    pub left: String,
    /// The figure of the second scenario (the proposal, or the file compared with).
    pub right: String,
    /// How the second differs from the first ("+$1,200.00 (+12.0%)", "Buy -> Self-host");
    /// `None` when they are the same.
    pub difference: Option<String>,
}

impl FigureRow {
    /// Whether the two scenarios differ on this row.
    #[must_use]
    pub const fn differs(&self) -> bool {
        self.difference.is_some()
    }
}

/// The key figures of `left` and `right` row by row, each with how `right` differs from `left`.
#[must_use]
pub fn side_by_side(left: &KeyFigures, right: &KeyFigures) -> Vec<FigureRow> {
    let mut rows = vec![
        phase_row("Recommended", left.recommended, right.recommended),
        FigureRow {
            label: "Confidence".into(),
            left: confidence(left),
            right: confidence(right),
            difference: signed_change(left.confidence, right.confidence, |d| fixed2(d).to_string()),
        },
        FigureRow {
            label: "Monthly volume".into(),
            left: format!("{} tokens", tokens_short(left.volume)),
            right: format!("{} tokens", tokens_short(right.volume)),
            difference: volume_change(left.volume, right.volume),
        },
        phase_row("Cheapest at that volume", left.cheapest, right.cheapest),
    ];
    for phase in Phase::ALL {
        let i = phase.index();
        rows.push(money_row(
            format!("{}: monthly cost", phase.label()),
            left.monthly[i],
            right.monthly[i],
        ));
    }
    let months = |n: usize| format!("{n} months");
    rows.push(FigureRow {
        label: "Horizon".into(),
        left: months(left.horizon_months),
        right: months(right.horizon_months),
        difference: (left.horizon_months != right.horizon_months).then(|| {
            let (a, b) = (left.horizon_months, right.horizon_months);
            let sign = if b > a { '+' } else { '-' };
            format!("{sign}{} months", a.abs_diff(b))
        }),
    });
    let over = if left.horizon_months == right.horizon_months {
        format!("{} months", left.horizon_months)
    } else {
        "the horizon".to_owned()
    };
    for phase in Phase::ALL {
        let i = phase.index();
        rows.push(money_row(
            format!("{}: cash over {over}", phase.label()),
            left.cash_totals[i],
            right.cash_totals[i],
        ));
    }
    rows
}

fn phase_row(label: &str, left: Phase, right: Phase) -> FigureRow {
    FigureRow {
        label: label.into(),
        left: left.label().into(),
        right: right.label().into(),
        difference: (left != right).then(|| format!("{} -> {}", left.label(), right.label())),
    }
}

fn confidence(figures: &KeyFigures) -> String {
    format!(
        "{} ({})",
        figures.confidence_label,
        fixed2(figures.confidence)
    )
}

fn fixed2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `right - left` shown by `show` with its sign, `None` when equal or beyond exact decimals.
fn signed_change(
    left: Decimal,
    right: Decimal,
    show: impl Fn(Decimal) -> String,
) -> Option<String> {
    if left == right {
        return None;
    }
    Some(match right.checked_sub(left) {
        Some(delta) if delta.is_sign_negative() => format!("-{}", show(delta.abs())),
        Some(delta) => format!("+{}", show(delta)),
        None => "too large to subtract exactly".to_owned(),
    })
}

/// The change as a share of `left` ("+12.0%"), when `left` is not zero.
fn relative(left: Decimal, right: Decimal) -> Option<String> {
    let ratio = right.checked_sub(left)?.checked_div(left.abs())?;
    let text = percent(ratio);
    Some(if ratio.is_sign_negative() {
        text
    } else {
        format!("+{text}")
    })
}

fn money_row(label: String, left: Decimal, right: Decimal) -> FigureRow {
    let difference =
        signed_change(left, right, usd_cents).map(|delta| match relative(left, right) {
            Some(share) => format!("{delta} ({share})"),
            None => delta,
        });
    FigureRow {
        label,
        left: usd_cents(left),
        right: usd_cents(right),
        difference,
    }
}

fn volume_change(left: Decimal, right: Decimal) -> Option<String> {
    let delta = signed_change(left, right, tokens_short)?;
    match right.checked_div(left) {
        Some(times) if !left.is_zero() => Some(format!("{delta} (x{})", fixed2(times).normalize())),
        _ => Some(delta),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn figures() -> KeyFigures {
        KeyFigures {
            volume: dec!(100_000_000),
            monthly: [dec!(1000), dec!(2500), dec!(4000), dec!(500_000)],
            cheapest: Phase::Buy,
            horizon_months: 36,
            cash_totals: [dec!(36000), dec!(90000), dec!(150000), dec!(18_000_000)],
            recommended: Phase::Buy,
            confidence: dec!(0.8243),
            confidence_label: "High",
        }
    }

    fn row<'a>(rows: &'a [FigureRow], label: &str) -> &'a FigureRow {
        rows.iter().find(|r| r.label == label).unwrap()
    }

    #[test]
    fn the_same_figures_differ_nowhere() {
        let rows = side_by_side(&figures(), &figures());
        assert_eq!(rows.len(), 13);
        assert!(rows.iter().all(|r| !r.differs()));
        assert_eq!(row(&rows, "Confidence").left, "High (0.82)");
        assert_eq!(row(&rows, "Buy: cash over 36 months").right, "$36,000.00");
    }

    #[test]
    fn differences_are_signed_exact_and_relative() {
        let before = figures();
        let mut after = figures();
        after.volume = dec!(300_000_000);
        after.monthly[0] = dec!(3000);
        after.monthly[2] = dec!(3000.50);
        after.cheapest = Phase::SelfHost;
        after.recommended = Phase::SelfHost;
        after.confidence = dec!(0.55);
        after.confidence_label = "Medium";
        let rows = side_by_side(&before, &after);
        assert_eq!(
            row(&rows, "Recommended").difference.as_deref(),
            Some("Buy -> Self-host")
        );
        assert_eq!(
            row(&rows, "Monthly volume").difference.as_deref(),
            Some("+200M (x3)")
        );
        assert_eq!(
            row(&rows, "Buy: monthly cost").difference.as_deref(),
            Some("+$2,000.00 (+200.0%)")
        );
        assert_eq!(
            row(&rows, "Self-host: monthly cost").difference.as_deref(),
            Some("-$999.50 (-25.0%)")
        );
        assert_eq!(
            row(&rows, "Confidence").difference.as_deref(),
            Some("-0.27")
        );
        assert!(!row(&rows, "Fine-tune: monthly cost").differs());
    }

    #[test]
    fn different_horizons_are_named_and_cash_rows_say_so() {
        let mut after = figures();
        after.horizon_months = 24;
        let rows = side_by_side(&figures(), &after);
        assert_eq!(
            row(&rows, "Horizon").difference.as_deref(),
            Some("-12 months")
        );
        assert!(rows.iter().any(|r| r.label == "Buy: cash over the horizon"));
    }

    #[test]
    fn a_change_from_zero_has_no_percentage() {
        let mut before = figures();
        before.monthly[1] = Decimal::ZERO;
        let rows = side_by_side(&before, &figures());
        assert_eq!(
            row(&rows, "Fine-tune: monthly cost").difference.as_deref(),
            Some("+$2,500.00")
        );
    }
}
