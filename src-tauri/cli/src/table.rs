//! Plain-text tables for a terminal.

use steward_core::domain::System;

/// Shortens `text` to `width` characters, marking the cut with an ellipsis.
pub fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

/// Groups the whole part of a decimal string by thousands: "432000.00" → "432,000.00".
pub fn grouped(decimal: &str) -> String {
    let (sign, digits) = decimal.strip_prefix('-').map_or(("", decimal), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

pub fn systems_text(systems: &[System]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{:<10} {:<44} {:<28} {:<20} {:<18}", "Code", "Name", "Type", "Vendor", "Lifecycle");
    for s in systems {
        let f = &s.fields;
        let _ = writeln!(
            out,
            "{:<10} {:<44} {:<28} {:<20} {:<18}",
            clip(&f.code, 10),
            clip(&f.name, 44),
            clip(f.system_type.map(|t| t.label()).unwrap_or(""), 28),
            clip(s.vendor_name.as_deref().unwrap_or("—"), 20),
            f.lifecycle_state.map(|l| l.label()).unwrap_or("")
        );
    }
    let _ = writeln!(out, "{} systems", systems.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_keeps_decimals() {
        assert_eq!(grouped("432000.00"), "432,000.00", "six digits get one separator");
        assert_eq!(grouped("-1234567.5"), "-1,234,567.5", "the sign stays in front");
        assert_eq!(grouped("999"), "999", "short numbers are untouched");
    }

    #[test]
    fn clips_long_names_with_an_ellipsis() {
        assert_eq!(clip("Übersetzungs-Assistent", 10), "Übersetzu…", "counts characters, not bytes");
    }
}
