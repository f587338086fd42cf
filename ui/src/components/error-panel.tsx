import type { ReactNode } from "react";

import type { ApiError } from "../ipc/api-error";
import { errorAdvice, errorTitle } from "../lib/error-text";
import { Button } from "./button";
import { Icon } from "./icon";

/** An error where content should be: what happened, what to do, and a way to try again. */
export function ErrorPanel({
  error,
  onRetry,
  actions,
  compact = false,
}: {
  error: ApiError;
  onRetry?: () => void;
  actions?: ReactNode;
  compact?: boolean;
}) {
  const title = errorTitle(error);
  return (
    <div className={compact ? "error-panel error-panel--compact" : "error-panel"} role="alert">
      <div className="error-panel__icon">
        <Icon name="alert" size={compact ? 16 : 20} />
      </div>
      <div className="error-panel__text">
        <h2 className="error-panel__title">{title}</h2>
        {error.message !== title ? <p className="error-panel__message">{error.message}</p> : null}
        <p className="error-panel__advice">{errorAdvice(error)}</p>
        {onRetry || actions ? (
          <div className="error-panel__actions">
            {onRetry ? (
              <Button size="sm" onClick={onRetry}>
                Try again
              </Button>
            ) : null}
            {actions}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** An error above a form or inside a panel: one line per message. */
export function InlineAlert({ tone = "danger", children }: { tone?: "danger" | "warning" | "info"; children: ReactNode }) {
  return (
    <div className={`inline-alert inline-alert--${tone}`} role={tone === "danger" ? "alert" : "status"}>
      <Icon name={tone === "info" ? "info" : "alert"} />
      <div>{children}</div>
    </div>
  );
}
