// Converting between what form inputs hold (always text) and the draft types Rust expects.
// These are type conversions only: whether a value is acceptable is for Rust to say.
import type { FieldError } from "../ipc/api-error";

/** An optional enum or date: empty text means "not set". */
export function textOrNull<T extends string = string>(text: string): T | null {
  return text.trim() === "" ? null : (text.trim() as T);
}

/** The input text of an optional value. */
export function nullToText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** A yes / no / not known select: "true", "false" or "". */
export function flagFromText(text: string): boolean | null {
  if (text === "true") return true;
  if (text === "false") return false;
  return null;
}

export function flagToText(value: boolean | null | undefined): string {
  return value === true ? "true" : value === false ? "false" : "";
}

/**
 * An optional whole number typed into a text box. The draft field is a number, so text that is
 * not one cannot even be sent; the form shows the returned message beside the field instead.
 */
export function wholeNumberOrNull(
  text: string,
  field: string,
  label: string,
): { value: number | null } | { error: FieldError } {
  const clean = text.trim().replace(/[\s,_]/g, "");
  if (clean === "") return { value: null };
  if (!/^-?\d+$/.test(clean)) {
    return { error: { field, message: `${label} must be a whole number, such as 30` } };
  }
  const value = Number(clean);
  if (!Number.isSafeInteger(value)) return { error: { field, message: `${label} is too large` } };
  return { value };
}
