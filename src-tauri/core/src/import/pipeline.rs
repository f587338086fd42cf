//! Reading and typing a file on a second thread while the caller stores what it yields.
//!
//! An import has two halves of similar weight: reading and typing rows (csv, decimals, dates,
//! keys) and storing them (SQLite). Run one after the other they take the sum of both; run on
//! two threads, about as long as the slower one. The caller's sink stays on the caller's
//! thread, so a sink over a database transaction never crosses threads.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};

use super::engine::{CostRecord, FactSink, Interpreter, ReadOptions, Reading};
use super::preset::Preset;
use super::source::{FileError, FileFacts, RowVisitor};

/// Records per message: enough to make the hand-over cheap, few enough to keep memory flat.
const BATCH: usize = 512;
/// Messages in flight: the reader runs at most this far ahead of the store.
const IN_FLIGHT: usize = 32;

enum Fact {
    Start(&'static Preset),
    Costs(Vec<CostRecord>),
    Progress(f32, u64),
}

/// The reader's side of the sink: batches what the interpreter yields and sends it over.
struct Forward<'c> {
    out: SyncSender<Fact>,
    costs: Vec<CostRecord>,
    cancelled: &'c AtomicBool,
}

impl Forward<'_> {
    /// `false` when the storing side has stopped (it failed, or the user cancelled).
    fn flush(&mut self) -> bool {
        if self.costs.is_empty() {
            return true;
        }
        let costs = std::mem::replace(&mut self.costs, Vec::with_capacity(BATCH));
        self.out.send(Fact::Costs(costs)).is_ok()
    }
}

impl FactSink for Forward<'_> {
    fn start(&mut self, preset: &'static Preset) -> bool {
        self.flush() && self.out.send(Fact::Start(preset)).is_ok()
    }

    fn cost(&mut self, record: CostRecord) -> bool {
        self.costs.push(record);
        self.costs.len() < BATCH || self.flush()
    }

    fn progress(&mut self, fraction: f32, rows: u64) -> bool {
        self.flush() && self.out.send(Fact::Progress(fraction, rows)).is_ok() && !self.cancelled.load(Ordering::Relaxed)
    }
}

/// Reads with `read` on a second thread, through an interpreter with `options`, and hands
/// every fact to `sink` on this thread, in the order the file yields them. Stops early when
/// the sink refuses a fact (its own error explains why) or its progress says cancel
/// (`Reading::cancelled`). Not for user-mapped sheets, whose rows the sink types one by one.
pub fn read_alongside<R>(
    options: ReadOptions,
    read: R,
    sink: &mut dyn FactSink,
) -> (Result<FileFacts, FileError>, Reading)
where
    R: FnOnce(&mut dyn RowVisitor) -> Result<FileFacts, FileError> + Send,
{
    debug_assert!(!options.mapped, "a mapped sheet is typed by its sink, row by row");
    let cancelled = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (out, facts) = sync_channel(IN_FLIGHT);
        let reader = scope.spawn(|| {
            let mut forward = Forward { out, costs: Vec::with_capacity(BATCH), cancelled: &cancelled };
            let mut interpreter = Interpreter::new(options, &mut forward);
            let file = read(&mut interpreter);
            let reading = interpreter.finish();
            forward.flush();
            (file, reading)
        });
        'facts: for fact in facts.iter() {
            let go_on = match fact {
                Fact::Start(preset) => sink.start(preset),
                Fact::Costs(costs) => {
                    for record in costs {
                        if !sink.cost(record) {
                            break 'facts;
                        }
                    }
                    true
                }
                Fact::Progress(fraction, rows) => {
                    let go_on = sink.progress(fraction, rows);
                    cancelled.store(!go_on, Ordering::Relaxed);
                    go_on
                }
            };
            if !go_on {
                break;
            }
        }
        // Hanging up tells the reader to stop at its next hand-over.
        drop(facts);
        let (file, mut reading) = reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if cancelled.load(Ordering::Relaxed) {
            reading.cancelled = true;
        }
        (file, reading)
    })
}
