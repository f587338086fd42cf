//! The facts every analytics answer is computed from, read once per change of the file and
//! shared by every screen, period and chart until the next write.
//!
//! Reading them is most of the work on a large portfolio (hundreds of thousands of monthly
//! rows, every initiative valued), so after opening a file and after each change the app reads
//! them again on another thread, from a snapshot of the file (`AnalyticsWarmup`), while the
//! person goes on working; a screen that asks meanwhile waits for that read rather than
//! starting a second one. Nothing here writes.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};

use chrono::NaiveDate;

use super::analytics::{AnalyticsRequest, DEFAULT_BASIS};
use super::value::{CostBasis, Evaluated};
use super::{ApiResult, App};
use crate::analytics::adoption::AdoptionFact;
use crate::analytics::fx::FxTable;
use crate::analytics::period::Period;
use crate::analytics::risk;
use crate::analytics::spend::{Budget, SpendFact, SpendLedger};
use crate::analytics::value::Assumption;
use crate::store::{ContractFact, DatedStageChange, InitiativeFact, Reader, Snapshot, SystemFact};

/// The portfolio as analytics sees it, in one cost basis.
pub(crate) struct Facts {
    pub basis: String,
    pub fx: FxTable,
    /// The basis' spend, every month, converted once.
    pub spend: SpendLedger,
    /// The cost bases present in the portfolio, for the basis picker.
    pub bases: Vec<String>,
    pub last_cost_month: Option<NaiveDate>,
    /// Seats and users per system and month, in month order.
    pub adoption: Vec<AdoptionFact>,
    pub contracts: Vec<ContractFact>,
    pub systems: Vec<SystemFact>,
    pub initiatives: Vec<InitiativeFact>,
    pub vendor_names: HashMap<i64, String>,
    pub budgets: Vec<Budget>,
    pub stage_history: Vec<DatedStageChange>,
    pub risks: Vec<risk::RiskFact>,
    pub reviews: Vec<risk::ReviewFact>,
    pub incidents: Vec<risk::IncidentFact>,
    /// Each initiative's stored value model.
    pub value_models: HashMap<i64, Vec<Assumption>>,
    /// Every initiative's value, computed on first use (see `value::initiative_values`).
    pub values: OnceLock<HashMap<i64, Evaluated>>,
    /// Cost per system and initiative per month, indexed on first use (see `value::CostBasis`).
    pub costs: OnceLock<CostBasis>,
}

impl Facts {
    fn read(read: &Reader<'_>, basis: &str) -> ApiResult<Facts> {
        let spend = read.spend_facts()?;
        let mut bases: Vec<String> =
            spend.iter().map(|f| &*f.basis).collect::<HashSet<&str>>().into_iter().map(str::to_owned).collect();
        bases.sort();
        let last_cost_month = spend.iter().map(|f| f.month).max();
        let reporting = read.meta("reporting_currency")?.unwrap_or_else(|| largest_currency(&spend));
        let fx = FxTable::new(&reporting, &read.fx_rates()?);
        Ok(Facts {
            basis: basis.to_owned(),
            spend: SpendLedger::new(spend, basis, &fx),
            fx,
            bases,
            last_cost_month,
            adoption: read.adoption_facts()?,
            contracts: read.contract_facts()?,
            systems: read.system_facts()?,
            initiatives: read.initiative_facts()?,
            vendor_names: read.vendor_names()?,
            budgets: read.budgets()?,
            stage_history: read.stage_changes()?,
            risks: read.risk_facts()?,
            reviews: read.review_facts()?,
            incidents: read.incident_facts()?,
            value_models: read.value_assumptions()?,
            values: OnceLock::new(),
            costs: OnceLock::new(),
        })
    }
}

/// With no reporting currency set, the currency most money is in.
fn largest_currency(spend: &[SpendFact]) -> String {
    let mut sums: HashMap<&str, i128> = HashMap::new();
    for fact in spend {
        *sums.entry(&fact.currency).or_default() += i128::from(fact.micros).abs();
    }
    sums.into_iter().max_by_key(|(_, sum)| *sum).map(|(c, _)| c.to_owned()).unwrap_or_else(|| "EUR".to_owned())
}

/// The facts with the period one request asks about.
pub(crate) struct Scoped {
    pub facts: Arc<Facts>,
    pub period: Period,
}

impl std::ops::Deref for Scoped {
    type Target = Facts;
    fn deref(&self) -> &Facts {
        &self.facts
    }
}

/// Which facts: the write generation of the store they were read at, and the basis.
type FactsKey = (u64, String);

/// The facts last read, shared with the thread that reads them ahead.
#[derive(Default)]
pub(crate) struct FactsCache {
    state: Mutex<CacheState>,
    /// Signalled when a read ahead ends.
    read_ahead_done: Condvar,
}

#[derive(Default)]
struct CacheState {
    facts: Option<(FactsKey, Arc<Facts>)>,
    /// The basis the screens asked for last: the one read ahead.
    basis: Option<String>,
    /// What a read ahead is reading now.
    reading: Option<FactsKey>,
}

impl FactsCache {
    fn lock(&self) -> MutexGuard<'_, CacheState> {
        // The state is replaced whole under the lock, so a panic elsewhere cannot leave it torn.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl App {
    /// What every analytics screen needs, with the period `request` names (by default the
    /// newest month with cost, else the month of `today`).
    pub(crate) fn analytics_facts(&self, request: &AnalyticsRequest, today: NaiveDate) -> ApiResult<Scoped> {
        let basis = request.basis.clone().unwrap_or_else(|| DEFAULT_BASIS.to_owned());
        let key = (self.store.generation(), basis);
        let mut state = self.facts_cache.lock();
        state.basis = Some(key.1.clone());
        // Being read ahead right now: wait for it rather than read the same facts twice.
        state = self
            .facts_cache
            .read_ahead_done
            .wait_while(state, |s| s.reading.as_ref() == Some(&key))
            .unwrap_or_else(PoisonError::into_inner);
        let facts = match &state.facts {
            Some((cached, facts)) if *cached == key => Arc::clone(facts),
            _ => {
                let facts = Arc::new(Facts::read(&self.store.read(), &key.1)?);
                state.facts = Some((key, Arc::clone(&facts)));
                facts
            }
        };
        drop(state);
        let anchor = request.anchor.or(facts.last_cost_month).unwrap_or(today);
        Ok(Scoped { period: Period::containing(request.period, anchor), facts })
    }

    /// A job that reads the facts of the file as it is now (and values every initiative) on
    /// another thread, for the app to start after opening a file and after each change; `None`
    /// when they are already read or being read, or the portfolio lives in memory.
    pub fn analytics_warmup(&self) -> ApiResult<Option<AnalyticsWarmup>> {
        let mut state = self.facts_cache.lock();
        let key = (self.store.generation(), state.basis.clone().unwrap_or_else(|| DEFAULT_BASIS.to_owned()));
        let known = state.facts.as_ref().is_some_and(|(cached, _)| *cached == key);
        if known || state.reading.as_ref() == Some(&key) {
            return Ok(None);
        }
        let Some(snapshot) = self.store.snapshot()? else { return Ok(None) };
        state.reading = Some(key.clone());
        Ok(Some(AnalyticsWarmup { snapshot, key, cache: Arc::clone(&self.facts_cache) }))
    }
}

/// Reads the analytics facts from a snapshot of the file, away from the thread that owns the
/// portfolio (see `App::analytics_warmup`).
pub struct AnalyticsWarmup {
    snapshot: Snapshot,
    key: FactsKey,
    cache: Arc<FactsCache>,
}

impl AnalyticsWarmup {
    /// Reads, values every initiative and leaves the result where the screens look. A failure
    /// is left for the screen's own read to report, in words, when it asks.
    pub fn run(self) {
        let Ok(facts) = Facts::read(&self.snapshot.read(), &self.key.1) else { return };
        super::value::initiative_values(&facts);
        let mut state = self.cache.lock();
        // Never over newer facts: a screen may have read a later state meanwhile.
        if state.facts.as_ref().is_none_or(|(cached, _)| cached.0 <= self.key.0) {
            state.facts = Some((self.key.clone(), Arc::new(facts)));
        }
    }
}

impl Drop for AnalyticsWarmup {
    /// However the read ends (done, failed, never started), a screen waiting on it goes on.
    fn drop(&mut self) {
        let mut state = self.cache.lock();
        if state.reading.as_ref() == Some(&self.key) {
            state.reading = None;
        }
        drop(state);
        self.cache.read_ahead_done.notify_all();
    }
}
