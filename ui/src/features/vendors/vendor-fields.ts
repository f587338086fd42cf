import type { VendorDraft } from "../../ipc/types";
import type { FieldMeta } from "../records/field-meta";

/** Every field of the vendor form, in the order the form shows them. */
export const VENDOR_FIELDS: Record<keyof VendorDraft, FieldMeta> = {
  name: { label: "Name", type: "text" },
  legal_name: { label: "Legal name", type: "text" },
  vendor_type: { label: "Type", type: "enum", catalog: "vendor_type" },
  country: { label: "Country", type: "text" },
  website: { label: "Website", type: "text" },
  relationship_owner: { label: "Relationship owner", type: "text" },
  criticality: { label: "Criticality", type: "enum", catalog: "criticality" },
  review_status: { label: "Review status", type: "enum", catalog: "review_status" },
  review_date: { label: "Review date", type: "date" },
  trains_on_data: { label: "Trains on our data", type: "flag" },
  data_residency: { label: "Data residency", type: "text" },
  notes: { label: "Notes", type: "longtext" },
};

export const VENDOR_FIELD_ORDER = Object.keys(VENDOR_FIELDS) as (keyof VendorDraft)[];
