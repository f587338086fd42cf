import { useRef, type KeyboardEvent } from "react";

export type TabItem = { id: string; label: string; count?: string; testId?: string };

/** A row of tabs; arrow keys move between them as in any tab list. */
export function Tabs({
  items,
  active,
  onChange,
  label,
}: {
  items: TabItem[];
  active: string;
  onChange: (id: string) => void;
  label: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + items.length) % items.length;
    refs.current[next]?.focus();
    onChange(items[next].id);
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {items.map((item, index) => (
        <button
          key={item.id}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={item.id === active}
          tabIndex={item.id === active ? 0 : -1}
          data-testid={item.testId}
          onClick={() => onChange(item.id)}
          onKeyDown={(e) => onKey(e, index)}
        >
          {item.label}
          {item.count ? <span className="tabs__count">{item.count}</span> : null}
        </button>
      ))}
    </div>
  );
}
