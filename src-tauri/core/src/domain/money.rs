//! Money as integer micro-units (1e-6) of an ISO 4217 currency.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

const MICROS_PER_UNIT: i64 = 1_000_000;

/// Active ISO 4217 codes (2026). A typo such as "USDD" or "EURO" is caught at entry.
const ISO_4217: &str = "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD \
BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP \
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW \
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD \
NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP \
SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV \
WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

/// A validated ISO 4217 currency code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct Currency(String);

impl Currency {
    /// Accepts a code in any case ("usd" → "USD"); refuses anything not in ISO 4217.
    pub fn parse(code: &str) -> Option<Currency> {
        let code: [u8; 3] = code.trim().as_bytes().try_into().ok()?;
        let code = code.map(|b| b.to_ascii_uppercase());
        is_iso_4217(&code).then(|| Currency(String::from_utf8_lossy(&code).into_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `code` is in [`ISO_4217`]: a binary search over its sorted, evenly spaced codes
/// (every imported line asks, so a linear scan showed in the import profile).
fn is_iso_4217(code: &[u8; 3]) -> bool {
    let list = ISO_4217.as_bytes();
    let (mut low, mut high) = (0, list.len().div_ceil(4));
    while low < high {
        let mid = (low + high) / 2;
        match list[mid * 4..mid * 4 + 3].cmp(code) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    #[error("is not a number")]
    NotANumber,
    #[error("has more than 6 decimal places")]
    TooPrecise,
    #[error("is too large")]
    TooLarge,
}

/// Parses a decimal amount as people type it: `1,234.50`, `-12.5`, `(12.00)` for a negative,
/// an optional leading currency symbol. Returns micro-units, exactly (no floating point).
pub fn parse_decimal_micros(text: &str) -> Result<i64, MoneyParseError> {
    let mut text = text.trim();
    let mut negative = false;
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        negative = true;
        text = inner.trim();
    }
    if let Some(rest) = text.strip_prefix('-') {
        negative = !negative;
        text = rest.trim_start();
    }
    let text = text.trim_start_matches(['$', '€', '£', '¥']).trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: String = whole.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if whole.is_empty() && fraction.is_empty() {
        return Err(MoneyParseError::NotANumber);
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(MoneyParseError::NotANumber);
    }
    if fraction.len() > 6 {
        return Err(MoneyParseError::TooPrecise);
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyParseError::TooLarge)? };
    let fraction_micros: i64 = format!("{fraction:0<6}").parse().map_err(|_| MoneyParseError::NotANumber)?;
    let micros = whole
        .checked_mul(MICROS_PER_UNIT)
        .and_then(|m| m.checked_add(fraction_micros))
        .ok_or(MoneyParseError::TooLarge)?;
    Ok(if negative { -micros } else { micros })
}

/// Formats micro-units as a plain decimal string with at least two decimals: `1234.5` → `"1234.50"`.
/// This is the wire and export form; screens add grouping and the currency symbol.
pub fn format_micros(micros: i64) -> String {
    let sign = if micros < 0 { "-" } else { "" };
    let abs = micros.unsigned_abs();
    let whole = abs / MICROS_PER_UNIT as u64;
    let fraction = format!("{:06}", abs % MICROS_PER_UNIT as u64);
    let fraction = fraction.trim_end_matches('0');
    let fraction = format!("{fraction:0<2}");
    format!("{sign}{whole}.{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn the_currency_list_is_sorted_and_evenly_spaced_for_its_binary_search() {
        let codes: Vec<&str> = ISO_4217.split(' ').collect();
        assert!(codes.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())), "{codes:?}");
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        for code in &codes {
            assert_eq!(Currency::parse(&code.to_lowercase()).map(|c| c.0), Some((*code).to_owned()));
        }
        for wrong in ["", "US", "USDX", "XYZ", "AAA", "ZZZ", "usd ", "U\u{e9}D"] {
            assert_eq!(Currency::parse(wrong).map(|c| c.0), if wrong == "usd " { Some("USD".into()) } else { None });
        }
    }

    #[rstest]
    #[case::plain("1250", Ok(1_250_000_000))]
    #[case::thousands_separator("1,234.50", Ok(1_234_500_000))]
    #[case::accounting_negative("(12.00)", Ok(-12_000_000))]
    #[case::minus("-0.5", Ok(-500_000))]
    #[case::currency_symbol("$ 99.99", Ok(99_990_000))]
    #[case::six_decimals("0.000001", Ok(1))]
    #[case::seven_decimals("0.0000001", Err(MoneyParseError::TooPrecise))]
    #[case::text("n/a", Err(MoneyParseError::NotANumber))]
    #[case::empty("", Err(MoneyParseError::NotANumber))]
    #[case::two_points("1.2.3", Err(MoneyParseError::NotANumber))]
    #[case::overflow("99999999999999999999", Err(MoneyParseError::TooLarge))]
    fn parses_decimal_micros(#[case] raw: &str, #[case] expected: Result<i64, MoneyParseError>) {
        assert_eq!(parse_decimal_micros(raw), expected, "cell {raw:?}");
    }

    #[rstest]
    #[case(1_234_500_000, "1234.50")]
    #[case(1, "0.000001")]
    #[case(-12_000_000, "-12.00")]
    #[case(0, "0.00")]
    fn formats_micros(#[case] micros: i64, #[case] expected: &str) {
        assert_eq!(format_micros(micros), expected, "micros {micros}");
        assert_eq!(parse_decimal_micros(expected), Ok(micros), "formatting round-trips");
    }

    #[test]
    fn currency_codes_are_checked_against_iso_4217() {
        assert_eq!(Currency::parse("usd").map(|c| c.0), Some("USD".to_owned()), "case is forgiven");
        assert_eq!(Currency::parse("EURO"), None, "a common typo is refused");
        assert_eq!(Currency::parse("XYZ"), None, "three letters are not enough");
    }
}
