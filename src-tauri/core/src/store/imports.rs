//! Storage of imported facts: keyed lines, replace-by-scope, batch history and undo.
//!
//! A line a later import replaces is marked (`replaced_by_batch`), not deleted, so undoing that
//! import brings it back exactly. Every reader of cost lines and observations counts only lines
//! with `replaced_by_batch IS NULL`.

use rusqlite::{OptionalExtension, params};

use super::{Reader, StoreResult, Tx};

/// A keyed cost line ready to store (exact amount as text, micro-units for sums).
#[derive(Clone, Copy)]
pub struct KeyedCostLine<'a> {
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub amount_exact: &'a str,
    pub amount_micros: i64,
    pub currency: &'a str,
    pub basis: &'a str,
    pub quantity: Option<&'a str>,
    pub unit: &'a str,
    pub vendor_id: Option<i64>,
    pub system_id: Option<i64>,
    /// Set by the user's own cost sheets; vendor exports tie lines to systems only.
    pub initiative_id: Option<i64>,
    pub department: &'a str,
    /// What kind of cost, e.g. `one_off`; empty when the file does not say.
    pub category: &'a str,
    pub description: &'a str,
    pub scope: &'a str,
    pub key: &'a str,
    pub attributes_json: &'a str,
}

pub struct KeyedObservation<'a> {
    pub metric_key: &'a str,
    pub subject_type: &'a str,
    pub subject_id: i64,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub value_exact: &'a str,
    pub value: f64,
    pub scope: &'a str,
    pub key: &'a str,
}

pub struct LiveAmount {
    pub currency: String,
    pub basis: String,
    pub exact: Option<String>,
    pub micros: i64,
}

/// A scope an earlier import of another layout covered: its lines may be the same money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherScope {
    pub batch_id: i64,
    pub preset: String,
    pub file_name: String,
    pub scope: String,
}

/// What a keyed fact found already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    None,
    Same,
    Different(i64),
    /// A line of the import being written has the key: the file repeats a row.
    ThisBatch,
}

impl From<Option<(i64, bool, bool)>> for Existing {
    /// From the stored row with the same key, if any: (its id, whether its content is the same,
    /// whether the import being written stored it).
    fn from(found: Option<(i64, bool, bool)>) -> Existing {
        match found {
            None => Existing::None,
            Some((_, _, true)) => Existing::ThisBatch,
            Some((_, true, false)) => Existing::Same,
            Some((id, false, false)) => Existing::Different(id),
        }
    }
}

/// One batch in the import history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRecord {
    pub id: i64,
    pub file_name: String,
    pub sheet: Option<String>,
    pub format: String,
    pub preset: Option<String>,
    pub version: String,
    pub read_as: String,
    pub header_row: Option<u32>,
    pub rows_read: u64,
    pub rows_imported: u64,
    pub rows_skipped: u64,
    pub rows_unchanged: u64,
    pub rows_replaced: u64,
    pub issue_count: u64,
    pub issues_json: String,
    pub totals_json: String,
    pub control_total: Option<String>,
    pub imported_at: String,
    pub imported_by: String,
    pub undone_at: Option<String>,
    pub live_cost_lines: u64,
    pub live_observations: u64,
}

/// The description of a batch once the file has been read.
pub struct BatchFinish<'a> {
    pub format: &'a str,
    pub preset: Option<&'a str>,
    pub version: &'a str,
    pub read_as: &'a str,
    pub sheet: Option<&'a str>,
    pub header_row: Option<u32>,
    pub rows_read: u64,
    pub rows_imported: u64,
    pub rows_skipped: u64,
    pub rows_unchanged: u64,
    pub rows_replaced: u64,
    pub issue_count: u64,
    pub issues_json: &'a str,
    pub totals_json: &'a str,
    pub control_total: Option<&'a str>,
    pub sha256: &'a str,
    pub size: u64,
}

/// Stores one cost line with its provenance; its values come from [`cost_line_values`].
pub(super) const COST_LINE_INSERT: &str = "INSERT INTO cost_lines
     (period_start, period_end, amount_micros, amount_exact, currency, basis, quantity, unit,
      vendor_id, system_id, description, provider_scope, dedupe_key, attributes_json,
      import_batch_id, source_file, source_sheet, source_row, created_at, initiative_id, department,
      category)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
         ?20, ?21, ?22)";

/// The values of [`COST_LINE_INSERT`], in its order.
pub(super) fn cost_line_values<'a>(
    line: &'a KeyedCostLine<'_>,
    from: &'a super::Provenance<'_>,
    now: &'a &'a str,
) -> [&'a dyn rusqlite::ToSql; 22] {
    [
        &line.period_start,
        &line.period_end,
        &line.amount_micros,
        &line.amount_exact,
        &line.currency,
        &line.basis,
        &line.quantity,
        &line.unit,
        &line.vendor_id,
        &line.system_id,
        &line.description,
        &line.scope,
        &line.key,
        &line.attributes_json,
        &from.batch_id,
        &from.file,
        &from.sheet,
        &from.row,
        now,
        &line.initiative_id,
        &line.department,
        &line.category,
    ]
}

impl Tx<'_> {
    /// Opens a batch before its rows are stored (they refer to it) and clears the seen-keys table.
    pub fn begin_batch(&self, file_name: &str, sha256: &str, size: u64, at: &str, by: &str) -> StoreResult<i64> {
        let conn = self.conn();
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS import_seen (key TEXT PRIMARY KEY) WITHOUT ROWID;
             DELETE FROM temp.import_seen;",
        )?;
        conn.execute(
            "INSERT INTO import_batches (file_name, file_sha256, file_size, format, imported_at, imported_by)
             VALUES (?1, ?2, ?3, 'reading', ?4, ?5)",
            params![file_name, sha256, size as i64, at, by],
        )?;
        Ok(conn.last_insert_rowid())
    }

    pub fn finish_batch(&self, id: i64, finish: &BatchFinish<'_>) -> StoreResult<()> {
        self.conn().execute(
            "UPDATE import_batches SET format = ?2, preset = ?3, version = ?4, read_as = ?5, sheet = ?6,
                 header_row = ?7, rows_read = ?8, rows_imported = ?9, rows_skipped = ?10, rows_unchanged = ?11,
                 rows_replaced = ?12, issues_json = ?13, totals_json = ?14, control_total = ?15,
                 file_sha256 = ?16, file_size = ?17, issue_count = ?18
             WHERE id = ?1",
            params![
                id,
                finish.format,
                finish.preset,
                finish.version,
                finish.read_as,
                finish.sheet,
                finish.header_row,
                finish.rows_read as i64,
                finish.rows_imported as i64,
                finish.rows_skipped as i64,
                finish.rows_unchanged as i64,
                finish.rows_replaced as i64,
                finish.issues_json,
                finish.totals_json,
                finish.control_total,
                finish.sha256,
                finish.size as i64,
                finish.issue_count as i64
            ],
        )?;
        Ok(())
    }

    /// A batch that changed nothing is not kept: re-importing a file leaves no trace but the answer.
    /// Forgets a batch that stored nothing (its record-change notes and scopes go with it).
    pub fn discard_batch(&self, id: i64) -> StoreResult<()> {
        let conn = self.conn();
        conn.execute("DELETE FROM import_record_changes WHERE batch_id = ?1", [id])?;
        conn.execute("DELETE FROM import_batch_scopes WHERE batch_id = ?1", [id])?;
        conn.execute("DELETE FROM import_batches WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Remembers a key as seen in the file being imported; `false` when an earlier row of the
    /// same file already claimed it.
    fn remember_key(&self, key: &str) -> StoreResult<bool> {
        let added =
            self.conn().prepare_cached("INSERT OR IGNORE INTO temp.import_seen (key) VALUES (?1)")?.execute([key])?;
        Ok(added == 1)
    }

    /// Compares a cost line with the live line of the same key, and remembers the key as seen.
    pub fn existing_cost_line(&self, line: &KeyedCostLine<'_>, batch: i64) -> StoreResult<Existing> {
        if !self.remember_key(line.key)? {
            return Ok(Existing::ThisBatch);
        }
        let found: Option<(i64, bool, bool)> = self
            .conn()
            .prepare_cached(
                "SELECT id, (period_start = ?2 AND period_end = ?3 AND amount_exact = ?4 AND currency = ?5
                             AND basis = ?6 AND quantity IS ?7 AND unit = ?8 AND description = ?9
                             AND attributes_json = ?10 AND system_id IS ?11 AND initiative_id IS ?13
                             AND department = ?14 AND category = ?15),
                        import_batch_id IS ?12
                 FROM cost_lines WHERE dedupe_key = ?1 AND replaced_by_batch IS NULL",
            )?
            .query_row(
                params![
                    line.key,
                    line.period_start,
                    line.period_end,
                    line.amount_exact,
                    line.currency,
                    line.basis,
                    line.quantity,
                    line.unit,
                    line.description,
                    line.attributes_json,
                    line.system_id,
                    batch,
                    line.initiative_id,
                    line.department,
                    line.category
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(Existing::from(found))
    }

    pub fn mark_cost_line_replaced(&self, id: i64, batch: i64) -> StoreResult<()> {
        self.conn()
            .prepare_cached("UPDATE cost_lines SET replaced_by_batch = ?2 WHERE id = ?1")?
            .execute(params![id, batch])?;
        Ok(())
    }

    /// Drops the trigger that notes each inserted cost line's month for the rollups, for the
    /// length of one import inside its transaction. A trigger makes every insert a multi-write
    /// statement, which SQLite guards with a statement journal (a copy of each page it touches):
    /// half of a large import's database time. [`Tx::resume_cost_line_trigger`] puts it back
    /// and brings the rollup up to date itself; if the import fails in between, the transaction
    /// rolls back with the trigger in it. Other programs writing the file still meet the trigger.
    /// Meanwhile [`Tx::insert_keyed_cost_line`] sums the lines it stores as the rollup groups them.
    pub fn suspend_cost_line_trigger(&self) -> StoreResult<()> {
        self.conn().execute_batch("DROP TRIGGER IF EXISTS cost_lines_rollup_insert")?;
        self.1.replace(Some(super::tally::SpendTally::default()));
        Ok(())
    }

    /// Adds the spend of the batch's cost lines to the rollup (or, when the lines were not all
    /// stored through [`Tx::insert_keyed_cost_line`], notes their months to be re-summed) and
    /// restores the trigger, exactly as migration 0004 wrote it.
    pub fn resume_cost_line_trigger(&self, batch: i64) -> StoreResult<()> {
        let tallied = match self.1.take() {
            Some(tally) => self.add_tally_to_rollup(tally, batch)?,
            None => false,
        };
        if !tallied {
            self.conn()
                .prepare_cached(
                    "INSERT OR IGNORE INTO spend_rollup_dirty (month)
                     SELECT DISTINCT substr(period_start, 1, 7) FROM cost_lines WHERE import_batch_id = ?1",
                )?
                .execute([batch])?;
        }
        self.conn().execute_batch(COST_LINE_INSERT_TRIGGER)?;
        Ok(())
    }

    /// Stores a line; `false` when a live line already has its key (the caller picks the next).
    pub fn insert_keyed_cost_line(
        &self,
        line: &KeyedCostLine<'_>,
        from: &super::Provenance<'_>,
        now: &str,
    ) -> StoreResult<bool> {
        let inserted = self.conn().prepare_cached(COST_LINE_INSERT)?.execute(&cost_line_values(line, from, &now)[..]);
        match inserted {
            Ok(_) => {
                if let Some(tally) = self.1.borrow_mut().as_mut() {
                    tally.add(line);
                }
                Ok(true)
            }
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Whether an earlier import left live lines in this scope; when none did, a file's lines
    /// need no comparison (the first import of a month is the fast, common case).
    pub fn scope_has_lines(&self, scope: &str, batch: i64) -> StoreResult<bool> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM cost_lines
                            WHERE provider_scope = ?1 AND replaced_by_batch IS NULL AND import_batch_id IS NOT ?2)",
            )?
            .query_row(params![scope, batch], |r| r.get(0))?)
    }

    /// Marks the live lines of a covered scope that the new file no longer holds as replaced,
    /// within the days the file covers (`from..=to`): an export of 16–31 October does not
    /// retire the lines of 1–15 October. Lines imported from one of `keep_files` stay.
    pub fn replace_unseen_in_scope(
        &self,
        scope: &str,
        batch: i64,
        from: &str,
        to: &str,
        keep_files: &[String],
    ) -> StoreResult<u64> {
        let keep = serde_json::to_string(keep_files).unwrap_or_else(|_| "[]".into());
        let n = self
            .conn()
            .prepare_cached(
                "UPDATE cost_lines SET replaced_by_batch = ?2
                 WHERE provider_scope = ?1 AND replaced_by_batch IS NULL AND import_batch_id IS NOT ?2
                   AND period_start BETWEEN ?3 AND ?4
                   AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.key = cost_lines.dedupe_key)
                   AND COALESCE(source_file, '') NOT IN (SELECT value FROM json_each(?5))",
            )?
            .execute(params![scope, batch, from, to, keep])?;
        Ok(n as u64)
    }

    /// The scopes live, earlier batches of *other* presets covered for one provider and basis
    /// (`prefix` = `provider|basis|`), oldest batch first: where the same money may already be held
    /// in another export's layout. Read through the scope index, as a range of the prefix.
    pub fn scopes_of_other_layouts(&self, prefix: &str, preset: &str, batch: i64) -> StoreResult<Vec<OtherScope>> {
        // Every text that starts with the prefix sorts from it up to (not including) the prefix
        // with its last byte, the `|`, raised by one.
        let upper = format!("{}}}", prefix.strip_suffix('|').unwrap_or(prefix));
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.batch_id, b.preset, b.file_name, s.scope
             FROM import_batch_scopes s JOIN import_batches b ON b.id = s.batch_id
             WHERE s.scope >= ?1 AND s.scope < ?2 AND s.batch_id IS NOT ?4
               AND b.undone_at IS NULL AND b.preset IS NOT NULL AND b.preset IS NOT ?3
             ORDER BY s.batch_id, s.scope",
        )?;
        let rows = stmt.query_map(params![prefix, upper, preset, batch], |r| {
            Ok(OtherScope { batch_id: r.get(0)?, preset: r.get(1)?, file_name: r.get(2)?, scope: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks the live lines `other` stored in its scope within `from..=to` (period start) as
    /// replaced by `batch`, as a restatement does; returns what each one held.
    pub fn replace_overlapping(
        &self,
        other: &OtherScope,
        batch: i64,
        from: &str,
        to: &str,
    ) -> StoreResult<Vec<LiveAmount>> {
        let mut stmt = self.conn().prepare_cached(
            "UPDATE cost_lines SET replaced_by_batch = ?5
             WHERE provider_scope = ?1 AND import_batch_id = ?2 AND replaced_by_batch IS NULL
               AND period_start BETWEEN ?3 AND ?4
             RETURNING currency, basis, amount_exact, amount_micros",
        )?;
        let rows = stmt.query_map(params![other.scope, other.batch_id, from, to, batch], live_amount)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The live lines [`Tx::replace_overlapping`] would replace, left as they are.
    pub fn overlapping_lines(&self, other: &OtherScope, from: &str, to: &str) -> StoreResult<Vec<LiveAmount>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT currency, basis, amount_exact, amount_micros FROM cost_lines
             WHERE provider_scope = ?1 AND import_batch_id = ?2 AND replaced_by_batch IS NULL
               AND period_start BETWEEN ?3 AND ?4",
        )?;
        let rows = stmt.query_map(params![other.scope, other.batch_id, from, to], live_amount)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The files the live lines came from that [`Tx::replace_unseen_in_scope`] would retire, by
    /// name, so the caller can decide which of them to keep.
    pub fn unseen_files_in_scope(&self, scope: &str, batch: i64, from: &str, to: &str) -> StoreResult<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT COALESCE(source_file, '') FROM cost_lines
             WHERE provider_scope = ?1 AND replaced_by_batch IS NULL AND import_batch_id IS NOT ?2
               AND period_start BETWEEN ?3 AND ?4
               AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.key = cost_lines.dedupe_key)
             ORDER BY 1",
        )?;
        let files = stmt.query_map(params![scope, batch, from, to], |r| r.get(0))?;
        Ok(files.collect::<Result<Vec<String>, _>>()?)
    }

    /// Remembers which scopes a batch covered, so an earlier batch of the same scope is not
    /// undone from under it.
    pub fn add_batch_scope(&self, batch: i64, scope: &str) -> StoreResult<()> {
        self.conn()
            .prepare_cached("INSERT OR IGNORE INTO import_batch_scopes (batch_id, scope) VALUES (?1, ?2)")?
            .execute(params![batch, scope])?;
        Ok(())
    }

    /// A later, live batch that covered a scope this batch covered.
    pub fn later_batch_in_scope(&self, batch: i64) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT later.batch_id FROM import_batch_scopes mine
                 JOIN import_batch_scopes later ON later.scope = mine.scope AND later.batch_id > mine.batch_id
                 JOIN import_batches b ON b.id = later.batch_id AND b.undone_at IS NULL
                 WHERE mine.batch_id = ?1 ORDER BY later.batch_id DESC LIMIT 1",
                [batch],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether undoing this batch would bring anything back (lines it retired).
    pub fn batch_retired_lines(&self, batch: i64) -> StoreResult<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM cost_lines WHERE replaced_by_batch = ?1)
                 OR EXISTS (SELECT 1 FROM metric_observations WHERE replaced_by_batch = ?1)",
            [batch],
            |r| r.get(0),
        )?)
    }

    pub fn existing_observation(&self, obs: &KeyedObservation<'_>, batch: i64) -> StoreResult<Existing> {
        let found: Option<(i64, bool, bool)> = self
            .conn()
            .prepare_cached(
                "SELECT id, (value_exact = ?2 AND subject_type = ?3 AND subject_id = ?4), import_batch_id IS ?5
                 FROM metric_observations WHERE dedupe_key = ?1 AND replaced_by_batch IS NULL",
            )?
            .query_row(params![obs.key, obs.value_exact, obs.subject_type, obs.subject_id, batch], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        Ok(Existing::from(found))
    }

    pub fn mark_observation_replaced(&self, id: i64, batch: i64) -> StoreResult<()> {
        self.conn()
            .execute("UPDATE metric_observations SET replaced_by_batch = ?2 WHERE id = ?1", params![id, batch])?;
        Ok(())
    }

    pub fn insert_keyed_observation(
        &self,
        obs: &KeyedObservation<'_>,
        from: &super::Provenance<'_>,
        now: &str,
    ) -> StoreResult<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO metric_observations
                     (metric_key, subject_type, subject_id, period_start, period_end, value, value_exact, scope,
                      dedupe_key, import_batch_id, source_file, source_sheet, source_row, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                obs.metric_key,
                obs.subject_type,
                obs.subject_id,
                obs.period_start,
                obs.period_end,
                obs.value,
                obs.value_exact,
                obs.scope,
                obs.key,
                from.batch_id,
                from.file,
                from.sheet,
                from.row,
                now
            ])?;
        Ok(())
    }

    /// The live vendor of that name (any case), if there is one.
    pub fn vendor_named(&self, name: &str) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .query_row("SELECT id FROM vendors WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Attribution rules for one source (or every source, `*`): (field, value, system).
    pub fn attribution_rules(&self, source: &str) -> StoreResult<Vec<(String, String, i64)>> {
        let mut stmt = self.conn().prepare(
            "SELECT r.field, r.match_value, r.system_id FROM attribution_rules r
             JOIN ai_systems s ON s.id = r.system_id AND s.deleted_at IS NULL
             WHERE r.source IN (?1, '*') ORDER BY r.position, r.id",
        )?;
        let rows = stmt.query_map([source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Saves a rule at the end of the priority order and re-applies the rule set to the stored
    /// lines it matches; returns the rule's id.
    pub fn add_attribution_rule(
        &self,
        source: &str,
        field: &str,
        value: &str,
        system: i64,
        now: &str,
    ) -> StoreResult<(i64, Reapplied)> {
        let conn = self.conn();
        conn.execute(
            "INSERT INTO attribution_rules (source, field, match_value, system_id, position, created_at)
             VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM attribution_rules), ?5)",
            params![source, field, value, system, now],
        )?;
        let id = conn.last_insert_rowid();
        let rule = RuleDefinition { source, field, value };
        Ok((id, self.reapply_attribution(id, &[rule])?))
    }

    /// One saved rule as it is stored (its system may since have been deleted).
    pub fn attribution_rule(&self, id: i64) -> StoreResult<Option<StoredRule>> {
        Ok(self.conn().query_row(&format!("{RULE_COLUMNS} WHERE r.id = ?1"), [id], stored_rule).optional()?)
    }

    /// Changes a rule in place (it keeps its priority) and re-applies the rule set to the lines
    /// its old or new definition matches: a line it no longer matches goes to the next rule
    /// that matches it, or back to unattributed. `None` when there is no such rule.
    pub fn update_attribution_rule(
        &self,
        id: i64,
        source: &str,
        field: &str,
        value: &str,
        system: i64,
    ) -> StoreResult<Option<(StoredRule, Reapplied)>> {
        let Some(before) = self.attribution_rule(id)? else { return Ok(None) };
        self.conn().execute(
            "UPDATE attribution_rules SET source = ?2, field = ?3, match_value = ?4, system_id = ?5 WHERE id = ?1",
            params![id, source, field, value, system],
        )?;
        let old = RuleDefinition { source: &before.source, field: &before.field, value: &before.value };
        let reapplied = self.reapply_attribution(id, &[old, RuleDefinition { source, field, value }])?;
        Ok(Some((before, reapplied)))
    }

    /// Deletes a rule and re-applies the rule set to the lines it matched. `None` when there is
    /// no such rule.
    pub fn delete_attribution_rule(&self, id: i64) -> StoreResult<Option<(StoredRule, Reapplied)>> {
        let Some(before) = self.attribution_rule(id)? else { return Ok(None) };
        self.conn().execute("DELETE FROM attribution_rules WHERE id = ?1", [id])?;
        let old = RuleDefinition { source: &before.source, field: &before.field, value: &before.value };
        let reapplied = self.reapply_attribution(id, &[old])?;
        Ok(Some((before, reapplied)))
    }

    /// Moves a rule to index `to` of the priority order (0 is tried first; past the end means
    /// last) and numbers every rule's position 1, 2, … again, then re-applies the rule set to
    /// the lines the moved rule matches. Only those can change hands: the other rules keep
    /// their order among themselves. `None` when there is no such rule.
    pub fn move_attribution_rule(&self, id: i64, to: usize) -> StoreResult<Option<MovedRule>> {
        let Some(rule) = self.attribution_rule(id)? else { return Ok(None) };
        let mut order: Vec<i64> = {
            let mut stmt = self.conn().prepare("SELECT id FROM attribution_rules ORDER BY position, id")?;
            let ids = stmt.query_map([], |r| r.get(0))?;
            ids.collect::<Result<_, _>>()?
        };
        let from = order.iter().position(|r| *r == id).expect("the rule was just read from this table");
        let to = to.min(order.len() - 1);
        order.remove(from);
        order.insert(to, id);
        // Numbered 1..n again, written only where a number differs: the gaps deletes leave are
        // closed, and otherwise only the rows between the rule's two places are rewritten.
        let mut renumber =
            self.conn().prepare("UPDATE attribution_rules SET position = ?2 WHERE id = ?1 AND position IS NOT ?2")?;
        for (position, rule_id) in (1_i64..).zip(&order) {
            renumber.execute(params![rule_id, position])?;
        }
        let definition = RuleDefinition { source: &rule.source, field: &rule.field, value: &rule.value };
        let reapplied = self.reapply_attribution(id, &[definition])?;
        Ok(Some(MovedRule { from, to, reapplied }))
    }

    /// Sets each imported line that one of `definitions` matches to the AI system of the first
    /// rule (by `position`) that matches it now, as an import would. Lines of other sources,
    /// and lines no rule ever matched, cannot change and are not read. Lines a later import
    /// replaced are kept in step too, so undoing that import brings them back attributed by
    /// today's rules.
    fn reapply_attribution(&self, rule_id: i64, definitions: &[RuleDefinition<'_>]) -> StoreResult<Reapplied> {
        let conn = self.conn();
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS attribution_touched (id INTEGER PRIMARY KEY, before INTEGER);
             DELETE FROM temp.attribution_touched;",
        )?;
        for rule in definitions {
            conn.execute(
                &format!(
                    "INSERT OR IGNORE INTO temp.attribution_touched (id, before)
                     SELECT c.id, c.system_id FROM cost_lines c JOIN import_batches b ON b.id = c.import_batch_id
                     WHERE b.preset IS NOT NULL AND (?1 = '*' OR b.preset = ?1) AND {}",
                    matches("?2", "?3", "c.attributes_json")
                ),
                params![rule.source, rule.field, rule.value],
            )?;
        }
        let first = first_rule("r.system_id", "b.preset", "c.attributes_json");
        conn.execute(
            &format!(
                "UPDATE cost_lines AS c SET system_id = ({first})
                 FROM import_batches b
                 WHERE b.id = c.import_batch_id AND c.id IN (SELECT id FROM temp.attribution_touched)
                   AND c.system_id IS NOT ({first})"
            ),
            [],
        )?;
        let first_id = first_rule("r.id", "b.preset", "c.attributes_json");
        let (lines, released, changed) = conn.query_row(
            &format!(
                "SELECT coalesce(sum(c.replaced_by_batch IS NULL AND ({first_id}) IS ?1), 0),
                        coalesce(sum(c.replaced_by_batch IS NULL AND t.before IS NOT NULL AND c.system_id IS NULL), 0),
                        coalesce(sum(c.replaced_by_batch IS NULL AND c.system_id IS NOT t.before), 0)
                 FROM temp.attribution_touched t JOIN cost_lines c ON c.id = t.id
                 JOIN import_batches b ON b.id = c.import_batch_id"
            ),
            [rule_id],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)? as u64)),
        )?;
        Ok(Reapplied { lines, released, changed })
    }

    /// Which later batch replaced lines of this one, if any: it must be undone first.
    pub fn batch_replaced_by(&self, batch: i64) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT replaced_by_batch FROM cost_lines
                 WHERE import_batch_id = ?1 AND replaced_by_batch IS NOT NULL AND replaced_by_batch != ?1
                 UNION ALL
                 SELECT replaced_by_batch FROM metric_observations
                 WHERE import_batch_id = ?1 AND replaced_by_batch IS NOT NULL AND replaced_by_batch != ?1
                 LIMIT 1",
                [batch],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Removes a batch's facts and brings back what it replaced; the batch stays in the history.
    pub fn undo_batch(&self, batch: i64, at: &str) -> StoreResult<(u64, u64)> {
        let conn = self.conn();
        let removed = conn.execute("DELETE FROM cost_lines WHERE import_batch_id = ?1", [batch])? as u64
            + conn.execute("DELETE FROM metric_observations WHERE import_batch_id = ?1", [batch])? as u64;
        let restored = conn
            .execute("UPDATE cost_lines SET replaced_by_batch = NULL WHERE replaced_by_batch = ?1", [batch])?
            as u64
            + conn.execute(
                "UPDATE metric_observations SET replaced_by_batch = NULL WHERE replaced_by_batch = ?1",
                [batch],
            )? as u64;
        conn.execute("UPDATE import_batches SET undone_at = ?2 WHERE id = ?1", params![batch, at])?;
        Ok((removed, restored))
    }

    pub fn batch(&self, id: i64) -> StoreResult<Option<BatchRecord>> {
        Reader(self.conn()).batch(id)
    }
}

const BATCH_COLUMNS: &str = "b.id, b.file_name, b.sheet, b.format, b.preset, b.version, b.read_as, b.header_row,
     b.rows_read, b.rows_imported, b.rows_skipped, b.rows_unchanged, b.rows_replaced, b.issues_json, b.totals_json,
     b.control_total, b.imported_at, b.imported_by, b.undone_at,
     (SELECT count(*) FROM cost_lines c WHERE c.import_batch_id = b.id AND c.replaced_by_batch IS NULL),
     (SELECT count(*) FROM metric_observations o WHERE o.import_batch_id = b.id AND o.replaced_by_batch IS NULL),
     b.issue_count";

fn batch_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<BatchRecord> {
    Ok(BatchRecord {
        id: r.get(0)?,
        file_name: r.get(1)?,
        sheet: r.get(2)?,
        format: r.get(3)?,
        preset: r.get(4)?,
        version: r.get(5)?,
        read_as: r.get(6)?,
        header_row: r.get(7)?,
        rows_read: r.get::<_, i64>(8)? as u64,
        rows_imported: r.get::<_, i64>(9)? as u64,
        rows_skipped: r.get::<_, i64>(10)? as u64,
        rows_unchanged: r.get::<_, i64>(11)? as u64,
        rows_replaced: r.get::<_, i64>(12)? as u64,
        issues_json: r.get(13)?,
        totals_json: r.get(14)?,
        control_total: r.get(15)?,
        imported_at: r.get(16)?,
        imported_by: r.get(17)?,
        undone_at: r.get(18)?,
        live_cost_lines: r.get::<_, i64>(19)? as u64,
        live_observations: r.get::<_, i64>(20)? as u64,
        issue_count: r.get::<_, i64>(21)? as u64,
    })
}

impl Reader<'_> {
    /// Every batch, newest first.
    pub fn batches(&self) -> StoreResult<Vec<BatchRecord>> {
        let mut stmt = self.0.prepare(&format!("SELECT {BATCH_COLUMNS} FROM import_batches b ORDER BY b.id DESC"))?;
        let rows = stmt.query_map([], batch_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn batch(&self, id: i64) -> StoreResult<Option<BatchRecord>> {
        Ok(self
            .0
            .query_row(&format!("SELECT {BATCH_COLUMNS} FROM import_batches b WHERE b.id = ?1"), [id], batch_of)
            .optional()?)
    }

    /// Every live cost line's (currency, basis, exact amount when imported, micro-units), for
    /// exact reconciliation summed by the caller.
    pub fn live_cost_amounts(&self) -> StoreResult<Vec<LiveAmount>> {
        let mut stmt = self.0.prepare(
            "SELECT currency, basis, amount_exact, amount_micros FROM cost_lines WHERE replaced_by_batch IS NULL",
        )?;
        let rows = stmt.query_map([], live_amount)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A line's (currency, basis, exact amount, micro-units), selected in that order.
fn live_amount(r: &rusqlite::Row<'_>) -> rusqlite::Result<LiveAmount> {
    Ok(LiveAmount { currency: r.get(0)?, basis: r.get(1)?, exact: r.get(2)?, micros: r.get(3)? })
}

/// Which lines a rule matches: those of `source` (a preset id, or `*`) whose `field` equals
/// `value` (any case), or every line of the source when `field` is `*`.
#[derive(Debug, Clone, Copy)]
struct RuleDefinition<'a> {
    source: &'a str,
    field: &'a str,
    value: &'a str,
}

/// A saved attribution rule with what it attributes today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRule {
    pub id: i64,
    pub position: i64,
    pub source: String,
    pub field: String,
    pub value: String,
    pub system_id: i64,
    pub system_name: String,
    pub system_deleted: bool,
}

/// What re-applying the rules did for one rule: the live lines it attributes now, the live
/// lines the change left without an AI system, and the live lines whose AI system it changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reapplied {
    pub lines: u64,
    pub released: u64,
    pub changed: u64,
}

/// A rule moved in the priority order: where it was and where it is now (0-based), and what
/// re-applying the rules did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovedRule {
    pub from: usize,
    pub to: usize,
    pub reapplied: Reapplied,
}

/// Live lines and money (micro-units per currency and basis) of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSpend {
    pub currency: String,
    pub basis: String,
    pub lines: u64,
    pub micros: i64,
}

/// Money of still-unattributed lines that carry one attribution value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnattributedGroup {
    pub source: String,
    pub field: String,
    pub value: String,
    pub spend: LineSpend,
}

const RULE_COLUMNS: &str = "SELECT r.id, r.position, r.source, r.field, r.match_value, r.system_id,
         coalesce(s.name, ''), s.deleted_at IS NOT NULL
     FROM attribution_rules r LEFT JOIN ai_systems s ON s.id = r.system_id";

fn stored_rule(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredRule> {
    Ok(StoredRule {
        id: r.get(0)?,
        position: r.get(1)?,
        source: r.get(2)?,
        field: r.get(3)?,
        value: r.get(4)?,
        system_id: r.get::<_, Option<i64>>(5)?.unwrap_or_default(),
        system_name: r.get(6)?,
        system_deleted: r.get(7)?,
    })
}

/// SQL: whether the attributes (a JSON object) hold `field` = `value`, any case, or `field` is `*`.
/// SQLite's NOCASE folds ASCII only, as the importer's `eq_ignore_ascii_case` does.
fn matches(field: &str, value: &str, attributes: &str) -> String {
    format!(
        "({field} = '*' OR EXISTS (SELECT 1 FROM json_each({attributes}) a
                                  WHERE a.key = {field} COLLATE NOCASE AND a.value = {value} COLLATE NOCASE))"
    )
}

/// SQL: `column` of the first rule, by priority, that attributes a line of `preset` with these
/// attributes, among rules whose AI system is live (the importer's order, `attribution_rules`).
fn first_rule(column: &str, preset: &str, attributes: &str) -> String {
    format!(
        "SELECT {column} FROM attribution_rules r JOIN ai_systems s ON s.id = r.system_id AND s.deleted_at IS NULL
         WHERE r.source IN ({preset}, '*') AND {}
         ORDER BY r.position, r.id LIMIT 1",
        matches("r.field", "r.match_value", attributes)
    )
}

impl Reader<'_> {
    /// Every saved rule in priority order.
    pub fn attribution_rule_list(&self) -> StoreResult<Vec<StoredRule>> {
        let mut stmt = self.0.prepare(&format!("{RULE_COLUMNS} ORDER BY r.position, r.id"))?;
        let rows = stmt.query_map([], stored_rule)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Per rule, the live imported lines it attributes (it is the first rule that matches them
    /// and they carry its AI system), with their money per currency and basis. Lines are read
    /// grouped by their attribute set, which repeats far more than lines do.
    pub fn attributed_by_rule(&self) -> StoreResult<Vec<(i64, LineSpend)>> {
        let first = first_rule("r.id", "g.preset", "g.attributes_json");
        let mut stmt = self.0.prepare(&format!(
            "WITH g AS (
                 SELECT b.preset, c.attributes_json, c.system_id, c.currency, c.basis,
                        count(*) AS lines, sum(c.amount_micros) AS micros
                 FROM cost_lines c JOIN import_batches b ON b.id = c.import_batch_id
                 WHERE c.replaced_by_batch IS NULL AND c.system_id IS NOT NULL AND b.preset IS NOT NULL
                 GROUP BY b.preset, c.attributes_json, c.system_id, c.currency, c.basis),
             w AS (SELECT ({first}) AS rule_id, g.* FROM g)
             SELECT w.rule_id, w.currency, w.basis, sum(w.lines), sum(w.micros)
             FROM w JOIN attribution_rules r ON r.id = w.rule_id AND r.system_id = w.system_id
             GROUP BY w.rule_id, w.currency, w.basis"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                LineSpend {
                    currency: r.get(1)?,
                    basis: r.get(2)?,
                    lines: r.get::<_, i64>(3)? as u64,
                    micros: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every attribution value the live, still-unattributed imported lines carry, per source and
    /// field, with their count and money per currency and basis.
    pub fn unattributed_values(&self) -> StoreResult<Vec<UnattributedGroup>> {
        let mut stmt = self.0.prepare(
            "SELECT b.preset, a.key, a.value, c.currency, c.basis, count(*), sum(c.amount_micros)
             FROM cost_lines c JOIN import_batches b ON b.id = c.import_batch_id, json_each(c.attributes_json) a
             WHERE c.replaced_by_batch IS NULL AND c.system_id IS NULL AND c.initiative_id IS NULL
               AND b.preset IS NOT NULL AND a.type = 'text'
             GROUP BY b.preset, a.key, a.value, c.currency, c.basis",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(UnattributedGroup {
                source: r.get(0)?,
                field: r.get(1)?,
                value: r.get(2)?,
                spend: LineSpend {
                    currency: r.get(3)?,
                    basis: r.get(4)?,
                    lines: r.get::<_, i64>(5)? as u64,
                    micros: r.get(6)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A record an import created (`before_json` = `None`) or changed.
pub struct RecordChange {
    pub entity: String,
    pub entity_id: i64,
    pub before_json: Option<String>,
}

impl Tx<'_> {
    pub fn add_record_change(&self, batch: i64, entity: &str, id: i64, before_json: Option<&str>) -> StoreResult<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO import_record_changes (batch_id, entity, entity_id, before_json) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![batch, entity, id, before_json])?;
        Ok(())
    }

    /// The batch's record changes, newest first (the order to undo them in).
    pub fn record_changes(&self, batch: i64) -> StoreResult<Vec<RecordChange>> {
        let mut stmt = self.conn().prepare(
            "SELECT entity, entity_id, before_json FROM import_record_changes WHERE batch_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([batch], |r| {
            Ok(RecordChange { entity: r.get(0)?, entity_id: r.get(1)?, before_json: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A later, live import that changed a record this batch changed: it must be undone first.
    pub fn later_record_change(&self, batch: i64) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT later.batch_id FROM import_record_changes mine
                 JOIN import_record_changes later
                   ON later.entity = mine.entity AND later.entity_id = mine.entity_id AND later.batch_id > mine.batch_id
                 JOIN import_batches b ON b.id = later.batch_id AND b.undone_at IS NULL
                 WHERE mine.batch_id = ?1 LIMIT 1",
                [batch],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A live AI system by code, else by name (any case).
    pub fn system_by_code_or_name(&self, text: &str) -> StoreResult<Option<i64>> {
        self.by_code_or_name("ai_systems", text)
    }

    /// A live initiative by code, else by name (any case).
    pub fn initiative_by_code_or_name(&self, text: &str) -> StoreResult<Option<i64>> {
        self.by_code_or_name("initiatives", text)
    }

    fn by_code_or_name(&self, table: &'static str, text: &str) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT id FROM {table} WHERE deleted_at IS NULL AND (code = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE)
                 ORDER BY code = ?1 COLLATE NOCASE DESC LIMIT 1"
            ))?
            .query_row([text.trim()], |r| r.get(0))
            .optional()?)
    }

    /// A live record of `table` whose `column` equals `value` (any case).
    pub fn live_id_by(&self, table: &str, column: &str, value: &str) -> StoreResult<Option<i64>> {
        let sql = format!(
            "SELECT id FROM {table} WHERE deleted_at IS NULL AND {column} = ?1 COLLATE NOCASE ORDER BY id LIMIT 1"
        );
        Ok(self.conn().prepare_cached(&sql)?.query_row([value.trim()], |r| r.get(0)).optional()?)
    }

    /// The next free code of the form `PREFIX-001` among every row of `table`, deleted or not.
    pub fn next_code(&self, table: &str, prefix: &str) -> StoreResult<String> {
        let sql = format!(
            "SELECT coalesce(max(CAST(substr(code, ?2) AS INTEGER)), 0) FROM {table}
             WHERE code LIKE ?1 || '-%' AND substr(code, ?2) GLOB '[0-9]*'"
        );
        let start = prefix.len() as i64 + 2;
        let max: i64 = self.conn().query_row(&sql, params![prefix, start], |r| r.get(0))?;
        Ok(format!("{prefix}-{:03}", max + 1))
    }

    /// Makes sure a custom KPI has a definition; returns its key.
    pub fn ensure_metric(&self, key: &str, name: &str, unit: &str) -> StoreResult<()> {
        self.conn().execute(
            "INSERT OR IGNORE INTO metric_definitions (key, name, category, unit, aggregation, tier)
             VALUES (?1, ?2, 'custom', ?3, 'sum', 'observed')",
            params![key, name, unit],
        )?;
        Ok(())
    }

    pub fn saved_mapping_for(&self, signature: &str) -> StoreResult<Option<(String, String)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT name, mapping_json FROM saved_mappings WHERE header_signature = ?1 ORDER BY updated_at DESC LIMIT 1",
                [signature],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    pub fn save_mapping(&self, name: &str, target: &str, signature: &str, json: &str, now: &str) -> StoreResult<()> {
        self.conn().execute(
            "INSERT INTO saved_mappings (name, target, header_signature, mapping_json, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (name) DO UPDATE SET target = excluded.target, header_signature = excluded.header_signature,
                 mapping_json = excluded.mapping_json, updated_at = excluded.updated_at",
            params![name, target, signature, json, now],
        )?;
        Ok(())
    }
}

/// The insert trigger of migration 0004, word for word (a test compares it with the schema).
pub(super) const COST_LINE_INSERT_TRIGGER: &str =
    "CREATE TRIGGER IF NOT EXISTS cost_lines_rollup_insert AFTER INSERT ON cost_lines BEGIN
    INSERT OR IGNORE INTO spend_rollup_dirty (month) VALUES (substr(NEW.period_start, 1, 7));
END;";
