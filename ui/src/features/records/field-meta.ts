// How each field of a record is named and shown, shared by the detail view and its history.
import { EMPTY, formatDate, formatMoney } from "../../lib/format";
import type { CatalogKind } from "../session/catalog-context";

export type FieldMeta = {
  label: string;
  type: "text" | "longtext" | "enum" | "date" | "flag" | "bool" | "number" | "money" | "currency" | "ref" | "refs";
  catalog?: CatalogKind;
};

export type FieldMetaMap = Record<string, FieldMeta>;

type Label = (kind: CatalogKind, value: string | null | undefined) => string;

/**
 * A value from the audit trail (text as typed, anything else as JSON) in words: enum labels,
 * dates as people write them, yes/no. Links to other records are described, not listed.
 */
export function describeAuditValue(meta: FieldMeta | undefined, raw: string | null, label: Label): string {
  if (raw === null || raw === "") return EMPTY;
  if (!meta) return raw;
  switch (meta.type) {
    case "enum":
      return meta.catalog ? label(meta.catalog, raw) : raw;
    case "date":
      return formatDate(raw);
    case "flag":
    case "bool":
      return raw === "true" ? "Yes" : raw === "false" ? "No" : raw;
    case "money":
      return formatMoney(raw, null);
    case "refs": {
      try {
        const ids: unknown = JSON.parse(raw);
        if (Array.isArray(ids)) return ids.length === 1 ? "1 record" : `${ids.length} records`;
      } catch {
        return raw;
      }
      return raw;
    }
    default:
      return raw;
  }
}
