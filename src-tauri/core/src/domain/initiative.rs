use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Health, InitiativeId, Stage, SystemId, Validation};

/// What a person types into the initiative form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct InitiativeDraft {
    /// Short reference such as `INI-007`; unique among initiatives.
    pub code: String,
    pub name: String,
    pub problem_statement: String,
    pub sponsor: String,
    pub owner: String,
    pub department: String,
    pub stage: Option<Stage>,
    pub health: Option<Health>,
    /// 1 (highest) to 5.
    #[ts(type = "number | null")]
    pub priority: Option<u8>,
    pub planned_go_live: Option<NaiveDate>,
    pub expected_benefits: String,
    pub success_criteria: String,
    pub kill_criteria: String,
    /// What was learned; required once an initiative is killed, so the lesson is kept.
    pub lessons_learned: String,
    pub system_ids: Vec<SystemId>,
}

impl InitiativeDraft {
    pub fn validate(&self, v: &mut Validation) {
        v.required("code", "Code", &self.code);
        v.max_len("code", "Code", &self.code, 40);
        v.required("name", "Name", &self.name);
        v.max_len("name", "Name", &self.name, 200);
        if self.stage.is_none() {
            v.error("stage", "Choose a stage");
        }
        if let Some(p) = self.priority
            && !(1..=5).contains(&p)
        {
            v.error("priority", "Priority runs from 1 (highest) to 5");
        }
        if self.stage == Some(Stage::Killed) && self.lessons_learned.trim().is_empty() {
            v.error("lessons_learned", "Record what was learned before killing an initiative");
        }
    }
}

/// An initiative as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Initiative {
    pub id: InitiativeId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: InitiativeDraft,
    /// The day the current stage was entered.
    pub stage_entered_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}
