//! Value and ROI of an initiative from its benefit model.
//!
//! A model is a set of methods (time saved, revenue uplift, cost avoided), each the product of
//! its assumptions: users × tasks per user × minutes saved × acceptance rate × hourly rate, say.
//! A factor in "%" counts as value / 100 and one in "minutes" as value / 60 (hours); the product
//! is a monthly benefit in the reporting currency. Every assumption has low / likely / high, so
//! every output is a range. Where active users were observed for a month, a factor in "users"
//! takes the observed value for that month: actuals replace estimates as they arrive.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};

/// One assumption of a benefit model, as entered.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    pub method: String,
    pub name: String,
    pub unit: String,
    pub low: Option<Decimal>,
    pub likely: Option<Decimal>,
    pub high: Option<Decimal>,
    /// observed, inferred or modelled.
    pub confidence: String,
}

impl Assumption {
    fn raw(&self, scenario: Scenario) -> Option<Decimal> {
        match scenario {
            Scenario::Low => self.low.or(self.likely),
            Scenario::Likely => self.likely,
            Scenario::High => self.high.or(self.likely),
        }
    }

    /// The factor a raw value multiplies by: "%" → / 100, "minutes" → / 60.
    fn factor(&self, raw: Decimal) -> Decimal {
        match self.unit.trim().to_ascii_lowercase().as_str() {
            "%" => raw / Decimal::ONE_HUNDRED,
            "minutes" | "min" => raw / Decimal::from(60),
            _ => raw,
        }
    }

    fn counts_users(&self) -> bool {
        self.unit.trim().eq_ignore_ascii_case("users")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    Low,
    Likely,
    High,
}

/// A figure at the low, likely and high ends of the assumptions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Range<T> {
    pub low: T,
    pub likely: T,
    pub high: T,
}

impl<T> Range<T> {
    fn from_fn(mut f: impl FnMut(Scenario) -> T) -> Range<T> {
        Range { low: f(Scenario::Low), likely: f(Scenario::Likely), high: f(Scenario::High) }
    }
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Range<U> {
        Range { low: f(&self.low), likely: f(&self.likely), high: f(&self.high) }
    }
    fn get(&self, scenario: Scenario) -> &T {
        match scenario {
            Scenario::Low => &self.low,
            Scenario::Likely => &self.likely,
            Scenario::High => &self.high,
        }
    }
}

/// What the model is computed over.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueInputs<'a> {
    pub assumptions: &'a [Assumption],
    /// The horizon: the first day of each month.
    pub months: Vec<NaiveDate>,
    /// The first month value accrues (go-live); no value before it, none at all when `None`.
    pub value_start: Option<NaiveDate>,
    /// Cost per horizon month, reporting currency: actual where known, projected after.
    pub cost: Vec<i64>,
    /// Active users observed on the initiative's systems, by month.
    pub observed_users: HashMap<NaiveDate, f64>,
}

/// The level of one factor at which net value over the horizon is zero, the others at likely.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakeven {
    pub method: String,
    pub name: String,
    pub unit: String,
    pub likely: Decimal,
    /// `None`: net value stays positive however low this factor goes (other methods carry it).
    pub threshold: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValueOutcome {
    /// The modelled monthly benefit once live (no observations applied).
    pub monthly_benefit: Range<i64>,
    pub value_by_month: Range<Vec<i64>>,
    pub cumulative_value: Range<Vec<i64>>,
    pub cumulative_cost: Vec<i64>,
    pub total_value: Range<i64>,
    pub total_cost: i64,
    pub net: Range<i64>,
    /// Net value / cost; `None` when nothing was spent.
    pub roi: Range<Option<f64>>,
    /// The first month cumulative value reaches cumulative cost.
    pub payback: Range<Option<NaiveDate>>,
    pub breakevens: Vec<Breakeven>,
    /// Methods left out, and why (a factor without a likely value).
    pub problems: Vec<String>,
}

/// Computes the value, cost, ROI, payback and sensitivity of one initiative.
pub fn evaluate(inputs: &ValueInputs<'_>) -> ValueOutcome {
    let mut problems = Vec::new();
    let mut methods: BTreeMap<&str, Vec<&Assumption>> = BTreeMap::new();
    for assumption in inputs.assumptions {
        methods.entry(assumption.method.as_str()).or_default().push(assumption);
    }
    methods.retain(|method, factors| match factors.iter().find(|a| a.likely.is_none()) {
        Some(missing) => {
            problems.push(format!(
                "{}: \"{}\" has no likely value, so this method is left out",
                label(method),
                missing.name
            ));
            false
        }
        None => true,
    });

    let live = |month: &NaiveDate| inputs.value_start.is_some_and(|start| *month >= start);
    // Each method's product is worked out once per scenario; only months with observed users
    // differ, and only in their "users" factors: O(months × methods), not × factors.
    let products: Vec<MethodProducts> = methods.values().map(|factors| MethodProducts::of(factors)).collect();
    let observed = |month: &NaiveDate| inputs.observed_users.get(month).and_then(|u| Decimal::from_f64(*u));
    let method_in = |p: &MethodProducts, scenario: Scenario, month: &NaiveDate| match observed(month) {
        Some(users) if p.user_factors > 0 => p.for_users(scenario, users),
        _ => *p.modelled.get(scenario),
    };

    let value_by_month = Range::from_fn(|scenario| {
        inputs
            .months
            .iter()
            .map(|month| {
                if !live(month) {
                    return 0;
                }
                to_micros(products.iter().map(|p| method_in(p, scenario, month)).sum::<Decimal>())
            })
            .collect::<Vec<i64>>()
    });
    let monthly_benefit =
        Range::from_fn(|scenario| to_micros(products.iter().map(|p| *p.modelled.get(scenario)).sum()));

    let cumulative_cost = super::spend::cumulative(&inputs.cost);
    let total_cost = cumulative_cost.last().copied().unwrap_or(0);
    let cumulative_value = value_by_month.map(|values| super::spend::cumulative(values));
    let total_value = cumulative_value.map(|values| values.last().copied().unwrap_or(0));
    let net = total_value.map(|value| value.saturating_sub(total_cost));
    let roi = net.map(|net| (total_cost > 0).then(|| *net as f64 / total_cost as f64));
    let payback =
        Range::from_fn(|scenario| {
            let values = cumulative_value.get(scenario);
            inputs.months.iter().enumerate().find_map(|(i, month)| {
                (live(month) && values[i] > 0 && values[i] >= cumulative_cost[i]).then_some(*month)
            })
        });

    // Net value is linear in each factor, so the break-even level is exact:
    // threshold = likely × (cost − value not moved by the factor) / value moved by it.
    // A "users" factor does not move in months whose users were observed.
    let mut breakevens = Vec::new();
    let likely_total = Decimal::from(total_value.likely);
    for (factors, p) in methods.values().zip(&products) {
        let live_months = || inputs.months.iter().filter(|m| live(m));
        let total: Decimal = live_months().map(|m| method_in(p, Scenario::Likely, m)).sum();
        let observed_part: Decimal = if p.user_factors > 0 {
            live_months().filter(|m| observed(m).is_some()).map(|m| method_in(p, Scenario::Likely, m)).sum()
        } else {
            Decimal::ZERO
        };
        for factor in factors {
            let Some(likely) = factor.likely.filter(|l| !l.is_zero()) else { continue };
            let moved =
                (total - if factor.counts_users() { observed_part } else { Decimal::ZERO }) * Decimal::from(1_000_000);
            if moved.is_zero() {
                continue;
            }
            let fixed = likely_total - moved;
            let needed = Decimal::from(total_cost) - fixed;
            let threshold = (needed > Decimal::ZERO)
                .then(|| (likely * needed / moved).round_dp_with_strategy(2, RoundingStrategy::AwayFromZero));
            breakevens.push(Breakeven {
                method: factor.method.clone(),
                name: factor.name.clone(),
                unit: factor.unit.clone(),
                likely,
                threshold,
            });
        }
    }

    ValueOutcome {
        monthly_benefit,
        value_by_month,
        cumulative_value,
        cumulative_cost,
        total_value,
        total_cost,
        net,
        roi,
        payback,
        breakevens,
        problems,
    }
}

/// One method's monthly product per scenario, and the same without its "users" factors (to
/// multiply by observed users instead).
struct MethodProducts {
    modelled: Range<Decimal>,
    without_users: Range<Decimal>,
    user_factors: usize,
}

impl MethodProducts {
    fn of(factors: &[&Assumption]) -> MethodProducts {
        let product = |scenario: Scenario, skip_users: bool| {
            factors
                .iter()
                .filter(|f| !(skip_users && f.counts_users()))
                .map(|f| f.factor(f.raw(scenario).unwrap_or(Decimal::ZERO)))
                .fold(Decimal::ONE, |product, factor| product.checked_mul(factor).unwrap_or(Decimal::MAX))
        };
        MethodProducts {
            modelled: Range::from_fn(|s| product(s, false)),
            without_users: Range::from_fn(|s| product(s, true)),
            user_factors: factors.iter().filter(|f| f.counts_users()).count(),
        }
    }

    /// The month's product with every "users" factor at the observed number.
    fn for_users(&self, scenario: Scenario, users: Decimal) -> Decimal {
        (0..self.user_factors)
            .fold(*self.without_users.get(scenario), |product, _| product.checked_mul(users).unwrap_or(Decimal::MAX))
    }
}

/// The label people read for a method key.
pub fn label(method: &str) -> &str {
    match method {
        "time_saved" => "Time saved",
        "revenue_uplift" => "Revenue uplift",
        "cost_avoided" => "Cost avoided",
        other => other,
    }
}

fn to_micros(amount: Decimal) -> i64 {
    amount
        .checked_mul(Decimal::from(1_000_000))
        .map(|m| m.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|m| m.to_i64())
        .unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::period::months_between;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn dec(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    fn assumption(method: &str, name: &str, unit: &str, low: &str, likely: &str, high: &str) -> Assumption {
        Assumption {
            method: method.into(),
            name: name.into(),
            unit: unit.into(),
            low: Some(dec(low)),
            likely: Some(dec(likely)),
            high: Some(dec(high)),
            confidence: "modelled".into(),
        }
    }

    /// 100 users × 20 tasks × 6 minutes (0.1 h) × acceptance × €50/h.
    fn time_saved() -> Vec<Assumption> {
        vec![
            assumption("time_saved", "Users", "users", "100", "100", "100"),
            assumption("time_saved", "Tasks per user per month", "tasks/user/month", "20", "20", "20"),
            assumption("time_saved", "Minutes saved per task", "minutes", "6", "6", "6"),
            assumption("time_saved", "Acceptance rate", "%", "25", "50", "75"),
            assumption("time_saved", "Loaded hourly rate", "EUR/h", "50", "50", "50"),
        ]
    }

    #[test]
    fn the_monthly_benefit_is_the_product_of_the_factors() {
        // 100 × 20 × 0.1 h × 50 % × 50 = 5,000 a month at likely; 2,500 low; 7,500 high.
        let model = time_saved();
        let outcome = evaluate(&ValueInputs {
            assumptions: &model,
            months: vec![d("2026-01-01")],
            value_start: Some(d("2026-01-01")),
            cost: vec![0],
            observed_users: HashMap::new(),
        });
        assert_eq!(outcome.monthly_benefit, Range { low: 2_500_000_000, likely: 5_000_000_000, high: 7_500_000_000 });
        assert_eq!(outcome.roi.likely, None, "nothing spent: no ROI, not infinity");
    }

    #[test]
    fn payback_net_value_and_roi_over_the_horizon() {
        // Costs: 12,000 set-up in Jan, then 1,000 a month. Value from March: 5,000 likely.
        // Likely cumulative: cost 12k,13k,14k,15k,16k,17k; value 0,0,5k,10k,15k,20k → payback June.
        let model = time_saved();
        let months = months_between(d("2026-01-01"), d("2026-06-01"));
        let outcome = evaluate(&ValueInputs {
            assumptions: &model,
            months: months.clone(),
            value_start: Some(d("2026-03-01")),
            cost: vec![12_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000],
            observed_users: HashMap::new(),
        });
        assert_eq!(outcome.total_cost, 17_000_000_000);
        assert_eq!(outcome.total_value, Range { low: 10_000_000_000, likely: 20_000_000_000, high: 30_000_000_000 });
        assert_eq!(outcome.net, Range { low: -7_000_000_000, likely: 3_000_000_000, high: 13_000_000_000 });
        assert_eq!(outcome.payback.likely, Some(d("2026-06-01")));
        assert_eq!(outcome.payback.high, Some(d("2026-04-01")), "7.5k, 15k against 14k, 15k: even counts");
        assert_eq!(outcome.payback.low, None, "never within the horizon");
        let roi = outcome.roi.likely.expect("costs were spent");
        assert!((roi - 3.0 / 17.0).abs() < 1e-12, "{roi}");
    }

    #[test]
    fn the_break_even_acceptance_rate_is_exact() {
        // Value moved by acceptance: 4 months × 100 × 20 × 0.1 × 50 × a = 40,000 a; cost 17,000
        // → a = 42.5 %: "ROI stays positive while acceptance ≥ 42.5 %".
        let model = time_saved();
        let outcome = evaluate(&ValueInputs {
            assumptions: &model,
            months: months_between(d("2026-01-01"), d("2026-06-01")),
            value_start: Some(d("2026-03-01")),
            cost: vec![12_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000],
            observed_users: HashMap::new(),
        });
        let acceptance = outcome.breakevens.iter().find(|b| b.name == "Acceptance rate").expect("a factor");
        assert_eq!(acceptance.threshold, Some(dec("42.5")));
        let users = outcome.breakevens.iter().find(|b| b.name == "Users").expect("a factor");
        assert_eq!(users.threshold, Some(dec("85")), "100 × 17 / 20");
    }

    #[test]
    fn observed_users_replace_the_estimate_for_their_months() {
        // January observed 40 users instead of 100: 2,000 instead of 5,000; February modelled.
        let model = time_saved();
        let outcome = evaluate(&ValueInputs {
            assumptions: &model,
            months: vec![d("2026-01-01"), d("2026-02-01")],
            value_start: Some(d("2026-01-01")),
            cost: vec![1_000_000_000, 1_000_000_000],
            observed_users: HashMap::from([(d("2026-01-01"), 40.0)]),
        });
        assert_eq!(outcome.value_by_month.likely, vec![2_000_000_000, 5_000_000_000]);
        assert_eq!(
            outcome.value_by_month.low,
            vec![1_000_000_000, 2_500_000_000],
            "observations hold in every scenario"
        );
        // Only February moves with the users assumption: 2,000 + 5,000 × u / 100 = 2,000 → u ≤ 0.
        let users = outcome.breakevens.iter().find(|b| b.name == "Users").expect("a factor");
        assert_eq!(users.threshold, None, "January's observed value alone covers the cost");
    }

    #[test]
    fn methods_add_up_and_an_incomplete_one_is_named_and_left_out() {
        let mut model = vec![
            assumption("cost_avoided", "Cost base per month", "EUR/month", "10000", "10000", "10000"),
            assumption("cost_avoided", "Share avoided", "%", "10", "20", "30"),
            assumption("revenue_uplift", "Revenue affected", "EUR/month", "1000", "1000", "1000"),
        ];
        model.push(Assumption { likely: None, ..assumption("revenue_uplift", "Uplift", "%", "1", "1", "1") });
        let outcome = evaluate(&ValueInputs {
            assumptions: &model,
            months: vec![d("2026-01-01")],
            value_start: Some(d("2026-01-01")),
            cost: vec![0],
            observed_users: HashMap::new(),
        });
        assert_eq!(outcome.monthly_benefit.likely, 2_000_000_000);
        assert_eq!(
            outcome.problems,
            vec!["Revenue uplift: \"Uplift\" has no likely value, so this method is left out"]
        );
    }

    #[test]
    fn no_model_and_no_go_live_means_no_value() {
        let outcome = evaluate(&ValueInputs {
            assumptions: &[],
            months: vec![d("2026-01-01")],
            value_start: None,
            cost: vec![500_000_000],
            observed_users: HashMap::new(),
        });
        assert_eq!(outcome.total_value.likely, 0);
        assert_eq!(outcome.net.likely, -500_000_000);
        assert_eq!(outcome.roi.likely, Some(-1.0));
        assert_eq!(outcome.payback.likely, None);
        assert!(outcome.breakevens.is_empty());
    }
}
