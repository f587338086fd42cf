//! Risk posture: the likelihood × impact heatmap of open risks, which systems carry a high
//! risk, overdue reviews and open incidents.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

/// A risk counts as high from this likelihood × impact score (of 25) on.
pub const HIGH_RISK_SCORE: u8 = 15;

#[derive(Debug, Clone, PartialEq)]
pub struct RiskFact {
    pub system_id: Option<i64>,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    pub status: String,
}

impl RiskFact {
    pub fn is_open(&self) -> bool {
        !matches!(self.status.as_str(), "closed" | "retired")
    }
    fn score(&self) -> Option<(u8, u8)> {
        let (l, i) = (self.likelihood?, self.impact?);
        ((1..=5).contains(&l) && (1..=5).contains(&i)).then_some((l, i))
    }
    pub fn is_high(&self) -> bool {
        self.score().is_some_and(|(l, i)| l * i >= HIGH_RISK_SCORE)
    }
}

/// Open risks per cell: `[likelihood − 1][impact − 1]`. Unscored risks are not placed.
pub fn heatmap(risks: &[RiskFact]) -> [[u32; 5]; 5] {
    let mut cells = [[0; 5]; 5];
    for (l, i) in risks.iter().filter(|r| r.is_open()).filter_map(RiskFact::score) {
        cells[usize::from(l - 1)][usize::from(i - 1)] += 1;
    }
    cells
}

/// Systems with at least one open high risk.
pub fn systems_with_open_high_risk(risks: &[RiskFact]) -> HashSet<i64> {
    risks.iter().filter(|r| r.is_open() && r.is_high()).filter_map(|r| r.system_id).collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFact {
    pub due: Option<NaiveDate>,
    pub completed: Option<NaiveDate>,
}

/// Reviews due before `today` and not completed.
pub fn overdue_reviews(reviews: &[ReviewFact], today: NaiveDate) -> u32 {
    reviews.iter().filter(|r| r.completed.is_none() && r.due.is_some_and(|due| due < today)).count() as u32
}

#[derive(Debug, Clone, PartialEq)]
pub struct IncidentFact {
    pub severity: String,
    pub status: String,
}

/// Incidents not resolved or closed, counted per severity.
pub fn open_incidents(incidents: &[IncidentFact]) -> BTreeMap<String, u32> {
    let mut open = BTreeMap::new();
    for incident in incidents.iter().filter(|i| !matches!(i.status.as_str(), "resolved" | "closed")) {
        *open.entry(incident.severity.clone()).or_default() += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn risk(system: Option<i64>, l: Option<u8>, i: Option<u8>, status: &str) -> RiskFact {
        RiskFact { system_id: system, likelihood: l, impact: i, status: status.into() }
    }

    #[test]
    fn open_scored_risks_land_in_their_cell() {
        let risks = [
            risk(Some(1), Some(5), Some(3), "open"),
            risk(Some(1), Some(5), Some(3), "mitigating"),
            risk(Some(2), Some(1), Some(1), "closed"),
            risk(None, None, Some(2), "open"),
            risk(None, Some(9), Some(2), "open"),
        ];
        let cells = heatmap(&risks);
        assert_eq!(cells[4][2], 2);
        assert_eq!(cells.iter().flatten().sum::<u32>(), 2, "closed, unscored and out-of-range risks are not placed");
    }

    #[test]
    fn a_high_risk_scores_fifteen_or_more() {
        let risks = [
            risk(Some(1), Some(3), Some(5), "open"),
            risk(Some(2), Some(4), Some(3), "open"),
            risk(Some(3), Some(5), Some(5), "closed"),
        ];
        assert_eq!(systems_with_open_high_risk(&risks), HashSet::from([1]));
    }

    #[test]
    fn overdue_reviews_and_open_incidents() {
        let reviews = [
            ReviewFact { due: Some(d("2026-11-01")), completed: None },
            ReviewFact { due: Some(d("2026-11-01")), completed: Some(d("2026-10-30")) },
            ReviewFact { due: Some(d("2026-11-22")), completed: None },
            ReviewFact { due: None, completed: None },
        ];
        assert_eq!(overdue_reviews(&reviews, d("2026-11-22")), 1, "due today is not overdue yet");
        let incidents = [
            IncidentFact { severity: "high".into(), status: "open".into() },
            IncidentFact { severity: "high".into(), status: "investigating".into() },
            IncidentFact { severity: "low".into(), status: "resolved".into() },
        ];
        assert_eq!(open_incidents(&incidents), BTreeMap::from([("high".to_owned(), 2)]));
    }
}
