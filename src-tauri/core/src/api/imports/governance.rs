//! The governance record from the user's own sheets: stage gate decisions, the risk register,
//! reviews and incidents. Each row is checked as the record's rules say, matched to the record
//! it restates (so importing the same sheet again changes nothing and a corrected copy updates
//! in place), and kept with its state before for undo.

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json};

use super::{KeyedChange, StoreSink, field_text};
use crate::api::records::api_to_store;
use crate::api::{ApiError, ErrorCode};
use crate::domain::{IncidentStatus, Stage};
use crate::store::{
    GovernanceFields, INCIDENT_ENTITY, REVIEW_ENTITY, RISK_ENTITY, STAGE_CHANGE_ENTITY, StoreError, Tx,
};

/// Row problems as (field, message), as the mapped path reports them.
type Problems = Vec<(String, String)>;

/// What a record is matched on when a sheet comes back: text ignoring case, empty matching empty.
const RISK_KEY: &[&str] = &["title", "system_id", "initiative_id", "vendor_id"];
const REVIEW_KEY: &[&str] = &["review_type", "system_id", "initiative_id", "vendor_id", "due_date"];
const INCIDENT_KEY: &[&str] = &["title", "system_id"];
const STAGE_KEY: &[&str] = &["initiative_id", "to_stage", "decided_on"];

/// The key under which an import change keeps when a record it updated was last changed.
const UPDATED_AT: &str = "updated_at";

/// A typed row read field by field into a record's columns.
struct Row<'a> {
    values: &'a Map<String, Json>,
    fields: GovernanceFields,
    problems: Problems,
}

impl<'a> Row<'a> {
    fn new(values: &'a Map<String, Json>) -> Self {
        Row { values, fields: GovernanceFields::new(), problems: Vec::new() }
    }

    fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push((field.to_owned(), message.into()));
    }

    /// Text, `""` when empty (the text columns are never null).
    fn text(&mut self, key: &str) -> String {
        let text = field_text(self.values, key);
        self.fields.insert(key.to_owned(), Json::from(text.clone()));
        text
    }

    /// Text that must be there; `what` names it in the message.
    fn required_text(&mut self, key: &str, what: &str) -> String {
        let text = self.text(key);
        if text.is_empty() {
            self.problem(key, format!("the {what} is missing"));
        }
        text
    }

    /// A choice or date: its value, or null when empty.
    fn optional(&mut self, key: &str) -> Option<String> {
        let text = field_text(self.values, key);
        let value = (!text.is_empty()).then_some(text);
        self.fields.insert(key.to_owned(), value.clone().map_or(Json::Null, Json::from));
        value
    }

    fn required(&mut self, key: &str, what: &str) -> Option<String> {
        let value = self.optional(key);
        if value.is_none() {
            self.problem(key, format!("the {what} is missing"));
        }
        value
    }

    /// A choice with a value when the sheet leaves it empty (a new risk is open).
    fn defaulted(&mut self, key: &str, default: &str) -> String {
        let value = self.optional(key).unwrap_or_else(|| default.to_owned());
        self.fields.insert(key.to_owned(), Json::from(value.clone()));
        value
    }

    /// An AI system, initiative or vendor the row named (resolved by the mapped path), or null.
    fn link(&mut self, key: &str) -> Option<i64> {
        let id = self.values.get(key).and_then(Json::as_i64);
        self.fields.insert(key.to_owned(), id.map_or(Json::Null, Json::from));
        id
    }

    /// A score on the 1–5 scale of the risk matrix.
    fn score(&mut self, key: &str, label: &str, required: bool) -> Option<i64> {
        let score = self.values.get(key).and_then(Json::as_i64);
        self.fields.insert(key.to_owned(), score.map_or(Json::Null, Json::from));
        match score {
            None if required => self.problem(key, format!("the {label} is missing: a score from 1 to 5")),
            Some(n) if !(1..=5).contains(&n) => {
                self.problem(key, format!("{n} is not on the 1–5 scale of the risk matrix"))
            }
            _ => {}
        }
        score
    }

    fn yes_no(&mut self, key: &str) {
        let yes = self.values.get(key).and_then(Json::as_bool).unwrap_or(false);
        self.fields.insert(key.to_owned(), Json::from(i64::from(yes)));
    }

    /// A governance record is about an AI system, an initiative or a vendor.
    fn subject(&mut self, what: &str) {
        let linked = ["system_id", "initiative_id", "vendor_id"].map(|key| self.link(key));
        if linked.iter().all(Option::is_none) {
            self.problem(
                "system_id",
                format!("{what} is about an AI system, an initiative or a vendor: fill in at least one"),
            );
        }
    }

    /// `later` may not fall before `earlier` (dates as `YYYY-MM-DD`, which order as text).
    fn in_order(
        &mut self,
        (earlier_key, earlier): (&str, &Option<String>),
        (later_key, later): (&str, &Option<String>),
    ) {
        if let (Some(a), Some(b)) = (earlier, later)
            && b < a
        {
            let name = |key: &str| key.replace('_', " ");
            self.problem(later_key, format!("{} {b} is before {} {a}", name(later_key), name(earlier_key)));
        }
    }
}

impl StoreSink<'_, '_> {
    /// One risk of the register, matched on its title and what it is about.
    pub(super) fn risk(&mut self, values: &Map<String, Json>) -> Result<Problems, StoreError> {
        let mut row = Row::new(values);
        let title = row.required_text("title", "risk's title");
        row.text("description");
        row.required("category", "risk category");
        row.subject("a risk");
        let likelihood = row.score("likelihood", "likelihood", true);
        let severity = row.score("severity", "severity", true);
        let residual_likelihood = row.score("residual_likelihood", "residual likelihood", false);
        let residual_severity = row.score("residual_severity", "residual severity", false);
        for (key, residual, inherent) in [
            ("residual_likelihood", residual_likelihood, likelihood),
            ("residual_severity", residual_severity, severity),
        ] {
            if let (Some(residual), Some(inherent)) = (residual, inherent)
                && residual > inherent
            {
                row.problem(
                    key,
                    format!(
                        "{residual} is above the inherent {inherent}: the residual score is what remains after \
                         mitigation, so it is never higher"
                    ),
                );
            }
        }
        row.text("owner");
        row.text("mitigation_plan");
        row.defaulted("status", "open");
        row.optional("deadline");
        row.text("accepted_by");
        row.optional("accepted_on");
        let duplicate = format!("the risk \"{title}\" is already in an earlier row of this file");
        self.keep_governance(RISK_ENTITY, RISK_KEY, row, ("title", duplicate))
    }

    /// One review, matched on its type, what it is about and when it is due.
    pub(super) fn review(&mut self, values: &Map<String, Json>) -> Result<Problems, StoreError> {
        let mut row = Row::new(values);
        row.required("review_type", "review type");
        row.subject("a review");
        row.optional("due_date");
        let completed = row.optional("completed_on");
        let decision = row.optional("decision");
        match (&completed, &decision) {
            (Some(_), None) => row.problem("decision", "a completed review has a decision: fill in Decision"),
            (None, Some(_)) => {
                row.problem("completed_on", "a decision needs the day the review was completed: fill in Completed on")
            }
            _ => {}
        }
        row.text("reviewer");
        row.text("conditions");
        row.text("rationale");
        let duplicate = "this review (type, subject and due date) is already in an earlier row of this file".to_owned();
        self.keep_governance(REVIEW_ENTITY, REVIEW_KEY, row, ("review_type", duplicate))
    }

    /// One incident, matched on its title and AI system.
    pub(super) fn incident(&mut self, values: &Map<String, Json>) -> Result<Problems, StoreError> {
        let mut row = Row::new(values);
        let title = row.required_text("title", "incident's title");
        row.text("description");
        if row.link("system_id").is_none() {
            row.problem("system_id", "the AI system the incident happened on is missing");
        }
        row.required("severity", "severity");
        let status = row.defaulted("status", "open");
        let occurred = row.optional("occurred_on");
        let detected = row.optional("detected_on");
        let resolved = row.optional("resolved_on");
        row.in_order(("occurred_on", &occurred), ("detected_on", &detected));
        row.in_order(("detected_on", &detected), ("resolved_on", &resolved));
        row.in_order(("occurred_on", &occurred), ("resolved_on", &resolved));
        let closed = IncidentStatus::parse(&status)
            .is_some_and(|s| matches!(s, IncidentStatus::Resolved | IncidentStatus::Closed));
        match (closed, &resolved) {
            (true, None) => row.problem("resolved_on", "a resolved or closed incident needs the day it was resolved"),
            (false, Some(_)) => row.problem(
                "status",
                "an incident with a resolved date is resolved or closed: correct its status, or clear Resolved on",
            ),
            _ => {}
        }
        row.text("harm_categories");
        row.text("affected_groups");
        row.text("corrective_actions");
        row.yes_no("reported_to_authority");
        let duplicate = format!("the incident \"{title}\" is already in an earlier row of this file");
        self.keep_governance(INCIDENT_ENTITY, INCIDENT_KEY, row, ("title", duplicate))
    }

    /// One gate decision of an initiative's stage history. The entry Steward made when the
    /// initiative first came in at that stage (dated the day it came in) becomes this decision,
    /// which says when it really happened; the initiative's clock in its current stage then
    /// starts at the newest decision that moved it there.
    pub(super) fn stage_decision(&mut self, values: &Map<String, Json>) -> Result<Problems, StoreError> {
        let mut row = Row::new(values);
        let initiative = row.link("initiative_id");
        if initiative.is_none() {
            row.problem("initiative_id", "the initiative is missing");
        }
        let from = row.optional("from_stage");
        let to = row.required("to_stage", "stage the initiative moved to");
        let decided_on = row.required("decided_on", "day of the decision");
        if from.is_some() && from == to {
            row.problem("to_stage", "a decision moves an initiative from one stage to another");
        }
        row.optional("decision");
        row.text("decided_by");
        row.text("rationale");
        let (Some(initiative), Some(to), Some(decided_on)) = (initiative, to, decided_on) else {
            return Ok(row.problems);
        };
        if !row.problems.is_empty() {
            return Ok(row.problems);
        }
        let existing = match self.tx.governance_matching(STAGE_CHANGE_ENTITY, STAGE_KEY, &row.fields)? {
            Some(id) => Some(id),
            None => self.tx.automatic_stage_entry(initiative, &to, &decided_on)?,
        };
        let duplicate = format!("the move to {to} on {decided_on} is already in an earlier row of this file");
        let problems = self.keep_record(STAGE_CHANGE_ENTITY, existing, row, ("decided_on", duplicate))?;
        if problems.is_empty() {
            self.tx.restamp_stage_entered(initiative)?;
            self.stage_initiatives.insert(initiative);
        }
        Ok(problems)
    }

    /// Stores a checked row as the record it matches on `key`, or as a new one.
    fn keep_governance(
        &mut self,
        entity: &'static str,
        key: &[&str],
        row: Row<'_>,
        duplicate: (&str, String),
    ) -> Result<Problems, StoreError> {
        if !row.problems.is_empty() {
            return Ok(row.problems);
        }
        let existing = self.tx.governance_matching(entity, key, &row.fields)?;
        self.keep_record(entity, existing, row, duplicate)
    }

    /// Stores a checked row: nothing when the record it matches (`existing`) already holds it;
    /// else that record is updated, its state before kept for undo, or a record is added. A
    /// second row of the file for one record is an issue: undo could not tell which of the two
    /// to put back.
    fn keep_record(
        &mut self,
        entity: &'static str,
        existing: Option<i64>,
        row: Row<'_>,
        (duplicate_field, duplicate): (&str, String),
    ) -> Result<Problems, StoreError> {
        if let Some(id) = existing
            && !self.governance_seen.insert((entity, id))
        {
            return Ok(vec![(duplicate_field.to_owned(), duplicate)]);
        }
        let (before, stamp_before) = match existing {
            Some(id) => (self.tx.governance_fields(entity, id)?, self.tx.governance_updated_at(entity, id)?),
            None => (None, None),
        };
        if before.as_ref() == Some(&row.fields) {
            self.records_unchanged += 1;
            return Ok(Vec::new());
        }
        let id = match existing {
            Some(id) => {
                self.tx.update_governance(entity, id, &row.fields, &self.now)?;
                id
            }
            None => self.tx.insert_governance(entity, &row.fields, &self.now)?,
        };
        self.governance_seen.insert((entity, id));
        // The state before keeps when the record was last changed, so undo puts that back too
        // and an earlier import of the same record can still be undone after it.
        let before_json = match before {
            Some(mut fields) => {
                if let Some(at) = stamp_before {
                    fields.insert(UPDATED_AT.to_owned(), Json::from(at));
                }
                Some(Json::Object(fields).to_string())
            }
            None => None,
        };
        let change = KeyedChange {
            entity,
            id,
            before_json: before_json.as_deref(),
            field: None,
            old_value: before_json.clone(),
            new_value: Json::Object(row.fields).to_string(),
        };
        self.note_keyed_change(change)?;
        Ok(Vec::new())
    }
}

/// Takes back what an import did to one record written field by field: one it created goes
/// (a risk is marked deleted, the rest deleted), one it changed gets its fields back; a stage
/// decision's initiative gets its stage clock from what remains of its history.
pub(super) fn undo_fields(
    tx: &Tx<'_>,
    entity: &str,
    id: i64,
    before: Option<&str>,
    now: &str,
) -> Result<(), StoreError> {
    let initiative = match entity {
        STAGE_CHANGE_ENTITY => {
            tx.governance_fields(entity, id)?.and_then(|f| f.get("initiative_id").and_then(Json::as_i64))
        }
        _ => None,
    };
    match before {
        None => tx.remove_governance_row(entity, id, now)?,
        Some(json) => {
            let fields: GovernanceFields = serde_json::from_str(json).map_err(|e| {
                api_to_store(ApiError::new(
                    ErrorCode::Internal,
                    format!("the saved state of {entity} #{id} is damaged: {e}"),
                ))
            })?;
            let updated_at = fields.get(UPDATED_AT).and_then(Json::as_str).unwrap_or(now).to_owned();
            tx.update_governance(entity, id, &fields, &updated_at)?;
        }
    }
    if let Some(initiative) = initiative {
        tx.restamp_stage_entered(initiative)?;
    }
    Ok(())
}

/// The initiatives of a stage gate log whose newest decision moves them to another stage than
/// the one they are in, said so a person can correct the one that is wrong (the log does not
/// change an initiative's stage: the initiative's own record says where it is now).
pub(super) fn stages_out_of_step(tx: &Tx<'_>, initiatives: &BTreeSet<i64>) -> Result<Vec<String>, StoreError> {
    let mut warnings = Vec::new();
    for id in initiatives {
        if let Some([initiative, stage, to, on]) = tx.stage_out_of_step(*id)? {
            let label = |value: &str| Stage::parse(value).map_or(value.to_owned(), |s| s.label().to_lowercase());
            warnings.push(format!(
                "{initiative} is in {} but its newest decision moves it to {} on {on}; correct its stage or the log",
                label(&stage),
                label(&to)
            ));
        }
    }
    Ok(warnings)
}
