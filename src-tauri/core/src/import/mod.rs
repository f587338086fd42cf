//! Spreadsheet import: turns files into typed rows the api can store.
//!
//! Owns: decoding files, reading CSV, parsing cells into domain values.
//! Does not: touch the database (the api stores what this returns) or know about Tauri.
//! Invariant: the only module that names csv (and, with the import issue, calamine).
//!
//! Today it reads the demo portfolio (`demo`); the general importer (presets, mappings,
//! previews) is issue #3 and will route the demo through the same path.

pub mod demo;
mod table;

pub use table::{ImportError, SheetTable};
