import { describe, expect, it } from "vitest";

import { report } from "./report-fixture";
import {
  canCommit,
  commitLabel,
  countsText,
  doneHeadline,
  doneWarnings,
  fieldKindHint,
  formatLabel,
  forScreen,
  importErrorText,
  isCancelled,
  issuesShownText,
  mappingNote,
  whereItShows,
  doneLinks,
  metricLabel,
  moneyLines,
  partsText,
  progressText,
  recordCount,
  reviewWarnings,
  sentence,
  sharedBasis,
  undoneDetail,
  undoneText,
  undoQuestion,
} from "./import-text";


describe("money lists", () => {
  it("keeps each currency and basis on its own line, never adding them", () => {
    const lines = moneyLines([
      { currency: "USD", basis: "billed", amount: "577.61" },
      { currency: "EUR", basis: "billed", amount: "1200" },
      { currency: "EUR", basis: "amortized", amount: "90.5" },
    ]);
    expect(
      lines.map((l) => `${l.amount} ${l.basis}`),
      "three totals in, three lines out, ordered by currency then basis",
    ).toEqual(["€90.50 Amortized", "€1,200.00 Billed", "US$577.61 Billed"]);
  });

  it("rounds a total to cents for reading, and keeps the exact amount beside it", () => {
    const [line] = moneyLines([{ currency: "USD", basis: "billed", amount: "88.91651491" }]);
    expect(line.amount, "totals read like an invoice").toBe("US$88.92");
    expect(line.exact, "the exact sum is still available").toBe("US$88.91651491");
  });

  it("finds the basis every line shares, and none when they differ", () => {
    const billed = { currency: "USD", basis: "billed", amount: "1" };
    expect(sharedBasis(report({ totals: [billed] })), "one basis").toBe("billed");
    expect(
      sharedBasis(report({ totals: [billed, { ...billed, basis: "amortized" }] })),
      "mixed bases have no single answer",
    ).toBeNull();
  });
});

describe("counts and headlines", () => {
  it("offers to import the rows that are new or changed", () => {
    expect(commitLabel(report()), "the button says how many rows").toBe("Import 50 rows");
    expect(commitLabel(report({ rows_imported: 1 })), "one row is singular").toBe("Import 1 row");
    expect(canCommit(report()), "a file with new rows can be imported").toBe(true);
  });

  it("refuses to import a file with a problem or nothing new", () => {
    expect(canCommit(report({ problem: "this layout is not a known export", batch_id: null })), "a problem blocks").toBe(false);
    const same = report({ batch_id: null, rows_imported: 0, rows_unchanged: 50 });
    expect(canCommit(same), "every row already there: nothing to do").toBe(false);
    expect(commitLabel(same), "and the button says so").toBe("Nothing to import");
  });

  it("still imports a restatement that only replaces earlier lines", () => {
    const restated = report({ batch_id: 9, rows_imported: 0, rows_replaced: 4 });
    expect(canCommit(restated), "removing restated lines is a change").toBe(true);
    expect(commitLabel(restated), "the button says what it will do").toBe("Import and replace 4 lines");
  });

  it("says what the import did, or that nothing changed", () => {
    expect(doneHeadline(report({ committed: true, batch_id: 9 })), "the new batch is named").toBe(
      "Imported 50 rows from claude_api_cost_2025_10.csv as import #9.",
    );
    expect(doneHeadline(report({ committed: true, batch_id: null, rows_imported: 0 })), "no batch, no change").toBe(
      "Nothing changed: every row of claude_api_cost_2025_10.csv is already in the portfolio.",
    );
  });

  it("says what a mapped sheet created and updated, and that its mapping is kept", () => {
    const mapped = report({
      file: "own-inventory.csv",
      committed: true,
      batch_id: 9,
      target: "systems",
      records_created: 12,
      records_updated: 0,
      rows_imported: 12,
      mapping_name: "Our inventory",
    });
    expect(doneHeadline(mapped), "records of the target, not rows").toBe(
      "Created 12 AI systems and updated 0 from own-inventory.csv (import #9).",
    );
    expect(mappingNote(mapped, true), "a mapping saved by this import").toBe('The mapping "Our inventory" will be used next time.');
    expect(mappingNote(mapped, false), "a mapping saved earlier").toBe('Read with your saved mapping "Our inventory".');
    expect(mappingNote(report(), false), "an export has no mapping").toBeNull();
    expect(recordCount(1, "kpis"), "one record is singular").toBe("1 KPI value");
  });

  it("lists only the counts that are not zero", () => {
    expect(countsText(report()), "a clean file reads simply").toBe("50 rows read · 50 imported");
    expect(
      countsText(report({ rows_read: 1200, rows_imported: 1000, rows_unchanged: 150, rows_skipped: 50, rows_replaced: 1 })),
      "every kind of row is named, with grouping",
    ).toBe("1,200 rows read · 1,000 imported · 150 unchanged · 50 skipped · 1 earlier line replaced");
  });

  it("leaves the after-the-fact 'nothing changed' out of a review's warnings", () => {
    const warnings = ["nothing changed: every row is already in the portfolio", "the sheet has exactly Excel's 1,048,576 rows"];
    expect(reviewWarnings({ warnings }), "the review says 'nothing to import' itself; other warnings stay").toEqual([
      "the sheet has exactly Excel's 1,048,576 rows",
    ]);
  });

  it("keeps what an import replaced, and why, for the Done step", () => {
    const replaced =
      "replaced 25 lines (USD 34,141.16) of 'Northwind_EA_ActualCost_202510.csv' (import #1, Azure EA cost details) for the same account and days: the FOCUS cost and usage export and the Azure EA cost details of one account are the same money; only the newest import counts";
    expect(doneWarnings({ warnings: [replaced] }), "the user learns which earlier import no longer counts").toEqual([replaced]);
    expect(reviewWarnings({ warnings: [replaced] }), "the review says it before anything is written").toEqual([replaced]);
    expect(
      doneWarnings({ warnings: ["nothing changed: every row is already in the portfolio"] }),
      "the Done step's headline already says nothing changed",
    ).toEqual([]);
  });

  it("speaks of new vendors in the future before the import", () => {
    expect(reviewWarnings({ warnings: ["new vendors were added: GitHub, In-house"] }), "nothing is added by a review").toEqual([
      "new vendors will be added: GitHub, In-house",
    ]);
  });

  it("says when the issue list is cut", () => {
    expect(issuesShownText(1000, 2400), "only the first 1,000 issues come").toBe("Showing the first 1,000 of 2,400 issues.");
    expect(issuesShownText(3, 3), "a complete list needs no note").toBeNull();
  });

  it("shows progress as rows and a percentage", () => {
    expect(progressText("preview", "a.csv", null), "before the first report").toBe("Reading a.csv…");
    expect(progressText("commit", "a.csv", { fraction: 0.456, rows: 8192 }), "rows so far and how far").toBe(
      "Importing a.csv… 8,192 rows so far (46%)",
    );
  });
});

describe("undo", () => {
  it("asks before undoing, naming the import and the file", () => {
    expect(undoQuestion({ id: 7, file_name: "costs.csv", format: "anthropic-cost" }), "the confirmation says what comes back").toBe(
      "Undo import #7 of costs.csv? Its lines are removed and the lines it replaced come back.",
    );
  });

  it("says records, not lines, for a user-mapped sheet", () => {
    const batch = { id: 9, file_name: "own-inventory.csv", format: "mapped:systems" };
    expect(undoQuestion(batch), "a mapped sheet created and changed records").toBe(
      "Undo import #9 of own-inventory.csv? The records it created are removed and those it changed are restored.",
    );
    expect(undoneDetail(batch, 12, 1), "the toast counts records").toBe("12 records removed · 1 restored");
    expect(undoneDetail({ format: "anthropic-cost" }, 50, 0), "an export's undo counts lines").toBe(
      "50 lines removed · 0 earlier lines back",
    );
  });

  it("marks an undone import with its day", () => {
    expect(undoneText("2026-11-23T14:05:00Z", new Date(Date.UTC(2026, 10, 24)), "UTC"), "short, this year").toBe(
      "Undone 23 Nov",
    );
  });
});

describe("labels and messages", () => {
  it.each([
    ["active_users", "Active users"],
    ["seats_assigned", "Seats assigned"],
    ["input_tokens", "Input tokens"],
    ["cache_read_tokens", "Cache read tokens"],
  ])("metric %s reads %s", (metric, label) => {
    expect(metricLabel(metric), "metrics read as words, known or not").toBe(label);
  });

  it("names a user-mapped sheet by what its rows became", () => {
    expect(formatLabel(null, "mapped:systems"), "stored as mapped:<target>").toBe("Your sheet: AI systems");
    expect(formatLabel("Your sheet: KPI values", "mapped:kpis"), "Rust's own name wins").toBe("Your sheet: KPI values");
    expect(formatLabel(null, "steward-demo"), "the demo's files").toBe("Demo portfolio data");
  });

  it("says what a field holds, when its kind is not plain text or a choice", () => {
    expect(fieldKindHint("vendor"), "a vendor is matched by name").toBe("A vendor by name; added when missing");
    expect(fieldKindHint("text"), "text needs no hint").toBe("");
  });

  it("starts Rust's messages with a capital", () => {
    expect(sentence("nothing changed: every row is already in the portfolio"), "a message shown on its own").toBe(
      "Nothing changed: every row is already in the portfolio",
    );
  });

  it("never changes a file name that opens a message", () => {
    expect(sentence("png-renamed.csv: this is a PNG image"), "the name must match the file on disk").toBe(
      "png-renamed.csv: this is a PNG image",
    );
  });

  it("leaves the command line's option names out of messages", () => {
    expect(
      forScreen("this layout is not a known export; choose a preset (--preset) or map its columns"),
      "a screen has no --preset flag",
    ).toBe("This layout is not a known export; choose a preset or map its columns");
  });

  it("shows an unreadable file without portfolio advice", () => {
    const text = importErrorText({
      code: "file_unusable",
      message: "cannot read costs.xlsx: the workbook is damaged; save it again from Excel",
      fields: [],
    });
    expect(text.title, "the file is the problem, not the portfolio").toBe("This file can't be imported");
    expect(text.advice, "the message already says what to do").toBeNull();
  });

  it("recognises the cancel Rust reports", () => {
    const error = { code: "conflict" as const, message: "import of a.csv cancelled; nothing was written", fields: [] };
    expect(isCancelled(error, false), "the message says it was cancelled").toBe(true);
    expect(isCancelled({ ...error, message: "import #7 replaced lines" }, false), "other conflicts are errors").toBe(false);
  });
});

describe("partsText", () => {
  it("names the parts read as one export, in reading order, and counts those beyond ten", () => {
    expect(partsText([]), "a single file has no parts to name").toBeNull();
    expect(partsText(["cost.csv"]), "nor does one part alone").toBeNull();
    expect(partsText(["part_0_0001.csv", "part_0_0002.csv", "part_0_0003.csv"])).toBe(
      "Read in this order: part_0_0001.csv, part_0_0002.csv, part_0_0003.csv",
    );
    const many = Array.from({ length: 12 }, (_, i) => `part-${i + 1}-of-12.csv`);
    expect(partsText(many), "a long list stays short").toBe(
      `Read in this order: ${many.slice(0, 10).join(", ")} and 2 more parts`,
    );
  });

  it("keeps a warning about a single part as Rust wrote it, file name first", () => {
    const warning =
      "'part_0_0002.csv' looks like one part of a multi-part export: lines of the same days that it does not hold were kept. Import all parts together (select them all, or their .zip) to restate the period";
    expect(reviewWarnings(report({ warnings: [warning] })), "the review shows the part warning").toEqual([warning]);
    expect(forScreen(warning), "a quoted file name is not capitalised").toBe(warning);
  });
});

describe("whereItShows", () => {
  it("points governance records to where they count while their screens are not built", () => {
    expect(whereItShows("risks"), "risks feed the dashboard").toMatch(/Dashboard's risk tiles/);
    expect(whereItShows("stage_decisions"), "the stage clock changes").toMatch(/time in its stage/);
    for (const target of ["risks", "reviews", "incidents", "stage_decisions"] as const) {
      expect(whereItShows(target), `${target}: says plainly what is not built`).toMatch(/not built yet\.$/);
    }
    expect(whereItShows("systems"), "records with a screen of their own need no pointer").toBeNull();
    expect(whereItShows(null), "a vendor export has no target").toBeNull();
  });
});

describe("doneLinks", () => {
  it("links a committed import to the screen of what it changed", () => {
    const sheet = report({ committed: true, batch_id: 4, target: "contracts" });
    expect(doneLinks(sheet).map((l) => l.hash), "contracts sit under their tab").toEqual(["#/vendors/contracts"]);
    const risks = report({ committed: true, batch_id: 4, target: "risks" });
    expect(doneLinks(risks).map((l) => l.label), "risks count on the dashboard").toEqual(["Open the Dashboard"]);
    const assumptions = report({ committed: true, batch_id: 4, target: "value_assumptions" });
    expect(doneLinks(assumptions)[0]?.hash, "value models open on the value tab").toBe("#/adoption/value");
  });

  it("sends a vendor export's money to the dashboard and its usage to adoption", () => {
    const money = [{ currency: "USD", basis: "billed", amount: "10" }];
    const cost = report({ committed: true, batch_id: 2, target: null, rows_imported: 3, totals: money });
    expect(doneLinks(cost).map((l) => l.testId)).toEqual(["dashboard"]);
    const usage = report({
      committed: true,
      batch_id: 3,
      target: null,
      rows_imported: 3,
      totals: [],
      observations: [{ metric: "active_users", value: "412", periods: 1 }],
    });
    expect(doneLinks(usage).map((l) => l.testId)).toEqual(["adoption"]);
  });

  it("offers nothing when nothing was written", () => {
    expect(doneLinks(report({ committed: false, batch_id: 4, target: "systems" })), "a preview").toEqual([]);
    expect(doneLinks(report({ committed: true, batch_id: null, target: "systems" })), "nothing changed").toEqual([]);
  });
});
