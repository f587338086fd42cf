//! Value and ROI per initiative: the value model editor's reads and writes, the overview of
//! every initiative, and the portfolio ROI on the dashboard.
//!
//! An initiative's cost per month = cost lines tied to it + cost lines of its systems (shared
//! evenly among the initiatives using a system) + for months where a contract covering its
//! systems has no billed lines, that contract's monthly commitment (shared the same way).
//! After the newest month with cost, cost is projected at the average of its last three
//! months. Value accrues from go-live for 36 months.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::analytics::{AnalyticsRequest, RoiTile, commitments};
use super::facts::Facts;
use super::{ApiError, ApiResult, App, ErrorCode, now_text};
use crate::analytics::period::{PeriodKind, add_months, month_start, months_between};
use crate::analytics::spend::{self, commitment_in};
use crate::analytics::value::{self, Assumption, ValueInputs, ValueOutcome};
use crate::domain::{FieldError, InitiativeId, Stage, Validation, format_micros};
use crate::store::{AuditChange, InitiativeFact, ValueAssumptionRow};

/// Months of value counted from go-live.
pub const VALUE_HORIZON_MONTHS: i32 = 36;
/// The methods a benefit can be modelled with.
pub const METHODS: [&str; 3] = ["time_saved", "revenue_uplift", "cost_avoided"];
/// How an assumption is known.
pub const CONFIDENCES: [&str; 3] = ["observed", "inferred", "modelled"];

/// One assumption as the editor shows and sends it; numbers as decimal text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssumptionDraft {
    pub method: String,
    pub name: String,
    pub unit: String,
    pub low: String,
    pub likely: String,
    pub high: String,
    pub confidence: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MoneyRange {
    pub low: String,
    pub likely: String,
    pub high: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RatioRange {
    pub low: Option<f64>,
    pub likely: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DateRange {
    pub low: Option<NaiveDate>,
    pub likely: Option<NaiveDate>,
    pub high: Option<NaiveDate>,
}

/// "ROI stays positive while Acceptance rate ≥ 42.5 %".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BreakevenView {
    pub method: String,
    pub name: String,
    pub unit: String,
    pub likely: String,
    /// `None`: the net value stays positive whatever this factor is.
    pub threshold: Option<String>,
    pub sentence: String,
}

/// An initiative's value model and what it yields.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InitiativeValue {
    pub initiative_id: InitiativeId,
    pub code: String,
    pub name: String,
    pub stage: String,
    pub stage_label: String,
    pub reporting_currency: String,
    /// The first month value accrues; `None` before a go-live is known.
    pub value_start: Option<NaiveDate>,
    pub horizon_start: Option<NaiveDate>,
    pub horizon_end: Option<NaiveDate>,
    pub assumptions: Vec<AssumptionDraft>,
    pub monthly_benefit: MoneyRange,
    pub total_value: MoneyRange,
    pub total_cost: String,
    /// Cost lines of the initiative and its systems up to the newest month with cost.
    pub cost_actual: String,
    /// Contract commitment counted for months without billed lines.
    pub cost_contract_share: String,
    /// Cost after the newest month with cost, at its recent average.
    pub cost_projected: String,
    pub net: MoneyRange,
    pub roi: RatioRange,
    pub payback: DateRange,
    pub breakevens: Vec<BreakevenView>,
    /// Parts of the model left out, and why.
    pub problems: Vec<String>,
}

/// One line of the value overview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct InitiativeValueRow {
    pub initiative_id: InitiativeId,
    pub code: String,
    pub name: String,
    pub stage: String,
    pub stage_label: String,
    pub has_model: bool,
    pub monthly_benefit_likely: String,
    pub total_cost: String,
    pub net: MoneyRange,
    pub roi: RatioRange,
    pub payback_likely: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ValueOverview {
    pub reporting_currency: String,
    pub portfolio: RoiTile,
    /// Initiatives with a value model first (by likely net value), then those with cost only.
    pub initiatives: Vec<InitiativeValueRow>,
}

/// The computed value of one initiative, before it is worded for the screen.
pub(crate) struct Evaluated {
    pub initiative: InitiativeFact,
    pub model: Vec<Assumption>,
    pub months: Vec<NaiveDate>,
    pub value_start: Option<NaiveDate>,
    pub outcome: ValueOutcome,
    pub cost_actual: i64,
    pub cost_contract_share: i64,
    pub cost_projected: i64,
}

impl App {
    /// Every initiative's value and ROI.
    pub fn value_overview(&self, today: NaiveDate) -> ApiResult<ValueOverview> {
        let facts = self.analytics_facts(&whole_history(), today)?;
        let values = initiative_values(&facts);
        let mut rows: Vec<InitiativeValueRow> = values.values().map(row).collect();
        rows.sort_by(|a, b| {
            b.has_model
                .cmp(&a.has_model)
                .then(decimal(&b.net.likely).cmp(&decimal(&a.net.likely)))
                .then(a.code.cmp(&b.code))
        });
        Ok(ValueOverview {
            reporting_currency: facts.fx.reporting().to_owned(),
            portfolio: portfolio_roi(values),
            initiatives: rows,
        })
    }

    /// One initiative's value model and results.
    pub fn initiative_value(&self, id: InitiativeId, today: NaiveDate) -> ApiResult<InitiativeValue> {
        let facts = self.analytics_facts(&whole_history(), today)?;
        let model = facts.value_models.get(&id.0).cloned().unwrap_or_default();
        self.evaluate_one(&facts, id, model).map(|e| view(&e, &facts))
    }

    /// The results `drafts` would give, without storing anything (live recomputation).
    pub fn value_model_preview(
        &self,
        id: InitiativeId,
        drafts: &[AssumptionDraft],
        today: NaiveDate,
    ) -> ApiResult<InitiativeValue> {
        let model = validate(drafts).map_err(ApiError::validation)?;
        let facts = self.analytics_facts(&whole_history(), today)?;
        let mut value = self.evaluate_one(&facts, id, model).map(|e| view(&e, &facts))?;
        value.assumptions = drafts.to_vec();
        Ok(value)
    }

    /// Replaces the initiative's value model; the change is in the audit trail.
    pub fn value_model_save(
        &mut self,
        id: InitiativeId,
        drafts: &[AssumptionDraft],
        today: NaiveDate,
    ) -> ApiResult<InitiativeValue> {
        validate(drafts).map_err(ApiError::validation)?;
        self.initiative_get(id)?;
        let actor = self.actor.clone();
        let now = now_text();
        let rows: Vec<ValueAssumptionRow<'_>> = drafts
            .iter()
            .enumerate()
            .map(|(position, d)| ValueAssumptionRow {
                initiative_id: id.0,
                method: d.method.trim(),
                name: d.name.trim(),
                unit: d.unit.trim(),
                low: d.low.trim(),
                likely: d.likely.trim(),
                high: d.high.trim(),
                confidence: d.confidence.trim(),
                note: d.note.trim(),
                position: position as i64,
            })
            .collect();
        self.store.write(|tx| {
            let before = tx.value_model_json(id.0)?;
            tx.replace_value_model(id.0, &rows)?;
            let after = tx.value_model_json(id.0)?;
            if before != after {
                tx.append_audit(
                    &now,
                    AuditChange {
                        actor: &actor,
                        entity_type: "initiative",
                        entity_id: id.0,
                        action: "update",
                        field: Some("value_model"),
                        old_value: Some(before),
                        new_value: Some(after),
                    },
                )?;
            }
            Ok(())
        })?;
        self.initiative_value(id, today)
    }

    pub(crate) fn evaluate_one(&self, facts: &Facts, id: InitiativeId, model: Vec<Assumption>) -> ApiResult<Evaluated> {
        let initiative = facts
            .initiatives
            .iter()
            .find(|i| i.id == id.0)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("Initiative {} does not exist", id.0)))?;
        Ok(evaluate(facts, cost_basis(facts), initiative, model.clone()).unwrap_or_else(|| Evaluated {
            initiative: initiative.clone(),
            model,
            months: Vec::new(),
            value_start: None,
            outcome: ValueOutcome::default(),
            cost_actual: 0,
            cost_contract_share: 0,
            cost_projected: 0,
        }))
    }
}

/// Every initiative valued, once per set of facts: the dashboard, the pipeline funnel, the value
/// screens and their charts share the work.
pub(crate) fn initiative_values(facts: &Facts) -> &HashMap<i64, Evaluated> {
    facts.values.get_or_init(|| {
        let costs = cost_basis(facts);
        facts
            .initiatives
            .iter()
            .filter_map(|i| {
                let model = facts.value_models.get(&i.id).cloned().unwrap_or_default();
                evaluate(facts, costs, i, model).map(|e| (i.id, e))
            })
            .collect()
    })
}

/// The cost indexes of the facts, built on first use and kept with them: valuing one
/// initiative (the editor's live preview, its chart) reuses them.
fn cost_basis(facts: &Facts) -> &CostBasis {
    facts.costs.get_or_init(|| CostBasis::new(facts))
}

/// The cost of every system and initiative per month, in the reporting currency.
pub(crate) struct CostBasis {
    by_system: HashMap<(i64, NaiveDate), i64>,
    by_initiative: HashMap<(i64, NaiveDate), i64>,
    /// How many live initiatives share each system.
    sharing: HashMap<i64, i64>,
    /// Active users observed per system and month.
    users: HashMap<(i64, NaiveDate), f64>,
    /// The contracts covering each system, with what they commit to (drafts, cancelled and
    /// undated contracts commit to nothing and are left out).
    /// (the contract's index in the facts, its commitment)
    contracts_of: HashMap<i64, Vec<(usize, spend::Commitment)>>,
    /// The first day each initiative reached production or scaled, by its stage history.
    went_live: HashMap<i64, NaiveDate>,
    last_month: Option<NaiveDate>,
}

impl CostBasis {
    /// Everything per system, month and initiative indexed once, so valuing each initiative
    /// touches only its own systems and contracts.
    fn new(facts: &Facts) -> CostBasis {
        let (mut by_system, mut by_initiative) = (HashMap::new(), HashMap::new());
        for (fact, micros) in facts.spend.all_entries() {
            let Some(micros) = micros else { continue };
            let slot = match (fact.initiative_id, fact.system_id) {
                (Some(initiative), _) => by_initiative.entry((initiative, fact.month)).or_insert(0_i64),
                (None, Some(system)) => by_system.entry((system, fact.month)).or_insert(0_i64),
                (None, None) => continue,
            };
            *slot = slot.saturating_add(micros);
        }
        let mut sharing: HashMap<i64, i64> = HashMap::new();
        for initiative in &facts.initiatives {
            for system in &initiative.system_ids {
                *sharing.entry(*system).or_default() += 1;
            }
        }
        let mut users: HashMap<(i64, NaiveDate), f64> = HashMap::new();
        for fact in
            facts.adoption.iter().filter(|f| f.metric == crate::analytics::adoption::AdoptionMetric::ActiveUsers)
        {
            *users.entry((fact.system_id, fact.month)).or_default() += fact.value;
        }
        let mut contracts_of: HashMap<i64, Vec<_>> = HashMap::new();
        for (index, contract) in facts.contracts.iter().enumerate() {
            let Some(commitment) = commitments(std::slice::from_ref(contract)).pop() else { continue };
            for system in &contract.system_ids {
                contracts_of.entry(*system).or_default().push((index, commitment.clone()));
            }
        }
        let mut went_live: HashMap<i64, NaiveDate> = HashMap::new();
        for change in
            facts.stage_history.iter().filter(|c| matches!(c.change.to_stage.as_str(), "production" | "scaled"))
        {
            if let Some(day) = change.decided_on {
                let first = went_live.entry(change.change.initiative_id).or_insert(day);
                *first = (*first).min(day);
            }
        }
        CostBasis {
            by_system,
            by_initiative,
            sharing,
            users,
            contracts_of,
            went_live,
            last_month: facts.last_cost_month,
        }
    }
}

fn evaluate(
    facts: &Facts,
    costs: &CostBasis,
    initiative: &InitiativeFact,
    model: Vec<Assumption>,
) -> Option<Evaluated> {
    let value_start = go_live(initiative, costs.went_live.get(&initiative.id).copied()).map(month_start);
    let systems: HashSet<i64> = initiative.system_ids.iter().copied().collect();
    let share = |system: i64| costs.sharing.get(&system).copied().unwrap_or(1).max(1);
    let actual_in = |month: NaiveDate| -> i64 {
        let own = costs.by_initiative.get(&(initiative.id, month)).copied().unwrap_or(0);
        let shared: i64 =
            systems.iter().map(|s| costs.by_system.get(&(*s, month)).copied().unwrap_or(0) / share(*s)).sum();
        own + shared
    };
    // Each contract once, even when it covers several of the initiative's systems.
    let mut contracts: Vec<(&crate::store::ContractFact, &spend::Commitment)> = systems
        .iter()
        .filter_map(|s| costs.contracts_of.get(s))
        .flatten()
        .map(|(index, commitment)| (&facts.contracts[*index], commitment))
        .collect();
    contracts.sort_by_key(|(c, _)| c.id);
    contracts.dedup_by_key(|(c, _)| c.id);
    let contract_share_in = |month: NaiveDate| -> i64 {
        let mut total = 0_i64;
        for (contract, commitment) in &contracts {
            let billed = contract.system_ids.iter().any(|s| costs.by_system.contains_key(&(*s, month)));
            if billed {
                continue;
            }
            let Some(monthly) = facts.fx.convert(commitment_in(commitment, month), &commitment.currency, month) else {
                continue;
            };
            let per_system = monthly / contract.system_ids.len().max(1) as i64;
            total +=
                contract.system_ids.iter().filter(|s| systems.contains(s)).map(|s| per_system / share(*s)).sum::<i64>();
        }
        total
    };
    // Each month's (usage, contract share) is worked out once: the search for the first cost,
    // the recent average and the horizon all ask for the same months.
    let memo = std::cell::RefCell::new(HashMap::<NaiveDate, (i64, i64)>::new());
    let cost_in = |month: NaiveDate| -> (i64, i64) {
        if let Some(known) = memo.borrow().get(&month) {
            return *known;
        }
        let cost = (actual_in(month), contract_share_in(month));
        memo.borrow_mut().insert(month, cost);
        cost
    };
    let total_in = |month: NaiveDate| {
        let (actual, share) = cost_in(month);
        actual + share
    };
    // With no cost stored at all, the horizon starts at go-live; with neither, only the
    // monthly benefit is known.
    let last = costs.last_month.or(value_start);
    let first_cost =
        last.and_then(|last| months_between(add_months(last, -23), last).into_iter().find(|m| total_in(*m) != 0));
    if model.is_empty() && first_cost.is_none() {
        return None;
    }
    let months = match (first_cost.into_iter().chain(value_start).min(), last) {
        (Some(start), Some(last)) => {
            months_between(start, value_start.map_or(last, |v| add_months(v, VALUE_HORIZON_MONTHS - 1)).max(last))
        }
        _ => Vec::new(),
    };
    let last = last.unwrap_or(NaiveDate::MIN);

    let (mut cost, mut actual_total, mut share_total, mut projected_total) = (Vec::new(), 0, 0, 0);
    // The recent average never reaches back before the first cost: a new initiative's one
    // month of cost is not diluted by empty months.
    let recent_from = add_months(last, -2).max(first_cost.unwrap_or(last));
    let recent: Vec<i64> = months_between(recent_from, last).iter().map(|m| total_in(*m)).collect();
    let projected = spend::run_rate(&recent) / 12;
    for month in &months {
        if *month <= last {
            let (actual, share) = cost_in(*month);
            actual_total += actual;
            share_total += share;
            cost.push(actual + share);
        } else {
            projected_total += projected;
            cost.push(projected);
        }
    }
    let mut observed_users: HashMap<NaiveDate, f64> = HashMap::new();
    for month in &months {
        let users: Vec<f64> = systems.iter().filter_map(|s| costs.users.get(&(*s, *month)).copied()).collect();
        if !users.is_empty() {
            observed_users.insert(*month, users.iter().sum());
        }
    }
    let outcome = value::evaluate(&ValueInputs {
        assumptions: &model,
        months: months.clone(),
        value_start,
        cost,
        observed_users,
    });
    Some(Evaluated {
        initiative: initiative.clone(),
        model,
        months,
        value_start,
        outcome,
        cost_actual: actual_total,
        cost_contract_share: share_total,
        cost_projected: projected_total,
    })
}

/// When value starts: the day the initiative went to production (by its history, else where
/// it is now), or its planned go-live while it is still on the way. Killed, retired and
/// on-hold initiatives that never went live accrue none.
fn go_live(initiative: &InitiativeFact, went_live: Option<NaiveDate>) -> Option<NaiveDate> {
    went_live.or(match initiative.stage.as_str() {
        "production" | "scaled" => initiative.stage_entered_on.or(initiative.planned_go_live),
        "idea" | "assessment" | "pilot" => initiative.planned_go_live,
        _ => None,
    })
}

/// Initiatives as the pipeline counts them, valued at their model's likely annual benefit.
pub(crate) fn pipeline_items(
    facts: &Facts,
    values: &HashMap<i64, Evaluated>,
) -> Vec<crate::analytics::pipeline::PipelineItem> {
    facts
        .initiatives
        .iter()
        .map(|i| crate::analytics::pipeline::PipelineItem {
            initiative_id: i.id,
            stage: i.stage.clone(),
            stage_entered_on: i.stage_entered_on,
            annual_value_micros: values
                .get(&i.id)
                .filter(|v| !v.model.is_empty())
                .map(|v| v.outcome.monthly_benefit.likely.saturating_mul(12)),
        })
        .collect()
}

pub(crate) fn portfolio_roi(values: &HashMap<i64, Evaluated>) -> RoiTile {
    let modelled: Vec<&Evaluated> = values.values().filter(|v| !v.model.is_empty()).collect();
    let cost: i64 = modelled.iter().map(|v| v.outcome.total_cost).sum();
    let net = |pick: fn(&Evaluated) -> i64| modelled.iter().map(|v| pick(v)).sum::<i64>();
    let ratio = |net: i64| (cost > 0).then(|| net as f64 / cost as f64);
    let net_likely = net(|v| v.outcome.net.likely);
    RoiTile {
        low: ratio(net(|v| v.outcome.net.low)),
        likely: ratio(net_likely),
        high: ratio(net(|v| v.outcome.net.high)),
        net_likely: format_micros(net_likely),
        initiatives: modelled.len() as u32,
    }
}

fn row(e: &Evaluated) -> InitiativeValueRow {
    InitiativeValueRow {
        initiative_id: InitiativeId(e.initiative.id),
        code: e.initiative.code.clone(),
        name: e.initiative.name.clone(),
        stage: e.initiative.stage.clone(),
        stage_label: stage_label(&e.initiative.stage),
        has_model: !e.model.is_empty(),
        monthly_benefit_likely: format_micros(e.outcome.monthly_benefit.likely),
        total_cost: format_micros(e.outcome.total_cost),
        net: money_range(&e.outcome.net),
        // Without a model there is no value to set against the cost: no ROI, not −100 %.
        roi: if e.model.is_empty() {
            RatioRange { low: None, likely: None, high: None }
        } else {
            RatioRange { low: e.outcome.roi.low, likely: e.outcome.roi.likely, high: e.outcome.roi.high }
        },
        payback_likely: e.outcome.payback.likely,
    }
}

fn view(e: &Evaluated, facts: &Facts) -> InitiativeValue {
    let o = &e.outcome;
    InitiativeValue {
        initiative_id: InitiativeId(e.initiative.id),
        code: e.initiative.code.clone(),
        name: e.initiative.name.clone(),
        stage: e.initiative.stage.clone(),
        stage_label: stage_label(&e.initiative.stage),
        reporting_currency: facts.fx.reporting().to_owned(),
        value_start: e.value_start,
        horizon_start: e.months.first().copied(),
        horizon_end: e.months.last().copied(),
        assumptions: e.model.iter().map(draft_of).collect(),
        monthly_benefit: money_range(&o.monthly_benefit),
        total_value: money_range(&o.total_value),
        total_cost: format_micros(o.total_cost),
        cost_actual: format_micros(e.cost_actual),
        cost_contract_share: format_micros(e.cost_contract_share),
        cost_projected: format_micros(e.cost_projected),
        net: money_range(&o.net),
        roi: RatioRange { low: o.roi.low, likely: o.roi.likely, high: o.roi.high },
        payback: DateRange { low: o.payback.low, likely: o.payback.likely, high: o.payback.high },
        breakevens: o.breakevens.iter().map(|b| breakeven_view(b, o.net.likely >= 0)).collect(),
        problems: o.problems.clone(),
    }
}

fn breakeven_view(b: &value::Breakeven, positive: bool) -> BreakevenView {
    let unit = if b.unit == "%" { "%".to_owned() } else { format!(" {}", b.unit) };
    let sentence = match (&b.threshold, positive) {
        (None, _) => format!("Net value stays positive whatever {} is", b.name.to_lowercase()),
        (Some(t), true) => format!(
            "ROI stays positive while {} ≥ {}{unit} (likely {}{unit})",
            b.name.to_lowercase(),
            t.normalize(),
            b.likely.normalize()
        ),
        (Some(t), false) => format!(
            "ROI turns positive when {} reaches {}{unit} (likely {}{unit})",
            b.name.to_lowercase(),
            t.normalize(),
            b.likely.normalize()
        ),
    };
    BreakevenView {
        method: b.method.clone(),
        name: b.name.clone(),
        unit: b.unit.clone(),
        likely: b.likely.normalize().to_string(),
        threshold: b.threshold.map(|t| t.normalize().to_string()),
        sentence,
    }
}

/// Checks a model as entered; messages name the row and the field.
/// One assumption checked by the editor's own rules, for a row of an imported sheet: the
/// problems as (field, message), the field a key of the draft and the message without the
/// editor's "Row 1: " (the importer names the sheet's own row).
pub(super) fn check_assumption(draft: &AssumptionDraft) -> Vec<(String, String)> {
    let Err(errors) = validate(std::slice::from_ref(draft)) else { return Vec::new() };
    errors
        .into_iter()
        .map(|e| {
            let field = e.field.strip_prefix("assumptions.0.").unwrap_or(&e.field).to_owned();
            let message = e.message.strip_prefix("Row 1: ").unwrap_or(&e.message).to_owned();
            (field, message)
        })
        .collect()
}

fn validate(drafts: &[AssumptionDraft]) -> Result<Vec<Assumption>, Vec<FieldError>> {
    let mut v = Validation::default();
    let mut model = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let field = |name: &str| format!("assumptions.{i}.{name}");
        let row = i + 1;
        if !METHODS.contains(&d.method.trim()) {
            v.error(&field("method"), format!("Row {row}: choose time saved, revenue uplift or cost avoided"));
        }
        if d.name.trim().is_empty() {
            v.error(&field("name"), format!("Row {row}: name the assumption, e.g. \"Acceptance rate\""));
        }
        if !CONFIDENCES.contains(&d.confidence.trim()) {
            v.error(&field("confidence"), format!("Row {row}: confidence is observed, inferred or modelled"));
        }
        let mut number = |key: &str, text: &str, required: bool| -> Option<Decimal> {
            let text = text.trim();
            if text.is_empty() {
                if required {
                    v.error(&field(key), format!("Row {row}: the likely value is required"));
                }
                return None;
            }
            match text.replace(',', "").parse::<Decimal>() {
                Ok(n) if n.is_sign_negative() => {
                    v.error(
                        &field(key),
                        format!("Row {row}: \"{text}\" is negative; a benefit factor is zero or more"),
                    );
                    None
                }
                Ok(n) => Some(n),
                Err(_) => {
                    v.error(&field(key), format!("Row {row}: \"{text}\" is not a number"));
                    None
                }
            }
        };
        let (low, likely, high) =
            (number("low", &d.low, false), number("likely", &d.likely, true), number("high", &d.high, false));
        if let (Some(low), Some(likely)) = (low, likely)
            && low > likely
        {
            v.error(&field("low"), format!("Row {row}: low ({low}) is above likely ({likely})"));
        }
        if let (Some(likely), Some(high)) = (likely, high)
            && high < likely
        {
            v.error(&field("high"), format!("Row {row}: high ({high}) is below likely ({likely})"));
        }
        model.push(Assumption {
            method: d.method.trim().to_owned(),
            name: d.name.trim().to_owned(),
            unit: d.unit.trim().to_owned(),
            low,
            likely,
            high,
            confidence: d.confidence.trim().to_owned(),
        });
    }
    v.finish().map(|()| model)
}

fn draft_of(a: &Assumption) -> AssumptionDraft {
    let text = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    AssumptionDraft {
        method: a.method.clone(),
        name: a.name.clone(),
        unit: a.unit.clone(),
        low: text(a.low),
        likely: text(a.likely),
        high: text(a.high),
        confidence: a.confidence.clone(),
        note: String::new(),
    }
}

fn money_range(range: &value::Range<i64>) -> MoneyRange {
    MoneyRange { low: format_micros(range.low), likely: format_micros(range.likely), high: format_micros(range.high) }
}

fn stage_label(stage: &str) -> String {
    Stage::parse(stage).map(Stage::label).unwrap_or(stage).to_owned()
}

fn decimal(text: &str) -> Decimal {
    text.parse().unwrap_or_default()
}

/// Value is computed over the whole stored history, whatever period a screen shows.
fn whole_history() -> AnalyticsRequest {
    AnalyticsRequest { period: PeriodKind::Month, anchor: None, basis: None }
}
