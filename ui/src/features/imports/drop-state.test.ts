import { describe, expect, it } from "vitest";

import { DROP_IDLE, dropOutcome, dropPrompt, dropReducer, type DropState } from "./drop-state";

describe("dropReducer", () => {
  it.each<[string, DropState, Parameters<typeof dropReducer>[1], DropState]>([
    ["a file enters", DROP_IDLE, { type: "enter", paths: ["/a.csv"] }, { phase: "over", files: 1 }],
    ["two files enter", DROP_IDLE, { type: "enter", paths: ["/a.csv", "/b.csv"] }, { phase: "over", files: 2 }],
    ["over without an enter (a platform that skips it)", DROP_IDLE, { type: "over" }, { phase: "over", files: 0 }],
    ["leaving clears the highlight", { phase: "over", files: 1 }, { type: "leave" }, DROP_IDLE],
    ["dropping clears the highlight", { phase: "over", files: 1 }, { type: "drop", paths: ["/a.csv"] }, DROP_IDLE],
  ])("%s", (_, state, event, expected) => {
    expect(dropReducer(state, event), "the zone shows exactly while something is over it").toEqual(expected);
  });

  it("keeps the same state for the many over events, so the screen does not redraw", () => {
    const over: DropState = { phase: "over", files: 1 };
    expect(dropReducer(over, { type: "over" })).toBe(over);
    expect(dropReducer(over, { type: "enter", paths: ["/a.csv"] })).toBe(over);
    expect(dropReducer(DROP_IDLE, { type: "leave" })).toBe(DROP_IDLE);
  });
});

describe("dropOutcome", () => {
  it.each<[string, string[], boolean | "read-only", ReturnType<typeof dropOutcome>]>([
    ["one file imports", ["/x/cost.csv"], true, { kind: "import", paths: ["/x/cost.csv"] }],
    ["nothing dropped is ignored", [], true, { kind: "ignore" }],
    [
      "the parts of one export import together",
      ["/x/part_0_0002.csv", "/x/part_0_0001.csv"],
      true,
      { kind: "import", paths: ["/x/part_0_0002.csv", "/x/part_0_0001.csv"] },
    ],
    [
      "a busy wizard refuses",
      ["/a.csv"],
      false,
      { kind: "refuse", message: "Finish or cancel the import under way, then drop the next file" },
    ],
    [
      "a read-only portfolio refuses",
      ["/a.csv"],
      "read-only",
      { kind: "refuse", message: "This portfolio is read-only — Save a copy to import into it" },
    ],
  ])("%s", (_, paths, accepting, expected) => {
    expect(dropOutcome(paths, accepting), "a drop does what choosing the file would, or says why not").toEqual(expected);
  });
});

describe("dropPrompt", () => {
  it("invites one file, or several as the parts of one export", () => {
    expect(dropPrompt({ phase: "over", files: 1 }).refused).toBe(false);
    expect(dropPrompt({ phase: "over", files: 0 }).title, "an unknown count still invites the drop").toBe("Drop the file to import it");
    expect(dropPrompt({ phase: "over", files: 3 }), "several files are one export's parts, not a mistake").toMatchObject({
      title: "Drop the 3 files to import them as one export",
      refused: false,
    });
  });
});
