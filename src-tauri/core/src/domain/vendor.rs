use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Criticality, ReviewStatus, Validation, VendorId, VendorType};

/// What a person types into the vendor form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct VendorDraft {
    /// Trading name, unique among vendors (case-insensitive).
    pub name: String,
    pub legal_name: String,
    pub website: String,
    /// ISO 3166-1 alpha-2, e.g. `US`.
    pub country: String,
    pub vendor_type: Option<VendorType>,
    pub criticality: Option<Criticality>,
    pub relationship_owner: String,
    pub review_status: Option<ReviewStatus>,
    pub review_date: Option<NaiveDate>,
    pub trains_on_data: Option<bool>,
    pub data_residency: String,
    pub notes: String,
}

impl VendorDraft {
    pub fn validate(&self, v: &mut Validation) {
        v.required("name", "Name", &self.name);
        v.max_len("name", "Name", &self.name, 200);
        v.max_len("legal_name", "Legal name", &self.legal_name, 300);
        let country = self.country.trim();
        let is_alpha2 = country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic());
        if !country.is_empty() && !is_alpha2 {
            v.error("country", "Use the two-letter country code, e.g. US or DE");
        }
        let website = self.website.trim();
        if !website.is_empty() && (website.contains(char::is_whitespace) || !website.contains('.')) {
            v.error("website", "Enter a web address such as openai.com");
        }
    }
}

/// A vendor as stored, with how much of the portfolio depends on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Vendor {
    pub id: VendorId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: VendorDraft,
    pub system_count: u32,
    pub contract_count: u32,
    pub created_at: String,
    pub updated_at: String,
}
