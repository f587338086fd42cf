//! Commands of the Dashboard and the Adoption & ROI screen: each calls one core method.

use steward_core::api::{
    AdoptionView, AnalyticsRequest, ApiError, AssumptionDraft, Dashboard, InitiativeValue, ValueOverview,
};
use steward_core::domain::InitiativeId;
use tauri::State;

use crate::SessionCell;
use crate::commands::{run, today};

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
