//! Spreadsheet import: turns files into typed facts the api can store.
//!
//! Owns: reading files (`source`: encodings, delimiters, workbooks, JSON records, zip/gz
//! containers, several files read as the parts of one export; `parts`: their order, manifests,
//! part-like names), typing cells (`values`), known layouts (`preset`, data files under
//! `assets/presets/`), the interpreter from rows to facts (`engine`: header row, summary rows,
//! keys, scopes, issues, pivot tables read cell by cell, rows exported more than once) and
//! running it on a second thread beside the caller's store (`pipeline`).
//! Does not: touch the database (the api stores what the engine hands it) or know about Tauri.
//! Invariant: the only module that names csv and calamine.

pub mod demo;
mod engine;
mod parts;
mod pipeline;
mod preset;
mod source;
mod values;

pub use demo::ImportError;
pub use engine::{
    CostRecord, CostTexts, FactSink, Interpreter, Layout, MAX_ISSUES, Mapped, ObservationRecord, ReadOptions, Reading,
    RowIssue, ScopeAccount, hash_key, micros, scope_account, scope_prefix,
};
pub use parts::{PartName, delivery_name, delivery_parts, file_name, is_manifest, part_name};
pub use pipeline::read_alongside;
pub use preset::{Preset, PresetKind, normalise_header, presets};
pub use source::{FileError, FileFacts, RawRow, RowVisitor, read_bytes, read_file, read_parts};
pub use values::{Cell, DateStyle, NumberStyle, cell_datetime, cell_decimal, clip, parse_datetime, parse_decimal};

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

/// The benchmark's baseline: every cell of a CSV (csv alone, owned strings) or of a workbook's
/// first sheet (calamine alone), nothing else. Returns (rows, cells).
pub fn raw_parse(path: &std::path::Path) -> Result<(u64, u64), String> {
    let name = path.display().to_string();
    if ["xlsx", "xlsm", "xls", "ods"].iter().any(|ext| name.to_lowercase().ends_with(ext)) {
        use calamine::Reader;
        let mut workbook = calamine::open_workbook_auto(path).map_err(|e| format!("{name}: {e}"))?;
        let sheet = workbook.sheet_names().first().cloned().ok_or_else(|| format!("{name}: no sheets"))?;
        let range = workbook.worksheet_range(&sheet).map_err(|e| format!("{name}: {e}"))?;
        let (rows, width) = range.get_size();
        return Ok((rows as u64, (rows * width) as u64));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("{name}: {e}"))?;
    let (mut rows, mut cells) = (0u64, 0u64);
    for record in reader.records() {
        let record = record.map_err(|e| format!("{name}: {e}"))?;
        rows += 1;
        cells += record.len() as u64;
    }
    Ok((rows, cells))
}
