import { describe, expect, it } from "vitest";

import { isTypingTarget, shortcutFor } from "./shortcuts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcutFor", () => {
  it.each([
    ["n", key("n"), false, "new"],
    ["Ctrl+N", key("n", { ctrlKey: true }), false, "new"],
    ["Ctrl+N while typing", key("n", { ctrlKey: true }), true, "new"],
    ["/", key("/"), false, "search"],
    ["Shift+/ on layouts that need it", key("/", { shiftKey: true }), false, "search"],
    ["Ctrl+F", key("f", { ctrlKey: true }), false, "search"],
    ["Cmd+S", key("s", { metaKey: true }), true, "save"],
    ["Ctrl+S while typing", key("s", { ctrlKey: true }), true, "save"],
    ["Escape while typing", key("Escape"), true, "close"],
  ])("%s", (_why, event, typing, expected) => {
    expect(shortcutFor(event, typing), "this key press is a shortcut").toBe(expected);
  });

  it.each([
    ["n typed into a field", key("n"), true],
    ["/ typed into a field", key("/"), true],
    ["Shift+N (a capital letter)", key("N", { shiftKey: true }), false],
    ["Alt+N", key("n", { altKey: true }), false],
    ["another letter", key("x"), false],
  ])("%s is not a shortcut", (_why, event, typing) => {
    expect(shortcutFor(event, typing), "typing must never trigger an action").toBeNull();
  });
});

describe("isTypingTarget", () => {
  const el = (tagName: string, type?: string) => ({ tagName, type, isContentEditable: false }) as unknown as EventTarget;
  it("treats text inputs, text areas and selects as typing", () => {
    expect(isTypingTarget(el("INPUT", "text")), "a text input takes letters").toBe(true);
    expect(isTypingTarget(el("INPUT", "search")), "the search box takes letters").toBe(true);
    expect(isTypingTarget(el("TEXTAREA")), "notes take letters").toBe(true);
    expect(isTypingTarget(el("SELECT")), "a select jumps to options by letter").toBe(true);
  });

  it("does not treat buttons and checkboxes as typing", () => {
    expect(isTypingTarget(el("BUTTON")), "N on a focused button means new").toBe(false);
    expect(isTypingTarget(el("INPUT", "checkbox")), "a checkbox takes no letters").toBe(false);
    expect(isTypingTarget(null), "no target").toBe(false);
  });
});
