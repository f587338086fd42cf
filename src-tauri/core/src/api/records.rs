//! The use cases every record type shares: list, get, create, update, delete, restore, each
//! validated and audited in one transaction.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value as Json;

use super::{ApiError, ApiResult, App, ErrorCode, ListRequest, Page, now_text};
use crate::domain::{
    Contract, ContractDraft, FieldError, Initiative, InitiativeDraft, Stage, System, SystemDraft, Validation, Vendor,
    VendorDraft,
};
use crate::store::{AuditChange, ListQuery, Record, SpecFor, StoreError, Tx};

/// A record type the api can manage generically.
pub(crate) trait Managed: SpecFor + DeserializeOwned {
    type Draft: Serialize + DeserializeOwned;
    fn validate(draft: &Self::Draft) -> Result<(), Vec<FieldError>>;
    /// Completes a decoded record with values computed in Rust.
    fn finish(self) -> Self {
        self
    }
    /// Runs inside the write transaction after the row is written (e.g. stage history).
    fn after_write(
        _tx: &Tx<'_>,
        _id: i64,
        _old: Option<&Record>,
        _new: &Record,
        _actor: &str,
        _now: &str,
    ) -> ApiResult<()> {
        Ok(())
    }
    /// Refuses a delete that would leave other live records pointing at nothing.
    fn check_delete(_tx: &Tx<'_>, _id: i64) -> ApiResult<()> {
        Ok(())
    }
}

fn validated<D>(draft: &D, validate: impl FnOnce(&D, &mut Validation)) -> Result<(), Vec<FieldError>> {
    let mut v = Validation::default();
    validate(draft, &mut v);
    v.finish()
}

impl Managed for System {
    type Draft = SystemDraft;
    fn validate(draft: &SystemDraft) -> Result<(), Vec<FieldError>> {
        validated(draft, SystemDraft::validate)
    }
}

impl Managed for Vendor {
    type Draft = VendorDraft;
    fn validate(draft: &VendorDraft) -> Result<(), Vec<FieldError>> {
        validated(draft, VendorDraft::validate)
    }
    fn check_delete(tx: &Tx<'_>, id: i64) -> ApiResult<()> {
        let systems = tx.count_references("ai_systems", "vendor_id", id)?;
        let contracts = tx.count_references("contracts", "vendor_id", id)?;
        if systems + contracts > 0 {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "this vendor still has {} and {}; move or delete them first",
                    plural(systems, "system"),
                    plural(contracts, "contract")
                ),
            ));
        }
        Ok(())
    }
}

impl Managed for Contract {
    type Draft = ContractDraft;
    fn validate(draft: &ContractDraft) -> Result<(), Vec<FieldError>> {
        validated(draft, ContractDraft::validate)
    }
    fn finish(mut self) -> Self {
        self.fields.currency = self.fields.currency.to_ascii_uppercase();
        self.cancel_by = self.fields.cancel_by();
        self
    }
}

impl Managed for Initiative {
    type Draft = InitiativeDraft;
    fn validate(draft: &InitiativeDraft) -> Result<(), Vec<FieldError>> {
        validated(draft, InitiativeDraft::validate)
    }
    fn after_write(tx: &Tx<'_>, id: i64, old: Option<&Record>, new: &Record, actor: &str, now: &str) -> ApiResult<()> {
        let stage_of = |r: &Record| r.get("stage").and_then(Json::as_str).and_then(Stage::parse);
        let (from, to) = (old.and_then(stage_of), stage_of(new));
        if let Some(to) = to
            && from != Some(to)
        {
            let today = &now[..10];
            tx.record_stage_change(id, from.map(Stage::as_str), to.as_str(), today, None, actor, "", now)?;
        }
        Ok(())
    }
}

fn plural(n: u32, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// A field's value as the audit trail shows it: text as typed, everything else as JSON.
fn audit_text(value: &Json) -> Option<String> {
    match value {
        Json::Null => None,
        Json::String(s) if s.is_empty() => None,
        Json::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

pub(crate) fn draft_keys<T: SpecFor>() -> impl Iterator<Item = &'static str> {
    T::SPEC.columns.iter().map(|c| c.key).chain(T::SPEC.links.iter().map(|l| l.key))
}

fn decode<T: Managed>(record: Record) -> ApiResult<T> {
    Ok(crate::store::decode::<T>(T::SPEC, record)?.finish())
}

impl App {
    pub(crate) fn list_of<T: Managed>(&self, request: &ListRequest) -> ApiResult<Page<T>> {
        let spec = T::SPEC;
        let mut bad = Vec::new();
        if let Some(key) = &request.sort_by
            && spec.expression_for(key).is_none()
        {
            bad.push(FieldError {
                field: "sort_by".into(),
                message: format!("a {} list cannot be sorted by \"{key}\"", spec.entity),
            });
        }
        for filter in &request.filters {
            if !spec.can_filter_by(&filter.field) {
                bad.push(FieldError {
                    field: "filters".into(),
                    message: format!("a {} list cannot be filtered by \"{}\"", spec.entity, filter.field),
                });
            }
        }
        if !bad.is_empty() {
            return Err(ApiError::validation(bad));
        }
        let filters: Vec<(String, String)> =
            request.filters.iter().map(|f| (f.field.clone(), f.value.clone())).collect();
        let page = self.store.read().list_records(
            spec,
            &ListQuery {
                search: Some(request.search.as_str()),
                filters: &filters,
                sort_by: request.sort_by.as_deref(),
                descending: request.descending,
                offset: request.offset,
                limit: request.limit.clamp(1, ListRequest::MAX_LIMIT),
            },
        )?;
        let rows = page.rows.into_iter().map(decode).collect::<ApiResult<Vec<T>>>()?;
        Ok(Page { rows, total: page.total, offset: request.offset })
    }

    pub(crate) fn get_one<T: Managed>(&self, id: i64) -> ApiResult<T> {
        decode(self.store.read().get_record(T::SPEC, id)?)
    }

    pub(crate) fn create_one<T: Managed>(&mut self, draft: &T::Draft) -> ApiResult<T> {
        T::validate(draft).map_err(ApiError::validation)?;
        let (actor, now) = (self.actor.clone(), now_text());
        let record = self.store.write(|tx| {
            let id = create_audited::<T>(tx, draft, &actor, &now)?;
            tx.get_record(T::SPEC, id)
        });
        decode(record.map_err(store_to_api)?)
    }

    pub(crate) fn update_one<T: Managed>(&mut self, id: i64, draft: &T::Draft) -> ApiResult<T> {
        T::validate(draft).map_err(ApiError::validation)?;
        let (actor, now) = (self.actor.clone(), now_text());
        let record = self.store.write(|tx| {
            update_audited::<T>(tx, id, draft, &actor, &now)?;
            tx.get_record(T::SPEC, id)
        });
        decode(record.map_err(store_to_api)?)
    }

    pub(crate) fn delete_one<T: Managed>(&mut self, id: i64) -> ApiResult<()> {
        self.set_deleted::<T>(id, true)
    }

    pub(crate) fn restore_one<T: Managed>(&mut self, id: i64) -> ApiResult<T> {
        self.set_deleted::<T>(id, false)?;
        self.get_one(id)
    }

    fn set_deleted<T: Managed>(&mut self, id: i64, deleted: bool) -> ApiResult<()> {
        let (actor, now) = (self.actor.clone(), now_text());
        self.store.write(|tx| set_deleted_audited::<T>(tx, id, deleted, &actor, &now)).map_err(store_to_api)
    }
}

/// Inserts a validated draft with its audit event and runs the type's hooks (stage history).
pub(crate) fn create_audited<T: Managed>(
    tx: &Tx<'_>,
    draft: &T::Draft,
    actor: &str,
    now: &str,
) -> Result<i64, StoreError> {
    let id = insert_audited::<T>(tx, draft, actor, now)?;
    let record = tx.get_record(T::SPEC, id)?;
    T::after_write(tx, id, None, &record, actor, now).map_err(api_to_store)?;
    Ok(id)
}

/// Writes a validated draft over a record, one audit event per changed field, and runs the
/// type's hooks.
pub(crate) fn update_audited<T: Managed>(
    tx: &Tx<'_>,
    id: i64,
    draft: &T::Draft,
    actor: &str,
    now: &str,
) -> Result<usize, StoreError> {
    let old = tx.get_record(T::SPEC, id)?;
    tx.update_record(T::SPEC, id, draft, now)?;
    let new = tx.get_record(T::SPEC, id)?;
    let mut changed = 0;
    for key in draft_keys::<T>() {
        let (before, after) = (old.get(key).unwrap_or(&Json::Null), new.get(key).unwrap_or(&Json::Null));
        if audit_text(before) != audit_text(after) {
            changed += 1;
            tx.append_audit(
                now,
                AuditChange {
                    actor,
                    entity_type: T::SPEC.entity,
                    entity_id: id,
                    action: "update",
                    field: Some(key),
                    old_value: audit_text(before),
                    new_value: audit_text(after),
                },
            )?;
        }
    }
    T::after_write(tx, id, Some(&old), &new, actor, now).map_err(api_to_store)?;
    Ok(changed)
}

/// Soft-deletes a record with its audit event (undo of an import that created it).
pub(crate) fn delete_audited<T: Managed>(tx: &Tx<'_>, id: i64, actor: &str, now: &str) -> Result<(), StoreError> {
    set_deleted_audited::<T>(tx, id, true, actor, now)
}

/// Deletes (after the type's check) or restores a record, with its audit event.
fn set_deleted_audited<T: Managed>(
    tx: &Tx<'_>,
    id: i64,
    deleted: bool,
    actor: &str,
    now: &str,
) -> Result<(), StoreError> {
    if deleted {
        T::check_delete(tx, id).map_err(api_to_store)?;
    }
    tx.set_deleted(T::SPEC, id, deleted.then_some(now))?;
    tx.append_audit(
        now,
        AuditChange {
            actor,
            entity_type: T::SPEC.entity,
            entity_id: id,
            action: if deleted { "delete" } else { "restore" },
            field: None,
            old_value: None,
            new_value: None,
        },
    )
}

/// The draft part of a stored record, as JSON the draft type deserialises.
pub(crate) fn draft_json<T: Managed>(record: &Record) -> serde_json::Map<String, Json> {
    draft_keys::<T>().filter_map(|k| record.get(k).map(|v| (k.to_owned(), v.clone()))).collect()
}

/// Inserts a validated draft and its "create" audit event; hooks are the caller's business
/// (the demo writes its own stage history).
pub(crate) fn insert_audited<T: Managed>(
    tx: &Tx<'_>,
    draft: &T::Draft,
    actor: &str,
    now: &str,
) -> Result<i64, StoreError> {
    let id = tx.insert_record(T::SPEC, draft, now)?;
    let record = tx.get_record(T::SPEC, id)?;
    let fields: serde_json::Map<String, Json> =
        draft_keys::<T>().filter_map(|k| record.get(k).map(|v| (k.to_owned(), v.clone()))).collect();
    tx.append_audit(
        now,
        AuditChange {
            actor,
            entity_type: T::SPEC.entity,
            entity_id: id,
            action: "create",
            field: None,
            old_value: None,
            new_value: Some(Json::Object(fields).to_string()),
        },
    )?;
    Ok(id)
}

// A hook may fail with an `ApiError` (e.g. a delete conflict) inside `Store::write`, whose
// closure speaks `StoreError`; this pair carries it through the transaction unchanged.
pub(crate) fn api_to_store(error: ApiError) -> StoreError {
    StoreError::Hook(Box::new(error))
}

pub(crate) fn store_to_api(error: StoreError) -> ApiError {
    match error {
        StoreError::Hook(inner) => match inner.downcast::<ApiError>() {
            Ok(api) => *api,
            Err(other) => ApiError::new(ErrorCode::Internal, other.to_string()),
        },
        other => other.into(),
    }
}
