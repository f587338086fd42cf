//! User-mapped sheets: the user's own inventory, vendor list, contracts, initiatives, KPIs, FX
//! rates, cost tracker, budgets, value model assumptions, and the governance record: stage gate
//! decisions, the risk register, reviews and incidents.
//! What each target's fields are, a suggested mapping from header names and content, and the
//! typing of one mapped row into a draft (values translated, dates in the order the file uses).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use ts_rs::TS;

use crate::domain::{
    BudgetScope, Confidence, ContractStatus, Criticality, DataClassification, EnumOption, EuAiActTier, GateDecision,
    Health, IncidentSeverity, IncidentStatus, LifecycleState, PricingModel, ReviewDecision, ReviewStatus, ReviewType,
    RiskCategory, RiskStatus, RiskTier, Stage, SystemType, UsagePolicy, ValueMethod, VendorType,
};
use crate::import::{Cell, DateStyle, NumberStyle, RawRow, cell_datetime, cell_decimal, normalise_header};

/// What a user-mapped sheet becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MappingTarget {
    Systems,
    Vendors,
    Contracts,
    Initiatives,
    Kpis,
    FxRates,
    CostLines,
    Budgets,
    ValueAssumptions,
    StageDecisions,
    Risks,
    Reviews,
    Incidents,
}

impl MappingTarget {
    pub const ALL: [MappingTarget; 13] = [
        MappingTarget::Systems,
        MappingTarget::Vendors,
        MappingTarget::Contracts,
        MappingTarget::Initiatives,
        MappingTarget::Kpis,
        MappingTarget::FxRates,
        MappingTarget::CostLines,
        MappingTarget::Budgets,
        MappingTarget::ValueAssumptions,
        MappingTarget::StageDecisions,
        MappingTarget::Risks,
        MappingTarget::Reviews,
        MappingTarget::Incidents,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MappingTarget::Systems => "AI systems",
            MappingTarget::Vendors => "Vendors",
            MappingTarget::Contracts => "Contracts",
            MappingTarget::Initiatives => "Initiatives",
            MappingTarget::Kpis => "KPI values",
            MappingTarget::FxRates => "Exchange rates",
            MappingTarget::CostLines => "Cost lines",
            MappingTarget::Budgets => "Budgets",
            MappingTarget::ValueAssumptions => "Value model assumptions",
            MappingTarget::StageDecisions => "Stage gate decisions",
            MappingTarget::Risks => "Risks",
            MappingTarget::Reviews => "Reviews",
            MappingTarget::Incidents => "Incidents",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MappingTarget::Systems => "systems",
            MappingTarget::Vendors => "vendors",
            MappingTarget::Contracts => "contracts",
            MappingTarget::Initiatives => "initiatives",
            MappingTarget::Kpis => "kpis",
            MappingTarget::FxRates => "fx_rates",
            MappingTarget::CostLines => "cost_lines",
            MappingTarget::Budgets => "budgets",
            MappingTarget::ValueAssumptions => "value_assumptions",
            MappingTarget::StageDecisions => "stage_decisions",
            MappingTarget::Risks => "risks",
            MappingTarget::Reviews => "reviews",
            MappingTarget::Incidents => "incidents",
        }
    }
}

/// The portfolio's own metric a KPI name means, so a seat or user count from the user's own
/// sheet feeds adoption like a vendor's report does: "Active users", "MAU", "Licences
/// purchased", "seats_assigned", … (compared normalised). `None` for any other KPI.
pub fn known_metric(name: &str) -> Option<&'static str> {
    const NAMES: &[(&str, &[&str])] = &[
        (
            "active_users",
            &[
                "active users",
                "monthly active users",
                "mau",
                "active seats",
                "users active",
                "active licences",
                "active licenses",
            ],
        ),
        (
            "seats_purchased",
            &[
                "seats purchased",
                "seats",
                "licences",
                "licenses",
                "licences purchased",
                "licenses purchased",
                "purchased seats",
                "purchased licences",
                "purchased licenses",
                "seat count",
            ],
        ),
        (
            "seats_assigned",
            &[
                "seats assigned",
                "assigned seats",
                "licences assigned",
                "licenses assigned",
                "assigned licences",
                "assigned licenses",
                "users assigned",
                "assigned users",
            ],
        ),
        ("requests", &["requests", "api requests", "calls", "api calls"]),
        ("input_tokens", &["input tokens", "prompt tokens"]),
        ("output_tokens", &["output tokens", "completion tokens"]),
    ];
    let wanted = normalise_header(name);
    NAMES
        .iter()
        .find(|(key, names)| normalise_header(key) == wanted || names.contains(&wanted.as_str()))
        .map(|(key, _)| *key)
}

/// How slashed dates in a user's file are written; never guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DateOrder {
    /// 25/04/2026
    DayFirst,
    /// 04/25/2026
    MonthFirst,
}

/// One field of the target and where its values come from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct FieldMapping {
    pub field: String,
    /// The header of the column it is read from.
    pub column: Option<String>,
    /// A value for every row, when no column holds it (e.g. usage policy "Approved").
    pub value: Option<String>,
    /// The file's words for a choice field, translated: `"LLM application"` → `"model_api"`.
    pub values: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMapping {
    pub target: MappingTarget,
    pub fields: Vec<FieldMapping>,
    pub date_order: Option<DateOrder>,
}

/// A field of a target, for the mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TargetField {
    pub key: String,
    pub label: String,
    pub required: bool,
    /// `text`, `choice`, `date`, `month`, `money`, `number`, `whole`, `yes_no`, `currency`,
    /// `vendor` (a vendor by name), `system` (an AI system by code or name), `systems` (several,
    /// separated by `;`) or `initiative`.
    pub kind: String,
    pub options: Vec<EnumOption>,
}

/// What Steward proposes for a sheet it does not recognise; the user corrects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MappingSuggestion {
    pub mapping: ColumnMapping,
    pub fields: Vec<TargetField>,
    /// Slashed dates whose order the sample cannot settle (every day and month ≤ 12).
    pub date_order_needed: bool,
    /// Values of choice fields in the sample that match no option, by field.
    pub unmatched_values: BTreeMap<String, Vec<String>>,
    /// Required fields with neither a column nor a value.
    pub missing_required: Vec<String>,
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Choice(fn() -> Vec<EnumOption>),
    Date,
    Month,
    Money,
    Number,
    Whole,
    YesNo,
    Currency,
    Vendor,
    System,
    /// Several AI systems by code or name, separated by `;` (or `,`).
    Systems,
    Initiative,
}

struct Field {
    key: &'static str,
    label: &'static str,
    required: bool,
    kind: Kind,
    /// Header words that suggest this field (normalised), best first.
    synonyms: &'static [&'static str],
}

const fn f(
    key: &'static str,
    label: &'static str,
    required: bool,
    kind: Kind,
    synonyms: &'static [&'static str],
) -> Field {
    Field { key, label, required, kind, synonyms }
}

const SYSTEM_FIELDS: &[Field] = &[
    f("code", "Code", false, Kind::Text, &["code", "system id", "id", "reference", "ref"]),
    f("name", "Name", true, Kind::Text, &["name", "system", "system name", "ai system", "tool", "application"]),
    f("system_type", "Type", true, Kind::Choice(SystemType::options), &["type", "system type", "kind", "category"]),
    f("vendor_id", "Vendor", false, Kind::Vendor, &["vendor", "supplier", "provider", "vendor name"]),
    f("model_name", "Model", false, Kind::Text, &["model", "model name", "llm"]),
    f("description", "Description", false, Kind::Text, &["description", "summary", "what it does"]),
    f("intended_purpose", "Intended purpose", false, Kind::Text, &["purpose", "intended purpose", "use case"]),
    f("business_owner", "Business owner", false, Kind::Text, &["owner", "business owner", "accountable"]),
    f("technical_owner", "Technical owner", false, Kind::Text, &["technical owner", "tech owner", "it owner"]),
    f("department", "Department", false, Kind::Text, &["department", "business unit", "team", "function"]),
    f(
        "lifecycle_state",
        "Lifecycle state",
        true,
        Kind::Choice(LifecycleState::options),
        &["status", "state", "lifecycle", "lifecycle state", "stage"],
    ),
    f(
        "usage_policy",
        "Usage policy",
        true,
        Kind::Choice(UsagePolicy::options),
        &["policy", "usage policy", "approval"],
    ),
    f("eu_ai_act_tier", "EU AI Act tier", false, Kind::Choice(EuAiActTier::options), &["eu ai act", "ai act tier"]),
    f("internal_risk_tier", "Risk tier", false, Kind::Choice(RiskTier::options), &["risk tier", "risk", "risk level"]),
    f("personal_data", "Personal data", false, Kind::YesNo, &["personal data", "pii", "gdpr"]),
    f(
        "data_classification",
        "Data classification",
        false,
        Kind::Choice(DataClassification::options),
        &["data classification", "classification"],
    ),
    f("hosting_region", "Hosting region", false, Kind::Text, &["region", "hosting region", "hosting", "location"]),
    f("first_seen", "First seen", false, Kind::Date, &["first seen", "added", "since", "start date"]),
    f("next_review_date", "Next review", false, Kind::Date, &["next review", "review date", "review due"]),
    f("notes", "Notes", false, Kind::Text, &["notes", "comments", "remarks"]),
];

const VENDOR_FIELDS: &[Field] = &[
    f("name", "Name", true, Kind::Text, &["name", "vendor", "vendor name", "supplier", "company"]),
    f("legal_name", "Legal name", false, Kind::Text, &["legal name", "legal entity"]),
    f("website", "Website", false, Kind::Text, &["website", "url", "web"]),
    f("country", "Country", false, Kind::Text, &["country", "hq country"]),
    f("vendor_type", "Type", false, Kind::Choice(VendorType::options), &["type", "vendor type", "category"]),
    f("criticality", "Criticality", false, Kind::Choice(Criticality::options), &["criticality", "tier", "critical"]),
    f("relationship_owner", "Relationship owner", false, Kind::Text, &["owner", "relationship owner", "manager"]),
    f("review_status", "Review status", false, Kind::Choice(ReviewStatus::options), &["review status", "review"]),
    f("review_date", "Review date", false, Kind::Date, &["review date", "reviewed on", "last review"]),
    f(
        "trains_on_data",
        "Trains on our data",
        false,
        Kind::YesNo,
        &["trains on data", "trains on our data", "training"],
    ),
    f("data_residency", "Data residency", false, Kind::Text, &["data residency", "residency"]),
    f("notes", "Notes", false, Kind::Text, &["notes", "comments"]),
];

const CONTRACT_FIELDS: &[Field] = &[
    f("name", "Name", true, Kind::Text, &["contract name", "name", "contract", "subscription", "agreement"]),
    f("vendor_id", "Vendor", true, Kind::Vendor, &["vendor", "supplier", "provider"]),
    f("contract_ref", "Reference", false, Kind::Text, &["contract ref", "reference", "contract number", "contract id"]),
    f("status", "Status", true, Kind::Choice(ContractStatus::options), &["status", "state"]),
    f("pricing_model", "Pricing model", false, Kind::Choice(PricingModel::options), &["pricing model", "pricing"]),
    f("start_date", "Start date", false, Kind::Date, &["start", "start date", "starts", "effective date"]),
    f("end_date", "End date", false, Kind::Date, &["end", "end date", "expires", "expiry", "renewal date"]),
    f("auto_renew", "Auto-renews", false, Kind::YesNo, &["auto renew", "auto renewal", "evergreen"]),
    f("notice_period_days", "Notice period (days)", false, Kind::Whole, &["notice period", "notice days", "notice"]),
    f("total_value", "Total value", false, Kind::Money, &["total value", "contract value", "tcv"]),
    f("annual_value", "Annual value", false, Kind::Money, &["annual value", "annual cost", "acv", "yearly cost"]),
    f("currency", "Currency", false, Kind::Currency, &["currency", "ccy"]),
    f("seats_purchased", "Seats purchased", false, Kind::Whole, &["seats", "licenses", "licences", "seats purchased"]),
    f("owner", "Owner", false, Kind::Text, &["owner", "contract owner"]),
    f("cost_center", "Cost center", false, Kind::Text, &["cost center", "cost centre"]),
    f("dpa_signed", "DPA signed", false, Kind::YesNo, &["dpa", "dpa signed"]),
    f("system_ids", "AI systems covered", false, Kind::Systems, SYSTEMS_SYNONYMS),
    f("notes", "Notes", false, Kind::Text, &["notes", "comments"]),
];

/// Header words for the AI systems a contract covers or an initiative uses.
const SYSTEMS_SYNONYMS: &[&str] =
    &["systems", "ai systems", "system codes", "tools", "applications", "covers", "systems covered"];

const INITIATIVE_FIELDS: &[Field] = &[
    f("code", "Code", false, Kind::Text, &["code", "id", "reference"]),
    f("name", "Name", true, Kind::Text, &["name", "initiative", "project", "use case"]),
    f("problem_statement", "Problem statement", false, Kind::Text, &["problem", "problem statement", "description"]),
    f("sponsor", "Sponsor", false, Kind::Text, &["sponsor", "executive sponsor"]),
    f("owner", "Owner", false, Kind::Text, &["owner", "lead", "project owner"]),
    f("department", "Department", false, Kind::Text, &["department", "business unit", "team"]),
    f("stage", "Stage", true, Kind::Choice(Stage::options), &["stage", "status", "phase"]),
    f("health", "Health", false, Kind::Choice(Health::options), &["health", "rag", "rag status"]),
    f("priority", "Priority", false, Kind::Whole, &["priority", "rank"]),
    f("planned_go_live", "Planned go-live", false, Kind::Date, &["go live", "planned go live", "launch date"]),
    f("expected_benefits", "Expected benefits", false, Kind::Text, &["benefits", "expected benefits", "value"]),
    f("success_criteria", "Success criteria", false, Kind::Text, &["success criteria", "kpis"]),
    f("kill_criteria", "Kill criteria", false, Kind::Text, &["kill criteria", "stop criteria"]),
    f("lessons_learned", "Lessons learned", false, Kind::Text, &["lessons", "lessons learned"]),
    f("system_ids", "AI systems used", false, Kind::Systems, SYSTEMS_SYNONYMS),
];

const KPI_FIELDS: &[Field] = &[
    f("period", "Month or date", true, Kind::Month, &["month", "period", "date", "week"]),
    f("system", "AI system", true, Kind::System, &["system", "ai system", "tool", "application"]),
    f("metric", "KPI", true, Kind::Text, &["kpi", "metric", "measure", "indicator"]),
    f("value", "Value", true, Kind::Number, &["value", "amount", "result", "actual"]),
    f("unit", "Unit", false, Kind::Text, &["unit", "units"]),
];

const FX_FIELDS: &[Field] = &[
    f(
        "from_currency",
        "From currency",
        true,
        Kind::Currency,
        &["from", "from currency", "currency", "source currency", "base currency", "ccy"],
    ),
    f(
        "to_currency",
        "To currency",
        true,
        Kind::Currency,
        &["to", "to currency", "target currency", "quote currency", "reporting currency"],
    ),
    f(
        "valid_from",
        "Valid from",
        true,
        Kind::Date,
        &["date", "valid from", "effective date", "month", "as of", "rate date"],
    ),
    f("rate", "Rate", true, Kind::Number, &["rate", "exchange rate", "fx rate", "conversion rate", "value"]),
    f("source", "Source", false, Kind::Text, &["source", "provider", "reference"]),
];

/// The user's own cost sheet: finance's tracker of AI spend, a department's cost report.
const COST_FIELDS: &[Field] = &[
    f(
        "period",
        "Month or date",
        true,
        Kind::Month,
        &["month", "period", "date", "billing month", "invoice month", "billing period", "usage date"],
    ),
    f("vendor_id", "Vendor", true, Kind::Vendor, &["vendor", "supplier", "provider", "vendor name"]),
    f(
        "amount",
        "Amount",
        true,
        Kind::Money,
        &["amount", "cost", "spend", "total", "net amount", "charge", "charges", "net cost", "amount due"],
    ),
    f("currency", "Currency", true, Kind::Currency, &["currency", "ccy", "currency code"]),
    f("basis", "Cost basis", false, Kind::Choice(cost_bases), &["basis", "cost basis", "cost type"]),
    f("system_id", "AI system", false, Kind::System, &["system", "ai system", "tool", "application", "system code"]),
    f(
        "initiative_id",
        "Initiative",
        false,
        Kind::Initiative,
        &["initiative", "initiative code", "project", "use case"],
    ),
    f(
        "department",
        "Department",
        false,
        Kind::Text,
        &["department", "business unit", "cost center", "cost centre", "team"],
    ),
    f(
        "description",
        "Description",
        false,
        Kind::Text,
        &["description", "item", "line item", "service", "product", "sku", "details"],
    ),
    // Kept with the line as written (e.g. `one_off` for implementation work), for reports.
    f("category", "Category", false, Kind::Text, &["category", "cost category", "spend category"]),
];

/// A budget sheet: one department's (or the whole portfolio's) amount for a period. The period
/// is From and To, or a Year for a calendar year; the scope defaults to the department when a
/// department is named and to the whole portfolio when none is.
const BUDGET_FIELDS: &[Field] = &[
    f("scope_type", "Scope", false, Kind::Choice(BudgetScope::options), &["scope", "budget scope", "level"]),
    f(
        "scope_value",
        "Department",
        false,
        Kind::Text,
        &["department", "business unit", "cost center", "cost centre", "team", "function"],
    ),
    f("period_start", "From", false, Kind::Date, &["from", "start", "start date", "period start", "valid from"]),
    f("period_end", "To", false, Kind::Date, &["to", "end", "end date", "period end", "valid to", "until"]),
    f("year", "Year", false, Kind::Whole, &["year", "fiscal year", "budget year", "fy"]),
    f(
        "amount",
        "Amount",
        true,
        Kind::Money,
        &["amount", "budget", "budget amount", "annual budget", "allocation", "planned spend"],
    ),
    f("currency", "Currency", true, Kind::Currency, &["currency", "ccy", "currency code"]),
    f("note", "Note", false, Kind::Text, &["note", "notes", "comments", "remarks"]),
];

/// An initiative's value model as the Adoption & ROI screen edits it: one factor a row (users,
/// minutes saved, hourly cost, …), a low / likely / high range, and how it is known.
const VALUE_FIELDS: &[Field] = &[
    f("initiative_id", "Initiative", true, Kind::Initiative, &["initiative", "initiative code", "project", "use case"]),
    f(
        "method",
        "Method",
        true,
        Kind::Choice(ValueMethod::options),
        &["method", "value method", "benefit type", "value driver", "benefit"],
    ),
    f("name", "Assumption", true, Kind::Text, &["assumption", "name", "factor", "driver", "assumption name"]),
    f("unit", "Unit", false, Kind::Text, &["unit", "units"]),
    f("low", "Low", false, Kind::Number, &["low", "min", "minimum", "pessimistic", "worst case"]),
    f("likely", "Likely", true, Kind::Number, &["likely", "most likely", "expected", "base case", "base"]),
    f("high", "High", false, Kind::Number, &["high", "max", "maximum", "optimistic", "best case"]),
    f("confidence", "Confidence", true, Kind::Choice(Confidence::options), &["confidence", "evidence", "how known"]),
    f("note", "Note", false, Kind::Text, &["note", "notes", "comments", "source"]),
    f("position", "Position", false, Kind::Whole, &["position", "order", "sequence", "seq"]),
];

/// An initiative's stage gate log: one decision a row (idea → assessment → pilot → …), kept in
/// its stage history; the newest move into its current stage starts the clock of that stage.
const STAGE_FIELDS: &[Field] = &[
    f("initiative_id", "Initiative", true, Kind::Initiative, &["initiative", "initiative code", "project", "use case"]),
    f("from_stage", "From stage", false, Kind::Choice(Stage::options), &["from", "from stage", "previous stage"]),
    f("to_stage", "To stage", true, Kind::Choice(Stage::options), &["to", "to stage", "new stage", "stage"]),
    f(
        "decided_on",
        "Decided on",
        true,
        Kind::Date,
        &["decided on", "decision date", "gate date", "date", "approved on"],
    ),
    f("decision", "Decision", false, Kind::Choice(GateDecision::options), &["decision", "gate decision", "outcome"]),
    f("decided_by", "Decided by", false, Kind::Text, &["decided by", "approver", "approved by", "board", "committee"]),
    f("rationale", "Rationale", false, Kind::Text, &["rationale", "reason", "notes", "comments"]),
];

/// Header words for what a governance record is about.
const SYSTEM_SYNONYMS: &[&str] = &["system", "ai system", "system code", "tool", "application"];
const INITIATIVE_SYNONYMS: &[&str] = &["initiative", "initiative code", "project", "use case"];
const VENDOR_SYNONYMS: &[&str] = &["vendor", "supplier", "provider", "third party"];

/// The risk register: each risk with what it is about (an AI system, an initiative or a
/// vendor), its inherent and residual scores on the 1–5 matrix, owner, treatment and status.
const RISK_FIELDS: &[Field] = &[
    f("title", "Risk", true, Kind::Text, &["risk", "title", "risk title", "risk name", "name"]),
    f("description", "Description", false, Kind::Text, &["description", "details", "risk description"]),
    f(
        "category",
        "Category",
        true,
        Kind::Choice(RiskCategory::options),
        &["category", "risk category", "risk type", "type"],
    ),
    f("system_id", "AI system", false, Kind::System, SYSTEM_SYNONYMS),
    f("initiative_id", "Initiative", false, Kind::Initiative, INITIATIVE_SYNONYMS),
    f("vendor_id", "Vendor", false, Kind::Vendor, VENDOR_SYNONYMS),
    f("likelihood", "Likelihood (1–5)", true, Kind::Whole, &["likelihood", "probability", "inherent likelihood"]),
    f("severity", "Severity (1–5)", true, Kind::Whole, &["severity", "impact", "inherent severity", "inherent impact"]),
    f("residual_likelihood", "Residual likelihood", false, Kind::Whole, &["residual likelihood"]),
    f("residual_severity", "Residual severity", false, Kind::Whole, &["residual severity", "residual impact"]),
    f("owner", "Owner", false, Kind::Text, &["owner", "risk owner"]),
    f(
        "mitigation_plan",
        "Mitigation plan",
        false,
        Kind::Text,
        &["mitigation", "mitigation plan", "treatment", "controls", "actions"],
    ),
    f("status", "Status", false, Kind::Choice(RiskStatus::options), &["status", "risk status", "state"]),
    f("deadline", "Deadline", false, Kind::Date, &["deadline", "due date", "target date", "due"]),
    f("accepted_by", "Accepted by", false, Kind::Text, &["accepted by", "risk accepted by"]),
    f("accepted_on", "Accepted on", false, Kind::Date, &["accepted on", "acceptance date", "date accepted"]),
];

/// Governance reviews: periodic and pre-deployment reviews, DPIAs, FRIAs, EU AI Act
/// classifications and vendor due diligence, open (due) or completed (with a decision).
const REVIEW_FIELDS: &[Field] = &[
    f(
        "review_type",
        "Review type",
        true,
        Kind::Choice(ReviewType::options),
        &["review type", "type", "assessment type", "review", "assessment"],
    ),
    f("system_id", "AI system", false, Kind::System, SYSTEM_SYNONYMS),
    f("initiative_id", "Initiative", false, Kind::Initiative, INITIATIVE_SYNONYMS),
    f("vendor_id", "Vendor", false, Kind::Vendor, VENDOR_SYNONYMS),
    f("due_date", "Due", false, Kind::Date, &["due", "due date", "due on", "deadline", "scheduled"]),
    f(
        "completed_on",
        "Completed on",
        false,
        Kind::Date,
        &["completed", "completed on", "date completed", "completion date", "reviewed on"],
    ),
    f(
        "decision",
        "Decision",
        false,
        Kind::Choice(ReviewDecision::options),
        &["decision", "outcome", "result", "conclusion"],
    ),
    f("reviewer", "Reviewer", false, Kind::Text, &["reviewer", "reviewed by", "assessor", "approver"]),
    f("conditions", "Conditions", false, Kind::Text, &["conditions", "conditions of approval"]),
    f("rationale", "Rationale", false, Kind::Text, &["rationale", "reason", "notes", "comments", "findings"]),
];

/// AI incidents: what happened on which AI system, how bad, when it occurred, was detected and
/// resolved, who was harmed and how, and whether an authority was told.
const INCIDENT_FIELDS: &[Field] = &[
    f("title", "Incident", true, Kind::Text, &["incident", "title", "incident title", "summary", "name"]),
    f("description", "Description", false, Kind::Text, &["description", "details", "what happened"]),
    f("system_id", "AI system", true, Kind::System, SYSTEM_SYNONYMS),
    f("severity", "Severity", true, Kind::Choice(IncidentSeverity::options), &["severity", "priority", "impact"]),
    f("status", "Status", false, Kind::Choice(IncidentStatus::options), &["status", "state"]),
    f("occurred_on", "Occurred on", false, Kind::Date, &["occurred", "occurred on", "date", "incident date"]),
    f("detected_on", "Detected on", false, Kind::Date, &["detected", "detected on", "reported on", "date detected"]),
    f("resolved_on", "Resolved on", false, Kind::Date, &["resolved", "resolved on", "closed on", "date resolved"]),
    f("harm_categories", "Harm categories", false, Kind::Text, &["harm", "harm categories", "harms", "harm type"]),
    f("affected_groups", "Affected groups", false, Kind::Text, &["affected", "affected groups", "who was affected"]),
    f(
        "corrective_actions",
        "Corrective actions",
        false,
        Kind::Text,
        &["corrective actions", "actions", "remediation", "actions taken"],
    ),
    f(
        "reported_to_authority",
        "Reported to an authority",
        false,
        Kind::YesNo,
        &["reported to authority", "reported", "regulator notified", "authority notified"],
    ),
];

/// Cost bases a line can be in: amounts of different bases are never added together.
fn cost_bases() -> Vec<EnumOption> {
    [("billed", "Billed"), ("amortized", "Amortized"), ("list", "List price"), ("effective", "Effective")]
        .into_iter()
        .map(|(value, label)| EnumOption { value: value.into(), label: label.into() })
        .collect()
}

fn fields_of(target: MappingTarget) -> &'static [Field] {
    match target {
        MappingTarget::Systems => SYSTEM_FIELDS,
        MappingTarget::Vendors => VENDOR_FIELDS,
        MappingTarget::Contracts => CONTRACT_FIELDS,
        MappingTarget::Initiatives => INITIATIVE_FIELDS,
        MappingTarget::Kpis => KPI_FIELDS,
        MappingTarget::FxRates => FX_FIELDS,
        MappingTarget::CostLines => COST_FIELDS,
        MappingTarget::Budgets => BUDGET_FIELDS,
        MappingTarget::ValueAssumptions => VALUE_FIELDS,
        MappingTarget::StageDecisions => STAGE_FIELDS,
        MappingTarget::Risks => RISK_FIELDS,
        MappingTarget::Reviews => REVIEW_FIELDS,
        MappingTarget::Incidents => INCIDENT_FIELDS,
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Choice(_) => "choice",
        Kind::Date => "date",
        Kind::Month => "month",
        Kind::Money => "money",
        Kind::Number => "number",
        Kind::Whole => "whole",
        Kind::YesNo => "yes_no",
        Kind::Currency => "currency",
        Kind::Vendor => "vendor",
        Kind::System => "system",
        Kind::Systems => "systems",
        Kind::Initiative => "initiative",
    }
}

pub fn target_fields(target: MappingTarget) -> Vec<TargetField> {
    fields_of(target)
        .iter()
        .map(|field| TargetField {
            key: field.key.into(),
            label: field.label.into(),
            required: field.required,
            kind: kind_name(field.kind).into(),
            options: match field.kind {
                Kind::Choice(options) => options(),
                _ => Vec::new(),
            },
        })
        .collect()
}

/// The option a file's word means, by value, label or the same letters and digits.
fn match_option(options: &[EnumOption], text: &str) -> Option<String> {
    let wanted = normalise_header(text);
    options
        .iter()
        .find(|o| o.value.eq_ignore_ascii_case(text.trim()) || o.label.eq_ignore_ascii_case(text.trim()))
        .or_else(|| {
            options.iter().find(|o| normalise_header(&o.label) == wanted || normalise_header(&o.value) == wanted)
        })
        .map(|o| o.value.clone())
}

/// How well a normalised header names a field: 3 exact synonym, 2 the synonym's words appear
/// in it, 0 otherwise.
fn header_score(header: &str, field: &Field) -> u32 {
    let words: Vec<&str> = header.split(' ').collect();
    let contains = |synonym: &str| {
        let wanted: Vec<&str> = synonym.split(' ').collect();
        words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    };
    if header == normalise_header(field.key) || header == normalise_header(field.label) {
        return 3;
    }
    field
        .synonyms
        .iter()
        .map(|s| {
            if header == *s {
                3
            } else if contains(s) {
                2
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Proposes a mapping for `headers` (and the target when not given), from header names first
/// and the sample's content second (choice values that match options, dates that parse).
pub fn suggest(headers: &[String], sample: &[RawRow], target: Option<MappingTarget>) -> MappingSuggestion {
    let candidates: Vec<MappingTarget> = target.map_or_else(|| MappingTarget::ALL.to_vec(), |t| vec![t]);
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut best: Option<(u32, MappingTarget, Vec<FieldMapping>)> = None;
    for target in candidates {
        let mut used = BTreeSet::new();
        let mut fields = Vec::new();
        let mut score = 0;
        for field in fields_of(target) {
            // A header must name the field (score ≥ 2); the content then decides between candidates.
            let choice = headers
                .iter()
                .enumerate()
                .filter(|(i, _)| !used.contains(i))
                .filter_map(|(i, h)| {
                    let named = header_score(&normalised[i], field);
                    (named >= 2).then(|| (named * 10 + content_score(field, sample, i), i, h))
                })
                .max_by_key(|(s, i, _)| (*s, std::cmp::Reverse(*i)));
            let column = choice.map(|(s, i, h)| {
                used.insert(i);
                score += s + if field.required { 15 } else { 0 };
                h.clone()
            });
            fields.push(FieldMapping { field: field.key.into(), column, ..FieldMapping::default() });
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, target, fields));
        }
    }
    let (_, target, mut fields) = best.unwrap_or((0, MappingTarget::Systems, Vec::new()));
    // Translate the sample's choice words that match an option; list the others.
    let mut unmatched = BTreeMap::new();
    for mapping in &mut fields {
        let Some(field) = fields_of(target).iter().find(|f| f.key == mapping.field) else { continue };
        let (Kind::Choice(options), Some(column)) = (field.kind, &mapping.column) else { continue };
        let Some(index) = headers.iter().position(|h| h == column) else { continue };
        let options = options();
        let words: BTreeSet<String> =
            sample.iter().filter_map(|r| r.cells.get(index)).map(Cell::display).filter(|t| !t.is_empty()).collect();
        let mut missing = Vec::new();
        for word in words {
            match match_option(&options, &word) {
                Some(value) => {
                    mapping.values.insert(word, value);
                }
                None => missing.push(word),
            }
        }
        if !missing.is_empty() {
            unmatched.insert(mapping.field.clone(), missing);
        }
    }
    let date_order = date_order_of(target, &fields, headers, sample);
    let date_order_needed = date_order.is_none() && has_slashed_dates(target, &fields, headers, sample);
    let mapping = ColumnMapping { target, fields, date_order };
    let missing_required = missing_required(&mapping);
    MappingSuggestion {
        mapping,
        fields: target_fields(target),
        date_order_needed,
        unmatched_values: unmatched,
        missing_required,
    }
}

/// Labels of required fields with neither a column nor a value (codes are generated when absent).
pub fn missing_required(mapping: &ColumnMapping) -> Vec<String> {
    fields_of(mapping.target)
        .iter()
        .filter(|f| f.required)
        .filter(|f| {
            mapping
                .fields
                .iter()
                .find(|m| m.field == f.key)
                .is_none_or(|m| m.column.is_none() && m.value.as_deref().is_none_or(|v| v.trim().is_empty()))
        })
        .map(|f| f.label.to_owned())
        .collect()
}

/// Bonus for columns whose sample content fits the field: choice words that match options,
/// dates that read as dates, money that reads as money.
fn content_score(field: &Field, sample: &[RawRow], index: usize) -> u32 {
    let values: Vec<&Cell> = sample.iter().filter_map(|r| r.cells.get(index)).filter(|c| !c.is_blank()).collect();
    if values.is_empty() {
        return 0;
    }
    let share = |ok: usize| (ok * 10 / values.len()) as u32;
    match field.kind {
        Kind::Choice(options) => {
            let options = options();
            share(values.iter().filter(|c| match_option(&options, &c.display()).is_some()).count())
        }
        Kind::Date | Kind::Month => {
            share(values.iter().filter(|c| matches!(c, Cell::DateTime(_)) || looks_like_date(&c.display())).count())
        }
        Kind::Money | Kind::Number | Kind::Whole => {
            share(values.iter().filter(|c| cell_decimal(c, NumberStyle::default()).is_ok()).count())
        }
        _ => 0,
    }
}

fn looks_like_date(text: &str) -> bool {
    slashed_parts(text).is_some()
        || crate::import::parse_datetime(text, DateStyle::Iso).is_ok_and(|d| d.is_some())
        || month_of(text).is_some()
}

/// `25/04/2026` → (25, 4, 2026).
fn slashed_parts(text: &str) -> Option<(u32, u32, i32)> {
    let date = text.split_whitespace().next()?;
    let parts: Vec<&str> = date.split(['/', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    Some((parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?))
}

fn date_columns<'a>(
    target: MappingTarget,
    fields: &'a [FieldMapping],
    headers: &'a [String],
) -> impl Iterator<Item = usize> + 'a {
    fields.iter().filter_map(move |m| {
        let field = fields_of(target).iter().find(|f| f.key == m.field)?;
        matches!(field.kind, Kind::Date | Kind::Month).then_some(())?;
        headers.iter().position(|h| Some(h) == m.column.as_ref())
    })
}

/// Day-first when a first number exceeds 12, month-first when a second does; `None` when the
/// sample cannot tell (then the user is asked).
fn date_order_of(
    target: MappingTarget,
    fields: &[FieldMapping],
    headers: &[String],
    sample: &[RawRow],
) -> Option<DateOrder> {
    let mut order = None;
    for index in date_columns(target, fields, headers) {
        for row in sample {
            if let Some((a, b, _)) = row.cells.get(index).and_then(|c| slashed_parts(&c.display())) {
                if a > 12 && b <= 12 {
                    order = Some(DateOrder::DayFirst);
                } else if b > 12 && a <= 12 {
                    order = Some(DateOrder::MonthFirst);
                }
            }
        }
    }
    order
}

fn has_slashed_dates(target: MappingTarget, fields: &[FieldMapping], headers: &[String], sample: &[RawRow]) -> bool {
    date_columns(target, fields, headers)
        .any(|index| sample.iter().any(|r| r.cells.get(index).is_some_and(|c| slashed_parts(&c.display()).is_some())))
}

/// `2025-07`, `Jul 2025`, `July 2025`, or a date (its month).
fn month_of(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    if let Ok(date) = chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d") {
        return Some(date);
    }
    ["%b %Y", "%B %Y", "%b-%Y", "%B-%Y", "%m/%Y"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(&format!("01 {text}"), &format!("%d {f}")).ok())
}

/// A mapped row's values by field, typed for the target's draft (JSON the draft deserialises),
/// plus what a vendor or system field names (resolved by the caller, which owns the store).
#[derive(Debug, Default)]
pub struct TypedRow {
    pub values: Map<String, Json>,
    /// Field key → the name or code the row gives (vendor, system).
    pub references: BTreeMap<String, String>,
    /// For KPI rows: the period's first and last day.
    pub period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Field problems: (field key, header, value, message).
    pub problems: Vec<(String, String, String, String)>,
}

/// Types one row by the mapping. Missing required values are left to the draft's validation,
/// which names them.
pub fn type_row(mapping: &ColumnMapping, headers: &[String], row: &RawRow, style: NumberStyle) -> TypedRow {
    let mut typed = TypedRow::default();
    for m in &mapping.fields {
        let Some(field) = fields_of(mapping.target).iter().find(|f| f.key == m.field) else { continue };
        let (cell, header) = match &m.column {
            Some(column) => {
                let index = headers.iter().position(|h| h == column).or_else(|| {
                    let wanted = normalise_header(column);
                    headers.iter().position(|h| normalise_header(h) == wanted)
                });
                (index.and_then(|i| row.cells.get(i)).cloned().unwrap_or(Cell::Empty), column.clone())
            }
            None => match &m.value {
                Some(value) => (Cell::text(value.clone()), "(value for every row)".to_owned()),
                None => continue,
            },
        };
        if cell.is_blank() {
            continue;
        }
        let text = cell.display();
        let mut problem =
            |message: String| typed.problems.push((field.key.into(), header.clone(), text.clone(), message));
        let value = match field.kind {
            Kind::Text => Ok(Json::String(text.clone())),
            Kind::Choice(options) => {
                let options = options();
                let translated = m.values.get(&text).cloned().or_else(|| match_option(&options, &text));
                match translated.filter(|v| options.iter().any(|o| &o.value == v)) {
                    Some(value) => Ok(Json::String(value)),
                    None => Err(format!(
                        "\"{}\" is not a {}; choose what it means ({})",
                        text,
                        field.label.to_lowercase(),
                        options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join(", ")
                    )),
                }
            }
            Kind::Date => read_date(&cell, mapping.date_order).map(|d| Json::String(d.to_string())),
            Kind::Month => match month_of(&text) {
                Some(start) => {
                    let end =
                        start.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(start);
                    typed.period = Some((start, end));
                    Ok(Json::Null)
                }
                None => read_date(&cell, mapping.date_order).map(|d| {
                    typed.period = Some((d, d));
                    Json::Null
                }),
            },
            Kind::Money | Kind::Number => match cell_decimal(&cell, style) {
                Ok(Some(value)) => Ok(Json::String(value.normalize().to_string())),
                Ok(None) => continue,
                Err(message) => Err(message),
            },
            Kind::Whole => match cell_decimal(&cell, style) {
                Ok(Some(value)) if value.fract().is_zero() && value >= rust_decimal::Decimal::ZERO => {
                    Ok(Json::from(value.to_string().parse::<u64>().unwrap_or_default()))
                }
                Ok(_) => Err(format!("\"{text}\" is not a whole number")),
                Err(message) => Err(message),
            },
            Kind::YesNo => match normalise_header(&text).as_str() {
                "yes" | "y" | "true" | "1" | "x" => Ok(Json::Bool(true)),
                "no" | "n" | "false" | "0" => Ok(Json::Bool(false)),
                _ => Err(format!("\"{text}\" is not yes or no")),
            },
            Kind::Currency => match crate::domain::Currency::parse(&text.to_uppercase()) {
                Some(c) => Ok(Json::String(c.as_str().to_owned())),
                None => Err(format!("\"{text}\" is not an ISO 4217 currency code (e.g. USD, EUR)")),
            },
            Kind::Vendor | Kind::System | Kind::Systems | Kind::Initiative => {
                typed.references.insert(field.key.into(), text.clone());
                continue;
            }
        };
        match value {
            Ok(Json::Null) => {}
            Ok(value) => {
                typed.values.insert(field.key.into(), value);
            }
            Err(message) => problem(message),
        }
    }
    typed
}

fn read_date(cell: &Cell, order: Option<DateOrder>) -> Result<chrono::NaiveDate, String> {
    let text = cell.display();
    let style = match (order, slashed_parts(&text)) {
        (Some(DateOrder::DayFirst), _) => DateStyle::Dmy,
        (Some(DateOrder::MonthFirst), _) => DateStyle::Mdy,
        (None, Some((a, b, _))) if a <= 12 && b <= 12 && a != b => {
            return Err(format!(
                "\"{text}\" could be {} or {}; choose the date order of this file",
                human(a, b),
                human(b, a)
            ));
        }
        (None, Some((a, _, _))) if a > 12 => DateStyle::Dmy,
        (None, Some(_)) => DateStyle::Mdy,
        (None, None) => DateStyle::Iso,
    };
    match cell_datetime(cell, style) {
        Ok(Some(dt)) => Ok(dt.date()),
        Ok(None) => Err("the date is missing".into()),
        Err(message) => Err(message),
    }
}

/// "3 April" for day 3 of month 4.
fn human(day: u32, month: u32) -> String {
    let name = chrono::Month::try_from(month as u8).map(|m| m.name()).unwrap_or("?");
    format!("{day} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, cells: &[&str]) -> RawRow {
        RawRow { number, cells: cells.iter().map(|c| Cell::text(*c)).collect() }
    }

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn an_inventory_sheet_is_suggested_as_systems_with_its_words_translated() {
        let h = headers(&["System", "Owner", "Vendor", "Type", "Status", "Risk tier"]);
        let sample = [row(2, &["Claims bot", "omar@x", "OpenAI", "LLM application", "Production", "High"])];
        let s = suggest(&h, &sample, None);
        assert_eq!(s.mapping.target, MappingTarget::Systems);
        let column = |key: &str| s.mapping.fields.iter().find(|m| m.field == key).and_then(|m| m.column.clone());
        assert_eq!(column("name").as_deref(), Some("System"));
        assert_eq!(column("vendor_id").as_deref(), Some("Vendor"));
        assert_eq!(column("lifecycle_state").as_deref(), Some("Status"));
        assert_eq!(column("internal_risk_tier").as_deref(), Some("Risk tier"));
        assert_eq!(s.unmatched_values.get("system_type"), Some(&vec!["LLM application".to_owned()]));
        assert_eq!(s.missing_required, vec!["Usage policy"]);
    }

    #[test]
    fn a_contract_sheet_settles_its_date_order_from_an_unambiguous_date() {
        let h = headers(&["Contract name", "Vendor", "Start", "End", "Annual value", "Currency"]);
        let sample = [
            row(2, &["A", "OpenAI", "03/04/2026", "02/04/2027", "$12,000.00", "USD"]),
            row(3, &["B", "OpenAI", "01/11/2025", "31/10/2026", "$1.00", "USD"]),
        ];
        let s = suggest(&h, &sample, None);
        assert_eq!(s.mapping.target, MappingTarget::Contracts);
        assert_eq!(s.mapping.date_order, Some(DateOrder::DayFirst));
        assert!(!s.date_order_needed);
        let typed = type_row(&s.mapping, &h, &sample[0], NumberStyle::default());
        assert_eq!(typed.values.get("start_date"), Some(&Json::String("2026-04-03".into())));
        assert_eq!(typed.values.get("annual_value"), Some(&Json::String("12000".into())));
        assert_eq!(typed.references.get("vendor_id").map(String::as_str), Some("OpenAI"));
    }

    #[test]
    fn an_ambiguous_date_is_never_guessed() {
        let h = headers(&["Contract name", "Vendor", "Start"]);
        let sample = [row(2, &["A", "OpenAI", "03/04/2026"])];
        let s = suggest(&h, &sample, Some(MappingTarget::Contracts));
        assert!(s.date_order_needed);
        let typed = type_row(&s.mapping, &h, &sample[0], NumberStyle::default());
        let (_, _, _, message) = &typed.problems[0];
        assert!(message.contains("could be 3 April or 4 March"), "{message}");
    }

    #[test]
    fn seat_and_user_kpis_are_the_adoption_metrics() {
        assert_eq!(known_metric("Monthly active users"), Some("active_users"));
        assert_eq!(known_metric("MAU"), Some("active_users"));
        assert_eq!(known_metric("Licences purchased"), Some("seats_purchased"));
        assert_eq!(known_metric("seats_assigned"), Some("seats_assigned"));
        assert_eq!(known_metric("Hours saved"), None, "a KPI of its own");
        assert_eq!(known_metric("Deflection rate %"), None);
    }

    #[test]
    fn kpi_rows_read_months_and_parenthesised_negatives() {
        let h = headers(&["Month", "System", "KPI", "Value"]);
        let sample = [row(2, &["2025-07", "Claims bot", "Net savings", "(1,234.50)"])];
        let s = suggest(&h, &sample, None);
        assert_eq!(s.mapping.target, MappingTarget::Kpis);
        let typed = type_row(&s.mapping, &h, &sample[0], NumberStyle::default());
        assert_eq!(typed.values.get("value"), Some(&Json::String("-1234.5".into())));
        let july = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).expect("date");
        assert_eq!(typed.period, Some((july, chrono::NaiveDate::from_ymd_opt(2025, 7, 31).expect("date"))));
    }
}
