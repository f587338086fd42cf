// Data for the Inventory area: the AI systems of the portfolio.
import * as api from "../../ipc/commands";
import type { Contract, System, SystemDraft } from "../../ipc/types";
import { useQuery } from "../../lib/use-query";

export const listSystems = api.systemList;
export const deleteSystem = api.systemDelete;
export const restoreSystem = api.systemRestore;

export function saveSystem(id: number | null, draft: SystemDraft): Promise<System> {
  return id === null ? api.systemCreate(draft) : api.systemUpdate(id, draft);
}

export function useSystem(id: number, refreshKey: unknown) {
  return useQuery(() => api.systemGet(id), [id, refreshKey]);
}

/** The contracts held with a system's vendor, soonest end first. */
/** The contracts that cover a system, whichever vendor or reseller bills them. */
export function useCoveringContracts(systemId: number, refreshKey: unknown) {
  return useQuery<Contract[]>(
    async () => {
      const page = await api.contractList({
        search: "",
        filters: [{ field: "system_ids", value: String(systemId) }],
        sort_by: "end_date",
        descending: false,
        offset: 0,
        limit: 100,
      });
      return page.rows;
    },
    [systemId, refreshKey],
  );
}
