import type { SystemDraft } from "../../ipc/types";
import type { FieldMeta } from "../records/field-meta";

/** Every field of the system form, in the order the form shows them. */
export const SYSTEM_FIELDS: Record<keyof SystemDraft, FieldMeta> = {
  code: { label: "Code", type: "text" },
  name: { label: "Name", type: "text" },
  system_type: { label: "Type", type: "enum", catalog: "system_type" },
  vendor_id: { label: "Vendor", type: "ref" },
  model_name: { label: "Model", type: "text" },
  description: { label: "Description", type: "longtext" },
  intended_purpose: { label: "Intended purpose", type: "longtext" },
  business_owner: { label: "Business owner", type: "text" },
  technical_owner: { label: "Technical owner", type: "text" },
  department: { label: "Department", type: "text" },
  lifecycle_state: { label: "Lifecycle", type: "enum", catalog: "lifecycle_state" },
  usage_policy: { label: "Usage policy", type: "enum", catalog: "usage_policy" },
  eu_ai_act_tier: { label: "EU AI Act tier", type: "enum", catalog: "eu_ai_act_tier" },
  internal_risk_tier: { label: "Internal risk tier", type: "enum", catalog: "risk_tier" },
  next_review_date: { label: "Next review", type: "date" },
  first_seen: { label: "First seen", type: "date" },
  personal_data: { label: "Personal data", type: "flag" },
  data_classification: { label: "Data classification", type: "enum", catalog: "data_classification" },
  hosting_region: { label: "Hosting region", type: "text" },
  notes: { label: "Notes", type: "longtext" },
};

export const SYSTEM_FIELD_ORDER = Object.keys(SYSTEM_FIELDS) as (keyof SystemDraft)[];
