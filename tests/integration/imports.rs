//! Importing the real-layout fixtures (`tests/fixtures/imports/`, each carrying the traps the
//! vendor-exports reference lists): exact counts and totals, bad input, re-import, restatement,
//! undo. Expected figures come from `expected.json`, computed by the generator with Python's
//! Decimal, independently of the importer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_json::Value;
use steward_core::api::{
    App, AttributionRuleDraft, ColumnMapping, DateOrder, ErrorCode, FieldMapping, ImportProgress, ImportReport,
    ImportRequest, MappingTarget, MoneyTotal,
};

use crate::util::{app, fixture};

pub(crate) fn imports_dir() -> PathBuf {
    fixture("imports")
}

pub(crate) fn request(path: impl Into<PathBuf>) -> ImportRequest {
    ImportRequest { path: path.into().display().to_string(), ..ImportRequest::default() }
}

pub(crate) fn keep_going(_: ImportProgress) -> bool {
    true
}

pub(crate) fn commit(app: &mut App, path: impl Into<PathBuf>) -> ImportReport {
    let path = path.into();
    app.import_commit(&request(&path), &mut keep_going).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

pub(crate) fn expected() -> Vec<Value> {
    let text = std::fs::read_to_string(imports_dir().join("expected.json")).expect("expected.json is readable");
    serde_json::from_str(&text).expect("expected.json parses")
}

/// The expectations of one fixture.
pub(crate) fn expected_for(file: &str) -> Value {
    expected().into_iter().find(|e| e["file"] == file).unwrap_or_else(|| panic!("{file} is not in expected.json"))
}

pub(crate) fn totals_of(value: &Value) -> Vec<MoneyTotal> {
    let mut totals: Vec<MoneyTotal> = value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|t| MoneyTotal {
                    currency: t["currency"].as_str().unwrap_or_default().to_owned(),
                    basis: t["basis"].as_str().unwrap_or_default().to_owned(),
                    amount: t["amount"].as_str().unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default();
    totals.sort_by(|a, b| (&a.currency, &a.basis).cmp(&(&b.currency, &b.basis)));
    totals
}

/// What a portfolio file holds in live cost lines, grouped by `group` (an SQL expression over
/// `cost_lines l` and `vendors v`, e.g. `v.name`), per currency and basis. Read with SQLite
/// directly: the test checks what was stored, not what the api says about it.
pub(crate) fn live_money(path: &Path, group: &str) -> BTreeMap<String, Vec<MoneyTotal>> {
    let conn = rusqlite::Connection::open(path).expect("raw SQLite opens the portfolio");
    let sql = format!(
        "SELECT COALESCE({group}, ''), l.currency, l.basis, l.amount_exact FROM cost_lines l
         LEFT JOIN vendors v ON v.id = l.vendor_id WHERE l.replaced_by_batch IS NULL"
    );
    let mut stmt = conn.prepare(&sql).expect("the query prepares");
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })
        .expect("the query runs");
    let mut sums: BTreeMap<String, BTreeMap<(String, String), Decimal>> = BTreeMap::new();
    for row in rows {
        let (key, currency, basis, amount) = row.expect("a row");
        let amount: Decimal = amount.parse().expect("amount_exact is a decimal");
        *sums.entry(key).or_default().entry((currency, basis)).or_default() += amount;
    }
    sums.into_iter()
        .map(|(key, groups)| {
            let totals = groups
                .into_iter()
                .map(|((currency, basis), amount)| MoneyTotal {
                    currency,
                    basis,
                    amount: amount.normalize().to_string(),
                })
                .collect();
            (key, totals)
        })
        .collect()
}

/// `{ name: [totals] }` of expected.json as the same shape as [`live_money`].
pub(crate) fn grouped_totals(value: &Value) -> BTreeMap<String, Vec<MoneyTotal>> {
    value.as_object().map(|o| o.iter().map(|(k, v)| (k.clone(), totals_of(v))).collect()).unwrap_or_default()
}

/// Checks one recognised fixture against its expectations; returns the mismatches.
fn check_recognised(entry: &Value, report: &ImportReport) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut same = |what: &str, got: String, want: String| {
        if got != want {
            wrong.push(format!("{what}: got {got}, expected {want}"));
        }
    };
    same("format", format!("{:?}", report.format), format!("{:?}", entry["preset"].as_str()));
    same(
        "header row",
        format!("{:?}", report.header_row),
        format!("{:?}", entry["header_row"].as_u64().map(|n| n as u32)),
    );
    for key in ["rows_read", "rows_imported", "rows_skipped"] {
        let got = match key {
            "rows_read" => report.rows_read,
            "rows_imported" => report.rows_imported,
            _ => report.rows_skipped,
        };
        same(key, got.to_string(), entry[key].as_u64().unwrap_or_default().to_string());
    }
    if let Some(reasons) = entry["skipped_reasons"].as_object() {
        for (kind, count) in reasons {
            let got: u64 = report.skipped.iter().filter(|s| s.reason.starts_with(kind.as_str())).map(|s| s.count).sum();
            same(&format!("skipped as {kind}"), got.to_string(), count.as_u64().unwrap_or_default().to_string());
        }
    }
    let mut got_totals = report.totals.clone();
    got_totals.sort_by(|a, b| (&a.currency, &a.basis).cmp(&(&b.currency, &b.basis)));
    same("totals", format!("{got_totals:?}"), format!("{:?}", totals_of(&entry["totals"])));
    let want_obs: BTreeMap<String, String> = entry["observations"]
        .as_object()
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned())).collect())
        .unwrap_or_default();
    let got_obs: BTreeMap<String, String> =
        report.observations.iter().map(|o| (o.metric.clone(), o.value.clone())).collect();
    same("observations", format!("{got_obs:?}"), format!("{want_obs:?}"));
    // Issues that skip no row (a pivot's total that does not add up) must not go unnoticed.
    if entry["skipped_reasons"].get("row issue").is_none() {
        same("issues", format!("{:?}", report.issues), "[]".into());
    }
    wrong
}

#[test]
fn every_real_layout_fixture_imports_with_exact_counts_and_totals() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in expected() {
        let file = entry["file"].as_str().expect("file").to_owned();
        let path = imports_dir().join(&file);
        // Fixtures with per-vendor or per-month figures are stored in a file, to read them back.
        let dir = tempfile::tempdir().expect("temp dir");
        let portfolio = dir.path().join("check.steward");
        let grouped = entry.get("vendors").is_some() || entry.get("months").is_some();
        let mut app =
            if grouped { App::create(&portfolio).expect("a portfolio file").with_actor("test-user") } else { app() };
        let result = app.import_commit(&request(&path), &mut keep_going);
        match (&entry["error"], result) {
            (Value::String(what), Ok(report)) => {
                failures.push(format!("{file}: expected an error ({what}), got {:?}", report.problem));
            }
            (Value::String(_), Err(error)) => {
                if error.code != ErrorCode::FileUnusable || !error.message.starts_with(&file) {
                    failures.push(format!("{file}: the error must name the file: {:?} {}", error.code, error.message));
                }
            }
            (_, Err(error)) => failures.push(format!("{file}: {}", error.message)),
            (_, Ok(report)) if entry["preset"].is_null() => {
                if report.format.is_some() || report.problem.is_none() {
                    failures.push(format!("{file}: should not be recognised, got {:?}", report.format));
                }
            }
            (_, Ok(report)) => {
                failures.extend(check_recognised(&entry, &report).into_iter().map(|w| format!("{file}: {w}")));
                // What was committed is what the portfolio now holds, exactly.
                let mut held = app.cost_totals().expect("totals");
                held.sort_by(|a, b| (&a.currency, &a.basis).cmp(&(&b.currency, &b.basis)));
                let mut reported = report.totals.clone();
                reported.sort_by(|a, b| (&a.currency, &a.basis).cmp(&(&b.currency, &b.basis)));
                if held != reported {
                    failures.push(format!("{file}: portfolio holds {held:?}, report says {reported:?}"));
                }
                for (key, group) in [("vendors", "v.name"), ("months", "substr(l.period_start, 1, 7)")] {
                    let Some(want) = entry.get(key) else { continue };
                    let got = live_money(&portfolio, group);
                    let want = match key {
                        "vendors" => grouped_totals(want),
                        _ => want
                            .as_object()
                            .map(|o| {
                                let usd = |a: &Value| MoneyTotal {
                                    currency: "USD".into(),
                                    basis: "billed".into(),
                                    amount: a.as_str().unwrap_or_default().to_owned(),
                                };
                                o.iter().map(|(m, a)| (m.clone(), vec![usd(a)])).collect()
                            })
                            .unwrap_or_default(),
                    };
                    if got != want {
                        failures.push(format!("{file}: {key}: portfolio holds {got:?}, expected {want:?}"));
                    }
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} fixtures listed");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The Azure file repeats a row exactly (legitimate in Azure exports): both copies are kept
/// the first time, and matched one to one the second.
#[test]
fn re_importing_the_same_file_changes_nothing() {
    let mut app = app();
    let file = imports_dir().join("Northwind_EA_ActualCost_202510.csv");
    let first = commit(&mut app, &file);
    assert!(first.batch_id.is_some() && first.rows_imported > 0);
    let before = app.cost_totals().expect("totals");
    let again = commit(&mut app, &file);
    assert_eq!((again.rows_imported, again.rows_unchanged, again.batch_id), (0, first.rows_imported, None));
    assert_eq!(app.cost_totals().expect("totals"), before, "nothing doubled");
    assert_eq!(app.import_history().expect("history").len(), 1, "no empty batch recorded");
}

/// A restated export: one amount changed, one line gone, one new. The scope it covers is
/// replaced, not added to; undoing the restatement brings the first export back exactly.
#[test]
fn a_restated_export_replaces_its_scope_and_undo_restores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read_to_string(imports_dir().join("claude_api_cost_2025_10.csv")).expect("fixture");
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    let first_path = dir.path().join("claude_api_cost_2025_10.csv");
    std::fs::write(&first_path, original.as_bytes()).expect("write");
    let mut app = app();
    let first = commit(&mut app, &first_path);
    let first_totals = app.cost_totals().expect("totals");

    // Restate: drop the last data row, change the second row's cost.
    let removed = lines.pop().expect("a data row");
    assert!(!removed.is_empty());
    let header: Vec<&str> = lines[0].split(',').collect();
    let cost_at = header.iter().position(|h| *h == "cost_usd").expect("cost_usd column");
    let mut cells: Vec<String> = lines[1].split(',').map(str::to_owned).collect();
    assert_eq!(cells.len(), header.len(), "the second row has no quoted commas");
    cells[cost_at] = "999.99".into();
    lines[1] = cells.join(",");
    let restated_path = dir.path().join("claude_api_cost_2025_10 (restated).csv");
    std::fs::write(&restated_path, lines.join("\n") + "\n").expect("write");

    let preview = app.import_preview(&request(&restated_path), &mut keep_going).expect("preview");
    assert!(!preview.committed);
    assert_eq!(app.cost_totals().expect("totals"), first_totals, "a preview writes nothing");
    let restated = commit(&mut app, &restated_path);
    assert_eq!(restated.rows_imported, 1, "only the changed row is written");
    assert_eq!(restated.rows_unchanged, first.rows_imported - 2);
    assert!(restated.rows_replaced >= 1, "the changed row replaced its old line, the dropped row went");
    assert_eq!(app.cost_totals().expect("totals"), restated.totals, "the portfolio holds the restated file, not both");

    let undo = app.import_undo(restated.batch_id.expect("batch")).expect("undo");
    assert!(undo.restored >= 1);
    assert_eq!(app.cost_totals().expect("totals"), first_totals, "undo brings the first export back exactly");
    let error = app.import_undo(restated.batch_id.expect("batch")).expect_err("twice");
    assert_eq!(error.code, ErrorCode::Conflict);
}

#[test]
fn an_earlier_import_cannot_be_undone_under_a_later_one_that_replaced_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(imports_dir().join("claude_api_cost_2024_09.csv")).expect("fixture");
    let first_path = dir.path().join("first.csv");
    std::fs::write(&first_path, &text).expect("write");
    let mut app = app();
    let first = commit(&mut app, &first_path);
    let second_path = dir.path().join("second.csv");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.pop();
    std::fs::write(&second_path, lines.join("\n") + "\n").expect("write");
    let second = commit(&mut app, &second_path);
    assert!(second.rows_replaced >= 1);
    let error = app.import_undo(first.batch_id.expect("batch")).expect_err("blocked");
    assert_eq!(error.code, ErrorCode::Conflict);
    assert!(error.message.contains(&format!("undo #{}", second.batch_id.expect("batch"))), "{}", error.message);
}

#[test]
fn attribution_rules_link_lines_to_systems_and_are_re_applied() {
    let mut app = app();
    let report = commit(&mut app, imports_dir().join("claude_api_cost_2025_10.csv"));
    assert_eq!(report.unattributed, report.totals, "nothing is attributed without rules");
    let system = app.system_create(&crate::util::system("AIS-900", "Claims assistant")).expect("system");
    let applied = app
        .attribution_rule_add(&steward_core::api::AttributionRuleDraft {
            source: "anthropic-cost".into(),
            field: "*".into(),
            match_value: String::new(),
            system_id: system.id,
        })
        .expect("rule");
    assert_eq!(applied.lines, report.rows_imported, "the rule attributed what was already imported");
    let bad = app
        .attribution_rule_add(&steward_core::api::AttributionRuleDraft {
            source: "no-such-format".into(),
            field: "workspace".into(),
            match_value: String::new(),
            system_id: system.id,
        })
        .expect_err("refused");
    let fields: Vec<&str> = bad.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["source", "match_value"]);
}

fn rule(source: &str, field: &str, value: &str, system: steward_core::domain::SystemId) -> AttributionRuleDraft {
    AttributionRuleDraft { source: source.into(), field: field.into(), match_value: value.into(), system_id: system }
}

/// Each rule's (lines, USD billed amount) in priority order.
fn rule_counts(app: &App) -> Vec<(u64, String)> {
    let rules = app.attribution_rules().expect("rules list");
    rules
        .iter()
        .map(|r| (r.lines, r.spend.iter().map(|m| format!("{} {} {}", m.amount, m.currency, m.basis)).collect()))
        .collect()
}

/// The unattributed ResourceGroup values of the Azure EA file: (value, lines, amount).
fn unattributed_groups(app: &App) -> Vec<(String, u64, String)> {
    let values = app.attribution_unattributed_values().expect("values");
    values
        .iter()
        .filter(|v| v.source == "azure-ea-cost" && v.field == "ResourceGroup")
        .map(|v| (v.value.clone(), v.lines, v.spend.iter().map(|m| m.amount.clone()).collect::<Vec<_>>().join("+")))
        .collect()
}

/// Counts checked by hand against `Northwind_EA_ActualCost_202510.csv` (25 lines, all cost
/// centre 4410): rg-claims-triage 12 lines (11,723.077098 in micro-units), rg-route-opt 13
/// (22,418.085981); resource vm-ingest-01 3 + 4 lines (11.712 + 12.288 = 24).
#[test]
fn attribution_rules_are_edited_and_deleted_and_the_rest_re_applied() {
    let mut app = app();
    let report = commit(&mut app, imports_dir().join("Northwind_EA_ActualCost_202510.csv"));
    assert_eq!(report.rows_imported, 25);
    let claims = app.system_create(&crate::util::system("AIS-901", "Claims triage")).expect("system").id;
    let route = app.system_create(&crate::util::system("AIS-902", "Route optimizer")).expect("system").id;
    assert!(app.attribution_rules().expect("rules").is_empty(), "a new portfolio has no rules");
    assert_eq!(
        unattributed_groups(&app),
        vec![
            ("rg-route-opt".to_owned(), 13, "22418.085981".to_owned()),
            ("rg-claims-triage".to_owned(), 12, "11723.077098".to_owned()),
        ],
        "every line is unattributed at first, the larger spend listed first"
    );

    let first =
        app.attribution_rule_add(&rule("azure-ea-cost", "ResourceGroup", "rg-claims-triage", claims)).expect("add");
    assert_eq!((first.lines, first.released), (12, 0), "the resource group's 12 lines");
    let second = app.attribution_rule_add(&rule("azure-ea-cost", "CostCenter", "4410", route)).expect("add");
    assert_eq!((second.lines, second.released), (13, 0), "the first rule keeps its 12 lines: it comes first");
    assert_eq!(
        rule_counts(&app),
        vec![(12, "11723.077098 USD billed".to_owned()), (13, "22418.085981 USD billed".to_owned())]
    );
    assert!(unattributed_groups(&app).is_empty(), "the cost-centre rule takes every line left");
    let listed = app.attribution_rules().expect("rules");
    assert_eq!(
        (listed[0].system_name.as_str(), listed[0].source_label.as_str(), listed[0].priority),
        ("Claims triage", "Azure EA cost details", 1),
        "the list names the system and the export layout"
    );

    // Narrowing the first rule: its other 9 lines fall to the next rule that matches them.
    let edited = app
        .attribution_rule_update(first.rule_id, &rule("azure-ea-cost", "ResourceName", "VM-INGEST-01", claims))
        .expect("update");
    assert_eq!((edited.lines, edited.released), (7, 0), "vm-ingest-01 in both groups (any case); none left bare");
    assert_eq!(edited.changed, 13, "9 claims lines go to the cost-centre rule, 4 route lines come to this one");
    assert_eq!(rule_counts(&app), vec![(7, "24 USD billed".to_owned()), (18, "34117.163079 USD billed".to_owned())]);

    // Deleting the catch-all: what only it matched goes back to unattributed.
    let deleted = app.attribution_rule_delete(second.rule_id).expect("delete");
    assert_eq!((deleted.lines, deleted.released, deleted.changed), (0, 18, 18));
    assert_eq!(rule_counts(&app), vec![(7, "24 USD billed".to_owned())]);
    assert_eq!(
        unattributed_groups(&app),
        vec![
            ("rg-route-opt".to_owned(), 9, "22405.797981".to_owned()),
            ("rg-claims-triage".to_owned(), 9, "11711.365098".to_owned()),
        ],
        "the 18 lines other than vm-ingest-01 are unattributed again"
    );

    // A rule edited to match nothing releases all it had.
    let emptied = app
        .attribution_rule_update(first.rule_id, &rule("azure-ea-cost", "CostCenter", "9999", claims))
        .expect("update");
    assert_eq!((emptied.lines, emptied.released), (0, 7));
    let bare: u64 = unattributed_groups(&app).iter().map(|g| g.1).sum();
    assert_eq!(bare, 25, "no line keeps an AI system no rule gives it");

    let gone = app.attribution_rule_delete(second.rule_id).expect_err("already deleted");
    assert_eq!(gone.code, ErrorCode::NotFound);
    let wrong_field = app
        .attribution_rule_update(first.rule_id, &rule("azure-ea-cost", "project_name", "x", claims))
        .expect_err("an OpenAI column on an Azure rule");
    assert_eq!(wrong_field.fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec!["field"]);

    let mut trail: Vec<(String, Option<String>)> = Vec::new();
    for id in [first.rule_id.0, second.rule_id.0] {
        for event in app.audit_list(Some(("attribution_rule", id)), 100).expect("audit") {
            trail.push((event.action, event.field));
        }
    }
    trail.sort();
    let owned = |a: &str, f: Option<&str>| (a.to_owned(), f.map(str::to_owned));
    assert_eq!(
        trail,
        vec![
            owned("create", None),
            owned("create", None),
            owned("delete", None),
            owned("update", Some("field")),
            owned("update", Some("field")),
            owned("update", Some("match_value")),
            owned("update", Some("match_value")),
        ],
        "two adds, two edits of field and value, one delete: each in the audit trail"
    );
    assert!(app.audit_verify().expect("verify").intact, "the chain still verifies");
}

/// Live lines per AI system (`""` for none) and each rule's stored position, read with SQLite
/// directly: the test checks what was stored, not what the api says about it.
fn stored_attribution(path: &Path) -> (BTreeMap<String, u64>, Vec<i64>) {
    let conn = rusqlite::Connection::open(path).expect("raw SQLite opens the portfolio");
    let mut stmt = conn
        .prepare(
            "SELECT coalesce(s.name, ''), count(*) FROM cost_lines l LEFT JOIN ai_systems s ON s.id = l.system_id
             WHERE l.replaced_by_batch IS NULL GROUP BY 1",
        )
        .expect("the query prepares");
    let lines = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))
        .expect("the query runs")
        .collect::<Result<_, _>>()
        .expect("rows");
    let mut stmt = conn.prepare("SELECT position FROM attribution_rules ORDER BY position").expect("prepares");
    let positions = stmt.query_map([], |r| r.get(0)).expect("runs").collect::<Result<_, _>>().expect("rows");
    (lines, positions)
}

/// The same Azure EA file as above (25 lines: rg-claims-triage 12, rg-route-opt 13;
/// vm-ingest-01 3 of the first and 4 of the second). A catch-all rule saved first takes every
/// line until a more specific rule is moved above it.
#[test]
fn moving_a_rule_changes_which_rule_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("portfolio.steward");
    let mut app = App::create(&path).expect("a portfolio file").with_actor("test-user");
    commit(&mut app, imports_dir().join("Northwind_EA_ActualCost_202510.csv"));
    let claims = app.system_create(&crate::util::system("AIS-901", "Claims triage")).expect("system").id;
    let route = app.system_create(&crate::util::system("AIS-902", "Route optimizer")).expect("system").id;
    let ingest = app.system_create(&crate::util::system("AIS-903", "Ingest")).expect("system").id;
    let scratch = app.attribution_rule_add(&rule("azure-ea-cost", "CostCenter", "9999", claims)).expect("add");
    let every = app.attribution_rule_add(&rule("azure-ea-cost", "*", "", route)).expect("add");
    let group =
        app.attribution_rule_add(&rule("azure-ea-cost", "ResourceGroup", "rg-claims-triage", claims)).expect("add");
    let vm = app.attribution_rule_add(&rule("azure-ea-cost", "ResourceName", "vm-ingest-01", ingest)).expect("add");
    // A deleted rule leaves a gap in the stored positions (2, 3, 4); a move numbers them again.
    app.attribution_rule_delete(scratch.rule_id).expect("delete");
    assert_eq!((group.lines, vm.lines), (0, 0), "the catch-all saved first takes every line");
    let systems = |pairs: &[(&str, u64)]| pairs.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect();
    assert_eq!(stored_attribution(&path), (systems(&[("Route optimizer", 25)]), vec![2, 3, 4]));

    // The most specific rule, from last to first: it takes its 7 lines from the catch-all.
    let moved = app.attribution_rule_move(vm.rule_id, 1).expect("move");
    assert_eq!((moved.rule_id, moved.lines, moved.released, moved.changed), (vm.rule_id, 7, 0, 7));
    let order: Vec<_> = app.attribution_rules().expect("rules").iter().map(|r| (r.id, r.priority)).collect();
    assert_eq!(order, vec![(vm.rule_id, 1), (every.rule_id, 2), (group.rule_id, 3)], "the moved rule is tried first");
    assert_eq!(
        stored_attribution(&path),
        (systems(&[("Ingest", 7), ("Route optimizer", 18)]), vec![1, 2, 3]),
        "vm-ingest-01's lines now belong to Ingest, and positions are 1..n again"
    );

    // One step up: the resource group's 9 lines other than vm-ingest-01 leave the catch-all.
    let up = app.attribution_rule_move(group.rule_id, 2).expect("move");
    assert_eq!((up.lines, up.changed), (9, 9));
    assert_eq!(
        rule_counts(&app),
        vec![
            (7, "24 USD billed".to_owned()),
            (9, "11711.365098 USD billed".to_owned()),
            (9, "22405.797981 USD billed".to_owned()),
        ],
        "each rule keeps the lines it is the first to match"
    );
    assert_eq!(
        stored_attribution(&path).0,
        systems(&[("Claims triage", 9), ("Ingest", 7), ("Route optimizer", 9)]),
        "the stored lines changed system, not just the list"
    );

    // The catch-all back on top takes all 25 lines: 16 change hands.
    let top = app.attribution_rule_move(every.rule_id, 0).expect("move");
    assert_eq!((top.lines, top.released, top.changed), (25, 0, 16), "0 counts as first");
    assert_eq!(stored_attribution(&path).0, systems(&[("Route optimizer", 25)]));
    let last = app.attribution_rule_move(every.rule_id, 99).expect("move");
    assert_eq!((last.lines, last.changed), (9, 16), "past the end means last: the others take their lines back");
    let again = app.attribution_rule_move(every.rule_id, 3).expect("move");
    assert_eq!((again.lines, again.changed), (9, 0), "a move to where the rule is changes nothing");
    assert_eq!(stored_attribution(&path).1, vec![1, 2, 3]);

    let unknown = app.attribution_rule_move(scratch.rule_id, 1).expect_err("a deleted rule");
    assert_eq!(unknown.code, ErrorCode::NotFound, "{}", unknown.message);

    let moves = |id: steward_core::api::AttributionRuleId| -> Vec<(Option<String>, Option<String>)> {
        let events = app.audit_list(Some(("attribution_rule", id.0)), 100).expect("audit");
        let mut moves: Vec<_> = events
            .into_iter()
            .filter(|e| e.action == "update" && e.field.as_deref() == Some("priority"))
            .map(|e| (e.old_value, e.new_value))
            .collect();
        moves.sort();
        moves
    };
    let text = |old: &str, new: &str| (Some(old.to_owned()), Some(new.to_owned()));
    assert_eq!(moves(vm.rule_id), vec![text("3", "1")], "the moved rule records its old and new priority");
    assert_eq!(moves(group.rule_id), vec![text("3", "2")]);
    assert_eq!(
        moves(every.rule_id),
        vec![text("1", "3"), text("3", "1")],
        "to the top and to the bottom; the move to where it was records nothing"
    );
    assert!(app.audit_verify().expect("verify").intact, "the chain still verifies");
}

/// Re-applying edited rules leaves the lines as importing under those rules would.
#[test]
fn re_applied_rules_agree_with_rules_applied_at_import() {
    let file = imports_dir().join("Northwind_EA_ActualCost_202510.csv");
    let mut edited = app();
    commit(&mut edited, &file);
    let claims = edited.system_create(&crate::util::system("AIS-901", "Claims triage")).expect("system").id;
    let route = edited.system_create(&crate::util::system("AIS-902", "Route optimizer")).expect("system").id;
    let first =
        edited.attribution_rule_add(&rule("azure-ea-cost", "ResourceGroup", "rg-route-opt", claims)).expect("add");
    edited.attribution_rule_add(&rule("azure-ea-cost", "*", "", route)).expect("add");
    edited
        .attribution_rule_update(first.rule_id, &rule("azure-ea-cost", "ResourceName", "vm-ingest-01", claims))
        .expect("update");

    let mut fresh = app();
    let claims = fresh.system_create(&crate::util::system("AIS-901", "Claims triage")).expect("system").id;
    let route = fresh.system_create(&crate::util::system("AIS-902", "Route optimizer")).expect("system").id;
    fresh.attribution_rule_add(&rule("azure-ea-cost", "ResourceName", "vm-ingest-01", claims)).expect("add");
    fresh.attribution_rule_add(&rule("azure-ea-cost", "*", "", route)).expect("add");
    let report = commit(&mut fresh, &file);
    assert!(report.unattributed.is_empty(), "the catch-all rule leaves nothing unattributed");
    assert_eq!(rule_counts(&edited), rule_counts(&fresh), "same rules, same attribution");
    assert_eq!(rule_counts(&fresh).iter().map(|c| c.0).collect::<Vec<_>>(), vec![7, 18]);
}

#[test]
fn a_file_that_is_not_there_or_a_preset_that_does_not_exist_is_named() {
    let mut app = app();
    let missing = app.import_commit(&request("/no/such/export.csv"), &mut keep_going).expect_err("missing");
    assert_eq!(missing.code, ErrorCode::FileUnusable);
    assert!(missing.message.starts_with("export.csv: cannot be read"), "{}", missing.message);
    let mut wrong_preset = request(imports_dir().join("claude_api_cost_2025_10.csv"));
    wrong_preset.preset = Some("openai-costs".into());
    let error = app.import_commit(&wrong_preset, &mut keep_going).expect_err("unknown preset");
    assert!(error.message.contains("openai-cost,") || error.message.contains("openai-cost"), "{}", error.message);
}

#[test]
fn cancelling_writes_nothing() {
    let mut app = app();
    let mut stop = |_: ImportProgress| false;
    let error = app
        .import_commit(&request(imports_dir().join("EA_ActualCost_Northwind_202309.csv")), &mut stop)
        .expect_err("cancelled");
    assert!(error.message.contains("cancelled"), "{}", error.message);
    assert!(app.cost_totals().expect("totals").is_empty());
    assert!(app.import_history().expect("history").is_empty());
}

fn field<'a>(mapping: &'a mut ColumnMapping, key: &str) -> &'a mut FieldMapping {
    mapping.fields.iter_mut().find(|m| m.field == key).unwrap_or_else(|| panic!("the mapping has no field {key}"))
}

/// The user's own inventory: suggested as AI systems, corrected (a policy for every row, their
/// type words translated), saved, committed; the same layout later reuses the saved mapping.
fn import_own_inventory(app: &mut App) -> ImportReport {
    let path = imports_dir().join("own-inventory.csv");
    let preview = app.import_preview(&request(&path), &mut keep_going).expect("preview");
    assert!(preview.format.is_none() && preview.problem.is_some(), "{:?}", preview.problem);
    let suggestion = preview.suggestion.expect("a suggested mapping");
    assert_eq!(suggestion.mapping.target, MappingTarget::Systems);
    assert_eq!(suggestion.missing_required, vec!["Usage policy"]);
    let mut unmatched = suggestion.unmatched_values.get("system_type").cloned().unwrap_or_default();
    unmatched.sort();
    assert_eq!(unmatched, vec!["Computer vision", "Copilot seats", "Document AI", "LLM application", "ML model"]);

    let mut mapping = suggestion.mapping;
    field(&mut mapping, "usage_policy").value = Some("approved".into());
    for (word, value) in [
        ("LLM application", "model_api"),
        ("ML model", "internal_model"),
        ("Document AI", "saas_tool"),
        ("Copilot seats", "saas_tool"),
        ("Computer vision", "internal_model"),
    ] {
        field(&mut mapping, "system_type").values.insert(word.into(), value.into());
    }
    field(&mut mapping, "lifecycle_state").values.insert("Idea".into(), "proposed".into());
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(mapping);
    with_mapping.save_mapping_as = Some("Our inventory sheet".into());
    app.import_commit(&with_mapping, &mut keep_going).expect("commit")
}

#[test]
fn the_users_own_inventory_is_mapped_once_saved_and_reused() {
    let mut app = app();
    let report = import_own_inventory(&mut app);
    assert_eq!((report.rows_read, report.records_created, report.issue_count), (12, 12, 0), "{:?}", report.issues);
    assert!(report.vendor_created, "vendors named in the sheet were added");
    let systems =
        app.system_list(&steward_core::api::ListRequest { search: "Email triage".into(), ..Default::default() });
    let system = systems.expect("list").rows.pop().expect("the quoted name with a comma was imported");
    assert_eq!(system.fields.name, "Email triage, EU");
    assert!(system.fields.code.starts_with("AIS-"), "a code was generated: {}", system.fields.code);

    // Next month the same sheet comes back: the saved mapping applies by itself; nothing changed.
    let again = commit(&mut app, imports_dir().join("own-inventory.csv"));
    assert_eq!(again.mapping_name.as_deref(), Some("Our inventory sheet"));
    assert_eq!((again.rows_unchanged, again.rows_imported, again.batch_id), (12, 0, None));

    // Undo removes the systems and the vendors the import created.
    let undo = app.import_undo(report.batch_id.expect("batch")).expect("undo");
    assert!(undo.removed >= 12);
    let left = app.system_list(&steward_core::api::ListRequest::default()).expect("list");
    assert_eq!(left.total, 0);
}

#[test]
fn a_contract_workbook_reads_day_first_dates_and_money_with_symbols() {
    let mut app = app();
    let path = imports_dir().join("own-contracts.xlsx");
    let preview = app.import_preview(&request(&path), &mut keep_going).expect("preview");
    let suggestion = preview.suggestion.expect("a suggestion");
    assert_eq!(suggestion.mapping.target, MappingTarget::Contracts);
    assert_eq!(suggestion.mapping.date_order, Some(DateOrder::DayFirst), "31/10/2026 settles the order");
    assert_eq!(suggestion.missing_required, vec!["Status"]);
    let mut mapping = suggestion.mapping;
    field(&mut mapping, "status").value = Some("Active".into());
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(mapping);
    let report = app.import_commit(&with_mapping, &mut keep_going).expect("commit");
    assert_eq!(report.records_created, report.rows_read, "{:?}", report.issues);
    let contracts =
        app.contract_list(&steward_core::api::ListRequest { search: "ChatGPT".into(), ..Default::default() });
    let contract = contracts.expect("list").rows.pop().expect("the ChatGPT contract");
    assert_eq!(contract.fields.start_date, chrono::NaiveDate::from_ymd_opt(2025, 11, 1));
    assert_eq!(contract.fields.annual_value, "86400.00");
}

#[test]
fn kpis_land_on_the_systems_they_name() {
    let mut app = app();
    import_own_inventory(&mut app);
    let path = imports_dir().join("own-kpis.csv");
    let preview = app.import_preview(&request(&path), &mut keep_going).expect("preview");
    let suggestion = preview.suggestion.expect("a suggestion");
    assert_eq!(suggestion.mapping.target, MappingTarget::Kpis);
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(suggestion.mapping);
    let report = app.import_commit(&with_mapping, &mut keep_going).expect("commit");
    assert_eq!((report.records_created, report.issue_count), (report.rows_read, 0), "{:?}", report.issues);
}

#[test]
fn seats_and_users_from_an_own_sheet_feed_adoption_other_kpis_stay_kpis() {
    use steward_core::analytics::period::PeriodKind;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app();
    import_own_inventory(&mut app);
    let path = dir.path().join("seat tracker.csv");
    std::fs::write(
        &path,
        "Month,System,KPI,Value\n\
         2025-09,Claims triage assistant,Licences purchased,120\n\
         2025-09,Claims triage assistant,Monthly active users,84\n\
         2025-09,Claims triage assistant,Seats assigned,100\n\
         2025-09,Claims triage assistant,Hours saved,310\n",
    )
    .expect("write");
    let suggestion = app.import_preview(&request(&path), &mut keep_going).expect("preview").suggestion.expect("s");
    assert_eq!(suggestion.mapping.target, MappingTarget::Kpis);
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(suggestion.mapping);
    let report = app.import_commit(&with_mapping, &mut keep_going).expect("commit");
    assert_eq!((report.records_created, report.issue_count), (4, 0), "{:?}", report.issues);

    let september = steward_core::api::AnalyticsRequest {
        period: PeriodKind::Month,
        anchor: chrono::NaiveDate::from_ymd_opt(2025, 9, 1),
        basis: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2025, 10, 15).expect("date");
    let adoption = app.adoption_view(&september, today).expect("adoption");
    let row = adoption.systems.iter().find(|s| s.name == "Claims triage assistant").expect("the system's adoption");
    assert_eq!((row.seats_purchased, row.seats_assigned, row.active_users), (Some(120.0), Some(100.0), Some(84.0)));
    assert_eq!(row.utilisation, Some(0.7));
}

/// Finance's own cost tracker: suggested as cost lines, imported with its exact totals; the same
/// file again changes nothing; a corrected copy replaces what it restates and retires the row it
/// dropped; undo brings the first version back. Another layout's lines are never touched.
#[test]
fn an_own_cost_sheet_is_imported_restated_and_undone_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app();
    import_own_inventory(&mut app);
    let path = imports_dir().join("own-ai-costs.csv");
    let preview = app.import_preview(&request(&path), &mut keep_going).expect("preview");
    let suggestion = preview.suggestion.expect("a suggestion");
    assert_eq!(suggestion.mapping.target, MappingTarget::CostLines);
    assert!(suggestion.missing_required.is_empty(), "{:?}", suggestion.missing_required);
    let mapped = |path: &std::path::Path| {
        let mut with_mapping = request(path);
        with_mapping.mapping = Some(suggestion.mapping.clone());
        with_mapping
    };
    let exact = |text: &str| text.parse::<Decimal>().expect("a decimal");
    let money = |report: &ImportReport| -> Vec<(String, Decimal)> {
        report.totals.iter().map(|t| (t.currency.clone(), exact(&t.amount))).collect()
    };

    let first = app.import_commit(&mapped(&path), &mut keep_going).expect("commit");
    assert_eq!((first.records_created, first.issue_count), (6, 0), "{:?}", first.issues);
    assert_eq!(money(&first), vec![("EUR".into(), exact("5964.15")), ("USD".into(), exact("2970.40"))]);
    assert_eq!(first.unattributed.len(), 1, "the shared key's line is shown as unattributed");
    assert_eq!(exact(&first.unattributed[0].amount), exact("310"));
    let live = |app: &App| -> Vec<Decimal> {
        app.cost_totals().expect("totals").into_iter().map(|t| exact(&t.amount)).collect()
    };
    assert_eq!(live(&app), vec![exact("5964.15"), exact("2970.40")]);

    let again = app.import_commit(&mapped(&path), &mut keep_going).expect("again");
    assert_eq!((again.rows_imported, again.rows_unchanged, again.batch_id), (0, 6, None), "{:?}", again.warnings);

    // The corrected copy: October's OpenAI line is 1,400.00 now and the shared line is gone.
    let text = std::fs::read_to_string(&path).expect("fixture");
    let corrected = dir.path().join("own-ai-costs (corrected).csv");
    let text = text.replace("\"1,410.00\"", "\"1,400.00\"");
    let text: String = text.lines().filter(|l| !l.contains("Shared API key")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&corrected, text).expect("write");
    let restated = app.import_commit(&mapped(&corrected), &mut keep_going).expect("restated");
    assert_eq!(
        (restated.records_created, restated.records_updated, restated.rows_unchanged, restated.rows_replaced),
        (0, 1, 4, 2),
        "one changed line, one retired"
    );
    assert_eq!(live(&app), vec![exact("5964.15"), exact("2650.40")]);

    app.import_undo(restated.batch_id.expect("a batch")).expect("undo");
    assert_eq!(live(&app), vec![exact("5964.15"), exact("2970.40")], "undo brings the first version back whole");
}

/// An initiative tracker names the systems each initiative uses, by code or name and separated
/// by semicolons or commas; a name with a comma in it is found whole; a system the inventory
/// does not have is a row issue naming it, and that row is not imported.
#[test]
fn own_initiatives_link_the_systems_they_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app();
    import_own_inventory(&mut app);
    let path = dir.path().join("initiative tracker.csv");
    std::fs::write(
        &path,
        "Initiative,Stage,Systems\n\
         Claims automation,Pilot,Claims triage assistant; Dispatch chatbot\n\
         Inbox zero,Production,\"Email triage, EU\"\n\
         Fleet copilots,Idea,\"Route optimizer, Fleet GPT\"\n",
    )
    .expect("write");
    let suggestion = app.import_preview(&request(&path), &mut keep_going).expect("preview").suggestion.expect("s");
    assert_eq!(suggestion.mapping.target, MappingTarget::Initiatives);
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(suggestion.mapping);
    let report = app.import_commit(&with_mapping, &mut keep_going).expect("commit");
    assert_eq!(report.records_created, 2, "{:?}", report.issues);
    assert_eq!(report.issues.len(), 1);
    assert_eq!((report.issues[0].row, report.issues[0].column.as_str()), (4, "Systems"));
    assert!(report.issues[0].message.contains("\"Fleet GPT\""), "{}", report.issues[0].message);

    let systems_of = |name: &str| -> Vec<String> {
        let list = app.initiative_list(&steward_core::api::ListRequest { search: name.into(), ..Default::default() });
        let initiative = list.expect("list").rows.pop().expect("the initiative");
        let mut names: Vec<String> =
            initiative.fields.system_ids.iter().map(|id| app.system_get(*id).expect("a system").fields.name).collect();
        names.sort();
        names
    };
    assert_eq!(systems_of("Claims automation"), vec!["Claims triage assistant", "Dispatch chatbot"]);
    assert_eq!(systems_of("Inbox zero"), vec!["Email triage, EU"]);
}

#[test]
fn a_mapping_without_a_required_field_is_refused_before_anything_is_read() {
    let mut app = app();
    let path = imports_dir().join("own-inventory.csv");
    let suggestion = app.import_preview(&request(&path), &mut keep_going).expect("preview").suggestion.expect("s");
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(suggestion.mapping);
    let error = app.import_commit(&with_mapping, &mut keep_going).expect_err("usage policy missing");
    assert_eq!(error.code, ErrorCode::Validation);
    assert!(error.message.contains("Usage policy"), "{}", error.message);
}

/// Hostile shapes made at run time (too big to keep as fixtures): they end in a clear message
/// or row issues, never a panic, and nothing is written by a failed import.
#[test]
fn huge_cells_wide_sheets_and_locked_workbooks_are_handled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app();

    // 10 MB in one cell of a known layout: the row is read, the cell kept whole.
    let header = std::fs::read_to_string(imports_dir().join("claude_api_cost_2024_09.csv")).expect("fixture");
    let header = header.lines().next().expect("a header");
    let big = dir.path().join("claude_api_cost_big_cell.csv");
    let huge = "x".repeat(10 * 1024 * 1024);
    std::fs::write(&big, format!("{header}\n2024-09-01,\"{huge}\",Default,key,message,input_no_cache,1.25\n"))
        .expect("write");
    let report = commit(&mut app, &big);
    assert_eq!((report.rows_read, report.rows_imported), (1, 1));

    // 10,000 columns: no layout, a clear problem, no crash.
    let wide = dir.path().join("wide.csv");
    let names: Vec<String> = (0..10_000).map(|i| format!("column {i}")).collect();
    let values: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
    std::fs::write(&wide, format!("{}\n{}\n", names.join(","), values.join(","))).expect("write");
    let report = app.import_preview(&request(&wide), &mut keep_going).expect("preview");
    assert!(report.problem.is_some() && report.headers.len() == 10_000);

    // A password-protected workbook is an encrypted OLE container: say how to unlock it.
    let locked = dir.path().join("budget.xlsx");
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 512));
    bytes.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&locked, bytes).expect("write");
    let error = app.import_commit(&request(&locked), &mut keep_going).expect_err("locked");
    assert_eq!(error.code, ErrorCode::FileUnusable);
    assert!(error.message.starts_with("budget.xlsx: the workbook is password-protected"), "{}", error.message);

    let held = app.cost_totals().expect("totals");
    assert_eq!(held.len(), 1, "only the big-cell file's line is stored: {held:?}");
}

/// Two exports of one month split by date; then the first half again with a row that no longer
/// reads; then an export that only drops a line. Nothing is lost, and each step can be undone.
#[test]
fn split_exports_failed_rows_and_dropped_lines_keep_the_money_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(imports_dir().join("claude_api_cost_2025_10.csv")).expect("fixture");
    let mut lines = text.lines();
    let header = lines.next().expect("header").to_owned();
    let rows: Vec<String> = lines.filter(|l| !l.trim().is_empty()).map(str::to_owned).collect();
    let (early, late): (Vec<String>, Vec<String>) = rows.iter().cloned().partition(|r| r.starts_with("2025-10-01"));
    assert!(!early.is_empty() && !late.is_empty(), "the fixture spans two days");
    let write = |name: &str, rows: &[String]| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).expect("write");
        path
    };
    let mut app = app();
    let whole = commit(&mut app, write("whole.csv", &rows)).totals;
    let mut app = crate::util::app();
    commit(&mut app, write("first-half.csv", &early));
    commit(&mut app, write("second-half.csv", &late));
    assert_eq!(app.cost_totals().expect("totals"), whole, "the second half did not retire the first");

    // The first half again, its first row's cost now unreadable: the old line stays.
    let mut broken = early.clone();
    let cost_at = header.split(',').position(|h| h == "cost_usd").expect("cost_usd");
    let mut cells: Vec<String> = broken[0].split(',').map(str::to_owned).collect();
    assert_eq!(cells.len(), header.split(',').count(), "the first row has no quoted commas");
    cells[cost_at] = "n/a".into();
    broken[0] = cells.join(",");
    let report = commit(&mut app, write("first-half-broken.csv", &broken));
    assert_eq!(report.issue_count, 1);
    assert_eq!(app.cost_totals().expect("totals"), whole, "a row that failed to read keeps its earlier line");

    // The second half without its last line: that line is retired; undo brings it back.
    let dropped = commit(&mut app, write("second-half-dropped.csv", &late[..late.len() - 1]));
    assert_eq!((dropped.rows_imported, dropped.rows_replaced), (0, 1));
    app.import_undo(dropped.batch_id.expect("a batch that retired a line")).expect("undo");
    assert_eq!(app.cost_totals().expect("totals"), whole);
}

#[test]
fn an_exchange_rate_sheet_is_recognised_imported_re_imported_and_undone() {
    let mut app = app();
    app.fx_rate_set(&steward_core::api::FxRateEntry {
        from: "USD".into(),
        to: "EUR".into(),
        valid_from: chrono::NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
        rate: "0.95".into(),
        source: "typed in".into(),
    })
    .expect("a rate typed in");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ECB rates 2026.csv");
    std::fs::write(&path, "Currency,To currency,Date,Exchange rate\nUSD,EUR,2026-01-01,0.9215\nUSD,EUR,2026-02-01,0.9301\nGBP,EUR,2026-01-01,1.1702\n")
        .expect("the sheet is written");
    let preview = app.import_preview(&request(&path), &mut keep_going).expect("preview");
    let suggestion = preview.suggestion.expect("a suggestion");
    assert_eq!(suggestion.mapping.target, MappingTarget::FxRates, "recognised by its headers and contents");
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(suggestion.mapping);
    let report = app.import_commit(&with_mapping, &mut keep_going).expect("commit");
    assert_eq!((report.records_created, report.records_updated, report.issue_count), (2, 1, 0), "{:?}", report.issues);
    let rate_on = |app: &App, day: u32, month: u32| {
        app.fx_rates()
            .expect("rates")
            .into_iter()
            .find(|r| {
                r.from == "USD" && r.valid_from == chrono::NaiveDate::from_ymd_opt(2026, month, day).expect("date")
            })
            .map(|r| r.rate)
    };
    assert_eq!(rate_on(&app, 1, 2).as_deref(), Some("0.9301"), "the sheet's rate replaced the typed one");
    let again = app.import_commit(&with_mapping, &mut keep_going).expect("re-import");
    assert_eq!((again.records_created, again.records_updated), (0, 0), "re-importing the same sheet changes nothing");

    app.import_undo(report.batch_id.expect("a batch")).expect("undo");
    assert_eq!(rate_on(&app, 1, 2).as_deref(), Some("0.95"), "undo puts the typed rate back");
    assert_eq!(rate_on(&app, 1, 1), None, "and removes the rates the sheet added");
}

/// Commits `file` (under the import fixtures, or a path) with the mapping Steward suggests,
/// after checking the suggestion is `target`.
pub(crate) fn commit_suggested(app: &mut App, path: &Path, target: MappingTarget) -> ImportReport {
    let preview = app.import_preview(&request(path), &mut keep_going).expect("preview");
    let suggestion = preview.suggestion.expect("a suggested mapping");
    assert_eq!(suggestion.mapping.target, target, "{}: recognised by its headers and contents", path.display());
    assert!(suggestion.missing_required.is_empty(), "nothing to add by hand: {:?}", suggestion.missing_required);
    let mut with_mapping = request(path);
    with_mapping.mapping = Some(suggestion.mapping);
    app.import_commit(&with_mapping, &mut keep_going).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

/// Budgets as (scope, department, start, amount, currency, note), for comparing whole tables.
fn budget_table(app: &App) -> Vec<(String, String, String, String, String, String)> {
    let mut budgets: Vec<_> = app
        .budgets()
        .expect("budgets")
        .into_iter()
        .map(|b| (b.scope_type, b.scope_value, b.period_start.to_string(), b.amount, b.currency, b.note))
        .collect();
    budgets.sort();
    budgets
}

#[test]
fn a_budget_sheet_is_imported_re_imported_reforecast_and_undone() {
    let mut app = app();
    let first = commit_suggested(&mut app, &imports_dir().join("own-budgets.csv"), MappingTarget::Budgets);
    assert_eq!((first.records_created, first.issue_count), (3, 0), "{:?}", first.issues);
    let imported = budget_table(&app);
    let claims = imported.iter().find(|b| b.1 == "Claims").expect("the Claims budget");
    assert_eq!(claims.0, "department", "a row naming a department is that department's budget");
    assert_eq!(claims.3, "120000.00", "thousands separators are read, the amount kept exactly");
    assert!(
        imported.iter().any(|b| b.0 == "portfolio" && b.3 == "450000.00"),
        "a row naming no department is the whole portfolio's budget"
    );

    let again = commit_suggested(&mut app, &imports_dir().join("own-budgets.csv"), MappingTarget::Budgets);
    assert_eq!((again.records_created, again.records_updated), (0, 0), "re-importing the same sheet changes nothing");
    assert_eq!(again.rows_unchanged, 3, "every row is recognised as already there");
    assert_eq!(budget_table(&app), imported, "and the budgets are as they were");

    let reforecast =
        commit_suggested(&mut app, &imports_dir().join("own-budgets (June reforecast).csv"), MappingTarget::Budgets);
    assert_eq!(
        (reforecast.records_created, reforecast.records_updated, reforecast.rows_unchanged),
        (0, 1, 2),
        "the same department and period with a new amount is an update, not a second budget"
    );
    let changed = budget_table(&app);
    assert_eq!(changed.len(), 3, "still one budget per scope and period");
    assert!(changed.iter().any(|b| b.1 == "Claims" && b.3 == "130000.00"), "the new amount is stored: {changed:?}");
    let audited = app.audit_list(None, 50).expect("audit");
    assert!(
        audited.iter().any(|e| e.entity_type == "budget"
            && e.action == "update"
            && e.new_value.as_deref().is_some_and(|v| v.contains("130000.00"))),
        "the change is in the audit trail"
    );

    app.import_undo(reforecast.batch_id.expect("a batch")).expect("undo the reforecast");
    assert_eq!(budget_table(&app), imported, "undo puts the old amount and note back");
    app.import_undo(first.batch_id.expect("a batch")).expect("undo the first import");
    assert!(budget_table(&app).is_empty(), "and undoing the first import removes what it added");
    assert!(app.audit_verify().expect("verifies").intact, "undo is audited without breaking the chain");
}

#[test]
fn bad_budget_rows_are_issues_naming_their_row_and_column() {
    let mut app = app();
    let report = commit_suggested(&mut app, &imports_dir().join("own-budgets-bad-rows.csv"), MappingTarget::Budgets);
    let mut issues: Vec<(u32, &str)> = report.issues.iter().map(|i| (i.row, i.column.as_str())).collect();
    issues.sort();
    assert_eq!(
        issues,
        vec![(2, "To"), (3, "Budget"), (4, "Currency")],
        "end before start, an amount that is not a number, an unknown currency: {:?}",
        report.issues
    );
    assert!(report.issues.iter().all(|i| !i.message.is_empty()), "each says what is wrong");
    assert_eq!(budget_table(&app).len(), 1, "the good row is imported, the bad ones are not");
}

#[test]
fn a_budget_sheet_by_year_covers_the_calendar_year() {
    let mut app = app();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("AI budget by department.csv");
    std::fs::write(&path, "Department,Year,Amount,Currency\nLegal,2027,\"50,000\",EUR\n")
        .expect("the sheet is written");
    let report = commit_suggested(&mut app, &path, MappingTarget::Budgets);
    assert_eq!((report.records_created, report.issue_count), (1, 0), "{:?}", report.issues);
    let budget = app.budgets().expect("budgets").pop().expect("one budget");
    assert_eq!(
        (budget.period_start.to_string(), budget.period_end.to_string()),
        ("2027-01-01".to_owned(), "2027-12-31".to_owned()),
        "a year is its calendar year"
    );
}

/// Two initiatives a value model sheet can name, by name or by code.
fn two_initiatives(app: &mut App) -> (steward_core::domain::InitiativeId, steward_core::domain::InitiativeId) {
    let mut create = |code: &str, name: &str| {
        let draft = steward_core::domain::InitiativeDraft {
            code: code.into(),
            name: name.into(),
            stage: Some(steward_core::domain::Stage::Pilot),
            ..Default::default()
        };
        app.initiative_create(&draft).unwrap_or_else(|e| panic!("{name}: {}", e.message)).id
    };
    (create("INI-101", "Claims automation"), create("INI-102", "Contractor hours"))
}

/// An initiative's value model as (name, low, likely, high, confidence, note), in model order.
fn value_model(app: &App, id: steward_core::domain::InitiativeId) -> Vec<[String; 6]> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let value = app.initiative_value(id, today).expect("the initiative's value");
    value.assumptions.into_iter().map(|a| [a.name, a.low, a.likely, a.high, a.confidence, a.note]).collect()
}

#[test]
fn a_value_model_sheet_is_imported_re_imported_revised_and_undone() {
    let mut app = app();
    let (claims, contractors) = two_initiatives(&mut app);
    let first = commit_suggested(&mut app, &imports_dir().join("own-value-model.csv"), MappingTarget::ValueAssumptions);
    assert_eq!((first.records_created, first.issue_count), (3, 0), "{:?}", first.issues);
    let imported = (value_model(&app, claims), value_model(&app, contractors));
    assert_eq!(imported.0.len(), 2, "rows naming an initiative by name land on it, in sheet order");
    assert_eq!(imported.0[0][0], "Active users", "the first row is the first factor");
    assert_eq!(imported.0[0][4], "observed", "the sheet's \"Observed\" is the editor's confidence");
    assert_eq!(imported.1[0][2], "1200", "a row naming its initiative by code, thousands separators read");

    let again = commit_suggested(&mut app, &imports_dir().join("own-value-model.csv"), MappingTarget::ValueAssumptions);
    assert_eq!((again.records_created, again.records_updated), (0, 0), "re-importing the same sheet changes nothing");
    assert_eq!((value_model(&app, claims), value_model(&app, contractors)), imported, "the models are as they were");

    let revised = commit_suggested(
        &mut app,
        &imports_dir().join("own-value-model (after the pilot).csv"),
        MappingTarget::ValueAssumptions,
    );
    assert_eq!(
        (revised.records_created, revised.records_updated, revised.rows_unchanged),
        (0, 1, 2),
        "the same initiative, method and assumption with new figures is an update, not a second factor"
    );
    let minutes = value_model(&app, claims).into_iter().find(|a| a[0] == "Minutes saved per claim").expect("kept");
    assert_eq!((minutes[2].as_str(), minutes[4].as_str()), ("6", "observed"), "the revised figures are stored");
    assert_eq!(value_model(&app, claims).len(), 2, "and still two factors");

    app.import_undo(revised.batch_id.expect("a batch")).expect("undo the revision");
    assert_eq!((value_model(&app, claims), value_model(&app, contractors)), imported, "undo puts the old figures back");
    app.import_undo(first.batch_id.expect("a batch")).expect("undo the first import");
    assert!(value_model(&app, claims).is_empty(), "undoing the first import removes the factors it added");
    assert!(value_model(&app, contractors).is_empty(), "on every initiative it touched");
    let audited = app.audit_list(None, 100).expect("audit");
    assert!(
        audited.iter().filter(|e| e.entity_type == "value_assumption").count() >= 3 + 1 + 1 + 3,
        "each factor created, changed, put back and removed is in the audit trail"
    );
    assert!(app.audit_verify().expect("verifies").intact, "undo is audited without breaking the chain");
}

#[test]
fn bad_value_model_rows_are_issues_naming_their_row_and_column() {
    let mut app = app();
    let (_, contractors) = two_initiatives(&mut app);
    let path = imports_dir().join("own-value-model-bad-rows.csv");
    let preview = app.import_preview(&request(&path), &mut keep_going).expect("preview");
    let mut mapping = preview.suggestion.expect("a suggestion").mapping;
    assert_eq!(mapping.target, MappingTarget::ValueAssumptions, "recognised by its headers");
    // "Vibes" matches no method: left as it is, it must be a row issue, not a guess.
    field(&mut mapping, "method").values.clear();
    let mut with_mapping = request(&path);
    with_mapping.mapping = Some(mapping);
    let report = app.import_commit(&with_mapping, &mut keep_going).expect("commit");
    let mut issues: Vec<(u32, &str)> = report.issues.iter().map(|i| (i.row, i.column.as_str())).collect();
    issues.sort();
    assert_eq!(
        issues,
        vec![(2, "Initiative"), (3, "Low"), (4, "Low"), (5, "Method")],
        "an unknown initiative, low above likely, a low that is not a number, an unknown method: {:?}",
        report.issues
    );
    let unknown = report.issues.iter().find(|i| i.row == 2).expect("row 2");
    assert!(
        unknown.message.contains("\"Fleet copilots\""),
        "the message names what was not found: {}",
        unknown.message
    );
    assert_eq!(value_model(&app, contractors).len(), 1, "the good row is imported, the bad ones are not");
}
