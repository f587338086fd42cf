//! The demo portfolio: spreadsheet files under `assets/demo/`, built into the binary so the
//! app can offer them on first run, and shifted in time so the newest month of data is always
//! the month before the day they are loaded.

use chrono::{Datelike, Months, NaiveDate};

/// The shipped demo could not be read: a file, or a cell of one, is not what it should be.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}, row {row}, column \"{column}\": {message}")]
    Cell { file: String, row: u32, column: String, message: String },
}

/// The demo files as shipped: (file name, contents).
const FILES: &[(&str, &str)] = &[
    ("manifest.json", include_str!("../../../../assets/demo/manifest.json")),
    ("vendors.csv", include_str!("../../../../assets/demo/vendors.csv")),
    ("systems.csv", include_str!("../../../../assets/demo/systems.csv")),
    ("contracts.csv", include_str!("../../../../assets/demo/contracts.csv")),
    ("initiatives.csv", include_str!("../../../../assets/demo/initiatives.csv")),
    ("stage_history.csv", include_str!("../../../../assets/demo/stage_history.csv")),
    ("costs.csv", include_str!("../../../../assets/demo/costs.csv")),
    ("adoption.csv", include_str!("../../../../assets/demo/adoption.csv")),
    ("value_assumptions.csv", include_str!("../../../../assets/demo/value_assumptions.csv")),
    ("risks.csv", include_str!("../../../../assets/demo/risks.csv")),
    ("reviews.csv", include_str!("../../../../assets/demo/reviews.csv")),
    ("incidents.csv", include_str!("../../../../assets/demo/incidents.csv")),
    ("budgets.csv", include_str!("../../../../assets/demo/budgets.csv")),
    ("fx_rates.csv", include_str!("../../../../assets/demo/fx_rates.csv")),
];

/// What the demo's manifest says of the portfolio as a whole.
pub struct DemoPortfolio {
    pub company: String,
    pub reporting_currency: String,
}

/// Moves every date of the demo by whole months (day clamped to the month's end).
struct Shift(i32);

impl Shift {
    fn date(&self, date: Option<NaiveDate>) -> Option<NaiveDate> {
        let date = date?;
        let shifted = if self.0 >= 0 {
            date.checked_add_months(Months::new(self.0 as u32))?
        } else {
            date.checked_sub_months(Months::new(self.0.unsigned_abs()))?
        };
        // A contract ending on 30 November ends on the last day of its new month too.
        Some(if is_month_end(date) { month_end(shifted) } else { shifted })
    }

    /// A date or month cell shifted, in the form it was written; empty stays empty.
    fn text(&self, cell: &str) -> Option<String> {
        let cell = cell.trim();
        if cell.is_empty() {
            return Some(String::new());
        }
        if let Ok(date) = NaiveDate::parse_from_str(cell, "%Y-%m-%d") {
            return self.date(Some(date)).map(|d| d.format("%Y-%m-%d").to_string());
        }
        let month = NaiveDate::parse_from_str(&format!("{cell}-01"), "%Y-%m-%d").ok()?;
        self.date(Some(month)).map(|d| d.format("%Y-%m").to_string())
    }
}

fn manifest() -> Result<serde_json::Value, ImportError> {
    serde_json::from_str(file_text("manifest.json"))
        .map_err(|e| ImportError::File { file: "manifest.json".into(), message: e.to_string() })
}

/// The shift that makes the manifest's last data month the month before `today`.
fn shift_for(today: NaiveDate) -> Result<Shift, ImportError> {
    let manifest = manifest()?;
    let last = manifest.get("last_data_month").and_then(|v| v.as_str()).unwrap_or_default();
    let last_month = NaiveDate::parse_from_str(&format!("{last}-01"), "%Y-%m-%d").map_err(|_| ImportError::File {
        file: "manifest.json".into(),
        message: "last_data_month is not YYYY-MM".into(),
    })?;
    Ok(Shift(month_index(today) - 1 - month_index(last_month)))
}

/// The demo files, in the order they load through the importer (systems name their vendors;
/// costs, value assumptions and the governance record their systems, initiatives and vendors),
/// with the columns holding dates.
const IMPORTED: &[(&str, &[&str])] = &[
    ("vendors.csv", &["review_date"]),
    ("systems.csv", &["first_seen", "next_review_date"]),
    ("contracts.csv", &["start_date", "end_date"]),
    ("initiatives.csv", &["stage_entered_on", "planned_go_live"]),
    ("stage_history.csv", &["decided_on"]),
    ("fx_rates.csv", &["valid_from"]),
    ("costs.csv", &["month"]),
    ("adoption.csv", &["month"]),
    ("budgets.csv", &["period_start", "period_end"]),
    ("value_assumptions.csv", &[]),
    ("risks.csv", &["deadline", "accepted_on"]),
    ("reviews.csv", &["due_date", "completed_on"]),
    ("incidents.csv", &["occurred_on", "detected_on", "resolved_on"]),
];

/// A demo file as the importer reads it: the shipped CSV with its dates shifted.
pub struct ShiftedFile {
    pub name: &'static str,
    pub headers: Vec<String>,
    pub text: String,
}

/// Every demo file as CSV text for a portfolio loaded on `today`: every date (`YYYY-MM-DD`)
/// and month (`YYYY-MM`) moved by the same whole months, so the newest month of data is the
/// month before `today`.
pub fn importable_files(today: NaiveDate) -> Result<Vec<ShiftedFile>, ImportError> {
    let shift = shift_for(today)?;
    IMPORTED.iter().map(|(name, dates)| shift_csv(name, file_text(name), dates, &shift)).collect()
}

fn shift_csv(name: &'static str, text: &str, dates: &[&str], shift: &Shift) -> Result<ShiftedFile, ImportError> {
    let fail = |message: String| ImportError::File { file: name.into(), message };
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().map_err(|e| fail(e.to_string()))?.iter().map(str::to_owned).collect();
    let columns: Vec<usize> = dates.iter().filter_map(|d| headers.iter().position(|h| h == d)).collect();
    if columns.len() != dates.len() {
        return Err(fail(format!("a date column of {} is missing", dates.join(", "))));
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers).map_err(|e| fail(e.to_string()))?;
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| fail(e.to_string()))?;
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        for &column in &columns {
            let Some(cell) = cells.get_mut(column) else { continue };
            *cell = shift.text(cell).ok_or_else(|| ImportError::Cell {
                file: name.into(),
                row: index as u32 + 2,
                column: headers[column].clone(),
                message: format!("\"{cell}\" is not a date (YYYY-MM-DD) or month (YYYY-MM)"),
            })?;
        }
        writer.write_record(&cells).map_err(|e| fail(e.to_string()))?;
    }
    let bytes = writer.into_inner().map_err(|e| fail(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| fail(e.to_string()))?;
    Ok(ShiftedFile { name, headers, text })
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt().is_none_or(|next| next.month() != date.month())
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(date)
}

fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

fn file_text(name: &str) -> &'static str {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text).unwrap_or("")
}

impl DemoPortfolio {
    /// The company and reporting currency the demo's manifest names.
    pub fn load() -> Result<DemoPortfolio, ImportError> {
        let manifest = manifest()?;
        let text = |key: &str| manifest.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        Ok(DemoPortfolio { company: text("company"), reporting_currency: text("reporting_currency") })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    /// The rows of a file the importer reads, as it reads them on `today`: column → text.
    fn rows(today: NaiveDate, name: &str) -> Vec<HashMap<String, String>> {
        let files = importable_files(today).expect("the shipped demo shifts cleanly");
        let file = files.iter().find(|f| f.name == name).expect("an imported demo file");
        let mut reader = csv::Reader::from_reader(file.text.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.expect("the shifted file is valid CSV");
                file.headers.iter().cloned().zip(r.iter().map(str::to_owned)).collect()
            })
            .collect()
    }

    fn day(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    fn month(text: &str) -> NaiveDate {
        day(&format!("{text}-01")).expect("a YYYY-MM month")
    }

    #[test]
    fn the_newest_month_of_data_is_the_month_before_today() {
        let today = date(2027, 3, 15);
        for file in ["costs.csv", "adoption.csv"] {
            let newest = rows(today, file).iter().map(|r| month(&r["month"])).max().expect("the file has rows");
            assert_eq!(newest, date(2027, 2, 1), "{file}: data ends last month, so it never looks stale");
        }
    }

    #[test]
    fn month_ends_stay_month_ends_when_shifted() {
        assert_eq!(Shift(1).date(Some(date(2026, 11, 30))), Some(date(2026, 12, 31)), "30 Nov is a month end");
        assert_eq!(Shift(1).date(Some(date(2027, 1, 31))), Some(date(2027, 2, 28)), "clamped into February");
        assert_eq!(Shift(-2).date(Some(date(2026, 5, 15))), Some(date(2026, 3, 15)), "mid-month days keep their day");
    }

    #[test]
    fn date_and_month_cells_shift_in_the_form_they_were_written() {
        let cases = [
            ("2026-11-30", Some("2026-12-31")),
            ("2026-05-15", Some("2026-06-15")),
            ("2026-12", Some("2027-01")),
            ("", Some("")),
            ("soon", None),
            ("2026-13", None),
        ];
        for (cell, expected) in cases {
            assert_eq!(Shift(1).text(cell).as_deref(), expected, "cell {cell:?}");
        }
    }

    #[test]
    fn only_date_columns_change_when_shifted() {
        let today = date(2026, 11, 22);
        let files = importable_files(today).expect("the shipped demo shifts cleanly");
        let costs = files.iter().find(|f| f.name == "costs.csv").expect("costs");
        let original: Vec<_> = csv::Reader::from_reader(file_text("costs.csv").as_bytes())
            .records()
            .map(|r| r.expect("valid CSV"))
            .collect();
        let shifted: Vec<_> =
            csv::Reader::from_reader(costs.text.as_bytes()).records().map(|r| r.expect("valid CSV")).collect();
        assert_eq!(original.len(), shifted.len(), "every row is kept");
        for (a, b) in original.iter().zip(&shifted) {
            assert_eq!(
                a.iter().skip(1).collect::<Vec<_>>(),
                b.iter().skip(1).collect::<Vec<_>>(),
                "only the month moves"
            );
        }
    }

    #[test]
    fn the_demo_is_big_enough_to_show_every_screen() {
        let today = date(2026, 11, 22);
        let (systems, initiatives) = (rows(today, "systems.csv"), rows(today, "initiatives.csv"));
        assert!(systems.len() >= 40, "at least 40 systems, got {}", systems.len());
        assert!(initiatives.len() >= 25, "at least 25 initiatives");
        assert!(rows(today, "vendors.csv").len() >= 12, "at least 12 vendors");
        assert!(rows(today, "contracts.csv").len() >= 15, "at least 15 contracts");
        for stage in crate::domain::Stage::ALL {
            assert!(initiatives.iter().any(|i| i["stage"] == stage.as_str()), "an initiative in stage {stage}");
        }
        for kind in crate::domain::SystemType::ALL {
            assert!(systems.iter().any(|s| s["system_type"] == kind.as_str()), "a system of type {kind}");
        }
    }

    fn micros(text: &str) -> i64 {
        crate::domain::parse_decimal_micros(text).expect("the loader checked this decimal")
    }

    #[test]
    fn the_governance_and_planning_files_hold_what_the_dashboard_needs() {
        let today = date(2026, 11, 22);
        let risks = rows(today, "risks.csv");
        let counts = [
            ("value assumptions", rows(today, "value_assumptions.csv").len(), 60..=120),
            ("risks", risks.len(), 20..=30),
            ("reviews", rows(today, "reviews.csv").len(), 25..=40),
            ("incidents", rows(today, "incidents.csv").len(), 8..=14),
            ("budgets", rows(today, "budgets.csv").len(), 24..=24),
            ("fx rates", rows(today, "fx_rates.csv").len(), 60..=120),
        ];
        for (what, count, expected) in counts {
            assert!(expected.contains(&count), "{count} {what}, expected {expected:?}: enough to fill the screens");
        }
        let score = |risk: &HashMap<String, String>, column: &str| -> u8 {
            risk[column].parse().expect("likelihood and severity are scores")
        };
        let high_open = risks
            .iter()
            .filter(|r| r["status"] == "open" && score(r, "likelihood") * score(r, "severity") >= 15)
            .filter(|r| !r["system_code"].is_empty())
            .count();
        assert!(high_open >= 3, "a few high risks are open on systems, so the risk posture has a headline");
        let cells: HashSet<(u8, u8)> = risks.iter().map(|r| (score(r, "likelihood"), score(r, "severity"))).collect();
        assert!(cells.len() >= 12, "the risks spread over the 5×5 matrix, not one corner of it");
    }

    #[test]
    fn every_live_initiative_has_a_value_model_with_ordered_ranges() {
        let today = date(2026, 11, 22);
        let assumptions = rows(today, "value_assumptions.csv");
        for initiative in rows(today, "initiatives.csv") {
            let code = &initiative["code"];
            let live = matches!(initiative["stage"].as_str(), "pilot" | "production" | "scaled");
            let model: Vec<_> = assumptions.iter().filter(|v| &v["initiative_code"] == code).collect();
            if live {
                assert!(!model.is_empty(), "{code} is live, so ROI needs its value model");
            }
            for v in model {
                let (low, likely, high) = (micros(&v["low"]), micros(&v["likely"]), micros(&v["high"]));
                assert!(low <= likely && likely <= high, "{code} {}: low ≤ likely ≤ high", v["name"]);
            }
        }
    }

    #[test]
    fn user_counts_are_observed_where_adoption_is_measured() {
        let today = date(2026, 11, 22);
        let adoption = rows(today, "adoption.csv");
        let measured: HashSet<&str> =
            adoption.iter().filter(|o| o["metric"] == "active_users").map(|o| o["system_code"].as_str()).collect();
        let initiatives = rows(today, "initiatives.csv");
        for v in rows(today, "value_assumptions.csv").iter().filter(|v| v["unit"] == "users") {
            let initiative = initiatives
                .iter()
                .find(|i| i["code"] == v["initiative_code"])
                .expect("value assumptions name known initiatives");
            if initiative["systems"].split(';').any(|code| measured.contains(code.trim())) {
                assert_eq!(v["confidence"], "observed", "{}: users are counted, not modelled", v["initiative_code"]);
            }
        }
    }

    #[test]
    fn one_off_costs_belong_to_initiatives_and_budgets_to_the_departments_that_spend() {
        let today = date(2026, 11, 22);
        let costs = rows(today, "costs.csv");
        let initiatives = rows(today, "initiatives.csv");
        let one_offs: Vec<_> = costs.iter().filter(|c| c["category"] == "one_off").collect();
        assert!(one_offs.len() >= 3, "a few one-off implementation costs");
        for cost in one_offs {
            assert!(
                initiatives.iter().any(|i| i["code"] == cost["initiative_code"]),
                "a one-off cost names its initiative: {}",
                cost["description"]
            );
            assert!(cost["system_code"].is_empty(), "one-offs are not also a system's cost, so nothing counts twice");
        }
        let departments: HashSet<&str> = costs.iter().map(|c| c["department"].as_str()).collect();
        let budgets = rows(today, "budgets.csv");
        let budgeted: HashSet<&str> =
            budgets.iter().filter(|b| b["scope_type"] == "department").map(|b| b["scope_value"].as_str()).collect();
        assert_eq!(budgeted, departments, "every department that spends has a budget, under the name costs use");
        let portfolio = budgets.iter().filter(|b| b["scope_type"] == "portfolio").count();
        assert_eq!(portfolio, 2, "one portfolio-wide budget for each of the two years");
    }
}
