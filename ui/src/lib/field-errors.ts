// Places the per-field messages of a validation error beside the inputs they belong to.
import type { ApiError } from "../ipc/api-error";

export type PlacedErrors = {
  /** Message per draft key, for fields the form shows. */
  byField: Record<string, string>;
  /** Messages the form has no input for (or a non-validation error), shown above the form. */
  general: string[];
  /** The first field with a message, in the form's order: the one to focus. */
  firstField: string | null;
};

export const NO_ERRORS: PlacedErrors = { byField: {}, general: [], firstField: null };

/**
 * Splits an error by the form's fields (`formFields` in the order they appear on screen).
 * A field with several messages shows them joined; a validation error with no field messages
 * still says something, and any other error shows its message above the form.
 */
export function placeFieldErrors(error: ApiError | null, formFields: readonly string[]): PlacedErrors {
  if (!error) return NO_ERRORS;
  if (error.code !== "validation") return { byField: {}, general: [error.message], firstField: null };
  const known = new Set(formFields);
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const { field, message } of error.fields) {
    if (known.has(field)) byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    else general.push(message);
  }
  if (error.fields.length === 0) general.push(error.message);
  const firstField = formFields.find((field) => field in byField) ?? null;
  return { byField, general, firstField };
}
