//! Realistic chart inputs: the snapshot tests draw them, and `examples/chart_gallery.rs`
//! renders them for people to look at. Each is hard on purpose: long names, more series than
//! colours, gaps and zeros, a payback point, cancel-by dates already passed.

use chrono::NaiveDate;

use super::{
    Chart, CumulativeValue, Funnel, FunnelStage, MonthlyLines, MonthlyStack, NamedSeries, RenewalItem,
    RenewalsTimeline, RiskHeatmap, SeatItem, SeatUtilisation, SpendVsCommitment, ValueRange, ValueUnit, ValueVsCost,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("sample dates are valid")
}

/// `n` month starts from `year`-`month`.
pub fn months(year: i32, month: u32, n: usize) -> Vec<NaiveDate> {
    (0..n)
        .map(|i| {
            let m = month as usize - 1 + i;
            date(year + (m / 12) as i32, (m % 12) as u32 + 1, 1)
        })
        .collect()
}

fn named(name: &str, values: Vec<f64>) -> NamedSeries {
    NamedSeries { name: name.to_owned(), values }
}

/// A smooth, deterministic wobble so sample series look measured rather than drawn with a ruler.
fn wave(i: usize, seed: f64) -> f64 {
    ((i as f64 * 0.9 + seed).sin() * 0.5 + (i as f64 * 0.37 + seed * 2.0).cos() * 0.5) * 0.5 + 1.0
}

fn cumulative(values: impl IntoIterator<Item = f64>) -> Vec<f64> {
    values
        .into_iter()
        .scan(0.0, |sum, v| {
            *sum += v;
            Some(*sum)
        })
        .collect()
}

/// Twelve months of spend across ten vendors (three folded into "Other"), one vendor that
/// spent nothing, a month with no spend at all.
pub fn spend_by_vendor() -> MonthlyStack {
    let months = months(2025, 7, 12);
    let vendors: [(&str, f64); 10] = [
        ("Microsoft Azure OpenAI Service (EU Data Boundary, production tenant)", 42_000.0),
        ("OpenAI", 31_000.0),
        ("Anthropic", 24_000.0),
        ("GitHub Copilot Business", 9_500.0),
        ("Google Cloud Vertex AI", 7_800.0),
        ("AWS Bedrock", 6_200.0),
        ("Microsoft 365 Copilot", 12_000.0),
        ("Cohere", 1_800.0),
        ("Mistral AI", 1_200.0),
        ("Hugging Face Inference Endpoints", 0.0),
    ];
    let series = vendors
        .iter()
        .enumerate()
        .map(|(k, (name, base))| {
            let values = (0..months.len())
                .map(|i| if i == 4 { 0.0 } else { (base * wave(i, k as f64) * (1.0 + i as f64 * 0.04)).round() })
                .collect();
            named(name, values)
        })
        .collect();
    MonthlyStack { months, series, unit: ValueUnit::Money { currency: "EUR".into() } }
}

/// A year of cumulative spend, nine months in, against commitment and budget.
pub fn spend_vs_commitment() -> SpendVsCommitment {
    let months = months(2026, 1, 12);
    let actual = cumulative((0..9).map(|i| 118_000.0 * wave(i, 1.0) * (1.0 + i as f64 * 0.03)));
    let commitment = cumulative((0..12).map(|_| 125_000.0));
    let budget = cumulative((0..12).map(|_| 140_000.0));
    SpendVsCommitment { months, actual, commitment, budget: Some(budget), currency: "USD".into() }
}

/// The pipeline from idea to scaled, with a stage holding nothing.
pub fn pipeline_funnel() -> Funnel {
    let stage = |label: &str, count: u32, value: Option<f64>| FunnelStage { label: label.into(), count, value };
    Funnel {
        stages: vec![
            stage("Idea", 48, Some(12_400_000.0)),
            stage("Assessment", 31, Some(8_900_000.0)),
            stage("Pilot", 14, Some(4_150_000.0)),
            stage("Production", 7, Some(2_300_000.0)),
            stage("Scaled across business units", 3, Some(1_750_000.0)),
            stage("Retired", 0, None),
        ],
        currency: Some("EUR".into()),
    }
}

/// Active users of nine tools over eighteen months; one starts late, one has a gap.
pub fn adoption_trend() -> MonthlyLines {
    let months = months(2025, 1, 18);
    let tools: [(&str, f64); 9] = [
        ("Microsoft 365 Copilot", 1_800.0),
        ("ChatGPT Enterprise", 1_250.0),
        ("GitHub Copilot Business (engineering and data science)", 640.0),
        ("Internal knowledge assistant", 420.0),
        ("Claude for Work", 380.0),
        ("Contract review agent", 120.0),
        ("Customer support chatbot (agent assist)", 260.0),
        ("Gemini for Workspace", 90.0),
        ("Meeting summariser pilot", 45.0),
    ];
    let series = tools
        .iter()
        .enumerate()
        .map(|(k, (name, full))| {
            let values = (0..months.len())
                .map(|i| {
                    let ramp = (i as f64 / 12.0).min(1.0);
                    match (k, i) {
                        (4, i) if i < 6 => f64::NAN,
                        (3, 9) => f64::NAN,
                        _ => (full * ramp * wave(i, k as f64) * 0.9).round(),
                    }
                })
                .collect();
            named(name, values)
        })
        .collect();
    MonthlyLines { months, series, unit: ValueUnit::Count { noun: "active users".into() } }
}

/// Activation rates (percentages) for more tools than colours: the rest are left out, not summed.
pub fn adoption_rates() -> MonthlyLines {
    let months = months(2026, 1, 6);
    let series = (0..9)
        .map(|k| {
            named(
                &format!(
                    "Business unit {}",
                    ["Finance", "Legal", "HR", "Sales", "Marketing", "IT", "Ops", "R&D", "Risk"][k]
                ),
                (0..6).map(|i| (20.0 + k as f64 * 7.0 + i as f64 * 3.0 * wave(i, k as f64)).min(100.0)).collect(),
            )
        })
        .collect();
    MonthlyLines { months, series, unit: ValueUnit::Percent }
}

/// Seats bought, handed out and used; one over-assigned, one unused.
pub fn seat_utilisation() -> SeatUtilisation {
    let item = |name: &str, purchased: f64, assigned: f64, active: f64| SeatItem {
        name: name.into(),
        purchased,
        assigned,
        active,
    };
    SeatUtilisation {
        items: vec![
            item("Microsoft 365 Copilot", 2_500.0, 2_310.0, 1_640.0),
            item("ChatGPT Enterprise", 1_500.0, 1_480.0, 1_210.0),
            item("GitHub Copilot Business (engineering and data science teams)", 800.0, 850.0, 702.0),
            item("Claude for Work", 400.0, 260.0, 118.0),
            item("Gemini for Workspace", 300.0, 120.0, 0.0),
            item("Notion AI", 150.0, 150.0, 96.0),
        ],
    }
}

/// Modelled value ranges and costs of eight initiatives; one may lose money.
pub fn value_vs_cost() -> ValueVsCost {
    let item = |name: &str, low: f64, likely: f64, high: f64, cost: f64| ValueRange {
        name: name.into(),
        low,
        likely,
        high,
        cost,
    };
    ValueVsCost {
        items: vec![
            item("Customer support agent assist (tier-1 deflection)", 820_000.0, 1_350_000.0, 2_100_000.0, 410_000.0),
            item("Invoice matching", 240_000.0, 380_000.0, 520_000.0, 95_000.0),
            item("Developer productivity (Copilot)", 600_000.0, 950_000.0, 1_400_000.0, 480_000.0),
            item("Contract review", 90_000.0, 210_000.0, 330_000.0, 160_000.0),
            item("Sales email drafting", -40_000.0, 60_000.0, 180_000.0, 120_000.0),
            item("Knowledge search", 150_000.0, 300_000.0, 610_000.0, 140_000.0),
            item("Demand forecasting v2", 400_000.0, 700_000.0, 900_000.0, 350_000.0),
            item("HR policy assistant", 20_000.0, 45_000.0, 70_000.0, 0.0),
        ],
        currency: "GBP".into(),
    }
}

/// Eighteen months of cumulative value against cost, paying back in March 2026.
pub fn cumulative_value() -> CumulativeValue {
    let months = months(2025, 7, 18);
    let n = months.len();
    let monthly_value = |scale: f64| -> Vec<f64> {
        cumulative((0..n).map(|i| scale * 95_000.0 * (i as f64 / 6.0).min(1.0) * wave(i, 0.5)))
    };
    let cost = cumulative((0..n).map(|i| if i < 3 { 150_000.0 } else { 30_000.0 }));
    let likely = monthly_value(1.0);
    let payback = likely.iter().zip(&cost).position(|(v, c)| v >= c).map(|i| months[i]);
    CumulativeValue {
        value_low: monthly_value(0.6),
        value_likely: likely,
        value_high: monthly_value(1.45),
        cost,
        payback_month: payback,
        months,
        currency: "CHF".into(),
    }
}

/// Contracts ahead on 15 March 2026 over 180 days: two whose cancel-by date has passed, one
/// running past the horizon, one without notice, one already ended (left out).
pub fn renewals_timeline() -> RenewalsTimeline {
    let item = |name: &str, cancel_by: Option<NaiveDate>, end: NaiveDate, value: Option<f64>, auto: bool| RenewalItem {
        name: name.into(),
        cancel_by,
        end,
        annual_value: value,
        auto_renew: auto,
    };
    RenewalsTimeline {
        today: date(2026, 3, 15),
        horizon_days: 180,
        items: vec![
            item(
                "OpenAI API (enterprise commitment)",
                Some(date(2026, 3, 1)),
                date(2026, 4, 30),
                Some(480_000.0),
                true,
            ),
            item("ChatGPT Enterprise", Some(date(2026, 4, 15)), date(2026, 6, 30), Some(324_000.0), true),
            item("GitHub Copilot Business", Some(date(2026, 2, 20)), date(2026, 5, 20), Some(91_200.0), true),
            item("Anthropic Claude for Work", Some(date(2026, 6, 1)), date(2026, 8, 31), Some(140_000.0), false),
            item(
                "Microsoft 365 Copilot (enterprise agreement add-on, all EU subsidiaries)",
                Some(date(2026, 7, 31)),
                date(2026, 10, 31),
                Some(1_080_000.0),
                true,
            ),
            item("Notion AI", None, date(2026, 5, 31), Some(18_000.0), false),
            item("Vertex AI committed use", Some(date(2026, 8, 15)), date(2027, 2, 15), Some(600_000.0), false),
            item("Old transcription tool", Some(date(2025, 12, 1)), date(2026, 3, 1), Some(12_000.0), false),
        ],
        currency: "EUR".into(),
    }
}

/// Twenty-three open risks, most in the middle, none in some cells.
pub fn risk_heatmap() -> RiskHeatmap {
    RiskHeatmap { counts: [[2, 1, 0, 0, 0], [1, 3, 2, 1, 0], [0, 2, 4, 1, 1], [0, 1, 2, 0, 0], [0, 0, 1, 0, 1]] }
}

/// Every sample, named as its snapshot.
pub fn all() -> Vec<(&'static str, Chart)> {
    vec![
        ("spend_by_vendor", Chart::SpendByVendor(spend_by_vendor())),
        ("spend_vs_commitment", Chart::SpendVsCommitment(spend_vs_commitment())),
        ("pipeline_funnel", Chart::PipelineFunnel(pipeline_funnel())),
        ("adoption_trend", Chart::AdoptionTrend(adoption_trend())),
        ("adoption_rates", Chart::AdoptionTrend(adoption_rates())),
        ("seat_utilisation", Chart::SeatUtilisation(seat_utilisation())),
        ("value_vs_cost", Chart::ValueVsCost(value_vs_cost())),
        ("cumulative_value", Chart::CumulativeValue(cumulative_value())),
        ("renewals_timeline", Chart::RenewalsTimeline(renewals_timeline())),
        ("risk_heatmap", Chart::RiskHeatmap(risk_heatmap())),
    ]
}

/// One empty input per chart kind.
pub fn empty() -> Vec<(&'static str, Chart)> {
    let money = ValueUnit::Money { currency: "EUR".into() };
    vec![
        ("spend_by_vendor", Chart::SpendByVendor(MonthlyStack { months: vec![], series: vec![], unit: money.clone() })),
        (
            "spend_vs_commitment",
            Chart::SpendVsCommitment(SpendVsCommitment {
                months: months(2026, 1, 3),
                actual: vec![],
                commitment: vec![0.0; 3],
                budget: None,
                currency: "EUR".into(),
            }),
        ),
        ("pipeline_funnel", Chart::PipelineFunnel(Funnel { stages: vec![], currency: None })),
        (
            "adoption_trend",
            Chart::AdoptionTrend(MonthlyLines {
                months: months(2026, 1, 3),
                series: vec![named("Copilot", vec![f64::NAN; 3])],
                unit: ValueUnit::Percent,
            }),
        ),
        ("seat_utilisation", Chart::SeatUtilisation(SeatUtilisation { items: vec![] })),
        ("value_vs_cost", Chart::ValueVsCost(ValueVsCost { items: vec![], currency: "EUR".into() })),
        (
            "cumulative_value",
            Chart::CumulativeValue(CumulativeValue {
                months: vec![],
                value_low: vec![],
                value_likely: vec![],
                value_high: vec![],
                cost: vec![],
                payback_month: None,
                currency: "EUR".into(),
            }),
        ),
        (
            "renewals_timeline",
            Chart::RenewalsTimeline(RenewalsTimeline {
                today: date(2026, 3, 15),
                horizon_days: 90,
                items: vec![],
                currency: "EUR".into(),
            }),
        ),
        ("risk_heatmap", Chart::RiskHeatmap(RiskHeatmap { counts: [[0; 5]; 5] })),
    ]
}
