//! The roadmap as a timeline: a row a feature, each month coloured by the phase the plan has it
//! in, lighter while the next phase is built and run beside the API, the month each move goes
//! live marked and labelled.

use breakeven_model::Evaluation;
use breakeven_model::engine::Phase;
use breakeven_model::portfolio::Stage;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Key, MUTED, Scale, at, colour, names_column};

/// `colour` mixed with white: `share` of the colour is kept.
fn lighter(colour: RGBColor, share: f64) -> RGBColor {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a channel from 0 to 255"
    )]
    let mix = |c: u8| (f64::from(c) * share + 255.0 * (1.0 - share)).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// The fill of a month in `stage`.
fn fill(stage: Stage) -> RGBColor {
    match stage {
        Stage::On(p) => colour(p),
        Stage::Building { to, .. } => lighter(colour(to), 0.25),
        Stage::Shadow { to, .. } => lighter(colour(to), 0.55),
    }
}

/// Draws the timeline in `body` and returns its key: the phases drawn, and the two lighter
/// shades when any month is spent building or beside the API.
pub fn draw<DB: DrawingBackend>(
    body: &DrawingArea<DB, Shift>,
    evaluation: &Evaluation,
    s: &Scale,
) -> Result<Vec<Key>, DrawingAreaErrorKind<DB::ErrorType>> {
    let Ok(portfolio) = evaluation.portfolio() else {
        return Ok(Vec::new());
    };
    let roadmap = &portfolio.roadmap;
    let (width, height) = body.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let font = s.font(28.0);
    let left = names_column(body, s, roadmap.rows.iter().map(|r| r.name.as_str()), 0.35)?;
    let right = width - s.f(60.0);
    let top = s.f(30.0);
    let bottom = height - s.f(90.0);
    let rows = roadmap.rows.len().max(1);
    #[expect(clippy::cast_precision_loss, reason = "a few features")]
    let row_height = ((bottom - top) / rows as f64).min(s.f(140.0));
    let months = f64::from(roadmap.months.max(1));
    let month_width = (right - left) / months;
    let x_of = |month: u32| left + f64::from(month.saturating_sub(1)) * month_width;
    let mut used: Vec<Phase> = Vec::new();
    let mut lighter_shades = false;
    for (r, row) in roadmap.rows.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a few features")]
        let y = top + r as f64 * row_height;
        let bar = (y + row_height * 0.2, y + row_height * 0.8);
        body.draw(&Text::new(
            row.name.clone(),
            at([left - s.f(24.0), f64::midpoint(bar.0, bar.1)]),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for (first, last, stage) in row.runs() {
            let phase = match stage {
                Stage::On(p) => p,
                Stage::Building { to, .. } | Stage::Shadow { to, .. } => {
                    lighter_shades = true;
                    to
                }
            };
            if !used.contains(&phase) {
                used.push(phase);
            }
            body.draw(&Rectangle::new(
                [
                    at([x_of(first), bar.0]),
                    at([x_of(last) + month_width, bar.1]),
                ],
                fill(stage).filled(),
            ))?;
        }
        for m in &row.moves {
            if m.live > roadmap.months {
                continue;
            }
            let x = x_of(m.live);
            body.draw(&PathElement::new(
                vec![at([x, bar.0 - s.f(8.0)]), at([x, bar.1 + s.f(8.0)])],
                BLACK.stroke_width(s.px(3.0)),
            ))?;
            body.draw(&Text::new(
                format!("month {}: {}", m.live, m.to.label()),
                at([x + s.f(8.0), bar.0 - s.f(4.0)]),
                s.font(22.0).pos(Pos::new(HPos::Left, VPos::Bottom)),
            ))?;
        }
    }
    let axis = top + row_height * f64::from(u32::try_from(rows).unwrap_or(u32::MAX)) + s.f(10.0);
    month_axis(body, s, (left, right, axis), roadmap.months, &x_of)?;
    used.sort();
    let mut keys: Vec<Key> = used
        .into_iter()
        .map(|p| Key {
            label: p.label().to_owned(),
            style: colour(p).stroke_width(s.px(16.0)),
        })
        .collect();
    if lighter_shades {
        keys.push(Key {
            label: "building".to_owned(),
            style: lighter(MUTED, 0.25).stroke_width(s.px(16.0)),
        });
        keys.push(Key {
            label: "beside the API".to_owned(),
            style: lighter(MUTED, 0.55).stroke_width(s.px(16.0)),
        });
    }
    Ok(keys)
}

/// The months along the bottom of the timeline, every sixth (every twelfth on a long horizon)
/// labelled.
fn month_axis<DB: DrawingBackend>(
    body: &DrawingArea<DB, Shift>,
    s: &Scale,
    (left, right, axis): (f64, f64, f64),
    months: u32,
    x_of: &dyn Fn(u32) -> f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // The months along the bottom, every sixth labelled.
    body.draw(&PathElement::new(
        vec![at([left, axis]), at([right, axis])],
        MUTED.stroke_width(s.px(2.0)),
    ))?;
    let step = if months > 60 { 12 } else { 6 };
    let mut month = 1;
    while month <= months {
        let x = x_of(month);
        body.draw(&PathElement::new(
            vec![at([x, axis]), at([x, axis + s.f(10.0)])],
            MUTED.stroke_width(s.px(2.0)),
        ))?;
        body.draw(&Text::new(
            month.to_string(),
            at([x, axis + s.f(14.0)]),
            s.font(24.0)
                .color(&MUTED)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        month = if month == 1 {
            step
        } else {
            month.saturating_add(step)
        };
    }
    body.draw(&Text::new(
        "Month".to_owned(),
        at([f64::midpoint(left, right), axis + s.f(50.0)]),
        s.font(26.0)
            .color(&MUTED)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    Ok(())
}
