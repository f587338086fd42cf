// The typed edge between the UI and Steward's Rust core: one function per Tauri command.
//
// This folder is the only place that imports `@tauri-apps/*`; screens call these functions and
// never `invoke` directly. Every function rejects with an `ApiError`, whatever went wrong.
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";

import { shellMissingError, toApiError } from "./api-error";
import type { AdoptionView } from "./bindings/AdoptionView";
import type { AnalyticsRequest } from "./bindings/AnalyticsRequest";
import type { AssumptionDraft } from "./bindings/AssumptionDraft";
import type { AttributionApplied } from "./bindings/AttributionApplied";
import type { AttributionRule } from "./bindings/AttributionRule";
import type { AttributionRuleDraft } from "./bindings/AttributionRuleDraft";
import type { AttributionRuleId } from "./bindings/AttributionRuleId";
import type { AttributionSource } from "./bindings/AttributionSource";
import type { AuditEvent } from "./bindings/AuditEvent";
import type { BudgetEntry } from "./bindings/BudgetEntry";
import type { Catalog } from "./bindings/Catalog";
import type { ChartFormat } from "./bindings/ChartFormat";
import type { ChartRequest } from "./bindings/ChartRequest";
import type { Contract } from "./bindings/Contract";
import type { ContractDraft } from "./bindings/ContractDraft";
import type { ContractId } from "./bindings/ContractId";
import type { Dashboard } from "./bindings/Dashboard";
import type { DemoLoadReport } from "./bindings/DemoLoadReport";
import type { FxRateEntry } from "./bindings/FxRateEntry";
import type { ImportBatch } from "./bindings/ImportBatch";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportReport } from "./bindings/ImportReport";
import type { ImportRequest } from "./bindings/ImportRequest";
import type { Initiative } from "./bindings/Initiative";
import type { InitiativeDraft } from "./bindings/InitiativeDraft";
import type { InitiativeId } from "./bindings/InitiativeId";
import type { InitiativeValue } from "./bindings/InitiativeValue";
import type { ListRequest } from "./bindings/ListRequest";
import type { Page } from "./bindings/Page";
import type { PortfolioInfo } from "./bindings/PortfolioInfo";
import type { PortfolioSummary } from "./bindings/PortfolioSummary";
import type { PresetInfo } from "./bindings/PresetInfo";
import type { SessionState } from "./bindings/SessionState";
import type { System } from "./bindings/System";
import type { SystemDraft } from "./bindings/SystemDraft";
import type { SystemId } from "./bindings/SystemId";
import type { UnattributedValue } from "./bindings/UnattributedValue";
import type { UndoReport } from "./bindings/UndoReport";
import type { ValueOverview } from "./bindings/ValueOverview";
import type { Vendor } from "./bindings/Vendor";
import type { VendorDraft } from "./bindings/VendorDraft";
import type { VendorId } from "./bindings/VendorId";

/** The entity names the audit trail uses. */
export type EntityType = "system" | "vendor" | "contract" | "initiative";

declare global {
  interface Window {
    __TAURI_INTERNALS__?: unknown;
  }
}

/** Whether the page runs inside Steward's desktop shell (and `invoke` can reach Rust). */
export function shellAvailable(): boolean {
  return typeof window !== "undefined" && window.__TAURI_INTERNALS__ !== undefined;
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  if (!shellAvailable()) throw shellMissingError();
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

// Session and portfolio file.
export const sessionState = () => call<SessionState>("session_state");
export const sessionDismissFirstRun = () => call<SessionState>("session_dismiss_first_run");
export const portfolioNew = () => call<PortfolioInfo | null>("portfolio_new");
export const portfolioOpen = () => call<PortfolioInfo | null>("portfolio_open");
export const portfolioSaveCopy = () => call<string | null>("portfolio_save_copy");
export const portfolioLoadDemo = () => call<DemoLoadReport>("portfolio_load_demo");
export const portfolioInfo = () => call<PortfolioInfo>("portfolio_info");
export const portfolioSummary = () => call<PortfolioSummary>("portfolio_summary");
export const catalog = () => call<Catalog>("catalog");

// AI systems.
export const systemList = (request: ListRequest) => call<Page<System>>("system_list", { request });
export const systemGet = (id: SystemId) => call<System>("system_get", { id });
export const systemCreate = (draft: SystemDraft) => call<System>("system_create", { draft });
export const systemUpdate = (id: SystemId, draft: SystemDraft) => call<System>("system_update", { id, draft });
export const systemDelete = (id: SystemId) => call<null>("system_delete", { id });
export const systemRestore = (id: SystemId) => call<System>("system_restore", { id });

// Vendors.
export const vendorList = (request: ListRequest) => call<Page<Vendor>>("vendor_list", { request });
export const vendorGet = (id: VendorId) => call<Vendor>("vendor_get", { id });
export const vendorCreate = (draft: VendorDraft) => call<Vendor>("vendor_create", { draft });
export const vendorUpdate = (id: VendorId, draft: VendorDraft) => call<Vendor>("vendor_update", { id, draft });
export const vendorDelete = (id: VendorId) => call<null>("vendor_delete", { id });
export const vendorRestore = (id: VendorId) => call<Vendor>("vendor_restore", { id });

// Contracts.
export const contractList = (request: ListRequest) => call<Page<Contract>>("contract_list", { request });
export const contractGet = (id: ContractId) => call<Contract>("contract_get", { id });
export const contractCreate = (draft: ContractDraft) => call<Contract>("contract_create", { draft });
export const contractUpdate = (id: ContractId, draft: ContractDraft) =>
  call<Contract>("contract_update", { id, draft });
export const contractDelete = (id: ContractId) => call<null>("contract_delete", { id });
export const contractRestore = (id: ContractId) => call<Contract>("contract_restore", { id });

// Initiatives (no screen yet; the pipeline arrives in a later release).
export const initiativeList = (request: ListRequest) => call<Page<Initiative>>("initiative_list", { request });
export const initiativeGet = (id: InitiativeId) => call<Initiative>("initiative_get", { id });
export const initiativeCreate = (draft: InitiativeDraft) => call<Initiative>("initiative_create", { draft });
export const initiativeUpdate = (id: InitiativeId, draft: InitiativeDraft) =>
  call<Initiative>("initiative_update", { id, draft });
export const initiativeDelete = (id: InitiativeId) => call<null>("initiative_delete", { id });
export const initiativeRestore = (id: InitiativeId) => call<Initiative>("initiative_restore", { id });

// Audit trail of one record, newest first.
export const auditList = (entityType: EntityType, entityId: number, limit: number) =>
  call<AuditEvent[]>("audit_list", { entityType, entityId, limit });

// Imports. Preview and commit report progress through a channel; `importCancel` stops either at
// the next row (nothing is written) without waiting for it.
function progressChannel(onProgress: (progress: ImportProgress) => void): Channel<ImportProgress> {
  const channel = new Channel<ImportProgress>();
  channel.onmessage = onProgress;
  return channel;
}
/** The file to import, or the parts of one export chosen together; null when the dialog was cancelled. */
export const importChooseFiles = () => call<string[] | null>("import_choose_files");
export const importPreview = (request: ImportRequest, onProgress: (progress: ImportProgress) => void) =>
  call<ImportReport>("import_preview", { request, onProgress: progressChannel(onProgress) });
export const importCommit = (request: ImportRequest, onProgress: (progress: ImportProgress) => void) =>
  call<ImportReport>("import_commit", { request, onProgress: progressChannel(onProgress) });
export const importCancel = () => call<null>("import_cancel");
export const importHistory = () => call<ImportBatch[]>("import_history");
export const importUndo = (batchId: number) => call<UndoReport>("import_undo", { batchId });
export const importPresetList = () => call<PresetInfo[]>("import_preset_list");

// Dashboard, adoption and value. Money arrives as exact decimal text in the reporting currency.
export const dashboard = (request: AnalyticsRequest) => call<Dashboard>("dashboard", { request });
export const adoptionView = (request: AnalyticsRequest) => call<AdoptionView>("adoption_view", { request });
export const valueOverview = () => call<ValueOverview>("value_overview");
export const initiativeValue = (id: InitiativeId) => call<InitiativeValue>("initiative_value", { id });
/** What the edited model would give, computed in Rust without saving (live recomputation). */
export const valueModelPreview = (id: InitiativeId, assumptions: AssumptionDraft[]) =>
  call<InitiativeValue>("value_model_preview", { id, assumptions });
export const valueModelSave = (id: InitiativeId, assumptions: AssumptionDraft[]) =>
  call<InitiativeValue>("value_model_save", { id, assumptions });

// Charts: an SVG document drawn in Rust, shown as an image; exports go through a save dialog
// and answer with the saved path, or null when the dialog was cancelled.
export const chartSvg = (request: ChartRequest) => call<string>("chart_svg", { request });
export const chartExport = (request: ChartRequest, format: ChartFormat) =>
  call<string | null>("chart_export", { request, format });

// Settings the figures depend on: the reporting currency, the exchange-rate table and budgets.
// Rates and amounts travel as decimal text and are checked in Rust; days are "YYYY-MM-DD".
export const reportingCurrencySet = (code: string) => call<string>("reporting_currency_set", { code });
export const fxRates = () => call<FxRateEntry[]>("fx_rates");
/** Adds the rate, or replaces the one for the same pair and day. */
export const fxRateSet = (entry: FxRateEntry) => call<FxRateEntry>("fx_rate_set", { entry });
export const fxRateDelete = (from: string, to: string, validFrom: string) =>
  call<null>("fx_rate_delete", { from, to, validFrom });
export const budgets = () => call<BudgetEntry[]>("budgets");
/** Adds the budget, or replaces the one for the same scope and dates (its `id` is ignored). */
export const budgetSet = (entry: BudgetEntry) => call<BudgetEntry>("budget_set", { entry });
export const budgetDelete = (id: number) => call<null>("budget_delete", { id });

// Attribution rules: which imported lines belong to which AI system. Saving, changing or
// deleting one re-applies the rules to what is stored and says how many lines moved.
export const attributionSourceList = () => call<AttributionSource[]>("attribution_source_list");
export const attributionRuleList = () => call<AttributionRule[]>("attribution_rule_list");
export const attributionValueList = () => call<UnattributedValue[]>("attribution_value_list");
export const attributionRuleAdd = (draft: AttributionRuleDraft) =>
  call<AttributionApplied>("attribution_rule_add", { draft });
export const attributionRuleUpdate = (id: AttributionRuleId, draft: AttributionRuleDraft) =>
  call<AttributionApplied>("attribution_rule_update", { id, draft });
export const attributionRuleMove = (id: AttributionRuleId, toPriority: number) =>
  call<AttributionApplied>("attribution_rule_move", { id, toPriority });
export const attributionRuleDelete = (id: AttributionRuleId) => call<AttributionApplied>("attribution_rule_delete", { id });

/** A file dragged over the window, as the webview's drag-drop event reports it (paths only). */
export type FileDrag = { type: "enter"; paths: string[] } | { type: "over" } | { type: "drop"; paths: string[] } | { type: "leave" };

/**
 * Calls `handler` while files are dragged over and dropped on the window; returns the function
 * that stops listening. Outside the desktop shell nothing can be dropped, and nothing listens.
 */
export async function onFileDrag(handler: (drag: FileDrag) => void): Promise<() => void> {
  if (!shellAvailable()) return () => undefined;
  const unlisten = await getCurrentWebview().onDragDropEvent(({ payload }) => {
    if (payload.type === "enter" || payload.type === "drop") handler({ type: payload.type, paths: payload.paths });
    else handler({ type: payload.type });
  });
  return () => {
    unlisten();
  };
}

/** The files to import among dropped paths (one file, or the parts of one export); rejects, saying why, for a folder. */
export const importDroppedFiles = (paths: string[]) => call<string[]>("import_dropped_files", { paths });
