//! Line charts over months: adoption trend, spend against commitment, cumulative value.

use chrono::Datelike;
use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::canvas::{
    Canvas, LABEL, LABEL_BOLD, LEFT, LegendItem, MonthFrame, NO_DATA, RIGHT, Stroke, Swatch, spread_labels,
};
use super::format::{NumberStyle, month_year};
use super::series::{Fold, all_blank, line_values, prepare, unit_axis};
use super::text::Face;
use super::theme::mix;
use super::{ChartError, CumulativeValue, MonthlyLines, SpendVsCommitment};

/// The runs of consecutive present values, as pixel points.
fn runs(frame: &MonthFrame, values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => run.push((frame.x(i), frame.y.at(*v))),
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// Draws a series as lines through its present values; a lone value between gaps gets a dot
/// so it is not lost.
fn draw_series<DB: DrawingBackend>(
    c: &Canvas<DB>,
    frame: &MonthFrame,
    values: &[Option<f64>],
    color: RGBColor,
    width: u32,
    stroke: Stroke,
    markers: bool,
) -> Result<(), ChartError> {
    for run in runs(frame, values) {
        c.stroke(&run, color, width, stroke)?;
        if markers || run.len() == 1 {
            for &(x, y) in &run {
                c.circle(x, y, width + 1, color, true)?;
            }
        }
    }
    Ok(())
}

fn range<'a>(values: impl IntoIterator<Item = &'a Option<f64>>) -> (f64, f64) {
    values.into_iter().flatten().fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)))
}

fn last_point(values: &[Option<f64>]) -> Option<(usize, f64)> {
    values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (i, v)))
}

/// A value written at the right end of a line.
struct EndLabel {
    index: usize,
    value: f64,
    text: String,
    face: Face,
}

fn end_label(values: &[Option<f64>], style: &NumberStyle, face: Face) -> Option<EndLabel> {
    last_point(values).map(|(index, value)| EndLabel { index, value, text: style.value(value), face })
}

/// Room right of the plot for end labels (any of them may end up in the column).
fn end_labels_width(labels: &[&EndLabel]) -> f64 {
    labels.iter().map(|l| l.face.width(&l.text)).fold(0.0, f64::max) + 10.0
}

/// Writes each label beside its line's last point. Lines that reach the last month share the
/// column right of the plot, moved apart so none overlap; a line that stops earlier is labelled
/// where it stops, on a patch of background, unless that would cover another label, in which
/// case it joins the column.
fn draw_end_labels<DB: DrawingBackend>(
    c: &Canvas<DB>,
    frame: &MonthFrame,
    labels: &[&EndLabel],
    months: usize,
) -> Result<(), ChartError> {
    let half = LABEL.line_height() / 2.0;
    let boxed = |l: &EndLabel, x: f64, y: f64| (x - 3.0, y - half, x + l.face.width(&l.text) + 3.0, y + half);
    let overlaps = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
    let mut in_column: Vec<bool> = labels.iter().map(|l| l.index + 1 == months).collect();
    loop {
        let column: Vec<usize> = (0..labels.len()).filter(|i| in_column[*i]).collect();
        let ys: Vec<f64> = column.iter().map(|i| frame.y.at(labels[*i].value)).collect();
        let placed = spread_labels(&ys, frame.plot.y0, frame.plot.y1, LABEL.line_height());
        let column_x = frame.x(months.saturating_sub(1)) + 8.0;
        let mut boxes: Vec<(f64, f64, f64, f64)> =
            column.iter().zip(&placed).map(|(i, y)| boxed(labels[*i], column_x, *y)).collect();
        let mut moved = false;
        let mut early = Vec::new();
        for i in (0..labels.len()).filter(|i| !in_column[*i]) {
            let l = labels[i];
            let (x, y) = (frame.x(l.index) + 10.0, frame.y.at(l.value));
            let b = boxed(l, x, y);
            if b.2 > frame.plot.x1 || boxes.iter().any(|o| overlaps(b, *o)) {
                in_column[i] = true;
                moved = true;
                break;
            }
            boxes.push(b);
            early.push((l, x, y));
        }
        if moved {
            continue;
        }
        for (i, y) in column.iter().zip(placed) {
            c.text(&labels[*i].text, column_x, y, labels[*i].face, c.colors.text, LEFT)?;
        }
        for (l, x, y) in early {
            c.fill_rect(x - 3.0, y - 9.0, x + l.face.width(&l.text) + 3.0, y + 9.0, c.colors.background)?;
            c.text(&l.text, x, y, l.face, c.colors.text, LEFT)?;
        }
        return Ok(());
    }
}

pub(crate) fn adoption_trend<DB: DrawingBackend>(c: &Canvas<DB>, data: &MonthlyLines) -> Result<(), ChartError> {
    let n = data.months.len();
    let (style, title) = unit_axis(&data.unit, "Adoption");
    let fold = if style == NumberStyle::Percent { Fold::Drop } else { Fold::Sum };
    let (series, dropped) = prepare(&data.series, n, c.colors, fold, line_values);
    if n == 0 || series.iter().all(|s| all_blank(&s.values)) {
        return c.no_data(NO_DATA);
    }
    let mut legend: Vec<LegendItem> =
        series.iter().map(|s| LegendItem::new(Swatch::Line(s.color, Stroke::Solid, 3), s.name.clone())).collect();
    if dropped > 0 {
        legend.push(LegendItem::new(Swatch::Note, format!("+{dropped} more not shown")));
    }
    let (min, max) = range(series.iter().flat_map(|s| &s.values));
    let frame = MonthFrame::draw(c, &data.months, &legend, (min, max), style, &title, 0.0, 0.0)?;
    let markers = frame.slot() >= 18.0;
    // The largest series last, so it is on top where lines cross.
    for s in series.iter().rev() {
        draw_series(c, &frame, &s.values, s.color, 2, Stroke::Solid, markers)?;
    }
    Ok(())
}

pub(crate) fn spend_vs_commitment<DB: DrawingBackend>(
    c: &Canvas<DB>,
    data: &SpendVsCommitment,
) -> Result<(), ChartError> {
    let n = data.months.len();
    let actual = line_values(&data.actual, n);
    let commitment = line_values(&data.commitment, n);
    let budget = data.budget.as_ref().map(|b| line_values(b, n));
    let everything = actual.iter().chain(&commitment).chain(budget.iter().flatten());
    if n == 0 || all_blank(everything.clone()) {
        return c.no_data(NO_DATA);
    }
    let (style, title) = unit_axis(&super::ValueUnit::Money { currency: data.currency.clone() }, "Cumulative spend");
    let colors = c.colors;
    let mut legend = vec![
        LegendItem::new(Swatch::Line(colors.primary, Stroke::Solid, 3), "Actual spend"),
        LegendItem::new(Swatch::Line(colors.secondary, Stroke::Dashed, 2), "Commitment"),
    ];
    if budget.is_some() {
        legend.push(LegendItem::new(Swatch::Line(colors.muted, Stroke::Dotted, 2), "Budget"));
    }
    let labels: Vec<EndLabel> = [
        end_label(&actual, &style, LABEL_BOLD),
        end_label(&commitment, &style, LABEL),
        budget.as_ref().and_then(|b| end_label(b, &style, LABEL)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let label_refs: Vec<&EndLabel> = labels.iter().collect();
    let (min, max) = range(everything);
    let right = end_labels_width(&label_refs);
    let frame = MonthFrame::draw(c, &data.months, &legend, (min, max), style, &title, right, 0.0)?;
    if let Some(budget) = &budget {
        draw_series(c, &frame, budget, colors.muted, 2, Stroke::Dotted, false)?;
    }
    draw_series(c, &frame, &commitment, colors.secondary, 2, Stroke::Dashed, false)?;
    draw_series(c, &frame, &actual, colors.primary, 3, Stroke::Solid, frame.slot() >= 18.0)?;
    draw_end_labels(c, &frame, &label_refs, n)
}

pub(crate) fn cumulative_value<DB: DrawingBackend>(c: &Canvas<DB>, data: &CumulativeValue) -> Result<(), ChartError> {
    let n = data.months.len();
    let low = line_values(&data.value_low, n);
    let likely = line_values(&data.value_likely, n);
    let high = line_values(&data.value_high, n);
    let cost = line_values(&data.cost, n);
    let everything = low.iter().chain(&likely).chain(&high).chain(&cost);
    if n == 0 || all_blank(everything.clone()) {
        return c.no_data(NO_DATA);
    }
    let money = super::ValueUnit::Money { currency: data.currency.clone() };
    let (style, title) = unit_axis(&money, "Cumulative value and cost");
    let colors = c.colors;
    let band = mix(colors.primary, colors.background, 0.75);

    // The payback month drawn on the chart when it falls inside it, else named in the legend.
    let payback = data.payback_month.map(|p| {
        let index = data.months.iter().position(|m| (m.year(), m.month()) == (p.year(), p.month()));
        (p, index.and_then(|i| likely[i].map(|v| (i, v))))
    });
    let mut legend = vec![
        LegendItem::new(Swatch::Line(colors.primary, Stroke::Solid, 3), "Value, likely"),
        LegendItem::new(Swatch::Box(band), "Value, low–high"),
        LegendItem::new(Swatch::Line(colors.cost, Stroke::Solid, 2), "Cost"),
    ];
    if let Some((month, None)) = payback {
        let when = if data.months.first().is_some_and(|first| month < *first) { "before" } else { "after" };
        legend.push(LegendItem::new(Swatch::Note, format!("Payback {} ({when} this period)", month_year(month))));
    }
    let labels: Vec<EndLabel> =
        [end_label(&likely, &style, LABEL_BOLD), end_label(&cost, &style, LABEL)].into_iter().flatten().collect();
    let label_refs: Vec<&EndLabel> = labels.iter().collect();
    let (min, max) = range(everything);
    let right = end_labels_width(&label_refs);
    let frame = MonthFrame::draw(c, &data.months, &legend, (min, max), style, &title, right, 0.0)?;

    // The band over each run where both bounds are known: upper edge forward, lower back.
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=n {
        let both = i < n && low[i].is_some() && high[i].is_some();
        if both {
            run.push(i);
            continue;
        }
        if run.len() >= 2 {
            let mut shape: Vec<(f64, f64)> =
                run.iter().map(|&j| (frame.x(j), frame.y.at(high[j].unwrap_or_default()))).collect();
            shape.extend(run.iter().rev().map(|&j| (frame.x(j), frame.y.at(low[j].unwrap_or_default()))));
            c.polygon(&shape, band)?;
        }
        run.clear();
    }
    draw_series(c, &frame, &cost, colors.cost, 2, Stroke::Solid, false)?;
    draw_series(c, &frame, &likely, colors.primary, 3, Stroke::Solid, false)?;

    if let Some((month, Some((i, v)))) = payback {
        let (x, y) = (frame.x(i), frame.y.at(v));
        c.stroke(&[(x, frame.plot.y0), (x, frame.plot.y1)], colors.muted, 1, Stroke::Dashed)?;
        c.diamond(x, y, 9.0, colors.background)?;
        c.diamond(x, y, 7.0, colors.text)?;
        let text = format!("Payback {}", month_year(month));
        let w = LABEL_BOLD.width(&text);
        // Above the point, on the side with room, on a patch of background so lines under it
        // do not cross the words.
        let right_side = x + 12.0 + w <= frame.plot.x1;
        let ty = (y - 18.0).max(frame.plot.y0 + 10.0);
        let (x0, anchor) = if right_side { (x + 12.0, LEFT) } else { (x - 12.0, RIGHT) };
        let (bx0, bx1) = if right_side { (x0 - 4.0, x0 + w + 4.0) } else { (x0 - w - 4.0, x0 + 4.0) };
        c.fill_rect(bx0, ty - 10.0, bx1, ty + 10.0, colors.background)?;
        c.text(&text, x0, ty, LABEL_BOLD, colors.text, anchor)?;
    }
    draw_end_labels(c, &frame, &label_refs, n)
}
