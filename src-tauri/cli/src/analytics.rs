//! `steward dashboard` and `steward value`: the dashboard's figures and every initiative's ROI,
//! as text for a terminal or one JSON object.

use std::fmt::Write;

use steward_core::api::{
    Dashboard, MoneyRange, PipelineView, RatioRange, RenewalRow, RiskPosture, SpendView, ValueOverview,
};

/// "1234567.891" → "1,234,568" (whole units: these are headline figures).
pub fn whole(amount: &str) -> String {
    let value: f64 = amount.parse().unwrap_or(0.0);
    let digits = format!("{:.0}", value.abs());
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if value < -0.5 { format!("-{grouped}") } else { grouped }
}

fn percent(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "–".to_owned(), |r| format!("{:.0} %", r * 100.0))
}

fn ratio_range(r: &RatioRange) -> String {
    format!("{} ({} to {})", percent(r.likely), percent(r.low), percent(r.high))
}

fn money_range(r: &MoneyRange, currency: &str) -> String {
    format!("{currency} {} ({} to {})", whole(&r.likely), whole(&r.low), whole(&r.high))
}

pub fn dashboard_text(d: &Dashboard) -> String {
    let c = &d.reporting_currency;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} cost, in {c}; as of {})", d.period.label, d.basis, d.as_of.format("%-d %b %Y"));
    let s = &d.spend;
    let change = s.change.map(|x| format!(" ({:+.1} % on {})", x * 100.0, d.previous.label)).unwrap_or_default();
    let _ = writeln!(out, "  Spend                 {c} {:>12}{change}", whole(&s.current));
    let _ = writeln!(out, "    unattributed        {c} {:>12}", whole(&s.unattributed));
    let _ = writeln!(out, "    committed           {c} {:>12}", whole(&s.commitment));
    if let Some(budget) = &s.budget {
        let _ = writeln!(out, "    budget              {c} {:>12}", whole(budget));
    }
    let _ = writeln!(out, "    run-rate a year     {c} {:>12}", whole(&s.run_rate));
    let _ = writeln!(out, "    forecast year end   {c} {:>12}", whole(&s.forecast_year_end));
    for money in &s.unconverted {
        let _ = writeln!(out, "    not converted       {} {:>12}", money.currency, whole(&money.amount));
    }
    let a = &d.adoption;
    let _ = writeln!(out, "  Active users          {:>16.0} (previous {:.0})", a.active_users, a.previous_active_users);
    let _ =
        writeln!(out, "  Seat utilisation      {:>16} of {:.0} seats", percent(a.seat_utilisation), a.seats_purchased);
    let _ = writeln!(out, "  Idle seats cost       {c} {:>12} a month", whole(&a.idle_cost_per_month));
    let r = &d.roi;
    let _ = writeln!(
        out,
        "  Portfolio ROI         {:>16} ({} to {}), {} initiatives, net {c} {}",
        percent(r.likely),
        percent(r.low),
        percent(r.high),
        r.initiatives,
        whole(&r.net_likely)
    );
    let p = &d.pipeline;
    let _ = writeln!(
        out,
        "  Pipeline              {:>16} in pilot, {} in production; pilot → production {}",
        p.pilot,
        p.production,
        percent(p.conversion)
    );
    let n = &d.renewals_90_days;
    let _ = writeln!(
        out,
        "  Renewals in 90 days   {:>16} worth {c} {} a year ({} past cancel-by)",
        n.count,
        whole(&n.annual_value),
        n.too_late_to_cancel
    );
    let k = &d.risk;
    let _ = writeln!(out, "  Overdue reviews       {:>16}", k.overdue_reviews);
    let _ = writeln!(out, "  Open incidents        {:>16}", k.open_incidents);
    let _ = writeln!(
        out,
        "  Open high risks       {:>16} on systems costing {c} {} this period",
        k.open_high_risks,
        whole(&k.spend_on_high_risk_systems)
    );
    for note in &d.notes {
        let _ = writeln!(out, "  Note: {note}");
    }
    out
}

pub fn value_text(v: &ValueOverview) -> String {
    let c = &v.reporting_currency;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Portfolio ROI {} over {} modelled initiatives; net {c} {}\n",
        ratio_range(&RatioRange { low: v.portfolio.low, likely: v.portfolio.likely, high: v.portfolio.high }),
        v.portfolio.initiatives,
        whole(&v.portfolio.net_likely)
    );
    let _ = writeln!(
        out,
        "{:<9} {:<44} {:<11} {:>14} {:>30} {:>22} {:>9}",
        "Code", "Initiative", "Stage", "Cost", "Net value (low to high)", "ROI", "Payback"
    );
    for row in &v.initiatives {
        let name: String = row.name.chars().take(44).collect();
        let payback = row.payback_likely.map(|d| d.format("%b %Y").to_string()).unwrap_or_else(|| "–".into());
        let net = if row.has_model { money_range(&row.net, c) } else { "no value model".into() };
        let _ = writeln!(
            out,
            "{:<9} {:<44} {:<11} {:>14} {:>30} {:>22} {:>9}",
            row.code,
            name,
            row.stage_label,
            whole(&row.total_cost),
            net,
            if row.has_model { ratio_range(&row.roi) } else { String::new() },
            payback
        );
    }
    out
}

pub fn spend_text(view: &SpendView, by: &str) -> Result<String, String> {
    let rows = match by {
        "vendor" => &view.by_vendor,
        "system" => &view.by_system,
        "department" => &view.by_department,
        "initiative" => &view.by_initiative,
        other => return Err(format!("\"{other}\" is not a breakdown: use vendor, system, department or initiative")),
    };
    let c = &view.reporting_currency;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Spend by {by}, {} ({} cost, {c}; change on {})",
        view.period.label, view.basis, view.previous.label
    );
    for row in rows {
        let change = row.change.map(|x| format!("{:+.1} %", x * 100.0)).unwrap_or_default();
        let name: String = row.name.chars().take(48).collect();
        let _ = writeln!(out, "  {name:<48} {c} {:>12} {:>10}", whole(&row.current), change);
    }
    let _ = writeln!(out, "  {:<48} {c} {:>12}", "Total", whole(&view.total));
    for money in &view.unconverted {
        let _ = writeln!(
            out,
            "  {:<48} {} {:>12}",
            "Not converted (no exchange rate)",
            money.currency,
            whole(&money.amount)
        );
    }
    Ok(out)
}

pub fn budgets_text(budgets: &[steward_core::api::BudgetEntry]) -> String {
    if budgets.is_empty() {
        return "No budgets yet: add one with `steward budget set 2026-01-01 2026-12-31 1200000 EUR`.\n".to_owned();
    }
    let mut out = String::new();
    for b in budgets {
        let scope = if b.scope_type == "portfolio" { "Whole portfolio".to_owned() } else { b.scope_value.clone() };
        let _ = writeln!(
            out,
            "#{:<4} {scope:<28} {} – {}  {} {:>12}",
            b.id.unwrap_or_default(),
            b.period_start.format("%-d %b %Y"),
            b.period_end.format("%-d %b %Y"),
            b.currency,
            whole(&b.amount)
        );
    }
    out
}

/// The id of the initiative with that code (as people write it, any case).
pub fn initiative_by_code(
    app: &steward_core::api::App,
    code: &str,
) -> Result<steward_core::domain::InitiativeId, String> {
    let overview = app.value_overview(chrono::Local::now().date_naive()).map_err(|e| e.message)?;
    overview
        .initiatives
        .iter()
        .find(|i| i.code.eq_ignore_ascii_case(code.trim()))
        .map(|i| i.initiative_id)
        .ok_or_else(|| format!("no initiative has the code \"{code}\" (see `steward value`)"))
}

pub fn pipeline_text(view: &PipelineView) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "{:<14} {:>5} {:>16} {:>14} {:>12}", "Stage", "Count", "Value a year", "Median days", "Longest");
    for s in &view.stages {
        let days = |d: Option<i64>| d.map_or_else(|| "–".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "{:<14} {:>5} {:>16} {:>14} {:>12}",
            s.label,
            s.count,
            format!("{} {}", view.reporting_currency, whole(&s.annual_value)),
            days(s.median_days),
            days(s.max_days)
        );
    }
    let funnel: Vec<String> = view.funnel.iter().map(|f| format!("{} {}", f.label, f.reached)).collect();
    let _ = writeln!(out, "\nReached: {}", funnel.join(" → "));
    let _ = writeln!(
        out,
        "Pilot → production: {} of {} ({})",
        view.reached_production,
        view.reached_pilot,
        percent(view.conversion)
    );
    if !view.killed.is_empty() {
        let _ = writeln!(out, "\nKilled, and why");
        for k in &view.killed {
            let when = k.killed_on.map(|d| d.format("%-d %b %Y").to_string()).unwrap_or_default();
            let why = if k.rationale.is_empty() { &k.lessons_learned } else { &k.rationale };
            let _ = writeln!(out, "  {} {} ({when}): {why}", k.code, k.name);
        }
    }
    out
}

pub fn renewals_text(rows: &[RenewalRow], days: u32) -> String {
    if rows.is_empty() {
        return format!("Nothing to renew or cancel in the next {days} days.\n");
    }
    let mut out = String::new();
    for r in rows {
        let when = if r.too_late_to_cancel {
            format!("cancel-by passed {}", r.cancel_by.format("%-d %b %Y"))
        } else {
            format!("cancel by {} ({} days)", r.cancel_by.format("%-d %b %Y"), r.days_to_cancel_by)
        };
        let value =
            r.annual_value.as_deref().map(|v| format!("{} {} a year", r.currency, whole(v))).unwrap_or_default();
        let used = match (r.active_users, r.seats_purchased) {
            (Some(active), Some(seats)) => format!("{active:.0} of {seats} seats used ({})", percent(r.utilisation)),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{:<44} ends {}, {when}{}  {value}  {used}  spent {} in 12 months",
            r.name.chars().take(44).collect::<String>(),
            r.end.format("%-d %b %Y"),
            if r.auto_renew { ", auto-renews" } else { "" },
            whole(&r.spend_last_12_months)
        );
    }
    out
}

pub fn risk_text(p: &RiskPosture) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Systems by EU AI Act tier");
    for t in &p.by_eu_ai_act_tier {
        let _ = writeln!(out, "  {:<34} {:>5}", t.label, t.systems);
    }
    let _ = writeln!(out, "Systems by internal risk tier");
    for t in &p.by_internal_tier {
        let _ = writeln!(out, "  {:<34} {:>5}", t.label, t.systems);
    }
    let _ = writeln!(out, "\nOpen risks (likelihood down, impact across)");
    for (i, row) in p.heatmap.iter().enumerate().rev() {
        let cells: Vec<String> = row.iter().map(|c| format!("{c:>3}")).collect();
        let _ = writeln!(out, "  {} |{}", i + 1, cells.join(""));
    }
    let _ = writeln!(
        out,
        "\n{} open high risks · {} overdue reviews · {} open incidents",
        p.open_high_risks, p.overdue_reviews, p.open_incidents
    );
    for s in &p.high_risk_systems {
        let _ = writeln!(out, "  {} {}: spent {} in 12 months", s.code, s.name, whole(&s.spend_last_12_months));
    }
    out
}

pub fn fx_text(rates: &[steward_core::api::FxRateEntry]) -> String {
    if rates.is_empty() {
        return "No exchange rates yet: add one with `steward fx set USD EUR 2026-01-01 0.92`.\n".to_owned();
    }
    let mut out = String::new();
    for r in rates {
        let _ = writeln!(
            out,
            "1 {} = {:>10} {}  from {}  {}",
            r.from,
            r.rate,
            r.to,
            r.valid_from.format("%-d %b %Y"),
            r.source
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::whole;

    #[test]
    fn whole_units_are_grouped_and_rounded() {
        assert_eq!(whole("1234567.891"), "1,234,568");
        assert_eq!(whole("-1000.00"), "-1,000");
        assert_eq!(whole("0.40"), "0");
        assert_eq!(whole("999.5"), "1,000");
    }
}
