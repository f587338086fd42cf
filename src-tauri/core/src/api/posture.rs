//! The pipeline, renewals and risk posture views: what leadership asks about beyond money.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::analytics::{AnalyticsRequest, renewal_facts};
use super::{ApiResult, App};
use crate::analytics::adoption::AdoptionMetric;
use crate::analytics::period::{PeriodKind, add_months, month_start};
use crate::analytics::{pipeline, renewals, risk};
use crate::domain::{EuAiActTier, RiskTier, Stage, format_micros};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StageRow {
    pub stage: String,
    pub label: String,
    pub count: u32,
    /// Likely annual value of the initiatives in the stage with a value model.
    pub annual_value: String,
    /// Days the initiatives have been in the stage: median and longest.
    #[ts(type = "number | null")]
    pub median_days: Option<i64>,
    #[ts(type = "number | null")]
    pub max_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FunnelRow {
    pub stage: String,
    pub label: String,
    /// Initiatives that reached the stage or went further.
    pub reached: u32,
}

/// A killed initiative and why: the gate decision's rationale and the lessons kept.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KilledRow {
    pub code: String,
    pub name: String,
    pub killed_on: Option<NaiveDate>,
    pub rationale: String,
    pub lessons_learned: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PipelineView {
    pub reporting_currency: String,
    pub stages: Vec<StageRow>,
    pub funnel: Vec<FunnelRow>,
    pub reached_pilot: u32,
    pub reached_production: u32,
    pub conversion: Option<f64>,
    pub killed: Vec<KilledRow>,
}

/// A contract to decide on, with what it costs and how much it is used.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RenewalRow {
    #[ts(type = "number")]
    pub contract_id: i64,
    pub name: String,
    pub vendor: Option<String>,
    pub end: NaiveDate,
    pub cancel_by: NaiveDate,
    #[ts(type = "number")]
    pub days_to_cancel_by: i64,
    pub too_late_to_cancel: bool,
    pub auto_renew: bool,
    /// Annual value in the contract's own currency.
    pub annual_value: Option<String>,
    pub currency: String,
    /// Seats bought and active users on the systems it covers, newest month.
    #[ts(type = "number | null")]
    pub seats_purchased: Option<i64>,
    pub active_users: Option<f64>,
    pub utilisation: Option<f64>,
    /// Billed spend on the systems it covers over the last twelve months, reporting currency
    /// (money without an exchange rate is left out; the dashboard names it).
    pub spend_last_12_months: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierCount {
    pub tier: String,
    pub label: String,
    pub systems: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RiskPosture {
    pub by_eu_ai_act_tier: Vec<TierCount>,
    pub by_internal_tier: Vec<TierCount>,
    /// Open risks: `[likelihood − 1][impact − 1]`.
    pub heatmap: Vec<Vec<u32>>,
    pub overdue_reviews: u32,
    pub open_incidents: u32,
    pub open_high_risks: u32,
    /// Systems with an open high risk (likelihood × impact ≥ 15), with their spend over the
    /// last twelve months, reporting currency.
    pub high_risk_systems: Vec<HighRiskSystem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HighRiskSystem {
    pub code: String,
    pub name: String,
    pub spend_last_12_months: String,
}

impl App {
    pub fn pipeline_view(&self, today: NaiveDate) -> ApiResult<PipelineView> {
        let facts = self.analytics_facts(&trailing_year(), today)?;
        let values = super::value::initiative_values(&facts);
        let items = super::value::pipeline_items(&facts, values);
        let history: Vec<pipeline::StageChange> = facts.stage_history.iter().map(|c| c.change.clone()).collect();
        let conversion = pipeline::pilot_to_production(&items, &history);
        let label = |stage: &str| Stage::parse(stage).map(Stage::label).unwrap_or(stage).to_owned();
        let killed = facts
            .initiatives
            .iter()
            .filter(|i| i.stage == "killed")
            .map(|i| {
                let decision = facts
                    .stage_history
                    .iter()
                    .rev()
                    .find(|c| c.change.initiative_id == i.id && c.change.to_stage == "killed");
                KilledRow {
                    code: i.code.clone(),
                    name: i.name.clone(),
                    killed_on: decision.and_then(|d| d.decided_on).or(i.stage_entered_on),
                    rationale: decision.map(|d| d.rationale.clone()).unwrap_or_default(),
                    lessons_learned: i.lessons_learned.clone(),
                }
            })
            .collect();
        Ok(PipelineView {
            reporting_currency: facts.fx.reporting().to_owned(),
            stages: pipeline::by_stage(&items, today)
                .into_iter()
                .map(|s| StageRow {
                    label: label(&s.stage),
                    annual_value: format_micros(s.annual_value_micros),
                    count: s.count,
                    median_days: s.median_days_in_stage,
                    max_days: s.max_days_in_stage,
                    stage: s.stage,
                })
                .collect(),
            funnel: pipeline::funnel(&items, &history)
                .into_iter()
                .map(|s| FunnelRow { label: label(&s.stage), reached: s.reached, stage: s.stage })
                .collect(),
            reached_pilot: conversion.reached_pilot,
            reached_production: conversion.reached_production,
            conversion: conversion.rate,
            killed,
        })
    }

    /// Contracts whose cancel-by date falls in the next `days` days (30, 90, 120 …), or that
    /// are past it and end within them.
    pub fn renewals_view(&self, days: u32, today: NaiveDate) -> ApiResult<Vec<RenewalRow>> {
        let facts = self.analytics_facts(&trailing_year(), today)?;
        let due = renewals::due_within(&renewal_facts(&facts.contracts), today, days);
        let (from, to) = (add_months(month_start(today), -12), add_months(month_start(today), -1));
        let latest = latest_by_system(&facts.adoption);
        Ok(due
            .into_iter()
            .filter_map(|decision| {
                let contract = facts.contracts.iter().find(|c| c.id == decision.contract_id)?;
                let covers = |f: &crate::analytics::spend::SpendFact| {
                    f.system_id.is_some_and(|s| contract.system_ids.contains(&s))
                };
                let spent = facts.spend.total_where(from, to, covers);
                let active: Option<f64> = contract
                    .system_ids
                    .iter()
                    .filter_map(|s| latest.get(s).copied())
                    .fold(None, |sum, users| Some(sum.unwrap_or(0.0) + users));
                let seats = contract.seats_purchased;
                Some(RenewalRow {
                    contract_id: contract.id,
                    name: contract.name.clone(),
                    vendor: facts.vendor_names.get(&contract.vendor_id).cloned(),
                    end: decision.end,
                    cancel_by: decision.cancel_by,
                    days_to_cancel_by: decision.days_to_cancel_by,
                    too_late_to_cancel: decision.too_late_to_cancel,
                    auto_renew: contract.auto_renew,
                    annual_value: contract.annual_micros.map(format_micros),
                    currency: contract.currency.clone(),
                    seats_purchased: seats,
                    active_users: active,
                    utilisation: match (active, seats) {
                        (Some(active), Some(seats)) if seats > 0 => Some(active / seats as f64),
                        _ => None,
                    },
                    spend_last_12_months: format_micros(spent.micros),
                })
            })
            .collect())
    }

    pub fn risk_posture(&self, today: NaiveDate) -> ApiResult<RiskPosture> {
        let facts = self.analytics_facts(&trailing_year(), today)?;
        let risks = &facts.risks;
        let high = risk::systems_with_open_high_risk(risks);
        let (from, to) = (add_months(month_start(today), -12), add_months(month_start(today), -1));
        let tiers = |pick: &dyn Fn(&crate::store::SystemFact) -> Option<String>, label: &dyn Fn(&str) -> String| {
            let mut counts: BTreeMap<String, u32> = BTreeMap::new();
            for system in &facts.systems {
                *counts.entry(pick(system).unwrap_or_default()).or_default() += 1;
            }
            counts
                .into_iter()
                .map(|(tier, systems)| TierCount {
                    label: if tier.is_empty() { "Not set".into() } else { label(&tier) },
                    tier,
                    systems,
                })
                .collect::<Vec<_>>()
        };
        let mut high_risk_systems: Vec<HighRiskSystem> = facts
            .systems
            .iter()
            .filter(|s| high.contains(&s.id))
            .map(|s| HighRiskSystem {
                code: s.code.clone(),
                name: s.name.clone(),
                spend_last_12_months: format_micros(
                    facts.spend.total_where(from, to, |f| f.system_id == Some(s.id)).micros,
                ),
            })
            .collect();
        high_risk_systems.sort_by(|a, b| a.code.cmp(&b.code));
        let incidents = risk::open_incidents(&facts.incidents);
        Ok(RiskPosture {
            by_eu_ai_act_tier: tiers(&|s| s.eu_ai_act_tier.clone(), &|t| {
                EuAiActTier::parse(t).map(EuAiActTier::label).unwrap_or(t).to_owned()
            }),
            by_internal_tier: tiers(&|s| s.internal_risk_tier.clone(), &|t| {
                RiskTier::parse(t).map(RiskTier::label).unwrap_or(t).to_owned()
            }),
            heatmap: risk::heatmap(risks).iter().map(|row| row.to_vec()).collect(),
            overdue_reviews: risk::overdue_reviews(&facts.reviews, today),
            open_incidents: incidents.values().sum(),
            open_high_risks: risks.iter().filter(|r| r.is_open() && r.is_high()).count() as u32,
            high_risk_systems,
        })
    }
}

/// The newest active-user figure of each system.
fn latest_by_system(facts: &[crate::analytics::adoption::AdoptionFact]) -> HashMap<i64, f64> {
    let mut newest: HashMap<i64, (NaiveDate, f64)> = HashMap::new();
    for fact in facts.iter().filter(|f| f.metric == AdoptionMetric::ActiveUsers) {
        let slot = newest.entry(fact.system_id).or_insert((fact.month, fact.value));
        if fact.month > slot.0 {
            *slot = (fact.month, fact.value);
        }
    }
    newest.into_iter().map(|(system, (_, users))| (system, users)).collect()
}

fn trailing_year() -> AnalyticsRequest {
    AnalyticsRequest { period: PeriodKind::Year, anchor: None, basis: None }
}
