//! `steward`: headless portfolio work over the same api as the desktop app.
//!
//! Errors go to stderr as one sentence with a non-zero exit code; `--json` output goes to stdout.

mod analytics;
mod bench;
mod imports;
mod mapping;
mod progress;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use steward_core::analytics::period::PeriodKind;
use steward_core::api::{
    AnalyticsRequest, ApiError, App, BudgetEntry, ChartFormat, ChartKind, ChartRequest, ChartTheme, FxRateEntry,
    ImportProgress, ImportRequest, ListRequest, PortfolioSummary, StoreFloorTable,
};
use steward_core::domain::System;

#[derive(Parser)]
#[command(name = "steward", version, about = "Steward: your company's AI portfolio in one file")]
struct Cli {
    /// The portfolio file (*.steward).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

// One value parsed once per run: boxing the large import variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Create a new, empty portfolio file.
    Init,
    /// Load the demo portfolio (Northwind Logistics) into a new or empty portfolio file.
    Demo,
    /// Print the portfolio's headline figures.
    Summary {
        #[arg(long)]
        json: bool,
    },
    /// The dashboard's figures for a month, quarter or year (default: the newest month with cost).
    Dashboard {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long)]
        json: bool,
    },
    /// Where the money went: spend by vendor, system, department or initiative against the
    /// period before.
    Spend {
        #[command(flatten)]
        period: PeriodArgs,
        /// vendor (default), system, department or initiative.
        #[arg(long, default_value = "vendor")]
        by: String,
        #[arg(long)]
        json: bool,
    },
    /// Draw a chart to an .svg or .png file (960 × 540, a board slide).
    Chart {
        /// spend-by-vendor, spend-vs-commitment, pipeline-funnel, adoption-trend, seat-utilisation,
        /// value-vs-cost, cumulative-value, renewals-timeline or risk-heatmap.
        kind: String,
        /// The file to write; .png or .svg.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        period: PeriodArgs,
        /// For cumulative-value: the initiative's code, e.g. INI-004.
        #[arg(long)]
        initiative: Option<String>,
        #[arg(long)]
        dark: bool,
    },
    /// Initiatives per stage with their age in the stage, the funnel, and what was killed and why.
    Pipeline {
        #[arg(long)]
        json: bool,
    },
    /// Contracts to renew or cancel in the next DAYS days, with their use and spend.
    Renewals {
        #[arg(long, default_value_t = 90)]
        days: u32,
        #[arg(long)]
        json: bool,
    },
    /// Systems by risk tier, open risks, overdue reviews, open incidents.
    Risk {
        #[arg(long)]
        json: bool,
    },
    /// Every initiative's value, cost, ROI range and payback month.
    Value {
        #[arg(long)]
        json: bool,
    },
    /// Exchange rates into the reporting currency (1 FROM = RATE TO, from a day on).
    Fx {
        #[command(subcommand)]
        command: FxCommand,
    },
    /// Budgets for the portfolio or a department, compared with actual spend.
    Budget {
        #[command(subcommand)]
        command: BudgetCommand,
    },
    /// Set the currency every converted total is reported in, e.g. EUR.
    ReportingCurrency { code: String },
    /// AI systems in the inventory.
    Systems {
        #[command(subcommand)]
        command: ListCommand,
    },
    /// Import a spreadsheet: a vendor usage or billing export (recognised by its headers) or a
    /// CSV/Excel/zip/gz file of one. Several files are read as the parts of one export (Azure
    /// part_0_0001.csv part_0_0002.csv, CUR …-1.csv.gz …-2.csv.gz, part-1-of-3.csv …): one
    /// import that restates its period, as their .zip would. Prints what was imported; row
    /// issues are listed, not fatal.
    Import {
        /// The file to import, or every part of one export (manifests are passed over).
        #[arg(required = true, num_args = 1.., value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Workbook sheet to read (default: the first sheet with a known layout).
        #[arg(long)]
        sheet: Option<String>,
        /// Read the file as this preset instead of recognising it (see `steward imports presets`).
        #[arg(long)]
        preset: Option<String>,
        /// Cost basis of the amounts: billed, amortized, list or effective.
        #[arg(long)]
        basis: Option<String>,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// For your own sheets: what the rows are (systems, vendors, contracts, initiatives,
        /// kpis, fx_rates, cost_lines, budgets, value_assumptions). Steward suggests the columns;
        /// --column, --set and --translate correct them.
        #[arg(long, value_name = "TARGET")]
        target: Option<String>,
        /// Read a field from a column: --column name="System name".
        #[arg(long = "column", value_name = "FIELD=HEADER")]
        columns: Vec<String>,
        /// One value for every row: --set usage_policy=approved.
        #[arg(long = "set", value_name = "FIELD=VALUE")]
        values: Vec<String>,
        /// Translate a word of the file: --translate "system_type:LLM application=model_api".
        #[arg(long = "translate", value_name = "FIELD:WORD=VALUE")]
        translations: Vec<String>,
        /// How slashed dates are written: day-first (25/04/2026) or month-first (04/25/2026).
        #[arg(long, value_name = "ORDER")]
        date_order: Option<String>,
        /// Save the mapping under this name; files with the same headers reuse it.
        #[arg(long, value_name = "NAME")]
        save_mapping: Option<String>,
    },
    /// Benchmark baseline: read every cell of a CSV (csv) or workbook (calamine) and nothing else.
    #[command(hide = true)]
    BenchParse {
        path: PathBuf,
        /// Read through the whole importer (no database) instead of the parser alone.
        #[arg(long)]
        engine: bool,
        /// The floor under an import: read the lines into memory (untimed), then time storing
        /// them in one transaction into a new portfolio at --db, into its `cost_lines` with
        /// the schema's indexes (`indexed`) or into a copy of that table without any (`bare`).
        #[arg(long, value_name = "TABLE", conflicts_with = "engine")]
        floor: Option<FloorTable>,
    },
    /// Benchmark: times opening the portfolio and every analytics answer, printing one JSON
    /// object with the timings and the figures (tests/bench/analytics_bench.py).
    #[command(hide = true)]
    BenchAnalytics {
        /// The day the figures are as of (renewals, overdue reviews), YYYY-MM-DD.
        #[arg(long)]
        today: chrono::NaiveDate,
        /// Runs of each task; the first is the first call after opening.
        #[arg(long, default_value_t = 7)]
        runs: usize,
    },
    /// Import history.
    Imports {
        #[command(subcommand)]
        command: ImportsCommand,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand)]
enum ListCommand {
    /// List every record.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ImportsCommand {
    /// Every import, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Undo a whole import: its lines go, the lines it replaced come back.
    Undo { batch: i64 },
    /// The export layouts Steward recognises.
    Presets,
}

/// Where `bench-parse --floor` stores the lines.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FloorTable {
    Indexed,
    Bare,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check that no audit event was changed or removed outside Steward.
    Verify,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("steward: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes to stdout; a reader that went away (`steward systems list | head`) ends the run
/// quietly instead of failing.
fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

fn run(cli: Cli) -> Result<(), String> {
    // Commands that need no portfolio.
    match &cli.command {
        Command::BenchParse { path, engine, floor } => {
            if let Some(table) = floor {
                let db = cli.db.as_deref().ok_or("--floor stores into a new portfolio: pass --db FILE")?;
                let table = match table {
                    FloorTable::Indexed => StoreFloorTable::Indexed,
                    FloorTable::Bare => StoreFloorTable::Bare,
                };
                let floor = steward_core::api::bench_store_floor(path, db, table).map_err(|e| e.message)?;
                let store_ms = floor.store.as_secs_f64() * 1000.0;
                return emit(&format!("{{\"rows\": {}, \"store_ms\": {store_ms:.1}}}\n", floor.rows));
            }
            if *engine {
                let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let rows = steward_core::import::read_through(&path.display().to_string(), &bytes);
                return emit(&format!("{{\"rows\": {rows}}}\n"));
            }
            let (rows, cells) = steward_core::import::raw_parse(path)?;
            return emit(&format!("{{\"rows\": {rows}, \"cells\": {cells}}}\n"));
        }
        Command::Imports { command: ImportsCommand::Presets } => return emit(&imports::presets_text()),
        _ => {}
    }
    let db = cli.db.ok_or("no portfolio given: pass --db FILE (for example --db portfolio.steward)")?;
    let today = chrono::Local::now().date_naive();
    let fail = |e: ApiError| e.message;
    match cli.command {
        Command::Init => {
            App::create(&db).map_err(fail)?;
            println!("Created an empty portfolio at {}", db.display());
        }
        Command::Demo => {
            let mut app = if db.exists() { App::open(&db) } else { App::create(&db) }.map_err(fail)?;
            let report = app.demo_load(today).map_err(fail)?;
            println!(
                "Loaded the {} demo into {}: {} systems, {} vendors, {} contracts, {} initiatives, {} cost lines, {} adoption figures, \
                 {} value assumptions, {} risks, {} reviews, {} incidents, {} budgets, {} FX rates",
                report.company,
                db.display(),
                report.systems,
                report.vendors,
                report.contracts,
                report.initiatives,
                report.cost_lines,
                report.metric_observations,
                report.value_assumptions,
                report.risks,
                report.reviews,
                report.incidents,
                report.budgets,
                report.fx_rates
            );
        }
        Command::Summary { json } => {
            let summary = App::open(&db).map_err(fail)?.portfolio_summary(today).map_err(fail)?;
            emit(&if json { to_json(&summary)? + "\n" } else { summary_text(&summary) })?;
        }
        Command::Dashboard { period, json } => {
            let request = period.request();
            let dashboard = App::open(&db).map_err(fail)?.dashboard(&request, today).map_err(fail)?;
            emit(&if json { to_json(&dashboard)? + "\n" } else { analytics::dashboard_text(&dashboard) })?;
        }
        Command::Spend { period, by, json } => {
            let view = App::open(&db).map_err(fail)?.spend_view(&period.request(), today).map_err(fail)?;
            if json {
                emit(&(to_json(&view)? + "\n"))?;
            } else {
                emit(&analytics::spend_text(&view, &by)?)?;
            }
        }
        Command::Chart { kind, out, period, initiative, dark } => {
            let app = App::open(&db).map_err(fail)?;
            let kind: ChartKind = serde_json::from_value(serde_json::Value::String(kind.replace('-', "_")))
                .map_err(|_| format!("\"{kind}\" is not a chart: see `steward chart --help`"))?;
            let initiative_id = match initiative {
                Some(code) => Some(analytics::initiative_by_code(&app, &code)?),
                None => None,
            };
            let AnalyticsRequest { period, anchor, basis } = period.request();
            let request = ChartRequest {
                kind,
                period,
                anchor,
                basis,
                initiative_id,
                theme: if dark { ChartTheme::Dark } else { ChartTheme::Light },
                width: None,
                height: None,
            };
            let format = match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
                Some("png") => ChartFormat::Png,
                Some("svg") => ChartFormat::Svg,
                _ => return Err(format!("{}: write the chart to a .png or .svg file", out.display())),
            };
            let bytes = app.chart_file(&request, format, today).map_err(fail)?;
            std::fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            println!("Wrote {}", out.display());
        }
        Command::Pipeline { json } => {
            let view = App::open(&db).map_err(fail)?.pipeline_view(today).map_err(fail)?;
            emit(&if json { to_json(&view)? + "\n" } else { analytics::pipeline_text(&view) })?;
        }
        Command::Renewals { days, json } => {
            let rows = App::open(&db).map_err(fail)?.renewals_view(days, today).map_err(fail)?;
            emit(&if json { to_json(&rows)? + "\n" } else { analytics::renewals_text(&rows, days) })?;
        }
        Command::Risk { json } => {
            let posture = App::open(&db).map_err(fail)?.risk_posture(today).map_err(fail)?;
            emit(&if json { to_json(&posture)? + "\n" } else { analytics::risk_text(&posture) })?;
        }
        Command::Value { json } => {
            let overview = App::open(&db).map_err(fail)?.value_overview(today).map_err(fail)?;
            emit(&if json { to_json(&overview)? + "\n" } else { analytics::value_text(&overview) })?;
        }
        Command::Fx { command } => {
            let mut app = App::open(&db).map_err(fail)?;
            match command {
                FxCommand::List { json } => {
                    let rates = app.fx_rates().map_err(fail)?;
                    emit(&if json { to_json(&rates)? + "\n" } else { analytics::fx_text(&rates) })?;
                }
                FxCommand::Set { from, to, valid_from, rate, source } => {
                    let entry = FxRateEntry { from, to, valid_from, rate, source: source.unwrap_or_default() };
                    let saved = app.fx_rate_set(&entry).map_err(fail_fields)?;
                    println!(
                        "1 {} = {} {} from {}",
                        saved.from,
                        saved.rate,
                        saved.to,
                        saved.valid_from.format("%-d %b %Y")
                    );
                }
                FxCommand::Delete { from, to, valid_from } => {
                    app.fx_rate_delete(&from, &to, valid_from).map_err(fail)?;
                    println!("Deleted the {from} → {to} rate from {}", valid_from.format("%-d %b %Y"));
                }
            }
        }
        Command::Budget { command } => {
            let mut app = App::open(&db).map_err(fail)?;
            match command {
                BudgetCommand::List { json } => {
                    let budgets = app.budgets().map_err(fail)?;
                    emit(&if json { to_json(&budgets)? + "\n" } else { analytics::budgets_text(&budgets) })?;
                }
                BudgetCommand::Set { department, from, to, amount, currency, note } => {
                    let entry = BudgetEntry {
                        id: None,
                        scope_type: if department.is_some() { "department" } else { "portfolio" }.into(),
                        scope_value: department.unwrap_or_default(),
                        period_start: from,
                        period_end: to,
                        amount,
                        currency,
                        note: note.unwrap_or_default(),
                    };
                    let saved = app.budget_set(&entry).map_err(fail_fields)?;
                    println!("Budget #{}: {}", saved.id.unwrap_or_default(), analytics::budgets_text(&[saved]).trim());
                }
                BudgetCommand::Delete { id } => {
                    app.budget_delete(id).map_err(fail)?;
                    println!("Deleted budget #{id}");
                }
            }
        }
        Command::ReportingCurrency { code } => {
            let code = App::open(&db).map_err(fail)?.reporting_currency_set(&code).map_err(fail_fields)?;
            println!("Totals are now reported in {code}");
        }
        Command::Systems { command: ListCommand::List { json } } => {
            let systems = all_systems(&App::open(&db).map_err(fail)?).map_err(fail)?;
            emit(&if json { to_json(&systems)? + "\n" } else { table::systems_text(&systems) })?;
        }
        Command::Import {
            paths,
            sheet,
            preset,
            basis,
            dry_run,
            json,
            target,
            columns,
            values,
            translations,
            date_order,
            save_mapping,
        } => {
            let mut app = if db.exists() { App::open(&db) } else { App::create(&db) }.map_err(fail)?;
            let mut paths = paths.iter().map(|p| p.display().to_string());
            let mut request = ImportRequest {
                path: paths.next().unwrap_or_default(),
                more_paths: paths.collect(),
                sheet,
                preset,
                basis,
                save_mapping_as: save_mapping,
                ..ImportRequest::default()
            };
            let corrections = mapping::Corrections { target, columns, values, translations, date_order };
            if !corrections.is_empty() {
                request.target = corrections.target().map_err(|e| e.to_string())?;
                let preview = app.import_preview(&request, &mut |_| true).map_err(fail)?;
                let suggestion = preview.suggestion.ok_or_else(|| {
                    format!(
                        "{} is a known export ({}); --target and mapping options are for your own sheets",
                        preview.file,
                        preview.format_name.unwrap_or_default()
                    )
                })?;
                request.mapping = Some(corrections.apply(suggestion.mapping)?);
            }
            let mut bar = progress::Bar::new(!json);
            let mut on_progress = |p: ImportProgress| bar.show(p.fraction, p.rows);
            let report = if dry_run {
                app.import_preview(&request, &mut on_progress)
            } else {
                app.import_commit(&request, &mut on_progress)
            };
            bar.clear();
            let report = report.map_err(fail)?;
            emit(&if json { to_json(&report)? + "\n" } else { imports::report_text(&report, dry_run) })?;
            if let Some(problem) = &report.problem {
                return Err(format!("{}: {problem}", report.file));
            }
        }
        Command::Imports { command: ImportsCommand::List { json } } => {
            let history = App::open(&db).map_err(fail)?.import_history().map_err(fail)?;
            emit(&if json { to_json(&history)? + "\n" } else { imports::history_text(&history) })?;
        }
        Command::Imports { command: ImportsCommand::Undo { batch } } => {
            let undo = App::open(&db).map_err(fail)?.import_undo(batch).map_err(fail)?;
            println!(
                "Undid import #{}: {} lines removed, {} earlier lines restored",
                undo.batch_id, undo.removed, undo.restored
            );
        }
        Command::BenchAnalytics { today, runs } => emit(&bench::run(&db, today, runs)?)?,
        Command::Imports { command: ImportsCommand::Presets } | Command::BenchParse { .. } => {}
        Command::Audit { command: AuditCommand::Verify } => {
            let report = App::open(&db).map_err(fail)?.audit_verify().map_err(fail)?;
            match report.first_broken {
                None => println!("Audit trail intact: {} events, every hash matches", report.events),
                Some(id) => {
                    return Err(format!(
                        "audit trail broken at event {id}: it was changed, removed or reordered outside Steward"
                    ));
                }
            }
        }
    }
    Ok(())
}

fn all_systems(app: &App) -> Result<Vec<System>, ApiError> {
    let mut request =
        ListRequest { sort_by: Some("code".into()), limit: ListRequest::MAX_LIMIT, ..ListRequest::default() };
    let mut systems = Vec::new();
    loop {
        let page = app.system_list(&request)?;
        let fetched = page.rows.len() as u32;
        systems.extend(page.rows);
        request.offset += fetched;
        if fetched == 0 || request.offset >= page.total {
            return Ok(systems);
        }
    }
}

fn to_json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("cannot write JSON: {e}"))
}

/// Which period an analytics command answers for.
#[derive(clap::Args)]
struct PeriodArgs {
    /// month, quarter or year.
    #[arg(long, default_value = "month", value_parser = parse_period)]
    period: PeriodKind,
    /// Any day inside the period, YYYY-MM-DD (default: the newest month with cost).
    #[arg(long)]
    at: Option<chrono::NaiveDate>,
    /// Cost basis: billed (default), amortized, …
    #[arg(long)]
    basis: Option<String>,
}

impl PeriodArgs {
    fn request(self) -> AnalyticsRequest {
        AnalyticsRequest { period: self.period, anchor: self.at, basis: self.basis }
    }
}

#[derive(Subcommand)]
enum FxCommand {
    /// The rate table, newest first per currency pair.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add or replace a rate: steward fx set USD EUR 2026-01-01 0.9215.
    Set {
        from: String,
        to: String,
        valid_from: chrono::NaiveDate,
        rate: String,
        #[arg(long)]
        source: Option<String>,
    },
    /// Remove a rate.
    Delete { from: String, to: String, valid_from: chrono::NaiveDate },
}

#[derive(Subcommand)]
enum BudgetCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add or replace a budget: steward budget set --department Finance 2026-01-01 2026-12-31 250000 EUR.
    Set {
        /// The department; the whole portfolio when left out.
        #[arg(long)]
        department: Option<String>,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        amount: String,
        currency: String,
        #[arg(long)]
        note: Option<String>,
    },
    Delete {
        id: i64,
    },
}

/// A validation error with its field messages, for a one-line terminal answer.
fn fail_fields(e: ApiError) -> String {
    if e.fields.len() < 2 {
        return e.message;
    }
    let details: Vec<String> = e.fields.iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
    details.join("; ")
}

fn parse_period(text: &str) -> Result<PeriodKind, String> {
    match text {
        "month" => Ok(PeriodKind::Month),
        "quarter" => Ok(PeriodKind::Quarter),
        "year" => Ok(PeriodKind::Year),
        other => Err(format!("\"{other}\" is not a period: use month, quarter or year")),
    }
}

fn summary_text(s: &PortfolioSummary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let info = &s.info;
    let _ = writeln!(out, "{} ({})", info.name.as_deref().unwrap_or("Unnamed portfolio"), info.file_name);
    if info.read_only {
        let _ = writeln!(out, "Open read-only.");
    }
    let _ = writeln!(
        out,
        "{} AI systems · {} vendors · {} contracts · {} initiatives · {} cost lines · {} adoption figures",
        info.systems, info.vendors, info.contracts, info.initiatives, info.cost_lines, info.metric_observations
    );
    let groups = [
        ("Systems by lifecycle", &s.systems_by_lifecycle),
        ("Systems by EU AI Act tier", &s.systems_by_eu_ai_act_tier),
        ("Initiatives by stage", &s.initiatives_by_stage),
    ];
    for (title, counts) in groups {
        let _ = writeln!(out, "\n{title}");
        for c in counts {
            let _ = writeln!(out, "  {:<32} {:>5}", c.label, c.count);
        }
    }
    let _ = writeln!(out, "\nCancel-by dates in the next 90 days (as of {})", s.as_of.format("%-d %b %Y"));
    if s.renewals_next_90_days.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for r in &s.renewals_next_90_days {
        let when = r.cancel_by.map(|d| d.format("%-d %b %Y").to_string()).unwrap_or_default();
        let value = if r.annual_value.is_empty() {
            String::new()
        } else {
            format!("{} {} a year", r.currency, table::grouped(&r.annual_value))
        };
        let what = table::clip(&format!("{} — {}", r.vendor_name.as_deref().unwrap_or("no vendor"), r.name), 48);
        let _ = writeln!(out, "  {when:<12} {what:<48} {value:>24}");
    }
    out
}
