//! Steward's desktop shell. Each command unpacks its arguments, calls one core function off
//! the UI thread and maps the error; no business rules live here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod analytics;
mod commands;
mod dialogs;
mod imports;

use std::sync::{Arc, Mutex};

use steward_core::api::Session;
use tauri::Manager;

/// The open portfolio, shared by every command. One writer at a time, as SQLite wants.
pub struct SessionCell(pub Arc<Mutex<Session>>);

fn main() {
    prefer_shared_memory_rendering();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            let config_dir = app.path().app_config_dir()?;
            let mut session = Session::start(&data_dir, &config_dir);
            // `steward-desktop FILE` opens that portfolio (the README's run command, and a
            // double-click on a .steward file). If it cannot be opened, the last one stays
            // open and the UI shows why.
            if let Some(path) = std::env::args_os().nth(1).map(std::path::PathBuf::from) {
                session.open_requested(&path);
            }
            let title = commands::window_title(&session);
            app.manage(SessionCell(Arc::new(Mutex::new(session))));
            app.manage(imports::ImportCancel::default());
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&title)?;
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session_state,
            commands::session_dismiss_first_run,
            commands::portfolio_info,
            commands::portfolio_summary,
            commands::portfolio_new,
            commands::portfolio_open,
            commands::portfolio_save_copy,
            commands::portfolio_load_demo,
            commands::catalog,
            commands::audit_list,
            commands::audit_verify,
            commands::system_list,
            commands::system_get,
            commands::system_create,
            commands::system_update,
            commands::system_delete,
            commands::system_restore,
            commands::vendor_list,
            commands::vendor_get,
            commands::vendor_create,
            commands::vendor_update,
            commands::vendor_delete,
            commands::vendor_restore,
            commands::contract_list,
            commands::contract_get,
            commands::contract_create,
            commands::contract_update,
            commands::contract_delete,
            commands::contract_restore,
            commands::initiative_list,
            commands::initiative_get,
            commands::initiative_create,
            commands::initiative_update,
            commands::initiative_delete,
            commands::initiative_restore,
            imports::import_choose_files,
            imports::import_preview,
            imports::import_commit,
            imports::import_cancel,
            imports::import_history,
            imports::import_undo,
            imports::import_preset_list,
            imports::import_dropped_files,
            imports::attribution_source_list,
            imports::attribution_rule_list,
            imports::attribution_value_list,
            imports::attribution_rule_add,
            imports::attribution_rule_update,
            imports::attribution_rule_move,
            imports::attribution_rule_delete,
            analytics::dashboard,
            analytics::adoption_view,
            analytics::value_overview,
            analytics::initiative_value,
            analytics::value_model_preview,
            analytics::value_model_save,
            analytics::spend_view,
            analytics::fx_rates,
            analytics::fx_rate_set,
            analytics::fx_rate_delete,
            analytics::reporting_currency_set,
            analytics::budgets,
            analytics::budget_set,
            analytics::budget_delete,
            analytics::chart_svg,
            analytics::chart_export,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Steward could not start: {e}");
            std::process::exit(1);
        });
}

/// WebKitGTK's DMA-BUF renderer roughly doubles the web process's memory where there is no GPU
/// to share buffers with (measured under Xvfb: 220 MB → 124 MB PSS), and is the renderer behind
/// most blank-window reports on Linux. Steward draws tables and forms, not 3D, so it asks for
/// the shared-memory renderer unless the person chose otherwise.
fn prefer_shared_memory_rendering() {
    const KEY: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if cfg!(target_os = "linux") && std::env::var_os(KEY).is_none() {
        // SAFETY: this runs first thing in `main`, before Tauri, GTK or any other thread
        // starts, so nothing can be reading the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(KEY, "1");
        }
    }
}
