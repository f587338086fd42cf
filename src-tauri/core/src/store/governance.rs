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

/// What a governance record is about; at least one is set.
#[derive(Clone, Copy, Default)]
pub struct SubjectIds {
    pub system_id: Option<i64>,
    pub initiative_id: Option<i64>,
    pub vendor_id: Option<i64>,
}

pub struct RiskRow<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub category: &'a str,
    pub subject: SubjectIds,
    pub likelihood: u8,
    pub severity: u8,
    pub residual_likelihood: Option<u8>,
    pub residual_severity: Option<u8>,
    pub owner: &'a str,
    pub mitigation_plan: &'a str,
    pub status: &'a str,
    pub deadline: Option<&'a str>,
    pub accepted_by: &'a str,
    pub accepted_on: Option<&'a str>,
}

pub struct ReviewRow<'a> {
    pub review_type: &'a str,
    pub subject: SubjectIds,
    pub due_date: Option<&'a str>,
    pub completed_on: Option<&'a str>,
    pub decision: Option<&'a str>,
    pub reviewer: &'a str,
    pub conditions: &'a str,
    pub rationale: &'a str,
}

pub struct IncidentRow<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub system_id: i64,
    pub severity: &'a str,
    pub status: &'a str,
    pub occurred_on: Option<&'a str>,
    pub detected_on: Option<&'a str>,
    pub resolved_on: Option<&'a str>,
    pub harm_categories: &'a str,
    pub affected_groups: &'a str,
    pub corrective_actions: &'a str,
    pub reported_to_authority: bool,
}

/// A governance table an import can add rows to: the entity name its changes and audit events
/// use, its table, and whether a removed row is soft-deleted (kept, marked) or deleted.
struct GovernanceTable {
    entity: &'static str,
    table: &'static str,
    soft_delete: bool,
    /// Whether the table keeps `updated_at` (a row edited after its import is not undone silently).
    tracks_updates: bool,
}

const TABLES: &[GovernanceTable] = &[
    GovernanceTable {
        entity: "value_assumption",
        table: "value_assumptions",
        soft_delete: false,
        tracks_updates: false,
    },
    GovernanceTable { entity: "risk", table: "risks", soft_delete: true, tracks_updates: true },
    GovernanceTable { entity: "review", table: "reviews", soft_delete: false, tracks_updates: true },
    GovernanceTable { entity: "incident", table: "incidents", soft_delete: false, tracks_updates: true },
    GovernanceTable { entity: "budget", table: "budgets", soft_delete: false, tracks_updates: false },
];

/// The entity name under which import changes record an FX rate.
pub const FX_RATE_ENTITY: &str = "fx_rate";

fn table_of(entity: &str) -> Option<&'static GovernanceTable> {
    TABLES.iter().find(|t| t.entity == entity)
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

    pub fn insert_risk(&self, row: &RiskRow<'_>, now: &str) -> StoreResult<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO risks
                     (title, description, category, system_id, initiative_id, vendor_id, likelihood, severity,
                      residual_likelihood, residual_severity, owner, mitigation_plan, status, deadline,
                      accepted_by, accepted_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
            )?
            .execute(params![
                row.title,
                row.description,
                row.category,
                row.subject.system_id,
                row.subject.initiative_id,
                row.subject.vendor_id,
                row.likelihood,
                row.severity,
                row.residual_likelihood,
                row.residual_severity,
                row.owner,
                row.mitigation_plan,
                row.status,
                row.deadline,
                row.accepted_by,
                row.accepted_on,
                now
            ])?;
        Ok(self.conn().last_insert_rowid())
    }

    pub fn insert_review(&self, row: &ReviewRow<'_>, now: &str) -> StoreResult<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO reviews
                     (review_type, system_id, initiative_id, vendor_id, due_date, completed_on, decision, reviewer,
                      conditions, rationale, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            )?
            .execute(params![
                row.review_type,
                row.subject.system_id,
                row.subject.initiative_id,
                row.subject.vendor_id,
                row.due_date,
                row.completed_on,
                row.decision,
                row.reviewer,
                row.conditions,
                row.rationale,
                now
            ])?;
        Ok(self.conn().last_insert_rowid())
    }

    pub fn insert_incident(&self, row: &IncidentRow<'_>, now: &str) -> StoreResult<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO incidents
                     (title, description, system_id, severity, status, occurred_on, detected_on, resolved_on,
                      harm_categories, affected_groups, corrective_actions, reported_to_authority, created_at,
                      updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            )?
            .execute(params![
                row.title,
                row.description,
                row.system_id,
                row.severity,
                row.status,
                row.occurred_on,
                row.detected_on,
                row.resolved_on,
                row.harm_categories,
                row.affected_groups,
                row.corrective_actions,
                row.reported_to_authority,
                now
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
