// Files dragged over the Imports screen: whether to show the drop zone, and what it says. The
// window reports enter / over / drop / leave with the paths (never the files); this turns that
// stream into the one thing the screen draws. Several files dropped together are the parts of
// one export, read as one import. Whether a path is a folder only Rust can tell.
import type { FileDrag } from "../../ipc/commands";

export type FileDragEvent = FileDrag;

export type DropState =
  | { phase: "idle" }
  /** Something is being dragged over the window: `files` paths (0 when the platform did not say). */
  | { phase: "over"; files: number };

export const DROP_IDLE: DropState = { phase: "idle" };

/** The next drop-zone state; the same object when nothing visible changes (the window sends "over" many times a second). */
export function dropReducer(state: DropState, event: FileDragEvent): DropState {
  switch (event.type) {
    case "enter":
      if (state.phase === "over" && state.files === event.paths.length) return state;
      return { phase: "over", files: event.paths.length };
    case "over":
      return state.phase === "over" ? state : { phase: "over", files: 0 };
    case "drop":
    case "leave":
      return state.phase === "idle" ? state : DROP_IDLE;
  }
}

/** What happens to a drop: the paths to hand to Rust, or why nothing is imported. */
export type DropOutcome = { kind: "import"; paths: string[] } | { kind: "refuse"; message: string } | { kind: "ignore" };

/**
 * Decides about a drop before asking Rust: nothing dropped is ignored; while the portfolio is
 * read-only, or the wizard is busy with another file, the drop is refused with the reason. One
 * file or several (the parts of one export) are handed over together.
 */
export function dropOutcome(paths: readonly string[], accepting: boolean | "read-only"): DropOutcome {
  if (paths.length === 0) return { kind: "ignore" };
  if (accepting === "read-only") return { kind: "refuse", message: "This portfolio is read-only — Save a copy to import into it" };
  if (!accepting) return { kind: "refuse", message: "Finish or cancel the import under way, then drop the next file" };
  return { kind: "import", paths: [...paths] };
}

/** The drop zone's words while something is dragged over it. */
export function dropPrompt(state: DropState): { title: string; detail: string; refused: boolean } {
  if (state.phase === "over" && state.files > 1) {
    return {
      title: `Drop the ${state.files} files to import them as one export`,
      detail: "Steward reads them as the parts of one export, then shows every figure before anything is saved",
      refused: false,
    };
  }
  return {
    title: "Drop the file to import it",
    detail: "Steward reads it and shows every figure before anything is saved",
    refused: false,
  };
}
