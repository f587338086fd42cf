// The value model editor's draft: the assumptions as saved and as edited, the edits, and how
// Rust's field errors ("assumptions.2.low") find their cell again. Nothing here computes a
// value: every result comes from value_model_preview.
import type { AssumptionDraft } from "../../ipc/bindings/AssumptionDraft";
import type { FieldError } from "../../ipc/bindings/FieldError";

export type Method = "time_saved" | "revenue_uplift" | "cost_avoided";

export const METHODS: { method: Method; label: string; example: string }[] = [
  {
    method: "time_saved",
    label: "Time saved",
    example: "e.g. users × tasks per user a month × minutes saved per task × acceptance rate % × cost of an hour",
  },
  {
    method: "revenue_uplift",
    label: "Revenue uplift",
    example: "e.g. deals a month × extra win rate % × average deal value",
  },
  {
    method: "cost_avoided",
    label: "Cost avoided",
    example: "e.g. cases a month × share handled without an agent % × cost of a case",
  },
];

export const CONFIDENCES: { value: string; label: string; hint: string }[] = [
  { value: "observed", label: "Observed", hint: "Measured: a report, an export, a count" },
  { value: "inferred", label: "Inferred", hint: "Worked out from something measured" },
  { value: "modelled", label: "Modelled", hint: "An estimate or an assumption" },
];

/** Units people commonly use; any other unit counts as a plain number. */
export const UNIT_SUGGESTIONS = ["users", "tasks", "cases", "minutes", "hours", "%", "per month"];

export type EditableField = "name" | "unit" | "low" | "likely" | "high" | "confidence" | "note";

export const EDITABLE_FIELDS: EditableField[] = ["name", "unit", "low", "likely", "high", "confidence", "note"];

export type DraftRow = AssumptionDraft & { key: number };

export type DraftState = {
  /** The model as stored: what Discard goes back to and what "unsaved" is measured against. */
  saved: AssumptionDraft[];
  rows: DraftRow[];
  nextKey: number;
};

export type DraftAction =
  | { type: "load"; assumptions: AssumptionDraft[] }
  | { type: "edit"; key: number; field: EditableField; value: string }
  | { type: "add"; method: Method }
  | { type: "remove"; key: number }
  | { type: "discard" };

function keyed(assumptions: AssumptionDraft[], from: number): DraftRow[] {
  return assumptions.map((a, i) => ({ ...a, key: from + i }));
}

export function initialDraft(assumptions: AssumptionDraft[]): DraftState {
  return { saved: assumptions, rows: keyed(assumptions, 1), nextKey: assumptions.length + 1 };
}

export function blankAssumption(method: Method): AssumptionDraft {
  return { method, name: "", unit: "", low: "", likely: "", high: "", confidence: "modelled", note: "" };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case "load":
      return { saved: action.assumptions, rows: keyed(action.assumptions, state.nextKey), nextKey: state.nextKey + action.assumptions.length };
    case "discard":
      return { ...state, rows: keyed(state.saved, state.nextKey), nextKey: state.nextKey + state.saved.length };
    case "edit":
      return {
        ...state,
        rows: state.rows.map((row) => (row.key === action.key ? { ...row, [action.field]: action.value } : row)),
      };
    case "add":
      return {
        ...state,
        rows: [...state.rows, { ...blankAssumption(action.method), key: state.nextKey }],
        nextKey: state.nextKey + 1,
      };
    case "remove":
      return { ...state, rows: state.rows.filter((row) => row.key !== action.key) };
  }
}

/** A row just added and never typed into: left out of previews and saves, not an error. */
export function isBlank(row: AssumptionDraft): boolean {
  return [row.name, row.unit, row.low, row.likely, row.high, row.note].every((text) => text.trim() === "");
}

/** What is sent to Rust, and which row each sent assumption came from (for its errors). */
export function toDrafts(state: DraftState): { drafts: AssumptionDraft[]; keys: number[] } {
  const kept = state.rows.filter((row) => !isBlank(row));
  return {
    drafts: kept.map(({ key: _key, ...draft }) => draft),
    keys: kept.map((row) => row.key),
  };
}

function same(a: AssumptionDraft, b: AssumptionDraft): boolean {
  return (
    a.method === b.method &&
    a.name === b.name &&
    a.unit === b.unit &&
    a.low === b.low &&
    a.likely === b.likely &&
    a.high === b.high &&
    a.confidence === b.confidence &&
    a.note === b.note
  );
}

/** Whether the edited model differs from the saved one (blank new rows do not count). */
export function isDirty(state: DraftState): boolean {
  const { drafts } = toDrafts(state);
  return drafts.length !== state.saved.length || drafts.some((d, i) => !same(d, state.saved[i]));
}

export type RowErrors = Partial<Record<EditableField | "method", string>>;

const FIELD_PATH = /^assumptions\.(\d+)\.(\w+)$/;

/**
 * Rust names a bad cell by its place in what was sent ("assumptions.2.low"); this finds the
 * row it came from. Errors that name no cell are returned apart, to show above the table.
 */
export function errorsByRow(fields: FieldError[], keys: number[]): { rows: Map<number, RowErrors>; other: string[] } {
  const rows = new Map<number, RowErrors>();
  const other: string[] = [];
  for (const error of fields) {
    const match = FIELD_PATH.exec(error.field);
    const key = match ? keys[Number(match[1])] : undefined;
    if (!match || key === undefined) {
      other.push(error.message);
      continue;
    }
    const field = match[2] as EditableField | "method";
    rows.set(key, { ...rows.get(key), [field]: error.message });
  }
  return { rows, other };
}

/** A cell's message without the "Row 3: " Rust puts in front (the cell already says where). */
export function cellMessage(message: string): string {
  const text = message.replace(/^Row \d+:\s*/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type MethodGroup = { method: string; label: string; example: string; rows: DraftRow[] };

/** The rows under their method, in the methods' order; an unknown method gets its own group. */
export function groupRows(rows: DraftRow[]): MethodGroup[] {
  const groups: MethodGroup[] = METHODS.map((m) => ({ ...m, rows: rows.filter((r) => r.method === m.method) }));
  const known = new Set<string>(METHODS.map((m) => m.method));
  for (const row of rows) {
    if (known.has(row.method)) continue;
    let group = groups.find((g) => g.method === row.method);
    if (!group) {
      group = { method: row.method, label: row.method || "No method", example: "", rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}
