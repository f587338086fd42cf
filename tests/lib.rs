//! Scenario tests live in `integration/`; the end-to-end suite in `e2e/`. This crate has no library code.
