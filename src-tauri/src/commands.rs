//! The IPC commands. Each one: unpack, call one core function off the UI thread, map the error.

use std::sync::Arc;

use steward_core::api::{
    ApiError, ApiResult, AuditEvent, AuditReport, Catalog, DemoLoadReport, ErrorCode, ListRequest, Page, PortfolioInfo,
    PortfolioSummary, Session, SessionState,
};
use steward_core::domain::{
    Contract, ContractDraft, ContractId, Initiative, InitiativeDraft, InitiativeId, System, SystemDraft, SystemId,
    Vendor, VendorDraft, VendorId,
};
use tauri::{AppHandle, Manager, State};

use crate::{SessionCell, dialogs};

/// Runs `work` on the blocking pool with the session locked, so the UI thread never waits on
/// SQLite or a file dialog; then starts reading the analytics facts ahead when they are stale.
pub async fn run<T, F>(cell: &State<'_, SessionCell>, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Session) -> ApiResult<T> + Send + 'static,
{
    let session = Arc::clone(&cell.0);
    tauri::async_runtime::spawn_blocking(move || {
        let mut session = session
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "an earlier action failed midway; restart Steward"))?;
        let out = work(&mut session);
        // After a file opens and after each change, the analytics facts are read ahead on
        // another thread, so the dashboard is ready when the person looks at it.
        if let Ok(Some(warmup)) = session.app().and_then(|app| app.analytics_warmup()) {
            std::thread::spawn(move || warmup.run());
        }
        out
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the action stopped unexpectedly: {e}")))?
}

/// "northwind.steward — Steward", with the read-only state when it applies.
pub fn window_title(session: &Session) -> String {
    match session.state().ok().and_then(|s| s.portfolio) {
        Some(info) if info.read_only => format!("{} (read-only) — Steward", info.file_name),
        Some(info) => format!("{} — Steward", info.file_name),
        None => "Steward".to_owned(),
    }
}

fn retitle(app: &AppHandle, session: &Session) {
    if let Some(window) = app.get_webview_window("main") {
        // A title that fails to update is cosmetic; the state the UI receives is what matters.
        let _ = window.set_title(&window_title(session));
    }
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub async fn session_state(cell: State<'_, SessionCell>) -> Result<SessionState, ApiError> {
    run(&cell, |s| s.state()).await
}

#[tauri::command]
pub async fn session_dismiss_first_run(cell: State<'_, SessionCell>) -> Result<SessionState, ApiError> {
    run(&cell, |s| {
        s.dismiss_first_run();
        s.state()
    })
    .await
}

#[tauri::command]
pub async fn portfolio_info(cell: State<'_, SessionCell>) -> Result<PortfolioInfo, ApiError> {
    run(&cell, |s| s.app()?.portfolio_info()).await
}

#[tauri::command]
pub async fn portfolio_summary(cell: State<'_, SessionCell>) -> Result<PortfolioSummary, ApiError> {
    run(&cell, |s| s.app()?.portfolio_summary(today())).await
}

/// File → New: asks where, creates the file, opens it. `None` when the dialog is cancelled.
#[tauri::command]
pub async fn portfolio_new(app: AppHandle, cell: State<'_, SessionCell>) -> Result<Option<PortfolioInfo>, ApiError> {
    run(&cell, move |s| {
        let Some(path) = dialogs::choose_save_path(&app, "Create a new portfolio", "Portfolio.steward") else {
            return Ok(None);
        };
        let state = s.new_portfolio(&path)?;
        retitle(&app, s);
        Ok(state.portfolio)
    })
    .await
}

/// File → Open. On failure the open portfolio stays open; the error names the file.
#[tauri::command]
pub async fn portfolio_open(app: AppHandle, cell: State<'_, SessionCell>) -> Result<Option<PortfolioInfo>, ApiError> {
    run(&cell, move |s| {
        let Some(path) = dialogs::choose_open_path(&app) else { return Ok(None) };
        let state = s.open_portfolio(&path)?;
        retitle(&app, s);
        Ok(state.portfolio)
    })
    .await
}

/// File → Save a copy. Returns the path written, `None` when cancelled.
#[tauri::command]
pub async fn portfolio_save_copy(app: AppHandle, cell: State<'_, SessionCell>) -> Result<Option<String>, ApiError> {
    run(&cell, move |s| {
        let suggested = s.app()?.portfolio_info()?.file_name.trim_end_matches(".steward").to_owned() + " copy.steward";
        let Some(path) = dialogs::choose_save_path(&app, "Save a copy of this portfolio", &suggested) else {
            return Ok(None);
        };
        s.save_copy(&path)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

#[tauri::command]
pub async fn portfolio_load_demo(cell: State<'_, SessionCell>) -> Result<DemoLoadReport, ApiError> {
    run(&cell, |s| {
        let report = s.app_mut()?.demo_load(today())?;
        s.dismiss_first_run();
        Ok(report)
    })
    .await
}

#[tauri::command]
pub async fn catalog(cell: State<'_, SessionCell>) -> Result<Catalog, ApiError> {
    run(&cell, |s| Ok(s.app()?.catalog())).await
}

#[tauri::command]
pub async fn audit_list(
    cell: State<'_, SessionCell>,
    entity_type: Option<String>,
    entity_id: Option<i64>,
    limit: Option<u32>,
) -> Result<Vec<AuditEvent>, ApiError> {
    run(&cell, move |s| {
        let entity = entity_type.as_deref().zip(entity_id);
        s.app()?.audit_list(entity, limit.unwrap_or(200))
    })
    .await
}

#[tauri::command]
pub async fn audit_verify(cell: State<'_, SessionCell>) -> Result<AuditReport, ApiError> {
    run(&cell, |s| s.app()?.audit_verify()).await
}

/// The six commands of one record type, each a one-line call into the api.
macro_rules! record_commands {
    ($record:ty, $draft:ty, $id:ident, $list:ident, $get:ident, $create:ident, $update:ident, $delete:ident, $restore:ident) => {
        #[tauri::command]
        pub async fn $list(cell: State<'_, SessionCell>, request: ListRequest) -> Result<Page<$record>, ApiError> {
            run(&cell, move |s| s.app()?.$list(&request)).await
        }

        #[tauri::command]
        pub async fn $get(cell: State<'_, SessionCell>, id: $id) -> Result<$record, ApiError> {
            run(&cell, move |s| s.app()?.$get(id)).await
        }

        #[tauri::command]
        pub async fn $create(cell: State<'_, SessionCell>, draft: $draft) -> Result<$record, ApiError> {
            run(&cell, move |s| s.app_mut()?.$create(&draft)).await
        }

        #[tauri::command]
        pub async fn $update(cell: State<'_, SessionCell>, id: $id, draft: $draft) -> Result<$record, ApiError> {
            run(&cell, move |s| s.app_mut()?.$update(id, &draft)).await
        }

        #[tauri::command]
        pub async fn $delete(cell: State<'_, SessionCell>, id: $id) -> Result<(), ApiError> {
            run(&cell, move |s| s.app_mut()?.$delete(id)).await
        }

        #[tauri::command]
        pub async fn $restore(cell: State<'_, SessionCell>, id: $id) -> Result<$record, ApiError> {
            run(&cell, move |s| s.app_mut()?.$restore(id)).await
        }
    };
}

record_commands!(
    System,
    SystemDraft,
    SystemId,
    system_list,
    system_get,
    system_create,
    system_update,
    system_delete,
    system_restore
);
record_commands!(
    Vendor,
    VendorDraft,
    VendorId,
    vendor_list,
    vendor_get,
    vendor_create,
    vendor_update,
    vendor_delete,
    vendor_restore
);
record_commands!(
    Contract,
    ContractDraft,
    ContractId,
    contract_list,
    contract_get,
    contract_create,
    contract_update,
    contract_delete,
    contract_restore
);
record_commands!(
    Initiative,
    InitiativeDraft,
    InitiativeId,
    initiative_list,
    initiative_get,
    initiative_create,
    initiative_update,
    initiative_delete,
    initiative_restore
);
