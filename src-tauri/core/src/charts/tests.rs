//! Chart tests: exact SVG snapshots of realistic samples (light and dark, and every empty
//! input), then properties every drawing must have whatever the input: well-formed XML, user
//! text present and escaped, only finite numbers, text at least 12 px, inside the canvas and
//! never on top of other text; and PNGs that decode.
//!
//! `STEWARD_UPDATE_SNAPSHOTS=1 cargo test -p steward-core charts` rewrites the snapshots; look
//! at the diff (and at the PNGs of `examples/chart_gallery.rs`) before committing them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use resvg::usvg::roxmltree;

use super::text::{Face, clean_label, missing_glyphs};
use super::*;

const THEMES: [(Theme, &str); 2] = [(Theme::Light, "light"), (Theme::Dark, "dark")];

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/charts/snapshots")
}

/// Compares `actual` with the stored snapshot `name`.svg, or rewrites it when asked to.
/// Returns a description of the difference, if any.
fn compare_snapshot(name: &str, actual: &str) -> Option<String> {
    let path = snapshot_dir().join(format!("{name}.svg"));
    if std::env::var("STEWARD_UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(snapshot_dir()).expect("snapshot folder can be created");
        std::fs::write(&path, actual).expect("snapshot can be written");
        return None;
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        return Some(format!("{name}: no snapshot at {}", path.display()));
    };
    if expected == actual {
        return None;
    }
    let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
    let got = std::env::temp_dir().join(format!("steward-chart-{name}.svg"));
    let _ = std::fs::write(&got, actual);
    Some(format!(
        "{name}: differs from its snapshot from line {}: expected {:?}, got {:?} (whole output in {})",
        line + 1,
        expected.lines().nth(line).unwrap_or(""),
        actual.lines().nth(line).unwrap_or(""),
        got.display()
    ))
}

fn assert_snapshots(cases: Vec<(String, Chart)>) {
    let mut failures = Vec::new();
    for (name, chart) in &cases {
        for (theme, tag) in THEMES {
            let svg = svg(chart, ChartSize::SLIDE, theme).expect("sample charts draw");
            if let Some(failure) = compare_snapshot(&format!("{name}-{tag}"), &svg) {
                failures.push(failure);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "charts changed; if intended, run STEWARD_UPDATE_SNAPSHOTS=1 cargo test -p steward-core charts and look at them:\n{}",
        failures.join("\n")
    );
}

#[test]
fn samples_match_their_snapshots() {
    assert_snapshots(samples::all().into_iter().map(|(n, c)| (n.to_owned(), c)).collect());
}

#[test]
fn empty_inputs_match_their_snapshots() {
    assert_snapshots(samples::empty().into_iter().map(|(n, c)| (format!("empty_{n}"), c)).collect());
}

/// One drawn text, its box in pixels.
#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

/// What a chart SVG holds, checked for the properties every chart must have. Panics with
/// `context` when one fails.
fn inspect(svg: &str, size: ChartSize, context: &str) -> Vec<TextBox> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{context}: the SVG does not parse: {e}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some(size.width.to_string().as_str()), "{context}: SVG width");
    assert_eq!(root.attribute("height"), Some(size.height.to_string().as_str()), "{context}: SVG height");
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let mut texts = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            ["svg", "rect", "line", "polyline", "polygon", "circle", "text"].contains(&tag),
            "{context}: unexpected element <{tag}> (user text must never become markup)"
        );
        for attr in node.attributes() {
            let value = attr.value();
            assert!(
                !value.contains("NaN") && !value.contains("inf"),
                "{context}: <{tag} {}=\"{value}\"> holds a number that is not finite",
                attr.name()
            );
            if ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size"]
                .contains(&attr.name())
            {
                let v: f64 =
                    value.parse().unwrap_or_else(|_| panic!("{context}: {}={value:?} is not a number", attr.name()));
                assert!(v.is_finite() && v.abs() < 100_000.0, "{context}: {}={v} is far off the canvas", attr.name());
            }
            if attr.name() == "points" {
                for n in value.split([' ', ',']).filter(|s| !s.is_empty()) {
                    let v: f64 = n.parse().unwrap_or_else(|_| panic!("{context}: point {n:?} is not a number"));
                    assert!(v.abs() < 100_000.0, "{context}: point {v} is far off the canvas");
                }
            }
        }
        if tag == "text" {
            let text: String = node.text().unwrap_or("").trim().to_owned();
            let num = |a: &str| node.attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
            let size = num("font-size");
            assert!(size >= 12.0 - 1e-9, "{context}: {text:?} is set at {size} px; a slide needs 12 px or more");
            let bold = node.attribute("font-weight") == Some("bold");
            let face = if bold { Face::bold(size) } else { Face::regular(size) };
            let width = face.width(&text);
            let (x, y) = (num("x"), num("y"));
            let rotated = node.attribute("transform").is_some();
            let (x0, x1, y0, y1) = if rotated {
                // Turned a quarter: the width runs along y, centred.
                (x - size * 0.45, x + size * 0.45, y - width / 2.0, y + width / 2.0)
            } else {
                let x0 = match node.attribute("text-anchor") {
                    Some("middle") => x - width / 2.0,
                    Some("end") => x - width,
                    _ => x,
                };
                (x0, x0 + width, y - size * 0.45, y + size * 0.45)
            };
            assert!(
                x0 >= -0.5 && x1 <= w + 0.5 && y0 >= -0.5 && y1 <= h + 0.5,
                "{context}: {text:?} spans x {x0:.1}–{x1:.1}, y {y0:.1}–{y1:.1}, outside the {w}×{h} canvas"
            );
            texts.push(TextBox { text, x0, x1, y0, y1 });
        }
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            let overlap_x = a.x1.min(b.x1) - a.x0.max(b.x0);
            let overlap_y = a.y1.min(b.y1) - a.y0.max(b.y0);
            assert!(
                overlap_x <= 0.5 || overlap_y <= 0.5,
                "{context}: {:?} and {:?} overlap by {overlap_x:.1}×{overlap_y:.1} px",
                a.text,
                b.text
            );
        }
    }
    texts
}

fn all_cases() -> Vec<(String, Chart)> {
    samples::all()
        .into_iter()
        .map(|(n, c)| (n.to_owned(), c))
        .chain(samples::empty().into_iter().map(|(n, c)| (format!("empty_{n}"), c)))
        .collect()
}

#[test]
fn samples_are_well_formed_legible_and_free_of_overlaps_at_slide_and_small_sizes() {
    for size in [ChartSize::SLIDE, ChartSize { width: 640, height: 360 }, ChartSize { width: 1600, height: 900 }] {
        for (name, chart) in all_cases() {
            for (theme, tag) in THEMES {
                let svg = svg(&chart, size, theme).expect("sample charts draw");
                inspect(&svg, size, &format!("{name} {tag} {}×{}", size.width, size.height));
            }
        }
    }
}

#[test]
fn empty_inputs_say_so_calmly() {
    for (name, chart) in samples::empty() {
        for (theme, tag) in THEMES {
            let svg = svg(&chart, ChartSize::SLIDE, theme).expect("an empty chart is not an error");
            let texts = inspect(&svg, ChartSize::SLIDE, &format!("empty {name} {tag}"));
            assert_eq!(texts.len(), 1, "{name} {tag}: an empty chart shows only its message, got {texts:?}");
            assert!(
                texts[0].text.starts_with("No data for this period") || texts[0].text.starts_with("No contracts"),
                "{name} {tag}: the message reads {:?}",
                texts[0].text
            );
            assert!(!svg.contains("<line"), "{name} {tag}: no empty axes are drawn");
        }
    }
}

#[test]
fn sample_text_uses_only_glyphs_the_shipped_fonts_have() {
    for (name, chart) in all_cases() {
        let svg = svg(&chart, ChartSize::SLIDE, Theme::Light).expect("sample charts draw");
        for t in inspect(&svg, ChartSize::SLIDE, &name) {
            let missing = missing_glyphs(&t.text);
            assert!(missing.is_empty(), "{name}: {:?} has characters Noto Sans cannot draw: {missing:?}", t.text);
        }
    }
}

/// Does `name` appear among `texts`, whole or cut with "…"?
fn shows_name(texts: &[TextBox], name: &str) -> bool {
    let name = clean_label(name);
    name.is_empty()
        || texts.iter().any(|t| {
            t.text == name
                || t.text.strip_suffix('…').is_some_and(|cut| !cut.is_empty() && name.starts_with(cut.trim_end()))
        })
}

#[test]
fn every_sample_name_appears_whole_or_cut() {
    let mut names: Vec<(String, Chart, Vec<String>)> = Vec::new();
    let stack = samples::spend_by_vendor();
    // Seven largest by total; the rest are "Other (3)".
    let mut ranked: Vec<&NamedSeries> = stack.series.iter().collect();
    ranked.sort_by(|a, b| b.values.iter().sum::<f64>().total_cmp(&a.values.iter().sum::<f64>()));
    let mut expected: Vec<String> = ranked.iter().take(7).map(|s| s.name.clone()).collect();
    expected.push("Other (3)".into());
    names.push(("spend_by_vendor".into(), Chart::SpendByVendor(stack), expected));
    let funnel = samples::pipeline_funnel();
    let expected = funnel.stages.iter().map(|s| s.label.clone()).collect();
    names.push(("pipeline_funnel".into(), Chart::PipelineFunnel(funnel), expected));
    let seats = samples::seat_utilisation();
    let expected = seats.items.iter().map(|s| s.name.clone()).collect();
    names.push(("seat_utilisation".into(), Chart::SeatUtilisation(seats), expected));
    let value = samples::value_vs_cost();
    let expected = value.items.iter().map(|s| s.name.clone()).collect();
    names.push(("value_vs_cost".into(), Chart::ValueVsCost(value), expected));
    let renewals = samples::renewals_timeline();
    let expected = renewals.items.iter().filter(|i| i.end >= renewals.today).map(|s| s.name.clone()).collect();
    names.push(("renewals_timeline".into(), Chart::RenewalsTimeline(renewals), expected));
    for (name, chart, expected) in names {
        let svg = svg(&chart, ChartSize::SLIDE, Theme::Dark).expect("sample charts draw");
        let texts = inspect(&svg, ChartSize::SLIDE, &name);
        for n in expected {
            assert!(shows_name(&texts, &n), "{name}: {n:?} is not drawn, whole or cut");
        }
    }
}

/// A small deterministic generator (xorshift): the same hostile inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn number(&mut self) -> f64 {
        const NASTY: [f64; 10] =
            [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 0.0, 1e300, -1e300, 1e-300, f64::MAX, -0.0];
        if self.below(4) == 0 { NASTY[self.below(NASTY.len())] } else { (self.next() % 5_000_000) as f64 / 7.0 }
    }
    fn numbers(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| self.number()).collect()
    }
    fn name(&mut self) -> String {
        const NAMES: [&str; 10] = [
            "<script>alert(1)</script>",
            "Tom & Jerry's \"AI\" <b>",
            "\u{0}\u{1}control\u{7}chars\u{1b}[31m",
            "Line\nbreak\ttab",
            "",
            "   ",
            "A vendor name that is much too long to fit anywhere on a slide without being cut short by the layout",
            "Ünïcödé Zürich AG — Société Générale",
            "]]><!-- -->",
            "x",
        ];
        let base = NAMES[self.below(NAMES.len())];
        format!("{base}{}", if self.below(2) == 0 { String::new() } else { self.below(100).to_string() })
    }
    fn date(&mut self) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024 + self.below(4) as i32, 1 + self.below(12) as u32, 1 + self.below(28) as u32)
            .expect("valid generated date")
    }
    fn chart(&mut self) -> Chart {
        let months = samples::months(2025, 1 + self.below(12) as u32, self.below(40));
        let n = months.len();
        let currency = ["EUR", "CHF", "", "<&>", "usd"][self.below(5)].to_owned();
        let unit = match self.below(3) {
            0 => ValueUnit::Money { currency: currency.clone() },
            1 => ValueUnit::Count { noun: self.name() },
            _ => ValueUnit::Percent,
        };
        let series_count = self.below(12);
        let series: Vec<NamedSeries> = (0..series_count)
            .map(|_| {
                let len = if self.below(3) == 0 { self.below(n + 3) } else { n };
                NamedSeries { name: self.name(), values: self.numbers(len) }
            })
            .collect();
        let (short, shorter) = (self.below(n + 2), self.below(n + 1));
        match self.below(9) {
            0 => Chart::SpendByVendor(MonthlyStack { months, series, unit }),
            1 => Chart::AdoptionTrend(MonthlyLines { months, series, unit }),
            2 => Chart::SpendVsCommitment(SpendVsCommitment {
                actual: self.numbers(short),
                commitment: self.numbers(n),
                budget: (self.below(2) == 0).then(|| self.numbers(n)),
                months,
                currency,
            }),
            3 => Chart::PipelineFunnel(Funnel {
                stages: (0..self.below(14))
                    .map(|_| FunnelStage {
                        label: self.name(),
                        count: [0, 1, 7, 1000, u32::MAX][self.below(5)],
                        value: (self.below(2) == 0).then(|| self.number()),
                    })
                    .collect(),
                currency: (self.below(2) == 0).then_some(currency),
            }),
            4 => Chart::SeatUtilisation(SeatUtilisation {
                items: (0..self.below(30))
                    .map(|_| SeatItem {
                        name: self.name(),
                        purchased: self.number(),
                        assigned: self.number(),
                        active: self.number(),
                    })
                    .collect(),
            }),
            5 => Chart::ValueVsCost(ValueVsCost {
                items: (0..self.below(30))
                    .map(|_| ValueRange {
                        name: self.name(),
                        low: self.number(),
                        likely: self.number(),
                        high: self.number(),
                        cost: self.number(),
                    })
                    .collect(),
                currency,
            }),
            6 => Chart::CumulativeValue(CumulativeValue {
                value_low: self.numbers(n),
                value_likely: self.numbers(shorter),
                value_high: self.numbers(n),
                cost: self.numbers(n),
                payback_month: (self.below(2) == 0).then(|| self.date()),
                months,
                currency,
            }),
            7 => Chart::RenewalsTimeline(RenewalsTimeline {
                today: self.date(),
                horizon_days: [0, 1, 30, 365, 100_000, u32::MAX][self.below(6)],
                items: (0..self.below(40))
                    .map(|_| RenewalItem {
                        name: self.name(),
                        cancel_by: (self.below(3) > 0).then(|| self.date()),
                        end: self.date(),
                        annual_value: (self.below(2) == 0).then(|| self.number()),
                        auto_renew: self.below(2) == 0,
                    })
                    .collect(),
                currency,
            }),
            _ => {
                let mut counts = [[0u32; 5]; 5];
                for row in &mut counts {
                    for cell in row.iter_mut() {
                        *cell = [0, 0, 1, 12, 999, u32::MAX][self.below(6)];
                    }
                }
                Chart::RiskHeatmap(RiskHeatmap { counts })
            }
        }
    }
}

/// The user names a chart is given, for checking they are drawn.
fn input_names(chart: &Chart) -> Vec<String> {
    match chart {
        Chart::SpendByVendor(MonthlyStack { series, .. }) | Chart::AdoptionTrend(MonthlyLines { series, .. })
            if series.len() <= 7 =>
        {
            series.iter().map(|s| s.name.clone()).collect()
        }
        Chart::PipelineFunnel(f) => f.stages.iter().map(|s| s.label.clone()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn hostile_inputs_always_draw_valid_legible_svg() {
    let mut rng = Rng(0x5EED_CAFE_F00D_BEEF);
    for case in 0..400 {
        let chart = rng.chart();
        let size = [ChartSize::SLIDE, ChartSize { width: 200, height: 200 }, ChartSize { width: 1280, height: 400 }]
            [rng.below(3)];
        for (theme, tag) in THEMES {
            let context = format!("hostile case {case} {tag} {}×{}: {chart:?}", size.width, size.height);
            let svg = svg(&chart, size, theme).unwrap_or_else(|e| panic!("{context}: {e}"));
            let texts = inspect(&svg, size, &context);
            let blank = texts.len() == 1 && texts[0].text.starts_with("No ");
            if size == ChartSize::SLIDE && !blank {
                for name in input_names(&chart) {
                    assert!(shows_name(&texts, &name), "{context}: {name:?} is not drawn, whole or cut");
                }
            }
        }
    }
}

#[test]
fn markup_in_names_is_escaped_not_interpreted() {
    let evil = "<script>alert(\"x\")</script> & 'co'";
    let chart = Chart::PipelineFunnel(Funnel {
        stages: vec![FunnelStage { label: evil.into(), count: 3, value: Some(1.0) }],
        currency: Some("<b>".into()),
    });
    let svg = svg(&chart, ChartSize::SLIDE, Theme::Light).expect("draws");
    assert!(!svg.contains("<script"), "the name is escaped in the SVG source");
    assert!(svg.contains("&lt;script&gt;"), "the name is kept, escaped");
    let texts = inspect(&svg, ChartSize::SLIDE, "markup");
    assert!(shows_name(&texts, evil), "the reader sees the name as typed: {texts:?}");
}

#[test]
fn text_sizes_in_the_svg_match_what_layout_measured() {
    // Layout measures at the em the SVG declares; if plotters changed its size convention,
    // labels would overflow without any other test noticing.
    let svg = svg(&Chart::RiskHeatmap(samples::risk_heatmap()), ChartSize::SLIDE, Theme::Light).expect("draws");
    let sizes: BTreeSet<String> = roxmltree::Document::parse(&svg)
        .expect("parses")
        .descendants()
        .filter_map(|n| n.attribute("font-size").map(str::to_owned))
        .collect();
    assert!(sizes.iter().any(|s| s.starts_with("13")), "13 px labels are written as such: {sizes:?}");
    assert!(sizes.iter().all(|s| s.parse::<f64>().is_ok_and(|v| v >= 12.0 - 1e-9)), "{sizes:?}");
}

fn png_dimensions(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "the first chunk is the header");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn png_output_decodes_at_the_requested_size() {
    for (name, chart) in samples::all().into_iter().take(3).chain(samples::empty().into_iter().take(1)) {
        for (scale, expected) in [(1.0, (960, 540)), (2.0, (1920, 1080))] {
            let png = png(&chart, ChartSize::SLIDE, Theme::Dark, scale).expect("PNG renders");
            assert_eq!(png_dimensions(&png), expected, "{name} at scale {scale}");
            // Decode it back: resvg reads PNGs too, through the same tree as an embedded image.
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("the PNG decodes");
            let bg = Theme::Dark.colors().background;
            let corner = pixmap.pixel(0, 0).expect("a corner pixel");
            assert_eq!(
                (corner.red(), corner.green(), corner.blue()),
                (bg.0, bg.1, bg.2),
                "{name}: the background fills"
            );
            let distinct: BTreeSet<u32> = pixmap
                .pixels()
                .iter()
                .step_by(97)
                .map(|p| u32::from_be_bytes([p.red(), p.green(), p.blue(), 0]))
                .collect();
            assert!(distinct.len() > 3, "{name}: the PNG shows more than the background ({} colours)", distinct.len());
        }
    }
}

#[test]
fn png_text_is_drawn_with_the_shipped_font() {
    // A message-only chart: if resvg found no font, the PNG would be background only.
    let chart = samples::empty().remove(0).1;
    let png = png(&chart, ChartSize::SLIDE, Theme::Light, 1.0).expect("renders");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
    let inked = pixmap.pixels().iter().filter(|p| p.red() < 200).count();
    assert!(inked > 200, "the message is drawn in the PNG ({inked} dark pixels)");
}

#[test]
fn bad_sizes_and_scales_are_errors_not_panics() {
    let chart = Chart::RiskHeatmap(samples::risk_heatmap());
    for size in [
        ChartSize { width: 0, height: 540 },
        ChartSize { width: 960, height: 10 },
        ChartSize { width: 9000, height: 540 },
    ] {
        assert_eq!(
            svg(&chart, size, Theme::Light),
            Err(ChartError::Size { width: size.width, height: size.height }),
            "{size:?}"
        );
    }
    for scale in [0.0, -1.0, f32::NAN, f32::INFINITY, 100.0] {
        assert!(
            matches!(png(&chart, ChartSize::SLIDE, Theme::Light, scale), Err(ChartError::Scale(_))),
            "scale {scale} is refused"
        );
    }
}

#[test]
fn payback_and_passed_cancel_by_dates_are_marked() {
    let svg = svg(&Chart::CumulativeValue(samples::cumulative_value()), ChartSize::SLIDE, Theme::Light).expect("draws");
    let payback = samples::cumulative_value().payback_month.expect("the sample pays back");
    let label = format!("Payback {}", format::month_year(payback));
    assert!(svg.contains(&label), "the payback point is labelled {label:?}");

    let data = samples::renewals_timeline();
    let svg = svg_of(&Chart::RenewalsTimeline(data), Theme::Light);
    let warning = Theme::Light.colors().warning;
    let warning_hex = format!("#{:02X}{:02X}{:02X}", warning.0, warning.1, warning.2);
    let texts = inspect(&svg, ChartSize::SLIDE, "renewals");
    assert!(texts.iter().any(|t| t.text.starts_with("Cancel-by passed")), "passed cancel-by dates are said in words");
    assert!(texts.iter().any(|t| t.text == "Today"), "the today line is labelled");
    assert!(svg.contains(&warning_hex), "rows past their cancel-by date use the warning colour {warning_hex}");
    assert!(!texts.iter().any(|t| t.text.contains("Old transcription")), "an ended contract is not ahead");
}

fn svg_of(chart: &Chart, theme: Theme) -> String {
    svg(chart, ChartSize::SLIDE, theme).expect("draws")
}

#[test]
fn money_axes_carry_their_currency() {
    let svg = svg_of(&Chart::CumulativeValue(samples::cumulative_value()), Theme::Dark);
    assert!(svg.contains("CHF 500k"), "CHF has no symbol: its ticks use the code");
    assert!(svg.contains("Cumulative value and cost (CHF)"), "the axis title names the currency");
    let svg = svg_of(&Chart::SpendByVendor(samples::spend_by_vendor()), Theme::Dark);
    assert!(svg.contains("€50k") && svg.contains("Spend (EUR)"), "euro ticks and title");
    let texts = inspect(&svg, ChartSize::SLIDE, "spend");
    let years: Vec<&str> = texts.iter().map(|t| t.text.as_str()).filter(|t| t.starts_with("202")).collect();
    assert_eq!(years, vec!["2025", "2026"], "each year is written once on the month axis");
}
