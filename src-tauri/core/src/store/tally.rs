//! The spend an import adds, summed as `spend_rollup` groups it, while the rollup's insert
//! trigger is suspended (see [`Tx::suspend_cost_line_trigger`]).
//!
//! Re-summing every month a large import touched reads each of its lines back (2 s of a
//! 1,000,000-line import). The lines pass through [`Tx::insert_keyed_cost_line`] anyway, so
//! their sums are kept on the way in and added to the rollup at the end. Exactness does not
//! rest on this: a month some other write marked dirty is still re-summed from the lines (that
//! sum is authoritative and already holds the new lines), and when the tally did not see every
//! line of the batch, or a sum would overflow, the import's months are re-summed as before.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rusqlite::{OptionalExtension, params};

use super::imports::KeyedCostLine;
use super::{StoreResult, Tx};

/// One rollup group: month and the dimensions `refresh_rollups` groups by.
struct Group {
    month: String,
    vendor_id: Option<i64>,
    system_id: Option<i64>,
    initiative_id: Option<i64>,
    department: String,
    currency: String,
    basis: String,
    micros: i64,
    lines: i64,
    /// The micro-units no longer fit an i64: the month is re-summed, and SQLite's sum() reports
    /// the overflow exactly as it would have.
    overflowed: bool,
}

impl Group {
    fn is(&self, month: &str, line: &KeyedCostLine<'_>) -> bool {
        self.month == month
            && self.vendor_id == line.vendor_id
            && self.system_id == line.system_id
            && self.initiative_id == line.initiative_id
            && self.department == line.department
            && self.currency == line.currency
            && self.basis == line.basis
    }
}

/// The rollup groups of the lines stored since the trigger was suspended, found by a hash of
/// their fields so that adding a line allocates nothing once its group exists.
#[derive(Default)]
pub(super) struct SpendTally {
    groups: HashMap<u64, Vec<Group>>,
    lines: u64,
}

/// `substr(period_start, 1, 7)`: SQLite counts characters, so does this.
fn month_of(period_start: &str) -> &str {
    period_start.char_indices().nth(7).map_or(period_start, |(at, _)| &period_start[..at])
}

impl SpendTally {
    pub(super) fn add(&mut self, line: &KeyedCostLine<'_>) {
        let month = month_of(line.period_start);
        let mut hasher = DefaultHasher::new();
        (month, line.vendor_id, line.system_id, line.initiative_id, line.department, line.currency, line.basis)
            .hash(&mut hasher);
        let bucket = self.groups.entry(hasher.finish()).or_default();
        let at = match bucket.iter().position(|g| g.is(month, line)) {
            Some(at) => at,
            None => {
                bucket.push(Group {
                    month: month.to_owned(),
                    vendor_id: line.vendor_id,
                    system_id: line.system_id,
                    initiative_id: line.initiative_id,
                    department: line.department.to_owned(),
                    currency: line.currency.to_owned(),
                    basis: line.basis.to_owned(),
                    micros: 0,
                    lines: 0,
                    overflowed: false,
                });
                bucket.len() - 1
            }
        };
        let group = &mut bucket[at];
        match group.micros.checked_add(line.amount_micros) {
            Some(sum) => group.micros = sum,
            None => group.overflowed = true,
        }
        group.lines += 1;
        self.lines += 1;
    }
}

impl Tx<'_> {
    /// Adds the tallied groups to `spend_rollup`, or marks their months dirty where that would
    /// not be exact. `false` (nothing written) when the tally did not see every line the batch
    /// stored: the caller then notes the batch's months to be re-summed.
    pub(super) fn add_tally_to_rollup(&self, tally: SpendTally, batch: i64) -> StoreResult<bool> {
        let conn = self.conn();
        let stored: i64 =
            conn.query_row("SELECT count(*) FROM cost_lines WHERE import_batch_id = ?1", [batch], |r| r.get(0))?;
        if u64::try_from(stored).ok() != Some(tally.lines) {
            return Ok(false);
        }
        let mut dirty_month =
            conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM spend_rollup_dirty WHERE month = ?1)")?;
        let mut mark_dirty = conn.prepare_cached("INSERT OR IGNORE INTO spend_rollup_dirty (month) VALUES (?1)")?;
        let mut find = conn.prepare_cached(
            "SELECT rowid, amount_micros, lines FROM spend_rollup
             WHERE month = ?1 AND vendor_id IS ?2 AND system_id IS ?3 AND initiative_id IS ?4
               AND department = ?5 AND currency = ?6 AND basis = ?7",
        )?;
        let mut update =
            conn.prepare_cached("UPDATE spend_rollup SET amount_micros = ?2, lines = ?3 WHERE rowid = ?1")?;
        let mut insert = conn.prepare_cached(
            "INSERT INTO spend_rollup
                 (month, vendor_id, system_id, initiative_id, department, currency, basis, amount_micros, lines)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for group in tally.groups.into_values().flatten() {
            // A dirty month is re-summed from the lines before the commit, the new ones included.
            if group.overflowed || dirty_month.query_row([&group.month], |r| r.get::<_, bool>(0))? {
                mark_dirty.execute([&group.month])?;
                continue;
            }
            let found: Option<(i64, i64, i64)> = find
                .query_row(
                    params![
                        group.month,
                        group.vendor_id,
                        group.system_id,
                        group.initiative_id,
                        group.department,
                        group.currency,
                        group.basis
                    ],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            match found {
                Some((rowid, micros, lines)) => match micros.checked_add(group.micros) {
                    Some(micros) => {
                        update.execute(params![rowid, micros, lines + group.lines])?;
                    }
                    None => {
                        mark_dirty.execute([&group.month])?;
                    }
                },
                None => {
                    insert.execute(params![
                        group.month,
                        group.vendor_id,
                        group.system_id,
                        group.initiative_id,
                        group.department,
                        group.currency,
                        group.basis,
                        group.micros,
                        group.lines
                    ])?;
                }
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Provenance, Store};
    use super::*;

    type Groups = Vec<(String, Option<i64>, Option<i64>, String, String, i64, i64)>;

    /// The rollup as stored, and as re-summing every live line would make it.
    fn both(store: &Store) -> (Groups, Groups) {
        let query = |sql: &str| -> Groups {
            let mut stmt = store.conn.prepare(sql).expect("query prepares");
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
                .expect("query runs")
                .map(|r| r.expect("row"))
                .collect()
        };
        (
            query(
                "SELECT month, system_id, initiative_id, department, currency, amount_micros, lines
                 FROM spend_rollup ORDER BY 1, 2, 3, 4, 5",
            ),
            query(
                "SELECT substr(period_start, 1, 7), system_id, initiative_id, department, currency,
                        sum(amount_micros), count(*)
                 FROM cost_lines WHERE replaced_by_batch IS NULL
                 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5",
            ),
        )
    }

    fn batch(tx: &Tx<'_>, id: i64) {
        tx.conn()
            .execute(
                "INSERT INTO import_batches (id, file_name, file_sha256, file_size, format, imported_at, imported_by)
                 VALUES (?1, 'f.csv', '', 0, 'x', 'now', 'me')",
                [id],
            )
            .expect("a batch inserts");
    }

    /// Stores a keyed line of `batch` as an import does; returns whether it was stored.
    fn line(tx: &Tx<'_>, batch: i64, key: &str, day: &str, micros: i64, department: &str, currency: &str) -> bool {
        let amount = micros.to_string();
        let line = KeyedCostLine {
            period_start: day,
            period_end: day,
            amount_exact: &amount,
            amount_micros: micros,
            currency,
            basis: "billed",
            quantity: None,
            unit: "",
            vendor_id: None,
            system_id: None,
            initiative_id: None,
            department,
            category: "",
            description: "",
            scope: "s",
            key,
            attributes_json: "{}",
        };
        let from = Provenance { batch_id: batch, file: "f.csv", sheet: None, row: 2 };
        tx.insert_keyed_cost_line(&line, &from, "now").expect("a line inserts")
    }

    #[test]
    fn an_import_adds_its_sums_to_the_rollup_exactly_as_re_summing_would() {
        let mut store = Store::in_memory().expect("store");
        store
            .write(|tx| {
                batch(tx, 1);
                // With the trigger in place: these months are re-summed by the write itself.
                assert!(line(tx, 1, "a", "2026-01-05", 100, "", "EUR"));
                assert!(line(tx, 1, "b", "2026-02-03", 7, "", "EUR"));
                assert!(line(tx, 1, "c", "2026-02-04", 9, "Ops", "USD"));
                Ok(())
            })
            .expect("the first import");
        store
            .write(|tx| {
                batch(tx, 2);
                tx.suspend_cost_line_trigger()?;
                assert!(line(tx, 2, "d", "2026-01-20", 5, "", "EUR"), "a group the rollup holds: added to");
                assert!(line(tx, 2, "e", "2026-01-21", 6, "Ops", "EUR"), "a new group of a held month");
                assert!(line(tx, 2, "f", "2026-03-01", 11, "", "EUR"), "a month the rollup does not hold");
                assert!(!line(tx, 2, "a", "2026-01-05", 100, "", "EUR"), "a live key is refused, not tallied");
                // Another write makes February dirty: it is re-summed, new line included.
                tx.conn().execute("UPDATE cost_lines SET replaced_by_batch = 2 WHERE dedupe_key = 'b'", [])?;
                assert!(line(tx, 2, "g", "2026-02-10", 13, "", "EUR"));
                tx.resume_cost_line_trigger(2)
            })
            .expect("the second import");
        let (rollup, lines) = both(&store);
        assert_eq!(rollup, lines, "the rollup equals the live lines, group by group");
        assert_eq!(rollup.len(), 5, "January twice, February twice, March once");
    }

    #[test]
    fn a_line_rolled_back_after_it_was_tallied_sends_the_months_to_be_re_summed() {
        let mut store = Store::in_memory().expect("store");
        store
            .write(|tx| {
                batch(tx, 1);
                tx.suspend_cost_line_trigger()?;
                assert!(line(tx, 1, "a", "2026-01-05", 100, "", "EUR"));
                // A mapped row with issues leaves nothing behind; the tally has counted it.
                tx.row_begin()?;
                assert!(line(tx, 1, "b", "2026-01-06", 50, "", "EUR"));
                tx.row_end(false)?;
                tx.resume_cost_line_trigger(1)
            })
            .expect("the import");
        let (rollup, lines) = both(&store);
        assert_eq!(rollup, lines, "the tally saw a line the batch does not hold, so the month was re-summed");
        assert_eq!(rollup[0].5, 100, "only the kept line counts");
    }

    #[test]
    fn months_are_cut_as_sqlite_substr_cuts_them() {
        assert_eq!(month_of("2026-04-30"), "2026-04", "an ISO day");
        assert_eq!(month_of("+10000-01-01"), "+10000-", "seven characters, as substr(…, 1, 7)");
        assert_eq!(month_of("2026"), "2026", "shorter than seven characters");
    }
}
