import type { ReactNode } from "react";

/**
 * A panel that slides over the right of the screen for the selected record or its form; the
 * list stays visible and usable beside it.
 */
export function Drawer({
  children,
  label,
  testId,
  wide = false,
}: {
  children: ReactNode;
  label: string;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <aside className={wide ? "drawer drawer--wide" : "drawer"} aria-label={label} data-testid={testId}>
      {children}
    </aside>
  );
}
