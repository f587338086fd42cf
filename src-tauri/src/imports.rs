//! Import commands: choose a file, preview, commit (with progress on a channel and a cancel
//! flag that does not wait for the session lock), history, undo, presets.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use steward_core::api::{
    ApiError, ImportBatch, ImportProgress, ImportReport, ImportRequest, PresetInfo, UndoReport, import_presets,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::commands::run;
use crate::{SessionCell, dialogs};

/// Set by `import_cancel`; read by the running import between rows.
#[derive(Default)]
pub struct ImportCancel(pub Arc<AtomicBool>);

/// Asks which spreadsheet to import; `None` when the person cancels.
#[tauri::command]
pub async fn import_choose_file(app: AppHandle) -> Result<Option<String>, ApiError> {
    tauri::async_runtime::spawn_blocking(move || dialogs::choose_import_path(&app).map(|p| p.display().to_string()))
        .await
        .map_err(|e| ApiError::new(steward_core::api::ErrorCode::Internal, format!("the file dialog failed: {e}")))
}

fn reporter(
    cancel: &Arc<AtomicBool>,
    channel: Channel<ImportProgress>,
) -> impl FnMut(ImportProgress) -> bool + Send + use<> {
    cancel.store(false, Ordering::SeqCst);
    let cancel = Arc::clone(cancel);
    move |progress| {
        // A closed channel (the page went away) is no reason to stop an import.
        let _ = channel.send(progress);
        !cancel.load(Ordering::SeqCst)
    }
}

#[tauri::command]
pub async fn import_preview(
    cell: State<'_, SessionCell>,
    cancel: State<'_, ImportCancel>,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, ApiError> {
    let mut report = reporter(&cancel.0, on_progress);
    run(&cell, move |s| s.app_mut()?.import_preview(&request, &mut report)).await
}

#[tauri::command]
pub async fn import_commit(
    cell: State<'_, SessionCell>,
    cancel: State<'_, ImportCancel>,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, ApiError> {
    let mut report = reporter(&cancel.0, on_progress);
    run(&cell, move |s| s.app_mut()?.import_commit(&request, &mut report)).await
}

/// Stops the running preview or import at the next row; nothing is written.
#[tauri::command]
pub fn import_cancel(cancel: State<'_, ImportCancel>) {
    cancel.0.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn import_history(cell: State<'_, SessionCell>) -> Result<Vec<ImportBatch>, ApiError> {
    run(&cell, |s| s.app()?.import_history()).await
}

#[tauri::command]
pub async fn import_undo(cell: State<'_, SessionCell>, batch_id: i64) -> Result<UndoReport, ApiError> {
    run(&cell, move |s| s.app_mut()?.import_undo(batch_id)).await
}

#[tauri::command]
pub fn import_preset_list() -> Vec<PresetInfo> {
    import_presets()
}
