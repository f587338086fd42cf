//! Spreadsheet import: turns files into typed facts the api can store.
//!
//! Owns: reading files (`source`: encodings, delimiters, workbooks, zip/gz containers), typing
//! cells (`values`), known layouts (`preset`, data files under `assets/presets/`) and the
//! interpreter from rows to facts (`engine`: header row, summary rows, keys, scopes, issues).
//! Does not: touch the database (the api stores what the engine hands it) or know about Tauri.
//! Invariant: the only module that names csv and calamine.

pub mod demo;
mod engine;
mod preset;
mod source;
mod table;
mod values;

pub use engine::{
    CostRecord, FactSink, Interpreter, Layout, MAX_ISSUES, ObservationRecord, ReadOptions, Reading, RowIssue,
};
pub use preset::{Preset, PresetKind, presets};
pub use source::{FileError, FileFacts, RawRow, read_file};
pub use table::{ImportError, SheetTable};
pub use values::{Cell, DateStyle, NumberStyle, parse_decimal};
