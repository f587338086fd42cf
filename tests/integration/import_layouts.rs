//! The layouts that need more than a row per line: Cost Explorer pivot tables (a line per cell,
//! totals checked), BigQuery extracts holding several exports of one row (the newest counts),
//! FOCUS files holding several providers (a vendor and a scope per provider), and exports
//! delivered in parts (several files, one delivery). Expected figures come from `expected.json`
//! (Python Decimal), never from the importer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use steward_core::api::{App, ErrorCode, ImportReport, ImportRequest, ListRequest, MoneyTotal};

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

const EA: &str = "Northwind_EA_ActualCost_202510.csv";
const EA_AMORTIZED: &str = "Northwind_EA_AmortizedCost_202510.csv";
const FOCUS_EA: &str = "focus-1.0-northwind-ea-2025-10.csv";
const CUR2: &str = "northwind-cur2-2025-10.csv";
const CE_OCTOBER: &str = "aws-cost-explorer-daily-2025-10.csv";

/// `expected.json`'s totals of one fixture, in the order `cost_totals` lists them.
fn totals(file: &str) -> Vec<MoneyTotal> {
    totals_of(&expected_for(file)["totals"])
}

/// One USD total that is the exact sum of the USD totals of `files` (of one basis).
fn usd_sum(files: &[&str], basis: &str) -> Vec<MoneyTotal> {
    let sum: Decimal = files.iter().map(|f| totals(f)[0].amount.parse::<Decimal>().expect("a decimal")).sum();
    vec![MoneyTotal { currency: "USD".into(), basis: basis.into(), amount: sum.normalize().to_string() }]
}

fn held(app: &App) -> Vec<MoneyTotal> {
    app.cost_totals().expect("totals")
}

fn replaced_warnings(report: &ImportReport) -> Vec<&str> {
    report.warnings.iter().map(String::as_str).filter(|w| w.starts_with("replaced ")).collect()
}

/// A FOCUS export and the native EA export of one enrollment and month are the same money. The
/// FOCUS file, imported later, replaces the EA lines of its days and says which file it replaced,
/// already in the preview; re-importing it changes nothing; undoing it brings the EA lines back.
#[test]
fn a_focus_export_replaces_the_native_export_of_the_same_account_and_days() {
    let mut app = crate::util::app();
    let ea = commit(&mut app, imports_dir().join(EA));
    let ea_batch = ea.batch_id.expect("a batch");
    assert_eq!(held(&app), totals(EA));

    let preview = app.import_preview(&request(imports_dir().join(FOCUS_EA)), &mut keep_going).expect("preview");
    assert_eq!(held(&app), totals(EA), "a preview writes nothing");
    let said = format!(
        "replaced 25 lines (USD 34,141.16) of '{EA}' (import #{ea_batch}, Azure EA cost details) for the same account \
         and days: the FOCUS cost and usage export and the Azure EA cost details of one account are the same money; \
         only the newest import counts"
    );
    assert_eq!(replaced_warnings(&preview), [said.as_str()], "the preview names what the import will replace");
    assert_eq!(preview.rows_replaced, lines_of(EA), "every EA line is in the FOCUS file's days");

    let focus = commit(&mut app, imports_dir().join(FOCUS_EA));
    assert_eq!((focus.rows_imported, focus.rows_replaced), (lines_of(FOCUS_EA), lines_of(EA)));
    assert_eq!(focus.warnings, preview.warnings, "the import did what the preview said");
    assert_eq!(held(&app), totals(FOCUS_EA), "the enrollment's October is counted once, as the FOCUS file says");

    let again = commit(&mut app, imports_dir().join(FOCUS_EA));
    assert_eq!(
        (again.rows_imported, again.rows_replaced, again.batch_id),
        (0, 0, None),
        "re-importing the FOCUS file changes nothing"
    );
    assert!(replaced_warnings(&again).is_empty(), "nothing left to replace: {:?}", again.warnings);

    let undo = app.import_undo(focus.batch_id.expect("a batch")).expect("undo");
    assert_eq!(undo.restored, lines_of(EA), "the EA lines are live again");
    assert_eq!(held(&app), totals(EA), "undo brings the EA money back exactly");
}

/// The newest import wins either way: the EA file imported after the FOCUS file replaces it, and
/// the FOCUS import cannot be undone from under the EA import that replaced it.
#[test]
fn the_native_export_imported_after_a_focus_export_wins() {
    let mut app = crate::util::app();
    let focus = commit(&mut app, imports_dir().join(FOCUS_EA));
    let focus_batch = focus.batch_id.expect("a batch");
    let ea = commit(&mut app, imports_dir().join(EA));
    assert_eq!(ea.rows_replaced, lines_of(FOCUS_EA), "the EA file covers every day the FOCUS file holds");
    let said = replaced_warnings(&ea);
    assert_eq!(said.len(), 1, "{:?}", ea.warnings);
    assert!(
        said[0].starts_with(&format!(
            "replaced 26 lines (USD 34,153.66) of '{FOCUS_EA}' (import #{focus_batch}, FOCUS cost and usage export)"
        )),
        "{}",
        said[0]
    );
    assert_eq!(held(&app), totals(EA), "only the EA file counts");
    let error = app.import_undo(focus_batch).expect_err("blocked");
    assert!(error.message.contains(&format!("undo #{} first", ea.batch_id.expect("a batch"))), "{}", error.message);
}

/// Different money is never replaced: an amortized export of the same enrollment (another basis),
/// a FOCUS export of another enrollment, or a second EA export of another subscription of the
/// same enrollment (the same layout: only its own scopes restate).
#[test]
fn another_basis_another_account_or_another_subscription_is_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");

    let mut app = crate::util::app();
    commit(&mut app, imports_dir().join(EA_AMORTIZED));
    let focus = commit(&mut app, imports_dir().join(FOCUS_EA));
    assert_eq!(focus.rows_replaced, 0, "{:?}", focus.warnings);
    let mut want = totals(EA_AMORTIZED);
    want.extend(totals(FOCUS_EA));
    want.sort_by(|a, b| (&a.currency, &a.basis).cmp(&(&b.currency, &b.basis)));
    assert_eq!(held(&app), want, "amortized and billed money are both kept, never added together");

    let text = std::fs::read_to_string(imports_dir().join(FOCUS_EA)).expect("fixture");
    let other = write(dir.path(), "focus-1.0-other-enrollment-2025-10.csv", &text.replace("87654321", "11223344"));
    let mut app = crate::util::app();
    commit(&mut app, imports_dir().join(EA));
    let report = commit(&mut app, &other);
    assert_eq!((report.rows_replaced, replaced_warnings(&report).len()), (0, 0), "{:?}", report.warnings);
    assert_eq!(held(&app), usd_sum(&[EA, FOCUS_EA], "billed"), "two enrollments are two amounts of money");

    let text = std::fs::read_to_string(imports_dir().join(EA)).expect("fixture");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    let prod = "5f1c2a7e-3b9d-4e21-9c0a-7d2e6f1b8a34";
    let (first, second): (Vec<&str>, Vec<&str>) = lines.partition(|l| l.contains(prod));
    assert!(!first.is_empty() && !second.is_empty(), "the export holds two subscriptions");
    let part = |name: &str, rows: &[&str]| write(dir.path(), name, &format!("{header}\n{}\n", rows.join("\n")));
    let mut app = crate::util::app();
    commit(&mut app, part("Northwind_EA_ActualCost_202510 nw-ai-prod.csv", &first));
    let dev = commit(&mut app, part("Northwind_EA_ActualCost_202510 nw-ai-dev.csv", &second));
    assert_eq!(dev.rows_replaced, 0, "another subscription of the enrollment is other money: {:?}", dev.warnings);
    assert_eq!(held(&app), totals(EA), "the two subscriptions add up to the whole export");
}

/// A Cost Explorer download names no account: it stands for the CUR lines of its days, and the
/// CUR for its lines. Each imported after the other replaces it.
#[test]
fn a_cost_explorer_download_and_a_cur_of_the_same_days_replace_each_other() {
    let mut app = crate::util::app();
    let cur = commit(&mut app, imports_dir().join(CUR2));
    let ce = commit(&mut app, imports_dir().join(CE_OCTOBER));
    assert_eq!(ce.rows_replaced, lines_of(CUR2));
    assert_eq!(
        replaced_warnings(&ce),
        [format!(
            "replaced 28 lines (USD 176.38) of '{CUR2}' (import #{}, AWS CUR 2.0 (Data Exports)) for the same days: the \
             AWS Cost Explorer download (a row per day or month) names no account, so it is taken to hold every Amazon \
             Web Services account's money of those days; only the newest import counts",
            cur.batch_id.expect("a batch")
        )
        .as_str()]
    );
    assert_eq!(held(&app), totals(CE_OCTOBER), "October is counted once, as the download says");
    let again = commit(&mut app, imports_dir().join(CE_OCTOBER));
    assert_eq!((again.rows_imported, again.rows_replaced, again.batch_id), (0, 0, None), "re-import changes nothing");

    let mut app = crate::util::app();
    commit(&mut app, imports_dir().join(CE_OCTOBER));
    let cur = commit(&mut app, imports_dir().join(CUR2));
    assert_eq!(cur.rows_replaced, lines_of(CE_OCTOBER), "the CUR covers every day the download has money on");
    assert_eq!(held(&app), totals(CUR2), "October is counted once, as the CUR says");
}

/// A file with row issues retires nothing, not even another layout's lines: a row that failed to
/// read must not take the money it restates with it. The report says what was kept.
#[test]
fn a_file_with_row_issues_replaces_no_other_layouts_lines_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = crate::util::app();
    let ea = commit(&mut app, imports_dir().join(EA));
    let text = std::fs::read_to_string(imports_dir().join(FOCUS_EA)).expect("fixture");
    let (header, rows) = text.split_once('\n').expect("a header and rows");
    assert!(rows.starts_with("4.224,"), "the first row's BilledCost is the first cell");
    let broken = write(dir.path(), "focus-broken.csv", &format!("{header}\nn/a,{}", &rows["4.224,".len()..]));
    let report = commit(&mut app, &broken);
    assert_eq!((report.issue_count, report.rows_replaced), (1, 0), "{:?}", report.issues);
    assert!(
        report.warnings.iter().any(|w| w.starts_with(&format!(
            "rows with issues: the 25 lines (USD 34,141.16) of '{EA}' (import #{}, Azure EA cost details) for the \
             same account and days were kept",
            ea.batch_id.expect("a batch")
        ))),
        "{:?}",
        report.warnings
    );
    let both: Decimal = [&totals(EA)[0].amount, &report.totals[0].amount]
        .iter()
        .map(|a| a.parse::<Decimal>().expect("a decimal"))
        .sum();
    assert_eq!(held(&app)[0].amount, both.normalize().to_string(), "the EA lines stay beside the readable rows");
}

const AZURE_PARTS: &str = "northwind-ea-actual-20251001-20251031";
const AZURE_WHOLE: &str = "Northwind_EA_ActualCost_202510.csv";
const PART_WARNING: &str = "looks like one part of a multi-part export: lines of the same days that it does not hold \
                            were kept. Import all parts together (select them all, or their .zip) to restate the period";

fn azure_part(n: u32) -> PathBuf {
    imports_dir().join(AZURE_PARTS).join(format!("part_0_{n:04}.csv"))
}

/// One import of several files, named in any order.
fn parts_request(paths: &[PathBuf]) -> ImportRequest {
    let mut names = paths.iter().map(|p| p.display().to_string());
    ImportRequest {
        path: names.next().expect("at least one file"),
        more_paths: names.collect(),
        ..ImportRequest::default()
    }
}

fn commit_parts(app: &mut App, paths: &[PathBuf]) -> ImportReport {
    app.import_commit(&parts_request(paths), &mut keep_going).expect("the parts import as one")
}

/// Live cost lines per part (`source_sheet`), read with SQLite: provenance as stored.
fn lines_per_part(path: &Path) -> BTreeMap<String, u64> {
    let conn = rusqlite::Connection::open(path).expect("raw SQLite opens the portfolio");
    let mut stmt = conn
        .prepare(
            "SELECT COALESCE(source_sheet, source_file), COUNT(*) FROM cost_lines
             WHERE replaced_by_batch IS NULL GROUP BY 1",
        )
        .expect("the query prepares");
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).expect("the query runs");
    rows.map(|r| r.expect("a row")).map(|(part, n)| (part, u64::try_from(n).expect("a count"))).collect()
}

fn sorted(mut totals: Vec<MoneyTotal>) -> Vec<MoneyTotal> {
    totals.sort_by(|a, b| (&a.currency, &a.basis).cmp(&(&b.currency, &b.basis)));
    totals
}

/// The three parts of a partitioned Azure export chosen together (in any order, with their
/// manifest) are one import: one batch that names each line's part and row, exactly the whole
/// file's money and lines, exactly what the .zip of the same parts gives. Chosen again, they
/// change nothing.
#[test]
fn parts_chosen_together_are_one_import_equal_to_their_zip() {
    let whole = expected_for(AZURE_WHOLE);
    let whole_lines = whole["rows_imported"].as_u64().expect("rows_imported");
    let (_dir, path, mut app) = portfolio();
    let chosen = [azure_part(3), imports_dir().join(AZURE_PARTS).join("manifest.json"), azure_part(1), azure_part(2)];
    let report = commit_parts(&mut app, &chosen);
    assert_eq!(report.file, "part_0_0001.csv + 2 more parts", "the report names the delivery by its first part");
    assert_eq!(report.parts, ["part_0_0001.csv", "part_0_0002.csv", "part_0_0003.csv"], "read in part order");
    assert_eq!(report.format.as_deref(), Some("azure-ea-cost"));
    assert_eq!(report.rows_imported, whole_lines, "every line of every part, the duplicate row counted twice");
    assert_eq!(sorted(report.totals.clone()), totals_of(&whole["totals"]), "exactly the whole file's money");
    assert!(!report.warnings.iter().any(|w| w.contains(PART_WARNING)), "a whole delivery: {:?}", report.warnings);
    let history = app.import_history().expect("history");
    assert_eq!(history.len(), 1, "one delivery, one batch");
    assert_eq!(history[0].file_name, report.file);
    let per_part: Vec<u64> = (1..=3)
        .map(|n| expected_for(&format!("{AZURE_PARTS}/part_0_{n:04}.csv"))["rows_imported"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(
        lines_per_part(&path),
        BTreeMap::from([
            ("part_0_0001.csv".to_owned(), per_part[0]),
            ("part_0_0002.csv".to_owned(), per_part[1]),
            ("part_0_0003.csv".to_owned(), per_part[2]),
        ]),
        "each line keeps the part it came from"
    );

    let (_zip_dir, zip_path, mut zip_app) = portfolio();
    let zipped = commit(&mut zip_app, imports_dir().join(format!("{AZURE_PARTS}.zip")));
    assert_eq!(zipped.parts, report.parts, "the zip's members are the same parts, in the same order");
    assert_eq!(
        (zipped.rows_imported, sorted(zipped.totals.clone())),
        (report.rows_imported, sorted(report.totals.clone())),
        "the parts chosen together import exactly as their zip"
    );
    assert_eq!(lines_per_part(&zip_path), lines_per_part(&path), "the same lines, part by part");

    let again = commit_parts(&mut app, &chosen);
    assert_eq!(
        (again.rows_imported, again.rows_unchanged, again.rows_replaced, again.batch_id),
        (0, whole_lines, 0, None),
        "the same parts again change nothing"
    );
    assert_eq!(app.import_history().expect("history").len(), 1, "no empty batch recorded");
}

/// Imported one by one, a part named as the second or third of an export adds its lines and
/// retires none: every line of the month stays, and the report says why. Under an ordinary name
/// the same file restates the month and takes the first part's lines with it, which is the trap.
#[test]
fn parts_imported_one_by_one_keep_every_line_and_say_so() {
    let whole = expected_for(AZURE_WHOLE);
    let (_dir, path, mut app) = portfolio();
    let first = commit(&mut app, azure_part(1));
    assert!(first.warnings.is_empty(), "the first part may be the only one: {:?}", first.warnings);
    for n in [2, 3] {
        let report = commit(&mut app, azure_part(n));
        let warning = format!("'part_0_{n:04}.csv' {PART_WARNING}");
        assert!(report.warnings.contains(&warning), "part {n} says what happened: {:?}", report.warnings);
        assert_eq!(report.rows_replaced, 0, "part {n} retires none of the other parts' lines");
    }
    assert_eq!(sorted(app.cost_totals().expect("totals")), totals_of(&whole["totals"]), "the whole month's money");
    let lines: u64 = lines_per_part(&path).values().sum();
    assert_eq!(lines, whole["rows_imported"].as_u64().expect("rows_imported"), "every line of the month");

    let together = commit_parts(&mut app, &[azure_part(1), azure_part(2), azure_part(3)]);
    assert_eq!(
        (together.rows_imported, together.rows_replaced, together.batch_id),
        (0, 0, None),
        "the set chosen together afterwards changes nothing"
    );

    // The trap this guards against: the second part under a name that does not say it is one.
    let dir = tempfile::tempdir().expect("temp dir");
    let renamed = dir.path().join("northwind-october.csv");
    std::fs::copy(azure_part(2), &renamed).expect("copy");
    let mut app = crate::util::app();
    commit(&mut app, azure_part(1));
    let restating = commit(&mut app, &renamed);
    assert!(restating.rows_replaced > 0, "a whole file restates the month and retires the lines it does not hold");
}

/// Parts imported one by one in reverse order: the first part restates its days, but the lines
/// the later parts brought stay, and it says so. A first part that is the whole delivery (Azure
/// names a delivery of one file `part_0_0001.csv`) still retires what a restatement dropped.
#[test]
fn a_first_part_imported_after_the_later_ones_spares_their_lines() {
    let whole = expected_for(AZURE_WHOLE);
    let (_dir, path, mut app) = portfolio();
    commit(&mut app, azure_part(3));
    commit(&mut app, azure_part(2));
    let first = commit(&mut app, azure_part(1));
    assert_eq!(first.rows_replaced, 0, "the later parts' lines are not the first part's to retire");
    assert_eq!(
        first.warnings,
        ["'part_0_0001.csv' looks like the first part of a multi-part export whose other parts are already imported \
          (part_0_0002.csv, part_0_0003.csv): their lines of the same days were kept. Import all parts together \
          (select them all, or their .zip) to restate the period"],
        "the report says which parts' lines were kept"
    );
    assert_eq!(sorted(app.cost_totals().expect("totals")), totals_of(&whole["totals"]), "the whole month's money");

    // The next delivery's first part, one line fewer: that line is retired, the others' stay.
    // The line dropped lies inside the days its subscription's other lines still cover (a
    // restatement retires only within the days it covers).
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(azure_part(1)).expect("fixture");
    let mut lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    // SubscriptionId and Date (MM/DD/YYYY) are the 4th and 8th columns; none before holds a comma.
    let key = |line: &str| {
        let cells: Vec<&str> = line.split(',').take(8).collect();
        let date: Vec<&str> = cells[7].split('/').collect();
        (cells[3].to_owned(), format!("{}{}{}", date[2], date[0], date[1]))
    };
    let inner = (1..lines.len())
        .find(|&i| {
            let (sub, day) = key(lines[i]);
            let days: Vec<String> =
                lines[1..].iter().map(|l| key(l)).filter(|(s, _)| *s == sub).map(|(_, d)| d).collect();
            days.iter().any(|d| *d < day)
                && days.iter().any(|d| *d > day)
                && lines.iter().filter(|l| **l == lines[i]).count() == 1
        })
        .expect("a line strictly inside its subscription's days");
    lines.remove(inner);
    let restated = dir.path().join("part_0_0001.csv");
    std::fs::write(&restated, lines.join("\r\n") + "\r\n").expect("write");
    let report = commit(&mut app, &restated);
    assert_eq!((report.rows_imported, report.rows_replaced), (0, 1), "only the dropped line goes");
    let held: u64 = lines_per_part(&path).values().sum();
    assert_eq!(held, whole["rows_imported"].as_u64().expect("rows_imported") - 1);
}

/// Every part must be the same export: a part of another layout, or with other columns, or a
/// workbook among CSV parts is refused by name, and nothing of the other parts is written.
#[test]
fn a_part_that_is_not_like_the_others_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other_layout = dir.path().join("part_0_0003.csv");
    std::fs::copy(imports_dir().join("northwind-cur-legacy-2025-09.csv"), &other_layout).expect("copy");
    let fewer_columns = dir.path().join("part_0_0004.csv");
    let text = std::fs::read_to_string(azure_part(3)).expect("fixture");
    // The last column (ResourceLocationNormalized) holds no comma: cut it from every line.
    let cut: Vec<&str> = text.split("\r\n").map(|line| line.rsplit_once(',').map_or(line, |(rest, _)| rest)).collect();
    std::fs::write(&fewer_columns, cut.join("\r\n")).expect("write");

    let cases = [
        (other_layout.clone(), "part_0_0003.csv is a file of another layout"),
        (fewer_columns.clone(), "part_0_0004.csv: its columns differ from those of part_0_0001.csv, the first part"),
        (imports_dir().join("own-contracts.xlsx"), "own-contracts.xlsx: it is a workbook or an archive"),
    ];
    let mut app = crate::util::app();
    for (odd, says) in cases {
        let request = parts_request(&[azure_part(1), azure_part(2), odd.clone()]);
        for commit in [false, true] {
            let run = if commit {
                app.import_commit(&request, &mut keep_going)
            } else {
                app.import_preview(&request, &mut keep_going)
            };
            let error = run.expect_err("refused");
            assert_eq!(error.code, ErrorCode::FileUnusable, "{}", error.message);
            assert!(error.message.contains(says), "the message names the odd part: {}", error.message);
        }
    }
    assert!(app.cost_totals().expect("totals").is_empty(), "nothing of the good parts was written");
    assert!(app.import_history().expect("history").is_empty(), "no batch");
}
