import type { Contract } from "../../ipc/types";
import { todayIso } from "../../lib/format";

/**
 * A contract still runs while its end date is today or later; a cancel-by date that has passed
 * then still matters (it renews or ends as written), so screens show it as missed.
 */
export function isRunning(contract: Pick<Contract, "end_date">, today: string = todayIso()): boolean {
  return contract.end_date !== null && contract.end_date >= today;
}
