// Short notices at the bottom of the window: "Saved", "Deleted … Undo", a failed action.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { Icon } from "./icon";

export type ToastAction = { label: string; onClick: () => void; testId?: string };

export type ToastInput = {
  message: string;
  detail?: string;
  tone?: "neutral" | "success" | "danger";
  action?: ToastAction;
  /** How long it stays, in milliseconds; errors stay longer so they can be read. */
  durationMs?: number;
  /** A toast with the same key replaces the previous one (e.g. only the last delete can be undone). */
  key?: string;
};

type Toast = ToastInput & { id: number };

type ToastApi = { show: (toast: ToastInput) => number; dismiss: (id: number) => void };

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToasts needs a <ToastProvider> above it");
  return api;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    setToasts((list) => [...list.filter((t) => !input.key || t.key !== input.key), { ...input, id }].slice(-3));
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const [paused, setPaused] = useState(false);
  const duration = toast.durationMs ?? (toast.tone === "danger" ? 9000 : 4000);
  const remaining = useRef(duration);
  const started = useRef(Date.now());
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  // The clock stops while the pointer or focus is on the toast, so "Undo" cannot vanish
  // under the user's hand.
  useEffect(() => {
    if (paused) return;
    started.current = Date.now();
    const timer = window.setTimeout(() => dismissRef.current(), Math.max(0, remaining.current));
    return () => {
      window.clearTimeout(timer);
      remaining.current -= Date.now() - started.current;
    };
  }, [paused]);

  const tone = toast.tone ?? "neutral";
  return (
    <div
      className={`toast toast--${tone}`}
      role={tone === "danger" ? "alert" : "status"}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon name={tone === "danger" ? "alert" : tone === "success" ? "check" : "info"} className="toast__icon" />
      <div className="toast__text">
        <div className="toast__message">{toast.message}</div>
        {toast.detail ? <div className="toast__detail">{toast.detail}</div> : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          className="toast__action"
          data-testid={toast.action.testId}
          onClick={() => {
            toast.action?.onClick();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
