import { describe, expect, it } from "vitest";

import type { AuditEvent } from "../../ipc/types";
import { describeAuditValue } from "./field-meta";
import { groupAuditEvents } from "./audit-entries";

const event = (id: number, at: string, action: string, field: string | null = null): AuditEvent => ({
  id,
  at,
  actor: "alex",
  entity_type: "system",
  entity_id: 1,
  action,
  field,
  old_value: null,
  new_value: null,
});

describe("groupAuditEvents", () => {
  it("shows the fields changed by one save as one entry", () => {
    const entries = groupAuditEvents([
      event(5, "2027-03-03T10:15:00Z", "update", "name"),
      event(4, "2027-03-03T10:15:00Z", "update", "lifecycle_state"),
      event(3, "2027-03-01T09:00:00Z", "create"),
    ]);
    expect(entries.map((e) => [e.action, e.changes.length]), "two field changes at one moment are one save").toEqual([
      ["update", 2],
      ["create", 1],
    ]);
  });

  it("keeps a delete and a restore in the same second apart", () => {
    const entries = groupAuditEvents([
      event(2, "2027-03-03T10:15:00Z", "restore"),
      event(1, "2027-03-03T10:15:00Z", "delete"),
    ]);
    expect(entries.length, "different actions are different entries").toBe(2);
  });
});

describe("describeAuditValue", () => {
  const label = (_kind: string, value: string | null | undefined) => (value === "production" ? "Production" : value ?? "");
  it("shows enum values by their catalog label", () => {
    expect(
      describeAuditValue({ label: "Lifecycle", type: "enum", catalog: "lifecycle_state" }, "production", label),
      "history speaks the same words as the forms",
    ).toBe("Production");
  });

  it("formats dates and flags", () => {
    expect(describeAuditValue({ label: "Next review", type: "date" }, "2027-03-03", label), "dates as people write them").toBe(
      "3 Mar 2027",
    );
    expect(describeAuditValue({ label: "Personal data", type: "flag" }, "true", label), "JSON true reads Yes").toBe("Yes");
  });

  it("shows an empty value as a dash", () => {
    expect(describeAuditValue({ label: "Notes", type: "text" }, null, label), "cleared fields show a dash").toBe("—");
  });

  it("shows user text literally, markup included", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    expect(describeAuditValue({ label: "Name", type: "text" }, hostile, label), "text is never interpreted").toBe(hostile);
  });
});
