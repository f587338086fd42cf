//! Renewals: what must be decided (cancelled or renewed) in the next 30 / 90 / 120 days.

use chrono::{Days, NaiveDate};

/// A contract still running, as the renewal view needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalFact {
    pub contract_id: i64,
    pub end: Option<NaiveDate>,
    pub notice_period_days: Option<u32>,
    pub auto_renew: bool,
}

/// The last day notice can be given: end date minus the notice period.
pub fn cancel_by(end: NaiveDate, notice_period_days: Option<u32>) -> Option<NaiveDate> {
    end.checked_sub_days(Days::new(u64::from(notice_period_days.unwrap_or(0))))
}

#[derive(Debug, Clone, PartialEq)]
pub struct RenewalDecision {
    pub contract_id: i64,
    pub end: NaiveDate,
    pub cancel_by: NaiveDate,
    pub days_to_cancel_by: i64,
    /// The cancel-by day has passed but the contract has not ended: it renews (or lapses) as
    /// written unless the vendor agrees otherwise.
    pub too_late_to_cancel: bool,
}

/// Contracts whose cancel-by date falls within `days` of `today`, plus those past cancel-by
/// that end within the window; soonest first.
pub fn due_within(contracts: &[RenewalFact], today: NaiveDate, days: u32) -> Vec<RenewalDecision> {
    let horizon = today.checked_add_days(Days::new(u64::from(days))).unwrap_or(today);
    let mut due: Vec<RenewalDecision> = contracts
        .iter()
        .filter_map(|c| {
            let end = c.end?;
            let cancel_by = cancel_by(end, c.notice_period_days)?;
            let too_late = cancel_by < today && today <= end;
            let in_window = (today <= cancel_by && cancel_by <= horizon) || (too_late && end <= horizon);
            in_window.then(|| RenewalDecision {
                contract_id: c.contract_id,
                end,
                cancel_by,
                days_to_cancel_by: (cancel_by - today).num_days(),
                too_late_to_cancel: too_late,
            })
        })
        .collect();
    due.sort_by_key(|d| (d.cancel_by, d.contract_id));
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[rstest]
    #[case::over_a_month_end("2026-03-31", 30, "2026-03-01")]
    #[case::into_a_leap_february("2028-03-30", 30, "2028-02-29")]
    #[case::over_a_year_end("2027-01-15", 90, "2026-10-17")]
    #[case::no_notice("2026-06-30", 0, "2026-06-30")]
    fn cancel_by_is_the_end_minus_the_notice_period(#[case] end: &str, #[case] notice: u32, #[case] expected: &str) {
        assert_eq!(cancel_by(d(end), Some(notice)), Some(d(expected)));
    }

    #[test]
    fn the_window_holds_decisions_due_and_contracts_past_cancel_by() {
        let contract = |id, end: &str, notice| RenewalFact {
            contract_id: id,
            end: Some(d(end)),
            notice_period_days: Some(notice),
            auto_renew: true,
        };
        let contracts = [
            contract(1, "2027-02-28", 90), // cancel by 30 Nov 2026
            contract(2, "2026-12-15", 60), // cancel by 16 Oct: too late
            contract(3, "2027-06-30", 30), // cancel by 31 May 2027
            contract(4, "2026-11-01", 0),  // ended
            RenewalFact { contract_id: 5, end: None, notice_period_days: None, auto_renew: false }, // open-ended
        ];
        let due = due_within(&contracts, d("2026-11-22"), 30);
        assert_eq!(
            due.iter().map(|r| (r.contract_id, r.too_late_to_cancel)).collect::<Vec<_>>(),
            vec![(2, true), (1, false)]
        );
        assert_eq!(due[1].days_to_cancel_by, 8);
        assert_eq!(due_within(&contracts, d("2026-11-22"), 190).len(), 3);
    }
}
