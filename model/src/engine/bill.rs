//! The workload as the bill people know: founders know their monthly API bill, not their
//! tokens. The bill is Buy's cost at today's traffic; a typed bill becomes the tokens that cost
//! it at Buy's prices, keeping the mix of input and output. The tokens are what is kept: change
//! the model and the bill follows, the workload stays.

use rust_decimal::Decimal;

use super::cost_model::buy_cost;
use crate::error::{AtField, ComputeError};
use crate::format::usd_cents;
use crate::scenario::{Scenario, Traffic, Volume, traffic};
use crate::sourced::Sourced;
use crate::units::{TokensPerMonth, UsdPerMonth, div, sub};

/// Buy's cost a month at the scenario's traffic today: the monthly bill on the chosen model.
pub fn monthly_bill(scenario: &Scenario) -> Result<UsdPerMonth, ComputeError> {
    buy_cost(&scenario.buy, traffic(&scenario.workload)?).map(UsdPerMonth::new)
}

/// The volume whose bill on Buy's prices is `bill`, in tokens, input and output in the mix the
/// scenario has now, each with a note of the bill it came from. A volume built from users is
/// given in users; it has no bill to type. A refusal says why, in words for beside the field.
pub fn volume_for_bill(scenario: &Scenario, bill: UsdPerMonth) -> Result<Volume, String> {
    let path = "workload.monthly_bill";
    if !matches!(scenario.workload.volume, Volume::Tokens { .. }) {
        return Err(
            "the volume is built from users: switch it to tokens to start from the bill".to_owned(),
        );
    }
    if bill.get().is_sign_negative() {
        return Err(format!("a bill cannot be negative; it is {bill}"));
    }
    let words = |e: ComputeError| e.to_string();
    let mix = traffic(&scenario.workload)
        .and_then(Traffic::input_share)
        .map_err(words)?;
    let one_token = Traffic {
        input: mix,
        output: sub(Decimal::ONE, mix, "1 − input share")
            .at(path)
            .map_err(words)?,
    };
    let rate = buy_cost(&scenario.buy, one_token).map_err(words)?;
    if rate <= Decimal::ZERO {
        return Err("Buy's prices come to nothing, so no number of tokens makes a bill".to_owned());
    }
    let total = div(bill.get(), rate, "bill ÷ USD per token")
        .at(path)
        .map_err(words)?;
    let volume = scenario
        .workload
        .volume
        .with_total_tokens(TokensPerMonth::new(total))
        .at(path)
        .map_err(words)?;
    let model = scenario.buy.catalog_id.as_deref().unwrap_or("Buy's model");
    let note = format!(
        "from a monthly bill of {} on {model} at ${} in / ${} out per 1M",
        usd_cents(bill.get()),
        scenario.buy.input_usd_per_1m.value,
        scenario.buy.output_usd_per_1m.value
    );
    Ok(match volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => Volume::Tokens {
            input_tokens_per_month: Sourced::from_source(input_tokens_per_month.value, &note),
            output_tokens_per_month: Sourced::from_source(output_tokens_per_month.value, &note),
        },
        users @ Volume::Users { .. } => users,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::dec;

    use super::*;
    use crate::scenario::from_ron_str;

    const EXAMPLES: [&str; 10] = [
        include_str!("../../../scenarios/default.ron"),
        include_str!("../../../scenarios/seed000-legal-tech.ron"),
        include_str!("../../../scenarios/seed001-llama3-8b-on-aws.ron"),
        include_str!("../../../scenarios/seed002-route-to-fine-tune.ron"),
        include_str!("../../../scenarios/seed003-gpt4o-heavy-tier.ron"),
        include_str!("../../../scenarios/seed004-b2b-saas.ron"),
        include_str!("../../../scenarios/data-platform-pretrain.ron"),
        include_str!("../../../scenarios/defence-air-gapped.ron"),
        include_str!("../../../scenarios/differentiator-around-the-model.ron"),
        include_str!("../../../scenarios/frontier-on-a-workhorse-task.ron"),
    ];

    fn legal_tech() -> Scenario {
        from_ron_str(EXAMPLES[1]).expect("the example loads")
    }

    fn tokens(volume: &Volume) -> (Decimal, Decimal) {
        match volume {
            Volume::Tokens {
                input_tokens_per_month,
                output_tokens_per_month,
            } => (
                input_tokens_per_month.value.get(),
                output_tokens_per_month.value.get(),
            ),
            Volume::Users { .. } => panic!("tokens"),
        }
    }

    #[test]
    fn the_legal_tech_bill_of_140_000_is_14_billion_tokens_at_10_dollars_per_1m() {
        let mut s = legal_tech();
        assert_eq!(monthly_bill(&s).unwrap().get(), dec!(140_000));
        s.workload.volume = volume_for_bill(&s, UsdPerMonth::new(dec!(70_000))).unwrap();
        assert_eq!(
            tokens(&s.workload.volume),
            (dec!(3_500_000_000), dec!(3_500_000_000))
        );
        assert_eq!(monthly_bill(&s).unwrap().get(), dec!(70_000));
        let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &s.workload.volume
        else {
            panic!("tokens");
        };
        let note = input_tokens_per_month.source.as_deref().unwrap_or_default();
        assert!(note.contains("from a monthly bill of $70,000.00"), "{note}");
    }

    #[test]
    fn another_model_keeps_the_tokens_and_the_bill_follows() {
        let mut s = legal_tech();
        let before = s.workload.volume.clone();
        s.buy.input_usd_per_1m.value = crate::units::UsdPerMillionTokens::new(dec!(2.5));
        s.buy.output_usd_per_1m.value = crate::units::UsdPerMillionTokens::new(dec!(10));
        assert_eq!(s.workload.volume, before);
        // 7B in at $2.50 and 7B out at $10 per 1M.
        assert_eq!(monthly_bill(&s).unwrap().get(), dec!(87_500));
    }

    #[test]
    fn a_bill_is_refused_with_its_reason_when_it_cannot_be_tokens() {
        let s = legal_tech();
        let negative = volume_for_bill(&s, UsdPerMonth::new(dec!(-1))).unwrap_err();
        assert!(negative.contains("negative"), "{negative}");
        let users: Scenario =
            from_ron_str(EXAMPLES[5]).expect("the seed 004 example is built from users");
        let refused = volume_for_bill(&users, UsdPerMonth::new(dec!(1000))).unwrap_err();
        assert!(refused.contains("built from users"), "{refused}");
        let mut free = legal_tech();
        free.buy.input_usd_per_1m.value = crate::units::UsdPerMillionTokens::ZERO;
        free.buy.output_usd_per_1m.value = crate::units::UsdPerMillionTokens::ZERO;
        free.buy.cached_input_usd_per_1m.value = crate::units::UsdPerMillionTokens::ZERO;
        assert!(volume_for_bill(&free, UsdPerMonth::new(dec!(1000))).is_err());
    }

    proptest! {
        /// A typed bill comes back to the cent from the tokens it becomes, on every example
        /// given in tokens.
        #[test]
        fn a_typed_bill_round_trips_to_the_cent(cents in 0_u64..100_000_000_000, which in 0_usize..10) {
            let s = from_ron_str(EXAMPLES[which]).expect("the example loads");
            prop_assume!(matches!(s.workload.volume, Volume::Tokens { .. }));
            let bill = Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2);
            let mut moved = s.clone();
            moved.workload.volume = volume_for_bill(&s, UsdPerMonth::new(bill)).unwrap();
            prop_assert_eq!(monthly_bill(&moved).unwrap().get().round_dp(2), bill);
        }
    }
}
