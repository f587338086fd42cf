import { describe, expect, it } from "vitest";

import { addMonths, basisLabel, canStepForward, stepAnchor } from "./period";
import { pastCancelBy, severitySummary, tileDelta } from "./tiles";

describe("tile deltas", () => {
  it("marks fewer users as bad news with a down arrow and a minus", () => {
    expect(tileDelta(-0.25, "Q3 2026", "up"), "the arrow and sign say what the colour says").toEqual({
      direction: "down",
      text: "−25 %",
      tone: "bad",
      label: "Down 25 % on Q3 2026",
    });
  });

  it("marks more users as good news", () => {
    const delta = tileDelta(0.027777, "Sep 2026", "up");
    expect(delta?.direction, "a rise points up").toBe("up");
    expect(delta?.tone, "more active users is good news").toBe("good");
    expect(delta?.text, "small changes keep one decimal").toBe("+2.8 %");
  });

  it("keeps spend neutral whichever way it moves", () => {
    expect(tileDelta(0.4, "2025", "neither")?.tone, "more spend is not by itself bad").toBe("neutral");
    expect(tileDelta(-0.62, "2025", "neither")?.tone, "less spend is not by itself good").toBe("neutral");
  });

  it("calls a change that rounds to nothing flat", () => {
    const delta = tileDelta(0.0001, "Q3 2026", "up");
    expect(delta?.direction, "0.01 % is no change to a reader").toBe("flat");
    expect(delta?.tone, "no change is neither good nor bad").toBe("neutral");
    expect(delta?.label, "the label says so").toBe("No change on Q3 2026");
  });

  it("shows no delta when there was nothing before", () => {
    expect(tileDelta(null, "Q3 2026", "up"), "no previous period, no arrow").toBeNull();
  });
});

describe("tile texts", () => {
  it("counts contracts past cancel-by only when there are some", () => {
    expect(pastCancelBy(4), "four contracts renew as written").toBe("4 past cancel-by");
    expect(pastCancelBy(0), "nothing to warn about").toBeNull();
  });

  it("lists incident severities most severe first and leaves out zeros", () => {
    expect(
      severitySummary([
        { severity: "low", count: 3 },
        { severity: "high", count: 1 },
        { severity: "medium", count: 0 },
        { severity: "critical", count: 2 },
      ]),
      "critical before high before low",
    ).toBe("2 critical · 1 high · 3 low");
  });
});

describe("period stepping", () => {
  it.each([
    ["2026-10-01", -1, "2026-09-01"],
    ["2026-01-01", -1, "2025-12-01"],
    ["2026-11-15", 2, "2027-01-01"],
    ["2026-10-01", -12, "2025-10-01"],
  ])("addMonths(%s, %s) is %s", (from, months, expected) => {
    expect(addMonths(from, months), "whole months, across year ends").toBe(expected);
  });

  it("steps a quarter by three months and a year by twelve", () => {
    expect(stepAnchor({ kind: "quarter", start: "2026-10-01" }, -1), "Q4 back to Q3").toBe("2026-07-01");
    expect(stepAnchor({ kind: "year", start: "2026-01-01" }, 1), "2026 on to 2027").toBe("2027-01-01");
  });

  it("does not step into a period that has not begun", () => {
    expect(canStepForward({ kind: "month", start: "2026-10-01" }, "2026-11-23"), "November has begun").toBe(true);
    expect(canStepForward({ kind: "quarter", start: "2026-10-01" }, "2026-11-23"), "Q1 2027 has not").toBe(false);
  });

  it("names a cost basis for people", () => {
    expect(basisLabel("amortized"), "capitalised").toBe("Amortized");
  });
});
