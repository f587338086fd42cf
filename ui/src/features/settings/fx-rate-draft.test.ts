import { describe, expect, it } from "vitest";

import type { FxRateEntry } from "../../ipc/bindings/FxRateEntry";
import { groupRatesByPair, newRateDraft, rateDraftOf, rateKey, toRateEntry } from "./fx-rate-draft";

const rate = (from: string, to: string, valid_from: string, value = "0.9"): FxRateEntry => ({
  from,
  to,
  valid_from,
  rate: value,
  source: "ECB",
});

describe("rate form values", () => {
  it("starts a new rate into the reporting currency, from today", () => {
    const draft = newRateDraft("EUR", "2026-11-23");
    expect(draft.to, "most rates convert into the currency totals are shown in").toBe("EUR");
    expect(draft.valid_from, "a new rate usually applies from today").toBe("2026-11-23");
    expect(draft.from, "the other currency is for the user to name").toBe("");
  });

  it("leaves To empty when the portfolio has no reporting currency yet", () => {
    expect(newRateDraft(null, "2026-11-23").to, "nothing to default to").toBe("");
  });

  it("sends codes upper-cased and trimmed, and the rate as the text typed", () => {
    const result = toRateEntry({ from: " chf", to: "eur ", valid_from: "2026-11-01", rate: " 1.0642 ", source: "  SNB " });
    expect(result, "Rust checks the codes and parses the rate; the UI only tidies the text").toEqual({
      entry: { from: "CHF", to: "EUR", valid_from: "2026-11-01", rate: "1.0642", source: "SNB" },
    });
  });

  it("passes a rate Rust must reject through unchanged, so its message shows beside the field", () => {
    const result = toRateEntry({ from: "USD", to: "EUR", valid_from: "2026-11-01", rate: "-3", source: "" });
    expect("entry" in result && result.entry.rate, "deciding that -3 is not a rate is Rust's job").toBe("-3");
  });

  it.each([
    ["empty", ""],
    ["not a date", "1 Nov"],
    ["a day that does not exist", "2026-02-30"],
  ])("names the day field when the day is %s", (_case, day) => {
    const result = toRateEntry({ from: "USD", to: "EUR", valid_from: day, rate: "0.9", source: "" });
    expect(
      "error" in result && result.error.fields.map((f) => f.field),
      "a rate without a valid day cannot be sent, so the form says so beside the day",
    ).toEqual(["valid_from"]);
  });

  it("turns a stored rate back into the same form values", () => {
    const stored = rate("USD", "EUR", "2026-10-01", "0.920217");
    const back = toRateEntry(rateDraftOf(stored));
    expect(back, "editing and saving without changes sets the very same rate").toEqual({ entry: stored });
  });

  it("keys a rate by pair and day, the way Rust stores it", () => {
    expect(rateKey(rate("USD", "EUR", "2026-10-01", "0.9")), "same pair and day").toBe(rateKey(rate("USD", "EUR", "2026-10-01", "0.95")));
    expect(rateKey(rate("USD", "EUR", "2026-10-01")), "another day is another rate").not.toBe(rateKey(rate("USD", "EUR", "2026-11-01")));
    expect(rateKey(rate("EUR", "USD", "2026-10-01")), "the reverse pair is another rate").not.toBe(rateKey(rate("USD", "EUR", "2026-10-01")));
  });
});

describe("rates grouped by pair", () => {
  it("keeps Rust's order of pairs and of rates within a pair", () => {
    const rates = [
      rate("GBP", "EUR", "2026-11-01"),
      rate("GBP", "EUR", "2026-10-01"),
      rate("USD", "EUR", "2026-11-01"),
      rate("USD", "EUR", "2026-10-01"),
      rate("USD", "EUR", "2026-09-01"),
    ];
    const groups = groupRatesByPair(rates);
    expect(groups.map((g) => `${g.from}-${g.to}`), "one group per pair, in the order listed").toEqual(["GBP-EUR", "USD-EUR"]);
    expect(groups[1].rates.map((r) => r.valid_from), "newest first, as Rust sorted them").toEqual([
      "2026-11-01",
      "2026-10-01",
      "2026-09-01",
    ]);
  });

  it("keeps a pair and its reverse apart", () => {
    const groups = groupRatesByPair([rate("EUR", "USD", "2026-11-01"), rate("USD", "EUR", "2026-11-01")]);
    expect(groups.length, "1 EUR = x USD and 1 USD = y EUR are different rows of the table").toBe(2);
  });

  it("gathers a pair's rates even if they were not listed together", () => {
    const groups = groupRatesByPair([rate("USD", "EUR", "2026-11-01"), rate("GBP", "EUR", "2026-11-01"), rate("USD", "EUR", "2026-10-01")]);
    expect(groups.map((g) => g.rates.length), "a pair shows once, with all its rates").toEqual([2, 1]);
  });

  it("gives no groups for no rates", () => {
    expect(groupRatesByPair([]), "the empty state shows instead").toEqual([]);
  });
});
