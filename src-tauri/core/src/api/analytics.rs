//! The dashboard and the adoption view: facts from the store, figures from `analytics`, wire
//! types for the screens. Money crosses as exact decimal text in the reporting currency.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::facts::Facts;
use super::{ApiResult, App};
use crate::analytics::adoption::{self, AdoptionMetric};
use crate::analytics::fx::Converted;
use crate::analytics::period::{Period, PeriodKind, Span, add_months, month_start, months_between};
use crate::analytics::spend::{self, Commitment, SpendFact, SpendLedger};
use crate::analytics::{Comparison, pipeline, renewals, risk};
use crate::domain::format_micros;
use crate::store::{ContractFact, SystemFact};

/// The cost basis screens show unless asked for another.
pub const DEFAULT_BASIS: &str = "billed";

/// Which period a screen shows, and in which cost basis.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct AnalyticsRequest {
    pub period: PeriodKind,
    /// Any day inside the period; by default the newest month with cost (else this month).
    pub anchor: Option<NaiveDate>,
    /// billed (default), amortized, …: bases are never added together.
    pub basis: Option<String>,
}

/// A period as the screens name it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PeriodView {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// "Oct 2026", "Q4 2026", "2026".
    pub label: String,
}

/// A period as compared: cut at the newest data, or the matching months before.
fn span_view(kind: PeriodKind, span: &Span) -> PeriodView {
    PeriodView { kind, start: span.start, end: span.end, label: span.label.clone() }
}

impl From<Period> for PeriodView {
    fn from(period: Period) -> PeriodView {
        PeriodView { kind: period.kind, start: period.start, end: period.end, label: period.label() }
    }
}

/// An amount that has no FX rate into the reporting currency, kept in its own.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UnconvertedMoney {
    pub currency: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpendTile {
    /// Spend in the period, reporting currency, exact decimal text.
    pub current: String,
    pub previous: String,
    /// Change against the previous period as a share (0.12 = +12 %); `None` when nothing before.
    pub change: Option<f64>,
    /// Money in the period with no rate into the reporting currency, left out of `current`.
    pub unconverted: Vec<UnconvertedMoney>,
    /// Spend in the period tied to no system and no initiative.
    pub unattributed: String,
    /// Contracted commitment for the period's months.
    pub commitment: String,
    /// Budget for the period's months; `None` when no budget is entered.
    pub budget: Option<String>,
    /// The last three months with cost × 12.
    pub run_rate: String,
    /// This year's actuals plus the run-rate for the months still to come.
    pub forecast_year_end: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AdoptionTile {
    /// Active users summed over systems (a person using two tools counts twice).
    pub active_users: f64,
    pub previous_active_users: f64,
    pub change: Option<f64>,
    pub seats_purchased: f64,
    /// Active users / seats purchased, over systems that report both.
    pub seat_utilisation: Option<f64>,
    /// What unused seats cost per month, reporting currency.
    pub idle_cost_per_month: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoiTile {
    /// Net value / cost over each modelled initiative's horizon, at low / likely / high.
    pub low: Option<f64>,
    pub likely: Option<f64>,
    pub high: Option<f64>,
    pub net_likely: String,
    /// Initiatives with a value model.
    pub initiatives: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PipelineTile {
    pub pilot: u32,
    /// In production or scaled.
    pub production: u32,
    /// Of the initiatives that reached pilot, the share that reached production.
    pub conversion: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RenewalsTile {
    pub count: u32,
    /// The annual value of what must be decided, reporting currency.
    pub annual_value: String,
    pub unconverted: Vec<UnconvertedMoney>,
    /// Past their cancel-by date but not ended: they renew as written.
    pub too_late_to_cancel: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RiskTile {
    pub overdue_reviews: u32,
    pub open_incidents: u32,
    pub open_incidents_by_severity: Vec<SeverityCount>,
    pub open_high_risks: u32,
    /// Spend in the period on systems with an open high risk.
    pub spend_on_high_risk_systems: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SeverityCount {
    pub severity: String,
    pub count: u32,
}

/// Everything the dashboard's tiles show.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub as_of: NaiveDate,
    pub period: PeriodView,
    pub previous: PeriodView,
    pub reporting_currency: String,
    pub basis: String,
    /// The cost bases present in the portfolio, for the basis picker.
    pub bases: Vec<String>,
    /// The newest month with cost, where the period picker starts.
    pub last_cost_month: Option<NaiveDate>,
    pub spend: SpendTile,
    pub adoption: AdoptionTile,
    pub roi: RoiTile,
    pub pipeline: PipelineTile,
    pub renewals_90_days: RenewalsTile,
    pub risk: RiskTile,
    /// Plain sentences about what the figures leave out, e.g. money without an FX rate.
    pub notes: Vec<String>,
}

/// One system's adoption in the period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SystemAdoptionRow {
    #[ts(type = "number")]
    pub system_id: i64,
    pub code: String,
    pub name: String,
    pub vendor: Option<String>,
    pub department: String,
    /// The month the figures are from (the newest in the period with any).
    pub month: NaiveDate,
    pub seats_purchased: Option<f64>,
    pub seats_assigned: Option<f64>,
    pub active_users: Option<f64>,
    pub utilisation: Option<f64>,
    pub activation: Option<f64>,
    pub idle_seats: Option<f64>,
    /// Average monthly spend over the period, reporting currency.
    pub monthly_cost: Option<String>,
    pub cost_per_active_user: Option<String>,
    pub idle_cost: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DepartmentAdoption {
    pub department: String,
    pub active_users: f64,
    pub seats_purchased: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AdoptionView {
    pub period: PeriodView,
    pub reporting_currency: String,
    pub systems: Vec<SystemAdoptionRow>,
    pub departments: Vec<DepartmentAdoption>,
    /// Active users summed over systems, per month of the trailing year.
    pub trend_months: Vec<NaiveDate>,
    pub trend_active_users: Vec<f64>,
}

impl App {
    /// The dashboard for a period, as of `today` (renewals, overdue reviews).
    pub fn dashboard(&self, request: &AnalyticsRequest, today: NaiveDate) -> ApiResult<Dashboard> {
        let facts = self.analytics_facts(request, today)?;
        let (period, previous) = (facts.period, facts.period.previous());
        let (now, then) = period.compared_to_date(facts.last_cost_month);
        let fx = &facts.fx;
        let mut notes = Vec::new();

        let current = facts.spend.total(now.start, now.end);
        let before = facts.spend.total(then.start, then.end);
        let unattributed = facts.spend.total_where(now.start, now.end, SpendFact::is_unattributed);
        let commitments = commitments(&facts.contracts);
        let budgets = portfolio_budgets(&facts);
        let no_actuals = SpendLedger::default();
        let plan = spend::against_plan(&no_actuals, fx, &commitments, &budgets, &months_between(now.start, now.end));
        let committed = plan.commitment.iter().fold(Converted::default(), |mut sum, c| {
            sum.merge(c);
            sum
        });
        let budgeted = plan.budget.iter().fold(Converted::default(), |mut sum, c| {
            sum.merge(c);
            sum
        });
        let last_month = facts.last_cost_month.unwrap_or(period.end).min(period.end);
        let recent = facts.spend.recent_months(last_month);
        let recent: Vec<i64> = facts.spend.by_month(&recent).iter().map(|c| c.micros).collect();
        let forecast = facts.spend.forecast_year_end(last_month);
        note_unconverted(&mut notes, &current, fx.reporting(), "spend this period");
        note_unconverted(&mut notes, &committed, fx.reporting(), "contracted commitment");

        let spend_tile = SpendTile {
            current: format_micros(current.micros),
            previous: format_micros(before.micros),
            change: Comparison { current: current.micros as f64, previous: before.micros as f64 }.change(),
            unconverted: unconverted(&current),
            unattributed: format_micros(unattributed.micros),
            commitment: format_micros(committed.micros),
            budget: (!budgets.is_empty()).then(|| format_micros(budgeted.micros)),
            run_rate: format_micros(spend::run_rate(&recent)),
            forecast_year_end: format_micros(forecast.micros),
        };

        let adoption_now = self.system_adoption(&facts, period);
        let adoption_before = self.system_adoption(&facts, previous);
        let users = |rows: &[adoption::SystemAdoption]| rows.iter().filter_map(|r| r.seats.active).sum::<f64>();
        let (mut active_with_seats, mut purchased) = (0.0, 0.0);
        for row in adoption_now.iter().filter(|r| r.seats.purchased.is_some() && r.seats.active.is_some()) {
            active_with_seats += row.seats.active.unwrap_or(0.0);
            purchased += row.seats.purchased.unwrap_or(0.0);
        }
        let idle_cost: i64 = adoption_now.iter().filter_map(adoption::SystemAdoption::idle_cost).sum();
        let adoption_tile = AdoptionTile {
            active_users: users(&adoption_now),
            previous_active_users: users(&adoption_before),
            change: Comparison { current: users(&adoption_now), previous: users(&adoption_before) }.change(),
            seats_purchased: purchased,
            seat_utilisation: (purchased > 0.0).then(|| active_with_seats / purchased),
            idle_cost_per_month: format_micros(idle_cost),
        };

        let values = super::value::initiative_values(&facts);
        let roi_tile = super::value::portfolio_roi(values);
        let items = super::value::pipeline_items(&facts, values);
        let history: Vec<pipeline::StageChange> = facts.stage_history.iter().map(|c| c.change.clone()).collect();
        let conversion = pipeline::pilot_to_production(&items, &history);
        let count_stage = |stages: &[&str]| items.iter().filter(|i| stages.contains(&i.stage.as_str())).count() as u32;

        let due = renewals::due_within(&renewal_facts(&facts.contracts), today, 90);
        let mut renewal_value = Converted::default();
        for decision in &due {
            if let Some(contract) = facts.contracts.iter().find(|c| c.id == decision.contract_id) {
                renewal_value.add(fx, contract.annual_micros.unwrap_or(0), &contract.currency, today);
            }
        }

        let risks = &facts.risks;
        let high_risk_systems = risk::systems_with_open_high_risk(risks);
        let on_high_risk = |f: &SpendFact| f.system_id.is_some_and(|s| high_risk_systems.contains(&s));
        let incidents = risk::open_incidents(&facts.incidents);
        let risk_tile = RiskTile {
            overdue_reviews: risk::overdue_reviews(&facts.reviews, today),
            open_incidents: incidents.values().sum(),
            open_incidents_by_severity: incidents
                .into_iter()
                .map(|(severity, count)| SeverityCount { severity, count })
                .collect(),
            open_high_risks: risks.iter().filter(|r| r.is_open() && r.is_high()).count() as u32,
            spend_on_high_risk_systems: format_micros(facts.spend.total_where(now.start, now.end, on_high_risk).micros),
        };

        Ok(Dashboard {
            as_of: today,
            period: span_view(period.kind, &now),
            previous: span_view(previous.kind, &then),
            reporting_currency: fx.reporting().to_owned(),
            basis: facts.basis.clone(),
            bases: facts.bases.clone(),
            last_cost_month: facts.last_cost_month,
            spend: spend_tile,
            adoption: adoption_tile,
            roi: roi_tile,
            pipeline: PipelineTile {
                pilot: count_stage(&["pilot"]),
                production: count_stage(&["production", "scaled"]),
                conversion: conversion.rate,
            },
            renewals_90_days: RenewalsTile {
                count: due.len() as u32,
                annual_value: format_micros(renewal_value.micros),
                unconverted: unconverted(&renewal_value),
                too_late_to_cancel: due.iter().filter(|d| d.too_late_to_cancel).count() as u32,
            },
            risk: risk_tile,
            notes,
        })
    }

    /// Seats, users and cost per user of every system in the period.
    pub fn adoption_view(&self, request: &AnalyticsRequest, today: NaiveDate) -> ApiResult<AdoptionView> {
        let facts = self.analytics_facts(request, today)?;
        let rows = self.system_adoption(&facts, facts.period);
        let systems: HashMap<i64, &SystemFact> = facts.systems.iter().map(|s| (s.id, s)).collect();
        let mut departments: BTreeMap<String, (f64, f64)> = BTreeMap::new();
        let mut out = Vec::new();
        for row in &rows {
            let Some(system) = systems.get(&row.system_id) else { continue };
            let dept = departments.entry(system.department.clone()).or_default();
            dept.0 += row.seats.active.unwrap_or(0.0);
            dept.1 += row.seats.purchased.unwrap_or(0.0);
            out.push(SystemAdoptionRow {
                system_id: system.id,
                code: system.code.clone(),
                name: system.name.clone(),
                vendor: system.vendor_id.and_then(|v| facts.vendor_names.get(&v).cloned()),
                department: system.department.clone(),
                month: row.month,
                seats_purchased: row.seats.purchased,
                seats_assigned: row.seats.assigned,
                active_users: row.seats.active,
                utilisation: row.seats.utilisation(),
                activation: row.seats.activation(),
                idle_seats: row.seats.idle(),
                monthly_cost: row.monthly_cost_micros.map(format_micros),
                cost_per_active_user: row.cost_per_active_user().map(format_micros),
                idle_cost: row.idle_cost().map(format_micros),
            });
        }
        out.sort_by(|a, b| b.active_users.unwrap_or(0.0).total_cmp(&a.active_users.unwrap_or(0.0)));
        let trend_months = months_between(add_months(facts.period.end, -11), facts.period.end);
        Ok(AdoptionView {
            period: facts.period.into(),
            reporting_currency: facts.fx.reporting().to_owned(),
            systems: out,
            departments: departments
                .into_iter()
                .map(|(department, (active_users, seats_purchased))| DepartmentAdoption {
                    department,
                    active_users,
                    seats_purchased,
                })
                .collect(),
            trend_active_users: adoption::monthly_total(&facts.adoption, AdoptionMetric::ActiveUsers, &trend_months),
            trend_months,
        })
    }

    pub(crate) fn system_adoption(&self, facts: &Facts, period: Period) -> Vec<adoption::SystemAdoption> {
        let months = period.months().len().max(1) as i64;
        let monthly_cost: HashMap<i64, i64> = facts
            .spend
            .by_key(period.start, period.end, |f| f.system_id)
            .into_iter()
            // A cost partly without an exchange rate is unknown, not smaller.
            .filter_map(|(system, sum)| Some((system?, sum.micros / months)).filter(|_| sum.is_complete()))
            .collect();
        adoption::by_system(
            &facts.adoption,
            period.start,
            period.end,
            &contract_seats(facts, period.end),
            &monthly_cost,
        )
    }
}

/// Spend per initiative: lines tied to it, plus the lines of its systems shared evenly among
/// the initiatives that use each system (as the value model counts cost).
fn initiative_rows(facts: &Facts, period: Period, names: &HashMap<i64, String>) -> Vec<SpendRow> {
    let mut users_of: HashMap<i64, Vec<i64>> = HashMap::new();
    for initiative in &facts.initiatives {
        for system in &initiative.system_ids {
            users_of.entry(*system).or_default().push(initiative.id);
        }
    }
    let sum = |span: &Span| -> BTreeMap<Option<i64>, i64> {
        let mut sums: BTreeMap<Option<i64>, i64> = BTreeMap::new();
        for (fact, micros) in facts.spend.entries(span.start, span.end) {
            let Some(micros) = micros else { continue };
            let shared = fact.system_id.and_then(|s| users_of.get(&s)).filter(|users| !users.is_empty());
            match (fact.initiative_id, shared) {
                (Some(initiative), _) => *sums.entry(Some(initiative)).or_default() += micros,
                (None, Some(users)) => {
                    for initiative in users {
                        *sums.entry(Some(*initiative)).or_default() += micros / users.len() as i64;
                    }
                }
                (None, None) => *sums.entry(None).or_default() += micros,
            }
        }
        sums
    };
    let (current, previous) = period.compared_to_date(facts.last_cost_month);
    let (now, before) = (sum(&current), sum(&previous));
    let mut rows: Vec<SpendRow> = now
        .into_iter()
        .map(|(id, micros)| {
            let earlier = before.get(&id).copied().unwrap_or(0);
            SpendRow {
                id,
                name: match id {
                    Some(id) => names.get(&id).cloned().unwrap_or_else(|| format!("#{id} (deleted)")),
                    None => "Not tied to an initiative".to_owned(),
                },
                current: format_micros(micros),
                previous: format_micros(earlier),
                change: Comparison { current: micros as f64, previous: earlier as f64 }.change(),
                budget: None,
            }
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.current.parse::<rust_decimal::Decimal>().unwrap_or_default()));
    rows
}

/// The budgets set for the whole portfolio (not a department's).
pub(crate) fn portfolio_budgets(facts: &Facts) -> Vec<spend::Budget> {
    facts.budgets.iter().filter(|b| b.scope_type == "portfolio").cloned().collect()
}

/// Contracts as commitments: drafts and cancelled contracts commit to nothing.
pub(crate) fn commitments(contracts: &[ContractFact]) -> Vec<Commitment> {
    contracts
        .iter()
        .filter(|c| !matches!(c.status.as_str(), "draft" | "cancelled"))
        .filter_map(|c| {
            Some(Commitment {
                start: c.start?,
                end: c.end?,
                annual_micros: c.annual_micros,
                total_micros: c.total_micros,
                currency: c.currency.clone(),
            })
        })
        .collect()
}

pub(crate) fn renewal_facts(contracts: &[ContractFact]) -> Vec<renewals::RenewalFact> {
    contracts
        .iter()
        .filter(|c| matches!(c.status.as_str(), "active" | "pending_renewal"))
        .map(|c| renewals::RenewalFact {
            contract_id: c.id,
            end: c.end,
            notice_period_days: c.notice_period_days,
            auto_renew: c.auto_renew,
        })
        .collect()
}

/// Seats purchased per system from the contracts running on `day` (a contract covering
/// several systems counts its seats for each).
fn contract_seats(facts: &Facts, day: NaiveDate) -> HashMap<i64, f64> {
    let mut seats: HashMap<i64, f64> = HashMap::new();
    for contract in &facts.contracts {
        let running = contract.start.is_none_or(|s| s <= day) && contract.end.is_none_or(|e| e >= month_start(day));
        if let (true, Some(purchased)) = (running, contract.seats_purchased) {
            for system in &contract.system_ids {
                *seats.entry(*system).or_default() += purchased as f64;
            }
        }
    }
    seats
}

pub(crate) fn unconverted(sum: &Converted) -> Vec<UnconvertedMoney> {
    sum.unconverted
        .iter()
        .filter(|(_, micros)| **micros != 0)
        .map(|(currency, micros)| UnconvertedMoney { currency: currency.clone(), amount: format_micros(*micros) })
        .collect()
}

fn note_unconverted(notes: &mut Vec<String>, sum: &Converted, reporting: &str, what: &str) {
    for (currency, micros) in sum.unconverted.iter().filter(|(_, m)| **m != 0) {
        notes.push(format!(
            "{currency} {} of {what} has no exchange rate into {reporting} and is not in the totals: add a rate in Settings.",
            grouped(*micros)
        ));
    }
}

/// 222406666666 micro-units → "222,406.67", for sentences (screens format the exact text).
pub(super) fn grouped(micros: i64) -> String {
    let cents = (i128::from(micros) + if micros < 0 { -5_000 } else { 5_000 }) / 10_000;
    let (sign, cents) = (if cents < 0 { "-" } else { "" }, cents.unsigned_abs());
    let whole = (cents / 100).to_string();
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    format!("{sign}{out}.{:02}", cents % 100)
}

/// One line of a spend breakdown: this period, the one before, and the change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpendRow {
    /// The vendor, system or initiative id; `None` for the "not attributed" line and departments.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    pub current: String,
    pub previous: String,
    pub change: Option<f64>,
    /// The budget for the same months (departments with a budget entered).
    pub budget: Option<String>,
}

/// Spend, commitment and budget in one month, reporting currency.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MonthSpend {
    pub month: NaiveDate,
    pub actual: String,
    pub commitment: String,
    pub budget: Option<String>,
}

/// Names a breakdown key: its id and the name people read.
type Namer<'a> = &'a dyn Fn(Option<&str>) -> (Option<i64>, String);

/// Where the money went in a period, by each dimension, against the period before.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpendView {
    pub period: PeriodView,
    pub previous: PeriodView,
    pub reporting_currency: String,
    pub basis: String,
    pub total: String,
    pub unconverted: Vec<UnconvertedMoney>,
    pub by_vendor: Vec<SpendRow>,
    pub by_system: Vec<SpendRow>,
    pub by_department: Vec<SpendRow>,
    pub by_initiative: Vec<SpendRow>,
    /// The trailing twelve months up to the period's end.
    pub months: Vec<MonthSpend>,
}

impl App {
    /// Spend by vendor, system, department and initiative for a period, each with the period
    /// before; money with no system or initiative is its own line, never hidden.
    pub fn spend_view(&self, request: &AnalyticsRequest, today: NaiveDate) -> ApiResult<SpendView> {
        let facts = self.analytics_facts(request, today)?;
        let (period, previous) = facts.period.compared_to_date(facts.last_cost_month);
        let fx = &facts.fx;
        let system_names: HashMap<i64, String> = facts.systems.iter().map(|s| (s.id, s.name.clone())).collect();
        let initiative_names: HashMap<i64, String> = facts.initiatives.iter().map(|i| (i.id, i.name.clone())).collect();
        let rows = |key: &dyn Fn(&SpendFact) -> Option<String>, name: Namer<'_>| {
            let now = facts.spend.by_key(period.start, period.end, key);
            let before: HashMap<Option<String>, i64> = facts
                .spend
                .by_key(previous.start, previous.end, key)
                .into_iter()
                .map(|(k, sum)| (k, sum.micros))
                .collect();
            now.into_iter()
                .map(|(k, sum)| {
                    let earlier = before.get(&k).copied().unwrap_or(0);
                    let (id, name) = name(k.as_deref());
                    SpendRow {
                        id,
                        name,
                        current: format_micros(sum.micros),
                        previous: format_micros(earlier),
                        change: Comparison { current: sum.micros as f64, previous: earlier as f64 }.change(),
                        budget: None,
                    }
                })
                .collect::<Vec<_>>()
        };
        let named = |names: &HashMap<i64, String>, missing: &str, k: Option<&str>| {
            let id = k.and_then(|k| k.parse::<i64>().ok());
            let name = match id {
                Some(id) => names.get(&id).cloned().unwrap_or_else(|| format!("#{id} (deleted)")),
                None => missing.to_owned(),
            };
            (id, name)
        };
        let total = facts.spend.total(period.start, period.end);
        let months = months_between(add_months(period.end, -11), period.end);
        let budgets = portfolio_budgets(&facts);
        let span_months = months_between(period.start, period.end);
        let mut by_department = rows(&|f| (!f.department.is_empty()).then(|| f.department.to_string()), &|k| {
            (None, k.unwrap_or("No department").to_owned())
        });
        for row in &mut by_department {
            let own: Vec<spend::Budget> = facts
                .budgets
                .iter()
                .filter(|b| b.scope_type == "department" && b.scope_value.eq_ignore_ascii_case(&row.name))
                .cloned()
                .collect();
            if !own.is_empty() {
                let plan = spend::against_plan(&SpendLedger::default(), fx, &[], &own, &span_months);
                row.budget = Some(format_micros(plan.budget.iter().map(|b| b.micros).sum()));
            }
        }
        let plan = spend::against_plan(&facts.spend, fx, &commitments(&facts.contracts), &budgets, &months);
        Ok(SpendView {
            period: span_view(facts.period.kind, &period),
            previous: span_view(facts.period.kind, &previous),
            reporting_currency: fx.reporting().to_owned(),
            basis: facts.basis.clone(),
            total: format_micros(total.micros),
            unconverted: unconverted(&total),
            by_vendor: rows(&|f| f.vendor_id.map(|v| v.to_string()), &|k| named(&facts.vendor_names, "No vendor", k)),
            by_system: rows(&|f| f.system_id.map(|v| v.to_string()), &|k| {
                named(&system_names, "Not attributed to a system", k)
            }),
            by_department,
            by_initiative: initiative_rows(&facts, facts.period, &initiative_names),
            months: months
                .iter()
                .enumerate()
                .map(|(i, month)| MonthSpend {
                    month: *month,
                    actual: format_micros(plan.actual[i].micros),
                    commitment: format_micros(plan.commitment[i].micros),
                    budget: (!budgets.is_empty()).then(|| format_micros(plan.budget[i].micros)),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn sentences_group_thousands_and_round_to_cents() {
        assert_eq!(grouped(222_406_666_666), "222,406.67");
        assert_eq!(grouped(999_995_000), "1,000.00");
        assert_eq!(grouped(-1_234_500_000), "-1,234.50");
        assert_eq!(grouped(0), "0.00");
    }
}
