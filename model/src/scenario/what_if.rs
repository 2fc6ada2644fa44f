//! What-if presets for a workshop: one click changes one assumption of a scenario the way a
//! client asks about it ("and if API prices halve every year?"). Each is a pure function from a
//! scenario to a new one; the values it sets carry a source note that says they come from the
//! what-if, so a saved file still tells.

use rust_decimal::{Decimal, dec};

use super::{DataResidency, Limits, Scenario, Volume};
use crate::error::{AtField as _, WhatIfError};
use crate::sourced::Sourced;
use crate::units::Percent;

/// One of the workshop's what-if presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WhatIf {
    /// API prices fall by half every year.
    ApiPricesHalveYearly,
    /// API prices fall by half once, a year from now.
    ApiPricesHalveOnce,
    /// Three times the traffic.
    TripleVolume,
    /// A peak of twice the average traffic.
    PeakTwice,
    /// A peak of three times the average traffic.
    PeakThrice,
    /// The data becomes regulated.
    RegulatedData,
    /// Half the engineers available.
    HalveTeam,
}

/// The yearly API price trend [`WhatIf::ApiPricesHalveYearly`] sets, in percent, and the
/// one-off change [`WhatIf::ApiPricesHalveOnce`] sets.
const API_PRICE_TREND: Decimal = dec!(-50);

/// The month a one-off cut takes effect when the scenario has none: a year from now, when the
/// yearly trend first applies too.
const ONE_OFF_MONTH: u32 = 13;

impl WhatIf {
    /// Every preset, in the order the toolbar shows them.
    pub const ALL: [Self; 7] = [
        Self::ApiPricesHalveYearly,
        Self::ApiPricesHalveOnce,
        Self::TripleVolume,
        Self::PeakTwice,
        Self::PeakThrice,
        Self::RegulatedData,
        Self::HalveTeam,
    ];

    /// The presets as the toolbar groups them, a menu for each group of more than one: the two
    /// ways API prices fall, the two peaks. (The toolbar is one row on a 1280-wide projector.)
    pub const GROUPS: [(&'static str, &'static [Self]); 5] = [
        (
            "API prices",
            &[Self::ApiPricesHalveYearly, Self::ApiPricesHalveOnce],
        ),
        ("Volume 3x", &[Self::TripleVolume]),
        ("Peak", &[Self::PeakTwice, Self::PeakThrice]),
        ("Regulated data", &[Self::RegulatedData]),
        ("Team halved", &[Self::HalveTeam]),
    ];

    /// The preset's name on its button.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::ApiPricesHalveYearly => "API -50% a year",
            Self::ApiPricesHalveOnce => "API -50% once",
            Self::TripleVolume => "Volume 3x",
            Self::PeakTwice => "Peak 2x",
            Self::PeakThrice => "Peak 3x",
            Self::RegulatedData => "Regulated data",
            Self::HalveTeam => "Team halved",
        }
    }

    /// What the preset changes, in a sentence for its tooltip.
    #[must_use]
    pub const fn explanation(self) -> &'static str {
        match self {
            Self::ApiPricesHalveYearly => {
                "Sets the yearly API price trend to -50%, in place of the current trend: the cash \
                 over the horizon follows; today's monthly costs do not change."
            }
            Self::ApiPricesHalveOnce => {
                "Halves every API price once, from month 13 (or from the month of the scenario's \
                 own one-off change), beside the yearly trend: the cash over the horizon follows; \
                 today's monthly costs do not change."
            }
            Self::TripleVolume => {
                "Multiplies this month's volume by 3: input and output tokens, or the daily users \
                 when the volume is built from users."
            }
            Self::PeakTwice => {
                "Sets the peak to twice the average traffic: hosted options are sized for it, so \
                 their instances follow."
            }
            Self::PeakThrice => {
                "Sets the peak to three times the average traffic: hosted options are sized for \
                 it, so their instances follow."
            }
            Self::RegulatedData => {
                "Answers data residency as Regulated (health, finance, legal): third-party \
                 processing becomes a compliance question."
            }
            Self::HalveTeam => {
                "Halves the ML and infrastructure engineers available. The staff each option \
                 pays for stays: the work does not shrink with the team."
            }
        }
    }

    /// Whether applying it to `scenario` changes its volume and nothing else (Volume 3x): what
    /// a read-only page allows.
    #[must_use]
    pub fn only_moves_volume(self, scenario: &Scenario) -> bool {
        self.apply(scenario)
            .is_ok_and(|after| scenario.differs_only_in_volume(&after))
    }

    /// Why the preset would change nothing in `scenario`, if it would not.
    #[must_use]
    pub fn why_not(self, scenario: &Scenario) -> Option<&'static str> {
        match self {
            Self::ApiPricesHalveYearly => (scenario
                .horizon
                .api_price_change_percent_per_year
                .value
                .get()
                == API_PRICE_TREND)
                .then_some("API prices already fall by 50% a year in this scenario."),
            Self::ApiPricesHalveOnce => (scenario.horizon.api_price_step_percent.value.get()
                == API_PRICE_TREND)
                .then_some("API prices already halve once in this scenario."),
            Self::PeakTwice => (scenario.workload.peak_to_average.value.get() == dec!(2))
                .then_some("The peak is already twice the average."),
            Self::PeakThrice => (scenario.workload.peak_to_average.value.get() == dec!(3))
                .then_some("The peak is already three times the average."),
            Self::TripleVolume => (!triples_within_limits(&scenario.workload.volume)
                || scenario
                    .more_features
                    .iter()
                    .any(|f| !triples_within_limits(&f.workload.volume)))
            .then_some("Three times the volume would pass the largest a scenario may hold."),
            Self::RegulatedData => match scenario.matrix.data_residency {
                Some(DataResidency::Regulated) => Some("The data is already regulated."),
                Some(DataResidency::AirGapped) => {
                    Some("The data is already air-gapped, which is stricter than regulated.")
                }
                _ => None,
            },
            Self::HalveTeam => {
                let eng = &scenario.matrix.engineering;
                (eng.ml_people.is_none() && eng.infra_people.is_none()).then_some(
                    "The team is not given: answer ML and infrastructure engineers first.",
                )
            }
        }
    }

    /// `scenario` with this preset applied.
    pub fn apply(self, scenario: &Scenario) -> Result<Scenario, WhatIfError> {
        if let Some(why) = self.why_not(scenario) {
            return Err(WhatIfError::NothingToChange(why));
        }
        let mut s = scenario.clone();
        let note = format!("what-if: {}", self.label());
        match self {
            // A trend, not a one-off cut: the horizon compounds it (design.md, "API and GPU price
            // trends per year"); "LLM build vs buy: the questions that actually matter" warns
            // that the answers keep moving as new models shift the cost curves.
            Self::ApiPricesHalveYearly => {
                s.horizon.api_price_change_percent_per_year =
                    Sourced::from_source(Percent::new(API_PRICE_TREND), note);
            }
            // The usual question is a cut, once: "and if prices halve next year?"
            Self::ApiPricesHalveOnce => {
                let h = &mut s.horizon;
                h.api_price_step_percent =
                    Sourced::from_source(Percent::new(API_PRICE_TREND), note.clone());
                if h.api_price_step_month.value == 0 {
                    h.api_price_step_month = Sourced::from_source(ONE_OFF_MONTH, note);
                }
            }
            // Every feature's traffic: the what-if is about the product's.
            Self::TripleVolume => {
                triple(&mut s.workload.volume, &note)?;
                for feature in &mut s.more_features {
                    triple(&mut feature.workload.volume, &note)?;
                }
            }
            Self::PeakTwice | Self::PeakThrice => {
                let peak = if self == Self::PeakTwice {
                    dec!(2)
                } else {
                    dec!(3)
                };
                let peak = Sourced::from_source(crate::units::Ratio::new(peak), note);
                for feature in &mut s.more_features {
                    feature.workload.peak_to_average = peak.clone();
                }
                s.workload.peak_to_average = peak;
            }
            // "The AI Build vs. Buy Decision": in healthcare, finance, legal or defence "the
            // data governance question often makes the decision for you". Air-gapped is
            // stricter and is left as it is (see `why_not`).
            Self::RegulatedData => s.matrix.data_residency = Some(DataResidency::Regulated),
            // Half the people *available* ("LLM Strategy: Build, Buy, or Fine-Tune?": self-
            // hosting takes an "ML + infra team (5+)"), not half the staff each option pays for:
            // a Staff::Hours line is the hours the system needs a month ("Strategic
            // Architecture": the invisible labour of keeping it running), a Staff::People line
            // the people the work needs; neither shrinks because the team does, and halving them
            // would make building look cheaper. Halves are kept exact: 3 engineers become 1.5.
            Self::HalveTeam => {
                let eng = &mut s.matrix.engineering;
                for (people, path) in [
                    (&mut eng.ml_people, "matrix.engineering.ml_people"),
                    (&mut eng.infra_people, "matrix.engineering.infra_people"),
                ] {
                    if let Some(people) = people {
                        let half = people.value.checked_div_by(dec!(2)).at(path)?;
                        let (before, range) = (people.value, (people.low, people.high));
                        *people = Sourced::from_source(half, note.clone());
                        // An uncertain team stays as uncertain, halved.
                        (people.low, people.high) = range;
                        people.scale_range_from(before);
                    }
                }
            }
        }
        Ok(s)
    }
}

/// Whether three times `volume` stays within what validation allows.
fn triples_within_limits(volume: &Volume) -> bool {
    let within = |value: Decimal, limit| {
        value
            .checked_mul(dec!(3))
            .is_some_and(|tripled| tripled <= limit)
    };
    match volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => [input_tokens_per_month, output_tokens_per_month]
            .iter()
            .all(|tokens| within(tokens.value.get(), Limits::TOKENS_PER_MONTH)),
        Volume::Users { daily_users, .. } => within(daily_users.value.get(), Limits::COUNT),
    }
}

/// Three times the volume: the tokens, or the users with their usage unchanged.
fn triple(volume: &mut Volume, note: &str) -> Result<(), WhatIfError> {
    match volume {
        Volume::Tokens {
            input_tokens_per_month,
            output_tokens_per_month,
        } => {
            for (tokens, path) in [
                (
                    input_tokens_per_month,
                    "workload.volume.input_tokens_per_month",
                ),
                (
                    output_tokens_per_month,
                    "workload.volume.output_tokens_per_month",
                ),
            ] {
                let tripled = tokens.value.checked_scale(dec!(3)).at(path)?;
                let before = tokens.value;
                let range = (tokens.low, tokens.high);
                *tokens = Sourced::from_source(tripled, note);
                // An uncertain volume stays as uncertain, three times over.
                (tokens.low, tokens.high) = range;
                tokens.scale_range_from(before);
            }
        }
        Volume::Users { daily_users, .. } => {
            let tripled = daily_users
                .value
                .checked_scale(dec!(3))
                .at("workload.volume.daily_users")?;
            let before = daily_users.value;
            let range = (daily_users.low, daily_users.high);
            *daily_users = Sourced::from_source(tripled, note);
            (daily_users.low, daily_users.high) = range;
            daily_users.scale_range_from(before);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use crate::phase::Phase;
    use crate::scenario::{changes, from_ron_str};
    use crate::units::{Count, TokensPerMonth};

    fn example(name: &str) -> Scenario {
        let text = std::fs::read_to_string(format!(
            "{}/../scenarios/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        from_ron_str(&text).unwrap()
    }

    fn changed_paths(before: &Scenario, after: &Scenario) -> Vec<String> {
        changes(before, after).into_iter().map(|c| c.path).collect()
    }

    #[test]
    fn the_volume_and_peak_what_ifs_move_every_feature() {
        let s = from_ron_str(include_str!(
            "../../../scenarios/three-features-roadmap.ron"
        ))
        .unwrap();
        let tripled = WhatIf::TripleVolume.apply(&s).unwrap();
        for i in 0..s.feature_count() {
            let before = compute(&s.feature(i).unwrap()).unwrap().volume;
            let after = compute(&tripled.feature(i).unwrap()).unwrap().volume;
            assert_eq!(
                after,
                crate::units::mul(before, dec!(3), "x").unwrap(),
                "feature {i}"
            );
        }
        let peaked = WhatIf::PeakThrice.apply(&s).unwrap();
        for i in 0..s.feature_count() {
            let one = peaked.feature(i).unwrap();
            assert_eq!(
                one.workload.peak_to_average.value.get(),
                dec!(3),
                "feature {i}"
            );
        }
    }

    #[test]
    fn api_prices_halving_sets_the_yearly_trend_and_nothing_else() {
        let before = example("default.ron");
        let after = WhatIf::ApiPricesHalveYearly.apply(&before).unwrap();
        assert_eq!(
            after.horizon.api_price_change_percent_per_year.value.get(),
            dec!(-50)
        );
        assert_eq!(
            after
                .horizon
                .api_price_change_percent_per_year
                .source
                .as_deref(),
            Some("what-if: API -50% a year")
        );
        assert_eq!(
            changed_paths(&before, &after),
            ["horizon.api_price_change_percent_per_year"]
        );
        // Buy's cash over the horizon falls; this month's cost does not move.
        let (was, now) = (compute(&before).unwrap(), compute(&after).unwrap());
        let buy = Phase::Buy.index();
        assert_eq!(was.costs[buy].total, now.costs[buy].total);
        assert!(now.horizon.totals[buy] < was.horizon.totals[buy]);
        assert!(
            WhatIf::ApiPricesHalveYearly.apply(&after).is_err(),
            "a second click changes nothing and says so"
        );
    }

    #[test]
    fn api_prices_halving_once_changes_prices_from_its_month_only() {
        let mut before = example("default.ron");
        before.workload.growth_percent_per_month.value = Percent::ZERO;
        before.horizon.api_price_change_percent_per_year.value = Percent::ZERO;
        let after = WhatIf::ApiPricesHalveOnce.apply(&before).unwrap();
        assert_eq!(
            changed_paths(&before, &after),
            [
                "horizon.api_price_step_percent",
                "horizon.api_price_step_month"
            ]
        );
        let (was, now) = (compute(&before).unwrap(), compute(&after).unwrap());
        let buy = Phase::Buy.index();
        let half = was.api_spend / Decimal::TWO;
        for (then, m) in was.horizon.months.iter().zip(&now.horizon.months) {
            if m.month < 13 {
                assert_eq!(m.cash, then.cash, "month {}", m.month);
            } else {
                // Halved once and kept there: no compounding at month 25.
                assert_eq!(m.cash[buy], then.cash[buy] - half, "month {}", m.month);
            }
        }
        assert_eq!(was.costs[buy].total, now.costs[buy].total);
        // A month the scenario set is kept.
        let mut own = before.clone();
        own.horizon.api_price_step_month.value = 7;
        let after = WhatIf::ApiPricesHalveOnce.apply(&own).unwrap();
        assert_eq!(after.horizon.api_price_step_month.value, 7);
    }

    #[test]
    fn a_peak_what_if_resizes_the_hosted_options() {
        let before = example("default.ron");
        let after = WhatIf::PeakThrice.apply(&before).unwrap();
        assert_eq!(changed_paths(&before, &after), ["workload.peak_to_average"]);
        assert_eq!(after.workload.peak_to_average.value.get(), dec!(3));
        // The instances are sized for the new peak: its tokens a second follow it.
        let peak = |s: &Scenario| compute(s).unwrap().sizing[0].peak_tokens_per_second;
        let was = before.workload.peak_to_average.value.get();
        assert_eq!(peak(&after) * was, peak(&before) * dec!(3));
        assert!(WhatIf::PeakThrice.apply(&after).is_err());
        let twice = WhatIf::PeakTwice.apply(&after).unwrap();
        assert_eq!(twice.workload.peak_to_average.value.get(), dec!(2));
    }

    #[test]
    fn volume_3x_triples_input_and_output_tokens() {
        let before = example("seed001-llama3-8b-on-aws.ron");
        let after = WhatIf::TripleVolume.apply(&before).unwrap();
        let total = |s: &Scenario| compute(s).unwrap().volume;
        assert_eq!(total(&after), total(&before) * dec!(3));
        let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &after.workload.volume
        else {
            panic!("seed 001 gives tokens")
        };
        assert_eq!(
            input_tokens_per_month.source.as_deref(),
            Some("what-if: Volume 3x")
        );
    }

    #[test]
    fn volume_3x_triples_a_ranged_volume_with_its_range_and_a_drag_moves_the_range() {
        let mut s = example("default.ron");
        if let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &mut s.workload.volume
        {
            input_tokens_per_month.low = Some(crate::units::TokensPerMonth::new(dec!(300_000_000)));
            input_tokens_per_month.high =
                Some(crate::units::TokensPerMonth::new(dec!(3_000_000_000)));
        }
        let tripled = WhatIf::TripleVolume.apply(&s).expect("applies");
        assert!(crate::scenario::validate(&tripled).is_empty());
        let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &tripled.workload.volume
        else {
            panic!("tokens")
        };
        assert_eq!(
            input_tokens_per_month
                .range()
                .map(|(l, h)| (l.get(), h.get())),
            Some((dec!(900_000_000), dec!(9_000_000_000)))
        );
        // Dragged to 2B in all, the input (70%) moves to 1.4B and its range with it.
        let dragged = s
            .workload
            .volume
            .with_total_tokens(crate::units::TokensPerMonth::new(dec!(2_000_000_000)))
            .expect("moves");
        let Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &dragged
        else {
            panic!("tokens")
        };
        assert_eq!(input_tokens_per_month.value.get(), dec!(1_400_000_000));
        assert_eq!(
            input_tokens_per_month
                .range()
                .map(|(l, h)| (l.get(), h.get())),
            Some((dec!(600_000_000), dec!(6_000_000_000)))
        );
    }

    #[test]
    fn volume_3x_built_from_users_triples_the_users_not_their_usage() {
        let before = example("seed004-b2b-saas.ron");
        let Volume::Users { daily_users, .. } = &before.workload.volume else {
            panic!("seed 004 builds the volume from users")
        };
        let users = daily_users.value.get();
        let after = WhatIf::TripleVolume.apply(&before).unwrap();
        assert_eq!(
            changed_paths(&before, &after),
            ["workload.volume.daily_users"]
        );
        let Volume::Users { daily_users, .. } = &after.workload.volume else {
            panic!("still users")
        };
        assert_eq!(daily_users.value.get(), users * dec!(3));
    }

    #[test]
    fn regulated_data_answers_residency_and_keeps_stricter_answers() {
        let before = example("default.ron");
        let after = WhatIf::RegulatedData.apply(&before).unwrap();
        assert_eq!(after.matrix.data_residency, Some(DataResidency::Regulated));
        assert_eq!(changed_paths(&before, &after), ["matrix.data_residency"]);
        let air_gapped = example("defence-air-gapped.ron");
        assert!(matches!(
            WhatIf::RegulatedData.apply(&air_gapped),
            Err(WhatIfError::NothingToChange(why)) if why.contains("air-gapped")
        ));
    }

    #[test]
    fn team_halved_halves_the_engineers_available_not_the_staff_paid_for() {
        let before = example("seed000-legal-tech.ron");
        let after = WhatIf::HalveTeam.apply(&before).unwrap();
        let people = |s: &Scenario| {
            let e = &s.matrix.engineering;
            (
                e.ml_people.as_ref().map(|p| p.value),
                e.infra_people.as_ref().map(|p| p.value),
            )
        };
        let (ml, infra) = people(&before);
        let half = |c: Option<Count>| c.map(|c| Count::new(c.get() / dec!(2)));
        assert_eq!(people(&after), (half(ml), half(infra)));
        assert_eq!(after.self_host.staff, before.self_host.staff);
        assert_eq!(after.fine_tune.staff, before.fine_tune.staff);
        assert_eq!(after.pretrain.team, before.pretrain.team);
        assert!(
            changed_paths(&before, &after)
                .iter()
                .all(|p| p.starts_with("matrix.engineering.")),
            "only the engineers change"
        );
    }

    #[test]
    fn team_halved_halves_a_ranged_team_with_its_range() {
        let mut s = example("default.ron");
        if let Some(ml) = &mut s.matrix.engineering.ml_people {
            ml.value = crate::units::Count::new(dec!(4));
            (ml.low, ml.high) = (
                Some(crate::units::Count::new(dec!(2))),
                Some(crate::units::Count::new(dec!(6))),
            );
        }
        let halved = WhatIf::HalveTeam.apply(&s).expect("applies");
        let ml = halved
            .matrix
            .engineering
            .ml_people
            .clone()
            .expect("answered");
        assert_eq!(
            (ml.value.get(), ml.range().map(|(l, h)| (l.get(), h.get()))),
            (dec!(2), Some((dec!(1), dec!(3))))
        );
        assert!(crate::scenario::validate(&halved).is_empty());
    }

    #[test]
    fn team_halved_without_a_team_says_what_to_answer() {
        let s = example("seed003-gpt4o-heavy-tier.ron");
        assert!(matches!(
            WhatIf::HalveTeam.apply(&s),
            Err(WhatIfError::NothingToChange(why)) if why.contains("engineers")
        ));
    }

    #[test]
    fn every_what_if_of_every_example_stays_valid_or_says_why() {
        for entry in
            std::fs::read_dir(format!("{}/../scenarios", env!("CARGO_MANIFEST_DIR"))).unwrap()
        {
            let path = entry.unwrap().path();
            let s = from_ron_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for what_if in WhatIf::ALL {
                match what_if.apply(&s) {
                    Ok(after) => assert!(
                        crate::scenario::validate(&after).is_empty(),
                        "{} on {}",
                        what_if.label(),
                        path.display()
                    ),
                    Err(error) => assert!(what_if.why_not(&s).is_some(), "{error}"),
                }
            }
        }
    }

    #[test]
    fn three_times_a_volume_at_the_limit_is_greyed_out_not_made_invalid() {
        let mut s = example("default.ron");
        s.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(Limits::TOKENS_PER_MONTH)),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(Decimal::ONE)),
        };
        assert!(WhatIf::TripleVolume.why_not(&s).is_some());
        assert!(matches!(
            WhatIf::TripleVolume.apply(&s),
            Err(WhatIfError::NothingToChange(_))
        ));
        s.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(Decimal::MAX)),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(Decimal::ONE)),
        };
        assert!(
            WhatIf::TripleVolume.why_not(&s).is_some(),
            "too large to triple"
        );
        assert!(
            WhatIf::TripleVolume
                .why_not(&example("default.ron"))
                .is_none()
        );
    }
}
