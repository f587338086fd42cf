// The import wizard's steps as a reducer: Choose file → Review → Import → Done, with Map columns
// before Import when no export layout fits the file and Steward proposes how to read it. Several
// files chosen (or dropped) together are one import: Rust reads them as the parts of one export.
//
// Every run (a preview or a commit) gets a number; answers and progress of an older run are
// dropped, so a slow preview of the last file can never land on top of the next one.
import type { ApiError } from "../../ipc/api-error";
import type { ImportProgress, ImportReport, ImportRequest, MappingTarget } from "./api";
import {
  applyEdit,
  columnMapping,
  learnFromCheck,
  mappingFromSuggestion,
  missingRequired,
  saveAsOf,
  type MappingEdit,
  type MappingState,
} from "./mapping-state";

export type WizardStep = "choose" | "review" | "map" | "import" | "done";

export const STEPS: { id: WizardStep; label: string }[] = [
  { id: "choose", label: "Choose file" },
  { id: "review", label: "Review" },
  { id: "map", label: "Map columns" },
  { id: "import", label: "Import" },
  { id: "done", label: "Done" },
];

/** How the file is to be read; each choice the user changes runs the preview again. */
export type ReadOptions = Pick<ImportRequest, "sheet" | "preset" | "basis">;

export const NO_OPTIONS: ReadOptions = { sheet: null, preset: null, basis: null };

export type WizardState = {
  step: WizardStep;
  /** The file chosen, or the parts of one export chosen together; empty before a choice. */
  paths: string[];
  options: ReadOptions;
  /** What is running now, if anything. */
  running: "preview" | "commit" | null;
  runId: number;
  progress: ImportProgress | null;
  cancelRequested: boolean;
  /** The last preview of `paths` with `options`. */
  preview: ImportReport | null;
  /** What the commit did. */
  result: ImportReport | null;
  /** The file could not be read (or imported) at all. */
  error: ApiError | null;
  /** A calm note, e.g. that a cancelled run wrote nothing. */
  notice: string | null;
  /** How to read a sheet no export layout fits, while the user maps it; null otherwise. */
  mapping: MappingState | null;
};

export const INITIAL: WizardState = {
  step: "choose",
  paths: [],
  options: NO_OPTIONS,
  running: null,
  runId: 0,
  progress: null,
  cancelRequested: false,
  preview: null,
  result: null,
  error: null,
  notice: null,
  mapping: null,
};

export type WizardAction =
  | { type: "chosen"; paths: string[] }
  | { type: "reread"; options: Partial<ReadOptions> }
  | { type: "progress"; runId: number; progress: ImportProgress }
  | { type: "cancel" }
  | { type: "previewed"; runId: number; report: ImportReport }
  | { type: "previewFailed"; runId: number; error: ApiError; cancelled: boolean }
  | { type: "commit" }
  | { type: "committed"; runId: number; report: ImportReport }
  | { type: "commitFailed"; runId: number; error: ApiError; cancelled: boolean }
  | { type: "restart" }
  | { type: "retarget"; target: MappingTarget }
  | { type: "editMapping"; edit: MappingEdit }
  | { type: "checkRows" }
  | { type: "backToColumns" };

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * How the chosen files are named until Rust has read them: "cost.csv", or for the parts of one
 * export the first in number order and how many more ("part_0_0001.csv and 2 more files").
 */
export function filesLabel(paths: readonly string[]): string {
  if (paths.length === 0) return "the file";
  const names = paths.map(baseName).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  if (names.length === 1) return names[0];
  return `${names[0]} and ${names.length - 1} more ${names.length === 2 ? "file" : "files"}`;
}

function startRun(state: WizardState, running: "preview" | "commit"): WizardState {
  return { ...state, running, runId: state.runId + 1, progress: null, cancelRequested: false, error: null, notice: null };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "chosen":
      if (state.running || action.paths.length === 0) return state;
      return startRun(
        { ...state, step: "review", paths: [...action.paths], options: NO_OPTIONS, preview: null, result: null, mapping: null },
        "preview",
      );
    case "reread":
      // Another sheet or a chosen export layout is a new reading of the file: a mapping made
      // for the old one does not carry over.
      if (state.running || (state.step !== "review" && state.step !== "map") || state.paths.length === 0) return state;
      if (state.mapping?.checked) return state;
      return startRun({ ...state, step: "review", mapping: null, options: { ...state.options, ...action.options } }, "preview");
    case "progress":
      if (action.runId !== state.runId || !state.running) return state;
      return { ...state, progress: action.progress };
    case "cancel":
      if (!state.running) return state;
      return { ...state, cancelRequested: true };
    case "previewed": {
      if (action.runId !== state.runId || state.running !== "preview") return state;
      const settled = { ...state, running: null, progress: null, cancelRequested: false, preview: action.report };
      const suggestion = action.report.suggestion;
      const mapping = state.mapping;
      if (mapping && !mapping.retarget) {
        // The rows as read with the user's mapping: the usual review, on the mapping step.
        return { ...settled, mapping: { ...learnFromCheck(mapping, action.report), checked: true } };
      }
      if (suggestion) {
        // Nothing to review in a layout Steward does not know: straight to its columns.
        return {
          ...settled,
          step: "map",
          mapping: mappingFromSuggestion(suggestion, action.report.headers, mapping?.saveAs ?? ""),
        };
      }
      return { ...settled, step: "review", mapping: null };
    }
    case "previewFailed":
      if (action.runId !== state.runId || state.running !== "preview") return state;
      // On the mapping step the mapping is the user's work: keep it, whatever happened.
      if (state.step === "map" && state.mapping) {
        return {
          ...state,
          running: null,
          progress: null,
          cancelRequested: false,
          mapping: { ...state.mapping, retarget: null, checked: false },
          error: action.cancelled ? null : action.error,
          notice: action.cancelled ? `Stopped reading ${filesLabel(state.paths)}. Nothing was written.` : null,
        };
      }
      // A cancelled read leaves nothing to review: back to choosing, with a word on why.
      if (action.cancelled) {
        return {
          ...INITIAL,
          runId: state.runId,
          notice: `Stopped reading ${filesLabel(state.paths)}. Nothing was written.`,
        };
      }
      return { ...state, running: null, progress: null, cancelRequested: false, preview: null, error: action.error };
    case "commit": {
      if (state.running || !state.preview || state.paths.length === 0) return state;
      const fromReview = state.step === "review" && !state.mapping;
      const fromCheck = state.step === "map" && state.mapping?.checked === true;
      if (!fromReview && !fromCheck) return state;
      return startRun({ ...state, step: "import" }, "commit");
    }
    case "committed":
      if (action.runId !== state.runId || state.running !== "commit") return state;
      return { ...state, step: "done", running: null, progress: null, cancelRequested: false, result: action.report };
    case "commitFailed":
      if (action.runId !== state.runId || state.running !== "commit") return state;
      // The import is all or nothing: after a cancel or a failure the preview still holds.
      return {
        ...state,
        step: state.mapping ? "map" : "review",
        running: null,
        progress: null,
        cancelRequested: false,
        error: action.cancelled ? null : action.error,
        notice: action.cancelled ? `Import of ${filesLabel(state.paths)} cancelled. Nothing was written.` : null,
      };
    case "restart":
      if (state.running) return state;
      return { ...INITIAL, runId: state.runId };
    case "retarget": {
      const mapping = state.mapping;
      if (state.running || state.step !== "map" || !mapping || mapping.checked || action.target === mapping.target) return state;
      return startRun({ ...state, mapping: { ...mapping, retarget: action.target } }, "preview");
    }
    case "editMapping":
      if (state.running || state.step !== "map" || !state.mapping || state.mapping.checked) return state;
      return { ...state, mapping: applyEdit(state.mapping, action.edit) };
    case "checkRows":
      if (state.running || state.step !== "map" || !state.mapping || state.mapping.checked) return state;
      // Rust refuses a mapping that leaves a required field empty; the button says so first.
      if (missingRequired(state.mapping).length > 0) return state;
      return startRun(state, "preview");
    case "backToColumns":
      if (state.running || state.step !== "map" || !state.mapping?.checked) return state;
      return { ...state, mapping: { ...state.mapping, checked: false }, error: null, notice: null };
  }
}

/**
 * The request for the current file and choices: with a target asked for, its suggestion; with
 * a mapping, the rows read by it (the same request checks the rows and imports them).
 */
export function requestOf(state: WizardState): ImportRequest | null {
  const [path, ...morePaths] = state.paths;
  if (path === undefined) return null;
  const request: ImportRequest = {
    path,
    more_paths: morePaths,
    mapping: null,
    target: null,
    save_mapping_as: null,
    ...state.options,
  };
  const mapping = state.mapping;
  if (!mapping) return request;
  if (mapping.retarget) return { ...request, target: mapping.retarget };
  return { ...request, mapping: columnMapping(mapping), save_mapping_as: saveAsOf(mapping) };
}

/** Each step of the stepper: done, current or still to come. Map columns shows only when there are columns to map. */
export function stepStates(
  current: WizardStep,
  mapping = current === "map",
): { id: WizardStep; label: string; state: "done" | "current" | "todo" }[] {
  const steps = STEPS.filter((s) => s.id !== "map" || mapping);
  const index = steps.findIndex((s) => s.id === current);
  return steps.map((s, i) => ({ ...s, state: i < index ? "done" : i === index ? "current" : "todo" }));
}

/** Whether the wizard may close now (Esc, the close button): never while something runs. */
export function canClose(state: WizardState): boolean {
  return state.running === null;
}

/** Whether a file dropped on the window is read now: on the first step, with nothing running. */
export function takesDrop(state: WizardState): boolean {
  return state.step === "choose" && state.running === null;
}
