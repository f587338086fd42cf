//! A CSV file read into rows keyed by header, with cell parsers that name the file, row and
//! column of anything they refuse.

use chrono::NaiveDate;

use crate::domain::parse_decimal_micros;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}, row {row}, column \"{column}\": {message}")]
    Cell { file: String, row: u32, column: String, message: String },
}

/// A sheet with a header row, read whole (demo and small user sheets).
pub struct SheetTable {
    pub file: String,
    headers: Vec<String>,
    rows: Vec<csv::StringRecord>,
}

/// One data row: its 1-based row number as a spreadsheet shows it (the header is row 1).
pub struct SheetRow<'a> {
    table: &'a SheetTable,
    record: &'a csv::StringRecord,
    pub row: u32,
}

impl SheetTable {
    pub fn from_csv(file: &str, bytes: &[u8]) -> Result<SheetTable, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
        let fail = |message: String| ImportError::File { file: file.to_owned(), message };
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| fail(format!("cannot read the header row: {e}")))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        let rows =
            reader.records().collect::<Result<Vec<_>, _>>().map_err(|e| fail(format!("cannot read the file: {e}")))?;
        Ok(SheetTable { file: file.to_owned(), headers, rows })
    }

    pub fn rows(&self) -> impl Iterator<Item = SheetRow<'_>> {
        self.rows.iter().enumerate().map(move |(i, record)| SheetRow { table: self, record, row: i as u32 + 2 })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Fails early, naming the missing columns, rather than on the first row.
    pub fn require_columns(&self, columns: &[&str]) -> Result<(), ImportError> {
        let missing: Vec<&str> = columns.iter().copied().filter(|c| !self.headers.iter().any(|h| h == c)).collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ImportError::File {
                file: self.file.clone(),
                message: format!("missing columns: {}", missing.join(", ")),
            })
        }
    }
}

impl SheetRow<'_> {
    fn error(&self, column: &str, message: impl Into<String>) -> ImportError {
        ImportError::Cell {
            file: self.table.file.clone(),
            row: self.row,
            column: column.to_owned(),
            message: message.into(),
        }
    }

    /// The trimmed text of a column ("" when empty or absent).
    pub fn text(&self, column: &str) -> String {
        self.table
            .headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.record.get(i))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    }

    pub fn required(&self, column: &str) -> Result<String, ImportError> {
        let text = self.text(column);
        if text.is_empty() { Err(self.error(column, "is empty")) } else { Ok(text) }
    }

    pub fn date(&self, column: &str) -> Result<Option<NaiveDate>, ImportError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| self.error(column, format!("\"{text}\" is not a date written YYYY-MM-DD")))
    }

    /// A month written `YYYY-MM`, as its first day.
    pub fn month(&self, column: &str) -> Result<NaiveDate, ImportError> {
        let text = self.required(column)?;
        NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map_err(|_| self.error(column, format!("\"{text}\" is not a month written YYYY-MM")))
    }

    pub fn yes_no(&self, column: &str) -> Result<Option<bool>, ImportError> {
        match self.text(column).to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "yes" | "y" | "true" | "1" => Ok(Some(true)),
            "no" | "n" | "false" | "0" => Ok(Some(false)),
            other => Err(self.error(column, format!("\"{other}\" is not yes or no"))),
        }
    }

    pub fn number<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, ImportError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|_| self.error(column, format!("\"{text}\" is not a number")))
    }

    pub fn money_micros(&self, column: &str) -> Result<i64, ImportError> {
        let text = self.required(column)?;
        parse_decimal_micros(&text).map_err(|e| self.error(column, format!("\"{text}\" {e}")))
    }

    /// An enumeration value (stored value or label); empty is `None`.
    pub fn choice<T>(&self, column: &str, parse: fn(&str) -> Option<T>) -> Result<Option<T>, ImportError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        parse(&text).map(Some).ok_or_else(|| self.error(column, format!("\"{text}\" is not one of the allowed values")))
    }

    /// A problem with this row's cell that the caller found (a rule across columns, a range).
    pub fn invalid(&self, column: &str, message: impl Into<String>) -> ImportError {
        self.error(column, message)
    }

    /// An enumeration value that must be there.
    pub fn required_choice<T>(&self, column: &str, parse: fn(&str) -> Option<T>) -> Result<T, ImportError> {
        self.choice(column, parse)?.ok_or_else(|| self.error(column, "is empty"))
    }

    /// A plain decimal such as `1234.5` or `-0.25` (no thousands separator, no symbol), as its exact
    /// text and in micro-units for comparing.
    pub fn decimal(&self, column: &str) -> Result<(String, i64), ImportError> {
        let text = self.required(column)?;
        let digits = text.strip_prefix('-').unwrap_or(&text);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        let plain = [whole, fraction].iter().all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
        if !plain {
            return Err(self.error(column, format!("\"{text}\" is not a plain decimal such as 1234.5")));
        }
        let micros = parse_decimal_micros(&text).map_err(|e| self.error(column, format!("\"{text}\" {e}")))?;
        Ok((text, micros))
    }

    /// A `;`-separated list, e.g. system codes.
    pub fn list(&self, column: &str) -> Vec<String> {
        self.text(column).split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }
}
