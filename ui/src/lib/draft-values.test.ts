import { describe, expect, it } from "vitest";

import { flagFromText, flagToText, nullToText, textOrNull, wholeNumberOrNull } from "./draft-values";

describe("draft values", () => {
  it("sends an empty optional as null", () => {
    expect(textOrNull(""), "an unset select means 'not set', not an empty enum value").toBeNull();
    expect(textOrNull("  "), "blank is empty").toBeNull();
    expect(textOrNull("pilot"), "a chosen value is sent").toBe("pilot");
  });

  it("round-trips the yes / no / not known flag", () => {
    for (const value of [true, false, null]) {
      expect(flagFromText(flagToText(value)), `${value} must survive the form unchanged`).toBe(value);
    }
  });

  it("shows null as an empty input", () => {
    expect(nullToText(null), "nothing to show").toBe("");
    expect(nullToText(30), "numbers become their text").toBe("30");
  });

  it.each([
    ["", null],
    ["30", 30],
    [" 1,250 ", 1250],
  ])("reads %j as a whole number", (text, expected) => {
    expect(wholeNumberOrNull(text, "seats_purchased", "Seats purchased"), `"${text}" is a valid count`).toEqual({
      value: expected,
    });
  });

  it.each(["12.5", "thirty", "1e3"])("refuses %j with a message for the field", (text) => {
    const result = wholeNumberOrNull(text, "notice_period_days", "Notice period");
    expect(result, "a number field cannot carry text to Rust, so the form explains").toEqual({
      error: { field: "notice_period_days", message: "Notice period must be a whole number, such as 30" },
    });
  });
});
