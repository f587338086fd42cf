import { describe, expect, it } from "vitest";

import type { SystemAdoptionRow } from "../../ipc/bindings/SystemAdoptionRow";
import { nextSort, sortAdoptionRows } from "./adoption-sort";

function row(name: string, overrides: Partial<SystemAdoptionRow>): SystemAdoptionRow {
  return {
    system_id: name.length,
    code: name.toUpperCase(),
    name,
    vendor: null,
    department: "IT",
    month: "2026-10-01",
    seats_purchased: null,
    seats_assigned: null,
    active_users: null,
    utilisation: null,
    activation: null,
    idle_seats: null,
    monthly_cost: null,
    cost_per_active_user: null,
    idle_cost: null,
    ...overrides,
  };
}

const rows = [
  row("Copilot", { active_users: 562, monthly_cost: "33720.00", utilisation: 0.47 }),
  row("Glean", { active_users: 337, monthly_cost: null, utilisation: 0.42 }),
  row("ChatGPT", { active_users: 459, monthly_cost: "999.99", utilisation: 0.77 }),
  row("Claude", { active_users: null, monthly_cost: "1000.5", utilisation: null }),
];
const names = (list: SystemAdoptionRow[]) => list.map((r) => r.name);

describe("sorting the adoption table", () => {
  it("sorts money exactly, as numbers and not as text", () => {
    expect(names(sortAdoptionRows(rows, { by: "monthly_cost", descending: true })), "33,720 > 1,000.5 > 999.99; none last").toEqual([
      "Copilot",
      "Claude",
      "ChatGPT",
      "Glean",
    ]);
  });

  it("puts rows without a figure last in both directions", () => {
    const up = names(sortAdoptionRows(rows, { by: "active_users", descending: false }));
    const down = names(sortAdoptionRows(rows, { by: "active_users", descending: true }));
    expect(up, "fewest users first, the system reporting none at the end").toEqual(["Glean", "ChatGPT", "Copilot", "Claude"]);
    expect(down.at(-1), "still at the end when reversed").toBe("Claude");
  });

  it("sorts names alphabetically", () => {
    expect(names(sortAdoptionRows(rows, { by: "name", descending: false })), "A to Z").toEqual(["ChatGPT", "Claude", "Copilot", "Glean"]);
  });

  it("flips the same column and starts numbers high and names at A", () => {
    expect(nextSort({ by: "utilisation", descending: true }, "utilisation"), "a second click reverses").toEqual({
      by: "utilisation",
      descending: false,
    });
    expect(nextSort({ by: "utilisation", descending: true }, "name"), "names start at A").toEqual({ by: "name", descending: false });
    expect(nextSort({ by: "name", descending: false }, "idle_cost"), "money starts with the largest").toEqual({
      by: "idle_cost",
      descending: true,
    });
  });
});
