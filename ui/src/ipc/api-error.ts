// Turns whatever a failed call produced into the one error shape screens understand.
//
// Rust rejects with `{code, message, fields}`; anything else (a string from Tauri itself, a
// JavaScript exception, an unknown object) becomes an `internal` error whose message is the
// best text we can find, so a screen never shows "[object Object]".
import type { ApiError } from "./bindings/ApiError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { FieldError } from "./bindings/FieldError";

export type { ApiError, ErrorCode, FieldError };

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "validation",
  "not_found",
  "conflict",
  "read_only",
  "file_unusable",
  "file_exists",
  "internal",
]);

/** The message shown when the page runs outside Steward's desktop shell (e.g. a plain browser). */
export const SHELL_MISSING_MESSAGE = "Steward's desktop shell is not running";

export function shellMissingError(): ApiError {
  return { code: "internal", message: SHELL_MISSING_MESSAGE, fields: [] };
}

export function isShellMissing(error: ApiError): boolean {
  return error.code === "internal" && error.message === SHELL_MISSING_MESSAGE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldError[] =>
    isRecord(item) && typeof item.field === "string" && typeof item.message === "string"
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message || value.name;
  const text = String(value);
  if (text !== "[object Object]") return text;
  try {
    return JSON.stringify(value);
  } catch {
    return text;
  }
}

/** Normalises a rejection into an `ApiError`; an `ApiError` passes through unchanged. */
export function toApiError(value: unknown): ApiError {
  if (isRecord(value) && typeof value.code === "string" && typeof value.message === "string") {
    const code = CODES.has(value.code) ? (value.code as ErrorCode) : "internal";
    return { code, message: value.message, fields: toFieldErrors(value.fields) };
  }
  return { code: "internal", message: describe(value), fields: [] };
}

/** True for anything already shaped like an `ApiError`. */
export function isApiError(value: unknown): value is ApiError {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    CODES.has(value.code) &&
    typeof value.message === "string" &&
    Array.isArray(value.fields)
  );
}
