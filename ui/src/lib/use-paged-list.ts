// Binds a `PagedWindow` to React: one cache per query, thrown away when the query changes.
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";

import type { ListFilter, ListRequest, Page } from "../ipc/types";
import { PagedWindow } from "./paged-window";

export type ListQuery = {
  search: string;
  filters: ListFilter[];
  sortBy: string | null;
  descending: boolean;
};

export const PAGE_SIZE = 200;

/** The request for one page of a query. */
export function listRequest(query: ListQuery, offset: number, limit: number): ListRequest {
  return {
    search: query.search.trim(),
    filters: query.filters,
    sort_by: query.sortBy,
    descending: query.descending,
    offset,
    limit,
  };
}

/**
 * A paged cache for `query`, refetched from scratch when the query or `refreshKey` changes
 * (after a create, edit or delete).
 */
export function usePagedList<T>(
  fetch: (request: ListRequest) => Promise<Page<T>>,
  query: ListQuery,
  refreshKey: unknown,
  /** What the rows belong to (the open file): another scope never reuses old rows. */
  scope = "",
): PagedWindow<T> {
  const key = JSON.stringify([scope, query]);
  const previous = useRef<{ key: string; cache: PagedWindow<T> } | null>(null);
  const cache = useMemo(() => {
    // The same query fetched again keeps showing the old rows until the new ones arrive; a
    // different query starts empty, since the old rows would be wrong for it.
    const fallback = previous.current?.key === key ? previous.current.cache : null;
    return new PagedWindow<T>((offset, limit) => fetch(listRequest(query, offset, limit)), PAGE_SIZE, 25, fallback);
    // `query` is compared by its JSON so a new object with the same content keeps the cache.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refreshKey, fetch]);
  previous.current = { key, cache };
  useEffect(() => {
    cache.activate();
    cache.start();
    return () => cache.dispose();
  }, [cache]);
  useSyncExternalStore(cache.subscribe, () => cache.version);
  return cache;
}
