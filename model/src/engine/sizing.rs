//! How many instances each hosted option runs, and why: the peak it must serve, what one
//! instance serves at the target utilisation, the headroom left at the peak, and the months in
//! which growth calls for another instance over the horizon.

use rust_decimal::Decimal;

use super::capacity::SECONDS_PER_HOUR;
use super::cost_model::{CostModel, Instances, Stair, StepOf};
use super::horizon::HorizonMonth;
use crate::error::{AtField, ComputeError};
use crate::phase::Phase;
use crate::units::{div, mul, sub};

/// One hosted option's instances, today and over the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sizing {
    /// The option.
    pub phase: Phase,
    /// Tokens a second (input and output) its instances serve at the peak: the month's tokens of
    /// the share they serve, times the peak over average, over the hours in service.
    pub peak_tokens_per_second: Decimal,
    /// Of which output tokens, the unit throughput is measured in.
    pub peak_output_tokens_per_second: Decimal,
    /// Tokens a second one instance serves at the scenario's mix and the target utilisation.
    pub per_instance_tokens_per_second: Decimal,
    /// Instances running at today's volume.
    pub instances: Decimal,
    /// What the instances running today serve at the target over what the peak needs, less
    /// one: 0.24 is 24% to spare at the peak. `None` without traffic.
    pub headroom: Option<Decimal>,
    /// Instances in each month of the horizon (index 0 is month 1), at that month's volume.
    pub by_month: Vec<Decimal>,
    /// The months in which the count rises, with the count from then on.
    pub steps: Vec<(u32, Decimal)>,
}

impl Sizing {
    /// The count month by month in rows of `per_row` months, each with its first and last
    /// month (1-based): `(1, 12, [3, 3, …])`.
    #[must_use]
    pub fn rows(&self, per_row: usize) -> Vec<(usize, usize, &[Decimal])> {
        let mut first = 1_usize;
        self.by_month
            .chunks(per_row.max(1))
            .map(|months| {
                let last = first.saturating_add(months.len()).saturating_sub(1);
                let row = (first, last, months);
                first = last.saturating_add(1);
                row
            })
            .collect()
    }
}

/// The sizing of each option whose instances follow the peak (a staircase of instances), at
/// `volume` tokens a month with `output_share` of them generated, and month by month over
/// `months`.
pub fn sizings(
    models: &[CostModel; 4],
    volume: Decimal,
    output_share: Decimal,
    months: &[HorizonMonth],
) -> Result<Vec<Sizing>, ComputeError> {
    let mut out = Vec::new();
    for model in models {
        let Instances::Stair(stair) = &model.instances else {
            continue;
        };
        if stair.step_of != StepOf::Instance {
            continue;
        }
        out.push(sizing(model.phase, stair, volume, output_share, months)?);
    }
    Ok(out)
}

fn sizing(
    phase: Phase,
    stair: &Stair,
    volume: Decimal,
    output_share: Decimal,
    months: &[HorizonMonth],
) -> Result<Sizing, ComputeError> {
    let path = phase.label();
    let seconds = mul(stair.capacity.hours, SECONDS_PER_HOUR, "hours × 3,600").at(path)?;
    let served = mul(volume, stair.traffic_share, "tokens × share served").at(path)?;
    let at_peak = mul(served, stair.peak, "× peak over average").at(path)?;
    let peak = div(at_peak, seconds, "÷ seconds in service").at(path)?;
    let peak_output = mul(peak, output_share, "× output share").at(path)?;
    let planned = stair.capacity.planned.unwrap_or_default();
    let per_instance = div(planned, seconds, "÷ seconds in service").at(path)?;
    let instances = stair.instances(volume)?;
    let headroom = if peak.is_zero() {
        None
    } else {
        let running = mul(instances, per_instance, "instances × tokens a second").at(path)?;
        Some(
            sub(
                div(running, peak, "÷ peak tokens a second").at(path)?,
                Decimal::ONE,
                "− 1",
            )
            .at(path)?,
        )
    };
    let mut by_month = Vec::with_capacity(months.len());
    let mut steps = Vec::new();
    let mut before: Option<Decimal> = None;
    for month in months {
        let count = stair.instances(month.volume)?;
        if before.is_some_and(|b| count > b) {
            steps.push((month.month, count));
        }
        before = Some(count);
        by_month.push(count);
    }
    Ok(Sizing {
        phase,
        peak_tokens_per_second: peak,
        peak_output_tokens_per_second: peak_output,
        per_instance_tokens_per_second: per_instance,
        instances,
        headroom,
        by_month,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use crate::catalog::Catalog;
    use crate::engine::{Phase, compute};
    use crate::scenario::{Scenario, Volume};
    use crate::sourced::Sourced;
    use crate::units::{Percent, Ratio, TokensPerMonth};

    /// The planning meeting: 9B tokens a month, 75% input, 4% growth a month, a peak of 3x,
    /// Llama 3.1 70B (FP8) on one H100 (p5.4xlarge) at 1,800 output tokens a second.
    fn llama_70b_on_h100s() -> Scenario {
        let mut s = Scenario::embedded_default();
        s.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(6_750_000_000))),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(2_250_000_000))),
        };
        s.workload.growth_percent_per_month.value = Percent::new(dec!(4));
        s.workload.peak_to_average.value = Ratio::new(dec!(3));
        let catalog = Catalog::embedded();
        let h100 = catalog.gpu_instance("p5.4xlarge").expect("in the catalog");
        let figure = h100
            .throughput
            .iter()
            .find(|f| f.model == "Llama-3.1-70B FP8")
            .expect("a 70B figure");
        h100.apply_to(&mut s.self_host.hosting, Some(figure));
        s.self_host.hosting.target_utilisation_percent.value = Percent::new(dec!(70));
        s.self_host.hosting.hours_in_service_per_month.value =
            crate::units::HoursPerMonth::new(crate::units::HOURS_PER_MONTH);
        s.horizon.months.value = 36;
        s
    }

    #[test]
    fn the_peak_one_instance_and_the_headroom_today() {
        let outcome = compute(&llama_70b_on_h100s()).expect("computes");
        let sizing = outcome
            .sizing
            .iter()
            .find(|s| s.phase == Phase::SelfHost)
            .expect("self-hosting runs instances");
        // 9B tokens × 3 over the 2,628,000 seconds of 730 hours.
        assert_eq!(sizing.peak_tokens_per_second.round_dp(2), dec!(10273.97));
        assert_eq!(
            sizing.peak_output_tokens_per_second.round_dp(2),
            dec!(2568.49)
        );
        // 1,800 output tokens a second at 70%, a quarter of the tokens being output.
        assert_eq!(sizing.per_instance_tokens_per_second, dec!(5040));
        assert_eq!(sizing.instances, dec!(3));
        // 3 × 5,040 = 15,120 tokens a second against 10,273.97 at the peak.
        assert_eq!(sizing.headroom.map(|h| h.round_dp(4)), Some(dec!(0.4717)));
        assert_eq!(sizing.by_month.len(), 36);
        assert_eq!(sizing.by_month[0], dec!(3));
    }

    #[test]
    fn a_new_instance_comes_in_the_month_growth_crosses_each_step() {
        let outcome = compute(&llama_70b_on_h100s()).expect("computes");
        let sizing = outcome
            .sizing
            .iter()
            .find(|s| s.phase == Phase::SelfHost)
            .expect("sized");
        // Closed form: k instances serve k × 4,415,040,000 tokens a month (5,040 tokens a
        // second over 730 hours, ÷ 3 for the peak); the volume 9B × 1.04^(m − 1) first passes
        // that in month m = 2 + ⌊ln(k × width ÷ 9B) ÷ ln 1.04⌋.
        let width = 5040.0 * 2_628_000.0 / 3.0;
        let expected: Vec<(u32, u32)> = (3..9)
            .map(|k: u32| {
                let months = (f64::from(k) * width / 9e9).ln() / 1.04_f64.ln();
                #[expect(clippy::cast_possible_truncation, reason = "a month of a horizon")]
                #[expect(clippy::cast_sign_loss, reason = "positive")]
                let month = months.floor() as u32 + 2;
                (month, k + 1)
            })
            .collect();
        let steps: Vec<(u32, u32)> = sizing
            .steps
            .iter()
            .map(|(m, k)| {
                (
                    *m,
                    rust_decimal::prelude::ToPrimitive::to_u32(k).expect("small"),
                )
            })
            .collect();
        assert_eq!(steps, expected);
        assert_eq!(expected[0], (11, 4));
        assert_eq!(sizing.by_month[35], dec!(9));
    }

    #[test]
    fn the_reports_and_the_csv_carry_the_instances() {
        let scenario = llama_70b_on_h100s();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        let evaluation = crate::evaluate(&scenario, today).expect("evaluates");
        let text = evaluation.render(crate::report::Format::Text);
        assert!(
            text.contains(
                "Self-host: 3 instances today for a peak of 10,274 tokens/s (2,568 of them output); one serves 5,040 tokens/s at the target utilisation, so 47.17% is to spare at the peak. As traffic grows: 4 from month 11, 5 from month 19"
            ),
            "{text}"
        );
        let csv = evaluation.render(crate::report::Format::Csv);
        let mut rows = csv.lines();
        let header: Vec<&str> = rows.next().expect("a header").split(',').collect();
        let column = header
            .iter()
            .position(|h| *h == "self_host_instances")
            .expect("an instances column");
        let counts: Vec<String> = rows
            .map(|row| row.split(',').nth(column).expect("a cell").to_owned())
            .collect();
        assert_eq!(counts.len(), 36);
        assert_eq!((counts[9].as_str(), counts[10].as_str()), ("3", "4"));
        assert_eq!(counts[35], "9");
    }
}
