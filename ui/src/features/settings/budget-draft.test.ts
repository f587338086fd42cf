import { describe, expect, it } from "vitest";

import type { BudgetEntry } from "../../ipc/bindings/BudgetEntry";
import {
  budgetDraftOf,
  budgetKey,
  groupBudgetsByPeriod,
  knownDepartments,
  newBudgetDraft,
  periodLabel,
  scopeLabel,
  toBudgetEntry,
} from "./budget-draft";

const budget = (scope_value: string, start: string, end: string, amount = "1000.00", id = 1): BudgetEntry => ({
  id,
  scope_type: scope_value === "" ? "portfolio" : "department",
  scope_value,
  period_start: start,
  period_end: end,
  amount,
  currency: "EUR",
  note: "",
});

describe("budget form values", () => {
  it("starts a new budget for the calendar year, in the reporting currency", () => {
    const draft = newBudgetDraft("EUR", "2026-11-23");
    expect([draft.period_start, draft.period_end], "budgets are usually yearly").toEqual(["2026-01-01", "2026-12-31"]);
    expect(draft.currency, "most budgets are in the currency totals are shown in").toBe("EUR");
  });

  it("sends the amount as the text typed and the currency upper-cased", () => {
    const result = toBudgetEntry({ ...newBudgetDraft("EUR", "2026-11-23"), scope_value: " Finance ", amount: " 250,000.00 ", currency: "usd" });
    expect("entry" in result && result.entry.amount, "Rust parses money; the UI never does arithmetic on it").toBe("250,000.00");
    expect("entry" in result && result.entry.currency, "codes are sent as Rust stores them").toBe("USD");
    expect("entry" in result && result.entry.scope_value, "stray spaces would make a second department").toBe("Finance");
    expect("entry" in result && result.entry.id, "Rust sets the id").toBeNull();
  });

  it("drops the department of a whole-portfolio budget", () => {
    const draft = { ...newBudgetDraft("EUR", "2026-11-23"), scope_type: "portfolio", scope_value: "Finance", amount: "1" };
    const result = toBudgetEntry(draft);
    expect("entry" in result && result.entry.scope_value, "a department typed before switching scope is not sent").toBe("");
  });

  it("names both day fields when the period is missing", () => {
    const draft = { ...newBudgetDraft("EUR", "2026-11-23"), period_start: "", period_end: "" };
    const result = toBudgetEntry(draft);
    expect(
      "error" in result && result.error.fields.map((f) => f.field),
      "a budget without its days cannot be sent; each empty day gets its own message",
    ).toEqual(["period_start", "period_end"]);
  });

  it("leaves the order of the dates to Rust", () => {
    const draft = { ...newBudgetDraft("EUR", "2026-11-23"), period_start: "2026-12-31", period_end: "2026-01-01" };
    expect("entry" in toBudgetEntry(draft), "Rust answers with a message on period_end").toBe(true);
  });

  it("turns a stored budget back into the same entry", () => {
    const stored = { ...budget("Finance", "2026-01-01", "2026-12-31", "595000.00", 7), note: "Excludes SoW 2." };
    expect(toBudgetEntry(budgetDraftOf(stored)), "saving an unchanged form sets the same budget").toEqual({
      entry: { ...stored, id: null },
    });
  });

  it("keys a budget by scope and dates, the way Rust stores it", () => {
    expect(budgetKey(budget("Finance", "2026-01-01", "2026-12-31", "1")), "the amount is not part of the key").toBe(
      budgetKey(budget("Finance", "2026-01-01", "2026-12-31", "2")),
    );
    expect(budgetKey(budget("Finance", "2026-01-01", "2026-12-31")), "another department is another budget").not.toBe(
      budgetKey(budget("Legal", "2026-01-01", "2026-12-31")),
    );
  });
});

describe("budget labels", () => {
  it.each([
    ["a calendar year as the year", "2026-01-01", "2026-12-31", "2026"],
    ["a fiscal year as its dates", "2026-04-01", "2027-03-31", "1 Apr 2026 – 31 Mar 2027"],
    ["a quarter as its dates", "2026-01-01", "2026-03-31", "1 Jan – 31 Mar 2026"],
  ])("writes %s", (_case, start, end, expected) => {
    expect(periodLabel(start, end), "periods read as people write them").toBe(expected);
  });

  it("calls the portfolio budget what it is", () => {
    expect(scopeLabel(budget("", "2026-01-01", "2026-12-31")), "no empty department cell").toBe("Whole portfolio");
    expect(scopeLabel(budget("HR", "2026-01-01", "2026-12-31")), "a department by its name").toBe("HR");
  });
});

describe("budgets grouped by period", () => {
  const rustOrder = [
    budget("Engineering", "2026-01-01", "2026-12-31", "1", 1),
    budget("Finance", "2026-01-01", "2026-12-31", "1", 2),
    budget("", "2026-01-01", "2026-12-31", "1", 3),
    budget("Finance", "2025-01-01", "2025-12-31", "1", 4),
    budget("", "2025-01-01", "2025-12-31", "1", 5),
  ];

  it("keeps Rust's order of periods, newest first", () => {
    expect(groupBudgetsByPeriod(rustOrder).map((g) => g.label), "one group per period").toEqual(["2026", "2025"]);
  });

  it("puts the whole-portfolio budget first in its period and keeps the departments' order", () => {
    const [latest] = groupBudgetsByPeriod(rustOrder);
    expect(latest.budgets.map((b) => b.id), "the total line leads; departments stay as Rust listed them").toEqual([3, 1, 2]);
  });

  it("lists each department once, alphabetically, for the suggestions", () => {
    expect(knownDepartments(rustOrder), "the portfolio is not a department").toEqual(["Engineering", "Finance"]);
  });
});
