// Sorting the per-system adoption table. The rows are few (one per system that reports
// adoption) and all on screen, so they are ordered here; money is compared as exact decimal
// text, never as a float. Rows without a figure go last whichever way the column is sorted.
import type { SystemAdoptionRow } from "../../ipc/bindings/SystemAdoptionRow";
import { compareDecimalText } from "../../lib/format";

export type AdoptionColumn =
  | "name"
  | "department"
  | "seats_purchased"
  | "active_users"
  | "utilisation"
  | "activation"
  | "idle_seats"
  | "monthly_cost"
  | "cost_per_active_user"
  | "idle_cost";

export type AdoptionSort = { by: AdoptionColumn; descending: boolean };

export const DEFAULT_ADOPTION_SORT: AdoptionSort = { by: "active_users", descending: true };

type Value = string | number | null;

function valueOf(row: SystemAdoptionRow, column: AdoptionColumn): Value {
  return row[column];
}

const MONEY: ReadonlySet<AdoptionColumn> = new Set(["monthly_cost", "cost_per_active_user", "idle_cost"]);
const TEXT: ReadonlySet<AdoptionColumn> = new Set(["name", "department"]);

function compareValues(a: Value, b: Value, column: AdoptionColumn): number {
  if (MONEY.has(column)) return compareDecimalText(a as string, b as string);
  if (TEXT.has(column)) return String(a).localeCompare(String(b), undefined, { sensitivity: "base", numeric: true });
  return (a as number) - (b as number);
}

export function sortAdoptionRows(rows: SystemAdoptionRow[], sort: AdoptionSort): SystemAdoptionRow[] {
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = valueOf(x, sort.by);
    const b = valueOf(y, sort.by);
    const aMissing = a === null || a === "";
    const bMissing = b === null || b === "";
    if (aMissing || bMissing) return aMissing === bMissing ? x.name.localeCompare(y.name) : aMissing ? 1 : -1;
    return direction * compareValues(a, b, sort.by) || x.name.localeCompare(y.name);
  });
}

/** A click on a column header: the same column flips, another starts with its natural order. */
export function nextSort(current: AdoptionSort, column: AdoptionColumn): AdoptionSort {
  if (current.by === column) return { by: column, descending: !current.descending };
  return { by: column, descending: !TEXT.has(column) };
}
