//! Row charts, one horizontal row per named item (long names read well this way): seat
//! utilisation and value against cost.

use plotters::prelude::DrawingBackend;

use super::canvas::{
    Area, Canvas, LABEL, LEFT, Legend, LegendItem, NO_DATA, PAD, RIGHT, Scale, Stroke, Swatch, ValueAxis, draw_x_axis,
    x_axis_margin,
};
use super::format::{NumberStyle, finite, grouped, size};
use super::text::clean_label;
use super::theme::mix;
use super::{ChartError, SeatUtilisation, ValueVsCost};

/// Rows thinner than this cannot hold a label; more items than fit are left out and counted.
const MIN_ROW: f64 = 24.0;

/// Legend on top, names at the left, a value axis below, a column of notes at the right.
struct RowFrame {
    plot: Area,
    x: Scale,
    row: f64,
}

impl RowFrame {
    fn center(&self, i: usize) -> f64 {
        self.plot.y0 + self.row * (i as f64 + 0.5)
    }

    /// How many rows fit under a legend of `legend` entries.
    fn capacity<DB: DrawingBackend>(c: &Canvas<DB>, legend: &[LegendItem]) -> usize {
        let legend = Legend::fit(c, legend);
        let top = PAD + legend.height() + 12.0;
        let available = c.height - x_axis_margin() - top;
        ((available / MIN_ROW).floor() as usize).max(1)
    }

    #[allow(clippy::too_many_arguments)]
    fn draw<DB: DrawingBackend>(
        c: &Canvas<DB>,
        legend: &[LegendItem],
        names: &[String],
        notes: &[String],
        (min, max): (f64, f64),
        style: NumberStyle,
        title: &str,
    ) -> Result<RowFrame, ChartError> {
        c.background()?;
        let legend = Legend::fit(c, legend);
        legend.draw(c, PAD, PAD)?;
        let top = PAD + legend.height() + 12.0;
        let bottom = c.height - x_axis_margin();
        let name_w = names.iter().map(|n| LABEL.width(n)).fold(0.0, f64::max).min(c.width * 0.28).max(40.0);
        let note_w = notes.iter().map(|n| LABEL.width(n)).fold(0.0, f64::max).min(c.width * 0.24);
        let x0 = PAD + name_w + 12.0;
        let x1 = c.width - PAD - if note_w > 0.0 { note_w + 14.0 } else { 12.0 };
        let axis = ValueAxis::across(min, max, x1 - x0, style, title);
        let plot = Area { x0, y0: top, x1, y1: bottom };
        let x = Scale { d0: axis.ticks.lo, d1: axis.ticks.hi, r0: plot.x0, r1: plot.x1 };
        draw_x_axis(c, &axis, plot, x)?;
        let frame = RowFrame { plot, x, row: plot.height() / names.len().max(1) as f64 };
        for (i, (name, note)) in names.iter().zip(notes).enumerate() {
            let y = frame.center(i);
            c.text(&LABEL.fit(name, name_w), plot.x0 - 12.0, y, LABEL, c.colors.text, RIGHT)?;
            c.text(&LABEL.fit(note, note_w), plot.x1 + 14.0, y, LABEL, c.colors.muted, LEFT)?;
        }
        Ok(frame)
    }
}

/// Indexes of the `capacity` items with the highest `priority`, in their original order.
fn keep_most_important(priorities: &[f64], capacity: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..priorities.len()).collect();
    order.sort_by(|a, b| priorities[*b].total_cmp(&priorities[*a]));
    order.truncate(capacity);
    order.sort_unstable();
    order
}

/// Chooses the rows to draw; when some must go, says so in the legend.
fn choose_rows<DB: DrawingBackend>(c: &Canvas<DB>, legend: &mut Vec<LegendItem>, priorities: &[f64]) -> Vec<usize> {
    let capacity = RowFrame::capacity(c, legend);
    if priorities.len() <= capacity {
        return (0..priorities.len()).collect();
    }
    // The note takes legend room itself; measure again with it.
    legend.push(LegendItem::new(Swatch::Note, String::new()));
    let capacity = RowFrame::capacity(c, legend);
    let kept = keep_most_important(priorities, capacity);
    if let Some(note) = legend.last_mut() {
        note.label = format!("+{} more not shown", priorities.len() - kept.len());
    }
    kept
}

/// Seat counts in full up to a million ("1,640"), humane beyond.
fn seats(v: f64) -> String {
    if v < 1e6 { grouped(v) } else { NumberStyle::Count.value(v) }
}

pub(crate) fn seat_utilisation<DB: DrawingBackend>(c: &Canvas<DB>, data: &SeatUtilisation) -> Result<(), ChartError> {
    let items: Vec<(String, f64, f64, f64)> = data
        .items
        .iter()
        .map(|i| (clean_label(&i.name), size(i.purchased), size(i.assigned), size(i.active)))
        .collect();
    if items.iter().all(|i| i.1 == 0.0 && i.2 == 0.0 && i.3 == 0.0) {
        return c.no_data(NO_DATA);
    }
    let colors = c.colors;
    let purchased_color = mix(colors.muted, colors.background, 0.62);
    let assigned_color = mix(colors.primary, colors.background, 0.5);
    let mut legend = vec![
        LegendItem::new(Swatch::Box(purchased_color), "Purchased"),
        LegendItem::new(Swatch::Box(assigned_color), "Assigned"),
        LegendItem::new(Swatch::Box(colors.primary), "Active"),
    ];
    let priorities: Vec<f64> = items.iter().map(|i| i.1.max(i.2)).collect();
    let kept: Vec<&(String, f64, f64, f64)> =
        choose_rows(c, &mut legend, &priorities).into_iter().map(|i| &items[i]).collect();

    let count = NumberStyle::Count;
    let notes: Vec<String> = kept
        .iter()
        .map(|(_, purchased, _, active)| {
            if *purchased > 0.0 {
                let share = (active / purchased * 100.0).round();
                format!("{} of {} active ({share}%)", seats(*active), seats(*purchased))
            } else {
                format!("{} active", seats(*active))
            }
        })
        .collect();
    let names: Vec<String> = kept.iter().map(|i| i.0.clone()).collect();
    let max = kept.iter().map(|i| i.1.max(i.2).max(i.3)).fold(0.0, f64::max);
    let frame = RowFrame::draw(c, &legend, &names, &notes, (0.0, max), count, "Seats")?;

    let bar = (frame.row * 0.72).min(30.0);
    let zero = frame.x.at(0.0);
    for (i, (_, purchased, assigned, active)) in kept.iter().enumerate() {
        let y = frame.center(i);
        for (value, height, color) in [
            (purchased, bar, purchased_color),
            (assigned, bar * 0.62, assigned_color),
            (active, bar * 0.3, colors.primary),
        ] {
            if *value > 0.0 {
                c.fill_rect(zero, y - height / 2.0, frame.x.at(*value).max(zero + 1.0), y + height / 2.0, color)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn value_vs_cost<DB: DrawingBackend>(c: &Canvas<DB>, data: &ValueVsCost) -> Result<(), ChartError> {
    let items: Vec<(String, [f64; 3], f64)> = data
        .items
        .iter()
        .map(|i| {
            let mut range = [i.low, i.likely, i.high].map(|v| finite(v).unwrap_or(0.0));
            // Bounds given in the wrong order still draw a whisker around the likely value.
            range.sort_by(f64::total_cmp);
            (clean_label(&i.name), range, size(i.cost))
        })
        .collect();
    if items.iter().all(|(_, range, cost)| range.iter().all(|v| *v == 0.0) && *cost == 0.0) {
        return c.no_data(NO_DATA);
    }
    let colors = c.colors;
    let value_color = mix(colors.primary, colors.background, 0.3);
    let mut legend = vec![
        LegendItem::new(Swatch::Box(value_color), "Value, likely"),
        LegendItem::new(Swatch::Line(colors.text, Stroke::Solid, 2), "Value, low–high"),
        LegendItem::new(Swatch::Box(colors.cost), "Cost"),
    ];
    let priorities: Vec<f64> = items.iter().map(|(_, r, cost)| r[1].abs().max(*cost)).collect();
    let kept: Vec<&(String, [f64; 3], f64)> =
        choose_rows(c, &mut legend, &priorities).into_iter().map(|i| &items[i]).collect();

    let notes: Vec<String> = kept
        .iter()
        .map(|(_, r, cost)| {
            if *cost > 0.0 {
                let ratio = r[1] / cost;
                let digits = if ratio.abs() >= 10.0 { 0 } else { 1 };
                format!("{ratio:.digits$}× cost")
            } else {
                "no cost".to_owned()
            }
        })
        .collect();
    let names: Vec<String> = kept.iter().map(|i| i.0.clone()).collect();
    let (min, max) =
        kept.iter().fold((0.0f64, 0.0f64), |(lo, hi), (_, r, cost)| (lo.min(r[0]), hi.max(r[2]).max(*cost)));
    let style = NumberStyle::Money(data.currency.clone());
    let code = clean_label(&data.currency).to_uppercase();
    let frame = RowFrame::draw(c, &legend, &names, &notes, (min, max), style, &format!("Value and cost ({code})"))?;

    let half = (frame.row * 0.38).min(16.0);
    let zero = frame.x.at(0.0);
    for (i, (_, [low, likely, high], cost)) in kept.iter().enumerate() {
        let y = frame.center(i);
        let (value_y0, value_y1) = (y - half, y - 1.0);
        if *likely != 0.0 {
            c.fill_rect(zero, value_y0, frame.x.at(*likely), value_y1, value_color)?;
        }
        if *cost > 0.0 {
            c.fill_rect(zero, y + 1.0, frame.x.at(*cost).max(zero + 1.0), y + half, colors.cost)?;
        }
        let mid = (value_y0 + value_y1) / 2.0;
        let (xl, xh) = (frame.x.at(*low), frame.x.at(*high));
        c.line(&[(xl, mid), (xh, mid)], colors.text, 2)?;
        for x in [xl, xh] {
            c.line(&[(x, value_y0 + 1.0), (x, value_y1 - 1.0)], colors.text, 2)?;
        }
        c.line(&[(frame.x.at(*likely), value_y0), (frame.x.at(*likely), value_y1)], colors.text, 2)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_most_important_rows_in_their_order() {
        assert_eq!(keep_most_important(&[5.0, 1.0, 9.0, 3.0], 2), vec![0, 2]);
        assert_eq!(keep_most_important(&[1.0, 2.0], 5), vec![0, 1], "room for all keeps all");
    }
}
