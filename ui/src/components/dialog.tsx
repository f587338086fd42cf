import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog: focus moves into it, Tab stays inside, Escape or the backdrop closes it, and
 * focus returns where it was.
 */
export function Dialog({
  title,
  children,
  actions,
  onClose,
  tone = "neutral",
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  tone?: "neutral" | "danger";
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = ref.current;
    const focusables = () =>
      Array.from(box?.querySelectorAll<HTMLElement>("button, [href], input, select, textarea") ?? []).filter(
        (el) => !el.hasAttribute("disabled"),
      );
    // The last action is the one the dialog proposes; focus it so Enter confirms.
    const initial = focusables();
    (initial[initial.length - 1] ?? box)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onCloseRef.current();
      } else if (event.key === "Tab") {
        const items = focusables();
        if (items.length === 0) return;
        const first = items[0];
        const last = items[items.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      previous?.focus?.();
    };
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog dialog--${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        <div className="dialog__actions">{actions}</div>
      </div>
    </div>
  );
}
