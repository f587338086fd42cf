//! Errors at the boundary: `{ code, message, fields }`, with a deliberately small code list.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::FieldError;
use crate::store::StoreError;

/// What the UI branches on. A variant exists only when a screen does something different for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// One or more fields are wrong; `fields` says which. Nothing was written.
    Validation,
    /// The record is gone (deleted meanwhile, or a stale link).
    NotFound,
    /// The change clashes with other records (e.g. deleting a vendor that still has contracts).
    Conflict,
    /// The portfolio is open read-only.
    ReadOnly,
    /// The file cannot be opened as a portfolio (not SQLite, damaged, newer format, missing).
    FileUnusable,
    /// The target file already exists.
    FileExists,
    /// A fault in Steward or the machine; the message says what happened.
    Internal,
}

/// An error as hosts see it. `message` is a sentence for a person; `fields` holds the
/// per-field messages of a `Validation` error.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into(), fields: Vec::new() }
    }

    pub fn validation(fields: Vec<FieldError>) -> ApiError {
        let message = match fields.as_slice() {
            [one] => one.message.clone(),
            many => format!("{} fields need attention", many.len()),
        };
        ApiError { code: ErrorCode::Validation, message, fields }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        let message = error.to_string();
        let code = match &error {
            StoreError::NotAPortfolio { .. }
            | StoreError::ForeignDatabase { .. }
            | StoreError::NewerVersion { .. }
            | StoreError::Corrupt { .. }
            | StoreError::Missing { .. } => ErrorCode::FileUnusable,
            StoreError::AlreadyExists { .. } => ErrorCode::FileExists,
            StoreError::ReadOnly => {
                return ApiError::new(
                    ErrorCode::ReadOnly,
                    "this portfolio is open read-only, so changes cannot be saved; use File → Save a copy to edit a copy",
                );
            }
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Duplicate { column, entity } => {
                return ApiError::validation(vec![FieldError {
                    field: column.clone(),
                    message: format!("Another {entity} already uses this {}", column.replace('_', " ")),
                }]);
            }
            StoreError::Io { .. } | StoreError::Sqlite(_) | StoreError::Hook(_) => ErrorCode::Internal,
        };
        ApiError::new(code, message)
    }
}
