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

pub struct CostLineRow<'a> {
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub amount_micros: i64,
    pub currency: &'a str,
    pub basis: &'a str,
    pub vendor_id: Option<i64>,
    pub system_id: Option<i64>,
    /// Set on costs that belong to an initiative rather than a system (one-off implementation work).
    pub initiative_id: Option<i64>,
    pub department: &'a str,
    /// What kind of cost, e.g. `one_off`; empty when not known.
    pub category: &'a str,
    pub description: &'a str,
}

pub struct ObservationRow<'a> {
    pub metric_key: &'a str,
    pub subject_type: &'a str,
    pub subject_id: i64,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub value: f64,
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

    pub fn insert_cost_line(&self, line: &CostLineRow<'_>, from: &Provenance<'_>, now: &str) -> StoreResult<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO cost_lines
                     (period_start, period_end, amount_micros, currency, basis, vendor_id, system_id, initiative_id,
                      department, category, description, import_batch_id, source_file, source_sheet, source_row,
                      created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                line.period_start,
                line.period_end,
                line.amount_micros,
                line.currency,
                line.basis,
                line.vendor_id,
                line.system_id,
                line.initiative_id,
                line.department,
                line.category,
                line.description,
                from.batch_id,
                from.file,
                from.sheet,
                from.row,
                now
            ])?;
        Ok(())
    }

    pub fn insert_observation(&self, obs: &ObservationRow<'_>, from: &Provenance<'_>, now: &str) -> StoreResult<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO metric_observations
                     (metric_key, subject_type, subject_id, period_start, period_end, value,
                      import_batch_id, source_file, source_sheet, source_row, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                obs.metric_key,
                obs.subject_type,
                obs.subject_id,
                obs.period_start,
                obs.period_end,
                obs.value,
                from.batch_id,
                from.file,
                from.sheet,
                from.row,
                now
            ])?;
        Ok(())
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
