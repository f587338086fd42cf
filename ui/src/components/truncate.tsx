import type { ElementType } from "react";

/**
 * Text that ends in an ellipsis when it does not fit, with the whole text as a tooltip, so a
 * long name never pushes a layout apart.
 */
export function Truncate({
  text,
  as: Tag = "span",
  className,
  testId,
}: {
  text: string;
  as?: ElementType;
  className?: string;
  testId?: string;
}) {
  return (
    <Tag className={className ? `truncate ${className}` : "truncate"} title={text} data-testid={testId}>
      {text}
    </Tag>
  );
}
