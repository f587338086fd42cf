//! A tiny harness: fresh portfolios, valid drafts, and the fixture folder.

use std::path::PathBuf;

use steward_core::api::App;
use steward_core::domain::{
    ContractDraft, ContractStatus, LifecycleState, SystemDraft, SystemType, UsagePolicy, VendorDraft, VendorId,
};

pub fn app() -> App {
    App::in_memory().expect("an in-memory portfolio opens").with_actor("test-user")
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

pub fn system(code: &str, name: &str) -> SystemDraft {
    SystemDraft {
        code: code.into(),
        name: name.into(),
        system_type: Some(SystemType::SaasTool),
        lifecycle_state: Some(LifecycleState::Production),
        usage_policy: Some(UsagePolicy::Approved),
        ..SystemDraft::default()
    }
}

pub fn vendor(name: &str) -> VendorDraft {
    VendorDraft { name: name.into(), ..VendorDraft::default() }
}

pub fn contract(vendor: VendorId, name: &str) -> ContractDraft {
    ContractDraft {
        vendor_id: Some(vendor),
        name: name.into(),
        status: Some(ContractStatus::Active),
        ..ContractDraft::default()
    }
}

pub fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}
