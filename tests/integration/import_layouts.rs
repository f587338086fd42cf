//! The layouts that need more than a row per line: Cost Explorer pivot tables (a line per cell,
//! totals checked), BigQuery extracts holding several exports of one row (the newest counts),
//! and FOCUS files holding several providers (a vendor and a scope per provider). Expected
//! figures come from `expected.json` (Python Decimal), never from the importer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use steward_core::api::{App, ImportReport, ListRequest};

use crate::imports::{commit, expected_for, grouped_totals, imports_dir, keep_going, live_money, request, totals_of};

/// A portfolio in a temp file, so tests can read back what was stored.
fn portfolio() -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("portfolio.steward");
    let app = App::create(&path).expect("a portfolio file").with_actor("test-user");
    (dir, path, app)
}

fn by_month(path: &Path) -> BTreeMap<String, Decimal> {
    live_money(path, "substr(l.period_start, 1, 7)")
        .into_iter()
        .map(|(month, totals)| {
            assert_eq!(totals.len(), 1, "{month}: Cost Explorer money is USD billed only");
            (month, totals[0].amount.parse().expect("a decimal"))
        })
        .collect()
}

/// `expected.json`'s per-month figures of one fixture, limited to `months`.
fn months_of(file: &str, months: &[&str]) -> BTreeMap<String, Decimal> {
    let entry = expected_for(file);
    let all = entry["months"].as_object().expect("the fixture lists its months");
    months
        .iter()
        .map(|m| (m.to_string(), all[*m].as_str().and_then(|a| a.parse().ok()).expect("a month figure")))
        .collect()
}

fn lines_of(file: &str) -> u64 {
    expected_for(file)["rows_imported"].as_u64().expect("rows_imported")
}

const DAILY: &str = "aws-cost-explorer-daily-2026-07.csv";
const MONTHLY: &str = "aws-cost-explorer-monthly-2026-05_2026-07.csv";
const SERVICES: &str = "aws-cost-explorer-services-2026-07_2026-08.csv";
const RESTATED: &str = "aws-cost-explorer-services-2026-07_2026-08 (restated).csv";

/// Daily, then monthly, then services-as-rows downloads of overlapping months, then a restated
/// download: each month is held once, from the latest download that covers it.
#[test]
fn cost_explorer_downloads_replace_their_months_and_never_add_up_twice() {
    let (_dir, path, mut app) = portfolio();
    let daily = commit(&mut app, imports_dir().join(DAILY));
    assert_eq!(daily.format.as_deref(), Some("aws-cost-explorer-by-date"));
    assert_eq!(daily.vendor.as_deref(), Some("Amazon Web Services"), "the same vendor as the CUR presets");
    assert_eq!(daily.rows_imported, lines_of(DAILY), "one line per non-zero cell");
    assert_eq!(daily.control_total.as_deref(), Some("1943.21"), "the grand total cell is the control total");
    assert!(daily.issues.is_empty(), "the totals agree with the cells: {:?}", daily.issues);
    assert_eq!(by_month(&path), months_of(DAILY, &["2026-07"]));

    let again = commit(&mut app, imports_dir().join(DAILY));
    assert_eq!(
        (again.rows_imported, again.rows_unchanged, again.rows_replaced, again.batch_id),
        (0, daily.rows_imported, 0, None),
        "re-importing the same download changes nothing"
    );

    // The monthly download's July lines cover 1-31 July: the daily July lines are retired.
    let monthly = commit(&mut app, imports_dir().join(MONTHLY));
    assert_eq!(monthly.rows_replaced, daily.rows_imported, "every daily July line is replaced");
    assert_eq!(by_month(&path), months_of(MONTHLY, &["2026-05", "2026-06", "2026-07"]));

    // The newer console's layout of July and August replaces July again and adds August.
    let services = commit(&mut app, imports_dir().join(SERVICES));
    assert_eq!(services.format.as_deref(), Some("aws-cost-explorer-by-service"));
    assert!(services.issues.is_empty(), "{:?}", services.issues);
    let mut want = months_of(MONTHLY, &["2026-05", "2026-06"]);
    want.extend(months_of(SERVICES, &["2026-07", "2026-08"]));
    assert_eq!(by_month(&path), want);

    // AWS restated August: one cell changed, one fell to zero, one service is new.
    let restated = commit(&mut app, imports_dir().join(RESTATED));
    assert_eq!(
        (restated.rows_imported, restated.rows_replaced, restated.rows_unchanged),
        (2, 2, lines_of(SERVICES) - 2),
        "the changed and the new cell are written; the changed cell's old line and the zeroed one retired"
    );
    let mut want = months_of(MONTHLY, &["2026-05", "2026-06"]);
    want.extend(months_of(RESTATED, &["2026-07", "2026-08"]));
    assert_eq!(by_month(&path), want, "July and August exactly as the restated download says");

    app.import_undo(restated.batch_id.expect("a batch")).expect("undo");
    let mut want = months_of(MONTHLY, &["2026-05", "2026-06"]);
    want.extend(months_of(SERVICES, &["2026-07", "2026-08"]));
    assert_eq!(by_month(&path), want, "undo brings the first July-August download back");
}

/// Writes `text` as a file named like the fixture in a temp dir.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_pivot_total_that_does_not_add_up_or_an_unreadable_cell_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(imports_dir().join(SERVICES)).expect("fixture");
    let lines: Vec<&str> = text.lines().collect();
    let grand = lines[1].rsplit(',').next().expect("the grand total cell").trim_matches('"').to_owned();

    // The grand total edited: the cells still import, the mismatch is an issue on that cell.
    let edited = text.replacen(&format!("\"{grand}\""), "\"99999.99\"", 1);
    let mut app = crate::util::app();
    let report = commit(&mut app, write(dir.path(), "edited.csv", &edited));
    assert_eq!(report.rows_imported, lines_of(SERVICES), "a wrong total is no reason to drop the cells");
    assert_eq!(report.issue_count, 1, "{:?}", report.issues);
    let issue = &report.issues[0];
    assert_eq!((issue.row, issue.column.as_str(), issue.value.as_str()), (2, "Service total", "99999.99"));
    assert!(
        issue.message.contains(&format!("come to {}", grand.trim_end_matches('0').trim_end_matches('.'))),
        "{}",
        issue.message
    );
    assert!(report.warnings.is_empty(), "nothing was held before, so nothing was kept back");

    // A cell that is not a number: that row is a row issue; the others import, and the totals,
    // which the missing row would break, are not checked.
    let mut broken: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let row = broken.iter().position(|l| l.starts_with("\"Amazon SageMaker\"")).expect("a SageMaker row");
    let cells: Vec<&str> = broken[row].split(',').collect();
    broken[row] = format!("{},\"n/a\",{}", cells[0], cells[2..].join(","));
    let mut app = crate::util::app();
    let report = commit(&mut app, write(dir.path(), "broken.csv", &(broken.join("\n") + "\n")));
    assert_eq!(report.issue_count, 1, "{:?}", report.issues);
    assert_eq!(report.issues[0].row as usize, row + 1);
    assert_eq!(report.issues[0].column, "Jul 2026($)");
    assert!(report.skipped.iter().any(|s| s.reason == "row issue" && s.count == 1), "{:?}", report.skipped);
    assert_eq!(report.rows_imported, lines_of(SERVICES) - 2, "the SageMaker row's two cells are not imported");
}

const BIGQUERY: &str = "gcp-billing-export-flattened-2025-09.csv";

/// The extract holds three rows twice (a later export corrected them): only the newest export
/// of each is held. A later extract with one more correction replaces exactly that line.
#[test]
fn a_bigquery_extract_counts_only_the_newest_export_of_each_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = crate::util::app();
    let first = commit(&mut app, imports_dir().join(BIGQUERY));
    let entry = expected_for(BIGQUERY);
    assert_eq!(first.totals, totals_of(&entry["totals"]));
    let superseded: Vec<_> = first.skipped.iter().filter(|s| s.reason.starts_with("superseded")).collect();
    assert_eq!(superseded.len(), 1, "{:?}", first.skipped);
    assert_eq!(superseded[0].count, 3);
    assert!(superseded[0].reason.contains("export_time"), "the reason names the column: {}", superseded[0].reason);
    assert!(first.skipped.iter().any(|s| s.reason.starts_with("summary row") && s.count == 1), "the rounding row");

    let again = commit(&mut app, imports_dir().join(BIGQUERY));
    assert_eq!((again.rows_imported, again.batch_id), (0, None), "re-importing changes nothing");

    // A later extract: the same rows plus one more correction of the first row, 2 days later.
    let text = std::fs::read_to_string(imports_dir().join(BIGQUERY)).expect("fixture");
    let header: Vec<&str> = text.lines().next().expect("header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect("a column");
    let mut cells: Vec<String> = text.lines().nth(1).expect("a row").split(',').map(str::to_owned).collect();
    assert_eq!(cells.len(), header.len(), "the first row has no quoted commas");
    let old_cost: Decimal = cells[at("cost")].parse().expect("cost");
    cells[at("cost")] = (old_cost + Decimal::new(10, 0)).to_string();
    cells[at("export_time")] = "2025-09-30 00:00:00.000000 UTC".into();
    let later = write(dir.path(), "gcp-billing-export-2025-09 (later).csv", &format!("{text}{}\n", cells.join(",")));
    let report = commit(&mut app, &later);
    assert_eq!((report.rows_imported, report.rows_replaced), (1, 1), "only the corrected row changes");
    let want: Decimal = entry["totals"][0]["amount"].as_str().and_then(|a| a.parse().ok()).expect("total");
    let held = app.cost_totals().expect("totals");
    assert_eq!(held[0].amount.parse::<Decimal>().expect("decimal"), want + Decimal::new(10, 0));
}

const FOCUS_MULTI: &str = "focus-1.3-multicloud-2025-11.csv";

#[test]
fn a_focus_file_links_each_row_to_its_own_provider() {
    let (dir, path, mut app) = portfolio();
    // A native CUR import first: FOCUS's "AWS" must link to the vendor it created.
    commit(&mut app, imports_dir().join("northwind-cur2-2025-10.csv"));
    let cur_lines = live_money(&path, "v.name");
    let report = commit(&mut app, imports_dir().join(FOCUS_MULTI));
    assert_eq!(
        report.vendor.as_deref().map(|v| {
            let mut names: Vec<&str> = v.split(", ").collect();
            names.sort_unstable();
            names
        }),
        Some(vec!["Amazon Web Services", "Cloud (FOCUS)", "Microsoft Azure", "Pinecone"])
    );
    let vendors = app.vendor_list(&ListRequest::default()).expect("vendors");
    let mut names: Vec<String> = vendors.rows.iter().map(|v| v.fields.name.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        ["Amazon Web Services", "Cloud (FOCUS)", "Microsoft Azure", "Pinecone"],
        "no duplicate AWS vendor"
    );

    // Per vendor: the FOCUS figures, plus the CUR file's AWS money.
    let mut want = grouped_totals(&expected_for(FOCUS_MULTI)["vendors"]);
    let aws_cur: Decimal = cur_lines["Amazon Web Services"][0].amount.parse().expect("decimal");
    let aws_focus = want.get_mut("Amazon Web Services").expect("AWS rows");
    let sum = aws_cur + aws_focus[0].amount.parse::<Decimal>().expect("decimal");
    aws_focus[0].amount = sum.normalize().to_string();
    assert_eq!(live_money(&path, "v.name"), want);

    let again = commit(&mut app, imports_dir().join(FOCUS_MULTI));
    assert_eq!((again.rows_imported, again.rows_replaced, again.batch_id), (0, 0, None), "re-import changes nothing");

    // Microsoft restates November alone, one line fewer: only Microsoft's scope is replaced. The
    // line dropped is one inside the days the restated file still covers (a file retires only
    // what it covers).
    let text = std::fs::read_to_string(imports_dir().join(FOCUS_MULTI)).expect("fixture");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    let charge_start = header.split(',').position(|h| h == "ChargePeriodStart").expect("ChargePeriodStart");
    let mut microsoft: Vec<&str> = lines.filter(|l| l.starts_with("Microsoft,")).collect();
    assert_eq!(microsoft.len(), 6, "four Azure OpenAI and two AI Search rows");
    // The columns up to ChargePeriodStart hold no commas, so a plain split reads them.
    microsoft.sort_by_key(|l| l.split(',').nth(charge_start).map(str::to_owned));
    let day = |l: &str| l.split(',').nth(charge_start).map(str::to_owned);
    let inner = (1..5)
        .find(|&i| day(microsoft[i]) > day(microsoft[0]) && day(microsoft[i]) < day(microsoft[5]))
        .expect("a Microsoft row strictly inside the month's covered days");
    microsoft.remove(inner);
    let restated = write(dir.path(), "focus-microsoft-2025-11.csv", &format!("{header}\n{}\n", microsoft.join("\n")));
    let report = commit(&mut app, &restated);
    assert_eq!((report.rows_imported, report.rows_replaced, report.rows_unchanged), (0, 1, 5));
    let held = live_money(&path, "v.name");
    assert_eq!(held["Microsoft Azure"], report.totals, "Microsoft holds exactly the restated file");
    for vendor in ["Amazon Web Services", "Pinecone", "Cloud (FOCUS)"] {
        assert_eq!(held[vendor], want[vendor], "{vendor} is another provider's scope: untouched");
    }
}

/// A report line that names what was imported is enough for the CLI; the preview says the same.
#[test]
fn previews_of_the_new_layouts_write_nothing() {
    let mut app = crate::util::app();
    for file in [DAILY, SERVICES, BIGQUERY, FOCUS_MULTI] {
        let preview: ImportReport =
            app.import_preview(&request(imports_dir().join(file)), &mut keep_going).expect("preview");
        assert!(!preview.committed && preview.rows_imported > 0, "{file}");
        assert!(!preview.preview.is_empty(), "{file}: the preview shows the first lines");
    }
    assert!(app.cost_totals().expect("totals").is_empty(), "a preview writes nothing");
}
