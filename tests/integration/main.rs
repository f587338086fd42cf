//! Scenario tests through `steward_core::api`, the same boundary the app and the CLI call.
//! One binary, one module per topic (ripgrep's layout).

mod analytics;
mod audit;
mod boundaries;
mod demo;
mod files;
mod governance_imports;
mod import_layouts;
mod imports;
mod records;
mod util;
