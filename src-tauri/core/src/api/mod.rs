//! The boundary every host calls: the desktop shell, the `steward` command and the tests.
//!
//! Owns: use cases (one method each on [`App`]), the wire types, error codes.
//! Does not: hold SQL (that is `store`) or parse files (that is `import`).
//! Invariant: every change to a record goes through here and writes an audit event in the
//! same transaction as the change.

mod analytics;
mod bench;
mod catalog;
mod charts;
mod error;
mod facts;
mod imports;
mod lists;
mod mapping;
mod portfolio;
mod posture;
mod records;
mod session;
mod settings;
mod value;

pub use analytics::{
    AdoptionTile, AdoptionView, AnalyticsRequest, Dashboard, DepartmentAdoption, MonthSpend, PeriodView, PipelineTile,
    RenewalsTile, RiskTile, RoiTile, SeverityCount, SpendRow, SpendTile, SpendView, SystemAdoptionRow,
    UnconvertedMoney,
};
pub use bench::{StoreFloor, StoreFloorTable, bench_store_floor};
pub use catalog::Catalog;
pub use charts::{ChartFormat, ChartKind, ChartRequest, ChartTheme};
pub use error::{ApiError, ApiResult, ErrorCode};
pub use facts::AnalyticsWarmup;
pub use imports::{
    AttributionApplied, AttributionRule, AttributionRuleDraft, AttributionRuleId, AttributionSource, ImportBatch,
    ImportIssue, ImportProgress, ImportReport, ImportRequest, MoneyTotal, ObservationTotal, PresetInfo, PreviewLine,
    SkipReason, UnattributedValue, UndoReport, attribution_sources, import_presets,
};
pub use lists::{ListFilter, ListRequest, Page};
pub use mapping::{
    ColumnMapping, DateOrder, FieldMapping, MappingSuggestion, MappingTarget, TargetField, target_fields,
};
pub use portfolio::{
    AuditEvent, AuditReport, CountByValue, DemoLoadReport, PortfolioInfo, PortfolioSummary, RenewalDue,
};
pub use posture::{FunnelRow, HighRiskSystem, KilledRow, PipelineView, RenewalRow, RiskPosture, StageRow, TierCount};
pub use session::{Session, SessionState};
pub use settings::{BudgetEntry, FxRateEntry};
pub use value::{
    AssumptionDraft, BreakevenView, DateRange, InitiativeValue, InitiativeValueRow, MoneyRange, RatioRange,
    ValueOverview,
};

use std::path::Path;

use crate::domain::{
    Contract, ContractDraft, ContractId, Initiative, InitiativeDraft, InitiativeId, System, SystemDraft, SystemId,
    Vendor, VendorDraft, VendorId,
};
use crate::store::Store;

/// An open portfolio and the person working on it.
pub struct App {
    store: Store,
    actor: String,
    /// The analytics facts last read, shared with the thread that reads them ahead.
    facts_cache: std::sync::Arc<facts::FactsCache>,
}

impl App {
    /// Creates a new, empty portfolio file. Errors with `FileExists` if `path` exists.
    pub fn create(path: &Path) -> ApiResult<App> {
        Ok(App::with_store(Store::create(path)?))
    }

    /// Opens a portfolio file, migrating an older one after a backup copy. A file that is not
    /// a portfolio, is damaged or comes from a newer Steward is refused (`FileUnusable`) and
    /// left untouched. A file without write permission opens read-only.
    pub fn open(path: &Path) -> ApiResult<App> {
        Ok(App::with_store(Store::open(path)?))
    }

    /// An empty portfolio in memory (tests, dry runs).
    pub fn in_memory() -> ApiResult<App> {
        Ok(App::with_store(Store::in_memory()?))
    }

    fn with_store(store: Store) -> App {
        App { store, actor: os_user(), facts_cache: std::sync::Arc::default() }
    }

    /// Records changes under `actor` instead of the OS user (tests, imports on behalf of someone).
    pub fn with_actor(mut self, actor: impl Into<String>) -> App {
        self.actor = actor.into();
        self
    }

    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// Writes a consistent copy of the portfolio to `dest`, which must not exist yet.
    pub fn save_copy(&self, dest: &Path) -> ApiResult<()> {
        Ok(self.store.save_copy(dest)?)
    }

    // Systems ------------------------------------------------------------------------------

    /// Lists live systems. Sort and filter keys outside the allowed set are a `Validation` error.
    pub fn system_list(&self, request: &ListRequest) -> ApiResult<Page<System>> {
        self.list_of(request)
    }
    pub fn system_get(&self, id: SystemId) -> ApiResult<System> {
        self.get_one(id.0)
    }
    /// Validates and stores a new system; field errors come back as `Validation`.
    pub fn system_create(&mut self, draft: &SystemDraft) -> ApiResult<System> {
        self.create_one(draft)
    }
    pub fn system_update(&mut self, id: SystemId, draft: &SystemDraft) -> ApiResult<System> {
        self.update_one(id.0, draft)
    }
    /// Deletes a system; [`App::system_restore`] undoes it exactly (links and history kept).
    pub fn system_delete(&mut self, id: SystemId) -> ApiResult<()> {
        self.delete_one::<System>(id.0)
    }
    pub fn system_restore(&mut self, id: SystemId) -> ApiResult<System> {
        self.restore_one(id.0)
    }

    // Vendors ------------------------------------------------------------------------------

    pub fn vendor_list(&self, request: &ListRequest) -> ApiResult<Page<Vendor>> {
        self.list_of(request)
    }
    pub fn vendor_get(&self, id: VendorId) -> ApiResult<Vendor> {
        self.get_one(id.0)
    }
    pub fn vendor_create(&mut self, draft: &VendorDraft) -> ApiResult<Vendor> {
        self.create_one(draft)
    }
    pub fn vendor_update(&mut self, id: VendorId, draft: &VendorDraft) -> ApiResult<Vendor> {
        self.update_one(id.0, draft)
    }
    /// Refused with `Conflict` while live systems or contracts still name the vendor.
    pub fn vendor_delete(&mut self, id: VendorId) -> ApiResult<()> {
        self.delete_one::<Vendor>(id.0)
    }
    pub fn vendor_restore(&mut self, id: VendorId) -> ApiResult<Vendor> {
        self.restore_one(id.0)
    }

    // Contracts ----------------------------------------------------------------------------

    pub fn contract_list(&self, request: &ListRequest) -> ApiResult<Page<Contract>> {
        self.list_of(request)
    }
    pub fn contract_get(&self, id: ContractId) -> ApiResult<Contract> {
        self.get_one(id.0)
    }
    pub fn contract_create(&mut self, draft: &ContractDraft) -> ApiResult<Contract> {
        self.create_one(draft)
    }
    pub fn contract_update(&mut self, id: ContractId, draft: &ContractDraft) -> ApiResult<Contract> {
        self.update_one(id.0, draft)
    }
    pub fn contract_delete(&mut self, id: ContractId) -> ApiResult<()> {
        self.delete_one::<Contract>(id.0)
    }
    pub fn contract_restore(&mut self, id: ContractId) -> ApiResult<Contract> {
        self.restore_one(id.0)
    }

    // Initiatives --------------------------------------------------------------------------

    pub fn initiative_list(&self, request: &ListRequest) -> ApiResult<Page<Initiative>> {
        self.list_of(request)
    }
    pub fn initiative_get(&self, id: InitiativeId) -> ApiResult<Initiative> {
        self.get_one(id.0)
    }
    /// A stage change (on create or update) is also kept in the initiative's stage history.
    pub fn initiative_create(&mut self, draft: &InitiativeDraft) -> ApiResult<Initiative> {
        self.create_one(draft)
    }
    pub fn initiative_update(&mut self, id: InitiativeId, draft: &InitiativeDraft) -> ApiResult<Initiative> {
        self.update_one(id.0, draft)
    }
    pub fn initiative_delete(&mut self, id: InitiativeId) -> ApiResult<()> {
        self.delete_one::<Initiative>(id.0)
    }
    pub fn initiative_restore(&mut self, id: InitiativeId) -> ApiResult<Initiative> {
        self.restore_one(id.0)
    }
}

/// The person changes are recorded under: the OS login name.
fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown user".to_owned())
}

/// Now, in UTC, as stored in `created_at`, `updated_at` and audit events.
fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
