//! Reading a file into rows of cells, whatever it is: CSV/TSV/semicolon text in UTF-8 (with or
//! without BOM), UTF-16 or Windows-1252; Excel and OpenDocument workbooks; `.gz` and `.zip`
//! containers of CSV parts; several CSV files read as the parts of one export.
//!
//! Rows are pushed to a [`RowVisitor`] rather than returned, so a large CSV streams through in
//! one pass with bounded memory and a zip archive can be walked part by part.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use flate2::read::MultiGzDecoder;
use sha2::{Digest, Sha256};

use super::parts::natural_order;
use super::preset::{normalise_header, recognise};
use super::values::{Cell, NumberStyle, parse_decimal};

/// One row as read, numbered as a spreadsheet shows it (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub number: u32,
    pub cells: Vec<Cell>,
}

/// What the reader tells the importer, in order: each part (a sheet, or a CSV inside a zip)
/// starts, then its rows follow.
pub trait RowVisitor {
    /// `part` names the sheet or archive member, `None` for a plain CSV.
    fn start_part(&mut self, part: Option<&str>, style: NumberStyle);
    /// `progress` is the fraction of the file read so far (0..=1). Return `false` to stop.
    fn row(&mut self, row: RawRow, progress: f32) -> bool;
}

/// A file problem that stops the import before any row: names the file and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct FileError {
    pub file: String,
    pub message: String,
}

/// What a file turned out to be, for the preview ("CSV, UTF-8 with BOM, comma-separated").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub description: String,
    /// Sheet names of a workbook (in workbook order); empty for text files.
    pub sheets: Vec<String>,
    pub sha256: String,
    pub size: u64,
    /// The parts read, in order: a zip's CSV members, or the files of one export chosen
    /// together. Empty for a single plain file or workbook.
    pub parts: Vec<String>,
}

enum Kind {
    Text,
    Gzip,
    Zip,
    Workbook,
    /// An OLE container: a legacy .xls, or an encrypted (password-protected) Office file.
    Ole,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const GZIP_MAGIC: &[u8] = b"\x1f\x8b";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// How much of a file is read to decide what it is (and to sniff its encoding and delimiter).
const HEAD: usize = 64 * 1024;

/// Opens `path`, reads what it holds and pushes its rows to `visitor`. `sheet` picks a workbook
/// sheet by name; without it, the first sheet with a known layout is read, else the first sheet
/// with anything in it. CSV text (plain or gzip) streams from the disk; containers and workbooks
/// are read whole (their formats need it).
pub fn read_file(path: &Path, sheet: Option<&str>, visitor: &mut dyn RowVisitor) -> Result<FileFacts, FileError> {
    let mut opened = Opened::open(path)?;
    match kind_of(&opened.name, &opened.head) {
        Kind::Text | Kind::Gzip => opened.stream(None, visitor),
        _ => {
            let mut bytes = std::mem::take(&mut opened.head);
            opened.file.read_to_end(&mut bytes).map_err(|e| opened.unreadable(e))?;
            read_bytes(&opened.name, &bytes, sheet, visitor)
        }
    }
}

/// Reads several files as the parts of one export, in the order given, exactly as the CSV parts
/// of a zip are read: each is a part named by its file name (so every row keeps its file and
/// row), and together they are one delivery. Parts are CSV text, plain or gzip; a workbook or
/// an archive among them is refused by name. Stops at the first part the visitor refuses.
pub fn read_parts(paths: &[PathBuf], visitor: &mut dyn RowVisitor) -> Result<FileFacts, FileError> {
    let sizes: Vec<u64> = paths.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).collect();
    let total = sizes.iter().sum::<u64>().max(1) as f32;
    let mut read =
        FileFacts { description: String::new(), sheets: Vec::new(), sha256: String::new(), size: 0, parts: Vec::new() };
    let mut hasher = Sha256::new();
    let mut before = 0u64;
    for (path, size) in paths.iter().zip(&sizes) {
        let opened = Opened::open(path)?;
        if !matches!(kind_of(&opened.name, &opened.head), Kind::Text | Kind::Gzip) {
            return Err(FileError {
                file: opened.name,
                message: "it is a workbook or an archive, and only CSV files (plain or .gz) are read together as the \
                          parts of one export; import it on its own"
                    .into(),
            });
        }
        let name = opened.name.clone();
        let mut scaled =
            Scaled { inner: &mut *visitor, from: before as f32 / total, share: *size as f32 / total, stopped: false };
        let facts = opened.stream(Some(&name), &mut scaled)?;
        let stopped = scaled.stopped;
        hasher.update(format!("{name}\n{}\n", facts.sha256));
        before += size;
        read.size += facts.size;
        if read.description.is_empty() {
            read.description = facts.description;
        }
        read.parts.push(name);
        if stopped {
            break;
        }
    }
    read.description = format!("{} CSV parts read as one export: {}", paths.len(), read.description);
    read.sha256 = format!("{:x}", hasher.finalize());
    Ok(read)
}

/// A file opened for reading, its first bytes read to tell what it is.
struct Opened {
    name: String,
    size: u64,
    head: Vec<u8>,
    file: Hashing<File>,
}

impl Opened {
    fn open(path: &Path) -> Result<Opened, FileError> {
        let name = super::parts::file_name(path);
        let unreadable = |e: std::io::Error| unreadable(&name, e);
        let file = File::open(path).map_err(unreadable)?;
        let size = file.metadata().map_err(unreadable)?.len();
        let mut file = Hashing { inner: file, hasher: Sha256::new() };
        let mut head = Vec::with_capacity(HEAD);
        (&mut file).take(HEAD as u64).read_to_end(&mut head).map_err(unreadable)?;
        if head.is_empty() {
            return Err(FileError { file: name, message: EMPTY.into() });
        }
        Ok(Opened { name, size, head, file })
    }

    fn unreadable(&self, e: std::io::Error) -> FileError {
        unreadable(&self.name, e)
    }

    /// Streams CSV text, plain or gzip, to the visitor as `part`, hashing the file on the way.
    fn stream(mut self, part: Option<&str>, visitor: &mut dyn RowVisitor) -> Result<FileFacts, FileError> {
        let fail = |message: String| FileError { file: self.name.clone(), message };
        let head = std::mem::take(&mut self.head);
        let description = if head.starts_with(GZIP_MAGIC) {
            let mut decoder = MultiGzDecoder::new(Cursor::new(head).chain(&mut self.file));
            let mut text_head = Vec::with_capacity(HEAD);
            (&mut decoder).take(HEAD as u64).read_to_end(&mut text_head).map_err(|e| fail(gzip_damaged(e)))?;
            // The uncompressed size is unknown up front; progress counts compressed bytes as if
            // they were the text, an estimate that only makes the bar move faster.
            let description =
                read_text(&text_head, &mut decoder, self.size.saturating_mul(8), part, visitor).map_err(&fail)?;
            format!("gzip: {description}")
        } else {
            read_text(&head, &mut self.file, self.size, part, visitor).map_err(&fail)?
        };
        // Streaming may stop early (cancel); the hash then covers what was read, and nothing is kept.
        std::io::copy(&mut self.file, &mut std::io::sink()).map_err(|e| self.unreadable(e))?;
        Ok(FileFacts {
            description,
            sheets: Vec::new(),
            sha256: format!("{:x}", self.file.hasher.finalize()),
            size: self.size,
            parts: Vec::new(),
        })
    }
}

fn unreadable(file: &str, e: std::io::Error) -> FileError {
    FileError {
        file: file.to_owned(),
        message: format!("cannot be read ({e}); check that it exists and you may open it"),
    }
}

/// Passes rows on with the progress of one part turned into the progress of all of them, and
/// notes whether the visitor asked to stop (so the next part is not read).
struct Scaled<'v> {
    inner: &'v mut dyn RowVisitor,
    from: f32,
    share: f32,
    stopped: bool,
}

impl RowVisitor for Scaled<'_> {
    fn start_part(&mut self, part: Option<&str>, style: NumberStyle) {
        self.inner.start_part(part, style);
    }

    fn row(&mut self, row: RawRow, progress: f32) -> bool {
        let going = self.inner.row(row, self.from + progress.clamp(0.0, 1.0) * self.share);
        self.stopped |= !going;
        going
    }
}

const EMPTY: &str = "the file is empty (0 bytes); export it again from its source";

fn gzip_damaged(e: std::io::Error) -> String {
    format!("the gzip file is damaged ({e}); download it again")
}

/// A reader that hashes what passes through it, so a streamed file is hashed in the same pass.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Reads a file already in memory (archive members, tests, fuzzing).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    visitor: &mut dyn RowVisitor,
) -> Result<FileFacts, FileError> {
    let fail = |message: String| FileError { file: name.to_owned(), message };
    let facts = |description: String, sheets: Vec<String>| FileFacts {
        description,
        sheets,
        sha256: format!("{:x}", Sha256::digest(bytes)),
        size: bytes.len() as u64,
        parts: Vec::new(),
    };
    if bytes.is_empty() {
        return Err(fail(EMPTY.into()));
    }
    let no_more: &mut dyn Read = &mut std::io::empty();
    match kind_of(name, bytes) {
        Kind::Text => {
            let description = read_text(bytes, no_more, bytes.len() as u64, None, visitor).map_err(fail)?;
            Ok(facts(description, Vec::new()))
        }
        Kind::Gzip => {
            let mut text = Vec::new();
            MultiGzDecoder::new(bytes).read_to_end(&mut text).map_err(|e| fail(gzip_damaged(e)))?;
            let description = read_text(&text, no_more, text.len() as u64, None, visitor).map_err(fail)?;
            Ok(facts(format!("gzip: {description}"), Vec::new()))
        }
        Kind::Zip => {
            let parts = read_zip(bytes, visitor).map_err(fail)?;
            let count = parts.len();
            let description = format!("zip archive with {count} CSV part{}", if count == 1 { "" } else { "s" });
            Ok(FileFacts { parts, ..facts(description, Vec::new()) })
        }
        Kind::Workbook => {
            let (description, sheets) = read_workbook(bytes, sheet, visitor).map_err(fail)?;
            Ok(facts(description, sheets))
        }
        Kind::Ole => {
            if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
                return Err(fail(
                    "the workbook is password-protected; open it in Excel, remove the password \
                     (File → Info → Protect Workbook) and save a copy to import"
                        .into(),
                ));
            }
            let (description, sheets) = read_workbook(bytes, sheet, visitor).map_err(fail)?;
            Ok(facts(description, sheets))
        }
    }
}

fn kind_of(name: &str, bytes: &[u8]) -> Kind {
    if bytes.starts_with(ZIP_MAGIC) {
        let lower = name.to_lowercase();
        let office = [".xlsx", ".xlsm", ".xlsb", ".ods"].iter().any(|ext| lower.ends_with(ext))
            || find(bytes, b"[Content_Types].xml")
            || find(bytes, b"mimetypeapplication/vnd.oasis.opendocument");
        if office { Kind::Workbook } else { Kind::Zip }
    } else if bytes.starts_with(GZIP_MAGIC) {
        Kind::Gzip
    } else if bytes.starts_with(OLE_MAGIC) {
        Kind::Ole
    } else {
        Kind::Text
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn contains_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    find(bytes, &needle)
}

/// Names what a binary file that is not a spreadsheet looks like, for the message.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF document"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"SQLite format 3", "a database file"),
        (b"PAR1", "a Parquet file"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, what)| *what)
}

/// Decodes text (BOM sniff, UTF-8, else Windows-1252), sniffs the delimiter and streams the
/// rows. `head` is the start of the file (or all of it), `rest` what follows: UTF-8 text, by far
/// the common and the large case, streams through with bounded memory; UTF-16 and Windows-1252
/// (Excel re-saves, small by nature) are decoded whole first.
fn read_text(
    head: &[u8],
    rest: &mut dyn Read,
    total: u64,
    part: Option<&str>,
    visitor: &mut dyn RowVisitor,
) -> Result<String, String> {
    if let Some(what) = binary_kind(head) {
        return Err(format!("this is {what}, not a spreadsheet; choose the CSV or Excel file you exported"));
    }
    let utf8_head = |bytes: &[u8]| match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // Cut in the middle of a character at the end of the head: still UTF-8.
        Err(e) => e.error_len().is_none(),
    };
    let (encoding, bom): (&'static Encoding, usize) = match head {
        [0xEF, 0xBB, 0xBF, ..] => (encoding_rs::UTF_8, 3),
        [0xFF, 0xFE, ..] => (UTF_16LE, 2),
        [0xFE, 0xFF, ..] => (UTF_16BE, 2),
        _ if utf8_head(head) => (encoding_rs::UTF_8, 0),
        _ => (WINDOWS_1252, 0),
    };
    if encoding == encoding_rs::UTF_8 && head.iter().take(8192).filter(|b| **b == 0).count() > 4 {
        return Err("this is a binary file, not a spreadsheet; choose the CSV or Excel file you exported".into());
    }
    let label = match (encoding.name(), bom > 0) {
        ("UTF-8", true) => "UTF-8 with BOM".to_owned(),
        ("UTF-8", false) => "UTF-8".to_owned(),
        (other, _) => other.to_owned(),
    };
    let separator = |delimiter: u8| match delimiter {
        b'\t' => "tab-separated",
        b';' => "semicolon-separated (decimal commas)",
        b'|' => "pipe-separated",
        _ => "comma-separated",
    };
    if encoding == encoding_rs::UTF_8 && looks_like_json(&head[bom..]) {
        let mut bytes = head[bom..].to_vec();
        rest.read_to_end(&mut bytes).map_err(|e| format!("cannot be read to the end ({e})"))?;
        return read_json(&bytes, part, visitor);
    }
    let delimiter = if encoding == encoding_rs::UTF_8 {
        let delimiter = sniff_delimiter(&head[bom..]);
        visitor.start_part(part, NumberStyle { decimal_comma: delimiter == b';' });
        stream_csv(Cursor::new(&head[bom..]).chain(rest), delimiter, total, visitor)?;
        delimiter
    } else {
        let mut bytes = head[bom..].to_vec();
        rest.read_to_end(&mut bytes).map_err(|e| format!("cannot be read to the end ({e})"))?;
        let decoded = encoding.decode_without_bom_handling(&bytes).0.into_owned();
        let delimiter = sniff_delimiter(decoded.as_bytes());
        visitor.start_part(part, NumberStyle { decimal_comma: delimiter == b';' });
        stream_csv(decoded.as_bytes(), delimiter, decoded.len() as u64, visitor)?;
        delimiter
    };
    Ok(format!("CSV, {label}, {}", separator(delimiter)))
}

/// JSON records rather than CSV: the first thing in the file opens an object (newline-delimited
/// JSON, as BigQuery extracts a billing table) or an array of objects.
fn looks_like_json(text: &[u8]) -> bool {
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    let second = text.iter().filter(|b| !b.is_ascii_whitespace()).nth(1);
    matches!(first, Some(b'{')) || (matches!(first, Some(b'[')) && matches!(second, Some(b'{')))
}

/// Reads JSON records as rows: each record's fields flattened to `parent.child` columns (the
/// names a flattening query would give, which the presets know under either spelling), the
/// columns being every field any record has. Repeated records with an `amount` (BigQuery's
/// `credits`) also give their exact total as `credits_total`; other lists are kept as JSON text.
/// Each row is numbered by the line its record starts on, so an issue names that line. Read
/// whole: a billing extract with nested fields cannot be streamed as CSV is, and the columns
/// are known only once every record has been seen.
fn read_json(bytes: &[u8], part: Option<&str>, visitor: &mut dyn RowVisitor) -> Result<String, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("is not valid UTF-8 JSON ({e}); export it again"))?;
    let records = json_records(text)?;
    let mut columns: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut flat = Vec::with_capacity(records.len());
    for (line, record) in &records {
        let mut fields = Vec::new();
        flatten_json("", record, &mut fields);
        for (name, _) in &fields {
            if !index.contains_key(name) {
                index.insert(name.clone(), columns.len());
                columns.push(name.clone());
            }
        }
        flat.push((*line, fields));
    }
    let header = columns.iter().map(|c| Cell::Text(c.clone())).collect();
    visitor.start_part(part, NumberStyle::default());
    if !visitor.row(RawRow { number: 0, cells: header }, 0.0) {
        return Ok(json_description(records.len()));
    }
    let total = flat.len().max(1) as f32;
    for (i, (line, fields)) in flat.into_iter().enumerate() {
        let mut cells = vec![Cell::Empty; columns.len()];
        for (name, cell) in fields {
            cells[index[&name]] = cell;
        }
        if !visitor.row(RawRow { number: line, cells }, (i + 1) as f32 / total) {
            break;
        }
    }
    Ok(json_description(records.len()))
}

fn json_description(records: usize) -> String {
    format!("JSON, UTF-8, {records} record{}", if records == 1 { "" } else { "s" })
}

/// The records of newline-delimited JSON (one object per line), or of one array of objects,
/// each with the line it starts on.
fn json_records(text: &str) -> Result<Vec<(u32, serde_json::Value)>, String> {
    use serde_json::Value;
    let object = |value: Value, line: u32| match value {
        Value::Object(map) => Ok((line, Value::Object(map))),
        other => Err(format!("line {line}: a record must be a JSON object, not {}", json_kind(&other))),
    };
    if text.trim_start().starts_with('[') {
        let items: Vec<Value> = serde_json::from_str(text).map_err(|e| format!("is not valid JSON ({e})"))?;
        // An array's records have no lines of their own: they are numbered from 1.
        return items.into_iter().zip(1u32..).map(|(item, n)| object(item, n)).collect();
    }
    let mut records = Vec::new();
    for (raw, line) in text.lines().zip(1u32..) {
        if raw.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(raw)
            .map_err(|e| format!("line {line} is not a JSON record ({e}); export it again"))?;
        records.push(object(value, line)?);
    }
    Ok(records)
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::String(_) => "a text",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::Bool(_) => "true or false",
        serde_json::Value::Null => "null",
        serde_json::Value::Object(_) => "an object",
    }
}

/// One record's fields as (column, cell): nested objects as `parent.child`; numbers as their
/// text, so a decimal is read exactly as written.
fn flatten_json(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, Cell)>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, field) in map {
                let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten_json(&name, field, out);
            }
        }
        Value::Array(items) => {
            out.push((prefix.to_owned(), Cell::Text(value.to_string())));
            let amounts: Option<Vec<&serde_json::Number>> =
                items.iter().map(|item| item.get("amount").and_then(Value::as_number)).collect();
            if let Some(amounts) = amounts.filter(|a| !a.is_empty()) {
                let total = amounts
                    .iter()
                    .filter_map(|n| parse_decimal(&n.to_string(), NumberStyle::default()).ok().flatten())
                    .fold(rust_decimal::Decimal::ZERO, |sum, amount| sum.saturating_add(amount));
                out.push((format!("{prefix}_total"), Cell::Text(total.normalize().to_string())));
            }
        }
        Value::Null => out.push((prefix.to_owned(), Cell::Empty)),
        Value::Bool(b) => out.push((prefix.to_owned(), Cell::Bool(*b))),
        Value::Number(n) => out.push((prefix.to_owned(), Cell::Text(n.to_string()))),
        Value::String(text) => out.push((prefix.to_owned(), Cell::Text(text.clone()))),
    }
}

/// The candidate delimiter found most often on one line (outside quotes) among the first lines:
/// the header line has the most separators, and decimal commas in `;` files never outnumber them.
fn sniff_delimiter(text: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
    let mut best = [0usize; 4];
    let mut first_line = None;
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    let mut lines = 0;
    for &b in text.iter().take(64 * 1024) {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                for i in 0..4 {
                    best[i] = best[i].max(counts[i]);
                }
                if first_line.is_none() && counts.iter().any(|n| *n > 0) {
                    first_line = Some(counts);
                }
                counts = [0; 4];
                lines += 1;
                if lines == 30 {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = CANDIDATES.iter().position(|c| *c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    for i in 0..4 {
        best[i] = best[i].max(counts[i]);
    }
    // Ties (a one-column-pair file) go to the delimiter of the first line, then to the comma.
    let first = first_line.unwrap_or(counts);
    let index = (0..4).max_by_key(|i| (best[*i], first[*i], std::cmp::Reverse(*i))).unwrap_or(0);
    CANDIDATES[index]
}

/// Streams CSV records to the visitor with csv-core, counting lines itself so every row keeps
/// the line number a text editor shows (blank lines and CRLF counted exactly).
fn stream_csv(mut input: impl Read, delimiter: u8, total: u64, visitor: &mut dyn RowVisitor) -> Result<(), String> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut buffer = vec![0u8; 256 * 1024];
    let (mut filled, mut start) = (0usize, 0usize);
    let mut eof = false;
    let mut output = vec![0u8; 64 * 1024];
    let mut ends = vec![0usize; 256];
    let (mut out_len, mut ends_len) = (0usize, 0usize);
    let (mut line, mut record_line, mut at_record_start) = (1u64, 1u64, true);
    let mut consumed_total = 0u64;
    let total = total.max(1) as f32;
    loop {
        if start == filled && !eof {
            filled = read_some(&mut input, &mut buffer).map_err(|e| format!("line {line}: cannot be read ({e})"))?;
            start = 0;
            eof = filled == 0;
        }
        let chunk = &buffer[start..filled];
        let (result, nin, nout, nend) = reader.read_record(chunk, &mut output[out_len..], &mut ends[ends_len..]);
        let consumed = &chunk[..nin];
        let mut body = consumed;
        if at_record_start {
            let skipped = consumed.iter().take_while(|b| **b == b'\n' || **b == b'\r').count();
            line += consumed[..skipped].iter().filter(|b| **b == b'\n').count() as u64;
            if skipped < consumed.len() {
                record_line = line;
                at_record_start = false;
            }
            body = &consumed[skipped..];
        }
        line += body.iter().filter(|b| **b == b'\n').count() as u64;
        start += nin;
        consumed_total += nin as u64;
        out_len += nout;
        ends_len += nend;
        match result {
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            csv_core::ReadRecordResult::Record => {
                let mut cells = Vec::with_capacity(ends_len);
                let mut from = 0;
                for &to in &ends[..ends_len] {
                    let field = &output[from..to];
                    cells.push(match std::str::from_utf8(field) {
                        Ok("") => Cell::Empty,
                        Ok(text) => Cell::Text(text.to_owned()),
                        Err(_) => Cell::Text(WINDOWS_1252.decode_without_bom_handling(field).0.into_owned()),
                    });
                    from = to;
                }
                (out_len, ends_len, at_record_start) = (0, 0, true);
                let number = u32::try_from(record_line).unwrap_or(u32::MAX);
                if !visitor.row(RawRow { number, cells }, consumed_total as f32 / total) {
                    return Ok(());
                }
            }
            csv_core::ReadRecordResult::End => return Ok(()),
        }
    }
}

/// Reads as much as is available into `buffer`, retrying interrupted reads; 0 means the end.
fn read_some(input: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match input.read(buffer) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

/// Every CSV member of a zip archive, in name order (`part-1-of-3.csv` …); `manifest.json` and
/// other files are passed over.
fn read_zip(bytes: &[u8], visitor: &mut dyn RowVisitor) -> Result<Vec<String>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("the zip archive is damaged ({e}); download it again"))?;
    let mut names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| {
            let lower = n.to_lowercase();
            !lower.ends_with('/') && [".csv", ".tsv", ".txt", ".csv.gz"].iter().any(|ext| lower.ends_with(ext))
        })
        .collect();
    names.sort_by_cached_key(|name| natural_order(name));
    if names.is_empty() {
        return Err("the zip archive holds no CSV file; Steward reads CSV parts inside .zip archives".into());
    }
    for name in &names {
        let mut member = archive.by_name(name).map_err(|e| format!("{name} in the archive is damaged ({e})"))?;
        let mut data = Vec::new();
        if name.to_lowercase().ends_with(".gz") {
            MultiGzDecoder::new(BufReader::new(&mut member)).read_to_end(&mut data)
        } else {
            member.read_to_end(&mut data)
        }
        .map_err(|e| format!("{name} in the archive cannot be read ({e})"))?;
        read_text(&data, &mut std::io::empty(), data.len() as u64, Some(name), visitor)
            .map_err(|message| format!("{name}: {message}"))?;
    }
    Ok(names)
}

/// How many rows of each sheet are searched for a known header when no sheet is named.
const SHEET_SAMPLE_ROWS: usize = 30;

fn read_workbook(
    bytes: &[u8],
    sheet: Option<&str>,
    visitor: &mut dyn RowVisitor,
) -> Result<(String, Vec<String>), String> {
    let mut workbook: Sheets<_> = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        format!(
            "the workbook cannot be opened ({e}); it may be damaged or cut short: open it in Excel and save it again"
        )
    })?;
    let format = match &workbook {
        Sheets::Xls(_) => "Excel 97–2003 workbook (.xls)",
        Sheets::Xlsx(_) => "Excel workbook",
        Sheets::Xlsb(_) => "Excel binary workbook (.xlsb)",
        Sheets::Ods(_) => "OpenDocument spreadsheet (.ods)",
    };
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err("the workbook has no sheets".into());
    }
    let unreadable = |name: &str, e: &dyn std::fmt::Display| {
        format!("sheet \"{name}\" cannot be read ({e}); open the workbook in Excel and save it again")
    };
    let index = if let Sheets::Xlsx(xlsx) = &mut workbook {
        // An .xlsx sheet streams: its rows reach the importer while the rest is still being
        // unpacked, and only the first rows of the other sheets are read to choose one.
        let index = choose_sheet(&names, sheet, |name| {
            let mut sample = Vec::new();
            stream_xlsx(xlsx, name, &mut |row, _| {
                sample.push(row);
                sample.len() < SHEET_SAMPLE_ROWS
            })
            .map_err(|e| unreadable(name, &e))?;
            Ok(sample)
        })?;
        visitor.start_part(Some(&names[index]), NumberStyle::default());
        stream_xlsx(xlsx, &names[index], &mut |row, progress| visitor.row(row, progress))
            .map_err(|e| unreadable(&names[index], &e))?;
        index
    } else {
        let mut ranges = Vec::with_capacity(names.len());
        for name in &names {
            ranges.push(workbook.worksheet_range(name).map_err(|e| unreadable(name, &e))?);
        }
        let index = choose_sheet(&names, sheet, |name| {
            let at = names.iter().position(|n| n == name).unwrap_or(0);
            Ok(sheet_rows(&ranges[at]).take(SHEET_SAMPLE_ROWS).collect())
        })?;
        let range = &ranges[index];
        visitor.start_part(Some(&names[index]), NumberStyle::default());
        let total = range.height().max(1) as f32;
        for (i, row) in sheet_rows(range).enumerate() {
            if !visitor.row(row, (i + 1) as f32 / total) {
                break;
            }
        }
        index
    };
    Ok((format!("{format}, sheet \"{}\"", names[index]), names))
}

/// The sheet to read: the one named, or the first whose first rows hold a known header, or
/// the first with anything in it.
fn choose_sheet(
    names: &[String],
    wanted: Option<&str>,
    mut sample: impl FnMut(&str) -> Result<Vec<RawRow>, String>,
) -> Result<usize, String> {
    if let Some(wanted) = wanted {
        return names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| format!("it has no sheet named \"{wanted}\"; its sheets are: {}", names.join(", ")));
    }
    let mut first_filled = None;
    for (index, name) in names.iter().enumerate() {
        let rows = sample(name)?;
        let known = rows.iter().any(|row| {
            let headers: Vec<String> = row.cells.iter().map(|c| normalise_header(&c.display())).collect();
            recognise(&headers).is_some()
        });
        if known {
            return Ok(index);
        }
        if first_filled.is_none() && rows.iter().any(|row| row.cells.iter().any(|c| !matches!(c, Cell::Empty))) {
            first_filled = Some(index);
        }
    }
    Ok(first_filled.unwrap_or(0))
}

/// Streams an .xlsx sheet's rows in order (cached values of formulas, as Excel shows them),
/// each padded to its cells' own columns; rows with no cells are not sent. `row` returns
/// `false` to stop.
fn stream_xlsx<RS: Read + std::io::Seek>(
    workbook: &mut calamine::Xlsx<RS>,
    name: &str,
    row: &mut dyn FnMut(RawRow, f32) -> bool,
) -> Result<(), calamine::XlsxError> {
    let mut cells = workbook.worksheet_cells_reader(name)?;
    let last_row = cells.dimensions().end.0.max(1) as f32;
    let mut current: Option<RawRow> = None;
    while let Some(cell) = cells.next_cell()? {
        let (at_row, at_col) = cell.get_position();
        let value = cell_of_ref(cell.get_value());
        if matches!(value, Cell::Empty) {
            continue;
        }
        let number = at_row.saturating_add(1);
        if current.as_ref().is_some_and(|r| r.number != number) {
            let done = current.take().expect("a row is being built");
            if !row(done, at_row as f32 / last_row) {
                return Ok(());
            }
        }
        let building = current.get_or_insert_with(|| RawRow { number, cells: Vec::new() });
        let col = at_col as usize;
        if building.cells.len() <= col {
            building.cells.resize(col + 1, Cell::Empty);
        }
        building.cells[col] = value;
    }
    if let Some(done) = current {
        row(done, 1.0);
    }
    Ok(())
}

fn cell_of_ref(data: &calamine::DataRef<'_>) -> Cell {
    use calamine::DataRef;
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => dt.as_datetime().map_or(Cell::Number(dt.as_f64()), Cell::DateTime),
        DataRef::Error(e) => Cell::Error(format!("{e}")),
    }
}

fn sheet_rows(range: &calamine::Range<Data>) -> impl Iterator<Item = RawRow> + '_ {
    let first_row = range.start().map_or(0, |(row, _)| row);
    let first_col = range.start().map_or(0, |(_, col)| col) as usize;
    range.rows().enumerate().map(move |(i, cells)| {
        let mut row: Vec<Cell> = vec![Cell::Empty; first_col];
        row.extend(cells.iter().map(cell_of));
        RawRow { number: first_row + i as u32 + 1, cells: row }
    })
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => dt.as_datetime().map_or(Cell::Number(dt.as_f64()), Cell::DateTime),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// A row with the part it came from.
#[cfg(test)]
type PartRow = (Option<String>, RawRow);

/// Reads a file whole for tests: every part's rows in order.
#[cfg(test)]
pub fn read_all(name: &str, bytes: &[u8]) -> Result<(FileFacts, Vec<PartRow>), FileError> {
    struct Collect(Option<String>, Vec<PartRow>);
    impl RowVisitor for Collect {
        fn start_part(&mut self, part: Option<&str>, _: NumberStyle) {
            self.0 = part.map(str::to_owned);
        }
        fn row(&mut self, row: RawRow, _: f32) -> bool {
            self.1.push((self.0.clone(), row));
            true
        }
    }
    let mut collect = Collect(None, Vec::new());
    let facts = read_bytes(name, bytes, None, &mut collect)?;
    Ok((facts, collect.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[PartRow]) -> Vec<Vec<String>> {
        rows.iter().map(|(_, r)| r.cells.iter().map(Cell::display).collect()).collect()
    }

    #[test]
    fn utf8_bom_crlf_and_quoted_commas() {
        let (facts, rows) = read_all("a.csv", b"\xEF\xBB\xBFa,b\r\n\"gpt-4o, input\",\"{'x': 1}\"\r\n").expect("reads");
        assert_eq!(facts.description, "CSV, UTF-8 with BOM, comma-separated");
        assert_eq!(texts(&rows), vec![vec!["a", "b"], vec!["gpt-4o, input", "{'x': 1}"]]);
        assert_eq!(rows[1].1.number, 2);
    }

    #[test]
    fn json_lines_flatten_to_dotted_columns_with_credit_totals() {
        let text = "\u{feff}{\"cost\":1.25,\"service\":{\"description\":\"Vertex AI\"},\"credits\":[{\"amount\":-0.1},{\"amount\":-0.05}]}\n\n\
                    {\"cost\":2e-7,\"project\":{\"id\":\"p1\"},\"credits\":[],\"billed\":true,\"note\":null}\n";
        let (facts, rows) = read_all("export.json", text.as_bytes()).expect("reads");
        assert_eq!(facts.description, "JSON, UTF-8, 2 records");
        let table = texts(&rows);
        let at = |name: &str| table[0].iter().position(|c| c == name).unwrap_or_else(|| panic!("{name}: {table:?}"));
        assert_eq!(table[1][at("service.description")], "Vertex AI");
        assert_eq!(table[1][at("credits_total")], "-0.15", "credits add up exactly");
        assert_eq!(table[1][at("project.id")], "", "a field the record lacks is blank");
        assert_eq!(table[2][at("project.id")], "p1");
        assert_eq!(table[2][at("cost")], "2e-7", "as written; the value parser reads scientific notation exactly");
        assert_eq!(table[2][at("credits")], "[]");
        assert_eq!((rows[0].1.number, rows[1].1.number, rows[2].1.number), (0, 1, 3), "records keep their lines");
    }

    #[test]
    fn a_json_array_of_records_reads_and_bad_json_names_its_line() {
        let (_, rows) = read_all("export.json", b"[{\"a\": \"x\"}, {\"a\": \"y\"}]").expect("reads");
        assert_eq!(texts(&rows), vec![vec!["a"], vec!["x"], vec!["y"]]);
        let broken = read_all("export.json", b"{\"a\": 1}\n{\"a\": 2,\n").expect_err("refused");
        assert!(broken.message.starts_with("line 2 is not a JSON record"), "{}", broken.message);
        let not_records = read_all("export.json", b"{\"a\": 1}\n[1, 2]\n").expect_err("refused");
        assert_eq!(not_records.message, "line 2: a record must be a JSON object, not a list");
    }

    #[test]
    fn semicolons_with_decimal_commas() {
        let (facts, rows) = read_all("a.csv", b"name;cost\nZo\xEB;0,52\n").expect("reads");
        assert!(facts.description.contains("windows-1252"), "{}", facts.description);
        assert!(facts.description.contains("semicolon"));
        assert_eq!(texts(&rows)[1], vec!["Zoë", "0,52"]);
    }

    #[test]
    fn utf16_tab_separated() {
        let text = "a\tb\r\n1\t2\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (facts, rows) = read_all("a.txt", &bytes).expect("reads");
        assert!(facts.description.contains("UTF-16LE") && facts.description.contains("tab"), "{}", facts.description);
        assert_eq!(texts(&rows)[1], vec!["1", "2"]);
    }

    #[test]
    fn blank_lines_keep_row_numbers() {
        let (_, rows) = read_all("a.csv", b"a,b\n\n1,2\n").expect("reads");
        assert_eq!(rows.last().map(|(_, r)| r.number), Some(3));
        let (_, rows) = read_all("a.csv", b"a,b\r\n\"x\r\ny\",2\r\n\r\n3,4\r\n").expect("reads");
        let numbers: Vec<u32> = rows.iter().map(|(_, r)| r.number).collect();
        assert_eq!(numbers, vec![1, 2, 5]);
    }

    #[test]
    fn empty_png_and_binary_files_are_named() {
        let empty = read_all("empty.csv", b"").expect_err("refused");
        assert!(empty.to_string().contains("empty.csv: the file is empty"), "{empty}");
        let png = read_all("image.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect_err("refused");
        assert!(png.message.contains("PNG image"), "{png}");
    }

    #[test]
    fn truncated_workbook_is_refused_with_advice() {
        let error = read_all("cut.xlsx", b"PK\x03\x04\x14\0\0\0\x08\0garbage").expect_err("refused");
        assert!(error.message.contains("cannot be opened"), "{error}");
    }

    #[test]
    fn files_chosen_together_are_read_as_parts_with_one_progress() {
        struct Seen(Vec<(Option<String>, String, f32)>, Option<String>);
        impl RowVisitor for Seen {
            fn start_part(&mut self, part: Option<&str>, _: NumberStyle) {
                self.1 = part.map(str::to_owned);
            }
            fn row(&mut self, row: RawRow, progress: f32) -> bool {
                self.0.push((self.1.clone(), row.cells[0].display(), progress));
                true
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let plain = dir.path().join("report-1.csv");
        std::fs::write(&plain, "a\n1\n").expect("write");
        let gzipped = dir.path().join("report-2.csv.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, b"a\n2\n").expect("gzip");
        std::fs::write(&gzipped, gz.finish().expect("gzip")).expect("write");

        let mut seen = Seen(Vec::new(), None);
        let facts = read_parts(&[plain.clone(), gzipped], &mut seen).expect("reads");
        assert_eq!(facts.parts, ["report-1.csv", "report-2.csv.gz"], "each file is a part, named");
        assert!(facts.description.starts_with("2 CSV parts read as one export: CSV"), "{}", facts.description);
        let rows: Vec<(Option<String>, String)> = seen.0.iter().map(|(p, v, _)| (p.clone(), v.clone())).collect();
        assert_eq!(rows[1], (Some("report-1.csv".to_owned()), "1".to_owned()), "rows keep their part");
        assert_eq!(rows[3], (Some("report-2.csv.gz".to_owned()), "2".to_owned()), "a gzip part is read too");
        let progress: Vec<f32> = seen.0.iter().map(|(_, _, p)| *p).collect();
        assert!(progress.windows(2).all(|w| w[0] <= w[1]) && progress.iter().all(|p| *p <= 1.0), "{progress:?}");

        let zip = dir.path().join("more.zip");
        std::fs::write(&zip, b"PK\x03\x04 not really").expect("write");
        let refused = read_parts(&[plain, zip], &mut Seen(Vec::new(), None)).expect_err("refused");
        assert_eq!(refused.file, "more.zip", "the part that cannot be a CSV part is named");
    }

    #[test]
    fn zip_parts_are_read_in_order() {
        let mut buffer = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buffer);
            let options = zip::write::SimpleFileOptions::default();
            for (name, body) in
                [("part-10-of-10.csv", "a\n3\n"), ("manifest.json", "{}"), ("part-2-of-10.csv", "a\n2\n")]
            {
                zip.start_file(name, options).expect("zip entry");
                std::io::Write::write_all(&mut zip, body.as_bytes()).expect("zip write");
            }
            zip.finish().expect("zip finish");
        }
        let (facts, rows) = read_all("export.zip", buffer.get_ref()).expect("reads");
        assert_eq!(facts.description, "zip archive with 2 CSV parts");
        let parts: Vec<_> = rows.iter().map(|(p, r)| (p.clone().unwrap_or_default(), r.cells[0].display())).collect();
        assert_eq!(parts[1], ("part-2-of-10.csv".to_owned(), "2".to_owned()));
        assert_eq!(parts[3], ("part-10-of-10.csv".to_owned(), "3".to_owned()));
    }
}
