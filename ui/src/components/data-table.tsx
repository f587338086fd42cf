// A virtualised, sortable table over a `PagedWindow`: only the rows on screen are in the DOM,
// and only the pages covering them are fetched, so ten thousand rows scroll as smoothly as ten.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

import type { PagedWindow } from "../lib/paged-window";
import { ErrorPanel } from "./error-panel";
import { Icon } from "./icon";

export type Column<T> = {
  id: string;
  header: string;
  /** A CSS grid track, e.g. "120px" or "minmax(180px, 2fr)". */
  width: string;
  /** The list key Rust sorts by; absent for columns that cannot be sorted. */
  sortKey?: string;
  align?: "start" | "end";
  render: (row: T) => ReactNode;
};

export type SortState = { by: string | null; descending: boolean };

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;

export function DataTable<T>({
  label,
  columns,
  cache,
  getId,
  selectedId,
  onOpen,
  sort,
  onSort,
  rowClassName,
  empty,
  scrollResetKey,
  minWidth = 880,
}: {
  label: string;
  columns: Column<T>[];
  cache: PagedWindow<T>;
  getId: (row: T) => number;
  selectedId: number | null;
  onOpen: (row: T) => void;
  sort: SortState;
  onSort: (key: string) => void;
  rowClassName?: (row: T) => string | undefined;
  empty: ReactNode;
  /** When this changes (new search, filter or sort) the table scrolls back to the top. */
  scrollResetKey: string;
  minWidth?: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = cache.total ?? 0;
  const template = columns.map((c) => c.width).join(" ");

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    cache.ensure(first, last);
  }, [cache, first, last]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  // Arrow keys walk the rows (opening each), Home/End jump to the ends.
  const selectedIndex = (() => {
    if (selectedId === null) return -1;
    for (const item of items) {
      const row = cache.rowAt(item.index);
      if (row && getId(row) === selectedId) return item.index;
    }
    return -1;
  })();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    let next: number | null = null;
    if (event.key === "ArrowDown") next = selectedIndex < 0 ? first : Math.min(total - 1, selectedIndex + 1);
    else if (event.key === "ArrowUp") next = selectedIndex < 0 ? first : Math.max(0, selectedIndex - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = total - 1;
    if (next === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: "auto" });
    const row = cache.rowAt(next);
    if (row) onOpen(row);
  };

  const headerCells = columns.map((column) => {
    const active = column.sortKey !== undefined && sort.by === column.sortKey;
    const ariaSort = active ? (sort.descending ? "descending" : "ascending") : column.sortKey ? "none" : undefined;
    return (
      <div
        key={column.id}
        role="columnheader"
        aria-sort={ariaSort}
        className={`table__th${column.align === "end" ? " table__cell--end" : ""}`}
      >
        {column.sortKey ? (
          <button
            type="button"
            className={`table__sort${active ? " table__sort--active" : ""}`}
            onClick={() => column.sortKey && onSort(column.sortKey)}
            title={`Sort by ${column.header.toLowerCase()}`}
          >
            <span className="truncate">{column.header}</span>
            {active ? (
              <Icon name={sort.descending ? "arrowDown" : "arrowUp"} size={12} className="table__sort-icon" />
            ) : null}
          </button>
        ) : (
          <span className="truncate">{column.header}</span>
        )}
      </div>
    );
  });

  if (cache.error) {
    return (
      <div className="table-frame table-frame--message">
        <ErrorPanel error={cache.error} onRetry={() => cache.retry()} />
      </div>
    );
  }

  const showEmpty = cache.total === 0;
  const initialLoad = cache.total === null;

  return (
    <div className="table-frame">
      {cache.loading ? <div className="progress-bar" role="progressbar" aria-label="Loading rows" /> : null}
      <div
        ref={scrollRef}
        className="table-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-busy={cache.loading || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="table" style={{ minWidth, ["--cols" as string]: template }}>
          <div className="table__head" role="row" aria-rowindex={1}>
            {headerCells}
          </div>
          {showEmpty ? (
            <div className="table__empty">{empty}</div>
          ) : initialLoad ? (
            <div className="table__body">
              {Array.from({ length: 8 }, (_, i) => (
                <SkeletonRow key={i} columns={columns.length} top={i * ROW_HEIGHT} />
              ))}
            </div>
          ) : (
            <div className="table__body" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
              {items.map((item) => {
                const row = cache.rowAt(item.index);
                const top = item.start - HEADER_HEIGHT;
                if (!row) return <SkeletonRow key={item.key} columns={columns.length} top={top} />;
                const id = getId(row);
                const selected = id === selectedId;
                const extra = rowClassName?.(row);
                return (
                  <div
                    key={id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={selected}
                    className={["table__row", selected ? "table__row--selected" : "", extra ?? ""].filter(Boolean).join(" ")}
                    style={{ transform: `translateY(${top}px)` }}
                    data-testid="row"
                    data-row-id={id}
                    onClick={() => onOpen(row)}
                  >
                    {columns.map((column) => (
                      <div
                        key={column.id}
                        role="gridcell"
                        className={`table__cell${column.align === "end" ? " table__cell--end num" : ""}`}
                      >
                        {column.render(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function SkeletonRow({ columns, top }: { columns: number; top: number }) {
  return (
    <div className="table__row table__row--skeleton" style={{ transform: `translateY(${top}px)` }} aria-hidden="true">
      {Array.from({ length: columns }, (_, i) => (
        <div key={i} className="table__cell">
          <span className="skeleton" style={{ width: `${40 + ((i * 23) % 45)}%` }} />
        </div>
      ))}
    </div>
  );
}
