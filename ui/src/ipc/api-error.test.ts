import { describe, expect, it } from "vitest";

import { isApiError, isShellMissing, shellMissingError, toApiError } from "./api-error";

describe("toApiError", () => {
  it("passes an ApiError from Rust through unchanged", () => {
    const error = {
      code: "validation",
      message: "1 field needs attention",
      fields: [{ field: "name", message: "Name is required" }],
    };
    expect(toApiError(error), "Rust's error is already what screens need").toEqual(error);
  });

  it("fills in missing field lists", () => {
    expect(toApiError({ code: "conflict", message: "vendor has 3 systems" }), "fields default to none").toEqual({
      code: "conflict",
      message: "vendor has 3 systems",
      fields: [],
    });
  });

  it("drops malformed field entries instead of crashing the form", () => {
    const error = toApiError({ code: "validation", message: "x", fields: [{ field: "name" }, "oops", { field: "code", message: "bad" }] });
    expect(error.fields, "only well-formed field errors are kept").toEqual([{ field: "code", message: "bad" }]);
  });

  it.each([
    ["a string from Tauri", "command system_list not found", "command system_list not found"],
    ["a JavaScript Error", new TypeError("x is not a function"), "x is not a function"],
    ["a number", 42, "42"],
    ["an unknown object", { reason: "boom" }, '{"reason":"boom"}'],
    ["undefined", undefined, "undefined"],
  ])("turns %s into an internal error", (_why, input, message) => {
    expect(toApiError(input), "anything that is not an ApiError becomes `internal` with readable text").toEqual({
      code: "internal",
      message,
      fields: [],
    });
  });

  it("maps an unknown code to internal but keeps the message", () => {
    expect(toApiError({ code: "teapot", message: "short and stout" }), "screens only branch on known codes").toEqual({
      code: "internal",
      message: "short and stout",
      fields: [],
    });
  });
});

describe("shell detection", () => {
  it("recognises the missing-shell error", () => {
    expect(isShellMissing(shellMissingError()), "the app shows a dedicated panel for it").toBe(true);
    expect(isShellMissing({ code: "internal", message: "disk full", fields: [] }), "other internal errors are not it").toBe(false);
  });

  it("recognises ApiError shapes", () => {
    expect(isApiError(shellMissingError()), "our own error is an ApiError").toBe(true);
    expect(isApiError("text"), "a string is not").toBe(false);
  });
});
