// Data for the Imports area: the history of batches, the known export layouts, the preview /
// commit / undo commands the wizard and the history run (a preview also proposes how to map a
// sheet no export layout fits), files dropped on the window (one, or the parts of one export),
// and the attribution rules.
import * as api from "../../ipc/commands";
import { useQuery } from "../../lib/use-query";

export type { AttributionApplied } from "../../ipc/bindings/AttributionApplied";
export type { AttributionRule } from "../../ipc/bindings/AttributionRule";
export type { AttributionRuleDraft } from "../../ipc/bindings/AttributionRuleDraft";
export type { AttributionSource } from "../../ipc/bindings/AttributionSource";
export type { ColumnMapping } from "../../ipc/bindings/ColumnMapping";
export type { DateOrder } from "../../ipc/bindings/DateOrder";
export type { EnumOption } from "../../ipc/bindings/EnumOption";
export type { FieldMapping } from "../../ipc/bindings/FieldMapping";
export type { ImportBatch } from "../../ipc/bindings/ImportBatch";
export type { ImportIssue } from "../../ipc/bindings/ImportIssue";
export type { ImportProgress } from "../../ipc/bindings/ImportProgress";
export type { ImportReport } from "../../ipc/bindings/ImportReport";
export type { ImportRequest } from "../../ipc/bindings/ImportRequest";
export type { MappingSuggestion } from "../../ipc/bindings/MappingSuggestion";
export type { MappingTarget } from "../../ipc/bindings/MappingTarget";
export type { MoneyTotal } from "../../ipc/bindings/MoneyTotal";
export type { ObservationTotal } from "../../ipc/bindings/ObservationTotal";
export type { PresetInfo } from "../../ipc/bindings/PresetInfo";
export type { PreviewLine } from "../../ipc/bindings/PreviewLine";
export type { TargetField } from "../../ipc/bindings/TargetField";
export type { UnattributedValue } from "../../ipc/bindings/UnattributedValue";
export type { UndoReport } from "../../ipc/bindings/UndoReport";
export type { FileDrag } from "../../ipc/commands";

export const chooseImportFiles = api.importChooseFiles;
export const previewImport = api.importPreview;
export const commitImport = api.importCommit;
export const cancelImport = api.importCancel;
export const undoImport = api.importUndo;
export const droppedFiles = api.importDroppedFiles;
export const onFileDrag = api.onFileDrag;
export const addAttributionRule = api.attributionRuleAdd;
export const updateAttributionRule = api.attributionRuleUpdate;
export const moveAttributionRule = api.attributionRuleMove;
export const deleteAttributionRule = api.attributionRuleDelete;

/** Every import batch, newest first, fetched again whenever the portfolio's data changes. */
export function useImportHistory(refreshKey: unknown) {
  return useQuery(async () => {
    const batches = await api.importHistory();
    // Newest first whatever order the store answers in; ids grow with time.
    return [...batches].sort((a, b) => b.id - a.id);
  }, [refreshKey]);
}

/** The export layouts Steward knows, for the wizard's "Read as" choice; they never change. */
export function useImportPresets(enabled: boolean) {
  return useQuery(() => api.importPresetList(), [], enabled);
}

/** The rules with what each attributes, and the values still unattributed, read together so the two agree. */
export function useAttribution(refreshKey: unknown) {
  return useQuery(async () => {
    const [rules, values] = await Promise.all([api.attributionRuleList(), api.attributionValueList()]);
    return { rules, values };
  }, [refreshKey]);
}

/** The cost layouts a rule can be written for, with their attribution columns; they never change. */
export function useAttributionSources() {
  return useQuery(() => api.attributionSourceList(), []);
}

/** The inventory's AI systems by name, for the rule form's choice (the first 500). */
export function useSystemChoices(refreshKey: unknown) {
  return useQuery(
    () => api.systemList({ search: "", filters: [], sort_by: "name", descending: false, offset: 0, limit: 500 }),
    [refreshKey],
  );
}
