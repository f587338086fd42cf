import * as api from "../../ipc/commands";
import { useQuery } from "../../lib/use-query";

/** The portfolio's headline counts and renewals due, fetched again whenever data changes. */
export function usePortfolioSummary(refreshKey: unknown) {
  return useQuery(() => api.portfolioSummary(), [refreshKey]);
}
