//! Known export layouts, read from the JSON files under `assets/presets/` (see its README for
//! the schema), and the header normalisation that recognises them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::values::DateStyle;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/presets.rs"));
}

/// Alternative header names for one value, newest first.
pub type Column = Vec<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetKind {
    Cost,
    Usage,
    Activity,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub vendor_type: String,
    pub kind: PresetKind,
    pub versions: Vec<Version>,
    pub identify: Vec<String>,
    #[serde(default)]
    pub preamble: Preamble,
    pub dates: DateStyle,
    pub period: PeriodSpec,
    #[serde(default)]
    pub columns: CostColumns,
    #[serde(default)]
    pub description_parts: Vec<Column>,
    pub currency: Option<String>,
    pub amount_scale: Option<String>,
    /// Cost basis of the amounts; usage and activity files carry none.
    #[serde(default = "billed")]
    pub basis: String,
    #[serde(default)]
    pub basis_hints: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub scope: Vec<String>,
    /// The `scope` column holding the billing account as a FOCUS export of the same money writes
    /// it in `BillingAccountId` (Azure MCA: the billing profile); the first scope column when
    /// absent. A layout with no scope columns names no account.
    pub billing_account: Option<String>,
    #[serde(default)]
    pub natural_key: Vec<String>,
    #[serde(default)]
    pub attribution: Vec<String>,
    #[serde(default)]
    pub skip: Vec<SkipRule>,
    #[serde(default)]
    pub units: BTreeMap<String, u64>,
    #[serde(default)]
    pub observations: Vec<ObservationSpec>,
    /// Columns naming each row's own provider (FOCUS `ServiceProviderName`, then `ProviderName`):
    /// the first non-empty one wins, `provider` when all are empty.
    #[serde(default)]
    pub provider_column: Column,
    /// Vendor names for provider texts, matched case-insensitively (`"AWS"` → `"Amazon Web
    /// Services"`), so a multi-cloud file links the vendors the native exports created.
    #[serde(default)]
    pub provider_names: BTreeMap<String, String>,
    /// Currency by the symbol in the parenthesised suffix of an amount header (`{"$": "USD"}` for
    /// `Total costs($)`); a suffix that is an ISO code, `(EUR)`, is read as that code.
    #[serde(default)]
    pub header_currency: BTreeMap<String, String>,
    /// Columns added to the amount when the file has them (BigQuery credits, already negative).
    #[serde(default)]
    pub amount_plus: Vec<Column>,
    /// Rows sharing a natural key are versions of one row: only the newest is imported.
    pub dedupe: Option<Dedupe>,
    /// A pivot table: one cost line per cell instead of per row.
    pub unpivot: Option<Unpivot>,
    /// Free text for maintainers: why a choice was made.
    #[serde(default)]
    pub note: String,
}

/// Of the rows sharing the preset's `natural_key`, only those with the newest value in `newest`
/// (a date-time, e.g. BigQuery `export_time`) are imported; the older are skipped as superseded.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dedupe {
    pub newest: Column,
}

/// What the rows of a pivot table are; the header cells of its value columns are the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PivotRows {
    /// A row per day or month, a column per item (Cost Explorer "dates as rows").
    Periods,
    /// A row per item, a column per day or month (Cost Explorer "services as rows").
    Items,
}

/// A pivot table such as a Cost Explorer download: each (item, period) cell is one cost line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unpivot {
    /// The column holding each row's label (a period or an item, as `rows` says).
    pub label: Column,
    pub rows: PivotRows,
    /// Row labels and column headers that are the file's own totals: never lines, but checked
    /// against the cells they add up.
    #[serde(default)]
    pub totals: Vec<String>,
    /// The attribute name the item is given for attribution rules, e.g. `Service`.
    pub item: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub name: String,
    pub headers: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preamble {
    pub currency: Option<String>,
    pub control_total: Option<String>,
    pub invoice_date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndIs {
    #[default]
    Exclusive,
    Inclusive,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Days {
    Fixed(u32),
    FromColumn(Column),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodSpec {
    #[serde(default)]
    pub start: Column,
    #[serde(default)]
    pub end: Column,
    #[serde(default)]
    pub end_is: EndIs,
    /// Also read when written as a month (`202509`, BigQuery `invoice.month`, or `2025-09`).
    #[serde(default)]
    pub billing_start: Column,
    pub days: Option<Days>,
    /// The scope period is the calendar month of the billing start (or of the period start), so
    /// a daily and a monthly export of the same month replace each other instead of adding up.
    #[serde(default)]
    pub scope_month: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostColumns {
    #[serde(default)]
    pub amount: Column,
    #[serde(default)]
    pub currency: Column,
    #[serde(default)]
    pub quantity: Column,
    #[serde(default)]
    pub unit: Column,
    #[serde(default)]
    pub description: Column,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkipRule {
    pub column: Column,
    #[serde(default, rename = "in")]
    pub values: Vec<String>,
    #[serde(default)]
    pub empty: bool,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservationSpec {
    pub metric: String,
    #[serde(default)]
    pub sum: Column,
    pub count_where: Option<CountWhere>,
    #[serde(default)]
    pub count: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountWhere {
    pub column: Column,
    #[serde(default, rename = "in")]
    pub values: Vec<String>,
    /// `"period_start"`: counts rows whose date in `column` falls on or after the period start.
    pub on_or_after: Option<String>,
}

fn billed() -> String {
    "billed".into()
}

/// Every embedded preset, parsed once. A preset that does not parse is a build defect the test
/// suite catches (`every_preset_parses`); at run time it is left out rather than crashing imports.
pub fn presets() -> &'static [Preset] {
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS
        .get_or_init(|| embedded::PRESET_FILES.iter().filter_map(|(_, text)| serde_json::from_str(text).ok()).collect())
}

impl Preset {
    /// Which of the `scope` columns is the billing account: `billing_account`, else the first;
    /// `None` when the layout names no account (Cost Explorer, GCP reports, Anthropic).
    pub fn billing_account_index(&self) -> Option<usize> {
        match &self.billing_account {
            Some(name) => self.scope.iter().position(|column| column == name),
            None => (!self.scope.is_empty()).then_some(0),
        }
    }
}

pub fn preset(id: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.id == id)
}

/// Header names compared the way people mean them: BOM and space stripped, camelCase split,
/// lower-cased, runs of non-alphanumerics made one space, a trailing `($)`/`(kr)` suffix dropped.
pub fn normalise_header(header: &str) -> String {
    let trimmed = header.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let without_suffix = match trimmed.rfind('(') {
        Some(open) if trimmed.ends_with(')') && open > 0 => trimmed[..open].trim_end(),
        _ => trimmed,
    };
    let mut out = String::with_capacity(without_suffix.len() + 4);
    let mut previous: Option<char> = None;
    for c in without_suffix.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
        previous = Some(c);
    }
    out.trim_end().to_owned()
}

/// A header split into its text and its trailing parenthesised suffix, as written:
/// `Total costs($)` → (`Total costs`, `Some("$")`); `Claude Sonnet 4.5 (Amazon Bedrock Edition)($)`
/// keeps its own parentheses in the text.
pub fn split_header_suffix(header: &str) -> (&str, Option<&str>) {
    let trimmed = header.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    match trimmed.rfind('(') {
        Some(open) if trimmed.ends_with(')') && open > 0 => {
            (trimmed[..open].trim_end(), Some(trimmed[open + 1..trimmed.len() - 1].trim()))
        }
        _ => (trimmed, None),
    }
}

/// The currency a header's suffix names: an ISO code as is (`(EUR)`), a symbol through the
/// preset's `header_currency` table (`($)` → USD for an export known to be in dollars).
pub fn suffix_currency(header: &str, table: &BTreeMap<String, String>) -> Option<String> {
    let suffix = split_header_suffix(header).1?;
    match crate::domain::Currency::parse(suffix) {
        Some(code) => Some(code.as_str().to_owned()),
        None => table.get(suffix).cloned(),
    }
}

/// How well a preset fits a header row: `None` when an `identify` name is missing, otherwise
/// (identify names, fit of the best version, that version's index). A version fits by the
/// header names it shares with the file less the names it has that the file lacks, so a file
/// with the 10 older columns is the older version even though the newer one also has them.
pub fn fit(preset: &Preset, headers: &[String]) -> Option<(usize, i64, usize)> {
    if !preset.identify.iter().all(|name| headers.contains(&normalise_header(name))) {
        return None;
    }
    let (version, score) = preset
        .versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let shared = v.headers.iter().filter(|h| headers.contains(&normalise_header(h))).count() as i64;
            (i, shared - (v.headers.len() as i64 - shared))
        })
        .max_by_key(|(i, score)| (*score, std::cmp::Reverse(*i)))
        .unwrap_or((0, 0));
    Some((preset.identify.len(), score, version))
}

/// The preset that best fits normalised `headers`, with the index of its version.
pub fn recognise(headers: &[String]) -> Option<(&'static Preset, usize)> {
    presets()
        .iter()
        .filter_map(|p| fit(p, headers).map(|(identify, covered, version)| ((identify, covered), p, version)))
        .max_by_key(|(score, _, _)| *score)
        .map(|(_, preset, version)| (preset, version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn every_preset_parses_and_is_named_after_its_file() {
        for (file, text) in embedded::PRESET_FILES {
            let preset: Preset = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(format!("{}.json", preset.id), *file);
            assert!(!preset.versions.is_empty(), "{file}: no versions");
            assert!(crate::domain::Currency::parse(preset.currency.as_deref().unwrap_or("USD")).is_some(), "{file}");
        }
        assert_eq!(presets().len(), embedded::PRESET_FILES.len());
    }

    #[test]
    fn every_preset_recognises_each_of_its_versions_as_itself() {
        for preset in presets() {
            for (index, version) in preset.versions.iter().enumerate() {
                let headers: Vec<String> = version.headers.iter().map(|h| normalise_header(h)).collect();
                if !preset.identify.iter().all(|name| headers.contains(&normalise_header(name))) {
                    continue; // e.g. an empty export with only the time columns
                }
                let (found, found_version) = recognise(&headers).expect("recognised");
                assert_eq!(found.id, preset.id, "{}", version.name);
                // Versions that differ only in column order are the same to a reader by name.
                let set = |i: usize| {
                    let mut names: Vec<String> =
                        preset.versions[i].headers.iter().map(|h| normalise_header(h)).collect();
                    names.sort();
                    names
                };
                assert_eq!(set(found_version), set(index), "{}", version.name);
            }
        }
    }

    /// The optional sections a preset may have, checked for what the engine relies on.
    #[test]
    fn every_preset_feature_is_well_formed() {
        for p in presets() {
            let id = &p.id;
            if let Some(dedupe) = &p.dedupe {
                assert!(!dedupe.newest.is_empty(), "{id}: dedupe names no version column");
                assert!(!p.natural_key.is_empty(), "{id}: dedupe needs a natural_key to know which rows are one row");
                assert_eq!(p.kind, PresetKind::Cost, "{id}: dedupe is for cost lines");
            }
            if let Some(pivot) = &p.unpivot {
                assert_eq!(p.kind, PresetKind::Cost, "{id}: a pivot's cells are cost lines");
                assert!(
                    !pivot.label.is_empty() && !pivot.item.is_empty(),
                    "{id}: unpivot needs a label column and an item name"
                );
                assert!(p.columns.amount.is_empty(), "{id}: a pivot's amounts are its cells, not a column");
                assert!(
                    p.identify.iter().any(|name| pivot.label.contains(name)),
                    "{id}: the label column must identify the layout"
                );
                assert!(
                    p.attribution.is_empty() || p.attribution == [pivot.item.clone()],
                    "{id}: a pivot's lines carry only the item for attribution"
                );
            } else if p.kind == PresetKind::Cost {
                assert!(!p.columns.amount.is_empty(), "{id}: a cost preset needs an amount column");
            }
            for code in p.header_currency.values().chain(p.currency.iter()) {
                assert!(crate::domain::Currency::parse(code).is_some(), "{id}: {code} is not an ISO 4217 code");
            }
            assert!(p.provider_names.values().all(|v| !v.trim().is_empty()), "{id}: a provider name maps to nothing");
            assert!(
                p.provider_names.is_empty() || !p.provider_column.is_empty(),
                "{id}: provider_names without a provider_column are never used"
            );
            assert!(p.amount_plus.iter().all(|c| !c.is_empty()), "{id}: an empty amount_plus column");
            if let Some(account) = &p.billing_account {
                assert!(p.scope.contains(account), "{id}: billing_account {account} is not one of its scope columns");
            }
        }
    }

    /// A FOCUS file and a native export of one account replace each other only when FOCUS's
    /// provider names are exactly the providers the native presets write.
    #[test]
    fn focus_provider_names_are_the_native_presets_providers() {
        let focus = preset("focus").expect("the FOCUS preset");
        let native: Vec<&str> = presets()
            .iter()
            .filter(|p| p.id != focus.id && p.kind == PresetKind::Cost)
            .map(|p| p.provider.as_str())
            .collect();
        for (written, provider) in &focus.provider_names {
            assert!(native.contains(&provider.as_str()), "FOCUS {written} → {provider}, which no native preset writes");
        }
        for provider in ["Amazon Web Services", "Microsoft Azure", "Google Cloud"] {
            assert!(focus.provider_names.values().any(|p| p == provider), "FOCUS names no {provider}");
        }
    }

    #[rstest]
    #[case::cur_payer("aws-cur2", Some("bill_payer_account_id"))]
    #[case::ea_enrollment("azure-ea-cost", Some("BillingAccountId"))]
    #[case::mca_billing_profile_as_focus_writes_it("azure-mca-cost", Some("billingProfileId"))]
    #[case::gcp_billing_account("gcp-bigquery-billing", Some("billing_account_id"))]
    #[case::focus("focus", Some("BillingAccountId"))]
    #[case::cost_explorer_names_none("aws-cost-explorer-by-date", None)]
    #[case::gcp_reports_name_none("gcp-reports", None)]
    fn the_billing_account_column(#[case] id: &str, #[case] expected: Option<&str>) {
        let p = preset(id).expect("a preset");
        assert_eq!(p.billing_account_index().map(|i| p.scope[i].as_str()), expected, "{id}");
    }

    #[rstest]
    #[case::dollar_symbol("Total costs($)", Some("USD"))]
    #[case::iso_code("Cost (eur)", Some("EUR"))]
    #[case::crowns_are_ambiguous("Cost (kr)", None)]
    #[case::service_name_with_parentheses("Claude Sonnet 4.5 (Amazon Bedrock Edition)($)", Some("USD"))]
    #[case::parentheses_that_are_not_a_currency("Claude Sonnet 4.5 (Amazon Bedrock Edition)", None)]
    #[case::no_suffix("Service total", None)]
    fn currency_from_a_header_suffix(#[case] header: &str, #[case] expected: Option<&str>) {
        let table = BTreeMap::from([("$".to_owned(), "USD".to_owned())]);
        assert_eq!(suffix_currency(header, &table).as_deref(), expected, "{header}");
    }

    #[rstest]
    #[case("lineItem/UnblendedCost", "line item unblended cost")]
    #[case("line_item_unblended_cost", "line item unblended cost")]
    #[case("Unrounded Cost ($)", "unrounded cost")]
    #[case("Unrounded cost ($)", "unrounded cost")]
    #[case("\u{FEFF} BillingAccountId ", "billing account id")]
    #[case("costInBillingCurrency", "cost in billing currency")]
    #[case("CostInBillingCurrency", "cost in billing currency")]
    #[case("Usage Date (UTC)", "usage date")]
    #[case("resourceTags/user:team", "resource tags user team")]
    #[case("PayGPrice", "pay gprice")]
    fn headers_normalise(#[case] header: &str, #[case] expected: &str) {
        assert_eq!(normalise_header(header), expected);
    }
}
