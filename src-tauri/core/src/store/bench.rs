//! Bench only: the floor under any import of cost lines, for `steward bench-parse --floor`
//! (`tests/bench/import_bench.py`). No product path calls this.
//!
//! Owns: storing lines that are already typed in memory with one prepared statement in one
//! transaction, into a fresh portfolio's own `cost_lines` table (with the schema's indexes) or
//! into a copy of that table without any index, timed from the transaction's start until the
//! connection is closed (the commit and the checkpoint included, as an import pays them).
//! Does not: read files, look keys up, replace scopes, note rollup months or write history;
//! what it measures is what any SQLite store of each line with its provenance costs.

use std::time::{Duration, Instant};

use super::{KeyedCostLine, Store, StoreResult};

/// Where the floor's lines go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloorTable {
    /// The portfolio's own `cost_lines`, with every index the schema gives it.
    Indexed,
    /// A copy of `cost_lines` (same columns, keys and references) with no index at all.
    Bare,
}

/// The name of the index-free copy of `cost_lines`.
const BARE: &str = "bench_cost_lines_bare";

impl Store {
    /// Bench only. Creates the vendor and the batch the floor's lines refer to (their
    /// references are checked as an import's are); returns (vendor id, batch id).
    pub fn bench_floor_setup(&mut self, file: &str, now: &str, table: FloorTable) -> StoreResult<(i64, i64)> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO vendors (name, vendor_type, created_at, updated_at) VALUES ('OpenAI', 'model_provider', ?1, ?1)",
            [now],
        )?;
        let vendor = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO import_batches (file_name, file_sha256, file_size, format, imported_at, imported_by)
             VALUES (?1, '', 0, 'bench floor', ?2, 'bench')",
            [file, now],
        )?;
        let batch = tx.last_insert_rowid();
        if table == FloorTable::Bare {
            // The table's own definition under another name: the same columns, integer key and
            // references, and none of the indexes or triggers that belong to `cost_lines`.
            let sql: String =
                tx.query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'cost_lines'", [], |r| {
                    r.get(0)
                })?;
            let copy = sql.replacen("CREATE TABLE cost_lines", &format!("CREATE TABLE {BARE}"), 1);
            tx.execute_batch(&copy)?;
        }
        tx.commit()?;
        Ok((vendor, batch))
    }

    /// Bench only. Inserts `lines` (each with its sheet and row) as one transaction with one
    /// prepared statement, commits and closes the file; returns the time from the start of the
    /// transaction to the end of the close. The rollup trigger is dropped for the length of
    /// the transaction and put back, as an import does.
    pub fn bench_floor_insert<'a>(
        self,
        lines: impl Iterator<Item = (KeyedCostLine<'a>, Option<&'a str>, u32)>,
        file: &str,
        batch: i64,
        now: &str,
        table: FloorTable,
    ) -> StoreResult<Duration> {
        let Store { mut conn, .. } = self;
        let started = Instant::now();
        let tx = conn.transaction()?;
        let name = match table {
            FloorTable::Indexed => {
                tx.execute_batch("DROP TRIGGER IF EXISTS cost_lines_rollup_insert")?;
                "cost_lines"
            }
            FloorTable::Bare => BARE,
        };
        {
            let sql = super::imports::COST_LINE_INSERT.replacen("cost_lines", name, 1);
            let mut insert = tx.prepare(&sql)?;
            for (line, sheet, row) in lines {
                let from = super::Provenance { batch_id: batch, file, sheet, row };
                insert.execute(&super::imports::cost_line_values(&line, &from, &now)[..])?;
            }
        }
        if table == FloorTable::Indexed {
            tx.execute_batch(super::imports::COST_LINE_INSERT_TRIGGER)?;
        }
        tx.commit()?;
        // Closing the last connection checkpoints the WAL into the file, as after an import.
        conn.close().map_err(|(_, e)| e)?;
        Ok(started.elapsed())
    }
}
