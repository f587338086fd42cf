//! Portfolio analytics: pure functions from facts the store provides to the figures the
//! dashboard, the Adoption & ROI screen and the board pack show.
//!
//! Owns: the arithmetic (FX conversion, spreading contracts and budgets over months, run-rate,
//! adoption ratios, the value model, pipeline ageing, renewal windows, risk posture).
//! Does not: read the store (`api` gathers the facts) or draw (that is `charts`).
//! Invariant: money stays integer micro-units of one currency; amounts without an FX rate are
//! reported as unconverted, never summed in; cost bases are never mixed.

pub mod adoption;
pub mod fx;
pub mod period;
pub mod pipeline;
pub mod renewals;
pub mod risk;
pub mod spend;
pub mod value;

/// A figure for a period and the one before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub current: f64,
    pub previous: f64,
}

impl Comparison {
    /// The change as a share of the previous figure; `None` when there was nothing before.
    pub fn change(&self) -> Option<f64> {
        (self.previous != 0.0).then(|| (self.current - self.previous) / self.previous.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::Comparison;

    #[test]
    fn change_is_relative_to_the_previous_period() {
        assert_eq!(Comparison { current: 120.0, previous: 100.0 }.change(), Some(0.2));
        assert_eq!(Comparison { current: 80.0, previous: 100.0 }.change(), Some(-0.2));
        assert_eq!(Comparison { current: 80.0, previous: 0.0 }.change(), None);
    }
}
