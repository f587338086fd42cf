//! The interpreter between rows and facts: finds the header row, recognises the layout, skips
//! summary rows, types every value and hands typed records to a [`FactSink`] (the api, which
//! stores them). Bad rows become [`RowIssue`]s, never errors.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use sha2::{Digest, Sha256};

use super::preset::{
    Column, CountWhere, Days as PeriodDays, EndIs, Preset, PresetKind, normalise_header, preset, recognise,
    suffix_currency,
};
use super::source::{RawRow, RowVisitor};
use super::values::{Cell, NumberStyle, cell_date, cell_datetime, cell_decimal, cell_month, clip};
use crate::domain::Currency;

mod pivot;
mod versions;

const TOO_LARGE: &str = "the number is too large to be added up exactly (more than 28 digits)";

/// Data rows kept from an unrecognised sheet to suggest a mapping from their content.
const SAMPLE_ROWS: usize = 50;
/// How many rows are searched for the header.
const HEADER_SEARCH_ROWS: usize = 30;
/// Row issues kept in full; beyond this only counted (a broken million-row file stays readable).
pub const MAX_ISSUES: usize = 1_000;

/// One problem with one row: the row is skipped and the user told exactly why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    pub part: Option<String>,
    pub row: u32,
    pub column: String,
    pub value: String,
    pub message: String,
}

/// A cost line as the file states it, typed and keyed.
#[derive(Debug, Clone, PartialEq)]
pub struct CostRecord {
    pub part: Option<String>,
    pub row: u32,
    pub period_start: NaiveDate,
    /// Inclusive.
    pub period_end: NaiveDate,
    pub amount: Decimal,
    pub amount_micros: i64,
    pub currency: String,
    pub basis: String,
    pub quantity: Option<Decimal>,
    pub unit: String,
    pub description: String,
    /// Provider + scope columns + scope period: what a restated export of the same scope replaces.
    pub scope: String,
    /// The vendor the line belongs to: the row's own provider column, else the preset's provider.
    pub provider: String,
    /// Identifies the row across exports of the same source; rows of one file sharing it are
    /// numbered by the store in file order (`#1`, `#2`), so they are counted, not collapsed.
    pub key: String,
    /// Values of the preset's attribution columns (non-empty only), for attribution rules.
    pub attributes: BTreeMap<String, String>,
}

/// The texts a store keeps of a cost line besides the record's own strings: its days, its exact
/// amount and quantity, and its attributes as a JSON object. Made where the line is read, so
/// that a store on another thread only binds them ([`super::read_alongside`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostTexts {
    pub period_start: String,
    pub period_end: String,
    pub amount: String,
    pub quantity: Option<String>,
    pub attributes_json: String,
}

impl CostTexts {
    pub fn of(record: &CostRecord) -> CostTexts {
        CostTexts {
            period_start: record.period_start.to_string(),
            period_end: record.period_end.to_string(),
            amount: record.amount.to_string(),
            quantity: record.quantity.map(|q| q.to_string()),
            attributes_json: serde_json::to_string(&record.attributes).unwrap_or_else(|_| "{}".into()),
        }
    }
}

/// One aggregated observation of a usage or activity file.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRecord {
    pub metric: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub value: Decimal,
    pub scope: String,
    pub key: String,
    /// The first row that contributed (provenance).
    pub part: Option<String>,
    pub row: u32,
}

/// Where the layout was found.
#[derive(Debug, Clone)]
pub struct Layout {
    pub preset: &'static Preset,
    pub version: String,
    pub part: Option<String>,
    pub header_row: u32,
    pub headers: Vec<String>,
    pub preamble: BTreeMap<String, String>,
}

/// Receives the typed facts; the api implements it over a store transaction.
pub trait FactSink {
    /// The layout is known (once, before the first record).
    fn start(&mut self, preset: &'static Preset) -> bool;
    /// `false` stops the import: the sink failed and keeps its own error.
    fn cost(&mut self, record: CostRecord) -> bool;
    /// A cost line with its texts made already, lent by the thread that read it, which frees
    /// both afterwards ([`super::read_alongside`]); otherwise the same as `cost`.
    fn cost_with_texts(&mut self, record: &CostRecord, _texts: &CostTexts) -> bool {
        self.cost(record.clone())
    }
    /// A data row of a user-mapped sheet (no preset), with its header; the sink types it.
    fn mapped(&mut self, _headers: &[String], _part: Option<&str>, _row: &RawRow, _style: NumberStyle) -> Mapped {
        Mapped::Stop
    }
    /// `false` cancels the import (the user pressed Cancel).
    fn progress(&mut self, _fraction: f32, _rows: u64) -> bool {
        true
    }
}

/// What the sink made of a user-mapped row.
pub enum Mapped {
    Done,
    Issues(Vec<RowIssue>),
    /// The sink failed and keeps its own error.
    Stop,
}

/// What reading the file found, whatever the sink made of it.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub layout: Option<Layout>,
    /// Header row and names of the first part when no preset matched (for a mapping).
    pub unrecognised_headers: Option<(u32, Vec<String>)>,
    /// A sample of the first data rows of an unrecognised sheet (for suggesting a mapping).
    pub sample_rows: Vec<RawRow>,
    pub rows_read: u64,
    pub rows_emitted: u64,
    /// Skipped rows by reason (summary rows, empty buckets, row issues).
    pub skipped: BTreeMap<String, u64>,
    pub issues: Vec<RowIssue>,
    pub issue_count: u64,
    /// Exact money per (currency, basis) over the rows emitted.
    pub totals: BTreeMap<(String, String), Decimal>,
    pub observations: Vec<ObservationRecord>,
    pub cancelled: bool,
    /// The sink refused to go on (its own error explains why).
    pub sink_stopped: bool,
    /// A problem that stops the whole file (e.g. parts with different layouts).
    pub fatal: Option<String>,
    pub control_total: Option<String>,
    /// Row count exactly at Excel's limit: the source was probably cut off when saved.
    pub at_excel_row_limit: bool,
}

/// Options the user (or the CLI) chose.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub preset: Option<String>,
    /// Read a sheet no preset recognises through [`FactSink::mapped`] (the user mapped it).
    pub mapped: bool,
    pub basis: Option<String>,
    pub file_name: String,
}

/// Observation sums by (metric, period start, period end), with the first row that contributed.
type Aggregates = BTreeMap<(String, NaiveDate, NaiveDate), (Decimal, Option<String>, u32)>;

pub struct Interpreter<'a> {
    options: ReadOptions,
    sink: &'a mut dyn FactSink,
    pub reading: Reading,
    part: Option<String>,
    style: NumberStyle,
    pending: Vec<RawRow>,
    columns: Option<Resolved>,
    aggregates: Aggregates,
    /// The header of a user-mapped sheet, once found.
    mapped_headers: Option<Vec<String>>,
    /// Rows of a pivot table, held until its part is read.
    pivot: pivot::Buffered,
    /// Rows of a preset with `dedupe`, held until the file is read.
    versions: versions::Versions,
    /// The part whose header no preset knew, when one was read (see `unrecognised_headers`).
    unrecognised_part: Option<String>,
}

/// A preset's columns resolved to indexes in this file's header, once per part: rows then look
/// columns up by the preset's own names, never normalising a header again.
struct Resolved {
    preset: &'static Preset,
    basis: String,
    by_name: HashMap<&'static str, usize>,
    headers: Vec<String>,
    preamble_currency: Option<String>,
    /// The table's shape when the preset unpivots it.
    pivot: Option<pivot::PivotColumns>,
}

impl Resolved {
    fn new(
        preset: &'static Preset,
        header_row: u32,
        headers: Vec<String>,
        basis: String,
        preamble_currency: Option<String>,
    ) -> Resolved {
        let mut index = HashMap::new();
        for (i, name) in headers.iter().enumerate() {
            index.entry(normalise_header(name)).or_insert(i);
        }
        let by_name: HashMap<&'static str, usize> =
            preset_names(preset).filter_map(|name| index.get(&normalise_header(name)).map(|i| (name, *i))).collect();
        let pivot = preset.unpivot.as_ref().map(|spec| {
            let label = spec.label.iter().find_map(|name| by_name.get(name.as_str()).copied()).unwrap_or(0);
            pivot::PivotColumns::new(spec, preset, header_row, label, &headers)
        });
        Resolved { preset, basis, by_name, headers, preamble_currency, pivot }
    }

    fn find<'c>(&self, column: &'c Column) -> Option<(usize, &'c str)> {
        column.iter().find_map(|name| self.by_name.get(name.as_str()).map(|i| (*i, name.as_str())))
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}

/// Every header name a preset refers to, wherever it does.
fn preset_names(preset: &'static Preset) -> impl Iterator<Item = &'static str> {
    let c = &preset.columns;
    let p = &preset.period;
    let days = match &p.days {
        Some(PeriodDays::FromColumn(column)) => column.as_slice(),
        _ => &[],
    };
    [&c.amount, &c.currency, &c.quantity, &c.unit, &c.description, &p.start, &p.end, &p.billing_start]
        .into_iter()
        .flatten()
        .chain(days)
        .chain(preset.description_parts.iter().flatten())
        .chain(&preset.scope)
        .chain(&preset.natural_key)
        .chain(&preset.attribution)
        .chain(preset.skip.iter().flat_map(|rule| &rule.column))
        .chain(&preset.provider_column)
        .chain(preset.amount_plus.iter().flatten())
        .chain(preset.dedupe.iter().flat_map(|d| &d.newest))
        .chain(preset.unpivot.iter().flat_map(|u| &u.label))
        .chain(
            preset.observations.iter().flat_map(|o| o.sum.iter().chain(o.count_where.iter().flat_map(|w| &w.column))),
        )
        .map(String::as_str)
}

const EXCEL_ROW_LIMIT: u64 = 1_048_576;

impl<'a> Interpreter<'a> {
    pub fn new(options: ReadOptions, sink: &'a mut dyn FactSink) -> Interpreter<'a> {
        Interpreter {
            options,
            sink,
            reading: Reading::default(),
            part: None,
            style: NumberStyle::default(),
            pending: Vec::new(),
            columns: None,
            aggregates: BTreeMap::new(),
            mapped_headers: None,
            pivot: pivot::Buffered::default(),
            versions: versions::Versions::default(),
            unrecognised_part: None,
        }
    }

    /// Call after the reader is done: flushes a short part and aggregates observations.
    pub fn finish(mut self) -> Reading {
        self.flush_pending();
        self.flush_pivot();
        self.release_versions();
        let scope_base = self.columns.as_ref().map(|c| c.preset.provider.clone()).unwrap_or_default();
        let preset_id = self.columns.as_ref().map(|c| c.preset.id.clone()).unwrap_or_default();
        for ((metric, start, end), (value, part, row)) in std::mem::take(&mut self.aggregates) {
            let scope = format!("{scope_base}|{start}|{end}");
            let key = hash_key(&[&preset_id, &metric, &start.to_string(), &end.to_string()]);
            self.reading.observations.push(ObservationRecord {
                metric,
                period_start: start,
                period_end: end,
                value,
                scope,
                key,
                part,
                row,
            });
        }
        self.reading.at_excel_row_limit = self.reading.rows_read + 1 == EXCEL_ROW_LIMIT;
        self.reading
    }

    fn flush_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.pending);
        let Some(header_at) = self.find_header(&rows) else {
            if self.reading.fatal.is_some() {
                return;
            }
            if self.reading.layout.is_none() && (self.reading.unrecognised_headers.is_none() || self.options.mapped) {
                let Some(at) = guess_header(&rows) else { return };
                let headers = texts(&rows[at]);
                if let Some((_, earlier)) = &self.reading.unrecognised_headers
                    && self.unrecognised_part != self.part
                    && !same_columns(earlier, &headers)
                {
                    self.reading.fatal = Some(columns_differ(self.part.as_deref(), self.unrecognised_part.as_deref()));
                    return;
                }
                self.reading.unrecognised_headers = Some((rows[at].number, headers.clone()));
                self.unrecognised_part = self.part.clone();
                self.reading.sample_rows = rows[at + 1..].iter().take(SAMPLE_ROWS).cloned().collect();
                if self.options.mapped {
                    self.mapped_headers = Some(headers);
                    for row in rows.into_iter().skip(at + 1) {
                        if !self.mapped_row(row) {
                            break;
                        }
                    }
                }
            } else if let Some(first) = &self.reading.layout {
                self.reading.fatal = Some(columns_differ(self.part.as_deref(), first.part.as_deref()));
            }
            return;
        };
        for row in rows.into_iter().skip(header_at + 1) {
            if !self.data_row(row) {
                break;
            }
        }
    }

    /// Finds the header among the buffered rows, resolves the preset's columns, records the layout.
    fn find_header(&mut self, rows: &[RawRow]) -> Option<usize> {
        let forced = self.options.preset.as_deref().and_then(preset);
        let (at, preset, version) = rows.iter().enumerate().find_map(|(i, row)| {
            let headers: Vec<String> = row.cells.iter().map(|c| normalise_header(&c.display())).collect();
            match forced {
                Some(p) => super::preset::fit(p, &headers).map(|(_, _, v)| (i, p, v)),
                None => recognise(&headers).map(|(p, v)| (i, p, v)),
            }
        })?;
        let header = &rows[at];
        let headers = texts(header);
        let preamble: BTreeMap<String, String> = rows[..at]
            .iter()
            .filter_map(|row| {
                let cells: Vec<String> = row.cells.iter().map(Cell::display).filter(|t| !t.is_empty()).collect();
                (cells.len() == 2).then(|| (cells[0].clone(), cells[1].clone()))
            })
            .collect();
        let lookup = |key: &Option<String>| {
            key.as_ref()
                .and_then(|k| preamble.iter().find(|(name, _)| name.eq_ignore_ascii_case(k)).map(|(_, v)| v.clone()))
        };
        let preamble_currency = lookup(&preset.preamble.currency);
        self.reading.control_total = lookup(&preset.preamble.control_total);
        let file = self.options.file_name.to_lowercase();
        let basis = self.options.basis.clone().unwrap_or_else(|| {
            preset
                .basis_hints
                .iter()
                .find(|(_, words)| words.iter().any(|w| file.contains(&w.to_lowercase())))
                .map_or_else(|| preset.basis.clone(), |(basis, _)| basis.clone())
        });
        if let Some(problem) = self.part_differs(preset, &headers) {
            self.reading.fatal = Some(problem);
            return None;
        }
        if self.reading.layout.is_none() {
            if !self.sink.start(preset) {
                self.reading.sink_stopped = true;
                return None;
            }
            self.reading.layout = Some(Layout {
                preset,
                version: preset.versions.get(version).map(|v| v.name.clone()).unwrap_or_default(),
                part: self.part.clone(),
                header_row: header.number,
                headers: headers.clone(),
                preamble,
            });
        }
        self.columns = Some(Resolved::new(preset, header.number, headers, basis, preamble_currency));
        Some(at)
    }

    /// Why this part cannot be read with the parts before it, if it cannot: the parts of one
    /// export (a zip's members, files chosen together) share one layout and one header. A part
    /// that differs is refused by name rather than read some other way, so nothing is written.
    fn part_differs(&self, preset: &'static Preset, headers: &[String]) -> Option<String> {
        let this = self.part.as_deref().unwrap_or("this part");
        if let Some(first) = &self.reading.layout {
            let first_name = first.part.as_deref().unwrap_or("the first part");
            if first.preset.id != preset.id {
                return Some(format!(
                    "{this} is a file of another layout ({}) than {first_name}, the first part ({}); the parts of \
                     one export share one layout: import {this} on its own",
                    preset.name, first.preset.name
                ));
            }
            if !same_columns(&first.headers, headers) {
                return Some(columns_differ(Some(this), first.part.as_deref()));
            }
            return None;
        }
        // An earlier part had no known layout: reading this one alone would quietly leave it out.
        if self.reading.unrecognised_headers.is_some() && self.unrecognised_part != self.part && !self.options.mapped {
            let first_name = self.unrecognised_part.as_deref().unwrap_or("the first part");
            return Some(format!(
                "{first_name} is not a known export but {this} is ({}); the parts of one export share one layout: \
                 import {first_name} on its own",
                preset.name
            ));
        }
        None
    }

    /// One row below the header of a user-mapped sheet. Returns `false` to stop reading.
    fn mapped_row(&mut self, row: RawRow) -> bool {
        let Some(headers) = self.mapped_headers.as_ref() else { return true };
        if row.cells.iter().all(Cell::is_blank) {
            return true;
        }
        self.reading.rows_read += 1;
        if is_summary_row(&row, headers.len()) {
            *self.reading.skipped.entry("summary row".into()).or_default() += 1;
            return true;
        }
        match self.sink.mapped(headers, self.part.as_deref(), &row, self.style) {
            Mapped::Done => self.reading.rows_emitted += 1,
            Mapped::Issues(issues) => self.count_issues(issues),
            Mapped::Stop => self.reading.sink_stopped = true,
        }
        !self.reading.sink_stopped
    }

    fn count_issues(&mut self, issues: Vec<RowIssue>) {
        *self.reading.skipped.entry("row issue".into()).or_default() += 1;
        for issue in issues {
            self.note_issue(issue);
        }
    }

    /// An issue that skips no row (a control total that does not add up, a header cell).
    fn note_issue(&mut self, issue: RowIssue) {
        self.reading.issue_count += 1;
        if self.reading.issues.len() < MAX_ISSUES {
            self.reading.issues.push(issue);
        }
    }

    /// A typed line goes to the sink, and its money into the file's totals.
    fn deliver(&mut self, record: CostRecord) {
        if self.reading.sink_stopped {
            return;
        }
        let total = self.reading.totals.entry((record.currency.clone(), record.basis.clone())).or_default();
        *total = total.saturating_add(record.amount);
        if !self.sink.cost(record) {
            self.reading.sink_stopped = true;
        }
    }

    /// Hands over the newest version of every held row, in file order, and counts the older
    /// versions as skipped rows rather than imported ones.
    fn release_versions(&mut self) {
        let (records, superseded, column) = self.versions.release();
        if superseded > 0 {
            self.reading.rows_emitted = self.reading.rows_emitted.saturating_sub(superseded);
            let reason = format!("superseded: an older version of a row the file holds again with a newer {column}");
            *self.reading.skipped.entry(reason).or_default() += superseded;
        }
        for record in records {
            self.deliver(record);
        }
    }

    /// The row's own provider (first non-empty provider column), named as the preset's
    /// `provider_names` say; the preset's provider when the row names none.
    fn provider(&self, row: &RawRow) -> String {
        let Some(columns) = self.columns.as_ref() else { return String::new() };
        let preset = columns.preset;
        let named = preset
            .provider_column
            .iter()
            .filter_map(|name| columns.index_of(name))
            .filter_map(|i| row.cells.get(i).map(Cell::display))
            .find(|text| !text.is_empty());
        match named {
            None => preset.provider.clone(),
            Some(text) => preset
                .provider_names
                .iter()
                .find(|(alias, _)| alias.eq_ignore_ascii_case(&text))
                .map_or(text, |(_, vendor)| vendor.clone()),
        }
    }

    /// One row below the header. Returns `false` to stop reading.
    fn data_row(&mut self, row: RawRow) -> bool {
        if self.reading.fatal.is_some() || self.reading.sink_stopped {
            return false;
        }
        if row.cells.iter().all(Cell::is_blank) {
            return true;
        }
        let Some(columns) = self.columns.as_ref() else { return true };
        self.reading.rows_read += 1;
        if columns.pivot.is_some() {
            self.hold_pivot_row(row);
            return true;
        }
        if let Some(reason) = skip_reason(columns, &row) {
            *self.reading.skipped.entry(reason).or_default() += 1;
            return true;
        }
        let outcome = match columns.preset.kind {
            PresetKind::Cost => self.cost_row(&row),
            PresetKind::Usage | PresetKind::Activity => self.observation_row(&row),
        };
        match outcome {
            Ok(()) => self.reading.rows_emitted += 1,
            Err(issues) => self.count_issues(issues),
        }
        !self.reading.sink_stopped
    }

    fn issue(&self, row: &RawRow, column: &str, value: &Cell, message: impl Into<String>) -> RowIssue {
        RowIssue {
            part: self.part.clone(),
            row: row.number,
            column: column.to_owned(),
            value: clip(&value.display()),
            message: message.into(),
        }
    }

    /// The cell of a column and the header it was found under (for issues).
    fn cell<'s, 'r>(&'s self, row: &'r RawRow, column: &'s Column) -> (Option<&'r Cell>, &'s str) {
        let Some(columns) = self.columns.as_ref() else { return (None, "") };
        match columns.find(column) {
            Some((i, _)) => (row.cells.get(i), columns.headers[i].as_str()),
            None => (None, column.first().map_or("", String::as_str)),
        }
    }

    fn text(&self, row: &RawRow, column: &Column) -> String {
        self.cell(row, column).0.map(Cell::display).unwrap_or_default()
    }

    /// The text of the column a preset names directly (scope, key and attribution columns).
    fn named(&self, row: &RawRow, name: &str) -> String {
        self.columns
            .as_ref()
            .and_then(|c| c.index_of(name))
            .and_then(|i| row.cells.get(i))
            .map(Cell::display)
            .unwrap_or_default()
    }

    fn cost_row(&mut self, row: &RawRow) -> Result<(), Vec<RowIssue>> {
        let Some(columns) = self.columns.as_ref() else { return Ok(()) };
        let preset = columns.preset;
        let basis = columns.basis.clone();
        let preamble_currency = columns.preamble_currency.clone();
        let mut issues = Vec::new();
        let period = self.period(row, &mut issues);
        let (amount_cell, amount_header) = self.cell(row, &preset.columns.amount);
        let amount = match amount_cell.map(|c| cell_decimal(c, self.style)) {
            Some(Ok(Some(value))) => Some(value),
            Some(Ok(None)) | None => {
                issues.push(self.issue(row, amount_header, &Cell::Empty, "the amount is missing"));
                None
            }
            Some(Err(message)) => {
                issues.push(self.issue(row, amount_header, amount_cell.unwrap_or(&Cell::Empty), message));
                None
            }
        };
        let amount = amount.and_then(|amount| self.plus(row, amount, &mut issues));
        let scale = preset.amount_scale.as_deref().and_then(|s| s.parse::<Decimal>().ok()).unwrap_or(Decimal::ONE);
        let currency_text = match self.cell(row, &preset.columns.currency) {
            (Some(cell), _) if !cell.is_blank() => cell.display(),
            _ => preamble_currency
                .or_else(|| suffix_currency(amount_header, &preset.header_currency))
                .or_else(|| preset.currency.clone())
                .unwrap_or_default(),
        };
        let currency = match Currency::parse(&currency_text.to_uppercase()) {
            Some(c) => Some(c.as_str().to_owned()),
            None => {
                let (_, header) = self.cell(row, &preset.columns.currency);
                let message = if currency_text.is_empty() {
                    "no currency: the file names none".to_owned()
                } else {
                    format!("\"{}\" is not an ISO 4217 currency code", clip(&currency_text))
                };
                issues.push(self.issue(row, header, &Cell::text(currency_text.clone()), message));
                None
            }
        };
        let (quantity_cell, quantity_header) = self.cell(row, &preset.columns.quantity);
        let unit_text = self.text(row, &preset.columns.unit);
        let multiplier = unit_multiplier(&preset.units, &unit_text);
        // "1K Tokens" counts thousands: the quantity is scaled to single units and the unit
        // loses its multiplier word, so "12000 Tokens" is what is stored.
        let unit = if multiplier == Decimal::ONE {
            unit_text
        } else {
            unit_text.split_once(char::is_whitespace).map_or(String::new(), |(_, rest)| rest.trim().to_owned())
        };
        let quantity = match quantity_cell.map(|c| cell_decimal(c, self.style)) {
            Some(Ok(Some(q))) => match q.checked_mul(multiplier) {
                Some(q) => Some(q),
                None => {
                    issues.push(self.issue(row, quantity_header, quantity_cell.unwrap_or(&Cell::Empty), TOO_LARGE));
                    None
                }
            },
            Some(Ok(None)) => None,
            Some(Err(message)) => {
                issues.push(self.issue(row, quantity_header, quantity_cell.unwrap_or(&Cell::Empty), message));
                None
            }
            None => None,
        };
        let version = match &preset.dedupe {
            Some(dedupe) => self.version(row, &dedupe.newest, &mut issues),
            None => None,
        };
        let (Some((start, end, scope_period)), Some(amount), Some(currency), true) =
            (period, amount, currency, issues.is_empty())
        else {
            return Err(issues);
        };
        let scaled = amount.checked_mul(scale).map(|a| a.normalize());
        let Some((amount, amount_micros)) = scaled.and_then(|a| micros(a).map(|m| (a, m))) else {
            return Err(vec![self.issue(row, amount_header, &Cell::text(amount.to_string()), TOO_LARGE)]);
        };
        let description = if preset.description_parts.is_empty() {
            self.text(row, &preset.columns.description)
        } else {
            let parts: Vec<String> =
                preset.description_parts.iter().map(|c| self.text(row, c)).filter(|t| !t.is_empty()).collect();
            parts.join(" · ")
        };
        let provider = self.provider(row);
        let scope = self.scope(&provider, row, scope_period);
        let key = self.row_key(row, &scope, start);
        let attributes = preset
            .attribution
            .iter()
            .filter_map(|name| {
                let value = self.named(row, name);
                (!value.is_empty()).then(|| (name.clone(), value))
            })
            .collect();
        let record = CostRecord {
            part: self.part.clone(),
            row: row.number,
            period_start: start,
            period_end: end,
            amount,
            amount_micros,
            currency,
            basis,
            quantity: quantity.map(|q| q.normalize()),
            unit,
            description,
            scope,
            provider,
            key,
            attributes,
        };
        if let Some(dedupe) = &preset.dedupe {
            let column = self.cell(row, &dedupe.newest).1.to_owned();
            self.versions.hold(record, version, &column);
        } else {
            self.deliver(record);
        }
        Ok(())
    }

    /// The amount plus the preset's `amount_plus` columns the file has (blank counts as zero).
    fn plus(&self, row: &RawRow, amount: Decimal, issues: &mut Vec<RowIssue>) -> Option<Decimal> {
        let preset = self.columns.as_ref()?.preset;
        let mut sum = amount;
        for column in &preset.amount_plus {
            let (Some(cell), header) = self.cell(row, column) else { continue };
            match cell_decimal(cell, self.style) {
                Ok(value) => match sum.checked_add(value.unwrap_or_default()) {
                    Some(total) => sum = total,
                    None => {
                        issues.push(self.issue(row, header, cell, TOO_LARGE));
                        return None;
                    }
                },
                Err(message) => {
                    issues.push(self.issue(row, header, cell, message));
                    return None;
                }
            }
        }
        Some(sum)
    }

    /// The row's version for `dedupe` (blank is older than any date); an issue when unreadable.
    fn version(&self, row: &RawRow, column: &Column, issues: &mut Vec<RowIssue>) -> Option<NaiveDateTime> {
        let style = self.columns.as_ref()?.preset.dates;
        let (cell, header) = self.cell(row, column);
        match cell.map(|c| cell_datetime(c, style)) {
            Some(Ok(version)) => version,
            Some(Err(message)) => {
                issues.push(self.issue(row, header, cell.unwrap_or(&Cell::Empty), message));
                None
            }
            None => None,
        }
    }

    /// (start, inclusive end, scope period) of a row; issues pushed for what cannot be read.
    fn period(&self, row: &RawRow, issues: &mut Vec<RowIssue>) -> Option<(NaiveDate, NaiveDate, NaiveDate)> {
        let spec = &self.columns.as_ref()?.preset.period;
        let style = self.columns.as_ref()?.preset.dates;
        let read = |column: &Column, issues: &mut Vec<RowIssue>| -> Option<NaiveDateTime> {
            if column.is_empty() {
                return None;
            }
            let (cell, header) = self.cell(row, column);
            match cell.map(|c| cell_datetime(c, style)) {
                Some(Ok(value)) => value,
                Some(Err(message)) => {
                    issues.push(self.issue(row, header, cell.unwrap_or(&Cell::Empty), message));
                    None
                }
                None => None,
            }
        };
        let before = issues.len();
        let start = read(&spec.start, issues);
        let end = read(&spec.end, issues);
        let billing = self.billing_start(row, &spec.billing_start, issues);
        if issues.len() > before {
            return None;
        }
        let (start, end) = match (&spec.days, start, end) {
            (Some(days), _, Some(end)) => {
                let days = match days {
                    PeriodDays::Fixed(n) => *n,
                    PeriodDays::FromColumn(column) => {
                        let (cell, header) = self.cell(row, column);
                        let text = cell.map(Cell::display).unwrap_or_default();
                        match text.trim_start_matches(['D', 'd']).parse::<u32>() {
                            Ok(n) if n > 0 => n,
                            _ => {
                                issues.push(self.issue(
                                    row,
                                    header,
                                    cell.unwrap_or(&Cell::Empty),
                                    "not a number of days",
                                ));
                                return None;
                            }
                        }
                    }
                };
                let end = end.date();
                (end.checked_sub_days(Days::new(u64::from(days) - 1)).unwrap_or(end), end)
            }
            (_, Some(start), end) => {
                let end = match (end, spec.end_is) {
                    (None, _) => start.date(),
                    (Some(end), EndIs::Exclusive) if end.time() == NaiveTime::MIN && end.date() > start.date() => {
                        end.date().pred_opt().unwrap_or(end.date())
                    }
                    (Some(end), _) => end.date(),
                };
                (start.date(), end)
            }
            (_, None, _) => {
                let (cell, header) = self.cell(row, if spec.start.is_empty() { &spec.end } else { &spec.start });
                issues.push(self.issue(row, header, cell.unwrap_or(&Cell::Empty), "the date is missing"));
                return None;
            }
        };
        if end < start {
            let (cell, header) = self.cell(row, &spec.end);
            issues.push(self.issue(row, header, cell.unwrap_or(&Cell::Empty), "the period ends before it starts"));
            return None;
        }
        Some((start, end, billing.unwrap_or(start)))
    }

    /// The billing period's first day: a date, or a month as BigQuery writes `invoice.month`.
    fn billing_start(&self, row: &RawRow, column: &Column, issues: &mut Vec<RowIssue>) -> Option<NaiveDate> {
        let style = self.columns.as_ref()?.preset.dates;
        let (cell, header) = self.cell(row, column);
        let cell = cell?;
        match cell_datetime(cell, style) {
            Ok(value) => value.map(|dt| dt.date()),
            Err(message) => cell_month(cell).or_else(|| {
                issues.push(self.issue(row, header, cell, format!("{message}, nor a month such as 202509")));
                None
            }),
        }
    }

    /// Provider, basis, the preset's scope columns and the scope period: what a restated export
    /// of the same scope replaces. [`scope_account`] reads it back.
    fn scope(&self, provider: &str, row: &RawRow, period: NaiveDate) -> String {
        let Some(columns) = self.columns.as_ref() else { return String::new() };
        let period = if columns.preset.period.scope_month { period.with_day(1).unwrap_or(period) } else { period };
        // The basis is part of the scope: an amortized export never retires billed lines.
        let mut parts: Vec<String> = columns.preset.scope.iter().map(|name| self.named(row, name)).collect();
        parts.push(period.to_string());
        format!("{}{}", scope_prefix(provider, &columns.basis), parts.join("|"))
    }

    /// Natural key when the preset has one, otherwise the whole row, hashed, plus its occurrence.
    fn row_key(&mut self, row: &RawRow, scope: &str, day: NaiveDate) -> String {
        let Some(columns) = self.columns.as_ref() else { return String::new() };
        let preset = columns.preset;
        let mut parts: Vec<String> = vec![preset.id.clone(), scope.to_owned()];
        if preset.natural_key.is_empty() {
            parts.extend(row.cells.iter().map(Cell::display));
        } else {
            parts.extend(preset.natural_key.iter().map(|name| self.named(row, name)));
        }
        // Led by the day, so a month's keys land together in the unique index: random keys
        // made a million-row import spend most of its time moving about that index.
        format!("{day}|{}", hash_key(&parts.iter().map(String::as_str).collect::<Vec<_>>()))
    }

    fn observation_row(&mut self, row: &RawRow) -> Result<(), Vec<RowIssue>> {
        let Some(columns) = self.columns.as_ref() else { return Ok(()) };
        let preset = columns.preset;
        let mut issues = Vec::new();
        let Some((start, end, _)) = self.period(row, &mut issues) else { return Err(issues) };
        let mut values = Vec::with_capacity(preset.observations.len());
        for spec in &preset.observations {
            let value = if spec.count {
                Decimal::ONE
            } else if let Some(condition) = &spec.count_where {
                match self.counts(row, condition, start) {
                    Ok(true) => Decimal::ONE,
                    Ok(false) => Decimal::ZERO,
                    Err(issue) => {
                        issues.push(issue);
                        continue;
                    }
                }
            } else {
                let (cell, header) = self.cell(row, &spec.sum);
                match cell.map(|c| cell_decimal(c, self.style)) {
                    Some(Ok(v)) => v.unwrap_or_default(),
                    Some(Err(message)) => {
                        issues.push(self.issue(row, header, cell.unwrap_or(&Cell::Empty), message));
                        continue;
                    }
                    None => Decimal::ZERO,
                }
            };
            values.push((spec.metric.clone(), value));
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        // Check every sum first, so a row either counts whole or not at all.
        let mut sums = Vec::with_capacity(values.len());
        for (metric, value) in values {
            let current = self.aggregates.get(&(metric.clone(), start, end)).map_or(Decimal::ZERO, |e| e.0);
            let earlier: Decimal = sums.iter().filter(|(m, _)| *m == metric).map(|(_, v): &(String, Decimal)| *v).sum();
            match current.checked_add(earlier).and_then(|c| c.checked_add(value)) {
                Some(_) => sums.push((metric, value)),
                None => return Err(vec![self.issue(row, &metric, &Cell::text(value.to_string()), TOO_LARGE)]),
            }
        }
        for (metric, value) in sums {
            let entry =
                self.aggregates.entry((metric, start, end)).or_insert((Decimal::ZERO, self.part.clone(), row.number));
            entry.0 += value;
        }
        Ok(())
    }

    fn counts(&self, row: &RawRow, condition: &CountWhere, period_start: NaiveDate) -> Result<bool, RowIssue> {
        let (cell, header) = self.cell(row, &condition.column);
        let cell = cell.unwrap_or(&Cell::Empty);
        if condition.on_or_after.is_some() {
            let style = self.columns.as_ref().map_or(super::values::DateStyle::Iso, |c| c.preset.dates);
            return match cell_date(cell, style) {
                Ok(date) => Ok(date.is_some_and(|d| d >= period_start)),
                Err(message) => Err(self.issue(row, header, cell, message)),
            };
        }
        let text = cell.display();
        Ok(condition.values.iter().any(|v| v.eq_ignore_ascii_case(&text)))
    }
}

impl RowVisitor for Interpreter<'_> {
    fn start_part(&mut self, part: Option<&str>, style: NumberStyle) {
        self.flush_pending();
        self.flush_pivot();
        self.part = part.map(str::to_owned);
        self.style = style;
        self.columns = None;
        self.mapped_headers = None;
    }

    fn row(&mut self, row: RawRow, progress: f32) -> bool {
        if self.reading.fatal.is_some() || self.reading.sink_stopped {
            return false;
        }
        if self.mapped_headers.is_some() {
            if !self.mapped_row(row) {
                return false;
            }
        } else if self.columns.is_none() {
            if !row.cells.iter().all(Cell::is_blank) {
                self.pending.push(row);
            }
            if self.pending.len() >= HEADER_SEARCH_ROWS {
                self.flush_pending();
                if self.columns.is_none() && self.mapped_headers.is_none() {
                    return false;
                }
            }
        } else if !self.data_row(row) {
            return false;
        }
        let rows = self.reading.rows_read;
        if rows.is_multiple_of(4096) && !self.sink.progress(progress, rows) {
            self.reading.cancelled = true;
            return false;
        }
        true
    }
}

/// How every scope of one provider and basis begins: `provider|basis|`.
pub fn scope_prefix(provider: &str, basis: &str) -> String {
    format!("{provider}|{basis}|")
}

/// Whose money a scope holds, as far as its layout says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeAccount<'s> {
    /// The layout names no account (Cost Explorer, GCP reports): any account of its provider.
    Any,
    Account(&'s str),
}

impl ScopeAccount<'_> {
    /// Whether two scopes may hold the same money: the same account, or one names none.
    pub fn overlaps(self, other: ScopeAccount<'_>) -> bool {
        match (self, other) {
            (ScopeAccount::Account(a), ScopeAccount::Account(b)) => a == b,
            _ => true,
        }
    }
}

/// The billing account of a scope `preset` wrote for `provider` and `basis` (see
/// `Interpreter::scope`): the `billing_account` column among the scope columns. `None` when
/// the scope is not of that provider and basis, or not of that layout's shape (a value holding
/// `|`, or a preset whose scope columns changed since): such a scope is never matched by guess.
pub fn scope_account<'s>(preset: &Preset, provider: &str, basis: &str, scope: &'s str) -> Option<ScopeAccount<'s>> {
    let rest = scope.strip_prefix(&scope_prefix(provider, basis))?;
    let values: Vec<&str> = rest.split('|').collect();
    // The scope columns' values, then the scope period.
    if values.len() != preset.scope.len() + 1 {
        return None;
    }
    match preset.billing_account_index() {
        Some(i) => values.get(i).map(|account| ScopeAccount::Account(account)),
        None => Some(ScopeAccount::Any),
    }
}

/// The message for a part whose header is not the first part's.
fn columns_differ(part: Option<&str>, first: Option<&str>) -> String {
    let this = part.unwrap_or("this part");
    format!(
        "{this}: its columns differ from those of {}, the first part; the parts of one export share one header: \
         check that {this} belongs to this export, or import it on its own",
        first.unwrap_or("the first part")
    )
}

/// The same header, compared as the presets compare names (case, spaces and `/`, `_` aside);
/// empty cells at the end of a row are not columns.
fn same_columns(a: &[String], b: &[String]) -> bool {
    let names = |headers: &[String]| {
        let mut names: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        while names.last().is_some_and(String::is_empty) {
            names.pop();
        }
        names
    };
    names(a) == names(b)
}

fn texts(row: &RawRow) -> Vec<String> {
    row.cells.iter().map(Cell::display).collect()
}

/// Where a header probably is when no preset matched: the first row of text cells that is at
/// least 60 % as wide as the widest row (title rows and preambles are narrower).
pub fn guess_header(rows: &[RawRow]) -> Option<usize> {
    let width = |row: &RawRow| row.cells.iter().filter(|c| !c.is_blank()).count();
    let widest = rows.iter().map(width).max()?;
    rows.iter().position(|row| {
        let filled = width(row);
        filled >= 2
            && filled * 10 >= widest * 6
            && row.cells.iter().filter(|c| !c.is_blank()).all(|c| matches!(c, Cell::Text(_)))
    })
}

const SUMMARY_LABELS: [&str; 7] = ["total", "totals", "grand total", "service total", "subtotal", "sum", "total costs"];

/// Why a row is not data: a preset skip rule, or a summary row (a total label in the first
/// filled cell, with most other cells blank).
fn skip_reason(columns: &Resolved, row: &RawRow) -> Option<String> {
    for rule in &columns.preset.skip {
        let Some((i, name)) = columns.find(&rule.column) else { continue };
        let value = row.cells.get(i).map(Cell::display).unwrap_or_default();
        let hit = (rule.empty && value.is_empty()) || rule.values.iter().any(|v| v.eq_ignore_ascii_case(&value));
        if hit {
            return Some(rule.reason.clone().unwrap_or_else(|| format!("{name} is \"{value}\"")));
        }
    }
    is_summary_row(row, columns.headers.len()).then(|| "summary row".to_owned())
}

/// A total label in the first filled cell, with at most half the columns filled.
fn is_summary_row(row: &RawRow, width: usize) -> bool {
    let Some(first) = row.cells.iter().find(|c| !c.is_blank()) else { return false };
    // Most rows start with a date or a number: only a short text can be a total label.
    let Cell::Text(text) = first else { return false };
    if text.len() > 64 {
        return false;
    }
    let filled = row.cells.iter().filter(|c| !c.is_blank()).count();
    SUMMARY_LABELS.contains(&normalise_header(text).as_str()) && filled * 2 <= width.max(2)
}

fn unit_multiplier(units: &BTreeMap<String, u64>, unit: &str) -> Decimal {
    let leading = unit.split_whitespace().next().unwrap_or("");
    units
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(leading))
        .map_or(Decimal::ONE, |(_, factor)| Decimal::from(*factor))
}

/// Micro-units for aggregation, rounded half to even; the exact amount is kept beside it.
pub fn micros(amount: Decimal) -> Option<i64> {
    amount
        .checked_mul(Decimal::from(1_000_000))?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven)
        .to_i64()
}

/// A short, fixed-length key for a row from its identifying parts (length-prefixed, so
/// `("ab", "c")` and `("a", "bc")` differ).
pub fn hash_key(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = hasher.finalize();
    let mut key = String::with_capacity(32);
    for byte in &digest[..16] {
        key.push(HEX[usize::from(byte >> 4)] as char);
        key.push(HEX[usize::from(byte & 0xf)] as char);
    }
    key
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[test]
    fn row_keys_stay_what_earlier_imports_stored() {
        // A re-import finds its lines by this key: the same parts must give the same text forever.
        assert_eq!(
            hash_key(&["openai-cost", "OpenAI|billed|org|2025-01-01", "x√"]),
            "ae9957c0a8ba3ab5bb7ad1d07980baac"
        );
        assert_ne!(hash_key(&["ab", "c"]), hash_key(&["a", "bc"]));
    }

    #[test]
    fn only_a_short_total_label_with_few_cells_makes_a_summary_row() {
        let row = |cells: Vec<Cell>| RawRow { number: 9, cells };
        let t = Cell::text;
        assert!(is_summary_row(&row(vec![Cell::Empty, t("  Service total "), t(""), t("12.5")]), 4));
        assert!(!is_summary_row(&row(vec![t("Total"), t("a"), t("b"), t("12.5")]), 4), "most cells filled");
        assert!(!is_summary_row(&row(vec![Cell::Number(1.0), t("Total")]), 4), "a number comes first");
        assert!(!is_summary_row(&row(vec![t("Totally new model"), Cell::Empty]), 4));
        assert!(!is_summary_row(&row(vec![Cell::Empty, Cell::Empty]), 4));
    }

    fn layout(id: &str) -> &'static Preset {
        preset(id).expect("a shipped preset")
    }

    #[rstest]
    #[case::ea_enrollment(
        "azure-ea-cost",
        "Microsoft Azure|billed|87654321|5f1c2a7e|2025-10-01",
        Some(ScopeAccount::Account("87654321"))
    )]
    #[case::mca_billing_profile(
        "azure-mca-cost",
        "Microsoft Azure|billed|1a2b:9e8d_2019-05-31|NW4K-ABCD-BG7-PGB|sub|2025-10-01",
        Some(ScopeAccount::Account("NW4K-ABCD-BG7-PGB"))
    )]
    #[case::focus("focus", "Microsoft Azure|billed|87654321|2025-10-01", Some(ScopeAccount::Account("87654321")))]
    #[case::cost_explorer_names_no_account(
        "aws-cost-explorer-by-date",
        "Microsoft Azure|billed|2025-10-01",
        Some(ScopeAccount::Any)
    )]
    #[case::another_basis("azure-ea-cost", "Microsoft Azure|amortized|87654321|5f1c2a7e|2025-10-01", None)]
    #[case::another_provider("focus", "Microsoft Azure Stack|billed|87654321|2025-10-01", None)]
    #[case::a_value_holding_a_bar("focus", "Microsoft Azure|billed|8765|4321|2025-10-01", None)]
    #[case::an_older_shape("azure-ea-cost", "Microsoft Azure|billed|87654321|2025-10-01", None)]
    #[case::a_users_own_sheet("focus", "own-costs|3f2a|7|2025-10", None)]
    fn a_scope_names_its_billing_account(
        #[case] id: &str,
        #[case] scope: &str,
        #[case] expected: Option<ScopeAccount<'static>>,
    ) {
        assert_eq!(scope_account(layout(id), "Microsoft Azure", "billed", scope), expected, "{id}: {scope}");
    }

    #[rstest]
    #[case::same_account(ScopeAccount::Account("87654321"), ScopeAccount::Account("87654321"), true)]
    #[case::another_account(ScopeAccount::Account("87654321"), ScopeAccount::Account("11223344"), false)]
    #[case::new_file_names_none(ScopeAccount::Any, ScopeAccount::Account("111122223333"), true)]
    #[case::old_file_names_none(ScopeAccount::Account("111122223333"), ScopeAccount::Any, true)]
    fn accounts_overlap(#[case] mine: ScopeAccount<'_>, #[case] theirs: ScopeAccount<'_>, #[case] expected: bool) {
        assert_eq!(mine.overlaps(theirs), expected, "{mine:?} against {theirs:?}");
    }
}
