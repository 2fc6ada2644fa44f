//! Money, volumes and rates as exact decimals with their unit in the type's name.
//!
//! `rust_decimal`'s own operators panic on overflow, so these types expose only checked
//! arithmetic that returns [`ArithmeticError`]. A figure a user reads is never an `f64`.
//!
//! In files every quantity is written as a decimal string (`"2383.30"`), which loads exactly.
//! Money and rates keep the digits they were written with (`"10.00"` stays `"10.00"`); counts
//! (tokens, users, requests) are written without trailing zeros (`"6750000000"`, not the
//! `"6750000000.00"` that typing `6.75B` makes), their value unchanged (`"2.5"` keeps its half).
//! A bare number (`2383.3`) also loads: RON reads it as the nearest `f64`, and the shortest
//! decimal that reads back as that `f64` is the number written whenever it has at most 15
//! significant digits, which every value inside the validation limits does. Above that, write a
//! string.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy, dec};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ArithmeticError;

/// Hours in one month: 365 days / 12 × 24 h. One month is this long everywhere (design.md).
pub const HOURS_PER_MONTH: Decimal = dec!(730);

/// Tokens in the "per million tokens" of a price.
const MILLION: Decimal = dec!(1_000_000);

pub(crate) fn add(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
) -> Result<Decimal, ArithmeticError> {
    a.checked_add(b)
        .ok_or(ArithmeticError::Overflow { operation })
}

pub(crate) fn sub(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
) -> Result<Decimal, ArithmeticError> {
    a.checked_sub(b)
        .ok_or(ArithmeticError::Overflow { operation })
}

pub(crate) fn mul(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
) -> Result<Decimal, ArithmeticError> {
    a.checked_mul(b)
        .ok_or(ArithmeticError::Overflow { operation })
}

pub(crate) fn div(
    a: Decimal,
    b: Decimal,
    operation: &'static str,
) -> Result<Decimal, ArithmeticError> {
    if b.is_zero() {
        return Err(ArithmeticError::DivisionByZero { operation });
    }
    a.checked_div(b)
        .ok_or(ArithmeticError::Overflow { operation })
}

/// `-x`. A decimal's sign is a bit of its own, so unlike `a - b` this cannot overflow.
#[must_use]
#[expect(
    clippy::arithmetic_side_effects,
    reason = "negating a decimal flips its sign bit: it cannot overflow"
)]
pub(crate) fn negated(x: Decimal) -> Decimal {
    -x
}

/// Parses a decimal as people write it in a file or on the command line: `1500`, `0.50`,
/// `-3`, `1_000_000`. Thousands separators other than `_` are refused rather than guessed.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
    if cleaned.is_empty() {
        return Err("a number is needed here".to_owned());
    }
    if cleaned.contains(['e', 'E']) {
        return Decimal::from_scientific(&cleaned).map_err(|_| format!("`{text}` is not a number"));
    }
    Decimal::from_str(&cleaned).map_err(|_| {
        if cleaned.contains(',') {
            format!("`{text}` is not a number: write it without commas, as in 1500.25")
        } else {
            format!("`{text}` is not a number (or has more than 28 digits)")
        }
    })
}

/// Parses a number as people type it in the window: `1.5B`, `800M`, `25K` (thousand, million,
/// billion, trillion), `1,500,000` (commas between groups of three), `0.50`, `-3`, and money
/// as it is written, `$42,000` (a dollar sign before the number is dropped).
pub fn parse_human(text: &str) -> Result<Decimal, String> {
    let spaced = text.trim().replace([' ', '_'], "");
    let trimmed = spaced.strip_prefix('$').unwrap_or(&spaced).to_owned();
    let mut before_last = trimmed.chars();
    let suffix = before_last
        .next_back()
        .and_then(|c| match c.to_ascii_uppercase() {
            'K' => Some(dec!(1_000)),
            'M' => Some(dec!(1_000_000)),
            'B' => Some(dec!(1_000_000_000)),
            'T' => Some(dec!(1_000_000_000_000)),
            _ => None,
        });
    let (number, scale) = match suffix {
        Some(scale) => (before_last.as_str(), scale),
        None => (trimmed.as_str(), Decimal::ONE),
    };
    let whole = number
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_start_matches('-');
    let grouped = whole.contains(',')
        && whole.split(',').enumerate().all(|(i, g)| {
            let digits = g.chars().all(|c| c.is_ascii_digit());
            digits
                && if i == 0 {
                    (1..=3).contains(&g.len())
                } else {
                    g.len() == 3
                }
        });
    let number = if grouped {
        number.replace(',', "")
    } else {
        number.to_owned()
    };
    let value = parse_decimal(&number).map_err(|_| {
        format!(
            "`{}` is not a number such as 1500, 0.50 or 1.5B",
            text.trim()
        )
    })?;
    value
        .checked_mul(scale)
        .ok_or_else(|| format!("`{}` is too large", text.trim()))
}

/// What was typed into a number's field: a number, or a range around one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    /// A plain number: certain.
    Number(Decimal),
    /// A 90% interval, with its most likely value when one was typed (`5 ± 3`, `5 (2 to 9)`);
    /// `2 to 9` gives none, and the field keeps its value when it lies inside.
    Range {
        /// The most likely value, when typed.
        value: Option<Decimal>,
        /// The low end.
        low: Decimal,
        /// The high end.
        high: Decimal,
    },
}

/// Parses a number or a range as people type them: `5`, `2 to 9`, `5 ± 3` (or `5 +/- 3`),
/// `5 ± 20%`, and `5 (2 to 9)` as a ranged field shows it; each number as [`parse_human`] reads
/// it, so `1B to 20B` works too.
pub fn parse_typed(text: &str) -> Result<Typed, String> {
    let text = text.trim();
    let too_large = || format!("`{text}` is too large");
    if let Some((value, range)) = text.strip_suffix(')').and_then(|t| t.split_once('(')) {
        let Typed::Range { low, high, .. } = parse_typed(range)? else {
            return Err(format!(
                "`{text}`: in brackets goes a range, such as (2 to 9)"
            ));
        };
        return Ok(Typed::Range {
            value: Some(parse_human(value)?),
            low,
            high,
        });
    }
    if let Some((low, high)) = text.split_once(" to ") {
        let (low, high) = (parse_human(low)?, parse_human(high)?);
        return Ok(Typed::Range {
            value: None,
            low,
            high,
        });
    }
    if let Some((value, spread)) = text.split_once('±').or_else(|| text.split_once("+/-")) {
        let value = parse_human(value)?;
        let spread = spread.trim();
        let by = match spread.strip_suffix('%') {
            Some(percent) => value
                .abs()
                .checked_mul(parse_human(percent)?)
                .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
                .ok_or_else(too_large)?,
            None => parse_human(spread)?,
        }
        .abs();
        return Ok(Typed::Range {
            value: Some(value),
            low: value.checked_sub(by).ok_or_else(too_large)?,
            high: value.checked_add(by).ok_or_else(too_large)?,
        });
    }
    parse_human(text).map(Typed::Number)
}

/// A whole count (months, instances, requests) as a decimal, exactly: the way back from
/// [`whole_number`], so a field can show it.
#[must_use]
pub fn from_whole_number(value: u32) -> Decimal {
    Decimal::from(value)
}

/// `value` as a whole number from 0 to `u32::MAX` (months, instances), or `None` when it has a
/// fraction, is negative or is larger.
#[must_use]
pub fn whole_number(value: Decimal) -> Option<u32> {
    if !value.fract().is_zero() {
        return None;
    }
    u32::try_from(value.trunc().normalize().mantissa()).ok()
}

/// Reads a decimal from a string, an integer or a float in a serde data format.
struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number, preferably as a string such as \"2.50\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0).map_err(|_| E::custom("the number is too large"))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v)
            .ok()
            .and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok())
            .ok_or_else(|| E::custom("the number is too large"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom("the number must be finite"));
        }
        // `{}` prints the shortest decimal that reads back as `v`: the number the user wrote
        // whenever it had at most 15 significant digits (see the module docs).
        parse_decimal(&format!("{v}")).map_err(E::custom)
    }
}

/// Serializes a decimal as a string, keeping the scale it was written with (`2.50` stays
/// `"2.50"`).
pub fn serialize_decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// Serializes a count (tokens, users, requests) as a string without trailing zeros: a count
/// typed as `6.75B` is 6,750,000,000 and is written `"6750000000"`, not with the `.00` its
/// multiplication left. The value is kept exactly: a fractional count keeps its digits (`"2.5"`).
pub fn serialize_count<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&value.normalize())
}

/// Deserializes a decimal exactly from a string, or from a bare number (see the module docs).
pub fn deserialize_decimal<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// A decimal for property tests and fuzzing: often small and plausible (so the engine is
/// reached), sometimes negative, sometimes anywhere in the whole range (so limits are hit).
#[cfg(any(test, feature = "arbitrary"))]
fn arbitrary_decimal(u: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<Decimal> {
    Ok(match u.int_in_range(0u8..=3)? {
        0 | 1 => Decimal::new(
            i64::from(u.int_in_range(0u32..=2_000_000)?),
            u.int_in_range(0u32..=3)?,
        ),
        2 => Decimal::new(i64::from(u.arbitrary::<i32>()?), u.int_in_range(0u32..=6)?),
        _ => Decimal::from_parts(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.int_in_range(0u32..=28)?,
        ),
    })
}

/// A value with a unit: lets validation and formatting treat every quantity alike.
pub trait Quantity: Copy + PartialOrd {
    /// The unit, as shown to people beside a value.
    const UNIT: &'static str;
    /// The exact decimal value.
    fn get(self) -> Decimal;
    /// `value` in this unit.
    fn from_decimal(value: Decimal) -> Self;
}

/// Defines a quantity: a newtype over `Decimal` whose name carries its unit, with checked
/// arithmetic among values of the same unit, exact serde as a decimal string, and display. A
/// quantity is written as typed ([`serialize_decimal`]) unless it says `written =
/// serialize_count`.
macro_rules! quantity {
    ($(#[$doc:meta])* $name:ident, unit = $unit:literal) => {
        quantity!($(#[$doc])* $name, unit = $unit, written = serialize_decimal);
    };
    ($(#[$doc:meta])* $name:ident, unit = $unit:literal, written = $written:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Decimal);

        impl $name {
            /// Zero of this unit.
            pub const ZERO: Self = Self(Decimal::ZERO);

            /// Wraps an exact decimal in this unit.
            #[must_use]
            pub const fn new(value: Decimal) -> Self {
                Self(value)
            }

            /// The exact decimal value.
            #[must_use]
            pub const fn get(self) -> Decimal {
                self.0
            }

            /// Adds a value of the same unit.
            pub fn checked_add(self, other: Self) -> Result<Self, ArithmeticError> {
                add(self.0, other.0, concat!("adding ", $unit)).map(Self)
            }

            /// Subtracts a value of the same unit.
            pub fn checked_sub(self, other: Self) -> Result<Self, ArithmeticError> {
                sub(self.0, other.0, concat!("subtracting ", $unit)).map(Self)
            }

            /// Multiplies by a plain number (a count, a share, a factor).
            pub fn checked_scale(self, factor: Decimal) -> Result<Self, ArithmeticError> {
                mul(self.0, factor, concat!("scaling ", $unit)).map(Self)
            }

            /// Divides by a plain number (a count of months, of instances).
            pub fn checked_div_by(self, divisor: Decimal) -> Result<Self, ArithmeticError> {
                div(self.0, divisor, concat!("dividing ", $unit)).map(Self)
            }

            /// How many times `other` fits in `self`: a plain number.
            pub fn checked_ratio(self, other: Self) -> Result<Decimal, ArithmeticError> {
                div(self.0, other.0, concat!("the ratio of two ", $unit))
            }

            /// Whether the value is below zero.
            #[must_use]
            pub const fn is_negative(self) -> bool {
                self.0.is_sign_negative() && !self.0.is_zero()
            }

            /// The value rounded to `dp` decimal places, halves away from zero (as on an
            /// invoice).
            #[must_use]
            pub fn round_dp(self, dp: u32) -> Self {
                Self(self.0.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
            }
        }

        #[cfg(any(test, feature = "arbitrary"))]
        impl<'a> arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                arbitrary_decimal(u).map(Self)
            }
        }

        impl Quantity for $name {
            const UNIT: &'static str = $unit;

            fn get(self) -> Decimal {
                self.0
            }

            fn from_decimal(value: Decimal) -> Self {
                Self(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_decimal(s).map(Self)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $written(&self.0, serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_decimal(deserializer).map(Self)
            }
        }
    };
}

quantity!(
    /// An amount of US dollars, paid once (a setup cost, a training run, a horizon total).
    Usd,
    unit = "USD"
);
quantity!(
    /// US dollars each month: a monthly bill or a monthly revenue.
    UsdPerMonth,
    unit = "USD/month"
);
quantity!(
    /// US dollars each year: a loaded salary, a yearly contract.
    UsdPerYear,
    unit = "USD/year"
);
quantity!(
    /// US dollars for each hour: an instance's price, an engineer's rate.
    UsdPerHour,
    unit = "USD/hour"
);
quantity!(
    /// US dollars for one million tokens: how API prices are quoted.
    UsdPerMillionTokens,
    unit = "USD per 1M tokens"
);
quantity!(
    /// Tokens processed in one month (input and output, or one of them as the field says).
    TokensPerMonth,
    unit = "tokens/month",
    written = serialize_count
);
quantity!(
    /// Tokens processed each second: a measured throughput.
    TokensPerSecond,
    unit = "tokens/s",
    written = serialize_count
);
quantity!(
    /// Hours in one month: time in service, engineering time.
    HoursPerMonth,
    unit = "hours/month"
);
quantity!(
    /// A percentage: 70 means 70 %. Shares, discounts, utilisation, growth and price trends.
    Percent,
    unit = "%"
);
quantity!(
    /// A plain factor: 1.5 means one and a half times (a retry factor, a peak-to-average ratio).
    Ratio,
    unit = "x"
);

quantity!(
    /// A plain count of things that can be fractional on average: users, requests, people.
    Count,
    unit = "",
    written = serialize_count
);
quantity!(
    /// A number of tokens, once (a corpus).
    Tokens,
    unit = "tokens",
    written = serialize_count
);
quantity!(
    /// Tokens in one request: the prompt, or the generated reply.
    TokensPerRequest,
    unit = "tokens/request",
    written = serialize_count
);
quantity!(
    /// Electric power drawn: an owned server's draw at load.
    Kilowatts,
    unit = "kW"
);
quantity!(
    /// US dollars for a kilowatt-hour of electricity.
    UsdPerKwh,
    unit = "USD/kWh"
);

impl UsdPerHour {
    /// The cost of paying this rate for `hours` each month.
    pub fn for_hours(self, hours: HoursPerMonth) -> Result<UsdPerMonth, ArithmeticError> {
        mul(self.0, hours.0, "USD/hour × hours/month").map(UsdPerMonth)
    }
}

impl UsdPerMillionTokens {
    /// The price of one token.
    pub fn per_token(self) -> Result<Decimal, ArithmeticError> {
        div(self.0, MILLION, "USD per 1M tokens ÷ 1,000,000")
    }

    /// What `tokens` cost each month at this price.
    pub fn cost_of(self, tokens: TokensPerMonth) -> Result<UsdPerMonth, ArithmeticError> {
        // Multiply first, then divide: exact for every price and volume in the limits.
        let product = mul(self.0, tokens.0, "USD per 1M tokens × tokens/month")?;
        div(product, MILLION, "USD ÷ 1,000,000 tokens").map(UsdPerMonth)
    }
}

impl UsdPerMonth {
    /// The volume at which tokens at `price` cost exactly this much each month: the break-even
    /// volume of a fixed monthly cost against a per-token price (seed 001's formula).
    pub fn tokens_at(self, price: UsdPerMillionTokens) -> Result<TokensPerMonth, ArithmeticError> {
        let per_million = div(self.0, price.0, "USD/month ÷ USD per 1M tokens")?;
        mul(per_million, MILLION, "millions of tokens × 1,000,000").map(TokensPerMonth)
    }

    /// This monthly amount over `months` months.
    pub fn over_months(self, months: u32) -> Result<Usd, ArithmeticError> {
        mul(self.0, Decimal::from(months), "USD/month × months").map(Usd)
    }
}

impl UsdPerMonth {
    /// The hourly rate that costs this much over `hours` each month: a monthly price per hour.
    pub fn per_hour_over(self, hours: HoursPerMonth) -> Result<UsdPerHour, ArithmeticError> {
        div(self.0, hours.0, "USD/month ÷ hours/month").map(UsdPerHour)
    }
}

impl UsdPerYear {
    /// One twelfth of this yearly amount.
    pub fn per_month(self) -> Result<UsdPerMonth, ArithmeticError> {
        div(self.0, Decimal::from(12), "USD/year ÷ 12").map(UsdPerMonth)
    }
}

impl Usd {
    /// This one-off amount spread evenly over `months` months.
    pub fn per_month_over(self, months: u32) -> Result<UsdPerMonth, ArithmeticError> {
        div(self.0, Decimal::from(months), "USD ÷ months").map(UsdPerMonth)
    }
}

impl Percent {
    /// The share as a fraction: 70 % is 0.7.
    pub fn fraction(self) -> Result<Decimal, ArithmeticError> {
        div(self.0, Decimal::ONE_HUNDRED, "percent ÷ 100")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_typed_as_people_say_it() {
        let range =
            |value: Option<Decimal>, low: Decimal, high: Decimal| Typed::Range { value, low, high };
        assert_eq!(parse_typed("2 to 9"), Ok(range(None, dec!(2), dec!(9))));
        assert_eq!(
            parse_typed("5 ± 3"),
            Ok(range(Some(dec!(5)), dec!(2), dec!(8)))
        );
        assert_eq!(
            parse_typed("5 +/- 3"),
            Ok(range(Some(dec!(5)), dec!(2), dec!(8)))
        );
        assert_eq!(
            parse_typed("5 ± 20%"),
            Ok(range(Some(dec!(5)), dec!(4), dec!(6)))
        );
        assert_eq!(
            parse_typed("-10 ± 50%"),
            Ok(range(Some(dec!(-10)), dec!(-15), dec!(-5)))
        );
        assert_eq!(
            parse_typed("4B (1B to 20B)"),
            Ok(range(
                Some(dec!(4_000_000_000)),
                dec!(1_000_000_000),
                dec!(20_000_000_000)
            ))
        );
        assert_eq!(parse_typed("1,500"), Ok(Typed::Number(dec!(1500))));
        assert!(parse_typed("2 to nine").is_err());
        assert!(parse_typed("5 (9)").is_err());
        assert!(parse_typed("79228162514264337593543950335 ± 1").is_err());
    }

    #[test]
    fn adding_past_the_largest_decimal_is_an_error_not_a_panic() {
        let max = Usd::new(Decimal::MAX);
        assert_eq!(
            max.checked_add(Usd::new(Decimal::ONE)),
            Err(ArithmeticError::Overflow {
                operation: "adding USD"
            })
        );
        assert!(
            Usd::new(Decimal::MIN)
                .checked_sub(Usd::new(Decimal::ONE))
                .is_err()
        );
        assert!(max.checked_scale(dec!(2)).is_err());
        assert!(
            UsdPerHour::new(Decimal::MAX)
                .for_hours(HoursPerMonth::new(HOURS_PER_MONTH))
                .is_err()
        );
    }

    #[test]
    fn a_whole_number_is_one_without_a_fraction_from_0_to_u32_max() {
        assert_eq!(whole_number(dec!(12)), Some(12));
        assert_eq!(whole_number(dec!(12.000)), Some(12), "written with a scale");
        assert_eq!(whole_number(dec!(-0)), Some(0));
        assert_eq!(whole_number(Decimal::from(u32::MAX)), Some(u32::MAX));
        assert_eq!(whole_number(dec!(12.5)), None);
        assert_eq!(whole_number(dec!(-3)), None);
        assert_eq!(whole_number(Decimal::from(u64::from(u32::MAX) + 1)), None);
        assert_eq!(whole_number(Decimal::MAX), None);
        assert_eq!(whole_number(Decimal::MIN), None);
    }

    #[test]
    fn a_monthly_price_per_hour_is_spread_over_the_hours() {
        let month = HoursPerMonth::new(HOURS_PER_MONTH);
        assert_eq!(
            UsdPerMonth::new(dec!(883.30)).per_hour_over(month),
            Ok(UsdPerHour::new(dec!(1.21)))
        );
        assert!(
            UsdPerMonth::new(Decimal::ONE)
                .per_hour_over(HoursPerMonth::ZERO)
                .is_err()
        );
    }

    #[test]
    fn dividing_by_zero_is_an_error_not_a_panic() {
        let fixed = UsdPerMonth::new(dec!(2383.30));
        assert!(matches!(
            fixed.tokens_at(UsdPerMillionTokens::ZERO),
            Err(ArithmeticError::DivisionByZero { .. })
        ));
        assert!(Usd::new(dec!(1)).per_month_over(0).is_err());
        assert!(Usd::new(dec!(1)).checked_ratio(Usd::ZERO).is_err());
    }

    #[test]
    fn the_largest_decimal_still_adds_zero_and_subtracts() {
        let max = Usd::new(Decimal::MAX);
        assert_eq!(max.checked_add(Usd::ZERO), Ok(max));
        assert_eq!(max.checked_sub(max), Ok(Usd::ZERO));
    }

    #[test]
    fn a_price_per_million_costs_volume_exactly() {
        // Seed 004: 25M tokens a day at $10 per 1M is $250 a day.
        let cost =
            UsdPerMillionTokens::new(dec!(10)).cost_of(TokensPerMonth::new(dec!(25_000_000)));
        assert_eq!(cost, Ok(UsdPerMonth::new(dec!(250))));
        // A fraction of a cent is kept, not rounded away.
        let tiny = UsdPerMillionTokens::new(dec!(0.15)).cost_of(TokensPerMonth::new(dec!(1)));
        assert_eq!(tiny, Ok(UsdPerMonth::new(dec!(0.00000015))));
    }

    #[test]
    fn seed_001_break_even_is_exact() {
        let fixed = UsdPerMonth::new(dec!(2383.30));
        let volume = fixed.tokens_at(UsdPerMillionTokens::new(dec!(0.50)));
        assert_eq!(volume, Ok(TokensPerMonth::new(dec!(4_766_600_000))));
    }

    #[test]
    fn a_month_is_730_hours() {
        let instance = UsdPerHour::new(dec!(1.21)).for_hours(HoursPerMonth::new(HOURS_PER_MONTH));
        assert_eq!(instance, Ok(UsdPerMonth::new(dec!(883.30))));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(Usd::new(dec!(2.345)).round_dp(2), Usd::new(dec!(2.35)));
        assert_eq!(Usd::new(dec!(-2.345)).round_dp(2), Usd::new(dec!(-2.35)));
        assert_eq!(Usd::new(dec!(2.344)).round_dp(2), Usd::new(dec!(2.34)));
    }

    fn written<T: Serialize>(value: T) -> String {
        ron::to_string(&value).expect("a quantity writes")
    }

    #[test]
    fn counts_are_written_without_trailing_zeros_and_money_as_typed() {
        assert_eq!(
            written(TokensPerMonth::new(dec!(6750000000.00))),
            r#""6750000000""#
        );
        assert_eq!(written(TokensPerRequest::new(dec!(2.50))), r#""2.5""#);
        assert_eq!(written(Count::new(dec!(0.50))), r#""0.5""#);
        assert_eq!(written(Tokens::new(dec!(1000.000))), r#""1000""#);
        assert_eq!(written(TokensPerSecond::new(dec!(301.0))), r#""301""#);
        assert_eq!(written(UsdPerMillionTokens::new(dec!(10.00))), r#""10.00""#);
        assert_eq!(written(Usd::new(dec!(2383.30))), r#""2383.30""#);
        let read: TokensPerRequest = ron::from_str(r#""2.5""#).expect("reads");
        assert_eq!(read.get(), dec!(2.5));
    }

    #[test]
    fn people_write_numbers_with_underscores_and_exponents_but_not_commas() {
        assert_eq!(parse_decimal("1_000_000"), Ok(dec!(1000000)));
        assert_eq!(parse_decimal(" 0.50 "), Ok(dec!(0.50)));
        assert_eq!(parse_decimal("4.7666e9"), Ok(dec!(4766600000)));
        assert!(
            parse_decimal("1,000")
                .unwrap_err()
                .contains("without commas")
        );
        assert!(parse_decimal("").is_err());
        assert!(parse_decimal("abc").is_err());
        assert!(parse_decimal("1e400").is_err());
    }

    proptest::proptest! {
        /// The module docs' promise: a bare number of up to 15 significant digits, as RON reads
        /// it (through `f64`), loads as exactly the decimal written.
        #[test]
        fn bare_numbers_of_up_to_15_digits_load_exactly(mantissa in 0i64..1_000_000_000_000_000, scale in 0u32..=15) {
            let written = Decimal::new(mantissa, scale);
            let read: Usd = ron::from_str(&written.to_string()).expect("a bare number loads");
            proptest::prop_assert_eq!(read.get(), written);
        }
    }

    #[test]
    fn the_window_reads_numbers_as_people_type_them() {
        assert_eq!(parse_human("1.5B"), Ok(dec!(1_500_000_000)));
        assert_eq!(parse_human("800m"), Ok(dec!(800_000_000)));
        assert_eq!(parse_human("25K"), Ok(dec!(25_000)));
        assert_eq!(parse_human("1,500,000"), Ok(dec!(1_500_000)));
        assert_eq!(parse_human("1,234.5"), Ok(dec!(1234.5)));
        assert_eq!(parse_human(" 0.50 "), Ok(dec!(0.50)));
        assert_eq!(parse_human("-3"), Ok(dec!(-3)));
        assert_eq!(parse_human("$42,000"), Ok(dec!(42_000)));
        assert_eq!(parse_human("$1.5M"), Ok(dec!(1_500_000)));
        assert!(parse_human("$").is_err());
        assert!(
            parse_human("1,50").is_err(),
            "a decimal comma is refused, not guessed"
        );
        assert!(parse_human("B").is_err());
        assert!(parse_human("abc").is_err());
        assert!(parse_human("").is_err());
    }

    #[test]
    fn yearly_becomes_monthly_and_percent_becomes_fraction() {
        assert_eq!(
            UsdPerYear::new(dec!(300_000)).per_month(),
            Ok(UsdPerMonth::new(dec!(25_000)))
        );
        assert_eq!(Percent::new(dec!(70)).fraction(), Ok(dec!(0.7)));
    }
}
