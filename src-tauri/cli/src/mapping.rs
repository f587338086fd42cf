//! Corrections to a suggested column mapping, given as command-line options.

use steward_core::api::{ColumnMapping, DateOrder, FieldMapping, MappingTarget};

pub struct Corrections {
    pub target: Option<String>,
    pub columns: Vec<String>,
    pub values: Vec<String>,
    pub translations: Vec<String>,
    pub date_order: Option<String>,
}

fn split<'a>(option: &str, text: &'a str, on: char) -> Result<(&'a str, &'a str), String> {
    text.split_once(on).map(|(a, b)| (a.trim(), b.trim())).filter(|(a, _)| !a.is_empty()).ok_or_else(|| {
        format!("--{option} \"{text}\" needs the form {}", if on == '=' { "FIELD=TEXT" } else { "FIELD:WORD=VALUE" })
    })
}

fn field<'m>(mapping: &'m mut ColumnMapping, key: &str) -> Result<&'m mut FieldMapping, String> {
    let known: Vec<String> = mapping.fields.iter().map(|m| m.field.clone()).collect();
    mapping
        .fields
        .iter_mut()
        .find(|m| m.field == key)
        .ok_or_else(|| format!("\"{key}\" is not a field of this target; its fields are: {}", known.join(", ")))
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.target.is_none()
            && self.columns.is_empty()
            && self.values.is_empty()
            && self.translations.is_empty()
            && self.date_order.is_none()
    }

    pub fn target(&self) -> Result<Option<MappingTarget>, String> {
        let Some(text) = &self.target else { return Ok(None) };
        MappingTarget::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(text.trim())).map(Some).ok_or_else(
            || {
                let known: Vec<&str> = MappingTarget::ALL.iter().map(|t| t.as_str()).collect();
                format!("--target must be one of {} (not \"{text}\")", known.join(", "))
            },
        )
    }

    pub fn apply(&self, mut mapping: ColumnMapping) -> Result<ColumnMapping, String> {
        for text in &self.columns {
            let (key, header) = split("column", text, '=')?;
            field(&mut mapping, key)?.column = Some(header.to_owned());
        }
        for text in &self.values {
            let (key, value) = split("set", text, '=')?;
            let f = field(&mut mapping, key)?;
            f.column = None;
            f.value = Some(value.to_owned());
        }
        for text in &self.translations {
            let (key, rest) = split("translate", text, ':')?;
            let (word, value) = split("translate", rest, '=')?;
            field(&mut mapping, key)?.values.insert(word.to_owned(), value.to_owned());
        }
        if let Some(order) = &self.date_order {
            mapping.date_order = Some(match order.trim() {
                "day-first" | "dmy" => DateOrder::DayFirst,
                "month-first" | "mdy" => DateOrder::MonthFirst,
                other => return Err(format!("--date-order must be day-first or month-first (not \"{other}\")")),
            });
        }
        Ok(mapping)
    }
}
