//! A number together with a note on where it comes from.

use serde::{Deserialize, Serialize};

use crate::format::group_thousands;
use crate::units::Quantity;

/// A value and, optionally, where it comes from ("client finance, 2026-10", a seed's title, a
/// catalog entry). The note is data, not a comment, so it survives a save and can be shown in
/// tooltips and exports.
///
/// In a file: `(value: "2.50", source: "LiteLLM price JSON, 2025-09")`, or `(value: "2.50")`.
/// A value a new scenario took from its starting point, not from the user, is an assumption
/// to confirm until the user touches it: `(value: "5", source: "…", to_confirm: true)`.
///
/// A value nobody knows exactly carries a range (since format version 8): its 90% interval,
/// the value staying the most likely: `(value: "5", low: "2", high: "9")`. A value without
/// `low` and `high` is certain; the Monte Carlo samples the others (`crate::uncertainty`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The number itself.
    pub value: T,
    /// Where the number comes from, if the user or the catalog said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The value is a starting assumption nobody has confirmed yet (since format version 5).
    #[serde(default, skip_serializing_if = "is_false")]
    pub to_confirm: bool,
    /// The low end of the value's 90% interval: 5% of outcomes lie below it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<T>,
    /// The high end of the value's 90% interval: 5% of outcomes lie above it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<T>,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_false(value: &bool) -> bool {
    !*value
}

/// The start of a note kept for a value that has since changed: "was 1,000,000,000: …".
const WAS: &str = "was ";

/// How a value typed over one taken from the catalog is sourced: it is the user's, and the
/// catalog's figure is kept as what it was, never as the value's source.
const YOURS_OVER_CATALOG: &str = "your value; the catalog had ";

/// How a catalog entry's note starts (`catalog::ApiModel::source_note`).
const CATALOG: &str = "catalog:";

/// Whether `note` describes an earlier value ("was 700,000,000: …", "your value; the catalog
/// had 2,462: …"), as [`Sourced::revalue`] keeps a note whose value changed.
#[must_use]
pub fn describes_an_earlier_value(note: &str) -> bool {
    note.starts_with(WAS) || note.starts_with(YOURS_OVER_CATALOG)
}

/// Whether `note` is that of a value the user typed over the catalog's.
#[must_use]
pub fn typed_over_catalog(note: &str) -> bool {
    note.starts_with(YOURS_OVER_CATALOG)
}

/// A value as a note quotes it: exact, with thousands separators.
pub trait Written {
    /// `1,000,000,000`, `0.15`, `6`.
    fn written(&self) -> String;
}

impl<Q: Quantity> Written for Q {
    fn written(&self) -> String {
        group_thousands(self.get().normalize())
    }
}

impl Written for u32 {
    fn written(&self) -> String {
        group_thousands(crate::units::from_whole_number(*self))
    }
}

impl<T> Sourced<T> {
    /// A value with no note on its source.
    pub const fn bare(value: T) -> Self {
        Self {
            value,
            source: None,
            to_confirm: false,
            low: None,
            high: None,
        }
    }

    /// A value with a note on where it comes from.
    pub fn from_source(value: T, source: impl Into<String>) -> Self {
        Self {
            value,
            source: Some(source.into()),
            to_confirm: false,
            low: None,
            high: None,
        }
    }

    /// A starting assumption nobody has confirmed yet, with where it comes from.
    pub fn assumed(value: T, source: impl Into<String>) -> Self {
        Self {
            value,
            source: Some(source.into()),
            to_confirm: true,
            low: None,
            high: None,
        }
    }

    /// The 90% interval, when the value is not certain: both ends, or `None`.
    pub const fn range(&self) -> Option<(&T, &T)> {
        match (&self.low, &self.high) {
            (Some(low), Some(high)) => Some((low, high)),
            _ => None,
        }
    }

    /// Makes the value certain: no range.
    pub fn clear_range(&mut self) {
        self.low = None;
        self.high = None;
    }

    /// The same number said another way (a monthly price as an hourly one), by `convert`: it
    /// comes from the same place, is as much an assumption, and is as uncertain, each end of
    /// its range converted as the value is.
    pub fn converted<U, E>(&self, convert: impl Fn(&T) -> Result<U, E>) -> Result<Sourced<U>, E> {
        Ok(Sourced {
            value: convert(&self.value)?,
            source: self.source.clone(),
            to_confirm: self.to_confirm,
            low: self.low.as_ref().map(&convert).transpose()?,
            high: self.high.as_ref().map(&convert).transpose()?,
        })
    }

    /// `value` with this value's note and mark, for a number worked out from this one and
    /// others (an owned server's hourly cost from its price): it comes from the same place and
    /// is as much an assumption, but this value's range says nothing of its range, so it is
    /// certain.
    pub fn restated<U>(&self, value: U) -> Sourced<U> {
        Sourced {
            value,
            source: self.source.clone(),
            to_confirm: self.to_confirm,
            low: None,
            high: None,
        }
    }

    /// The user has looked at this value and keeps it: it is no longer an assumption.
    pub const fn confirm(&mut self) {
        self.to_confirm = false;
    }

    /// Whether the note describes an earlier value ("was …"), not this one.
    #[must_use]
    pub fn note_is_stale(&self) -> bool {
        self.source
            .as_deref()
            .is_some_and(describes_an_earlier_value)
    }
}

impl<T: Default + PartialEq> Sourced<T> {
    /// Zero with no note and no mark: as a file without the field reads, so a field added in
    /// a later version can be left out of the file while it is unset.
    #[must_use]
    pub fn is_unset(&self) -> bool {
        *self == Self::default()
    }
}

impl<Q: crate::units::Quantity> Sourced<Q> {
    /// After the value moved from `before` (a dragged volume, a what-if's "3x"), its range moves
    /// with it, by the same factor, so it stays the value's interval; a range that cannot be
    /// scaled exactly is dropped, and the value is then certain.
    pub fn scale_range_from(&mut self, before: Q) {
        let Some((low, high)) = self.range().map(|(l, h)| (l.get(), h.get())) else {
            return;
        };
        let now = self.value.get();
        let scaled = |end: rust_decimal::Decimal| {
            end.checked_mul(now)?
                .checked_div(before.get())
                .map(|x| Q::from_decimal(x.round_dp(6)))
        };
        match (scaled(low), scaled(high)) {
            (Some(low), Some(high)) if !before.get().is_zero() => {
                let (low, high) = if low.get() <= high.get() {
                    (low, high)
                } else {
                    (high, low)
                };
                // Rounding must not leave the value outside its own range.
                self.low = Some(if low.get() > now { self.value } else { low });
                self.high = Some(if high.get() < now { self.value } else { high });
            }
            _ => self.clear_range(),
        }
    }
}

impl<T: PartialEq + Written> Sourced<T> {
    /// Sets the value the user typed: it is theirs now, no longer an assumption to confirm. A
    /// note written for the old value would contradict the new one ("example: 70% of 1B
    /// tokens" beside 4.8B), so it is kept as what it was: "was 700,000,000: example: …". A
    /// note already marked keeps the first value it described, and going back to that value
    /// takes the mark off again.
    pub fn revalue(&mut self, value: T) {
        self.to_confirm = false;
        if value == self.value {
            return;
        }
        if let Some(note) = &self.source {
            let written = value.written();
            let original = [WAS, YOURS_OVER_CATALOG]
                .iter()
                .find_map(|prefix| note.strip_prefix(&format!("{prefix}{written}: ")));
            if let Some(original) = original {
                self.source = Some(original.to_owned());
            } else if !describes_an_earlier_value(note) {
                let prefix = if note.starts_with(CATALOG) {
                    YOURS_OVER_CATALOG
                } else {
                    WAS
                };
                self.source = Some(format!("{prefix}{}: {note}", self.value.written()));
            }
        }
        self.value = value;
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::units::TokensPerMonth;

    fn tokens(value: rust_decimal::Decimal) -> TokensPerMonth {
        TokensPerMonth::new(value)
    }

    #[test]
    fn a_new_value_keeps_its_old_note_as_what_it_was() {
        let mut input = Sourced::from_source(
            tokens(dec!(700000000)),
            "example: 70% of 1B tokens are prompts",
        );
        input.revalue(tokens(dec!(4800000000)));
        assert_eq!(input.value, tokens(dec!(4800000000)));
        assert_eq!(
            input.source.as_deref(),
            Some("was 700,000,000: example: 70% of 1B tokens are prompts")
        );
        assert!(input.note_is_stale());
    }

    #[test]
    fn a_value_typed_over_the_catalogs_is_the_users_and_going_back_restores_the_catalogs() {
        let catalog =
            "catalog: Llama-3.1-8B on 1 GPU(s) x 1 replica(s) of p5.4xlarge, concurrency 32";
        let mut throughput =
            Sourced::from_source(crate::units::TokensPerSecond::new(dec!(2462)), catalog);
        throughput.revalue(crate::units::TokensPerSecond::new(dec!(1800)));
        let source = throughput.source.clone().unwrap_or_default();
        assert!(
            source.starts_with("your value; the catalog had 2,462: "),
            "{source}"
        );
        assert!(throughput.note_is_stale());
        throughput.revalue(crate::units::TokensPerSecond::new(dec!(2462)));
        assert_eq!(throughput.source.as_deref(), Some(catalog));
    }

    #[test]
    fn typing_on_keeps_the_first_value_the_note_described_and_going_back_restores_it() {
        let mut hours = Sourced::from_source(
            crate::units::HoursPerMonth::new(dec!(10)),
            "a conservative 10 hours/month",
        );
        for typed in [dec!(8), dec!(80)] {
            hours.revalue(crate::units::HoursPerMonth::new(typed));
        }
        assert_eq!(
            hours.source.as_deref(),
            Some("was 10: a conservative 10 hours/month")
        );
        hours.revalue(crate::units::HoursPerMonth::new(dec!(10.0)));
        assert_eq!(
            hours.source.as_deref(),
            Some("a conservative 10 hours/month")
        );
        assert!(!hours.note_is_stale());
    }

    #[test]
    fn the_same_value_typed_again_keeps_the_note_and_confirms_it() {
        let mut months = Sourced::from_source(6_u32, "a fine-tune is outperformed within 6 months");
        months.to_confirm = true;
        months.revalue(6);
        assert_eq!(
            months.source.as_deref(),
            Some("a fine-tune is outperformed within 6 months")
        );
        assert!(!months.to_confirm);
        months.revalue(12);
        assert_eq!(
            months.source.as_deref(),
            Some("was 6: a fine-tune is outperformed within 6 months")
        );
    }

    #[test]
    fn a_value_without_a_note_gains_none() {
        let mut bare = Sourced::bare(tokens(dec!(5)));
        bare.revalue(tokens(dec!(6)));
        assert_eq!(bare.source, None);
    }

    #[test]
    fn the_mark_is_written_only_when_set() {
        let plain = ron::to_string(&Sourced::bare(3_u32)).expect("writes");
        assert!(!plain.contains("to_confirm"), "{plain}");
        let mut assumed = Sourced::bare(3_u32);
        assumed.to_confirm = true;
        let marked = ron::to_string(&assumed).expect("writes");
        assert!(marked.contains("to_confirm:true"), "{marked}");
    }
}
