//! What a number field edits, whatever its type: an amount in a unit, a whole number of months or
//! instances, or an answer that may be left empty. One field widget serves them all through
//! [`Entry`].

use breakeven_model::format::{group_thousands, tokens_exact};
use breakeven_model::sourced::Sourced;
use breakeven_model::units::{
    Count, HoursPerMonth, Kilowatts, Percent, Quantity as _, Ratio, Tokens, TokensPerMonth,
    TokensPerRequest, TokensPerSecond, Usd, UsdPerHour, UsdPerKwh, UsdPerMillionTokens,
    UsdPerMonth, UsdPerYear, from_whole_number, whole_number,
};
use rust_decimal::Decimal;

/// How a number is written in its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Exact, with thousands separators: `20,000`, `0.15`.
    Plain,
    /// Tokens: `700M`, `1.5B` when exact.
    Tokens,
}

/// `value` as its field shows it.
#[must_use]
pub fn display(value: Decimal, style: Style) -> String {
    match style {
        Style::Plain => group_thousands(value.normalize()),
        Style::Tokens => tokens_exact(value),
    }
}

/// A value a number field edits.
pub trait Entry {
    /// The value, or `None` when the question is left unanswered.
    fn value(&self) -> Option<Decimal>;
    /// Takes a typed number as the value; says why when it cannot be one (a fraction of a
    /// month). A number out of range is taken, so that validation says why beside the field.
    fn take(&mut self, typed: Decimal) -> Result<(), String>;
    /// Leaves the question unanswered; `false` when it must have a value.
    fn clear(&mut self) -> bool;
    /// The note on where the value comes from, when there is a value to note.
    fn source(&mut self) -> Option<&mut Option<String>>;
    /// Whether the value is a starting assumption nobody has confirmed yet.
    fn to_confirm(&self) -> bool {
        false
    }
    /// Keeps the value as it is: no longer an assumption to confirm.
    fn confirm(&mut self) {}
    /// The value's 90% interval, when it is uncertain.
    fn range(&self) -> Option<(Decimal, Decimal)> {
        None
    }
    /// Takes a typed range, with its most likely value when one was typed; without one the
    /// value stays when it lies inside the range, or becomes its middle. A range out of order
    /// is taken, so that validation says why beside the field.
    fn take_range(
        &mut self,
        value: Option<Decimal>,
        low: Decimal,
        high: Decimal,
    ) -> Result<(), String> {
        let _ = (value, low, high);
        Err("this number cannot carry a range".to_owned())
    }
}

/// The most likely value of a typed range: the one typed, else `current` when it lies inside,
/// else the middle.
fn most_likely(value: Option<Decimal>, current: Decimal, low: Decimal, high: Decimal) -> Decimal {
    value.unwrap_or_else(|| {
        if low <= current && current <= high {
            current
        } else {
            low.checked_add(high)
                .and_then(|sum| sum.checked_div(Decimal::TWO))
                .unwrap_or(low)
        }
    })
}

fn not_whole() -> String {
    format!("must be a whole number from 0 to {}", u32::MAX)
}

/// An amount in a unit: any number is taken, and validation says when it is out of range.
macro_rules! amount_entry {
    ($($unit:ty),+) => {$(
        impl Entry for Sourced<$unit> {
            fn value(&self) -> Option<Decimal> {
                Some(self.value.get())
            }

            fn take(&mut self, typed: Decimal) -> Result<(), String> {
                self.revalue(<$unit>::from_decimal(typed));
                self.clear_range();
                Ok(())
            }

            fn range(&self) -> Option<(Decimal, Decimal)> {
                Sourced::range(self).map(|(low, high)| (low.get(), high.get()))
            }

            fn take_range(
                &mut self,
                value: Option<Decimal>,
                low: Decimal,
                high: Decimal,
            ) -> Result<(), String> {
                let value = most_likely(value, self.value.get(), low, high);
                self.revalue(<$unit>::from_decimal(value));
                self.low = Some(<$unit>::from_decimal(low));
                self.high = Some(<$unit>::from_decimal(high));
                Ok(())
            }

            fn clear(&mut self) -> bool {
                false
            }

            fn source(&mut self) -> Option<&mut Option<String>> {
                Some(&mut self.source)
            }

            fn to_confirm(&self) -> bool {
                self.to_confirm
            }

            fn confirm(&mut self) {
                Sourced::confirm(self);
            }
        }
    )+};
}

amount_entry!(
    Count,
    HoursPerMonth,
    Kilowatts,
    Percent,
    Ratio,
    Tokens,
    TokensPerMonth,
    TokensPerRequest,
    TokensPerSecond,
    Usd,
    UsdPerHour,
    UsdPerMillionTokens,
    UsdPerKwh,
    UsdPerMonth,
    UsdPerYear
);

impl Entry for Sourced<u32> {
    fn value(&self) -> Option<Decimal> {
        Some(from_whole_number(self.value))
    }

    fn take(&mut self, typed: Decimal) -> Result<(), String> {
        self.revalue(whole_number(typed).ok_or_else(not_whole)?);
        self.clear_range();
        Ok(())
    }

    fn range(&self) -> Option<(Decimal, Decimal)> {
        Sourced::range(self).map(|(low, high)| (from_whole_number(*low), from_whole_number(*high)))
    }

    fn take_range(
        &mut self,
        value: Option<Decimal>,
        low: Decimal,
        high: Decimal,
    ) -> Result<(), String> {
        let whole = |d: Decimal| whole_number(d).ok_or_else(not_whole);
        let value = most_likely(value, from_whole_number(self.value), low, high);
        let (value, low, high) = (whole(value.round())?, whole(low)?, whole(high)?);
        self.revalue(value);
        self.low = Some(low);
        self.high = Some(high);
        Ok(())
    }

    fn clear(&mut self) -> bool {
        false
    }

    fn source(&mut self) -> Option<&mut Option<String>> {
        Some(&mut self.source)
    }

    fn to_confirm(&self) -> bool {
        self.to_confirm
    }

    fn confirm(&mut self) {
        Sourced::confirm(self);
    }
}

impl<T> Entry for Option<Sourced<T>>
where
    Sourced<T>: Entry,
    T: Default,
{
    fn value(&self) -> Option<Decimal> {
        self.as_ref().and_then(Entry::value)
    }

    fn take(&mut self, typed: Decimal) -> Result<(), String> {
        if let Some(answer) = self {
            return answer.take(typed);
        }
        // A refused number leaves an unanswered question unanswered.
        let mut answer = Sourced::bare(T::default());
        answer.take(typed)?;
        *self = Some(answer);
        Ok(())
    }

    fn clear(&mut self) -> bool {
        *self = None;
        true
    }

    fn source(&mut self) -> Option<&mut Option<String>> {
        self.as_mut().map(|answer| &mut answer.source)
    }

    fn to_confirm(&self) -> bool {
        self.as_ref().is_some_and(Entry::to_confirm)
    }

    fn confirm(&mut self) {
        if let Some(answer) = self {
            answer.confirm();
        }
    }

    fn range(&self) -> Option<(Decimal, Decimal)> {
        self.as_ref().and_then(Entry::range)
    }

    fn take_range(
        &mut self,
        value: Option<Decimal>,
        low: Decimal,
        high: Decimal,
    ) -> Result<(), String> {
        if let Some(answer) = self {
            return answer.take_range(value, low, high);
        }
        let mut answer = Sourced::bare(T::default());
        answer.take_range(value, low, high)?;
        *self = Some(answer);
        Ok(())
    }
}

/// A measurement's request size, kept without a source note (the throughput basis's note is
/// the throughput's).
impl Entry for TokensPerRequest {
    fn value(&self) -> Option<Decimal> {
        Some(self.get())
    }

    fn take(&mut self, typed: Decimal) -> Result<(), String> {
        *self = Self::from_decimal(typed);
        Ok(())
    }

    fn clear(&mut self) -> bool {
        false
    }

    fn source(&mut self) -> Option<&mut Option<String>> {
        None
    }
}

/// A whole number kept without a source note (a reservation's term).
impl Entry for u32 {
    fn value(&self) -> Option<Decimal> {
        Some(from_whole_number(*self))
    }

    fn take(&mut self, typed: Decimal) -> Result<(), String> {
        *self = whole_number(typed).ok_or_else(not_whole)?;
        Ok(())
    }

    fn clear(&mut self) -> bool {
        false
    }

    fn source(&mut self) -> Option<&mut Option<String>> {
        None
    }
}
