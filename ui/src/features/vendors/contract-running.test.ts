import { describe, expect, it } from "vitest";
import { isRunning } from "./contract-running";

describe("isRunning", () => {
  it("counts the end date itself as running", () => {
    expect(isRunning({ end_date: "2026-11-22" }, "2026-11-22"), "the last day is still covered").toBe(true);
  });
  it("treats an ended or undated contract as not running", () => {
    expect(isRunning({ end_date: "2026-11-21" }, "2026-11-22"), "ended yesterday").toBe(false);
    expect(isRunning({ end_date: null }, "2026-11-22"), "no end date: nothing to miss").toBe(false);
  });
});
