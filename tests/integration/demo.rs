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
