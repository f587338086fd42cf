//! The shipped fonts: registered with plotters once, measured here, handed to resvg for PNGs.
//!
//! Widths are measured with the font's own advances at the size the SVG declares
//! (`font-size` = plotters size ÷ 1.24, as plotters' SVG backend writes it), not with plotters'
//! ab_glyph estimate, which scales to the font's line height and comes out about 10 % narrow
//! for Noto Sans: truncation and layout must agree with what the reader sees.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};
use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::ChartError;

/// The family every chart text names. A CSS family list, so a chart SVG opened outside the app
/// still falls back to a sans face; the app's `@font-face` and the PNG renderer both know
/// "Noto Sans".
pub(crate) const FAMILY: &str = "Noto Sans, sans-serif";

pub(crate) static REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");

/// plotters' SVG backend writes `font-size` as its size ÷ 1.24.
const PLOTTERS_SIZE_PER_EM: f64 = 1.24;

struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

static FACES: OnceLock<Option<Faces>> = OnceLock::new();

fn faces() -> Result<&'static Faces, ChartError> {
    FACES
        .get_or_init(|| {
            let regular = FontRef::try_from_slice(REGULAR).ok()?;
            let bold = FontRef::try_from_slice(BOLD).ok()?;
            // plotters looks fonts up by family name in a process-wide table. Pie labels ask
            // for "sans-serif", so register the face under that name too.
            for name in [FAMILY, "sans-serif"] {
                plotters::style::register_font(name, FontStyle::Normal, REGULAR).ok()?;
                plotters::style::register_font(name, FontStyle::Bold, BOLD).ok()?;
            }
            Some(Faces { regular, bold })
        })
        .as_ref()
        .ok_or(ChartError::Font)
}

/// Makes sure the fonts are registered before anything draws text.
pub(crate) fn ensure_fonts() -> Result<(), ChartError> {
    faces().map(|_| ())
}

/// Text weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// A font at a size in SVG pixels (the em, what `font-size` says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Face {
    pub em: f64,
    pub weight: Weight,
}

impl Face {
    pub const fn regular(em: f64) -> Self {
        Face { em, weight: Weight::Regular }
    }
    pub const fn bold(em: f64) -> Self {
        Face { em, weight: Weight::Bold }
    }

    /// The plotters font for this face. Bold is built directly: `FontDesc::style(Bold)` keeps
    /// the regular glyphs (stack-notes).
    pub fn desc(self) -> FontDesc<'static> {
        let style = match self.weight {
            Weight::Regular => FontStyle::Normal,
            Weight::Bold => FontStyle::Bold,
        };
        FontDesc::new(FontFamily::Name(FAMILY), self.em * PLOTTERS_SIZE_PER_EM, style)
    }

    /// Advance width of `text` in pixels, kerning included.
    pub fn width(self, text: &str) -> f64 {
        let Ok(faces) = faces() else {
            // Without fonts nothing is drawn at all (`draw` fails first); an estimate keeps
            // this total.
            return text.chars().count() as f64 * self.em * 0.55;
        };
        let font = match self.weight {
            Weight::Regular => &faces.regular,
            Weight::Bold => &faces.bold,
        };
        let scale = self.em / f64::from(font.units_per_em().unwrap_or(1000.0));
        let mut units = 0.0f64;
        let mut previous = None;
        for c in text.chars() {
            let glyph = font.glyph_id(c);
            if let Some(p) = previous {
                units += f64::from(font.kern_unscaled(p, glyph));
            }
            units += f64::from(font.h_advance_unscaled(glyph));
            previous = Some(glyph);
        }
        units * scale
    }

    /// Height of one line of this face, for stacking rows of text.
    pub fn line_height(self) -> f64 {
        (self.em * 1.3).ceil()
    }

    /// `text`, cut to fit `max_width` with "…" where needed.
    pub fn fit(self, text: &str, max_width: f64) -> String {
        if self.width(text) <= max_width {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        // The longest prefix that fits with the ellipsis: widths grow with length, so a binary
        // search over the number of characters finds it.
        let (mut lo, mut hi) = (0usize, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let candidate: String = chars[..mid].iter().collect::<String>().trim_end().to_owned() + "…";
            if self.width(&candidate) <= max_width { lo = mid } else { hi = mid - 1 }
        }
        if lo == 0 {
            return if self.width("…") <= max_width { "…".to_owned() } else { String::new() };
        }
        chars[..lo].iter().collect::<String>().trim_end().to_owned() + "…"
    }
}

/// The characters of `text` the shipped fonts cannot draw (they would show as boxes).
#[cfg(test)]
pub(crate) fn missing_glyphs(text: &str) -> Vec<char> {
    let Ok(faces) = faces() else { return text.chars().collect() };
    text.chars().filter(|c| !c.is_whitespace() && faces.regular.glyph_id(*c).0 == 0).collect()
}

/// User text made safe to draw: control characters (which XML cannot hold even escaped) and
/// line breaks become spaces, runs of spaces collapse, ends are trimmed.
pub(crate) fn clean_label(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        let c = if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' { ' ' } else { c };
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text_to_width() {
        let face = Face::regular(13.0);
        assert_eq!(face.fit("OpenAI", 200.0), "OpenAI", "short names are left alone");
        let long = "Microsoft 365 Copilot for the whole finance department";
        let cut = face.fit(long, 120.0);
        assert!(cut.ends_with('…'), "a cut name says it was cut: {cut:?}");
        assert!(face.width(&cut) <= 120.0, "the cut name fits: {cut:?} is {} px", face.width(&cut));
        assert!(long.starts_with(cut.trim_end_matches('…')), "the cut keeps the start of the name");
        assert_eq!(face.fit(long, 1.0), "", "nothing fits in one pixel");
    }

    #[test]
    fn bold_is_wider_than_regular_and_widths_scale_with_size() {
        let text = "Spend by vendor";
        assert!(Face::bold(13.0).width(text) > Face::regular(13.0).width(text), "bold glyphs are wider");
        let (a, b) = (Face::regular(10.0).width(text), Face::regular(20.0).width(text));
        assert!((b / a - 2.0).abs() < 1e-9, "width is proportional to the em: {a} vs {b}");
        // Noto Sans averages about half an em per lowercase letter.
        assert!(a > 10.0 * 0.4 * 15.0 && a < 10.0 * 0.65 * 15.0, "width {a} is plausible for 15 letters");
    }

    #[test]
    fn labels_lose_control_characters_and_extra_space() {
        assert_eq!(clean_label("  A\n\tB\u{0}C  "), "A B C");
        assert_eq!(clean_label("\u{7}"), "");
        assert_eq!(clean_label("<script>&\""), "<script>&\"", "markup is escaped when written, not here");
    }
}
