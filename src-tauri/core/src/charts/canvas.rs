//! Drawing primitives over any plotters backend, and the parts every chart shares: the
//! background, the legend, value and month axes, the "no data" message.
//!
//! Charts lay themselves out in pixels with measured text rather than through plotters'
//! `ChartBuilder`: labels get truncated and wrapped by their real width, and the same calls
//! draw into the SVG and (later) the PDF backend.

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontTransform, RGBColor, ShapeStyle};

use super::ChartError;
use super::format::{NumberStyle, Ticks, month_short};
use super::text::Face;
use super::theme::{Colors, Theme, opaque};

/// Outer padding of every chart.
pub(crate) const PAD: f64 = 16.0;
/// Tick labels, legend entries, row labels.
pub(crate) const LABEL: Face = Face::regular(13.0);
pub(crate) const LABEL_BOLD: Face = Face::bold(13.0);
/// Axis titles.
pub(crate) const AXIS_TITLE: Face = Face::regular(13.0);
/// Small annotations; the floor for any text on a slide.
pub(crate) const SMALL: Face = Face::regular(12.0);

/// The calm message drawn instead of an empty chart.
pub(crate) const NO_DATA: &str = "No data for this period";

/// Where a text's anchor sits relative to the point it is drawn at.
#[derive(Clone, Copy)]
pub(crate) struct Anchor(pub HPos, pub VPos);

pub(crate) const LEFT: Anchor = Anchor(HPos::Left, VPos::Center);
pub(crate) const RIGHT: Anchor = Anchor(HPos::Right, VPos::Center);
pub(crate) const CENTER: Anchor = Anchor(HPos::Center, VPos::Center);

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stroke {
    Solid,
    Dashed,
    Dotted,
}

/// A drawing surface with the theme's colours and pixel-space helpers.
pub(crate) struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    pub colors: &'static Colors,
    pub width: f64,
    pub height: f64,
}

fn draw_error(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn fill_style(color: RGBColor) -> ShapeStyle {
    ShapeStyle { color: opaque(color), filled: true, stroke_width: 0 }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, theme: Theme) -> Self {
        let (w, h) = area.dim_in_pixel();
        Canvas { area, colors: theme.colors(), width: f64::from(w), height: f64::from(h) }
    }

    pub fn background(&self) -> Result<(), ChartError> {
        self.area.fill(&self.colors.background).map_err(draw_error)
    }

    pub fn fill_rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), ChartError> {
        let (a, b) = ((px(x0.min(x1)), px(y0.min(y1))), (px(x0.max(x1)), px(y0.max(y1))));
        if a.0 == b.0 || a.1 == b.1 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([a, b], fill_style(color))).map_err(draw_error)
    }

    pub fn line(&self, points: &[(f64, f64)], color: RGBColor, w: u32) -> Result<(), ChartError> {
        if points.len() < 2 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area
            .draw(&PathElement::new(pts, ShapeStyle { color: opaque(color), filled: false, stroke_width: w }))
            .map_err(draw_error)
    }

    /// A polyline in the given stroke. Dashes are cut here, continuing across vertices, so
    /// every backend draws the same pattern.
    pub fn stroke(&self, points: &[(f64, f64)], color: RGBColor, w: u32, stroke: Stroke) -> Result<(), ChartError> {
        let (on, off) = match stroke {
            Stroke::Solid => return self.line(points, color, w),
            Stroke::Dashed => (9.0, 5.0),
            Stroke::Dotted => (f64::from(w), f64::from(w) * 2.0 + 1.0),
        };
        let mut dash: Vec<(f64, f64)> = Vec::new();
        let (mut drawing, mut left) = (true, on);
        for pair in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
            let mut at = 0.0;
            while at < len {
                let take = left.min(len - at);
                let (ta, tb) = (at / len, (at + take) / len);
                let a = (x0 + (x1 - x0) * ta, y0 + (y1 - y0) * ta);
                let b = (x0 + (x1 - x0) * tb, y0 + (y1 - y0) * tb);
                if drawing {
                    if dash.is_empty() {
                        dash.push(a);
                    }
                    dash.push(b);
                }
                at += take;
                left -= take;
                if left <= 1e-9 {
                    if drawing {
                        self.dash(&dash, color, w)?;
                        dash.clear();
                    }
                    drawing = !drawing;
                    left = if drawing { on } else { off };
                }
            }
        }
        if drawing { self.dash(&dash, color, w) } else { Ok(()) }
    }

    fn dash(&self, points: &[(f64, f64)], color: RGBColor, w: u32) -> Result<(), ChartError> {
        match points {
            [] | [_] => Ok(()),
            // A dot as short as it is wide still needs two distinct pixels to show.
            [a, b] if px(a.0) == px(b.0) && px(a.1) == px(b.1) => self.line(&[*a, (a.0 + 1.0, a.1)], color, w),
            _ => self.line(points, color, w),
        }
    }

    pub fn polygon(&self, points: &[(f64, f64)], color: RGBColor) -> Result<(), ChartError> {
        if points.len() < 3 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&Polygon::new(pts, fill_style(color))).map_err(draw_error)
    }

    pub fn circle(&self, x: f64, y: f64, r: u32, color: RGBColor, filled: bool) -> Result<(), ChartError> {
        let style = ShapeStyle { color: opaque(color), filled, stroke_width: 2 };
        self.area.draw(&Circle::new((px(x), px(y)), r, style)).map_err(draw_error)
    }

    pub fn diamond(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), ChartError> {
        self.polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], color)
    }

    pub fn text(&self, s: &str, x: f64, y: f64, face: Face, color: RGBColor, anchor: Anchor) -> Result<(), ChartError> {
        if s.is_empty() {
            return Ok(());
        }
        let style = face.desc().color(&color).pos(Pos::new(anchor.0, anchor.1));
        self.area.draw(&Text::new(s.to_owned(), (px(x), px(y)), style)).map_err(draw_error)
    }

    /// Text turned a quarter anticlockwise, reading bottom to top (a y-axis title).
    pub fn text_up(&self, s: &str, x: f64, y: f64, face: Face, color: RGBColor) -> Result<(), ChartError> {
        let style =
            face.desc().transform(FontTransform::Rotate270).color(&color).pos(Pos::new(HPos::Center, VPos::Center));
        self.area.draw(&Text::new(s.to_owned(), (px(x), px(y)), style)).map_err(draw_error)
    }

    /// The calm message an empty chart shows in place of axes.
    pub fn no_data(&self, message: &str) -> Result<(), ChartError> {
        self.background()?;
        let face = Face::regular(16.0);
        let text = face.fit(message, self.width - 2.0 * PAD);
        self.text(&text, self.width / 2.0, self.height / 2.0, face, self.colors.muted, CENTER)
    }
}

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Area {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// What a legend entry shows beside its name.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    Box(RGBColor),
    Line(RGBColor, Stroke, u32),
    Diamond(RGBColor),
    /// A vertical rule (the "Today" line).
    Rule(RGBColor),
    /// Text only, in the muted colour ("+3 more not shown").
    Note,
}

#[derive(Debug, Clone)]
pub(crate) struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
}

impl LegendItem {
    pub fn new(swatch: Swatch, label: impl Into<String>) -> Self {
        LegendItem { swatch, label: label.into() }
    }
}

const SWATCH_W: f64 = 18.0;
const SWATCH_GAP: f64 = 6.0;
const ITEM_GAP: f64 = 22.0;
const LEGEND_ROW: f64 = 22.0;
/// No legend name takes more than this; longer names are cut with "…".
const LEGEND_NAME_MAX: f64 = 260.0;

/// A legend laid out in rows that wrap within a width.
pub(crate) struct Legend {
    placed: Vec<(String, Swatch, f64, usize)>,
    pub rows: usize,
}

impl Legend {
    /// The legend of a chart on `c`: across the chart's width, and at most three tenths of its
    /// height; entries that do not fit are counted in a last "+n more" entry.
    pub fn fit<DB: DrawingBackend>(c: &Canvas<DB>, items: &[LegendItem]) -> Legend {
        let width = c.width - 2.0 * PAD;
        let max_rows = ((c.height * 0.3 / LEGEND_ROW).floor() as usize).max(1);
        let legend = Legend::layout(items, width);
        if legend.rows <= max_rows {
            return legend;
        }
        let mut kept = items.len();
        loop {
            kept = kept.saturating_sub(1);
            let mut shown: Vec<LegendItem> = items[..kept].to_vec();
            shown.push(LegendItem::new(Swatch::Note, format!("+{} more", items.len() - kept)));
            let legend = Legend::layout(&shown, width);
            if legend.rows <= max_rows || kept == 0 {
                return legend;
            }
        }
    }

    pub fn layout(items: &[LegendItem], width: f64) -> Legend {
        let mut placed = Vec::with_capacity(items.len());
        let (mut x, mut row) = (0.0, 0usize);
        let name_max = LEGEND_NAME_MAX.min(width - SWATCH_W - SWATCH_GAP).max(20.0);
        for item in items {
            let (label, lead) = match item.swatch {
                Swatch::Note => (LABEL.fit(&item.label, width), 0.0),
                _ => (LABEL.fit(&item.label, name_max), SWATCH_W + SWATCH_GAP),
            };
            let w = lead + LABEL.width(&label);
            if x > 0.0 && x + w > width {
                row += 1;
                x = 0.0;
            }
            placed.push((label, item.swatch, x, row));
            x += w + ITEM_GAP;
        }
        let rows = if placed.is_empty() { 0 } else { row + 1 };
        Legend { placed, rows }
    }

    pub fn height(&self) -> f64 {
        self.rows as f64 * LEGEND_ROW
    }

    pub fn draw<DB: DrawingBackend>(&self, c: &Canvas<DB>, x0: f64, y0: f64) -> Result<(), ChartError> {
        for (label, swatch, x, row) in &self.placed {
            let (x, cy) = (x0 + x, y0 + *row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0);
            let text_x = x + SWATCH_W + SWATCH_GAP;
            match *swatch {
                Swatch::Box(color) => c.fill_rect(x + 2.0, cy - 6.0, x + SWATCH_W - 2.0, cy + 6.0, color)?,
                Swatch::Line(color, stroke, w) => c.stroke(&[(x, cy), (x + SWATCH_W, cy)], color, w, stroke)?,
                Swatch::Diamond(color) => c.diamond(x + SWATCH_W / 2.0, cy, 6.0, color)?,
                Swatch::Rule(color) => {
                    c.line(&[(x + SWATCH_W / 2.0, cy - 8.0), (x + SWATCH_W / 2.0, cy + 8.0)], color, 2)?
                }
                Swatch::Note => {
                    c.text(label, x, cy, LABEL, c.colors.muted, LEFT)?;
                    continue;
                }
            }
            c.text(label, text_x, cy, LABEL, c.colors.text, LEFT)?;
        }
        Ok(())
    }
}

/// A linear scale from data values to pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn at(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        let t = if span.abs() < f64::MIN_POSITIVE { 0.0 } else { (v - self.d0) / span };
        self.r0 + (self.r1 - self.r0) * t.clamp(-0.05, 1.05)
    }
}

/// A value axis: its ticks, how they are written, its title.
pub(crate) struct ValueAxis {
    pub ticks: Ticks,
    pub style: NumberStyle,
    pub title: String,
}

impl ValueAxis {
    /// Ticks for `min..=max` on an axis `length` pixels long, about one every 70 px.
    pub fn new(min: f64, max: f64, length: f64, style: NumberStyle, title: impl Into<String>) -> ValueAxis {
        let target = ((length / 70.0).floor() as usize).clamp(2, 8);
        let integer = style == NumberStyle::Count;
        ValueAxis { ticks: Ticks::new(min, max, target, integer), style, title: title.into() }
    }

    /// Like [`ValueAxis::new`] for an axis along x: fewer ticks until the widest label fits
    /// between its neighbours.
    pub fn across(min: f64, max: f64, length: f64, style: NumberStyle, title: &str) -> ValueAxis {
        let mut target = ((length / 70.0).floor() as usize).clamp(2, 8);
        loop {
            let integer = style == NumberStyle::Count;
            let axis =
                ValueAxis { ticks: Ticks::new(min, max, target, integer), style: style.clone(), title: title.into() };
            let intervals = ((axis.ticks.hi - axis.ticks.lo) / axis.ticks.step).round().max(1.0);
            if target == 1 || length / intervals >= axis.label_width() + 12.0 {
                return axis;
            }
            target -= 1;
        }
    }

    pub fn labels(&self) -> Vec<(f64, String)> {
        self.ticks.values().into_iter().map(|v| (v, self.style.tick(v, self.ticks.step))).collect()
    }

    pub fn label_width(&self) -> f64 {
        self.labels().iter().map(|(_, s)| LABEL.width(s)).fold(0.0, f64::max)
    }
}

/// Horizontal gridlines and tick labels of a vertical value axis at the left of `plot`, with
/// the axis title turned up beside them.
pub(crate) fn draw_y_axis<DB: DrawingBackend>(
    c: &Canvas<DB>,
    axis: &ValueAxis,
    plot: Area,
    scale: Scale,
) -> Result<(), ChartError> {
    for (v, label) in axis.labels() {
        let y = scale.at(v);
        let color = if v == 0.0 { c.colors.axis } else { c.colors.grid };
        c.line(&[(plot.x0, y), (plot.x1, y)], color, 1)?;
        c.text(&label, plot.x0 - 8.0, y, LABEL, c.colors.muted, RIGHT)?;
    }
    let title = AXIS_TITLE.fit(&axis.title, plot.height());
    c.text_up(&title, PAD + AXIS_TITLE.em / 2.0 + 1.0, (plot.y0 + plot.y1) / 2.0, AXIS_TITLE, c.colors.muted)
}

/// Left margin a vertical value axis needs: padding, title, gap, tick labels, gap.
pub(crate) fn y_axis_margin(axis: &ValueAxis) -> f64 {
    PAD + AXIS_TITLE.line_height() + 8.0 + axis.label_width() + 8.0
}

/// Vertical gridlines and tick labels of a horizontal value axis under `plot`, with its title
/// below them.
pub(crate) fn draw_x_axis<DB: DrawingBackend>(
    c: &Canvas<DB>,
    axis: &ValueAxis,
    plot: Area,
    scale: Scale,
) -> Result<(), ChartError> {
    // Where even the fewest ticks are too wide for the axis (a thumbnail of huge numbers),
    // a label that would touch the one before it is left out; its gridline stays.
    let mut last_right = f64::NEG_INFINITY;
    for (v, label) in axis.labels() {
        let x = scale.at(v);
        let color = if v == 0.0 { c.colors.axis } else { c.colors.grid };
        c.line(&[(x, plot.y0), (x, plot.y1)], color, 1)?;
        let half = LABEL.width(&label) / 2.0;
        if x - half >= last_right + 6.0 && x - half >= 0.0 && x + half <= c.width {
            c.text(&label, x, plot.y1 + 8.0 + LABEL.em / 2.0, LABEL, c.colors.muted, CENTER)?;
            last_right = x + half;
        }
    }
    let y = plot.y1 + 8.0 + LABEL.line_height() + 4.0 + AXIS_TITLE.em / 2.0;
    let title = AXIS_TITLE.fit(&axis.title, plot.width());
    c.text(&title, (plot.x0 + plot.x1) / 2.0, y, AXIS_TITLE, c.colors.muted, CENTER)
}

/// Height a horizontal value axis needs under its plot.
pub(crate) fn x_axis_margin() -> f64 {
    8.0 + LABEL.line_height() + 4.0 + AXIS_TITLE.line_height() + PAD / 2.0
}

/// Which of `dates` get a label on a time axis `width` pixels wide: every k-th month, with
/// k the smallest of 1, 2, 3, 6, 12 (then whole years) that keeps labels apart, counted from
/// January so the same months are labelled whatever the start. A label shows the year when it
/// is the first one or the year changed since the previous label.
pub(crate) fn month_labels(dates: &[NaiveDate], width: f64) -> Vec<(usize, &'static str, Option<i32>)> {
    if dates.is_empty() {
        return Vec::new();
    }
    let slot = width / dates.len() as f64;
    let widest = ["May", "2026"].iter().map(|s| LABEL.width(s)).fold(0.0, f64::max) + 14.0;
    let every = [1u32, 2, 3, 6, 12, 24, 60, 120].into_iter().find(|k| slot * f64::from(*k) >= widest).unwrap_or(120);
    let mut out = Vec::new();
    let mut last_year = None;
    for (i, d) in dates.iter().enumerate() {
        let index = d.year() * 12 + d.month0() as i32;
        if index.rem_euclid(every as i32) != 0 {
            continue;
        }
        let year = (last_year != Some(d.year())).then_some(d.year());
        last_year = Some(d.year());
        out.push((i, month_short(*d), year));
    }
    out
}

/// Height of a month axis: month row, year row.
pub(crate) fn month_axis_margin() -> f64 {
    8.0 + 2.0 * LABEL.line_height() + PAD / 2.0
}

/// Draws month labels under `plot` at the x positions `x_of(i)`.
pub(crate) fn draw_month_axis<DB: DrawingBackend>(
    c: &Canvas<DB>,
    labels: &[(usize, &'static str, Option<i32>)],
    plot: Area,
    x_of: impl Fn(usize) -> f64,
) -> Result<(), ChartError> {
    let row1 = plot.y1 + 8.0 + LABEL.em / 2.0 + 1.0;
    let row2 = row1 + LABEL.line_height();
    for &(i, month, year) in labels {
        let x = x_of(i);
        c.line(&[(x, plot.y1), (x, plot.y1 + 4.0)], c.colors.axis, 1)?;
        c.text(month, x, row1, LABEL, c.colors.muted, CENTER)?;
        if let Some(year) = year {
            c.text(&year.to_string(), x, row2, LABEL_BOLD, c.colors.muted, CENTER)?;
        }
    }
    Ok(())
}

/// Labels at the right end of lines, moved apart vertically so none overlap, kept inside
/// `top..=bottom`. Takes (y, text, colour) and returns the y each label is drawn at.
pub(crate) fn spread_labels(ys: &[f64], top: f64, bottom: f64, gap: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by(|a, b| ys[*a].total_cmp(&ys[*b]));
    let mut placed = vec![0.0; ys.len()];
    let mut prev = f64::NEG_INFINITY;
    for &i in &order {
        let y = ys[i].max(prev + gap).max(top);
        placed[i] = y;
        prev = y;
    }
    // Pushed past the bottom: shift the run back up, keeping the gaps.
    let mut next = f64::INFINITY;
    for &i in order.iter().rev() {
        let y = placed[i].min(next - gap).min(bottom);
        placed[i] = y;
        next = y;
    }
    placed
}

/// The frame of a chart over months: legend on top, value axis at the left, months below.
pub(crate) struct MonthFrame {
    pub plot: Area,
    pub y: Scale,
    slot: f64,
}

impl MonthFrame {
    /// Centre of month `i`'s slot.
    pub fn x(&self, i: usize) -> f64 {
        self.plot.x0 + self.slot * (i as f64 + 0.5)
    }

    pub fn slot(&self) -> f64 {
        self.slot
    }

    /// Draws the background, legend, gridlines and both axes, and returns where data goes.
    /// `right` is room kept right of the plot (end-of-line labels), `headroom` room kept above
    /// it (labels over bars).
    #[allow(clippy::too_many_arguments)]
    pub fn draw<DB: DrawingBackend>(
        c: &Canvas<DB>,
        months: &[NaiveDate],
        legend: &[LegendItem],
        (min, max): (f64, f64),
        style: NumberStyle,
        title: &str,
        right: f64,
        headroom: f64,
    ) -> Result<MonthFrame, ChartError> {
        c.background()?;
        let legend = Legend::fit(c, legend);
        legend.draw(c, PAD, PAD)?;
        let top = PAD + legend.height() + if legend.rows > 0 { 12.0 } else { 0.0 } + headroom;
        let bottom = c.height - month_axis_margin();
        let axis = ValueAxis::new(min, max, bottom - top, style, title);
        let plot = Area { x0: y_axis_margin(&axis), y0: top, x1: c.width - PAD - right, y1: bottom };
        let y = Scale { d0: axis.ticks.lo, d1: axis.ticks.hi, r0: plot.y1, r1: plot.y0 };
        draw_y_axis(c, &axis, plot, y)?;
        let slot = plot.width() / months.len().max(1) as f64;
        let frame = MonthFrame { plot, y, slot };
        draw_month_axis(c, &month_labels(months, plot.width()), plot, |i| frame.x(i))?;
        Ok(frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(from: (i32, u32), n: usize) -> Vec<NaiveDate> {
        (0..n)
            .map(|i| {
                let m = from.1 as usize - 1 + i;
                NaiveDate::from_ymd_opt(from.0 + (m / 12) as i32, (m % 12) as u32 + 1, 1).expect("valid month")
            })
            .collect()
    }

    #[test]
    fn month_labels_show_the_year_once_per_year() {
        let dates = months((2025, 10), 6);
        let labels = month_labels(&dates, 900.0);
        assert_eq!(labels.len(), 6, "six months fit on a slide");
        assert_eq!(labels[0], (0, "Oct", Some(2025)), "the first label carries its year");
        assert_eq!(labels[1].2, None, "Nov 2025 needs no year again");
        assert_eq!(labels[3], (3, "Jan", Some(2026)), "January starts a new year");
    }

    #[test]
    fn month_labels_thin_out_on_long_ranges_and_never_crowd() {
        let dates = months((2021, 5), 60);
        let width = 800.0;
        let labels = month_labels(&dates, width);
        let slot = width / 60.0;
        let widest = LABEL.width("2026") + 14.0;
        for pair in labels.windows(2) {
            let gap = (pair[1].0 - pair[0].0) as f64 * slot;
            assert!(gap >= widest, "labels {:?} and {:?} are {gap} px apart", pair[0], pair[1]);
        }
        assert!(labels.len() >= 5, "five years still get labels: {labels:?}");
        assert!(labels.iter().all(|(_, m, _)| ["Jan", "Jul", "Apr", "Oct"].contains(m)), "{labels:?}");
    }

    #[test]
    fn spread_labels_never_overlap_and_stay_inside() {
        let placed = spread_labels(&[100.0, 101.0, 102.0, 400.0], 0.0, 110.0, 16.0);
        let mut sorted = placed.clone();
        sorted.sort_by(f64::total_cmp);
        for pair in sorted.windows(2) {
            assert!(pair[1] - pair[0] >= 16.0 - 1e-9, "labels at {placed:?} overlap");
        }
        assert!(placed.iter().all(|y| (0.0..=110.0).contains(y)), "labels at {placed:?} leave the plot");
    }

    #[test]
    fn legend_wraps_to_the_width() {
        let items: Vec<LegendItem> = (0..8)
            .map(|i| LegendItem::new(Swatch::Box(RGBColor(0, 0, 0)), format!("A rather long vendor name {i}")))
            .collect();
        let legend = Legend::layout(&items, 600.0);
        assert!(legend.rows > 1, "eight long names need more than one row in 600 px");
        for (label, swatch, x, _) in &legend.placed {
            let lead = if matches!(swatch, Swatch::Note) { 0.0 } else { SWATCH_W + SWATCH_GAP };
            assert!(x + lead + LABEL.width(label) <= 600.0 + 1e-9, "{label:?} at {x} runs past the edge");
        }
    }
}
