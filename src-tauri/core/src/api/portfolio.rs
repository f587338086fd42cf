//! The portfolio as a whole: what file is open, its summary, the audit trail, the demo.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::imports::{ImportReport, ImportRequest, ImportSource, run_import};
use super::mapping::{ColumnMapping, MappingTarget, missing_required, suggest};
use super::records::{api_to_store, store_to_api};
use super::{ApiError, ApiResult, App, ErrorCode, ListFilter, ListRequest, now_text};
use crate::domain::{Contract, ContractId, ContractStatus, EuAiActTier, LifecycleState, Stage};
use crate::import::demo::{DemoPortfolio, ShiftedFile, importable_files};
use crate::store::{StoreError, Tx};

/// Which file is open and what it holds, for the window title and the status bar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PortfolioInfo {
    /// Absolute path of the file; `None` for an in-memory portfolio.
    pub path: Option<String>,
    /// The file name as the title bar shows it, e.g. `northwind.steward`.
    pub file_name: String,
    /// The portfolio's own name (the company), when set.
    pub name: Option<String>,
    pub reporting_currency: Option<String>,
    pub read_only: bool,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub systems: u32,
    pub vendors: u32,
    pub contracts: u32,
    pub initiatives: u32,
    pub cost_lines: u32,
    pub metric_observations: u32,
    pub audit_events: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CountByValue {
    pub value: String,
    pub label: String,
    pub count: u32,
}

/// A contract whose cancel-by date falls in the window asked for.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RenewalDue {
    pub contract_id: ContractId,
    pub name: String,
    pub vendor_name: Option<String>,
    pub end_date: Option<NaiveDate>,
    pub cancel_by: Option<NaiveDate>,
    pub auto_renew: bool,
    pub annual_value: String,
    pub currency: String,
}

/// The headline figures of a portfolio on a given day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PortfolioSummary {
    pub info: PortfolioInfo,
    pub as_of: NaiveDate,
    pub systems_by_lifecycle: Vec<CountByValue>,
    pub systems_by_eu_ai_act_tier: Vec<CountByValue>,
    pub initiatives_by_stage: Vec<CountByValue>,
    /// Active contracts still running whose cancel-by date falls within 90 days of `as_of`,
    /// including those whose cancel-by date has already passed (they renew or end as written
    /// unless someone acts), earliest first.
    pub renewals_next_90_days: Vec<RenewalDue>,
}

/// One change in the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditEvent {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entity_type: String,
    #[ts(type = "number")]
    pub entity_id: i64,
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// A running contract whose cancel-by date is within the horizon or already missed.
fn still_to_decide(contract: &Contract, today: NaiveDate, horizon: NaiveDate) -> bool {
    let running = contract.fields.end_date.is_some_and(|end| end >= today);
    running && contract.cancel_by.is_some_and(|cancel_by| cancel_by <= horizon)
}

/// Whether the audit chain is intact.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditReport {
    pub events: u32,
    pub intact: bool,
    /// The first event whose content or link no longer matches its hash.
    #[ts(type = "number | null")]
    pub first_broken: Option<i64>,
}

/// What loading the demo added.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DemoLoadReport {
    pub company: String,
    pub vendors: u32,
    pub systems: u32,
    pub contracts: u32,
    pub initiatives: u32,
    pub cost_lines: u32,
    pub metric_observations: u32,
    pub value_assumptions: u32,
    pub risks: u32,
    pub reviews: u32,
    pub incidents: u32,
    pub budgets: u32,
    pub fx_rates: u32,
}

fn counts<T: Copy>(
    rows: Vec<(String, u32)>,
    parse: fn(&str) -> Option<T>,
    label: fn(T) -> &'static str,
) -> Vec<CountByValue> {
    rows.into_iter()
        .map(|(value, count)| {
            let label = parse(&value).map(label).unwrap_or(if value.is_empty() { "Not set" } else { "Unknown" });
            CountByValue { label: label.to_owned(), value, count }
        })
        .collect()
}

impl App {
    pub fn portfolio_info(&self) -> ApiResult<PortfolioInfo> {
        let read = self.store.read();
        let c = read.live_counts()?;
        let path = self.store.path();
        Ok(PortfolioInfo {
            path: path.map(|p| p.display().to_string()),
            file_name: path
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Unsaved portfolio".to_owned()),
            name: self.store.meta("name")?,
            reporting_currency: self.store.meta("reporting_currency")?,
            read_only: self.store.is_read_only(),
            schema_version: self.store.schema_version()?,
            systems: c.systems,
            vendors: c.vendors,
            contracts: c.contracts,
            initiatives: c.initiatives,
            cost_lines: c.cost_lines,
            metric_observations: c.metric_observations,
            audit_events: c.audit_events,
        })
    }

    /// The summary as of `today` (passed in so the answer does not depend on the clock).
    pub fn portfolio_summary(&self, today: NaiveDate) -> ApiResult<PortfolioSummary> {
        let read = self.store.read();
        let horizon = today.checked_add_days(Days::new(90)).unwrap_or(today);
        let mut renewals = Vec::new();
        for status in [ContractStatus::Active, ContractStatus::PendingRenewal] {
            let mut request = ListRequest {
                filters: vec![ListFilter { field: "status".into(), value: status.as_str().into() }],
                sort_by: Some("cancel_by".into()),
                limit: ListRequest::MAX_LIMIT,
                ..ListRequest::default()
            };
            loop {
                let page: super::Page<Contract> = self.list_of(&request)?;
                let fetched = page.rows.len() as u32;
                renewals.extend(page.rows.into_iter().filter(|c| still_to_decide(c, today, horizon)).map(|c| {
                    RenewalDue {
                        contract_id: c.id,
                        name: c.fields.name,
                        vendor_name: c.vendor_name,
                        end_date: c.fields.end_date,
                        cancel_by: c.cancel_by,
                        auto_renew: c.fields.auto_renew,
                        annual_value: c.fields.annual_value,
                        currency: c.fields.currency,
                    }
                }));
                request.offset += fetched;
                if fetched == 0 || request.offset >= page.total {
                    break;
                }
            }
        }
        renewals.sort_by_key(|r| r.cancel_by);
        Ok(PortfolioSummary {
            info: self.portfolio_info()?,
            as_of: today,
            systems_by_lifecycle: counts(
                read.count_by("ai_systems", "lifecycle_state")?,
                LifecycleState::parse,
                LifecycleState::label,
            ),
            systems_by_eu_ai_act_tier: counts(
                read.count_by("ai_systems", "eu_ai_act_tier")?,
                EuAiActTier::parse,
                EuAiActTier::label,
            ),
            initiatives_by_stage: counts(read.count_by("initiatives", "stage")?, Stage::parse, Stage::label),
            renewals_next_90_days: renewals,
        })
    }

    /// Walks the whole audit chain and says whether it is intact.
    pub fn audit_verify(&self) -> ApiResult<AuditReport> {
        let v = self.store.read().verify_audit()?;
        Ok(AuditReport { events: v.events, intact: v.first_broken.is_none(), first_broken: v.first_broken })
    }

    /// The newest audit events, optionally those of one record (`entity_type` such as "system").
    pub fn audit_list(&self, entity: Option<(&str, i64)>, limit: u32) -> ApiResult<Vec<AuditEvent>> {
        let rows = self.store.read().audit_events(entity, limit.min(10_000))?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEvent {
                id: r.id,
                at: r.at,
                actor: r.actor,
                entity_type: r.entity_type,
                entity_id: r.entity_id,
                action: r.action,
                field: r.field,
                old_value: r.old_value,
                new_value: r.new_value,
            })
            .collect())
    }

    /// Loads the demo portfolio (Northwind Logistics), dated so its newest month is the month
    /// before `today`. Only into an empty portfolio (`Conflict` otherwise); all or nothing.
    pub fn demo_load(&mut self, today: NaiveDate) -> ApiResult<DemoLoadReport> {
        let damaged = |e: crate::import::ImportError| {
            ApiError::new(ErrorCode::Internal, format!("the demo data is damaged: {e}"))
        };
        let demo = DemoPortfolio::load().map_err(damaged)?;
        let imported = importable_files(today).map_err(damaged)?;
        let (actor, now) = (self.actor.clone(), now_text());
        self.store
            .write(|tx| {
                if !tx.is_empty()? {
                    return Err(api_to_store(ApiError::new(
                        ErrorCode::Conflict,
                        "the demo can only be loaded into an empty portfolio; use File → New first",
                    )));
                }
                write_demo(tx, &demo, &imported, &actor, &now)
            })
            .map_err(store_to_api)
    }
}

fn demo_error(file: &str, row: u32, problem: impl std::fmt::Display) -> StoreError {
    // Row 0 is the file as a whole.
    let place = if row == 0 { file.to_owned() } else { format!("{file}, row {row}") };
    api_to_store(ApiError::new(ErrorCode::Internal, format!("the demo data is damaged: {place}: {problem}")))
}

/// (field, column) pairs where a demo file's header differs from the field's name.
type Aliases = &'static [(&'static str, &'static str)];

/// How the importer reads each demo file: the target, and the columns whose header is not the
/// field's own name. Every other field is read from the column named as the field.
const DEMO_MAPPINGS: &[(&str, MappingTarget, Aliases)] = &[
    ("vendors.csv", MappingTarget::Vendors, &[]),
    ("systems.csv", MappingTarget::Systems, &[("vendor_id", "vendor")]),
    ("contracts.csv", MappingTarget::Contracts, &[("vendor_id", "vendor"), ("system_ids", "systems")]),
    ("initiatives.csv", MappingTarget::Initiatives, &[("system_ids", "systems")]),
    ("fx_rates.csv", MappingTarget::FxRates, &[]),
    (
        "costs.csv",
        MappingTarget::CostLines,
        &[
            ("period", "month"),
            ("vendor_id", "vendor"),
            ("system_id", "system_code"),
            ("initiative_id", "initiative_code"),
        ],
    ),
    ("adoption.csv", MappingTarget::Kpis, &[("period", "month"), ("system", "system_code")]),
    ("budgets.csv", MappingTarget::Budgets, &[]),
    ("value_assumptions.csv", MappingTarget::ValueAssumptions, &[("initiative_id", "initiative_code")]),
    ("stage_history.csv", MappingTarget::StageDecisions, &[("initiative_id", "initiative_code")]),
    ("risks.csv", MappingTarget::Risks, SUBJECT_COLUMNS),
    ("reviews.csv", MappingTarget::Reviews, SUBJECT_COLUMNS),
    ("incidents.csv", MappingTarget::Incidents, &[("system_id", "system_code")]),
];

/// The columns naming what a demo governance record is about.
const SUBJECT_COLUMNS: Aliases =
    &[("system_id", "system_code"), ("initiative_id", "initiative_code"), ("vendor_id", "vendor")];

/// Columns of the demo files the importer deliberately leaves alone: an initiative's stage date
/// comes from its stage history, imported after the initiatives.
const DEMO_UNMAPPED: &[&str] = &["stage_entered_on"];

/// The mapping a user would confirm for a demo file: the suggestion for its target, with every
/// field read from the column of its name (or its alias above), so nothing rests on guessing.
fn demo_mapping(
    file: &str,
    target: MappingTarget,
    aliases: &[(&str, &str)],
    headers: &[String],
) -> Result<ColumnMapping, StoreError> {
    let mut mapping = suggest(headers, &[], Some(target)).mapping;
    for field in &mut mapping.fields {
        let column = aliases.iter().find(|(f, _)| *f == field.field).map_or(field.field.as_str(), |(_, c)| *c);
        field.column = headers.iter().find(|h| h.as_str() == column).cloned();
        field.values.clear();
    }
    let missing = missing_required(&mapping);
    if !missing.is_empty() {
        return Err(demo_error(file, 1, format!("no column for {}", missing.join(", "))));
    }
    let unread: Vec<&str> = headers
        .iter()
        .map(String::as_str)
        .filter(|h| !DEMO_UNMAPPED.contains(h))
        .filter(|h| mapping.fields.iter().all(|f| f.column.as_deref() != Some(*h)))
        .collect();
    if !unread.is_empty() {
        return Err(demo_error(file, 1, format!("the importer would not read {}", unread.join(", "))));
    }
    Ok(mapping)
}

/// Imports one demo file through the user-mapped path, as its own batch; any row issue or
/// problem means the shipped data is damaged, and fails the whole load.
fn import_demo_file(
    tx: &Tx<'_>,
    file: &ShiftedFile,
    mapping: ColumnMapping,
    actor: &str,
    now: &str,
) -> Result<ImportReport, StoreError> {
    let request = ImportRequest { path: file.name.to_owned(), mapping: Some(mapping), ..ImportRequest::default() };
    let source = ImportSource::Bytes { name: file.name, bytes: file.text.as_bytes() };
    // A file the importer cannot read is damage too, never "choose another file".
    let report = run_import(tx, &request, source, true, actor, now, &mut |_| true)
        .map_err(|e| demo_error(file.name, 0, store_to_api(e).message))?;
    if let Some(issue) = report.issues.first() {
        let message = format!("{} (column \"{}\", value \"{}\")", issue.message, issue.column, issue.value);
        return Err(demo_error(file.name, issue.row, message));
    }
    if let Some(problem) = &report.problem {
        return Err(demo_error(file.name, 0, problem));
    }
    if report.vendor_created {
        return Err(demo_error(
            file.name,
            0,
            format!("names a vendor vendors.csv lacks: {}", report.warnings.join("; ")),
        ));
    }
    // A stage history updates the entry each initiative got when it came in at its current
    // stage (dated today) with the decision that really moved it there; nothing else may.
    let may_update = report.target == Some(MappingTarget::StageDecisions);
    if report.batch_id.is_none() || (report.records_updated > 0 && !may_update) || report.rows_unchanged > 0 {
        return Err(demo_error(file.name, 0, "its rows repeat or overwrite one another"));
    }
    Ok(report)
}

fn write_demo(
    tx: &Tx<'_>,
    demo: &DemoPortfolio,
    imported: &[ShiftedFile],
    actor: &str,
    now: &str,
) -> Result<DemoLoadReport, StoreError> {
    tx.set_meta("name", &demo.company)?;
    tx.set_meta("reporting_currency", &demo.reporting_currency)?;

    // Every file loads exactly as a user's own sheet does, one batch per file.
    let mut created = Vec::new();
    for file in imported {
        let (_, target, aliases) = DEMO_MAPPINGS
            .iter()
            .find(|(name, _, _)| *name == file.name)
            .ok_or_else(|| demo_error(file.name, 0, "no mapping for this file"))?;
        let mapping = demo_mapping(file.name, *target, aliases, &file.headers)?;
        let report = import_demo_file(tx, file, mapping, actor, now)?;
        created.push((*target, report.records_created as u32));
    }
    let count = |target: MappingTarget| created.iter().find(|(t, _)| *t == target).map_or(0, |(_, n)| *n);

    Ok(DemoLoadReport {
        company: demo.company.clone(),
        vendors: count(MappingTarget::Vendors),
        systems: count(MappingTarget::Systems),
        contracts: count(MappingTarget::Contracts),
        initiatives: count(MappingTarget::Initiatives),
        cost_lines: count(MappingTarget::CostLines),
        metric_observations: count(MappingTarget::Kpis),
        value_assumptions: count(MappingTarget::ValueAssumptions),
        risks: count(MappingTarget::Risks),
        reviews: count(MappingTarget::Reviews),
        incidents: count(MappingTarget::Incidents),
        budgets: count(MappingTarget::Budgets),
        fx_rates: count(MappingTarget::FxRates),
    })
}
