//! Numbers and dates as a reader wants them on a slide: "€12k", "CHF 1.2M", "Jan 2026".

use chrono::{Datelike, NaiveDate};

/// The largest magnitude a chart draws; anything beyond is clamped (a quadrillion of any
/// currency is a data error, and f64 loses whole units past 2^53 anyway).
pub(crate) const MAX_MAGNITUDE: f64 = 1e15;

/// A drawable number: finite and within ±[`MAX_MAGNITUDE`], or `None` for NaN and infinities.
pub(crate) fn finite(v: f64) -> Option<f64> {
    v.is_finite().then(|| v.clamp(-MAX_MAGNITUDE, MAX_MAGNITUDE))
}

/// A drawable non-negative size (a bar length, a count): NaN and negatives become 0.
pub(crate) fn size(v: f64) -> f64 {
    finite(v).unwrap_or(0.0).max(0.0)
}

/// How numbers on an axis or in a label are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberStyle {
    /// Money in one currency: a symbol where one is unambiguous, else the ISO code.
    Money(String),
    /// A plain count.
    Count,
    /// Percentage points (45.0 is 45 %).
    Percent,
}

impl NumberStyle {
    /// A tick label for `v` on an axis whose ticks are `step` apart: as few decimals as the
    /// step needs, each tick in its own magnitude ("€750k", "€1M", "€1.25M").
    pub fn tick(&self, v: f64, step: f64) -> String {
        match self {
            NumberStyle::Percent => {
                let v = if v.abs() < step * 1e-9 { 0.0 } else { v };
                format!("{}%", fixed(v, decimals_for(step, 1.0)))
            }
            NumberStyle::Count => humane(v, step),
            NumberStyle::Money(currency) => {
                with_currency(currency, &humane(v.abs(), step), v < 0.0 && v.abs() >= step * 1e-9)
            }
        }
    }

    /// A value label: three significant digits at most ("€1.23M", "€850k", "42").
    pub fn value(&self, v: f64) -> String {
        let v = round_significant(finite(v).unwrap_or(0.0), 3);
        match self {
            NumberStyle::Percent => format!("{}%", fixed(v, decimals_for_value(v))),
            NumberStyle::Count => humane(v, step_for_value(v)),
            NumberStyle::Money(currency) => with_currency(currency, &humane(v.abs(), step_for_value(v)), v < 0.0),
        }
    }
}

/// A whole number with thousands separators ("1,640"), for counts small enough to read in full.
pub(crate) fn grouped(v: f64) -> String {
    let digits = format!("{:.0}", finite(v).unwrap_or(0.0).abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 && out != "0" { format!("-{out}") } else { out }
}

/// The prefix a currency is written with: its symbol where it is unambiguous, else the
/// ISO code and a space ("CHF 12k").
pub(crate) fn currency_prefix(code: &str) -> String {
    let code = code.trim().to_uppercase();
    let symbol = match code.as_str() {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "CNY" => "CN¥",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        "HKD" => "HK$",
        "BRL" => "R$",
        "MXN" => "MX$",
        "ILS" => "₪",
        "" => return String::new(),
        _ => return format!("{code} "),
    };
    symbol.to_owned()
}

fn with_currency(currency: &str, digits: &str, negative: bool) -> String {
    // ASCII hyphen-minus: Noto Sans has no U+2212 (no Mathematical Operators block).
    format!("{}{}{}", if negative { "-" } else { "" }, currency_prefix(currency), digits)
}

const UNITS: [(f64, &str); 4] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];

/// `v` with a k/M/B/T suffix chosen by its own size, and the decimals `step` needs.
fn humane(v: f64, step: f64) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let (div, suffix) = UNITS.iter().copied().find(|(d, _)| a >= *d * 0.999_999_5).unwrap_or((1.0, ""));
    let text = fixed(a / div, decimals_for(step, div));
    if text == "0" { "0".to_owned() } else { format!("{sign}{text}{suffix}") }
}

/// Decimals needed to tell ticks `step` apart when values are divided by `div`.
fn decimals_for(step: f64, div: f64) -> usize {
    let s = (step / div).abs();
    if !s.is_finite() || s <= 0.0 {
        return 0;
    }
    // Ticks are whole multiples of the step: the decimals that write the step exactly write
    // every tick exactly.
    (0..=3)
        .find(|d| {
            let x = s * 10f64.powi(*d);
            (x - x.round()).abs() < 1e-6 * x.max(1.0)
        })
        .unwrap_or(3) as usize
}

fn step_for_value(v: f64) -> f64 {
    let a = v.abs();
    if a == 0.0 { 1.0 } else { 10f64.powf(a.log10().floor() - 2.0) }
}

fn decimals_for_value(v: f64) -> usize {
    decimals_for(step_for_value(v), 1.0).min(1)
}

fn round_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * magnitude).round() / magnitude
}

/// `v` with `decimals` places, trailing zeros dropped ("1.50" → "1.5", "2.0" → "2").
fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s };
    if s == "-0" { "0".to_owned() } else { s }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "Mar".
pub(crate) fn month_short(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// "Mar 2026".
pub(crate) fn month_year(d: NaiveDate) -> String {
    format!("{} {}", month_short(d), d.year())
}

/// "14 Mar 2026".
pub(crate) fn day_month_year(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_short(d), d.year())
}

/// The first day of `d`'s month.
pub(crate) fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("every month has a first day")
}

/// Round tick values covering `min..=max` with about `target` intervals.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Ticks {
    /// `integer` keeps the step at 1 or more (counts of people and seats).
    pub fn new(min: f64, max: f64, target: usize, integer: bool) -> Ticks {
        let (mut min, mut max) = (finite(min).unwrap_or(0.0), finite(max).unwrap_or(0.0));
        if min > max {
            std::mem::swap(&mut min, &mut max);
        }
        if max - min < 1e-9 {
            // A flat series still needs a scale; give it one unit of room above.
            if max == 0.0 {
                max = if integer { 4.0 } else { 1.0 };
            } else if max > 0.0 {
                min = min.min(0.0);
            } else {
                max = 0.0;
            }
        }
        let raw = (max - min) / target.max(1) as f64;
        let mut step = nice_step(raw);
        if integer {
            step = step.max(1.0).round();
        }
        let lo = (min / step + 1e-9).floor() * step;
        let hi = (max / step - 1e-9).ceil() * step;
        Ticks { lo, hi, step }
    }

    pub fn values(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n)
            .map(|i| self.lo + self.step * i as f64)
            .map(|v| if v.abs() < self.step * 1e-9 { 0.0 } else { v })
            .collect()
    }
}

fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    // The nice step nearest above three quarters of the raw one: a few more ticks rather than
    // a scale that wastes a third of the plot.
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().find(|n| fraction * 0.75 <= *n + 1e-9).unwrap_or(10.0);
    nice * magnitude
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::euro_thousands("EUR", 12_000.0, 2_000.0, "€12k")]
    #[case::dollar_millions("USD", 1_200_000.0, 200_000.0, "$1.2M")]
    #[case::code_without_symbol("CHF", 12_000.0, 2_000.0, "CHF 12k")]
    #[case::lowercase_code("chf", 12_000.0, 2_000.0, "CHF 12k")]
    #[case::zero("EUR", 0.0, 250_000.0, "€0")]
    #[case::quarter_millions("EUR", 1_250_000.0, 250_000.0, "€1.25M")]
    #[case::thousands_under_a_million("EUR", 750_000.0, 250_000.0, "€750k")]
    #[case::small_amounts("GBP", 150.0, 50.0, "£150")]
    #[case::fractional_step("USD", 0.5, 0.1, "$0.5")]
    #[case::negative("EUR", -20_000.0, 10_000.0, "-€20k")]
    #[case::billions("USD", 3_000_000_000.0, 1_000_000_000.0, "$3B")]
    fn money_ticks_are_humane(#[case] currency: &str, #[case] v: f64, #[case] step: f64, #[case] expected: &str) {
        assert_eq!(NumberStyle::Money(currency.into()).tick(v, step), expected, "{v} {currency} step {step}");
    }

    #[rstest]
    #[case::millions(1_234_567.0, "€1.23M")]
    #[case::thousands(849_999.0, "€850k")]
    #[case::rounds_up_a_unit(999_999.0, "€1M")]
    #[case::units(42.0, "€42")]
    #[case::cents(0.456, "€0.456")]
    #[case::nan(f64::NAN, "€0")]
    fn money_values_keep_three_significant_digits(#[case] v: f64, #[case] expected: &str) {
        assert_eq!(NumberStyle::Money("EUR".into()).value(v), expected, "{v}");
    }

    #[test]
    fn counts_and_percentages() {
        assert_eq!(NumberStyle::Count.tick(1500.0, 500.0), "1.5k");
        assert_eq!(NumberStyle::Count.tick(40.0, 10.0), "40");
        assert_eq!(NumberStyle::Percent.tick(12.5, 2.5), "12.5%");
        assert_eq!(NumberStyle::Percent.tick(40.0, 20.0), "40%");
        assert_eq!(NumberStyle::Count.value(1234.0), "1.23k");
        assert_eq!(NumberStyle::Percent.value(62.345), "62.3%");
        assert_eq!(grouped(1_640.0), "1,640");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(-1_234_567.4), "-1,234,567");
    }

    #[test]
    fn ticks_cover_the_data_with_round_steps() {
        let t = Ticks::new(0.0, 1_234_567.0, 5, false);
        assert_eq!((t.lo, t.step), (0.0, 200_000.0), "{t:?}");
        assert!(t.hi >= 1_234_567.0, "the top tick covers the maximum: {t:?}");
        let t = Ticks::new(0.0, 3.0, 5, true);
        assert_eq!(t.values(), vec![0.0, 1.0, 2.0, 3.0], "counts tick by whole numbers");
        let t = Ticks::new(0.0, 0.0, 5, false);
        assert!(t.hi > t.lo, "a flat zero series still gets a scale: {t:?}");
        let t = Ticks::new(-50.0, 120.0, 5, false);
        assert!(t.lo <= -50.0 && t.values().contains(&0.0), "negative ranges include zero: {t:?}");
        let t = Ticks::new(f64::NAN, f64::INFINITY, 5, false);
        assert!(t.values().iter().all(|v| v.is_finite()), "garbage in, finite ticks out: {t:?}");
    }

    #[test]
    fn dates_read_like_a_slide() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 14).expect("valid date");
        assert_eq!(month_year(d), "Mar 2026");
        assert_eq!(day_month_year(d), "14 Mar 2026");
        assert_eq!(month_start(d), NaiveDate::from_ymd_opt(2026, 3, 1).expect("valid date"));
    }
}
