//! The choices each enumeration offers, with their labels, so forms and filters show the same
//! words as exports and reports.

use serde::Serialize;
use ts_rs::TS;

use super::App;
use crate::domain::{
    ContractStatus, Criticality, DataClassification, EnumOption, EuAiActTier, GateDecision, Health, LifecycleState,
    PricingModel, ReviewStatus, RiskTier, Stage, SystemType, UsagePolicy, VendorType,
};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Catalog {
    pub system_type: Vec<EnumOption>,
    pub lifecycle_state: Vec<EnumOption>,
    pub usage_policy: Vec<EnumOption>,
    pub eu_ai_act_tier: Vec<EnumOption>,
    pub risk_tier: Vec<EnumOption>,
    pub data_classification: Vec<EnumOption>,
    pub vendor_type: Vec<EnumOption>,
    pub criticality: Vec<EnumOption>,
    pub review_status: Vec<EnumOption>,
    pub contract_status: Vec<EnumOption>,
    pub pricing_model: Vec<EnumOption>,
    pub stage: Vec<EnumOption>,
    pub gate_decision: Vec<EnumOption>,
    pub health: Vec<EnumOption>,
}

impl App {
    /// Every enumeration's options; the same for every portfolio.
    pub fn catalog(&self) -> Catalog {
        Catalog {
            system_type: SystemType::options(),
            lifecycle_state: LifecycleState::options(),
            usage_policy: UsagePolicy::options(),
            eu_ai_act_tier: EuAiActTier::options(),
            risk_tier: RiskTier::options(),
            data_classification: DataClassification::options(),
            vendor_type: VendorType::options(),
            criticality: Criticality::options(),
            review_status: ReviewStatus::options(),
            contract_status: ContractStatus::options(),
            pricing_model: PricingModel::options(),
            stage: Stage::options(),
            gate_decision: GateDecision::options(),
            health: Health::options(),
        }
    }
}
