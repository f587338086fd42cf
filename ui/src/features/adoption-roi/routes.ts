// Addresses inside Adoption & ROI. "#/adoption" is the adoption tab, "#/adoption/value" the
// value tab and "#/adoption/<id>" an initiative's value model. lib/route.ts keeps tabs only
// for Vendors & Contracts, so the value tab's address is read from the hash here.

export type AdoptionTab = "adoption" | "value";

export const VALUE_TAB_HASH = "#/adoption/value";

/** The tab an address shows: the value tab for its own address and for a selected initiative. */
export function adoptionTabOf(hash: string, selectedId: number | null): AdoptionTab {
  if (selectedId !== null) return "value";
  return /^#\/?adoption\/value\/?$/.test(hash) ? "value" : "adoption";
}
