import { describe, expect, it } from "vitest";

import { HOME, parseRoute, routeHash } from "./route";

describe("routes", () => {
  it.each([
    ["#/inventory", { area: "inventory", tab: null, id: null }],
    ["#/inventory/42", { area: "inventory", tab: null, id: 42 }],
    ["#/vendors/contracts/7", { area: "vendors", tab: "contracts", id: 7 }],
    ["#/vendors", { area: "vendors", tab: null, id: null }],
    ["#/settings", { area: "settings", tab: null, id: null }],
  ])("reads %s", (hash, expected) => {
    expect(parseRoute(hash), `${hash} names an area, tab and record`).toEqual(expected);
  });

  it.each(["", "#/", "#/nowhere", "#/<img src=x>"])("sends %j to the dashboard", (hash) => {
    expect(parseRoute(hash), "an unknown address must land somewhere useful").toEqual(HOME);
  });

  it("ignores ids that are not positive integers", () => {
    expect(parseRoute("#/inventory/-3").id, "negative ids do not exist").toBeNull();
    expect(parseRoute("#/inventory/abc").id, "text is not an id").toBeNull();
  });

  it("writes what it reads", () => {
    for (const route of [
      { area: "inventory", tab: null, id: 3 },
      { area: "vendors", tab: "vendors", id: 12 },
      { area: "vendors", tab: "contracts", id: null },
    ] as const) {
      expect(parseRoute(routeHash(route)), `${routeHash(route)} must round-trip`).toEqual(route);
    }
  });
});
