//! The facts analytics computes from, read in a few grouped queries (live rows only: deleted
//! records and cost lines a later import replaced are left out).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::{Reader, StoreResult, Tx, ValueAssumptionRow};
use crate::analytics::adoption::{AdoptionFact, AdoptionMetric};
use crate::analytics::fx::FxRate;
use crate::analytics::pipeline::StageChange;
use crate::analytics::risk::{IncidentFact, ReviewFact, RiskFact};
use crate::analytics::spend::{Budget, SpendFact};
use crate::analytics::value::Assumption;

/// A live contract with the systems it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractFact {
    pub id: i64,
    pub name: String,
    pub vendor_id: i64,
    pub status: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub notice_period_days: Option<u32>,
    pub auto_renew: bool,
    pub total_micros: Option<i64>,
    pub annual_micros: Option<i64>,
    pub currency: String,
    pub seats_purchased: Option<i64>,
    pub system_ids: Vec<i64>,
}

/// A live initiative with its systems.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeFact {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub stage: String,
    pub stage_entered_on: Option<NaiveDate>,
    pub planned_go_live: Option<NaiveDate>,
    pub department: String,
    pub lessons_learned: String,
    pub system_ids: Vec<i64>,
}

/// A live system as the analytics screens name and group it.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemFact {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub vendor_id: Option<i64>,
    pub department: String,
    pub lifecycle_state: String,
    pub eu_ai_act_tier: Option<String>,
    pub internal_risk_tier: Option<String>,
}

/// A stage change with the day it was decided.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedStageChange {
    pub change: StageChange,
    pub decided_on: Option<NaiveDate>,
    pub rationale: String,
}

/// One shared copy of each distinct text read (currencies, bases, departments): a portfolio has
/// a handful of each, and 200,000 facts need not own 600,000 strings. The first few texts are
/// compared directly, cheaper than hashing each one; the rest (many departments) are hashed.
#[derive(Default)]
struct Interner {
    few: Vec<Arc<str>>,
    many: std::collections::HashSet<Arc<str>>,
}

impl Interner {
    const FEW: usize = 16;

    fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(known) = self.few.iter().find(|known| ***known == *text).or_else(|| self.many.get(text)) {
            return Arc::clone(known);
        }
        let new: Arc<str> = Arc::from(text);
        if self.few.len() < Self::FEW {
            self.few.push(Arc::clone(&new));
        } else {
            self.many.insert(Arc::clone(&new));
        }
        new
    }
}

impl Reader<'_> {
    /// Cost per month (by `period_start`) and vendor, system, initiative, department, currency
    /// and basis, every month, in no particular order. The vendor and department fall back to
    /// the system's. Rows are not grouped again after the fallback: every figure is a sum, and
    /// grouping by seven keys cost more than the read (tests/bench/RESULTS.md).
    pub fn spend_facts(&self) -> StoreResult<Vec<SpendFact>> {
        let (mut departments, mut currencies, mut bases) =
            (Interner::default(), Interner::default(), Interner::default());
        let mut systems: HashMap<i64, (Option<i64>, Arc<str>)> = HashMap::new();
        let mut stmt = self.conn().prepare_cached("SELECT id, vendor_id, department FROM ai_systems")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let department = departments.get(r.get_ref(2)?.as_str().unwrap_or_default());
            systems.insert(r.get(0)?, (r.get(1)?, department));
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT month, vendor_id, system_id, initiative_id, department, currency, basis, amount_micros
             FROM spend_rollup",
        )?;
        let mut rows = stmt.query([])?;
        let mut facts: Vec<SpendFact> = Vec::new();
        let mut last_month: (String, NaiveDate) = (String::new(), NaiveDate::default());
        while let Some(r) = rows.next()? {
            let system_id: Option<i64> = r.get(2)?;
            let of_system = system_id.and_then(|s| systems.get(&s));
            let vendor_id = r.get::<_, Option<i64>>(1)?.or_else(|| of_system.and_then(|(v, _)| *v));
            let department = match r.get_ref(4)?.as_str().unwrap_or_default() {
                "" => of_system.map(|(_, d)| Arc::clone(d)).unwrap_or_else(|| departments.get("")),
                own => departments.get(own),
            };
            let month_text = r.get_ref(0)?.as_str().unwrap_or_default();
            if month_text != last_month.0 {
                last_month = (month_text.to_owned(), month_of(month_text));
            }
            facts.push(SpendFact {
                month: last_month.1,
                vendor_id,
                system_id,
                initiative_id: r.get(3)?,
                department,
                currency: currencies.get(r.get_ref(5)?.as_str().unwrap_or_default()),
                basis: bases.get(r.get_ref(6)?.as_str().unwrap_or_default()),
                micros: r.get(7)?,
            });
        }
        Ok(facts)
    }

    /// Seats purchased / assigned and active users of systems per month: in each month the
    /// values of the newest reporting day, summed over their breakdowns (departments, …).
    pub fn adoption_facts(&self) -> StoreResult<Vec<AdoptionFact>> {
        // The primary key's order: months ascending, as the analytics slices expect.
        let mut stmt = self.conn().prepare_cached(
            "SELECT month, system_id, metric_key, value FROM adoption_rollup ORDER BY month, system_id, metric_key",
        )?;
        let mut rows = stmt.query([])?;
        let mut facts = Vec::new();
        let mut last_month: (String, NaiveDate) = (String::new(), NaiveDate::default());
        while let Some(r) = rows.next()? {
            let Some(metric) = AdoptionMetric::from_key(r.get_ref(2)?.as_str().unwrap_or_default()) else { continue };
            let month_text = r.get_ref(0)?.as_str().unwrap_or_default();
            if month_text != last_month.0 {
                last_month = (month_text.to_owned(), month_of(month_text));
            }
            facts.push(AdoptionFact { month: last_month.1, system_id: r.get(1)?, metric, value: r.get(3)? });
        }
        Ok(facts)
    }

    pub fn fx_rates(&self) -> StoreResult<Vec<FxRate>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT from_currency, to_currency, valid_from, rate FROM fx_rates")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        let mut rates = Vec::new();
        for row in rows {
            let (from, to, valid_from, rate) = row?;
            // A rate that does not parse cannot convert anything; the money stays unconverted.
            if let (Some(valid_from), Ok(rate)) = (parse_day(&valid_from), rate.trim().parse()) {
                rates.push(FxRate { from, to, valid_from, rate });
            }
        }
        Ok(rates)
    }

    pub fn budgets(&self) -> StoreResult<Vec<Budget>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT scope_type, scope_value, period_start, period_end, amount_micros, currency FROM budgets",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let mut budgets = Vec::new();
        for row in rows {
            let (scope_type, scope_value, start, end, micros, currency) = row?;
            if let (Some(start), Some(end)) = (parse_day(&start), parse_day(&end)) {
                budgets.push(Budget { scope_type, scope_value, start, end, micros, currency });
            }
        }
        Ok(budgets)
    }

    pub fn contract_facts(&self) -> StoreResult<Vec<ContractFact>> {
        let links = self.links("SELECT contract_id, system_id FROM contract_systems")?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, name, vendor_id, status, start_date, end_date, notice_period_days, auto_renew,
                    total_value_micros, annual_value_micros, currency, seats_purchased
             FROM contracts WHERE deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            Ok(ContractFact {
                id,
                name: r.get(1)?,
                vendor_id: r.get(2)?,
                status: r.get(3)?,
                start: opt_day(r, 4)?,
                end: opt_day(r, 5)?,
                notice_period_days: r.get::<_, Option<i64>>(6)?.and_then(|d| u32::try_from(d).ok()),
                auto_renew: r.get(7)?,
                total_micros: r.get(8)?,
                annual_micros: r.get(9)?,
                currency: r.get(10)?,
                seats_purchased: r.get(11)?,
                system_ids: links.get(&id).cloned().unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn initiative_facts(&self) -> StoreResult<Vec<InitiativeFact>> {
        let links = self.links("SELECT initiative_id, system_id FROM initiative_systems")?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, code, name, stage, stage_entered_on, planned_go_live, department, lessons_learned
             FROM initiatives WHERE deleted_at IS NULL ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            Ok(InitiativeFact {
                id,
                code: r.get(1)?,
                name: r.get(2)?,
                stage: r.get(3)?,
                stage_entered_on: opt_day(r, 4)?,
                planned_go_live: opt_day(r, 5)?,
                department: r.get(6)?,
                lessons_learned: r.get(7)?,
                system_ids: links.get(&id).cloned().unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn system_facts(&self) -> StoreResult<Vec<SystemFact>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, code, name, vendor_id, department, lifecycle_state, eu_ai_act_tier, internal_risk_tier
             FROM ai_systems WHERE deleted_at IS NULL ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SystemFact {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                vendor_id: r.get(3)?,
                department: r.get(4)?,
                lifecycle_state: r.get(5)?,
                eu_ai_act_tier: r.get(6)?,
                internal_risk_tier: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Vendor names by id, deleted ones included (old cost still names them).
    pub fn vendor_names(&self) -> StoreResult<HashMap<i64, String>> {
        let mut stmt = self.conn().prepare_cached("SELECT id, name FROM vendors")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn stage_changes(&self) -> StoreResult<Vec<DatedStageChange>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT initiative_id, to_stage, decided_on, rationale FROM stage_transitions ORDER BY decided_on, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DatedStageChange {
                change: StageChange { initiative_id: r.get(0)?, to_stage: r.get(1)? },
                decided_on: opt_day(r, 2)?,
                rationale: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The value model of every initiative, in the order entered.
    pub fn value_assumptions(&self) -> StoreResult<HashMap<i64, Vec<Assumption>>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT initiative_id, method, name, unit, low, likely, high, confidence
             FROM value_assumptions ORDER BY initiative_id, position, id",
        )?;
        let decimal = |text: Option<String>| text.and_then(|t| t.trim().parse().ok());
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Assumption {
                    method: r.get(1)?,
                    name: r.get(2)?,
                    unit: r.get(3)?,
                    low: decimal(r.get(4)?),
                    likely: decimal(r.get(5)?),
                    high: decimal(r.get(6)?),
                    confidence: r.get(7)?,
                },
            ))
        })?;
        let mut models: HashMap<i64, Vec<Assumption>> = HashMap::new();
        for row in rows {
            let (initiative, assumption) = row?;
            models.entry(initiative).or_default().push(assumption);
        }
        Ok(models)
    }

    pub fn risk_facts(&self) -> StoreResult<Vec<RiskFact>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT system_id, likelihood, severity, status FROM risks WHERE deleted_at IS NULL")?;
        let small = |v: Option<i64>| v.and_then(|v| u8::try_from(v).ok());
        let rows = stmt.query_map([], |r| {
            Ok(RiskFact {
                system_id: r.get(0)?,
                likelihood: small(r.get(1)?),
                impact: small(r.get(2)?),
                status: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn review_facts(&self) -> StoreResult<Vec<ReviewFact>> {
        let mut stmt = self.conn().prepare_cached("SELECT due_date, completed_on FROM reviews")?;
        let rows = stmt.query_map([], |r| Ok(ReviewFact { due: opt_day(r, 0)?, completed: opt_day(r, 1)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn incident_facts(&self) -> StoreResult<Vec<IncidentFact>> {
        let mut stmt = self.conn().prepare_cached("SELECT severity, status FROM incidents")?;
        let rows = stmt.query_map([], |r| Ok(IncidentFact { severity: r.get(0)?, status: r.get(1)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn links(&self, sql: &str) -> StoreResult<HashMap<i64, Vec<i64>>> {
        let mut stmt = self.conn().prepare_cached(sql)?;
        let mut links: HashMap<i64, Vec<i64>> = HashMap::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
            let (owner, system) = row?;
            links.entry(owner).or_default().push(system);
        }
        Ok(links)
    }
}

impl Tx<'_> {
    /// Replaces an initiative's value model with `rows`, in their order.
    pub fn replace_value_model(&self, initiative_id: i64, rows: &[ValueAssumptionRow<'_>]) -> StoreResult<()> {
        self.conn().execute("DELETE FROM value_assumptions WHERE initiative_id = ?1", [initiative_id])?;
        for row in rows {
            self.insert_value_assumption(&ValueAssumptionRow { initiative_id, ..*row })?;
        }
        Ok(())
    }

    /// The assumption of `initiative_id`'s value model with this method and name (names compared
    /// without regard to case), for an imported sheet to update rather than repeat.
    pub fn value_assumption_named(
        &self,
        initiative_id: i64,
        method: &str,
        name: &str,
    ) -> StoreResult<Option<StoredAssumption>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, unit, low, likely, high, confidence, note, position FROM value_assumptions
                 WHERE initiative_id = ?1 AND method = ?2 AND name = ?3 COLLATE NOCASE ORDER BY id LIMIT 1",
                params![initiative_id, method, name],
                |r| {
                    Ok(StoredAssumption {
                        id: r.get(0)?,
                        initiative_id,
                        method: method.to_owned(),
                        name: name.to_owned(),
                        unit: r.get(1)?,
                        low: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                        likely: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                        high: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                        confidence: r.get(5)?,
                        note: r.get(6)?,
                        position: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    /// Changes assumption `id` in place; `false` when it is gone.
    pub fn update_value_assumption(&self, id: i64, row: &ValueAssumptionRow<'_>) -> StoreResult<bool> {
        Ok(self.conn().execute(
            "UPDATE value_assumptions SET initiative_id = ?2, method = ?3, name = ?4, unit = ?5, low = ?6,
                 likely = ?7, high = ?8, confidence = ?9, note = ?10, position = ?11 WHERE id = ?1",
            params![
                id,
                row.initiative_id,
                row.method,
                row.name,
                row.unit,
                row.low,
                row.likely,
                row.high,
                row.confidence,
                row.note,
                row.position
            ],
        )? > 0)
    }

    /// The position after the last assumption of the initiative's model (1 for an empty model).
    pub fn next_value_position(&self, initiative_id: i64) -> StoreResult<i64> {
        Ok(self.conn().query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM value_assumptions WHERE initiative_id = ?1",
            [initiative_id],
            |r| r.get(0),
        )?)
    }

    /// The model as JSON, for the audit trail's old → new.
    pub fn value_model_json(&self, initiative_id: i64) -> StoreResult<String> {
        Ok(self.conn().query_row(
            "SELECT coalesce(json_group_array(json_object('method', method, 'name', name, 'unit', unit,
                        'low', low, 'likely', likely, 'high', high, 'confidence', confidence, 'note', note)), '[]')
             FROM (SELECT * FROM value_assumptions WHERE initiative_id = ?1 ORDER BY position, id)",
            [initiative_id],
            |r| r.get(0),
        )?)
    }
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// "2026-03" or "2026-03-15" → 1 March 2026 (stored dates are ISO, checked on the way in).
/// Read by hand: this runs for every row the dashboard reads.
fn month_of(text: &str) -> NaiveDate {
    let year = text.get(..4).and_then(|y| y.parse().ok());
    let month = text.get(5..7).and_then(|m| m.parse().ok());
    year.zip(month).and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1)).unwrap_or_default()
}

fn opt_day(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(row.get::<_, Option<String>>(index)?.as_deref().and_then(parse_day))
}

impl Tx<'_> {
    /// The rate and source stored for the pair and day, if any.
    pub fn fx_rate(&self, from: &str, to: &str, valid_from: &str) -> StoreResult<Option<(String, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT rate, source FROM fx_rates WHERE from_currency = ?1 AND to_currency = ?2 AND valid_from = ?3",
        )?;
        let mut rows = stmt.query(params![from, to, valid_from])?;
        Ok(match rows.next()? {
            Some(row) => Some((row.get(0)?, row.get(1)?)),
            None => None,
        })
    }

    pub fn upsert_fx_rate(&self, from: &str, to: &str, valid_from: &str, rate: &str, source: &str) -> StoreResult<()> {
        self.conn().execute(
            "INSERT INTO fx_rates (from_currency, to_currency, valid_from, rate, source) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (from_currency, to_currency, valid_from) DO UPDATE SET rate = excluded.rate, source = excluded.source",
            params![from, to, valid_from, rate, source],
        )?;
        Ok(())
    }

    pub fn delete_fx_rate(&self, from: &str, to: &str, valid_from: &str) -> StoreResult<bool> {
        Ok(self.conn().execute(
            "DELETE FROM fx_rates WHERE from_currency = ?1 AND to_currency = ?2 AND valid_from = ?3",
            params![from, to, valid_from],
        )? > 0)
    }
}

/// A stored exchange rate with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FxRateRow {
    pub from: String,
    pub to: String,
    pub valid_from: String,
    pub rate: String,
    pub source: String,
}

impl Reader<'_> {
    pub fn fx_rate_rows(&self) -> StoreResult<Vec<FxRateRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT from_currency, to_currency, valid_from, rate, source FROM fx_rates
             ORDER BY from_currency, to_currency, valid_from DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FxRateRow { from: r.get(0)?, to: r.get(1)?, valid_from: r.get(2)?, rate: r.get(3)?, source: r.get(4)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A stored value assumption, as an import compares and puts it back.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAssumption {
    pub id: i64,
    pub initiative_id: i64,
    pub method: String,
    pub name: String,
    pub unit: String,
    pub low: String,
    pub likely: String,
    pub high: String,
    pub confidence: String,
    pub note: String,
    pub position: i64,
}

/// A stored budget with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRow {
    pub id: i64,
    pub budget: Budget,
    pub note: String,
}

impl Reader<'_> {
    pub fn budget_rows(&self) -> StoreResult<Vec<BudgetRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, scope_type, scope_value, period_start, period_end, amount_micros, currency, note
             FROM budgets ORDER BY period_start DESC, scope_type, scope_value",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                opt_day(r, 3)?,
                opt_day(r, 4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })?;
        let mut budgets = Vec::new();
        for row in rows {
            let (id, scope_type, scope_value, start, end, micros, currency, note) = row?;
            if let (Some(start), Some(end)) = (start, end) {
                budgets.push(BudgetRow {
                    id,
                    budget: Budget { scope_type, scope_value, start, end, micros, currency },
                    note,
                });
            }
        }
        Ok(budgets)
    }
}

impl Tx<'_> {
    /// Adds a budget, or replaces the one for the same scope and dates; returns its id and
    /// what it was before, if anything.
    pub fn upsert_budget(&self, budget: &Budget, note: &str) -> StoreResult<(i64, Option<Budget>)> {
        match self.budget_for(budget)? {
            Some(id) => Ok((id, Some(self.update_budget(id, budget, note)?))),
            None => {
                self.conn().execute(
                    "INSERT INTO budgets (scope_type, scope_value, period_start, period_end, amount_micros, currency, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![budget.scope_type, budget.scope_value, iso(budget.start), iso(budget.end), budget.micros, budget.currency, note],
                )?;
                Ok((self.conn().last_insert_rowid(), None))
            }
        }
    }

    /// Budget `id` with its note, if it is there.
    pub fn budget(&self, id: i64) -> StoreResult<Option<BudgetRow>> {
        // Budgets are a few dozen rows: reading them all keeps one reader of the table.
        Ok(Reader(self.conn()).budget_rows()?.into_iter().find(|row| row.id == id))
    }

    /// The budget stored for the same scope and dates, if any.
    pub fn budget_for(&self, budget: &Budget) -> StoreResult<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM budgets
                 WHERE scope_type = ?1 AND scope_value = ?2 AND period_start = ?3 AND period_end = ?4",
                params![budget.scope_type, budget.scope_value, iso(budget.start), iso(budget.end)],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?)
    }

    /// Changes budget `id` in place (scope, dates and amount alike); returns what it was.
    pub fn update_budget(&self, id: i64, budget: &Budget, note: &str) -> StoreResult<Budget> {
        let before = self
            .conn()
            .query_row(
                "SELECT scope_type, scope_value, period_start, period_end, amount_micros, currency FROM budgets WHERE id = ?1",
                [id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, opt_day(r, 2)?, opt_day(r, 3)?, r.get(4)?, r.get(5)?)),
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => super::StoreError::NotFound { entity: "budget", id },
                other => other.into(),
            })?;
        let (scope_type, scope_value, start, end, micros, currency) = before;
        self.conn().execute(
            "UPDATE budgets SET scope_type = ?2, scope_value = ?3, period_start = ?4, period_end = ?5,
                 amount_micros = ?6, currency = ?7, note = ?8 WHERE id = ?1",
            params![
                id,
                budget.scope_type,
                budget.scope_value,
                iso(budget.start),
                iso(budget.end),
                budget.micros,
                budget.currency,
                note
            ],
        )?;
        Ok(Budget {
            scope_type,
            scope_value,
            start: start.unwrap_or(budget.start),
            end: end.unwrap_or(budget.end),
            micros,
            currency,
        })
    }

    pub fn delete_budget(&self, id: i64) -> StoreResult<bool> {
        Ok(self.conn().execute("DELETE FROM budgets WHERE id = ?1", [id])? > 0)
    }
}

/// Re-sums the months of `spend_rollup` and `adoption_rollup` that writes in this transaction
/// touched (the triggers of migration 0004 list them), so the summaries always equal the lines.
/// Runs inside every write transaction, just before it commits.
pub(super) fn refresh_rollups(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let dirty = |table: &str| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare_cached(&format!("SELECT month FROM {table}"))?;
        let months: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(months)
    };
    for month in dirty("spend_rollup_dirty")? {
        let next = next_month_key(&month);
        conn.prepare_cached("DELETE FROM spend_rollup WHERE month = ?1")?.execute([&month])?;
        conn.prepare_cached(
            "INSERT INTO spend_rollup
             SELECT ?1, vendor_id, system_id, initiative_id, department, currency, basis, sum(amount_micros), count(*)
             FROM cost_lines
             WHERE replaced_by_batch IS NULL AND period_start >= ?1 AND period_start < ?2
             GROUP BY vendor_id, system_id, initiative_id, department, currency, basis",
        )?
        .execute(params![month, next])?;
    }
    conn.execute("DELETE FROM spend_rollup_dirty", [])?;
    for month in dirty("adoption_rollup_dirty")? {
        let next = next_month_key(&month);
        conn.prepare_cached("DELETE FROM adoption_rollup WHERE month = ?1")?.execute([&month])?;
        conn.prepare_cached(
            "INSERT INTO adoption_rollup (month, system_id, metric_key, day, value)
             SELECT ?1, o.subject_id, o.metric_key, o.period_start, sum(o.value)
             FROM metric_observations o
             WHERE o.replaced_by_batch IS NULL AND o.period_start >= ?1 AND o.period_start < ?2
               AND o.subject_type = 'system'
               AND o.metric_key IN ('seats_purchased', 'seats_assigned', 'active_users')
               AND o.period_start = (
                   SELECT max(i.period_start) FROM metric_observations i
                   WHERE i.subject_type = 'system' AND i.subject_id = o.subject_id AND i.metric_key = o.metric_key
                     AND i.replaced_by_batch IS NULL AND i.period_start >= ?1 AND i.period_start < ?2)
             GROUP BY o.subject_id, o.metric_key, o.period_start",
        )?
        .execute(params![month, next])?;
    }
    conn.execute("DELETE FROM adoption_rollup_dirty", [])?;
    Ok(())
}

/// Whether writes left months to re-sum (only a program other than Steward can).
pub(super) fn rollups_pending(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM spend_rollup_dirty) OR EXISTS (SELECT 1 FROM adoption_rollup_dirty)",
        [],
        |r| r.get(0),
    )
}

/// "2026-12" → "2027-01": the exclusive upper bound of a month's ISO dates.
fn next_month_key(month: &str) -> String {
    let year: i32 = month.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let number: u32 = month.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
    if number >= 12 { format!("{:04}-01", year + 1) } else { format!("{year:04}-{:02}", number + 1) }
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::*;

    fn insert_line(tx: &Tx<'_>, day: &str, system: Option<i64>, micros: i64) -> i64 {
        tx.conn()
            .execute(
                "INSERT INTO cost_lines (period_start, period_end, amount_micros, currency, basis, system_id, created_at)
                 VALUES (?1, ?1, ?2, 'EUR', 'billed', ?3, '2026-01-01T00:00:00Z')",
                params![day, micros, system],
            )
            .expect("a cost line inserts");
        tx.conn().last_insert_rowid()
    }

    type MonthTotals = Vec<(String, i64)>;

    /// The rollup, and the same figures summed from the lines directly.
    fn both(store: &Store) -> (MonthTotals, MonthTotals) {
        let query = |sql: &str| -> MonthTotals {
            let mut stmt = store.conn.prepare(sql).expect("query prepares");
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query runs").map(|r| r.expect("row")).collect()
        };
        (
            query("SELECT month, sum(amount_micros) FROM spend_rollup GROUP BY 1 ORDER BY 1"),
            query(
                "SELECT substr(period_start, 1, 7), sum(amount_micros) FROM cost_lines
                 WHERE replaced_by_batch IS NULL GROUP BY 1 ORDER BY 1",
            ),
        )
    }

    #[test]
    fn the_spend_rollup_follows_every_insert_update_and_delete() {
        let mut store = Store::in_memory().expect("store");
        let (a, b) = store
            .write(|tx| Ok((insert_line(tx, "2026-01-05", None, 10), insert_line(tx, "2026-02-01", None, 20))))
            .expect("write");
        let (rollup, lines) = both(&store);
        assert_eq!(rollup, vec![("2026-01".into(), 10), ("2026-02".into(), 20)]);
        assert_eq!(rollup, lines);
        // Moving a line to another month, retiring one (replaced by a later import), deleting.
        store
            .write(|tx| {
                tx.conn().execute("UPDATE cost_lines SET period_start = '2026-03-01' WHERE id = ?1", [a])?;
                tx.conn().execute("INSERT INTO import_batches (id, file_name, file_sha256, file_size, format, rows_read, rows_imported, imported_at, imported_by) VALUES (9, 'f', 'h', 0, 'x', 0, 0, 'now', 'me')", [])?;
                tx.conn().execute("UPDATE cost_lines SET replaced_by_batch = 9 WHERE id = ?1", [b])?;
                insert_line(tx, "2026-03-31", None, 5);
                Ok(())
            })
            .expect("write");
        let (rollup, lines) = both(&store);
        assert_eq!(rollup, vec![("2026-03".into(), 15)]);
        assert_eq!(rollup, lines);
        store.write(|tx| Ok(tx.conn().execute("DELETE FROM cost_lines", [])?)).expect("write");
        assert_eq!(both(&store).0, Vec::<(String, i64)>::new());
    }

    #[test]
    fn an_import_without_the_insert_trigger_still_keeps_the_rollup_exact() {
        let mut store = Store::in_memory().expect("store");
        let schema = |store: &Store| -> Vec<(String, Option<String>)> {
            let mut stmt =
                store.conn.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").expect("query prepares");
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query runs").map(|r| r.expect("row")).collect()
        };
        let before = schema(&store);
        store
            .write(|tx| {
                tx.conn().execute("INSERT INTO import_batches (id, file_name, file_sha256, file_size, format, rows_read, rows_imported, imported_at, imported_by) VALUES (7, 'f', 'h', 0, 'x', 0, 0, 'now', 'me')", [])?;
                tx.suspend_cost_line_trigger()?;
                for (day, micros) in [("2026-01-05", 10), ("2026-04-30", 20), ("2026-04-01", 1)] {
                    let id = insert_line(tx, day, None, micros);
                    tx.conn().execute("UPDATE cost_lines SET import_batch_id = 7 WHERE id = ?1", [id])?;
                }
                tx.resume_cost_line_trigger(7)
            })
            .expect("write");
        let (rollup, lines) = both(&store);
        assert_eq!(rollup, vec![("2026-01".into(), 10), ("2026-04".into(), 21)]);
        assert_eq!(rollup, lines);
        assert_eq!(schema(&store), before, "the trigger is back exactly as the migration wrote it");
        // And it works again for writes after the import.
        store.write(|tx| Ok(insert_line(tx, "2026-06-02", None, 3))).expect("write");
        assert_eq!(both(&store).0.last(), Some(&("2026-06".into(), 3)));
    }

    #[test]
    fn the_adoption_rollup_keeps_the_newest_day_of_each_month() {
        let mut store = Store::in_memory().expect("store");
        store
            .write(|tx| {
                for (day, value) in [("2026-01-07", 10.0), ("2026-01-28", 30.0), ("2026-01-28", 5.0), ("2026-02-03", 7.0)] {
                    tx.conn().execute(
                        "INSERT INTO metric_observations (metric_key, subject_type, subject_id, period_start, period_end, value, created_at)
                         VALUES ('active_users', 'system', 1, ?1, ?1, ?2, 'now')",
                        params![day, value],
                    )?;
                }
                Ok(())
            })
            .expect("write");
        let facts = store.read().adoption_facts().expect("facts");
        let values: Vec<(NaiveDate, f64)> = facts.iter().map(|f| (f.month, f.value)).collect();
        assert_eq!(
            values,
            vec![(month_of("2026-01"), 35.0), (month_of("2026-02"), 7.0)],
            "28 Jan's two breakdowns, summed"
        );
    }

    #[test]
    fn month_keys_roll_over_the_year() {
        assert_eq!(next_month_key("2026-12"), "2027-01");
        assert_eq!(next_month_key("2026-02"), "2026-03");
    }
}
