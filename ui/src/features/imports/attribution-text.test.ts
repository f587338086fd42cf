import { describe, expect, it } from "vitest";

import type { AttributionRule, AttributionSource, UnattributedValue } from "./api";
import {
  appliedText,
  deleteQuestion,
  draftOf,
  editForm,
  matchText,
  movedText,
  moveLabel,
  moveTip,
  neighbourOf,
  spendText,
  valueOptionLabel,
  valuesFor,
} from "./attribution-text";

const SOURCES: AttributionSource[] = [
  { id: "azure-ea-cost", name: "Azure EA cost details", provider: "Microsoft Azure", fields: ["ResourceGroup", "CostCenter"] },
  { id: "openai-cost", name: "OpenAI cost", provider: "OpenAI", fields: ["project_name"] },
];

const VALUE: UnattributedValue = {
  source: "azure-ea-cost",
  field: "ResourceGroup",
  value: "rg-support-bot",
  lines: 12,
  spend: [{ currency: "EUR", basis: "billed", amount: "12340" }],
};

const RULE: AttributionRule = {
  id: 4,
  priority: 1,
  source: "azure-ea-cost",
  source_label: "Azure EA cost details",
  field: "ResourceGroup",
  match_value: "rg-support-bot",
  system_id: 9,
  system_name: "Support chatbot",
  system_deleted: false,
  lines: 12,
  spend: VALUE.spend,
};

describe("attribution text", () => {
  it("reads a rule and a value as a manager would", () => {
    expect(matchText("ResourceGroup", "rg-support-bot")).toBe("ResourceGroup = rg-support-bot");
    expect(matchText("*", ""), "a catch-all rule names no column").toBe("Every line");
    expect(valueOptionLabel(VALUE)).toBe("rg-support-bot — €12,340.00 unattributed, 12 lines");
  });

  it("never adds currencies or bases together", () => {
    const mixed = spendText([
      { currency: "USD", basis: "billed", amount: "10" },
      { currency: "USD", basis: "amortized", amount: "9.5" },
    ]);
    expect(mixed, "two bases are listed, each named").toBe("US$10.00 billed + US$9.50 amortized");
  });

  it("offers the values of the chosen export and column only", () => {
    const other = { ...VALUE, field: "CostCenter", value: "4410" };
    expect(valuesFor([VALUE, other], "azure-ea-cost", "CostCenter")).toEqual([other]);
  });

  it("clears a column the new export does not have, and the value with it", () => {
    const form = { source: "azure-ea-cost", field: "ResourceGroup", match_value: "rg-support-bot", system_id: "9" };
    expect(editForm(form, "source", "openai-cost", SOURCES)).toEqual({ ...form, source: "openai-cost", field: "", match_value: "" });
    const everyLine = { ...form, field: "*", match_value: "" };
    expect(editForm(everyLine, "source", "openai-cost", SOURCES).field, "every line fits any export").toBe("*");
    expect(editForm(form, "field", "CostCenter", SOURCES).match_value, "a new column needs a new value").toBe("");
  });

  it("sends no value for a catch-all rule and 0 for a missing system, for Rust to name", () => {
    expect(draftOf({ source: "openai-cost", field: "*", match_value: "left over", system_id: "" })).toEqual({
      source: "openai-cost",
      field: "*",
      match_value: "",
      system_id: 0,
    });
  });

  it("says what a change did to the stored lines", () => {
    expect(appliedText("added", { rule_id: 4, lines: 12, released: 0, changed: 12 }, "Support chatbot")).toEqual({
      message: "Rule added: 12 stored lines belong to Support chatbot",
    });
    expect(appliedText("changed", { rule_id: 4, lines: 1, released: 3, changed: 4 }, "Support chatbot")).toEqual({
      message: "Rule changed: 1 stored line belongs to Support chatbot",
      detail: "3 lines went back to unattributed",
    });
    expect(appliedText("deleted", { rule_id: 4, lines: 0, released: 0, changed: 0 }, "Support chatbot").detail).toBe(
      "No stored line depended on it",
    );
    expect(deleteQuestion(RULE)).toContain("Its 12 lines go to the next rule that matches them, or back to unattributed");
  });

  describe("moving a rule", () => {
    const CATCH_ALL: AttributionRule = {
      ...RULE,
      id: 5,
      priority: 2,
      field: "*",
      match_value: "",
      system_id: 10,
      system_name: "Contract assistant",
    };
    const RULES = [RULE, CATCH_ALL];

    it("swaps with the rule just above or below, and not past either end", () => {
      expect(neighbourOf(RULES, CATCH_ALL, "up")).toBe(RULE);
      expect(neighbourOf(RULES, RULE, "down")).toBe(CATCH_ALL);
      expect(neighbourOf(RULES, RULE, "up"), "the first rule cannot move up").toBeNull();
      expect(neighbourOf(RULES, CATCH_ALL, "down"), "the last rule cannot move down").toBeNull();
    });

    it("names the rule a button moves, by its place", () => {
      expect(moveLabel(CATCH_ALL, "up")).toBe("Move rule 2 up");
      expect(moveLabel(RULE, "down")).toBe("Move rule 1 down");
      expect(moveTip("up", true), "a disabled button says why").toBe("Tried first already");
      expect(moveTip("down", false)).toBe("Move down: tried one place later");
    });

    it("says where the lines that changed system now go", () => {
      const applied = { rule_id: 5, lines: 25, released: 0, changed: 14 };
      expect(movedText("up", applied, CATCH_ALL, RULE), "moved up, the moved rule takes them").toEqual({
        message: "Rule moved to #1: 14 lines now go to Contract assistant",
      });
      expect(movedText("down", { ...applied, rule_id: 4, changed: 1 }, RULE, CATCH_ALL), "moved down, the rule passed").toEqual({
        message: "Rule moved to #2: 1 line now goes to Contract assistant",
      });
      expect(movedText("down", { ...applied, changed: 0 }, RULE, CATCH_ALL)).toEqual({
        message: "Rule moved to #2",
        detail: "No stored line changed AI system",
      });
    });
  });
});
