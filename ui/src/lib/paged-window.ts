// A cache of fixed-size pages of one list query, for a virtualised table.
//
// The table tells the cache which rows are on screen (`ensure`); the cache fetches the pages
// covering them that it does not hold yet, at most once each, and forgets the pages farthest
// from the screen when it holds too many. One cache serves one query: when the search, filters
// or sort change, the caller throws the cache away (`dispose`) and makes a new one, so a late
// answer to an old query can never land in the new table.
import type { ApiError } from "../ipc/api-error";
import { toApiError } from "../ipc/api-error";

export type PageAnswer<T> = { rows: T[]; total: number; offset: number };
export type FetchPage<T> = (offset: number, limit: number) => Promise<PageAnswer<T>>;

/** Offsets of the pages that hold rows `first..=last`, clipped to `total` when it is known. */
export function pageOffsetsForRange(first: number, last: number, pageSize: number, total: number | null): number[] {
  if (pageSize <= 0) throw new Error("page size must be positive");
  const upper = total === null ? last : Math.min(last, total - 1);
  const lower = Math.max(0, first);
  if (upper < lower) return total === null ? [Math.floor(lower / pageSize) * pageSize] : [];
  const offsets: number[] = [];
  for (let page = Math.floor(lower / pageSize); page * pageSize <= upper; page += 1) {
    offsets.push(page * pageSize);
  }
  return offsets;
}

export class PagedWindow<T> {
  readonly pageSize: number;
  readonly maxPages: number;
  private readonly fetchPage: FetchPage<T>;
  private readonly pages = new Map<number, T[]>();
  private readonly inflight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private lastRange: [number, number] = [0, 0];
  private disposed = false;
  private _total: number | null = null;
  private _error: ApiError | null = null;
  private _version = 0;

  private fallback: PagedWindow<T> | null;

  /**
   * `fallback` is the cache this one replaces when the same query is fetched again (after an
   * edit): its rows stay on screen until the fresh pages arrive, so the table does not blink
   * or lose its scroll position. Never pass the cache of a different query.
   */
  constructor(fetchPage: FetchPage<T>, pageSize = 200, maxPages = 25, fallback: PagedWindow<T> | null = null) {
    this.fetchPage = fetchPage;
    this.pageSize = pageSize;
    this.maxPages = Math.max(2, maxPages);
    this.fallback = fallback && fallback.pageSize === pageSize ? fallback : null;
    if (this.fallback) {
      this.fallback.fallback = null;
      this.lastRange = this.fallback.lastRange;
    }
  }

  /** Rows matching the query in all, once the first page has answered. */
  get total(): number | null {
    return this._total ?? this.fallback?._total ?? null;
  }

  get error(): ApiError | null {
    return this._error;
  }

  /** Whether a page is being fetched. */
  get loading(): boolean {
    return this.inflight.size > 0;
  }

  /** Changes each time the cache changes; for `useSyncExternalStore`. */
  get version(): number {
    return this._version;
  }

  /** How many pages the cache holds now (for tests and diagnostics). */
  get pageCount(): number {
    return this.pages.size;
  }

  rowAt(index: number): T | undefined {
    const offset = Math.floor(index / this.pageSize) * this.pageSize;
    const page = this.pages.get(offset);
    if (page) return page[index - offset];
    return this.fallback?.rowAt(index);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Makes sure rows `first..=last` are loaded or on their way. */
  ensure(first: number, last: number): void {
    if (this.disposed) return;
    this.lastRange = [first, last];
    if (this._error) return;
    for (const offset of pageOffsetsForRange(first, last, this.pageSize, this._total)) {
      if (!this.pages.has(offset) && !this.inflight.has(offset)) void this.load(offset);
    }
  }

  /** Fetches whatever was last asked for (the first rows, for a new cache). */
  start(): void {
    this.ensure(...this.lastRange);
  }

  /** Forgets a failure and fetches the last requested rows again. */
  retry(): void {
    this._error = null;
    this.changed();
    this.ensure(...this.lastRange);
  }

  /** Stops all further updates; answers arriving meanwhile are dropped. */
  dispose(): void {
    this.disposed = true;
  }

  /** Undoes `dispose` (React may unmount and remount the same table in development). */
  activate(): void {
    this.disposed = false;
  }

  private async load(offset: number): Promise<void> {
    this.inflight.add(offset);
    this.changed();
    try {
      const answer = await this.fetchPage(offset, this.pageSize);
      if (this.disposed) return;
      this.pages.set(offset, answer.rows);
      this._total = answer.total;
      this.evict();
    } catch (error) {
      if (this.disposed) return;
      this._error = toApiError(error);
    } finally {
      this.inflight.delete(offset);
    }
    if (this.fallback && this.holdsRange()) this.fallback = null;
    this.changed();
    // The total may have arrived with this page; rows asked for before it was known may
    // need pages the first pass clipped away.
    if (!this._error) this.ensure(...this.lastRange);
  }

  private holdsRange(): boolean {
    return pageOffsetsForRange(...this.lastRange, this.pageSize, this._total).every((o) => this.pages.has(o));
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const centre = (this.lastRange[0] + this.lastRange[1]) / 2;
    const byDistance = [...this.pages.keys()].sort(
      (a, b) => Math.abs(b + this.pageSize / 2 - centre) - Math.abs(a + this.pageSize / 2 - centre),
    );
    for (const offset of byDistance.slice(0, this.pages.size - this.maxPages)) this.pages.delete(offset);
  }

  private changed(): void {
    this._version += 1;
    for (const listener of this.listeners) listener();
  }
}
