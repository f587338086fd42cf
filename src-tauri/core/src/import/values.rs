//! Cells and the parsers that turn them into typed values: decimals exactly, dates the way each
//! source writes them (never guessing day/month order), Excel serials.
//!
//! A parser returns `Ok(None)` for a blank cell and `Err(message)` for a value it refuses; the
//! caller adds the file, row and column to the message.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One cell as read: CSV gives text only; workbooks give typed cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    DateTime(NaiveDateTime),
    Bool(bool),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim_matches(is_blank_char).is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it: trimmed text, numbers without a spurious `.0`.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim_matches(is_blank_char).to_owned(),
            Cell::Number(n) => format_number(*n),
            Cell::DateTime(dt) if dt.time() == NaiveTime::MIN => dt.date().to_string(),
            Cell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// Whitespace plus the byte-order mark, which Azure exports repeat at the start of the first data row.
fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Shortest text that reads back as the same float: what Excel shows for a general number.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// How a file writes numbers: `1,234.56` or, in `;`-delimited European re-saves, `1.234,56`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal_comma: bool,
}

/// Reads a decimal exactly: thousands separators, currency symbols, parentheses negatives,
/// scientific notation and up to 28 significant decimal places (trailing zeros beyond that are dropped).
pub fn parse_decimal(raw: &str, style: NumberStyle) -> Result<Option<Decimal>, String> {
    let text = raw.trim_matches(is_blank_char);
    if text.is_empty() {
        return Ok(None);
    }
    let refuse = || format!("\"{}\" is not a number", clip(text));
    let (negative, body) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, text),
    };
    let currency_word = is_currency_word(body);
    let mut cleaned = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' | '-' | '+' | '.' | ',' => cleaned.push(c),
            '$' | '€' | '£' | '¥' | '\u{a0}' | '\u{202f}' | ' ' | '\'' => {}
            _ if c.is_alphabetic() && currency_word => {}
            'e' | 'E' => cleaned.push(c),
            _ => return Err(refuse()),
        }
    }
    let plain =
        if style.decimal_comma { comma_decimal(&cleaned) } else { strip_thousands(&cleaned) }.ok_or_else(refuse)?;
    let value = if plain.contains(['e', 'E']) {
        Decimal::from_scientific(&plain).map_err(|_| refuse())?
    } else {
        parse_plain(&plain).ok_or_else(refuse)?
    };
    Ok(Some(if negative { -value } else { value }.normalize()))
}

/// `kr 1 200` or `1200 USD`: letters are only allowed as a currency code or symbol word.
fn is_currency_word(text: &str) -> bool {
    let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
    matches!(letters.to_ascii_uppercase().as_str(), "KR" | "USD" | "EUR" | "GBP" | "SEK" | "NOK" | "DKK" | "CHF")
}

/// Removes `,` thousands separators, refusing commas that are not at thousands positions
/// (`1,23` is a decimal comma in a file that was not read as such, not one hundred twenty-three).
fn strip_thousands(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (integer, rest) = match text.find('.') {
        Some(dot) => text.split_at(dot),
        None => (text, ""),
    };
    if rest.contains(',') {
        return None;
    }
    let digits = integer.trim_start_matches(['-', '+']);
    let mut groups = digits.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
        return None;
    }
    Some(format!("{}{}", integer.replace(',', ""), rest))
}

/// A number from a `;`-delimited European re-save: `1.234,56` (comma decimal, dots only at
/// thousands positions), `1.234` (thousands), or `0.52` (a dot that cannot be a thousands
/// separator is the decimal point, as Swiss re-saves write it).
fn comma_decimal(text: &str) -> Option<String> {
    let swapped: String = text
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            other => other,
        })
        .collect();
    if text.contains(',') {
        return strip_thousands(&swapped);
    }
    strip_thousands(&swapped).or_else(|| Some(text.to_owned()))
}

/// Plain decimal text; trailing fractional zeros beyond Decimal's 28 places are dropped first.
fn parse_plain(text: &str) -> Option<Decimal> {
    let trimmed = match text.find('.') {
        Some(_) => text.trim_end_matches('0').trim_end_matches('.'),
        None => text,
    };
    if trimmed.is_empty() || trimmed == "-" || trimmed == "+" {
        return if text.chars().any(|c| c.is_ascii_digit()) { Some(Decimal::ZERO) } else { None };
    }
    trimmed.parse::<Decimal>().ok()
}

/// A number cell or number text.
pub fn cell_decimal(cell: &Cell, style: NumberStyle) -> Result<Option<Decimal>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(text) => parse_decimal(text, style),
        Cell::Number(n) => parse_decimal(&format_number(*n), NumberStyle::default()),
        Cell::Bool(_) | Cell::DateTime(_) => Err(format!("{} is not a number", cell.display())),
        Cell::Error(e) => Err(format!("the cell holds the formula error {e}")),
    }
}

/// How a source writes dates. ISO dates are unambiguous and accepted in every style; a slashed
/// date is only read in the order the style names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    Iso,
    UnixSeconds,
    Mdy,
    Dmy,
    YmdSlash,
}

/// Excel's day zero for serial dates (1900 date system, after Lotus's leap-year bug).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(NaiveDate::MIN)
}

/// Serial numbers that can be dates: 1954-10-03 .. 2119-01-14.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 20_000.0..=80_000.0;

pub fn cell_datetime(cell: &Cell, style: DateStyle) -> Result<Option<NaiveDateTime>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::DateTime(dt) => Ok(Some(*dt)),
        Cell::Number(n) if style == DateStyle::UnixSeconds => unix_seconds(*n).map(Some),
        Cell::Number(n) => excel_serial(*n).map(Some),
        Cell::Text(text) => parse_datetime(text, style),
        Cell::Bool(_) => Err(format!("{} is not a date", cell.display())),
        Cell::Error(e) => Err(format!("the cell holds the formula error {e}")),
    }
}

pub fn cell_date(cell: &Cell, style: DateStyle) -> Result<Option<NaiveDate>, String> {
    cell_datetime(cell, style).map(|dt| dt.map(|dt| dt.date()))
}

fn excel_serial(n: f64) -> Result<NaiveDateTime, String> {
    if !SERIAL_RANGE.contains(&n) {
        return Err(format!("{} is not a date", format_number(n)));
    }
    let days = n.trunc() as u64;
    let seconds = ((n.fract() * 86_400.0).round() as u32).min(86_399);
    let date = excel_epoch().checked_add_days(Days::new(days)).ok_or("date out of range")?;
    Ok(date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN)))
}

fn unix_seconds(n: f64) -> Result<NaiveDateTime, String> {
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(format!("{} is not a Unix time in whole seconds", format_number(n)));
    }
    DateTime::from_timestamp(n as i64, 0)
        .map(|dt| dt.naive_utc())
        .ok_or_else(|| format!("{} is not a Unix time", format_number(n)))
}

pub fn parse_datetime(raw: &str, style: DateStyle) -> Result<Option<NaiveDateTime>, String> {
    let text = raw.trim_matches(is_blank_char);
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(dt) = parse_iso(text) {
        return Ok(Some(dt));
    }
    let parsed = match style {
        DateStyle::UnixSeconds => {
            let seconds = text.strip_suffix(".0").unwrap_or(text);
            return seconds.parse::<f64>().map_err(|_| not_a_date(text, style)).and_then(unix_seconds).map(Some);
        }
        DateStyle::Mdy => slashed(text, ['/', '-'], |a, b, c| (c, a, b)),
        DateStyle::Dmy => slashed(text, ['/', '.'], |a, b, c| (c, b, a)),
        DateStyle::YmdSlash => slashed(text, ['/', '/'], |a, b, c| (a, b, c)),
        DateStyle::Iso => None,
    };
    match parsed {
        Some(Ok(dt)) => Ok(Some(dt)),
        Some(Err(message)) => Err(message),
        None if looks_like_iso_date(text) => Err(format!("{} is not a date in the calendar", clip(text))),
        None => Err(not_a_date(text, style)),
    }
}

fn not_a_date(text: &str, style: DateStyle) -> String {
    let expected = match style {
        DateStyle::Iso => "YYYY-MM-DD",
        DateStyle::UnixSeconds => "Unix seconds",
        DateStyle::Mdy => "MM/DD/YYYY",
        DateStyle::Dmy => "DD/MM/YYYY",
        DateStyle::YmdSlash => "YYYY/M/D",
    };
    format!("\"{}\" is not a date ({expected} expected)", clip(text))
}

fn looks_like_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit)
}

/// `2025-10-05`, `2025-10-05T00:00:00Z`, `+00:00`, no offset, `.000Z`, `2025-10-05 00:00:00 UTC`.
fn parse_iso(text: &str) -> Option<NaiveDateTime> {
    if !looks_like_iso_date(text) {
        return None;
    }
    if text.len() == 10 {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().map(|d| d.and_time(NaiveTime::MIN));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.naive_utc());
    }
    let local = text.strip_suffix(" UTC").or_else(|| text.strip_suffix('Z')).unwrap_or(text);
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(local, format).ok())
}

/// A date of three numbers split by one of `seps`, optionally followed by a time; `order` maps
/// the three numbers as written to (year, month, day).
fn slashed(
    text: &str,
    seps: [char; 2],
    order: impl Fn(u32, u32, u32) -> (u32, u32, u32),
) -> Option<Result<NaiveDateTime, String>> {
    let (date_part, time_part) = match text.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (text, None),
    };
    let parts: Vec<&str> = date_part.split(|c| seps.contains(&c)).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let numbers: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (year, month, day) = order(numbers[0], numbers[1], numbers[2]);
    if year < 1000 {
        return None;
    }
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        return Some(Err(format!("{} is not a date in the calendar", clip(text))));
    };
    let time = match time_part {
        None | Some("") => NaiveTime::MIN,
        Some(t) => match ["%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
        {
            Some(time) => time,
            None => return Some(Err(format!("\"{}\" has a time that cannot be read", clip(text)))),
        },
    };
    Some(Ok(date.and_time(time)))
}

/// A month as billing exports write it, as its first day: `202509` (BigQuery `invoice.month`),
/// `2025-09`, `2025/9`, `Sep 2025`, `September 2025`.
pub fn parse_month(raw: &str) -> Option<NaiveDate> {
    let text = raw.trim_matches(is_blank_char);
    let digits =
        |t: &str, len: std::ops::RangeInclusive<usize>| len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let (year, month) = if digits(text, 6..=6) {
        (text[..4].parse().ok()?, text[4..].parse().ok()?)
    } else if let Some((year, month)) = text.split_once(['-', '/'])
        && digits(year, 4..=4)
        && digits(month, 1..=2)
    {
        (year.parse().ok()?, month.parse().ok()?)
    } else {
        let mut words = text.split_whitespace();
        let (name, year) = (words.next()?, words.next()?);
        if words.next().is_some() || !digits(year, 4..=4) {
            return None;
        }
        (year.parse().ok()?, month_number(name)?)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// `Jan`, `jan.`, `January` → 1; English only (the exports that write month names do).
fn month_number(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = name.trim_end_matches('.').to_lowercase();
    if name.len() < 3 {
        return None;
    }
    NAMES.iter().position(|full| full.starts_with(&name)).map(|i| i as u32 + 1)
}

/// A month cell: month text, a bare `202509` number, or a date (its month).
pub fn cell_month(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Text(text) => parse_month(text),
        Cell::Number(n) if n.fract() == 0.0 => parse_month(&format_number(*n)),
        Cell::DateTime(dt) => dt.date().with_day(1),
        _ => None,
    }
}

/// What a pivot table's period label names: one day, or a whole month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PeriodLabel {
    Day(NaiveDate),
    Month(NaiveDate),
}

/// A period label as pivot tables write it in a row label or a header: a month (`Jul 2026`,
/// `2026-07`) or a day (`2026-07-01`, or as `style` writes dates).
pub fn cell_period_label(cell: &Cell, style: DateStyle) -> Result<PeriodLabel, String> {
    if let Some(month) = cell_month(cell).filter(|_| !matches!(cell, Cell::DateTime(_))) {
        return Ok(PeriodLabel::Month(month));
    }
    match cell_datetime(cell, style) {
        Ok(Some(dt)) => Ok(PeriodLabel::Day(dt.date())),
        Ok(None) => Err("the period is missing".into()),
        Err(_) => Err(format!("\"{}\" is neither a day nor a month", clip(&cell.display()))),
    }
}

/// Long cell text clipped for messages.
pub fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn dec(text: &str) -> Decimal {
        text.parse().expect("test decimal")
    }

    #[rstest]
    #[case::trailing_zeros("0.8958740000000000", "0.895874")]
    #[case::thirty_places("0.003835980000000000000000000000", "0.00383598")]
    #[case::scientific("8e-07", "0.0000008")]
    #[case::negative_zero("-0.00", "0")]
    #[case::thousands("\"6,282.708\"", "6282.708")]
    #[case::currency("$1,968.85", "1968.85")]
    #[case::parentheses("(1,234.50)", "-1234.5")]
    #[case::integer_as_float("59200.0", "59200")]
    #[case::tiny("0.000011139", "0.000011139")]
    #[case::stray_bom("\u{FEFF}12.5", "12.5")]
    #[case::currency_word("12 USD", "12")]
    fn decimals_are_exact(#[case] text: &str, #[case] expected: &str) {
        let text = text.trim_matches('"');
        assert_eq!(parse_decimal(text, NumberStyle::default()), Ok(Some(dec(expected))));
    }

    #[rstest]
    #[case("0,52", "0.52")]
    #[case("1.234,56", "1234.56")]
    #[case("(12,5)", "-12.5")]
    #[case("1.234", "1234")]
    #[case("0.52", "0.52")]
    #[case("12.5", "12.5")]
    fn decimal_commas(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(parse_decimal(text, NumberStyle { decimal_comma: true }), Ok(Some(dec(expected))));
    }

    #[rstest]
    #[case::words("n/a")]
    #[case::decimal_comma_in_a_dot_file("1,23")]
    #[case::two_dots("1.2.3")]
    #[case::html("<b>1</b>")]
    fn bad_numbers_are_refused(#[case] text: &str) {
        let error = parse_decimal(text, NumberStyle::default()).expect_err("refused");
        assert!(error.contains("is not a number"), "{error}");
    }

    #[test]
    fn blank_is_none() {
        assert_eq!(parse_decimal("  ", NumberStyle::default()), Ok(None));
        assert_eq!(cell_decimal(&Cell::Empty, NumberStyle::default()), Ok(None));
    }

    #[test]
    fn formula_errors_say_so() {
        let error = cell_decimal(&Cell::Error("#DIV/0!".into()), NumberStyle::default()).expect_err("refused");
        assert!(error.contains("#DIV/0!"));
    }

    fn ymd_hms(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|date| date.and_hms_opt(h, 0, 0)).expect("test date")
    }

    #[rstest]
    #[case::iso_date("2025-10-05", DateStyle::Iso, ymd_hms(2025, 10, 5, 0))]
    #[case::iso_z("2025-10-05T13:00:00Z", DateStyle::Iso, ymd_hms(2025, 10, 5, 13))]
    #[case::iso_offset("2025-10-05T00:00:00+02:00", DateStyle::Iso, ymd_hms(2025, 10, 4, 22))]
    #[case::iso_no_offset("2025-10-05T00:00:00", DateStyle::Iso, ymd_hms(2025, 10, 5, 0))]
    #[case::iso_millis("2025-09-01T00:00:00.000Z", DateStyle::Iso, ymd_hms(2025, 9, 1, 0))]
    #[case::bigquery("2025-09-01 07:00:00 UTC", DateStyle::Iso, ymd_hms(2025, 9, 1, 7))]
    #[case::unix("1759622400", DateStyle::UnixSeconds, ymd_hms(2025, 10, 5, 0))]
    #[case::mdy("09/21/2023", DateStyle::Mdy, ymd_hms(2023, 9, 21, 0))]
    #[case::dmy("03/04/2026", DateStyle::Dmy, ymd_hms(2026, 4, 3, 0))]
    #[case::ymd_slash("2026/9/1", DateStyle::YmdSlash, ymd_hms(2026, 9, 1, 0))]
    #[case::iso_in_mdy_file("2023-09-21", DateStyle::Mdy, ymd_hms(2023, 9, 21, 0))]
    fn dates_by_style(#[case] text: &str, #[case] style: DateStyle, #[case] expected: NaiveDateTime) {
        assert_eq!(parse_datetime(text, style), Ok(Some(expected)));
    }

    #[rstest]
    #[case::no_such_day("2025-02-30", DateStyle::Iso, "not a date in the calendar")]
    #[case::no_such_month_in_mdy("13/01/2025", DateStyle::Mdy, "not a date in the calendar")]
    #[case::words("yesterday", DateStyle::Iso, "YYYY-MM-DD expected")]
    fn bad_dates_are_refused(#[case] text: &str, #[case] style: DateStyle, #[case] says: &str) {
        let error = parse_datetime(text, style).expect_err("refused");
        assert!(error.contains(says), "{error}");
    }

    #[test]
    fn excel_serials_and_date_cells() {
        assert_eq!(cell_date(&Cell::Number(45_931.0), DateStyle::Iso), Ok(NaiveDate::from_ymd_opt(2025, 10, 1)));
        assert!(cell_date(&Cell::Number(12.5), DateStyle::Iso).is_err());
        let dt = ymd_hms(2026, 1, 31, 0);
        assert_eq!(cell_datetime(&Cell::DateTime(dt), DateStyle::Mdy), Ok(Some(dt)));
    }

    fn first_of(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).expect("test month")
    }

    #[rstest]
    #[case::bigquery_invoice_month("202509", Some(first_of(2025, 9)))]
    #[case::iso_month("2025-09", Some(first_of(2025, 9)))]
    #[case::slashed_month("2025/9", Some(first_of(2025, 9)))]
    #[case::cost_explorer_header("Jul 2026", Some(first_of(2026, 7)))]
    #[case::full_name("September 2025", Some(first_of(2025, 9)))]
    #[case::abbreviation_with_dot("sep. 2025", Some(first_of(2025, 9)))]
    #[case::no_such_month("202513", None)]
    #[case::a_day_is_not_a_month("2025-09-01", None)]
    #[case::words("Service total", None)]
    #[case::too_short_a_name("Ju 2026", None)]
    fn months_as_exports_write_them(#[case] text: &str, #[case] expected: Option<NaiveDate>) {
        assert_eq!(parse_month(text), expected, "{text:?}");
    }

    #[rstest]
    #[case::month_header(Cell::text("Jul 2026"), Ok(PeriodLabel::Month(first_of(2026, 7))))]
    #[case::day_label(Cell::text("2026-07-14"), Ok(PeriodLabel::Day(ymd_hms(2026, 7, 14, 0).date())))]
    #[case::first_of_month_is_a_day_until_the_table_says_otherwise(
        Cell::text("2026-07-01"),
        Ok(PeriodLabel::Day(first_of(2026, 7)))
    )]
    #[case::excel_date_cell(Cell::DateTime(ymd_hms(2026, 8, 1, 0)), Ok(PeriodLabel::Day(first_of(2026, 8))))]
    #[case::not_a_period(Cell::text("Discount"), Err("\"Discount\" is neither a day nor a month".to_owned()))]
    #[case::blank(Cell::Empty, Err("the period is missing".to_owned()))]
    fn pivot_period_labels(#[case] cell: Cell, #[case] expected: Result<PeriodLabel, String>) {
        assert_eq!(cell_period_label(&cell, DateStyle::Iso), expected, "{cell:?}");
    }

    #[test]
    fn display_drops_spurious_decimals_and_boms() {
        assert_eq!(Cell::Number(10.0).display(), "10");
        assert_eq!(Cell::Number(0.25).display(), "0.25");
        assert_eq!(Cell::text("\u{FEFF}abc ").display(), "abc");
    }
}
