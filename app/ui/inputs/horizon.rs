//! The cash view over time: the horizon, price trends, the build and the parallel run, the
//! discount rate; and the product's revenue, for gross margin.

use breakeven_model::Scenario;
use breakeven_model::scenario::Revenue;
use egui::Ui;

use super::form::Form;
use crate::ui::widgets::fields::Number;

/// The horizon's numbers.
#[rustfmt::skip]
const HORIZON: [Number<Scenario>; 8] = [
    Number::new("Horizon", "months", "horizon.months", "Months of cash to project, 1 to 120.", |s| Some(&mut s.horizon.months)),
    Number::new("API prices", "% a year", "horizon.api_price_change_percent_per_year", "Yearly change of API prices; negative when they fall. Applied at months 13, 25, ...", |s| Some(&mut s.horizon.api_price_change_percent_per_year)),
    Number::new("API prices once", "%", "horizon.api_price_step_percent", "A one-off change of every API price, beside the yearly trend: -50 halves them from the month below on. 0 for none.", |s| Some(&mut s.horizon.api_price_step_percent)),
    Number::new("From month", "month", "horizon.api_price_step_month", "The month the one-off change takes effect: 1 is this month, 13 a year from now.", |s| Some(&mut s.horizon.api_price_step_month)),
    Number::new("GPU prices", "% a year", "horizon.gpu_price_change_percent_per_year", "Yearly change of GPU prices.", |s| Some(&mut s.horizon.gpu_price_change_percent_per_year)),
    Number::new("Build time", "months", "horizon.build_months", "Months to build self-hosting or a fine-tune; traffic stays on the API meanwhile.", |s| Some(&mut s.horizon.build_months)),
    Number::new("Parallel running", "months", "horizon.parallel_run_months", "Months of running both systems before switching (shadow mode).", |s| Some(&mut s.horizon.parallel_run_months)),
    Number::new("Discount rate", "% a year", "horizon.discount_rate_percent_per_year", "For present values; 0 for plain cash.", |s| Some(&mut s.horizon.discount_rate_percent_per_year)),
];

/// Revenue's numbers, when revenue is given.
#[rustfmt::skip]
const REVENUE: [Number<Scenario>; 3] = [
    Number::new("Revenue", "USD/month", "revenue.usd_per_month", "Revenue this month.", |s| s.revenue.as_mut().map(|r| &mut r.usd_per_month as _)),
    Number::new("Revenue growth", "% a month", "revenue.growth_percent_per_month", "Monthly growth of revenue.", |s| s.revenue.as_mut().map(|r| &mut r.growth_percent_per_month as _)),
    Number::new("Other cost of revenue", "USD/month", "revenue.other_cost_of_revenue_usd_per_month", "Hosting, support and other costs of revenue besides the LLM.", |s| s.revenue.as_mut().map(|r| &mut r.other_cost_of_revenue_usd_per_month as _)),
];

/// The horizon's inputs.
pub fn horizon_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    form.numbers(ui, &HORIZON, s);
}

/// Revenue, for gross margin: given or not, and its numbers.
pub fn revenue_ui(ui: &mut Ui, form: &mut Form<'_>, s: &mut Scenario) {
    let mut given = s.revenue.is_some();
    if ui
        .checkbox(&mut given, "Revenue given (for gross margin)")
        .changed()
    {
        s.revenue = given.then(Revenue::nothing_yet);
    }
    form.numbers(ui, &REVENUE, s);
}
