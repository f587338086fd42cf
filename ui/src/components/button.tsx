import type { ButtonHTMLAttributes, ReactNode } from "react";

import { Icon, type IconName } from "./icon";

type Variant = "primary" | "secondary" | "ghost" | "danger";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: "sm" | "md";
  icon?: IconName;
  /** Shows a spinner and blocks clicks while an action runs. */
  busy?: boolean;
  children?: ReactNode;
};

export function Button({
  variant = "secondary",
  size = "md",
  icon,
  busy = false,
  className,
  children,
  disabled,
  type = "button",
  ...rest
}: ButtonProps) {
  const classes = ["btn", `btn--${variant}`, `btn--${size}`, children ? "" : "btn--icon-only", className ?? ""]
    .filter(Boolean)
    .join(" ");
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy ? <span className="spinner spinner--inline" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {children ? <span className="btn__label">{children}</span> : null}
    </button>
  );
}
