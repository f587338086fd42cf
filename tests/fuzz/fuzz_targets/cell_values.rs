//! Cell text through the value parsers: `parse_decimal` in both number styles and
//! `parse_datetime` in every date style. Whatever the text, each returns a value or a message,
//! never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steward_core::import::{DateStyle, NumberStyle, parse_datetime, parse_decimal};

const DATE_STYLES: [DateStyle; 5] =
    [DateStyle::Iso, DateStyle::UnixSeconds, DateStyle::Mdy, DateStyle::Dmy, DateStyle::YmdSlash];

fuzz_target!(|text: &str| {
    for decimal_comma in [false, true] {
        let _ = parse_decimal(text, NumberStyle { decimal_comma });
    }
    for style in DATE_STYLES {
        let _ = parse_datetime(text, style);
    }
});
