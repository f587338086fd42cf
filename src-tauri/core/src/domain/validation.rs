//! Field-level validation: every message names the field it belongs beside.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A problem with one field of a form, shown beside that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// The draft's field name, e.g. `"end_date"`.
    pub field: String,
    /// A sentence a manager understands, e.g. "End date must be on or after the start date".
    pub message: String,
}

/// Collects field errors while a draft is checked.
#[derive(Debug, Default)]
pub struct Validation {
    errors: Vec<FieldError>,
}

impl Validation {
    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.to_owned(), message: message.into() });
    }

    pub fn required(&mut self, field: &str, label: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(field, format!("{label} is required"));
        }
    }

    pub fn max_len(&mut self, field: &str, label: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.error(field, format!("{label} must be at most {max} characters"));
        }
    }

    pub fn dates_in_order(
        &mut self,
        later_field: &str,
        later_label: &str,
        earlier_label: &str,
        earlier: Option<chrono::NaiveDate>,
        later: Option<chrono::NaiveDate>,
    ) {
        if let (Some(earlier), Some(later)) = (earlier, later)
            && later < earlier
        {
            self.error(later_field, format!("{later_label} must be on or after the {earlier_label}"));
        }
    }

    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() { Ok(()) } else { Err(self.errors) }
    }
}
