//! Reading and typing a file on a second thread while the caller stores what it yields.
//!
//! An import has two halves of similar weight: reading and typing rows (csv, decimals, dates,
//! keys) and storing them (SQLite). Run one after the other they take the sum of both; run on
//! two threads, about as long as the slower one. The caller's sink stays on the caller's
//! thread, so a sink over a database transaction never crosses threads. The storing half being
//! the slower, the reading thread also makes each line's stored texts, and it frees the lines:
//! the store borrows each batch and sends it back.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::engine::{CostRecord, CostTexts, FactSink, Interpreter, ReadOptions, Reading};
use super::preset::Preset;
use super::source::{FileError, FileFacts, RowVisitor};

/// Records per message: enough to make the hand-over cheap, few enough to keep memory flat.
const BATCH: usize = 512;
/// Messages in flight: the reader runs at most this far ahead of the store.
const IN_FLIGHT: usize = 32;

/// A batch of cost lines with their texts.
type Costs = Vec<(CostRecord, CostTexts)>;

enum Fact {
    Start(&'static Preset),
    Costs(Costs),
    Progress(f32, u64),
}

/// The reader's side of the sink: batches what the interpreter yields and sends it over.
struct Forward<'c> {
    out: SyncSender<Fact>,
    costs: Costs,
    /// Batches the store has used, sent back to be freed here and filled again. What one thread
    /// allocates is freed on the same thread: the system allocator frees another thread's
    /// memory slowly (measured: about a quarter of an import's CPU, tests/bench/RESULTS.md).
    spent: Receiver<Costs>,
    cancelled: &'c AtomicBool,
}

impl Forward<'_> {
    /// `false` when the storing side has stopped (it failed, or the user cancelled).
    fn flush(&mut self) -> bool {
        if self.costs.is_empty() {
            return true;
        }
        let empty = match self.spent.try_recv() {
            Ok(mut used) => {
                used.clear();
                used
            }
            Err(_) => Vec::with_capacity(BATCH),
        };
        let costs = std::mem::replace(&mut self.costs, empty);
        self.out.send(Fact::Costs(costs)).is_ok()
    }
}

impl FactSink for Forward<'_> {
    fn start(&mut self, preset: &'static Preset) -> bool {
        self.flush() && self.out.send(Fact::Start(preset)).is_ok()
    }

    fn cost(&mut self, record: CostRecord) -> bool {
        // The texts are made here, on the reading thread, which has time to spare: the store's
        // thread is the slower half of an import.
        let texts = CostTexts::of(&record);
        self.costs.push((record, texts));
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
        let (give_back, spent) = sync_channel::<Costs>(IN_FLIGHT + 2);
        let reader = scope.spawn(|| {
            let mut forward = Forward { out, costs: Vec::with_capacity(BATCH), spent, cancelled: &cancelled };
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
                    let stored = costs.iter().all(|(record, texts)| sink.cost_with_texts(record, texts));
                    // Back to the reader, which frees the lines; should its queue be full, they
                    // are freed here instead.
                    let _ = give_back.try_send(costs);
                    if !stored {
                        break 'facts;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_bytes;

    /// Keeps what the store's side is lent, as a store would use it.
    #[derive(Default)]
    struct Kept(Vec<(CostRecord, CostTexts)>);

    impl FactSink for Kept {
        fn start(&mut self, _: &'static Preset) -> bool {
            true
        }
        fn cost(&mut self, _: CostRecord) -> bool {
            panic!("the pipeline lends every line with its texts")
        }
        fn cost_with_texts(&mut self, record: &CostRecord, texts: &CostTexts) -> bool {
            self.0.push((record.clone(), texts.clone()));
            true
        }
    }

    #[test]
    fn every_line_reaches_the_store_in_file_order_with_its_own_texts() {
        let header = "start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,quantity,\
                      quantity_unit,line_item,user_id,api_key_id,project_id,organization_id,project_name,\
                      organization_name,user_email,api_source\n";
        // More lines than a batch, so batches go back to the reader and come round again.
        let rows = BATCH * 3 + 7;
        let mut file = header.to_owned();
        for i in 0..rows {
            file.push_str(&format!(
                "1735689600,1735776000,,,{i}.0000001,usd,{}000,tokens,\"gpt-4o, input\",user-{i},key_{i},proj_1,\
                 org-1,Project 1,Org,u{i}@example.com,api\n",
                i % 9 + 1
            ));
        }
        let options = ReadOptions { file_name: "cost.csv".into(), ..ReadOptions::default() };
        let mut kept = Kept::default();
        let (read, reading) =
            read_alongside(options, |visitor| read_bytes("cost.csv", file.as_bytes(), None, visitor), &mut kept);
        assert!(read.is_ok(), "the file reads: {read:?}");
        assert_eq!(reading.rows_emitted, rows as u64, "every row is a line");
        assert_eq!(kept.0.len(), rows, "every line reaches the store");
        for (i, (record, texts)) in kept.0.iter().enumerate() {
            assert_eq!(record.row as usize, i + 2, "in file order: the header is row 1");
            assert_eq!(texts, &CostTexts::of(record), "row {}: the texts are the record's own", record.row);
        }
        assert_eq!(kept.0[5].1.amount, "5.0000001", "the exact amount, as written");
    }
}
