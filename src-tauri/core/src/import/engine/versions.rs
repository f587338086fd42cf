//! Rows that are versions of one row (a preset's `dedupe`): BigQuery billing rows are corrected
//! by newer rows with a later `export_time`, and an extract can hold both. Of the rows sharing a
//! natural key only the newest are imported, so a correction is never added to what it corrects.
//!
//! The rows are held until the whole file is read, because a query returns them in no order:
//! the newest version may come last. That costs memory for one typed line per row, which is why
//! only presets that need it (small, user-made extracts) declare `dedupe`.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::CostRecord;

#[derive(Default)]
pub(super) struct Versions {
    /// Every held line in file order; `None` once a newer version replaced it.
    records: Vec<Option<CostRecord>>,
    /// Per key: the newest version seen and the lines that have it (rows repeated within one
    /// version are all kept, as identical rows are everywhere else).
    newest: HashMap<String, (Option<NaiveDateTime>, Vec<usize>)>,
    superseded: u64,
    /// The header of the version column, for the reason the user reads.
    column: String,
}

impl Versions {
    /// Holds a line of version `version` (`None`, a blank cell, is older than any date).
    pub(super) fn hold(&mut self, record: CostRecord, version: Option<NaiveDateTime>, column: &str) {
        if self.column.is_empty() {
            column.clone_into(&mut self.column);
        }
        let index = self.records.len();
        match self.newest.get_mut(&record.key) {
            None => {
                self.newest.insert(record.key.clone(), (version, vec![index]));
                self.records.push(Some(record));
            }
            Some((seen, indexes)) if version > *seen => {
                for older in indexes.drain(..) {
                    self.records[older] = None;
                    self.superseded += 1;
                }
                *seen = version;
                indexes.push(index);
                self.records.push(Some(record));
            }
            Some((seen, indexes)) if version == *seen => {
                indexes.push(index);
                self.records.push(Some(record));
            }
            Some(_) => {
                self.superseded += 1;
                self.records.push(None);
            }
        }
    }

    /// The newest lines in file order, how many rows they superseded, and the version column.
    pub(super) fn release(&mut self) -> (Vec<CostRecord>, u64, String) {
        let records = std::mem::take(&mut self.records).into_iter().flatten().collect();
        self.newest.clear();
        (records, std::mem::take(&mut self.superseded), std::mem::take(&mut self.column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn line(key: &str, row: u32) -> CostRecord {
        let day = NaiveDate::from_ymd_opt(2025, 9, 1).expect("test date");
        CostRecord {
            part: None,
            row,
            period_start: day,
            period_end: day,
            amount: Decimal::from(row),
            amount_micros: i64::from(row) * 1_000_000,
            currency: "USD".into(),
            basis: "billed".into(),
            quantity: None,
            unit: String::new(),
            description: String::new(),
            scope: String::new(),
            provider: "Google Cloud".into(),
            key: key.into(),
            attributes: Default::default(),
        }
    }

    fn at(hour: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(2025, 9, 2).and_then(|d| d.and_hms_opt(hour, 0, 0))
    }

    #[test]
    fn only_the_newest_version_of_a_row_is_kept_whatever_the_order() {
        let mut versions = Versions::default();
        versions.hold(line("a", 2), at(4), "export_time");
        versions.hold(line("b", 3), at(4), "export_time");
        versions.hold(line("a", 4), at(9), "export_time"); // a correction of row 2
        versions.hold(line("b", 5), at(1), "export_time"); // older than row 3
        versions.hold(line("c", 6), None, "export_time");
        versions.hold(line("c", 7), None, "export_time"); // the same row twice in one version
        let (records, superseded, column) = versions.release();
        let rows: Vec<u32> = records.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![3, 4, 6, 7], "newest per key, in file order; repeats within a version kept");
        assert_eq!((superseded, column.as_str()), (2, "export_time"), "rows 2 and 5 were superseded");
    }
}
