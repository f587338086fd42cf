// The catalog of every enumeration's choices and labels, fetched once from Rust. Screens show
// an enum value only through `label`, so the words match exports and reports.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";

import type { ApiError } from "../../ipc/api-error";
import * as api from "../../ipc/commands";
import type { Catalog, EnumOption } from "../../ipc/types";
import { useQuery } from "../../lib/use-query";

export type CatalogKind = keyof Catalog;

type CatalogState = {
  catalog: Catalog | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  options: (kind: CatalogKind) => EnumOption[];
  label: (kind: CatalogKind, value: string | null | undefined) => string;
};

const CatalogContext = createContext<CatalogState | null>(null);

export function useCatalog(): CatalogState {
  const state = useContext(CatalogContext);
  if (!state) throw new Error("useCatalog needs a <CatalogProvider> above it");
  return state;
}

/** Loads the catalog once `enabled` (the shell answered); it is the same for every portfolio. */
export function CatalogProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const query = useQuery(() => api.catalog(), [], enabled);
  const catalog = query.data ?? null;

  const options = useCallback((kind: CatalogKind) => catalog?.[kind] ?? [], [catalog]);
  const label = useCallback(
    (kind: CatalogKind, value: string | null | undefined) => {
      if (value === null || value === undefined || value === "") return "";
      // Until the catalog arrives (or for a value it does not know) the stored value is shown
      // as is rather than hiding data.
      return catalog?.[kind].find((o) => o.value === value)?.label ?? value;
    },
    [catalog],
  );

  const value = useMemo(
    () => ({ catalog, error: query.error, loading: query.loading, reload: query.reload, options, label }),
    [catalog, query.error, query.loading, query.reload, options, label],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}
