// The budget form and table: what the inputs hold (always text) and the `BudgetEntry` Rust
// expects, and the table's grouping by period. Rust checks the scope, the department, the order of
// the dates, the amount and the currency (budget_set answers with field errors); the only check
// here is that both days were chosen, because a missing day cannot even be sent.
import type { ApiError, FieldError } from "../../ipc/api-error";
import type { BudgetEntry } from "../../ipc/bindings/BudgetEntry";
import { formatDateRange, parseIsoDate } from "../../lib/format";
import { normalizeCode } from "./currency";

export type { BudgetEntry };

export type BudgetDraft = {
  scope_type: string;
  scope_value: string;
  period_start: string;
  period_end: string;
  amount: string;
  currency: string;
  note: string;
};

/** The form's fields in the order they appear on screen (the first with an error gets focus). */
export const BUDGET_FIELDS = ["scope_type", "scope_value", "amount", "currency", "period_start", "period_end", "note"] as const;

export const SCOPE_OPTIONS = [
  { value: "portfolio", label: "Whole portfolio" },
  { value: "department", label: "One department" },
];

/** A new budget: a department's, for the calendar year of `today`, in the reporting currency. */
export function newBudgetDraft(reporting: string | null | undefined, today: string): BudgetDraft {
  const year = today.slice(0, 4);
  return {
    scope_type: "department",
    scope_value: "",
    period_start: `${year}-01-01`,
    period_end: `${year}-12-31`,
    amount: "",
    currency: reporting ?? "",
    note: "",
  };
}

export function budgetDraftOf(entry: BudgetEntry): BudgetDraft {
  return {
    scope_type: entry.scope_type,
    scope_value: entry.scope_value,
    period_start: entry.period_start,
    period_end: entry.period_end,
    amount: entry.amount,
    currency: entry.currency,
    note: entry.note,
  };
}

export function toBudgetEntry(draft: BudgetDraft): { entry: BudgetEntry } | { error: ApiError } {
  const missing: FieldError[] = [];
  if (parseIsoDate(draft.period_start) === null) missing.push({ field: "period_start", message: "Choose the first day of the budget" });
  if (parseIsoDate(draft.period_end) === null) missing.push({ field: "period_end", message: "Choose the last day of the budget" });
  if (missing.length > 0) return { error: { code: "validation", message: "The budget needs its period", fields: missing } };
  const portfolio = draft.scope_type === "portfolio";
  return {
    entry: {
      id: null,
      scope_type: draft.scope_type,
      // A portfolio budget has no department, whatever the hidden box still holds.
      scope_value: portfolio ? "" : draft.scope_value.trim(),
      period_start: draft.period_start.trim(),
      period_end: draft.period_end.trim(),
      amount: draft.amount.trim(),
      currency: normalizeCode(draft.currency),
      note: draft.note.trim(),
    },
  };
}

/** A budget is stored once per scope and dates: saving the same ones replaces it. */
export function budgetKey(entry: Pick<BudgetEntry, "scope_type" | "scope_value" | "period_start" | "period_end">): string {
  return [entry.scope_type, entry.scope_value, entry.period_start, entry.period_end].join("|");
}

/** What a budget is for, as the table says it. */
export function scopeLabel(entry: Pick<BudgetEntry, "scope_type" | "scope_value">): string {
  return entry.scope_type === "portfolio" ? "Whole portfolio" : entry.scope_value;
}

/** A calendar year reads as "2026"; any other period as its dates ("1 Apr 2026 – 31 Mar 2027"). */
export function periodLabel(start: string, end: string): string {
  const year = start.slice(0, 4);
  if (start === `${year}-01-01` && end === `${year}-12-31`) return year;
  return formatDateRange(start, end);
}

export type BudgetGroup = { key: string; start: string; end: string; label: string; budgets: BudgetEntry[] };

/**
 * The budgets by period, in the order Rust listed them (newest period first). Within a period the
 * whole-portfolio budget leads, as the line the department budgets add up under; the others keep
 * Rust's order.
 */
export function groupBudgetsByPeriod(budgets: readonly BudgetEntry[]): BudgetGroup[] {
  const groups = new Map<string, BudgetGroup>();
  for (const budget of budgets) {
    const key = `${budget.period_start}|${budget.period_end}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, start: budget.period_start, end: budget.period_end, label: periodLabel(budget.period_start, budget.period_end), budgets: [] };
      groups.set(key, group);
    }
    group.budgets.push(budget);
  }
  return [...groups.values()].map((group) => ({
    ...group,
    budgets: [
      ...group.budgets.filter((b) => b.scope_type === "portfolio"),
      ...group.budgets.filter((b) => b.scope_type !== "portfolio"),
    ],
  }));
}

/** Department names already used by budgets, for the department box's suggestions. */
export function knownDepartments(budgets: readonly BudgetEntry[]): string[] {
  const names = new Set(budgets.filter((b) => b.scope_type === "department" && b.scope_value).map((b) => b.scope_value));
  return [...names].sort((a, b) => a.localeCompare(b));
}
