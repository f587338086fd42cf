//! Create, read, update, delete, restore and list, with validation at the boundary.

use steward_core::api::{ErrorCode, ListFilter, ListRequest};
use steward_core::domain::{LifecycleState, SystemId};

use crate::util::{app, contract, date, system, vendor};

#[test]
fn a_created_system_reads_back_with_its_vendor_name() {
    let mut app = app();
    let openai = app.vendor_create(&vendor("OpenAI")).expect("a named vendor is valid");
    let mut draft = system("AIS-001", "ChatGPT Enterprise");
    draft.vendor_id = Some(openai.id);
    let created = app.system_create(&draft).expect("a complete draft is stored");
    let read = app.system_get(created.id).expect("the new system can be read");
    assert_eq!(read.fields, draft, "every field typed is stored as typed");
    assert_eq!(read.vendor_name.as_deref(), Some("OpenAI"), "the list shows the vendor by name");
}

#[test]
fn invalid_drafts_name_each_field_and_write_nothing() {
    let mut app = app();
    let mut draft = system("", "");
    draft.system_type = None;
    let error = app.system_create(&draft).expect_err("an empty draft is refused");
    assert_eq!(error.code, ErrorCode::Validation, "the UI shows validation errors beside fields");
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["code", "name", "system_type"], "each missing field is named once");
    let page = app.system_list(&ListRequest::default()).expect("list works");
    assert_eq!(page.total, 0, "nothing was written");
}

#[test]
fn a_duplicate_code_is_a_field_error_on_code() {
    let mut app = app();
    app.system_create(&system("AIS-001", "First")).expect("first is stored");
    let error = app.system_create(&system("ais-001", "Second")).expect_err("codes are unique regardless of case");
    assert_eq!(error.code, ErrorCode::Validation, "a clash is shown beside the field");
    assert_eq!(error.fields[0].field, "code", "the message sits beside the code input");
}

#[test]
fn contract_dates_out_of_order_and_bad_money_are_refused() {
    let mut app = app();
    let v = app.vendor_create(&vendor("Anthropic")).expect("vendor stored");
    let mut draft = contract(v.id, "Claude Team");
    draft.start_date = Some(date(2026, 6, 1));
    draft.end_date = Some(date(2026, 5, 31));
    draft.annual_value = "54k".into();
    draft.currency = "usd".into();
    let error = app.contract_create(&draft).expect_err("end before start is refused");
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["end_date", "annual_value"], "both problems are reported together");

    draft.end_date = Some(date(2027, 5, 31));
    draft.annual_value = "54,000".into();
    draft.notice_period_days = Some(60);
    let stored = app.contract_create(&draft).expect("a corrected draft is stored");
    assert_eq!(stored.fields.annual_value, "54000.00", "money is stored exactly and shown canonically");
    assert_eq!(stored.fields.currency, "USD", "currency codes are upper-cased");
    assert_eq!(stored.cancel_by, Some(date(2027, 4, 1)), "cancel-by is the end date less the notice period");
}

#[test]
fn delete_then_restore_brings_back_the_same_record_and_its_links() {
    let mut app = app();
    let v = app.vendor_create(&vendor("GitHub")).expect("vendor stored");
    let s = app.system_create(&system("AIS-003", "Copilot")).expect("system stored");
    let mut draft = contract(v.id, "Copilot Business");
    draft.system_ids = vec![s.id];
    let c = app.contract_create(&draft).expect("contract stored");

    app.system_delete(s.id).expect("a system can be deleted");
    assert!(app.system_get(s.id).is_err(), "a deleted system is gone from reads");
    assert!(
        app.contract_get(c.id).expect("contract still there").fields.system_ids.is_empty(),
        "a deleted system is not listed as covered"
    );

    let restored = app.system_restore(s.id).expect("undo restores the system");
    assert_eq!(restored.fields, s.fields, "the restored system is the one deleted");
    assert_eq!(app.contract_get(c.id).expect("contract").fields.system_ids, vec![s.id], "its contract link is back");
}

#[test]
fn a_vendor_with_systems_cannot_be_deleted() {
    let mut app = app();
    let v = app.vendor_create(&vendor("Microsoft")).expect("vendor stored");
    let mut s = system("AIS-002", "M365 Copilot");
    s.vendor_id = Some(v.id);
    app.system_create(&s).expect("system stored");
    let error = app.vendor_delete(v.id).expect_err("deleting would orphan a system");
    assert_eq!(error.code, ErrorCode::Conflict, "the UI explains the conflict");
    assert!(error.message.contains("1 system"), "the message says what is in the way: {}", error.message);
    assert!(app.vendor_get(v.id).is_ok(), "the vendor is still there");
}

#[test]
fn lists_search_filter_sort_and_page() {
    let mut app = app();
    for i in 0..250 {
        let mut draft = system(&format!("AIS-{i:03}"), &format!("System {i:03}"));
        if i % 5 == 0 {
            draft.lifecycle_state = Some(LifecycleState::Pilot);
            draft.name = format!("Pilot assistant {i:03}");
        }
        app.system_create(&draft).expect("system stored");
    }
    let request = ListRequest {
        search: "assistant".into(),
        filters: vec![ListFilter { field: "lifecycle_state".into(), value: "pilot".into() }],
        sort_by: Some("code".into()),
        descending: true,
        offset: 10,
        limit: 20,
    };
    let page = app.system_list(&request).expect("a valid list request");
    assert_eq!(page.total, 50, "every fifth of 250 systems is a pilot assistant");
    assert_eq!(page.rows.len(), 20, "the window asked for");
    assert_eq!(page.rows[0].fields.code, "AIS-195", "descending by code, skipping the first ten");

    let bad = ListRequest { sort_by: Some("name; DROP TABLE ai_systems".into()), ..ListRequest::default() };
    let error = app.system_list(&bad).expect_err("unknown sort keys are refused, never spliced into SQL");
    assert_eq!(error.code, ErrorCode::Validation, "a bad key is the caller's mistake");
}

#[test]
fn search_treats_percent_and_underscore_literally() {
    let mut app = app();
    app.system_create(&system("AIS-1", "100% uptime bot")).expect("stored");
    app.system_create(&system("AIS-2", "1000 uptime bot")).expect("stored");
    let page = app.system_list(&ListRequest { search: "100%".into(), ..ListRequest::default() }).expect("list");
    assert_eq!(page.total, 1, "% is a character to find, not a wildcard");
}

#[test]
fn hostile_text_is_stored_and_returned_verbatim() {
    let mut app = app();
    let name = "<img src=x onerror=alert(1)> '; DROP TABLE ai_systems; --";
    let s = app.system_create(&system("AIS-X", name)).expect("any text is a valid name");
    assert_eq!(app.system_get(s.id).expect("read").fields.name, name, "text is data, never markup or SQL");
}

#[test]
fn an_unknown_id_is_not_found() {
    let app = app();
    let error = app.system_get(SystemId(999)).expect_err("no such system");
    assert_eq!(error.code, ErrorCode::NotFound, "a stale link says the record is gone");
}

#[test]
fn contracts_can_be_listed_by_the_system_they_cover() {
    let mut app = app();
    let reseller = app.vendor_create(&vendor("SoftwareOne")).expect("vendor stored");
    let direct = app.vendor_create(&vendor("Microsoft")).expect("vendor stored");
    let copilot = app.system_create(&system("AIS-002", "M365 Copilot")).expect("system stored");
    let other = app.system_create(&system("AIS-009", "Notion AI")).expect("system stored");
    for (vendor_id, name, covers) in
        [(reseller.id, "CSP", copilot.id), (direct.id, "EA", copilot.id), (direct.id, "Other", other.id)]
    {
        let mut draft = contract(vendor_id, name);
        draft.system_ids = vec![covers];
        app.contract_create(&draft).expect("contract stored");
    }
    let request = ListRequest {
        filters: vec![ListFilter { field: "system_ids".into(), value: copilot.id.0.to_string() }],
        sort_by: Some("name".into()),
        ..ListRequest::default()
    };
    let names: Vec<String> =
        app.contract_list(&request).expect("list").rows.into_iter().map(|c| c.fields.name).collect();
    assert_eq!(names, ["CSP", "EA"], "both contracts covering the system, whichever vendor bills it");
}

#[test]
fn renewals_include_missed_notice_deadlines_until_the_contract_ends() {
    let mut app = app();
    let v = app.vendor_create(&vendor("GitHub")).expect("vendor stored");
    let today = date(2026, 11, 22);
    for (name, end, notice) in [
        ("missed notice, still running", date(2026, 12, 10), 30),
        ("due in 60 days", date(2027, 2, 20), 30),
        ("already ended", date(2026, 11, 1), 30),
        ("far away", date(2028, 1, 1), 30),
    ] {
        let mut draft = contract(v.id, name);
        draft.end_date = Some(end);
        draft.notice_period_days = Some(notice);
        app.contract_create(&draft).expect("contract stored");
    }
    let names: Vec<String> =
        app.portfolio_summary(today).expect("summary").renewals_next_90_days.into_iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        ["missed notice, still running", "due in 60 days"],
        "a passed cancel-by date still needs a decision while the contract runs; ended and distant ones do not"
    );
}
