//! Pivot tables, such as a Cost Explorer download: a row per day or month and a column per
//! service (or the other way round), with the file's own total row and total column.
//!
//! Each (item, period) cell is one cost line. Zero and blank cells are no line: Cost Explorer
//! writes a cell for every pair, and a line per empty pair would say nothing. A restated
//! download in which a service fell to zero still retires that service's earlier line, because
//! the period's scope is covered by the other cells. The totals are never lines: they are the
//! file's control figures, checked against the cells they add up; a mismatch is an issue.
//!
//! A table is held until its part is read: whether `2026-07-01` is a day or the month of July
//! depends on the other labels (Cost Explorer writes a month as its first day), and the total
//! row comes before the rows it adds up. Pivot tables are summaries, small by nature.

use chrono::Months;

use super::super::preset::{PivotRows, Unpivot, split_header_suffix};
use super::super::values::{DateStyle, PeriodLabel, cell_period_label};
use super::*;

const TOTAL_REASON: &str = "summary row: the file's own totals, checked against its cells";

/// The columns of a pivot table, read from its header once.
pub(super) struct PivotColumns {
    header_row: u32,
    /// The column of row labels.
    label: usize,
    /// Every other column with a header, in file order.
    columns: Vec<PivotColumn>,
}

struct PivotColumn {
    index: usize,
    /// As written, for issues.
    header: String,
    /// Without its suffix: the item or the period the column is for.
    text: String,
    total: bool,
    currency: Option<String>,
}

impl PivotColumns {
    pub(super) fn new(spec: &Unpivot, preset: &Preset, header_row: u32, label: usize, headers: &[String]) -> Self {
        let columns = headers
            .iter()
            .enumerate()
            .filter(|(index, header)| *index != label && !header.trim().is_empty())
            .map(|(index, header)| PivotColumn {
                index,
                header: header.clone(),
                text: split_header_suffix(header).0.to_owned(),
                total: is_total(spec, header),
                currency: suffix_currency(header, &preset.header_currency).or_else(|| preset.currency.clone()),
            })
            .collect();
        PivotColumns { header_row, label, columns }
    }
}

/// The period each row (or each column) names, or why it names none; `None` along the axis
/// that holds the items.
type Periods = Vec<Option<Result<PeriodLabel, String>>>;

/// The data rows and total rows of a table, until its part is read.
#[derive(Default)]
pub(super) struct Buffered {
    rows: Vec<RawRow>,
    totals: Vec<RawRow>,
}

fn is_total(spec: &Unpivot, text: &str) -> bool {
    let name = normalise_header(text);
    !name.is_empty() && spec.totals.iter().any(|total| normalise_header(total) == name)
}

/// Whether a table's day labels are months written as their first day, as Cost Explorer writes
/// a monthly download: every label but the earliest is the 1st of a month, no two of them less
/// than 28 days apart, and the earliest is a 1st too or starts a partial month more than a day
/// before the next. A daily download of two or more days always has labels a day apart; only
/// a one-day download on the 1st of a month reads as that month.
fn months_written_as_days(days: &[NaiveDate]) -> bool {
    let mut days = days.to_vec();
    days.sort_unstable();
    days.dedup();
    let Some((first, rest)) = days.split_first() else { return false };
    let rest_are_months =
        rest.iter().all(|d| d.day() == 1) && rest.windows(2).all(|pair| (pair[1] - pair[0]).num_days() >= 28);
    let first_fits = match rest.first() {
        _ if first.day() == 1 => rest.first().is_none_or(|next| (*next - *first).num_days() >= 28),
        Some(next) => (*next - *first).num_days() > 1,
        None => false,
    };
    rest_are_months && first_fits
}

fn month_end(day: NaiveDate) -> NaiveDate {
    day.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// The days a label covers (inclusive), once the table says how its days are meant.
fn span(label: PeriodLabel, monthly: bool) -> (NaiveDate, NaiveDate) {
    match label {
        PeriodLabel::Month(first) => (first, month_end(first)),
        PeriodLabel::Day(day) if monthly => (day, month_end(day)),
        PeriodLabel::Day(day) => (day, day),
    }
}

/// Decimal places a figure is written with, to know how far rounding may move a total.
fn places(cell: &Cell) -> u32 {
    let text = cell.display();
    let fraction = text.split_once('.').map_or("", |(_, fraction)| fraction);
    (fraction.chars().take_while(char::is_ascii_digit).count() as u32).min(20)
}

/// A total agrees with the cells it adds up when it differs by no more than the rounding of
/// the `cells` figures and of itself: half a unit in the last place each.
fn agrees(total: Decimal, sum: Decimal, cells: usize, places: u32) -> bool {
    let slack = Decimal::new(5, places + 1).checked_mul(Decimal::from(cells as u64 + 1));
    matches!((total.checked_sub(sum), slack), (Some(gap), Some(slack)) if gap.abs() <= slack)
}

/// Sums of the cells a total adds up: the amount, how many figures, and their decimal places.
#[derive(Default, Clone, Copy)]
struct Sum {
    amount: Decimal,
    cells: usize,
    places: u32,
}

impl Sum {
    fn add(&mut self, value: Decimal, cell: &Cell) {
        self.amount = self.amount.saturating_add(value);
        self.cells += 1;
        self.places = self.places.max(places(cell));
    }
}

impl Interpreter<'_> {
    /// A row below a pivot table's header: a total row or a data row, held until the part ends.
    pub(super) fn hold_pivot_row(&mut self, row: RawRow) {
        let Some(columns) = self.columns.as_ref() else { return };
        let (Some(spec), Some(layout)) = (columns.preset.unpivot.as_ref(), columns.pivot.as_ref()) else { return };
        let label = row.cells.get(layout.label).map(Cell::display).unwrap_or_default();
        if is_total(spec, &label) {
            *self.reading.skipped.entry(TOTAL_REASON.into()).or_default() += 1;
            self.pivot.totals.push(row);
        } else {
            self.pivot.rows.push(row);
        }
    }

    /// Turns the held table into lines, then checks its totals.
    pub(super) fn flush_pivot(&mut self) {
        let held = std::mem::take(&mut self.pivot);
        if held.rows.is_empty() && held.totals.is_empty() {
            return;
        }
        // Taken out while the lines are made (they need `self` mutably), put back after.
        let Some(preset) = self.columns.as_ref().map(|c| c.preset) else { return };
        let Some(layout) = self.columns.as_mut().and_then(|c| c.pivot.take()) else { return };
        if let Some(spec) = preset.unpivot.as_ref() {
            self.unpivot(spec, &layout, held);
        }
        if let Some(columns) = self.columns.as_mut() {
            columns.pivot = Some(layout);
        }
    }

    fn unpivot(&mut self, spec: &Unpivot, layout: &PivotColumns, held: Buffered) {
        let style = self.columns.as_ref().map_or(DateStyle::Iso, |c| c.preset.dates);
        let label_header = self.columns.as_ref().and_then(|c| c.headers.get(layout.label).cloned()).unwrap_or_default();
        let empty = Cell::Empty;
        let label_of = |row: &RawRow| row.cells.get(layout.label).unwrap_or(&empty).clone();
        // The period of each data row (rows are periods) or of each value column (rows are items).
        let (row_periods, column_periods): (Periods, Periods) = match spec.rows {
            PivotRows::Periods => (
                held.rows.iter().map(|row| Some(cell_period_label(&label_of(row), style))).collect(),
                layout.columns.iter().map(|_| None).collect(),
            ),
            PivotRows::Items => (
                held.rows.iter().map(|_| None).collect(),
                layout
                    .columns
                    .iter()
                    .map(|c| (!c.total).then(|| cell_period_label(&Cell::text(c.text.clone()), style)))
                    .collect(),
            ),
        };
        let days: Vec<NaiveDate> = row_periods
            .iter()
            .chain(&column_periods)
            .filter_map(|p| match p {
                Some(Ok(PeriodLabel::Day(day))) => Some(*day),
                _ => None,
            })
            .collect();
        let monthly = months_written_as_days(&days);
        let mut complete = true;
        for (column, period) in layout.columns.iter().zip(&column_periods) {
            if let Some(Err(message)) = period {
                complete = false;
                let issue = RowIssue {
                    part: self.part.clone(),
                    row: layout.header_row,
                    column: column.header.clone(),
                    value: clip(&column.header),
                    message: format!("{message}: the column is neither a period nor a total, so it was not imported"),
                };
                self.note_issue(issue);
            }
        }
        let mut column_sums: Vec<Sum> = vec![Sum::default(); layout.columns.len()];
        let mut grand = Sum::default();
        for (row, period) in held.rows.iter().zip(&row_periods) {
            let mut issues = Vec::new();
            let row_period = match period {
                Some(Ok(label)) => Some(span(*label, monthly)),
                Some(Err(message)) => {
                    issues.push(self.issue(row, &label_header, &label_of(row), message.clone()));
                    None
                }
                None => None,
            };
            let item_label = label_of(row).display();
            if spec.rows == PivotRows::Items && item_label.is_empty() {
                issues.push(self.issue(row, &label_header, &Cell::Empty, "the row has no label: which item it is for"));
            }
            let mut records = Vec::new();
            let mut row_sum = Sum::default();
            let mut cell_sums = Vec::new();
            for (at, (column, column_period)) in layout.columns.iter().zip(&column_periods).enumerate() {
                if column.total || matches!(column_period, Some(Err(_))) {
                    continue;
                }
                let cell = row.cells.get(column.index).unwrap_or(&empty);
                let value = match cell_decimal(cell, self.style) {
                    Ok(value) => value.unwrap_or_default(),
                    Err(message) => {
                        issues.push(self.issue(row, &column.header, cell, message));
                        continue;
                    }
                };
                cell_sums.push((at, value, cell));
                row_sum.add(value, cell);
                if value.is_zero() {
                    continue;
                }
                let (item, span) = match (spec.rows, row_period, column_period) {
                    (PivotRows::Periods, Some(span), _) => (column.text.clone(), span),
                    (PivotRows::Items, _, Some(Ok(label))) => (item_label.clone(), span(*label, monthly)),
                    _ => continue,
                };
                match self.pivot_line(spec, row, column, value, item, span) {
                    Ok(record) => records.push(record),
                    Err(issue) => issues.push(issue),
                }
            }
            if !issues.is_empty() {
                complete = false;
                self.count_issues(issues);
                continue;
            }
            self.reading.rows_emitted += 1;
            for record in records {
                self.deliver(record);
            }
            for (at, value, cell) in cell_sums {
                column_sums[at].add(value, cell);
                grand.add(value, cell);
            }
            for column in layout.columns.iter().filter(|c| c.total) {
                self.check_total(row, column, row_sum);
            }
        }
        // A skipped row or column would make every total it belongs to look wrong.
        if complete {
            self.check_total_rows(layout, &held.totals, &column_sums, grand);
        }
    }

    /// The total rows against the columns they add up; the grand total becomes the import's
    /// control total.
    fn check_total_rows(&mut self, layout: &PivotColumns, totals: &[RawRow], column_sums: &[Sum], grand: Sum) {
        for total_row in totals {
            for (column, sum) in layout.columns.iter().zip(column_sums) {
                self.check_total(total_row, column, if column.total { grand } else { *sum });
            }
        }
        let grand_total = totals.first().and_then(|row| {
            let column = layout.columns.iter().find(|c| c.total)?;
            Some(row.cells.get(column.index)?.display()).filter(|text| !text.is_empty())
        });
        if self.reading.control_total.is_none() {
            self.reading.control_total = grand_total;
        }
    }

    /// One cell as a cost line.
    fn pivot_line(
        &self,
        spec: &Unpivot,
        row: &RawRow,
        column: &PivotColumn,
        value: Decimal,
        item: String,
        (start, end): (NaiveDate, NaiveDate),
    ) -> Result<CostRecord, RowIssue> {
        let cell = row.cells.get(column.index).unwrap_or(&Cell::Empty);
        let Some(columns) = self.columns.as_ref() else {
            return Err(self.issue(row, &column.header, cell, "no layout"));
        };
        let preset = columns.preset;
        let Some(currency) = column.currency.clone() else {
            return Err(self.issue(
                row,
                &column.header,
                cell,
                "no currency: the header has no currency suffix such as ($)",
            ));
        };
        let scale = preset.amount_scale.as_deref().and_then(|s| s.parse::<Decimal>().ok()).unwrap_or(Decimal::ONE);
        let Some((amount, amount_micros)) =
            value.checked_mul(scale).map(|a| a.normalize()).and_then(|a| micros(a).map(|m| (a, m)))
        else {
            return Err(self.issue(row, &column.header, cell, TOO_LARGE));
        };
        let provider = self.provider(row);
        let scope = self.scope(&provider, row, start);
        let key = format!("{start}|{}", hash_key(&[&preset.id, &scope, &item, &start.to_string(), &end.to_string()]));
        Ok(CostRecord {
            part: self.part.clone(),
            row: row.number,
            period_start: start,
            period_end: end,
            amount,
            amount_micros,
            currency,
            basis: columns.basis.clone(),
            quantity: None,
            unit: String::new(),
            attributes: BTreeMap::from([(spec.item.clone(), item.clone())]),
            description: item,
            scope,
            provider,
            key,
        })
    }

    /// A total cell of `row` in `column` against the sum of the cells it adds up.
    fn check_total(&mut self, row: &RawRow, column: &PivotColumn, sum: Sum) {
        let Some(cell) = row.cells.get(column.index) else { return };
        let total = match cell_decimal(cell, self.style) {
            Ok(Some(total)) => total,
            Ok(None) => return,
            Err(message) => {
                let issue = self.issue(row, &column.header, cell, message);
                self.note_issue(issue);
                return;
            }
        };
        if !agrees(total, sum.amount, sum.cells, sum.places.max(places(cell))) {
            let message = format!(
                "the file's total is {} but the cells it adds up come to {}: the file may be cut off or edited",
                total.normalize(),
                sum.amount.normalize()
            );
            let issue = self.issue(row, &column.header, cell, message);
            self.note_issue(issue);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[rstest]
    #[case::monthly_download(&["2026-05-01", "2026-06-01", "2026-07-01"], true)]
    #[case::monthly_from_mid_month(&["2026-05-15", "2026-06-01", "2026-07-01"], true)]
    #[case::daily_download(&["2026-07-01", "2026-07-02", "2026-07-03"], false)]
    #[case::daily_across_a_month_end(&["2026-07-31", "2026-08-01"], false)]
    #[case::one_day_on_the_first_reads_as_its_month(&["2026-07-01"], true)]
    #[case::one_day_mid_month(&["2026-07-14"], false)]
    #[case::no_days(&[], false)]
    fn monthly_or_daily(#[case] labels: &[&str], #[case] monthly: bool) {
        let days: Vec<NaiveDate> = labels.iter().map(|t| day(t)).collect();
        assert_eq!(months_written_as_days(&days), monthly, "{labels:?}");
    }

    #[rstest]
    #[case::exact("820.00", "820", 3, true)]
    #[case::rounded_cells("10.01", "10.02", 3, true)]
    #[case::a_missing_row("820.00", "700.00", 3, false)]
    #[case::beyond_rounding("10.00", "10.05", 3, false)]
    fn totals_allow_for_rounding(#[case] total: &str, #[case] sum: &str, #[case] cells: usize, #[case] ok: bool) {
        let (total, sum) = (total.parse::<Decimal>().expect("total"), sum.parse::<Decimal>().expect("sum"));
        assert_eq!(agrees(total, sum, cells, 2), ok, "{total} against {sum} over {cells} cells");
    }

    #[test]
    fn headers_keep_their_own_parentheses_and_lose_the_currency() {
        let (text, suffix) = split_header_suffix("Claude Sonnet 4.5 (Amazon Bedrock Edition)($)");
        assert_eq!((text, suffix), ("Claude Sonnet 4.5 (Amazon Bedrock Edition)", Some("$")));
        assert_eq!(month_end(day("2028-02-10")), day("2028-02-29"));
    }
}
