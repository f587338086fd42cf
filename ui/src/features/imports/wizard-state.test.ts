import { describe, expect, it } from "vitest";

import type { ApiError } from "../../ipc/api-error";
import type { ImportReport } from "./api";
import { canClose, INITIAL, requestOf, stepStates, wizardReducer, type WizardAction, type WizardState } from "./wizard-state";

const PATH = "/home/ops/Downloads/claude_api_cost_2025_10.csv";

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    file: "claude_api_cost_2025_10.csv",
    read_as: "CSV, UTF-8, comma-separated",
    sheets: [],
    sheet: null,
    format: "anthropic-cost",
    format_name: "Anthropic Console cost export",
    version: "14 columns (current)",
    kind: "cost",
    header_row: 1,
    headers: [],
    problem: null,
    committed: false,
    batch_id: 8,
    rows_read: 50,
    rows_imported: 50,
    rows_skipped: 0,
    rows_unchanged: 0,
    rows_replaced: 0,
    skipped: [],
    issues: [],
    issue_count: 0,
    totals: [],
    unattributed: [],
    observations: [],
    vendor: "Anthropic",
    vendor_created: false,
    control_total: null,
    preview: [],
    warnings: [],
    cancelled: false,
    suggestion: null,
    target: null,
    mapping_name: null,
    records_created: 0,
    records_updated: 0,
    ...overrides,
  };
}

const failure: ApiError = { code: "file_unusable", message: "cannot read x.csv: not a spreadsheet", fields: [] };

function run(...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, INITIAL);
}

describe("import wizard steps", () => {
  it("choosing a file starts its preview on the Review step", () => {
    const state = run({ type: "chosen", path: PATH });
    expect(state.step, "the wizard moves on as soon as a file is chosen").toBe("review");
    expect(state.running, "the preview runs at once").toBe("preview");
    expect(requestOf(state), "a new file is read with no forced choices").toEqual({
      path: PATH,
      mapping: null,
      target: null,
      save_mapping_as: null,
      sheet: null,
      preset: null,
      basis: null,
    });
  });

  it("shows the preview when it answers, and drops answers of an older run", () => {
    const chosen = run({ type: "chosen", path: PATH });
    const stale = wizardReducer(chosen, { type: "previewed", runId: chosen.runId - 1, report: report() });
    expect(stale.preview, "an answer for a run that was replaced must not land").toBeNull();
    const done = wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: report() });
    expect(done.running, "nothing runs once the preview is in").toBeNull();
    expect(done.preview?.format_name, "the report is kept for review").toBe("Anthropic Console cost export");
  });

  it("reads the file again with a changed choice, keeping the others", () => {
    const chosen = run({ type: "chosen", path: PATH });
    const first = wizardReducer(chosen, { type: "previewed", runId: chosen.runId, report: report() });
    const sheet = wizardReducer(first, { type: "reread", options: { sheet: "Costs" } });
    const reviewed = wizardReducer(sheet, { type: "previewed", runId: sheet.runId, report: report() });
    const again = wizardReducer(reviewed, { type: "reread", options: { basis: "amortized" } });
    expect(again.running, "a new choice runs the preview again").toBe("preview");
    expect(again.options, "the sheet chosen before stays chosen").toEqual({ sheet: "Costs", preset: null, basis: "amortized" });
  });

  it("goes back to choosing after a cancelled preview, saying nothing was written", () => {
    const chosen = run({ type: "chosen", path: PATH }, { type: "cancel" });
    expect(chosen.cancelRequested, "the cancel is remembered until the run answers").toBe(true);
    const state = wizardReducer(chosen, { type: "previewFailed", runId: chosen.runId, error: failure, cancelled: true });
    expect(state.step, "there is nothing to review").toBe("choose");
    expect(state.notice, "the user learns the cancel worked").toBe(
      "Stopped reading claude_api_cost_2025_10.csv. Nothing was written.",
    );
  });

  it("keeps the user on Review with the message when the file cannot be read", () => {
    const chosen = run({ type: "chosen", path: PATH });
    const state = wizardReducer(chosen, { type: "previewFailed", runId: chosen.runId, error: failure, cancelled: false });
    expect(state.step, "the error is shown where the preview would be").toBe("review");
    expect(state.error, "the message names the file and what to do").toEqual(failure);
  });

  it("imports from Review, then shows Done", () => {
    const chosen = run({ type: "chosen", path: PATH });
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
    const chosen = run({ type: "chosen", path: PATH });
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
    const chosen = run({ type: "chosen", path: PATH });
    expect(wizardReducer(chosen, { type: "chosen", path: "/other.csv" }).path, "a running preview is not replaced").toBe(PATH);
  });

  it("may close only while nothing runs", () => {
    expect(canClose(INITIAL), "an idle wizard closes").toBe(true);
    expect(canClose(run({ type: "chosen", path: PATH })), "a running preview must be cancelled first").toBe(false);
  });

  it("marks the steps before the current one as done", () => {
    expect(stepStates("import").map((s) => s.state), "Choose and Review are behind, Done ahead").toEqual([
      "done",
      "done",
      "current",
      "todo",
    ]);
  });
});
