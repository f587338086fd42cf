//! The demo portfolio: spreadsheet files under `assets/demo/`, built into the binary so the
//! app can offer them on first run, and shifted in time so the newest month of data is always
//! the month before the day they are loaded.

use chrono::{Datelike, Months, NaiveDate};
use sha2::{Digest, Sha256};

use super::ImportError;
use super::table::{SheetRow, SheetTable};
use crate::domain::{
    BudgetScope, Confidence, ContractDraft, ContractStatus, Criticality, Currency, DataClassification, EuAiActTier,
    GateDecision, Health, IncidentSeverity, IncidentStatus, InitiativeDraft, LifecycleState, PricingModel,
    ReviewDecision, ReviewStatus, ReviewType, RiskCategory, RiskStatus, RiskTier, Stage, SystemDraft, SystemType,
    UsagePolicy, ValueMethod, VendorDraft, VendorType, format_micros,
};

/// The demo files as shipped: (file name, contents).
const FILES: &[(&str, &str)] = &[
    ("manifest.json", include_str!("../../../../assets/demo/manifest.json")),
    ("vendors.csv", include_str!("../../../../assets/demo/vendors.csv")),
    ("systems.csv", include_str!("../../../../assets/demo/systems.csv")),
    ("contracts.csv", include_str!("../../../../assets/demo/contracts.csv")),
    ("initiatives.csv", include_str!("../../../../assets/demo/initiatives.csv")),
    ("stage_history.csv", include_str!("../../../../assets/demo/stage_history.csv")),
    ("costs.csv", include_str!("../../../../assets/demo/costs.csv")),
    ("adoption.csv", include_str!("../../../../assets/demo/adoption.csv")),
    ("value_assumptions.csv", include_str!("../../../../assets/demo/value_assumptions.csv")),
    ("risks.csv", include_str!("../../../../assets/demo/risks.csv")),
    ("reviews.csv", include_str!("../../../../assets/demo/reviews.csv")),
    ("incidents.csv", include_str!("../../../../assets/demo/incidents.csv")),
    ("budgets.csv", include_str!("../../../../assets/demo/budgets.csv")),
    ("fx_rates.csv", include_str!("../../../../assets/demo/fx_rates.csv")),
];

/// A file of the demo, for the import batch that records where its rows came from.
pub struct DemoFile {
    pub name: &'static str,
    pub sha256: String,
    pub size: u64,
    pub rows: u32,
}

pub struct Sourced<T> {
    pub file: &'static str,
    pub row: u32,
    pub value: T,
}

pub struct DemoSystem {
    pub draft: SystemDraft,
    pub vendor: String,
}

pub struct DemoContract {
    pub draft: ContractDraft,
    pub vendor: String,
    pub system_codes: Vec<String>,
}

pub struct DemoInitiative {
    pub draft: InitiativeDraft,
    pub system_codes: Vec<String>,
}

pub struct DemoStageChange {
    pub initiative_code: String,
    pub from: Option<Stage>,
    pub to: Stage,
    pub decided_on: NaiveDate,
    pub decision: Option<GateDecision>,
    pub decided_by: String,
    pub rationale: String,
}

pub struct DemoCost {
    pub month: NaiveDate,
    pub vendor: String,
    pub system_code: String,
    pub amount_micros: i64,
    pub currency: String,
    pub basis: String,
    pub department: String,
    pub description: String,
    /// Set on one-off costs, which belong to an initiative rather than to a system.
    pub initiative_code: String,
    pub category: String,
}

pub struct DemoObservation {
    pub month: NaiveDate,
    pub system_code: String,
    pub metric: String,
    pub value: f64,
}

/// One factor of an initiative's value model; values are kept as the exact decimal text.
pub struct DemoValueAssumption {
    pub initiative_code: String,
    pub method: ValueMethod,
    pub name: String,
    pub unit: String,
    pub low: String,
    pub likely: String,
    pub high: String,
    pub confidence: Confidence,
    pub note: String,
    pub position: i64,
}

/// What a governance record is about: any of a system, an initiative and a vendor (at least one).
#[derive(Default)]
pub struct DemoSubject {
    pub system_code: String,
    pub initiative_code: String,
    pub vendor: String,
}

pub struct DemoRisk {
    pub title: String,
    pub description: String,
    pub category: RiskCategory,
    pub subject: DemoSubject,
    pub likelihood: u8,
    pub severity: u8,
    pub residual_likelihood: Option<u8>,
    pub residual_severity: Option<u8>,
    pub owner: String,
    pub mitigation_plan: String,
    pub status: RiskStatus,
    pub deadline: Option<NaiveDate>,
    pub accepted_by: String,
    pub accepted_on: Option<NaiveDate>,
}

pub struct DemoReview {
    pub review_type: ReviewType,
    pub subject: DemoSubject,
    pub due_date: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub decision: Option<ReviewDecision>,
    pub reviewer: String,
    pub conditions: String,
    pub rationale: String,
}

pub struct DemoIncident {
    pub title: String,
    pub description: String,
    pub system_code: String,
    pub severity: IncidentSeverity,
    pub status: IncidentStatus,
    pub occurred_on: Option<NaiveDate>,
    pub detected_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
    pub harm_categories: String,
    pub affected_groups: String,
    pub corrective_actions: String,
    pub reported_to_authority: bool,
}

pub struct DemoBudget {
    pub scope: BudgetScope,
    /// The department's name; empty for the whole portfolio.
    pub scope_value: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub amount_micros: i64,
    pub currency: String,
    pub note: String,
}

/// "1 `from_currency` = `rate` `to_currency`" from `valid_from` until the next rate.
pub struct DemoFxRate {
    pub from_currency: String,
    pub to_currency: String,
    pub valid_from: NaiveDate,
    pub rate: String,
    pub source: String,
}

/// The whole demo, typed, with dates already shifted.
pub struct DemoPortfolio {
    pub company: String,
    pub reporting_currency: String,
    pub files: Vec<DemoFile>,
    pub vendors: Vec<Sourced<VendorDraft>>,
    pub systems: Vec<Sourced<DemoSystem>>,
    pub contracts: Vec<Sourced<DemoContract>>,
    pub initiatives: Vec<Sourced<DemoInitiative>>,
    pub stage_changes: Vec<Sourced<DemoStageChange>>,
    pub costs: Vec<Sourced<DemoCost>>,
    pub observations: Vec<Sourced<DemoObservation>>,
    pub value_assumptions: Vec<Sourced<DemoValueAssumption>>,
    pub risks: Vec<Sourced<DemoRisk>>,
    pub reviews: Vec<Sourced<DemoReview>>,
    pub incidents: Vec<Sourced<DemoIncident>>,
    pub budgets: Vec<Sourced<DemoBudget>>,
    pub fx_rates: Vec<Sourced<DemoFxRate>>,
}

/// Moves every date of the demo by whole months (day clamped to the month's end).
struct Shift(i32);

impl Shift {
    fn date(&self, date: Option<NaiveDate>) -> Option<NaiveDate> {
        let date = date?;
        let shifted = if self.0 >= 0 {
            date.checked_add_months(Months::new(self.0 as u32))?
        } else {
            date.checked_sub_months(Months::new(self.0.unsigned_abs()))?
        };
        // A contract ending on 30 November ends on the last day of its new month too.
        Some(if is_month_end(date) { month_end(shifted) } else { shifted })
    }
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt().is_none_or(|next| next.month() != date.month())
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(date)
}

fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

fn file_text(name: &str) -> &'static str {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text).unwrap_or("")
}

fn sourced<T>(file: &'static str, row: &SheetRow<'_>, value: T) -> Sourced<T> {
    Sourced { file, row: row.row, value }
}

/// A score on the 1–5 scale of the risk matrix; empty is `None`.
fn score(r: &SheetRow<'_>, column: &str) -> Result<Option<u8>, ImportError> {
    match r.number::<u8>(column)? {
        Some(n) if !(1..=5).contains(&n) => Err(r.invalid(column, format!("{n} is not on the 1–5 scale"))),
        other => Ok(other),
    }
}

fn subject(r: &SheetRow<'_>) -> Result<DemoSubject, ImportError> {
    let subject = DemoSubject {
        system_code: r.text("system_code"),
        initiative_code: r.text("initiative_code"),
        vendor: r.text("vendor"),
    };
    if subject.system_code.is_empty() && subject.initiative_code.is_empty() && subject.vendor.is_empty() {
        return Err(r.invalid("system_code", "names no system, initiative or vendor"));
    }
    Ok(subject)
}

fn currency(r: &SheetRow<'_>, column: &str) -> Result<String, ImportError> {
    let text = r.required(column)?;
    Currency::parse(&text)
        .map(|c| c.as_str().to_owned())
        .ok_or_else(|| r.invalid(column, format!("\"{text}\" is not an ISO 4217 currency code")))
}

/// `later` may not fall before `earlier` (both optional).
fn in_order(
    r: &SheetRow<'_>,
    (earlier_column, earlier): (&str, Option<NaiveDate>),
    (later_column, later): (&str, Option<NaiveDate>),
) -> Result<(), ImportError> {
    match (earlier, later) {
        (Some(a), Some(b)) if b < a => Err(r.invalid(later_column, format!("{b} is before {earlier_column} {a}"))),
        _ => Ok(()),
    }
}

impl DemoPortfolio {
    /// Reads the shipped demo for a portfolio loaded on `today`.
    pub fn load(today: NaiveDate) -> Result<DemoPortfolio, ImportError> {
        let manifest: serde_json::Value = serde_json::from_str(file_text("manifest.json"))
            .map_err(|e| ImportError::File { file: "manifest.json".into(), message: e.to_string() })?;
        let text = |key: &str| manifest.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let last_month =
            NaiveDate::parse_from_str(&format!("{}-01", text("last_data_month")), "%Y-%m-%d").map_err(|_| {
                ImportError::File { file: "manifest.json".into(), message: "last_data_month is not YYYY-MM".into() }
            })?;
        let shift = Shift(month_index(today) - 1 - month_index(last_month));

        let mut files = Vec::new();
        let mut table = |name: &'static str, columns: &[&str]| -> Result<SheetTable, ImportError> {
            let contents = file_text(name);
            let table = SheetTable::from_csv(name, contents.as_bytes())?;
            table.require_columns(columns)?;
            files.push(DemoFile {
                name,
                sha256: Sha256::digest(contents.as_bytes()).iter().map(|b| format!("{b:02x}")).collect(),
                size: contents.len() as u64,
                rows: table.len() as u32,
            });
            Ok(table)
        };

        let vendors_t = table("vendors.csv", &["name", "vendor_type", "review_status"])?;
        let mut vendors = Vec::new();
        for r in vendors_t.rows() {
            let draft = VendorDraft {
                name: r.required("name")?,
                legal_name: r.text("legal_name"),
                website: r.text("website"),
                country: r.text("country"),
                vendor_type: r.choice("vendor_type", VendorType::parse)?,
                criticality: r.choice("criticality", Criticality::parse)?,
                relationship_owner: r.text("relationship_owner"),
                review_status: r.choice("review_status", ReviewStatus::parse)?,
                review_date: shift.date(r.date("review_date")?),
                trains_on_data: r.yes_no("trains_on_data")?,
                data_residency: r.text("data_residency"),
                notes: r.text("notes"),
            };
            vendors.push(sourced("vendors.csv", &r, draft));
        }

        let systems_t = table("systems.csv", &["code", "name", "system_type", "lifecycle_state", "usage_policy"])?;
        let mut systems = Vec::new();
        for r in systems_t.rows() {
            let draft = SystemDraft {
                code: r.required("code")?,
                name: r.required("name")?,
                system_type: r.choice("system_type", SystemType::parse)?,
                vendor_id: None,
                model_name: r.text("model_name"),
                description: r.text("description"),
                intended_purpose: r.text("intended_purpose"),
                business_owner: r.text("business_owner"),
                technical_owner: r.text("technical_owner"),
                department: r.text("department"),
                lifecycle_state: r.choice("lifecycle_state", LifecycleState::parse)?,
                usage_policy: r.choice("usage_policy", UsagePolicy::parse)?,
                eu_ai_act_tier: r.choice("eu_ai_act_tier", EuAiActTier::parse)?,
                internal_risk_tier: r.choice("internal_risk_tier", RiskTier::parse)?,
                personal_data: r.yes_no("personal_data")?,
                data_classification: r.choice("data_classification", DataClassification::parse)?,
                hosting_region: r.text("hosting_region"),
                first_seen: shift.date(r.date("first_seen")?),
                next_review_date: shift.date(r.date("next_review_date")?),
                notes: String::new(),
            };
            systems.push(sourced("systems.csv", &r, DemoSystem { draft, vendor: r.text("vendor") }));
        }

        let contracts_t = table("contracts.csv", &["name", "vendor", "status", "currency"])?;
        let mut contracts = Vec::new();
        for r in contracts_t.rows() {
            let money = |column: &str| -> Result<String, ImportError> {
                if r.text(column).is_empty() { Ok(String::new()) } else { r.money_micros(column).map(format_micros) }
            };
            let draft = ContractDraft {
                vendor_id: None,
                contract_ref: r.text("contract_ref"),
                name: r.required("name")?,
                status: r.choice("status", ContractStatus::parse)?,
                pricing_model: r.choice("pricing_model", PricingModel::parse)?,
                start_date: shift.date(r.date("start_date")?),
                end_date: shift.date(r.date("end_date")?),
                auto_renew: r.yes_no("auto_renew")?.unwrap_or(false),
                notice_period_days: r.number("notice_period_days")?,
                total_value: money("total_value")?,
                annual_value: money("annual_value")?,
                currency: r.text("currency"),
                seats_purchased: r.number("seats_purchased")?,
                owner: r.text("owner"),
                cost_center: r.text("cost_center"),
                dpa_signed: r.yes_no("dpa_signed")?,
                system_ids: Vec::new(),
                notes: String::new(),
            };
            let value = DemoContract { draft, vendor: r.required("vendor")?, system_codes: r.list("systems") };
            contracts.push(sourced("contracts.csv", &r, value));
        }

        let initiatives_t = table("initiatives.csv", &["code", "name", "stage"])?;
        let mut initiatives = Vec::new();
        for r in initiatives_t.rows() {
            let draft = InitiativeDraft {
                code: r.required("code")?,
                name: r.required("name")?,
                problem_statement: r.text("problem_statement"),
                sponsor: r.text("sponsor"),
                owner: r.text("owner"),
                department: r.text("department"),
                stage: r.choice("stage", Stage::parse)?,
                health: r.choice("health", Health::parse)?,
                priority: r.number("priority")?,
                planned_go_live: shift.date(r.date("planned_go_live")?),
                expected_benefits: r.text("expected_benefits"),
                success_criteria: r.text("success_criteria"),
                kill_criteria: r.text("kill_criteria"),
                lessons_learned: r.text("lessons_learned"),
                system_ids: Vec::new(),
            };
            initiatives.push(sourced("initiatives.csv", &r, DemoInitiative { draft, system_codes: r.list("systems") }));
        }

        let history_t = table("stage_history.csv", &["initiative_code", "to_stage", "decided_on"])?;
        let mut stage_changes = Vec::new();
        for r in history_t.rows() {
            let to = r.choice("to_stage", Stage::parse)?;
            let decided_on = shift.date(r.date("decided_on")?);
            let (Some(to), Some(decided_on)) = (to, decided_on) else {
                return Err(ImportError::Cell {
                    file: "stage_history.csv".into(),
                    row: r.row,
                    column: "to_stage".into(),
                    message: "a stage change needs a stage and a date".into(),
                });
            };
            let change = DemoStageChange {
                initiative_code: r.required("initiative_code")?,
                from: r.choice("from_stage", Stage::parse)?,
                to,
                decided_on,
                decision: r.choice("decision", GateDecision::parse)?,
                decided_by: r.text("decided_by"),
                rationale: r.text("rationale"),
            };
            stage_changes.push(sourced("stage_history.csv", &r, change));
        }

        let costs_t = table("costs.csv", &["month", "amount", "currency", "basis"])?;
        let mut costs = Vec::new();
        for r in costs_t.rows() {
            let month = shift.date(Some(r.month("month")?)).unwrap_or_default();
            let cost = DemoCost {
                month,
                vendor: r.text("vendor"),
                system_code: r.text("system_code"),
                amount_micros: r.money_micros("amount")?,
                currency: r.required("currency")?,
                basis: r.required("basis")?,
                department: r.text("department"),
                description: r.text("description"),
                initiative_code: r.text("initiative_code"),
                category: r.text("category"),
            };
            costs.push(sourced("costs.csv", &r, cost));
        }

        let adoption_t = table("adoption.csv", &["month", "system_code", "metric", "value"])?;
        let mut observations = Vec::new();
        for r in adoption_t.rows() {
            let month = shift.date(Some(r.month("month")?)).unwrap_or_default();
            let observation = DemoObservation {
                month,
                system_code: r.required("system_code")?,
                metric: r.required("metric")?,
                value: r.number("value")?.unwrap_or(0.0),
            };
            observations.push(sourced("adoption.csv", &r, observation));
        }

        let values_t = table(
            "value_assumptions.csv",
            &["initiative_code", "method", "name", "unit", "low", "likely", "high", "confidence", "position"],
        )?;
        let mut value_assumptions = Vec::new();
        for r in values_t.rows() {
            let (low, likely, high) = (r.decimal("low")?, r.decimal("likely")?, r.decimal("high")?);
            if low.1 > likely.1 {
                return Err(r.invalid("likely", format!("{} is below low {}", likely.0, low.0)));
            }
            if likely.1 > high.1 {
                return Err(r.invalid("high", format!("{} is below likely {}", high.0, likely.0)));
            }
            let assumption = DemoValueAssumption {
                initiative_code: r.required("initiative_code")?,
                method: r.required_choice("method", ValueMethod::parse)?,
                name: r.required("name")?,
                unit: r.text("unit"),
                low: low.0,
                likely: likely.0,
                high: high.0,
                confidence: r.required_choice("confidence", Confidence::parse)?,
                note: r.text("note"),
                position: r.number("position")?.unwrap_or(0),
            };
            value_assumptions.push(sourced("value_assumptions.csv", &r, assumption));
        }

        let risks_t = table("risks.csv", &["title", "category", "likelihood", "severity", "status"])?;
        let mut risks = Vec::new();
        for r in risks_t.rows() {
            let (likelihood, severity) = (score(&r, "likelihood")?, score(&r, "severity")?);
            let (Some(likelihood), Some(severity)) = (likelihood, severity) else {
                return Err(r.invalid("likelihood", "a risk needs a likelihood and a severity"));
            };
            let risk = DemoRisk {
                title: r.required("title")?,
                description: r.text("description"),
                category: r.required_choice("category", RiskCategory::parse)?,
                subject: subject(&r)?,
                likelihood,
                severity,
                residual_likelihood: score(&r, "residual_likelihood")?,
                residual_severity: score(&r, "residual_severity")?,
                owner: r.text("owner"),
                mitigation_plan: r.text("mitigation_plan"),
                status: r.required_choice("status", RiskStatus::parse)?,
                deadline: shift.date(r.date("deadline")?),
                accepted_by: r.text("accepted_by"),
                accepted_on: shift.date(r.date("accepted_on")?),
            };
            risks.push(sourced("risks.csv", &r, risk));
        }

        let reviews_t = table("reviews.csv", &["review_type", "due_date", "completed_on", "decision"])?;
        let mut reviews = Vec::new();
        for r in reviews_t.rows() {
            let review = DemoReview {
                review_type: r.required_choice("review_type", ReviewType::parse)?,
                subject: subject(&r)?,
                due_date: shift.date(r.date("due_date")?),
                completed_on: shift.date(r.date("completed_on")?),
                decision: r.choice("decision", ReviewDecision::parse)?,
                reviewer: r.text("reviewer"),
                conditions: r.text("conditions"),
                rationale: r.text("rationale"),
            };
            if review.decision.is_some() != review.completed_on.is_some() {
                return Err(r.invalid("decision", "a completed review has a decision, and an open one has none"));
            }
            reviews.push(sourced("reviews.csv", &r, review));
        }

        let incidents_t = table("incidents.csv", &["title", "system_code", "severity", "status"])?;
        let mut incidents = Vec::new();
        for r in incidents_t.rows() {
            let incident = DemoIncident {
                title: r.required("title")?,
                description: r.text("description"),
                system_code: r.required("system_code")?,
                severity: r.required_choice("severity", IncidentSeverity::parse)?,
                status: r.required_choice("status", IncidentStatus::parse)?,
                occurred_on: shift.date(r.date("occurred_on")?),
                detected_on: shift.date(r.date("detected_on")?),
                resolved_on: shift.date(r.date("resolved_on")?),
                harm_categories: r.text("harm_categories"),
                affected_groups: r.text("affected_groups"),
                corrective_actions: r.text("corrective_actions"),
                reported_to_authority: r.yes_no("reported_to_authority")?.unwrap_or(false),
            };
            in_order(&r, ("occurred_on", incident.occurred_on), ("detected_on", incident.detected_on))?;
            in_order(&r, ("detected_on", incident.detected_on), ("resolved_on", incident.resolved_on))?;
            let closed = matches!(incident.status, IncidentStatus::Resolved | IncidentStatus::Closed);
            if closed != incident.resolved_on.is_some() {
                return Err(
                    r.invalid("resolved_on", "a resolved or closed incident has a resolved date, an open one none")
                );
            }
            incidents.push(sourced("incidents.csv", &r, incident));
        }

        let budgets_t = table("budgets.csv", &["scope_type", "scope_value", "period_start", "period_end", "amount"])?;
        let mut budgets = Vec::new();
        for r in budgets_t.rows() {
            let scope = r.required_choice("scope_type", BudgetScope::parse)?;
            let scope_value = r.text("scope_value");
            if scope == BudgetScope::Department && scope_value.is_empty() {
                return Err(r.invalid("scope_value", "a department budget names its department"));
            }
            let period = (shift.date(r.date("period_start")?), shift.date(r.date("period_end")?));
            let (Some(period_start), Some(period_end)) = period else {
                return Err(r.invalid("period_start", "a budget needs a start and an end date"));
            };
            in_order(&r, ("period_start", Some(period_start)), ("period_end", Some(period_end)))?;
            let budget = DemoBudget {
                scope,
                scope_value,
                period_start,
                period_end,
                amount_micros: r.money_micros("amount")?,
                currency: currency(&r, "currency")?,
                note: r.text("note"),
            };
            budgets.push(sourced("budgets.csv", &r, budget));
        }

        let fx_t = table("fx_rates.csv", &["from_currency", "to_currency", "valid_from", "rate"])?;
        let mut fx_rates = Vec::new();
        for r in fx_t.rows() {
            let (rate, micros) = r.decimal("rate")?;
            if micros <= 0 {
                return Err(r.invalid("rate", format!("{rate} is not a positive rate")));
            }
            let Some(valid_from) = shift.date(r.date("valid_from")?) else {
                return Err(r.invalid("valid_from", "is empty"));
            };
            let fx = DemoFxRate {
                from_currency: currency(&r, "from_currency")?,
                to_currency: currency(&r, "to_currency")?,
                valid_from,
                rate,
                source: r.text("source"),
            };
            fx_rates.push(sourced("fx_rates.csv", &r, fx));
        }

        Ok(DemoPortfolio {
            company: text("company"),
            reporting_currency: text("reporting_currency"),
            files,
            vendors,
            systems,
            contracts,
            initiatives,
            stage_changes,
            costs,
            observations,
            value_assumptions,
            risks,
            reviews,
            incidents,
            budgets,
            fx_rates,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_month_of_data_is_the_month_before_today() {
        let today = NaiveDate::from_ymd_opt(2027, 3, 15).expect("valid date");
        let demo = DemoPortfolio::load(today).expect("the shipped demo reads cleanly");
        let newest = demo.costs.iter().map(|c| c.value.month).max().expect("the demo has costs");
        assert_eq!(
            newest,
            NaiveDate::from_ymd_opt(2027, 2, 1).expect("valid"),
            "data ends last month, so it never looks stale"
        );
    }

    #[test]
    fn month_ends_stay_month_ends_when_shifted() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid test date");
        assert_eq!(Shift(1).date(Some(date(2026, 11, 30))), Some(date(2026, 12, 31)), "30 Nov is a month end");
        assert_eq!(Shift(1).date(Some(date(2027, 1, 31))), Some(date(2027, 2, 28)), "clamped into February");
        assert_eq!(Shift(-2).date(Some(date(2026, 5, 15))), Some(date(2026, 3, 15)), "mid-month days keep their day");
    }

    #[test]
    fn the_demo_is_big_enough_to_show_every_screen() {
        let demo = DemoPortfolio::load(NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid")).expect("demo reads");
        assert!(demo.systems.len() >= 40, "at least 40 systems, got {}", demo.systems.len());
        assert!(demo.initiatives.len() >= 25, "at least 25 initiatives");
        assert!(demo.vendors.len() >= 12, "at least 12 vendors");
        assert!(demo.contracts.len() >= 15, "at least 15 contracts");
        for stage in Stage::ALL {
            assert!(
                demo.initiatives.iter().any(|i| i.value.draft.stage == Some(*stage)),
                "an initiative in stage {stage}"
            );
        }
        for kind in SystemType::ALL {
            assert!(demo.systems.iter().any(|s| s.value.draft.system_type == Some(*kind)), "a system of type {kind}");
        }
    }

    fn micros(text: &str) -> i64 {
        crate::domain::parse_decimal_micros(text).expect("the loader checked this decimal")
    }

    #[test]
    fn the_governance_and_planning_files_hold_what_the_dashboard_needs() {
        let demo = DemoPortfolio::load(NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid")).expect("demo reads");
        let counts = [
            ("value assumptions", demo.value_assumptions.len(), 60..=120),
            ("risks", demo.risks.len(), 20..=30),
            ("reviews", demo.reviews.len(), 25..=40),
            ("incidents", demo.incidents.len(), 8..=14),
            ("budgets", demo.budgets.len(), 24..=24),
            ("fx rates", demo.fx_rates.len(), 60..=120),
        ];
        for (what, count, expected) in counts {
            assert!(expected.contains(&count), "{count} {what}, expected {expected:?}: enough to fill the screens");
        }
        let high_open = demo
            .risks
            .iter()
            .filter(|r| r.value.status == RiskStatus::Open && r.value.likelihood * r.value.severity >= 15)
            .filter(|r| !r.value.subject.system_code.is_empty())
            .count();
        assert!(high_open >= 3, "a few high risks are open on systems, so the risk posture has a headline");
        let cells: std::collections::HashSet<(u8, u8)> =
            demo.risks.iter().map(|r| (r.value.likelihood, r.value.severity)).collect();
        assert!(cells.len() >= 12, "the risks spread over the 5×5 matrix, not one corner of it");
    }

    #[test]
    fn every_live_initiative_has_a_value_model_with_ordered_ranges() {
        let demo = DemoPortfolio::load(NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid")).expect("demo reads");
        for initiative in &demo.initiatives {
            let draft = &initiative.value.draft;
            let live = matches!(draft.stage, Some(Stage::Pilot | Stage::Production | Stage::Scaled));
            let model: Vec<_> =
                demo.value_assumptions.iter().filter(|v| v.value.initiative_code == draft.code).collect();
            if live {
                assert!(!model.is_empty(), "{} is live, so ROI needs its value model", draft.code);
            }
            for factor in model {
                let v = &factor.value;
                let (low, likely, high) = (micros(&v.low), micros(&v.likely), micros(&v.high));
                assert!(low <= likely && likely <= high, "{} {}: low ≤ likely ≤ high", draft.code, v.name);
            }
        }
    }

    #[test]
    fn user_counts_are_observed_where_adoption_is_measured() {
        let demo = DemoPortfolio::load(NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid")).expect("demo reads");
        let measured: std::collections::HashSet<&str> = demo
            .observations
            .iter()
            .filter(|o| o.value.metric == "active_users")
            .map(|o| o.value.system_code.as_str())
            .collect();
        for v in demo.value_assumptions.iter().map(|v| &v.value).filter(|v| v.unit == "users") {
            let initiative = demo
                .initiatives
                .iter()
                .find(|i| i.value.draft.code == v.initiative_code)
                .expect("value assumptions name known initiatives");
            if initiative.value.system_codes.iter().any(|code| measured.contains(code.as_str())) {
                assert_eq!(
                    v.confidence,
                    Confidence::Observed,
                    "{}: users are counted, not modelled",
                    v.initiative_code
                );
            }
        }
    }

    #[test]
    fn every_foreign_currency_has_a_rate_for_every_month_it_is_used() {
        // Loaded on another day than the one the files were written for: the rates move with the data.
        let demo = DemoPortfolio::load(NaiveDate::from_ymd_opt(2027, 3, 15).expect("valid")).expect("demo reads");
        let mut used: Vec<(String, NaiveDate)> =
            demo.costs.iter().map(|c| (c.value.currency.clone(), c.value.month)).collect();
        used.extend(demo.contracts.iter().filter_map(|c| {
            let start = c.value.draft.start_date?;
            Some((c.value.draft.currency.clone(), start.with_day(1)?))
        }));
        for (currency, month) in used.into_iter().filter(|(c, _)| c != "EUR") {
            let rate = demo.fx_rates.iter().find(|r| {
                r.value.from_currency == currency && r.value.to_currency == "EUR" && r.value.valid_from == month
            });
            assert!(rate.is_some(), "{currency} has a rate valid from {month}, so spend that month converts to EUR");
        }
    }

    #[test]
    fn reviews_fall_due_and_incidents_stay_open_relative_to_the_day_of_loading() {
        let today = NaiveDate::from_ymd_opt(2027, 3, 15).expect("valid");
        let demo = DemoPortfolio::load(today).expect("demo reads");
        let open = |r: &&Sourced<DemoReview>| r.value.completed_on.is_none();
        let overdue = demo.reviews.iter().filter(open).filter(|r| r.value.due_date.is_some_and(|d| d < today)).count();
        let horizon = today + chrono::Days::new(30);
        let due_soon = demo
            .reviews
            .iter()
            .filter(open)
            .filter(|r| r.value.due_date.is_some_and(|d| d >= today && d <= horizon))
            .count();
        assert!(overdue >= 3, "several reviews are overdue whatever day the demo is loaded, got {overdue}");
        assert!(due_soon >= 2, "some reviews fall due within 30 days, got {due_soon}");
        let completed = demo.reviews.iter().filter(|r| r.value.completed_on.is_some()).count();
        assert!(completed * 2 > demo.reviews.len(), "most reviews are done");
        assert!(
            demo.reviews.iter().filter_map(|r| r.value.completed_on).all(|d| d <= today),
            "no review is completed in the future"
        );
        let open_incidents = demo
            .incidents
            .iter()
            .filter(|i| matches!(i.value.status, IncidentStatus::Open | IncidentStatus::Investigating))
            .count();
        assert!((3..=4).contains(&open_incidents), "3–4 incidents are still open, got {open_incidents}");
        for system in &demo.systems {
            let Some(next) = system.value.draft.next_review_date.filter(|d| *d < today) else { continue };
            let code = &system.value.draft.code;
            assert!(
                demo.reviews.iter().any(|r| &r.value.subject.system_code == code
                    && r.value.completed_on.is_none()
                    && r.value.due_date == Some(next)),
                "{code} is overdue in the inventory, so an open review is due that day"
            );
        }
    }

    #[test]
    fn one_off_costs_belong_to_initiatives_and_budgets_to_the_departments_that_spend() {
        let demo = DemoPortfolio::load(NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid")).expect("demo reads");
        let one_offs: Vec<_> = demo.costs.iter().map(|c| &c.value).filter(|c| c.category == "one_off").collect();
        assert!(one_offs.len() >= 3, "a few one-off implementation costs");
        for cost in one_offs {
            assert!(
                demo.initiatives.iter().any(|i| i.value.draft.code == cost.initiative_code),
                "a one-off cost names its initiative: {}",
                cost.description
            );
            assert!(cost.system_code.is_empty(), "one-offs are not also a system's cost, so nothing counts twice");
        }
        let departments: std::collections::HashSet<&str> =
            demo.costs.iter().map(|c| c.value.department.as_str()).collect();
        let budgeted: std::collections::HashSet<&str> = demo
            .budgets
            .iter()
            .filter(|b| b.value.scope == BudgetScope::Department)
            .map(|b| b.value.scope_value.as_str())
            .collect();
        assert_eq!(budgeted, departments, "every department that spends has a budget, under the name costs use");
        let portfolio = demo.budgets.iter().filter(|b| b.value.scope == BudgetScope::Portfolio).count();
        assert_eq!(portfolio, 2, "one portfolio-wide budget for each of the two years");
    }
}
