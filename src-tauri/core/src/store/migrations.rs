//! Schema migrations: embedded SQL files applied in order, tracked by `PRAGMA user_version`.
//!
//! A small runner instead of `rusqlite_migration`: that crate pins an older rusqlite, and what
//! Steward needs beyond "apply in order" (refuse newer files untouched, back up first, one
//! transaction) is the part the runner must get right anyway.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{StoreError, StoreResult};

/// The migrations, in order; migration `i` (0-based) moves the file to version `i + 1`.
/// Never edit one that has shipped: add the next file.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_create_portfolio", include_str!("migrations/0001_create_portfolio.sql")),
    ("0002_index_list_columns", include_str!("migrations/0002_index_list_columns.sql")),
    ("0003_import_engine", include_str!("migrations/0003_import_engine.sql")),
    ("0004_analytics_rollups", include_str!("migrations/0004_analytics_rollups.sql")),
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Sets up a brand-new, empty file.
pub fn migrate_new(conn: &mut Connection, application_id: i32) -> StoreResult<()> {
    conn.pragma_update(None, "application_id", application_id)?;
    apply_from(conn, 0)
}

/// Copies the file beside itself (`name.steward.v1-backup-YYYYMMDD-HHMMSS`), then migrates.
pub fn backup_then_migrate(conn: &mut Connection, path: &Path, from: i64) -> StoreResult<()> {
    let backup = backup_path(path, from);
    let backup_text = backup.to_str().ok_or_else(|| StoreError::Io {
        path: backup.display().to_string(),
        source: std::io::Error::other("the path is not valid UTF-8"),
    })?;
    // VACUUM INTO writes a consistent copy even when recent changes still sit in the WAL.
    conn.execute("VACUUM INTO ?1", [backup_text])?;
    apply_from(conn, from)
}

fn backup_path(path: &Path, from: i64) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".v{from}-backup-{stamp}"));
    path.with_file_name(name)
}

/// Migrates without a backup: for an in-memory copy, which is its own backup.
pub fn migrate_from(conn: &mut Connection, from: i64) -> StoreResult<()> {
    apply_from(conn, from)
}

fn apply_from(conn: &mut Connection, from: i64) -> StoreResult<()> {
    let tx = conn.transaction()?;
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    super::analytics::refresh_rollups(&tx)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_reaches_the_latest_version_with_foreign_keys_valid() {
        let mut conn = Connection::open_in_memory().expect("in-memory SQLite opens");
        migrate_new(&mut conn, 1).expect("migrations apply to an empty file");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("pragma reads");
        assert_eq!(version, LATEST, "user_version records the last migration applied");
        let broken: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("check runs");
        assert_eq!(broken, 0, "the seed rows respect every foreign key");
    }
}
