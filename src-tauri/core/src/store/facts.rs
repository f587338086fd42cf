//! Observed facts with provenance: import batches, cost lines and metric observations.

use rusqlite::params;

use super::{StoreResult, Tx};

/// One file brought into the portfolio.
pub struct BatchRow<'a> {
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub file_size: u64,
    pub format: &'a str,
    pub rows_read: u32,
    pub rows_imported: u32,
    pub imported_at: &'a str,
    pub imported_by: &'a str,
}

/// Where a fact came from: batch, file, sheet and row (1-based, as a spreadsheet shows it).
pub struct Provenance<'a> {
    pub batch_id: i64,
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    pub row: u32,
}

impl Tx<'_> {
    pub fn insert_import_batch(&self, batch: &BatchRow<'_>) -> StoreResult<i64> {
        self.conn().execute(
            "INSERT INTO import_batches
                 (file_name, file_sha256, file_size, format, rows_read, rows_imported, imported_at, imported_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                batch.file_name,
                batch.file_sha256,
                batch.file_size as i64,
                batch.format,
                batch.rows_read,
                batch.rows_imported,
                batch.imported_at,
                batch.imported_by
            ],
        )?;
        Ok(self.conn().last_insert_rowid())
    }

    /// True when the portfolio holds no records yet (a demo may only load into an empty one).
    pub fn is_empty(&self) -> StoreResult<bool> {
        Ok(self.conn().query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM ai_systems) AND NOT EXISTS (SELECT 1 FROM vendors)
                AND NOT EXISTS (SELECT 1 FROM initiatives) AND NOT EXISTS (SELECT 1 FROM cost_lines)
                AND NOT EXISTS (SELECT 1 FROM risks) AND NOT EXISTS (SELECT 1 FROM reviews)
                AND NOT EXISTS (SELECT 1 FROM incidents) AND NOT EXISTS (SELECT 1 FROM budgets)
                AND NOT EXISTS (SELECT 1 FROM fx_rates)",
            [],
            |r| r.get(0),
        )?)
    }
}
