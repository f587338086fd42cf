// Data for the Settings screen's money sections: the exchange-rate table and the budgets, fetched
// again whenever data changes, and the commands that change them and the reporting currency.
import * as api from "../../ipc/commands";
import { useQuery } from "../../lib/use-query";

/** Every rate, pair by pair (from, then to), newest first within a pair. */
export function useFxRates(refreshKey: unknown) {
  return useQuery(() => api.fxRates(), [refreshKey]);
}

/** Every budget, newest period first. */
export function useBudgets(refreshKey: unknown) {
  return useQuery(() => api.budgets(), [refreshKey]);
}

export const setReportingCurrency = api.reportingCurrencySet;
export const setFxRate = api.fxRateSet;
export const deleteFxRate = api.fxRateDelete;
export const setBudget = api.budgetSet;
export const deleteBudget = api.budgetDelete;
