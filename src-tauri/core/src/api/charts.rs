//! Charts for the screens and exports: the analytics of a request drawn by `charts`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analytics::period::PeriodKind;
use crate::domain::InitiativeId;

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
