//! Reporting periods (month, quarter, year) and month arithmetic on the first of each month.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The length of a reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

impl PeriodKind {
    fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        }
    }
}

/// A calendar month, quarter or year: `start` is its first day, `end` its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The period of `kind` that contains `date`.
    pub fn containing(kind: PeriodKind, date: NaiveDate) -> Period {
        let first_month = match kind {
            PeriodKind::Month => date.month(),
            PeriodKind::Quarter => (date.month() - 1) / 3 * 3 + 1,
            PeriodKind::Year => 1,
        };
        let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1).unwrap_or(date);
        Period { kind, start, end: month_end(add_months(start, kind.months() as i32 - 1)) }
    }

    /// The period of the same length just before this one.
    pub fn previous(&self) -> Period {
        Period::containing(self.kind, add_months(self.start, -1))
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The first day of each month in the period.
    pub fn months(&self) -> Vec<NaiveDate> {
        months_between(self.start, self.end)
    }

    /// How people write it: "Oct 2026", "Q4 2026", "2026".
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Month => self.start.format("%b %Y").to_string(),
            PeriodKind::Quarter => format!("Q{} {}", (self.start.month() - 1) / 3 + 1, self.start.year()),
            PeriodKind::Year => self.start.year().to_string(),
        }
    }
}

/// A run of whole months with the label people read: "Oct 2026", "Jul–Aug 2026", "Q3 2026".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub label: String,
}

impl Period {
    /// The period as far as data goes, and the same months at the start of the period before,
    /// so a quarter with one month of data is compared with one month, not three.
    pub fn compared_to_date(&self, last_month: Option<NaiveDate>) -> (Span, Span) {
        let previous = self.previous();
        let through = last_month.map(month_end).filter(|end| self.contains(*end) && *end < self.end);
        match through {
            None => (
                Span { start: self.start, end: self.end, label: self.label() },
                Span { start: previous.start, end: previous.end, label: previous.label() },
            ),
            Some(end) => {
                let months = months_apart(self.start, end);
                let previous_end = month_end(add_months(previous.start, months));
                (
                    Span { start: self.start, end, label: format!("{} to date", self.label()) },
                    Span {
                        start: previous.start,
                        end: previous_end,
                        label: months_label(previous.start, previous_end),
                    },
                )
            }
        }
    }
}

/// "Jul 2026", "Jul–Aug 2026", "Dec 2025–Jan 2026".
fn months_label(start: NaiveDate, end: NaiveDate) -> String {
    if month_start(start) == month_start(end) {
        start.format("%b %Y").to_string()
    } else if start.year() == end.year() {
        format!("{}–{}", start.format("%b"), end.format("%b %Y"))
    } else {
        format!("{}–{}", start.format("%b %Y"), end.format("%b %Y"))
    }
}

/// The first day of `date`'s month.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    add_months(month_start(date), 1).pred_opt().unwrap_or(date)
}

/// `date` moved by whole months (the day clamps to the month's length: 31 Jan + 1 = 28/29 Feb).
pub fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let moved = if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    };
    moved.unwrap_or(date)
}

/// The first day of every month from `from`'s month to `to`'s month, both included.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = month_start(from);
    while month <= to {
        months.push(month);
        month = add_months(month, 1);
    }
    months
}

/// Whole months from `from`'s month to `to`'s month (negative when `to` is earlier).
pub fn months_apart(from: NaiveDate, to: NaiveDate) -> i32 {
    (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[rstest]
    #[case::month(PeriodKind::Month, "2026-02-14", "2026-02-01", "2026-02-28", "Feb 2026")]
    #[case::leap_month(PeriodKind::Month, "2028-02-29", "2028-02-01", "2028-02-29", "Feb 2028")]
    #[case::quarter(PeriodKind::Quarter, "2026-11-22", "2026-10-01", "2026-12-31", "Q4 2026")]
    #[case::first_quarter(PeriodKind::Quarter, "2026-03-31", "2026-01-01", "2026-03-31", "Q1 2026")]
    #[case::year(PeriodKind::Year, "2026-07-04", "2026-01-01", "2026-12-31", "2026")]
    fn a_period_contains_its_date(
        #[case] kind: PeriodKind,
        #[case] date: &str,
        #[case] start: &str,
        #[case] end: &str,
        #[case] label: &str,
    ) {
        let period = Period::containing(kind, d(date));
        assert_eq!((period.start, period.end, period.label()), (d(start), d(end), label.to_owned()));
    }

    #[rstest]
    #[case::month_over_year_end(PeriodKind::Month, "2026-01-10", "2025-12-01", "2025-12-31")]
    #[case::quarter_over_year_end(PeriodKind::Quarter, "2026-02-10", "2025-10-01", "2025-12-31")]
    #[case::year(PeriodKind::Year, "2026-02-10", "2025-01-01", "2025-12-31")]
    fn the_previous_period_is_the_one_just_before(
        #[case] kind: PeriodKind,
        #[case] date: &str,
        #[case] start: &str,
        #[case] end: &str,
    ) {
        let previous = Period::containing(kind, d(date)).previous();
        assert_eq!((previous.start, previous.end), (d(start), d(end)));
    }

    #[test]
    fn a_period_with_part_of_its_data_is_compared_with_the_same_months_before() {
        let q4 = Period::containing(PeriodKind::Quarter, d("2026-11-01"));
        let (now, before) = q4.compared_to_date(Some(d("2026-10-01")));
        assert_eq!((now.end, now.label.as_str()), (d("2026-10-31"), "Q4 2026 to date"));
        assert_eq!((before.start, before.end, before.label.as_str()), (d("2026-07-01"), d("2026-07-31"), "Jul 2026"));
        let (_, two) = q4.compared_to_date(Some(d("2026-11-15")));
        assert_eq!(two.label, "Jul–Aug 2026");
        let year = Period::containing(PeriodKind::Year, d("2026-01-01"));
        let (_, before) = year.compared_to_date(Some(d("2026-01-01")));
        assert_eq!(before.label, "Jan 2025");
        // Complete periods, and data that ends before or after the period, compare whole periods.
        assert_eq!(q4.compared_to_date(Some(d("2026-12-01"))).1.label, "Q3 2026");
        assert_eq!(q4.compared_to_date(None).0.label, "Q4 2026");
        assert_eq!(q4.compared_to_date(Some(d("2025-01-01"))).1.label, "Q3 2026");
    }

    #[test]
    fn month_arithmetic_clamps_to_the_month_length() {
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2028-03-31"), -1), d("2028-02-29"));
        assert_eq!(months_between(d("2025-11-15"), d("2026-02-01")).len(), 4);
        assert_eq!(months_apart(d("2025-11-15"), d("2026-02-01")), 3);
        assert_eq!(month_end(d("2026-12-05")), d("2026-12-31"));
    }
}
