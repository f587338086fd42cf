//! Bench only: the floor under an import, for `steward bench-parse --floor`
//! (`tests/bench/import_bench.py`). No product path calls this.
//!
//! Reads a cost export through the importer into memory and turns every line into the values
//! an import stores (the same texts `StoreSink::store_cost` makes), untimed; then times storing
//! them with one prepared statement in one transaction into a fresh portfolio
//! ([`crate::store::FloorTable`]). The difference between that and an import is what the import
//! does besides storing lines; the difference between it and the raw parse is what any SQLite
//! store of each line with its provenance costs.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use super::records::store_to_api;
use super::{ApiError, ApiResult, ErrorCode, now_text};
use crate::import::{CostRecord, CostTexts, FactSink, Interpreter, Preset, ReadOptions, read_file};
use crate::store::{FloorTable, KeyedCostLine, Store};

/// Which table the floor's lines go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreFloorTable {
    /// The portfolio's own `cost_lines`, with the schema's indexes.
    Indexed,
    /// A copy of `cost_lines` without any index.
    Bare,
}

/// What storing the lines took.
#[derive(Debug, Clone, Copy)]
pub struct StoreFloor {
    pub rows: u64,
    /// From the transaction's start to the file's close (commit and checkpoint included).
    pub store: Duration,
}

/// A line as an import stores it, owned.
struct FloorLine {
    period_start: String,
    period_end: String,
    amount_exact: String,
    amount_micros: i64,
    currency: String,
    basis: String,
    quantity: Option<String>,
    unit: String,
    description: String,
    scope: String,
    key: String,
    attributes_json: String,
    sheet: Option<String>,
    row: u32,
}

/// Bench only: reads `file` (a cost export) into memory, creates a fresh portfolio at `db` and
/// times storing every line into `table`. Errors when the file cannot be read, holds no cost
/// lines, or `db` exists.
pub fn bench_store_floor(file: &Path, db: &Path, table: StoreFloorTable) -> ApiResult<StoreFloor> {
    struct Collect(Vec<CostRecord>);
    impl FactSink for Collect {
        fn start(&mut self, _: &'static Preset) -> bool {
            true
        }
        fn cost(&mut self, record: CostRecord) -> bool {
            self.0.push(record);
            true
        }
    }
    let name = crate::import::file_name(file);
    let mut sink = Collect(Vec::new());
    let mut interpreter =
        Interpreter::new(ReadOptions { file_name: name.clone(), ..ReadOptions::default() }, &mut sink);
    read_file(file, None, &mut interpreter).map_err(|e| ApiError::new(ErrorCode::FileUnusable, e.to_string()))?;
    drop(interpreter);
    if sink.0.is_empty() {
        return Err(ApiError::new(ErrorCode::FileUnusable, format!("{name}: no cost lines to store")));
    }
    // The n-th line with the same natural key is "#n", as the import numbers repeated rows.
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let lines: Vec<FloorLine> = sink
        .0
        .into_iter()
        .map(|record| {
            let occurrence = occurrences.entry(record.key.clone()).or_default();
            *occurrence += 1;
            let texts = CostTexts::of(&record);
            FloorLine {
                period_start: texts.period_start,
                period_end: texts.period_end,
                amount_exact: texts.amount,
                amount_micros: record.amount_micros,
                currency: record.currency,
                basis: record.basis,
                quantity: texts.quantity,
                unit: record.unit,
                description: record.description,
                scope: record.scope,
                key: format!("{}#{occurrence}", record.key),
                attributes_json: texts.attributes_json,
                sheet: record.part,
                row: record.row,
            }
        })
        .collect();
    drop(occurrences);

    let now = now_text();
    let table = match table {
        StoreFloorTable::Indexed => FloorTable::Indexed,
        StoreFloorTable::Bare => FloorTable::Bare,
    };
    let mut store = Store::create(db).map_err(store_to_api)?;
    let (vendor, batch) = store.bench_floor_setup(&name, &now, table).map_err(store_to_api)?;
    let keyed = lines.iter().map(|line| {
        let keyed = KeyedCostLine {
            period_start: &line.period_start,
            period_end: &line.period_end,
            amount_exact: &line.amount_exact,
            amount_micros: line.amount_micros,
            currency: &line.currency,
            basis: &line.basis,
            quantity: line.quantity.as_deref(),
            unit: &line.unit,
            vendor_id: Some(vendor),
            system_id: None,
            initiative_id: None,
            department: "",
            category: "",
            description: &line.description,
            scope: &line.scope,
            key: &line.key,
            attributes_json: &line.attributes_json,
        };
        (keyed, line.sheet.as_deref(), line.row)
    });
    let elapsed = store.bench_floor_insert(keyed, &name, batch, &now, table).map_err(store_to_api)?;
    Ok(StoreFloor { rows: lines.len() as u64, store: elapsed })
}
