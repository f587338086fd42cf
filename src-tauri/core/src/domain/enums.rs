//! The enumerations a record can take, each with the label people read.
//!
//! Values are snake_case on the wire and in the database, so a portfolio file stays readable
//! with any SQLite tool; labels are what screens, exports and reports show.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One choice of an enumeration, as a form's select shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EnumOption {
    pub value: String,
    pub label: String,
}

macro_rules! domain_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => ($value:literal, $label:literal)),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and wire value, e.g. `"saas_tool"`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            /// What people read, e.g. `"SaaS AI tool"`.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Accepts the stored value or the label, ignoring case and surrounding spaces.
            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| {
                    v.as_str().eq_ignore_ascii_case(text) || v.label().eq_ignore_ascii_case(text)
                })
            }

            pub fn options() -> Vec<EnumOption> {
                Self::ALL
                    .iter()
                    .map(|v| EnumOption { value: v.as_str().to_owned(), label: v.label().to_owned() })
                    .collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

domain_enum!(
    /// What kind of AI a system is (OMB "AI classification", ISO 42001 SoA categories).
    SystemType {
        SaasTool => ("saas_tool", "SaaS AI tool"),
        EmbeddedFeature => ("embedded_feature", "AI feature in existing software"),
        ModelApi => ("model_api", "Foundation-model API"),
        InternalModel => ("internal_model", "Internally built model"),
        Agent => ("agent", "Agent"),
        GpaiModel => ("gpai_model", "General-purpose AI model"),
    }
);

domain_enum!(
    /// Where a system is in its life.
    LifecycleState {
        Proposed => ("proposed", "Proposed"),
        Evaluating => ("evaluating", "Evaluating"),
        Pilot => ("pilot", "Pilot"),
        Production => ("production", "Production"),
        Restricted => ("restricted", "Restricted"),
        UnderReassessment => ("under_reassessment", "Under reassessment"),
        Retired => ("retired", "Retired"),
    }
);

domain_enum!(
    /// Whether staff may use a system.
    UsagePolicy {
        Approved => ("approved", "Approved"),
        Restricted => ("restricted", "Restricted"),
        Pending => ("pending", "Pending"),
        Blocked => ("blocked", "Blocked"),
        Rejected => ("rejected", "Rejected"),
        Retired => ("retired", "Retired"),
    }
);

domain_enum!(
    /// EU AI Act risk classification (Reg. (EU) 2024/1689).
    EuAiActTier {
        Unclassified => ("unclassified", "Not yet classified"),
        Prohibited => ("prohibited", "Prohibited (Art. 5)"),
        High => ("high", "High risk"),
        Limited => ("limited", "Limited risk (transparency)"),
        Minimal => ("minimal", "Minimal risk"),
        Gpai => ("gpai", "General-purpose AI"),
        GpaiSystemic => ("gpai_systemic", "GPAI with systemic risk"),
        NotAi => ("not_ai", "Not an AI system"),
    }
);

domain_enum!(
    /// The company's own risk tier.
    RiskTier {
        Low => ("low", "Low"),
        Medium => ("medium", "Medium"),
        High => ("high", "High"),
    }
);

domain_enum!(
    /// Sensitivity of the data a system touches.
    DataClassification {
        Public => ("public", "Public"),
        Internal => ("internal", "Internal"),
        Confidential => ("confidential", "Confidential"),
        Restricted => ("restricted", "Restricted"),
    }
);

domain_enum!(
    /// What a vendor provides.
    VendorType {
        ModelProvider => ("model_provider", "Model provider"),
        AiSaas => ("ai_saas", "AI SaaS"),
        PlatformEmbedded => ("platform_embedded", "Platform with embedded AI"),
        Reseller => ("reseller", "Reseller"),
        Consultancy => ("consultancy", "Consultancy"),
    }
);

domain_enum!(
    /// How much the business depends on a vendor.
    Criticality {
        Low => ("low", "Low"),
        Medium => ("medium", "Medium"),
        High => ("high", "High"),
        Critical => ("critical", "Critical"),
    }
);

domain_enum!(
    /// Due-diligence state of a vendor.
    ReviewStatus {
        NotStarted => ("not_started", "Not started"),
        InReview => ("in_review", "In review"),
        Approved => ("approved", "Approved"),
        ApprovedWithConditions => ("approved_with_conditions", "Approved with conditions"),
        Rejected => ("rejected", "Rejected"),
    }
);

domain_enum!(
    /// Where a contract stands.
    ContractStatus {
        Draft => ("draft", "Draft"),
        Active => ("active", "Active"),
        PendingRenewal => ("pending_renewal", "Pending renewal"),
        Expired => ("expired", "Expired"),
        Terminated => ("terminated", "Terminated"),
        Cancelled => ("cancelled", "Cancelled"),
    }
);

domain_enum!(
    /// How a contract charges.
    PricingModel {
        PerSeat => ("per_seat", "Per seat"),
        Usage => ("usage", "Usage (tokens / credits)"),
        Flat => ("flat", "Flat fee"),
        Tiered => ("tiered", "Tiered"),
        CommitOverage => ("commit_overage", "Commitment + overage"),
    }
);

domain_enum!(
    /// Pipeline stage of an initiative.
    Stage {
        Idea => ("idea", "Idea"),
        Assessment => ("assessment", "Assessment"),
        Pilot => ("pilot", "Pilot"),
        Production => ("production", "Production"),
        Scaled => ("scaled", "Scaled"),
        Retired => ("retired", "Retired"),
        OnHold => ("on_hold", "On hold"),
        Killed => ("killed", "Killed"),
    }
);

domain_enum!(
    /// The outcome of a stage gate.
    GateDecision {
        Go => ("go", "Go"),
        ConditionalGo => ("conditional_go", "Conditional go"),
        Hold => ("hold", "Hold"),
        Kill => ("kill", "Kill"),
    }
);

domain_enum!(
    /// Red / amber / green status of an initiative.
    Health {
        Green => ("green", "On track"),
        Amber => ("amber", "At risk"),
        Red => ("red", "Off track"),
    }
);

domain_enum!(
    /// What kind of harm a risk is about (VerifyWise's categories, kept small).
    RiskCategory {
        Strategic => ("strategic", "Strategic"),
        Operational => ("operational", "Operational"),
        Compliance => ("compliance", "Compliance"),
        Legal => ("legal", "Legal"),
        Financial => ("financial", "Financial"),
        Cybersecurity => ("cybersecurity", "Cybersecurity"),
        Privacy => ("privacy", "Privacy"),
        Reputational => ("reputational", "Reputational"),
        ThirdParty => ("third_party", "Third party"),
        BiasFairness => ("bias_fairness", "Bias & fairness"),
        Performance => ("performance", "Performance"),
        DataQuality => ("data_quality", "Data quality"),
    }
);

domain_enum!(
    /// Where a risk stands.
    RiskStatus {
        Open => ("open", "Open"),
        Mitigating => ("mitigating", "Mitigating"),
        Accepted => ("accepted", "Accepted"),
        Closed => ("closed", "Closed"),
    }
);

domain_enum!(
    /// What a governance review looks at.
    ReviewType {
        Periodic => ("periodic", "Periodic review"),
        PreDeployment => ("pre_deployment", "Pre-deployment review"),
        Dpia => ("dpia", "Data protection impact assessment"),
        Fria => ("fria", "Fundamental rights impact assessment"),
        EuAiActClassification => ("eu_ai_act_classification", "EU AI Act classification"),
        VendorDueDiligence => ("vendor_due_diligence", "Vendor due diligence"),
    }
);

domain_enum!(
    /// The outcome of a completed review.
    ReviewDecision {
        Approved => ("approved", "Approved"),
        ApprovedWithConditions => ("approved_with_conditions", "Approved with conditions"),
        Restricted => ("restricted", "Restricted"),
        Rejected => ("rejected", "Rejected"),
    }
);

domain_enum!(
    /// How bad an incident was.
    IncidentSeverity {
        Low => ("low", "Low"),
        Medium => ("medium", "Medium"),
        High => ("high", "High"),
        Critical => ("critical", "Critical"),
    }
);

domain_enum!(
    /// Where an incident stands; open and investigating ones are still open.
    IncidentStatus {
        Open => ("open", "Open"),
        Investigating => ("investigating", "Investigating"),
        Resolved => ("resolved", "Resolved"),
        Closed => ("closed", "Closed"),
    }
);

domain_enum!(
    /// How a value model turns its assumptions into a monthly benefit in the reporting currency:
    /// the product of the method's factors, a "%" factor counting as value/100 and a "minutes"
    /// factor as value/60 (hours).
    ValueMethod {
        TimeSaved => ("time_saved", "Time saved"),
        RevenueUplift => ("revenue_uplift", "Revenue uplift"),
        CostAvoided => ("cost_avoided", "Cost avoided"),
    }
);

domain_enum!(
    /// How a figure is known (ValueLens' tiers).
    Confidence {
        Observed => ("observed", "Observed"),
        Inferred => ("inferred", "Inferred"),
        Modelled => ("modelled", "Modelled"),
    }
);

domain_enum!(
    /// What a budget covers: one department, or the whole portfolio.
    BudgetScope {
        Department => ("department", "Department"),
        Portfolio => ("portfolio", "Whole portfolio"),
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_value_and_label_in_any_case() {
        assert_eq!(SystemType::parse("saas_tool"), Some(SystemType::SaasTool), "stored value");
        assert_eq!(SystemType::parse(" Agent "), Some(SystemType::Agent), "label, padded");
        assert_eq!(Stage::parse("ON HOLD"), Some(Stage::OnHold), "label in capitals");
        assert_eq!(Stage::parse("launched"), None, "unknown text is refused, not guessed");
    }

    #[test]
    fn serde_value_matches_as_str() {
        for tier in EuAiActTier::ALL {
            let json = serde_json::to_string(tier).expect("enums serialise");
            assert_eq!(json, format!("\"{}\"", tier.as_str()), "wire value and stored value are one");
        }
    }
}
