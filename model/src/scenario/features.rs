//! A scenario's features (since version 9): a product rarely has one LLM workload, and the
//! articles advise per feature. "Build vs Buy: Should we fine-tune…" (seed 002) moves the one
//! feature behind 80% of the bill; "LLM build vs buy: the questions that actually matter" (seed
//! 003) routes the repetitive 70% to a fine-tune and keeps the hard cases on the frontier.
//!
//! Each feature has its own traffic, its own API model and prices, and the answers that belong
//! to a task. The team, data residency, product stage, revenue, horizon and the options'
//! infrastructure stay the scenario's, shared by every feature.
//!
//! In the file, the scenario's own `workload`, `buy` and task answers are its first feature's,
//! named by `feature`; `more_features` lists the others. A file from before version 9 is a
//! scenario of one feature and reads as it is. Every computation takes one feature at a time as
//! a whole scenario ([`Scenario::feature`]), so one feature's figures are exactly what the
//! engine gives for a one-feature scenario.

use serde::{Deserialize, Serialize};

use super::{Buy, FineTuningFit, FrontierVelocity, Retrieval, Scenario, Workload};

/// The most features a scenario holds: far more than any product's, few enough that a roadmap
/// of every feature over ten years stays quick.
pub const MAX_FEATURES: usize = 50;

/// One feature after the first: its name, traffic, API model and the answers about its task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Feature {
    /// What the feature is called ("Contract extraction").
    pub name: String,
    /// Its traffic.
    pub workload: Workload,
    /// The API model it calls and that model's prices. The integration's people, fees,
    /// committed minimum and one-off build (`buy.fixed`) are shared and given once, in the
    /// scenario's own `buy`.
    pub buy: Buy,
    /// Whether fine-tuning has something to fix on this task, and data to fix it with.
    #[serde(default)]
    pub fine_tuning_fit: FineTuningFit,
    /// How fast frontier models improve at this task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frontier_velocity: Option<FrontierVelocity>,
    /// Whether a cheaper API model would do this task as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workhorse_would_do: Option<bool>,
    /// What retrieval reaches on this task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval: Option<Retrieval>,
}

/// The name a first feature without one goes by.
pub const UNNAMED_FEATURE: &str = "All traffic";

impl Scenario {
    /// How many features the scenario has: at least one.
    #[must_use]
    pub fn feature_count(&self) -> usize {
        self.more_features.len().saturating_add(1)
    }

    /// The name of feature `index` (0 is the first), or `None` past the last.
    #[must_use]
    pub fn feature_name(&self, index: usize) -> Option<&str> {
        if index == 0 {
            let own = self.feature.trim();
            Some(if own.is_empty() { UNNAMED_FEATURE } else { own })
        } else {
            self.more_features
                .get(index.saturating_sub(1))
                .map(|f| f.name.as_str())
        }
    }

    /// Every feature's name, in order.
    #[must_use]
    pub fn feature_names(&self) -> Vec<String> {
        (0..self.feature_count())
            .filter_map(|i| self.feature_name(i).map(str::to_owned))
            .collect()
    }

    /// Whether the scenario has more than one feature.
    #[must_use]
    pub fn has_features(&self) -> bool {
        !self.more_features.is_empty()
    }

    /// Feature `index` as a scenario of its own: the shared parts, with the feature's traffic,
    /// API model and task answers. The first feature's is the scenario without the others.
    /// `None` past the last feature.
    #[must_use]
    pub fn feature(&self, index: usize) -> Option<Scenario> {
        let mut one = Scenario {
            more_features: Vec::new(),
            ..self.clone()
        };
        if index == 0 {
            return Some(one);
        }
        let feature = self.more_features.get(index.saturating_sub(1))?;
        one.feature.clone_from(&feature.name);
        one.workload = feature.workload.clone();
        one.buy = Buy {
            fixed: self.buy.fixed.clone(),
            ..feature.buy.clone()
        };
        one.matrix.fine_tuning_fit = feature.fine_tuning_fit.clone();
        one.matrix.frontier_velocity = feature.frontier_velocity;
        one.matrix.workhorse_would_do = feature.workhorse_would_do;
        one.matrix.retrieval = feature.retrieval;
        Some(one)
    }

    /// Puts `edited`, a scenario of one feature made by [`Scenario::feature`] and then edited,
    /// back as feature `index`: its traffic, API model and task answers go to that feature,
    /// and everything shared goes to the whole scenario. Does nothing past the last feature.
    pub fn put_feature(&mut self, index: usize, edited: Scenario) {
        if index >= self.feature_count() {
            return;
        }
        let more = std::mem::take(&mut self.more_features);
        if index == 0 {
            *self = Scenario {
                more_features: more,
                ..edited
            };
            return;
        }
        let mut more = more;
        let Scenario {
            feature: name,
            workload,
            buy,
            matrix,
            ..
        } = edited.clone();
        *self = Scenario {
            feature: self.feature.clone(),
            workload: self.workload.clone(),
            buy: Buy {
                fixed: buy.fixed.clone(),
                ..self.buy.clone()
            },
            matrix: super::Matrix {
                fine_tuning_fit: self.matrix.fine_tuning_fit.clone(),
                frontier_velocity: self.matrix.frontier_velocity,
                workhorse_would_do: self.matrix.workhorse_would_do,
                retrieval: self.matrix.retrieval,
                ..matrix.clone()
            },
            more_features: Vec::new(),
            ..edited
        };
        if let Some(slot) = more.get_mut(index.saturating_sub(1)) {
            *slot = Feature {
                name,
                workload,
                buy: Buy {
                    fixed: super::BuyFixed::default(),
                    ..buy
                },
                fine_tuning_fit: matrix.fine_tuning_fit,
                frontier_velocity: matrix.frontier_velocity,
                workhorse_would_do: matrix.workhorse_would_do,
                retrieval: matrix.retrieval,
            };
        }
        self.more_features = more;
    }

    /// Feature `index` as it would be listed after the first: its own parts, taken from
    /// [`Scenario::feature`]'s scenario.
    #[must_use]
    pub fn feature_parts(&self, index: usize) -> Option<Feature> {
        let one = self.feature(index)?;
        Some(Feature {
            name: self
                .feature_name(index)
                .unwrap_or(UNNAMED_FEATURE)
                .to_owned(),
            workload: one.workload,
            buy: Buy {
                fixed: super::BuyFixed::default(),
                ..one.buy
            },
            fine_tuning_fit: one.matrix.fine_tuning_fit,
            frontier_velocity: one.matrix.frontier_velocity,
            workhorse_would_do: one.matrix.workhorse_would_do,
            retrieval: one.matrix.retrieval,
        })
    }

    /// Replaces the features with `features`, in order: the first becomes the scenario's own
    /// (its `buy.fixed` kept from the scenario), the rest `more_features`. Nothing changes when
    /// `features` is empty or longer than [`MAX_FEATURES`].
    pub fn set_features(&mut self, features: Vec<Feature>) {
        if features.is_empty() || features.len() > MAX_FEATURES {
            return;
        }
        let mut features = features.into_iter();
        let Some(first) = features.next() else {
            return;
        };
        self.feature = if first.name == UNNAMED_FEATURE {
            String::new()
        } else {
            first.name
        };
        self.workload = first.workload;
        self.buy = Buy {
            fixed: self.buy.fixed.clone(),
            ..first.buy
        };
        self.matrix.fine_tuning_fit = first.fine_tuning_fit;
        self.matrix.frontier_velocity = first.frontier_velocity;
        self.matrix.workhorse_would_do = first.workhorse_would_do;
        self.matrix.retrieval = first.retrieval;
        self.more_features = features.collect();
    }

    /// A name no feature has yet: `base`, else `base 2`, `base 3`...
    #[must_use]
    pub fn fresh_feature_name(&self, base: &str) -> String {
        let names = self.feature_names();
        let taken = |name: &str| names.iter().any(|t| t.trim().eq_ignore_ascii_case(name));
        if !taken(base) {
            return base.to_owned();
        }
        (2..=MAX_FEATURES.saturating_add(1))
            .map(|n| format!("{base} {n}"))
            .find(|name| !taken(name))
            .unwrap_or_else(|| base.to_owned())
    }

    /// Adds `feature` at the end, named afresh if its name is taken; the index it has, or `None`
    /// when the scenario already holds [`MAX_FEATURES`].
    pub fn add_feature(&mut self, mut feature: Feature) -> Option<usize> {
        if self.feature_count() >= MAX_FEATURES {
            return None;
        }
        feature.name = self.fresh_feature_name(&feature.name);
        self.more_features.push(feature);
        Some(self.more_features.len())
    }

    /// Adds a copy of feature `index` after it, named "… (copy)"; the copy's index.
    pub fn duplicate_feature(&mut self, index: usize) -> Option<usize> {
        if self.feature_count() >= MAX_FEATURES {
            return None;
        }
        let mut copy = self.feature_parts(index)?;
        copy.name = self.fresh_feature_name(&format!("{} (copy)", copy.name));
        let mut features = self.features();
        let at = index.checked_add(1)?;
        features.insert(at, copy);
        self.set_features(features);
        Some(at)
    }

    /// Removes feature `index`, unless it is the only one; the index of the feature to show
    /// after: the one before it.
    pub fn remove_feature(&mut self, index: usize) -> Option<usize> {
        if self.feature_count() <= 1 || index >= self.feature_count() {
            return None;
        }
        let mut features = self.features();
        features.remove(index);
        self.set_features(features);
        Some(index.saturating_sub(1))
    }

    /// Moves feature `index` one place up (towards the first) or down; its new index.
    pub fn move_feature(&mut self, index: usize, up: bool) -> Option<usize> {
        let to = if up {
            index.checked_sub(1)?
        } else {
            index
                .checked_add(1)
                .filter(|to| *to < self.feature_count())?
        };
        let mut features = self.features();
        if index >= features.len() {
            return None;
        }
        features.swap(index, to);
        self.set_features(features);
        Some(to)
    }

    /// Whether `other` is this scenario with nothing changed but some features' monthly volume:
    /// what a read-only page lets its reader change.
    #[must_use]
    pub fn differs_only_in_volume(&self, other: &Scenario) -> bool {
        if self.feature_count() != other.feature_count() {
            return false;
        }
        let mut same = other.clone();
        same.workload.volume = self.workload.volume.clone();
        for (mine, theirs) in self.more_features.iter().zip(&mut same.more_features) {
            theirs.workload.volume = mine.workload.volume.clone();
        }
        same == *self
    }

    /// Every feature's own parts, in order.
    #[must_use]
    pub fn features(&self) -> Vec<Feature> {
        (0..self.feature_count())
            .filter_map(|i| self.feature_parts(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sourced::Sourced;
    use crate::units::Percent;
    use rust_decimal::dec;

    fn two() -> Scenario {
        let mut s = Scenario::embedded_default();
        let mut second = s.feature_parts(0).unwrap();
        second.name = "Search summaries".into();
        second.workload.growth_percent_per_month = Sourced::bare(Percent::new(dec!(12)));
        second.frontier_velocity = Some(FrontierVelocity::Plateaued);
        s.more_features.push(second);
        s
    }

    #[test]
    fn the_first_feature_is_the_scenario_without_the_others() {
        let s = two();
        let first = s.feature(0).unwrap();
        assert!(first.more_features.is_empty());
        assert_eq!(first.workload, s.workload);
        assert_eq!(s.feature_name(0), Some(UNNAMED_FEATURE));
        assert_eq!(s.feature(2), None);
    }

    #[test]
    fn a_later_feature_brings_its_own_traffic_and_answers_and_shares_the_rest() {
        let s = two();
        let second = s.feature(1).unwrap();
        assert_eq!(second.feature, "Search summaries");
        assert_eq!(
            second.workload.growth_percent_per_month.value.get(),
            dec!(12)
        );
        assert_eq!(
            second.matrix.frontier_velocity,
            Some(FrontierVelocity::Plateaued)
        );
        assert_eq!(second.self_host, s.self_host);
        assert_eq!(second.buy.fixed, s.buy.fixed);
        assert_eq!(second.matrix.data_residency, s.matrix.data_residency);
    }

    #[test]
    fn an_edit_to_a_feature_puts_its_own_parts_back_and_the_shared_parts_on_the_scenario() {
        let mut s = two();
        let mut edited = s.feature(1).unwrap();
        edited.workload.growth_percent_per_month = Sourced::bare(Percent::new(dec!(3)));
        edited.horizon.build_months = Sourced::bare(7);
        edited.matrix.retrieval = Some(Retrieval::FallsShort);
        s.put_feature(1, edited);
        assert_eq!(
            s.horizon.build_months.value, 7,
            "shared: the whole scenario"
        );
        assert_eq!(
            s.more_features[0]
                .workload
                .growth_percent_per_month
                .value
                .get(),
            dec!(3)
        );
        assert_eq!(s.more_features[0].retrieval, Some(Retrieval::FallsShort));
        assert_eq!(
            s.matrix.retrieval, None,
            "the first feature's own answer stays"
        );
        assert_eq!(s.more_features[0].name, "Search summaries");
        assert_eq!(s.feature_count(), 2);
    }

    #[test]
    fn features_are_added_copied_moved_and_removed_keeping_each_ones_parts() {
        let mut s = two();
        let copied = s.duplicate_feature(1).unwrap();
        assert_eq!(copied, 2);
        assert_eq!(s.feature_name(2), Some("Search summaries (copy)"));
        assert_eq!(s.more_features[1].workload, s.more_features[0].workload);
        let first = s.feature_parts(0).unwrap();
        assert_eq!(s.move_feature(0, true), None, "the first cannot go up");
        assert_eq!(s.move_feature(0, false), Some(1));
        assert_eq!(s.feature_name(0), Some("Search summaries"));
        assert_eq!(s.feature_parts(1).unwrap(), first);
        assert_eq!(
            s.workload.growth_percent_per_month.value.get(),
            dec!(12),
            "the new first feature's traffic is the scenario's own"
        );
        assert_eq!(s.remove_feature(2), Some(1));
        assert_eq!(s.feature_count(), 2);
        let mut one = Scenario::embedded_default();
        assert_eq!(one.remove_feature(0), None, "the last feature stays");
        let parts = one.feature_parts(0).unwrap();
        assert_eq!(one.add_feature(parts), Some(1));
        assert_eq!(one.feature_name(1), Some("All traffic 2"));
    }

    #[test]
    fn a_change_of_volume_alone_is_told_from_any_other_change() {
        let s = two();
        let mut louder = s.clone();
        if let crate::scenario::Volume::Tokens {
            input_tokens_per_month,
            ..
        } = &mut louder.more_features[0].workload.volume
        {
            input_tokens_per_month.value = crate::units::TokensPerMonth::new(dec!(5));
        }
        assert!(s.differs_only_in_volume(&louder));
        let mut other = louder.clone();
        other.horizon.build_months = Sourced::bare(9);
        assert!(!s.differs_only_in_volume(&other));
    }

    #[test]
    fn features_round_trip_through_set_features() {
        let mut s = two();
        let before = s.clone();
        let features = s.features();
        s.set_features(features);
        assert_eq!(s, before);
    }
}
