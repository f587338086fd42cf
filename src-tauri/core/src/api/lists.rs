//! List requests and pages, shared by every table screen.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One "field equals value" condition; an empty value matches records where the field is empty.
/// For a list of links (`system_ids` of a contract or initiative) it means "links to this id".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListFilter {
    pub field: String,
    pub value: String,
}

/// What a table asks for: search text, filters, sort and the window of rows it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ListRequest {
    /// Case-insensitive substring over the entity's text fields (code, name, owner, vendor…).
    pub search: String,
    pub filters: Vec<ListFilter>,
    pub sort_by: Option<String>,
    pub descending: bool,
    pub offset: u32,
    /// At most 1,000 rows per request; a virtualised table asks for the window it shows.
    pub limit: u32,
}

impl Default for ListRequest {
    fn default() -> ListRequest {
        ListRequest {
            search: String::new(),
            filters: Vec::new(),
            sort_by: None,
            descending: false,
            offset: 0,
            limit: 200,
        }
    }
}

impl ListRequest {
    pub const MAX_LIMIT: u32 = 1_000;
}

/// A window of a list, and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: u32,
    pub offset: u32,
}
