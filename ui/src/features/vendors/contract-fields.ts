import type { ContractDraft } from "../../ipc/types";
import type { FieldMeta } from "../records/field-meta";

/** Every field of the contract form, in the order the form shows them. */
export const CONTRACT_FIELDS: Record<keyof ContractDraft, FieldMeta> = {
  contract_ref: { label: "Reference", type: "text" },
  name: { label: "Name", type: "text" },
  vendor_id: { label: "Vendor", type: "ref" },
  status: { label: "Status", type: "enum", catalog: "contract_status" },
  pricing_model: { label: "Pricing model", type: "enum", catalog: "pricing_model" },
  start_date: { label: "Start date", type: "date" },
  end_date: { label: "End date", type: "date" },
  notice_period_days: { label: "Notice period (days)", type: "number" },
  auto_renew: { label: "Renews automatically", type: "bool" },
  currency: { label: "Currency", type: "currency" },
  annual_value: { label: "Annual value", type: "money" },
  total_value: { label: "Total contract value", type: "money" },
  seats_purchased: { label: "Seats purchased", type: "number" },
  owner: { label: "Owner", type: "text" },
  cost_center: { label: "Cost center", type: "text" },
  dpa_signed: { label: "DPA signed", type: "flag" },
  system_ids: { label: "Covered systems", type: "refs" },
  notes: { label: "Notes", type: "longtext" },
};

export const CONTRACT_FIELD_ORDER = Object.keys(CONTRACT_FIELDS) as (keyof ContractDraft)[];
