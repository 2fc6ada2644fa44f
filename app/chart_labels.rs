//! Where the charts' labels go, so none is drawn over another: crossings at the same spot share
//! one label, and each label is put beside its mark where it covers no other label or mark and
//! as few lines as there is room for. Pure geometry in pixels (y grows downwards), the same for
//! the window and the export; the words are here too, so both say the same.

use breakeven_model::engine::{CrossingMark, Phase};
use breakeven_model::format::tokens_short;

/// A rectangle in pixels: its top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Whether the two share any area (touching edges do not count).
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// Whether `self` lies wholly inside `frame`.
    #[must_use]
    pub fn inside(&self, frame: &Self) -> bool {
        self.x >= frame.x
            && self.y >= frame.y
            && self.x + self.w <= frame.x + frame.w
            && self.y + self.h <= frame.y + frame.h
    }

    fn contains(&self, p: [f64; 2]) -> bool {
        p[0] >= self.x && p[0] <= self.x + self.w && p[1] >= self.y && p[1] <= self.y + self.h
    }

    /// Whether the segment from `a` to `b` passes through the rectangle (Liang-Barsky clipping).
    #[must_use]
    pub fn crossed_by(&self, a: [f64; 2], b: [f64; 2]) -> bool {
        if self.contains(a) || self.contains(b) {
            return true;
        }
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a[0] - self.x),
            (dx, self.x + self.w - a[0]),
            (-dy, a[1] - self.y),
            (dy, self.y + self.h - a[1]),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }

    /// The point of the rectangle nearest to `p`: where a leader line from a mark ends.
    #[must_use]
    pub fn nearest_to(&self, p: [f64; 2]) -> [f64; 2] {
        [
            p[0].clamp(self.x, self.x + self.w),
            p[1].clamp(self.y, self.y + self.h),
        ]
    }
}

/// A label to place: the mark it belongs to and the size of its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    /// The centre of its mark.
    pub mark: [f64; 2],
    /// The text's width and height, padding included.
    pub size: [f64; 2],
}

/// Where a label went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// The label's rectangle.
    pub rect: Rect,
    /// Whether it sits away from its mark, so a thin line should join them.
    pub leader: bool,
}

/// How far a label may move from its mark to find room: rows of its own height up or down,
/// and half its width at a time sideways.
const ROWS: u32 = 8;
const COLUMNS: u32 = 4;

/// The spots a label of `size` may take beside the mark at `mark`, `gap` from it, nearest
/// first: right or left of the mark, below or above it, then further out.
fn spots(mark: [f64; 2], size: [f64; 2], gap: f64) -> Vec<Rect> {
    let ([mx, my], [w, h]) = (mark, size);
    let mut spots = Vec::new();
    for row in 0..ROWS {
        for column in 0..COLUMNS {
            let (down, across) = (f64::from(row) * h, f64::from(column) * w / 2.0);
            let (right, left) = (mx + gap + across, mx - gap - w - across);
            let (below, above) = (my + gap / 2.0 + down, my - gap / 2.0 - h - down);
            for (x, y) in [(right, below), (right, above), (left, below), (left, above)] {
                spots.push(Rect { x, y, w, h });
            }
            if column == 0 {
                let centred = mx - w / 2.0;
                spots.push(Rect {
                    x: centred,
                    y: my + gap + down,
                    w,
                    h,
                });
                spots.push(Rect {
                    x: centred,
                    y: my - gap - h - down,
                    w,
                    h,
                });
            }
        }
    }
    let distance = |r: &Rect| {
        let [x, y] = r.nearest_to(mark);
        (x - mx).hypot(y - my)
    };
    spots.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    spots
}

/// Places each label beside its mark, in the order given: inside `frame`, over no label placed
/// before and none of the `marks` (centres; `radius` is their size), crossing as few of the
/// `lines` (polylines) as it can, and as near its mark as that allows.
#[must_use]
pub fn place(
    labels: &[Label],
    marks: &[[f64; 2]],
    radius: f64,
    frame: Rect,
    lines: &[Vec<[f64; 2]>],
) -> Vec<Placed> {
    let gap = radius + 4.0;
    let marks: Vec<Rect> = labels
        .iter()
        .map(|l| l.mark)
        .chain(marks.iter().copied())
        .map(|[x, y]| Rect {
            x: x - radius,
            y: y - radius,
            w: 2.0 * radius,
            h: 2.0 * radius,
        })
        .collect();
    let chunks = chunks(lines);
    let mut placed: Vec<Placed> = Vec::with_capacity(labels.len());
    // The leader lines drawn so far: a later label keeps clear of them too.
    let mut leaders: Vec<[[f64; 2]; 2]> = Vec::new();
    for label in labels {
        let mut best: Option<(f64, Rect)> = None;
        for (rank, rect) in spots(label.mark, label.size, gap).into_iter().enumerate() {
            let clashes = placed
                .iter()
                .map(|p| p.rect)
                .chain(marks.iter().copied())
                .filter(|other| other.overlaps(&rect))
                .count();
            let crossed = chunks
                .iter()
                .filter(|(bounds, _)| bounds.overlaps(&rect))
                .flat_map(|(_, points)| points.windows(2))
                .chain(leaders.iter().map(<[[f64; 2]; 2]>::as_slice))
                .filter(|s| rect.crossed_by(s[0], s[1]))
                .count();
            let inside = rect.inside(&frame);
            // The nearest spot that is clear of everything is the one.
            if inside && clashes == 0 && crossed == 0 {
                best = Some((0.0, rect));
                break;
            }
            #[expect(
                clippy::cast_precision_loss,
                reason = "counts of labels, marks, segments and spots"
            )]
            let score = if inside { 0.0 } else { 1e9 }
                + 1e6 * clashes as f64
                + 1e3 * crossed as f64
                + rank as f64;
            if best.as_ref().is_none_or(|(s, _)| score < *s) {
                best = Some((score, rect));
            }
        }
        if let Some((_, rect)) = best {
            let [x, y] = rect.nearest_to(label.mark);
            let away = (x - label.mark[0]).hypot(y - label.mark[1]);
            let leader = away > 2.0 * gap;
            if leader {
                leaders.push([label.mark, [x, y]]);
            }
            placed.push(Placed { rect, leader });
        }
    }
    placed
}

/// The `lines` in runs of a few segments, each with the rectangle around it: a label far from a
/// run need not be tested against its segments, which keeps a window's frame quick.
fn chunks(lines: &[Vec<[f64; 2]>]) -> Vec<(Rect, &[[f64; 2]])> {
    const SEGMENTS: usize = 16;
    let mut out = Vec::new();
    for line in lines {
        let mut start: usize = 0;
        while start.saturating_add(1) < line.len() {
            let end = start
                .saturating_add(SEGMENTS)
                .min(line.len().saturating_sub(1));
            let run = &line[start..=end];
            let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
            for p in run {
                lo = [lo[0].min(p[0]), lo[1].min(p[1])];
                hi = [hi[0].max(p[0]), hi[1].max(p[1])];
            }
            let bounds = Rect {
                x: lo[0],
                y: lo[1],
                w: hi[0] - lo[0],
                h: hi[1] - lo[1],
            };
            out.push((bounds, run));
            start = end;
        }
    }
    out
}

/// Groups marks (by their centres) that lie within `near` pixels of one another, each group
/// in the order given; a group gets one label.
#[must_use]
pub fn group_near(marks: &[[f64; 2]], near: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        let close = |j: &usize| {
            let o = marks[*j];
            (o[0] - m[0]).hypot(o[1] - m[1]) <= near
        };
        match groups.iter_mut().find(|g| g.iter().any(close)) {
            Some(group) => group.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// The labels of crossing marks (each with its centre in pixels): marks within `near` pixels of
/// one another share one label, at the first of them (its index is given).
#[must_use]
pub fn crossing_labels(marks: &[(&CrossingMark, [f64; 2])], near: f64) -> Vec<(String, usize)> {
    let centres: Vec<[f64; 2]> = marks.iter().map(|(_, c)| *c).collect();
    group_near(&centres, near)
        .into_iter()
        .filter_map(|group| {
            let first = *group.first()?;
            let members: Vec<&CrossingMark> = group.iter().map(|i| marks[*i].0).collect();
            Some((crossing_text(&members), first))
        })
        .collect()
}

/// The label of crossings drawn at one spot: each pair with its volume, or the span of its
/// volumes and how many times it crosses there.
#[must_use]
pub fn crossing_text(marks: &[&CrossingMark]) -> String {
    let mut pairs: Vec<(Phase, Phase)> = marks.iter().map(|m| (m.a, m.b)).collect();
    pairs.dedup();
    let parts: Vec<String> = pairs
        .iter()
        .map(|&(a, b)| {
            let volumes: Vec<_> = marks
                .iter()
                .filter(|m| (m.a, m.b) == (a, b))
                .map(|m| m.volume)
                .collect();
            let name = format!("{} / {}", a.label(), b.label());
            match volumes.as_slice() {
                [one] => format!("{name}: {}", tokens_short(*one)),
                [first, .., last] => format!(
                    "{name}: {} to {} ({} crossings)",
                    tokens_short(*first),
                    tokens_short(*last),
                    volumes.len()
                ),
                [] => name,
            }
        })
        .collect();
    parts.join("; ")
}

/// The label of the month an option pays back its up-front cost.
#[must_use]
pub fn payback_text(phase: Phase, month: u32) -> String {
    format!("{} pays back: month {month}", phase.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 1000.0,
        h: 600.0,
    };

    #[test]
    fn labels_at_one_spot_are_stacked_apart() {
        let labels = [Label {
            mark: [500.0, 300.0],
            size: [200.0, 20.0],
        }; 5];
        let placed = place(&labels, &[], 5.0, FRAME, &[]);
        assert_eq!(placed.len(), 5);
        for (i, a) in placed.iter().enumerate() {
            assert!(a.rect.inside(&FRAME));
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_label_keeps_clear_of_a_line_when_there_is_room() {
        // A line through the mark, rising to the right: the label goes below it.
        let line = vec![[0.0, 600.0], [1000.0, 0.0]];
        let placed = place(
            &[Label {
                mark: [500.0, 300.0],
                size: [150.0, 20.0],
            }],
            &[],
            5.0,
            FRAME,
            std::slice::from_ref(&line),
        );
        assert!(!placed[0].rect.crossed_by(line[0], line[1]), "{placed:?}");
    }

    #[test]
    fn a_label_keeps_clear_of_every_segment_of_a_long_line() {
        // A curve of 400 points, as a plot samples one, passing through the mark.
        let line: Vec<[f64; 2]> = (0..400)
            .map(|i| {
                let x = f64::from(i) * 2.5;
                [x, 300.0 + 120.0 * ((x - 500.0) / 90.0).sin()]
            })
            .collect();
        let placed = place(
            &[Label {
                mark: [500.0, 300.0],
                size: [160.0, 24.0],
            }],
            &[],
            5.0,
            FRAME,
            std::slice::from_ref(&line),
        );
        let r = placed[0].rect;
        assert!(
            line.windows(2).all(|s| !r.crossed_by(s[0], s[1])),
            "{placed:?}"
        );
    }

    #[test]
    fn a_label_near_the_edge_stays_inside() {
        let placed = place(
            &[Label {
                mark: [990.0, 590.0],
                size: [200.0, 20.0],
            }],
            &[],
            5.0,
            FRAME,
            &[],
        );
        assert!(placed[0].rect.inside(&FRAME), "{placed:?}");
    }

    #[test]
    fn segments_crossing_and_missing_a_rectangle() {
        let r = Rect {
            x: 10.0,
            y: 10.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(r.crossed_by([0.0, 15.0], [30.0, 15.0]));
        assert!(r.crossed_by([0.0, 0.0], [30.0, 30.0]));
        assert!(r.crossed_by([15.0, 15.0], [100.0, 100.0]));
        assert!(!r.crossed_by([0.0, 0.0], [30.0, 0.0]));
        assert!(!r.crossed_by([0.0, 30.0], [30.0, 60.0]));
        assert!(!r.crossed_by([0.0, 12.0], [8.0, 12.0]));
    }

    #[test]
    fn the_legal_tech_crossings_get_one_label_a_spot_and_none_overprints() {
        use breakeven_model::engine::{Shown, compute, cost_chart};
        use breakeven_model::scenario::from_ron_str;
        use rust_decimal::prelude::ToPrimitive as _;

        let text = include_str!("../scenarios/seed000-legal-tech.ron");
        let outcome = compute(&from_ron_str(text).unwrap()).unwrap();
        // Every option shown, Pretrain too: its three crossings with Buy are within 14%.
        let chart = cost_chart(&outcome, Shown::ALL);
        // A slide's plot, log-log across the chart's volumes and costs.
        let frame = Rect {
            x: 200.0,
            y: 100.0,
            w: 1600.0,
            h: 750.0,
        };
        let positive = |p: &&[f64; 2]| p[0] > 0.0 && p[1] > 0.0;
        let (lo, hi) = (
            chart.range.0.to_f64().unwrap().log10(),
            chart.range.1.to_f64().unwrap().log10(),
        );
        let (bottom, top) = chart
            .shown_curves()
            .flat_map(|c| c.points.iter().filter(positive))
            .fold((f64::MAX, f64::MIN), |(a, b), p| {
                (a.min(p[1].log10()), b.max(p[1].log10()))
            });
        let px = |v: f64, c: f64| {
            [
                frame.x + frame.w * (v.log10() - lo) / (hi - lo),
                frame.y + frame.h * (top - c.log10()) / (top - bottom),
            ]
        };
        let marks: Vec<_> = chart
            .crossings
            .iter()
            .map(|m| (m, px(m.volume.to_f64().unwrap(), m.cost.to_f64().unwrap())))
            .collect();
        let texts = crossing_labels(&marks, 30.0);
        let words: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            words,
            [
                "Buy / Fine-tune: 2.03B",
                "Buy / Self-host: 344.03M",
                "Buy / Pretrain: 28.81B to 32.83B (3 crossings)",
            ]
        );
        // About the size the export's 24-pixel font gives them.
        #[expect(clippy::cast_precision_loss, reason = "a few dozen characters")]
        let labels: Vec<Label> = texts
            .iter()
            .map(|(t, first)| Label {
                mark: marks[*first].1,
                size: [14.0 * t.chars().count() as f64, 36.0],
            })
            .collect();
        let centres: Vec<[f64; 2]> = marks.iter().map(|(_, c)| *c).collect();
        let lines: Vec<Vec<[f64; 2]>> = chart
            .shown_curves()
            .map(|c| {
                c.points
                    .iter()
                    .filter(positive)
                    .map(|p| px(p[0], p[1]))
                    .collect()
            })
            .collect();
        let placed = place(&labels, &centres, 11.0, frame, &lines);
        for (i, a) in placed.iter().enumerate() {
            assert!(a.rect.inside(&frame), "{a:?}");
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} and {b:?} overprint");
            }
            for c in &centres {
                assert!(!a.rect.contains(*c), "{a:?} covers the mark at {c:?}");
            }
        }
    }

    #[test]
    fn marks_close_together_form_one_group() {
        let groups = group_near(
            &[[100.0, 100.0], [300.0, 100.0], [104.0, 98.0], [108.0, 96.0]],
            6.0,
        );
        assert_eq!(groups, [vec![0, 2, 3], vec![1]]);
    }
}
