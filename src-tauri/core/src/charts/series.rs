//! Preparing many named series for drawing: clean values, keep the largest, fold the rest.

use plotters::style::RGBColor;

use super::format::{NumberStyle, finite, size};
use super::text::clean_label;
use super::theme::Colors;
use super::{NamedSeries, ValueUnit};

/// Most series drawn with their own colour; the rest become "Other".
pub(crate) const MAX_SERIES: usize = 7;

/// A series ready to draw: one value per month (`None` is a gap), its colour.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub name: String,
    pub values: Vec<Option<f64>>,
    pub color: RGBColor,
}

/// What happens to the series past the seventh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Sum them into "Other (n)" (money, counts).
    Sum,
    /// Leave them out; the caller says how many (percentages do not add up).
    Drop,
}

/// Bars stack sizes: no gaps and nothing negative.
pub(crate) fn stack_values(values: &[f64], months: usize) -> Vec<Option<f64>> {
    (0..months).map(|i| Some(values.get(i).copied().map(size).unwrap_or(0.0))).collect()
}

/// Lines keep gaps where a value is missing or not a number.
pub(crate) fn line_values(values: &[f64], months: usize) -> Vec<Option<f64>> {
    (0..months).map(|i| values.get(i).copied().and_then(finite)).collect()
}

/// The series largest first (by total magnitude, ties in input order), at most seven with a
/// colour each, and the rest folded. Returns the series and how many were left out.
pub(crate) fn prepare(
    series: &[NamedSeries],
    months: usize,
    colors: &Colors,
    fold: Fold,
    clean: fn(&[f64], usize) -> Vec<Option<f64>>,
) -> (Vec<Prepared>, usize) {
    let mut cleaned: Vec<(String, Vec<Option<f64>>, f64)> = series
        .iter()
        .map(|s| {
            let values = clean(&s.values, months);
            let total = values.iter().flatten().map(|v| v.abs()).sum::<f64>();
            (clean_label(&s.name), values, total)
        })
        .collect();
    cleaned.sort_by(|a, b| b.2.total_cmp(&a.2));
    let rest = cleaned.split_off(cleaned.len().min(MAX_SERIES));
    let mut out: Vec<Prepared> = cleaned
        .into_iter()
        .enumerate()
        .map(|(i, (name, values, _))| Prepared { name, values, color: colors.series[i] })
        .collect();
    if rest.is_empty() {
        return (out, 0);
    }
    match fold {
        Fold::Drop => (out, rest.len()),
        Fold::Sum => {
            let values = (0..months)
                .map(|i| {
                    let present: Vec<f64> = rest.iter().filter_map(|(_, v, _)| v[i]).collect();
                    (!present.is_empty()).then(|| present.iter().sum())
                })
                .collect();
            out.push(Prepared { name: format!("Other ({})", rest.len()), values, color: colors.other });
            (out, 0)
        }
    }
}

/// True when nothing in `values` would draw a mark: every value missing or zero.
pub(crate) fn all_blank<'a>(values: impl IntoIterator<Item = &'a Option<f64>>) -> bool {
    values.into_iter().all(|v| v.is_none_or(|v| v == 0.0))
}

/// How a unit's numbers are written and the axis title that names them: "Spend (EUR)",
/// "Active users", "Adoption (%)".
pub(crate) fn unit_axis(unit: &ValueUnit, what: &str) -> (NumberStyle, String) {
    match unit {
        ValueUnit::Money { currency } => {
            let code = clean_label(currency).to_uppercase();
            (
                NumberStyle::Money(code.clone()),
                if code.is_empty() { what.to_owned() } else { format!("{what} ({code})") },
            )
        }
        ValueUnit::Count { noun } => {
            let noun = clean_label(noun);
            let mut chars = noun.chars();
            let title = match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => what.to_owned(),
            };
            (NumberStyle::Count, title)
        }
        ValueUnit::Percent => (NumberStyle::Percent, format!("{what} (%)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Theme;

    fn named(name: &str, values: &[f64]) -> NamedSeries {
        NamedSeries { name: name.to_owned(), values: values.to_vec() }
    }

    #[test]
    fn keeps_the_seven_largest_and_folds_the_rest_into_other() {
        let series: Vec<NamedSeries> = (0..10).map(|i| named(&format!("v{i}"), &[f64::from(i), 1.0])).collect();
        let (out, dropped) = prepare(&series, 2, Theme::Light.colors(), Fold::Sum, stack_values);
        assert_eq!(dropped, 0, "summing drops nothing");
        assert_eq!(out.len(), 8, "seven series and Other");
        assert_eq!(out[0].name, "v9", "largest first");
        assert_eq!(out[7].name, "Other (3)", "three folded series");
        assert_eq!(out[7].values, vec![Some(0.0 + 1.0 + 2.0), Some(3.0)], "Other is their sum per month");
    }

    #[test]
    fn percentages_are_left_out_not_summed() {
        let series: Vec<NamedSeries> = (0..9).map(|i| named(&format!("p{i}"), &[f64::from(i)])).collect();
        let (out, dropped) = prepare(&series, 1, Theme::Dark.colors(), Fold::Drop, line_values);
        assert_eq!((out.len(), dropped), (7, 2), "seven lines drawn, two counted as not shown");
    }

    #[test]
    fn bad_numbers_become_gaps_or_zeros() {
        let values = [f64::NAN, -5.0, f64::INFINITY, 1e300];
        assert_eq!(line_values(&values, 5), vec![None, Some(-5.0), None, Some(1e15), None]);
        assert_eq!(stack_values(&values, 5), vec![Some(0.0), Some(0.0), Some(0.0), Some(1e15), Some(0.0)]);
    }
}
