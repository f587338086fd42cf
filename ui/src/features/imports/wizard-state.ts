// The import wizard's steps as a reducer: Choose file → Review → Import → Done.
//
// Every run (a preview or a commit) gets a number; answers and progress of an older run are
// dropped, so a slow preview of the last file can never land on top of the next one.
import type { ApiError } from "../../ipc/api-error";
import type { ImportProgress, ImportReport, ImportRequest } from "./api";

export type WizardStep = "choose" | "review" | "import" | "done";

export const STEPS: { id: WizardStep; label: string }[] = [
  { id: "choose", label: "Choose file" },
  { id: "review", label: "Review" },
  { id: "import", label: "Import" },
  { id: "done", label: "Done" },
];

/** How the file is to be read; each choice the user changes runs the preview again. */
export type ReadOptions = Pick<ImportRequest, "sheet" | "preset" | "basis">;

export const NO_OPTIONS: ReadOptions = { sheet: null, preset: null, basis: null };

export type WizardState = {
  step: WizardStep;
  path: string | null;
  options: ReadOptions;
  /** What is running now, if anything. */
  running: "preview" | "commit" | null;
  runId: number;
  progress: ImportProgress | null;
  cancelRequested: boolean;
  /** The last preview of `path` with `options`. */
  preview: ImportReport | null;
  /** What the commit did. */
  result: ImportReport | null;
  /** The file could not be read (or imported) at all. */
  error: ApiError | null;
  /** A calm note, e.g. that a cancelled run wrote nothing. */
  notice: string | null;
};

export const INITIAL: WizardState = {
  step: "choose",
  path: null,
  options: NO_OPTIONS,
  running: null,
  runId: 0,
  progress: null,
  cancelRequested: false,
  preview: null,
  result: null,
  error: null,
  notice: null,
};

export type WizardAction =
  | { type: "chosen"; path: string }
  | { type: "reread"; options: Partial<ReadOptions> }
  | { type: "progress"; runId: number; progress: ImportProgress }
  | { type: "cancel" }
  | { type: "previewed"; runId: number; report: ImportReport }
  | { type: "previewFailed"; runId: number; error: ApiError; cancelled: boolean }
  | { type: "commit" }
  | { type: "committed"; runId: number; report: ImportReport }
  | { type: "commitFailed"; runId: number; error: ApiError; cancelled: boolean }
  | { type: "restart" };

function fileName(path: string | null): string {
  if (!path) return "the file";
  return path.split(/[\\/]/).pop() || path;
}

function startRun(state: WizardState, running: "preview" | "commit"): WizardState {
  return { ...state, running, runId: state.runId + 1, progress: null, cancelRequested: false, error: null, notice: null };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "chosen":
      if (state.running) return state;
      return startRun({ ...state, step: "review", path: action.path, options: NO_OPTIONS, preview: null, result: null }, "preview");
    case "reread":
      if (state.running || state.step !== "review" || !state.path) return state;
      return startRun({ ...state, options: { ...state.options, ...action.options } }, "preview");
    case "progress":
      if (action.runId !== state.runId || !state.running) return state;
      return { ...state, progress: action.progress };
    case "cancel":
      if (!state.running) return state;
      return { ...state, cancelRequested: true };
    case "previewed":
      if (action.runId !== state.runId || state.running !== "preview") return state;
      return { ...state, running: null, progress: null, cancelRequested: false, preview: action.report };
    case "previewFailed":
      if (action.runId !== state.runId || state.running !== "preview") return state;
      // A cancelled read leaves nothing to review: back to choosing, with a word on why.
      if (action.cancelled) {
        return {
          ...INITIAL,
          runId: state.runId,
          notice: `Stopped reading ${fileName(state.path)}. Nothing was written.`,
        };
      }
      return { ...state, running: null, progress: null, cancelRequested: false, preview: null, error: action.error };
    case "commit":
      if (state.running || state.step !== "review" || !state.preview || !state.path) return state;
      return startRun({ ...state, step: "import" }, "commit");
    case "committed":
      if (action.runId !== state.runId || state.running !== "commit") return state;
      return { ...state, step: "done", running: null, progress: null, cancelRequested: false, result: action.report };
    case "commitFailed":
      if (action.runId !== state.runId || state.running !== "commit") return state;
      // The import is all or nothing: after a cancel or a failure the preview still holds.
      return {
        ...state,
        step: "review",
        running: null,
        progress: null,
        cancelRequested: false,
        error: action.cancelled ? null : action.error,
        notice: action.cancelled ? `Import of ${fileName(state.path)} cancelled. Nothing was written.` : null,
      };
    case "restart":
      if (state.running) return state;
      return { ...INITIAL, runId: state.runId };
  }
}

/** The request for the current file and choices. */
export function requestOf(state: WizardState): ImportRequest | null {
  if (!state.path) return null;
  return { path: state.path, mapping: null, target: null, save_mapping_as: null, ...state.options };
}

/** Each step of the stepper: done, current or still to come. */
export function stepStates(current: WizardStep): { id: WizardStep; label: string; state: "done" | "current" | "todo" }[] {
  const index = STEPS.findIndex((s) => s.id === current);
  return STEPS.map((s, i) => ({ ...s, state: i < index ? "done" : i === index ? "current" : "todo" }));
}

/** Whether the wizard may close now (Esc, the close button): never while something runs. */
export function canClose(state: WizardState): boolean {
  return state.running === null;
}
