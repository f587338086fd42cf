use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ContractId, ContractStatus, Currency, PricingModel, SystemId, Validation, VendorId, parse_decimal_micros};

/// What a person types into the contract form. Money is typed text ("120,000.00"), parsed
/// exactly here so the UI never does arithmetic on money.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ContractDraft {
    pub vendor_id: Option<VendorId>,
    /// The reference on the paperwork, e.g. `CTR-2025-014`.
    pub contract_ref: String,
    pub name: String,
    pub status: Option<ContractStatus>,
    pub pricing_model: Option<PricingModel>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub auto_renew: bool,
    #[ts(type = "number | null")]
    pub notice_period_days: Option<u32>,
    /// Total contract value as a decimal string in `currency`.
    pub total_value: String,
    /// Annual value as a decimal string in `currency`.
    pub annual_value: String,
    pub currency: String,
    #[ts(type = "number | null")]
    pub seats_purchased: Option<u32>,
    pub owner: String,
    pub cost_center: String,
    pub dpa_signed: Option<bool>,
    pub system_ids: Vec<SystemId>,
    pub notes: String,
}

impl ContractDraft {
    pub fn validate(&self, v: &mut Validation) {
        if self.vendor_id.is_none() {
            v.error("vendor_id", "Choose the vendor this contract is with");
        }
        v.required("name", "Name", &self.name);
        v.max_len("name", "Name", &self.name, 200);
        v.max_len("contract_ref", "Reference", &self.contract_ref, 80);
        if self.status.is_none() {
            v.error("status", "Choose a status");
        }
        v.dates_in_order("end_date", "End date", "start date", self.start_date, self.end_date);
        if let Some(days) = self.notice_period_days
            && days > 730
        {
            v.error("notice_period_days", "Notice period must be at most 730 days");
        }
        let mut has_money = false;
        for (field, label, text) in
            [("total_value", "Total value", &self.total_value), ("annual_value", "Annual value", &self.annual_value)]
        {
            if text.trim().is_empty() {
                continue;
            }
            has_money = true;
            match parse_decimal_micros(text) {
                Ok(micros) if micros < 0 => v.error(field, format!("{label} cannot be negative")),
                Ok(_) => {}
                Err(e) => v.error(field, format!("{label} {e}: enter an amount such as 120000.00")),
            }
        }
        let currency = self.currency.trim();
        if currency.is_empty() {
            if has_money {
                v.error("currency", "Currency is required when a value is given");
            }
        } else if Currency::parse(currency).is_none() {
            v.error("currency", format!("\"{currency}\" is not an ISO 4217 currency code such as USD or EUR"));
        }
    }

    /// The last day notice can be given: end date minus the notice period.
    pub fn cancel_by(&self) -> Option<NaiveDate> {
        let end = self.end_date?;
        end.checked_sub_days(Days::new(u64::from(self.notice_period_days.unwrap_or(0))))
    }
}

/// A contract as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Contract {
    pub id: ContractId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ContractDraft,
    pub vendor_name: Option<String>,
    /// End date minus notice period: after this day the contract renews or ends as written.
    pub cancel_by: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn cancel_by_crosses_month_ends_and_leap_days() {
        let draft =
            ContractDraft { end_date: Some(date(2028, 3, 31)), notice_period_days: Some(31), ..Default::default() };
        assert_eq!(draft.cancel_by(), Some(date(2028, 2, 29)), "31 days before 31 March 2028 is the leap day");
        let no_notice = ContractDraft { end_date: Some(date(2027, 1, 1)), ..Default::default() };
        assert_eq!(no_notice.cancel_by(), Some(date(2027, 1, 1)), "without notice the end date is the deadline");
    }

    #[test]
    fn validation_names_each_bad_field() {
        let draft = ContractDraft {
            name: "Enterprise".into(),
            status: Some(ContractStatus::Active),
            vendor_id: Some(VendorId(1)),
            start_date: Some(date(2026, 5, 1)),
            end_date: Some(date(2026, 4, 30)),
            total_value: "12,0x".into(),
            currency: "EURO".into(),
            ..Default::default()
        };
        let mut v = Validation::default();
        draft.validate(&mut v);
        let fields: Vec<String> =
            v.finish().expect_err("three fields are wrong").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["end_date", "total_value", "currency"], "each problem is reported beside its field");
    }
}
