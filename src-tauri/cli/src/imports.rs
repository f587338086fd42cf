//! Text forms of import reports and history for the terminal.

use std::fmt::Write;

use steward_core::api::{ImportBatch, ImportReport, MoneyTotal};

fn money_text(totals: &[MoneyTotal]) -> String {
    if totals.is_empty() {
        return "none".into();
    }
    totals.iter().map(|t| format!("{} {} ({})", t.amount, t.currency, t.basis)).collect::<Vec<_>>().join(", ")
}

pub fn report_text(report: &ImportReport, dry_run: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", report.file);
    let _ = writeln!(out, "  read as     {}", report.read_as);
    if report.parts.len() > 1 {
        let _ = writeln!(out, "  parts       {}", report.parts.join(", "));
    }
    if let Some(target) = report.target.filter(|_| report.suggestion.is_none()) {
        let saved = report.mapping_name.as_deref().map(|n| format!(", mapping \"{n}\"")).unwrap_or_default();
        let _ = writeln!(out, "  format      your own sheet, read as {}{saved}", target.label());
        let _ = writeln!(out, "  records     {} created, {} updated", report.records_created, report.records_updated);
    } else {
        match (&report.format_name, &report.version) {
            (Some(name), Some(version)) if !version.is_empty() => {
                let _ = writeln!(out, "  format      {name} ({version})");
            }
            (Some(name), _) => {
                let _ = writeln!(out, "  format      {name}");
            }
            _ => {
                let _ = writeln!(out, "  format      not recognised");
            }
        }
    }
    if let Some(suggestion) = &report.suggestion {
        let _ = writeln!(
            out,
            "  looks like  {} (import with --target {})",
            suggestion.mapping.target.label(),
            suggestion.mapping.target.as_str()
        );
        for m in &suggestion.mapping.fields {
            if let Some(column) = &m.column {
                let _ = writeln!(out, "              {:<20} ← \"{column}\"", m.field);
            }
        }
        if !suggestion.missing_required.is_empty() {
            let _ = writeln!(
                out,
                "  missing     {} (give a column with --column FIELD=HEADER or a value with --set FIELD=VALUE)",
                suggestion.missing_required.join(", ")
            );
        }
        for (field, words) in &suggestion.unmatched_values {
            let _ = writeln!(out, "  translate   {field}: {} (--translate \"{field}:WORD=VALUE\")", words.join(", "));
        }
        if suggestion.date_order_needed {
            let _ = writeln!(out, "  dates       ambiguous: pass --date-order day-first or month-first");
        }
    }
    if let Some(row) = report.header_row {
        let _ = writeln!(out, "  header row  {row}");
    }
    let _ = writeln!(
        out,
        "  rows        {} read, {} imported, {} unchanged, {} skipped, {} replaced",
        report.rows_read, report.rows_imported, report.rows_unchanged, report.rows_skipped, report.rows_replaced
    );
    for skip in &report.skipped {
        let _ = writeln!(out, "              {} × {}", skip.count, skip.reason);
    }
    let _ = writeln!(out, "  money       {}", money_text(&report.totals));
    if !report.unattributed.is_empty() {
        let _ = writeln!(out, "  unattributed {}", money_text(&report.unattributed));
    }
    for obs in &report.observations {
        let _ = writeln!(out, "  {:<11} {} over {} period(s)", obs.metric, obs.value, obs.periods);
    }
    if let Some(total) = &report.control_total {
        let _ = writeln!(out, "  file total  {total} (as the file states it)");
    }
    for issue in report.issues.iter().take(20) {
        let part = issue.part.as_deref().map(|p| format!("{p}, ")).unwrap_or_default();
        let _ = writeln!(out, "  issue       {part}row {}, {}: {}", issue.row, issue.column, issue.message);
    }
    if report.issue_count > 20 {
        let _ = writeln!(out, "              … and {} more issues", report.issue_count - 20);
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "  note        {warning}");
    }
    let verdict = match (&report.problem, dry_run, report.batch_id) {
        (Some(_), _, _) => "Nothing imported.",
        (None, true, _) => "Dry run: nothing was written.",
        (None, false, Some(_)) => "Imported.",
        (None, false, None) => "Nothing to import.",
    };
    let _ = match report.batch_id.filter(|_| !dry_run) {
        Some(id) => writeln!(out, "{verdict} (import #{id}; undo with `steward imports undo {id}`)"),
        None => writeln!(out, "{verdict}"),
    };
    out
}

pub fn history_text(history: &[ImportBatch]) -> String {
    if history.is_empty() {
        return "No imports yet.\n".into();
    }
    let mut out = String::new();
    for b in history {
        let state = b.undone_at.as_ref().map(|at| format!("  (undone {at})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "#{:<4} {}  {}  {}  {} rows imported, {} skipped  {}{state}",
            b.id,
            b.imported_at,
            b.file_name,
            b.format_name.as_deref().unwrap_or(&b.format),
            b.rows_imported,
            b.rows_skipped,
            money_text(&b.totals)
        );
    }
    out
}

pub fn presets_text() -> String {
    let mut out = String::new();
    for preset in steward_core::api::import_presets() {
        let _ = writeln!(out, "{:<26} {} [{}] ({})", preset.id, preset.name, preset.kind, preset.versions.join("; "));
    }
    out
}
