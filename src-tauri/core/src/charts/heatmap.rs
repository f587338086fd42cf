//! Risk heatmap: likelihood (up, 1 at the bottom) by impact (across), each cell coloured by
//! likelihood × impact from green to red and holding the number of open risks.

use plotters::prelude::DrawingBackend;

use super::canvas::{AXIS_TITLE, CENTER, Canvas, LABEL, LABEL_BOLD, NO_DATA, PAD, RIGHT};
use super::format::NumberStyle;
use super::text::Face;
use super::theme::{heat, mix, text_on};
use super::{ChartError, RiskHeatmap};

const LIKELIHOOD: [&str; 5] = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT: [&str; 5] = ["Negligible", "Minor", "Moderate", "Major", "Severe"];
const COUNT: Face = Face::bold(20.0);

pub(crate) fn risk_heatmap<DB: DrawingBackend>(c: &Canvas<DB>, data: &RiskHeatmap) -> Result<(), ChartError> {
    if data.counts.iter().flatten().all(|n| *n == 0) {
        return c.no_data(NO_DATA);
    }
    c.background()?;
    let colors = c.colors;
    // Row names beside the grid and impact names under it when there is room (a slide);
    // numbers alone when not (a thumbnail).
    let full_row_w = LIKELIHOOD.iter().map(|l| LABEL.width(&format!("5 · {l}"))).fold(0.0, f64::max);
    let title_w = AXIS_TITLE.line_height() + 12.0;
    let named_rows = c.width - 2.0 * PAD - title_w - full_row_w - 10.0 >= 5.0 * 44.0;
    let row_label = |l: u32| {
        if named_rows { format!("{l} · {}", LIKELIHOOD[l as usize - 1]) } else { l.to_string() }
    };
    let row_label_w = (1..=5).map(|l| LABEL.width(&row_label(l))).fold(0.0, f64::max);
    let left = PAD + title_w + row_label_w + 10.0;
    let available_w = c.width - left - PAD;
    let widest_impact = IMPACT.iter().map(|l| LABEL.width(l)).fold(0.0, f64::max) + 8.0;
    let named_columns = available_w / 5.0 >= widest_impact;
    let label_rows = if named_columns { 2.0 } else { 1.0 };
    let bottom_margin = 8.0 + label_rows * LABEL.line_height() + 6.0 + AXIS_TITLE.line_height() + PAD / 2.0;
    let available_h = c.height - PAD - bottom_margin;
    // Square cells when there is room; wide enough for the impact names under them.
    let cell_h = (available_h / 5.0).min(available_w / 5.0).max(LABEL.line_height());
    let cell_w = if named_columns { cell_h.max(widest_impact) } else { cell_h }.min(available_w / 5.0);
    let grid_w = cell_w * 5.0;
    let x0 = left + (available_w - grid_w) / 2.0;
    let y0 = PAD + (available_h - cell_h * 5.0) / 2.0;

    for likelihood in 1..=5u32 {
        let row_top = y0 + cell_h * f64::from(5 - likelihood);
        let cy = row_top + cell_h / 2.0;
        for impact in 1..=5u32 {
            let count = data.counts[likelihood as usize - 1][impact as usize - 1];
            let cx0 = x0 + cell_w * f64::from(impact - 1);
            let full = heat(likelihood * impact);
            // Empty cells keep their hue but step back, so the cells with risks in them lead.
            let fill = if count == 0 { mix(full, colors.background, colors.empty_cell) } else { full };
            c.fill_rect(cx0 + 1.5, row_top + 1.5, cx0 + cell_w - 1.5, row_top + cell_h - 1.5, fill)?;
            if count > 0 {
                let face = if cell_h >= 40.0 { COUNT } else { LABEL_BOLD };
                let text = if count < 10_000 { count.to_string() } else { NumberStyle::Count.value(f64::from(count)) };
                let text = face.fit(&text, cell_w - 6.0);
                c.text(&text, cx0 + cell_w / 2.0, cy, face, text_on(fill), CENTER)?;
            }
        }
        c.text(&row_label(likelihood), x0 - 10.0, cy, LABEL, colors.muted, RIGHT)?;
    }
    let label_y = y0 + cell_h * 5.0 + 8.0 + LABEL.em / 2.0 + 1.0;
    for impact in 1..=5usize {
        let cx = x0 + cell_w * (impact as f64 - 0.5);
        c.text(&impact.to_string(), cx, label_y, LABEL_BOLD, colors.muted, CENTER)?;
        if named_columns {
            c.text(IMPACT[impact - 1], cx, label_y + LABEL.line_height(), LABEL, colors.muted, CENTER)?;
        }
    }
    let title_y = label_y + label_rows * LABEL.line_height() + 6.0;
    c.text("Impact", x0 + grid_w / 2.0, title_y, AXIS_TITLE, colors.muted, CENTER)?;
    let title_x = x0 - 10.0 - row_label_w - 12.0 - AXIS_TITLE.em / 2.0;
    c.text_up("Likelihood", title_x, y0 + cell_h * 2.5, AXIS_TITLE, colors.muted)
}
