// The exchange-rate form and table: what the inputs hold (always text) and the `FxRateEntry` Rust
// expects, and the table's grouping by pair. Whether a rate or a code is acceptable is for Rust to
// say (fx_rate_set answers with field errors on `from`, `to` and `rate`); the only check here is
// that a day was chosen, because a missing day cannot even be sent.
import type { ApiError } from "../../ipc/api-error";
import type { FxRateEntry } from "../../ipc/bindings/FxRateEntry";
import { parseIsoDate } from "../../lib/format";
import { normalizeCode } from "./currency";

export type { FxRateEntry };

export type RateDraft = { from: string; to: string; valid_from: string; rate: string; source: string };

/** The form's fields in the order they appear on screen (the first with an error gets focus). */
export const RATE_FIELDS = ["from", "to", "valid_from", "rate", "source"] as const;

/** A new rate: into the reporting currency, from today. */
export function newRateDraft(reporting: string | null | undefined, today: string): RateDraft {
  return { from: "", to: reporting ?? "", valid_from: today, rate: "", source: "" };
}

export function rateDraftOf(entry: FxRateEntry): RateDraft {
  return { from: entry.from, to: entry.to, valid_from: entry.valid_from, rate: entry.rate, source: entry.source };
}

export function toRateEntry(draft: RateDraft): { entry: FxRateEntry } | { error: ApiError } {
  const day = draft.valid_from.trim();
  if (parseIsoDate(day) === null) {
    return {
      error: {
        code: "validation",
        message: "The rate needs the day it applies from",
        fields: [{ field: "valid_from", message: "Choose the day the rate applies from" }],
      },
    };
  }
  return {
    entry: {
      from: normalizeCode(draft.from),
      to: normalizeCode(draft.to),
      valid_from: day,
      rate: draft.rate.trim(),
      source: draft.source.trim(),
    },
  };
}

/** A rate is stored once per pair and day: saving the same pair and day replaces it. */
export function rateKey(entry: Pick<FxRateEntry, "from" | "to" | "valid_from">): string {
  return `${entry.from}→${entry.to}@${entry.valid_from}`;
}

export type RateGroup = { from: string; to: string; key: string; rates: FxRateEntry[] };

/**
 * The rates by pair, in the order Rust listed them (pair by pair, newest first): pairs appear in
 * the order of their first rate and each keeps its rates' order.
 */
export function groupRatesByPair(rates: readonly FxRateEntry[]): RateGroup[] {
  const groups = new Map<string, RateGroup>();
  for (const rate of rates) {
    const key = `${rate.from}→${rate.to}`;
    let group = groups.get(key);
    if (!group) {
      group = { from: rate.from, to: rate.to, key, rates: [] };
      groups.set(key, group);
    }
    group.rates.push(rate);
  }
  return [...groups.values()];
}

/** How many of a pair's rates show before "Show all": the newest few are the ones people check. */
export const RATES_SHOWN_PER_PAIR = 3;
