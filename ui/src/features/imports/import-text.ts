// The words and figures of the Imports screen: how a report, a batch and their money read.
// Rust decides every figure; this only dresses them for people, and never adds money across
// currencies or bases.
import type { ApiError } from "../../ipc/api-error";
import type { ImportBatch, ImportProgress, ImportReport, MappingTarget, MoneyTotal } from "./api";
import { errorAdvice, errorTitle } from "../../lib/error-text";
import { HOME, routeHash } from "../../lib/route";
import { VALUE_TAB_HASH } from "../adoption-roi/routes";
import { formatCount, formatDecimal, formatMoney, formatMoneyExact, formatNumber, formatShortDay } from "../../lib/format";

/** What the file picker takes, in the words the wizard uses. */
export const ACCEPTED_KINDS = [
  "CSV or TSV text files",
  "Excel workbooks (.xlsx, .xls)",
  "OpenDocument spreadsheets (.ods)",
  "JSON records (.json), such as a BigQuery billing extract",
  "Zip or gzip archives (.zip, .gz) of CSV parts",
  "The CSV parts of one export, chosen or dropped together",
];

/** The cost bases a cost export can be read in, in the order the wizard offers them. */
export const BASES: { value: string; label: string }[] = [
  { value: "billed", label: "Billed" },
  { value: "amortized", label: "Amortized" },
  { value: "list", label: "List price" },
  { value: "effective", label: "Effective" },
];

/** What a user-mapped sheet can become, as the wizard names it; `one` counts a record. */
export const TARGETS = [
  { value: "systems", label: "AI systems", one: "AI system", example: "Our AI inventory" },
  { value: "vendors", label: "Vendors", one: "vendor", example: "Vendor register" },
  { value: "contracts", label: "Contracts", one: "contract", example: "Finance contract list" },
  { value: "initiatives", label: "Initiatives", one: "initiative", example: "Initiative tracker" },
  { value: "kpis", label: "KPI values", one: "KPI value", example: "Monthly KPI sheet" },
  { value: "fx_rates", label: "Exchange rates", one: "exchange rate", example: "Finance FX rates" },
  { value: "cost_lines", label: "Cost lines", one: "cost line", example: "Finance's AI cost tracker" },
  { value: "budgets", label: "Budgets", one: "budget", example: "AI budget by department" },
  {
    value: "value_assumptions",
    label: "Value model assumptions",
    one: "value assumption",
    example: "Business case assumptions",
  },
  { value: "stage_decisions", label: "Stage gate decisions", one: "stage decision", example: "Stage gate log" },
  { value: "risks", label: "Risks", one: "risk", example: "AI risk register" },
  { value: "reviews", label: "Reviews", one: "review", example: "DPIA and review tracker" },
  { value: "incidents", label: "Incidents", one: "incident", example: "AI incident log" },
] as const satisfies readonly { value: MappingTarget; label: string; one: string; example: string }[];

// Every target the Rust side knows has its words above: a missing one fails the type check.
type UnnamedTarget = Exclude<MappingTarget, (typeof TARGETS)[number]["value"]>;
const everyTargetNamed: [UnnamedTarget] extends [never] ? true : UnnamedTarget = true;
void everyTargetNamed;

function targetOf(target: MappingTarget | string) {
  return TARGETS.find((t) => t.value === target);
}

/** "systems" → "AI systems". */
export function targetLabel(target: MappingTarget | string): string {
  return targetOf(target)?.label ?? target;
}

/** "12 AI systems", "1 KPI value". */
export function recordCount(count: number, target: MappingTarget): string {
  return formatCount(count, targetOf(target)?.one ?? "record");
}

const KIND_HINTS: Record<string, { hint: string; example: string }> = {
  text: { hint: "", example: "" },
  choice: { hint: "", example: "" },
  date: { hint: "A date", example: "2026-04-25" },
  month: { hint: "A month (2026-04) or a date", example: "2026-04" },
  money: { hint: "An amount", example: "12000" },
  number: { hint: "A number", example: "0" },
  whole: { hint: "A whole number", example: "0" },
  yes_no: { hint: "Yes or no", example: "" },
  currency: { hint: "A currency code (EUR, USD)", example: "EUR" },
  vendor: { hint: "A vendor by name; added when missing", example: "Vendor name" },
  system: { hint: "An AI system by code or name", example: "Code or name" },
  systems: { hint: "AI systems by code or name, separated by ;", example: "AIS-001; AIS-002" },
  initiative: { hint: "An initiative by code or name", example: "Code or name" },
};

/** What a target field holds, under its label: "A date", "A vendor by name; added when missing". */
export function fieldKindHint(kind: string): string {
  return KIND_HINTS[kind]?.hint ?? "";
}

/** The placeholder of a field's "same value for every row" input. */
export function valueExample(kind: string): string {
  return KIND_HINTS[kind]?.example ?? "";
}

/** Batches of a user-mapped sheet are stored with the format `mapped:<target>`. */
export function isMappedFormat(format: string): boolean {
  return format.startsWith("mapped:");
}

/** The name of a batch's format; the demo's own files have no preset name. */
export function formatLabel(formatName: string | null, format: string): string {
  if (formatName) return formatName;
  if (format === "steward-demo") return "Demo portfolio data";
  if (isMappedFormat(format)) return `Your sheet: ${targetLabel(format.slice("mapped:".length))}`;
  return format || "Unknown format";
}

/** "billed" → "Billed"; an unknown basis shows as stored. */
export function basisLabel(basis: string): string {
  return BASES.find((b) => b.value === basis)?.label ?? basis;
}

const METRICS: Record<string, string> = {
  active_users: "Active users",
  seats_assigned: "Seats assigned",
  messages: "Messages",
  requests: "Requests",
  input_tokens: "Input tokens",
  output_tokens: "Output tokens",
  prompts: "Prompts",
};

/** "active_users" → "Active users"; a metric this list lacks reads as its words. */
export function metricLabel(metric: string): string {
  const known = METRICS[metric];
  if (known) return known;
  return sentence(metric.replace(/[_-]+/g, " ").trim());
}

/**
 * Rust's messages start in lower case (they are written to be embedded); a sentence does not.
 * Only a plain first word is capitalised: a message that opens with a file name
 * ("png-renamed.csv: …") keeps the name exactly as it is.
 */
export function sentence(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? "";
  if (!/^[a-z]+[,;:]?$/.test(first)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `amount` is rounded to the currency's minor unit; `exact` keeps every decimal (for a tooltip). */
/**
 * A message from Rust as a sentence on screen. Some are shared with the command line and name
 * its options ("choose a preset (--preset)"); those asides mean nothing here and are left out.
 */
export function forScreen(message: string): string {
  return sentence(message.replace(/\s*\(--[a-z-]+\)/g, "").trim());
}

export type MoneyLine = { key: string; amount: string; exact: string; basis: string; currency: string };

/**
 * One line per currency and basis, in a stable order (currency, then basis), each in its own
 * currency. Amounts of different currencies or bases are never added together.
 */
export function moneyLines(totals: readonly MoneyTotal[]): MoneyLine[] {
  return [...totals]
    .sort((a, b) => a.currency.localeCompare(b.currency) || a.basis.localeCompare(b.basis))
    .map((t) => ({
      key: `${t.currency}|${t.basis}`,
      amount: formatMoney(t.amount, t.currency),
      exact: formatMoneyExact(t.amount, t.currency),
      basis: basisLabel(t.basis),
      currency: t.currency.toUpperCase(),
    }));
}

/** The one basis every total shares, if they share one (for the "Cost basis" choice). */
export function sharedBasis(report: Pick<ImportReport, "totals" | "preview">): string | null {
  const bases = new Set([...report.totals.map((t) => t.basis), ...report.preview.map((p) => p.basis)]);
  return bases.size === 1 ? [...bases][0] : null;
}

/**
 * Whether committing would change anything. A preview that would change something carries the
 * batch id it rehearsed; the counts are checked too, so a restated file that only replaces
 * earlier lines still counts.
 */
export function canCommit(report: ImportReport): boolean {
  if (report.problem) return false;
  return report.batch_id !== null || report.rows_imported > 0 || report.rows_replaced > 0;
}

/**
 * The warnings the review lists. "Nothing changed" is left out: before an import nothing has
 * changed yet, and the review says in its own words that there is nothing to import.
 */
export function reviewWarnings(report: Pick<ImportReport, "warnings">): string[] {
  return report.warnings
    .filter((w) => !/^nothing changed\b/i.test(w))
    .map((w) => w.replace(/^new vendors were added:/, "new vendors will be added:"));
}

/**
 * The warnings the Done step lists: what the import replaced and why (another export of the same
 * money), what it kept back, what it added. "Nothing changed" is the Done step's own headline.
 */
export function doneWarnings(report: Pick<ImportReport, "warnings">): string[] {
  return report.warnings.filter((w) => !/^nothing changed\b/i.test(w));
}

/** How many part names the review lists before it counts the rest. */
const PARTS_SHOWN = 10;

/**
 * The parts an import reads as one export, in Rust's reading order (the line above it already
 * says how many): "Read in this order: part_0_0001.csv, part_0_0002.csv, part_0_0003.csv".
 * Null for a single file.
 */
export function partsText(parts: readonly string[]): string | null {
  if (parts.length < 2) return null;
  const shown = parts.slice(0, PARTS_SHOWN).join(", ");
  const rest = parts.length - PARTS_SHOWN;
  return `Read in this order: ${shown}${rest > 0 ? ` and ${formatCount(rest, "more part")}` : ""}`;
}

/** The label of the wizard's import button: "Import 50 rows". */
export function commitLabel(report: ImportReport): string {
  if (report.problem) return "Nothing to import";
  if (report.rows_imported > 0) return `Import ${formatCount(report.rows_imported, "row")}`;
  if (report.rows_replaced > 0) return `Import and replace ${formatCount(report.rows_replaced, "line")}`;
  return "Nothing to import";
}

/** The first sentence of the Done step. */
export function doneHeadline(report: ImportReport): string {
  if (report.batch_id === null) return `Nothing changed: every row of ${report.file} is already in the portfolio.`;
  if (report.target) {
    return `Created ${recordCount(report.records_created, report.target)} and updated ${formatNumber(report.records_updated)} from ${report.file} (import #${report.batch_id}).`;
  }
  return `Imported ${formatCount(report.rows_imported, "row")} from ${report.file} as import #${report.batch_id}.`;
}

/**
 * What the Done step says of the mapping: one saved by this import is used again for a file
 * with the same columns; one saved earlier was used for this file.
 */
/** A place in the app where what an import changed can be seen: the link's words and address. */
export type DoneLink = { label: string; hash: string; testId: string };

const SEE: Record<MappingTarget, DoneLink> = {
  systems: { label: "Open the Inventory", hash: routeHash({ area: "inventory", tab: null, id: null }), testId: "inventory" },
  vendors: { label: "Open Vendors", hash: routeHash({ area: "vendors", tab: "vendors", id: null }), testId: "vendors" },
  contracts: {
    label: "Open Contracts",
    hash: routeHash({ area: "vendors", tab: "contracts", id: null }),
    testId: "contracts",
  },
  initiatives: { label: "Open Value & ROI", hash: VALUE_TAB_HASH, testId: "value" },
  kpis: { label: "Open Adoption & ROI", hash: routeHash({ area: "adoption", tab: null, id: null }), testId: "adoption" },
  fx_rates: { label: "Open Settings", hash: routeHash({ area: "settings", tab: null, id: null }), testId: "settings" },
  cost_lines: { label: "Open the Dashboard", hash: routeHash(HOME), testId: "dashboard" },
  budgets: { label: "Open Settings", hash: routeHash({ area: "settings", tab: null, id: null }), testId: "settings" },
  value_assumptions: { label: "Open Value & ROI", hash: VALUE_TAB_HASH, testId: "value" },
  stage_decisions: { label: "Open the Dashboard", hash: routeHash(HOME), testId: "dashboard" },
  risks: { label: "Open the Dashboard", hash: routeHash(HOME), testId: "dashboard" },
  reviews: { label: "Open the Dashboard", hash: routeHash(HOME), testId: "dashboard" },
  incidents: { label: "Open the Dashboard", hash: routeHash(HOME), testId: "dashboard" },
};

/**
 * Where to look at what a committed import changed: the screen of the records a sheet of one's
 * own made; for a vendor export, the Dashboard for its money and Adoption & ROI for its usage.
 */
export function doneLinks(report: ImportReport): DoneLink[] {
  if (report.batch_id === null || !report.committed) return [];
  if (report.target) return [SEE[report.target]];
  const links: DoneLink[] = [];
  if (report.rows_imported > 0 && report.totals.length > 0) links.push(SEE.cost_lines);
  if (report.observations.length > 0) links.push(SEE.kpis);
  return links;
}

/**
 * Where the records of a governance sheet show, while the screens that list them are not built:
 * `null` for the targets whose own screens exist.
 */
export function whereItShows(target: MappingTarget | null): string | null {
  switch (target) {
    case "risks":
      return "Risks count on the Dashboard's risk tiles and heatmap; the Governance screen that lists them is not built yet.";
    case "reviews":
      return "Open reviews past their due date count as overdue on the Dashboard; the Governance screen that lists them is not built yet.";
    case "incidents":
      return "Open incidents count on the Dashboard; the Governance screen that lists them is not built yet.";
    case "stage_decisions":
      return "Each initiative's time in its stage now starts at the decision that moved it there; the Pipeline screen that shows the history is not built yet.";
    default:
      return null;
  }
}

export function mappingNote(report: Pick<ImportReport, "mapping_name">, savedNow: boolean): string | null {
  if (!report.mapping_name) return null;
  if (savedNow) return `The mapping "${report.mapping_name}" will be used next time.`;
  return `Read with your saved mapping "${report.mapping_name}".`;
}

/** "50 rows read · 3 skipped · 2 unchanged": the counts that are not zero, for a summary line. */
export function countsText(counts: {
  rows_read: number;
  rows_imported: number;
  rows_unchanged: number;
  rows_skipped: number;
  rows_replaced: number;
}): string {
  const parts = [`${formatCount(counts.rows_read, "row")} read`, `${formatNumber(counts.rows_imported)} imported`];
  if (counts.rows_unchanged > 0) parts.push(`${formatNumber(counts.rows_unchanged)} unchanged`);
  if (counts.rows_skipped > 0) parts.push(`${formatNumber(counts.rows_skipped)} skipped`);
  if (counts.rows_replaced > 0) parts.push(`${formatCount(counts.rows_replaced, "earlier line")} replaced`);
  return parts.join(" · ");
}

/** "Showing the first 1,000 of 2,400 issues", when the list is cut. */
export function issuesShownText(shown: number, total: number): string | null {
  if (total <= shown) return null;
  return `Showing the first ${formatNumber(shown)} of ${formatCount(total, "issue")}.`;
}

/** Why rows were skipped, in words: the engine's reason kinds, or a preset's own reason. */
export function skipReasonText(reason: string): string {
  if (reason === "row issue") return "a value could not be read (listed under Issues)";
  if (reason === "summary row") return "a summary or total line, not a charge";
  return reason;
}

/** The question asked before an import is undone. */
export function undoQuestion(batch: Pick<ImportBatch, "id" | "file_name" | "format">): string {
  if (isMappedFormat(batch.format)) {
    return `Undo import #${batch.id} of ${batch.file_name}? The records it created are removed and those it changed are restored.`;
  }
  return `Undo import #${batch.id} of ${batch.file_name}? Its lines are removed and the lines it replaced come back.`;
}

/** The toast's second line after an undo: "12 lines removed · 3 earlier lines back". */
export function undoneDetail(batch: Pick<ImportBatch, "format">, removed: number, restored: number): string {
  if (isMappedFormat(batch.format)) return `${formatCount(removed, "record")} removed · ${formatNumber(restored)} restored`;
  return `${formatCount(removed, "line")} removed · ${formatCount(restored, "earlier line")} back`;
}

/** "Undone 23 Nov" for a batch that was undone. */
export function undoneText(undoneAt: string, now: Date = new Date(), timeZone?: string): string {
  return `Undone ${formatShortDay(undoneAt, now, undefined, timeZone)}`;
}

/** What the progress line says while a file is read or imported. */
export function progressText(phase: "preview" | "commit", file: string, progress: ImportProgress | null): string {
  const verb = phase === "preview" ? "Reading" : "Importing";
  if (!progress || progress.rows === 0) return `${verb} ${file}…`;
  const percent = Math.round(Math.min(1, Math.max(0, progress.fraction)) * 100);
  return `${verb} ${file}… ${formatCount(progress.rows, "row")} so far (${percent}%)`;
}

/** The exact value of an observation total: "12,345.5". */
export const observationValue = formatDecimal;

/**
 * How a failed read is shown. A file Steward cannot read is not a broken portfolio: its
 * message already names the file and says what to do, so no generic advice is added.
 */
export function importErrorText(error: ApiError): { title: string; message: string; advice: string | null } {
  if (error.code === "file_unusable") {
    return { title: "This file can't be imported", message: sentence(error.message), advice: null };
  }
  const title = errorTitle(error);
  return { title, message: error.message === title ? "" : sentence(error.message), advice: errorAdvice(error) };
}

/** Whether a rejected preview or import is the cancel the user asked for. */
export function isCancelled(error: ApiError, cancelRequested: boolean): boolean {
  return cancelRequested || /cancelled; nothing was written/.test(error.message);
}
