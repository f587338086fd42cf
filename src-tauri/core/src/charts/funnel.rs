//! The initiative pipeline as a funnel: one centred horizontal bar per stage, its width the
//! number of initiatives, each labelled with the count, the value and the share of the stage
//! before it.

use plotters::prelude::DrawingBackend;

use super::canvas::{Canvas, LABEL, LEFT, NO_DATA, PAD, RIGHT, SMALL};
use super::format::{NumberStyle, grouped};
use super::text::{Face, clean_label};
use super::theme::mix;
use super::{ChartError, Funnel};

const STAGE: Face = Face::regular(14.0);
const COUNT: Face = Face::bold(14.0);

/// A stage's count: in full ("1,250") up to a hundred thousand, humane beyond.
fn count_label(count: u32) -> String {
    if count < 100_000 { grouped(f64::from(count)) } else { NumberStyle::Count.value(f64::from(count)) }
}

pub(crate) fn pipeline_funnel<DB: DrawingBackend>(c: &Canvas<DB>, data: &Funnel) -> Result<(), ChartError> {
    if data.stages.iter().all(|s| s.count == 0) {
        return c.no_data(NO_DATA);
    }
    c.background()?;
    let colors = c.colors;
    let money = data.currency.as_ref().map(|code| NumberStyle::Money(code.clone()));
    let stages: Vec<(String, u32, String)> = data
        .stages
        .iter()
        .map(|s| {
            let value = match (s.value.and_then(super::format::finite), &money) {
                (Some(v), Some(style)) => format!("· {}", style.value(v)),
                (Some(v), None) => format!("· {}", NumberStyle::Count.value(v)),
                (None, _) => String::new(),
            };
            (clean_label(&s.label), s.count, value)
        })
        .collect();
    let n = stages.len();
    let max = stages.iter().map(|s| s.1).max().unwrap_or(1).max(1);

    let name_w = stages.iter().map(|s| STAGE.width(&s.0)).fold(0.0, f64::max).min(c.width * 0.26);
    // SVG drops leading spaces, so the gap between count and value is a measured offset.
    let gap = LABEL.width(" ");
    let label_w = |s: &(String, u32, String)| COUNT.width(&count_label(s.1)) + gap + LABEL.width(&s.2);
    let note_w = stages.iter().map(label_w).fold(SMALL.width("100% of previous"), f64::max).min(c.width * 0.3);
    let x0 = PAD + name_w + 16.0;
    let x1 = c.width - PAD - note_w - 16.0;
    let center = (x0 + x1) / 2.0;

    let available = c.height - 2.0 * PAD;
    let row = (available / n as f64).min(76.0);
    let top = PAD + (available - row * n as f64) / 2.0;
    let bar = row * 0.66;
    let two_lines = row >= 2.0 * LABEL.line_height() + 4.0;
    let fill = colors.primary;
    let link = mix(colors.primary, colors.background, 0.82);

    let half_width = |count: u32| {
        let w = (x1 - x0) * f64::from(count) / f64::from(max);
        if count > 0 { w.max(3.0) / 2.0 } else { 0.0 }
    };
    // Links between stages first, so the bars sit on top of them.
    for i in 1..n {
        let (upper, lower) = (half_width(stages[i - 1].1), half_width(stages[i].1));
        let y_up = top + row * (i as f64 - 0.5) + bar / 2.0;
        let y_down = top + row * (i as f64 + 0.5) - bar / 2.0;
        c.polygon(
            &[(center - upper, y_up), (center + upper, y_up), (center + lower, y_down), (center - lower, y_down)],
            link,
        )?;
    }
    for (i, (name, count, value)) in stages.iter().enumerate() {
        let y = top + row * (i as f64 + 0.5);
        let hw = half_width(*count);
        if *count > 0 {
            c.fill_rect(center - hw, y - bar / 2.0, center + hw, y + bar / 2.0, fill)?;
        } else {
            c.line(&[(center, y - bar / 2.0), (center, y + bar / 2.0)], colors.axis, 1)?;
        }
        c.text(&STAGE.fit(name, name_w), x0 - 16.0, y, STAGE, colors.text, RIGHT)?;

        let note_x = x1 + 16.0;
        let line_y = if two_lines && i > 0 { y - LABEL.line_height() / 2.0 } else { y };
        let count_text = COUNT.fit(&count_label(*count), note_w);
        c.text(&count_text, note_x, line_y, COUNT, colors.text, LEFT)?;
        let value_x = note_x + COUNT.width(&count_text) + gap;
        c.text(&LABEL.fit(value, note_x + note_w - value_x), value_x, line_y, LABEL, colors.text, LEFT)?;
        if i > 0 && two_lines {
            let previous = stages[i - 1].1;
            let share = if previous > 0 {
                format!("{}% of previous", (f64::from(*count) / f64::from(previous) * 100.0).round())
            } else {
                "—".to_owned()
            };
            c.text(&SMALL.fit(&share, note_w), note_x, y + LABEL.line_height() / 2.0, SMALL, colors.muted, LEFT)?;
        }
    }
    Ok(())
}
