//! Importing a file: preview (the whole import rehearsed in a transaction that is rolled back),
//! commit (the same code, committed: all or nothing), history and undo of a whole batch.
//!
//! Several files chosen together are read as the parts of one export, as the parts of a zip
//! are: one batch, one transaction, each line keeping its part and row. A whole delivery (one
//! file, a zip, or parts chosen together) restates the period it covers; one file whose name
//! marks it as a single part of several only adds and updates, so the parts already imported
//! keep their lines, and a first part imported alone spares the lines of later parts.

mod governance;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::mapping::{ColumnMapping, MappingSuggestion, MappingTarget, missing_required, suggest, type_row};
use super::records::{
    Managed, api_to_store, create_audited, delete_audited, draft_json, insert_audited, store_to_api, update_audited,
};
use super::{ApiError, ApiResult, App, ErrorCode, now_text};
use crate::domain::{Contract, Initiative, System, Vendor, VendorDraft, VendorType};
use crate::import::{
    CostRecord, CostTexts, FactSink, FileError, Interpreter, Mapped, NumberStyle, PartName, Preset, RawRow,
    ReadOptions, Reading, RowIssue, RowVisitor, ScopeAccount, delivery_name, delivery_parts, normalise_header,
    part_name, read_alongside, read_bytes, read_file, read_parts,
};
use crate::store::{
    AuditChange, BatchFinish, Existing, FX_RATE_ENTITY, KeyedCostLine, KeyedObservation, LiveAmount, OtherScope,
    Provenance, SpecFor, StoreError, Tx, ValueAssumptionRow, is_field_written, is_governance_entity,
};

/// What to import and how.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportRequest {
    pub path: String,
    /// Further files read with `path` as the parts of one export (Azure `part_0_0002.csv`, CUR
    /// `…-2.csv.gz`, `part-2-of-3.csv`): one import, the parts in natural order of their names,
    /// manifests passed over. Empty for one file.
    #[serde(default)]
    pub more_paths: Vec<String>,
    /// Workbook sheet by name; without it the first sheet with a known layout.
    pub sheet: Option<String>,
    /// Force a preset by id instead of recognising the layout.
    pub preset: Option<String>,
    /// Override the cost basis (`billed`, `amortized`, …) the preset or file name suggests.
    pub basis: Option<String>,
    /// How to read a sheet no preset recognises (the user's own inventory, contracts, KPIs).
    pub mapping: Option<ColumnMapping>,
    /// Which target to suggest a mapping for, when the file is not recognised.
    pub target: Option<MappingTarget>,
    /// Save `mapping` under this name; a file with the same headers then reuses it.
    pub save_mapping_as: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoneyTotal {
    pub currency: String,
    pub basis: String,
    /// Exact decimal text, e.g. `"1234.000011139"`.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SkipReason {
    pub reason: String,
    #[ts(type = "number")]
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportIssue {
    /// Sheet or archive member, when the file has several.
    pub part: Option<String>,
    pub row: u32,
    pub column: String,
    pub value: String,
    pub message: String,
}

/// The first rows as the import typed them, for the preview table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PreviewLine {
    pub row: u32,
    pub period_start: String,
    pub period_end: String,
    pub description: String,
    pub quantity: Option<String>,
    pub unit: String,
    pub amount: String,
    pub currency: String,
    pub basis: String,
    /// `new`, `changed` or `unchanged`.
    pub status: String,
    pub system: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ObservationTotal {
    pub metric: String,
    /// Exact decimal text, summed over every period in the file.
    pub value: String,
    pub periods: u32,
}

/// What an import found and did (or, for a preview, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// The file's name; for several parts, the first one's with how many more
    /// ("part_0_0001.csv + 2 more parts").
    pub file: String,
    /// The parts read as one export, in reading order: a zip's CSV members, or the files chosen
    /// together. Empty for a single plain file or workbook.
    pub parts: Vec<String>,
    /// How the file was read: "CSV, UTF-8 with BOM, comma-separated", "Excel workbook, sheet …".
    pub read_as: String,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// Preset id of the recognised layout (`null` when not recognised).
    pub format: Option<String>,
    pub format_name: Option<String>,
    pub version: Option<String>,
    /// `cost`, `usage` or `activity`.
    pub kind: Option<String>,
    /// The sheet row of the header; none for JSON records, which name their fields in each one.
    pub header_row: Option<u32>,
    pub headers: Vec<String>,
    /// Why nothing could be imported (layout not recognised, parts that differ), if so.
    pub problem: Option<String>,
    pub committed: bool,
    #[ts(type = "number | null")]
    pub batch_id: Option<i64>,
    #[ts(type = "number")]
    pub rows_read: u64,
    #[ts(type = "number")]
    pub rows_imported: u64,
    #[ts(type = "number")]
    pub rows_skipped: u64,
    #[ts(type = "number")]
    pub rows_unchanged: u64,
    /// Stored lines this file replaces: of the scopes it covers (a restated export), and of
    /// another layout's export of the same provider, account and days (`warnings` names them).
    #[ts(type = "number")]
    pub rows_replaced: u64,
    pub skipped: Vec<SkipReason>,
    pub issues: Vec<ImportIssue>,
    /// All issues, including those beyond the first 1,000 listed.
    #[ts(type = "number")]
    pub issue_count: u64,
    /// Money in the file's importable rows per currency and basis (never added across them).
    pub totals: Vec<MoneyTotal>,
    /// Money no attribution rule linked to an AI system: shown, not hidden.
    pub unattributed: Vec<MoneyTotal>,
    pub observations: Vec<ObservationTotal>,
    pub vendor: Option<String>,
    pub vendor_created: bool,
    /// The file's own control total (e.g. GCP "Total amount due"), to reconcile against.
    pub control_total: Option<String>,
    pub preview: Vec<PreviewLine>,
    /// What the user should know besides the counts: which earlier imports this file replaces
    /// and why, what row issues kept back, a file cut off at Excel's row limit.
    pub warnings: Vec<String>,
    pub cancelled: bool,
    /// For a sheet no preset recognises: the proposed mapping to confirm or correct.
    pub suggestion: Option<MappingSuggestion>,
    /// `systems`, `vendors`, `contracts`, `initiatives` or `kpis` for a user-mapped sheet.
    pub target: Option<MappingTarget>,
    /// The saved mapping that was applied, when one was.
    pub mapping_name: Option<String>,
    #[ts(type = "number")]
    pub records_created: u64,
    #[ts(type = "number")]
    pub records_updated: u64,
}

/// One batch in the import history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportBatch {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub sheet: Option<String>,
    pub format: String,
    pub format_name: Option<String>,
    pub version: String,
    pub read_as: String,
    pub header_row: Option<u32>,
    #[ts(type = "number")]
    pub rows_read: u64,
    #[ts(type = "number")]
    pub rows_imported: u64,
    #[ts(type = "number")]
    pub rows_skipped: u64,
    #[ts(type = "number")]
    pub rows_unchanged: u64,
    #[ts(type = "number")]
    pub rows_replaced: u64,
    /// The first 1,000 issues; `issue_count` says how many there were.
    pub issues: Vec<ImportIssue>,
    #[ts(type = "number")]
    pub issue_count: u64,
    pub totals: Vec<MoneyTotal>,
    pub control_total: Option<String>,
    pub imported_at: String,
    pub imported_by: String,
    pub undone_at: Option<String>,
    #[ts(type = "number")]
    pub live_cost_lines: u64,
    #[ts(type = "number")]
    pub live_observations: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UndoReport {
    #[ts(type = "number")]
    pub batch_id: i64,
    #[ts(type = "number")]
    pub removed: u64,
    #[ts(type = "number")]
    pub restored: u64,
}

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub fraction: f32,
    #[ts(type = "number")]
    pub rows: u64,
}

const PREVIEW_LINES: usize = 20;

impl App {
    /// Reads the file and rehearses the whole import without writing anything.
    pub fn import_preview(
        &mut self,
        request: &ImportRequest,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> ApiResult<ImportReport> {
        self.import_run(request, false, progress)
    }

    /// Imports the file in one transaction: all of it or, on any failure or cancel, none.
    pub fn import_commit(
        &mut self,
        request: &ImportRequest,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> ApiResult<ImportReport> {
        self.import_run(request, true, progress)
    }

    fn import_run(
        &mut self,
        request: &ImportRequest,
        commit: bool,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> ApiResult<ImportReport> {
        let (actor, now) = (self.actor.clone(), now_text());
        let chosen: Vec<PathBuf> =
            std::iter::once(&request.path).chain(&request.more_paths).map(PathBuf::from).collect();
        let parts = delivery_parts(&chosen).map_err(|e| ApiError::new(ErrorCode::FileUnusable, e.to_string()))?;
        let source = ImportSource::Files(&parts);
        let work = |tx: &Tx<'_>| run_import(tx, request, source, commit, &actor, &now, progress);
        let report = if commit { self.store.write(work) } else { self.store.rehearse(work) };
        report.map_err(store_to_api)
    }

    pub fn import_history(&self) -> ApiResult<Vec<ImportBatch>> {
        let batches = self.store.read().batches()?;
        Ok(batches.into_iter().map(batch_to_api).collect())
    }

    /// Undoes a whole batch: its lines go, the lines it replaced come back.
    pub fn import_undo(&mut self, batch_id: i64) -> ApiResult<UndoReport> {
        let (actor, now) = (self.actor.clone(), now_text());
        self.store
            .write(|tx| {
                let fail = |code, message: String| Err(api_to_store(ApiError::new(code, message)));
                let Some(batch) = tx.batch(batch_id)? else {
                    return fail(ErrorCode::NotFound, format!("there is no import batch #{batch_id}"));
                };
                if batch.undone_at.is_some() {
                    return fail(
                        ErrorCode::Conflict,
                        format!("import #{batch_id} ({}) is already undone", batch.file_name),
                    );
                }
                let later = tx.batch_replaced_by(batch_id)?;
                let later = later.or(tx.later_record_change(batch_id)?).or(tx.later_batch_in_scope(batch_id)?);
                if let Some(later) = later {
                    return fail(
                        ErrorCode::Conflict,
                        format!(
                            "import #{later} changed what import #{batch_id} ({}) brought in; undo #{later} first",
                            batch.file_name
                        ),
                    );
                }
                let changes = tx.record_changes(batch_id)?;
                let at = batch.imported_at.as_str();
                if changes.is_empty()
                    && batch.live_cost_lines == 0
                    && batch.live_observations == 0
                    && !tx.batch_retired_lines(batch_id)?
                {
                    return fail(
                        ErrorCode::Conflict,
                        format!("import #{batch_id} ({}) holds nothing that can be undone", batch.file_name),
                    );
                }
                for change in &changes {
                    let before = change.before_json.as_deref();
                    match change.entity.as_str() {
                        "system" => undo_record_change::<System>(tx, change.entity_id, before, at, &actor, &now)?,
                        "vendor" => undo_record_change::<Vendor>(tx, change.entity_id, before, at, &actor, &now)?,
                        "contract" => undo_record_change::<Contract>(tx, change.entity_id, before, at, &actor, &now)?,
                        "initiative" => {
                            undo_record_change::<Initiative>(tx, change.entity_id, before, at, &actor, &now)?
                        }
                        FX_RATE_ENTITY => match before {
                            // The import replaced a rate: put the old one back.
                            Some(before) => {
                                let old: serde_json::Value = serde_json::from_str(before).unwrap_or_default();
                                let field =
                                    |k: &str| old.get(k).and_then(serde_json::Value::as_str).unwrap_or_default();
                                tx.restore_fx_rate(change.entity_id, field("rate"), field("source"))?;
                            }
                            None => {
                                tx.remove_fx_rate(change.entity_id)?;
                            }
                        },
                        BUDGET_ENTITY => undo_budget(tx, change.entity_id, before, at, &actor, &now)?,
                        ASSUMPTION_ENTITY => undo_assumption(tx, change.entity_id, before, at, &actor, &now)?,
                        entity if is_governance_entity(entity) => {
                            undo_governance_row(tx, entity, change.entity_id, before, at, &actor, &now)?
                        }
                        _ => {}
                    }
                }
                let (removed, restored) = tx.undo_batch(batch_id, &now)?;
                let (removed, restored) = (
                    removed + changes.iter().filter(|c| c.before_json.is_none()).count() as u64,
                    restored + changes.iter().filter(|c| c.before_json.is_some()).count() as u64,
                );
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "import_batch",
                        entity_id: batch_id,
                        action: "undo",
                        field: None,
                        old_value: Some(batch.file_name.clone()),
                        new_value: Some(format!("{removed} removed, {restored} restored")),
                    },
                )?;
                Ok(UndoReport { batch_id, removed, restored })
            })
            .map_err(store_to_api)
    }
}

/// Takes back a governance record (risk, review, incident, stage decision, value assumption,
/// budget) an import created or, for the records written field by field, changed; with its
/// audit event. One edited by hand since is left for a person to resolve.
fn undo_governance_row(
    tx: &Tx<'_>,
    entity: &str,
    id: i64,
    before: Option<&str>,
    imported_at: &str,
    actor: &str,
    now: &str,
) -> Result<(), StoreError> {
    let field_written = is_field_written(entity);
    if before.is_some() && !field_written {
        return Err(api_to_store(ApiError::new(
            ErrorCode::Internal,
            format!("an import cannot put back a changed {entity}; edit {entity} #{id} by hand"),
        )));
    }
    let updated_at = match tx.governance_updated_at(entity, id) {
        Ok(updated_at) => updated_at,
        // Deleted by hand since: nothing left to take back.
        Err(StoreError::NotFound { .. }) => return Ok(()),
        Err(e) => return Err(e),
    };
    if updated_at.is_some_and(|at| at.as_str() > imported_at) {
        return Err(api_to_store(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "{entity} #{id} was changed after this import; undoing it would lose that change, so edit it by hand"
            ),
        )));
    }
    if field_written {
        governance::undo_fields(tx, entity, id, before, now)?;
    } else {
        tx.remove_governance_row(entity, id, now)?;
    }
    tx.append_audit(
        now,
        AuditChange {
            actor,
            entity_type: entity,
            entity_id: id,
            action: if before.is_some() { "update" } else { "delete" },
            field: None,
            old_value: None,
            new_value: before.map(str::to_owned),
        },
    )
}

fn file_unusable(message: String) -> StoreError {
    api_to_store(ApiError::new(ErrorCode::FileUnusable, message))
}

/// Where an import's bytes come from: the user's file, or a file already in memory (the demo's,
/// built into the binary). Both go through the same reading, mapping and storing.
#[derive(Clone, Copy)]
pub(super) enum ImportSource<'a> {
    /// One file, or the parts of one export in reading order (never empty).
    Files(&'a [PathBuf]),
    Bytes {
        name: &'a str,
        bytes: &'a [u8],
    },
}

impl ImportSource<'_> {
    fn file_name(&self) -> String {
        match self {
            ImportSource::Files(paths) => {
                let first = paths.first().map(|p| crate::import::file_name(p)).unwrap_or_default();
                delivery_name(&first, paths.len())
            }
            ImportSource::Bytes { name, .. } => (*name).to_owned(),
        }
    }

    /// What this delivery is, as far as restating its period goes: several parts chosen
    /// together are a whole export; one file is what its name says.
    fn part_name(&self) -> PartName {
        match self {
            ImportSource::Files([one]) => part_name(&crate::import::file_name(one)),
            ImportSource::Files(_) => PartName::Whole,
            ImportSource::Bytes { name, .. } => part_name(name),
        }
    }

    fn read(&self, sheet: Option<&str>, visitor: &mut dyn RowVisitor) -> Result<crate::import::FileFacts, FileError> {
        match self {
            ImportSource::Files([one]) => read_file(one, sheet, visitor),
            ImportSource::Files(parts) => read_parts(parts, visitor),
            ImportSource::Bytes { name, bytes } => read_bytes(name, bytes, sheet, visitor),
        }
    }
}

/// Reads, types and stores one file inside `tx`; the caller's transaction decides whether it stays.
pub(super) fn run_import(
    tx: &Tx<'_>,
    request: &ImportRequest,
    source: ImportSource<'_>,
    commit: bool,
    actor: &str,
    now: &str,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportReport, StoreError> {
    let file_name = source.file_name();
    if let Some(id) = &request.preset
        && crate::import::presets().iter().all(|p| &p.id != id)
    {
        let known: Vec<&str> = crate::import::presets().iter().map(|p| p.id.as_str()).collect();
        return Err(api_to_store(ApiError::new(
            ErrorCode::Validation,
            format!("there is no preset \"{id}\"; known presets: {}", known.join(", ")),
        )));
    }
    if let Some(mapping) = &request.mapping {
        let missing = missing_required(mapping);
        if !missing.is_empty() {
            return Err(api_to_store(ApiError::new(
                ErrorCode::Validation,
                format!("choose a column, or a value for every row, for: {}", missing.join(", ")),
            )));
        }
    }
    let batch = tx.begin_batch(&file_name, "", 0, now, actor)?;
    let options = ReadOptions {
        preset: request.preset.clone(),
        mapped: request.mapping.is_some(),
        basis: request.basis.clone(),
        file_name: file_name.clone(),
    };
    let mut sink = StoreSink::new(tx, batch, &file_name, actor, now, progress);
    sink.mapping = request.mapping.clone();
    let sheet = request.sheet.as_deref();
    let read = |visitor: &mut dyn RowVisitor| source.read(sheet, visitor);
    tx.suspend_cost_line_trigger()?;
    let (facts, reading) = if options.mapped {
        // A mapped sheet's rows are typed by the sink itself, one by one, in this thread.
        let mut interpreter = Interpreter::new(options, &mut sink);
        let facts = read(&mut interpreter);
        (facts, interpreter.finish())
    } else {
        read_alongside(options, read, &mut sink)
    };
    tx.resume_cost_line_trigger(batch)?;
    let facts = facts.map_err(|e| file_unusable(e.to_string()))?;
    if let Some(error) = sink.failure.take() {
        return Err(error);
    }
    let sheet = reading.layout.as_ref().and_then(|l| l.part.clone()).filter(|_| !facts.sheets.is_empty());
    let mut report = ImportReport {
        file: file_name.clone(),
        parts: facts.parts.clone(),
        read_as: facts.description.clone(),
        sheets: facts.sheets.clone(),
        sheet: sheet.clone(),
        format: None,
        format_name: None,
        version: None,
        kind: None,
        header_row: None,
        headers: Vec::new(),
        problem: reading.fatal.clone(),
        committed: false,
        batch_id: None,
        rows_read: reading.rows_read,
        rows_imported: 0,
        rows_skipped: reading.skipped.values().sum(),
        rows_unchanged: 0,
        rows_replaced: 0,
        skipped: reading
            .skipped
            .iter()
            .map(|(reason, count)| SkipReason { reason: reason.clone(), count: *count })
            .collect(),
        issues: reading.issues.iter().map(issue_to_api).collect(),
        issue_count: reading.issue_count,
        totals: money(&reading.totals),
        unattributed: money(&sink.unattributed),
        observations: Vec::new(),
        vendor: (!sink.vendor_names.is_empty()).then(|| sink.vendor_names.join(", ")),
        vendor_created: sink.vendor_created,
        control_total: reading.control_total.clone(),
        preview: std::mem::take(&mut sink.preview),
        warnings: Vec::new(),
        cancelled: reading.cancelled,
        suggestion: None,
        target: None,
        mapping_name: None,
        records_created: 0,
        records_updated: 0,
    };
    if reading.at_excel_row_limit {
        report.warnings.push(
            "the sheet has exactly Excel's 1,048,576 rows: the export was probably cut off when it was saved in Excel; \
             import the original CSV instead"
                .into(),
        );
    }
    if reading.cancelled {
        return Err(api_to_store(ApiError::new(
            ErrorCode::Conflict,
            format!("import of {file_name} cancelled; nothing was written"),
        )));
    }
    let Some(layout) = reading.layout.as_ref() else {
        if let Some((row, headers)) = &reading.unrecognised_headers {
            report.header_row = Some(*row);
            report.headers = headers.clone();
        }
        if let Some(mapping) = &request.mapping {
            return finish_mapped(
                tx,
                request,
                mapping,
                batch,
                report,
                &reading,
                &sink,
                &facts.sha256,
                facts.size,
                commit,
                now,
            );
        }
        tx.discard_batch(batch)?;
        if report.problem.is_some() {
            return Ok(report);
        }
        let Some((_, headers)) = &reading.unrecognised_headers else {
            report.problem =
                Some("no header row was found in the first 30 rows; check that this is the right file or sheet".into());
            return Ok(report);
        };
        // A saved mapping applies by itself, unless the user asked to map the sheet afresh.
        if request.preset.is_none()
            && request.target.is_none()
            && let Some((name, json)) = tx.saved_mapping_for(&header_signature(headers))?
            && let Ok(mapping) = serde_json::from_str::<ColumnMapping>(&json)
        {
            let again = ImportRequest { mapping: Some(mapping), ..request.clone() };
            drop(sink);
            let mut report = run_import(tx, &again, source, commit, actor, now, progress)?;
            report.mapping_name = Some(name);
            return Ok(report);
        }
        let suggestion = suggest(headers, &reading.sample_rows, request.target);
        report.problem = Some(format!(
            "this layout is not a known export; it looks like {}: check the suggested columns and import it as such, \
             or choose a preset",
            suggestion.mapping.target.label()
        ));
        report.target = Some(suggestion.mapping.target);
        report.suggestion = Some(suggestion);
        return Ok(report);
    };
    report.format = Some(layout.preset.id.clone());
    report.format_name = Some(layout.preset.name.clone());
    report.version = Some(layout.version.clone());
    report.kind = Some(format!("{:?}", layout.preset.kind).to_lowercase());
    // JSON records name their fields in each record: their header is made up, numbered 0.
    report.header_row = (layout.header_row > 0).then_some(layout.header_row);
    report.headers = layout.headers.clone();
    if let Some(problem) = &report.problem {
        // Lines of earlier parts may be stored already; the transaction is rolled back whole.
        return Err(file_unusable(format!("{file_name}: {problem}")));
    }

    let replaced_by_scope = retire_unseen(tx, &sink, batch, &reading, source.part_name(), &mut report.warnings)?;
    let keep = reading.issue_count > 0;
    let overlaps = retire_overlaps(tx, &sink, batch, layout.preset, keep)?;
    report.warnings.extend(overlaps.iter().map(|o| o.warning(layout.preset, keep)));
    let replaced_by_overlap = if keep { 0 } else { overlaps.iter().map(|o| o.lines).sum() };
    let observations = sink.store_observations(&reading)?;
    report.observations = observations;
    report.rows_replaced = sink.changed + replaced_by_scope + replaced_by_overlap;
    let (changed_anything, imported, unchanged) = if reading.observations.is_empty() {
        let replaced = replaced_by_scope + replaced_by_overlap;
        (sink.new + sink.changed + replaced > 0, sink.new + sink.changed, sink.unchanged)
    } else {
        let stored = sink.observations_written > 0;
        (stored, if stored { reading.rows_emitted } else { 0 }, if stored { 0 } else { reading.rows_emitted })
    };
    report.rows_imported = imported;
    report.rows_unchanged = unchanged;
    if !changed_anything {
        tx.discard_batch(batch)?;
        if reading.rows_emitted > 0 {
            report.warnings.push("nothing changed: every row is already in the portfolio".into());
        }
        return Ok(report);
    }
    let issues_json = serde_json::to_string(&report.issues).unwrap_or_else(|_| "[]".into());
    let totals_json = serde_json::to_string(&report.totals).unwrap_or_else(|_| "[]".into());
    tx.finish_batch(
        batch,
        &BatchFinish {
            format: &layout.preset.id,
            preset: Some(&layout.preset.id),
            version: &layout.version,
            read_as: &facts.description,
            sheet: sheet.as_deref(),
            header_row: report.header_row,
            rows_read: report.rows_read,
            rows_imported: report.rows_imported,
            rows_skipped: report.rows_skipped,
            rows_unchanged: report.rows_unchanged,
            rows_replaced: report.rows_replaced,
            issue_count: report.issue_count,
            issues_json: &issues_json,
            totals_json: &totals_json,
            control_total: report.control_total.as_deref(),
            sha256: &facts.sha256,
            size: facts.size,
        },
    )?;
    tx.append_audit(
        now,
        AuditChange {
            actor,
            entity_type: "import_batch",
            entity_id: batch,
            action: "import",
            field: None,
            old_value: None,
            new_value: Some(format!("{file_name}: {} rows imported", report.rows_imported)),
        },
    )?;
    report.batch_id = Some(batch);
    report.committed = commit;
    Ok(report)
}

/// What a cost line is tied to besides its amount.
struct CostLinks {
    vendor_id: i64,
    system_id: Option<i64>,
    initiative_id: Option<i64>,
    department: String,
    category: String,
}

struct ScopeSeen {
    had_lines: bool,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    /// The provider and basis the scope was written for, to read its account back.
    provider: String,
    basis: String,
}

/// Stores what the interpreter hands over, inside the import's transaction.
struct StoreSink<'t, 'p> {
    tx: &'t Tx<'t>,
    batch: i64,
    file: String,
    actor: String,
    now: String,
    progress: &'p mut dyn FnMut(ImportProgress) -> bool,
    preset: Option<&'static Preset>,
    /// The vendor of a usage or activity file (observations are about it).
    vendor_id: Option<i64>,
    /// Vendors of the lines by provider name (lower case), and their names in first-use order.
    vendors: HashMap<String, i64>,
    vendor_names: Vec<String>,
    vendor_created: bool,
    rules: Vec<(String, String, i64)>,
    system_names: BTreeMap<i64, String>,
    /// Every scope the file covers: whether earlier imports had lines in it, and the first and
    /// last day its lines cover (a line's whole period, so a monthly line covers its month).
    scopes: HashMap<String, ScopeSeen>,
    new: u64,
    changed: u64,
    unchanged: u64,
    observations_written: u64,
    unattributed: BTreeMap<(String, String), Decimal>,
    /// Money of the lines a user-mapped cost sheet brought, per currency and basis.
    mapped_totals: BTreeMap<(String, String), Decimal>,
    preview: Vec<PreviewLine>,
    failure: Option<StoreError>,
    /// How a user-mapped sheet is read, and what it did to records and KPI values.
    mapping: Option<ColumnMapping>,
    records_created: u64,
    records_updated: u64,
    records_unchanged: u64,
    vendors_created: Vec<String>,
    /// Budgets this file matched or created: a second row for the same scope and
    /// period is refused, since undo could not tell which of the two to put back.
    budgets_seen: HashSet<i64>,
    /// Value assumptions this file matched or created, for the same reason.
    assumptions_seen: HashSet<i64>,
    /// Governance records (entity, id) this file matched or created, for the same reason.
    governance_seen: HashSet<(&'static str, i64)>,
    /// Initiatives a stage gate log wrote decisions for.
    stage_initiatives: BTreeSet<i64>,
}

impl<'t, 'p> StoreSink<'t, 'p> {
    fn new(
        tx: &'t Tx<'t>,
        batch: i64,
        file: &str,
        actor: &str,
        now: &str,
        progress: &'p mut dyn FnMut(ImportProgress) -> bool,
    ) -> Self {
        StoreSink {
            tx,
            batch,
            file: file.to_owned(),
            actor: actor.to_owned(),
            now: now.to_owned(),
            progress,
            preset: None,
            vendor_id: None,
            vendors: HashMap::new(),
            vendor_names: Vec::new(),
            vendor_created: false,
            rules: Vec::new(),
            system_names: BTreeMap::new(),
            scopes: HashMap::new(),
            new: 0,
            changed: 0,
            unchanged: 0,
            observations_written: 0,
            unattributed: BTreeMap::new(),
            mapped_totals: BTreeMap::new(),
            preview: Vec::new(),
            failure: None,
            mapping: None,
            records_created: 0,
            records_updated: 0,
            records_unchanged: 0,
            vendors_created: Vec::new(),
            budgets_seen: HashSet::new(),
            assumptions_seen: HashSet::new(),
            governance_seen: HashSet::new(),
            stage_initiatives: BTreeSet::new(),
        }
    }

    fn try_start(&mut self, preset: &'static Preset) -> Result<(), StoreError> {
        self.preset = Some(preset);
        // A file whose rows name their own provider links vendors as its lines come, so a
        // multi-cloud FOCUS file does not also create the preset's generic vendor.
        if preset.provider_column.is_empty() {
            self.vendor_id = Some(self.vendor_of_provider(&preset.provider)?);
        }
        self.rules = self.tx.attribution_rules(&preset.id)?;
        Ok(())
    }

    /// The vendor a provider name stands for: found by name (any case), or created with the
    /// preset's vendor type (undone with the batch).
    fn vendor_of_provider(&mut self, provider: &str) -> Result<i64, StoreError> {
        let folded = provider.to_lowercase();
        if let Some(id) = self.vendors.get(&folded) {
            return Ok(*id);
        }
        let id = match self.tx.vendor_named(provider)? {
            Some(id) => id,
            None => {
                let draft = VendorDraft {
                    name: provider.to_owned(),
                    vendor_type: self.preset.and_then(|p| VendorType::parse(&p.vendor_type)),
                    notes: format!("Created by importing {}.", self.file),
                    ..VendorDraft::default()
                };
                self.vendor_created = true;
                let id = insert_audited::<Vendor>(self.tx, &draft, &self.actor, &self.now)?;
                self.tx.add_record_change(self.batch, "vendor", id, None)?;
                id
            }
        };
        self.vendors.insert(folded, id);
        self.vendor_names.push(provider.to_owned());
        Ok(id)
    }

    /// The AI system an attribution rule links these attributes to (first matching rule wins).
    fn attribute(&self, attributes: &BTreeMap<String, String>) -> Option<i64> {
        self.rules.iter().find_map(|(field, value, system)| {
            let hit = if field == "*" {
                true
            } else {
                attributes.iter().any(|(name, v)| name.eq_ignore_ascii_case(field) && v.eq_ignore_ascii_case(value))
            };
            hit.then_some(*system)
        })
    }

    fn try_cost(&mut self, record: &CostRecord, texts: &CostTexts) -> Result<(), StoreError> {
        let vendor_id = self.vendor_of_provider(&record.provider)?;
        let system_id = self.attribute(&record.attributes);
        self.store_cost_with(
            record,
            CostLinks { vendor_id, system_id, initiative_id: None, department: String::new(), category: String::new() },
            texts,
        )
    }

    /// Stores one cost line with what it is tied to: new, unchanged, or replacing the line of the
    /// same key; repeated rows of one file are kept apart (`#1`, `#2`).
    fn store_cost(&mut self, record: CostRecord, links: CostLinks) -> Result<(), StoreError> {
        let texts = CostTexts::of(&record);
        self.store_cost_with(&record, links, &texts)
    }

    /// [`StoreSink::store_cost`] with the line's texts made already (on the reading thread),
    /// borrowing both: the reading thread frees what it allocated (`read_alongside`).
    fn store_cost_with(&mut self, record: &CostRecord, links: CostLinks, texts: &CostTexts) -> Result<(), StoreError> {
        let CostLinks { vendor_id, system_id, initiative_id, department, category } = links;
        let CostTexts { period_start: start, period_end: end, amount: amount_exact, quantity, attributes_json } = texts;
        let base = KeyedCostLine {
            period_start: start,
            period_end: end,
            amount_exact,
            amount_micros: record.amount_micros,
            currency: &record.currency,
            basis: &record.basis,
            quantity: quantity.as_deref(),
            unit: &record.unit,
            vendor_id: Some(vendor_id),
            system_id,
            initiative_id,
            department: &department,
            category: &category,
            description: &record.description,
            scope: &record.scope,
            key: "",
            attributes_json,
        };
        let restated = match self.scopes.get_mut(&record.scope) {
            Some(seen) => {
                seen.from = seen.from.min(record.period_start);
                seen.to = seen.to.max(record.period_end);
                seen.had_lines
            }
            None => {
                let had_lines = self.tx.scope_has_lines(&record.scope, self.batch)?;
                // Through the end of the line's period: a monthly line covers the month's days,
                // so it retires the daily lines of that month an earlier export held.
                let seen = ScopeSeen {
                    had_lines,
                    from: record.period_start,
                    to: record.period_end,
                    provider: record.provider.clone(),
                    basis: record.basis.clone(),
                };
                self.scopes.insert(record.scope.clone(), seen);
                had_lines
            }
        };
        let from =
            Provenance { batch_id: self.batch, file: &self.file, sheet: record.part.as_deref(), row: record.row };
        // The n-th row of the file with the same natural key is "#n": repeated rows are kept.
        let mut status = "new";
        for occurrence in 1u32.. {
            let key = format!("{}#{occurrence}", record.key);
            let line = KeyedCostLine { key: &key, ..base };
            if !restated {
                if self.tx.insert_keyed_cost_line(&line, &from, &self.now)? {
                    self.new += 1;
                    break;
                }
                continue;
            }
            match self.tx.existing_cost_line(&line, self.batch)? {
                Existing::ThisBatch => continue,
                Existing::Same => {
                    self.unchanged += 1;
                    status = "unchanged";
                }
                Existing::Different(old) => {
                    self.tx.mark_cost_line_replaced(old, self.batch)?;
                    self.tx.insert_keyed_cost_line(&line, &from, &self.now)?;
                    self.changed += 1;
                    status = "changed";
                }
                Existing::None => {
                    self.tx.insert_keyed_cost_line(&line, &from, &self.now)?;
                    self.new += 1;
                }
            }
            break;
        }
        if system_id.is_none() && initiative_id.is_none() {
            let total = self.unattributed.entry((record.currency.clone(), record.basis.clone())).or_default();
            *total = total.saturating_add(record.amount);
        }
        if self.preview.len() < PREVIEW_LINES {
            let system = match system_id {
                Some(id) => Some(self.system_name(id)?),
                None => None,
            };
            self.preview.push(PreviewLine {
                row: record.row,
                period_start: start.clone(),
                period_end: end.clone(),
                // The preview shows a row, not a 10 MB cell; what is stored is whole.
                description: crate::import::clip(&record.description),
                quantity: quantity.clone(),
                unit: record.unit.clone(),
                amount: amount_exact.clone(),
                currency: record.currency.clone(),
                basis: record.basis.clone(),
                status: status.into(),
                system,
            });
        }
        Ok(())
    }

    fn system_name(&mut self, id: i64) -> Result<String, StoreError> {
        if let Some(name) = self.system_names.get(&id) {
            return Ok(name.clone());
        }
        let record = self.tx.get_record(<crate::domain::System as SpecFor>::SPEC, id)?;
        let name = record.get("name").and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        self.system_names.insert(id, name.clone());
        Ok(name)
    }

    /// Stores a usage or activity file's aggregated observations, about the system an
    /// attribution rule names for this source, or else about the vendor.
    fn store_observations(&mut self, reading: &Reading) -> Result<Vec<ObservationTotal>, StoreError> {
        let (subject_type, subject_id) = match (self.attribute(&BTreeMap::new()), self.vendor_id) {
            (Some(system), _) => ("system", system),
            (None, Some(vendor)) => ("vendor", vendor),
            (None, None) => return Ok(Vec::new()),
        };
        let mut totals: BTreeMap<String, (Decimal, u32)> = BTreeMap::new();
        for obs in &reading.observations {
            let (start, end) = (obs.period_start.to_string(), obs.period_end.to_string());
            let exact = obs.value.normalize().to_string();
            let keyed = KeyedObservation {
                metric_key: &obs.metric,
                subject_type,
                subject_id,
                period_start: &start,
                period_end: &end,
                value_exact: &exact,
                value: obs.value.to_f64().unwrap_or_default(),
                scope: &obs.scope,
                key: &obs.key,
            };
            let write = match self.tx.existing_observation(&keyed, self.batch)? {
                Existing::Same | Existing::ThisBatch => false,
                Existing::Different(old) => {
                    self.tx.mark_observation_replaced(old, self.batch)?;
                    true
                }
                Existing::None => true,
            };
            if write {
                let from =
                    Provenance { batch_id: self.batch, file: &self.file, sheet: obs.part.as_deref(), row: obs.row };
                self.tx.insert_keyed_observation(&keyed, &from, &self.now)?;
                self.observations_written += 1;
            }
            let entry = totals.entry(obs.metric.clone()).or_default();
            entry.0 = entry.0.saturating_add(obs.value);
            entry.1 += 1;
        }
        Ok(totals
            .into_iter()
            .map(|(metric, (value, periods))| ObservationTotal {
                metric,
                value: value.normalize().to_string(),
                periods,
            })
            .collect())
    }
}

impl FactSink for StoreSink<'_, '_> {
    fn start(&mut self, preset: &'static Preset) -> bool {
        match self.try_start(preset) {
            Ok(()) => true,
            Err(error) => {
                self.failure = Some(error);
                false
            }
        }
    }

    fn cost(&mut self, record: CostRecord) -> bool {
        let texts = CostTexts::of(&record);
        self.cost_with_texts(&record, &texts)
    }

    fn cost_with_texts(&mut self, record: &CostRecord, texts: &CostTexts) -> bool {
        match self.try_cost(record, texts) {
            Ok(()) => true,
            Err(error) => {
                self.failure = Some(error);
                false
            }
        }
    }

    fn progress(&mut self, fraction: f32, rows: u64) -> bool {
        (self.progress)(ImportProgress { fraction, rows })
    }

    fn mapped(&mut self, headers: &[String], part: Option<&str>, row: &RawRow, style: NumberStyle) -> Mapped {
        let Some(mapping) = self.mapping.take() else { return Mapped::Stop };
        let vendors_before = self.vendors_created.len();
        let outcome = self.tx.row_begin().and_then(|()| {
            let outcome = self.try_mapped(&mapping, headers, part, row, style);
            let keep = matches!(&outcome, Ok(issues) if issues.is_empty());
            if !keep {
                self.vendors_created.truncate(vendors_before);
            }
            self.tx.row_end(keep).and(outcome)
        });
        self.mapping = Some(mapping);
        match outcome {
            Ok(issues) if issues.is_empty() => Mapped::Done,
            Ok(issues) => Mapped::Issues(issues),
            Err(error) => {
                self.failure = Some(error);
                Mapped::Stop
            }
        }
    }
}

/// Retires the live lines of each scope the file covers that the file no longer holds (a
/// restated export), and records the scopes the batch covered. A file with row issues retires
/// nothing: a restated row that failed to read must not take its earlier, good line with it.
/// Nor does one part of a multi-part export: the lines of its days that it does not hold are
/// the other parts' lines, not lines the export dropped. A first part (which may be a whole
/// delivery of one file) restates, but spares the lines later parts imported alone brought.
fn retire_unseen(
    tx: &Tx<'_>,
    sink: &StoreSink<'_, '_>,
    batch: i64,
    reading: &Reading,
    delivery: PartName,
    warnings: &mut Vec<String>,
) -> Result<u64, StoreError> {
    let mut replaced = 0;
    if delivery == PartName::OneOfSeveral {
        if !sink.scopes.is_empty() {
            warnings.push(format!(
                "'{}' looks like one part of a multi-part export: lines of the same days that it does not hold were \
                 kept. Import all parts together (select them all, or their .zip) to restate the period",
                sink.file
            ));
        }
    } else if reading.issue_count > 0 {
        if sink.scopes.values().any(|seen| seen.had_lines) {
            warnings.push(
                "rows with issues: earlier lines this file no longer holds were kept; fix the rows and import again \
                 to replace them"
                    .into(),
            );
        }
    } else {
        let mut kept: Vec<String> = Vec::new();
        for (scope, seen) in sink.scopes.iter().filter(|(_, seen)| seen.had_lines) {
            let (from, to) = (seen.from.to_string(), seen.to.to_string());
            let keep: Vec<String> = if delivery == PartName::First {
                let files = tx.unseen_files_in_scope(scope, batch, &from, &to)?;
                files.into_iter().filter(|f| part_name(f) == PartName::OneOfSeveral).collect()
            } else {
                Vec::new()
            };
            replaced += tx.replace_unseen_in_scope(scope, batch, &from, &to, &keep)?;
            kept.extend(keep);
        }
        kept.sort();
        kept.dedup();
        if !kept.is_empty() {
            warnings.push(format!(
                "'{}' looks like the first part of a multi-part export whose other parts are already imported ({}): \
                 their lines of the same days were kept. Import all parts together (select them all, or their .zip) \
                 to restate the period",
                sink.file,
                kept.join(", ")
            ));
        }
    }
    for scope in sink.scopes.keys() {
        tx.add_batch_scope(batch, scope)?;
    }
    Ok(replaced)
}

/// What a cost file found of another export layout's lines for the same money: the lines it
/// replaced (or, with row issues, kept) of one earlier import.
struct Overlap {
    batch_id: i64,
    file_name: String,
    preset: &'static Preset,
    provider: String,
    /// One of the two layouts names no account: the lines were matched by provider and days.
    any_account: bool,
    lines: u64,
    /// Exact money per currency (one basis: the scope's).
    money: BTreeMap<String, Decimal>,
}

impl Overlap {
    /// "replaced 25 lines (USD 31,124.53) of 'Northwind_EA_ActualCost_202510.csv' (import #1,
    /// Azure EA cost details) for the same account and days: …; only the newest import counts",
    /// or, with row issues, what was kept and how to replace it.
    fn warning(&self, mine: &Preset, kept: bool) -> String {
        let lines = if self.lines == 1 { "1 line".to_owned() } else { format!("{} lines", self.lines) };
        let money: Vec<String> =
            self.money.iter().map(|(currency, amount)| format!("{currency} {}", grouped_cents(*amount))).collect();
        let (file, batch, theirs) = (&self.file_name, self.batch_id, &self.preset.name);
        let what = format!("{lines} ({}) of '{file}' (import #{batch}, {theirs})", money.join(", "));
        let same = if self.any_account { "days" } else { "account and days" };
        if kept {
            let were = if self.lines == 1 { "was" } else { "were" };
            return format!(
                "rows with issues: the {what} for the same {same} {were} kept, so both files are counted; fix the \
                 rows and import again to replace them"
            );
        }
        let why = if self.any_account {
            let unnamed = if mine.billing_account_index().is_none() { &mine.name } else { theirs };
            format!(
                "the {unnamed} names no account, so it is taken to hold every {} account's money of those days",
                self.provider
            )
        } else {
            format!("the {} and the {theirs} of one account are the same money", mine.name)
        };
        format!("replaced {what} for the same {same}: {why}; only the newest import counts")
    }
}

/// Retires the live lines earlier imports of *other* export layouts hold of the money this
/// file holds (a FOCUS export and the native export of one account, a Cost Explorer download and
/// a CUR): same provider and basis, the same billing account or a layout that names none, and a
/// period start within the days this file covers in that scope. The newest import wins, as a
/// restatement does, and undoing it brings them back. Never between two files of one layout:
/// two EA exports of different subscriptions of one enrollment are different money. With row
/// issues (`keep`) nothing is retired, and what was kept is reported instead.
fn retire_overlaps(
    tx: &Tx<'_>,
    sink: &StoreSink<'_, '_>,
    batch: i64,
    preset: &'static Preset,
    keep: bool,
) -> Result<Vec<Overlap>, StoreError> {
    let mut found: BTreeMap<i64, Overlap> = BTreeMap::new();
    let mut others: HashMap<String, Vec<OtherScope>> = HashMap::new();
    for (scope, seen) in &sink.scopes {
        let Some(mine) = crate::import::scope_account(preset, &seen.provider, &seen.basis, scope) else { continue };
        let prefix = crate::import::scope_prefix(&seen.provider, &seen.basis);
        if !others.contains_key(&prefix) {
            others.insert(prefix.clone(), tx.scopes_of_other_layouts(&prefix, &preset.id, batch)?);
        }
        let (from, to) = (seen.from.to_string(), seen.to.to_string());
        for other in &others[&prefix] {
            // The same scope text is this file's own scope: its restatement already decided.
            if sink.scopes.contains_key(&other.scope) {
                continue;
            }
            let Some(layout) = crate::import::presets().iter().find(|p| p.id == other.preset) else { continue };
            let Some(theirs) = crate::import::scope_account(layout, &seen.provider, &seen.basis, &other.scope) else {
                continue;
            };
            if !mine.overlaps(theirs) {
                continue;
            }
            let lines = if keep {
                tx.overlapping_lines(other, &from, &to)?
            } else {
                tx.replace_overlapping(other, batch, &from, &to)?
            };
            if lines.is_empty() {
                continue;
            }
            let entry = found.entry(other.batch_id).or_insert_with(|| Overlap {
                batch_id: other.batch_id,
                file_name: other.file_name.clone(),
                preset: layout,
                provider: seen.provider.clone(),
                any_account: false,
                lines: 0,
                money: BTreeMap::new(),
            });
            entry.any_account |= mine == ScopeAccount::Any || theirs == ScopeAccount::Any;
            entry.lines += lines.len() as u64;
            for line in &lines {
                let total = entry.money.entry(line.currency.clone()).or_default();
                *total = total.saturating_add(exact_amount(line));
            }
        }
    }
    Ok(found.into_values().collect())
}

/// A stored line's exact amount: its decimal text, or its micro-units for a line stored without.
fn exact_amount(line: &LiveAmount) -> Decimal {
    line.exact.as_deref().and_then(|text| text.parse::<Decimal>().ok()).unwrap_or_else(|| Decimal::new(line.micros, 6))
}

/// 31124.527 → "31,124.53", for sentences (the totals beside them stay exact), as the
/// dashboard's notes write money.
fn grouped_cents(amount: Decimal) -> String {
    crate::import::micros(amount).map_or_else(|| amount.round_dp(2).to_string(), super::analytics::grouped)
}

fn money(totals: &BTreeMap<(String, String), Decimal>) -> Vec<MoneyTotal> {
    totals
        .iter()
        .map(|((currency, basis), amount)| MoneyTotal {
            currency: currency.clone(),
            basis: basis.clone(),
            amount: amount.normalize().to_string(),
        })
        .collect()
}

fn issue_to_api(issue: &RowIssue) -> ImportIssue {
    ImportIssue {
        part: issue.part.clone(),
        row: issue.row,
        column: issue.column.clone(),
        value: issue.value.clone(),
        message: issue.message.clone(),
    }
}

fn batch_to_api(b: crate::store::BatchRecord) -> ImportBatch {
    let format_name =
        b.preset.as_deref().and_then(|id| crate::import::presets().iter().find(|p| p.id == id)).map(|p| p.name.clone());
    ImportBatch {
        id: b.id,
        file_name: b.file_name,
        sheet: b.sheet,
        format: b.format,
        format_name,
        version: b.version,
        read_as: b.read_as,
        header_row: b.header_row,
        rows_read: b.rows_read,
        rows_imported: b.rows_imported,
        rows_skipped: b.rows_skipped,
        rows_unchanged: b.rows_unchanged,
        rows_replaced: b.rows_replaced,
        issue_count: b.issue_count,
        issues: serde_json::from_str::<Vec<ImportIssue>>(&b.issues_json).unwrap_or_default(),
        totals: serde_json::from_str(&b.totals_json).unwrap_or_default(),
        control_total: b.control_total,
        imported_at: b.imported_at,
        imported_by: b.imported_by,
        undone_at: b.undone_at,
        live_cost_lines: b.live_cost_lines,
        live_observations: b.live_observations,
    }
}

/// Identifies a saved attribution rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "number")]
pub struct AttributionRuleId(pub i64);

/// "Azure resource group rg-support-bot → Support chatbot": links lines of one source (a preset
/// id, or `*` for every source) whose `field` equals `match_value` to an AI system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttributionRuleDraft {
    pub source: String,
    /// An attribution column of the source (e.g. `ResourceGroup`, `project_name`), or `*` for
    /// every line of the source.
    pub field: String,
    pub match_value: String,
    pub system_id: crate::domain::SystemId,
}

/// What saving, moving or deleting a rule did to the stored lines once the rules were applied
/// again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AttributionApplied {
    pub rule_id: AttributionRuleId,
    /// Stored, live lines the rule attributes now (0 once deleted).
    #[ts(type = "number")]
    pub lines: u64,
    /// Live lines that had an AI system before the change and have none now.
    #[ts(type = "number")]
    pub released: u64,
    /// Live lines whose AI system the change altered (to another one, to none, or from none).
    #[ts(type = "number")]
    pub changed: u64,
}

/// A saved rule as the Attribution rules screen lists it, in priority order: when several rules
/// match a line, the first one wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AttributionRule {
    pub id: AttributionRuleId,
    /// 1 for the rule tried first.
    pub priority: u32,
    pub source: String,
    /// The export layout's name, or "Every source".
    pub source_label: String,
    pub field: String,
    pub match_value: String,
    pub system_id: crate::domain::SystemId,
    pub system_name: String,
    /// The AI system was deleted: the rule is kept but attributes nothing until it is restored.
    pub system_deleted: bool,
    /// Live imported lines this rule attributes today.
    #[ts(type = "number")]
    pub lines: u64,
    /// Their money per currency and basis (never added across either).
    pub spend: Vec<MoneyTotal>,
}

/// An export layout rules can be written for, with the columns they may match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AttributionSource {
    /// The preset id rules store as their source.
    pub id: String,
    pub name: String,
    pub provider: String,
    pub fields: Vec<String>,
}

/// A value of an attribution column that stored lines carry while no rule attributes them, e.g.
/// `ResourceGroup` = `rg-support-bot` on 12 lines worth 12,340.00 EUR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UnattributedValue {
    pub source: String,
    pub field: String,
    pub value: String,
    #[ts(type = "number")]
    pub lines: u64,
    /// Per currency and basis, largest first.
    pub spend: Vec<MoneyTotal>,
}

/// How many values of one source's column [`App::attribution_unattributed_values`] lists at most,
/// largest spend first: a picker, not a report (any other value can still be typed).
pub const UNATTRIBUTED_VALUES_PER_FIELD: usize = 200;

/// The cost layouts with attribution columns, by name: what a rule's source can be.
pub fn attribution_sources() -> Vec<AttributionSource> {
    let mut sources: Vec<AttributionSource> = crate::import::presets()
        .iter()
        .filter(|p| p.kind == crate::import::PresetKind::Cost && !p.attribution.is_empty())
        .map(|p| AttributionSource {
            id: p.id.clone(),
            name: p.name.clone(),
            provider: p.provider.clone(),
            fields: p.attribution.clone(),
        })
        .collect();
    sources.sort_by(|a, b| a.name.cmp(&b.name));
    sources
}

fn source_label(source: &str) -> String {
    if source == "*" {
        return "Every source".into();
    }
    crate::import::presets().iter().find(|p| p.id == source).map_or_else(|| source.to_owned(), |p| p.name.clone())
}

/// "azure-ea-cost ResourceGroup = rg-support-bot → Support chatbot", for the audit trail.
fn rule_text(source: &str, field: &str, value: &str, system: &str) -> String {
    if field == "*" {
        format!("{source} every line → {system}")
    } else {
        format!("{source} {field} = {value} → {system}")
    }
}

/// Lines and the (currency, basis, micro-units) groups of their money, gathered before summing.
type Gathered = (u64, Vec<(String, String, i64)>);

/// Micro-unit sums per currency and basis as exact decimal text, largest first.
fn spend_of(groups: impl IntoIterator<Item = (String, String, i64)>) -> Vec<MoneyTotal> {
    let mut sums: BTreeMap<(String, String), i64> = BTreeMap::new();
    for (currency, basis, micros) in groups {
        *sums.entry((currency, basis)).or_default() += micros;
    }
    let mut spend: Vec<(i64, MoneyTotal)> = sums
        .into_iter()
        .map(|((currency, basis), micros)| {
            (micros, MoneyTotal { currency, basis, amount: Decimal::new(micros, 6).normalize().to_string() })
        })
        .collect();
    spend.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| (&a.1.currency, &a.1.basis).cmp(&(&b.1.currency, &b.1.basis))));
    spend.into_iter().map(|(_, total)| total).collect()
}

impl App {
    /// Checks a rule before it is saved: a known source, a column that source has (or `*`), a
    /// value unless the rule takes every line, and a live AI system. Returns the system's name.
    fn check_rule(&self, draft: &AttributionRuleDraft) -> ApiResult<String> {
        let mut check = crate::domain::Validation::default();
        let preset = crate::import::presets().iter().find(|p| p.id == draft.source);
        if draft.source != "*" && preset.is_none() {
            check.error("source", "choose a known export format, or every source");
        }
        check.required("field", "Field", &draft.field);
        let field = draft.field.trim();
        if let Some(preset) = preset
            && !field.is_empty()
            && field != "*"
            && !preset.attribution.iter().any(|f| f.eq_ignore_ascii_case(field))
        {
            check.error("field", format!("{} has no column {field} to match; choose one of the list", preset.name));
        }
        if field != "*" {
            check.required("match_value", "Value", &draft.match_value);
        }
        let system = match self.system_get(draft.system_id) {
            Ok(system) => Some(system),
            Err(e) if e.code == ErrorCode::NotFound => {
                check.error("system_id", "choose an AI system of the inventory");
                None
            }
            Err(e) => return Err(e),
        };
        check.finish().map_err(ApiError::validation)?;
        Ok(system.map(|s| s.fields.name).unwrap_or_default())
    }

    /// Saves an attribution rule after the existing ones and re-applies the rules to what is
    /// already imported, in the same transaction as its audit event. Errors: `validation` (per
    /// field), `read_only`.
    pub fn attribution_rule_add(&mut self, draft: &AttributionRuleDraft) -> ApiResult<AttributionApplied> {
        let system_name = self.check_rule(draft)?;
        let (actor, now) = (self.actor.clone(), now_text());
        let (field, value) =
            (draft.field.trim(), if draft.field.trim() == "*" { "" } else { draft.match_value.trim() });
        self.store
            .write(|tx| {
                let (rule_id, applied) =
                    tx.add_attribution_rule(&draft.source, field, value, draft.system_id.0, &now)?;
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "attribution_rule",
                        entity_id: rule_id,
                        action: "create",
                        field: None,
                        old_value: None,
                        new_value: Some(rule_text(&draft.source, field, value, &system_name)),
                    },
                )?;
                Ok(AttributionApplied {
                    rule_id: AttributionRuleId(rule_id),
                    lines: applied.lines,
                    released: applied.released,
                    changed: applied.changed,
                })
            })
            .map_err(store_to_api)
    }

    /// Changes a rule (it keeps its place in the order) and re-applies the rules to the lines its
    /// old or new definition matches: lines it no longer matches go to the next rule that
    /// matches them, or back to unattributed. One audit event per changed part, in the same
    /// transaction. Errors: `not_found`, `validation`, `read_only`.
    pub fn attribution_rule_update(
        &mut self,
        id: AttributionRuleId,
        draft: &AttributionRuleDraft,
    ) -> ApiResult<AttributionApplied> {
        let system_name = self.check_rule(draft)?;
        let (actor, now) = (self.actor.clone(), now_text());
        let (field, value) =
            (draft.field.trim(), if draft.field.trim() == "*" { "" } else { draft.match_value.trim() });
        self.store
            .write(|tx| {
                let Some((before, applied)) =
                    tx.update_attribution_rule(id.0, &draft.source, field, value, draft.system_id.0)?
                else {
                    return Err(StoreError::NotFound { entity: "attribution rule", id: id.0 });
                };
                let changes = [
                    ("source", before.source.clone(), draft.source.clone()),
                    ("field", before.field.clone(), field.to_owned()),
                    ("match_value", before.value.clone(), value.to_owned()),
                    ("system", before.system_name.clone(), system_name.clone()),
                ];
                let system_changed = before.system_id != draft.system_id.0;
                for (name, old, new) in changes {
                    if old == new && !(name == "system" && system_changed) {
                        continue;
                    }
                    tx.append_audit(
                        &now,
                        AuditChange {
                            actor: &actor,
                            entity_type: "attribution_rule",
                            entity_id: id.0,
                            action: "update",
                            field: Some(name),
                            old_value: Some(old),
                            new_value: Some(new),
                        },
                    )?;
                }
                Ok(AttributionApplied {
                    rule_id: id,
                    lines: applied.lines,
                    released: applied.released,
                    changed: applied.changed,
                })
            })
            .map_err(store_to_api)
    }

    /// Moves a rule to `to_priority` in the order rules are tried (1 is tried first; 0 counts as
    /// 1, and a number past the last rule means last) and numbers the rules 1, 2, … again. The
    /// rules are re-applied to the lines the rule matches: moved up, it takes from the rules it
    /// passed the lines both match; moved down, it gives those lines to them. One audit event
    /// (old and new priority) in the same transaction; a move to where the rule already is
    /// records nothing. Like the other rule changes it has no undo: moving the rule back
    /// restores exactly what the rules attributed before. Errors: `not_found`, `read_only`.
    pub fn attribution_rule_move(&mut self, id: AttributionRuleId, to_priority: u32) -> ApiResult<AttributionApplied> {
        let (actor, now) = (self.actor.clone(), now_text());
        let to = usize::try_from(to_priority.saturating_sub(1)).unwrap_or(usize::MAX);
        self.store
            .write(|tx| {
                let Some(moved) = tx.move_attribution_rule(id.0, to)? else {
                    return Err(StoreError::NotFound { entity: "attribution rule", id: id.0 });
                };
                if moved.from != moved.to {
                    tx.append_audit(
                        &now,
                        AuditChange {
                            actor: &actor,
                            entity_type: "attribution_rule",
                            entity_id: id.0,
                            action: "update",
                            field: Some("priority"),
                            old_value: Some((moved.from + 1).to_string()),
                            new_value: Some((moved.to + 1).to_string()),
                        },
                    )?;
                }
                let applied = moved.reapplied;
                Ok(AttributionApplied {
                    rule_id: id,
                    lines: applied.lines,
                    released: applied.released,
                    changed: applied.changed,
                })
            })
            .map_err(store_to_api)
    }

    /// Deletes a rule and re-applies the others to the lines it matched, with its audit event in
    /// the same transaction. Errors: `not_found`, `read_only`.
    pub fn attribution_rule_delete(&mut self, id: AttributionRuleId) -> ApiResult<AttributionApplied> {
        let (actor, now) = (self.actor.clone(), now_text());
        self.store
            .write(|tx| {
                let Some((before, applied)) = tx.delete_attribution_rule(id.0)? else {
                    return Err(StoreError::NotFound { entity: "attribution rule", id: id.0 });
                };
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "attribution_rule",
                        entity_id: id.0,
                        action: "delete",
                        field: None,
                        old_value: Some(rule_text(&before.source, &before.field, &before.value, &before.system_name)),
                        new_value: None,
                    },
                )?;
                Ok(AttributionApplied { rule_id: id, lines: 0, released: applied.released, changed: applied.changed })
            })
            .map_err(store_to_api)
    }

    /// Every saved rule in priority order, with its AI system, its source's name, and the live
    /// lines and money it attributes today.
    pub fn attribution_rules(&self) -> ApiResult<Vec<AttributionRule>> {
        let reader = self.store.read();
        let mut attributed: BTreeMap<i64, Gathered> = BTreeMap::new();
        for (rule, spend) in reader.attributed_by_rule()? {
            let entry = attributed.entry(rule).or_default();
            entry.0 += spend.lines;
            entry.1.push((spend.currency, spend.basis, spend.micros));
        }
        Ok(reader
            .attribution_rule_list()?
            .into_iter()
            .enumerate()
            .map(|(i, rule)| {
                let (lines, spend) = attributed.remove(&rule.id).unwrap_or_default();
                AttributionRule {
                    id: AttributionRuleId(rule.id),
                    priority: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    source_label: source_label(&rule.source),
                    source: rule.source,
                    field: rule.field,
                    match_value: rule.value,
                    system_id: crate::domain::SystemId(rule.system_id),
                    system_name: rule.system_name,
                    system_deleted: rule.system_deleted,
                    lines,
                    spend: spend_of(spend),
                }
            })
            .collect())
    }

    /// The values of attribution columns that live imported lines no rule attributes carry, per
    /// source and column, largest spend first (at most [`UNATTRIBUTED_VALUES_PER_FIELD`] per
    /// column), so a rule can be picked rather than typed.
    pub fn attribution_unattributed_values(&self) -> ApiResult<Vec<UnattributedValue>> {
        let mut grouped: BTreeMap<(String, String, String), Gathered> = BTreeMap::new();
        for group in self.store.read().unattributed_values()? {
            let entry = grouped.entry((group.source, group.field, group.value)).or_default();
            entry.0 += group.spend.lines;
            entry.1.push((group.spend.currency, group.spend.basis, group.spend.micros));
        }
        let mut values: Vec<(i64, UnattributedValue)> = grouped
            .into_iter()
            .map(|((source, field, value), (lines, spend))| {
                let largest = spend.iter().map(|s| s.2).max().unwrap_or_default();
                (largest, UnattributedValue { source, field, value, lines, spend: spend_of(spend) })
            })
            .collect();
        values.sort_by(|a, b| {
            (&a.1.source, &a.1.field)
                .cmp(&(&b.1.source, &b.1.field))
                .then_with(|| b.0.cmp(&a.0))
                .then_with(|| a.1.value.cmp(&b.1.value))
        });
        let mut kept: Vec<UnattributedValue> = Vec::with_capacity(values.len());
        let mut in_field = 0;
        for (_, value) in values {
            let same_field = kept.last().is_some_and(|last| last.source == value.source && last.field == value.field);
            in_field = if same_field { in_field + 1 } else { 1 };
            if in_field <= UNATTRIBUTED_VALUES_PER_FIELD {
                kept.push(value);
            }
        }
        Ok(kept)
    }

    /// Live imported and entered money per currency and basis, summed exactly.
    pub fn cost_totals(&self) -> ApiResult<Vec<MoneyTotal>> {
        let mut totals: BTreeMap<(String, String), Decimal> = BTreeMap::new();
        for line in self.store.read().live_cost_amounts()? {
            let amount = exact_amount(&line);
            let total = totals.entry((line.currency, line.basis)).or_default();
            *total = total.saturating_add(amount);
        }
        Ok(money(&totals))
    }
}

/// A known export layout, for the wizard's "Read as" choice and the CLI's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PresetInfo {
    pub id: String,
    pub name: String,
    pub provider: String,
    /// `cost`, `usage` or `activity`.
    pub kind: String,
    pub versions: Vec<String>,
}

/// Every preset Steward was built with (`assets/presets/`), by name.
pub fn import_presets() -> Vec<PresetInfo> {
    let mut presets: Vec<PresetInfo> = crate::import::presets()
        .iter()
        .map(|p| PresetInfo {
            id: p.id.clone(),
            name: p.name.clone(),
            provider: p.provider.clone(),
            kind: format!("{:?}", p.kind).to_lowercase(),
            versions: p.versions.iter().map(|v| v.name.clone()).collect(),
        })
        .collect();
    presets.sort_by(|a, b| a.name.cmp(&b.name));
    presets
}

/// Identifies a sheet layout by its header names, whatever their order or spelling details.
fn header_signature(headers: &[String]) -> String {
    let mut names: Vec<String> = headers.iter().map(|h| normalise_header(h)).filter(|h| !h.is_empty()).collect();
    names.sort();
    names.join("\u{1f}")
}

/// Ends a user-mapped import: counts, the batch (or nothing, when nothing changed), the saved mapping.
#[allow(clippy::too_many_arguments)]
fn finish_mapped(
    tx: &Tx<'_>,
    request: &ImportRequest,
    mapping: &ColumnMapping,
    batch: i64,
    mut report: ImportReport,
    reading: &Reading,
    sink: &StoreSink<'_, '_>,
    sha256: &str,
    size: u64,
    commit: bool,
    now: &str,
) -> Result<ImportReport, StoreError> {
    report.target = Some(mapping.target);
    report.records_created = sink.records_created;
    report.records_updated = sink.records_updated;
    report.rows_imported = sink.records_created + sink.records_updated;
    report.rows_unchanged = sink.records_unchanged;
    if mapping.target == MappingTarget::CostLines {
        // Cost lines are counted as lines: new, changed (replacing their earlier line), unchanged.
        report.records_created = sink.new;
        report.records_updated = sink.changed;
        report.rows_imported = sink.new + sink.changed;
        report.rows_unchanged = sink.unchanged;
        report.rows_replaced = sink.changed;
        report.totals = money(&sink.mapped_totals);
    }
    report.vendor_created = !sink.vendors_created.is_empty();
    if !sink.vendors_created.is_empty() {
        let verb = if commit { "were" } else { "will be" };
        report.warnings.push(format!("new vendors {verb} added: {}", sink.vendors_created.join(", ")));
    }
    if report.problem.is_some() {
        tx.discard_batch(batch)?;
        return Ok(report);
    }
    let Some((_, headers)) = &reading.unrecognised_headers else {
        tx.discard_batch(batch)?;
        report.problem = Some("no header row was found in the first 30 rows".into());
        return Ok(report);
    };
    if let Some(name) = request.save_mapping_as.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        let json = serde_json::to_string(mapping).unwrap_or_default();
        tx.save_mapping(name, mapping.target.as_str(), &header_signature(headers), &json, now)?;
        report.mapping_name = Some(name.to_owned());
    }
    if mapping.target == MappingTarget::StageDecisions {
        report.warnings.extend(governance::stages_out_of_step(tx, &sink.stage_initiatives)?);
    }
    if mapping.target == MappingTarget::CostLines {
        // Finance's own tracker is not delivered in parts: a sheet restates what it covers.
        report.rows_replaced += retire_unseen(tx, sink, batch, reading, PartName::Whole, &mut report.warnings)?;
    }
    if report.rows_imported == 0 && report.rows_replaced == 0 {
        tx.discard_batch(batch)?;
        if reading.rows_emitted > 0 {
            report.warnings.push("nothing changed: every row is already in the portfolio".into());
        }
        return Ok(report);
    }
    let issues_json = serde_json::to_string(&report.issues).unwrap_or_else(|_| "[]".into());
    let totals_json = serde_json::to_string(&report.totals).unwrap_or_else(|_| "[]".into());
    let format = format!("mapped:{}", mapping.target.as_str());
    tx.finish_batch(
        batch,
        &BatchFinish {
            format: &format,
            preset: None,
            version: report.mapping_name.as_deref().unwrap_or(""),
            read_as: &report.read_as,
            sheet: report.sheet.as_deref(),
            header_row: report.header_row,
            rows_read: report.rows_read,
            rows_imported: report.rows_imported,
            rows_skipped: report.rows_skipped,
            rows_unchanged: report.rows_unchanged,
            rows_replaced: report.rows_replaced,
            issue_count: report.issue_count,
            issues_json: &issues_json,
            totals_json: &totals_json,
            control_total: None,
            sha256,
            size,
        },
    )?;
    report.batch_id = Some(batch);
    report.committed = commit;
    Ok(report)
}

impl StoreSink<'_, '_> {
    /// Types, resolves, validates and stores one user-mapped row; row problems come back as issues.
    fn try_mapped(
        &mut self,
        mapping: &ColumnMapping,
        headers: &[String],
        part: Option<&str>,
        row: &RawRow,
        style: NumberStyle,
    ) -> Result<Vec<RowIssue>, StoreError> {
        let typed = type_row(mapping, headers, row, style);
        let header_of = |field: &str| {
            mapping
                .fields
                .iter()
                .find(|m| m.field == field)
                .and_then(|m| m.column.clone())
                .unwrap_or_else(|| field.to_owned())
        };
        let issue = |column: String, value: String, message: String| RowIssue {
            part: part.map(str::to_owned),
            row: row.number,
            column,
            value,
            message,
        };
        let mut issues: Vec<RowIssue> = typed
            .problems
            .iter()
            .map(|(_, header, value, message)| issue(header.clone(), value.clone(), message.clone()))
            .collect();
        let mut values = typed.values;
        for (field, text) in &typed.references {
            if field == "system_ids" {
                let (ids, unknown) = self.systems_named(text)?;
                values.insert(field.clone(), serde_json::Value::from(ids));
                issues.extend(unknown.into_iter().map(|name| {
                    issue(
                        header_of(field),
                        text.clone(),
                        format!("no AI system has the code or name \"{name}\"; add it first, or correct the row"),
                    )
                }));
                continue;
            }
            let (id, missing) = match field.as_str() {
                "vendor_id" => (Some(self.vendor_for(text)?), ""),
                "initiative_id" => (self.tx.initiative_by_code_or_name(text)?, "initiative"),
                _ => (self.tx.system_by_code_or_name(text)?, "AI system"),
            };
            match id {
                Some(id) => {
                    values.insert(field.clone(), serde_json::Value::from(id));
                }
                None => issues.push(issue(
                    header_of(field),
                    text.clone(),
                    format!("no {missing} has the code or name \"{text}\"; add it first, or correct the row"),
                )),
            }
        }
        if !issues.is_empty() {
            return Ok(issues);
        }
        let outcome = match mapping.target {
            MappingTarget::Systems => self.upsert::<System>("ai_systems", Some("AIS"), &["code", "name"], values),
            MappingTarget::Vendors => self.upsert::<Vendor>("vendors", None, &["name"], values),
            MappingTarget::Contracts => self.upsert::<Contract>("contracts", None, &["contract_ref", "name"], values),
            MappingTarget::Initiatives => {
                self.upsert::<Initiative>("initiatives", Some("INI"), &["code", "name"], values)
            }
            MappingTarget::Kpis => self.kpi(values, typed.period, part, row),
            MappingTarget::FxRates => self.fx_rate(&values),
            MappingTarget::CostLines => self.own_cost_line(&values, typed.period, headers, part, row),
            MappingTarget::Budgets => self.budget(&values),
            MappingTarget::ValueAssumptions => self.value_assumption(&values),
            MappingTarget::StageDecisions => self.stage_decision(&values),
            MappingTarget::Risks => self.risk(&values),
            MappingTarget::Reviews => self.review(&values),
            MappingTarget::Incidents => self.incident(&values),
        }?;
        Ok(outcome
            .into_iter()
            .map(|(field, message)| {
                let value = mapping
                    .fields
                    .iter()
                    .find(|m| m.field == field)
                    .and_then(|m| m.column.as_ref())
                    .and_then(|c| headers.iter().position(|h| h == c))
                    .and_then(|i| row.cells.get(i))
                    .map(crate::import::Cell::display)
                    .unwrap_or_default();
                issue(header_of(&field), value, message)
            })
            .collect())
    }

    /// The AI systems a cell names by code or name, separated by `;`, `|` or new lines; a part
    /// that names no system is split at commas too ("AIS-001, AIS-002"), but a name with a
    /// comma in it ("Email triage, EU") is found whole first. Returns the ids and the names of
    /// no system.
    fn systems_named(&mut self, text: &str) -> Result<(Vec<i64>, Vec<String>), StoreError> {
        let (mut ids, mut unknown) = (Vec::new(), Vec::new());
        for part in text.split([';', '|', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(id) = self.tx.system_by_code_or_name(part)? {
                ids.push(id);
                continue;
            }
            for piece in part.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match self.tx.system_by_code_or_name(piece)? {
                    Some(id) => ids.push(id),
                    None => unknown.push(piece.to_owned()),
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok((ids, unknown))
    }

    /// The vendor of that name, created (and remembered for undo) when there is none.
    fn vendor_for(&mut self, name: &str) -> Result<i64, StoreError> {
        if let Some(id) = self.tx.vendor_named(name)? {
            return Ok(id);
        }
        let draft = VendorDraft {
            name: name.trim().to_owned(),
            notes: format!("Created by importing {}.", self.file),
            ..VendorDraft::default()
        };
        let id = insert_audited::<Vendor>(self.tx, &draft, &self.actor, &self.now)?;
        self.tx.add_record_change(self.batch, "vendor", id, None)?;
        self.vendors_created.push(draft.name);
        Ok(id)
    }

    /// Creates the record, or updates the live one matched by the first of `match_by` the row
    /// has; fields the sheet does not map keep their values. Returns field problems.
    fn upsert<T: Managed>(
        &mut self,
        table: &str,
        code_prefix: Option<&str>,
        match_by: &[&str],
        values: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let key = match_by.iter().find_map(|field| {
            values.get(*field).and_then(serde_json::Value::as_str).filter(|v| !v.trim().is_empty()).map(|v| (*field, v))
        });
        let existing = match key {
            Some((field, value)) => self.tx.live_id_by(table, field, value)?,
            None => None,
        };
        let mut merged = match existing {
            Some(id) => draft_json::<T>(&self.tx.get_record(T::SPEC, id)?),
            None => serde_json::Map::new(),
        };
        let before = serde_json::Value::Object(merged.clone()).to_string();
        merged.extend(values);
        if let Some(prefix) = code_prefix
            && existing.is_none()
            && merged.get("code").and_then(serde_json::Value::as_str).is_none_or(|c| c.trim().is_empty())
        {
            merged.insert("code".into(), serde_json::Value::String(self.tx.next_code(table, prefix)?));
        }
        let draft: T::Draft = match serde_json::from_value(serde_json::Value::Object(merged)) {
            Ok(draft) => draft,
            Err(e) => return Ok(vec![(String::new(), format!("the row cannot be read as a {}: {e}", T::SPEC.entity))]),
        };
        if let Err(errors) = T::validate(&draft) {
            return Ok(errors.into_iter().map(|e| (e.field, e.message)).collect());
        }
        let (actor, now, batch) = (self.actor.clone(), self.now.clone(), self.batch);
        match existing {
            Some(id) => {
                let changed = self.tx.tentatively(|tx| {
                    let changed = update_audited::<T>(tx, id, &draft, &actor, &now)?;
                    if changed > 0 {
                        tx.add_record_change(batch, T::SPEC.entity, id, Some(&before))?;
                    }
                    Ok((changed, changed > 0))
                })?;
                if changed > 0 { self.records_updated += 1 } else { self.records_unchanged += 1 }
            }
            None => {
                let id = create_audited::<T>(self.tx, &draft, &actor, &now)?;
                self.tx.add_record_change(batch, T::SPEC.entity, id, None)?;
                self.records_created += 1;
            }
        }
        Ok(Vec::new())
    }

    /// One KPI value about an AI system for a period: seats and users go to the adoption
    /// metrics; any other KPI seen for the first time is defined.
    fn kpi(
        &mut self,
        values: serde_json::Map<String, serde_json::Value>,
        period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
        part: Option<&str>,
        row: &RawRow,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let text = |key: &str| field_text(&values, key);
        let (name, value, unit) = (text("metric"), text("value"), text("unit"));
        let system = values.get("system").and_then(serde_json::Value::as_i64);
        let mut problems = Vec::new();
        if name.is_empty() {
            problems.push(("metric".to_owned(), "the KPI name is missing".to_owned()));
        }
        if value.is_empty() {
            problems.push(("value".to_owned(), "the value is missing".to_owned()));
        }
        let (Some((start, end)), Some(system), true) = (period, system, problems.is_empty()) else {
            if period.is_none() {
                problems.push(("period".to_owned(), "the month or date is missing".to_owned()));
            }
            if system.is_none() {
                problems.push(("system".to_owned(), "the AI system is missing".to_owned()));
            }
            return Ok(problems);
        };
        // Seats and users under the names people use feed adoption; anything else is a KPI of
        // its own, defined the first time it is seen.
        let metric_key = match super::mapping::known_metric(&name) {
            Some(key) => key.to_owned(),
            None => {
                let key = format!("kpi_{}", normalise_header(&name).replace(' ', "_"));
                self.tx.ensure_metric(&key, &name, &unit)?;
                key
            }
        };
        let (start, end) = (start.to_string(), end.to_string());
        let scope = format!("kpi|{metric_key}|{system}|{start}|{end}");
        let number = value.parse::<Decimal>().ok().and_then(|d| d.to_f64()).unwrap_or_default();
        let keyed = KeyedObservation {
            metric_key: &metric_key,
            subject_type: "system",
            subject_id: system,
            period_start: &start,
            period_end: &end,
            value_exact: &value,
            value: number,
            scope: &scope,
            key: &scope,
        };
        let write = match self.tx.existing_observation(&keyed, self.batch)? {
            Existing::ThisBatch => {
                return Ok(vec![(
                    "metric".to_owned(),
                    format!("{name} for this system and period is already in an earlier row of this file"),
                )]);
            }
            Existing::Same => false,
            Existing::Different(old) => {
                self.tx.mark_observation_replaced(old, self.batch)?;
                self.records_updated += 1;
                true
            }
            Existing::None => {
                self.records_created += 1;
                true
            }
        };
        if write {
            let from = Provenance { batch_id: self.batch, file: &self.file, sheet: part, row: row.number };
            self.tx.insert_keyed_observation(&keyed, &from, &self.now)?;
        } else {
            self.records_unchanged += 1;
        }
        Ok(Vec::new())
    }
}

impl StoreSink<'_, '_> {
    /// One exchange rate: added, or replacing the rate stored for the same pair and day (the
    /// old rate is kept for undo).
    fn fx_rate(
        &mut self,
        values: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let text = |key: &str| field_text(values, key);
        let (from, to, day, rate, source) =
            (text("from_currency"), text("to_currency"), text("valid_from"), text("rate"), text("source"));
        let mut problems = Vec::new();
        if from.is_empty() || to.is_empty() {
            problems.push(("from_currency".to_owned(), "both currencies are needed".to_owned()));
        } else if from == to {
            problems.push((
                "to_currency".to_owned(),
                format!("a rate converts between two currencies, not {from} to {to}"),
            ));
        }
        if day.is_empty() {
            problems.push(("valid_from".to_owned(), "the date the rate is valid from is missing".to_owned()));
        }
        match rate.parse::<Decimal>() {
            Ok(r) if r > Decimal::ZERO => {}
            _ => problems.push(("rate".to_owned(), format!("\"{rate}\" is not a positive rate such as 0.92"))),
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        let before = self.tx.fx_rate(&from, &to, &day)?;
        if before.as_ref().is_some_and(|(old, _)| old.parse::<Decimal>().ok() == rate.parse::<Decimal>().ok()) {
            self.records_unchanged += 1;
            return Ok(Vec::new());
        }
        let source = if source.is_empty() { format!("Imported from {}", self.file) } else { source };
        self.tx.upsert_fx_rate(&from, &to, &day, &rate, &source)?;
        let before_json =
            before.as_ref().map(|(rate, source)| serde_json::json!({ "rate": rate, "source": source }).to_string());
        let token = crate::store::fx_rate_token(&from, &to, &day);
        self.tx.add_record_change(self.batch, FX_RATE_ENTITY, token, before_json.as_deref())?;
        if before.is_some() {
            self.records_updated += 1;
        } else {
            self.records_created += 1;
        }
        Ok(Vec::new())
    }
}

impl StoreSink<'_, '_> {
    /// One line of the user's own cost sheet. Its scope is the sheet's layout (its headers),
    /// vendor and month: a corrected copy of the sheet replaces its lines there (rows it no
    /// longer holds are retired; the preview says how many), and a sheet of another layout
    /// never touches them.
    fn own_cost_line(
        &mut self,
        values: &serde_json::Map<String, serde_json::Value>,
        period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
        headers: &[String],
        part: Option<&str>,
        row: &RawRow,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let text = |key: &str| field_text(values, key);
        let id = |key: &str| values.get(key).and_then(serde_json::Value::as_i64);
        let (amount_text, currency, department, description) =
            (text("amount"), text("currency"), text("department"), text("description"));
        let mut problems = Vec::new();
        let Some((start, end)) = period else {
            problems.push(("period".to_owned(), "the month or date is missing".to_owned()));
            return Ok(problems);
        };
        let Some(vendor_id) = id("vendor_id") else {
            problems.push(("vendor_id".to_owned(), "the vendor is missing".to_owned()));
            return Ok(problems);
        };
        if currency.is_empty() {
            problems.push(("currency".to_owned(), "the currency is missing: map a column or give one".to_owned()));
        }
        let amount = amount_text.parse::<Decimal>().ok();
        let micros = amount.and_then(crate::import::micros);
        if micros.is_none() {
            problems.push(("amount".to_owned(), "the amount is missing or too large".to_owned()));
        }
        let (Some(amount), Some(amount_micros), true) = (amount, micros, problems.is_empty()) else {
            return Ok(problems);
        };
        let basis = match text("basis") {
            basis if basis.is_empty() => "billed".to_owned(),
            basis => basis,
        };
        let (system_id, initiative_id) = (id("system_id"), id("initiative_id"));
        let scope = format!("own-costs|{}|{vendor_id}|{}", header_signature(headers), start.format("%Y-%m"));
        let (system, initiative) = (
            system_id.map(|id| id.to_string()).unwrap_or_default(),
            initiative_id.map(|id| id.to_string()).unwrap_or_default(),
        );
        let (first, last) = (start.to_string(), end.to_string());
        let key = crate::import::hash_key(&[
            &scope,
            &system,
            &initiative,
            &department,
            &first,
            &last,
            &currency,
            &basis,
            &description,
        ]);
        let total = self.mapped_totals.entry((currency.clone(), basis.clone())).or_default();
        *total = total.saturating_add(amount);
        let record = CostRecord {
            part: part.map(str::to_owned),
            row: row.number,
            period_start: start,
            period_end: end,
            amount,
            amount_micros,
            currency,
            basis,
            quantity: None,
            unit: String::new(),
            description,
            scope,
            provider: String::new(),
            key,
            attributes: BTreeMap::new(),
        };
        let category = text("category");
        self.store_cost(record, CostLinks { vendor_id, system_id, initiative_id, department, category })?;
        Ok(Vec::new())
    }
}

/// The entity name under which import changes and audit events record a budget.
const BUDGET_ENTITY: &str = "budget";

impl StoreSink<'_, '_> {
    /// One budget: added, or changing the budget stored for the same scope and period (the old
    /// amount, currency and note are kept for undo); checked as the settings screen checks one.
    fn budget(
        &mut self,
        values: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let text = |key: &str| field_text(values, key);
        let Some((period_start, period_end)) = budget_period(values) else {
            return Ok(vec![(
                "period_start".to_owned(),
                "the period is missing: map From and To, or a Year".to_owned(),
            )]);
        };
        let scope_value = text("scope_value");
        // A sheet of department budgets rarely says "department" on every row.
        let scope_type = match text("scope_type") {
            scope if !scope.is_empty() => scope,
            _ if scope_value.is_empty() => "portfolio".to_owned(),
            _ => "department".to_owned(),
        };
        let entry = super::settings::BudgetEntry {
            id: None,
            scope_type,
            scope_value,
            period_start,
            period_end,
            amount: text("amount"),
            currency: text("currency"),
            note: text("note"),
        };
        let budget = match super::settings::checked_budget(&entry) {
            Ok(budget) => budget,
            Err(errors) => return Ok(errors.into_iter().map(|e| (e.field, sentence_case(&e.message))).collect()),
        };
        let before = match self.tx.budget_for(&budget)? {
            Some(id) => self.tx.budget(id)?.map(|b| (id, b)),
            None => None,
        };
        if let Some((id, _)) = &before
            && !self.budgets_seen.insert(*id)
        {
            return Ok(vec![(
                "period_start".to_owned(),
                "this scope and period already have a budget in an earlier row of this file".to_owned(),
            )]);
        }
        if before.as_ref().is_some_and(|(_, old)| old.budget == budget && old.note == entry.note) {
            self.records_unchanged += 1;
            return Ok(Vec::new());
        }
        let (id, _) = self.tx.upsert_budget(&budget, &entry.note)?;
        self.budgets_seen.insert(id);
        let before_json = before.as_ref().map(|(_, old)| budget_json(old).to_string());
        let change = KeyedChange {
            entity: BUDGET_ENTITY,
            id,
            before_json: before_json.as_deref(),
            field: Some("budget"),
            old_value: before.as_ref().map(|(_, old)| super::settings::describe_budget(&old.budget)),
            new_value: super::settings::describe_budget(&budget),
        };
        self.note_keyed_change(change)?;
        Ok(Vec::new())
    }

    /// Records what an import did to one keyed record (for undo), its audit event, and counts it
    /// as created or updated.
    fn note_keyed_change(&mut self, change: KeyedChange<'_>) -> Result<(), StoreError> {
        let updated = change.before_json.is_some();
        self.tx.add_record_change(self.batch, change.entity, change.id, change.before_json)?;
        self.tx.append_audit(
            &self.now,
            AuditChange {
                actor: &self.actor,
                entity_type: change.entity,
                entity_id: change.id,
                action: if updated { "update" } else { "create" },
                field: change.field,
                old_value: change.old_value,
                new_value: Some(change.new_value),
            },
        )?;
        if updated {
            self.records_updated += 1;
        } else {
            self.records_created += 1;
        }
        Ok(())
    }
}

/// One keyed record an import created or changed: its state before (none when created), and
/// how the audit trail words the change.
struct KeyedChange<'a> {
    entity: &'static str,
    id: i64,
    before_json: Option<&'a str>,
    field: Option<&'static str>,
    old_value: Option<String>,
    new_value: String,
}

/// A form's message ("Enter the budget amount") as a row issue says it ("enter the budget amount").
fn sentence_case(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// From and To as mapped, else the calendar year a Year column names.
fn budget_period(values: &serde_json::Map<String, serde_json::Value>) -> Option<(NaiveDate, NaiveDate)> {
    let date = |key: &str| NaiveDate::parse_from_str(&field_text(values, key), "%Y-%m-%d").ok();
    if let (Some(start), Some(end)) = (date("period_start"), date("period_end")) {
        return Some((start, end));
    }
    let year = values.get("year").and_then(serde_json::Value::as_i64).and_then(|y| i32::try_from(y).ok())?;
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

/// A stored budget as an import change keeps it, so undo can put it back exactly.
fn budget_json(row: &crate::store::BudgetRow) -> serde_json::Value {
    let b = &row.budget;
    serde_json::json!({
        "scope_type": b.scope_type, "scope_value": b.scope_value, "period_start": b.start.to_string(),
        "period_end": b.end.to_string(), "amount_micros": b.micros, "currency": b.currency, "note": row.note,
    })
}

/// Takes back what an import did to one budget: one it created is deleted, one it changed gets
/// its old amount, currency and note back; both with their audit event.
fn undo_budget(
    tx: &Tx<'_>,
    id: i64,
    before: Option<&str>,
    imported_at: &str,
    actor: &str,
    now: &str,
) -> Result<(), StoreError> {
    let Some(json) = before else {
        return undo_governance_row(tx, BUDGET_ENTITY, id, None, imported_at, actor, now);
    };
    let damaged = |what: &str| {
        api_to_store(ApiError::new(ErrorCode::Internal, format!("the saved state of budget #{id} is damaged: {what}")))
    };
    let old: serde_json::Value = serde_json::from_str(json).map_err(|e| damaged(&e.to_string()))?;
    let text = |key: &str| old.get(key).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
    let day = |key: &str| NaiveDate::parse_from_str(&text(key), "%Y-%m-%d").map_err(|_| damaged(key));
    let budget = crate::analytics::spend::Budget {
        scope_type: text("scope_type"),
        scope_value: text("scope_value"),
        start: day("period_start")?,
        end: day("period_end")?,
        micros: old.get("amount_micros").and_then(serde_json::Value::as_i64).ok_or_else(|| damaged("amount"))?,
        currency: text("currency"),
    };
    let current = tx.update_budget(id, &budget, &text("note"))?;
    tx.append_audit(
        now,
        AuditChange {
            actor,
            entity_type: BUDGET_ENTITY,
            entity_id: id,
            action: "update",
            field: Some("budget"),
            old_value: Some(super::settings::describe_budget(&current)),
            new_value: Some(super::settings::describe_budget(&budget)),
        },
    )
}

/// The entity name under which import changes and audit events record a value assumption.
const ASSUMPTION_ENTITY: &str = "value_assumption";

impl StoreSink<'_, '_> {
    /// One factor of an initiative's value model: added at the end of the model (or where the
    /// sheet's position says), or changing the factor of the same initiative, method and name
    /// (the old one kept for undo); checked as the value model editor checks one.
    fn value_assumption(
        &mut self,
        values: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let text = |key: &str| field_text(values, key);
        let Some(initiative_id) = values.get("initiative_id").and_then(serde_json::Value::as_i64) else {
            return Ok(vec![("initiative_id".to_owned(), "the initiative is missing".to_owned())]);
        };
        let draft = super::value::AssumptionDraft {
            method: text("method"),
            name: text("name"),
            unit: text("unit"),
            low: text("low"),
            likely: text("likely"),
            high: text("high"),
            confidence: text("confidence"),
            note: text("note"),
        };
        let problems = super::value::check_assumption(&draft);
        if !problems.is_empty() {
            return Ok(problems.into_iter().map(|(field, message)| (field, sentence_case(&message))).collect());
        }
        let before = self.tx.value_assumption_named(initiative_id, &draft.method, &draft.name)?;
        if let Some(old) = &before
            && !self.assumptions_seen.insert(old.id)
        {
            return Ok(vec![(
                "name".to_owned(),
                format!(
                    "\"{}\" is already in this initiative's value model from an earlier row of this file",
                    draft.name
                ),
            )]);
        }
        let position = match (values.get("position").and_then(serde_json::Value::as_i64), &before) {
            (Some(position), _) => position,
            (None, Some(old)) => old.position,
            (None, None) => self.tx.next_value_position(initiative_id)?,
        };
        let row = ValueAssumptionRow {
            initiative_id,
            method: &draft.method,
            // A changed factor keeps the name it was stored under; the match ignores case.
            name: before.as_ref().map_or(draft.name.as_str(), |old| old.name.as_str()),
            unit: &draft.unit,
            low: &draft.low,
            likely: &draft.likely,
            high: &draft.high,
            confidence: &draft.confidence,
            note: &draft.note,
            position,
        };
        let after = assumption_json(&row);
        let old_json = before.as_ref().map(stored_assumption_json);
        if old_json.as_ref() == Some(&after) {
            self.records_unchanged += 1;
            return Ok(Vec::new());
        }
        let id = match &before {
            Some(old) => {
                self.tx.update_value_assumption(old.id, &row)?;
                old.id
            }
            None => self.tx.insert_value_assumption(&row)?,
        };
        self.assumptions_seen.insert(id);
        let old_text = old_json.as_ref().map(serde_json::Value::to_string);
        let change = KeyedChange {
            entity: ASSUMPTION_ENTITY,
            id,
            before_json: old_text.as_deref(),
            field: None,
            old_value: old_text.clone(),
            new_value: after.to_string(),
        };
        self.note_keyed_change(change)?;
        Ok(Vec::new())
    }
}

/// A value assumption's fields as the audit trail shows them and an import change keeps them.
fn assumption_json(row: &ValueAssumptionRow<'_>) -> serde_json::Value {
    serde_json::json!({
        "initiative_id": row.initiative_id, "method": row.method, "name": row.name, "unit": row.unit,
        "low": row.low, "likely": row.likely, "high": row.high, "confidence": row.confidence,
        "note": row.note, "position": row.position,
    })
}

fn stored_assumption_json(old: &crate::store::StoredAssumption) -> serde_json::Value {
    assumption_json(&ValueAssumptionRow {
        initiative_id: old.initiative_id,
        method: &old.method,
        name: &old.name,
        unit: &old.unit,
        low: &old.low,
        likely: &old.likely,
        high: &old.high,
        confidence: &old.confidence,
        note: &old.note,
        position: old.position,
    })
}

/// Takes back what an import did to one value assumption: one it created is deleted, one it
/// changed is put back as it was; both with their audit event.
fn undo_assumption(
    tx: &Tx<'_>,
    id: i64,
    before: Option<&str>,
    imported_at: &str,
    actor: &str,
    now: &str,
) -> Result<(), StoreError> {
    let Some(json) = before else {
        return undo_governance_row(tx, ASSUMPTION_ENTITY, id, None, imported_at, actor, now);
    };
    let old: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        api_to_store(ApiError::new(
            ErrorCode::Internal,
            format!("the saved state of value assumption #{id} is damaged: {e}"),
        ))
    })?;
    let text = |key: &str| old.get(key).and_then(serde_json::Value::as_str).unwrap_or_default();
    let number = |key: &str| old.get(key).and_then(serde_json::Value::as_i64).unwrap_or_default();
    let row = ValueAssumptionRow {
        initiative_id: number("initiative_id"),
        method: text("method"),
        name: text("name"),
        unit: text("unit"),
        low: text("low"),
        likely: text("likely"),
        high: text("high"),
        confidence: text("confidence"),
        note: text("note"),
        position: number("position"),
    };
    tx.update_value_assumption(id, &row)?;
    tx.append_audit(
        now,
        AuditChange {
            actor,
            entity_type: ASSUMPTION_ENTITY,
            entity_id: id,
            action: "update",
            field: None,
            old_value: None,
            new_value: Some(json.to_owned()),
        },
    )
}

/// A typed row's text value of `key`, trimmed; empty when the row has none.
fn field_text(values: &serde_json::Map<String, serde_json::Value>, key: &str) -> String {
    values.get(key).and_then(serde_json::Value::as_str).unwrap_or_default().trim().to_owned()
}

/// Puts one record back as it was before an import: deleted when the import created it.
/// Refused when someone changed the record after the import: undo must not overwrite that.
fn undo_record_change<T: Managed>(
    tx: &Tx<'_>,
    id: i64,
    before: Option<&str>,
    imported_at: &str,
    actor: &str,
    now: &str,
) -> Result<(), StoreError> {
    let record = match tx.get_record(T::SPEC, id) {
        Ok(record) => record,
        // Deleted by hand since: an import that created it has nothing left to take back.
        Err(StoreError::NotFound { .. }) if before.is_none() => return Ok(()),
        Err(e) => return Err(e),
    };
    let text = |key: &str| record.get(key).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
    if text("updated_at").as_str() > imported_at {
        let name = if text("name").is_empty() { format!("{} #{id}", T::SPEC.entity) } else { text("name") };
        return Err(api_to_store(ApiError::new(
            ErrorCode::Conflict,
            format!("{name} was changed after this import; undoing it would overwrite that change, so edit it by hand"),
        )));
    }
    match before {
        None => delete_audited::<T>(tx, id, actor, now),
        Some(json) => {
            let draft: T::Draft = serde_json::from_str(json).map_err(|e| {
                api_to_store(ApiError::new(
                    ErrorCode::Internal,
                    format!("the saved state of a {} is damaged: {e}", T::SPEC.entity),
                ))
            })?;
            update_audited::<T>(tx, id, &draft, actor, now).map(|_| ())
        }
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;
    use rust_decimal::Decimal;

    use super::grouped_cents;

    #[rstest]
    #[case::thousands("34141.163080489", "34,141.16")]
    #[case::half_a_cent_rounds_up("0.005", "0.01")]
    #[case::under_a_thousand("176.3844065772", "176.38")]
    #[case::millions("1234567.899", "1,234,567.90")]
    #[case::a_credit("-15.880729", "-15.88")]
    #[case::nothing("0.000011139", "0.00")]
    fn sentences_round_replaced_money_to_cents(#[case] amount: &str, #[case] expected: &str) {
        let amount: Decimal = amount.parse().expect("a decimal");
        assert_eq!(grouped_cents(amount), expected, "{amount} in a sentence");
    }
}
