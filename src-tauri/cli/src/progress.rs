//! A one-line progress bar on stderr, drawn only when stderr is a terminal (never into logs
//! or pipes), at most ten times a second.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Bar {
    enabled: bool,
    last: Option<Instant>,
    drawn: bool,
}

impl Bar {
    pub fn new(wanted: bool) -> Bar {
        Bar { enabled: wanted && std::io::stderr().is_terminal(), last: None, drawn: false }
    }

    /// Always returns `true`: the CLI is cancelled with Ctrl+C, which rolls the transaction back.
    pub fn show(&mut self, fraction: f32, rows: u64) -> bool {
        if !self.enabled || self.last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) {
            return true;
        }
        self.last = Some(Instant::now());
        let width = 30;
        let done = ((fraction.clamp(0.0, 1.0) * width as f32) as usize).min(width);
        let _ = write!(
            std::io::stderr(),
            "\r[{}{}] {:>3.0}%  {rows} rows",
            "#".repeat(done),
            " ".repeat(width - done),
            fraction * 100.0
        );
        self.drawn = true;
        true
    }

    pub fn clear(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(60));
        }
    }
}
