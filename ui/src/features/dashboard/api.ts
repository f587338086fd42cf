import * as api from "../../ipc/commands";
import { useQuery } from "../../lib/use-query";
import { toRequest, type PeriodChoice } from "./period";

/** The portfolio's headline counts and renewals due, fetched again whenever data changes. */
export function usePortfolioSummary(refreshKey: unknown) {
  return useQuery(() => api.portfolioSummary(), [refreshKey]);
}

/** The dashboard's figures for a period, fetched again when the period or the data changes. */
export function useDashboard(choice: PeriodChoice, refreshKey: unknown) {
  return useQuery(() => api.dashboard(toRequest(choice)), [choice.kind, choice.anchor, choice.basis, refreshKey]);
}
