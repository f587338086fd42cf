// Edits to a value model that were left without saving (the user went to another screen) are
// kept here while the app runs, so coming back finds them, and the overview can say so.
import type { DraftState } from "./value-draft";

const drafts = new Map<number, DraftState>();

export function keepUnsavedDraft(id: number, state: DraftState): void {
  drafts.set(id, state);
}

/** The kept draft of an initiative, removed from the store (the editor owns it again). */
export function takeUnsavedDraft(id: number): DraftState | null {
  const state = drafts.get(id) ?? null;
  drafts.delete(id);
  return state;
}

export function hasUnsavedDraft(id: number): boolean {
  return drafts.has(id);
}

/** Another portfolio was opened: edits to this one's models mean nothing there. */
export function forgetUnsavedDrafts(): void {
  drafts.clear();
}
