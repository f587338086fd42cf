//! The demo portfolio loads whole, coherent, and only into an empty portfolio.

use steward_core::api::{ErrorCode, Session};

use crate::util::{app, date, system};

#[test]
fn the_demo_loads_with_history_and_an_intact_audit_trail() {
    let mut app = app();
    let report = app.demo_load(date(2026, 11, 22)).expect("the demo loads into an empty portfolio");
    assert!(
        report.systems >= 40 && report.initiatives >= 25 && report.contracts >= 15,
        "big enough to show every screen"
    );
    let info = app.portfolio_info().expect("info");
    assert_eq!(info.name.as_deref(), Some("Northwind Logistics"), "the portfolio is named after the fictional company");
    assert!(app.audit_verify().expect("verifies").intact, "demo records are audited like any other");
    let summary = app.portfolio_summary(date(2026, 11, 22)).expect("summary");
    assert!(!summary.renewals_next_90_days.is_empty(), "some renewals fall due soon, so the view is interesting");
}

#[test]
fn the_demo_is_refused_into_a_portfolio_with_data() {
    let mut app = app();
    app.system_create(&system("AIS-1", "Mine")).expect("stored");
    let error = app.demo_load(date(2026, 11, 22)).expect_err("the demo never mixes with real data");
    assert_eq!(error.code, ErrorCode::Conflict, "the UI suggests File → New");
    assert_eq!(app.portfolio_info().expect("info").systems, 1, "nothing was added");
}

#[test]
fn first_run_creates_a_portfolio_and_later_runs_reopen_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));
    let first = Session::start(&data, &config);
    let state = first.state().expect("state");
    assert!(state.first_run, "the first start offers the demo");
    let path = state.portfolio.expect("a portfolio is open").path.expect("on disk");
    assert!(path.ends_with("Portfolio.steward"), "created in the app-data folder: {path}");
    drop(first);

    let second = Session::start(&data, &config);
    let state = second.state().expect("state");
    assert!(!state.first_run, "a second start does not offer the demo again");
    assert_eq!(state.portfolio.and_then(|p| p.path), Some(path.clone()), "the last file is reopened");

    std::fs::write(&path, b"overwritten by something else").expect("damage the file");
    let third = Session::start(&data, &config);
    let state = third.state().expect("state");
    assert!(state.portfolio.is_none(), "a damaged last file is not opened");
    let problem = state.problem.expect("the problem is reported");
    assert!(problem.message.contains("Portfolio.steward"), "the message names the file: {}", problem.message);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_given_at_start_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shared.steward");
    drop(steward_core::api::App::create(&path).expect("created"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("make read-only");
    let mut session = Session::start(&dir.path().join("data"), &dir.path().join("config"));
    session.open_requested(&path);
    let state = session.state().expect("state");
    assert_eq!(state.problem.as_ref().map(|p| p.message.as_str()), None, "a read-only file is not a problem");
    let info = state.portfolio.expect("the file is open");
    assert!(info.read_only, "and the UI is told it is read-only");
    assert!(!state.first_run, "opening a file answers the first-run question");
}

/// Loads the demo into a file and opens the same file with plain SQLite, to look at the tables the
/// api does not list yet.
fn demo_file(today: chrono::NaiveDate) -> (tempfile::TempDir, std::path::PathBuf, steward_core::api::App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("northwind.steward");
    let mut app = steward_core::api::App::create(&path).expect("created").with_actor("test-user");
    app.demo_load(today).expect("the demo loads");
    (dir, path, app)
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn the_demo_fills_the_governance_value_budget_and_fx_tables() {
    let today = date(2027, 3, 15);
    let (_dir, path, app) = demo_file(today);
    let conn = rusqlite::Connection::open(&path).expect("raw SQLite opens the file");
    let report_counts = [
        ("value_assumptions", 60..=120),
        ("risks", 20..=30),
        ("reviews", 25..=40),
        ("incidents", 8..=14),
        ("budgets", 24..=24),
        ("fx_rates", 60..=120),
    ];
    for (table, expected) in report_counts {
        let n = count(&conn, &format!("SELECT count(*) FROM {table}"));
        assert!(expected.contains(&n), "{n} rows in {table}, expected {expected:?}");
    }
    let today_text = today.to_string();
    let overdue =
        count(&conn, &format!("SELECT count(*) FROM reviews WHERE completed_on IS NULL AND due_date < '{today_text}'"));
    assert!(overdue >= 1, "at least one review is overdue on the day the demo is loaded");
    let open_incidents = count(&conn, "SELECT count(*) FROM incidents WHERE status IN ('open', 'investigating')");
    assert!(open_incidents >= 1, "at least one incident is still open");
    let future = count(
        &conn,
        &format!("SELECT count(*) FROM incidents WHERE detected_on > '{today_text}' OR resolved_on > '{today_text}'"),
    );
    assert_eq!(future, 0, "no incident is detected or resolved after today");

    // Value models: every production or scaled initiative has one, each factor ordered low ≤ likely ≤ high.
    let without_model = count(
        &conn,
        "SELECT count(*) FROM initiatives i WHERE i.stage IN ('production', 'scaled')
           AND NOT EXISTS (SELECT 1 FROM value_assumptions v WHERE v.initiative_id = i.id)",
    );
    assert_eq!(without_model, 0, "every production or scaled initiative has a value model");
    let disordered = count(
        &conn,
        "SELECT count(*) FROM value_assumptions
         WHERE CAST(low AS REAL) > CAST(likely AS REAL) OR CAST(likely AS REAL) > CAST(high AS REAL)",
    );
    assert_eq!(disordered, 0, "low ≤ likely ≤ high for every factor");

    // FX: a rate valid on the first day of every month a foreign currency is spent or contracted in.
    let uncovered = count(
        &conn,
        "WITH used AS (
             SELECT DISTINCT currency, period_start AS day FROM cost_lines WHERE currency != 'EUR'
             UNION SELECT DISTINCT currency, substr(start_date, 1, 8) || '01' FROM contracts
                   WHERE currency != 'EUR' AND start_date IS NOT NULL)
         SELECT count(*) FROM used u WHERE NOT EXISTS (
             SELECT 1 FROM fx_rates r WHERE r.from_currency = u.currency AND r.to_currency = 'EUR'
               AND r.valid_from = u.day)",
    );
    assert_eq!(uncovered, 0, "every foreign-currency month of data converts into EUR");

    // One-off costs land on their initiative, in EUR, billed.
    let one_offs = count(
        &conn,
        "SELECT count(*) FROM cost_lines WHERE category = 'one_off' AND initiative_id IS NOT NULL
           AND system_id IS NULL AND currency = 'EUR' AND basis = 'billed'",
    );
    assert!(one_offs >= 3, "a few one-off implementation costs attributed to initiatives");
    let budgets = count(
        &conn,
        "SELECT count(DISTINCT scope_value) FROM budgets WHERE scope_type = 'department'
           AND scope_value IN (SELECT department FROM cost_lines)",
    );
    assert_eq!(budgets, 11, "each department's budget uses the department name the costs use");

    let audited = count(&conn, "SELECT count(*) FROM audit_events WHERE entity_type IN ('risk', 'review', 'incident')");
    assert!(audited >= 60, "risks, reviews and incidents are audited when the demo creates them");
    assert!(app.audit_verify().expect("verifies").intact, "and the chain stays intact");
}

#[test]
fn each_new_demo_file_is_a_batch_that_undo_takes_back() {
    let (_dir, path, mut app) = demo_file(date(2026, 11, 22));
    let history = app.import_history().expect("history");
    let tables = [
        ("value_assumptions.csv", "SELECT count(*) FROM value_assumptions"),
        ("risks.csv", "SELECT count(*) FROM risks WHERE deleted_at IS NULL"),
        ("reviews.csv", "SELECT count(*) FROM reviews"),
        ("incidents.csv", "SELECT count(*) FROM incidents"),
        ("budgets.csv", "SELECT count(*) FROM budgets"),
        ("fx_rates.csv", "SELECT count(*) FROM fx_rates"),
    ];
    for (file, sql) in tables {
        let batch = history.iter().find(|b| b.file_name == file).unwrap_or_else(|| panic!("{file} is a batch"));
        let before = count(&rusqlite::Connection::open(&path).expect("opens"), sql);
        assert_eq!(batch.rows_imported, before as u64, "{file}: the batch says how many rows it brought in");
        let undo = app.import_undo(batch.id).unwrap_or_else(|e| panic!("{file} undoes: {}", e.message));
        assert_eq!(undo.removed, before as u64, "{file}: undo removes what the file added");
        let after = count(&rusqlite::Connection::open(&path).expect("opens"), sql);
        assert_eq!(after, 0, "{file}: nothing of it is left");
    }
    assert!(app.audit_verify().expect("verifies").intact, "undo is audited without breaking the chain");
}

#[test]
fn the_demo_loads_once() {
    let (_dir, path, mut app) = demo_file(date(2026, 11, 22));
    let before = app.portfolio_info().expect("info");
    let error = app.demo_load(date(2026, 11, 22)).expect_err("a second load would duplicate everything");
    assert_eq!(error.code, ErrorCode::Conflict, "the UI suggests File → New");
    assert_eq!(app.portfolio_info().expect("info"), before, "nothing was added");
    let risks = count(&rusqlite::Connection::open(&path).expect("opens"), "SELECT count(*) FROM risks");
    assert!(risks > 0 && risks <= 30, "the risks were not loaded twice");
}

#[test]
fn the_demo_is_refused_into_a_portfolio_that_only_has_rates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rates.steward");
    drop(steward_core::api::App::create(&path).expect("created"));
    rusqlite::Connection::open(&path)
        .expect("raw open")
        .execute(
            "INSERT INTO fx_rates (from_currency, to_currency, valid_from, rate) VALUES ('USD', 'EUR', '2026-10-01', '0.86')",
            [],
        )
        .expect("a rate of the user's own");
    let mut app = steward_core::api::App::open(&path).expect("opens");
    let error = app.demo_load(date(2026, 11, 22)).expect_err("the demo's rates would clash with the user's");
    assert_eq!(error.code, ErrorCode::Conflict, "refused as not empty, not as a database error");
}

#[test]
fn the_demo_records_and_facts_come_through_the_importer_one_batch_per_file() {
    let (_dir, path, mut app) = demo_file(date(2026, 11, 22));
    let history = app.import_history().expect("history");
    let imported = [
        ("vendors.csv", "mapped:vendors"),
        ("systems.csv", "mapped:systems"),
        ("contracts.csv", "mapped:contracts"),
        ("initiatives.csv", "mapped:initiatives"),
        ("fx_rates.csv", "mapped:fx_rates"),
        ("costs.csv", "mapped:cost_lines"),
        ("adoption.csv", "mapped:kpis"),
        ("budgets.csv", "mapped:budgets"),
        ("value_assumptions.csv", "mapped:value_assumptions"),
        ("stage_history.csv", "mapped:stage_decisions"),
        ("risks.csv", "mapped:risks"),
        ("reviews.csv", "mapped:reviews"),
        ("incidents.csv", "mapped:incidents"),
    ];
    for (file, format) in imported {
        let batch = history.iter().find(|b| b.file_name == file).unwrap_or_else(|| panic!("{file} is a batch"));
        assert_eq!(batch.format, format, "{file} is read as a user's own sheet of that kind is");
        assert_eq!(batch.issue_count, 0, "{file}: the shipped demo imports without a single row issue");
    }
    let conn = rusqlite::Connection::open(&path).expect("opens");
    let unsourced = count(
        &conn,
        "SELECT (SELECT count(*) FROM cost_lines WHERE import_batch_id IS NULL OR source_row IS NULL
                   OR source_file != 'costs.csv')
              + (SELECT count(*) FROM metric_observations WHERE import_batch_id IS NULL OR source_row IS NULL
                   OR source_file != 'adoption.csv')",
    );
    assert_eq!(unsourced, 0, "every cost line and adoption figure says which file and row it came from");
    assert_eq!(history.len(), imported.len(), "every demo file is one import, and there is nothing else");
    let by_import = count(&conn, "SELECT count(*) FROM stage_transitions WHERE decided_by = 'test-user'");
    assert_eq!(by_import, 0, "the demo's own stage history replaces the stage the import saw each initiative enter");
    let today = date(2026, 11, 22);
    let files = steward_core::import::demo::importable_files(today).expect("the demo files");
    let initiatives = files.iter().find(|f| f.name == "initiatives.csv").expect("initiatives.csv");
    let mut reader = csv::Reader::from_reader(initiatives.text.as_bytes());
    let column = |name: &str| initiatives.headers.iter().position(|h| h == name).expect("a column of initiatives.csv");
    let (code, entered) = (column("code"), column("stage_entered_on"));
    for record in reader.records() {
        let record = record.expect("valid CSV");
        let stored: String = conn
            .query_row("SELECT stage_entered_on FROM initiatives WHERE code = ?1", [&record[code]], |r| r.get(0))
            .expect("the initiative is stored with a stage date");
        assert_eq!(stored, &record[entered], "{}: its stage clock starts where its stage history says", &record[code]);
    }
    let costs = history.iter().find(|b| b.file_name == "costs.csv").expect("costs.csv is a batch");
    let lines = count(&conn, "SELECT count(*) FROM cost_lines");
    let undo = app.import_undo(costs.id).expect("the demo's costs undo like any import");
    assert_eq!(undo.removed, lines as u64, "undo takes back every line costs.csv brought");
    assert_eq!(count(&conn, "SELECT count(*) FROM cost_lines WHERE replaced_by_batch IS NULL"), 0, "none is left");
}
