//! Portfolio settings the figures depend on: the reporting currency and the FX-rate table.
//! Both changes are in the audit trail, since every converted total depends on them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApiError, ApiResult, App, ErrorCode, now_text};
use crate::domain::{Currency, FieldError};
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
                errors.push(FieldError {
                    field: field.into(),
                    message: format!("\"{code}\" is not an ISO 4217 currency code such as USD or EUR"),
                });
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
                errors.push(FieldError {
                    field: "rate".into(),
                    message: format!("\"{}\" is not a positive number such as 0.92", entry.rate.trim()),
                });
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
            let before = tx.fx_rate(from.as_str(), to.as_str(), &day)?;
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
            let before = tx.fx_rate(&from, &to, &day)?;
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
            ApiError::validation(vec![FieldError {
                field: "reporting_currency".into(),
                message: format!("\"{}\" is not an ISO 4217 currency code such as USD or EUR", code.trim()),
            }])
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
