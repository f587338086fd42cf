//! The demo portfolio: spreadsheet files under `assets/demo/`, built into the binary so the
//! app can offer them on first run, and shifted in time so the newest month of data is always
//! the month before the day they are loaded.

use chrono::{Datelike, Months, NaiveDate};
use sha2::{Digest, Sha256};

use super::ImportError;
use super::table::{SheetRow, SheetTable};
use crate::domain::{
    ContractDraft, ContractStatus, Criticality, DataClassification, EuAiActTier, GateDecision, Health, InitiativeDraft,
    LifecycleState, PricingModel, ReviewStatus, RiskTier, Stage, SystemDraft, SystemType, UsagePolicy, VendorDraft,
    VendorType, format_micros,
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
}

pub struct DemoObservation {
    pub month: NaiveDate,
    pub system_code: String,
    pub metric: String,
    pub value: f64,
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
}
