// Data for the Vendors & Contracts area.
import * as api from "../../ipc/commands";
import type { Contract, ContractDraft, ListRequest, System, Vendor, VendorDraft } from "../../ipc/types";
import { useQuery } from "../../lib/use-query";

export const listVendors = api.vendorList;
export const deleteVendor = api.vendorDelete;
export const restoreVendor = api.vendorRestore;
export const listContracts = api.contractList;
export const deleteContract = api.contractDelete;
export const restoreContract = api.contractRestore;

export function saveVendor(id: number | null, draft: VendorDraft): Promise<Vendor> {
  return id === null ? api.vendorCreate(draft) : api.vendorUpdate(id, draft);
}

export function saveContract(id: number | null, draft: ContractDraft): Promise<Contract> {
  return id === null ? api.contractCreate(draft) : api.contractUpdate(id, draft);
}

export function useVendor(id: number, refreshKey: unknown) {
  return useQuery(() => api.vendorGet(id), [id, refreshKey]);
}

export function useContract(id: number, refreshKey: unknown) {
  return useQuery(() => api.contractGet(id), [id, refreshKey]);
}

/** The most vendors a picker lists; portfolios hold far fewer. */
export const VENDOR_PICKER_LIMIT = 1000;

function byVendor(vendorId: number, sortBy: string, limit: number): ListRequest {
  return {
    search: "",
    filters: [{ field: "vendor_id", value: String(vendorId) }],
    sort_by: sortBy,
    descending: false,
    offset: 0,
    limit,
  };
}

/** Every vendor by name, for the vendor picker of a form. */
export function useVendorChoices(refreshKey: unknown) {
  return useQuery(
    () =>
      api.vendorList({ search: "", filters: [], sort_by: "name", descending: false, offset: 0, limit: VENDOR_PICKER_LIMIT }),
    [refreshKey],
  );
}

/** A vendor's systems and contracts, for its detail view. */
export function useVendorSystems(vendorId: number, refreshKey: unknown) {
  return useQuery(() => api.systemList(byVendor(vendorId, "name", 100)), [vendorId, refreshKey]);
}

export function useVendorContractList(vendorId: number, refreshKey: unknown) {
  return useQuery(() => api.contractList(byVendor(vendorId, "end_date", 100)), [vendorId, refreshKey]);
}

/** The systems a contract covers, by id (at most `limit` of them, in the order given). */
export function useSystemsById(ids: readonly number[], refreshKey: unknown, limit = 50) {
  const wanted = ids.slice(0, limit);
  return useQuery(
    async () => {
      const answers = await Promise.allSettled(wanted.map((id) => api.systemGet(id)));
      return answers.map((answer, i) =>
        answer.status === "fulfilled" ? answer.value : ({ id: wanted[i], missing: true } as const),
      );
    },
    [wanted.join(","), refreshKey],
  );
}

export type SystemOrMissing = System | { id: number; missing: true };

/** Systems matching typed text, for the covered-systems picker. */
export function useSystemSearch(search: string, refreshKey: unknown) {
  return useQuery(
    () => api.systemList({ search, filters: [], sort_by: "name", descending: false, offset: 0, limit: 30 }),
    [search, refreshKey],
  );
}
