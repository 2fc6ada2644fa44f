//! Seed 001's napkin calculator: the volume at which one self-hosted instance plus its upkeep
//! costs what the API does (seed 001, section 8, `calculate_break_even`).
//!
//! It counts what the article counts and nothing more: one instance, always on, with unlimited
//! throughput, and engineering hours. The cost engine adds capacity, idle hours, security and
//! the rest; this stays as the article wrote it so its figures can be checked.

use rust_decimal::{Decimal, RoundingStrategy, dec};
use serde::Serialize;

use crate::error::ArithmeticError;
use crate::format::{fixed, group_thousands, usd_cents};
use crate::scenario::Limits;
use crate::units::{
    HOURS_PER_MONTH, HoursPerMonth, Quantity, TokensPerMonth, UsdPerHour, UsdPerMillionTokens,
    UsdPerMonth,
};

/// The instance's cost: by the hour as the article's code has it, or by the month as its prose
/// does ("~$870/month").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstanceCost {
    /// A price per hour, paid for every hour in service.
    PerHour(UsdPerHour),
    /// A monthly price.
    PerMonth(UsdPerMonth),
}

/// The calculator's inputs, named as its command-line flags are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickInputs {
    /// The API's blended price.
    pub api_usd_per_1m: UsdPerMillionTokens,
    /// The instance's price.
    pub instance: InstanceCost,
    /// A fully loaded MLOps engineer's hourly cost.
    pub mlops_usd_per_hour: UsdPerHour,
    /// Engineering hours each month to keep the instance running.
    pub mlops_hours_per_month: HoursPerMonth,
    /// Hours the instance is billed each month (730: always on).
    pub hours_per_month: HoursPerMonth,
}

impl QuickInputs {
    /// Seed 001's own case: $0.50 per 1M tokens, a $1.21/hour g5.2xlarge, 10 hours a month of
    /// MLOps at $150/hour.
    #[must_use]
    pub fn seed_001() -> Self {
        Self {
            api_usd_per_1m: UsdPerMillionTokens::new(dec!(0.50)),
            instance: InstanceCost::PerHour(UsdPerHour::new(dec!(1.21))),
            mlops_usd_per_hour: UsdPerHour::new(dec!(150)),
            mlops_hours_per_month: HoursPerMonth::new(dec!(10)),
            hours_per_month: HoursPerMonth::new(HOURS_PER_MONTH),
        }
    }
}

/// An input the calculator cannot use, named by its field (the flag with `_` for `-`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field} {message}")]
pub struct QuickError {
    /// The input's name, such as `api_usd_per_1m`.
    pub field: &'static str,
    /// What is wrong with it, completing a sentence that starts with the field's name.
    pub message: String,
}

/// The exact result; round only to show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickBreakEven {
    /// The instance's cost each month.
    pub instance_usd_per_month: UsdPerMonth,
    /// The engineering time's cost each month.
    pub labour_usd_per_month: UsdPerMonth,
    /// Instance plus labour: the fixed monthly cost of self-hosting.
    pub self_host_monthly_fixed: UsdPerMonth,
    /// The monthly volume at which the API costs the same as the fixed cost.
    pub break_even: TokensPerMonth,
}

/// The JSON the command line prints: decimals as strings, money with two decimals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuickReport {
    /// The instance's cost each month, to the cent.
    pub instance_usd_per_month: String,
    /// The engineering time's cost each month, to the cent.
    pub labour_usd_per_month: String,
    /// Seed 001's `self_host_monthly_fixed_usd`, to the cent.
    pub self_host_monthly_fixed_usd: String,
    /// The break-even volume, to the token.
    pub break_even_tokens_per_month: String,
    /// The break-even volume in billions, to two decimals (seed 001's `break_even_billions`).
    pub break_even_billions: String,
}

fn check(field: &'static str, value: Decimal, max: Decimal, unit: &str) -> Result<(), QuickError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(QuickError {
            field,
            message: format!("must not be negative; it is {value}"),
        });
    }
    if value > max {
        return Err(QuickError {
            field,
            message: format!(
                "must be at most {} {unit}; it is {}",
                group_thousands(max),
                group_thousands(value)
            ),
        });
    }
    Ok(())
}

fn overflow(field: &'static str) -> impl Fn(ArithmeticError) -> QuickError {
    move |e| QuickError {
        field,
        message: format!("is too large: {e}"),
    }
}

/// Computes the fixed monthly cost of one self-hosted instance and the volume at which the API
/// costs as much, exactly.
pub fn break_even(inputs: &QuickInputs) -> Result<QuickBreakEven, QuickError> {
    check(
        "api_usd_per_1m",
        inputs.api_usd_per_1m.get(),
        Limits::USD_PER_1M,
        UsdPerMillionTokens::UNIT,
    )?;
    if inputs.api_usd_per_1m.get().is_zero() {
        return Err(QuickError {
            field: "api_usd_per_1m",
            message: "must be above zero: an API that costs nothing is always cheaper, so there is no break-even"
                .to_owned(),
        });
    }
    check(
        "mlops_usd_per_hour",
        inputs.mlops_usd_per_hour.get(),
        Limits::USD_PER_HOUR,
        UsdPerHour::UNIT,
    )?;
    check(
        "mlops_hours_per_month",
        inputs.mlops_hours_per_month.get(),
        Limits::STAFF_HOURS_PER_MONTH,
        HoursPerMonth::UNIT,
    )?;
    check(
        "hours_per_month",
        inputs.hours_per_month.get(),
        HOURS_PER_MONTH,
        "hours in a month",
    )?;
    let instance_usd_per_month = match inputs.instance {
        InstanceCost::PerHour(price) => {
            check(
                "gpu_usd_per_hour",
                price.get(),
                Limits::USD_PER_HOUR,
                UsdPerHour::UNIT,
            )?;
            price
                .for_hours(inputs.hours_per_month)
                .map_err(overflow("gpu_usd_per_hour"))?
        }
        InstanceCost::PerMonth(price) => {
            check(
                "gpu_usd_per_month",
                price.get(),
                Limits::USD_PER_PERIOD,
                UsdPerMonth::UNIT,
            )?;
            price
        }
    };
    let labour_usd_per_month = inputs
        .mlops_usd_per_hour
        .for_hours(inputs.mlops_hours_per_month)
        .map_err(overflow("mlops_usd_per_hour"))?;
    let self_host_monthly_fixed = instance_usd_per_month
        .checked_add(labour_usd_per_month)
        .map_err(overflow("mlops_usd_per_hour"))?;
    let break_even = self_host_monthly_fixed
        .tokens_at(inputs.api_usd_per_1m)
        .map_err(overflow("api_usd_per_1m"))?;
    Ok(QuickBreakEven {
        instance_usd_per_month,
        labour_usd_per_month,
        self_host_monthly_fixed,
        break_even,
    })
}

const BILLION: Decimal = dec!(1_000_000_000);

impl QuickBreakEven {
    /// The break-even volume in billions of tokens, to two decimals.
    #[must_use]
    pub fn billions(&self) -> Decimal {
        // Below the validation limits this division cannot fail; saturate rather than panic.
        let billions = self
            .break_even
            .get()
            .checked_div(BILLION)
            .unwrap_or(Decimal::MAX);
        billions.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    }

    /// The figures as the JSON report gives them.
    #[must_use]
    pub fn report(&self) -> QuickReport {
        let cents = |v: UsdPerMonth| fixed(v.get(), 2);
        QuickReport {
            instance_usd_per_month: cents(self.instance_usd_per_month),
            labour_usd_per_month: cents(self.labour_usd_per_month),
            self_host_monthly_fixed_usd: cents(self.self_host_monthly_fixed),
            break_even_tokens_per_month: fixed(self.break_even.get(), 0),
            break_even_billions: fixed(self.billions(), 2),
        }
    }

    /// The result as seed 001's script prints it, in two lines.
    #[must_use]
    pub fn text(&self) -> String {
        format!(
            "Monthly Self-Host Fixed Cost: {} (instance {} + labour {})\n\
             You must process {} Billion tokens/month ({} tokens) to justify self-hosting.\n",
            usd_cents(self.self_host_monthly_fixed.get()),
            usd_cents(self.instance_usd_per_month.get()),
            usd_cents(self.labour_usd_per_month.get()),
            self.billions(),
            group_thousands(self.break_even.round_dp(0).get()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_001_case_gives_the_articles_figures() {
        let result = break_even(&QuickInputs::seed_001()).expect("valid inputs");
        assert_eq!(
            result.instance_usd_per_month,
            UsdPerMonth::new(dec!(883.30))
        );
        assert_eq!(result.labour_usd_per_month, UsdPerMonth::new(dec!(1500)));
        let report = result.report();
        assert_eq!(report.self_host_monthly_fixed_usd, "2383.30");
        assert_eq!(report.break_even_tokens_per_month, "4766600000");
        assert_eq!(report.break_even_billions, "4.77");
    }

    #[test]
    fn seed_001_prose_with_an_870_dollar_instance_gives_4_74_billion() {
        let inputs = QuickInputs {
            instance: InstanceCost::PerMonth(UsdPerMonth::new(dec!(870))),
            ..QuickInputs::seed_001()
        };
        let report = break_even(&inputs).expect("valid inputs").report();
        assert_eq!(report.self_host_monthly_fixed_usd, "2370.00");
        assert_eq!(report.break_even_tokens_per_month, "4740000000");
        assert_eq!(report.break_even_billions, "4.74");
    }

    #[test]
    fn the_text_reads_like_the_articles_two_lines() {
        let text = break_even(&QuickInputs::seed_001())
            .expect("valid inputs")
            .text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].starts_with("Monthly Self-Host Fixed Cost: $2,383.30"),
            "{text}"
        );
        assert!(
            lines[1].starts_with("You must process 4.77 Billion tokens/month"),
            "{text}"
        );
        assert!(lines[1].contains("4,766,600,000 tokens"), "{text}");
    }

    #[test]
    fn a_free_api_has_no_break_even_and_says_so() {
        let inputs = QuickInputs {
            api_usd_per_1m: UsdPerMillionTokens::ZERO,
            ..QuickInputs::seed_001()
        };
        let error = break_even(&inputs).unwrap_err();
        assert_eq!(error.field, "api_usd_per_1m");
        assert!(error.message.contains("no break-even"));
    }

    #[test]
    fn negative_and_absurd_inputs_are_refused_by_name() {
        let negative = QuickInputs {
            mlops_usd_per_hour: UsdPerHour::new(dec!(-150)),
            ..QuickInputs::seed_001()
        };
        assert_eq!(
            break_even(&negative).unwrap_err().field,
            "mlops_usd_per_hour"
        );
        let huge = QuickInputs {
            instance: InstanceCost::PerHour(UsdPerHour::new(Decimal::MAX)),
            ..QuickInputs::seed_001()
        };
        assert_eq!(break_even(&huge).unwrap_err().field, "gpu_usd_per_hour");
        let long_month = QuickInputs {
            hours_per_month: HoursPerMonth::new(dec!(800)),
            ..QuickInputs::seed_001()
        };
        assert_eq!(
            break_even(&long_month).unwrap_err().field,
            "hours_per_month"
        );
    }

    #[test]
    fn a_tiny_price_at_the_limits_does_not_overflow() {
        let inputs = QuickInputs {
            api_usd_per_1m: UsdPerMillionTokens::new(dec!(0.0000000000000000000000000001)),
            instance: InstanceCost::PerMonth(UsdPerMonth::new(Limits::USD_PER_PERIOD)),
            ..QuickInputs::seed_001()
        };
        // Either an exact answer or an error naming a field; never a panic.
        if let Err(error) = break_even(&inputs) {
            assert_eq!(error.field, "api_usd_per_1m");
        }
    }
}
