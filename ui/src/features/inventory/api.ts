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
export function useVendorContracts(vendorId: number | null, refreshKey: unknown) {
  return useQuery<Contract[]>(
    async () => {
      if (vendorId === null) return [];
      const page = await api.contractList({
        search: "",
        filters: [{ field: "vendor_id", value: String(vendorId) }],
        sort_by: "end_date",
        descending: false,
        offset: 0,
        limit: 100,
      });
      return page.rows;
    },
    [vendorId, refreshKey],
  );
}
