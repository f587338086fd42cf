//! Portfolio settings the figures depend on: the reporting currency and the FX-rate table.
//! Both changes are in the audit trail, since every converted total depends on them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApiError, ApiResult, App, ErrorCode, now_text};
use crate::analytics::spend::Budget;
use crate::domain::{Currency, FieldError, Validation, format_micros, parse_decimal_micros};
use crate::store::AuditChange;

/// One row of the rate table: 1 `from` = `rate` `to` from `valid_from` until the next row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FxRateEntry {
    pub from: String,
    pub to: String,
    pub valid_from: NaiveDate,
    /// Decimal text, e.g. "0.9215".
    pub rate: String,
    /// Where the rate comes from, e.g. "ECB reference rate".
    pub source: String,
}

impl App {
    pub fn fx_rates(&self) -> ApiResult<Vec<FxRateEntry>> {
        Ok(self
            .store
            .read()
            .fx_rate_rows()?
            .into_iter()
            .filter_map(|row| {
                Some(FxRateEntry {
                    valid_from: NaiveDate::parse_from_str(&row.valid_from, "%Y-%m-%d").ok()?,
                    from: row.from,
                    to: row.to,
                    rate: row.rate,
                    source: row.source,
                })
            })
            .collect())
    }

    /// Adds a rate, or replaces the one for the same pair and day.
    pub fn fx_rate_set(&mut self, entry: &FxRateEntry) -> ApiResult<FxRateEntry> {
        let mut errors = Vec::new();
        let currency = |field: &str, code: &str, errors: &mut Vec<FieldError>| {
            let parsed = Currency::parse(code);
            if parsed.is_none() {
                let message = match (code.trim().is_empty(), field) {
                    (true, "from") => "Enter the currency to convert from, such as USD".to_owned(),
                    (true, _) => "Enter the currency to convert into, such as EUR".to_owned(),
                    (false, _) => format!("\"{}\" is not an ISO 4217 currency code such as USD or EUR", code.trim()),
                };
                errors.push(FieldError { field: field.into(), message });
            }
            parsed
        };
        let from = currency("from", &entry.from, &mut errors);
        let to = currency("to", &entry.to, &mut errors);
        if let (Some(from), Some(to)) = (&from, &to)
            && from == to
        {
            errors.push(FieldError {
                field: "to".into(),
                message: "A rate converts between two different currencies".into(),
            });
        }
        let rate = match entry.rate.trim().parse::<Decimal>() {
            Ok(rate) if rate > Decimal::ZERO => Some(rate.normalize().to_string()),
            _ => {
                let message = if entry.rate.trim().is_empty() {
                    "Enter the rate: how many units of the second currency one unit of the first buys".to_owned()
                } else {
                    format!("\"{}\" is not a positive number such as 0.92", entry.rate.trim())
                };
                errors.push(FieldError { field: "rate".into(), message });
                None
            }
        };
        let (Some(from), Some(to), Some(rate), true) = (from, to, rate, errors.is_empty()) else {
            return Err(ApiError::validation(errors));
        };
        let day = entry.valid_from.format("%Y-%m-%d").to_string();
        let (actor, now) = (self.actor.clone(), now_text());
        let source = entry.source.trim().to_owned();
        self.store.write(|tx| {
            let before = tx.fx_rate(from.as_str(), to.as_str(), &day)?.map(|(rate, _)| rate);
            tx.upsert_fx_rate(from.as_str(), to.as_str(), &day, &rate, &source)?;
            if before.as_deref() != Some(rate.as_str()) {
                let field = format!("{} → {} from {day}", from.as_str(), to.as_str());
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "fx_rate",
                        entity_id: 0,
                        action: if before.is_some() { "update" } else { "create" },
                        field: Some(&field),
                        old_value: before,
                        new_value: Some(rate.clone()),
                    },
                )?;
            }
            Ok(())
        })?;
        Ok(FxRateEntry {
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
            valid_from: entry.valid_from,
            rate,
            source,
        })
    }

    pub fn fx_rate_delete(&mut self, from: &str, to: &str, valid_from: NaiveDate) -> ApiResult<()> {
        let (from, to) = (from.trim().to_ascii_uppercase(), to.trim().to_ascii_uppercase());
        let day = valid_from.format("%Y-%m-%d").to_string();
        let (actor, now) = (self.actor.clone(), now_text());
        let found = self.store.write(|tx| {
            let before = tx.fx_rate(&from, &to, &day)?.map(|(rate, _)| rate);
            if tx.delete_fx_rate(&from, &to, &day)? {
                let field = format!("{from} → {to} from {day}");
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "fx_rate",
                        entity_id: 0,
                        action: "delete",
                        field: Some(&field),
                        old_value: before,
                        new_value: None,
                    },
                )?;
                return Ok(true);
            }
            Ok(false)
        })?;
        if !found {
            return Err(ApiError::new(ErrorCode::NotFound, format!("There is no {from} → {to} rate from {day}")));
        }
        Ok(())
    }

    /// The currency every converted total is in.
    pub fn reporting_currency_set(&mut self, code: &str) -> ApiResult<String> {
        let currency = Currency::parse(code).ok_or_else(|| {
            let message = if code.trim().is_empty() {
                "Enter the currency totals are reported in, such as EUR".to_owned()
            } else {
                format!("\"{}\" is not an ISO 4217 currency code such as USD or EUR", code.trim())
            };
            ApiError::validation(vec![FieldError { field: "reporting_currency".into(), message }])
        })?;
        let before = self.store.meta("reporting_currency")?;
        let (actor, now) = (self.actor.clone(), now_text());
        self.store.write(|tx| {
            tx.set_meta("reporting_currency", currency.as_str())?;
            if before.as_deref() != Some(currency.as_str()) {
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "portfolio",
                        entity_id: 0,
                        action: "update",
                        field: Some("reporting_currency"),
                        old_value: before,
                        new_value: Some(currency.as_str().to_owned()),
                    },
                )?;
            }
            Ok(())
        })?;
        Ok(currency.as_str().to_owned())
    }
}

/// A budget for the whole portfolio or one department, over a period (usually a year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BudgetEntry {
    /// Set by the store; ignored when saving.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// `portfolio` or `department`.
    pub scope_type: String,
    /// The department's name; empty for the portfolio.
    pub scope_value: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// Decimal text in `currency`.
    pub amount: String,
    pub currency: String,
    pub note: String,
}

/// The scopes a budget can have.
pub const BUDGET_SCOPES: [&str; 2] = ["portfolio", "department"];

impl App {
    pub fn budgets(&self) -> ApiResult<Vec<BudgetEntry>> {
        Ok(self
            .store
            .read()
            .budget_rows()?
            .into_iter()
            .map(|row| BudgetEntry {
                id: Some(row.id),
                scope_type: row.budget.scope_type,
                scope_value: row.budget.scope_value,
                period_start: row.budget.start,
                period_end: row.budget.end,
                amount: format_micros(row.budget.micros),
                currency: row.budget.currency,
                note: row.note,
            })
            .collect())
    }

    /// Adds a budget, or replaces the one for the same scope and dates; with an `id`, changes
    /// that budget (scope, dates and amount alike) in one step.
    pub fn budget_set(&mut self, entry: &BudgetEntry) -> ApiResult<BudgetEntry> {
        let budget = checked_budget(entry).map_err(ApiError::validation)?;
        let (actor, now, note) = (self.actor.clone(), now_text(), entry.note.trim().to_owned());
        let id = self
            .store
            .write(|tx| {
                let (id, before) = match entry.id {
                    Some(id) => {
                        if tx.budget_for(&budget)?.is_some_and(|other| other != id) {
                            return Ok(Err(()));
                        }
                        (id, Some(tx.update_budget(id, &budget, &note)?))
                    }
                    None => tx.upsert_budget(&budget, &note)?,
                };
                let (before, after) = (before.as_ref().map(describe_budget), describe_budget(&budget));
                if before.as_deref() != Some(after.as_str()) {
                    tx.append_audit(
                        &now,
                        AuditChange {
                            actor: &actor,
                            entity_type: "budget",
                            entity_id: id,
                            action: if before.is_some() { "update" } else { "create" },
                            field: Some("budget"),
                            old_value: before,
                            new_value: Some(after),
                        },
                    )?;
                }
                Ok(Ok(id))
            })?
            .map_err(|()| {
                ApiError::validation(vec![FieldError {
                    field: "period_start".into(),
                    message: "Another budget has this scope and these dates: change that one instead".into(),
                }])
            })?;
        self.budgets()?
            .into_iter()
            .find(|b| b.id == Some(id))
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "the budget was saved but cannot be read back"))
    }

    pub fn budget_delete(&mut self, id: i64) -> ApiResult<()> {
        let (actor, now) = (self.actor.clone(), now_text());
        let found = self.store.write(|tx| {
            if !tx.delete_budget(id)? {
                return Ok(false);
            }
            tx.append_audit(
                &now,
                AuditChange {
                    actor: &actor,
                    entity_type: "budget",
                    entity_id: id,
                    action: "delete",
                    field: None,
                    old_value: None,
                    new_value: None,
                },
            )?;
            Ok(true)
        })?;
        if !found {
            return Err(ApiError::new(ErrorCode::NotFound, format!("Budget {id} does not exist")));
        }
        Ok(())
    }
}

/// A budget entry checked as the settings screen and an imported budget sheet both need it:
/// a known scope (a department named), dates in order, a non-negative amount, an ISO currency.
pub(super) fn checked_budget(entry: &BudgetEntry) -> Result<Budget, Vec<FieldError>> {
    let mut v = Validation::default();
    let scope_type = entry.scope_type.trim().to_ascii_lowercase();
    if !BUDGET_SCOPES.contains(&scope_type.as_str()) {
        v.error("scope_type", "A budget is for the portfolio or for one department");
    }
    let scope_value = if scope_type == "portfolio" { String::new() } else { entry.scope_value.trim().to_owned() };
    if scope_type == "department" && scope_value.is_empty() {
        v.error("scope_value", "Name the department the budget is for");
    }
    v.dates_in_order("period_end", "The end", "start", Some(entry.period_start), Some(entry.period_end));
    let micros = match parse_decimal_micros(&entry.amount) {
        Ok(micros) if micros >= 0 => Some(micros),
        _ if entry.amount.trim().is_empty() => {
            v.error("amount", "Enter the budget amount, such as 250000");
            None
        }
        _ => {
            v.error("amount", format!("\"{}\" is not an amount such as 250000.00", entry.amount.trim()));
            None
        }
    };
    let currency = Currency::parse(&entry.currency);
    if currency.is_none() {
        v.error(
            "currency",
            match entry.currency.trim() {
                "" => "Enter the budget's currency, such as EUR".to_owned(),
                code => format!("\"{code}\" is not an ISO 4217 currency code such as EUR"),
            },
        );
    }
    v.finish()?;
    let (Some(micros), Some(currency)) = (micros, currency) else {
        return Err(vec![FieldError { field: "amount".into(), message: "a checked budget lost its amount".into() }]);
    };
    Ok(Budget {
        scope_type,
        scope_value,
        start: entry.period_start,
        end: entry.period_end,
        micros,
        currency: currency.as_str().to_owned(),
    })
}

/// "Finance 1 Jan 2026 – 31 Dec 2026: 400000.00 EUR", for the audit trail.
pub(super) fn describe_budget(budget: &Budget) -> String {
    let scope = if budget.scope_type == "portfolio" { "Whole portfolio" } else { budget.scope_value.as_str() };
    format!(
        "{scope} {} – {}: {} {}",
        budget.start.format("%-d %b %Y"),
        budget.end.format("%-d %b %Y"),
        format_micros(budget.micros),
        budget.currency
    )
}
