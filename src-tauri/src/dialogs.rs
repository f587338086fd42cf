//! Native file dialogs, with the one test seam the end-to-end suite needs.
//!
//! Under Xvfb a GTK file chooser opens and blocks forever, so when `STEWARD_E2E_DIALOG_PATH`
//! is set every dialog answers with that path instead. Nothing else reads the variable.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

const TEST_SEAM: &str = "STEWARD_E2E_DIALOG_PATH";
/// The import dialog's own seam, so one test run can answer "open a portfolio" and "import a
/// spreadsheet" with different files.
const IMPORT_TEST_SEAM: &str = "STEWARD_E2E_IMPORT_PATH";
const FILTER_NAME: &str = "Steward portfolio";
const EXTENSIONS: &[&str] = &["steward"];

fn test_answer() -> Option<Option<PathBuf>> {
    std::env::var_os(TEST_SEAM).map(|p| Some(PathBuf::from(p)))
}

/// Asks where to save a portfolio file; `None` when the person cancels. Blocks: call it off
/// the main thread.
pub fn choose_save_path(app: &AppHandle, title: &str, suggested_name: &str) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let path = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(FILTER_NAME, EXTENSIONS)
        .set_file_name(suggested_name)
        .blocking_save_file()?
        .into_path()
        .ok()?;
    // GTK does not append the extension the filter names; people expect it.
    Some(if path.extension().is_none() { path.with_extension("steward") } else { path })
}

/// Asks which portfolio file to open; `None` when the person cancels.
pub fn choose_open_path(app: &AppHandle) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .set_title("Open a portfolio")
        .add_filter(FILTER_NAME, EXTENSIONS)
        .blocking_pick_file()?
        .into_path()
        .ok()
}

/// Asks which spreadsheet to import, or which parts of one export (several files may be
/// chosen); `None` when the person cancels. The test seam may name several paths, separated as
/// in `PATH`.
pub fn choose_import_paths(app: &AppHandle) -> Option<Vec<PathBuf>> {
    if let Some(paths) = std::env::var_os(IMPORT_TEST_SEAM) {
        return Some(std::env::split_paths(&paths).collect());
    }
    let chosen = app
        .dialog()
        .file()
        .set_title("Import a spreadsheet, or every part of one export")
        .add_filter(
            "Spreadsheets and exports",
            &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods", "json", "jsonl", "ndjson", "zip", "gz"],
        )
        .add_filter("All files", &["*"])
        .blocking_pick_files()?;
    let paths: Vec<PathBuf> = chosen.into_iter().filter_map(|p| p.into_path().ok()).collect();
    (!paths.is_empty()).then_some(paths)
}

/// Asks where to save an exported file (a chart as PNG or SVG); `None` when the person cancels.
/// `STEWARD_E2E_EXPORT_PATH` answers in the end-to-end suite.
pub fn choose_export_path(app: &AppHandle, title: &str, suggested_name: &str, extension: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("STEWARD_E2E_EXPORT_PATH") {
        return Some(PathBuf::from(path));
    }
    let path = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(extension.to_ascii_uppercase(), &[extension])
        .set_file_name(suggested_name)
        .blocking_save_file()?
        .into_path()
        .ok()?;
    Some(if path.extension().is_none() { path.with_extension(extension) } else { path })
}
