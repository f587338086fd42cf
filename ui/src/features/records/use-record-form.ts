// The state of a create / edit form: what the user typed, the errors Rust returned, saving.
import { useCallback, useEffect, useRef, useState } from "react";

import { toApiError, type ApiError } from "../../ipc/api-error";
import { NO_ERRORS, placeFieldErrors, type PlacedErrors } from "../../lib/field-errors";

export type FormHandle = {
  submit: () => void;
  isDirty: () => boolean;
  /** What the user has typed, to reopen the form with it after a discard. */
  snapshot: () => unknown;
};

export type DraftResult<D> = { draft: D } | { error: ApiError };

export function useRecordForm<V extends Record<string, unknown>, D, T>({
  initial,
  restored,
  fieldOrder,
  toDraft,
  save,
  onSaved,
}: {
  /** The values of the record as stored (or of an empty record): "dirty" means different from these. */
  initial: V;
  /** Values typed earlier and discarded, when the user reopens the form. */
  restored?: unknown;
  /** Draft keys in the order the form shows them (the first with an error gets focus). */
  fieldOrder: readonly string[];
  toDraft: (values: V) => DraftResult<D>;
  save: (draft: D) => Promise<T>;
  onSaved: (record: T) => void;
}) {
  const [values, setValues] = useState<V>(() => (restored ? { ...initial, ...(restored as Partial<V>) } : initial));
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const initialJson = useRef(JSON.stringify(initial));
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A field's message goes once the user edits it; the others stay until the next save.
    setErrors((e) => {
      if (!(key as string in e.byField)) return e;
      const byField = { ...e.byField };
      delete byField[key as string];
      // Focus moved to the first bad field once, on save; editing must not pull it back there.
      return { ...e, byField, firstField: null };
    });
  }, []);

  // Focus the first field Rust complained about, so the user lands where the fix is.
  useEffect(() => {
    if (!errors.firstField) return;
    const el = formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(errors.firstField)}"]`);
    el?.focus();
  }, [errors]);

  const submit = useCallback(async () => {
    if (saving) return;
    const result = toDraft(valuesRef.current);
    if ("error" in result) {
      setErrors(placeFieldErrors(result.error, fieldOrder));
      return;
    }
    setSaving(true);
    try {
      const record = await save(result.draft);
      initialJson.current = JSON.stringify(valuesRef.current);
      setErrors(NO_ERRORS);
      onSaved(record);
    } catch (e) {
      const placed = placeFieldErrors(toApiError(e), fieldOrder);
      setErrors(placed);
      if (!placed.firstField) formRef.current?.querySelector<HTMLElement>(".form-errors")?.focus();
    } finally {
      setSaving(false);
    }
  }, [saving, toDraft, save, onSaved, fieldOrder]);

  const isDirty = useCallback(() => JSON.stringify(valuesRef.current) !== initialJson.current, []);
  const snapshot = useCallback(() => valuesRef.current, []);

  return { values, set, errors, saving, submit, isDirty, snapshot, formRef };
}

/**
 * The props that tie a text input to one value of a form: its name (the draft key Rust's
 * errors use), label, value, the error placed beside it, and the change handler.
 */
export function bindText<V extends Record<string, unknown>, K extends keyof V & string>(
  form: { values: V; set: <Key extends keyof V>(key: Key, value: V[Key]) => void; errors: PlacedErrors },
  fields: Record<K, { label: string }>,
  key: K,
) {
  return {
    name: key,
    label: fields[key].label,
    value: form.values[key] as string,
    error: form.errors.byField[key],
    onChange: (v: string) => form.set(key, v as V[K]),
  };
}
