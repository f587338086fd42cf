// The system form's values (all text, as inputs hold them) and the draft sent to Rust.
import type { ApiError } from "../../ipc/api-error";
import type { System, SystemDraft } from "../../ipc/types";
import { flagFromText, flagToText, nullToText, textOrNull } from "../../lib/draft-values";

export type SystemValues = Record<keyof SystemDraft, string>;

export function systemValues(system: System | null): SystemValues {
  return {
    code: system?.code ?? "",
    name: system?.name ?? "",
    system_type: nullToText(system?.system_type),
    vendor_id: nullToText(system?.vendor_id),
    model_name: system?.model_name ?? "",
    description: system?.description ?? "",
    intended_purpose: system?.intended_purpose ?? "",
    business_owner: system?.business_owner ?? "",
    technical_owner: system?.technical_owner ?? "",
    department: system?.department ?? "",
    lifecycle_state: nullToText(system?.lifecycle_state),
    usage_policy: nullToText(system?.usage_policy),
    eu_ai_act_tier: nullToText(system?.eu_ai_act_tier),
    internal_risk_tier: nullToText(system?.internal_risk_tier),
    personal_data: flagToText(system?.personal_data),
    data_classification: nullToText(system?.data_classification),
    hosting_region: system?.hosting_region ?? "",
    first_seen: nullToText(system?.first_seen),
    next_review_date: nullToText(system?.next_review_date),
    notes: system?.notes ?? "",
  };
}

export function systemDraft(values: SystemValues): { draft: SystemDraft } | { error: ApiError } {
  return {
    draft: {
      code: values.code,
      name: values.name,
      system_type: textOrNull(values.system_type),
      vendor_id: values.vendor_id === "" ? null : Number(values.vendor_id),
      model_name: values.model_name,
      description: values.description,
      intended_purpose: values.intended_purpose,
      business_owner: values.business_owner,
      technical_owner: values.technical_owner,
      department: values.department,
      lifecycle_state: textOrNull(values.lifecycle_state),
      usage_policy: textOrNull(values.usage_policy),
      eu_ai_act_tier: textOrNull(values.eu_ai_act_tier),
      internal_risk_tier: textOrNull(values.internal_risk_tier),
      personal_data: flagFromText(values.personal_data),
      data_classification: textOrNull(values.data_classification),
      hosting_region: values.hosting_region,
      first_seen: textOrNull(values.first_seen),
      next_review_date: textOrNull(values.next_review_date),
      notes: values.notes,
    },
  };
}
