import type { ReactNode } from "react";

import { Icon, type IconName } from "./icon";

export function EmptyState({
  icon = "info",
  title,
  children,
  actions,
  compact = false,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={compact ? "empty-state empty-state--compact" : "empty-state"}>
      <div className="empty-state__icon">
        <Icon name={icon} size={compact ? 18 : 22} />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {actions ? <div className="empty-state__actions">{actions}</div> : null}
    </div>
  );
}
