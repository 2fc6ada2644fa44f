//! A new scenario from a blank page: the few answers a client gives first (a name, who it is
//! for, the monthly bill or the volume, the API model) on top of a documented starting point
//! (`assets/starting-point.ron`), whose every other value is marked as an assumption to
//! confirm until the user touches it.

use chrono::NaiveDate;

use crate::catalog::Catalog;
use crate::engine::volume_for_bill;
use crate::error::Problem;
use crate::format::{group_thousands, usd_cents};
use crate::scenario::{Scenario, Volume, from_ron_str};
use crate::units::{TokensPerMonth, UsdPerMonth, parse_human};

/// The starting point's file, built in.
pub const STARTING_POINT_RON: &str = include_str!("../../assets/starting-point.ron");

/// How much the product uses, as the client knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartVolume {
    /// Tokens a month, prompts and replies together.
    Tokens(TokensPerMonth),
    /// What the API costs them a month today.
    MonthlyBill(UsdPerMonth),
}

impl StartVolume {
    /// The volume as typed in the start sheet: a bill (`$42,000`, `42K`) when `as_bill`,
    /// otherwise tokens a month (`6B`, `6,000,000,000`); says why when the text is not a number.
    pub fn parse(as_bill: bool, text: &str) -> Result<Self, String> {
        let typed = text.trim();
        if as_bill {
            parse_human(typed).map(|usd| Self::MonthlyBill(UsdPerMonth::new(usd)))
        } else {
            parse_human(typed).map(|tokens| Self::Tokens(TokensPerMonth::new(tokens)))
        }
    }
}

/// The start sheet's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The scenario's name.
    pub name: String,
    /// Who it is for; empty for one's own.
    pub client: String,
    /// The volume, or the bill it comes from.
    pub volume: StartVolume,
    /// The catalog id of the API model used today.
    pub api_model: String,
}

/// The starting point as it is, before any answer: every value to confirm.
///
/// # Panics
/// Never in a released build: a test loads and validates the embedded file.
#[must_use]
pub fn starting_point() -> Scenario {
    from_ron_str(STARTING_POINT_RON).expect("assets/starting-point.ron is checked by a test")
}

/// A new scenario from the start sheet's answers, reviewed `today`. Each answer that cannot be
/// used is named by its field (`start.name`, `start.volume`, `start.api_model`), all at once.
pub fn start(
    answers: &Start,
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Scenario, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |path: &str, message: String| {
        problems.push(Problem {
            path: path.to_owned(),
            message,
        });
    };
    let mut scenario = starting_point();
    scenario.last_reviewed = today;
    let name = answers.name.trim();
    if name.is_empty() {
        problem("start.name", "give the scenario a name".to_owned());
    }
    name.clone_into(&mut scenario.name);
    answers.client.trim().clone_into(&mut scenario.client);
    match catalog.api_model(&answers.api_model) {
        Some(model) => model.apply_to(&mut scenario.buy),
        None => problem(
            "start.api_model",
            format!("no API model `{}` in the catalog", answers.api_model),
        ),
    }
    let volume = match answers.volume {
        StartVolume::Tokens(total) if total.get().is_sign_negative() || total.get().is_zero() => {
            Err(format!(
                "the volume must be more than 0 tokens a month; it is {total}"
            ))
        }
        StartVolume::Tokens(total) => scenario
            .workload
            .volume
            .with_total_tokens(total)
            .map(|volume| {
                let said = format!("{} tokens a month", group_thousands(total.get()));
                assumed_split(volume, &said)
            })
            .map_err(|e| e.to_string()),
        StartVolume::MonthlyBill(bill) if bill.get().is_sign_negative() || bill.get().is_zero() => {
            Err(format!(
                "the monthly bill must be more than $0; it is {bill}"
            ))
        }
        StartVolume::MonthlyBill(bill) => volume_for_bill(&scenario, bill).map(|volume| {
            let said = format!(
                "a monthly bill of {} on {}",
                usd_cents(bill.get()),
                answers.api_model
            );
            assumed_split(volume, &said)
        }),
    };
    match volume {
        Ok(volume) => scenario.workload.volume = volume,
        Err(why) => problem("start.volume", why),
    }
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}

/// The client gave the total; how it splits into prompts and replies is the starting point's
/// assumption (70/30), priced apart, so both halves stay marked to confirm.
fn assumed_split(volume: Volume, said: &str) -> Volume {
    match volume {
        Volume::Tokens {
            mut input_tokens_per_month,
            mut output_tokens_per_month,
        } => {
            for (half, share) in [
                (&mut input_tokens_per_month, "prompts"),
                (&mut output_tokens_per_month, "replies"),
            ] {
                half.source = Some(format!(
                    "start sheet: {said}; the share of {share} is the starting point's (70% prompts, 30% replies)"
                ));
                half.to_confirm = true;
            }
            Volume::Tokens {
                input_tokens_per_month,
                output_tokens_per_month,
            }
        }
        users @ Volume::Users { .. } => users,
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::engine::monthly_bill;
    use crate::scenario::{inputs, validate};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
    }

    fn insurer(volume: StartVolume) -> Start {
        Start {
            name: "Claims triage".to_owned(),
            client: "Acme Insurance".to_owned(),
            volume,
            api_model: "gpt-4o".to_owned(),
        }
    }

    #[test]
    fn the_starting_point_is_valid_and_every_number_is_to_confirm() {
        let point = starting_point();
        assert!(validate(&point).is_empty(), "{:?}", validate(&point));
        let numbers: Vec<_> = inputs(&point)
            .into_iter()
            .filter(|i| i.source.is_some() || i.to_confirm)
            .collect();
        assert!(numbers.len() > 40, "{}", numbers.len());
        let unmarked: Vec<_> = numbers.iter().filter(|i| !i.to_confirm).collect();
        assert!(unmarked.is_empty(), "{unmarked:?}");
        // Nothing is inherited from an example: no revenue, no answer in the matrix.
        assert_eq!(point.revenue, None);
        assert_eq!(point.matrix, crate::scenario::Matrix::default());
        assert_eq!(point.workload.growth_percent_per_month.value.get(), dec!(0));
    }

    #[test]
    fn an_insurer_on_gpt_4o_at_6_billion_tokens_starts_with_its_own_answers() {
        let total = TokensPerMonth::new(dec!(6_000_000_000));
        let s = start(
            &insurer(StartVolume::Tokens(total)),
            Catalog::embedded(),
            today(),
        )
        .expect("starts");
        assert_eq!(s.name, "Claims triage");
        assert_eq!(s.client, "Acme Insurance");
        assert_eq!(s.last_reviewed, today());
        assert_eq!(s.buy.catalog_id.as_deref(), Some("gpt-4o"));
        assert!(
            !s.buy.input_usd_per_1m.to_confirm,
            "the chosen model's price is the client's"
        );
        assert_eq!(
            s.workload.whole_tokens_per_month().expect("counts"),
            dec!(6_000_000_000)
        );
        let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &s.workload.volume
        else {
            panic!("tokens");
        };
        assert!(input_tokens_per_month.to_confirm, "the split is assumed");
        let note = input_tokens_per_month.source.as_deref().unwrap_or_default();
        assert!(note.contains("6,000,000,000 tokens a month"), "{note}");
        // Everything else is still an assumption.
        assert!(s.workload.growth_percent_per_month.to_confirm);
        assert!(validate(&s).is_empty());
    }

    #[test]
    fn a_monthly_bill_becomes_the_tokens_that_cost_it_on_the_chosen_model() {
        let bill = UsdPerMonth::new(dec!(42_000));
        let s = start(
            &insurer(StartVolume::MonthlyBill(bill)),
            Catalog::embedded(),
            today(),
        )
        .expect("starts");
        assert_eq!(
            monthly_bill(&s).expect("a bill").get().round_dp(2),
            dec!(42_000)
        );
    }

    #[test]
    fn a_bill_or_a_volume_is_read_as_people_type_them() {
        assert_eq!(
            StartVolume::parse(true, " $42,000 "),
            Ok(StartVolume::MonthlyBill(UsdPerMonth::new(dec!(42_000))))
        );
        assert_eq!(
            StartVolume::parse(false, "6B"),
            Ok(StartVolume::Tokens(TokensPerMonth::new(dec!(
                6_000_000_000
            ))))
        );
        assert!(StartVolume::parse(false, "lots").is_err());
    }

    #[test]
    fn every_unusable_answer_is_named_by_its_field() {
        let answers = Start {
            name: "  ".to_owned(),
            client: String::new(),
            volume: StartVolume::MonthlyBill(UsdPerMonth::new(dec!(-5))),
            api_model: "no-such-model".to_owned(),
        };
        let problems = start(&answers, Catalog::embedded(), today()).unwrap_err();
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["start.name", "start.api_model", "start.volume"]);
        let zero = insurer(StartVolume::Tokens(TokensPerMonth::new(dec!(0))));
        let problems = start(&zero, Catalog::embedded(), today()).unwrap_err();
        assert!(problems[0].message.contains("more than 0"), "{problems:?}");
    }
}
