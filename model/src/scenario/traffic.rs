//! The monthly token volume a workload describes.

use rust_decimal::{Decimal, dec};

use super::{Volume, Workload};
use crate::error::{AtField, ComputeError};
use crate::units::{div, mul};

/// Days in a month: 365/12, as everywhere (seed 004's $250/day becomes $7,604.17/month).
const DAYS_PER_YEAR: Decimal = dec!(365);
const MONTHS_PER_YEAR: Decimal = dec!(12);

/// Tokens in one month, input and output apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Traffic {
    /// Prompt tokens a month.
    pub input: Decimal,
    /// Generated tokens a month.
    pub output: Decimal,
}

impl Traffic {
    /// Input and output together.
    pub fn total(self) -> Result<Decimal, ComputeError> {
        crate::units::add(self.input, self.output, "input + output tokens").at("workload.volume")
    }

    /// The share of input in the total, 0 to 1; one half when there is no traffic to say.
    pub fn input_share(self) -> Result<Decimal, ComputeError> {
        let total = self.total()?;
        if total.is_zero() {
            return Ok(dec!(0.5));
        }
        div(self.input, total, "input ÷ total tokens").at("workload.volume")
    }
}

impl Workload {
    /// Tokens a month, input and output together, rounded up to whole tokens: what a flat fee
    /// is taken to cover when nothing better is known.
    pub fn whole_tokens_per_month(&self) -> Result<Decimal, ComputeError> {
        traffic(self).and_then(Traffic::total).map(|t| t.ceil())
    }
}

/// The workload's monthly traffic: given directly, or daily users × requests a day × tokens a
/// request × 365/12 days (seed 004).
pub fn traffic(workload: &Workload) -> Result<Traffic, ComputeError> {
    match &workload.volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => Ok(Traffic {
            input: input_tokens_per_month.value.get(),
            output: output_tokens_per_month.value.get(),
        }),
        Volume::Users {
            daily_users,
            requests_per_user_per_day,
            input_tokens_per_request,
            output_tokens_per_request,
        } => {
            let path = "workload.volume.daily_users";
            let requests_per_day = mul(
                daily_users.value.get(),
                requests_per_user_per_day.value.get(),
                "users × requests",
            )
            .at(path)?;
            let per_month = |tokens: Decimal| -> Result<Decimal, ComputeError> {
                // Multiply by 365 before dividing by 12, so whole figures stay whole as long as
                // they can.
                let per_day =
                    mul(requests_per_day, tokens, "requests × tokens per request").at(path)?;
                let per_year = mul(per_day, DAYS_PER_YEAR, "tokens a day × 365").at(path)?;
                div(per_year, MONTHS_PER_YEAR, "tokens a year ÷ 12").at(path)
            };
            Ok(Traffic {
                input: per_month(input_tokens_per_request.value.get())?,
                output: per_month(output_tokens_per_request.value.get())?,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sourced::Sourced;
    use crate::units::{Count, Percent, Ratio, TokensPerRequest};

    #[test]
    fn seed_004_users_make_25_million_tokens_a_day() {
        let workload = Workload {
            volume: Volume::Users {
                daily_users: Sourced::bare(Count::new(dec!(1000))),
                requests_per_user_per_day: Sourced::bare(Count::new(dec!(50))),
                input_tokens_per_request: Sourced::bare(TokensPerRequest::new(dec!(500))),
                output_tokens_per_request: Sourced::bare(TokensPerRequest::ZERO),
            },
            growth_percent_per_month: Sourced::bare(Percent::ZERO),
            peak_to_average: Sourced::bare(Ratio::new(Decimal::ONE)),
            reply_tokens: Sourced::default(),
        };
        let traffic = traffic(&workload).expect("computes");
        // 25M a day × 365 / 12.
        assert_eq!(traffic.input, dec!(25_000_000) * dec!(365) / dec!(12));
        assert_eq!(traffic.input.round_dp(0), dec!(760_416_667));
        assert_eq!(traffic.input_share(), Ok(Decimal::ONE));
    }
}
