import { describe, expect, it } from "vitest";

import { COMMON_CURRENCIES, currencyName, normalizeCode, otherCurrencies } from "./currency";

describe("currency codes", () => {
  it("tidies a typed code the way Rust will read it", () => {
    expect(normalizeCode("  usd "), "codes are three upper-case letters").toBe("USD");
  });

  it("names a known currency and stays quiet for anything else", () => {
    expect(currencyName("EUR"), "a name helps tell SEK from NOK").toBe("Euro");
    expect(currencyName("chf"), "typed lower case still gets its name").toBe("Swiss Franc");
    expect(currencyName("EU"), "half a code has no name yet").toBe("");
    expect(currencyName(null), "no currency, no name").toBe("");
  });

  it("offers the reporting currency's usual partners in the empty state", () => {
    expect(otherCurrencies("EUR"), "a EUR portfolio converts USD and GBP").toEqual(["USD", "GBP"]);
    expect(otherCurrencies("USD"), "a USD portfolio converts GBP and EUR").toEqual(["GBP", "EUR"]);
    expect(otherCurrencies(null), "no reporting currency yet").toEqual(["USD", "GBP"]);
  });

  it("offers each common code once", () => {
    expect(new Set(COMMON_CURRENCIES).size, "a duplicate button would be confusing").toBe(COMMON_CURRENCIES.length);
  });
});
