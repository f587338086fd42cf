//! The portfolio file: opening, migrating and every SQL statement Steward runs.
//!
//! Owns: the SQLite connection, its pragmas, the schema and its migrations, and the queries.
//! Does not: validate records or decide what a change means (that is `domain` and `api`).
//! Invariant: the only module that names rusqlite. A file this build cannot read safely
//! (not SQLite, corrupt, newer schema) is refused before anything is written to it.

mod analytics;
mod audit;
mod bench;
mod facts;
mod governance;
mod imports;
mod migrations;
mod records;
mod tables;
mod tally;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, ffi};

pub(crate) use analytics::{BudgetRow, ContractFact, DatedStageChange, InitiativeFact, StoredAssumption, SystemFact};
pub(crate) use audit::AuditChange;
pub(crate) use bench::FloorTable;
pub(crate) use facts::Provenance;
pub(crate) use governance::{
    FX_RATE_ENTITY, GovernanceFields, INCIDENT_ENTITY, REVIEW_ENTITY, RISK_ENTITY, STAGE_CHANGE_ENTITY,
    ValueAssumptionRow, fx_rate_token, is_field_written, is_governance_entity,
};
pub(crate) use imports::{BatchFinish, BatchRecord, Existing, KeyedCostLine, KeyedObservation, LiveAmount, OtherScope};
pub(crate) use records::{ListQuery, Record, SpecFor, decode};

/// Identifies a Steward portfolio inside the SQLite header ("STWD").
const APPLICATION_ID: i32 = 0x5354_5744;

/// The page size of portfolios created from now on (bytes).
const NEW_FILE_PAGE_SIZE: i64 = 16_384;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Steward portfolio (it is not an SQLite database)")]
    NotAPortfolio { path: String },
    #[error("{path} is an SQLite database but not a Steward portfolio")]
    ForeignDatabase { path: String },
    #[error(
        "{path} was written by a newer version of Steward (portfolio format {found}; this version reads up to {supported}); update Steward to open it"
    )]
    NewerVersion { path: String, found: i64, supported: i64 },
    #[error("{path} is damaged and cannot be read ({detail}); open a backup copy instead")]
    Corrupt { path: String, detail: String },
    #[error("{path} does not exist")]
    Missing { path: String },
    #[error("{path} already exists; choose another name, or open it with File → Open")]
    AlreadyExists { path: String },
    #[error("this portfolio is open read-only")]
    ReadOnly,
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: i64 },
    #[error("another {entity} already uses this {column}")]
    Duplicate { entity: &'static str, column: String },
    #[error("could not write {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A caller's own error, carried out of a write transaction (which it rolled back).
    #[error("{0}")]
    Hook(Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// An open portfolio file (or an in-memory one for tests).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
    /// Counts committed writes, so what was computed from the file can tell it is stale.
    generation: u64,
}

impl Store {
    /// Creates a new portfolio at `path`; refuses to overwrite an existing file.
    pub fn create(path: &Path) -> StoreResult<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists { path: path.display().to_string() });
        }
        let conn = Connection::open(path)?;
        let mut store = Store { conn, path: Some(path.to_owned()), read_only: false, generation: 0 };
        // 16 KiB pages instead of SQLite's 4 KiB: fewer, fuller pages for a large import to
        // split, journal and checkpoint (measured: 8–16 % off a 1,000,000-line import,
        // tests/bench/RESULTS.md). It can only be chosen before the first write: files made
        // earlier keep their page size (fixed once a file is in WAL mode) and open as before.
        store.conn.pragma_update(None, "page_size", NEW_FILE_PAGE_SIZE)?;
        store.configure()?;
        migrations::migrate_new(&mut store.conn, APPLICATION_ID)?;
        Ok(store)
    }

    /// An empty portfolio in memory: real SQLite, for tests and dry runs.
    pub fn in_memory() -> StoreResult<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, path: None, read_only: false, generation: 0 };
        store.configure()?;
        migrations::migrate_new(&mut store.conn, APPLICATION_ID)?;
        Ok(store)
    }

    /// Opens an existing portfolio, read-write when the file allows it, read-only otherwise.
    /// Migrates an older file after making a backup copy beside it.
    pub fn open(path: &Path) -> StoreResult<Store> {
        let shown = path.display().to_string();
        let metadata = std::fs::metadata(path).map_err(|_| StoreError::Missing { path: shown.clone() })?;
        check_sqlite_header(path, &shown)?;
        let read_only = metadata.permissions().readonly() || !is_writable(path);
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(e, &shown))?;
        let mut store = Store { conn, path: Some(path.to_owned()), read_only, generation: 0 };
        // Read the header fields before any pragma that could write to the file.
        let (app_id, version) = store.header().map_err(|e| classify_open_error(e, &shown))?;
        // Another program's database may use user_version too: check whose file it is first.
        if app_id != APPLICATION_ID {
            return Err(StoreError::ForeignDatabase { path: shown });
        }
        if version > migrations::LATEST {
            return Err(StoreError::NewerVersion { path: shown, found: version, supported: migrations::LATEST });
        }
        store.configure().map_err(|e| match e {
            StoreError::Sqlite(e) => classify_open_error(e, &shown),
            other => other,
        })?;
        if version < migrations::LATEST {
            if read_only {
                // The file cannot take the upgrade, so upgrade a copy in memory: the person
                // reads the portfolio (and can Save a copy) and the file stays as it was.
                store.conn = upgraded_in_memory(&store.conn, version)?;
            } else {
                migrations::backup_then_migrate(&mut store.conn, path, version)?;
            }
        }
        if !read_only && analytics::rollups_pending(&store.conn)? {
            // Another program wrote lines without re-summing (Steward itself never leaves
            // months pending): bring the summaries back in line before anyone reads them.
            store.write(|_| Ok(()))?;
        }
        Ok(store)
    }

    fn header(&self) -> rusqlite::Result<(i32, i64)> {
        let app_id: i32 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        // Touch the schema so a damaged file fails here, before anything is written.
        self.conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))?;
        Ok((app_id, version))
    }

    fn configure(&mut self) -> StoreResult<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // A large import is one transaction: with SQLite's default 2 MB page cache its index
        // pages spill to the WAL and are read back; 64 MB keeps them in memory (measured: the
        // import benchmark's I/O time, tests/bench/RESULTS.md). Pages are only taken when used.
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        if !self.read_only && self.path.is_some() {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Changes with every committed write of this store.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn schema_version(&self) -> StoreResult<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs `work` in one transaction: all of it lands, or none of it.
    /// Runs `work` exactly as [`Store::write`] would, then rolls it back: a preview computed by
    /// the same code as the commit, so the two cannot disagree. Nothing reaches the file.
    pub fn rehearse<T>(&mut self, work: impl FnOnce(&Tx<'_>) -> StoreResult<T>) -> StoreResult<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let tx = self.conn.transaction()?;
        let out = work(&Tx(&tx, std::cell::RefCell::default()));
        tx.rollback()?;
        out
    }

    pub fn write<T>(&mut self, work: impl FnOnce(&Tx<'_>) -> StoreResult<T>) -> StoreResult<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let tx = self.conn.transaction()?;
        let out = work(&Tx(&tx, std::cell::RefCell::default()))?;
        analytics::refresh_rollups(&tx)?;
        tx.commit()?;
        self.generation += 1;
        Ok(out)
    }

    /// Read access; reads see one consistent state of the file.
    pub fn read(&self) -> Reader<'_> {
        Reader(&self.conn)
    }

    /// A second, read-only connection to the file, holding the state of this moment until it
    /// is dropped, for reading on another thread while this store goes on (the app reads the
    /// analytics facts in the background after each change). `None` for a portfolio that lives
    /// in memory, including an older read-only file upgraded in memory.
    pub fn snapshot(&self) -> StoreResult<Option<Snapshot>> {
        // The connection's own file: none for a portfolio in memory or upgraded into memory.
        let Some(path) = self.conn.path().filter(|p| !p.is_empty()).map(PathBuf::from) else { return Ok(None) };
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        // A read transaction's snapshot starts at its first read: pin it to this moment.
        conn.execute_batch("BEGIN")?;
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))?;
        Ok(Some(Snapshot(conn)))
    }

    /// Writes a consistent, compacted copy of the portfolio to `dest` (which must not exist).
    pub fn save_copy(&self, dest: &Path) -> StoreResult<()> {
        let shown = dest.display().to_string();
        if dest.exists() {
            return Err(StoreError::AlreadyExists { path: shown });
        }
        let dest_text = dest.to_str().ok_or_else(|| StoreError::Io {
            path: shown.clone(),
            source: std::io::Error::other("the path is not valid UTF-8"),
        })?;
        self.conn.execute("VACUUM INTO ?1", [dest_text])?;
        Ok(())
    }

    pub fn meta(&self, key: &str) -> StoreResult<Option<String>> {
        self.read().meta(key)
    }
}

/// A read-only connection holding one state of the file (see [`Store::snapshot`]); it can
/// move to another thread.
pub struct Snapshot(Connection);

impl Snapshot {
    pub fn read(&self) -> Reader<'_> {
        Reader(&self.0)
    }
}

/// A connection inside a write transaction, and the spend of the lines an import stored while
/// the rollup's insert trigger was suspended (see [`Tx::suspend_cost_line_trigger`]).
pub struct Tx<'a>(&'a rusqlite::Transaction<'a>, std::cell::RefCell<Option<tally::SpendTally>>);

/// A connection for reading.
pub struct Reader<'a>(&'a Connection);

impl Tx<'_> {
    pub fn set_meta(&self, key: &str, value: &str) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO portfolio_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    fn conn(&self) -> &Connection {
        self.0
    }

    /// Runs `work` inside a savepoint and keeps its writes only when it says so (`(value, true)`)
    /// and did not fail: a tentative update that turns out to change nothing leaves no trace.
    pub fn tentatively<T>(&self, work: impl FnOnce(&Tx<'_>) -> StoreResult<(T, bool)>) -> StoreResult<T> {
        self.0.execute_batch("SAVEPOINT tentative")?;
        let outcome = work(self);
        let keep = matches!(outcome, Ok((_, true)));
        self.0.execute_batch(if keep { "RELEASE tentative" } else { "ROLLBACK TO tentative; RELEASE tentative" })?;
        outcome.map(|(value, _)| value)
    }

    /// Opens a savepoint around one imported row: a row that turns out to have issues leaves
    /// nothing behind (not even the vendor it would have created).
    pub fn row_begin(&self) -> StoreResult<()> {
        Ok(self.0.execute_batch("SAVEPOINT import_row")?)
    }

    pub fn row_end(&self, keep: bool) -> StoreResult<()> {
        Ok(self.0.execute_batch(if keep {
            "RELEASE import_row"
        } else {
            "ROLLBACK TO import_row; RELEASE import_row"
        })?)
    }

    /// Keeps a stage change in the initiative's history and starts its clock in the new stage.
    #[allow(clippy::too_many_arguments)]
    pub fn record_stage_change(
        &self,
        initiative_id: i64,
        from_stage: Option<&str>,
        to_stage: &str,
        decided_on: &str,
        decision: Option<&str>,
        decided_by: &str,
        rationale: &str,
        now: &str,
    ) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO stage_transitions
                 (initiative_id, from_stage, to_stage, decided_on, decision, decided_by, rationale, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![initiative_id, from_stage, to_stage, decided_on, decision, decided_by, rationale, now],
        )?;
        self.0.execute(
            "UPDATE initiatives SET stage_entered_on = ?2 WHERE id = ?1",
            rusqlite::params![initiative_id, decided_on],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    fn conn(&self) -> &Connection {
        self.0
    }

    pub fn meta(&self, key: &str) -> StoreResult<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self.0.query_row("SELECT value FROM portfolio_meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Live (not deleted) rows of each main table, for the summary.
    pub fn live_counts(&self) -> StoreResult<LiveCounts> {
        let count = |table: &str| -> StoreResult<u32> {
            let sql = format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL");
            Ok(self.0.query_row(&sql, [], |r| r.get(0))?)
        };
        Ok(LiveCounts {
            systems: count("ai_systems")?,
            vendors: count("vendors")?,
            contracts: count("contracts")?,
            initiatives: count("initiatives")?,
            cost_lines: self.0.query_row(
                "SELECT count(*) FROM cost_lines WHERE replaced_by_batch IS NULL",
                [],
                |r| r.get(0),
            )?,
            metric_observations: self.0.query_row(
                "SELECT count(*) FROM metric_observations WHERE replaced_by_batch IS NULL",
                [],
                |r| r.get(0),
            )?,
            audit_events: self.0.query_row("SELECT count(*) FROM audit_events", [], |r| r.get(0))?,
        })
    }

    /// Count of live rows in `table` grouped by the text value of `column`.
    pub fn count_by(&self, table: &str, column: &str) -> StoreResult<Vec<(String, u32)>> {
        let sql = format!(
            "SELECT coalesce({column}, ''), count(*) FROM {table} WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC"
        );
        let mut stmt = self.0.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

pub struct LiveCounts {
    pub systems: u32,
    pub vendors: u32,
    pub contracts: u32,
    pub initiatives: u32,
    pub cost_lines: u32,
    pub metric_observations: u32,
    pub audit_events: u32,
}

fn upgraded_in_memory(file: &Connection, version: i64) -> StoreResult<Connection> {
    let mut memory = Connection::open_in_memory()?;
    {
        let copy = rusqlite::backup::Backup::new(file, &mut memory)?;
        copy.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    memory.pragma_update(None, "foreign_keys", "ON")?;
    migrations::migrate_from(&mut memory, version)?;
    Ok(memory)
}

fn check_sqlite_header(path: &Path, shown: &str) -> StoreResult<()> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|source| StoreError::Io { path: shown.to_owned(), source })?;
    let read = file.read(&mut header).map_err(|source| StoreError::Io { path: shown.to_owned(), source })?;
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(StoreError::NotAPortfolio { path: shown.to_owned() });
    }
    Ok(())
}

/// True when the file and its folder accept writes (SQLite needs the folder for its WAL).
fn is_writable(path: &Path) -> bool {
    let file_ok = std::fs::OpenOptions::new().append(true).open(path).is_ok();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir_ok = std::fs::metadata(dir).map(|m| !m.permissions().readonly()).unwrap_or(false);
    file_ok && dir_ok
}

/// Any failure while a file is being opened and its header read means it cannot be used as a
/// portfolio; say which file and why, and leave it alone.
fn classify_open_error(error: rusqlite::Error, shown: &str) -> StoreError {
    if let rusqlite::Error::SqliteFailure(ffi_error, _) = &error {
        match ffi_error.code {
            ffi::ErrorCode::NotADatabase => return StoreError::NotAPortfolio { path: shown.to_owned() },
            ffi::ErrorCode::ReadOnly => return StoreError::ReadOnly,
            _ => {}
        }
    }
    StoreError::Corrupt { path: shown.to_owned(), detail: error.to_string() }
}

/// Maps a constraint failure on one of our unique indexes to a `Duplicate` error naming the column.
pub(crate) fn classify_write_error(error: rusqlite::Error, entity: &'static str) -> StoreError {
    if let rusqlite::Error::SqliteFailure(ffi_error, Some(message)) = &error {
        if ffi_error.extended_code == ffi::SQLITE_CONSTRAINT_UNIQUE {
            // "UNIQUE constraint failed: ai_systems.code" (or an index expression for NOCASE).
            let column = message.rsplit(['.', ' ']).next().unwrap_or("value").to_owned();
            return StoreError::Duplicate { entity, column };
        }
        if ffi_error.code == ffi::ErrorCode::ReadOnly {
            return StoreError::ReadOnly;
        }
    }
    StoreError::Sqlite(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_portfolio_file_has_16_kib_pages() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::create(&dir.path().join("new.steward")).expect("a new portfolio");
        let size: i64 = store.conn.query_row("PRAGMA page_size", [], |r| r.get(0)).expect("page size reads");
        assert_eq!(size, NEW_FILE_PAGE_SIZE, "chosen before the first write, so the file has it");
        let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode reads");
        assert_eq!(mode, "wal", "the page size does not change how the file is journaled");
    }
}
