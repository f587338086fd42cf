//! Exports delivered in parts: the order parts are read in, the manifests beside them, and the
//! file names that mark one file as a single part of several.
//!
//! Large cloud exports arrive split: Azure scheduled exports as `part_0_0001.csv`,
//! `part_0_0002.csv` and a `manifest.json`; AWS CUR as `<report>-1.csv.gz`, `<report>-2.csv.gz`
//! and a `<report>-Manifest.json`; FOCUS producers (Pinecone) as `part-1-of-3.csv`. Read
//! together they are one delivery that restates its period; one part alone holds only some of
//! its lines.

use std::path::{Path, PathBuf};

/// Sorts `part-2` before `part-10`: digit runs compare as numbers, the rest as text.
pub(crate) fn natural_order(name: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in name.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((std::mem::take(&mut text), digits.parse().unwrap_or(u64::MAX)));
                digits.clear();
            }
            text.push(c);
        }
    }
    key.push((text, digits.parse().unwrap_or(0)));
    key
}

/// An export's manifest (Azure `manifest.json`, CUR `<report>-Manifest.json`): it lists the
/// parts and holds no lines, so it is passed over, as it is inside a zip.
pub fn is_manifest(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower == "manifest.json" || lower.ends_with("-manifest.json")
}

/// The file name of a path, for messages and provenance.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The files chosen for one import, as the parts of one delivery: manifests left out, the rest
/// in natural order of their names. Errors name the file and say what to choose instead.
pub fn delivery_parts(paths: &[PathBuf]) -> Result<Vec<PathBuf>, super::FileError> {
    let mut parts: Vec<PathBuf> = paths.iter().filter(|p| !is_manifest(&file_name(p))).cloned().collect();
    if parts.is_empty() {
        let name = paths.first().map(|p| file_name(p)).unwrap_or_default();
        return Err(super::FileError {
            file: name,
            message: "this is an export's manifest, which lists its parts but holds no lines; choose the parts \
                      themselves (or their .zip)"
                .into(),
        });
    }
    parts.sort_by_cached_key(|p| (natural_order(&file_name(p)), p.clone()));
    if let Some(twice) = parts.windows(2).find(|w| w[0] == w[1]) {
        return Err(super::FileError {
            file: file_name(&twice[0]),
            message: "it was chosen twice; choose each part of the export once".into(),
        });
    }
    Ok(parts)
}

/// How a delivery of several parts is named in the report and the history:
/// "part_0_0001.csv + 2 more parts".
pub fn delivery_name(first: &str, parts: usize) -> String {
    match parts {
        0 | 1 => first.to_owned(),
        2 => format!("{first} + 1 more part"),
        n => format!("{first} + {} more parts", n - 1),
    }
}

/// What a file's name says about its place in a multi-part export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartName {
    /// An ordinary name: a whole export, which restates the period it covers.
    Whole,
    /// The first part of an export numbered without a total (Azure `part_0_0001.csv`, CUR
    /// `<report>-1.csv.gz`). A delivery that fits in one file is named so too, so it restates
    /// its period; but lines that later parts of an export brought are not its to retire.
    First,
    /// One part of several: a later part (Azure `part_0_0002.csv`, CUR `<report>-2.csv.gz` or
    /// `<report>-00002.csv.gz`), or any part of a stated total (FOCUS `part-1-of-3.csv`). Alone,
    /// it holds only some of its period's lines, so it retires none.
    OneOfSeveral,
}

/// Reads a file's name for the part numbering of multi-part exports.
///
/// Deliberately narrow: an ordinary name must never be taken for a part, since a part no longer
/// retires the lines of its period that it does not hold. Only CSV text (plain or gzip) is a
/// part; the CUR numbering counts only on gzip files, the form CUR delivers.
pub fn part_name(name: &str) -> PartName {
    let lower = name.to_lowercase();
    let gzip = lower.ends_with(".gz");
    let text = lower.strip_suffix(".gz").unwrap_or(&lower);
    let Some(stem) = [".csv", ".tsv", ".txt"].iter().find_map(|ext| text.strip_suffix(ext)) else {
        return PartName::Whole;
    };
    of_total(stem)
        .or_else(|| azure_part(stem))
        .or_else(|| if gzip { cur_part(stem) } else { None })
        .unwrap_or(PartName::Whole)
}

/// `…part-2-of-3`, `part_1_of_3`, `part 3 of 3` at the end of the name: one of several.
fn of_total(stem: &str) -> Option<PartName> {
    let words: Vec<&str> = stem.split(['-', '_', ' ', '.']).collect();
    let [.., "part", n, "of", m] = words.as_slice() else { return None };
    let (n, m) = (number(n)?, number(m)?);
    Some(if n >= 1 && n <= m && m >= 2 { PartName::OneOfSeveral } else { PartName::Whole })
}

/// Azure's `part_<run>_<nnnn>`: the first part of the first run, or a later one.
fn azure_part(stem: &str) -> Option<PartName> {
    let ["part", run, part] = stem.split('_').collect::<Vec<_>>()[..] else { return None };
    Some(match (number(run)?, number(part)?) {
        (0, 1) => PartName::First,
        (_, 0) => PartName::Whole,
        _ => PartName::OneOfSeveral,
    })
}

/// CUR's `<report>-<n>`: a part number after a report name, zero-padded or of at most three
/// digits. A digit before the hyphen is a date (`2025-10-14`), four bare digits a year
/// (`costs-2025`): neither is a part.
fn cur_part(stem: &str) -> Option<PartName> {
    let (report, digits) = stem.rsplit_once('-')?;
    let ends_in_letter = report.chars().last().is_some_and(|c| c.is_alphabetic());
    if !ends_in_letter || !(digits.starts_with('0') || digits.len() <= 3) {
        return None;
    }
    Some(match number(digits)? {
        0 => PartName::Whole,
        1 => PartName::First,
        _ => PartName::OneOfSeveral,
    })
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::azure_second_part("part_0_0002.csv")]
    #[case::azure_part_of_a_second_run("part_1_0001.csv")]
    #[case::azure_gzip_part("part_0_0003.csv.gz")]
    #[case::azure_upper_case("PART_0_0002.CSV")]
    #[case::focus_second_of_three("part-2-of-3.csv")]
    #[case::focus_first_of_three("part-1-of-3.csv")]
    #[case::focus_with_a_prefix("pinecone-costs-part-3-of-3.csv")]
    #[case::underscores_of_total("part_2_of_4.csv")]
    #[case::cur_second_part("northwind-cur-2.csv.gz")]
    #[case::cur2_zero_padded("northwind-cur-00002.csv.gz")]
    #[case::cur_twelfth_part("my-report-12.csv.gz")]
    fn names_one_part_of_several(#[case] name: &str) {
        assert_eq!(part_name(name), PartName::OneOfSeveral, "{name:?} holds only some lines of its period");
    }

    #[rstest]
    #[case::azure("part_0_0001.csv")]
    #[case::azure_gzip("part_0_0001.csv.gz")]
    #[case::cur("northwind-cur-1.csv.gz")]
    #[case::cur2_zero_padded("northwind-cur-00001.csv.gz")]
    fn names_a_first_part_that_may_be_the_only_one(#[case] name: &str) {
        assert_eq!(part_name(name), PartName::First, "{name:?} is how a delivery of one file is named too");
    }

    #[rstest]
    #[case::one_of_one("part-1-of-1.csv")]
    #[case::nonsense_total("part-3-of-2.csv")]
    #[case::azure_part_zero("part_0_0000.csv")]
    #[case::report_with_a_number("Q2 report 2.csv")]
    #[case::part_without_total("budget part 2.csv")]
    #[case::openai_dates("cost_2025-10-01_2025-10-14.csv")]
    #[case::openai_dates_gzipped("cost_2025-10-01_2025-10-14.csv.gz")]
    #[case::month_gzipped("northwind-cur2-2025-10.csv.gz")]
    #[case::a_year("costs-2025.csv.gz")]
    #[case::plain_csv_with_a_number("costs-2.csv")]
    #[case::plain_csv_numbered_one("costs-1.csv")]
    #[case::a_workbook("part_0_0002.xlsx")]
    #[case::a_zip("part-2-of-3.zip")]
    #[case::counterpart("counterpart-2-of-3.csv")]
    #[case::anthropic("claude_api_cost_2025_10.csv")]
    #[case::azure_ea("EA_ActualCost_202510.csv")]
    #[case::gcp_reports("Northwind_Reports, 2026-08-01 — 2026-08-14.csv")]
    #[case::chatgpt_weekly("Northwind Logistics weekly user report 2024-09-01.csv")]
    #[case::several_parts_read_together("part_0_0001.csv + 2 more parts")]
    fn ordinary_names_are_whole_files(#[case] name: &str) {
        assert_eq!(
            part_name(name),
            PartName::Whole,
            "{name:?} must be read as a whole export that restates its period"
        );
    }

    #[test]
    fn manifests_are_recognised_by_name() {
        assert!(is_manifest("manifest.json") && is_manifest("Manifest.json"), "Azure's manifest");
        assert!(is_manifest("northwind-cur-Manifest.json"), "the CUR manifest beside its parts");
        assert!(!is_manifest("manifest.csv") && !is_manifest("costs.json"), "data and other JSON are not manifests");
    }

    #[test]
    fn parts_are_ordered_naturally_without_manifests() {
        let paths: Vec<PathBuf> =
            ["/x/part_0_0010.csv", "/x/manifest.json", "/x/part_0_0002.csv"].iter().map(PathBuf::from).collect();
        let parts = delivery_parts(&paths).expect("two parts");
        assert_eq!(parts, vec![PathBuf::from("/x/part_0_0002.csv"), PathBuf::from("/x/part_0_0010.csv")]);
        let twice = delivery_parts(&[PathBuf::from("/x/a.csv"), PathBuf::from("/x/a.csv")]).expect_err("refused");
        assert!(twice.to_string().contains("a.csv: it was chosen twice"), "{twice}");
        let manifest = delivery_parts(&[PathBuf::from("/x/manifest.json")]).expect_err("refused");
        assert!(manifest.message.contains("choose the parts"), "a manifest alone says what to choose: {manifest}");
    }

    #[test]
    fn a_delivery_is_named_by_its_first_part() {
        assert_eq!(delivery_name("part_0_0001.csv", 1), "part_0_0001.csv");
        assert_eq!(delivery_name("part_0_0001.csv", 2), "part_0_0001.csv + 1 more part");
        assert_eq!(delivery_name("part_0_0001.csv", 3), "part_0_0001.csv + 2 more parts");
    }
}
