//! Spend by vendor: stacked monthly bars, largest vendor at the bottom.

use plotters::prelude::DrawingBackend;

use super::canvas::{Canvas, LegendItem, MonthFrame, NO_DATA, SMALL, Swatch};
use super::series::{Fold, all_blank, prepare, stack_values, unit_axis};
use super::{ChartError, MonthlyStack};

pub(crate) fn spend_by_vendor<DB: DrawingBackend>(c: &Canvas<DB>, data: &MonthlyStack) -> Result<(), ChartError> {
    let n = data.months.len();
    let (series, _) = prepare(&data.series, n, c.colors, Fold::Sum, stack_values);
    if n == 0 || series.iter().all(|s| all_blank(&s.values)) {
        return c.no_data(NO_DATA);
    }
    let (style, title) = unit_axis(&data.unit, "Spend");
    let totals: Vec<f64> = (0..n).map(|i| series.iter().filter_map(|s| s.values[i]).sum()).collect();
    let max = totals.iter().copied().fold(0.0, f64::max);

    // Totals over the bars only when every one fits its slot: all or none reads better than
    // a few.
    let labels: Vec<String> = totals.iter().map(|t| style.value(*t)).collect();
    let widest = labels.iter().map(|l| SMALL.width(l)).fold(0.0, f64::max);
    let rough_slot = (c.width - 120.0) / n as f64;
    let show_totals = widest + 6.0 <= rough_slot;

    let legend: Vec<LegendItem> =
        series.iter().map(|s| LegendItem::new(Swatch::Box(s.color), s.name.clone())).collect();
    let headroom = if show_totals { SMALL.line_height() + 2.0 } else { 0.0 };
    let frame = MonthFrame::draw(c, &data.months, &legend, (0.0, max), style, &title, 0.0, headroom)?;

    let bar = (frame.slot() * 0.68).clamp(1.0, 72.0);
    for i in 0..n {
        let x = frame.x(i);
        let mut base = 0.0;
        for s in &series {
            let v = s.values[i].unwrap_or(0.0);
            if v <= 0.0 {
                continue;
            }
            let (y0, y1) = (frame.y.at(base), frame.y.at(base + v));
            c.fill_rect(x - bar / 2.0, y1, x + bar / 2.0, y0, s.color)?;
            // A hairline of background between segments keeps neighbours apart where their
            // colours are close.
            if y0 - y1 >= 3.0 && base > 0.0 {
                c.line(&[(x - bar / 2.0, y0), (x + bar / 2.0, y0)], c.colors.background, 1)?;
            }
            base += v;
        }
        if show_totals && totals[i] > 0.0 {
            let y = frame.y.at(totals[i]) - 4.0 - SMALL.em / 2.0;
            c.text(&labels[i], x, y, SMALL, c.colors.muted, super::canvas::CENTER)?;
        }
    }
    let zero = frame.y.at(0.0);
    c.line(&[(frame.plot.x0, zero), (frame.plot.x1, zero)], c.colors.axis, 1)
}
