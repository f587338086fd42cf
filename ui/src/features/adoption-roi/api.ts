import * as api from "../../ipc/commands";
import { useQuery } from "../../lib/use-query";
import { toRequest, type PeriodChoice } from "../dashboard/period";

export type { AdoptionView } from "../../ipc/bindings/AdoptionView";
export type { AssumptionDraft } from "../../ipc/bindings/AssumptionDraft";
export type { InitiativeValue } from "../../ipc/bindings/InitiativeValue";
export type { InitiativeValueRow } from "../../ipc/bindings/InitiativeValueRow";
export type { ValueOverview } from "../../ipc/bindings/ValueOverview";

/** Adoption per system and department for a period, fetched again when data changes. */
export function useAdoptionView(choice: PeriodChoice, refreshKey: unknown) {
  return useQuery(() => api.adoptionView(toRequest(choice)), [choice.kind, choice.anchor, choice.basis, refreshKey]);
}

/** Every initiative's value and the portfolio's ROI. */
export function useValueOverview(refreshKey: unknown) {
  return useQuery(() => api.valueOverview(), [refreshKey]);
}

/** One initiative's value model and what it yields, as saved. */
export function useInitiativeValue(id: number, refreshKey: unknown) {
  return useQuery(() => api.initiativeValue(id), [id, refreshKey]);
}

export const previewValueModel = api.valueModelPreview;
export const saveValueModel = api.valueModelSave;
