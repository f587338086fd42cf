//! The audit trail: every change to a record, chained by SHA-256 so an edit made to the file
//! outside Steward (a changed value, a deleted or reordered event) is detectable.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{StoreResult, Tx};

/// The hash the first event chains from.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change to append: `field` is `None` for whole-record actions (create, delete, restore).
pub struct AuditChange<'a> {
    pub actor: &'a str,
    pub entity_type: &'a str,
    pub entity_id: i64,
    pub action: &'a str,
    pub field: Option<&'a str>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// The result of walking the whole chain.
pub struct AuditVerification {
    pub events: u32,
    /// The id of the first event whose hash or link does not match, if any.
    pub first_broken: Option<i64>,
}

#[allow(clippy::too_many_arguments)]
fn event_hash(
    prev_hash: &str,
    at: &str,
    actor: &str,
    entity_type: &str,
    entity_id: i64,
    action: &str,
    field: Option<&str>,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> String {
    let mut hasher = Sha256::new();
    // Length-prefix every part so no two different events can serialise the same way.
    let entity_id = entity_id.to_string();
    for part in [
        Some(prev_hash),
        Some(at),
        Some(actor),
        Some(entity_type),
        Some(entity_id.as_str()),
        Some(action),
        field,
        old_value,
        new_value,
    ] {
        match part {
            Some(text) => {
                hasher.update((text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes());
            }
            None => hasher.update(u64::MAX.to_le_bytes()),
        }
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Tx<'_> {
    pub fn append_audit(&self, at: &str, change: AuditChange<'_>) -> StoreResult<()> {
        let conn = self.conn();
        let prev: String = conn
            .query_row("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| GENESIS.to_owned());
        let hash = event_hash(
            &prev,
            at,
            change.actor,
            change.entity_type,
            change.entity_id,
            change.action,
            change.field,
            change.old_value.as_deref(),
            change.new_value.as_deref(),
        );
        conn.prepare_cached(
            "INSERT INTO audit_events
                 (at, actor, entity_type, entity_id, action, field, old_value, new_value, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            at,
            change.actor,
            change.entity_type,
            change.entity_id,
            change.action,
            change.field,
            change.old_value,
            change.new_value,
            prev,
            hash
        ])?;
        Ok(())
    }
}

/// One stored audit event, as the history view shows it.
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entity_type: String,
    pub entity_id: i64,
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

impl super::Reader<'_> {
    pub fn verify_audit(&self) -> StoreResult<AuditVerification> {
        verify(self.conn())
    }

    /// The newest events first, optionally for one record.
    pub fn audit_events(&self, entity: Option<(&str, i64)>, limit: u32) -> StoreResult<Vec<AuditRow>> {
        let (entity_type, entity_id) = entity.map_or((None, None), |(t, id)| (Some(t), Some(id)));
        let mut stmt = self.conn().prepare(
            "SELECT id, at, actor, entity_type, entity_id, action, field, old_value, new_value
             FROM audit_events
             WHERE (?1 IS NULL OR entity_type = ?1) AND (?2 IS NULL OR entity_id = ?2)
             ORDER BY id DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![entity_type, entity_id, limit], |r| {
            Ok(AuditRow {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity_type: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                field: r.get(6)?,
                old_value: r.get(7)?,
                new_value: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn verify(conn: &Connection) -> StoreResult<AuditVerification> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, entity_type, entity_id, action, field, old_value, new_value, prev_hash, hash
         FROM audit_events ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS.to_owned();
    let mut events = 0u32;
    while let Some(row) = rows.next()? {
        events += 1;
        let id: i64 = row.get(0)?;
        let prev_hash: String = row.get(9)?;
        let stored: String = row.get(10)?;
        let field: Option<String> = row.get(6)?;
        let old_value: Option<String> = row.get(7)?;
        let new_value: Option<String> = row.get(8)?;
        let recomputed = event_hash(
            &prev_hash,
            &row.get::<_, String>(1)?,
            &row.get::<_, String>(2)?,
            &row.get::<_, String>(3)?,
            row.get(4)?,
            &row.get::<_, String>(5)?,
            field.as_deref(),
            old_value.as_deref(),
            new_value.as_deref(),
        );
        if prev_hash != expected_prev || recomputed != stored {
            return Ok(AuditVerification { events, first_broken: Some(id) });
        }
        expected_prev = stored;
    }
    Ok(AuditVerification { events, first_broken: None })
}
