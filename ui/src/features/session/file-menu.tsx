import { useEffect, useRef, useState, type KeyboardEvent } from "react";

import { Icon } from "../../components/icon";
import { useSession } from "./session-context";

type Item = { id: string; label: string; hint?: string; onSelect: () => void; disabled?: boolean; testId: string };

/** The File menu of the top bar: New…, Open…, Save a copy…, and Load demo while the file is empty. */
export function FileMenu() {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const items: Item[] = [
    { id: "new", label: "New portfolio…", onSelect: session.newPortfolio, testId: "file-new" },
    { id: "open", label: "Open…", onSelect: session.openPortfolio, testId: "file-open" },
    {
      id: "save",
      label: "Save a copy…",
      onSelect: session.saveCopy,
      disabled: !session.info,
      testId: "file-save-copy",
    },
  ];
  if (session.isEmpty) {
    items.push({
      id: "demo",
      label: "Load demo portfolio",
      hint: "Northwind Logistics",
      onSelect: session.loadDemo,
      disabled: session.readOnly,
      testId: "file-load-demo",
    });
  }

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    itemRefs.current.find((el) => el && !el.disabled)?.focus();
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const enabled = itemRefs.current.filter((el): el is HTMLButtonElement => !!el && !el.disabled);
    const index = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      enabled[(index + step + enabled.length) % enabled.length]?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div className="menu" ref={wrapRef} data-menu-open={open || undefined}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost btn--md menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="file-menu"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {session.busy ? <span className="spinner spinner--inline" aria-hidden="true" /> : <Icon name="file" />}
        <span className="btn__label">File</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <div className="menu__list" role="menu" aria-label="File" onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              className="menu__item"
              disabled={item.disabled || session.busy !== null}
              data-testid={item.testId}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              <span>{item.label}</span>
              {item.hint ? <span className="menu__hint">{item.hint}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
