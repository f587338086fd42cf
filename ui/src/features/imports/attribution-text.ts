// Words and small decisions of the Attribution rules section: how a rule reads, what a saved
// change or a move did, how an unattributed value is offered. The figures come from Rust; this
// only dresses them.
import { formatCount, formatMoney } from "../../lib/format";
import type { AttributionApplied, AttributionRule, AttributionRuleDraft, AttributionSource, MoneyTotal, UnattributedValue } from "./api";

/** The field value that makes a rule take every line of its source. */
export const EVERY_LINE = "*";

/** "ResourceGroup = rg-support-bot", or "Every line" for a catch-all rule. */
export function matchText(field: string, value: string): string {
  return field === EVERY_LINE ? "Every line" : `${field} = ${value}`;
}

/** "US$12,340.00" or "US$120.00 + €80.00 amortized": currencies and bases are never added. */
export function spendText(spend: readonly MoneyTotal[]): string {
  if (spend.length === 0) return formatMoney("0", null);
  const bases = new Set(spend.map((s) => s.basis));
  return spend.map((s) => `${formatMoney(s.amount, s.currency)}${bases.size > 1 ? ` ${s.basis}` : ""}`).join(" + ");
}

/** "rg-support-bot — US$12,340.00 unattributed, 12 lines", for the value picker. */
export function valueOptionLabel(value: UnattributedValue): string {
  return `${value.value} — ${spendText(value.spend)} unattributed, ${formatCount(value.lines, "line")}`;
}

/** The unattributed values of one source's column, largest spend first (Rust's order). */
export function valuesFor(values: readonly UnattributedValue[], source: string, field: string): UnattributedValue[] {
  return values.filter((v) => v.source === source && v.field === field);
}

/** The form's text while a rule is written; ids are kept as text until saving. */
export type RuleForm = { source: string; field: string; match_value: string; system_id: string };

export const EMPTY_RULE_FORM: RuleForm = { source: "", field: "", match_value: "", system_id: "" };

export function formOf(rule: AttributionRule): RuleForm {
  return { source: rule.source, field: rule.field, match_value: rule.match_value, system_id: String(rule.system_id) };
}

/** The draft Rust checks; an empty system is sent as 0 so Rust names the field. */
export function draftOf(form: RuleForm): AttributionRuleDraft {
  return {
    source: form.source,
    field: form.field,
    match_value: form.field === EVERY_LINE ? "" : form.match_value,
    system_id: Number(form.system_id) || 0,
  };
}

/** The form after one input changes: a new source clears a column it does not have. */
export function editForm(form: RuleForm, key: keyof RuleForm, value: string, sources: readonly AttributionSource[]): RuleForm {
  const next = { ...form, [key]: value };
  if (key === "source") {
    const fields = sources.find((s) => s.id === value)?.fields ?? [];
    if (next.field !== EVERY_LINE && !fields.includes(next.field)) next.field = "";
    if (next.field !== form.field) next.match_value = "";
  }
  if (key === "field" && value !== form.field) next.match_value = "";
  return next;
}

/** The toast after saving or deleting: what the rules now do with the stored lines. */
export function appliedText(
  verb: "added" | "changed" | "deleted",
  applied: AttributionApplied,
  systemName: string,
): { message: string; detail?: string } {
  const released =
    applied.released > 0 ? `${formatCount(applied.released, "line")} went back to unattributed` : undefined;
  if (verb === "deleted") return { message: "Rule deleted", detail: released ?? "No stored line depended on it" };
  const message = `Rule ${verb}: ${formatCount(applied.lines, "stored line")} ${applied.lines === 1 ? "belongs" : "belong"} to ${systemName}`;
  return released ? { message, detail: released } : { message };
}

/** A move of one place in the order rules are tried. */
export type MoveDirection = "up" | "down";

/** The rule a one-place move swaps with: the one just above or below, or null at that end. */
export function neighbourOf(
  rules: readonly AttributionRule[],
  rule: AttributionRule,
  direction: MoveDirection,
): AttributionRule | null {
  const priority = direction === "up" ? rule.priority - 1 : rule.priority + 1;
  return rules.find((r) => r.priority === priority) ?? null;
}

/** "Move rule 2 up": the button's accessible name, which says which rule it moves. */
export function moveLabel(rule: AttributionRule, direction: MoveDirection): string {
  return `Move rule ${rule.priority} ${direction}`;
}

/** The move button's tip: what a move does, or why there is none at this end. */
export function moveTip(direction: MoveDirection, atEnd: boolean): string {
  if (atEnd) return direction === "up" ? "Tried first already" : "Tried last already";
  return direction === "up" ? "Move up: tried one place earlier" : "Move down: tried one place later";
}

/**
 * The toast after moving a rule one place. Only the two rules that swapped can trade lines, and
 * Rust counts the lines that changed system: moved up, they now go to the moved rule's system;
 * moved down, to the system of the rule it passed.
 */
export function movedText(
  direction: MoveDirection,
  applied: AttributionApplied,
  rule: AttributionRule,
  passed: AttributionRule,
): { message: string; detail?: string } {
  const place = `Rule moved to #${passed.priority}`;
  if (applied.changed === 0) return { message: place, detail: "No stored line changed AI system" };
  const gainer = (direction === "up" ? rule.system_name : passed.system_name) || "the system";
  const verb = applied.changed === 1 ? "goes" : "go";
  return { message: `${place}: ${formatCount(applied.changed, "line")} now ${verb} to ${gainer}` };
}

/** The confirmation question before deleting a rule. */
export function deleteQuestion(rule: AttributionRule): string {
  const tie = `${rule.source_label}: ${matchText(rule.field, rule.match_value)} → ${rule.system_name}`;
  if (rule.lines === 0) return `Delete the rule “${tie}”? It attributes no stored line today.`;
  return `Delete the rule “${tie}”? Its ${formatCount(rule.lines, "line")} go to the next rule that matches them, or back to unattributed.`;
}
