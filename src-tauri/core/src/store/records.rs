//! Generic create / read / update / soft-delete / list for the main record tables.
//!
//! Each table is described once (`TableSpec`: its columns and how each maps between the
//! record's JSON form and SQL); the domain types cross through serde, so a field added to a
//! draft and to its spec is stored, listed, searched and audited without more code.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json};

use super::{Reader, StoreError, StoreResult, Tx, classify_write_error};
use crate::domain::{format_micros, parse_decimal_micros};

/// How a column maps between JSON and SQL.
#[derive(Clone, Copy)]
pub enum Kind {
    /// `String` ↔ TEXT NOT NULL (trimmed on write).
    Text,
    /// `Option<enum | date>` ↔ nullable TEXT.
    OptText,
    /// `Option<integer>` ↔ nullable INTEGER.
    OptInt,
    /// `bool` ↔ INTEGER 0/1.
    Bool,
    /// `Option<bool>` ↔ nullable INTEGER.
    OptBool,
    /// Decimal text ("1234.50") ↔ INTEGER micro-units; "" ↔ NULL.
    Money,
}

pub struct Column {
    /// Field name in the record's JSON (and the draft).
    pub key: &'static str,
    /// Column name in the table.
    pub sql: &'static str,
    pub kind: Kind,
}

/// A many-to-many link stored in its own table, e.g. a contract's covered systems.
pub struct Links {
    pub key: &'static str,
    pub table: &'static str,
    pub own: &'static str,
    pub other: &'static str,
    /// The table `other` points into; links to its deleted rows are hidden, and kept.
    pub other_table: &'static str,
}

/// A read-only value computed in SQL, e.g. the vendor's name next to its id.
pub struct Derived {
    pub key: &'static str,
    pub sql: &'static str,
    pub kind: Kind,
}

pub struct TableSpec {
    /// The entity name in audit events and messages ("system").
    pub entity: &'static str,
    pub table: &'static str,
    pub columns: &'static [Column],
    pub links: &'static [Links],
    pub derived: &'static [Derived],
    /// Columns (by key) that must be unique among live rows, case-insensitively.
    pub unique: &'static [&'static str],
    /// Keys a list may search in (substring, case-insensitive).
    pub search: &'static [&'static str],
    /// Keys a list may sort or filter by (columns or derived values).
    pub sortable: &'static [&'static str],
}

/// Ties a domain record type to its table.
pub trait SpecFor {
    const SPEC: &'static TableSpec;
}

/// A page of a list.
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: u32,
}

/// What a list asks for. Unknown sort or filter keys are refused by `api` before they get here.
pub struct ListQuery<'a> {
    pub search: Option<&'a str>,
    pub filters: &'a [(String, String)],
    pub sort_by: Option<&'a str>,
    pub descending: bool,
    pub offset: u32,
    pub limit: u32,
}

/// A record as stored: its JSON form (columns, links, derived values, id, timestamps).
pub type Record = Map<String, Json>;

impl TableSpec {
    fn select_list(&self) -> String {
        let mut parts =
            vec!["t.id AS id".to_owned(), "t.created_at AS created_at".into(), "t.updated_at AS updated_at".into()];
        parts.extend(self.columns.iter().map(|c| format!("t.{} AS {}", c.sql, c.key)));
        parts.extend(self.derived.iter().map(|d| format!("({}) AS {}", d.sql, d.key)));
        parts.extend(self.links.iter().map(|l| {
            format!(
                "(SELECT json_group_array(x) FROM (SELECT l.{other} AS x FROM {table} l JOIN {other_table} o ON o.id = l.{other} \
                 WHERE l.{own} = t.id AND o.deleted_at IS NULL ORDER BY x)) AS {key}",
                other = l.other,
                table = l.table,
                own = l.own,
                other_table = l.other_table,
                key = l.key
            )
        }));
        parts.join(", ")
    }

    /// True when a list may filter by `key`: a sortable key, or a link ("covers system 7").
    pub fn can_filter_by(&self, key: &str) -> bool {
        self.expression_for(key).is_some() || self.links.iter().any(|l| l.key == key)
    }

    /// The SQL expression for a sortable or filterable key, if the key is allowed.
    pub fn expression_for(&self, key: &str) -> Option<String> {
        if !self.sortable.contains(&key) {
            return None;
        }
        if let Some(c) = self.columns.iter().find(|c| c.key == key) {
            return Some(format!("t.{}", c.sql));
        }
        self.derived.iter().find(|d| d.key == key).map(|d| format!("({})", d.sql))
    }

    fn kind_of(&self, key: &str) -> Option<Kind> {
        self.columns.iter().find(|c| c.key == key).map(|c| c.kind)
    }

    fn row_to_record(&self, row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
        let mut record = Map::new();
        record.insert("id".into(), Json::from(row.get::<_, i64>("id")?));
        record.insert("created_at".into(), Json::from(row.get::<_, String>("created_at")?));
        record.insert("updated_at".into(), Json::from(row.get::<_, String>("updated_at")?));
        for c in self.columns {
            record.insert(c.key.into(), sql_to_json(row.get::<_, SqlValue>(c.key)?, c.kind));
        }
        for d in self.derived {
            record.insert(d.key.into(), sql_to_json(row.get::<_, SqlValue>(d.key)?, d.kind));
        }
        for l in self.links {
            let text: String = row.get(l.key)?;
            let ids: Json = serde_json::from_str(&text).unwrap_or_else(|_| Json::Array(vec![]));
            record.insert(l.key.into(), ids);
        }
        Ok(record)
    }
}

fn sql_to_json(value: SqlValue, kind: Kind) -> Json {
    match (kind, value) {
        (Kind::Money, SqlValue::Integer(micros)) => Json::from(format_micros(micros)),
        (Kind::Money | Kind::Text, SqlValue::Null) => Json::from(""),
        (Kind::Bool | Kind::OptBool, SqlValue::Integer(i)) => Json::Bool(i != 0),
        (Kind::Bool, SqlValue::Null) => Json::Bool(false),
        (_, SqlValue::Null) => Json::Null,
        (_, SqlValue::Integer(i)) => Json::from(i),
        (_, SqlValue::Real(f)) => Json::from(f),
        (_, SqlValue::Text(t)) => Json::from(t),
        (_, SqlValue::Blob(_)) => Json::Null,
    }
}

/// Converts one field of a draft to its SQL value. Drafts are validated before they get here,
/// so a money text that does not parse is an invariant breach, reported as a database error.
fn json_to_sql(value: &Json, kind: Kind, key: &str) -> StoreResult<SqlValue> {
    Ok(match (kind, value) {
        (Kind::Text, Json::String(s)) => SqlValue::Text(s.trim().to_owned()),
        (Kind::Text, Json::Null) => SqlValue::Text(String::new()),
        (Kind::Money, Json::String(s)) if s.trim().is_empty() => SqlValue::Null,
        (Kind::Money, Json::String(s)) => {
            SqlValue::Integer(parse_decimal_micros(s).map_err(|e| {
                StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(format!("{key} {e}").into()))
            })?)
        }
        (Kind::Bool, Json::Bool(b)) => SqlValue::Integer(i64::from(*b)),
        (Kind::OptBool, Json::Bool(b)) => SqlValue::Integer(i64::from(*b)),
        (_, Json::Null) => SqlValue::Null,
        (_, Json::String(s)) => SqlValue::Text(s.trim().to_owned()),
        (_, Json::Number(n)) => n.as_i64().map(SqlValue::Integer).unwrap_or(SqlValue::Null),
        (_, Json::Bool(b)) => SqlValue::Integer(i64::from(*b)),
        (_, other) => SqlValue::Text(other.to_string()),
    })
}

fn draft_fields(draft: &impl Serialize) -> StoreResult<Map<String, Json>> {
    match serde_json::to_value(draft) {
        Ok(Json::Object(map)) => Ok(map),
        _ => Err(StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(
            "a draft must serialise to an object".into(),
        ))),
    }
}

fn get_record(conn: &Connection, spec: &TableSpec, id: i64, include_deleted: bool) -> StoreResult<Record> {
    use rusqlite::OptionalExtension;
    let sql = format!(
        "SELECT {} FROM {} t WHERE t.id = ?1 {}",
        spec.select_list(),
        spec.table,
        if include_deleted { "" } else { "AND t.deleted_at IS NULL" }
    );
    conn.query_row(&sql, [id], |row| spec.row_to_record(row))
        .optional()?
        .ok_or(StoreError::NotFound { entity: spec.entity, id })
}

fn check_unique(conn: &Connection, spec: &TableSpec, fields: &Map<String, Json>, id: Option<i64>) -> StoreResult<()> {
    for key in spec.unique {
        let Some(column) = spec.columns.iter().find(|c| c.key == *key) else { continue };
        let Some(value) = fields.get(*key).and_then(Json::as_str) else { continue };
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ?1 COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?2)",
            spec.table, column.sql
        );
        let taken: bool = conn.query_row(&sql, rusqlite::params![value.trim(), id], |r| r.get(0))?;
        if taken {
            return Err(StoreError::Duplicate { entity: spec.entity, column: (*key).to_owned() });
        }
    }
    Ok(())
}

fn write_links(conn: &Connection, spec: &TableSpec, id: i64, fields: &Map<String, Json>) -> StoreResult<()> {
    for l in spec.links {
        // Links to deleted records are not shown, so the form could not have kept them: leave
        // them, so restoring the record restores the link.
        conn.execute(
            &format!(
                "DELETE FROM {table} WHERE {own} = ?1 AND {other} IN (SELECT id FROM {other_table} WHERE deleted_at IS NULL)",
                table = l.table,
                own = l.own,
                other = l.other,
                other_table = l.other_table
            ),
            [id],
        )?;
        let ids = fields.get(l.key).and_then(Json::as_array).cloned().unwrap_or_default();
        let mut insert = conn
            .prepare_cached(&format!("INSERT OR IGNORE INTO {} ({}, {}) VALUES (?1, ?2)", l.table, l.own, l.other))?;
        for other in ids.iter().filter_map(Json::as_i64) {
            insert.execute([id, other]).map_err(|e| classify_write_error(e, spec.entity))?;
        }
    }
    Ok(())
}

impl Tx<'_> {
    pub fn insert_record(&self, spec: &TableSpec, draft: &impl Serialize, now: &str) -> StoreResult<i64> {
        let fields = draft_fields(draft)?;
        let conn = self.conn();
        check_unique(conn, spec, &fields, None)?;
        let mut values = Vec::with_capacity(spec.columns.len() + 2);
        for c in spec.columns {
            values.push(json_to_sql(fields.get(c.key).unwrap_or(&Json::Null), c.kind, c.key)?);
        }
        values.push(SqlValue::Text(now.to_owned()));
        values.push(SqlValue::Text(now.to_owned()));
        let names: Vec<&str> = spec.columns.iter().map(|c| c.sql).chain(["created_at", "updated_at"]).collect();
        let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", spec.table, names.join(", "), placeholders.join(", "));
        conn.prepare_cached(&sql)?
            .execute(params_from_iter(values))
            .map_err(|e| classify_write_error(e, spec.entity))?;
        let id = conn.last_insert_rowid();
        write_links(conn, spec, id, &fields)?;
        Ok(id)
    }

    pub fn update_record(&self, spec: &TableSpec, id: i64, draft: &impl Serialize, now: &str) -> StoreResult<()> {
        let fields = draft_fields(draft)?;
        let conn = self.conn();
        get_record(conn, spec, id, false)?;
        check_unique(conn, spec, &fields, Some(id))?;
        let mut values = Vec::with_capacity(spec.columns.len() + 2);
        for c in spec.columns {
            values.push(json_to_sql(fields.get(c.key).unwrap_or(&Json::Null), c.kind, c.key)?);
        }
        values.push(SqlValue::Text(now.to_owned()));
        values.push(SqlValue::Integer(id));
        let sets: Vec<String> = spec
            .columns
            .iter()
            .map(|c| c.sql)
            .chain(["updated_at"])
            .enumerate()
            .map(|(i, name)| format!("{name} = ?{}", i + 1))
            .collect();
        let sql = format!("UPDATE {} SET {} WHERE id = ?{}", spec.table, sets.join(", "), values.len());
        conn.prepare_cached(&sql)?
            .execute(params_from_iter(values))
            .map_err(|e| classify_write_error(e, spec.entity))?;
        write_links(conn, spec, id, &fields)?;
        Ok(())
    }

    /// Marks a record deleted (or live again). Links and history stay, so undo is exact.
    pub fn set_deleted(&self, spec: &TableSpec, id: i64, deleted_at: Option<&str>) -> StoreResult<()> {
        let conn = self.conn();
        if deleted_at.is_none() {
            // Restoring: the code or name may have been reused meanwhile.
            let record = get_record(conn, spec, id, true)?;
            check_unique(conn, spec, &record, Some(id))?;
        }
        let changed = conn.execute(
            &format!(
                "UPDATE {} SET deleted_at = ?1 WHERE id = ?2 AND (deleted_at IS NULL) = (?1 IS NOT NULL)",
                spec.table
            ),
            rusqlite::params![deleted_at, id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { entity: spec.entity, id });
        }
        Ok(())
    }

    pub fn get_record(&self, spec: &TableSpec, id: i64) -> StoreResult<Record> {
        get_record(self.conn(), spec, id, false)
    }

    /// How many live rows of `table` point at `id` through `column`.
    pub fn count_references(&self, table: &str, column: &str, id: i64) -> StoreResult<u32> {
        let sql = format!("SELECT count(*) FROM {table} WHERE {column} = ?1 AND deleted_at IS NULL");
        Ok(self.conn().query_row(&sql, [id], |r| r.get(0))?)
    }
}

impl Reader<'_> {
    pub fn get_record(&self, spec: &TableSpec, id: i64) -> StoreResult<Record> {
        get_record(self.conn(), spec, id, false)
    }

    pub fn list_records(&self, spec: &TableSpec, query: &ListQuery<'_>) -> StoreResult<Page<Record>> {
        let mut where_sql = vec!["t.deleted_at IS NULL".to_owned()];
        let mut params: Vec<SqlValue> = Vec::new();
        if let Some(search) = query.search.map(str::trim).filter(|s| !s.is_empty()) {
            let pattern = format!("%{}%", search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
            params.push(SqlValue::Text(pattern));
            let n = params.len();
            let any: Vec<String> = spec
                .search
                .iter()
                .filter_map(|key| {
                    spec.columns
                        .iter()
                        .find(|c| c.key == *key)
                        .map(|c| format!("t.{}", c.sql))
                        .or_else(|| spec.derived.iter().find(|d| d.key == *key).map(|d| format!("({})", d.sql)))
                })
                .map(|expr| format!("{expr} LIKE ?{n} ESCAPE '\\'"))
                .collect();
            if !any.is_empty() {
                where_sql.push(format!("({})", any.join(" OR ")));
            }
        }
        for (key, value) in query.filters {
            if let Some(link) = spec.links.iter().find(|l| l.key == *key) {
                params.push(value.parse::<i64>().map(SqlValue::Integer).unwrap_or(SqlValue::Null));
                where_sql.push(format!(
                    "EXISTS (SELECT 1 FROM {table} WHERE {own} = t.id AND {other} = ?{n})",
                    table = link.table,
                    own = link.own,
                    other = link.other,
                    n = params.len()
                ));
                continue;
            }
            let Some(expr) = spec.expression_for(key) else { continue };
            if value.is_empty() {
                where_sql.push(format!("({expr} IS NULL OR {expr} = '')"));
                continue;
            }
            params.push(match spec.kind_of(key) {
                Some(Kind::OptInt | Kind::Bool | Kind::OptBool) => {
                    value.parse::<i64>().map(SqlValue::Integer).unwrap_or(SqlValue::Text(value.clone()))
                }
                _ => SqlValue::Text(value.clone()),
            });
            where_sql.push(format!("{expr} = ?{}", params.len()));
        }
        let where_sql = where_sql.join(" AND ");
        let total: u32 = self.conn().query_row(
            &format!("SELECT count(*) FROM {} t WHERE {where_sql}", spec.table),
            params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let order = match query.sort_by.and_then(|key| spec.expression_for(key)) {
            Some(expr) => {
                let direction = if query.descending { "DESC" } else { "ASC" };
                // Empty values sort last either way: people look for the filled-in ones.
                format!("({expr} IS NULL OR {expr} = '') ASC, {expr} COLLATE NOCASE {direction}, t.id {direction}")
            }
            None => "t.id ASC".to_owned(),
        };
        let sql = format!(
            "SELECT {} FROM {} t WHERE {where_sql} ORDER BY {order} LIMIT {} OFFSET {}",
            spec.select_list(),
            spec.table,
            query.limit,
            query.offset
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(params.iter()), |row| spec.row_to_record(row))?;
        Ok(Page { rows: rows.collect::<Result<_, _>>()?, total })
    }
}

/// Turns a stored record into its domain type.
pub fn decode<T: DeserializeOwned>(spec: &TableSpec, record: Record) -> StoreResult<T> {
    serde_json::from_value(Json::Object(record)).map_err(|e| {
        StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("a stored {} does not match its type: {e}", spec.entity).into(),
        ))
    })
}
