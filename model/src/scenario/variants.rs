//! Switching one of a scenario's choices to another kind, as the window's combo boxes and check
//! boxes do: an hourly price quoted per month, staff counted as people instead of hours, the
//! tuned model served per token instead of on instances, the monthly volume dragged to a new
//! total. (A measured throughput limit comes from the catalog: `Hosting::measured_throughput`.) Values carry over where they convert exactly; where there is nothing to carry, the new
//! kind starts from a figure the seeds give. The window does no arithmetic of its own: every
//! conversion here is checked and says when a value is too large to convert.

use rust_decimal::Decimal;
use rust_decimal::dec;

use super::{FineTune, InstancePrice, OwnedServer, Revenue, Scenario, Staff, TunedServing, Volume};
use crate::error::ArithmeticError;
use crate::sourced::Sourced;
use crate::units::{
    Count, HOURS_PER_MONTH, HoursPerMonth, Percent, TokensPerMonth, TokensPerRequest, UsdPerHour,
    UsdPerMillionTokens, UsdPerMonth, UsdPerYear,
};

/// How an instance's price is quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceKind {
    /// Per hour, paid for the hours in service.
    OnDemand,
    /// Per hour under a reservation, every hour of the month paid.
    Reserved,
    /// Per month.
    Monthly,
    /// Per hour, for the hours the work needs (scale to zero).
    PerBusyHour,
    /// Servers bought outright.
    Owned,
}

impl PriceKind {
    /// Every kind.
    pub const ALL: [Self; 5] = [
        Self::OnDemand,
        Self::Reserved,
        Self::Monthly,
        Self::PerBusyHour,
        Self::Owned,
    ];
}

/// What a busy-hour price bills beyond the busy hours when it is first chosen: Red Hat
/// ConfigIQ's default runtime buffer (`docs/HYBRID_SAVINGS_METHODOLOGY.md`, "Rented
/// infrastructure").
const DEFAULT_BUFFER_PERCENT: Decimal = dec!(10);

/// One owned server's costs in a month, line by line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnedMonthly {
    /// The purchase less its resale value, spread evenly over its life.
    pub depreciation: Decimal,
    /// Installation and commissioning, spread evenly over the life; never resold.
    pub installation: Decimal,
    /// The yearly cost of capital on the average book value held over the period, for a month.
    pub capital: Decimal,
    /// Maintenance and spares.
    pub maintenance: Decimal,
    /// Power at load, with the facility's overhead (PUE).
    pub power: Decimal,
    /// Rack space, cooling and networking.
    pub facilities: Decimal,
}

impl OwnedMonthly {
    /// The six lines added up.
    pub fn total(&self) -> Result<Decimal, ArithmeticError> {
        [
            self.installation,
            self.capital,
            self.maintenance,
            self.power,
            self.facilities,
        ]
        .iter()
        .try_fold(self.depreciation, |sum, amount| {
            crate::units::add(sum, *amount, "adding an owned server's costs")
        })
    }
}

impl OwnedServer {
    /// What one server costs a month, running `hours` a month and held for a period of `months`
    /// (the horizon), as Red Hat ConfigIQ's methodology counts purchased hardware
    /// (`docs/HYBRID_SAVINGS_METHODOLOGY.md`, "Purchased hardware"):
    /// - depreciation is the purchase less its resale value over the life in months, and
    ///   installation is spread over the life with nothing back;
    /// - the cost of capital is charged on the average book value held: each life completed in
    ///   the period holds, on average, halfway between purchase plus installation and the resale
    ///   value; the last, part-held life averages its opening and its ending book value. Over a
    ///   36-month horizon a 48-month server is sold after 36, so more of its value is held on
    ///   average than over a whole life;
    /// - maintenance is a yearly share of the purchase; power is kW × PUE × hours × price per
    ///   kWh.
    pub fn monthly(
        &self,
        hours: HoursPerMonth,
        months: u32,
    ) -> Result<OwnedMonthly, ArithmeticError> {
        use crate::units::{add, div, mul, sub};
        let purchase = self.purchase_usd.value.get();
        let installation = self.installation_usd.value.get();
        let life = self.life_months.value.max(1);
        let months = months.max(1);
        let resale = self.resale_value(purchase)?;
        let life_d = Decimal::from(life);
        let depreciation = div(
            sub(purchase, resale, "purchase − resale")?,
            life_d,
            "÷ life in months",
        )?;
        let installation_monthly = div(installation, life_d, "installation ÷ life in months")?;
        // Lives completed within the period, then the months held of the last one (1..=life).
        let completed = months.saturating_sub(1).checked_div(life).unwrap_or(0);
        let completed_months = completed.saturating_mul(life);
        let held = months.saturating_sub(completed_months);
        let bought = add(purchase, installation, "purchase + installation")?;
        let whole_life_average = div(
            add(bought, resale, "purchase + installation + resale")?,
            Decimal::TWO,
            "÷ 2",
        )?;
        let held_share = div(Decimal::from(held), life_d, "months held ÷ life")?;
        let hardware_left = sub(
            purchase,
            mul(
                sub(purchase, resale, "purchase − resale")?,
                held_share,
                "× share held",
            )?,
            "book value of the hardware",
        )?;
        let installation_left = mul(
            installation,
            sub(Decimal::ONE, held_share, "1 − share held")?,
            "book value of the installation",
        )?;
        let ending = add(hardware_left, installation_left, "ending book value")?;
        let last_average = div(
            add(bought, ending, "opening + ending")?,
            Decimal::TWO,
            "÷ 2",
        )?;
        let value_months = add(
            mul(
                whole_life_average,
                Decimal::from(completed_months),
                "average × months of completed lives",
            )?,
            mul(last_average, Decimal::from(held), "average × months held")?,
            "value-months held",
        )?;
        let average = div(value_months, Decimal::from(months), "÷ months")?;
        let yearly_capital = mul(
            average,
            self.capital_percent_per_year.value.fraction()?,
            "value × rate",
        )?;
        let capital = div(yearly_capital, dec!(12), "yearly ÷ 12")?;
        let yearly_maintenance = mul(
            purchase,
            self.maintenance_percent_per_year.value.fraction()?,
            "purchase × maintenance",
        )?;
        let maintenance = div(yearly_maintenance, dec!(12), "yearly ÷ 12")?;
        let drawn = mul(self.power_kw.value.get(), self.pue.value.get(), "kW × PUE")?;
        let kwh = mul(drawn, hours.get(), "kW × hours")?;
        let power = mul(kwh, self.usd_per_kwh.value.get(), "kWh × price")?;
        Ok(OwnedMonthly {
            depreciation,
            installation: installation_monthly,
            capital,
            maintenance,
            power,
            facilities: self.facilities_usd_per_month.value.get(),
        })
    }

    /// What a server bought for `paid` sells for at the end of its life.
    pub fn resale_value(&self, paid: Decimal) -> Result<Decimal, ArithmeticError> {
        crate::units::mul(
            paid,
            self.resale_percent.value.fraction()?,
            "purchase × resale",
        )
    }

    /// A server bought instead of renting at `hourly`: every figure a starting assumption to
    /// confirm, from Red Hat ConfigIQ's defaults (life 4 years, resale 20%, capital 8%,
    /// maintenance 5%, PUE 1.4, $0.12/kWh, facilities $200 a server) and a purchase of a year of
    /// the rented price, to replace with the vendor's quote.
    fn instead_of(hourly: &Sourced<UsdPerHour>) -> Result<Self, ArithmeticError> {
        let configiq = "Red Hat ConfigIQ's default (docs/HYBRID_SAVINGS_METHODOLOGY.md)";
        let year = hourly
            .value
            .for_hours(HoursPerMonth::new(HOURS_PER_MONTH))?
            .get();
        let year = crate::units::mul(year, dec!(12), "monthly × 12")?;
        Ok(Self {
            purchase_usd: Sourced::assumed(
                crate::units::Usd::new(year),
                "starting point: a year of the rented price; replace it with the vendor's quote",
            ),
            life_months: Sourced::assumed(48, configiq),
            resale_percent: Sourced::assumed(Percent::new(dec!(20)), configiq),
            capital_percent_per_year: Sourced::assumed(Percent::new(dec!(8)), configiq),
            maintenance_percent_per_year: Sourced::assumed(Percent::new(dec!(5)), configiq),
            power_kw: Sourced::assumed(
                crate::units::Kilowatts::new(Decimal::ONE),
                "starting point: 1 kW; ConfigIQ counts 450 W a server and each GPU's full TDP",
            ),
            pue: Sourced::assumed(crate::units::Ratio::new(dec!(1.4)), configiq),
            usd_per_kwh: Sourced::assumed(crate::units::UsdPerKwh::new(dec!(0.12)), configiq),
            facilities_usd_per_month: Sourced::assumed(UsdPerMonth::new(dec!(200)), configiq),
            installation_usd: Sourced::assumed(
                crate::units::Usd::new(crate::units::mul(year, dec!(0.07), "purchase × 7%")?),
                "starting point: 7% of the purchase, as Red Hat ConfigIQ's catalog prices an 8-GPU A100 server's ($11,200 on $160,000)",
            ),
        })
    }
}

/// A reservation's term when a price becomes reserved: the catalog's reserved prices are for
/// one year (assets/catalog.ron).
pub const DEFAULT_TERM_MONTHS: u32 = 12;

impl InstancePrice {
    /// How this price is quoted.
    #[must_use]
    pub const fn kind(&self) -> PriceKind {
        match self {
            Self::OnDemand { .. } => PriceKind::OnDemand,
            Self::Reserved { .. } => PriceKind::Reserved,
            Self::Monthly { .. } => PriceKind::Monthly,
            Self::PerBusyHour { .. } => PriceKind::PerBusyHour,
            Self::Owned(_) => PriceKind::Owned,
        }
    }

    /// The price of one instance-hour, with its source note: as quoted, or a monthly price
    /// (an owned server's month, always on) spread over the 730 hours of a month.
    pub fn per_hour(&self) -> Result<Sourced<UsdPerHour>, ArithmeticError> {
        let month = HoursPerMonth::new(HOURS_PER_MONTH);
        match self {
            Self::OnDemand { usd_per_hour }
            | Self::Reserved { usd_per_hour, .. }
            | Self::PerBusyHour { usd_per_hour, .. } => Ok(usd_per_hour.clone()),
            Self::Monthly { usd_per_month } => {
                usd_per_month.converted(|price| price.per_hour_over(month))
            }
            Self::Owned(server) => {
                // Over one whole life: the price of a server that is always replaced.
                let life = server.life_months.value;
                let total = UsdPerMonth::new(server.monthly(month, life)?.total()?);
                Ok(server.purchase_usd.restated(total.per_hour_over(month)?))
            }
        }
    }

    /// The same price quoted as `kind`, its source note kept: an hourly price is a monthly one
    /// at 730 hours a month and back; a new reservation runs [`DEFAULT_TERM_MONTHS`]. A price
    /// too large to convert is an error, and the price stays as it was.
    pub fn as_kind(&self, kind: PriceKind) -> Result<Self, ArithmeticError> {
        if self.kind() == kind {
            return Ok(self.clone());
        }
        let hourly = self.per_hour()?;
        Ok(match kind {
            PriceKind::OnDemand => Self::OnDemand {
                usd_per_hour: hourly,
            },
            PriceKind::Reserved => Self::Reserved {
                usd_per_hour: hourly,
                term_months: DEFAULT_TERM_MONTHS,
            },
            PriceKind::Monthly => Self::Monthly {
                usd_per_month: hourly
                    .converted(|price| price.for_hours(HoursPerMonth::new(HOURS_PER_MONTH)))?,
            },
            PriceKind::PerBusyHour => Self::PerBusyHour {
                usd_per_hour: hourly,
                buffer_percent: Sourced::assumed(
                    Percent::new(DEFAULT_BUFFER_PERCENT),
                    "Red Hat ConfigIQ's default runtime buffer (docs/HYBRID_SAVINGS_METHODOLOGY.md)",
                ),
                minimum_hours_per_month: Sourced::assumed(
                    HoursPerMonth::ZERO,
                    "starting point: no minimum; set the provider's, or the hours kept warm",
                ),
            },
            PriceKind::Owned => Self::Owned(Box::new(OwnedServer::instead_of(&hourly)?)),
        })
    }
}

/// How the people a phase needs are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffKind {
    /// Hours of someone's time each month.
    Hours,
    /// Whole people (full-time equivalents).
    People,
}

impl Default for Staff {
    /// Nobody: no hours at no cost.
    fn default() -> Self {
        Self::People {
            people: Sourced::bare(Count::ZERO),
            loaded_usd_per_year: Sourced::bare(UsdPerYear::ZERO),
        }
    }
}

impl Staff {
    /// Whether nobody is counted, or at no cost.
    #[must_use]
    pub fn is_nobody(&self) -> bool {
        match self {
            Self::Hours {
                hours_per_month,
                usd_per_hour,
            } => hours_per_month.value.get().is_zero() || usd_per_hour.value.get().is_zero(),
            Self::People {
                people,
                loaded_usd_per_year,
            } => people.value.get().is_zero() || loaded_usd_per_year.value.get().is_zero(),
        }
    }

    /// How these people are counted.
    #[must_use]
    pub const fn kind(&self) -> StaffKind {
        match self {
            Self::Hours { .. } => StaffKind::Hours,
            Self::People { .. } => StaffKind::People,
        }
    }

    /// The staff counted as `kind`. A change of kind starts from the seeds' figures: 10 hours a
    /// month at $150/hour ("a conservative 10 hours/month of a Senior MLOps Engineer's time",
    /// `001_1d9e9cda99843208.txt`), or one person at a loaded $300,000 a year (within "$250-400K
    /// total comp", `004_9e8827d79f9ec908.txt`). The same kind is kept as it is.
    #[must_use]
    pub fn as_kind(&self, kind: StaffKind) -> Self {
        match (kind, self) {
            (StaffKind::Hours, Self::Hours { .. }) | (StaffKind::People, Self::People { .. }) => {
                self.clone()
            }
            (StaffKind::Hours, Self::People { .. }) => Self::Hours {
                hours_per_month: Sourced::from_source(
                    HoursPerMonth::new(dec!(10)),
                    "\"Strategic Architecture: Build vs. Buy vs. Fine-tune\": a conservative 10 hours a month",
                ),
                usd_per_hour: Sourced::from_source(
                    UsdPerHour::new(dec!(150)),
                    "\"Strategic Architecture: Build vs. Buy vs. Fine-tune\": $1,500 for 10 hours",
                ),
            },
            (StaffKind::People, Self::Hours { .. }) => Self::People {
                people: Sourced::bare(Count::new(Decimal::ONE)),
                loaded_usd_per_year: Sourced::from_source(
                    UsdPerYear::new(dec!(300_000)),
                    "\"The AI Build vs. Buy Decision\": $250-400K total comp",
                ),
            },
        }
    }
}

/// How the fine-tuned model is served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServingKind {
    /// On instances of your own.
    Hosted,
    /// By a provider, per token.
    PerToken,
    /// For a flat monthly fee.
    Flat,
}

impl ServingKind {
    /// Every kind.
    pub const ALL: [Self; 3] = [Self::Hosted, Self::PerToken, Self::Flat];
}

impl TunedServing {
    /// How the tuned model is served.
    #[must_use]
    pub const fn kind(&self) -> ServingKind {
        match self {
            Self::Hosted(_) => ServingKind::Hosted,
            Self::PerToken { .. } => ServingKind::PerToken,
            Self::Flat { .. } => ServingKind::Flat,
        }
    }

    /// The tuned model of `scenario` served as `kind`. A change of kind starts from: the
    /// self-hosting instances; a tenth of the API's prices per token ("Fine-tuned small model:
    /// maybe $0.1X per call", `002_b35f14537f9d8edf.txt`); or $2,000 a month, the seeds' price of
    /// one GPU serving a tuned model (`003_6c749b65f84702ec.txt`, `004_9e8827d79f9ec908.txt`),
    /// covering today's traffic and no more.
    pub fn for_kind(kind: ServingKind, scenario: &Scenario) -> Result<Self, ArithmeticError> {
        let current = &scenario.fine_tune.serving;
        if current.kind() == kind {
            return Ok(current.clone());
        }
        let tenth = |price: &Sourced<UsdPerMillionTokens>| {
            price.value.checked_div_by(Decimal::TEN).map(|value| {
                Sourced::from_source(
                    value,
                    "a tenth of the API's price (\"LLM build vs buy: the questions that actually matter\": $0.1X per call)",
                )
            })
        };
        Ok(match kind {
            ServingKind::Hosted => Self::Hosted(Box::new(scenario.self_host.hosting.clone())),
            ServingKind::PerToken => Self::PerToken {
                input_usd_per_1m: tenth(&scenario.buy.input_usd_per_1m)?,
                output_usd_per_1m: tenth(&scenario.buy.output_usd_per_1m)?,
                speed: super::Speed::default(),
            },
            ServingKind::Flat => {
                let today = scenario
                    .workload
                    .whole_tokens_per_month()
                    .map_err(|e| e.error)?;
                Self::Flat {
                    usd_per_month: Sourced::from_source(
                        UsdPerMonth::new(dec!(2000)),
                        "\"The AI Build vs. Buy Decision\": a dedicated GPU instance, $2,000/month",
                    ),
                    tokens_per_month: Sourced::from_source(
                        TokensPerMonth::new(today.max(Decimal::ONE)),
                        "assumed: today's traffic; replace it with what the fee covers (the contract's limit or a load test)",
                    ),
                    speed: super::Speed::default(),
                }
            }
        })
    }
}

impl FineTune {
    /// The percent of all traffic the tuned model answers: the routed share less the part of it
    /// that falls back to the API (70% routed with 5% fallback: 66.5%). The rest goes to the API.
    pub fn percent_answered_by_the_tuned_model(&self) -> Result<Decimal, ArithmeticError> {
        let stays = crate::units::sub(
            Decimal::ONE_HUNDRED,
            self.fallback_percent.value.get(),
            "100 − fallback %",
        )?;
        let both = crate::units::mul(self.routed_percent.value.get(), stays, "% × %")?;
        crate::units::div(both, Decimal::ONE_HUNDRED, "% ÷ 100")
    }

    /// Whether some traffic still goes to the API: not all of it routed, or some of the routed
    /// part falling back. The API integration, its people and fees, stay while it does.
    #[must_use]
    pub fn keeps_the_api(&self) -> bool {
        self.routed_percent.value.get() < Decimal::ONE_HUNDRED
            || !self.fallback_percent.value.get().is_zero()
    }
}

impl Revenue {
    /// Revenue just turned on: nothing yet, for the user to fill in.
    #[must_use]
    pub const fn nothing_yet() -> Self {
        Self {
            usd_per_month: Sourced::bare(UsdPerMonth::ZERO),
            growth_percent_per_month: Sourced::bare(Percent::ZERO),
            other_cost_of_revenue_usd_per_month: Sourced::bare(UsdPerMonth::ZERO),
        }
    }
}

/// How the volume is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VolumeKind {
    /// Tokens a month, input and output apart.
    Tokens,
    /// Daily users × requests × tokens per request (seed 004).
    Users,
}

impl VolumeKind {
    /// Every kind.
    pub const ALL: [Self; 2] = [Self::Tokens, Self::Users];
}

/// Seed 004's usage: 50 requests a user a day, 500 tokens a request.
const REQUESTS_PER_USER_PER_DAY: Decimal = dec!(50);
const TOKENS_PER_REQUEST: Decimal = dec!(500);

impl super::Workload {
    /// The volume given as `kind`, about the same traffic. Users become their tokens exactly
    /// (rounded to whole tokens); tokens become seed 004's 50 requests a user a day of 500
    /// tokens in today's mix, and the daily users that make at least today's tokens. Each value
    /// says where it came from.
    pub fn volume_as(&self, kind: VolumeKind) -> Result<Volume, ArithmeticError> {
        if self.volume.kind() == kind {
            return Ok(self.volume.clone());
        }
        let traffic = super::traffic(self).map_err(|e| e.error)?;
        let total = traffic.total().map_err(|e| e.error)?;
        match kind {
            VolumeKind::Tokens => {
                let input = traffic.input.round_dp(0);
                let output = crate::units::sub(total.round_dp(0), input, "total − input")?;
                let note = "from the daily users it was built from";
                Ok(Volume::Tokens {
                    input_tokens_per_month: Sourced::from_source(TokensPerMonth::new(input), note),
                    output_tokens_per_month: Sourced::from_source(
                        TokensPerMonth::new(output),
                        note,
                    ),
                })
            }
            VolumeKind::Users => {
                let share = traffic.input_share().map_err(|e| e.error)?;
                let input =
                    crate::units::mul(TOKENS_PER_REQUEST, share, "tokens × share")?.round_dp(0);
                let output = crate::units::sub(TOKENS_PER_REQUEST, input, "tokens − input")?;
                // Tokens a month one user makes: requests × tokens × 365 ÷ 12.
                let per_day = crate::units::mul(
                    REQUESTS_PER_USER_PER_DAY,
                    TOKENS_PER_REQUEST,
                    "requests × tokens",
                )?;
                let per_year = crate::units::mul(per_day, dec!(365), "a day × 365")?;
                let per_month = crate::units::div(per_year, dec!(12), "a year ÷ 12")?;
                let users = crate::units::div(total, per_month, "tokens ÷ tokens per user")?.ceil();
                let seed_004 = "\"The AI Build vs. Buy Decision\": 50 requests a user a day";
                let size = "\"The AI Build vs. Buy Decision\": 500 tokens a request, in today's mix of input and output";
                Ok(Volume::Users {
                    daily_users: Sourced::from_source(
                        Count::new(users),
                        "the daily users that make today's tokens at 50 requests of 500 tokens: set your own",
                    ),
                    requests_per_user_per_day: Sourced::from_source(
                        Count::new(REQUESTS_PER_USER_PER_DAY),
                        seed_004,
                    ),
                    input_tokens_per_request: Sourced::from_source(
                        TokensPerRequest::new(input),
                        size,
                    ),
                    output_tokens_per_request: Sourced::from_source(
                        TokensPerRequest::new(output),
                        size,
                    ),
                })
            }
        }
    }
}

impl Volume {
    /// How the volume is given.
    #[must_use]
    pub const fn kind(&self) -> VolumeKind {
        match self {
            Self::Tokens { .. } => VolumeKind::Tokens,
            Self::Users { .. } => VolumeKind::Users,
        }
    }

    /// Tokens a month, input and output together, when the volume is given in tokens; `None`
    /// when it is built from users.
    pub fn total_tokens(&self) -> Result<Option<TokensPerMonth>, ArithmeticError> {
        match self {
            Self::Tokens {
                input_tokens_per_month,
                output_tokens_per_month,
            } => input_tokens_per_month
                .value
                .checked_add(output_tokens_per_month.value)
                .map(Some),
            Self::Users { .. } => Ok(None),
        }
    }

    /// The volume moved to `total` tokens a month (the volume slider), keeping the mix of
    /// input and output: the total and the input are rounded to whole tokens and output takes
    /// the rest, so the two add up to the total exactly. With no tokens to take a mix from, half
    /// and half. A volume built from users is left as it is (the daily users are its slider).
    pub fn with_total_tokens(&self, total: TokensPerMonth) -> Result<Self, ArithmeticError> {
        let Self::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } = self
        else {
            return Ok(self.clone());
        };
        let total = total.round_dp(0);
        let before = input_tokens_per_month
            .value
            .checked_add(output_tokens_per_month.value)?;
        let input = if before.get().is_zero() {
            total.checked_div_by(Decimal::TWO)?
        } else {
            let share = input_tokens_per_month.value.checked_ratio(before)?;
            total.checked_scale(share)?
        }
        .round_dp(0);
        // A moved volume is the user's: a note that described the old one is kept as what it was.
        let mut moved_input = input_tokens_per_month.clone();
        moved_input.revalue(input);
        moved_input.scale_range_from(input_tokens_per_month.value);
        let mut moved_output = output_tokens_per_month.clone();
        moved_output.revalue(total.checked_sub(input)?);
        moved_output.scale_range_from(output_tokens_per_month.value);
        Ok(Self::Tokens {
            input_tokens_per_month: moved_input,
            output_tokens_per_month: moved_output,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Red Hat ConfigIQ's purchased A100 server: $160,000, $11,200 installation, 20% resale,
    /// 8% capital, kept `life` months.
    fn a100(life: u32) -> OwnedServer {
        let mut server =
            OwnedServer::instead_of(&Sourced::bare(UsdPerHour::new(dec!(1)))).expect("converts");
        server.purchase_usd.value = crate::units::Usd::new(dec!(160000));
        server.installation_usd.value = crate::units::Usd::new(dec!(11200));
        server.life_months.value = life;
        server
    }

    #[test]
    fn capital_is_charged_on_the_book_value_held_over_the_horizon() {
        let month = HoursPerMonth::new(HOURS_PER_MONTH);
        // Kept 36 months of 48: from $171,200 down to $66,800, on average $119,000, at 8%.
        let part = a100(48).monthly(month, 36).expect("computes");
        assert_eq!(part.capital.round_dp(2), dec!(793.33));
        // Over whole lives the average is halfway to the resale: ($171,200 + $32,000) ÷ 2.
        let whole = a100(48).monthly(month, 48).expect("computes");
        assert_eq!(whole.capital, dec!(101600) * dec!(0.08) / dec!(12));
        // 60 months of 24-month lives: two whole lives, then 12 months of a third (from
        // $171,200 to $101,600): ConfigIQ's completed cycles plus the remaining held period.
        let cycles = a100(24).monthly(month, 60).expect("computes");
        let expected =
            (dec!(101600) * dec!(48) + dec!(136400) * dec!(12)) / dec!(60) * dec!(0.08) / dec!(12);
        assert_eq!(cycles.capital, expected);
        assert_eq!(cycles.capital.round_dp(2), dec!(723.73));
        // Depreciation and installation are a life's share whatever the horizon.
        assert_eq!(part.depreciation, cycles.depreciation * dec!(24) / dec!(48));
        assert_eq!(part.installation.round_dp(2), dec!(233.33));
    }

    fn hourly(price: Decimal) -> InstancePrice {
        InstancePrice::OnDemand {
            usd_per_hour: Sourced::from_source(UsdPerHour::new(price), "a quote"),
        }
    }

    #[test]
    fn a_fine_tune_answers_the_routed_share_less_its_fallback() {
        let mut ft = Scenario::embedded_default().fine_tune;
        ft.routed_percent.value = Percent::new(dec!(70));
        ft.fallback_percent.value = Percent::new(dec!(5));
        assert_eq!(ft.percent_answered_by_the_tuned_model(), Ok(dec!(66.5)));
        ft.fallback_percent.value = Percent::new(dec!(100));
        assert_eq!(ft.percent_answered_by_the_tuned_model(), Ok(Decimal::ZERO));
    }

    #[test]
    fn an_hourly_price_quoted_per_month_is_730_hours_of_it_and_back() {
        let monthly = hourly(dec!(1.21))
            .as_kind(PriceKind::Monthly)
            .expect("converts");
        let InstancePrice::Monthly { usd_per_month } = &monthly else {
            panic!("{monthly:?}");
        };
        // Seed 001: $1.21/hour is $883.30 a month.
        assert_eq!(usd_per_month.value.get(), dec!(883.30));
        assert_eq!(usd_per_month.source.as_deref(), Some("a quote"));
        let back = monthly.as_kind(PriceKind::OnDemand).expect("converts");
        assert_eq!(back, hourly(dec!(1.21)));
        let reserved = back.as_kind(PriceKind::Reserved).expect("converts");
        assert!(matches!(
            reserved,
            InstancePrice::Reserved {
                term_months: DEFAULT_TERM_MONTHS,
                ..
            }
        ));
    }

    /// A ranged price keeps its range when quoted another way: each end converted as the
    /// value is, and back again exactly.
    #[test]
    fn a_ranged_hourly_price_quoted_per_month_keeps_its_range() {
        let mut ranged = hourly(dec!(1.21));
        if let InstancePrice::OnDemand { usd_per_hour } = &mut ranged {
            usd_per_hour.low = Some(UsdPerHour::new(dec!(1.00)));
            usd_per_hour.high = Some(UsdPerHour::new(dec!(2.00)));
        }
        let monthly = ranged.as_kind(PriceKind::Monthly).expect("converts");
        let InstancePrice::Monthly { usd_per_month } = &monthly else {
            panic!("{monthly:?}");
        };
        assert_eq!(
            usd_per_month.range().map(|(l, h)| (l.get(), h.get())),
            Some((dec!(730.00), dec!(1460.00)))
        );
        assert_eq!(monthly.as_kind(PriceKind::OnDemand), Ok(ranged.clone()));
        // Reserved and paid per busy hour keep the hourly range as it is.
        let busy = ranged.as_kind(PriceKind::PerBusyHour).expect("converts");
        assert!(matches!(
            busy,
            InstancePrice::PerBusyHour { usd_per_hour, .. } if usd_per_hour.range().is_some()
        ));
    }

    #[test]
    fn a_price_too_large_to_quote_per_month_is_an_error_not_a_panic() {
        // The value typed in the window that crashed it: out of range, but typed.
        let huge = hourly(dec!(1_000_000_000_000_000_000_000_000_000));
        assert!(matches!(
            huge.as_kind(PriceKind::Monthly),
            Err(ArithmeticError::Overflow { .. })
        ));
        assert!(hourly(Decimal::MAX).as_kind(PriceKind::Monthly).is_err());
        assert!(hourly(Decimal::MIN).as_kind(PriceKind::Monthly).is_err());
        // The other way divides, which never overflows.
        let most = InstancePrice::Monthly {
            usd_per_month: Sourced::bare(UsdPerMonth::new(Decimal::MAX)),
        };
        assert!(most.as_kind(PriceKind::OnDemand).is_ok());
    }

    #[test]
    fn staff_changed_to_another_kind_starts_from_the_seeds_figures() {
        let hours = Scenario::embedded_default().self_host.staff;
        let people = hours.as_kind(StaffKind::People);
        assert_eq!(people.kind(), StaffKind::People);
        let Staff::Hours {
            hours_per_month,
            usd_per_hour,
        } = people.as_kind(StaffKind::Hours)
        else {
            panic!("hours");
        };
        // Seed 001: 10 hours at $150 is its $1,500 a month.
        assert_eq!(hours_per_month.value.get(), dec!(10));
        assert_eq!(usd_per_hour.value.get(), dec!(150));
        assert_eq!(people.as_kind(StaffKind::People), people, "kept as it is");
    }

    #[test]
    fn a_tuned_model_served_per_token_starts_at_a_tenth_of_the_api_price() {
        let mut scenario = Scenario::embedded_default();
        scenario.buy.input_usd_per_1m.value = UsdPerMillionTokens::new(dec!(2.50));
        scenario.buy.output_usd_per_1m.value = UsdPerMillionTokens::new(dec!(10));
        let TunedServing::PerToken {
            input_usd_per_1m,
            output_usd_per_1m,
            ..
        } = TunedServing::for_kind(ServingKind::PerToken, &scenario).expect("a tenth")
        else {
            panic!("per token");
        };
        assert_eq!(input_usd_per_1m.value.get(), dec!(0.25));
        assert_eq!(output_usd_per_1m.value.get(), dec!(1));
        scenario.buy.input_usd_per_1m.value = UsdPerMillionTokens::new(Decimal::MAX);
        assert!(TunedServing::for_kind(ServingKind::PerToken, &scenario).is_ok());
        for kind in ServingKind::ALL {
            let serving = TunedServing::for_kind(kind, &scenario).expect("every kind");
            assert_eq!(serving.kind(), kind);
        }
    }

    fn tokens(input: Decimal, output: Decimal) -> Volume {
        Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(input)),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(output)),
        }
    }

    #[test]
    fn the_volume_slider_keeps_the_mix_and_the_total_exact() {
        let volume = tokens(dec!(700_000_000), dec!(300_000_000));
        let moved = volume
            .with_total_tokens(TokensPerMonth::new(dec!(3_000_000_001)))
            .expect("in range");
        assert_eq!(moved, tokens(dec!(2_100_000_001), dec!(900_000_000)));
        let from_nothing = tokens(Decimal::ZERO, Decimal::ZERO)
            .with_total_tokens(TokensPerMonth::new(dec!(10)))
            .expect("half and half");
        assert_eq!(from_nothing, tokens(dec!(5), dec!(5)));
        assert!(
            tokens(Decimal::MAX, Decimal::ONE).total_tokens().is_err(),
            "too large to add up"
        );
    }

    /// Any decimal at all, from the smallest to the largest, at every scale.
    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0..=28_u32,
        )
            .prop_map(|(lo, mid, hi, negative, scale)| {
                Decimal::from_parts(lo, mid, hi, negative, scale)
            })
    }

    proptest! {
        /// Whatever the volume and the new total, the slider's edit adds up to the whole tokens
        /// of the total exactly or says it cannot, and never panics.
        #[test]
        fn the_volume_slider_never_panics(
            input in any_decimal(),
            output in any_decimal(),
            total in any_decimal(),
        ) {
            let volume = tokens(input, output);
            if let Ok(Volume::Tokens { input_tokens_per_month, output_tokens_per_month }) =
                volume.with_total_tokens(TokensPerMonth::new(total))
            {
                let sum = input_tokens_per_month.value.checked_add(output_tokens_per_month.value);
                prop_assert_eq!(sum, Ok(TokensPerMonth::new(total).round_dp(0)));
            }
        }

        /// A price of any size switches between kinds or says it cannot, and never panics.
        #[test]
        fn price_kinds_never_panic(price in any_decimal(), kind in 0..3_usize, to in 0..3_usize) {
            let start = hourly(price).as_kind(PriceKind::ALL[kind]);
            if let Ok(start) = start {
                let _ = start.as_kind(PriceKind::ALL[to]);
            }
        }
    }
}
