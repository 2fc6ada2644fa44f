//! The API bill by feature, largest first: a bar a feature, coloured by the option recommended
//! for it, with the share of the bill it and the features above it make; a line under the
//! features behind 80% of the bill ("Build vs Buy: Should we fine-tune…": move the feature
//! behind 80% of the bill first).

use breakeven_model::Evaluation;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive as _;

use super::{Key, MUTED, Scale, at, colour, names_column};

/// Draws the bars in `body` and returns the key: the options recommended.
pub fn draw<DB: DrawingBackend>(
    body: &DrawingArea<DB, Shift>,
    evaluation: &Evaluation,
    s: &Scale,
) -> Result<Vec<Key>, DrawingAreaErrorKind<DB::ErrorType>> {
    let Ok(portfolio) = evaluation.portfolio() else {
        return Ok(Vec::new());
    };
    let rows = portfolio.pareto();
    let (width, height) = body.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let font = s.font(28.0);
    let names = rows
        .iter()
        .filter_map(|r| portfolio.features.get(r.feature).map(|f| f.name.as_str()));
    let left = names_column(body, s, names, 0.3)?;
    let right = width - s.f(720.0);
    let top = s.f(30.0);
    #[expect(clippy::cast_precision_loss, reason = "a few features")]
    let row_height = ((height - top - s.f(60.0)) / rows.len().max(1) as f64).min(s.f(110.0));
    let largest = rows.first().and_then(|r| r.spend.to_f64()).unwrap_or(0.0);
    let mut used = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some(f) = portfolio.features.get(row.feature) else {
            continue;
        };
        #[expect(clippy::cast_precision_loss, reason = "a few features")]
        let y = top + i as f64 * row_height;
        let bar = (y + row_height * 0.15, y + row_height * 0.85);
        let middle = f64::midpoint(bar.0, bar.1);
        let name = font.clone().pos(Pos::new(HPos::Right, VPos::Center));
        body.draw(&Text::new(
            f.name.clone(),
            at([left - s.f(24.0), middle]),
            name,
        ))?;
        let share = if largest > 0.0 {
            row.spend.to_f64().unwrap_or(0.0) / largest
        } else {
            0.0
        };
        let end = left + (right - left) * share;
        body.draw(&Rectangle::new(
            [at([left, bar.0]), at([end, bar.1])],
            colour(f.phase()).filled(),
        ))?;
        if !used.contains(&f.phase()) {
            used.push(f.phase());
        }
        body.draw(&Text::new(
            row.words(),
            at([end + s.f(16.0), middle]),
            s.font(26.0).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        if row.behind_80
            && rows
                .get(i.saturating_add(1))
                .is_some_and(|next| !next.behind_80)
        {
            let line = y + row_height;
            body.draw(&PathElement::new(
                vec![at([s.f(24.0), line]), at([width - s.f(24.0), line])],
                MUTED.stroke_width(s.px(2.0)),
            ))?;
            body.draw(&Text::new(
                "above the line: 80% of the API bill, the features to move first".to_owned(),
                at([width - s.f(24.0), line + s.f(6.0)]),
                s.font(22.0)
                    .color(&MUTED)
                    .pos(Pos::new(HPos::Right, VPos::Top)),
            ))?;
        }
    }
    used.sort();
    Ok(used
        .into_iter()
        .map(|p| Key {
            label: format!("recommended: {}", p.label()),
            style: colour(p).stroke_width(s.px(16.0)),
        })
        .collect())
}
