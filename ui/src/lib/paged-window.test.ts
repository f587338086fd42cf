import { describe, expect, it } from "vitest";

import { PagedWindow, pageOffsetsForRange, type PageAnswer } from "./paged-window";

/** A fake list of `total` numbered rows whose pages answer when the test says so. */
function fakeList(total: number) {
  const calls: { offset: number; limit: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<PageAnswer<number>>((resolve, reject) => {
      calls.push({
        offset,
        limit,
        resolve: () =>
          resolve({
            rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i),
            total,
            offset,
          }),
        reject,
      });
    });
  return { calls, fetch };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("pageOffsetsForRange", () => {
  it.each([
    ["one page", 0, 10, 200, 1000, [0]],
    ["a range across a page boundary", 190, 210, 200, 1000, [0, 200]],
    ["clipped to the total", 950, 1200, 200, 1000, [800]],
    ["before the total is known, the range as asked", 0, 0, 200, null, [0]],
    ["nothing for an empty list", 0, 10, 200, 0, []],
  ])("%s", (_why, first, last, size, total, expected) => {
    expect(pageOffsetsForRange(first, last, size, total), `rows ${first}..${last} of ${total}`).toEqual(expected);
  });
});

describe("PagedWindow", () => {
  it("fetches each page once, however often the rows are asked for", async () => {
    const list = fakeList(1000);
    const cache = new PagedWindow(list.fetch, 200);
    cache.ensure(0, 30);
    cache.ensure(5, 35);
    expect(list.calls.length, "a page on its way must not be asked for again").toBe(1);
    list.calls[0].resolve();
    await settle();
    cache.ensure(10, 40);
    expect(list.calls.length, "a page held must not be fetched again").toBe(1);
    expect(cache.total, "the total arrives with the first page").toBe(1000);
    expect(cache.rowAt(42), "row 42 comes from the first page").toBe(42);
  });

  it("fetches the pages of a scrolled-to window with offset and limit", async () => {
    const list = fakeList(10_000);
    const cache = new PagedWindow(list.fetch, 200);
    cache.ensure(0, 20);
    list.calls[0].resolve();
    await settle();
    cache.ensure(5_190, 5_230);
    expect(
      list.calls.slice(1).map((c) => [c.offset, c.limit]),
      "a window across two pages fetches both, each with the page size as limit",
    ).toEqual([
      [5_000, 200],
      [5_200, 200],
    ]);
    expect(cache.rowAt(5_195), "rows of a page still on its way are unknown").toBeUndefined();
  });

  it("forgets the pages farthest from the screen when it holds too many", async () => {
    const list = fakeList(10_000);
    const cache = new PagedWindow(list.fetch, 100, 3);
    for (const first of [0, 1000, 2000, 3000]) {
      cache.ensure(first, first + 10);
      list.calls[list.calls.length - 1].resolve();
      await settle();
    }
    expect(cache.pageCount, "the cache keeps at most maxPages pages").toBe(3);
    expect(cache.rowAt(0), "the page farthest from the last window is the one dropped").toBeUndefined();
    expect(cache.rowAt(3005), "the page on screen is kept").toBe(3005);
  });

  it("ignores answers that arrive after it was disposed", async () => {
    const list = fakeList(50);
    const cache = new PagedWindow(list.fetch, 200);
    cache.ensure(0, 10);
    cache.dispose();
    list.calls[0].resolve();
    await settle();
    expect(cache.total, "an answer to an abandoned query must not land in the table").toBeNull();
  });

  it("keeps an error and fetches again on retry", async () => {
    const list = fakeList(50);
    const cache = new PagedWindow(list.fetch, 200);
    cache.ensure(0, 10);
    list.calls[0].reject({ code: "file_unusable", message: "the portfolio file is locked", fields: [] });
    await settle();
    expect(cache.error?.code, "the table shows why rows are missing").toBe("file_unusable");
    cache.ensure(0, 10);
    expect(list.calls.length, "a failed cache does not hammer the shell while the error shows").toBe(1);
    cache.retry();
    expect(list.calls.length, "retry asks again for the rows last shown").toBe(2);
    list.calls[1].resolve();
    await settle();
    expect(cache.error, "a good answer clears the error").toBeNull();
    expect(cache.rowAt(3), "and brings the rows").toBe(3);
  });

  it("normalises a rejection that is not an ApiError", async () => {
    const list = fakeList(50);
    const cache = new PagedWindow(list.fetch, 200);
    cache.ensure(0, 0);
    list.calls[0].reject("command system_list not found");
    await settle();
    expect(cache.error, "any failure becomes an internal ApiError with the text").toEqual({
      code: "internal",
      message: "command system_list not found",
      fields: [],
    });
  });

  it("shows the rows of the cache it replaces until fresh rows arrive", async () => {
    const first = fakeList(500);
    const old = new PagedWindow(first.fetch, 100);
    old.ensure(0, 10);
    first.calls[0].resolve();
    await settle();
    const second = fakeList(499);
    const fresh = new PagedWindow(second.fetch, 100, 25, old);
    expect(fresh.total, "the old total holds the scroll height while refetching").toBe(500);
    expect(fresh.rowAt(5), "old rows stay visible rather than blinking to placeholders").toBe(5);
    fresh.start();
    second.calls[0].resolve();
    await settle();
    expect(fresh.total, "the fresh total replaces the old one").toBe(499);
  });

  it("notifies subscribers on every change", async () => {
    const list = fakeList(10);
    const cache = new PagedWindow(list.fetch, 200);
    let calls = 0;
    cache.subscribe(() => calls++);
    cache.ensure(0, 0);
    list.calls[0].resolve();
    await settle();
    expect(calls, "one notice when loading starts, one when the page lands").toBeGreaterThanOrEqual(2);
  });
});
