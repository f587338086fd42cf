// A small "load this and keep it fresh" hook for one-off reads (a record, a summary).
import { useCallback, useEffect, useRef, useState } from "react";

import { toApiError, type ApiError } from "../ipc/api-error";

export type QueryState<T> = {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
};

/**
 * Runs `load` when any of `deps` change (and on `reload`). Answers to superseded runs are
 * dropped, so a slow first answer never overwrites a newer one. `enabled: false` skips the call.
 */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): QueryState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: enabled,
  });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!enabled) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef.current().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error: toApiError(error), loading: false })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
