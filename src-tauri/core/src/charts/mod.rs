//! Charts: analytics results (plain numbers and dates) → drawings for the app, exports and the
//! board pack.
//!
//! Owns: the chart theme (`theme`: a colour-blind-safe palette in a light and a dark variant),
//! the shipped fonts (`text`), humane number and date labels (`format`), the layout of every
//! chart, and SVG and PNG output. Every chart is drawn by one function generic over the plotters
//! `DrawingBackend` ([`draw`]): SVG for the app, a PDF backend for reports, and resvg turns the
//! SVG into a PNG for slides.
//! Does not: read the store or compute anything the reader must trust; amounts arrive as `f64`
//! because they are only drawn (analytics converts from exact micro-units). A chart draws no
//! title: the UI and the PDF put the title around it.
//! Invariant: the only module that names plotters. Whatever the input (NaN, negatives, huge
//! numbers, markup in names, nothing at all), a chart draws something calm and valid: bad numbers
//! are clamped or left out, names are cut to fit and escaped, an empty input says
//! "No data for this period".

mod canvas;
mod format;
mod text;
mod theme;

mod bars;
mod funnel;
mod heatmap;
mod lines;
mod renewals;
mod rows;
pub mod samples;
mod series;

#[cfg(test)]
mod tests;

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};

pub use theme::Theme;

/// Pixel size of the SVG viewBox. A board slide is 960 × 540 ([`ChartSize::SLIDE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSize {
    pub width: u32,
    pub height: u32,
}

impl ChartSize {
    /// The default board-slide size, 16:9.
    pub const SLIDE: ChartSize = ChartSize { width: 960, height: 540 };
    /// Smallest side a chart lays out in; below this labels cannot stay legible.
    pub const MIN_SIDE: u32 = 200;
    /// Largest side, to keep a PNG within reason (8192² RGBA is 256 MiB).
    pub const MAX_SIDE: u32 = 8192;
}

impl Default for ChartSize {
    fn default() -> Self {
        ChartSize::SLIDE
    }
}

/// What the numbers of a series are.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueUnit {
    /// Amounts in one ISO 4217 currency.
    Money { currency: String },
    /// Counts of something, named in the plural for the axis title ("active users").
    Count { noun: String },
    /// Percentage points: 45.0 is drawn as 45 %.
    Percent,
}

/// One named series, one value per month of the chart (missing or NaN values are gaps).
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSeries {
    pub name: String,
    pub values: Vec<f64>,
}

/// Spend by vendor over time: stacked monthly bars. The seven largest series are drawn, the
/// rest folded into "Other". Negative months (credits) are drawn as zero.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyStack {
    /// The first of each month, in order.
    pub months: Vec<NaiveDate>,
    pub series: Vec<NamedSeries>,
    pub unit: ValueUnit,
}

/// A trend per series over months (adoption): one line each, seven at most; further money
/// and count series fold into "Other", further percentages are left out and counted.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyLines {
    pub months: Vec<NaiveDate>,
    pub series: Vec<NamedSeries>,
    pub unit: ValueUnit,
}

/// Cumulative actual spend against the cumulative commitment (dashed) and budget (dotted).
/// `actual` may be shorter than `months` (the year is not over); lines end where data ends.
#[derive(Debug, Clone, PartialEq)]
pub struct SpendVsCommitment {
    pub months: Vec<NaiveDate>,
    pub actual: Vec<f64>,
    pub commitment: Vec<f64>,
    pub budget: Option<Vec<f64>>,
    pub currency: String,
}

/// One stage of the pipeline: how many initiatives, and optionally their value.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelStage {
    pub label: String,
    pub count: u32,
    pub value: Option<f64>,
}

/// The initiative pipeline, stages in order (idea first).
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    pub stages: Vec<FunnelStage>,
    /// Currency of the stage values; `None` writes them as plain numbers.
    pub currency: Option<String>,
}

/// Seats of one licence: bought, handed out, used.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatItem {
    pub name: String,
    pub purchased: f64,
    pub assigned: f64,
    pub active: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeatUtilisation {
    pub items: Vec<SeatItem>,
}

/// Modelled value of one initiative (low / likely / high) and its cost, over the same period.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRange {
    pub name: String,
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    pub cost: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValueVsCost {
    pub items: Vec<ValueRange>,
    pub currency: String,
}

/// Cumulative value (likely line in a low–high band) against cumulative cost, with the month
/// the likely value first covers the cost.
#[derive(Debug, Clone, PartialEq)]
pub struct CumulativeValue {
    pub months: Vec<NaiveDate>,
    pub value_low: Vec<f64>,
    pub value_likely: Vec<f64>,
    pub value_high: Vec<f64>,
    pub cost: Vec<f64>,
    pub payback_month: Option<NaiveDate>,
    pub currency: String,
}

/// One contract on the renewals timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalItem {
    pub name: String,
    /// Last day to give notice; `None` when the contract has no notice period.
    pub cancel_by: Option<NaiveDate>,
    pub end: NaiveDate,
    pub annual_value: Option<f64>,
    pub auto_renew: bool,
}

/// Contracts that end or must be cancelled within `horizon_days` of `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalsTimeline {
    pub today: NaiveDate,
    pub horizon_days: u32,
    pub items: Vec<RenewalItem>,
    pub currency: String,
}

/// Open risks by likelihood and impact.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskHeatmap {
    /// `counts[likelihood - 1][impact - 1]`, both 1 (lowest) to 5.
    pub counts: [[u32; 5]; 5],
}

/// Every chart Steward draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    SpendByVendor(MonthlyStack),
    SpendVsCommitment(SpendVsCommitment),
    PipelineFunnel(Funnel),
    AdoptionTrend(MonthlyLines),
    SeatUtilisation(SeatUtilisation),
    ValueVsCost(ValueVsCost),
    CumulativeValue(CumulativeValue),
    RenewalsTimeline(RenewalsTimeline),
    RiskHeatmap(RiskHeatmap),
}

/// Why a chart could not be drawn. Bad numbers and empty inputs are not errors: they draw.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    #[error("chart size {width}×{height} is outside {min}–{max} pixels a side", min = ChartSize::MIN_SIDE, max = ChartSize::MAX_SIDE)]
    Size { width: u32, height: u32 },
    #[error("png scale {0} is not a positive number that keeps the image within 8192 pixels a side")]
    Scale(f32),
    #[error("the chart fonts shipped with Steward could not be read")]
    Font,
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not render the chart to png: {0}")]
    Png(String),
}

/// Draws `chart` into `area`, filling it, in `theme`. Generic over the backend: the app's SVG
/// and the report's PDF use the same drawing.
pub fn draw<DB: DrawingBackend>(chart: &Chart, area: &DrawingArea<DB, Shift>, theme: Theme) -> Result<(), ChartError> {
    text::ensure_fonts()?;
    let c = canvas::Canvas::new(area, theme);
    match chart {
        Chart::SpendByVendor(data) => bars::spend_by_vendor(&c, data),
        Chart::SpendVsCommitment(data) => lines::spend_vs_commitment(&c, data),
        Chart::PipelineFunnel(data) => funnel::pipeline_funnel(&c, data),
        Chart::AdoptionTrend(data) => lines::adoption_trend(&c, data),
        Chart::SeatUtilisation(data) => rows::seat_utilisation(&c, data),
        Chart::ValueVsCost(data) => rows::value_vs_cost(&c, data),
        Chart::CumulativeValue(data) => lines::cumulative_value(&c, data),
        Chart::RenewalsTimeline(data) => renewals::renewals_timeline(&c, data),
        Chart::RiskHeatmap(data) => heatmap::risk_heatmap(&c, data),
    }
}

fn check_size(size: ChartSize) -> Result<(), ChartError> {
    let ok = |side: u32| (ChartSize::MIN_SIDE..=ChartSize::MAX_SIDE).contains(&side);
    if ok(size.width) && ok(size.height) {
        Ok(())
    } else {
        Err(ChartError::Size { width: size.width, height: size.height })
    }
}

/// `chart` as a standalone SVG document of `size` pixels.
pub fn svg(chart: &Chart, size: ChartSize, theme: Theme) -> Result<String, ChartError> {
    check_size(size)?;
    let mut out = String::with_capacity(16 * 1024);
    {
        let root = SVGBackend::with_string(&mut out, (size.width, size.height)).into_drawing_area();
        draw(chart, &root, theme)?;
        root.present().map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

/// The shipped fonts as resvg's font database: no system font is ever looked up, so a PNG is
/// the same on every machine.
fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(text::REGULAR.to_vec());
        db.load_font_data(text::BOLD.to_vec());
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

/// `chart` as a PNG of `size` × `scale` pixels (scale 2 for a sharp slide on a high-density
/// screen), rasterised from the SVG with the shipped fonts.
pub fn png(chart: &Chart, size: ChartSize, theme: Theme, scale: f32) -> Result<Vec<u8>, ChartError> {
    let document = svg(chart, size, theme)?;
    let (w, h) = (size.width as f32 * scale, size.height as f32 * scale);
    let max = ChartSize::MAX_SIDE as f32;
    if !scale.is_finite() || scale <= 0.0 || w.round() < 1.0 || h.round() < 1.0 || w > max || h > max {
        return Err(ChartError::Scale(scale));
    }
    let options = resvg::usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: font_database(),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(&document, &options).map_err(|e| ChartError::Png(e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.round() as u32, h.round() as u32)
        .ok_or_else(|| ChartError::Png(format!("no room for a {w}×{h} image")))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| ChartError::Png(e.to_string()))
}
