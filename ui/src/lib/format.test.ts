import { describe, expect, it } from "vitest";

import {
  daysBetween,
  formatCount,
  formatDate,
  formatDateRange,
  formatDateTime,
  compareDecimalText,
  formatChange,
  formatDecimal,
  formatMoney,
  formatMoneyCode,
  formatMoneyBounds,
  formatMoneyExact,
  formatMoneyRange,
  formatMoneyWhole,
  formatMonth,
  formatPercent,
  formatPercentBounds,
  formatPercentRange,
  isNegativeDecimal,
  formatNumber,
  formatRelativeDays,
  formatShortDay,
  isWithinDays,
  parseIsoDate,
  todayIso,
} from "./format";

describe("formatMoney", () => {
  it.each([
    ["grouping and two decimals in euro", "120000.00", "EUR", "€120,000.00"],
    ["US dollars are marked as such, never a bare $", "1234.5", "USD", "US$1,234.50"],
    ["pounds", "99.99", "GBP", "£99.99"],
    ["yen has no minor unit", "1200000", "JPY", "JP¥1,200,000"],
    ["negative amounts keep their sign", "-1200.50", "EUR", "-€1,200.50"],
    ["a lower-case code is still understood", "10", "eur", "€10.00"],
  ])("%s", (_why, amount, currency, expected) => {
    expect(formatMoney(amount, currency), `${amount} ${currency} should read ${expected}`).toBe(expected);
  });

  it("keeps every digit of amounts too large for a float", () => {
    expect(
      formatMoney("12345678901234567.89", "USD"),
      "the decimal string must be formatted as a string, not through a double that rounds the cents",
    ).toBe("US$12,345,678,901,234,567.89");
  });

  it("shows an empty amount as a dash, not as zero", () => {
    expect(formatMoney("", "EUR"), "an unknown value is not a value of zero").toBe("—");
    expect(formatMoney(null, "EUR"), "null means not recorded").toBe("—");
  });

  it("falls back to number and code for a currency Intl does not know", () => {
    expect(formatMoney("1000", "XYZ1"), "an unusable code must still show the amount and the code").toBe("1,000.00 XYZ1");
  });

  it("shows text that is not a number as it is", () => {
    expect(formatMoney("n/a", "EUR"), "the UI never guesses a number out of text").toBe("n/a EUR");
  });
});

describe("numbers and counts", () => {
  it("groups thousands", () => {
    expect(formatNumber(10000), "large counts need a separator to be read at a glance").toBe("10,000");
  });

  it.each([
    [0, "0 systems"],
    [1, "1 system"],
    [48, "48 systems"],
    [10000, "10,000 systems"],
  ])("counts %i", (n, expected) => {
    expect(formatCount(n, "system"), `the row count for ${n} reads "${expected}"`).toBe(expected);
  });
});

describe("dates", () => {
  it("writes a date as people do", () => {
    expect(formatDate("2027-03-03"), "day, short month, year — no leading zero").toBe("3 Mar 2027");
    expect(formatDate("2026-09-30"), "September as the charts and board pack write it").toBe("30 Sep 2026");
    expect(formatMonth("2026-09-01")).toBe("Sep 2026");
  });

  it("does not shift a calendar date by the viewer's time zone", () => {
    expect(formatDate("2027-01-01"), "a date has no time zone; 1 January must not become 31 December").toBe("1 Jan 2027");
  });

  it("rejects impossible dates instead of rolling them over", () => {
    expect(parseIsoDate("2027-02-31"), "31 February is not 3 March").toBeNull();
    expect(formatDate("2027-02-31"), "an invalid date is shown as stored, so the user sees the problem").toBe("2027-02-31");
  });

  it("shows a missing date as a dash", () => {
    expect(formatDate(null), "no date recorded").toBe("—");
  });

  it("formats a timestamp with the time", () => {
    expect(formatDateTime("2027-03-03T10:15:00Z", "en-GB", "UTC"), "audit times show date and 24-hour time").toBe(
      "3 Mar 2027, 10:15",
    );
  });

  it("reads today's date in the local calendar", () => {
    expect(todayIso(new Date(2027, 2, 3, 23, 30)), "late evening is still the same local day").toBe("2027-03-03");
  });
});

describe("relative days", () => {
  const today = "2027-03-03";
  it.each([
    ["2027-03-15", "in 12 days"],
    ["2027-03-04", "tomorrow"],
    ["2027-03-03", "today"],
    ["2027-03-02", "yesterday"],
    ["2027-02-28", "3 days ago"],
  ])("%s is %s", (date, expected) => {
    expect(formatRelativeDays(date, today), `relative to ${today}`).toBe(expected);
  });

  it("counts across a daylight-saving change exactly", () => {
    expect(daysBetween("2027-03-27", "2027-03-29"), "UTC dates avoid the 23-hour day of a clock change").toBe(2);
  });

  it("says nothing for a missing date", () => {
    expect(formatRelativeDays(null, today), "no date, no relative text").toBe("");
  });

  it("knows when a date falls within a window", () => {
    expect(isWithinDays("2027-06-01", today, 90), "90 days ahead covers 1 June").toBe(true);
    expect(isWithinDays("2027-06-02", today, 90), "91 days ahead is outside").toBe(false);
    expect(isWithinDays("2027-03-01", today, 90), "a date already past is not 'due soon'").toBe(false);
    expect(isWithinDays(null, today, 90), "no date is never due").toBe(false);
  });
});

describe("date ranges", () => {
  it.each([
    ["one day is a single date", "2025-10-01", "2025-10-01", "1 Oct 2025"],
    ["days of one month share the month", "2025-10-01", "2025-10-14", "1–14 Oct 2025"],
    ["months of one year share the year", "2025-09-28", "2025-10-04", "28 Sep – 4 Oct 2025"],
    ["a period across new year names both years", "2025-12-28", "2026-01-03", "28 Dec 2025 – 3 Jan 2026"],
    ["no end date is a single date", "2025-10-01", null, "1 Oct 2025"],
  ])("%s", (_why, start, end, expected) => {
    expect(formatDateRange(start, end), `${start}..${end}`).toBe(expected);
  });

  it("shows dates it cannot read as they are", () => {
    expect(formatDateRange("2025-13-01", "2025-13-02"), "the user sees what the file said").toBe("2025-13-01 – 2025-13-02");
    expect(formatDateRange(null, null), "no period at all").toBe("—");
  });
});

describe("short days", () => {
  const now = new Date(Date.UTC(2026, 10, 23, 12));
  it("leaves out the year of this year's dates", () => {
    expect(formatShortDay("2026-11-23T14:05:00Z", now, "en-GB", "UTC"), "“Undone 23 Nov” needs no year").toBe("23 Nov");
  });
  it("keeps the year of an earlier year's date", () => {
    expect(formatShortDay("2025-11-23T14:05:00Z", now, "en-GB", "UTC"), "a year-old date must not look recent").toBe(
      "23 Nov 2025",
    );
  });
});

describe("formatDecimal", () => {
  it("groups thousands and keeps every decimal", () => {
    expect(formatDecimal("12345678901234.000011139"), "exact decimals from Rust are not rounded").toBe(
      "12,345,678,901,234.000011139",
    );
  });
  it("shows a whole count without decimals", () => {
    expect(formatDecimal("59200"), "token counts are whole numbers").toBe("59,200");
  });
  it("shows text that is not a number as it is, and nothing as a dash", () => {
    expect(formatDecimal("n/a"), "never a guessed number").toBe("n/a");
    expect(formatDecimal(""), "no value").toBe("—");
  });
});

describe("formatMoneyExact", () => {
  it("keeps decimals beyond the cents", () => {
    expect(formatMoneyExact("0.00383598", "USD"), "a per-token line is not zero").toBe("US$0.00383598");
  });
  it("still shows whole amounts with the currency's minor unit", () => {
    expect(formatMoneyExact("32", "EUR"), "cents are always shown").toBe("€32.00");
  });
  it("falls back like formatMoney for text or an unknown currency", () => {
    expect(formatMoneyExact("n/a", "EUR"), "text stays text").toBe("n/a EUR");
    expect(formatMoneyExact("1000", "XYZ1"), "an unusable code still shows").toBe("1,000.00 XYZ1");
  });
});

describe("analytics formatting", () => {
  it.each([
    ["cents are rounded away on tiles", "82757.79", "EUR", "€82,758"],
    ["half a unit rounds up, from the text", "0.50", "EUR", "€1"],
    ["dollars stay marked as US dollars", "179907.00", "USD", "US$179,907"],
    ["a loss keeps its sign", "-1129620.00", "EUR", "-€1,129,620"],
    ["a tiny loss that rounds to zero reads as zero", "-0.40", "EUR", "€0"],
    ["digits beyond a float's precision survive", "123456789012345678.00", "EUR", "€123,456,789,012,345,678"],
  ])("formatMoneyWhole: %s", (_why, amount, currency, expected) => {
    expect(formatMoneyWhole(amount, currency), `${amount} ${currency}`).toBe(expected);
  });

  it("writes money kept in its own currency with the code in front", () => {
    expect(formatMoneyCode("179907.00", "usd"), "unconverted money names its ISO code").toBe("USD 179,907");
    expect(formatMoneyCode("", "USD"), "no amount is a dash, not zero").toBe("—");
  });

  it("tells a loss from a zero", () => {
    expect(isNegativeDecimal("-0.01"), "one cent below zero is a loss").toBe(true);
    expect(isNegativeDecimal("-0.00"), "negative zero is no loss").toBe(false);
    expect(isNegativeDecimal("12"), "a gain is no loss").toBe(false);
  });

  it.each([
    [0.5465416178194608, "55 %"],
    [0.042, "4.2 %"],
    [1.4, "140 %"],
    [0, "0 %"],
    [null, "—"],
  ])("formatPercent(%s) is %s", (share, expected) => {
    expect(formatPercent(share), "shares read as whole percentages, small ones with one decimal").toBe(expected);
  });

  it.each([
    [0.027777, "+2.8 %"],
    [-0.6239551082377978, "−62 %"],
    [0.12, "+12 %"],
    [0.0001, "0 %"],
    [null, "—"],
  ])("formatChange(%s) is %s", (share, expected) => {
    expect(formatChange(share), "a change carries its sign, with a true minus").toBe(expected);
  });

  it("writes ROI with its range", () => {
    expect(formatPercentRange({ low: 0.8, likely: 1.4, high: 2.1 }), "likely first, range after").toBe("140 % (80–210 %)");
    expect(formatPercentRange({ low: -1, likely: -1, high: -1 }), "a collapsed range shows once").toBe("-100 %");
    expect(formatPercentRange({ low: null, likely: null, high: null }), "no ROI is a dash").toBe("—");
    expect(formatPercentRange({ low: -0.86, likely: -0.72, high: -0.54 }), "negative ends are joined by 'to', not a dash").toBe(
      "-72 % (-86 to -54 %)",
    );
  });

  it("gives the ends of a range alone, and nothing for a single value", () => {
    expect(formatPercentBounds({ low: 0.8, likely: 1.4, high: 2.1 }), "for a second line under the likely value").toBe("80–210 %");
    expect(formatPercentBounds({ low: 1, likely: 1, high: 1 }), "no spread, nothing to add").toBe("");
    expect(formatMoneyBounds({ low: "8000", likely: "12000", high: "15000" }, "EUR"), "money ends").toBe("€8,000 – €15,000");
  });

  it("names months as people do", () => {
    expect(formatMonth("2026-03-01"), "short month and year").toBe("Mar 2026");
    expect(formatMonth(null), "no month is a dash").toBe("—");
  });

  it.each([
    ["1000.5", "999.99", 1],
    ["-5", "-12.5", 1],
    ["0.10", "0.1", 0],
    ["123456789012345678.01", "123456789012345678.001", 1],
    ["-0.00", "0", 0],
    ["", "0", -1],
  ])("compareDecimalText(%s, %s) is %s", (a, b, expected) => {
    expect(Math.sign(compareDecimalText(a, b)), `${a} against ${b}, compared exactly`).toBe(expected);
  });
});

describe("money ranges", () => {
  it("writes the likely amount first and the range after", () => {
    expect(formatMoneyRange({ low: "8000", likely: "12000.40", high: "15000" }, "EUR"), "likely, then low – high").toBe(
      "€12,000 (€8,000 – €15,000)",
    );
  });

  it("joins negative ends with 'to'", () => {
    expect(formatMoneyRange({ low: "-13480", likely: "-11320", high: "-8440" }, "EUR"), "no dash between minus signs").toBe(
      "-€11,320 (-€13,480 to -€8,440)",
    );
  });

  it("writes a range that is one value once", () => {
    expect(formatMoneyRange({ low: "-15640.00", likely: "-15640.00", high: "-15640.00" }, "EUR"), "no spread, no brackets").toBe(
      "-€15,640",
    );
  });
});
