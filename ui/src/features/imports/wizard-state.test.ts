import { describe, expect, it } from "vitest";

import type { ApiError } from "../../ipc/api-error";
import type { ImportReport, MappingSuggestion, MappingTarget } from "./api";
import { report } from "./report-fixture";
import {
  canClose,
  filesLabel,
  INITIAL,
  requestOf,
  stepStates,
  takesDrop,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from "./wizard-state";

const PATH = "/home/ops/Downloads/claude_api_cost_2025_10.csv";


const failure: ApiError = { code: "file_unusable", message: "cannot read x.csv: not a spreadsheet", fields: [] };

function run(...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, INITIAL);
}

describe("import wizard steps", () => {
  it("choosing a file starts its preview on the Review step", () => {
    const state = run({ type: "chosen", paths: [PATH] });
    expect(state.step, "the wizard moves on as soon as a file is chosen").toBe("review");
    expect(state.running, "the preview runs at once").toBe("preview");
    expect(requestOf(state), "a new file is read with no forced choices").toEqual({
      path: PATH,
      more_paths: [],
      mapping: null,
      target: null,
      save_mapping_as: null,
      sheet: null,
      preset: null,
      basis: null,
    });
  });

  it("reads the parts of one export chosen together as one import", () => {
    const parts = ["/exports/nw/part_0_0002.csv", "/exports/nw/part_0_0010.csv", "/exports/nw/part_0_0001.csv"];
    const state = run({ type: "chosen", paths: parts });
    expect([state.step, state.running], "several files start one preview, as one does").toEqual(["review", "preview"]);
    expect(requestOf(state), "one request names every part; Rust orders them and skips manifests").toMatchObject({
      path: parts[0],
      more_paths: parts.slice(1),
    });
    const cancelled = wizardReducer(wizardReducer(state, { type: "cancel" }), {
      type: "previewFailed",
      runId: state.runId,
      error: failure,
      cancelled: true,
    });
    expect(cancelled.notice, "the parts are named by the first in number order and how many more").toBe(
      "Stopped reading part_0_0001.csv and 2 more files. Nothing was written.",
    );
  });

  it("shows the preview when it answers, and drops answers of an older run", () => {
    const chosen = run({ type: "chosen", paths: [PATH] });
    const stale = wizardReducer(chosen, { type: "previewed", runId: chosen.runId - 1, report: report() });
    expect(stale.preview, "an answer for a run that was replaced must not land").toBeNull();
    const done = wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: report() });
    expect(done.running, "nothing runs once the preview is in").toBeNull();
    expect(done.preview?.format_name, "the report is kept for review").toBe("Anthropic Console cost export");
  });

  it("reads the file again with a changed choice, keeping the others", () => {
    const chosen = run({ type: "chosen", paths: [PATH] });
    const first = wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: report() });
    const sheet = wizardReducer(first, { type: "reread", options: { sheet: "Costs" } });
    const reviewed = wizardReducer(sheet, { type: "previewed", runId: sheet.runId, report: report() });
    const again = wizardReducer(reviewed, { type: "reread", options: { basis: "amortized" } });
    expect(again.running, "a new choice runs the preview again").toBe("preview");
    expect(again.options, "the sheet chosen before stays chosen").toEqual({ sheet: "Costs", preset: null, basis: "amortized" });
  });

  it("goes back to choosing after a cancelled preview, saying nothing was written", () => {
    const chosen = run({ type: "chosen", paths: [PATH] }, { type: "cancel" });
    expect(chosen.cancelRequested, "the cancel is remembered until the run answers").toBe(true);
    const state = wizardReducer(chosen, { type: "previewFailed", runId: chosen.runId, error: failure, cancelled: true });
    expect(state.step, "there is nothing to review").toBe("choose");
    expect(state.notice, "the user learns the cancel worked").toBe(
      "Stopped reading claude_api_cost_2025_10.csv. Nothing was written.",
    );
  });

  it("keeps the user on Review with the message when the file cannot be read", () => {
    const chosen = run({ type: "chosen", paths: [PATH] });
    const state = wizardReducer(chosen, { type: "previewFailed", runId: chosen.runId, error: failure, cancelled: false });
    expect(state.step, "the error is shown where the preview would be").toBe("review");
    expect(state.error, "the message names the file and what to do").toEqual(failure);
  });

  it("imports from Review, then shows Done", () => {
    const chosen = run({ type: "chosen", paths: [PATH] });
    const reviewed = wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: report() });
    const importing = wizardReducer(reviewed, { type: "commit" });
    expect(importing.step, "the commit has its own step with progress").toBe("import");
    const done = wizardReducer(importing, {
      type: "committed",
      runId: importing.runId,
      report: report({ committed: true, batch_id: 9 }),
    });
    expect(done.step, "a finished import shows what it did").toBe("done");
    expect(done.result?.batch_id, "the new batch is known for the history").toBe(9);
  });

  it("returns to Review with the preview intact when the import is cancelled", () => {
    const chosen = run({ type: "chosen", paths: [PATH] });
    const reviewed = wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: report() });
    const importing = wizardReducer(wizardReducer(reviewed, { type: "commit" }), { type: "cancel" });
    const state = wizardReducer(importing, { type: "commitFailed", runId: importing.runId, error: failure, cancelled: true });
    expect(state.step, "all or nothing: the user can try again from the same review").toBe("review");
    expect(state.preview, "the preview is not lost").not.toBeNull();
    expect(state.error, "a cancel is not an error").toBeNull();
    expect(state.notice, "but it is said").toMatch(/cancelled\. Nothing was written/);
  });

  it("cannot import without a preview, nor start a second run while one is going", () => {
    expect(run({ type: "commit" }).step, "nothing to import before a file is read").toBe("choose");
    const chosen = run({ type: "chosen", paths: [PATH] });
    expect(wizardReducer(chosen, { type: "chosen", paths: ["/other.csv"] }).paths, "a running preview is not replaced").toEqual([PATH]);
    expect(wizardReducer(INITIAL, { type: "chosen", paths: [] }), "an empty choice is no choice").toBe(INITIAL);
  });

  it("may close only while nothing runs", () => {
    expect(canClose(INITIAL), "an idle wizard closes").toBe(true);
    expect(canClose(run({ type: "chosen", paths: [PATH] })), "a running preview must be cancelled first").toBe(false);
  });

  it("marks the steps before the current one as done", () => {
    expect(stepStates("import").map((s) => s.state), "Choose and Review are behind, Done ahead").toEqual([
      "done",
      "done",
      "current",
      "todo",
    ]);
  });

  it("shows Map columns between Review and Import only when there are columns to map", () => {
    expect(stepStates("review").map((s) => s.label), "an export needs no mapping").toEqual(["Choose file", "Review", "Import", "Done"]);
    expect(
      stepStates("import", true).map((s) => `${s.label}: ${s.state}`),
      "a mapped sheet has its mapping behind it while importing",
    ).toEqual(["Choose file: done", "Review: done", "Map columns: done", "Import: current", "Done: todo"]);
  });
});

const SHEET = "/home/ops/own-inventory.csv";
const HEADERS = ["System", "Owner", "Vendor", "Type", "Status", "Risk tier"];

function suggestionFor(target: MappingTarget): MappingSuggestion {
  if (target === "vendors") {
    return {
      mapping: { target, fields: [{ field: "name", column: "Vendor", value: null, values: {} }], date_order: null },
      fields: [{ key: "name", label: "Name", required: true, kind: "text", options: [] }],
      date_order_needed: false,
      unmatched_values: {},
      missing_required: [],
    };
  }
  return {
    mapping: {
      target,
      fields: [
        { field: "name", column: "System", value: null, values: {} },
        { field: "usage_policy", column: null, value: null, values: {} },
      ],
      date_order: null,
    },
    fields: [
      { key: "name", label: "Name", required: true, kind: "text", options: [] },
      {
        key: "usage_policy",
        label: "Usage policy",
        required: true,
        kind: "choice",
        options: [{ value: "approved", label: "Approved" }],
      },
    ],
    date_order_needed: false,
    unmatched_values: {},
    missing_required: ["Usage policy"],
  };
}

/** Rust's answer for a sheet no export layout fits. */
function unrecognised(target: MappingTarget = "systems"): ImportReport {
  return report({
    file: "own-inventory.csv",
    format: null,
    format_name: null,
    version: null,
    kind: null,
    headers: HEADERS,
    problem: "this layout is not a known export; it looks like AI systems",
    batch_id: null,
    rows_read: 0,
    rows_imported: 0,
    vendor: null,
    target,
    suggestion: suggestionFor(target),
  });
}

/** Rust's answer for the rows read with a mapping. */
function mappedRows(overrides: Partial<ImportReport> = {}): ImportReport {
  return report({
    file: "own-inventory.csv",
    format: null,
    format_name: null,
    version: null,
    kind: null,
    headers: HEADERS,
    rows_read: 12,
    rows_imported: 12,
    target: "systems",
    records_created: 12,
    ...overrides,
  });
}

function mappingStep(): WizardState {
  const chosen = run({ type: "chosen", paths: [SHEET] });
  return wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: unrecognised() });
}

function answered(state: WizardState, answer: ImportReport): WizardState {
  return wizardReducer(state, { type: "previewed", runId: state.runId, report: answer });
}

describe("mapping a sheet no export layout fits", () => {
  it("goes straight to Map columns with Steward's suggestion", () => {
    const state = mappingStep();
    expect(state.step, "an unknown layout has nothing to review yet").toBe("map");
    expect(state.mapping?.target, "the suggestion's target is chosen").toBe("systems");
    expect(stepStates(state.step, state.mapping !== null).map((s) => s.state), "Review is behind, Import ahead").toEqual([
      "done",
      "done",
      "current",
      "todo",
      "todo",
    ]);
  });

  it("asks for another target's suggestion and keeps the name typed to save it", () => {
    const typed = wizardReducer(mappingStep(), { type: "editMapping", edit: { type: "saveAs", name: "Vendor list" } });
    const asking = wizardReducer(typed, { type: "retarget", target: "vendors" });
    expect(asking.running, "a new target reads the file again").toBe("preview");
    expect(requestOf(asking), "the request asks for that target's suggestion, with no mapping").toMatchObject({
      path: SHEET,
      target: "vendors",
      mapping: null,
      save_mapping_as: null,
    });
    const state = answered(asking, unrecognised("vendors"));
    expect([state.step, state.mapping?.target], "the vendors' fields replace the systems'").toEqual(["map", "vendors"]);
    expect(state.mapping?.fields.map((f) => f.key), "only the new target's fields").toEqual(["name"]);
    expect(state.mapping?.saveAs, "the name is the user's, not the target's").toBe("Vendor list");
    expect(wizardReducer(state, { type: "retarget", target: "vendors" }).running, "the same target is not read again").toBeNull();
  });

  it("keeps the mapping when reading another target is cancelled", () => {
    const asking = wizardReducer(mappingStep(), { type: "retarget", target: "contracts" });
    const state = wizardReducer(asking, { type: "previewFailed", runId: asking.runId, error: failure, cancelled: true });
    expect([state.step, state.mapping?.target, state.mapping?.retarget], "back to the systems' mapping").toEqual(["map", "systems", null]);
    expect(state.notice, "the cancel is said").toMatch(/Nothing was written/);
  });

  it("checks the rows only when every required field is mapped", () => {
    const step = mappingStep();
    expect(wizardReducer(step, { type: "checkRows" }).running, "Usage policy has no column nor value").toBeNull();
    const filled = wizardReducer(step, { type: "editMapping", edit: { type: "value", field: "usage_policy", value: "approved" } });
    const named = wizardReducer(filled, { type: "editMapping", edit: { type: "saveAs", name: "Our inventory" } });
    const checking = wizardReducer(named, { type: "checkRows" });
    expect(checking.running, "the rows are read with the mapping").toBe("preview");
    expect(requestOf(checking), "the request carries the mapping and the name to save it under").toEqual({
      path: SHEET,
      more_paths: [],
      sheet: null,
      preset: null,
      basis: null,
      target: null,
      mapping: {
        target: "systems",
        fields: [
          { field: "name", column: "System", value: null, values: {} },
          { field: "usage_policy", column: null, value: "approved", values: {} },
        ],
        date_order: null,
      },
      save_mapping_as: "Our inventory",
    });
  });

  it("shows the checked rows, goes back to the columns as they were, and imports with the same request", () => {
    const filled = wizardReducer(mappingStep(), { type: "editMapping", edit: { type: "value", field: "usage_policy", value: "approved" } });
    const checking = wizardReducer(filled, { type: "checkRows" });
    const checked = answered(checking, mappedRows());
    expect([checked.step, checked.mapping?.checked], "the review of the rows is part of Map columns").toEqual(["map", true]);
    expect(
      wizardReducer(checked, { type: "editMapping", edit: { type: "saveAs", name: "x" } }).mapping?.saveAs,
      "the checked rows are read-only: editing needs Back to columns",
    ).toBe("");
    const back = wizardReducer(checked, { type: "backToColumns" });
    expect(back.mapping?.checked, "the columns are shown again").toBe(false);
    expect(back.mapping?.byField.usage_policy.value, "with every choice kept").toBe("approved");

    const importing = wizardReducer(checked, { type: "commit" });
    expect(importing.step, "the import runs from the checked rows").toBe("import");
    expect(requestOf(importing), "the same request that was checked").toEqual(requestOf(checking));
    const failed = wizardReducer(importing, { type: "commitFailed", runId: importing.runId, error: failure, cancelled: false });
    expect([failed.step, failed.mapping?.checked], "a failed import returns to the checked rows").toEqual(["map", true]);
  });

  it("cannot import from the columns before the rows are checked", () => {
    const filled = wizardReducer(mappingStep(), { type: "editMapping", edit: { type: "value", field: "usage_policy", value: "approved" } });
    expect(wizardReducer(filled, { type: "commit" }).step, "the check comes first").toBe("map");
  });

  it("returns to the columns with the message when Rust refuses the mapping", () => {
    const filled = wizardReducer(mappingStep(), { type: "editMapping", edit: { type: "value", field: "usage_policy", value: "approved" } });
    const checking = wizardReducer(filled, { type: "checkRows" });
    const refused: ApiError = { code: "validation", message: "choose a column, or a value for every row, for: Usage policy", fields: [] };
    const state = wizardReducer(checking, { type: "previewFailed", runId: checking.runId, error: refused, cancelled: false });
    expect([state.step, state.mapping?.checked, state.error?.code], "the user fixes the columns").toEqual(["map", false, "validation"]);
  });

  it("starts over with another file, forgetting the mapping", () => {
    const state = wizardReducer(mappingStep(), { type: "chosen", paths: [PATH] });
    expect([state.step, state.mapping], "a new file gets its own reading").toEqual(["review", null]);
  });

  it("reviews a sheet read with a saved mapping like any export", () => {
    const chosen = run({ type: "chosen", paths: [SHEET] });
    const state = answered(chosen, mappedRows({ mapping_name: "Our inventory" }));
    expect([state.step, state.mapping], "no columns to map").toEqual(["review", null]);
    expect(requestOf(wizardReducer(state, { type: "commit" }))?.mapping, "Rust applies the saved mapping again").toBeNull();
  });
});

describe("takesDrop", () => {
  it("takes a dropped file on the first step only, and never while a run is going", () => {
    expect(takesDrop(INITIAL), "the choose step reads a dropped file").toBe(true);
    const reading = wizardReducer(INITIAL, { type: "chosen", paths: ["/x/cost.csv"] });
    expect(takesDrop(reading), "a preview under way is not replaced by a drop").toBe(false);
  });
});

describe("filesLabel", () => {
  it.each<[string, string[], string]>([
    ["nothing chosen yet", [], "the file"],
    ["one file, by its name", ["C:\\Downloads\\cost.csv"], "cost.csv"],
    ["two parts", ["/x/part-2-of-2.csv", "/x/part-1-of-2.csv"], "part-1-of-2.csv and 1 more file"],
    ["parts in number order, not text order", ["/x/r-10.csv.gz", "/x/r-9.csv.gz", "/x/r-11.csv.gz"], "r-9.csv.gz and 2 more files"],
  ])("%s", (_, paths, expected) => {
    expect(filesLabel(paths), "the wizard names what it reads before Rust has read it").toBe(expected);
  });
});
