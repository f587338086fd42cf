// A list screen for one kind of record: search, filters, a sortable virtualised table, and a
// side panel with the selected record's details or its create / edit form. Inventory, Vendors
// and Contracts are all this screen with different columns, fields and commands.
import { useCallback, useRef, useState, type ReactNode, type Ref } from "react";

import { Button } from "../../components/button";
import { DataTable, type Column, type SortState } from "../../components/data-table";
import { Dialog } from "../../components/dialog";
import { EmptyState } from "../../components/empty-state";
import { Icon } from "../../components/icon";
import { PageHeader } from "../../components/page-header";
import { useToasts } from "../../components/toast";
import { toApiError } from "../../ipc/api-error";
import type { EntityType, ListFilter, ListRequest, Page } from "../../ipc/types";
import { formatCount } from "../../lib/format";
import { useShortcuts } from "../../lib/shortcuts";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { usePagedList, type ListQuery } from "../../lib/use-paged-list";
import { useCatalog, type CatalogKind } from "../session/catalog-context";
import { useSession } from "../session/session-context";
import type { FormHandle } from "./use-record-form";

export type FilterDef = { field: string; label: string; allLabel: string; catalog: CatalogKind };

export type RecordKind<T> = {
  entity: EntityType;
  /** "system" / "systems", for the row count and messages. */
  singular: string;
  plural: string;
  newLabel: string;
  searchPlaceholder: string;
  list: (request: ListRequest) => Promise<Page<T>>;
  remove: (id: number) => Promise<unknown>;
  restore: (id: number) => Promise<unknown>;
  nameOf: (row: T) => string;
  idOf: (row: T) => number;
  columns: Column<T>[];
  filters: FilterDef[];
  defaultSort: SortState;
  minWidth?: number;
  rowClassName?: (row: T) => string | undefined;
  empty: { title: string; body: ReactNode };
};

export type DetailProps<T> = {
  id: number;
  refreshKey: unknown;
  readOnly: boolean;
  deleting: boolean;
  onEdit: (record: T) => void;
  onDelete: (record: T) => void;
  onClose: () => void;
};

export type FormProps<T> = {
  record: T | null;
  /** Values the user typed before closing the form, when they reopen it. */
  restored?: unknown;
  readOnly: boolean;
  handleRef: Ref<FormHandle>;
  onSaved: (record: T) => void;
  onCancel: () => void;
};

// The "any value" choice of a filter; "" is a real choice (the field is not set).
const ANY = "__any__";

type Mode = { kind: "view" } | { kind: "new"; restored?: unknown } | { kind: "edit"; record: unknown; restored?: unknown };

export function RecordWorkspace<T>({
  title,
  subtitle,
  tabs,
  kind,
  selectedId,
  onSelect,
  renderDetail,
  renderForm,
}: {
  title: string;
  subtitle: string;
  /** Shown between the page header and the toolbar (e.g. Vendors / Contracts). */
  tabs?: ReactNode;
  kind: RecordKind<T>;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  renderDetail: (props: DetailProps<T>) => ReactNode;
  renderForm: (props: FormProps<T>) => ReactNode;
}) {
  const session = useSession();
  const catalog = useCatalog();
  const toasts = useToasts();
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<SortState>(kind.defaultSort);
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [deleting, setDeleting] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const formHandle = useRef<FormHandle>(null);

  const settledSearch = useDebouncedValue(search, 250);
  const listFilters: ListFilter[] = Object.entries(filters).map(([field, value]) => ({ field, value }));
  const query: ListQuery = { search: settledSearch, filters: listFilters, sortBy: sort.by, descending: sort.descending };
  const cache = usePagedList(kind.list, query, session.dataVersion, session.info?.path ?? "");
  const filtered = settledSearch.trim() !== "" || listFilters.length > 0;
  const formOpen = mode.kind !== "view";

  /**
   * Closes the form, then runs `action`. Unsaved changes are not lost: like a delete, the
   * discard can be undone from the notice, which reopens the form as it was.
   */
  const leaveForm = useCallback(
    (action: () => void) => {
      const handle = formHandle.current;
      if (mode.kind !== "view" && handle?.isDirty()) {
        const reopen: Mode = { ...mode, restored: handle.snapshot() };
        const reopenId = selectedId;
        toasts.show({
          key: "discarded",
          message: "Unsaved changes discarded",
          durationMs: 10_000,
          action: {
            label: "Reopen",
            testId: "reopen-form",
            onClick: () => {
              if (reopen.kind === "edit") onSelect(reopenId);
              setMode(reopen);
            },
          },
        });
      }
      setMode({ kind: "view" });
      action();
    },
    [mode, selectedId, toasts, onSelect],
  );

  const startNew = () => {
    if (session.readOnly) {
      toasts.show({ message: "Read-only — Save a copy to edit", key: "read-only" });
      return;
    }
    leaveForm(() => setMode({ kind: "new" }));
  };

  const onSort = (key: string) =>
    setSort((s) => {
      if (s.by !== key) return { by: key, descending: false };
      if (!s.descending) return { by: key, descending: true };
      return kind.defaultSort;
    });

  const remove = async (record: T) => {
    const id = kind.idOf(record);
    const name = kind.nameOf(record);
    setDeleting(true);
    try {
      await kind.remove(id);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === "conflict") setConflict(error.message);
      else toasts.show({ tone: "danger", message: `Couldn't delete “${name}”`, detail: error.message });
      return;
    } finally {
      setDeleting(false);
    }
    onSelect(null);
    session.dataChanged();
    toasts.show({
      key: "undo-delete",
      message: `Deleted “${name}”`,
      durationMs: 10_000,
      action: { label: "Undo", testId: "undo", onClick: () => void undo(id, name) },
    });
  };

  const undo = async (id: number, name: string) => {
    try {
      await kind.restore(id);
      session.dataChanged();
      onSelect(id);
      toasts.show({ tone: "success", message: `Restored “${name}”` });
    } catch (e) {
      toasts.show({ tone: "danger", message: `Couldn't restore “${name}”`, detail: toApiError(e).message });
    }
  };

  useShortcuts({
    new: () => {
      if (formOpen) return;
      startNew();
    },
    search: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    save: () => {
      formHandle.current?.submit();
    },
    close: () => {
      if (formOpen) leaveForm(() => undefined);
      else if (selectedId !== null) onSelect(null);
      else if (document.activeElement === searchRef.current && search) setSearch("");
      else return false;
    },
  });

  const clearAll = () => {
    setSearch("");
    setFilters({});
  };

  const total = cache.total;
  const countText = cache.error
    ? "Not loaded"
    : total === null
      ? "Loading…"
      : formatCount(total, kind.singular, kind.plural);

  const empty = filtered ? (
    <EmptyState icon="search" title={`No ${kind.plural} match`} compact actions={<Button onClick={clearAll}>Clear search and filters</Button>}>
      {settledSearch.trim()
        ? `Nothing matches “${settledSearch.trim()}”${listFilters.length > 0 ? " with the filters set" : ""}.`
        : `No ${kind.plural} have the values chosen in the filters.`}
    </EmptyState>
  ) : (
    <EmptyState
      icon="inventory"
      title={kind.empty.title}
      actions={
        <>
          <Button variant="primary" icon="plus" onClick={startNew} disabled={session.readOnly}>
            {kind.newLabel}
          </Button>
          {session.isEmpty && !session.readOnly ? (
            <Button onClick={session.loadDemo} busy={session.busy === "demo"}>
              Load the demo portfolio
            </Button>
          ) : null}
        </>
      }
    >
      {kind.empty.body}
    </EmptyState>
  );

  const closeDetail = () => onSelect(null);
  const onSaved = (record: T) => {
    setMode({ kind: "view" });
    session.dataChanged();
    onSelect(kind.idOf(record));
    toasts.show({ tone: "success", message: `Saved “${kind.nameOf(record)}”` });
  };

  let panel: ReactNode = null;
  if (mode.kind === "new") {
    panel = (
      <div key="new" className="contents">
        {renderForm({
          record: null,
          restored: mode.restored,
          readOnly: session.readOnly,
          handleRef: formHandle,
          onSaved,
          onCancel: () => leaveForm(() => undefined),
        })}
      </div>
    );
  } else if (mode.kind === "edit") {
    panel = (
      <div key={`edit-${selectedId}`} className="contents">
        {renderForm({
          record: mode.record as T,
          restored: mode.restored,
          readOnly: session.readOnly,
          handleRef: formHandle,
          onSaved,
          onCancel: () => leaveForm(() => undefined),
        })}
      </div>
    );
  } else if (selectedId !== null) {
    panel = (
      <div key={`detail-${selectedId}`} className="contents">
        {renderDetail({
          id: selectedId,
          refreshKey: session.dataVersion,
          readOnly: session.readOnly,
          deleting,
          onEdit: (record) => setMode({ kind: "edit", record }),
          onDelete: (record) => void remove(record),
          onClose: closeDetail,
        })}
      </div>
    );
  }

  return (
    <div className="page page--fill">
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={
          <>
            <span className="page-header__count" data-testid="row-count" aria-live="polite">
              {countText}
            </span>
            <Button
              variant="primary"
              icon="plus"
              onClick={startNew}
              disabled={session.readOnly}
              title={session.readOnly ? "Read-only — Save a copy to edit" : `${kind.newLabel} (N)`}
              data-testid="new-record"
            >
              {kind.newLabel}
            </Button>
          </>
        }
      />
      {tabs}
      <div className="toolbar">
        <div className="search">
          <Icon name="search" className="search__icon" />
          <input
            ref={searchRef}
            type="search"
            className="input search__input"
            placeholder={kind.searchPlaceholder}
            aria-label={`Search ${kind.plural}`}
            value={search}
            data-testid="list-search"
            onChange={(e) => setSearch(e.target.value)}
          />
          {search ? null : <kbd className="search__kbd">/</kbd>}
        </div>
        {kind.filters.map((filter) => {
          const value = filters[filter.field];
          return (
            <select
              key={filter.field}
              className={value === undefined ? "input select filter" : "input select filter filter--active"}
              aria-label={filter.label}
              title={filter.label}
              data-testid={`filter-${filter.field}`}
              value={value ?? ANY}
              onChange={(e) => {
                const next = e.target.value;
                setFilters((f) => {
                  const copy = { ...f };
                  if (next === ANY) delete copy[filter.field];
                  else copy[filter.field] = next;
                  return copy;
                });
              }}
            >
              <option value={ANY}>{filter.allLabel}</option>
              {catalog.options(filter.catalog).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              <option value="">Not set</option>
            </select>
          );
        })}
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={clearAll}>
            Clear
          </Button>
        ) : null}
      </div>
      <div className="workspace__body">
        <DataTable
          label={kind.plural}
          columns={kind.columns}
          cache={cache}
          getId={kind.idOf}
          selectedId={selectedId}
          onOpen={(row) => {
            const id = kind.idOf(row);
            if (id === selectedId && !formOpen) return;
            leaveForm(() => onSelect(id));
          }}
          sort={sort}
          onSort={onSort}
          rowClassName={kind.rowClassName}
          empty={empty}
          scrollResetKey={JSON.stringify(query)}
          minWidth={kind.minWidth}
        />
        {panel}
      </div>
      {conflict ? (
        <Dialog
          title="This can't be deleted yet"
          onClose={() => setConflict(null)}
          actions={
            <Button variant="primary" onClick={() => setConflict(null)}>
              OK
            </Button>
          }
        >
          <p data-testid="conflict-message">{conflict}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
