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
    CostRecord, FactSink, Interpreter, Layout, MAX_ISSUES, Mapped, ObservationRecord, ReadOptions, Reading, RowIssue,
};
pub use preset::{Preset, PresetKind, normalise_header, presets};
pub use source::{FileError, FileFacts, RawRow, read_file};
pub use table::{ImportError, SheetTable};
pub use values::{Cell, DateStyle, NumberStyle, cell_datetime, cell_decimal, parse_datetime, parse_decimal};

/// Reads `bytes` as a file named `name` through the whole importer (decoding, CSV or workbook
/// reading, header search, presets, value parsing) into a sink that keeps nothing, and returns
/// how many rows were read. For the fuzz target (`tests/fuzz`) and benchmarks: whatever the
/// bytes, this must return, never panic.
pub fn read_through(name: &str, bytes: &[u8]) -> u64 {
    struct Discard;
    impl FactSink for Discard {
        fn start(&mut self, _: &'static Preset) -> bool {
            true
        }
        fn cost(&mut self, _: CostRecord) -> bool {
            true
        }
    }
    let mut sink = Discard;
    let mut interpreter =
        Interpreter::new(ReadOptions { file_name: name.to_owned(), ..ReadOptions::default() }, &mut sink);
    let read = source::read_bytes(name, bytes, None, &mut interpreter).is_ok();
    let reading = interpreter.finish();
    if read { reading.rows_read } else { 0 }
}
