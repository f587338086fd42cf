// Keyboard shortcuts of the list screens. Single-letter keys never fire while the user types.
import { useEffect, useRef } from "react";

/** Whether a key press lands in something that takes text (so "n" or "/" is typing, not a shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  const type = ((element as HTMLInputElement).type || "text").toLowerCase();
  return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
}

export type ShortcutKey = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

export type ShortcutAction = "new" | "search" | "save" | "close";

/** Which shortcut a key press means, given whether the user is typing. */
export function shortcutFor(event: ShortcutKey, typing: boolean): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (key === "escape") return "close";
  if (mod && key === "s") return "save";
  if (mod && key === "f") return "search";
  if (mod && key === "n") return "new";
  if (mod || typing) return null;
  // "/" needs Shift on some keyboard layouts, so Shift does not cancel it.
  if (key === "/") return "search";
  if (key === "n" && !event.shiftKey) return "new";
  return null;
}

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => boolean | void>>;

/**
 * Listens for the shortcuts while mounted. A handler returning `false` declines the key, which
 * then keeps its ordinary meaning; otherwise the browser default (e.g. Ctrl+F find) is stopped.
 * Escape inside a dialog is left to the dialog.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event, isTypingTarget(event.target));
      if (!action) return;
      if (action === "close" && document.querySelector("[role=dialog][aria-modal=true], [data-menu-open]")) return;
      const handler = ref.current[action];
      if (!handler) {
        // Ctrl+S and Ctrl+N have no useful browser meaning inside the app window.
        if (action === "save" || action === "new") event.preventDefault();
        return;
      }
      if (handler() === false) return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
