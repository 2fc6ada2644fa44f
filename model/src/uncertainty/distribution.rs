//! What a range means: its 90% interval and its most likely value, drawn as a triangle.
//!
//! A range `low` to `high` around a value says: most likely the value, 5% of outcomes below
//! `low`, 5% above `high`. Breakeven draws that as a triangle peaked at the value whose feet
//! reach just past `low` and `high`, so that 5% of its area lies beyond each, the simplest shape
//! that honours all three numbers and can be explained in a meeting. A positive range that spans
//! a tenfold or more (a volume of 1B to 20B), or whose straight triangle would reach below zero,
//! is drawn on a log scale instead: the same triangle over the logarithms, so a quantity that
//! cannot be negative never is, and 1B to 20B is as likely to be 4.5B-ish as the middle of a
//! straight line would make it. A range with `low` = `high` = the value is certain.

/// The share of outcomes below `low`, and above `high`.
pub const TAIL: f64 = 0.05;

/// A triangular distribution over `[a, b]` peaked at `m`, on a log scale when `log`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triangle {
    a: f64,
    m: f64,
    b: f64,
    log: bool,
}

impl Triangle {
    /// The triangle whose 5th and 95th percentiles are `low` and `high` and whose peak is
    /// `value`; `None` unless `low <= value <= high`, all finite.
    #[must_use]
    pub fn from_interval(low: f64, value: f64, high: f64) -> Option<Self> {
        if !(low.is_finite() && value.is_finite() && high.is_finite())
            || low > value
            || value > high
        {
            return None;
        }
        let linear = fit(low, value, high);
        let spans_a_decade = low > 0.0 && high >= 10.0 * low;
        let reaches_below_zero = low >= 0.0 && linear.0 < 0.0;
        if low > 0.0 && (spans_a_decade || reaches_below_zero) {
            let (a, b) = fit(low.ln(), value.ln(), high.ln());
            return Some(Self {
                a,
                m: value.ln(),
                b,
                log: true,
            });
        }
        Some(Self {
            a: linear.0,
            m: value,
            b: linear.1,
            log: false,
        })
    }

    /// Whether the triangle is drawn over the logarithms.
    #[must_use]
    pub const fn is_log(&self) -> bool {
        self.log
    }

    /// The value below which a share `p` (0 to 1) of outcomes lie.
    #[must_use]
    pub fn quantile(&self, share: f64) -> f64 {
        let (left, peak, right) = (self.a, self.m, self.b);
        let width = right - left;
        let at = if width <= 0.0 {
            peak
        } else if share < (peak - left) / width {
            left + (share * width * (peak - left)).sqrt()
        } else {
            right - ((1.0 - share) * width * (right - peak)).sqrt()
        };
        if self.log { at.exp() } else { at }
    }
}

/// The feet `(a, b)` of the triangle peaked at `m` with `TAIL` of its area below `low` and above
/// `high`: with `L = m − a`, `R = b − m` and `W = L + R`, the area below `low` is
/// `(low − a)² / (W·L)`, so `L = (m − low) + √(TAIL·W·L)`, and likewise on the right. The fixed
/// point is found by iteration, which converges in a few dozen steps from any start.
fn fit(low: f64, m: f64, high: f64) -> (f64, f64) {
    let (left, right) = (m - low, high - m);
    if left <= 0.0 && right <= 0.0 {
        return (m, m);
    }
    let scale = left.max(right);
    let (mut l, mut r) = (left + 0.1 * scale, right + 0.1 * scale);
    for _ in 0..200 {
        let w = l + r;
        let next = (left + (TAIL * w * l).sqrt(), right + (TAIL * w * r).sqrt());
        let moved = (next.0 - l).abs() + (next.1 - r).abs();
        (l, r) = next;
        if moved <= 1e-13 * w {
            break;
        }
    }
    (m - l, m + r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn low_and_high_are_the_5th_and_95th_percentiles_and_the_value_the_peak() {
        for (low, value, high) in [
            (2.0, 5.0, 9.0),
            (5.0, 5.0, 9.0),
            (2.0, 5.0, 5.0),
            (-3.0, 0.0, 3.0),
        ] {
            let t = Triangle::from_interval(low, value, high).expect("a range");
            assert!(!t.is_log());
            assert!(
                close(t.quantile(TAIL), low),
                "{low} {value} {high}: {}",
                t.quantile(TAIL)
            );
            assert!(close(t.quantile(1.0 - TAIL), high), "{low} {value} {high}");
            assert!(close(t.m, value));
        }
    }

    #[test]
    fn a_positive_range_over_a_tenfold_or_reaching_below_zero_is_drawn_on_a_log_scale() {
        let volume = Triangle::from_interval(1e9, 4e9, 20e9).expect("a range");
        assert!(volume.is_log());
        assert!(close(volume.quantile(TAIL), 1e9));
        assert!(close(volume.quantile(1.0 - TAIL), 20e9));
        assert!(volume.quantile(0.0) > 0.0);
        // 0.5 to 4.9 around 1: a straight triangle's left foot would be below zero.
        let skewed = Triangle::from_interval(0.5, 1.0, 4.9).expect("a range");
        assert!(skewed.is_log() && skewed.quantile(0.0) > 0.0);
        assert!(close(skewed.quantile(TAIL), 0.5));
        // 2 to 9 around 5 stays straight.
        assert!(
            !Triangle::from_interval(2.0, 5.0, 9.0)
                .expect("a range")
                .is_log()
        );
    }

    #[test]
    fn a_certain_value_is_always_itself_and_a_range_out_of_order_is_none() {
        let certain = Triangle::from_interval(3.0, 3.0, 3.0).expect("a range");
        assert!(close(certain.quantile(0.01), 3.0));
        assert!(close(certain.quantile(0.99), 3.0));
        assert!(Triangle::from_interval(5.0, 2.0, 9.0).is_none());
        assert!(Triangle::from_interval(2.0, 5.0, f64::NAN).is_none());
    }

    #[test]
    fn quantiles_rise_with_the_share() {
        let t = Triangle::from_interval(2.0, 5.0, 9.0).expect("a range");
        let mut last = f64::NEG_INFINITY;
        for i in 1..100 {
            let q = t.quantile(f64::from(i) / 100.0);
            assert!(q >= last);
            last = q;
        }
    }
}
