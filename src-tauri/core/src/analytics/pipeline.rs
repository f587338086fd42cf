//! The initiative pipeline: count and value by stage, how long initiatives sit in a stage,
//! conversion from pilot to production.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

/// The stages in pipeline order; off-path stages (on hold, killed, retired) last.
pub const STAGE_ORDER: [&str; 8] =
    ["idea", "assessment", "pilot", "production", "scaled", "on_hold", "killed", "retired"];

#[derive(Debug, Clone, PartialEq)]
pub struct PipelineItem {
    pub initiative_id: i64,
    pub stage: String,
    pub stage_entered_on: Option<NaiveDate>,
    /// Likely benefit per year from the value model, reporting currency.
    pub annual_value_micros: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageSummary {
    pub stage: String,
    pub count: u32,
    pub annual_value_micros: i64,
    /// Initiatives in the stage with a value model.
    pub valued: u32,
    pub median_days_in_stage: Option<i64>,
    pub max_days_in_stage: Option<i64>,
}

/// Every stage of [`STAGE_ORDER`], in that order, with zeros where empty.
pub fn by_stage(items: &[PipelineItem], today: NaiveDate) -> Vec<StageSummary> {
    STAGE_ORDER
        .iter()
        .map(|stage| {
            let in_stage: Vec<&PipelineItem> = items.iter().filter(|i| i.stage == *stage).collect();
            let mut days: Vec<i64> =
                in_stage.iter().filter_map(|i| i.stage_entered_on).map(|on| (today - on).num_days().max(0)).collect();
            days.sort_unstable();
            StageSummary {
                stage: (*stage).to_owned(),
                count: in_stage.len() as u32,
                annual_value_micros: in_stage.iter().filter_map(|i| i.annual_value_micros).sum(),
                valued: in_stage.iter().filter(|i| i.annual_value_micros.is_some()).count() as u32,
                median_days_in_stage: median(&days),
                max_days_in_stage: days.last().copied(),
            }
        })
        .collect()
}

/// A recorded stage change.
#[derive(Debug, Clone, PartialEq)]
pub struct StageChange {
    pub initiative_id: i64,
    pub to_stage: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// Initiatives that ever reached pilot (by their history or where they are now).
    pub reached_pilot: u32,
    /// Of those, the ones that went on to production or scaled.
    pub reached_production: u32,
    pub rate: Option<f64>,
}

pub fn pilot_to_production(items: &[PipelineItem], history: &[StageChange]) -> Conversion {
    let mut reached: HashMap<i64, HashSet<&str>> = HashMap::new();
    for change in history {
        reached.entry(change.initiative_id).or_default().insert(change.to_stage.as_str());
    }
    for item in items {
        reached.entry(item.initiative_id).or_default().insert(item.stage.as_str());
    }
    let live: HashSet<i64> = items.iter().map(|i| i.initiative_id).collect();
    let production = |stages: &HashSet<&str>| stages.contains("production") || stages.contains("scaled");
    let (mut pilots, mut converted) = (0, 0);
    for (id, stages) in &reached {
        if live.contains(id) && (stages.contains("pilot") || production(stages)) {
            pilots += 1;
            converted += u32::from(production(stages));
        }
    }
    Conversion {
        reached_pilot: pilots,
        reached_production: converted,
        rate: (pilots > 0).then(|| f64::from(converted) / f64::from(pilots)),
    }
}

/// The stages an initiative moves through on the way to value, in order.
pub const PATH: [&str; 5] = ["idea", "assessment", "pilot", "production", "scaled"];

/// One step of the funnel: initiatives that reached the stage or went further (by their
/// history or where they are now), and the likely annual value of those.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelStep {
    pub stage: String,
    pub reached: u32,
    pub annual_value_micros: i64,
    pub valued: u32,
}

/// The funnel along [`PATH`]: every initiative has at least been an idea, so each step holds
/// no more than the one before and the ratio between steps is the conversion.
pub fn funnel(items: &[PipelineItem], history: &[StageChange]) -> Vec<FunnelStep> {
    let position = |stage: &str| PATH.iter().position(|s| *s == stage);
    let mut furthest: HashMap<i64, usize> =
        items.iter().map(|i| (i.initiative_id, position(&i.stage).unwrap_or(0))).collect();
    for change in history {
        if let (Some(slot), Some(at)) = (furthest.get_mut(&change.initiative_id), position(&change.to_stage)) {
            *slot = (*slot).max(at);
        }
    }
    PATH.iter()
        .enumerate()
        .map(|(at, stage)| {
            let reached: Vec<&PipelineItem> =
                items.iter().filter(|i| furthest.get(&i.initiative_id).is_some_and(|f| *f >= at)).collect();
            FunnelStep {
                stage: (*stage).to_owned(),
                reached: reached.len() as u32,
                annual_value_micros: reached.iter().filter_map(|i| i.annual_value_micros).sum(),
                valued: reached.iter().filter(|i| i.annual_value_micros.is_some()).count() as u32,
            }
        })
        .collect()
}

fn median(sorted: &[i64]) -> Option<i64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2]),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn item(id: i64, stage: &str, entered: Option<&str>, value: Option<i64>) -> PipelineItem {
        PipelineItem {
            initiative_id: id,
            stage: stage.into(),
            stage_entered_on: entered.map(d),
            annual_value_micros: value,
        }
    }

    #[test]
    fn stages_come_in_pipeline_order_with_value_and_ageing() {
        let items = [
            item(1, "pilot", Some("2026-01-01"), Some(10)),
            item(2, "pilot", Some("2026-03-01"), None),
            item(3, "pilot", Some("2026-02-01"), Some(5)),
            item(4, "idea", None, None),
        ];
        let stages = by_stage(&items, d("2026-03-11"));
        assert_eq!(stages.iter().map(|s| s.stage.as_str()).collect::<Vec<_>>(), STAGE_ORDER);
        let pilot = &stages[2];
        assert_eq!((pilot.count, pilot.annual_value_micros, pilot.valued), (3, 15, 2));
        assert_eq!((pilot.median_days_in_stage, pilot.max_days_in_stage), (Some(38), Some(69)), "10, 38, 69 days");
        assert_eq!((stages[0].count, stages[0].median_days_in_stage), (1, None), "no entry date, no age");
        assert_eq!(stages[3].count, 0);
    }

    #[test]
    fn the_funnel_counts_what_reached_each_stage_or_beyond() {
        let items = [
            item(1, "scaled", None, Some(100)),
            item(2, "killed", None, None),
            item(3, "pilot", None, Some(10)),
            item(4, "idea", None, None),
        ];
        let history = [StageChange { initiative_id: 2, to_stage: "pilot".into() }];
        let steps = funnel(&items, &history);
        let reached: Vec<u32> = steps.iter().map(|s| s.reached).collect();
        assert_eq!(reached, vec![4, 3, 3, 1, 1], "the killed one reached pilot; every step ≤ the one before");
        assert_eq!((steps[2].annual_value_micros, steps[2].valued), (110, 2));
    }

    #[test]
    fn conversion_counts_pilots_that_reached_production_by_history_or_stage() {
        let items = [
            item(1, "scaled", None, None),
            item(2, "killed", None, None),
            item(3, "pilot", None, None),
            item(4, "production", None, None),
            item(5, "idea", None, None),
        ];
        let history = [
            StageChange { initiative_id: 1, to_stage: "pilot".into() },
            StageChange { initiative_id: 2, to_stage: "pilot".into() },
            StageChange { initiative_id: 9, to_stage: "pilot".into() },
        ];
        let conversion = pilot_to_production(&items, &history);
        // 1 (pilot → scaled), 2 (pilot → killed), 3 (in pilot), 4 (production without history); 9 is deleted.
        assert_eq!((conversion.reached_pilot, conversion.reached_production), (4, 2));
        assert_eq!(conversion.rate, Some(0.5));
        assert_eq!(pilot_to_production(&[], &[]).rate, None);
    }
}
