// The "Map columns" step: for a sheet no export layout fits, which column (or which one value)
// fills each field of the target, what the file's own words mean, how its dates are written,
// and the name to save the mapping under. Pure functions the wizard's reducer calls; Rust
// proposes the mapping and checks every row, this only holds the user's corrections.
import type { ColumnMapping, DateOrder, FieldMapping, ImportReport, MappingSuggestion, MappingTarget, TargetField } from "./api";

export type MappingState = {
  /** What the rows become; `fields` are this target's. */
  target: MappingTarget;
  fields: TargetField[];
  /** The file's header names, for the column selects. */
  headers: string[];
  /**
   * Fields listed first: the required ones and those Steward found a column for. Fixed when the
   * suggestion arrives, so a row does not jump between lists while the user edits it.
   */
  primary: string[];
  /** Where each field's values come from, by field key. */
  byField: Record<string, FieldMapping>;
  dateOrder: DateOrder | null;
  /** Ask how dates are written: the sample could not tell, the order is set, or a check met an ambiguous date. */
  askDateOrder: boolean;
  /**
   * The file's words of each choice field, by field and then by column: a translation is only
   * offered for the words the chosen column holds.
   */
  words: Record<string, Record<string, string[]>>;
  /** Optional name to save the mapping under; empty when not saved. */
  saveAs: string;
  /** A target the user asked for, whose suggestion is being read. */
  retarget: MappingTarget | null;
  /** Whether the wizard shows the rows as read with this mapping ("Check the rows" answered). */
  checked: boolean;
};

export type MappingEdit =
  | { type: "column"; field: string; column: string | null }
  | { type: "value"; field: string; value: string }
  | { type: "translate"; field: string; word: string; value: string }
  | { type: "dateOrder"; order: DateOrder | null }
  | { type: "saveAs"; name: string };

function emptyField(field: string): FieldMapping {
  return { field, column: null, value: null, values: {} };
}

function sortedWords(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => a.localeCompare(b));
}

/** The mapping step as Rust proposes it for `headers`; `saveAs` carries over a name already typed. */
export function mappingFromSuggestion(suggestion: MappingSuggestion, headers: string[], saveAs = ""): MappingState {
  const byField: Record<string, FieldMapping> = {};
  const words: Record<string, Record<string, string[]>> = {};
  for (const field of suggestion.fields) {
    const proposed = suggestion.mapping.fields.find((m) => m.field === field.key);
    byField[field.key] = proposed ? { ...proposed, values: { ...proposed.values } } : emptyField(field.key);
    // The suggestion read the proposed column's words: those it translated and those it could not.
    const column = proposed?.column;
    if (field.kind === "choice" && column) {
      const found = [...Object.keys(proposed.values), ...(suggestion.unmatched_values[field.key] ?? [])];
      if (found.length > 0) words[field.key] = { [column]: sortedWords(found) };
    }
  }
  return {
    target: suggestion.mapping.target,
    fields: suggestion.fields,
    headers,
    primary: suggestion.fields.filter((f) => f.required || byField[f.key].column !== null).map((f) => f.key),
    byField,
    dateOrder: suggestion.mapping.date_order,
    askDateOrder: suggestion.date_order_needed || suggestion.mapping.date_order !== null,
    words,
    saveAs,
    retarget: null,
    checked: false,
  };
}

/** The words of a choice field's chosen column, sorted; none when it reads no column. */
export function wordsOf(state: MappingState, field: string): string[] {
  const column = state.byField[field]?.column;
  if (!column) return [];
  return state.words[field]?.[column] ?? [];
}

/** A file's word with no translation yet (Rust would list its rows as issues). */
export function untranslated(state: MappingState, field: string): string[] {
  const values = state.byField[field]?.values ?? {};
  return wordsOf(state, field).filter((word) => !values[word]);
}

/** Labels of the required fields with neither a column nor a value for every row, as Rust checks them. */
export function missingRequired(state: MappingState): string[] {
  return state.fields
    .filter((f) => f.required)
    .filter((f) => {
      const m = state.byField[f.key];
      return !m || (m.column === null && (m.value ?? "").trim() === "");
    })
    .map((f) => f.label);
}

/**
 * The mapping to send: fields in the target's order, each with a column or a value (never
 * both: a column wins in Rust, so a value left behind would only confuse), and only the
 * translations of the words the chosen column holds.
 */
export function columnMapping(state: MappingState): ColumnMapping {
  const fields: FieldMapping[] = [];
  for (const field of state.fields) {
    const m = state.byField[field.key];
    if (!m) continue;
    if (m.column !== null) {
      const words = new Set(wordsOf(state, field.key));
      const values = Object.fromEntries(Object.entries(m.values).filter(([word, value]) => words.has(word) && value !== ""));
      fields.push({ field: field.key, column: m.column, value: null, values });
    } else if ((m.value ?? "").trim() !== "") {
      fields.push({ field: field.key, column: null, value: (m.value ?? "").trim(), values: {} });
    }
  }
  return { target: state.target, fields, date_order: state.dateOrder };
}

/** The name to save under, or null when none was typed. */
export function saveAsOf(state: MappingState): string | null {
  const name = state.saveAs.trim();
  return name === "" ? null : name;
}

/** One correction by the user. */
export function applyEdit(state: MappingState, edit: MappingEdit): MappingState {
  switch (edit.type) {
    case "column": {
      const current = state.byField[edit.field] ?? emptyField(edit.field);
      // A column replaces the value for every row; translations are kept by word, so going
      // back to an earlier column finds them again.
      const next = { ...current, column: edit.column, value: edit.column === null ? current.value : null };
      return { ...state, byField: { ...state.byField, [edit.field]: next } };
    }
    case "value": {
      const current = state.byField[edit.field] ?? emptyField(edit.field);
      return { ...state, byField: { ...state.byField, [edit.field]: { ...current, value: edit.value === "" ? null : edit.value } } };
    }
    case "translate": {
      const current = state.byField[edit.field] ?? emptyField(edit.field);
      const values = { ...current.values };
      if (edit.value === "") delete values[edit.word];
      else values[edit.word] = edit.value;
      return { ...state, byField: { ...state.byField, [edit.field]: { ...current, values } } };
    }
    case "dateOrder":
      return { ...state, dateOrder: edit.order };
    case "saveAs":
      return { ...state, saveAs: edit.name };
  }
}

/**
 * What a check of the rows teaches: words of a choice column that are not options (its issues
 * name the column and the word), so they can be translated even in a column the suggestion
 * did not read, and whether some date could be read either way.
 */
export function learnFromCheck(state: MappingState, report: Pick<ImportReport, "issues">): MappingState {
  const words = { ...state.words };
  let askDateOrder = state.askDateOrder;
  for (const issue of report.issues) {
    if (/choose the date order/.test(issue.message)) askDateOrder = true;
    if (!/choose what it means/.test(issue.message) || issue.value === "") continue;
    for (const field of state.fields) {
      const column = state.byField[field.key]?.column;
      if (field.kind !== "choice" || column !== issue.column) continue;
      const known = words[field.key]?.[column] ?? [];
      if (known.includes(issue.value)) continue;
      words[field.key] = { ...words[field.key], [column]: sortedWords([...known, issue.value]) };
    }
  }
  return { ...state, words, askDateOrder };
}
