//! Commands of the Dashboard and the Adoption & ROI screen: each calls one core method.

use steward_core::api::{
    AdoptionView, AnalyticsRequest, ApiError, AssumptionDraft, BudgetEntry, ChartFormat, ChartKind, ChartRequest,
    Dashboard, ErrorCode, FxRateEntry, InitiativeValue, SpendView, ValueOverview,
};
use steward_core::domain::InitiativeId;
use tauri::{AppHandle, State};

use crate::commands::{run, today};
use crate::{SessionCell, dialogs};

#[tauri::command]
pub async fn dashboard(cell: State<'_, SessionCell>, request: AnalyticsRequest) -> Result<Dashboard, ApiError> {
    run(&cell, move |s| s.app()?.dashboard(&request, today())).await
}

#[tauri::command]
pub async fn adoption_view(cell: State<'_, SessionCell>, request: AnalyticsRequest) -> Result<AdoptionView, ApiError> {
    run(&cell, move |s| s.app()?.adoption_view(&request, today())).await
}

#[tauri::command]
pub async fn value_overview(cell: State<'_, SessionCell>) -> Result<ValueOverview, ApiError> {
    run(&cell, |s| s.app()?.value_overview(today())).await
}

#[tauri::command]
pub async fn initiative_value(cell: State<'_, SessionCell>, id: InitiativeId) -> Result<InitiativeValue, ApiError> {
    run(&cell, move |s| s.app()?.initiative_value(id, today())).await
}

/// What the edited model would give, without saving: the editor recomputes as you type.
#[tauri::command]
pub async fn value_model_preview(
    cell: State<'_, SessionCell>,
    id: InitiativeId,
    assumptions: Vec<AssumptionDraft>,
) -> Result<InitiativeValue, ApiError> {
    run(&cell, move |s| s.app()?.value_model_preview(id, &assumptions, today())).await
}

#[tauri::command]
pub async fn value_model_save(
    cell: State<'_, SessionCell>,
    id: InitiativeId,
    assumptions: Vec<AssumptionDraft>,
) -> Result<InitiativeValue, ApiError> {
    run(&cell, move |s| s.app_mut()?.value_model_save(id, &assumptions, today())).await
}

#[tauri::command]
pub async fn spend_view(cell: State<'_, SessionCell>, request: AnalyticsRequest) -> Result<SpendView, ApiError> {
    run(&cell, move |s| s.app()?.spend_view(&request, today())).await
}

#[tauri::command]
pub async fn fx_rates(cell: State<'_, SessionCell>) -> Result<Vec<FxRateEntry>, ApiError> {
    run(&cell, |s| s.app()?.fx_rates()).await
}

#[tauri::command]
pub async fn fx_rate_set(cell: State<'_, SessionCell>, entry: FxRateEntry) -> Result<FxRateEntry, ApiError> {
    run(&cell, move |s| s.app_mut()?.fx_rate_set(&entry)).await
}

#[tauri::command]
pub async fn fx_rate_delete(
    cell: State<'_, SessionCell>,
    from: String,
    to: String,
    valid_from: chrono::NaiveDate,
) -> Result<(), ApiError> {
    run(&cell, move |s| s.app_mut()?.fx_rate_delete(&from, &to, valid_from)).await
}

#[tauri::command]
pub async fn reporting_currency_set(cell: State<'_, SessionCell>, code: String) -> Result<String, ApiError> {
    run(&cell, move |s| s.app_mut()?.reporting_currency_set(&code)).await
}

#[tauri::command]
pub async fn budgets(cell: State<'_, SessionCell>) -> Result<Vec<BudgetEntry>, ApiError> {
    run(&cell, |s| s.app()?.budgets()).await
}

#[tauri::command]
pub async fn budget_set(cell: State<'_, SessionCell>, entry: BudgetEntry) -> Result<BudgetEntry, ApiError> {
    run(&cell, move |s| s.app_mut()?.budget_set(&entry)).await
}

#[tauri::command]
pub async fn budget_delete(cell: State<'_, SessionCell>, id: i64) -> Result<(), ApiError> {
    run(&cell, move |s| s.app_mut()?.budget_delete(id)).await
}

/// The chart as an SVG document, shown by the UI as an `<img>`.
#[tauri::command]
pub async fn chart_svg(cell: State<'_, SessionCell>, request: ChartRequest) -> Result<String, ApiError> {
    run(&cell, move |s| s.app()?.chart_svg(&request, today())).await
}

/// Asks where, then writes the chart as PNG or SVG; the path written, `None` when cancelled.
#[tauri::command]
pub async fn chart_export(
    app: AppHandle,
    cell: State<'_, SessionCell>,
    request: ChartRequest,
    format: ChartFormat,
) -> Result<Option<String>, ApiError> {
    run(&cell, move |s| {
        let bytes = s.app()?.chart_file(&request, format, today())?;
        let extension = match format {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        };
        let name = format!("{}.{extension}", chart_file_stem(request.kind));
        let Some(path) = dialogs::choose_export_path(&app, "Export chart", &name, extension) else {
            return Ok(None);
        };
        std::fs::write(&path, bytes).map_err(|e| {
            ApiError::new(
                ErrorCode::FileUnusable,
                format!("Could not write {}: {e}. Choose another folder.", path.display()),
            )
        })?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

fn chart_file_stem(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::SpendByVendor => "spend-by-vendor",
        ChartKind::SpendVsCommitment => "spend-vs-commitment",
        ChartKind::PipelineFunnel => "pipeline-funnel",
        ChartKind::AdoptionTrend => "adoption-trend",
        ChartKind::SeatUtilisation => "seat-utilisation",
        ChartKind::ValueVsCost => "value-vs-cost",
        ChartKind::CumulativeValue => "cumulative-value",
        ChartKind::RenewalsTimeline => "renewals-timeline",
        ChartKind::RiskHeatmap => "risk-heatmap",
    }
}
