//! Converting money into the reporting currency with the portfolio's own rate table.
//!
//! A rate is valid from its date until the next one for the same pair. An amount with no rate
//! is never guessed or dropped: it stays in its own currency and is reported as unconverted.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// One row of the rate table: 1 `from` = `rate` `to`, from `valid_from` on.
#[derive(Debug, Clone, PartialEq)]
pub struct FxRate {
    pub from: String,
    pub to: String,
    pub valid_from: NaiveDate,
    pub rate: Decimal,
}

/// The rates into one reporting currency, by source currency, oldest first.
#[derive(Debug, Clone, Default)]
pub struct FxTable {
    reporting: String,
    into_reporting: HashMap<String, Vec<(NaiveDate, Decimal)>>,
}

impl FxTable {
    /// Keeps the rates into `reporting`, and the inverse of rates out of it (1 / rate), so a
    /// table entered either way round works.
    pub fn new(reporting: &str, rates: &[FxRate]) -> FxTable {
        let reporting = reporting.to_ascii_uppercase();
        let mut into_reporting: HashMap<String, Vec<(NaiveDate, Decimal)>> = HashMap::new();
        for rate in rates.iter().filter(|r| r.rate > Decimal::ZERO) {
            let (from, to) = (rate.from.to_ascii_uppercase(), rate.to.to_ascii_uppercase());
            if to == reporting {
                into_reporting.entry(from).or_default().push((rate.valid_from, rate.rate));
            } else if from == reporting
                && let Some(inverse) = Decimal::ONE.checked_div(rate.rate)
            {
                into_reporting.entry(to).or_default().push((rate.valid_from, inverse));
            }
        }
        for list in into_reporting.values_mut() {
            // A direct rate wins over an inverse one of the same day: stable sort keeps order.
            list.sort_by_key(|(day, _)| *day);
            list.dedup_by_key(|(day, _)| *day);
        }
        FxTable { reporting, into_reporting }
    }

    pub fn reporting(&self) -> &str {
        &self.reporting
    }

    /// The rate for `currency` on `day`: the newest one valid on or before it.
    pub fn rate(&self, currency: &str, day: NaiveDate) -> Option<Decimal> {
        if currency.eq_ignore_ascii_case(&self.reporting) {
            return Some(Decimal::ONE);
        }
        // Stored currencies are upper case already: no new string per conversion.
        let rates = match self.into_reporting.get(currency) {
            Some(rates) => rates,
            None => self.into_reporting.get(&currency.to_ascii_uppercase())?,
        };
        let valid = rates.partition_point(|(from, _)| *from <= day);
        valid.checked_sub(1).map(|i| rates[i].1)
    }

    /// `micros` of `currency` on `day` in the reporting currency, rounded half away from zero
    /// to the micro-unit; `None` when no rate is valid on that day.
    pub fn convert(&self, micros: i64, currency: &str, day: NaiveDate) -> Option<i64> {
        apply_rate(micros, self.rate(currency, day)?)
    }
}

/// `micros` × `rate`, rounded half away from zero to the micro-unit; `None` when the result
/// does not fit. Whole-number arithmetic on the rate's mantissa (exactly what the decimal
/// product rounds to, several times faster: a dashboard converts every stored month once),
/// falling back to `Decimal` when the product would overflow.
pub fn apply_rate(micros: i64, rate: Decimal) -> Option<i64> {
    if rate == Decimal::ONE {
        return Some(micros);
    }
    let scale = rate.scale();
    if let Some(product) = i128::from(micros).checked_mul(rate.mantissa()) {
        let divisor = 10_i128.pow(scale);
        let (quotient, remainder) = (product / divisor, product % divisor);
        let rounded =
            if remainder.unsigned_abs() * 2 >= divisor.unsigned_abs() { quotient + product.signum() } else { quotient };
        return i64::try_from(rounded).ok();
    }
    Decimal::from(micros).checked_mul(rate)?.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_i64()
}

/// A sum in the reporting currency plus whatever could not be converted, kept per currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    pub micros: i64,
    pub unconverted: BTreeMap<String, i64>,
}

impl Converted {
    pub fn add(&mut self, fx: &FxTable, micros: i64, currency: &str, day: NaiveDate) {
        match fx.convert(micros, currency, day) {
            Some(converted) => self.micros = self.micros.saturating_add(converted),
            None => {
                let slot = self.unconverted.entry(currency.to_ascii_uppercase()).or_default();
                *slot = slot.saturating_add(micros);
            }
        }
    }

    /// Adds an amount already converted (`Some`) or, without a rate, to its own currency.
    pub fn add_converted(&mut self, reporting: Option<i64>, micros: i64, currency: &str) {
        match reporting {
            Some(converted) => self.micros = self.micros.saturating_add(converted),
            // Stored currencies are upper case: look up before allocating a key.
            None => match self.unconverted.get_mut(currency) {
                Some(slot) => *slot = slot.saturating_add(micros),
                None => {
                    let slot = self.unconverted.entry(currency.to_ascii_uppercase()).or_default();
                    *slot = slot.saturating_add(micros);
                }
            },
        }
    }

    pub fn merge(&mut self, other: &Converted) {
        self.micros = self.micros.saturating_add(other.micros);
        for (currency, micros) in &other.unconverted {
            let slot = self.unconverted.entry(currency.clone()).or_default();
            *slot = slot.saturating_add(*micros);
        }
    }

    pub fn is_complete(&self) -> bool {
        self.unconverted.values().all(|m| *m == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn rate(from: &str, to: &str, day: &str, rate: &str) -> FxRate {
        FxRate { from: from.into(), to: to.into(), valid_from: d(day), rate: Decimal::from_str(rate).expect("rate") }
    }

    #[test]
    fn the_newest_rate_on_or_before_the_day_applies() {
        let fx =
            FxTable::new("EUR", &[rate("USD", "EUR", "2026-01-01", "0.90"), rate("USD", "EUR", "2026-02-01", "0.80")]);
        assert_eq!(fx.convert(100_000_000, "USD", d("2026-01-31")), Some(90_000_000));
        assert_eq!(fx.convert(100_000_000, "USD", d("2026-02-01")), Some(80_000_000));
        assert_eq!(fx.convert(100_000_000, "USD", d("2025-12-31")), None, "before the first rate there is none");
        assert_eq!(fx.convert(5, "eur", d("2000-01-01")), Some(5), "the reporting currency needs no rate");
    }

    #[test]
    fn a_rate_out_of_the_reporting_currency_is_used_inverted() {
        let fx = FxTable::new("EUR", &[rate("EUR", "GBP", "2026-01-01", "0.8")]);
        assert_eq!(fx.convert(80_000_000, "GBP", d("2026-03-01")), Some(100_000_000));
    }

    #[test]
    fn money_without_a_rate_is_kept_apart_not_summed() {
        let fx = FxTable::new("EUR", &[]);
        let mut total = Converted::default();
        total.add(&fx, 10_000_000, "EUR", d("2026-01-01"));
        total.add(&fx, 25_000_000, "USD", d("2026-01-01"));
        total.add(&fx, 5_000_000, "usd", d("2026-02-01"));
        assert_eq!(total.micros, 10_000_000);
        assert_eq!(total.unconverted.get("USD"), Some(&30_000_000));
        assert!(!total.is_complete());
    }

    #[test]
    fn conversion_rounds_half_away_from_zero_to_the_micro_unit() {
        let fx = FxTable::new("EUR", &[rate("USD", "EUR", "2026-01-01", "0.8765435")]);
        // 3 micro-USD × 0.8765435 = 2.6296305 → 3; −3 → −3.
        assert_eq!(fx.convert(3, "USD", d("2026-01-01")), Some(3));
        assert_eq!(fx.convert(-3, "USD", d("2026-01-01")), Some(-3));
        assert_eq!(fx.convert(1_000_000, "USD", d("2026-01-01")), Some(876_544));
    }

    #[test]
    fn whole_number_conversion_equals_the_decimal_product_rounded() {
        let decimal = |micros: i64, rate: Decimal| {
            Decimal::from(micros)
                .checked_mul(rate)
                .map(|p| p.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
                .and_then(|p| p.to_i64())
        };
        let rates = ["0.5", "1.5", "0.8765435", "1.0000005", "0.000001", "12345.678901", "0.33333333333333333333"];
        let mut rates: Vec<Decimal> = rates.iter().map(|r| Decimal::from_str(r).expect("rate")).collect();
        rates.push(Decimal::ONE.checked_div(Decimal::from_str("0.8").expect("rate")).expect("inverse"));
        rates.push(Decimal::ONE.checked_div(Decimal::from(3)).expect("a third"));
        let mut seed: u64 = 0x5eed;
        let mut amounts = vec![0, 1, -1, 3, -3, 5, -5, i64::MAX, i64::MIN, 999_999_999_999_999];
        for _ in 0..2_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            amounts.push((seed >> 11) as i64 * if seed & 1 == 0 { 1 } else { -1 } / (1 << (seed % 40)));
        }
        for rate in &rates {
            for micros in &amounts {
                assert_eq!(apply_rate(*micros, *rate), decimal(*micros, *rate), "{micros} × {rate}");
            }
        }
    }
}
