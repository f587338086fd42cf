import { describe, expect, it } from "vitest";

import { placeFieldErrors } from "./field-errors";

const FORM = ["code", "name", "vendor_id", "end_date"] as const;

describe("placeFieldErrors", () => {
  it("puts each message beside its field and focuses the first in form order", () => {
    const placed = placeFieldErrors(
      {
        code: "validation",
        message: "2 fields need attention",
        fields: [
          { field: "end_date", message: "End date must be on or after the start date" },
          { field: "name", message: "Name is required" },
        ],
      },
      FORM,
    );
    expect(placed.byField, "each message goes to the input named by its draft key").toEqual({
      end_date: "End date must be on or after the start date",
      name: "Name is required",
    });
    expect(placed.firstField, "focus goes to the first field on screen, not the first in Rust's list").toBe("name");
    expect(placed.general, "nothing is left over").toEqual([]);
  });

  it("keeps messages for fields the form does not show above the form", () => {
    const placed = placeFieldErrors(
      { code: "validation", message: "x", fields: [{ field: "sort_by", message: "cannot sort by colour" }] },
      FORM,
    );
    expect(placed.general, "a message with no input must still be seen").toEqual(["cannot sort by colour"]);
    expect(placed.firstField, "no field to focus").toBeNull();
  });

  it("joins two messages for the same field", () => {
    const placed = placeFieldErrors(
      {
        code: "validation",
        message: "x",
        fields: [
          { field: "code", message: "Code is required." },
          { field: "code", message: "Code must be unique." },
        ],
      },
      FORM,
    );
    expect(placed.byField.code, "neither message may be lost").toBe("Code is required. Code must be unique.");
  });

  it("shows a validation error without field messages as a general message", () => {
    const placed = placeFieldErrors({ code: "validation", message: "The draft is empty", fields: [] }, FORM);
    expect(placed.general, "the user must see why saving failed").toEqual(["The draft is empty"]);
  });

  it("shows any other error above the form", () => {
    const placed = placeFieldErrors({ code: "read_only", message: "the portfolio is read-only", fields: [] }, FORM);
    expect(placed.general, "a conflict or read-only answer is not a field problem").toEqual(["the portfolio is read-only"]);
    expect(placed.byField, "no field is blamed").toEqual({});
  });

  it("has nothing to show without an error", () => {
    expect(placeFieldErrors(null, FORM).general, "a clean form shows no messages").toEqual([]);
  });
});
