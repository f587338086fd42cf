//! Steward's library: everything real lives here, behind [`api`].
//!
//! The desktop shell, the `steward` command and the test host all call [`api::App`]; nothing
//! here knows about Tauri or a display. Module boundaries (checked in `tests/`):
//! only `store` names rusqlite, only `import` names csv, only `charts` names plotters.

pub mod analytics;
pub mod api;
pub mod charts;
pub mod domain;
pub mod import;
mod store;
