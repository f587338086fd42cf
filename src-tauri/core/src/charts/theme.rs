//! The one chart theme, in a light and a dark variant.
//!
//! Series colours are the Okabe–Ito palette (distinguishable with the common colour-vision
//! deficiencies). The light variant leaves out its yellow (invisible on white) and the dark
//! variant its deep blue (too dark on the dark surface); each ends with the text colour, as
//! Okabe–Ito ends with black. Neutrals match the UI's tokens (`ui/src/styles/tokens.css`,
//! `--surface`, `--text`, …) so a chart sits on a card without a seam.

use plotters::style::{RGBAColor, RGBColor};

/// Which variant of the theme to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
}

/// The colours one variant draws with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Colors {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Series colours in order of use; the folded "Other" series is `other`.
    pub series: [RGBColor; 7],
    pub other: RGBColor,
    /// The main measured quantity (actual spend, likely value, active seats).
    pub primary: RGBColor,
    /// A promise or plan drawn against it (commitment).
    pub secondary: RGBColor,
    /// Cost where it is compared with value.
    pub cost: RGBColor,
    /// Something that needs action now (a cancel-by date that has passed).
    pub warning: RGBColor,
    pub warning_soft: RGBColor,
    /// How far an empty heatmap cell steps back towards the background.
    pub empty_cell: f64,
}

const OKABE_ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
const OKABE_SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
const OKABE_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
const OKABE_YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
const OKABE_BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const OKABE_VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const OKABE_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

const LIGHT: Colors = Colors {
    background: RGBColor(0xFF, 0xFF, 0xFF),
    text: RGBColor(0x1B, 0x1B, 0x1F),
    muted: RGBColor(0x55, 0x55, 0x5F),
    grid: RGBColor(0xE3, 0xE3, 0xE8),
    axis: RGBColor(0x9A, 0x9A, 0xA4),
    series: [
        OKABE_BLUE,
        OKABE_ORANGE,
        OKABE_GREEN,
        OKABE_VERMILLION,
        OKABE_SKY,
        OKABE_PURPLE,
        RGBColor(0x3A, 0x3A, 0x42),
    ],
    other: RGBColor(0xB4, 0xB4, 0xBC),
    primary: OKABE_BLUE,
    secondary: OKABE_ORANGE,
    cost: OKABE_VERMILLION,
    warning: RGBColor(0x9A, 0x5B, 0x00),
    warning_soft: RGBColor(0xFF, 0xF1, 0xD6),
    empty_cell: 0.6,
};

const DARK: Colors = Colors {
    background: RGBColor(0x18, 0x18, 0x1C),
    text: RGBColor(0xEC, 0xEC, 0xF0),
    muted: RGBColor(0xA9, 0xA9, 0xB4),
    grid: RGBColor(0x2E, 0x2E, 0x36),
    axis: RGBColor(0x5A, 0x5A, 0x66),
    series: [
        OKABE_SKY,
        OKABE_ORANGE,
        OKABE_GREEN,
        OKABE_YELLOW,
        OKABE_PURPLE,
        OKABE_VERMILLION,
        RGBColor(0xE4, 0xE4, 0xEA),
    ],
    other: RGBColor(0x6A, 0x6A, 0x76),
    primary: OKABE_SKY,
    secondary: OKABE_ORANGE,
    cost: RGBColor(0xF0, 0x7A, 0x3A),
    warning: RGBColor(0xF0, 0xB4, 0x50),
    warning_soft: RGBColor(0x3A, 0x2C, 0x12),
    empty_cell: 0.78,
};

impl Theme {
    pub(crate) fn colors(self) -> &'static Colors {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// `a` moved towards `b` by `t` (0 = `a`, 1 = `b`), as an opaque colour: mixing instead of
/// transparency keeps the SVG and the PDF identical and overlaps predictable.
pub(crate) fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
}

pub(crate) fn opaque(c: RGBColor) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, 1.0)
}

/// WCAG relative luminance, 0 (black) to 1 (white).
pub(crate) fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.040_45 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio between two colours (1 to 21).
pub(crate) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Near-black or near-white, whichever reads better on `fill`.
pub(crate) fn text_on(fill: RGBColor) -> RGBColor {
    let dark = LIGHT.text;
    let light = RGBColor(0xFF, 0xFF, 0xFF);
    if contrast(dark, fill) >= contrast(light, fill) { dark } else { light }
}

/// The risk heat ramp, low (likelihood × impact = 1) to high (25): green, yellow, orange, red.
/// Position in the grid and the count in each cell carry the same information, so a reader
/// who cannot tell the hues apart loses nothing.
const HEAT: [RGBColor; 5] = [
    RGBColor(0x7F, 0xC9, 0x7F),
    RGBColor(0xD9, 0xEF, 0x8B),
    RGBColor(0xFE, 0xE0, 0x8B),
    RGBColor(0xFC, 0x8D, 0x59),
    RGBColor(0xB2, 0x18, 0x2B),
];

/// The heat colour for a likelihood × impact score from 1 to 25.
pub(crate) fn heat(score: u32) -> RGBColor {
    let t = (f64::from(score.clamp(1, 25)) - 1.0) / 24.0 * (HEAT.len() - 1) as f64;
    let i = (t.floor() as usize).min(HEAT.len() - 2);
    mix(HEAT[i], HEAT[i + 1], t - i as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_colour_stands_out_from_its_background() {
        for theme in [Theme::Light, Theme::Dark] {
            let c = theme.colors();
            // WCAG 1.4.11 asks 3:1 for graphics that carry meaning. The dark variant meets it.
            // On white, Okabe–Ito's orange and sky blue sit near 2.2:1; they are kept for the
            // palette's proven separation under colour-vision deficiencies, and are only used
            // as filled bars and 2–3 px lines, always named in a legend.
            let floor = if theme == Theme::Dark { 3.0 } else { 2.0 };
            for (i, s) in c.series.iter().enumerate() {
                let ratio = contrast(*s, c.background);
                assert!(ratio >= floor, "{theme:?} series {i} {s:?} has contrast {ratio:.2} on the background");
            }
            for (name, color) in [("primary", c.primary), ("cost", c.cost)] {
                let ratio = contrast(color, c.background);
                assert!(ratio >= 3.0, "{theme:?} {name} {color:?} has contrast {ratio:.2}; it carries the main line");
            }
            for (name, fg) in [("text", c.text), ("muted", c.muted), ("warning", c.warning)] {
                let ratio = contrast(fg, c.background);
                assert!(ratio >= 4.5, "{theme:?} {name} text has contrast {ratio:.2}; text needs 4.5:1");
            }
            let ratio = contrast(c.text, c.warning_soft);
            assert!(ratio >= 4.5, "{theme:?} text on a warning row has contrast {ratio:.2}");
        }
    }

    #[test]
    fn heat_cells_keep_their_counts_readable() {
        // Only products of likelihood and impact occur (no 7, 11, 22…).
        for score in (1..=5).flat_map(|l| (1..=5).map(move |i| l * i)) {
            let fill = heat(score);
            let ratio = contrast(text_on(fill), fill);
            assert!(ratio >= 4.5, "count on heat cell {score} has contrast {ratio:.2}");
        }
        assert_eq!(heat(1), HEAT[0], "score 1 is the first stop");
        assert_eq!(heat(25), HEAT[4], "score 25 is the last stop");
    }
}
