use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    DataClassification, EuAiActTier, LifecycleState, RiskTier, SystemId, SystemType, UsagePolicy, Validation, VendorId,
};

/// What a person types into the AI system form (create and edit alike).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SystemDraft {
    /// Short reference such as `AIS-042`; unique among systems.
    pub code: String,
    pub name: String,
    pub system_type: Option<SystemType>,
    pub vendor_id: Option<VendorId>,
    pub model_name: String,
    pub description: String,
    pub intended_purpose: String,
    pub business_owner: String,
    pub technical_owner: String,
    pub department: String,
    pub lifecycle_state: Option<LifecycleState>,
    pub usage_policy: Option<UsagePolicy>,
    pub eu_ai_act_tier: Option<EuAiActTier>,
    pub internal_risk_tier: Option<RiskTier>,
    pub personal_data: Option<bool>,
    pub data_classification: Option<DataClassification>,
    pub hosting_region: String,
    pub first_seen: Option<NaiveDate>,
    pub next_review_date: Option<NaiveDate>,
    pub notes: String,
}

impl SystemDraft {
    pub fn validate(&self, v: &mut Validation) {
        v.required("code", "Code", &self.code);
        v.max_len("code", "Code", &self.code, 40);
        v.required("name", "Name", &self.name);
        v.max_len("name", "Name", &self.name, 200);
        if self.system_type.is_none() {
            v.error("system_type", "Choose what kind of AI this is");
        }
        if self.lifecycle_state.is_none() {
            v.error("lifecycle_state", "Choose a lifecycle state");
        }
        if self.usage_policy.is_none() {
            v.error("usage_policy", "Choose a usage policy");
        }
        for (field, label, text) in [
            ("model_name", "Model", &self.model_name),
            ("business_owner", "Business owner", &self.business_owner),
            ("technical_owner", "Technical owner", &self.technical_owner),
            ("department", "Department", &self.department),
            ("hosting_region", "Hosting region", &self.hosting_region),
        ] {
            v.max_len(field, label, text, 200);
        }
        v.dates_in_order("next_review_date", "Next review", "first seen date", self.first_seen, self.next_review_date);
    }
}

/// An AI system as stored: the draft's fields plus what the portfolio knows about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct System {
    pub id: SystemId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: SystemDraft,
    /// Name of `vendor_id`, for display.
    pub vendor_name: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}
