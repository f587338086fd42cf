import { describe, expect, it } from "vitest";

import { contractDraft, contractValues } from "./contract-draft";

describe("contract form values", () => {
  it("starts a new contract in the portfolio's reporting currency", () => {
    expect(contractValues(null, "EUR").currency, "most contracts are in the reporting currency").toBe("EUR");
  });

  it("sends money as the text the user typed", () => {
    const values = { ...contractValues(null, "EUR"), annual_value: "120,000.00", total_value: "360000" };
    const result = contractDraft(values);
    expect("draft" in result && result.draft.annual_value, "Rust parses money; the UI never does arithmetic on it").toBe(
      "120,000.00",
    );
  });

  it("names every number field that is not a whole number", () => {
    const values = { ...contractValues(null, "EUR"), notice_period_days: "thirty", seats_purchased: "2.5" };
    const result = contractDraft(values);
    expect(
      "error" in result && result.error.fields.map((f) => f.field),
      "both fields get a message so the user fixes them in one go",
    ).toEqual(["notice_period_days", "seats_purchased"]);
  });

  it("sends empty optional fields as null", () => {
    const result = contractDraft(contractValues(null, null));
    expect("draft" in result && result.draft.end_date, "an empty date is not set").toBeNull();
    expect("draft" in result && result.draft.vendor_id, "no vendor chosen").toBeNull();
    expect("draft" in result && result.draft.dpa_signed, "not known stays not known").toBeNull();
  });
});
