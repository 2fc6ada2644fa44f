//! The cash view: what each option costs month by month over the horizon, with growth, price
//! trends, up-front payments in the month they are paid, build months on the API and months of
//! running both systems (seed 000's shadow mode); cumulative totals, payback, present value and
//! gross margin.

use rust_decimal::{Decimal, dec};

use super::cost_model::{CostModel, Fleet, LineKind};
use crate::error::{ArithmeticError, AtField, ComputeError};
use crate::format::{fixed, usd_cents};
use crate::phase::Phase;
use crate::scenario::{Limits, Scenario};
use crate::units::{add, div, mul, sub};

/// One month of the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HorizonMonth {
    /// 1 for the first month.
    pub month: u32,
    /// Tokens this month, after growth.
    pub volume: Decimal,
    /// Cash paid this month by each option (in [`Phase::ALL`] order), up-front payments included.
    pub cash: [Decimal; 4],
    /// Cash paid so far by each option.
    pub cumulative: [Decimal; 4],
    /// Revenue this month, when the scenario gives it.
    pub revenue: Option<Decimal>,
    /// Gross margin of each option this month, as a fraction of revenue: revenue less the
    /// month's running costs (not one-off investments) and other cost of revenue.
    pub gross_margin: [Option<Decimal>; 4],
}

/// When an option's investment is paid back by its savings against buying.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payback {
    /// The option.
    pub phase: Phase,
    /// What is paid before it saves anything: setup, the first training run, corpus and compute,
    /// the owned servers today's volume needs.
    pub up_front: Decimal,
    /// Buy's running cost less this option's, at today's volume and prices once it runs alone.
    pub monthly_saving: Decimal,
    /// Months before it carries the traffic alone: its build months, then the months it runs
    /// beside the API.
    pub before_go_live: u32,
    /// `up_front / monthly_saving`: seed 000's "simple payback", counted from go-live; `None`
    /// when it saves nothing.
    pub after_go_live: Option<Decimal>,
    /// The simple payback counted from today: `before_go_live + after_go_live`, so that it
    /// differs from seed 000's figure by exactly the build and parallel months the user set.
    pub simple_months: Option<Decimal>,
    /// The first month in which its cumulative cash is no more than Buy's, counting build
    /// months, parallel running, growth and price trends; `None` within the horizon.
    pub month: Option<u32>,
}

impl Payback {
    /// The two paybacks in words, each saying what it counts: the simple one from the months
    /// before go-live and the up-front cost over the monthly saving; the cash one from the
    /// cumulative spending, month by month.
    #[must_use]
    pub fn in_words(&self) -> String {
        let phase = self.phase.label();
        let up_front = usd_cents(self.up_front);
        let simple = match (self.after_go_live, self.simple_months) {
            (Some(_), Some(_)) if self.up_front.is_zero() => format!(
                "Simple: nothing is paid up front, so it saves {} a month from go-live, {}.",
                usd_cents(self.monthly_saving),
                if self.before_go_live == 0 {
                    "which is today".to_owned()
                } else {
                    format!("{} from today", months_phrase(self.before_go_live))
                },
            ),
            (Some(after), Some(_)) if self.before_go_live == 0 => format!(
                "Simple: {up_front} up front ÷ {} saved a month = {} months.",
                usd_cents(self.monthly_saving),
                fixed(after, 2),
            ),
            (Some(after), Some(total)) => format!(
                "Simple: {} before it runs alone (building, then beside the API), then {up_front} up front ÷ {} saved a month = {} months: {} months from today.",
                months_phrase(self.before_go_live),
                usd_cents(self.monthly_saving),
                fixed(after, 2),
                fixed(total, 2),
            ),
            _ => {
                format!("Simple: {phase} saves nothing a month against Buy, so it never pays back.")
            }
        };
        let cash = match self.month {
            Some(month) => format!(
                "In cash: month {month}, the first month {phase}'s cumulative spending is no more than Buy's, counting the months of running both, growth and price changes."
            ),
            None => format!(
                "In cash: not within the horizon; {phase}'s cumulative spending stays above Buy's."
            ),
        };
        format!("{simple} {cash}")
    }

    /// The two paybacks in a table cell: "5.34 months simple; month 8 in cash".
    #[must_use]
    pub fn short(&self) -> String {
        let simple = self.simple_months.map_or("no saving".to_owned(), |m| {
            format!("{} months simple", fixed(m, 2))
        });
        let month = self.month.map_or("not within the horizon".to_owned(), |m| {
            format!("month {m} in cash")
        });
        format!("{simple}; {month}")
    }
}

fn months_phrase(months: u32) -> String {
    if months == 1 {
        "1 month".to_owned()
    } else {
        format!("{months} months")
    }
}

/// An option's owned servers over the horizon, in cash: each bought in the month the volume
/// first needs it (its hardware at the month's GPU price trend), sold for its resale value at
/// the end of its life and replaced while still needed. Those still held when the horizon ends
/// are credited at their book value in its last month: the horizon pays for the part of their
/// life it uses, as Red Hat ConfigIQ's methodology counts "book value consumed across held
/// lifecycle periods" (`docs/HYBRID_SAVINGS_METHODOLOGY.md`, "Purchased hardware").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServersInCash {
    /// The option that owns them.
    pub phase: Phase,
    /// Servers bought over the horizon, replacements included.
    pub bought: Decimal,
    /// Paid for them, installation included.
    pub paid: Decimal,
    /// Received for those sold at the end of their life.
    pub resold: Decimal,
    /// Servers still held when the horizon ends.
    pub held: Decimal,
    /// Their book value then (hardware only: installation is not resold), credited in the last
    /// month.
    pub held_value: Decimal,
}

impl ServersInCash {
    /// The servers in a sentence, for the reports.
    #[must_use]
    pub fn in_words(&self) -> String {
        let resold = if self.resold.is_zero() {
            String::new()
        } else {
            format!(
                ", {} back from those sold at the end of their life",
                usd_cents(self.resold)
            )
        };
        let one = |count: Decimal| count == Decimal::ONE;
        let paid = usd_cents(self.paid);
        let bought = match self.bought {
            n if !self.resold.is_zero() => format!(
                "{} bought for {paid}, replacements included",
                crate::format::group_thousands(n)
            ),
            n if one(n) => format!("1 bought for {paid} when the volume first needed it"),
            n => format!(
                "{} bought for {paid} as the volume needed them",
                crate::format::group_thousands(n)
            ),
        };
        let held = match self.held {
            held if held.is_zero() => "none is held when the horizon ends".to_owned(),
            held if one(held) => format!(
                "the one still held when the horizon ends is worth {} at book value, credited in its last month",
                usd_cents(self.held_value)
            ),
            held => format!(
                "the {} still held when the horizon ends are worth {} at book value, credited in its last month",
                crate::format::group_thousands(held),
                usd_cents(self.held_value)
            ),
        };
        format!(
            "{}'s owned servers in cash: {bought}{resold}; {held}.",
            self.phase.label()
        )
    }
}

/// Servers bought in one month, kept together until they are sold.
struct Cohort {
    /// 0-based month bought.
    bought: usize,
    count: Decimal,
    /// Hardware price paid for each.
    each: Decimal,
}

/// The running tally of one option's servers.
struct Servers<'a> {
    fleet: &'a Fleet,
    cohorts: Vec<Cohort>,
    tally: ServersInCash,
}

impl<'a> Servers<'a> {
    fn new(model: &'a CostModel) -> Option<Self> {
        model.fleet.as_ref().map(|fleet| Self {
            fleet,
            cohorts: Vec::new(),
            tally: ServersInCash {
                phase: model.phase,
                bought: Decimal::ZERO,
                paid: Decimal::ZERO,
                resold: Decimal::ZERO,
                held: Decimal::ZERO,
                held_value: Decimal::ZERO,
            },
        })
    }

    /// The cash for `model`'s servers in month `index` (the `last`, or not) at `volume`: none
    /// while it is being built, then what [`Self::month`] says.
    fn in_month(
        &mut self,
        scenario: &Scenario,
        model: &CostModel,
        (index, last): (usize, bool),
        volume: Decimal,
        gpu: Decimal,
    ) -> Result<Decimal, ComputeError> {
        let building = usize::try_from(build_months(scenario, model.phase)).unwrap_or(usize::MAX);
        if index < building {
            return Ok(Decimal::ZERO);
        }
        let needed = model.instances_at(volume)?;
        self.month(index, needed, gpu, last)
    }

    /// The month's cash for servers (negative when a resale brings more than is bought): sell
    /// those at the end of their life, buy what `needed` calls for at the `gpu` price factor,
    /// and in the `last` month credit what is still held at its book value.
    fn month(
        &mut self,
        index: usize,
        needed: Decimal,
        gpu: Decimal,
        last: bool,
    ) -> Result<Decimal, ComputeError> {
        let path = "price.purchase_usd";
        let fleet = self.fleet;
        let life = usize::try_from(fleet.life_months).unwrap_or(usize::MAX);
        let mut cash = Decimal::ZERO;
        let mut kept = Vec::with_capacity(self.cohorts.len());
        for cohort in self.cohorts.drain(..) {
            if index.saturating_sub(cohort.bought) >= life {
                let each = mul(cohort.each, fleet.resale, "price × resale").at(path)?;
                let back = mul(each, cohort.count, "× servers").at(path)?;
                cash = sub(cash, back, "less resale").at(path)?;
                self.tally.resold = add(self.tally.resold, back, "resale").at(path)?;
            } else {
                kept.push(cohort);
            }
        }
        self.cohorts = kept;
        let held = self.cohorts.iter().try_fold(Decimal::ZERO, |sum, c| {
            add(sum, c.count, "servers held").at(path)
        })?;
        if needed > held {
            let count = sub(needed, held, "needed − held").at(path)?;
            let each = mul(fleet.purchase, gpu, "price × GPU price trend").at(path)?;
            let with_installation = add(each, fleet.installation, "+ installation").at(path)?;
            let paid = mul(with_installation, count, "× servers").at(path)?;
            cash = add(cash, paid, "servers bought").at(path)?;
            self.tally.bought = add(self.tally.bought, count, "servers").at(path)?;
            self.tally.paid = add(self.tally.paid, paid, "paid").at(path)?;
            self.cohorts.push(Cohort {
                bought: index,
                count,
                each,
            });
        }
        if last {
            let life_d = Decimal::from(fleet.life_months);
            for cohort in &self.cohorts {
                let age = Decimal::from(
                    u64::try_from(index.saturating_sub(cohort.bought).saturating_add(1))
                        .unwrap_or(u64::MAX),
                );
                let resale = mul(cohort.each, fleet.resale, "price × resale").at(path)?;
                let used = div(
                    mul(
                        sub(cohort.each, resale, "price − resale").at(path)?,
                        age,
                        "× months",
                    )
                    .at(path)?,
                    life_d,
                    "÷ life",
                )
                .at(path)?;
                let book = sub(cohort.each, used, "book value").at(path)?;
                let worth = mul(book, cohort.count, "× servers").at(path)?;
                cash = sub(cash, worth, "less book value held").at(path)?;
                self.tally.held = add(self.tally.held, cohort.count, "held").at(path)?;
                self.tally.held_value = add(self.tally.held_value, worth, "book value").at(path)?;
            }
        }
        Ok(cash)
    }
}

/// The horizon, month by month, with totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HorizonSummary {
    /// Each month.
    pub months: Vec<HorizonMonth>,
    /// Total cash of each option over the horizon.
    pub totals: [Decimal; 4],
    /// Present value of each option's cash at the scenario's discount rate.
    pub present_values: [Decimal; 4],
    /// Payback of each option other than Buy, against Buy.
    pub paybacks: Vec<Payback>,
    /// Gross margin today, on the API, at today's revenue (seed 000's 16%); `None` without
    /// revenue.
    pub margin_today: Option<Decimal>,
    /// Each option's gross margin in its first month alone after go-live, at today's revenue,
    /// volume and prices (seed 000's 92.8% for the fine-tune): the margin an article quotes
    /// "after", before growth and price changes move it month by month.
    pub margin_after_go_live: [Option<Decimal>; 4],
    /// Each option's monthly running cost once it runs alone, at today's volume and prices, up-front
    /// costs left out: Buy's is today's bill (seed 000's $140,000), the fine-tune's seed 000's
    /// $12,000. The paybacks' monthly savings and the margins after go-live are of these.
    pub running_after_go_live: [Decimal; 4],
    /// The owned servers of each option that buys them, in cash.
    pub servers: Vec<ServersInCash>,
}

/// The month's running cost of `model` at `volume`: every line but the amortised ones and an
/// owned server's capital (paid for when bought, [`Servers`]), API lines at `api` times their
/// price and GPU lines at `gpu` times theirs; a committed minimum tops up the API bill at
/// `api` times today's prices to the dollars committed. With `staff_only`, only the people (an
/// option still being built).
fn running(
    model: &CostModel,
    volume: Decimal,
    api: Decimal,
    gpu: Decimal,
    staff_only: bool,
) -> Result<Decimal, ComputeError> {
    // Counted once, and only when a line is priced by the instance: a month still being built
    // pays its people alone.
    let mut instances = None;
    let mut sum = Decimal::ZERO;
    for line in &model.by_kind {
        let factor = match line.kind {
            LineKind::Amortised | LineKind::Owned => continue,
            LineKind::Staff => Decimal::ONE,
            _ if staff_only => continue,
            LineKind::Commitment => {
                let top_up = line.raised(volume, api)?;
                sum = add(sum, top_up, "adding lines").at(&line.label)?;
                continue;
            }
            LineKind::Api => api,
            LineKind::Gpu => gpu,
            LineKind::Flat => Decimal::ONE,
        };
        let count = if line.per_instance.is_zero() {
            Decimal::ZERO
        } else if let Some(count) = instances {
            count
        } else {
            let count = model.instances_at(volume)?;
            instances = Some(count);
            count
        };
        let mut amount = line.at(volume, count)?;
        if factor != Decimal::ONE {
            amount = mul(amount, factor, "cost × price trend").at(&line.label)?;
        }
        sum = add(sum, amount, "adding lines").at(&line.label)?;
    }
    Ok(sum)
}

/// The months to project. Validation keeps the horizon within its limit; a scenario that skipped
/// it must not make the month-by-month table allocate billions of months.
fn month_count(months: u32) -> Result<usize, ComputeError> {
    if months > Limits::MONTHS {
        return Err(ArithmeticError::Overflow {
            operation: "a horizon of more than 120 months",
        })
        .at("horizon.months");
    }
    Ok(usize::try_from(months.max(1)).unwrap_or(1))
}

/// Up-front payments of each option by month (index 0 is month 1).
fn up_front_schedule(
    scenario: &Scenario,
    months: usize,
) -> Result<[Vec<Decimal>; 4], ComputeError> {
    let mut schedule: [Vec<Decimal>; 4] = std::array::from_fn(|_| vec![Decimal::ZERO; months]);
    let mut pay =
        |phase: Phase, month: usize, amount: Decimal, path: &str| -> Result<(), ComputeError> {
            if let Some(slot) = schedule[phase.index()].get_mut(month) {
                *slot = add(*slot, amount, "adding payments").at(path)?;
            }
            Ok(())
        };
    pay(
        Phase::SelfHost,
        0,
        scenario.self_host.setup_usd.value.get(),
        "self_host.setup_usd",
    )?;
    let f = &scenario.fine_tune;
    let integration = scenario.buy.fixed.integration_usd.value.get();
    pay(Phase::Buy, 0, integration, "buy.fixed.integration_usd")?;
    if f.keeps_the_api() {
        pay(Phase::FineTune, 0, integration, "buy.fixed.integration_usd")?;
    }
    let run = add(
        add(
            f.curation_usd_per_run.value.get(),
            f.training_usd_per_run.value.get(),
            "run",
        )
        .at("fine_tune")?,
        f.evaluation_usd_per_run.value.get(),
        "run",
    )
    .at("fine_tune")?;
    pay(Phase::FineTune, 0, run, "fine_tune.training_usd_per_run")?;
    let every = usize::try_from(f.retrain_every_months.value).unwrap_or(usize::MAX);
    if every > 0 {
        let live = go_live(
            scenario.horizon.build_months.value,
            scenario.horizon.parallel_run_months.value,
        );
        let mut month = live.saturating_add(every);
        while month < months {
            pay(
                Phase::FineTune,
                month,
                run,
                "fine_tune.retrain_every_months",
            )?;
            month = month.saturating_add(every);
        }
    }
    let p = &scenario.pretrain;
    pay(
        Phase::Pretrain,
        0,
        p.corpus_usd.value.get(),
        "pretrain.corpus_usd",
    )?;
    let build = p.build_months.value.max(1);
    let per_month = div(
        p.compute_usd.value.get(),
        Decimal::from(build),
        "compute ÷ build months",
    )
    .at("pretrain.compute_usd")?;
    for month in 0..usize::try_from(build).unwrap_or(usize::MAX).min(months) {
        pay(Phase::Pretrain, month, per_month, "pretrain.compute_usd")?;
    }
    Ok(schedule)
}

/// Price factors of a month against today's prices.
#[derive(Clone, Copy)]
struct Prices {
    api: Decimal,
    gpu: Decimal,
}

/// Months `scenario` takes to build `phase` before it carries traffic.
fn build_months(scenario: &Scenario, phase: Phase) -> u32 {
    match phase {
        Phase::Buy => 0,
        Phase::Pretrain => scenario.pretrain.build_months.value,
        Phase::FineTune | Phase::SelfHost => scenario.horizon.build_months.value,
    }
}

/// An option's running cost in month `index` (0-based): while it is built, the API and the
/// people building it; while it runs beside the API, both; then itself alone.
fn month_running(
    scenario: &Scenario,
    model: &CostModel,
    buy: Decimal,
    index: usize,
    volume: Decimal,
    prices: Prices,
) -> Result<Decimal, ComputeError> {
    let build = build_months(scenario, model.phase);
    let building = usize::try_from(build).unwrap_or(usize::MAX);
    let live = go_live(build, scenario.horizon.parallel_run_months.value);
    if model.phase == Phase::Buy {
        Ok(buy)
    } else if index < building {
        let team = running(model, volume, prices.api, prices.gpu, true)?;
        add(buy, team, "API + team").at(model.phase.label())
    } else if index < live {
        let both = running(model, volume, prices.api, prices.gpu, false)?;
        add(buy, both, "API + new system").at("horizon.parallel_run_months")
    } else {
        running(model, volume, prices.api, prices.gpu, false)
    }
}

/// The index (0-based month) from which an option built in `build` months and run beside the
/// API for `parallel` months carries the traffic alone.
fn go_live(build: u32, parallel: u32) -> usize {
    usize::try_from(build.saturating_add(parallel)).unwrap_or(usize::MAX)
}

/// Compounds `base` by `rate` once: `base × (1 + rate)`.
fn grow(base: Decimal, rate: Decimal, path: &str) -> Result<Decimal, ComputeError> {
    mul(
        base,
        add(Decimal::ONE, rate, "1 + rate").at(path)?,
        "compounding",
    )
    .at(path)
}

/// The scenario's rates of change, each as a fraction: growth a month, the API and GPU price
/// trends a year, the discount rate a month.
struct Rates {
    growth: Decimal,
    api_trend: Decimal,
    /// The one-off API price factor, `1 + change`, and the 0-based month it starts.
    api_step: (Decimal, usize),
    gpu_trend: Decimal,
    discount: Decimal,
}

impl Rates {
    fn of(scenario: &Scenario) -> Result<Self, ComputeError> {
        let h = &scenario.horizon;
        let fraction = |percent: &crate::sourced::Sourced<crate::units::Percent>, path: &str| {
            percent.value.fraction().at(path)
        };
        Ok(Self {
            growth: fraction(
                &scenario.workload.growth_percent_per_month,
                "workload.growth_percent_per_month",
            )?,
            api_step: (
                add(
                    Decimal::ONE,
                    fraction(&h.api_price_step_percent, "horizon.api_price_step_percent")?,
                    "1 + change",
                )
                .at("horizon.api_price_step_percent")?,
                usize::try_from(h.api_price_step_month.value.saturating_sub(1))
                    .unwrap_or(usize::MAX),
            ),
            api_trend: fraction(
                &h.api_price_change_percent_per_year,
                "horizon.api_price_change_percent_per_year",
            )?,
            gpu_trend: fraction(
                &h.gpu_price_change_percent_per_year,
                "horizon.gpu_price_change_percent_per_year",
            )?,
            discount: div(
                fraction(
                    &h.discount_rate_percent_per_year,
                    "horizon.discount_rate_percent_per_year",
                )?,
                dec!(12),
                "yearly ÷ 12",
            )
            .at("horizon.discount_rate_percent_per_year")?,
        })
    }
}

/// API prices in month `index` (0-based): the yearly trend `api`, and from its month on the
/// one-off change `step` (a factor and the month it applies from) on top.
fn with_step(api: Decimal, step: (Decimal, usize), index: usize) -> Result<Decimal, ComputeError> {
    if index >= step.1 && step.0 != Decimal::ONE {
        mul(api, step.0, "× one-off change").at("horizon.api_price_step_percent")
    } else {
        Ok(api)
    }
}

/// `cash` paid in a month whose money is worth `deflator` times today's, in today's money.
fn discounted(cash: Decimal, deflator: Decimal) -> Result<Decimal, ComputeError> {
    if deflator == Decimal::ONE {
        Ok(cash)
    } else {
        div(cash, deflator, "present value").at("horizon.discount_rate_percent_per_year")
    }
}

/// The month-by-month cash of the four `models` for `scenario`, starting at `volume` tokens.
/// A Monte Carlo `sample` does without each month's gross margins and leaves the options left
/// out of the scenario at zero.
pub fn horizon(
    scenario: &Scenario,
    models: &[CostModel; 4],
    volume: Decimal,
    sample: bool,
) -> Result<HorizonSummary, ComputeError> {
    let count = month_count(scenario.horizon.months.value)?;
    let Rates {
        growth,
        api_trend,
        api_step,
        gpu_trend,
        discount,
    } = Rates::of(scenario)?;
    let schedule = up_front_schedule(scenario, count)?;
    let revenue_growth = scenario
        .revenue
        .as_ref()
        .map(|r| r.growth_percent_per_month.value.fraction())
        .transpose()
        .at("revenue.growth_percent_per_month")?;

    let mut months = Vec::with_capacity(count);
    let mut cumulative = [Decimal::ZERO; 4];
    let mut present_values = [Decimal::ZERO; 4];
    let (mut volume_m, mut api, mut gpu, mut deflator) =
        (volume, Decimal::ONE, Decimal::ONE, Decimal::ONE);
    let mut revenue_m = scenario
        .revenue
        .as_ref()
        .map(|r| r.usd_per_month.value.get());
    let mut servers: Vec<Servers> = models.iter().filter_map(Servers::new).collect();
    #[expect(
        clippy::needless_range_loop,
        reason = "the month index drives growth, trends and the schedule"
    )]
    for index in 0..count {
        let month = u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX);
        if index > 0 {
            volume_m = grow(volume_m, growth, "workload.growth_percent_per_month")?;
            if let (Some(r), Some(g)) = (revenue_m, revenue_growth) {
                revenue_m = Some(grow(r, g, "revenue.growth_percent_per_month")?);
            }
            if index % 12 == 0 {
                api = grow(api, api_trend, "horizon.api_price_change_percent_per_year")?;
                gpu = grow(gpu, gpu_trend, "horizon.gpu_price_change_percent_per_year")?;
            }
        }
        deflator = grow(deflator, discount, "horizon.discount_rate_percent_per_year")?;
        let api_now = with_step(api, api_step, index)?;
        let buy = running(&models[0], volume_m, api_now, gpu, false)?;
        let mut cash = [Decimal::ZERO; 4];
        let mut margin = [None; 4];
        for model in models {
            if sample && !scenario.on_the_table(model.phase) {
                continue;
            }
            let i = model.phase.index();
            let prices = Prices { api: api_now, gpu };
            let run = month_running(scenario, model, buy, index, volume_m, prices)?;
            cash[i] = add(run, schedule[i][index], "running + up-front").at(model.phase.label())?;
            if let Some(owned) = servers.iter_mut().find(|s| s.tally.phase == model.phase) {
                let last = index.saturating_add(1) == count;
                let bought = owned.in_month(scenario, model, (index, last), volume_m, gpu)?;
                cash[i] = add(cash[i], bought, "running + servers").at(model.phase.label())?;
            }
            cumulative[i] = add(cumulative[i], cash[i], "cumulative").at(model.phase.label())?;
            present_values[i] = add(
                present_values[i],
                discounted(cash[i], deflator)?,
                "present value",
            )
            .at("horizon.discount_rate_percent_per_year")?;
            if !sample {
                margin[i] = gross_margin(scenario, revenue_m, run)?;
            }
        }
        months.push(HorizonMonth {
            month,
            volume: volume_m,
            cash,
            cumulative,
            revenue: revenue_m,
            gross_margin: margin,
        });
    }
    let running_after_go_live = running_alone(models, volume)?;
    let paybacks = paybacks(
        scenario,
        models,
        (&running_after_go_live, volume),
        &months,
        &schedule,
    )?;
    let margin_after_go_live = margins_after_go_live(scenario, &running_after_go_live)?;
    Ok(HorizonSummary {
        months,
        totals: cumulative,
        present_values,
        paybacks,
        margin_today: margin_after_go_live[Phase::Buy.index()],
        margin_after_go_live,
        running_after_go_live,
        servers: servers.into_iter().map(|s| s.tally).collect(),
    })
}

/// Each option's monthly running cost alone at `volume` and today's prices.
fn running_alone(models: &[CostModel; 4], volume: Decimal) -> Result<[Decimal; 4], ComputeError> {
    let mut alone = [Decimal::ZERO; 4];
    for model in models {
        alone[model.phase.index()] = running(model, volume, Decimal::ONE, Decimal::ONE, false)?;
    }
    Ok(alone)
}

/// Each option's gross margin running alone (at the `alone` monthly cost) at today's revenue.
fn margins_after_go_live(
    scenario: &Scenario,
    alone: &[Decimal; 4],
) -> Result<[Option<Decimal>; 4], ComputeError> {
    let revenue_today = scenario
        .revenue
        .as_ref()
        .map(|r| r.usd_per_month.value.get());
    let mut margins = [None; 4];
    for phase in Phase::ALL {
        margins[phase.index()] = gross_margin(scenario, revenue_today, alone[phase.index()])?;
    }
    Ok(margins)
}

/// Gross margin of a month: revenue less `running` and other cost of revenue, over revenue.
fn gross_margin(
    scenario: &Scenario,
    revenue: Option<Decimal>,
    running: Decimal,
) -> Result<Option<Decimal>, ComputeError> {
    let (Some(revenue), Some(r)) = (revenue, scenario.revenue.as_ref()) else {
        return Ok(None);
    };
    if revenue.is_zero() {
        return Ok(None);
    }
    let other = r.other_cost_of_revenue_usd_per_month.value.get();
    let costs = add(running, other, "costs").at("revenue.other_cost_of_revenue_usd_per_month")?;
    let profit = sub(revenue, costs, "revenue − costs").at("revenue.usd_per_month")?;
    Ok(Some(
        div(profit, revenue, "margin").at("revenue.usd_per_month")?,
    ))
}

fn paybacks(
    scenario: &Scenario,
    models: &[CostModel; 4],
    (alone, volume): (&[Decimal; 4], Decimal),
    months: &[HorizonMonth],
    schedule: &[Vec<Decimal>; 4],
) -> Result<Vec<Payback>, ComputeError> {
    let buy_now = alone[Phase::Buy.index()];
    let mut out = Vec::new();
    for model in &models[1..] {
        let i = model.phase.index();
        let up_front = match model.phase {
            Phase::Pretrain => schedule[i].iter().try_fold(Decimal::ZERO, |sum, paid| {
                add(sum, *paid, "up-front").at("pretrain")
            })?,
            _ => schedule[i].first().copied().unwrap_or(Decimal::ZERO),
        };
        // Owned servers are paid for up front too: those today's volume needs.
        let up_front = match &model.fleet {
            Some(fleet) => {
                let each = add(
                    fleet.purchase,
                    fleet.installation,
                    "purchase + installation",
                )
                .at("price.purchase_usd")?;
                let servers =
                    mul(each, model.instances_at(volume)?, "× servers").at("price.purchase_usd")?;
                add(up_front, servers, "up-front").at(model.phase.label())?
            }
            None => up_front,
        };
        let saving = sub(buy_now, alone[i], "saving").at(model.phase.label())?;
        let before_go_live = build_months(scenario, model.phase)
            .saturating_add(scenario.horizon.parallel_run_months.value);
        let after_go_live = if saving > Decimal::ZERO {
            Some(div(up_front, saving, "payback").at(model.phase.label())?)
        } else {
            None
        };
        let simple_months = after_go_live
            .map(|after| {
                add(
                    Decimal::from(before_go_live),
                    after,
                    "months before + after",
                )
                .at(model.phase.label())
            })
            .transpose()?;
        let month = months
            .iter()
            .find(|m| m.cumulative[i] <= m.cumulative[0])
            .map(|m| m.month);
        out.push(Payback {
            phase: model.phase,
            up_front,
            monthly_saving: saving,
            before_go_live,
            after_go_live,
            simple_months,
            month,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use rust_decimal::{Decimal, dec};

    use crate::engine::compute;
    use crate::phase::Phase;
    use crate::scenario::Scenario;
    use crate::units::{Percent, UsdPerMonth};

    #[test]
    fn a_committed_minimum_stays_in_dollars_when_api_prices_fall() {
        let mut scenario = Scenario::embedded_default();
        scenario.workload.growth_percent_per_month.value = Percent::ZERO;
        scenario.horizon.api_price_change_percent_per_year.value = Percent::new(dec!(-50));
        let buy = Phase::Buy.index();
        let free = compute(&scenario).expect("computes");
        let bill = free.api_spend;
        let (first, second_year) = (
            free.horizon.months[0].cash[buy],
            free.horizon.months[12].cash[buy],
        );
        assert_eq!(
            first - second_year,
            bill / Decimal::TWO,
            "without a commitment the bill halves"
        );
        // Committed to today's bill: the halved prices save nothing on it.
        scenario.buy.fixed.committed_usd_per_month.value = UsdPerMonth::new(bill);
        let bound = compute(&scenario).expect("computes");
        let months = &bound.horizon.months;
        assert_eq!(months[0].cash[buy], first);
        assert_eq!(months[12].cash[buy], first);
        // The spend thresholds still see the tokens' bill, which the commitment does not change.
        assert_eq!(bound.api_spend, bill);
        // A fine-tune that keeps some traffic on the API owes the rest of the commitment.
        let fine_tune = &bound.costs[Phase::FineTune.index()];
        let (label, top_up) = fine_tune
            .lines
            .iter()
            .find(|(label, _)| label.starts_with("Committed minimum"))
            .expect("the fine-tune keeps the commitment");
        let kept: Decimal = fine_tune
            .lines
            .iter()
            .filter(|(label, _)| label.starts_with("API for"))
            .map(|(_, amount)| *amount)
            .sum();
        assert_eq!(*top_up, bill - kept, "{label}");
    }

    #[test]
    fn a_horizon_beyond_the_limit_is_an_error_naming_it_not_billions_of_months() {
        // Typed as 1.5B in the window, it once reached the sensitivity table unvalidated and
        // asked for 24 GB.
        let mut scenario = Scenario::embedded_default();
        scenario.horizon.months.value = 1_500_000_000;
        let error = compute(&scenario).expect_err("refused");
        assert_eq!(error.path, "horizon.months");
    }
}
