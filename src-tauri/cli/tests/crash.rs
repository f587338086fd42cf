//! Crash safety of `steward import`: a process killed with SIGKILL at any moment leaves a
//! portfolio file that opens, passes SQLite's integrity check and holds the imported batch
//! whole or not at all.
//!
//! The test drives the real binary, so the whole path is covered: CLI, api, the one import
//! transaction, and SQLite's WAL recovery when the next process opens the file. Kills land at
//! pseudo-random moments and, on purpose, inside the two short bursts in which the file changes:
//! the commit appending to the WAL and the checkpoint copying it into the portfolio file.

#![cfg(unix)]

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use steward_core::api::App;

/// Rows in the large export. A debug-build import of 6,000 rows takes about 1.5 s on two busy
/// cores, long enough for kills to land at every stage (startup, reading, inserting, commit,
/// exit); the test spends about 40·T in all, so 40,000 rows (T = 12 s) would take eight minutes.
const LARGE_ROWS: u64 = 6_000;

/// Kills at moments spread over [0, 1.2·T], where T is one uninterrupted import.
const KILLS: u64 = 50;

/// Kills inside each of the two write bursts at the end of an import (commit, checkpoint).
const BURST_KILLS: u64 = 4;

/// SIGKILL's number on every Unix; written out to keep the libc crate out of the test.
const SIGKILL: i32 = 9;

/// The fixture whose header (Azure EA 2024-08-01, 57 columns, UTF-8 BOM) the large export uses;
/// imported first as the portfolio's earlier data.
const SMALL_EXPORT: &str = "Northwind_EA_ActualCost_202510.csv";

/// Subscriptions of the large export. None of them is in the small export and the month is
/// later, so the large import replaces nothing: a whole batch adds exactly `LARGE_ROWS` lines.
const SUBSCRIPTIONS: [(&str, &str); 4] = [
    ("0b7e2f41-6c3a-4d58-9e1f-2a4c6b8d0e13", "nw-load-prod"),
    ("1c8f3a52-7d4b-4e69-8f2a-3b5d7c9e1f24", "nw-load-dev"),
    ("2d9a4b63-8e5c-4f7a-9a3b-4c6e8d0f2a35", "nw-load-test"),
    ("3e0b5c74-9f6d-4a8b-8b4c-5d7f9e1a3b46", "nw-load-sandbox"),
];

#[test]
fn sigkill_at_any_moment_of_an_import_leaves_the_whole_batch_or_none_of_it() {
    let dir = tempfile::tempdir().expect("a temp dir for the portfolios");
    let small = fixture(SMALL_EXPORT);
    let large = dir.path().join("Northwind_EA_ActualCost_202511.csv");
    write_large_export(&small, &large, LARGE_ROWS);

    let base = dir.path().join("base.steward");
    let out = steward(&base, &small).output().expect("steward runs");
    assert!(out.status.success(), "the small fixture imports into a new portfolio: {}", stderr(&out.stderr));
    // The copies below take only the main file: that is the whole portfolio only if the clean
    // exit checkpointed the WAL and removed it.
    assert!(!wal_of(&base).exists(), "a clean exit leaves no WAL beside the file");
    let base_state = state(&base);
    assert_eq!(base_state.batches, 1, "the base portfolio holds exactly the small import");
    assert!(base_state.lines > 0, "the small import stored cost lines");
    let whole = State { batches: 2, lines: base_state.lines + LARGE_ROWS };
    let check = Check { base: &base, large: &large, none: base_state, whole };

    // One uninterrupted import, watched: its time T sets the kill window, the WAL's peak and the
    // file's final size locate the commit and the checkpoint, and its report proves the large
    // export is read as intended (every row imported, none skipped or replaced).
    let full = dir.path().join("full.steward");
    std::fs::copy(&base, &full).expect("copy the base portfolio");
    let report_path = dir.path().join("full.json");
    let report_file = std::fs::File::create(&report_path).expect("create the report file");
    let started = Instant::now();
    let mut child = steward(&full, &large).arg("--json").stdout(report_file).spawn().expect("steward starts");
    let mut wal_peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be polled") {
            break status;
        }
        wal_peak = wal_peak.max(size(&wal_of(&full)));
        std::thread::sleep(POLL);
    };
    let t = started.elapsed();
    assert!(status.success(), "the large export imports: {status}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report_path).expect("read the report")).expect("--json prints JSON");
    assert_eq!(report["rows_imported"], LARGE_ROWS, "every generated row is imported: {report}");
    assert_eq!(state(&full), whole, "an uninterrupted import adds one batch with every row");
    let (base_size, full_size) = (size(&base), size(&full));
    assert!(wal_peak > 0 && full_size > base_size, "the import wrote its batch through the WAL into the file");
    eprintln!(
        "one uninterrupted import of {LARGE_ROWS} rows: {t:?}; WAL peak {wal_peak} B; file {base_size} -> {full_size} B"
    );

    // Kills at pseudo-random moments of [0, 1.2·T]: startup, reading, inserting, commit, exit.
    let window = t.mul_f64(1.2);
    let mut timed = Outcomes::default();
    for i in 0..KILLS {
        check.kill(&dir.path().join(format!("timed-{i}.steward")), Trigger::After(kill_delay(i, window)), &mut timed);
    }
    eprintln!("{KILLS} kills at random moments: {timed}");
    assert!(timed.none > 0, "at least one kill landed mid-import, or the test proved nothing about rollback");

    // The import holds its transaction in the page cache, so the file changes only in two
    // bursts of a few milliseconds at the end: the commit appending to the WAL, then the
    // checkpoint copying the WAL into the file. Random moments rarely land inside them, so
    // these kills wait for the burst: a torn commit must vanish, a torn checkpoint be repaired.
    let mut commit = Outcomes::default();
    let mut checkpoint = Outcomes::default();
    for i in 0..BURST_KILLS {
        let fraction = (i as f64 + 0.5) / BURST_KILLS as f64;
        let wal_bytes = (wal_peak as f64 * fraction) as u64;
        check.kill(&dir.path().join(format!("commit-{i}.steward")), Trigger::WalReaches(wal_bytes), &mut commit);
        let file_bytes = base_size + ((full_size - base_size) as f64 * fraction) as u64;
        let path = dir.path().join(format!("checkpoint-{i}.steward"));
        check.kill(&path, Trigger::FileReaches(file_bytes), &mut checkpoint);
    }
    eprintln!("{BURST_KILLS} kills while the commit wrote the WAL: {commit}");
    eprintln!("{BURST_KILLS} kills while the checkpoint wrote the file: {checkpoint}");
}

/// How often a watcher looks at the files: the commit and checkpoint bursts last milliseconds.
const POLL: Duration = Duration::from_micros(200);

/// When to kill an import.
#[derive(Debug, Clone, Copy)]
enum Trigger {
    /// This long after it started.
    After(Duration),
    /// As soon as its WAL holds this many bytes.
    WalReaches(u64),
    /// As soon as the portfolio file itself holds this many bytes.
    FileReaches(u64),
}

/// What the killed imports left behind.
#[derive(Debug, Default)]
struct Outcomes {
    /// Killed before the commit: the base portfolio, unchanged.
    none: u32,
    /// Killed after the commit (during the checkpoint or exit): the whole batch.
    whole_killed: u32,
    /// Finished before the kill: the whole batch.
    whole_exited: u32,
}

impl std::fmt::Display for Outcomes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} before commit (base only), {} after commit (whole batch, process killed), {} after exit (whole batch)",
            self.none, self.whole_killed, self.whole_exited
        )
    }
}

/// The portfolio every kill starts from, the export it imports, and the two states it may end in.
struct Check<'a> {
    base: &'a Path,
    large: &'a Path,
    none: State,
    whole: State,
}

impl Check<'_> {
    /// Imports the large export into a fresh copy of the base at `db`, SIGKILLs it at `trigger`,
    /// proves the file sound and all-or-nothing, and counts the outcome.
    fn kill(&self, db: &Path, trigger: Trigger, outcomes: &mut Outcomes) {
        std::fs::copy(self.base, db).expect("copy the base portfolio");
        let mut child = steward(db, self.large)
            .arg("--json")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("steward starts");
        // Wait for the trigger, or for the import to finish first (no point sleeping on).
        let started = Instant::now();
        while child.try_wait().expect("the child can be polled").is_none() {
            let due = match trigger {
                Trigger::After(delay) => started.elapsed() >= delay,
                Trigger::WalReaches(bytes) => size(&wal_of(db)) >= bytes,
                Trigger::FileReaches(bytes) => size(db) >= bytes,
            };
            if due {
                break;
            }
            // A timed kill may land a moment late; a burst must be caught while it lasts.
            std::thread::sleep(if matches!(trigger, Trigger::After(_)) { Duration::from_millis(2) } else { POLL });
        }
        child.kill().expect("SIGKILL is delivered (or the child already exited)");
        let status = child.wait().expect("the child is reaped");
        let run = format!("{} ({trigger:?})", db.display());

        // (a) The app must still open the file: a crash may never cost a person their portfolio.
        App::open(db).unwrap_or_else(|e| panic!("{run}: the portfolio opens after SIGKILL: {e}"));
        // (b) SQLite's own check of pages, indexes and free lists: WAL recovery must have
        // discarded every frame of an unfinished commit and replayed every committed one over a
        // half-done checkpoint.
        let conn = Connection::open(db).expect("rusqlite opens the file");
        let integrity: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("integrity_check runs");
        assert_eq!(integrity, ["ok"], "{run}: the file is undamaged after SIGKILL");
        drop(conn);
        // (c) All or nothing: a half-written import would show as a batch with some of its lines,
        // lines without their batch, or earlier lines marked replaced.
        let after = state(db);
        let killed = status.signal() == Some(SIGKILL);
        match after {
            s if s == self.none => outcomes.none += 1,
            s if s == self.whole && killed => outcomes.whole_killed += 1,
            s if s == self.whole => outcomes.whole_exited += 1,
            other => panic!("{run}: a third state, neither {:?} nor {:?}: {other:?}", self.none, self.whole),
        }
        assert!(killed || status.success(), "{run}: the import was killed or finished cleanly, never failed: {status}");
        assert!(!(status.success() && after == self.none), "{run}: a clean exit means the batch was committed");
        for path in [db.to_owned(), wal_of(db), shm_of(db)] {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A file's size, 0 while it does not exist.
fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The delay before kill `i`: stratified jitter, so each kill gets its own slice of the window
/// (early kills hit startup and reading, late ones commit and exit) at a pseudo-random point in
/// it. A 64-bit LCG (Knuth's MMIX constants) seeded by the iteration keeps every run identical.
fn kill_delay(i: u64, window: Duration) -> Duration {
    let mut x = i.wrapping_add(1);
    for _ in 0..3 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    }
    let jitter = (x >> 11) as f64 / (1u64 << 53) as f64;
    window.mul_f64((i as f64 + jitter) / KILLS as f64)
}

/// Import batches and live cost lines (those no later import replaced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State {
    batches: u64,
    lines: u64,
}

fn state(db: &Path) -> State {
    let conn = Connection::open(db).expect("rusqlite opens the portfolio");
    let count = |sql: &str| {
        let n: i64 = conn.query_row(sql, [], |r| r.get(0)).expect("count query runs");
        u64::try_from(n).expect("a count is never negative")
    };
    State {
        batches: count("SELECT count(*) FROM import_batches"),
        lines: count("SELECT count(*) FROM cost_lines WHERE replaced_by_batch IS NULL"),
    }
}

fn steward(db: &Path, file: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_steward"));
    command.arg("--db").arg(db).arg("import").arg(file);
    command
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/imports").join(name)
}

fn wal_of(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", db.display()))
}

fn shm_of(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-shm", db.display()))
}

fn stderr(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes `rows` Azure OpenAI token rows for November 2025 under the small export's header line
/// (its BOM included), CRLF like the real export. Each row is unique (its resource name carries
/// the row number); subscriptions, days and amounts vary deterministically.
fn write_large_export(small: &Path, large: &Path, rows: u64) {
    let text = std::fs::read_to_string(small).expect("read the small fixture");
    let header = text.split("\r\n").next().expect("the fixture has a header line");
    let columns: Vec<&str> = header.trim_start_matches('\u{feff}').split(',').collect();
    assert_eq!(columns.len(), 57, "the fixture is the 57-column EA 2024-08-01 layout");
    let mut out = String::with_capacity(rows as usize * 900);
    out.push_str(header);
    out.push_str("\r\n");
    for n in 0..rows {
        let fields: Vec<String> = columns.iter().map(|column| field(column, n)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    std::fs::write(large, out).expect("write the large export");
}

/// Row `n`'s value for `column`, CSV-quoted where the text needs it.
fn field(column: &str, n: u64) -> String {
    let (subscription, subscription_name) = SUBSCRIPTIONS[(n % 4) as usize];
    let group = format!("rg-load-{}", n % 7);
    let resource = format!("aoai-load-{n:05}");
    // Thousandths of a 1K-token unit and micro-dollars: exact decimal strings, never floats.
    let quantity = 1_000 + (n * 7_919) % 250_000;
    let cost_micros = quantity * 6 / 10;
    let text = match column {
        "InvoiceSectionName" => "AI Platform".into(),
        "AccountName" => "Northwind AI Platform".into(),
        "AccountOwnerId" => "cloud-admin@northwind.example".into(),
        "SubscriptionId" => subscription.into(),
        "SubscriptionName" => subscription_name.into(),
        "ResourceGroup" => group.clone(),
        "ResourceLocation" => "EastUS".into(),
        "Date" => format!("11/{:02}/2025", 1 + n % 30),
        "ProductName" => "Azure OpenAI - gpt-4o-mini-0718-Outp-glbl Tokens".into(),
        "MeterCategory" => "Cognitive Services".into(),
        "MeterSubCategory" => "Azure OpenAI".into(),
        "MeterId" => "3c1e4f7a-9b2d-4e8c-a1f6-0d5b7e9c2a41".into(),
        "MeterName" => "gpt-4o-mini-0718-Outp-glbl Tokens".into(),
        "MeterRegion" => "Global".into(),
        "UnitOfMeasure" => "1K".into(),
        "Quantity" => format!("{}.{:03}", quantity / 1_000, quantity % 1_000),
        "EffectivePrice" | "UnitPrice" | "PayGPrice" => "0.0006".into(),
        "CostInBillingCurrency" => format!("{}.{:06}", cost_micros / 1_000_000, cost_micros % 1_000_000),
        "CostCenter" => "4410".into(),
        "ConsumedService" => "Microsoft.CognitiveServices".into(),
        "ResourceId" => format!(
            "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/{resource}"
        ),
        "Tags" => r#""CostCenter": "4410","env": "prod","ai-system": "claims-triage""#.into(),
        "OfferId" => "MS-AZR-0017P".into(),
        "AdditionalInfo" => "{}".into(),
        "ResourceName" => resource,
        "PublisherType" => "Azure".into(),
        "PublisherName" => "Microsoft".into(),
        "ChargeType" => "Usage".into(),
        "Frequency" => "UsageBased".into(),
        "PricingModel" => "OnDemand".into(),
        "BillingAccountId" | "BillingProfileId" => "87654321".into(),
        "BillingAccountName" | "BillingProfileName" => "Northwind Logistics EA".into(),
        "BillingCurrencyCode" => "USD".into(),
        "BillingPeriodStartDate" => "11/01/2025".into(),
        "BillingPeriodEndDate" => "11/30/2025".into(),
        "InvoiceSectionId" => "1001".into(),
        "IsAzureCreditEligible" => "True".into(),
        "PartNumber" => "AAH-40121".into(),
        "ServiceFamily" => "AI + Machine Learning".into(),
        "AccountId" => "2210987".into(),
        "ResourceLocationNormalized" => "eastus".into(),
        _ => String::new(),
    };
    if text.contains([',', '"']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}
