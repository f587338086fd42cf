// Which period a screen shows: the kind (month / quarter / year) and an anchor day inside it.
// Rust decides what the period is and names it; the UI only steps the anchor back and forth.
import type { AnalyticsRequest } from "../../ipc/bindings/AnalyticsRequest";
import type { PeriodKind } from "../../ipc/bindings/PeriodKind";
import type { PeriodView } from "../../ipc/bindings/PeriodView";

export type PeriodChoice = {
  kind: PeriodKind;
  /** A day inside the period; null: the newest month with cost, as Rust chooses. */
  anchor: string | null;
  /** null: the default basis (billed). */
  basis: string | null;
};

export const INITIAL_PERIOD: PeriodChoice = { kind: "quarter", anchor: null, basis: null };

export const PERIOD_KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: "month", label: "Month" },
  { kind: "quarter", label: "Quarter" },
  { kind: "year", label: "Year" },
];

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** "2026-10-01" moved by `months` whole months, as the first of that month. */
export function addMonths(isoDate: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(isoDate);
  if (!match) return isoDate;
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/** The anchor of the period before (-1) or after (+1) the one shown. */
export function stepAnchor(period: Pick<PeriodView, "kind" | "start">, direction: -1 | 1): string {
  return addMonths(period.start, direction * MONTHS[period.kind]);
}

/** Whether the period after the one shown has begun by `today` (no stepping into the future). */
export function canStepForward(period: Pick<PeriodView, "kind" | "start">, today: string): boolean {
  return stepAnchor(period, 1) <= today;
}

export function toRequest(choice: PeriodChoice): AnalyticsRequest {
  return { period: choice.kind, anchor: choice.anchor, basis: choice.basis };
}

/** How a cost basis reads in the picker: "billed" → "Billed". */
export function basisLabel(basis: string): string {
  const text = basis.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
