//! Charts for the screens and exports: the analytics of a request drawn by `charts`.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::analytics::{AnalyticsRequest, commitments, portfolio_budgets, renewal_facts};
use super::facts::Facts;
use super::{ApiError, ApiResult, App, ErrorCode};
use crate::analytics::adoption::{self, AdoptionMetric};
use crate::analytics::period::{PeriodKind, add_months, month_end, months_between};
use crate::analytics::{pipeline, renewals, risk, spend};
use crate::charts::{self, Chart, ChartSize, Theme};
use crate::domain::{InitiativeId, Stage};

/// The charts Steward draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartKind {
    /// Spend per vendor per month (stacked bars) over the trailing year.
    SpendByVendor,
    /// Cumulative actual spend against contracted commitment and budget, this year.
    SpendVsCommitment,
    /// Initiatives per pipeline stage, with their likely annual value.
    PipelineFunnel,
    /// Active users of the systems with the most users, per month.
    AdoptionTrend,
    /// Seats purchased / assigned / active per system.
    SeatUtilisation,
    /// Likely value with its low–high range against cost, per initiative.
    ValueVsCost,
    /// Cumulative value (range) against cumulative cost of one initiative, with payback.
    CumulativeValue,
    /// Contracts ending in the next 120 days with their cancel-by dates.
    RenewalsTimeline,
    /// Open risks by likelihood × impact.
    RiskHeatmap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartTheme {
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartFormat {
    Svg,
    Png,
}

/// Which chart, for which period, drawn how.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct ChartRequest {
    pub kind: ChartKind,
    pub period: PeriodKind,
    pub anchor: Option<NaiveDate>,
    pub basis: Option<String>,
    /// For the cumulative value chart: which initiative.
    pub initiative_id: Option<InitiativeId>,
    pub theme: ChartTheme,
    /// Pixels of the drawing; 960 × 540 (a board slide) by default.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Charts show at most this many contracts, systems or initiatives; the rest are named in
/// the tables beside them.
const MAX_ROWS: usize = 12;

impl App {
    /// The chart as an SVG document (for an `<img>`; never injected as markup).
    pub fn chart_svg(&self, request: &ChartRequest, today: NaiveDate) -> ApiResult<String> {
        let chart = self.chart_data(request, today)?;
        charts::svg(&chart, size_of(request), theme_of(request.theme)).map_err(chart_error)
    }

    /// The chart as a file for slides: SVG text or a PNG at twice the pixel size.
    pub fn chart_file(&self, request: &ChartRequest, format: ChartFormat, today: NaiveDate) -> ApiResult<Vec<u8>> {
        let chart = self.chart_data(request, today)?;
        let (size, theme) = (size_of(request), theme_of(request.theme));
        match format {
            ChartFormat::Svg => charts::svg(&chart, size, theme).map(String::into_bytes),
            ChartFormat::Png => charts::png(&chart, size, theme, 2.0),
        }
        .map_err(chart_error)
    }

    /// The numbers a chart draws, from the same analytics as the screens.
    pub fn chart_data(&self, request: &ChartRequest, today: NaiveDate) -> ApiResult<Chart> {
        let analytics =
            AnalyticsRequest { period: request.period, anchor: request.anchor, basis: request.basis.clone() };
        let facts = self.analytics_facts(&analytics, today)?;
        let currency = facts.fx.reporting().to_owned();
        // Trailing months end where the data ends, not in an empty future.
        let end = facts.last_cost_month.map_or(facts.period.end, month_end).min(facts.period.end);
        let trailing = months_between(add_months(end, -11), end);
        Ok(match request.kind {
            ChartKind::SpendByVendor => {
                let series = facts.spend.monthly_top(&trailing, usize::MAX, |f| f.vendor_id);
                Chart::SpendByVendor(charts::MonthlyStack {
                    months: trailing,
                    series: series
                        .into_iter()
                        .map(|(vendor, values)| charts::NamedSeries {
                            name: vendor
                                .and_then(|v| facts.vendor_names.get(&v).cloned())
                                .unwrap_or_else(|| "No vendor".to_owned()),
                            values: values.into_iter().map(units).collect(),
                        })
                        .collect(),
                    unit: charts::ValueUnit::Money { currency },
                })
            }
            ChartKind::SpendVsCommitment => {
                let year = NaiveDate::from_ymd_opt(facts.period.end.year(), 1, 1).unwrap_or(facts.period.start);
                let months = months_between(year, month_end(add_months(year, 11)));
                let budgets = portfolio_budgets(&facts);
                let plan =
                    spend::against_plan(&facts.spend, &facts.fx, &commitments(&facts.contracts), &budgets, &months);
                let micros =
                    |list: &[crate::analytics::fx::Converted]| list.iter().map(|c| c.micros).collect::<Vec<_>>();
                let with_data = months.iter().filter(|m| **m <= end).count();
                let mut actual = spend::cumulative(&micros(&plan.actual));
                actual.truncate(with_data);
                Chart::SpendVsCommitment(charts::SpendVsCommitment {
                    actual: actual.into_iter().map(units).collect(),
                    commitment: spend::cumulative(&micros(&plan.commitment)).into_iter().map(units).collect(),
                    budget: (!budgets.is_empty())
                        .then(|| spend::cumulative(&micros(&plan.budget)).into_iter().map(units).collect()),
                    months,
                    currency,
                })
            }
            ChartKind::PipelineFunnel => {
                let values = super::value::initiative_values(&facts);
                let items = super::value::pipeline_items(&facts, values);
                let history: Vec<pipeline::StageChange> =
                    facts.stage_history.iter().map(|c| c.change.clone()).collect();
                Chart::PipelineFunnel(charts::Funnel {
                    stages: pipeline::funnel(&items, &history)
                        .into_iter()
                        .map(|s| charts::FunnelStage {
                            label: Stage::parse(&s.stage).map(Stage::label).unwrap_or(&s.stage).to_owned(),
                            count: s.reached,
                            value: (s.valued > 0).then(|| units(s.annual_value_micros)),
                        })
                        .collect(),
                    currency: Some(currency),
                })
            }
            ChartKind::AdoptionTrend => {
                let names = system_names(&facts);
                let top = adoption::monthly_top_systems(&facts.adoption, AdoptionMetric::ActiveUsers, &trailing, 7);
                Chart::AdoptionTrend(charts::MonthlyLines {
                    months: trailing,
                    series: top
                        .into_iter()
                        .map(|(system, values)| charts::NamedSeries {
                            name: names.get(&system).cloned().unwrap_or_else(|| format!("System #{system}")),
                            values,
                        })
                        .collect(),
                    unit: charts::ValueUnit::Count { noun: "active users".into() },
                })
            }
            ChartKind::SeatUtilisation => {
                let names = system_names(&facts);
                let mut rows: Vec<_> = self
                    .system_adoption(&facts, facts.period)
                    .into_iter()
                    .filter(|r| r.seats.purchased.is_some_and(|p| p > 0.0))
                    .collect();
                rows.sort_by(|a, b| b.seats.purchased.unwrap_or(0.0).total_cmp(&a.seats.purchased.unwrap_or(0.0)));
                rows.truncate(MAX_ROWS);
                Chart::SeatUtilisation(charts::SeatUtilisation {
                    items: rows
                        .into_iter()
                        .map(|r| charts::SeatItem {
                            name: names
                                .get(&r.system_id)
                                .cloned()
                                .unwrap_or_else(|| format!("System #{}", r.system_id)),
                            purchased: r.seats.purchased.unwrap_or(0.0),
                            assigned: r.seats.assigned.unwrap_or(0.0),
                            active: r.seats.active.unwrap_or(0.0),
                        })
                        .collect(),
                })
            }
            ChartKind::ValueVsCost => {
                let mut items: Vec<charts::ValueRange> = super::value::initiative_values(&facts)
                    .values()
                    .filter(|v| !v.model.is_empty())
                    .map(|v| charts::ValueRange {
                        name: v.initiative.name.clone(),
                        low: units(v.outcome.total_value.low),
                        likely: units(v.outcome.total_value.likely),
                        high: units(v.outcome.total_value.high),
                        cost: units(v.outcome.total_cost),
                    })
                    .collect();
                items.sort_by(|a, b| b.likely.total_cmp(&a.likely).then(a.name.cmp(&b.name)));
                items.truncate(MAX_ROWS);
                Chart::ValueVsCost(charts::ValueVsCost { items, currency })
            }
            ChartKind::CumulativeValue => {
                let id = request.initiative_id.ok_or_else(|| {
                    ApiError::new(ErrorCode::Validation, "Choose an initiative for the cumulative value chart")
                })?;
                let model = facts.value_models.get(&id.0).cloned().unwrap_or_default();
                let evaluated = self.evaluate_one(&facts, id, model)?;
                let o = &evaluated.outcome;
                let series = |values: &[i64]| values.iter().copied().map(units).collect::<Vec<_>>();
                Chart::CumulativeValue(charts::CumulativeValue {
                    months: evaluated.months.clone(),
                    value_low: series(&o.cumulative_value.low),
                    value_likely: series(&o.cumulative_value.likely),
                    value_high: series(&o.cumulative_value.high),
                    cost: series(&o.cumulative_cost),
                    payback_month: o.payback.likely,
                    currency,
                })
            }
            ChartKind::RenewalsTimeline => {
                let horizon = 120;
                let contracts: HashMap<i64, &crate::store::ContractFact> =
                    facts.contracts.iter().map(|c| (c.id, c)).collect();
                let mut items: Vec<charts::RenewalItem> =
                    renewals::due_within(&renewal_facts(&facts.contracts), today, horizon)
                        .into_iter()
                        .filter_map(|d| {
                            let contract = contracts.get(&d.contract_id)?;
                            Some(charts::RenewalItem {
                                name: contract.name.clone(),
                                cancel_by: Some(d.cancel_by),
                                end: d.end,
                                annual_value: contract
                                    .annual_micros
                                    .and_then(|m| facts.fx.convert(m, &contract.currency, today))
                                    .map(units),
                                auto_renew: contract.auto_renew,
                            })
                        })
                        .collect();
                items.truncate(MAX_ROWS);
                Chart::RenewalsTimeline(charts::RenewalsTimeline { today, horizon_days: horizon, items, currency })
            }
            ChartKind::RiskHeatmap => Chart::RiskHeatmap(charts::RiskHeatmap { counts: risk::heatmap(&facts.risks) }),
        })
    }
}

fn system_names(facts: &Facts) -> HashMap<i64, String> {
    facts.systems.iter().map(|s| (s.id, s.name.clone())).collect()
}

/// Micro-units → units, for drawing only.
fn units(micros: i64) -> f64 {
    micros as f64 / 1_000_000.0
}

fn size_of(request: &ChartRequest) -> ChartSize {
    ChartSize {
        width: request.width.unwrap_or(ChartSize::SLIDE.width),
        height: request.height.unwrap_or(ChartSize::SLIDE.height),
    }
}

fn theme_of(theme: ChartTheme) -> Theme {
    match theme {
        ChartTheme::Light => Theme::Light,
        ChartTheme::Dark => Theme::Dark,
    }
}

fn chart_error(error: charts::ChartError) -> ApiError {
    match error {
        charts::ChartError::Size { .. } | charts::ChartError::Scale(_) => {
            ApiError::new(ErrorCode::Validation, error.to_string())
        }
        other => ApiError::new(ErrorCode::Internal, format!("the chart could not be drawn: {other}")),
    }
}
