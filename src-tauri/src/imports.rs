//! Import commands: choose (or drop) a file or the parts of one export, preview, commit (with
//! progress on a channel and a cancel flag that does not wait for the session lock), history,
//! undo, presets, and the attribution rules that tie imported lines to AI systems.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use steward_core::api::{
    ApiError, AttributionApplied, AttributionRule, AttributionRuleDraft, AttributionRuleId, AttributionSource,
    ErrorCode, ImportBatch, ImportProgress, ImportReport, ImportRequest, PresetInfo, UnattributedValue, UndoReport,
    attribution_sources, import_presets,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::commands::run;
use crate::{SessionCell, dialogs};

/// Set by `import_cancel`; read by the running import between rows.
#[derive(Default)]
pub struct ImportCancel(pub Arc<AtomicBool>);

/// Asks which spreadsheet to import, or the parts of one export; `None` when the person cancels.
#[tauri::command]
pub async fn import_choose_files(app: AppHandle) -> Result<Option<Vec<String>>, ApiError> {
    tauri::async_runtime::spawn_blocking(move || {
        dialogs::choose_import_paths(&app).map(|paths| paths.iter().map(|p| p.display().to_string()).collect())
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the file dialog failed: {e}")))
}

/// The files to import from what was dropped on the window (the webview's drag-drop event
/// gives paths, not files): one file, or the parts of one export, and no folder, which only
/// the file system can tell.
#[tauri::command]
pub fn import_dropped_files(paths: Vec<String>) -> Result<Vec<String>, ApiError> {
    let name = |path: &str| {
        std::path::Path::new(path).file_name().map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
    };
    if paths.is_empty() {
        return Err(ApiError::new(ErrorCode::FileUnusable, "nothing that can be imported was dropped"));
    }
    if let Some(folder) = paths.iter().find(|p| std::path::Path::new(p).is_dir()) {
        let what = if paths.len() == 1 { "one export file, or every part of one export," } else { "the export files" };
        return Err(ApiError::new(
            ErrorCode::FileUnusable,
            format!("{} is a folder; drop {what} from it", name(folder)),
        ));
    }
    Ok(paths)
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

#[tauri::command]
pub fn attribution_source_list() -> Vec<AttributionSource> {
    attribution_sources()
}

#[tauri::command]
pub async fn attribution_rule_list(cell: State<'_, SessionCell>) -> Result<Vec<AttributionRule>, ApiError> {
    run(&cell, |s| s.app()?.attribution_rules()).await
}

#[tauri::command]
pub async fn attribution_value_list(cell: State<'_, SessionCell>) -> Result<Vec<UnattributedValue>, ApiError> {
    run(&cell, |s| s.app()?.attribution_unattributed_values()).await
}

#[tauri::command]
pub async fn attribution_rule_add(
    cell: State<'_, SessionCell>,
    draft: AttributionRuleDraft,
) -> Result<AttributionApplied, ApiError> {
    run(&cell, move |s| s.app_mut()?.attribution_rule_add(&draft)).await
}

#[tauri::command]
pub async fn attribution_rule_update(
    cell: State<'_, SessionCell>,
    id: AttributionRuleId,
    draft: AttributionRuleDraft,
) -> Result<AttributionApplied, ApiError> {
    run(&cell, move |s| s.app_mut()?.attribution_rule_update(id, &draft)).await
}

#[tauri::command]
pub async fn attribution_rule_move(
    cell: State<'_, SessionCell>,
    id: AttributionRuleId,
    to_priority: u32,
) -> Result<AttributionApplied, ApiError> {
    run(&cell, move |s| s.app_mut()?.attribution_rule_move(id, to_priority)).await
}

#[tauri::command]
pub async fn attribution_rule_delete(
    cell: State<'_, SessionCell>,
    id: AttributionRuleId,
) -> Result<AttributionApplied, ApiError> {
    run(&cell, move |s| s.app_mut()?.attribution_rule_delete(id)).await
}
