//! Renewals ahead: one row per contract, a bar from today to its end date, a diamond at the
//! date notice must be given by, a "Today" line. A row whose cancel-by date has passed (the
//! contract will renew or lapse whatever anyone does now) is tinted in the warning colour.

use chrono::{Datelike, Days, NaiveDate};
use plotters::prelude::DrawingBackend;

use super::canvas::{
    Area, CENTER, Canvas, LABEL, LABEL_BOLD, LEFT, Legend, LegendItem, PAD, RIGHT, SMALL, Scale, Swatch,
    draw_month_axis, month_axis_margin, month_labels,
};
use super::format::{NumberStyle, day_month_year, month_start};
use super::text::clean_label;
use super::theme::mix;
use super::{ChartError, RenewalItem, RenewalsTimeline};

const MIN_ROW: f64 = 26.0;
/// The longest horizon drawn (ten years); longer ones are cut to it.
const MAX_HORIZON_DAYS: u32 = 3650;

fn days_between(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64
}

struct Row<'a> {
    item: &'a RenewalItem,
    name: String,
    passed: bool,
}

pub(crate) fn renewals_timeline<DB: DrawingBackend>(c: &Canvas<DB>, data: &RenewalsTimeline) -> Result<(), ChartError> {
    let today = data.today;
    let horizon = data.horizon_days.clamp(1, MAX_HORIZON_DAYS);
    let window_end = today.checked_add_days(Days::new(u64::from(horizon))).unwrap_or(NaiveDate::MAX);
    let mut rows: Vec<Row> = data
        .items
        .iter()
        .filter(|i| i.end >= today && (i.end <= window_end || i.cancel_by.is_some_and(|d| d <= window_end)))
        .map(|item| Row { item, name: clean_label(&item.name), passed: item.cancel_by.is_some_and(|d| d < today) })
        .collect();
    if rows.is_empty() {
        return c.no_data(&format!("No contracts end or need notice in the next {horizon} days"));
    }
    // Most urgent first: the date something must happen by.
    rows.sort_by(|a, b| {
        let key = |r: &Row| (r.item.cancel_by.unwrap_or(r.item.end), r.item.end);
        key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
    });

    c.background()?;
    let colors = c.colors;
    let bar_color = mix(colors.primary, colors.background, 0.25);
    let mut legend = vec![
        LegendItem::new(Swatch::Box(bar_color), "Today to end date"),
        LegendItem::new(Swatch::Diamond(colors.text), "Cancel-by date"),
        LegendItem::new(Swatch::Rule(colors.text), "Today"),
    ];
    if rows.iter().any(|r| r.passed) {
        legend.push(LegendItem::new(Swatch::Diamond(colors.warning), "Cancel-by date passed"));
    }
    let capacity = |legend: &[LegendItem]| {
        let height = Legend::fit(c, legend).height();
        let available = c.height - month_axis_margin() - (PAD + height + 12.0 + LABEL.line_height());
        ((available / MIN_ROW).floor() as usize).max(1)
    };
    if rows.len() > capacity(&legend) {
        legend.push(LegendItem::new(Swatch::Note, "+000 more not shown"));
        let keep = capacity(&legend);
        let hidden = rows.len() - keep;
        rows.truncate(keep);
        if let Some(note) = legend.last_mut() {
            note.label = format!("+{hidden} more not shown");
        }
    }
    let legend = Legend::fit(c, &legend);
    legend.draw(c, PAD, PAD)?;

    // The axis starts a little before today to show cancel-by dates already passed, but never
    // more than a third of the horizon back.
    let earliest = rows.iter().filter_map(|r| r.item.cancel_by).min().unwrap_or(today).min(today);
    let lookback = days_between(earliest, today).min(f64::from(horizon) / 3.0);
    let span = lookback + f64::from(horizon);
    let start_offset = -(lookback + span * 0.02);

    let money = NumberStyle::Money(data.currency.clone());
    let notes: Vec<(String, String)> = rows.iter().map(|r| notes_for(r, &money)).collect();
    let two_lines = (c.height - month_axis_margin() - PAD - legend.height() - 12.0 - LABEL.line_height())
        / rows.len() as f64
        >= 2.0 * LABEL.line_height();
    let note_texts: Vec<String> = notes
        .iter()
        .map(|(main, detail)| if two_lines || detail.is_empty() { main.clone() } else { format!("{main} · {detail}") })
        .collect();
    let note_w = notes
        .iter()
        .zip(&note_texts)
        .map(|((_, detail), text)| LABEL.width(text).max(if two_lines { SMALL.width(detail) } else { 0.0 }))
        .fold(0.0, f64::max)
        .min(c.width * 0.3);
    let name_w = rows.iter().map(|r| LABEL.width(&r.name)).fold(0.0, f64::max).min(c.width * 0.24);

    let top = PAD + legend.height() + 12.0 + LABEL.line_height();
    let plot = Area {
        x0: PAD + name_w + 14.0,
        y0: top,
        x1: c.width - PAD - note_w - 14.0,
        y1: c.height - month_axis_margin(),
    };
    let x = Scale { d0: start_offset, d1: f64::from(horizon), r0: plot.x0, r1: plot.x1 };
    let x_of = |d: NaiveDate| x.at(days_between(today, d).clamp(start_offset, f64::from(horizon)));
    let row = plot.height() / rows.len() as f64;

    // Month gridlines and labels.
    let first = month_start(today.checked_sub_days(Days::new((-start_offset).ceil() as u64)).unwrap_or(today));
    let mut months = Vec::new();
    let mut m = first;
    while m <= window_end {
        if days_between(today, m) >= start_offset {
            months.push(m);
        }
        m = next_month(m);
    }
    let labels = month_labels(&months, plot.width());
    for &(i, _, _) in &labels {
        let gx = x_of(months[i]);
        c.line(&[(gx, plot.y0), (gx, plot.y1)], colors.grid, 1)?;
    }
    draw_month_axis(c, &labels, plot, |i| x_of(months[i]))?;
    c.line(&[(plot.x0, plot.y1), (plot.x1, plot.y1)], colors.axis, 1)?;

    let bar = (row * 0.5).clamp(4.0, 18.0);
    let today_x = x_of(today);
    for (i, (r, (main, detail))) in rows.iter().zip(&notes).enumerate() {
        let y = plot.y0 + row * (i as f64 + 0.5);
        if r.passed {
            c.fill_rect(PAD / 2.0, y - row / 2.0 + 1.0, c.width - PAD / 2.0, y + row / 2.0 - 1.0, colors.warning_soft)?;
        }
        let end_x = x_of(r.item.end);
        c.fill_rect(today_x, y - bar / 2.0, end_x.max(today_x + 2.0), y + bar / 2.0, bar_color)?;
        if r.item.end > window_end {
            // The term runs past the horizon: a notch at the edge says "continues".
            c.polygon(&[(end_x, y - bar / 2.0 - 3.0), (end_x + 7.0, y), (end_x, y + bar / 2.0 + 3.0)], bar_color)?;
        }
        if let Some(cancel_by) = r.item.cancel_by {
            let cx = x_of(cancel_by);
            let marker = if r.passed { colors.warning } else { colors.text };
            c.diamond(cx, y, 9.0, if r.passed { colors.warning_soft } else { colors.background })?;
            c.diamond(cx, y, 7.0, marker)?;
        }
        let (name_color, face) = if r.passed { (colors.warning, LABEL_BOLD) } else { (colors.text, LABEL) };
        c.text(&face.fit(&r.name, name_w), plot.x0 - 14.0, y, face, name_color, RIGHT)?;
        let note_x = plot.x1 + 14.0;
        let detail_color = if r.passed { colors.warning } else { colors.muted };
        if two_lines && !detail.is_empty() {
            let h = LABEL.line_height() / 2.0;
            c.text(&LABEL.fit(main, note_w), note_x, y - h + 1.0, LABEL, colors.text, LEFT)?;
            c.text(&SMALL.fit(detail, note_w), note_x, y + h, SMALL, detail_color, LEFT)?;
        } else {
            c.text(&LABEL.fit(&note_texts[i], note_w), note_x, y, LABEL, colors.text, LEFT)?;
        }
    }
    c.line(&[(today_x, plot.y0 - 4.0), (today_x, plot.y1)], colors.text, 2)?;
    c.text("Today", today_x, plot.y0 - 4.0 - LABEL.line_height() / 2.0, LABEL_BOLD, colors.text, CENTER)?;
    Ok(())
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
}

/// The note beside a row: when it ends and what it is worth; then when notice is due and
/// whether it renews by itself.
fn notes_for(r: &Row, money: &NumberStyle) -> (String, String) {
    let mut main = format!("Ends {}", day_month_year(r.item.end));
    if let Some(value) = r.item.annual_value.and_then(super::format::finite) {
        main.push_str(&format!(" · {}/yr", money.value(value)));
    }
    let mut detail = Vec::new();
    match r.item.cancel_by {
        Some(d) if r.passed => detail.push(format!("Cancel-by passed {}", day_month_year(d))),
        Some(d) => detail.push(format!("Cancel by {}", day_month_year(d))),
        None => {}
    }
    if r.item.auto_renew {
        detail.push("auto-renews".to_owned());
    }
    (main, detail.join(" · "))
}
