//! Portfolio files: create, reopen, migrate, and refuse what cannot be read safely.

use std::fs;

use steward_core::api::{App, ErrorCode, ListRequest};

use crate::util::{fixture, system};

fn sha(path: &std::path::Path) -> Vec<u8> {
    fs::read(path).expect("file readable")
}

#[test]
fn what_is_saved_is_there_after_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.steward");
    let id = {
        let mut app = App::create(&path).expect("a new file is created");
        app.system_create(&system("AIS-7", "Kept")).expect("stored").id
    };
    let app = App::open(&path).expect("the file reopens");
    assert_eq!(app.system_get(id).expect("still there").fields.name, "Kept", "nothing typed is lost");
    assert!(App::create(&path).is_err(), "create never overwrites an existing file");
}

#[test]
fn a_saved_v1_file_is_upgraded_after_a_backup_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.steward");
    fs::copy(fixture("portfolio-v1.steward"), &path).expect("fixture copied");
    let app = App::open(&path).expect("a v1 file opens in this version");
    let info = app.portfolio_info().expect("info");
    assert!(info.schema_version > 1, "the file was migrated to the current schema");
    assert_eq!(info.systems, 53, "every system of the v1 file survived the migration");
    let page = app.system_list(&ListRequest { search: "ChatGPT".into(), ..ListRequest::default() }).expect("list");
    assert!(page.total >= 1, "the data reads through the new schema");
    let backups: Vec<_> = fs::read_dir(dir.path())
        .expect("dir lists")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("old.steward.v1-backup-"))
        .collect();
    assert_eq!(backups.len(), 1, "a backup copy of the v1 file is kept beside it");
    let backup = App::open(&backups[0].path());
    assert!(backup.is_ok(), "the backup itself is a readable portfolio");
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.steward");
    drop(App::create(&path).expect("created"));
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.pragma_update(None, "user_version", 99).expect("pretend a newer schema");
    conn.pragma_update(None, "journal_mode", "DELETE").expect("fold the WAL in");
    drop(conn);
    let before = sha(&path);
    let error = App::open(&path).err().expect("a newer file is refused");
    assert_eq!(error.code, ErrorCode::FileUnusable, "the UI offers to open another file");
    assert!(
        error.message.contains("future.steward") && error.message.contains("newer"),
        "the message names the file and why: {}",
        error.message
    );
    assert_eq!(sha(&path), before, "the file is not modified");
}

#[test]
fn files_that_are_not_portfolios_are_refused_with_their_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &[u8]); 4] = [
        ("empty.steward", b""),
        ("notes.steward", b"just some text, not a database"),
        ("picture.steward", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("damaged.steward", b"SQLite format 3\0\x10\0\x01\x01\0@  \0\0\0\x01garbage garbage garbage"),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).expect("write case");
        let error = App::open(&path).err().unwrap_or_else(|| panic!("{name} must be refused"));
        assert_eq!(error.code, ErrorCode::FileUnusable, "{name}: the UI can offer another file");
        assert!(error.message.contains(name), "{name}: the message names the file: {}", error.message);
        assert_eq!(fs::read(&path).expect("read back"), bytes, "{name}: the file is left as it was");
    }
}

#[test]
fn another_sqlite_database_is_not_taken_for_a_portfolio() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("browser-history.sqlite");
    let conn = rusqlite::Connection::open(&path).expect("raw create");
    conn.execute_batch("CREATE TABLE visits (url TEXT); INSERT INTO visits VALUES ('x'); PRAGMA user_version = 7;")
        .expect("foreign schema, with a user_version of its own");
    drop(conn);
    let error = App::open(&path).err().expect("a foreign database is refused");
    assert!(error.message.contains("not a Steward portfolio"), "says why: {}", error.message);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_read_only_and_refuses_changes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shared.steward");
    {
        let mut app = App::create(&path).expect("created");
        app.system_create(&system("AIS-1", "Existing")).expect("stored");
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("make read-only");
    let before = sha(&path);
    // Root ignores file permissions; the check below covers normal users, CI runs as either.
    let mut app = App::open(&path).expect("a read-only file still opens");
    if app.is_read_only() {
        assert!(app.portfolio_info().expect("info").read_only, "the UI is told, to show a banner");
        let error = app.system_create(&system("AIS-2", "New")).expect_err("writes are refused");
        assert_eq!(error.code, ErrorCode::ReadOnly, "the UI explains and offers Save a copy");
        assert_eq!(app.system_list(&ListRequest::default()).expect("reads work").total, 1, "data is readable");
    }
    drop(app);
    assert_eq!(sha(&path), before, "the file is not modified");
}

#[test]
fn save_copy_writes_a_portfolio_that_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::create(&dir.path().join("a.steward")).expect("created");
    app.system_create(&system("AIS-1", "Copied")).expect("stored");
    let copy = dir.path().join("b.steward");
    app.save_copy(&copy).expect("copy written");
    assert_eq!(
        App::open(&copy).expect("copy opens").portfolio_info().expect("info").systems,
        1,
        "the copy holds the data"
    );
    assert_eq!(app.save_copy(&copy).err().map(|e| e.code), Some(ErrorCode::FileExists), "never overwrites silently");
}

#[cfg(unix)]
#[test]
fn a_read_only_v1_file_opens_upgraded_in_memory_and_stays_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("archived.steward");
    fs::copy(fixture("portfolio-v1.steward"), &path).expect("fixture copied");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("make read-only");
    let before = sha(&path);
    let app = App::open(&path).expect("an old read-only file still opens");
    let info = app.portfolio_info().expect("info");
    assert!(info.read_only, "it says it is read-only");
    assert_eq!(info.systems, 53, "its data reads through the current schema");
    let copy = dir.path().join("editable.steward");
    app.save_copy(&copy).expect("Save a copy works from the upgraded copy");
    assert!(!App::open(&copy).expect("the copy opens").is_read_only(), "the copy is editable");
    drop(app);
    assert_eq!(sha(&path), before, "the read-only file is not modified");
    assert_eq!(fs::read_dir(dir.path()).expect("lists").count(), 2, "no backup was attempted beside a read-only file");
}
