//! Any bytes, under any of the names a person imports, go through the whole importer
//! (`steward_core::import::read_through`: encodings, CSV, workbook, zip and gzip reading, header
//! search, presets, value parsing) and come back as a row count, never a panic.
//!
//! Input: the first byte picks the file name (its extension chooses the reader for ambiguous
//! content, e.g. a zip that is a workbook); the rest is the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = ["export.csv", "export.xlsx", "export.zip", "export.csv.gz", "export.ods"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    steward_core::import::read_through(name, bytes);
});
