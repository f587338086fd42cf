import { describe, expect, it } from "vitest";

import type { AssumptionDraft } from "../../ipc/bindings/AssumptionDraft";
import {
  cellMessage,
  draftReducer,
  errorsByRow,
  groupRows,
  initialDraft,
  isDirty,
  toDrafts,
  type DraftState,
} from "./value-draft";

const users: AssumptionDraft = {
  method: "time_saved",
  name: "Users",
  unit: "users",
  low: "100",
  likely: "120",
  high: "150",
  confidence: "observed",
  note: "",
};
const minutes: AssumptionDraft = { ...users, name: "Minutes saved a month", unit: "minutes", low: "30", likely: "60", high: "90", confidence: "modelled" };
const tickets: AssumptionDraft = { ...users, method: "cost_avoided", name: "Tickets avoided", unit: "cases", likely: "400" };

function run(state: DraftState, ...actions: Parameters<typeof draftReducer>[1][]): DraftState {
  return actions.reduce(draftReducer, state);
}

describe("the value model draft", () => {
  it("starts clean, with every saved assumption as a row", () => {
    const state = initialDraft([users, minutes]);
    expect(state.rows.map((r) => r.name), "the saved rows in their order").toEqual(["Users", "Minutes saved a month"]);
    expect(isDirty(state), "nothing edited yet").toBe(false);
  });

  it("becomes unsaved when a value changes and clean again when changed back", () => {
    const state = initialDraft([users, minutes]);
    const key = state.rows[1].key;
    const edited = run(state, { type: "edit", key, field: "likely", value: "75" });
    expect(edited.rows[1].likely, "the edit lands in its row").toBe("75");
    expect(edited.rows[0], "other rows are untouched").toBe(state.rows[0]);
    expect(isDirty(edited), "a changed likely value is an unsaved change").toBe(true);
    expect(isDirty(run(edited, { type: "edit", key, field: "likely", value: "60" })), "typing the old value back is no change").toBe(false);
  });

  it("leaves a row just added out until something is typed in it", () => {
    const added = run(initialDraft([users]), { type: "add", method: "revenue_uplift" });
    expect(added.rows.at(-1)?.method, "the new row belongs to the method it was added under").toBe("revenue_uplift");
    expect(added.rows.at(-1)?.confidence, "a new figure is modelled until known better").toBe("modelled");
    expect(toDrafts(added).drafts, "a blank row is not sent to Rust").toEqual([users]);
    expect(isDirty(added), "adding an empty row changes nothing yet").toBe(false);
    const typed = run(added, { type: "edit", key: added.rows.at(-1)!.key, field: "name", value: "Deals a month" });
    expect(toDrafts(typed).drafts, "once named it is part of the model").toHaveLength(2);
    expect(isDirty(typed), "and an unsaved change").toBe(true);
  });

  it("removes a row and gives keys that never repeat", () => {
    const state = initialDraft([users, minutes]);
    const removed = run(state, { type: "remove", key: state.rows[0].key }, { type: "add", method: "time_saved" });
    expect(removed.rows.map((r) => r.name), "the first row is gone, a blank one added").toEqual(["Minutes saved a month", ""]);
    const keys = removed.rows.map((r) => r.key);
    expect(new Set([...keys, state.rows[0].key]).size, "a new row never reuses a removed row's key").toBe(3);
    expect(isDirty(removed), "a removed assumption is an unsaved change").toBe(true);
  });

  it("goes back to the saved model on discard, and takes a saved model as the new baseline", () => {
    const state = initialDraft([users]);
    const edited = run(state, { type: "edit", key: state.rows[0].key, field: "high", value: "999" });
    const discarded = draftReducer(edited, { type: "discard" });
    expect(toDrafts(discarded).drafts, "discard restores what was saved").toEqual([users]);
    expect(isDirty(discarded), "nothing left to save").toBe(false);
    const saved = draftReducer(edited, { type: "load", assumptions: toDrafts(edited).drafts });
    expect(isDirty(saved), "after a save the edits are the baseline").toBe(false);
    expect(saved.saved[0].high, "the baseline holds the saved value").toBe("999");
  });

  it("finds the cell of each error Rust names by position in what was sent", () => {
    const state = run(initialDraft([users, minutes]), { type: "add", method: "cost_avoided" });
    // The blank third row is not sent, so the sent positions are 0 and 1.
    const { keys } = toDrafts(state);
    const { rows, other } = errorsByRow(
      [
        { field: "assumptions.1.low", message: "Row 2: low (90) is above likely (60)" },
        { field: "assumptions.0.confidence", message: "Row 1: confidence is observed, inferred or modelled" },
        { field: "assumptions", message: "The model needs at least one assumption" },
      ],
      keys,
    );
    expect(rows.get(state.rows[1].key), "the second row's low cell").toEqual({ low: "Row 2: low (90) is above likely (60)" });
    expect(rows.get(state.rows[0].key)?.confidence, "the first row's confidence cell").toMatch(/observed/);
    expect(other, "an error naming no cell is kept to show above the table").toEqual(["The model needs at least one assumption"]);
  });

  it("drops the row number from a message shown in its cell", () => {
    expect(cellMessage("Row 3: \"x\" is not a number"), "the cell already says which row").toBe("\"x\" is not a number");
    expect(cellMessage("Row 1: the likely value is required"), "starts with a capital").toBe("The likely value is required");
  });

  it("groups rows by method in a fixed order, empty methods included", () => {
    const groups = groupRows(initialDraft([tickets, users, minutes]).rows);
    expect(groups.map((g) => g.label), "time saved, revenue uplift, cost avoided").toEqual(["Time saved", "Revenue uplift", "Cost avoided"]);
    expect(groups[0].rows.map((r) => r.name), "rows keep their order inside a method").toEqual(["Users", "Minutes saved a month"]);
    expect(groups[1].rows, "a method without assumptions is still offered").toEqual([]);
  });

  it("keeps a row with a method it does not know in a group of its own", () => {
    const groups = groupRows(initialDraft([{ ...users, method: "risk_reduced" }]).rows);
    expect(groups.at(-1)?.method, "nothing is hidden").toBe("risk_reduced");
  });
});
