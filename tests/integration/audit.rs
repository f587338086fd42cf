//! Every change leaves an audit event; the chain detects edits made outside Steward.

use steward_core::api::App;

use crate::util::{app, system};

#[test]
fn an_update_records_who_changed_which_field_from_what_to_what() {
    let mut app = app();
    let s = app.system_create(&system("AIS-001", "Old name")).expect("stored");
    let mut draft = s.fields.clone();
    draft.name = "New name".into();
    app.system_update(s.id, &draft).expect("updated");
    let events = app.audit_list(Some(("system", s.id.0)), 10).expect("audit reads");
    let update = &events[0];
    assert_eq!(update.action, "update", "the newest event is the update");
    assert_eq!(update.field.as_deref(), Some("name"), "only the changed field is recorded");
    assert_eq!(update.old_value.as_deref(), Some("Old name"), "old value kept");
    assert_eq!(update.new_value.as_deref(), Some("New name"), "new value kept");
    assert_eq!(update.actor, "test-user", "who made the change");
    assert_eq!(events.len(), 2, "create + one field update, nothing for unchanged fields");
}

#[test]
fn editing_an_event_in_the_file_breaks_the_chain_at_that_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("audit.steward");
    {
        let mut app = App::create(&path).expect("created").with_actor("alice");
        for i in 0..5 {
            app.system_create(&system(&format!("AIS-{i}"), "Bot")).expect("stored");
        }
        assert!(app.audit_verify().expect("verifies").intact, "an untouched chain is intact");
    }
    let conn = rusqlite::Connection::open(&path).expect("raw SQLite opens the file");
    conn.execute("UPDATE audit_events SET actor = 'mallory' WHERE id = 3", []).expect("tamper");
    drop(conn);
    let report = App::open(&path).expect("reopens").audit_verify().expect("verifies");
    assert!(!report.intact, "a changed actor is detected");
    assert_eq!(report.first_broken, Some(3), "the report points at the edited event");
}
