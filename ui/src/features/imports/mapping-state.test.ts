import { describe, expect, it } from "vitest";

import type { ImportIssue, MappingSuggestion, TargetField } from "./api";
import {
  applyEdit,
  columnMapping,
  learnFromCheck,
  mappingFromSuggestion,
  missingRequired,
  saveAsOf,
  untranslated,
  wordsOf,
  type MappingEdit,
  type MappingState,
} from "./mapping-state";

const HEADERS = ["System", "Owner", "Vendor", "Type", "Status", "Risk tier", "Since"];

const choice = (key: string, label: string, required: boolean, options: [string, string][]): TargetField => ({
  key,
  label,
  required,
  kind: "choice",
  options: options.map(([value, label]) => ({ value, label })),
});

const FIELDS: TargetField[] = [
  { key: "code", label: "Code", required: false, kind: "text", options: [] },
  { key: "name", label: "Name", required: true, kind: "text", options: [] },
  choice("system_type", "Type", true, [
    ["saas_tool", "SaaS AI tool"],
    ["model_api", "Foundation-model API"],
    ["internal_model", "Internally built model"],
  ]),
  { key: "vendor_id", label: "Vendor", required: false, kind: "vendor", options: [] },
  { key: "business_owner", label: "Business owner", required: false, kind: "text", options: [] },
  choice("lifecycle_state", "Lifecycle state", true, [
    ["proposed", "Proposed"],
    ["pilot", "Pilot"],
    ["production", "Production"],
  ]),
  choice("usage_policy", "Usage policy", true, [
    ["approved", "Approved"],
    ["pending", "Pending"],
  ]),
  { key: "personal_data", label: "Personal data", required: false, kind: "yes_no", options: [] },
  { key: "first_seen", label: "First seen", required: false, kind: "date", options: [] },
];

/** What Rust proposes for own-inventory.csv: usage policy has no column, two words are unknown. */
function suggestion(overrides: Partial<MappingSuggestion> = {}): MappingSuggestion {
  const field = (key: string, column: string | null, values: Record<string, string> = {}) => ({ field: key, column, value: null, values });
  return {
    mapping: {
      target: "systems",
      fields: [
        field("code", null),
        field("name", "System"),
        field("system_type", "Type"),
        field("vendor_id", "Vendor"),
        field("business_owner", "Owner"),
        field("lifecycle_state", "Status", { Production: "production", Pilot: "pilot" }),
        field("usage_policy", null),
        field("personal_data", null),
        field("first_seen", null),
      ],
      date_order: null,
    },
    fields: FIELDS,
    date_order_needed: false,
    unmatched_values: { system_type: ["ML model", "LLM application"], lifecycle_state: ["Idea"] },
    missing_required: ["Usage policy"],
    ...overrides,
  };
}

function edited(...edits: MappingEdit[]): MappingState {
  return edits.reduce(applyEdit, mappingFromSuggestion(suggestion(), HEADERS));
}

describe("a mapping from Steward's suggestion", () => {
  it("lists required fields and those with a column first, the rest under other fields", () => {
    const state = mappingFromSuggestion(suggestion(), HEADERS);
    expect(state.primary, "Code, Personal data and First seen have no column and are optional").toEqual([
      "name",
      "system_type",
      "vendor_id",
      "business_owner",
      "lifecycle_state",
      "usage_policy",
    ]);
  });

  it("offers every word of a choice column, translated or not, in order", () => {
    const state = mappingFromSuggestion(suggestion(), HEADERS);
    expect(wordsOf(state, "lifecycle_state"), "matched words are shown too, so they can be corrected").toEqual([
      "Idea",
      "Pilot",
      "Production",
    ]);
    expect(untranslated(state, "lifecycle_state"), "only the unknown word needs a choice").toEqual(["Idea"]);
    expect(wordsOf(state, "usage_policy"), "a field with no column has no words").toEqual([]);
  });

  it("asks for the date order only when the sample could not tell or it is set", () => {
    expect(mappingFromSuggestion(suggestion(), HEADERS).askDateOrder, "no slashed dates: no question").toBe(false);
    expect(mappingFromSuggestion(suggestion({ date_order_needed: true }), HEADERS).askDateOrder, "03/04/2026 either way").toBe(true);
    const settled = suggestion();
    settled.mapping.date_order = "day_first";
    const state = mappingFromSuggestion(settled, HEADERS);
    expect([state.askDateOrder, state.dateOrder], "a settled order is shown, and can be changed").toEqual([true, "day_first"]);
  });
});

describe("required fields", () => {
  it("are missing with neither a column nor a value, as Rust checks them", () => {
    expect(missingRequired(edited()), "the suggestion found no usage policy").toEqual(["Usage policy"]);
    expect(missingRequired(edited({ type: "value", field: "usage_policy", value: "approved" })), "a value for every row fills it").toEqual([]);
    expect(missingRequired(edited({ type: "value", field: "usage_policy", value: "  " })), "blanks are no value").toEqual(["Usage policy"]);
    expect(
      missingRequired(edited({ type: "value", field: "usage_policy", value: "approved" }, { type: "column", field: "name", column: null })),
      "taking the column away from a required field makes it missing",
    ).toEqual(["Name"]);
  });
});

describe("the request's mapping", () => {
  it("sends each field's column or value, the translations of its column, and the date order", () => {
    const state = edited(
      { type: "value", field: "usage_policy", value: "approved" },
      { type: "translate", field: "system_type", word: "LLM application", value: "model_api" },
      { type: "translate", field: "system_type", word: "ML model", value: "internal_model" },
      { type: "translate", field: "lifecycle_state", word: "Idea", value: "proposed" },
      { type: "value", field: "first_seen", value: " 2026-04-25 " },
      { type: "dateOrder", order: "month_first" },
    );
    expect(columnMapping(state), "fields in the target's order; unused fields are left out").toEqual({
      target: "systems",
      fields: [
        { field: "name", column: "System", value: null, values: {} },
        { field: "system_type", column: "Type", value: null, values: { "LLM application": "model_api", "ML model": "internal_model" } },
        { field: "vendor_id", column: "Vendor", value: null, values: {} },
        { field: "business_owner", column: "Owner", value: null, values: {} },
        {
          field: "lifecycle_state",
          column: "Status",
          value: null,
          values: { Idea: "proposed", Pilot: "pilot", Production: "production" },
        },
        { field: "usage_policy", column: null, value: "approved", values: {} },
        { field: "first_seen", column: null, value: "2026-04-25", values: {} },
      ],
      date_order: "month_first",
    });
  });

  it("drops a value for every row once a column holds the field", () => {
    const state = edited({ type: "value", field: "code", value: "AIS-1" }, { type: "column", field: "code", column: "System" });
    const code = columnMapping(state).fields.find((f) => f.field === "code");
    expect(code, "a column wins in Rust; a leftover value would only confuse").toEqual({ field: "code", column: "System", value: null, values: {} });
  });

  it("saves under a trimmed name, or not at all", () => {
    expect(saveAsOf(edited({ type: "saveAs", name: "  Our inventory " })), "spaces around a name are not part of it").toBe("Our inventory");
    expect(saveAsOf(edited({ type: "saveAs", name: "   " })), "a blank name saves nothing").toBeNull();
  });
});

describe("translations", () => {
  it("are set, corrected and taken back per word", () => {
    const set = edited({ type: "translate", field: "lifecycle_state", word: "Idea", value: "proposed" });
    expect(untranslated(set, "lifecycle_state"), "a translated word needs nothing more").toEqual([]);
    const corrected = applyEdit(set, { type: "translate", field: "lifecycle_state", word: "Production", value: "pilot" });
    expect(corrected.byField.lifecycle_state.values.Production, "a word Steward matched can be corrected").toBe("pilot");
    const cleared = applyEdit(corrected, { type: "translate", field: "lifecycle_state", word: "Idea", value: "" });
    expect(untranslated(cleared, "lifecycle_state"), "choosing nothing takes the translation back").toEqual(["Idea"]);
  });

  it("follow the column: another column's words are not sent, and come back with it", () => {
    const translated = edited({ type: "translate", field: "system_type", word: "ML model", value: "internal_model" });
    const moved = applyEdit(translated, { type: "column", field: "system_type", column: "Risk tier" });
    expect(wordsOf(moved, "system_type"), "the words of Risk tier are not known until the rows are checked").toEqual([]);
    expect(columnMapping(moved).fields.find((f) => f.field === "system_type")?.values, "no stale translations").toEqual({});
    const back = applyEdit(moved, { type: "column", field: "system_type", column: "Type" });
    expect(back.byField.system_type.values["ML model"], "the user's translation was kept").toBe("internal_model");
  });

  it("learn the words a check of the rows could not read, and whether a date was ambiguous", () => {
    const moved = edited({ type: "column", field: "system_type", column: "Risk tier" });
    const issue = (column: string, value: string, message: string): ImportIssue => ({ part: null, row: 2, column, value, message });
    const learned = learnFromCheck(moved, {
      issues: [
        issue("Risk tier", "High", '"High" is not a type; choose what it means (SaaS AI tool, Foundation-model API)'),
        issue("Risk tier", "High", '"High" is not a type; choose what it means (SaaS AI tool, Foundation-model API)'),
        issue("Risk tier", "Low", '"Low" is not a type; choose what it means (SaaS AI tool, Foundation-model API)'),
        issue("Vendor", "Acme", 'no AI system has the code or name "Acme"; add it to the inventory first'),
        issue("Since", "03/04/2026", '"03/04/2026" could be 3 April or 4 March; choose the date order of this file'),
      ],
    });
    expect(wordsOf(learned, "system_type"), "each unknown word once, in order").toEqual(["High", "Low"]);
    expect(wordsOf(learned, "vendor_id"), "other issues teach no words").toEqual([]);
    expect(learned.askDateOrder, "an ambiguous date asks for the order").toBe(true);
  });
});
