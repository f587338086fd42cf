import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

import { Button } from "./button";

const FOCUSABLE = "button, [href], input, select, textarea";

/**
 * What makes a box modal: focus moves into it (to the element marked `data-autofocus`, else its
 * last control, the action it proposes), Tab stays inside, Escape calls `onEscape`, and focus
 * returns where it was when the box goes away.
 */
export function useModalFocus(ref: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = ref.current;
    const focusables = () =>
      Array.from(box?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []).filter((el) => !el.hasAttribute("disabled"));
    const initial = focusables();
    (box?.querySelector<HTMLElement>("[data-autofocus]") ?? initial[initial.length - 1] ?? box)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onEscapeRef.current();
      } else if (event.key === "Tab") {
        const items = focusables();
        if (items.length === 0) return;
        const first = items[0];
        const last = items[items.length - 1];
        const inside = box?.contains(document.activeElement) ?? false;
        if (!inside) {
          // Focus fell out (the control that held it went away): bring it back in.
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        } else if (event.shiftKey && document.activeElement === first) {
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
  }, [ref]);
}

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
  testId,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  tone?: "neutral" | "danger";
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useModalFocus(ref, onClose);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog dialog--${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
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

/**
 * Asks before something is removed or taken back: "Keep it" leaves everything as it is, the
 * danger button does it. While `busy`, neither answer nor Escape can close the box.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  onCancel,
  onConfirm,
  testId,
  confirmTestId,
  children,
}: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  testId?: string;
  confirmTestId?: string;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      tone="danger"
      testId={testId}
      onClose={() => !busy && onCancel()}
      actions={
        <>
          <Button onClick={onCancel} disabled={busy}>
            Keep it
          </Button>
          <Button variant="danger" busy={busy} onClick={onConfirm} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
