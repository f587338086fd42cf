//! Spend: by month and by any dimension, against contracted commitment and budget, with run-rate
//! and a year-end forecast. Every figure is in the reporting currency of one cost basis; money
//! with no FX rate is carried as unconverted, never summed in.

use std::collections::BTreeMap;
use std::hash::Hash;
use std::sync::Arc;

use chrono::NaiveDate;

use super::fx::{Converted, FxTable};
use super::period::{add_months, month_end, month_start, months_between};

/// Stored cost, summed per month and the dimensions the screens break it down by.
#[derive(Debug, Clone, PartialEq)]
pub struct SpendFact {
    /// The first day of the month the cost falls in.
    pub month: NaiveDate,
    pub vendor_id: Option<i64>,
    pub system_id: Option<i64>,
    pub initiative_id: Option<i64>,
    /// The line's department, else its system's. Texts are shared: a portfolio has a handful
    /// of departments, currencies and bases, and hundreds of thousands of facts.
    pub department: Arc<str>,
    pub currency: Arc<str>,
    pub basis: Arc<str>,
    pub micros: i64,
}

impl SpendFact {
    /// Cost no attribution rule or import tied to a system or an initiative.
    pub fn is_unattributed(&self) -> bool {
        self.system_id.is_none() && self.initiative_id.is_none()
    }
}

/// The spend of one cost basis (billed and amortized are never added together), each fact
/// converted into the reporting currency once and kept in month order, so that every figure
/// is a sum over the months it covers rather than a pass that converts the whole history.
#[derive(Debug, Clone, Default)]
pub struct SpendLedger {
    facts: Vec<SpendFact>,
    /// `facts[i]` in the reporting currency; `None` where no rate is valid in its month.
    reporting: Vec<Option<i64>>,
}

impl SpendLedger {
    pub fn new(facts: impl IntoIterator<Item = SpendFact>, basis: &str, fx: &FxTable) -> SpendLedger {
        let mut facts: Vec<SpendFact> = facts.into_iter().filter(|f| &*f.basis == basis).collect();
        facts.sort_by_key(|f| f.month);
        // One rate lookup per currency and month, not per fact.
        let mut rates: Vec<(Arc<str>, NaiveDate, Option<rust_decimal::Decimal>)> = Vec::new();
        let reporting = facts
            .iter()
            .map(|f| {
                let rate = match rates.iter().rev().find(|(c, m, _)| *m == f.month && c == &f.currency) {
                    Some((_, _, rate)) => *rate,
                    None => {
                        let rate = fx.rate(&f.currency, f.month);
                        rates.push((Arc::clone(&f.currency), f.month, rate));
                        rate
                    }
                };
                rate.and_then(|rate| super::fx::apply_rate(f.micros, rate))
            })
            .collect();
        SpendLedger { facts, reporting }
    }

    /// Every fact of the basis, in month order.
    pub fn facts(&self) -> &[SpendFact] {
        &self.facts
    }

    /// The facts of the months `[from, to]` with their converted amounts.
    pub fn entries(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (&SpendFact, Option<i64>)> {
        let (from, to) = (month_start(from), month_start(to));
        let start = self.facts.partition_point(|f| f.month < from);
        let end = self.facts.partition_point(|f| f.month <= to).max(start);
        self.facts[start..end].iter().zip(self.reporting[start..end].iter().copied())
    }

    /// Every fact with its converted amount, in month order.
    pub fn all_entries(&self) -> impl Iterator<Item = (&SpendFact, Option<i64>)> {
        self.facts.iter().zip(self.reporting.iter().copied())
    }

    /// The first month with cost, if any.
    pub fn first_month(&self) -> Option<NaiveDate> {
        self.facts.first().map(|f| f.month)
    }

    /// Spend in the months `[from, to]`.
    pub fn total(&self, from: NaiveDate, to: NaiveDate) -> Converted {
        self.total_where(from, to, |_| true)
    }

    /// Spend in the months `[from, to]` that `keep` accepts (unattributed, on a set of systems, …).
    pub fn total_where(&self, from: NaiveDate, to: NaiveDate, keep: impl Fn(&SpendFact) -> bool) -> Converted {
        let mut sum = Converted::default();
        for (fact, reporting) in self.entries(from, to).filter(|(f, _)| keep(f)) {
            sum.add_converted(reporting, fact.micros, &fact.currency);
        }
        sum
    }

    /// One sum per month of `months` (in ascending order).
    pub fn by_month(&self, months: &[NaiveDate]) -> Vec<Converted> {
        let mut sums = vec![Converted::default(); months.len()];
        let (Some(first), Some(last)) = (months.first(), months.last()) else { return sums };
        for (fact, reporting) in self.entries(*first, *last) {
            if let Ok(i) = months.binary_search(&fact.month) {
                sums[i].add_converted(reporting, fact.micros, &fact.currency);
            }
        }
        sums
    }

    /// Spend in the months `[from, to]` grouped by `key` (vendor, system, department, …), largest
    /// first. A `None` key is the spend that has no value for the dimension (say, unattributed).
    pub fn by_key<K: Eq + Hash + Clone + Ord>(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        key: impl Fn(&SpendFact) -> Option<K>,
    ) -> Vec<(Option<K>, Converted)> {
        let mut groups: BTreeMap<Option<K>, Converted> = BTreeMap::new();
        for (fact, reporting) in self.entries(from, to) {
            groups.entry(key(fact)).or_default().add_converted(reporting, fact.micros, &fact.currency);
        }
        let mut groups: Vec<_> = groups.into_iter().collect();
        groups.sort_by_key(|group| std::cmp::Reverse(group.1.micros));
        groups
    }

    /// Monthly spend per key for the `top` keys by total, the rest folded into one `None` series
    /// ("Other" on a chart). Only converted money is drawn; the caller states what was not.
    pub fn monthly_top<K: Eq + Hash + Clone + Ord>(
        &self,
        months: &[NaiveDate],
        top: usize,
        key: impl Fn(&SpendFact) -> Option<K>,
    ) -> Vec<(Option<K>, Vec<i64>)> {
        let (Some(first), Some(last)) = (months.first(), months.last()) else { return Vec::new() };
        let ranked = self.by_key(*first, *last, &key);
        let kept: Vec<K> = ranked.iter().filter_map(|(k, _)| k.clone()).take(top).collect();
        let slot_of: std::collections::HashMap<K, usize> =
            kept.iter().enumerate().map(|(i, k)| (k.clone(), i)).collect();
        let mut series: Vec<(Option<K>, Vec<i64>)> =
            kept.iter().map(|k| (Some(k.clone()), vec![0; months.len()])).collect();
        let mut other = vec![0_i64; months.len()];
        for (fact, reporting) in self.entries(*first, *last) {
            let (Ok(i), Some(micros)) = (months.binary_search(&fact.month), reporting) else { continue };
            let slot = match key(fact).and_then(|k| slot_of.get(&k)) {
                Some(s) => &mut series[*s].1[i],
                None => &mut other[i],
            };
            *slot = slot.saturating_add(micros);
        }
        if other.iter().any(|m| *m != 0) {
            series.push((None, other));
        }
        series
    }

    /// The (up to) three months up to `last_month` that a run-rate averages: never months before
    /// the first cost, so one month of data is not diluted by empty months.
    pub fn recent_months(&self, last_month: NaiveDate) -> Vec<NaiveDate> {
        let last_month = month_start(last_month);
        let first = self.first_month().filter(|first| *first <= last_month);
        let from = add_months(last_month, -2).max(first.unwrap_or(last_month));
        months_between(from, last_month)
    }

    /// Spend to the end of the year of `last_month`: the year's actuals so far plus the average
    /// of the last (up to) three months for every month still to come.
    pub fn forecast_year_end(&self, last_month: NaiveDate) -> Converted {
        let last_month = month_start(last_month);
        let year_start = NaiveDate::from_ymd_opt(chrono::Datelike::year(&last_month), 1, 1).unwrap_or(last_month);
        let mut forecast = self.total(year_start, last_month);
        let monthly: Vec<i64> = self.by_month(&self.recent_months(last_month)).iter().map(|c| c.micros).collect();
        let remaining = 12 - i64::from(chrono::Datelike::month(&last_month));
        forecast.micros = forecast.micros.saturating_add(run_rate(&monthly) / 12 * remaining);
        forecast
    }
}

/// Annualised run-rate: the average of the last (up to) three months × 12.
pub fn run_rate(monthly: &[i64]) -> i64 {
    let recent = &monthly[monthly.len().saturating_sub(3)..];
    if recent.is_empty() {
        return 0;
    }
    let sum: i128 = recent.iter().map(|m| i128::from(*m)).sum();
    clamp(sum * 12 / recent.len() as i128)
}

/// What a contract commits to, for the monthly comparison with actual spend.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub annual_micros: Option<i64>,
    pub total_micros: Option<i64>,
    pub currency: String,
}

/// A contract's commitment in `month`, in its own currency: its annual value / 12 for each
/// month of the term (part months by the days covered); with only a total value, the total
/// spread evenly over the days of the term.
pub fn commitment_in(contract: &Commitment, month: NaiveDate) -> i64 {
    let covered = days_overlap(contract.start, contract.end, month_start(month), month_end(month));
    if covered == 0 {
        return 0;
    }
    let days_in_month = days_overlap(month_start(month), month_end(month), month_start(month), month_end(month));
    match (contract.annual_micros, contract.total_micros) {
        (Some(annual), _) => clamp(i128::from(annual) * covered as i128 / (12 * days_in_month as i128)),
        (None, Some(total)) => {
            let term = days_overlap(contract.start, contract.end, contract.start, contract.end);
            clamp(i128::from(total) * covered as i128 / term.max(1) as i128)
        }
        (None, None) => 0,
    }
}

/// A budget over a period, spread evenly over its days.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub scope_type: String,
    pub scope_value: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub micros: i64,
    pub currency: String,
}

pub fn budget_in(budget: &Budget, month: NaiveDate) -> i64 {
    let covered = days_overlap(budget.start, budget.end, month_start(month), month_end(month));
    let term = days_overlap(budget.start, budget.end, budget.start, budget.end);
    clamp(i128::from(budget.micros) * covered as i128 / term.max(1) as i128)
}

/// Actual spend, commitment and budget per month, each converted, for the comparison chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpendAgainstPlan {
    pub actual: Vec<Converted>,
    pub commitment: Vec<Converted>,
    pub budget: Vec<Converted>,
}

pub fn against_plan(
    spend: &SpendLedger,
    fx: &FxTable,
    commitments: &[Commitment],
    budgets: &[Budget],
    months: &[NaiveDate],
) -> SpendAgainstPlan {
    let mut plan = SpendAgainstPlan { actual: spend.by_month(months), ..Default::default() };
    for month in months {
        let mut committed = Converted::default();
        for contract in commitments {
            committed.add(fx, commitment_in(contract, *month), &contract.currency, *month);
        }
        let mut budgeted = Converted::default();
        for budget in budgets {
            budgeted.add(fx, budget_in(budget, *month), &budget.currency, *month);
        }
        plan.commitment.push(committed);
        plan.budget.push(budgeted);
    }
    plan
}

/// Running totals, for cumulative lines.
pub fn cumulative(values: &[i64]) -> Vec<i64> {
    values
        .iter()
        .scan(0_i64, |sum, v| {
            *sum = sum.saturating_add(*v);
            Some(*sum)
        })
        .collect()
}

/// Days the two inclusive ranges share.
fn days_overlap(a_start: NaiveDate, a_end: NaiveDate, b_start: NaiveDate, b_end: NaiveDate) -> i64 {
    let (start, end) = (a_start.max(b_start), a_end.min(b_end));
    if end < start { 0 } else { (end - start).num_days() + 1 }
}

fn clamp(value: i128) -> i64 {
    value.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::fx::FxRate;
    use rust_decimal::Decimal;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn fact(month: &str, vendor: i64, system: Option<i64>, currency: &str, basis: &str, units: i64) -> SpendFact {
        SpendFact {
            month: d(month),
            vendor_id: Some(vendor),
            system_id: system,
            initiative_id: None,
            department: "".into(),
            currency: currency.into(),
            basis: basis.into(),
            micros: units * 1_000_000,
        }
    }

    fn usd_at(rate: &str) -> FxTable {
        FxTable::new(
            "EUR",
            &[FxRate {
                from: "USD".into(),
                to: "EUR".into(),
                valid_from: d("2020-01-01"),
                rate: rate.parse::<Decimal>().expect("rate"),
            }],
        )
    }

    #[test]
    fn billed_and_amortized_are_never_added_together() {
        let facts = [
            fact("2026-01-01", 1, Some(1), "EUR", "billed", 100),
            fact("2026-01-01", 1, Some(1), "EUR", "amortized", 40),
        ];
        let fx = FxTable::new("EUR", &[]);
        let billed = SpendLedger::new(facts.clone(), "billed", &fx);
        let amortized = SpendLedger::new(facts, "amortized", &fx);
        assert_eq!(billed.total(d("2026-01-01"), d("2026-01-01")).micros, 100_000_000);
        assert_eq!(amortized.total(d("2026-01-01"), d("2026-01-01")).micros, 40_000_000);
    }

    #[test]
    fn a_portfolio_in_eur_with_usd_costs_and_no_rate_reports_the_usd_as_unconverted() {
        let facts =
            [fact("2026-01-01", 1, Some(1), "EUR", "billed", 100), fact("2026-01-01", 2, None, "USD", "billed", 250)];
        let sum = SpendLedger::new(facts.clone(), "billed", &FxTable::new("EUR", &[]))
            .total(d("2026-01-01"), d("2026-12-01"));
        assert_eq!(sum.micros, 100_000_000);
        assert_eq!(sum.unconverted.get("USD"), Some(&250_000_000));
        let with_rate = SpendLedger::new(facts, "billed", &usd_at("0.9")).total(d("2026-01-01"), d("2026-12-01"));
        assert_eq!((with_rate.micros, with_rate.is_complete()), (325_000_000, true));
    }

    #[test]
    fn spend_by_vendor_is_largest_first_and_unattributed_is_its_own_group() {
        let facts = [
            fact("2026-01-01", 1, Some(1), "EUR", "billed", 10),
            fact("2026-02-01", 2, None, "EUR", "billed", 30),
            fact("2026-02-01", 1, Some(2), "EUR", "billed", 5),
        ];
        let ledger = SpendLedger::new(facts, "billed", &FxTable::new("EUR", &[]));
        let vendors = ledger.by_key(d("2026-01-01"), d("2026-02-01"), |f| f.vendor_id);
        assert_eq!(
            vendors.iter().map(|(k, c)| (*k, c.micros)).collect::<Vec<_>>(),
            vec![(Some(2), 30_000_000), (Some(1), 15_000_000)]
        );
        let systems = ledger.by_key(d("2026-01-01"), d("2026-02-01"), |f| f.system_id);
        assert_eq!(
            systems[0],
            (None, Converted { micros: 30_000_000, ..Default::default() }),
            "unattributed shown, not hidden"
        );
    }

    #[test]
    fn the_top_series_are_kept_and_the_rest_fold_into_other() {
        let facts = [
            fact("2026-01-01", 1, None, "EUR", "billed", 50),
            fact("2026-01-01", 2, None, "EUR", "billed", 40),
            fact("2026-02-01", 3, None, "EUR", "billed", 7),
            fact("2026-02-01", 4, None, "EUR", "billed", 3),
        ];
        let months = [d("2026-01-01"), d("2026-02-01")];
        let series =
            SpendLedger::new(facts, "billed", &FxTable::new("EUR", &[])).monthly_top(&months, 2, |f| f.vendor_id);
        assert_eq!(
            series,
            vec![(Some(1), vec![50_000_000, 0]), (Some(2), vec![40_000_000, 0]), (None, vec![0, 10_000_000])]
        );
    }

    #[test]
    fn run_rate_and_forecast_use_the_last_three_months() {
        assert_eq!(run_rate(&[1, 100, 200, 300]), 2_400, "(100 + 200 + 300) / 3 × 12");
        assert_eq!(run_rate(&[50]), 600, "one month of data");
        assert_eq!(run_rate(&[]), 0, "empty portfolio");
        // Jan–Mar 2026: 10, 20, 30 → year to date 60 + 9 months × 20 = 240.
        let facts = [
            fact("2026-01-01", 1, None, "EUR", "billed", 10),
            fact("2026-02-01", 1, None, "EUR", "billed", 20),
            fact("2026-03-01", 1, None, "EUR", "billed", 30),
            fact("2025-12-01", 1, None, "EUR", "billed", 999),
        ];
        let ledger = SpendLedger::new(facts, "billed", &FxTable::new("EUR", &[]));
        assert_eq!(ledger.forecast_year_end(d("2026-03-01")).micros, 240_000_000);
        // One month of data: its run-rate is that month × 12, not diluted by empty months.
        let one = [fact("2026-10-01", 1, None, "EUR", "billed", 30)];
        let one = SpendLedger::new(one, "billed", &FxTable::new("EUR", &[]));
        assert_eq!(one.recent_months(d("2026-10-01")), vec![d("2026-10-01")]);
        assert_eq!(one.forecast_year_end(d("2026-10-01")).micros, 90_000_000);
    }

    #[test]
    fn a_contract_spreads_its_annual_value_over_the_months_of_its_term() {
        // 12,000 a year from 15 Jan 2026: January holds 17 of 31 days → 1,000 × 17 / 31 = 548.387096.
        let contract = Commitment {
            start: d("2026-01-15"),
            end: d("2027-01-14"),
            annual_micros: Some(12_000_000_000),
            total_micros: None,
            currency: "EUR".into(),
        };
        assert_eq!(commitment_in(&contract, d("2026-01-01")), 548_387_096);
        assert_eq!(commitment_in(&contract, d("2026-02-01")), 1_000_000_000);
        assert_eq!(commitment_in(&contract, d("2025-12-01")), 0);
        assert_eq!(commitment_in(&contract, d("2027-01-01")), 451_612_903, "14 of 31 days");
    }

    #[test]
    fn a_contract_with_only_a_total_spreads_it_evenly_over_its_days() {
        // 366 days in the leap year 2028: 36,600 → 100 a day; February 2028 has 29 days.
        let contract = Commitment {
            start: d("2028-01-01"),
            end: d("2028-12-31"),
            annual_micros: None,
            total_micros: Some(36_600_000_000),
            currency: "EUR".into(),
        };
        assert_eq!(commitment_in(&contract, d("2028-02-01")), 2_900_000_000);
        let spread: i64 =
            months_between(d("2028-01-01"), d("2028-12-01")).iter().map(|m| commitment_in(&contract, *m)).sum();
        assert_eq!(spread, 36_600_000_000, "the months add up to the total");
    }

    #[test]
    fn actuals_commitment_and_budget_are_compared_in_the_reporting_currency() {
        let facts = [fact("2026-01-01", 1, Some(1), "USD", "billed", 1_000)];
        let commitments = [Commitment {
            start: d("2026-01-01"),
            end: d("2026-12-31"),
            annual_micros: Some(24_000_000_000),
            total_micros: None,
            currency: "USD".into(),
        }];
        let budgets = [Budget {
            scope_type: "portfolio".into(),
            scope_value: String::new(),
            start: d("2026-01-01"),
            end: d("2026-12-31"),
            micros: 36_500_000_000,
            currency: "EUR".into(),
        }];
        let fx = usd_at("0.5");
        let plan =
            against_plan(&SpendLedger::new(facts, "billed", &fx), &fx, &commitments, &budgets, &[d("2026-01-01")]);
        assert_eq!(plan.actual[0].micros, 500_000_000);
        assert_eq!(plan.commitment[0].micros, 1_000_000_000, "2,000 USD a month at 0.5");
        assert_eq!(plan.budget[0].micros, 3_100_000_000, "36,500 over 365 days × 31");
        assert_eq!(cumulative(&[1, 2, 3]), vec![1, 3, 6]);
    }
}
