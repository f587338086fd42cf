//! The governance record from the user's own sheets (`tests/fixtures/imports/own-*`, written by
//! hand in the words a governance team uses): a stage gate log, a risk register, a review
//! tracker and an incident log. Each is suggested from its headers, imported with its links,
//! re-imported without change, corrected in place and undone; bad rows are issues naming their
//! row and column, and nothing of them is stored.

use std::path::{Path, PathBuf};

use steward_core::api::{App, ImportReport, MappingTarget};
use steward_core::domain::{InitiativeDraft, InitiativeId, Stage};

use crate::imports::{commit_suggested, imports_dir};
use crate::util::{date, system, vendor};

/// A portfolio on disk (so the tables can be read as they are stored) with what the sheets name:
/// two AI systems, two initiatives in pilot and a vendor.
struct Portfolio {
    _dir: tempfile::TempDir,
    path: PathBuf,
    app: App,
    claims: InitiativeId,
    contractors: InitiativeId,
}

fn portfolio() -> Portfolio {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("governance.steward");
    let mut app = App::create(&path).expect("created").with_actor("test-user");
    app.vendor_create(&vendor("OpenAI")).expect("vendor");
    app.system_create(&system("AIS-001", "Claims assistant")).expect("system");
    app.system_create(&system("AIS-002", "CV screening")).expect("system");
    let mut initiative = |code: &str, name: &str| {
        let draft =
            InitiativeDraft { code: code.into(), name: name.into(), stage: Some(Stage::Pilot), ..Default::default() };
        app.initiative_create(&draft).unwrap_or_else(|e| panic!("{name}: {}", e.message)).id
    };
    let (claims, contractors) = (initiative("INI-101", "Claims automation"), initiative("INI-102", "Contractor hours"));
    Portfolio { _dir: dir, path, app, claims, contractors }
}

impl Portfolio {
    fn import(&mut self, file: &str, target: MappingTarget) -> ImportReport {
        commit_suggested(&mut self.app, &imports_dir().join(file), target)
    }

    /// The rows of a query, each column as text ("" for null), for comparing whole tables.
    fn rows(&self, sql: &str) -> Vec<Vec<String>> {
        let conn = rusqlite::Connection::open(&self.path).expect("raw SQLite opens the file");
        let mut stmt = conn.prepare(sql).expect("query");
        let columns = stmt.column_count();
        stmt.query_map([], |r| {
            (0..columns)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => String::new(),
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        other => other.as_str().unwrap_or_default().to_owned(),
                    })
                })
                .collect()
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows read")
    }

    fn undo(&mut self, report: &ImportReport) {
        let batch = report.batch_id.expect("the import made a batch");
        self.app.import_undo(batch).unwrap_or_else(|e| panic!("undo #{batch}: {}", e.message));
    }

    fn stage_entered_on(&self, id: InitiativeId) -> Option<chrono::NaiveDate> {
        self.app.initiative_get(id).expect("initiative").stage_entered_on
    }
}

/// Issues as (row, column), sorted.
fn issues(report: &ImportReport) -> Vec<(u32, String)> {
    let mut issues: Vec<(u32, String)> = report.issues.iter().map(|i| (i.row, i.column.clone())).collect();
    issues.sort();
    issues
}

fn counts(report: &ImportReport) -> (u64, u64, u64, u64) {
    (report.records_created, report.records_updated, report.rows_unchanged, report.issue_count)
}

const RISKS: &str = "SELECT r.title, r.category, coalesce(s.code, ''), coalesce(i.code, ''), coalesce(v.name, ''),
        r.likelihood, r.severity, r.residual_likelihood, r.residual_severity, r.owner, r.status, r.deadline,
        r.accepted_by, r.accepted_on
    FROM risks r LEFT JOIN ai_systems s ON s.id = r.system_id LEFT JOIN initiatives i ON i.id = r.initiative_id
    LEFT JOIN vendors v ON v.id = r.vendor_id
    WHERE r.deleted_at IS NULL ORDER BY r.id";

#[test]
fn a_risk_register_is_imported_re_imported_reviewed_and_undone() {
    let mut p = portfolio();
    let first = p.import("own-risk-register.csv", MappingTarget::Risks);
    assert_eq!(counts(&first), (4, 0, 0, 0), "{:?}", first.issues);
    let row = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect::<Vec<String>>();
    let imported = p.rows(RISKS);
    assert_eq!(
        imported,
        vec![
            row(&[
                "Hallucinated claim decisions",
                "performance",
                "AIS-001",
                "INI-101",
                "",
                "4",
                "4",
                "2",
                "3",
                "Omar Haddad",
                "mitigating",
                "2027-03-31",
                "",
                ""
            ]),
            row(&[
                "CV grades disadvantage older applicants",
                "bias_fairness",
                "AIS-002",
                "",
                "",
                "4",
                "5",
                "3",
                "4",
                "Emma Lindqvist",
                "open",
                "2027-01-15",
                "",
                ""
            ]),
            row(&[
                "Customer data sent to a US-hosted API",
                "privacy",
                "",
                "",
                "OpenAI",
                "3",
                "5",
                "2",
                "4",
                "Niamh O'Connor",
                "accepted",
                "",
                "Jean-Luc Moreau",
                "2026-11-20"
            ]),
            row(&[
                "Hallucinated claim decisions",
                "operational",
                "AIS-002",
                "",
                "",
                "2",
                "3",
                "1",
                "2",
                "Emma Lindqvist",
                "closed",
                "",
                "",
                ""
            ]),
        ],
        "labels read as choices (\"Bias & fairness\"), systems and initiatives found by code or name, vendors by \
         name, dd/mm/yyyy dates settled by 31/03/2027; the same title on another system is another risk"
    );
    let posture = p.app.risk_posture(date(2026, 12, 1)).expect("risk posture");
    assert_eq!(posture.open_high_risks, 3, "the three high risks not closed (4 × 4, 4 × 5, 3 × 5) reach the dashboard");

    let again = p.import("own-risk-register.csv", MappingTarget::Risks);
    assert_eq!(counts(&again), (0, 0, 4, 0), "re-importing the register changes nothing");
    assert!(again.batch_id.is_none(), "and leaves no empty import in the history");

    // Times are kept to the second: the review and the undo come later than the first import,
    // as they would for a person, so undo must put back when each risk was last changed.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    let reviewed = p.import("own-risk-register (Q1 review).csv", MappingTarget::Risks);
    assert_eq!(counts(&reviewed), (0, 1, 3, 0), "the risk whose status changed is updated in place");
    let now = p.rows(RISKS);
    assert_eq!((now[0][7].as_str(), now[0][10].as_str()), ("1", "closed"), "its new residual and status are stored");
    assert_eq!(now.len(), 4, "still four risks");
    let audited = p.app.audit_list(None, 100).expect("audit");
    assert!(
        audited.iter().any(|e| e.entity_type == "risk"
            && e.action == "update"
            && e.new_value.as_deref().is_some_and(|v| v.contains("\"closed\""))),
        "the change is in the audit trail"
    );

    std::thread::sleep(std::time::Duration::from_millis(1_100));
    p.undo(&reviewed);
    assert_eq!(p.rows(RISKS), imported, "undo puts the risk back as it was");
    p.undo(&first);
    assert!(p.rows(RISKS).is_empty(), "undoing the first import takes the register back out");
    assert!(p.app.audit_verify().expect("verifies").intact, "undo is audited without breaking the chain");
}

const REVIEWS: &str = "SELECT r.review_type, coalesce(s.code, ''), coalesce(i.code, ''), coalesce(v.name, ''),
        r.due_date, r.completed_on, r.decision, r.reviewer
    FROM reviews r LEFT JOIN ai_systems s ON s.id = r.system_id LEFT JOIN initiatives i ON i.id = r.initiative_id
    LEFT JOIN vendors v ON v.id = r.vendor_id ORDER BY r.id";

#[test]
fn a_review_tracker_is_imported_and_its_open_reviews_fall_due() {
    let mut p = portfolio();
    let first = p.import("own-review-tracker.csv", MappingTarget::Reviews);
    assert_eq!(counts(&first), (4, 0, 0, 0), "{:?}", first.issues);
    let reviews = p.rows(REVIEWS);
    let kinds: Vec<(&str, &str, &str, &str, &str)> =
        reviews.iter().map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str(), r[6].as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            ("dpia", "AIS-001", "", "", "approved_with_conditions"),
            ("periodic", "AIS-001", "", "", ""),
            ("vendor_due_diligence", "", "", "OpenAI", "approved"),
            ("fria", "AIS-002", "INI-102", "", ""),
        ],
        "DPIA and FRIA read as their review types; the vendor review is about the vendor"
    );
    let posture = p.app.risk_posture(date(2027, 2, 1)).expect("risk posture");
    assert_eq!(posture.overdue_reviews, 2, "the open periodic review and FRIA are overdue on 1 February 2027");

    let again = p.import("own-review-tracker.csv", MappingTarget::Reviews);
    assert_eq!(counts(&again), (0, 0, 4, 0), "re-importing the tracker changes nothing");
    p.undo(&first);
    assert!(p.rows(REVIEWS).is_empty(), "undo takes the reviews back out");
}

const INCIDENTS: &str = "SELECT i.title, s.code, i.severity, i.status, i.occurred_on, i.detected_on,
        coalesce(i.resolved_on, ''), i.harm_categories, i.affected_groups, i.reported_to_authority
    FROM incidents i JOIN ai_systems s ON s.id = i.system_id ORDER BY i.id";

#[test]
fn an_incident_log_is_imported_and_re_imported_without_change() {
    let mut p = portfolio();
    let first = p.import("own-incident-log.csv", MappingTarget::Incidents);
    assert_eq!(counts(&first), (2, 0, 0, 0), "{:?}", first.issues);
    let incidents = p.rows(INCIDENTS);
    assert_eq!(
        incidents[0],
        [
            "Wrong denial letters sent",
            "AIS-001",
            "high",
            "closed",
            "2026-05-02",
            "2026-05-04",
            "2026-05-20",
            "financial;reputational",
            "Customers",
            "1"
        ],
        "the system is found by its name; \"Yes\" is reported to an authority"
    );
    assert_eq!((incidents[1][3].as_str(), incidents[1][9].as_str()), ("investigating", "0"));
    assert_eq!(p.app.risk_posture(date(2026, 12, 1)).expect("posture").open_incidents, 1, "one is still open");
    let again = p.import("own-incident-log.csv", MappingTarget::Incidents);
    assert_eq!(counts(&again), (0, 0, 2, 0), "re-importing the log changes nothing");
}

const HISTORY: &str = "SELECT i.code, coalesce(t.from_stage, ''), t.to_stage, t.decided_on, coalesce(t.decision, ''),
        t.decided_by
    FROM stage_transitions t JOIN initiatives i ON i.id = t.initiative_id ORDER BY i.code, t.decided_on";

#[test]
fn a_stage_gate_log_dates_the_stages_initiatives_came_in_at_and_undo_puts_today_back() {
    let mut p = portfolio();
    let (claims, contractors) = (p.claims, p.contractors);
    let came_in = p.stage_entered_on(claims).expect("a new initiative starts its stage the day it is created");
    let before = p.rows(HISTORY);
    assert_eq!(before.len(), 2, "each initiative has the entry Steward made when it came in at its stage");

    let log = p.import("own-stage-gate-log.csv", MappingTarget::StageDecisions);
    assert_eq!(
        counts(&log),
        (3, 2, 0, 0),
        "three earlier decisions added; the move into the current stage becomes the entry Steward made: {:?}",
        log.issues
    );
    let row = |values: [&str; 6]| values.map(str::to_owned).to_vec();
    assert_eq!(
        p.rows(HISTORY),
        vec![
            row(["INI-101", "", "idea", "2026-01-12", "go", "AI Steering Committee"]),
            row(["INI-101", "idea", "assessment", "2026-03-02", "go", "AI Steering Committee"]),
            row(["INI-101", "assessment", "pilot", "2026-06-15", "conditional_go", "AI Steering Committee"]),
            row(["INI-102", "", "idea", "2026-02-20", "go", "Priya Raman"]),
            row(["INI-102", "idea", "pilot", "2026-09-30", "go", "AI Steering Committee"]),
        ],
        "the history as the log tells it, initiatives found by name or code, dates day-first (15/06/2026)"
    );
    assert_eq!(p.stage_entered_on(claims), Some(date(2026, 6, 15)), "the clock in pilot starts at the decision");
    assert_eq!(p.stage_entered_on(contractors), Some(date(2026, 9, 30)));

    let again = p.import("own-stage-gate-log.csv", MappingTarget::StageDecisions);
    assert_eq!(counts(&again), (0, 0, 5, 0), "re-importing the log changes nothing");

    p.undo(&log);
    assert_eq!(p.rows(HISTORY), before, "undo leaves the entries Steward made, as they were");
    assert_eq!(p.stage_entered_on(claims), Some(came_in), "and the stage clock as it was");
    assert!(p.app.audit_verify().expect("verifies").intact, "undo is audited without breaking the chain");
}

#[test]
fn a_decision_naming_an_unknown_initiative_or_no_stage_is_an_issue_and_a_log_out_of_step_is_said() {
    let mut p = portfolio();
    let dir = tempfile::tempdir().expect("temp dir");
    let path: &Path = &dir.path().join("gate log.csv");
    std::fs::write(
        path,
        "Initiative,From,To,Date,Decision\nINI-999,Idea,Pilot,2026-03-02,Go\nINI-101,Pilot,Pilot,2026-03-02,Go\n\
         INI-101,Idea,Launched,2026-03-02,Go\nINI-101,,Idea,2026-01-12,Go\nINI-102,Pilot,Production,2099-01-10,Go\n",
    )
    .expect("the sheet is written");
    let report = commit_suggested(&mut p.app, path, MappingTarget::StageDecisions);
    assert_eq!(
        issues(&report),
        vec![(2, "Initiative".to_owned()), (3, "To".to_owned()), (4, "To".to_owned())],
        "an unknown initiative, a move to the stage it is in, a stage Steward does not know: {:?}",
        report.issues
    );
    assert_eq!(report.records_created, 2, "the good rows are kept");
    assert_eq!(
        report.warnings,
        vec![
            "INI-102 Contractor hours is in pilot but its newest decision moves it to production on 2099-01-10; \
              correct its stage or the log"
                .to_owned()
        ],
        "a log that disagrees with where an initiative is, is said, not silently followed"
    );
    assert_eq!(
        p.app.initiative_get(p.contractors).expect("initiative").fields.stage,
        Some(Stage::Pilot),
        "the initiative's own record keeps its stage"
    );
}

/// The issues a bad-rows sheet must give: (row, column, words its message says).
type ExpectedIssues = &'static [(u32, &'static str, &'static str)];

#[test]
fn bad_governance_rows_are_issues_naming_their_row_and_column_and_only_good_rows_are_stored() {
    let cases: [(&str, MappingTarget, &str, ExpectedIssues); 3] = [
        (
            "own-risk-register-bad-rows.csv",
            MappingTarget::Risks,
            RISKS,
            &[
                (2, "Likelihood", "7 is not on the 1–5 scale"),
                (3, "AI system", "an AI system, an initiative or a vendor"),
                (4, "Residual impact", "5 is above the inherent 3"),
                (5, "Category", "\"Vibes\" is not a category"),
            ],
        ),
        (
            "own-review-tracker-bad-rows.csv",
            MappingTarget::Reviews,
            REVIEWS,
            &[
                (2, "Decision", "a completed review has a decision"),
                (3, "Completed on", "a decision needs the day the review was completed"),
                (4, "AI system", "an AI system, an initiative or a vendor"),
            ],
        ),
        (
            "own-incident-log-bad-rows.csv",
            MappingTarget::Incidents,
            INCIDENTS,
            &[
                (2, "Resolved", "needs the day it was resolved"),
                (3, "Detected", "detected on 2026-05-04 is before occurred on 2026-05-10"),
                (4, "AI system", "\"AIS-999\""),
            ],
        ),
    ];
    for (file, target, table, expected) in cases {
        let mut p = portfolio();
        let report = p.import(file, target);
        let found: Vec<(u32, String)> = expected.iter().map(|(row, column, _)| (*row, (*column).to_owned())).collect();
        assert_eq!(issues(&report), found, "{file}: each bad row is one issue at its column: {:?}", report.issues);
        for (row, _, says) in expected {
            let message = report.issues.iter().find(|i| i.row == *row).map(|i| i.message.as_str()).unwrap_or_default();
            assert!(message.contains(says), "{file}, row {row}: the message says what is wrong: {message}");
        }
        assert_eq!(p.rows(table).len(), 1, "{file}: the good row is stored, the bad ones are not");
    }
}
