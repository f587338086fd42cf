//! `steward bench-analytics`: times the analytics api on one portfolio, in one process, and
//! prints the timings with the figures they produced, for `tests/bench/analytics_bench.py`.
//!
//! Owns: the order of the measurements and their JSON. Does not: judge a time or check a
//! figure; the Python side compares the figures with its own computation from the lines.
//! Reading the facts is timed on its own (synchronously, and as the app's read ahead after
//! opening or a change); every screen request after it runs `runs` times on one open portfolio
//! whose facts were read ahead, as a person meets them.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use serde_json::{Value, json};
use steward_core::analytics::period::PeriodKind;
use steward_core::api::{AnalyticsRequest, ApiError, App, ChartKind, ChartRequest, ChartTheme, ErrorCode};
use steward_core::charts::{self, ChartSize, Theme};

/// How long each run of one task took, in milliseconds.
struct Timing {
    task: String,
    runs: Vec<f64>,
}

impl Timing {
    fn json(&self) -> Value {
        let mut sorted = self.runs.clone();
        sorted.sort_by(f64::total_cmp);
        let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
        let max = sorted.last().copied().unwrap_or(0.0);
        json!({ "task": self.task, "median_ms": median, "max_ms": max, "runs_ms": self.runs })
    }
}

/// Every chart, by the name the table shows.
const CHARTS: [(ChartKind, &str); 9] = [
    (ChartKind::SpendByVendor, "spend_by_vendor"),
    (ChartKind::SpendVsCommitment, "spend_vs_commitment"),
    (ChartKind::PipelineFunnel, "pipeline_funnel"),
    (ChartKind::AdoptionTrend, "adoption_trend"),
    (ChartKind::SeatUtilisation, "seat_utilisation"),
    (ChartKind::ValueVsCost, "value_vs_cost"),
    (ChartKind::CumulativeValue, "cumulative_value"),
    (ChartKind::RenewalsTimeline, "renewals_timeline"),
    (ChartKind::RiskHeatmap, "risk_heatmap"),
];

/// Runs `work` `runs` times, keeping its last answer.
fn time<T>(task: &str, runs: usize, mut work: impl FnMut() -> Result<T, ApiError>) -> Result<(Timing, T), String> {
    time_any(task, runs, || work().map_err(|e| e.message))
}

fn time_any<T>(task: &str, runs: usize, mut work: impl FnMut() -> Result<T, String>) -> Result<(Timing, T), String> {
    let mut timing = Timing { task: task.to_owned(), runs: Vec::with_capacity(runs) };
    let mut last = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let answer = work().map_err(|e| format!("{task}: {e}"))?;
        timing.runs.push(started.elapsed().as_secs_f64() * 1000.0);
        last = Some(answer);
    }
    let last = last.ok_or_else(|| format!("{task}: never ran"))?;
    Ok((timing, last))
}

fn to_value(value: &impl serde::Serialize) -> Result<Value, String> {
    serde_json::to_value(value).map_err(|e| format!("cannot write JSON: {e}"))
}

/// Times opening the portfolio, every analytics answer and every chart; returns one JSON object.
pub fn run(db: &Path, today: NaiveDate, runs: usize) -> Result<String, String> {
    let fail = |e: ApiError| e.message;
    let mut timings = Vec::new();

    // The first writable open after another program wrote lines re-sums their months.
    let started = Instant::now();
    drop(App::open(db).map_err(fail)?);
    timings.push(Timing {
        task: "open, first after an external bulk write (re-sums the rollups)".into(),
        runs: vec![started.elapsed().as_secs_f64() * 1000.0],
    });
    let (timing, _) = time("open", runs, || App::open(db))?;
    timings.push(timing);

    let request = |period| AnalyticsRequest { period, anchor: None, basis: None };
    // Reading the facts: once synchronously, as a first request without a read ahead would,
    // and once as the app does after opening and after each change, on another thread.
    let (timing, _) = time("first request after opening, facts not read ahead (dashboard, month)", runs, || {
        App::open(db)?.dashboard(&request(PeriodKind::Month), today)
    })?;
    timings.push(timing);
    let (timing, _) = time("read ahead after opening or a change (facts + every initiative valued)", runs, || {
        let app = App::open(db)?;
        let warmup = app
            .analytics_warmup()?
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "a portfolio file has a read ahead"))?;
        warmup.run();
        Ok(())
    })?;
    timings.push(timing);

    // The screens' requests, as a person meets them: the facts read ahead.
    let app = App::open(db).map_err(fail)?;
    if let Some(warmup) = app.analytics_warmup().map_err(fail)? {
        warmup.run();
    }
    let mut dashboards = serde_json::Map::new();
    for (name, period) in [("month", PeriodKind::Month), ("quarter", PeriodKind::Quarter), ("year", PeriodKind::Year)] {
        let (timing, dashboard) =
            time(&format!("dashboard ({name})"), runs, || app.dashboard(&request(period), today))?;
        timings.push(timing);
        dashboards.insert(name.to_owned(), to_value(&dashboard)?);
    }
    let (timing, adoption) =
        time("adoption view (month)", runs, || app.adoption_view(&request(PeriodKind::Month), today))?;
    timings.push(timing);
    let (timing, overview) = time("value overview (every initiative)", runs, || app.value_overview(today))?;
    timings.push(timing);
    // One initiative with a value model: the overview lists those first.
    let modelled = overview.initiatives.iter().find(|row| row.has_model).map(|row| row.initiative_id);
    let mut initiative = Value::Null;
    if let Some(id) = modelled {
        let (timing, value) = time("initiative value (one)", runs, || app.initiative_value(id, today))?;
        timings.push(timing);
        initiative = to_value(&value)?;
    }

    // Each chart as the screens ask for it (this month, light), then its drawing alone from the
    // same numbers, so the table can tell reading and computing from drawing.
    let mut svg_bytes = serde_json::Map::new();
    for (kind, name) in CHARTS {
        let request = ChartRequest {
            kind,
            period: PeriodKind::Month,
            anchor: None,
            basis: None,
            initiative_id: modelled,
            theme: ChartTheme::Light,
            width: None,
            height: None,
        };
        let (timing, svg) = time(&format!("chart {name}: data + SVG"), runs, || app.chart_svg(&request, today))?;
        timings.push(timing);
        svg_bytes.insert(name.to_owned(), json!(svg.len()));
        let chart = app.chart_data(&request, today).map_err(fail)?;
        let (timing, _) = time_any(&format!("chart {name}: drawing only"), runs, || {
            charts::svg(&chart, ChartSize::SLIDE, Theme::Light).map_err(|e| e.to_string())
        })?;
        timings.push(timing);
    }

    let adoption_figures = json!({
        "period": to_value(&adoption.period)?,
        "systems": adoption.systems.len(),
        "active_users": adoption.systems.iter().filter_map(|s| s.active_users).sum::<f64>(),
        "departments": to_value(&adoption.departments)?,
        "trend_months": to_value(&adoption.trend_months)?,
        "trend_active_users": to_value(&adoption.trend_active_users)?,
    });
    let out = json!({
        "today": today,
        "runs": runs,
        "timings": timings.iter().map(Timing::json).collect::<Vec<_>>(),
        "dashboard": dashboards,
        "adoption": adoption_figures,
        "value": { "portfolio": to_value(&overview.portfolio)?, "initiatives": overview.initiatives.len() },
        "initiative": initiative,
        "svg_bytes": svg_bytes,
    });
    serde_json::to_string_pretty(&out).map(|text| text + "\n").map_err(|e| format!("cannot write JSON: {e}"))
}
