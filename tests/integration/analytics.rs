//! Analytics through the api, on portfolios built by hand and by importing real-layout files:
//! figures checked against values computed by hand.

use steward_core::analytics::period::PeriodKind;
use steward_core::api::{
    AnalyticsRequest, App, AssumptionDraft, ErrorCode, FxRateEntry, ImportProgress, ImportRequest,
};
use steward_core::domain::{InitiativeDraft, Stage};

use crate::util::{app, contract, date, fixture, vendor};

fn month_of(anchor: chrono::NaiveDate) -> AnalyticsRequest {
    AnalyticsRequest { period: PeriodKind::Month, anchor: Some(anchor), basis: None }
}

/// Anthropic's October 2025 cost export: USD 577.61 billed (expected.json).
fn import_anthropic_october(app: &mut App) {
    let request = ImportRequest {
        path: fixture("imports").join("claude_api_cost_2025_10.csv").display().to_string(),
        ..ImportRequest::default()
    };
    app.import_commit(&request, &mut |_: ImportProgress| true).expect("the fixture imports");
}

#[test]
fn an_empty_portfolio_has_zero_spend_and_no_ratios() {
    let app = app();
    let today = date(2026, 11, 22);
    let dashboard = app
        .dashboard(&AnalyticsRequest { period: PeriodKind::Quarter, anchor: None, basis: None }, today)
        .expect("the dashboard of an empty portfolio");
    assert_eq!(dashboard.period.label, "Q4 2026", "with no cost the period is today's");
    assert_eq!((dashboard.spend.current.as_str(), dashboard.spend.change), ("0.00", None));
    assert!(dashboard.spend.unconverted.is_empty() && dashboard.notes.is_empty());
    assert_eq!((dashboard.adoption.active_users, dashboard.adoption.seat_utilisation), (0.0, None));
    assert_eq!((dashboard.roi.likely, dashboard.roi.initiatives), (None, 0));
    assert_eq!((dashboard.pipeline.pilot, dashboard.pipeline.conversion), (0, None));
    assert_eq!(dashboard.last_cost_month, None);
    assert!(app.adoption_view(&month_of(today), today).expect("adoption").systems.is_empty());
    assert!(app.value_overview(today).expect("value").initiatives.is_empty());
}

#[test]
fn usd_costs_in_a_eur_portfolio_stay_unconverted_until_a_rate_is_entered() {
    let mut app = app();
    app.reporting_currency_set("eur").expect("EUR is a currency");
    import_anthropic_october(&mut app);
    let today = date(2026, 11, 22);
    let october = month_of(date(2025, 10, 15));

    let before = app.dashboard(&october, today).expect("dashboard");
    assert_eq!(before.reporting_currency, "EUR");
    assert_eq!(before.spend.current, "0.00", "USD is not summed into EUR without a rate");
    assert_eq!(before.spend.unconverted.len(), 1);
    assert_eq!(
        (before.spend.unconverted[0].currency.as_str(), before.spend.unconverted[0].amount.as_str()),
        ("USD", "577.61")
    );
    assert!(before.notes.iter().any(|n| n.contains("USD") && n.contains("no exchange rate")), "{:?}", before.notes);

    let rate = FxRateEntry {
        from: "usd".into(),
        to: "EUR".into(),
        valid_from: date(2025, 10, 1),
        rate: "0.90".into(),
        source: "test".into(),
    };
    assert_eq!(app.fx_rate_set(&rate).expect("a valid rate").rate, "0.9");
    let after = app.dashboard(&october, today).expect("dashboard");
    assert_eq!(after.spend.current, "519.849", "577.61 × 0.9");
    assert!(after.spend.unconverted.is_empty() && after.notes.is_empty());
    // One month of data: the run-rate is that month × 12 and the year ends with two more like it.
    assert_eq!(after.spend.run_rate, "6238.188");
    assert_eq!(after.spend.forecast_year_end, "1559.547");
    assert_eq!(after.spend.unattributed, "519.849", "no attribution rule: all of it is unattributed, and shown");
    // The month before has no rate (it starts 1 Oct) and no cost: no change figure.
    assert_eq!(after.spend.change, None);
}

#[test]
fn a_bad_rate_or_currency_is_refused_by_field_and_nothing_is_stored() {
    let mut app = app();
    let bad = FxRateEntry {
        from: "USD".into(),
        to: "EURO".into(),
        valid_from: date(2026, 1, 1),
        rate: "-1".into(),
        source: String::new(),
    };
    let error = app.fx_rate_set(&bad).expect_err("refused");
    assert_eq!(error.code, ErrorCode::Validation);
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["to", "rate"]);
    assert!(app.fx_rates().expect("rates").is_empty());
    assert_eq!(app.reporting_currency_set("Euro").expect_err("refused").code, ErrorCode::Validation);
}

#[test]
fn a_contract_commits_its_annual_value_month_by_month() {
    let mut app = app();
    app.reporting_currency_set("EUR").expect("currency");
    let vendor = app.vendor_create(&vendor("DeepL")).expect("vendor");
    let mut draft = contract(vendor.id, "DeepL Pro");
    draft.start_date = Some(date(2026, 1, 15));
    draft.end_date = Some(date(2027, 1, 14));
    draft.annual_value = "12000.00".into();
    draft.currency = "EUR".into();
    app.contract_create(&draft).expect("contract");
    let today = date(2026, 11, 22);
    let january = app.dashboard(&month_of(date(2026, 1, 20)), today).expect("dashboard");
    assert_eq!(january.spend.commitment, "548.387096", "12,000 / 12 × 17 / 31 days");
    let year = app
        .dashboard(&AnalyticsRequest { period: PeriodKind::Year, anchor: Some(date(2026, 6, 1)), basis: None }, today)
        .expect("dashboard");
    // 2026 holds 15 Jan–31 Dec: 548.387096 + 11 × 1,000.
    assert_eq!(year.spend.commitment, "11548.387096");
}

fn assumption(method: &str, name: &str, unit: &str, low: &str, likely: &str, high: &str) -> AssumptionDraft {
    AssumptionDraft {
        method: method.into(),
        name: name.into(),
        unit: unit.into(),
        low: low.into(),
        likely: likely.into(),
        high: high.into(),
        confidence: "modelled".into(),
        note: String::new(),
    }
}

#[test]
fn a_value_model_is_validated_previewed_saved_and_audited() {
    let mut app = app();
    app.reporting_currency_set("EUR").expect("currency");
    let initiative = app
        .initiative_create(&InitiativeDraft {
            code: "INI-1".into(),
            name: "Ticket triage".into(),
            stage: Some(Stage::Pilot),
            planned_go_live: Some(date(2026, 1, 10)),
            ..InitiativeDraft::default()
        })
        .expect("initiative");
    let today = date(2026, 11, 22);

    let wrong = vec![
        assumption("time_saved", "Acceptance rate", "%", "60", "50", "40"),
        assumption("magic", "", "", "", "x", ""),
    ];
    let error = app.value_model_preview(initiative.id, &wrong, today).expect_err("refused");
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "assumptions.0.low",
            "assumptions.0.high",
            "assumptions.1.method",
            "assumptions.1.name",
            "assumptions.1.likely"
        ]
    );

    // 200 users × 10 tasks × 3 minutes (0.05 h) × 50 % × €40/h = €2,000 a month.
    let model = vec![
        assumption("time_saved", "Users", "users", "150", "200", "250"),
        assumption("time_saved", "Tasks per user per month", "tasks/user/month", "10", "10", "10"),
        assumption("time_saved", "Minutes saved per task", "minutes", "3", "3", "3"),
        assumption("time_saved", "Acceptance rate", "%", "30", "50", "70"),
        assumption("time_saved", "Loaded hourly rate", "EUR/h", "40", "40", "40"),
    ];
    let preview = app.value_model_preview(initiative.id, &model, today).expect("preview");
    assert_eq!(preview.monthly_benefit.likely, "2000.00");
    assert_eq!(preview.monthly_benefit.low, "900.00", "150 × 10 × 0.05 × 30 % × 40");
    assert_eq!(preview.value_start, Some(date(2026, 1, 1)));
    assert!(
        app.initiative_value(initiative.id, today).expect("stored").assumptions.is_empty(),
        "preview stores nothing"
    );

    let saved = app.value_model_save(initiative.id, &model, today).expect("saved");
    assert_eq!(saved.assumptions.len(), 5);
    assert_eq!(saved.assumptions[3].likely, "50");
    let trail = app.audit_list(Some(("initiative", initiative.id.0)), 10).expect("audit");
    assert!(trail.iter().any(|e| e.field.as_deref() == Some("value_model")), "the model change is audited");
    assert!(app.audit_verify().expect("verify").intact);
}

/// Every analytics answer on the demo portfolio agrees with the others, and every chart draws.
#[test]
fn the_demo_portfolio_answers_consistently_and_every_chart_draws() {
    use steward_core::api::{ChartKind, ChartRequest, ChartTheme};

    let mut app = app();
    let today = date(2026, 11, 22);
    app.demo_load(today).expect("the demo loads");
    let month = AnalyticsRequest { period: PeriodKind::Month, anchor: None, basis: None };
    let dashboard = app.dashboard(&month, today).expect("dashboard");
    assert_eq!(dashboard.period.label, "Oct 2026", "the newest month of demo data is last month");
    assert!(dashboard.spend.unconverted.is_empty() && dashboard.notes.is_empty(), "the demo ships its FX rates");
    assert!(dashboard.spend.budget.is_some(), "the demo ships a portfolio budget");

    let renewals = app.renewals_view(90, today).expect("renewals");
    assert_eq!(renewals.len() as u32, dashboard.renewals_90_days.count);
    assert_eq!(
        renewals.iter().filter(|r| r.too_late_to_cancel).count() as u32,
        dashboard.renewals_90_days.too_late_to_cancel
    );
    assert!(renewals.windows(2).all(|w| w[0].cancel_by <= w[1].cancel_by), "soonest decision first");

    let pipeline = app.pipeline_view(today).expect("pipeline");
    assert!(pipeline.funnel.windows(2).all(|w| w[0].reached >= w[1].reached), "a funnel never widens");
    assert_eq!(
        pipeline.funnel[0].reached,
        pipeline.stages.iter().map(|s| s.count).sum::<u32>(),
        "every initiative was an idea"
    );
    assert!(!pipeline.killed.is_empty() && pipeline.killed.iter().all(|k| !k.rationale.is_empty()), "killed, and why");

    let risk = app.risk_posture(today).expect("risk");
    assert_eq!(risk.overdue_reviews, dashboard.risk.overdue_reviews);
    assert_eq!(risk.open_incidents, dashboard.risk.open_incidents);
    let systems: u32 = risk.by_eu_ai_act_tier.iter().map(|t| t.systems).sum();
    assert_eq!(systems, 53, "every demo system is counted once, tier set or not");

    let value = app.value_overview(today).expect("value");
    let (low, likely, high) = (value.portfolio.low, value.portfolio.likely, value.portfolio.high);
    assert!(low.zip(likely).is_some_and(|(l, m)| l <= m) && likely.zip(high).is_some_and(|(m, h)| m <= h));
    assert_eq!(value.portfolio.likely, dashboard.roi.likely, "one portfolio ROI, wherever it is shown");

    let spend = app.spend_view(&month, today).expect("spend");
    let by_vendor: rust_decimal::Decimal =
        spend.by_vendor.iter().map(|r| r.current.parse::<rust_decimal::Decimal>().expect("decimal")).sum();
    let total: rust_decimal::Decimal = spend.total.parse().expect("decimal");
    assert_eq!(total.to_string(), dashboard.spend.current, "the spend view and the dashboard agree");
    assert!(
        (by_vendor - total).abs() <= rust_decimal::Decimal::new(1, 4),
        "vendors add up to the total: {by_vendor} vs {total}"
    );

    let modelled = value.initiatives.iter().find(|i| i.has_model).expect("a modelled initiative");
    for kind in [
        ChartKind::SpendByVendor,
        ChartKind::SpendVsCommitment,
        ChartKind::PipelineFunnel,
        ChartKind::AdoptionTrend,
        ChartKind::SeatUtilisation,
        ChartKind::ValueVsCost,
        ChartKind::CumulativeValue,
        ChartKind::RenewalsTimeline,
        ChartKind::RiskHeatmap,
    ] {
        let request = ChartRequest {
            kind,
            period: PeriodKind::Month,
            anchor: None,
            basis: None,
            initiative_id: Some(modelled.initiative_id),
            theme: ChartTheme::Dark,
            width: None,
            height: None,
        };
        let svg = app.chart_svg(&request, today).unwrap_or_else(|e| panic!("{kind:?}: {}", e.message));
        assert!(svg.starts_with("<svg") && !svg.contains("No data for this period"), "{kind:?} draws the demo's data");
    }
}

#[test]
fn a_budget_is_set_changed_in_place_and_never_doubled() {
    use steward_core::api::BudgetEntry;
    let mut app = app();
    let entry = |department: &str, amount: &str| BudgetEntry {
        id: None,
        scope_type: "department".into(),
        scope_value: department.into(),
        period_start: date(2026, 1, 1),
        period_end: date(2026, 12, 31),
        amount: amount.into(),
        currency: "EUR".into(),
        note: String::new(),
    };
    let finance = app.budget_set(&entry("Finance", "400000")).expect("saved");
    let legal = app.budget_set(&entry("Legal", "50000")).expect("saved");
    // Setting the same scope and dates again replaces the amount, it does not add a budget.
    app.budget_set(&entry("Finance", "450000")).expect("replaced");
    assert_eq!(app.budgets().expect("budgets").len(), 2);
    // An edit by id moves the budget to another department in one step…
    let moved = app.budget_set(&BudgetEntry { id: finance.id, ..entry("Procurement", "450000") }).expect("moved");
    assert_eq!((moved.id, moved.scope_value.as_str(), moved.amount.as_str()), (finance.id, "Procurement", "450000.00"));
    // …but not onto another budget's scope and dates.
    let clash = app.budget_set(&BudgetEntry { id: finance.id, ..entry("Legal", "1") }).expect_err("refused");
    assert_eq!(clash.fields[0].field, "period_start");
    assert_eq!(
        app.budgets().expect("budgets").iter().find(|b| b.id == legal.id).map(|b| b.amount.clone()),
        Some("50000.00".into())
    );
    let empty = app.budget_set(&entry("", "")).expect_err("refused");
    let messages: Vec<&str> = empty.fields.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(messages, vec!["Name the department the budget is for", "Enter the budget amount, such as 250000"]);
    let trail = app.audit_list(None, 50).expect("audit");
    assert_eq!(trail.iter().filter(|e| e.entity_type == "budget").count(), 4, "two creates, a replacement, a move");
}

#[test]
fn an_initiative_without_billed_lines_counts_its_running_contract_not_a_draft_beside_it() {
    use steward_core::domain::ContractStatus;
    let mut app = app();
    app.reporting_currency_set("EUR").expect("currency");
    // Cost lines elsewhere, so the portfolio has a newest month: October 2025.
    import_anthropic_october(&mut app);
    let vendor = app.vendor_create(&vendor("Glean")).expect("vendor");
    let system = app.system_create(&crate::util::system("AIS-1", "Glean search")).expect("system");
    let other = app.system_create(&crate::util::system("AIS-2", "Glean assistant")).expect("system");
    let contract_for = |name: &str, status: ContractStatus, annual: &str, systems| {
        let mut draft = contract(vendor.id, name);
        draft.status = Some(status);
        draft.start_date = Some(date(2025, 1, 1));
        draft.end_date = Some(date(2025, 12, 31));
        draft.annual_value = annual.into();
        draft.currency = "EUR".into();
        draft.system_ids = systems;
        draft
    };
    // The draft comes first and covers two systems: it commits to nothing, and must not lend
    // its shape (two systems, half each) to the running contract's money.
    let draft = contract_for("Renewal draft", ContractStatus::Draft, "999999.00", vec![system.id, other.id]);
    app.contract_create(&draft).expect("draft");
    app.contract_create(&contract_for("Glean 2025", ContractStatus::Active, "12000.00", vec![system.id]))
        .expect("contract");
    let initiative = app
        .initiative_create(&InitiativeDraft {
            code: "INI-1".into(),
            name: "Enterprise search".into(),
            stage: Some(Stage::Pilot),
            planned_go_live: Some(date(2026, 6, 1)),
            system_ids: vec![system.id],
            ..InitiativeDraft::default()
        })
        .expect("initiative");
    let today = date(2026, 11, 22);
    let rate = FxRateEntry {
        from: "USD".into(),
        to: "EUR".into(),
        valid_from: date(2020, 1, 1),
        rate: "1".into(),
        source: String::new(),
    };
    app.fx_rate_set(&rate).expect("rate");
    let value = app.initiative_value(initiative.id, today).expect("value");
    // January–October 2025, up to the newest month with cost: ten months of 1,000.
    assert_eq!(value.cost_contract_share, "10000.00", "the running contract's 1,000 a month, not the draft's");
}

#[test]
fn facts_read_ahead_on_another_thread_give_the_same_answers_and_never_outlive_a_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("read-ahead.steward");
    let today = date(2026, 11, 22);
    let month = AnalyticsRequest { period: PeriodKind::Month, anchor: None, basis: None };
    let mut app = App::create(&path).expect("a new portfolio");
    app.demo_load(today).expect("the demo loads");
    assert!(App::in_memory().expect("memory").analytics_warmup().expect("warm-up").is_none(), "nothing to reopen");

    // Read ahead on another thread, then asked: the same answers as a fresh read of the file.
    let warmup = app.analytics_warmup().expect("warm-up").expect("facts are stale after the demo load");
    assert!(app.analytics_warmup().expect("warm-up").is_none(), "one read ahead at a time");
    std::thread::spawn(move || warmup.run()).join().expect("the read ahead ends");
    assert!(app.analytics_warmup().expect("warm-up").is_none(), "already read");
    let fresh = || App::open(&path).expect("reopens");
    let before = app.dashboard(&month, today).expect("dashboard");
    assert_eq!(before, fresh().dashboard(&month, today).expect("fresh"));
    assert_eq!(app.value_overview(today).expect("value"), fresh().value_overview(today).expect("fresh"));

    // A change after the read ahead began: its facts are never shown for the new state.
    let warmup = app.analytics_warmup();
    let rate = FxRateEntry {
        from: "USD".into(),
        to: "EUR".into(),
        valid_from: date(2026, 10, 1),
        rate: "0.5".into(),
        source: "test".into(),
    };
    app.fx_rate_set(&rate).expect("a valid rate");
    let reader = std::thread::spawn(move || {
        if let Ok(Some(warmup)) = warmup {
            warmup.run();
        }
    });
    let after = app.dashboard(&month, today).expect("dashboard");
    reader.join().expect("the read ahead ends");
    assert_ne!(after.spend.current, before.spend.current, "the demo's USD costs at the new rate");
    assert_eq!(after, fresh().dashboard(&month, today).expect("fresh"));
    assert_eq!(app.dashboard(&month, today).expect("dashboard"), after, "and still after the read ahead ended");
}
