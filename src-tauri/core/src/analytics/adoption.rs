//! Adoption: seats purchased / assigned / active per system, activation and utilisation, cost
//! per active user and what idle seats cost.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

/// One adoption metric of one system for one month (the last value reported in that month).
#[derive(Debug, Clone, PartialEq)]
pub struct AdoptionFact {
    pub month: NaiveDate,
    pub system_id: i64,
    pub metric: AdoptionMetric,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AdoptionMetric {
    SeatsPurchased,
    SeatsAssigned,
    ActiveUsers,
}

impl AdoptionMetric {
    pub fn from_key(key: &str) -> Option<AdoptionMetric> {
        match key {
            "seats_purchased" => Some(AdoptionMetric::SeatsPurchased),
            "seats_assigned" => Some(AdoptionMetric::SeatsAssigned),
            "active_users" => Some(AdoptionMetric::ActiveUsers),
            _ => None,
        }
    }
}

/// Seats and users of one system in one month; `None` where nothing was reported.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Seats {
    pub purchased: Option<f64>,
    pub assigned: Option<f64>,
    pub active: Option<f64>,
}

impl Seats {
    /// Active users / seats purchased.
    pub fn utilisation(&self) -> Option<f64> {
        ratio(self.active?, self.purchased?)
    }
    /// Active users / seats assigned: of the people given access, how many use it.
    pub fn activation(&self) -> Option<f64> {
        ratio(self.active?, self.assigned?)
    }
    /// Seats paid for and not used in the month.
    pub fn idle(&self) -> Option<f64> {
        Some((self.purchased? - self.active?).max(0.0))
    }
}

/// The adoption of one system over a period, with what it cost per month.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemAdoption {
    pub system_id: i64,
    /// The newest month in the period with any seat or user figure.
    pub month: NaiveDate,
    pub seats: Seats,
    /// Average monthly spend on the system over the period, reporting currency.
    pub monthly_cost_micros: Option<i64>,
}

impl SystemAdoption {
    pub fn cost_per_active_user(&self) -> Option<i64> {
        let active = self.seats.active.filter(|a| *a > 0.0)?;
        Some((self.monthly_cost_micros? as f64 / active).round() as i64)
    }
    /// The share of the monthly cost that pays for idle seats (cost × idle / purchased).
    pub fn idle_cost(&self) -> Option<i64> {
        let purchased = self.seats.purchased.filter(|p| *p > 0.0)?;
        Some((self.monthly_cost_micros? as f64 * self.seats.idle()? / purchased).round() as i64)
    }
}

/// Per system, the newest month of `[from, to]` with figures; seats purchased fall back to the
/// contracts covering the system when the vendor reports none. `monthly_cost` is the average
/// monthly spend per system over the same period.
pub fn by_system(
    facts: &[AdoptionFact],
    from: NaiveDate,
    to: NaiveDate,
    contract_seats: &HashMap<i64, f64>,
    monthly_cost: &HashMap<i64, i64>,
) -> Vec<SystemAdoption> {
    // Newest month first: the first month met for a system is its newest in the period.
    let mut newest: HashMap<i64, (NaiveDate, Seats)> = HashMap::new();
    for fact in in_months(facts, from, to).iter().rev() {
        let (month, seats) = newest.entry(fact.system_id).or_insert((fact.month, Seats::default()));
        if *month != fact.month {
            continue;
        }
        let slot = match fact.metric {
            AdoptionMetric::SeatsPurchased => &mut seats.purchased,
            AdoptionMetric::SeatsAssigned => &mut seats.assigned,
            AdoptionMetric::ActiveUsers => &mut seats.active,
        };
        *slot = Some(slot.unwrap_or(0.0) + fact.value);
    }
    let mut rows: Vec<SystemAdoption> = newest
        .into_iter()
        .map(|(system_id, (month, mut seats))| {
            if seats.purchased.is_none() {
                seats.purchased = contract_seats.get(&system_id).copied();
            }
            SystemAdoption { system_id, month, seats, monthly_cost_micros: monthly_cost.get(&system_id).copied() }
        })
        .collect();
    rows.sort_by_key(|row| row.system_id);
    rows
}

/// The sum over systems of one metric per month (e.g. active users across all tools).
pub fn monthly_total(facts: &[AdoptionFact], metric: AdoptionMetric, months: &[NaiveDate]) -> Vec<f64> {
    let facts = in_span(facts, months);
    let index: HashMap<NaiveDate, usize> = months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut totals = vec![0.0; months.len()];
    for fact in facts.iter().filter(|f| f.metric == metric) {
        if let Some(i) = index.get(&fact.month) {
            totals[*i] += fact.value;
        }
    }
    totals
}

/// One metric per month for the `top` systems by their latest value.
pub fn monthly_top_systems(
    facts: &[AdoptionFact],
    metric: AdoptionMetric,
    months: &[NaiveDate],
    top: usize,
) -> Vec<(i64, Vec<f64>)> {
    let facts = in_span(facts, months);
    let index: HashMap<NaiveDate, usize> = months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut series: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
    for fact in facts.iter().filter(|f| f.metric == metric) {
        if let Some(i) = index.get(&fact.month) {
            series.entry(fact.system_id).or_insert_with(|| vec![0.0; months.len()])[*i] += fact.value;
        }
    }
    let mut ranked: Vec<(i64, Vec<f64>)> = series.into_iter().collect();
    let latest = |values: &Vec<f64>| values.iter().rev().find(|v| **v > 0.0).copied().unwrap_or(0.0);
    ranked.sort_by(|a, b| latest(&b.1).total_cmp(&latest(&a.1)).then(a.0.cmp(&b.0)));
    ranked.truncate(top);
    ranked
}

/// The facts of the months `[from, to]`. Facts are in month order (as the store reads them), so
/// a screen's period is a slice, not a pass over the whole history.
pub fn in_months(facts: &[AdoptionFact], from: NaiveDate, to: NaiveDate) -> &[AdoptionFact] {
    debug_assert!(facts.is_sorted_by_key(|f| f.month), "adoption facts in month order");
    let start = facts.partition_point(|f| f.month < from);
    let end = facts.partition_point(|f| f.month <= to).max(start);
    &facts[start..end]
}

/// The facts of the months listed (ascending).
fn in_span<'a>(facts: &'a [AdoptionFact], months: &[NaiveDate]) -> &'a [AdoptionFact] {
    match (months.first(), months.last()) {
        (Some(first), Some(last)) => in_months(facts, *first, *last),
        _ => &[],
    }
}

fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn fact(month: &str, system_id: i64, metric: AdoptionMetric, value: f64) -> AdoptionFact {
        AdoptionFact { month: d(month), system_id, metric, value }
    }

    #[test]
    fn seats_utilisation_activation_idle_and_their_cost() {
        use AdoptionMetric::*;
        let facts = [
            fact("2026-01-01", 1, SeatsPurchased, 100.0),
            fact("2026-01-01", 1, ActiveUsers, 10.0),
            fact("2026-02-01", 1, SeatsPurchased, 100.0),
            fact("2026-02-01", 1, SeatsAssigned, 80.0),
            fact("2026-02-01", 1, ActiveUsers, 60.0),
        ];
        let cost = HashMap::from([(1, 3_000_000_000)]);
        let rows = by_system(&facts, d("2026-01-01"), d("2026-03-01"), &HashMap::new(), &cost);
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row.month, d("2026-02-01"), "the newest month with figures");
        assert_eq!(row.seats.utilisation(), Some(0.6));
        assert_eq!(row.seats.activation(), Some(0.75));
        assert_eq!(row.seats.idle(), Some(40.0));
        assert_eq!(row.cost_per_active_user(), Some(50_000_000), "3,000 / 60 users");
        assert_eq!(row.idle_cost(), Some(1_200_000_000), "3,000 × 40 / 100");
    }

    #[test]
    fn seats_purchased_come_from_the_contract_when_the_vendor_reports_none() {
        let facts = [fact("2026-02-01", 7, AdoptionMetric::ActiveUsers, 30.0)];
        let rows = by_system(&facts, d("2026-01-01"), d("2026-02-01"), &HashMap::from([(7, 120.0)]), &HashMap::new());
        assert_eq!(rows[0].seats.purchased, Some(120.0));
        assert_eq!(rows[0].seats.utilisation(), Some(0.25));
        assert_eq!(rows[0].cost_per_active_user(), None, "no cost known, no per-user figure");
        assert_eq!(rows[0].seats.activation(), None, "nothing assigned reported");
    }

    #[test]
    fn an_empty_period_has_no_rows_and_zero_users() {
        assert!(by_system(&[], d("2026-01-01"), d("2026-01-01"), &HashMap::new(), &HashMap::new()).is_empty());
        assert_eq!(monthly_total(&[], AdoptionMetric::ActiveUsers, &[d("2026-01-01")]), vec![0.0]);
    }

    #[test]
    fn the_trend_keeps_the_systems_with_the_most_users_now() {
        use AdoptionMetric::ActiveUsers;
        let months = [d("2026-01-01"), d("2026-02-01")];
        let facts = [
            fact("2026-01-01", 1, ActiveUsers, 90.0),
            fact("2026-02-01", 1, ActiveUsers, 10.0),
            fact("2026-02-01", 2, ActiveUsers, 50.0),
            fact("2026-02-01", 3, ActiveUsers, 20.0),
        ];
        let top = monthly_top_systems(&facts, ActiveUsers, &months, 2);
        assert_eq!(top, vec![(2, vec![0.0, 50.0]), (3, vec![0.0, 20.0])]);
        assert_eq!(monthly_total(&facts, ActiveUsers, &months), vec![90.0, 80.0]);
    }
}
