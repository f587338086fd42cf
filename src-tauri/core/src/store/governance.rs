//! Governance and planning records: value assumptions, risks, reviews, incidents, budgets and
//! FX rates, written one row at a time.
//!
//! These tables have no provenance columns: the import batch that created a row is kept in
//! `import_record_changes` (entity name + id), which is also what undoing the batch reads.
//! FX rates have no id (their key is the currency pair and the day), so a change names a rate by
//! [`fx_rate_token`], a number derived from that key.

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{StoreError, StoreResult, Tx};

pub struct ValueAssumptionRow<'a> {
    pub initiative_id: i64,
    pub method: &'a str,
    pub name: &'a str,
    pub unit: &'a str,
    pub low: &'a str,
    pub likely: &'a str,
    pub high: &'a str,
    pub confidence: &'a str,
    pub note: &'a str,
    pub position: i64,
}

/// A governance table an import can add rows to: the entity name its changes and audit events
/// use, its table, and whether a removed row is soft-deleted (kept, marked) or deleted.
struct GovernanceTable {
    entity: &'static str,
    table: &'static str,
    soft_delete: bool,
    /// Whether the table keeps `updated_at` (a row edited after its import is not undone silently).
    tracks_updates: bool,
    /// The columns an import writes, for the tables whose rows are written field by field
    /// ([`GovernanceFields`]); empty for the tables with writers of their own.
    columns: &'static [&'static str],
}

const TABLES: &[GovernanceTable] = &[
    GovernanceTable {
        entity: "value_assumption",
        table: "value_assumptions",
        soft_delete: false,
        tracks_updates: false,
        columns: &[],
    },
    GovernanceTable {
        entity: RISK_ENTITY,
        table: "risks",
        soft_delete: true,
        tracks_updates: true,
        columns: &[
            "title",
            "description",
            "category",
            "system_id",
            "initiative_id",
            "vendor_id",
            "likelihood",
            "severity",
            "residual_likelihood",
            "residual_severity",
            "owner",
            "mitigation_plan",
            "status",
            "deadline",
            "accepted_by",
            "accepted_on",
        ],
    },
    GovernanceTable {
        entity: REVIEW_ENTITY,
        table: "reviews",
        soft_delete: false,
        tracks_updates: true,
        columns: &[
            "review_type",
            "system_id",
            "initiative_id",
            "vendor_id",
            "due_date",
            "completed_on",
            "decision",
            "reviewer",
            "conditions",
            "rationale",
        ],
    },
    GovernanceTable {
        entity: INCIDENT_ENTITY,
        table: "incidents",
        soft_delete: false,
        tracks_updates: true,
        columns: &[
            "title",
            "description",
            "system_id",
            "severity",
            "status",
            "occurred_on",
            "detected_on",
            "resolved_on",
            "harm_categories",
            "affected_groups",
            "corrective_actions",
            "reported_to_authority",
        ],
    },
    GovernanceTable {
        entity: STAGE_CHANGE_ENTITY,
        table: "stage_transitions",
        soft_delete: false,
        tracks_updates: false,
        columns: &["initiative_id", "from_stage", "to_stage", "decided_on", "decision", "decided_by", "rationale"],
    },
    GovernanceTable { entity: "budget", table: "budgets", soft_delete: false, tracks_updates: false, columns: &[] },
];

/// Entity names of the governance records an import writes field by field.
pub const RISK_ENTITY: &str = "risk";
pub const REVIEW_ENTITY: &str = "review";
pub const INCIDENT_ENTITY: &str = "incident";
/// One gate decision in an initiative's stage history.
pub const STAGE_CHANGE_ENTITY: &str = "stage_change";

/// A governance record's fields by column: text, whole numbers (yes/no as 1/0) or null. Kept as
/// JSON so an import change can store the state before it and undo can write it back.
pub type GovernanceFields = serde_json::Map<String, serde_json::Value>;

fn sql_value(value: Option<&serde_json::Value>) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match value {
        None | Some(serde_json::Value::Null) => Value::Null,
        Some(serde_json::Value::Bool(b)) => Value::Integer(i64::from(*b)),
        Some(serde_json::Value::Number(n)) => n.as_i64().map_or(Value::Null, Value::Integer),
        Some(serde_json::Value::String(s)) => Value::Text(s.clone()),
        Some(other) => Value::Text(other.to_string()),
    }
}

fn json_value(value: rusqlite::types::ValueRef<'_>) -> serde_json::Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => serde_json::Value::from(i),
        ValueRef::Real(f) => serde_json::Value::from(f),
        ValueRef::Text(t) | ValueRef::Blob(t) => serde_json::Value::from(String::from_utf8_lossy(t).into_owned()),
    }
}

/// The table of an entity written field by field; `NotFound` for any other name.
fn field_table(entity: &str) -> StoreResult<&'static GovernanceTable> {
    table_of(entity).filter(|t| !t.columns.is_empty()).ok_or(StoreError::NotFound { entity: "record", id: 0 })
}

/// The entity name under which import changes record an FX rate.
pub const FX_RATE_ENTITY: &str = "fx_rate";

fn table_of(entity: &str) -> Option<&'static GovernanceTable> {
    TABLES.iter().find(|t| t.entity == entity)
}

/// True for the governance records an import writes field by field (and can put back field by
/// field on undo): risks, reviews, incidents and stage decisions.
pub fn is_field_written(entity: &str) -> bool {
    table_of(entity).is_some_and(|t| !t.columns.is_empty())
}

/// True for the entity names of the governance tables above (not FX rates, which have no id).
pub fn is_governance_entity(entity: &str) -> bool {
    table_of(entity).is_some()
}

/// A stable number naming one FX rate (its key has no integer id): the first 8 bytes of the
/// SHA-256 of the key, kept positive. Two different keys sharing a token is as likely as a
/// SHA-256 collision on 63 bits, which the few hundred rates a portfolio holds will not meet.
pub fn fx_rate_token(from_currency: &str, to_currency: &str, valid_from: &str) -> i64 {
    let digest = Sha256::digest(format!("{from_currency}\u{1f}{to_currency}\u{1f}{valid_from}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(bytes) >> 1) as i64
}

impl Tx<'_> {
    /// A governance record's fields (the columns an import writes); `None` when it is gone.
    pub fn governance_fields(&self, entity: &str, id: i64) -> StoreResult<Option<GovernanceFields>> {
        let t = field_table(entity)?;
        let sql = format!(
            "SELECT {} FROM {} WHERE id = ?1 {}",
            t.columns.join(", "),
            t.table,
            if t.soft_delete { "AND deleted_at IS NULL" } else { "" }
        );
        let row = self
            .conn()
            .query_row(&sql, [id], |r| {
                let mut fields = GovernanceFields::new();
                for (i, column) in t.columns.iter().enumerate() {
                    fields.insert((*column).to_owned(), json_value(r.get_ref(i)?));
                }
                Ok(fields)
            })
            .optional()?;
        Ok(row)
    }

    /// The live record whose `key` columns hold these values: text compared ignoring case,
    /// null matching null. The oldest when several do.
    pub fn governance_matching(
        &self,
        entity: &str,
        key: &[&str],
        fields: &GovernanceFields,
    ) -> StoreResult<Option<i64>> {
        let t = field_table(entity)?;
        let conditions: Vec<String> = key
            .iter()
            .enumerate()
            .map(|(i, column)| format!("{column} IS ?{} COLLATE NOCASE", i + 1))
            .chain(t.soft_delete.then(|| "deleted_at IS NULL".to_owned()))
            .collect();
        let sql = format!("SELECT id FROM {} WHERE {} ORDER BY id LIMIT 1", t.table, conditions.join(" AND "));
        let values: Vec<rusqlite::types::Value> = key.iter().map(|k| sql_value(fields.get(*k))).collect();
        Ok(self.conn().query_row(&sql, rusqlite::params_from_iter(values), |r| r.get(0)).optional()?)
    }

    /// Adds a governance record. The caller gives every column: text columns are `NOT NULL`
    /// (empty text is `""`), so a missing one is refused rather than stored as a gap.
    pub fn insert_governance(&self, entity: &str, fields: &GovernanceFields, now: &str) -> StoreResult<i64> {
        let t = field_table(entity)?;
        let mut columns: Vec<&str> = t.columns.to_vec();
        let mut values: Vec<rusqlite::types::Value> = t.columns.iter().map(|c| sql_value(fields.get(*c))).collect();
        columns.push("created_at");
        values.push(rusqlite::types::Value::Text(now.to_owned()));
        if t.tracks_updates {
            columns.push("updated_at");
            values.push(rusqlite::types::Value::Text(now.to_owned()));
        }
        let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", t.table, columns.join(", "), placeholders.join(", "));
        self.conn().prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Writes every import-written column of a governance record, and sets its `updated_at` to
    /// `updated_at` (an import's time, or the time undo puts back); other keys of `fields` are
    /// not columns and are left alone.
    pub fn update_governance(
        &self,
        entity: &str,
        id: i64,
        fields: &GovernanceFields,
        updated_at: &str,
    ) -> StoreResult<()> {
        let t = field_table(entity)?;
        let mut sets: Vec<String> = t.columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
        let mut values: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Integer(id)];
        values.extend(t.columns.iter().map(|c| sql_value(fields.get(*c))));
        if t.tracks_updates {
            sets.push(format!("updated_at = ?{}", values.len() + 1));
            values.push(rusqlite::types::Value::Text(updated_at.to_owned()));
        }
        let sql = format!("UPDATE {} SET {} WHERE id = ?1", t.table, sets.join(", "));
        if self.conn().execute(&sql, rusqlite::params_from_iter(values))? == 0 {
            return Err(StoreError::NotFound { entity: t.entity, id });
        }
        Ok(())
    }

    /// The automatic entry Steward made when an initiative first came in at `to_stage` (no
    /// earlier stage, no decision), dated on or after `decided_on`: a gate decision a stage
    /// history brings for that move is the same event, known better.
    pub fn automatic_stage_entry(
        &self,
        initiative_id: i64,
        to_stage: &str,
        decided_on: &str,
    ) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM stage_transitions
                 WHERE initiative_id = ?1 AND to_stage = ?2 AND from_stage IS NULL AND decision IS NULL
                   AND rationale = '' AND decided_on >= ?3
                 ORDER BY id LIMIT 1",
                params![initiative_id, to_stage, decided_on],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// An initiative whose newest stage decision moves it somewhere other than the stage it is
    /// in: its code or name, that stage, and the decision's stage and day.
    pub fn stage_out_of_step(&self, initiative_id: i64) -> StoreResult<Option<[String; 4]>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT CASE WHEN i.code = '' THEN i.name ELSE i.code || ' ' || i.name END, i.stage, t.to_stage, t.decided_on
                 FROM initiatives i
                 JOIN stage_transitions t ON t.id = (SELECT id FROM stage_transitions WHERE initiative_id = i.id
                                                    ORDER BY decided_on DESC, id DESC LIMIT 1)
                 WHERE i.id = ?1 AND i.deleted_at IS NULL AND t.to_stage != i.stage",
                [initiative_id],
                |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
            )
            .optional()?)
    }

    /// Sets when an initiative entered its current stage from its history: the newest decision
    /// that moved it there. Left as it is when its history never moves it there.
    pub fn restamp_stage_entered(&self, initiative_id: i64) -> StoreResult<()> {
        self.conn().execute(
            "UPDATE initiatives
             SET stage_entered_on = COALESCE(
                 (SELECT t.decided_on FROM stage_transitions t
                  WHERE t.initiative_id = initiatives.id AND t.to_stage = initiatives.stage
                  ORDER BY t.decided_on DESC, t.id DESC LIMIT 1),
                 stage_entered_on)
             WHERE id = ?1",
            [initiative_id],
        )?;
        Ok(())
    }

    pub fn insert_value_assumption(&self, row: &ValueAssumptionRow<'_>) -> StoreResult<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO value_assumptions
                     (initiative_id, method, name, unit, low, likely, high, confidence, note, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                row.initiative_id,
                row.method,
                row.name,
                row.unit,
                row.low,
                row.likely,
                row.high,
                row.confidence,
                row.note,
                row.position
            ])?;
        Ok(self.conn().last_insert_rowid())
    }

    /// When a governance row was last changed (`None` for tables that do not track it); `NotFound`
    /// when it is gone or already deleted.
    pub fn governance_updated_at(&self, entity: &str, id: i64) -> StoreResult<Option<String>> {
        let t = table_of(entity).ok_or(StoreError::NotFound { entity: "record", id })?;
        let entity = t.entity;
        let sql = format!(
            "SELECT {} FROM {} WHERE id = ?1 {}",
            if t.tracks_updates { "updated_at" } else { "NULL" },
            t.table,
            if t.soft_delete { "AND deleted_at IS NULL" } else { "" }
        );
        self.conn()
            .query_row(&sql, [id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .ok_or(StoreError::NotFound { entity, id })
    }

    /// Removes a governance row an import created: risks are marked deleted (like other records
    /// people delete), the rest deleted outright.
    pub fn remove_governance_row(&self, entity: &str, id: i64, now: &str) -> StoreResult<()> {
        let t = table_of(entity).ok_or(StoreError::NotFound { entity: "record", id })?;
        let entity = t.entity;
        let changed = if t.soft_delete {
            self.conn().execute(
                &format!("UPDATE {} SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL", t.table),
                params![id, now],
            )?
        } else {
            self.conn().execute(&format!("DELETE FROM {} WHERE id = ?1", t.table), [id])?
        };
        if changed == 0 {
            return Err(StoreError::NotFound { entity, id });
        }
        Ok(())
    }

    /// Deletes the FX rate named by `token`; `false` when no stored rate has it any more.
    pub fn remove_fx_rate(&self, token: i64) -> StoreResult<bool> {
        let Some((from, to, valid_from)) = self.fx_rate_key(token)? else { return Ok(false) };
        self.delete_fx_rate(&from, &to, &valid_from)
    }

    /// Puts back the rate an import replaced.
    pub fn restore_fx_rate(&self, token: i64, rate: &str, source: &str) -> StoreResult<bool> {
        let Some((from, to, valid_from)) = self.fx_rate_key(token)? else { return Ok(false) };
        self.upsert_fx_rate(&from, &to, &valid_from, rate, source)?;
        Ok(true)
    }

    /// The pair and day a token names, found among the stored rates.
    fn fx_rate_key(&self, token: i64) -> StoreResult<Option<(String, String, String)>> {
        let mut stmt = self.conn().prepare("SELECT from_currency, to_currency, valid_from FROM fx_rates")?;
        let keys =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        for key in keys {
            let key = key?;
            if fx_rate_token(&key.0, &key.1, &key.2) == token {
                return Ok(Some(key));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_fx_rate_token_names_one_key() {
        let token = fx_rate_token("USD", "EUR", "2026-10-01");
        assert_eq!(token, fx_rate_token("USD", "EUR", "2026-10-01"), "the same key always gives the same token");
        assert!(token >= 0, "tokens are stored as ids, which are not negative");
        assert_ne!(token, fx_rate_token("USD", "EUR", "2026-11-01"), "another month is another rate");
        assert_ne!(token, fx_rate_token("EUR", "USD", "2026-10-01"), "the direction is part of the key");
    }
}
