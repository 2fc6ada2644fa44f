//! Numbers written for people: thousands separators, cents, billions.

use rust_decimal::{Decimal, RoundingStrategy, dec};
use thousands::Separable;

/// The exact decimal with commas between thousands: `4766600000` → `4,766,600,000`.
#[must_use]
pub fn group_thousands(value: Decimal) -> String {
    value.to_string().separate_with_commas()
}

/// `value` with exactly `dp` decimals, halves away from zero, no separators: how JSON and CSV
/// carry figures (`2383.30`, `4766600000`).
#[must_use]
pub fn fixed(value: Decimal, dp: u32) -> String {
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    format!("{rounded:.prec$}", prec = dp as usize)
}

/// Dollars rounded to the cent (halves away from zero) with separators: `$2,383.30`.
#[must_use]
pub fn usd_cents(value: Decimal) -> String {
    // Always two decimals, as on an invoice: 1500 → 1,500.00.
    let text = fixed(value, 2).separate_with_commas();
    match text.strip_prefix('-') {
        Some(positive) => format!("-${positive}"),
        None => format!("${text}"),
    }
}

/// A file's size in megabytes (MiB) to a tenth, as a refusal says it: 209,715,200 bytes is
/// `200.0`.
#[must_use]
pub fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What the JSON parser found wrong, without its own " at line L column C": where is said
/// once, by the caller.
#[must_use]
pub fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned()
}

/// What the JSON parser found wrong and where: `… (line L, column C)`.
#[must_use]
pub fn json_problem(error: &serde_json::Error) -> String {
    format!(
        "{} (line {}, column {})",
        json_message(error),
        error.line(),
        error.column()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn thousands_are_grouped_and_decimals_kept() {
        assert_eq!(group_thousands(dec!(4766600000)), "4,766,600,000");
        assert_eq!(group_thousands(dec!(1234.5678)), "1,234.5678");
        assert_eq!(group_thousands(dec!(-1000)), "-1,000");
        assert_eq!(group_thousands(dec!(999)), "999");
    }

    #[test]
    fn dollars_show_two_decimals() {
        assert_eq!(usd_cents(dec!(2383.3)), "$2,383.30");
        assert_eq!(usd_cents(dec!(1500)), "$1,500.00");
        assert_eq!(usd_cents(dec!(0.005)), "$0.01");
        assert_eq!(usd_cents(dec!(-1234.5)), "-$1,234.50");
    }
}

/// The suffixes people put on token counts: trillion, billion, million, thousand.
const TOKEN_UNITS: [(Decimal, &str); 4] = [
    (dec!(1_000_000_000_000), "T"),
    (dec!(1_000_000_000), "B"),
    (dec!(1_000_000), "M"),
    (dec!(1_000), "K"),
];

/// A token volume as people say it: `4.77B`, `800M`, `25K`, two decimals at most.
#[must_use]
pub fn tokens_short(value: Decimal) -> String {
    for (size, suffix) in TOKEN_UNITS {
        // Dividing by a thousand or more only shrinks a value, so the quotient always exists.
        if value.abs() >= size
            && let Some(quotient) = value.checked_div(size)
        {
            let scaled = quotient.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            return format!("{}{suffix}", scaled.normalize());
        }
    }
    fixed(value, 0)
}

/// Dollars as a chart's axis says them: `$4.77M`, `$250K`, `-$1.2K`, two decimals at most.
#[must_use]
pub fn usd_short(value: Decimal) -> String {
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}${}", tokens_short(value.abs()))
}

/// A token count as an exact short form when there is one (`700M`, `1.5B`, `25K`), and with
/// separators otherwise (`760,416,666.67`): what a field shows, so nothing is rounded away.
#[must_use]
pub fn tokens_exact(value: Decimal) -> String {
    for (i, (size, suffix)) in TOKEN_UNITS.into_iter().enumerate() {
        if value.abs() >= size
            && let Some(quotient) = value.checked_div(size)
        {
            let scaled = quotient.normalize();
            // Below the largest unit, a thousand or more of a unit is the next unit's business:
            // 7,000,015,625 is not "7000015.625K".
            let in_range = i == 0 || scaled.abs() < dec!(1000);
            if in_range && scaled.scale() <= 3 && scaled.checked_mul(size) == Some(value) {
                return format!("{scaled}{suffix}");
            }
        }
    }
    group_thousands(value.normalize())
}

/// A fraction in percent, `None` when it is too large to hold (a margin on almost no revenue).
#[must_use]
pub fn in_percent(fraction: Decimal) -> Option<Decimal> {
    fraction.checked_mul(Decimal::ONE_HUNDRED)
}

/// A fraction as a percentage with one decimal: 0.928 → `92.8%`.
#[must_use]
pub fn percent(fraction: Decimal) -> String {
    match in_percent(fraction) {
        Some(value) => format!(
            "{:.1}%",
            value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        ),
        None => "beyond any scale".to_owned(),
    }
}

#[cfg(test)]
mod short_tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn volumes_read_as_people_write_them() {
        assert_eq!(tokens_short(dec!(4_766_600_000)), "4.77B");
        assert_eq!(tokens_short(dec!(800_000_000)), "800M");
        assert_eq!(tokens_short(dec!(25_000)), "25K");
        assert_eq!(tokens_short(dec!(100_000_000_000_000)), "100T");
        assert_eq!(tokens_short(dec!(999)), "999");
        assert_eq!(usd_short(dec!(4_766_600)), "$4.77M");
        assert_eq!(usd_short(dec!(-250_000)), "-$250K");
        assert_eq!(usd_short(dec!(0)), "$0");
        assert_eq!(percent(dec!(0.928)), "92.8%");
        assert_eq!(tokens_exact(dec!(700_000_000)), "700M");
        assert_eq!(tokens_exact(dec!(1_500_000_000)), "1.5B");
        assert_eq!(tokens_exact(dec!(760_416_666.67)), "760,416,666.67");
        assert_eq!(tokens_exact(dec!(999)), "999");
        // A thousand or more of a unit is not how anyone writes it.
        assert_eq!(tokens_exact(dec!(7_000_015_625)), "7,000,015,625");
        assert_eq!(tokens_exact(dec!(1_234_500_000_000_000)), "1234.5T");
        assert_eq!(percent(dec!(0.16)), "16.0%");
        // A margin on almost no revenue can be larger than any percentage: said, not a panic.
        assert_eq!(percent(Decimal::MIN), "beyond any scale");
    }
}
