//! Observed facts with provenance: import batches, cost lines and metric observations.

use super::{StoreResult, Tx};

/// Where a fact came from: batch, file, sheet and row (1-based, as a spreadsheet shows it).
pub struct Provenance<'a> {
    pub batch_id: i64,
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    pub row: u32,
}

impl Tx<'_> {
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
