// The contract form's values and the draft sent to Rust. Money stays the text the user typed:
// Rust parses it exactly and says what is wrong with it.
import type { ApiError, FieldError } from "../../ipc/api-error";
import type { Contract, ContractDraft } from "../../ipc/types";
import { flagFromText, flagToText, nullToText, textOrNull, wholeNumberOrNull } from "../../lib/draft-values";
import { CONTRACT_FIELDS } from "./contract-fields";

type TextKeys = Exclude<keyof ContractDraft, "auto_renew" | "system_ids">;

export type ContractValues = Record<TextKeys, string> & { auto_renew: boolean; system_ids: number[] };

export function contractValues(contract: Contract | null, defaultCurrency: string | null): ContractValues {
  return {
    contract_ref: contract?.contract_ref ?? "",
    name: contract?.name ?? "",
    vendor_id: nullToText(contract?.vendor_id),
    status: nullToText(contract?.status),
    pricing_model: nullToText(contract?.pricing_model),
    start_date: nullToText(contract?.start_date),
    end_date: nullToText(contract?.end_date),
    notice_period_days: nullToText(contract?.notice_period_days),
    auto_renew: contract?.auto_renew ?? false,
    currency: contract?.currency ?? defaultCurrency ?? "",
    annual_value: contract?.annual_value ?? "",
    total_value: contract?.total_value ?? "",
    seats_purchased: nullToText(contract?.seats_purchased),
    owner: contract?.owner ?? "",
    cost_center: contract?.cost_center ?? "",
    dpa_signed: flagToText(contract?.dpa_signed),
    system_ids: contract?.system_ids ?? [],
    notes: contract?.notes ?? "",
  };
}

export function contractDraft(values: ContractValues): { draft: ContractDraft } | { error: ApiError } {
  const problems: FieldError[] = [];
  const whole = (key: "notice_period_days" | "seats_purchased"): number | null => {
    const result = wholeNumberOrNull(values[key], key, CONTRACT_FIELDS[key].label.replace(/ \(days\)$/, ""));
    if ("error" in result) {
      problems.push(result.error);
      return null;
    }
    return result.value;
  };
  const notice = whole("notice_period_days");
  const seats = whole("seats_purchased");
  if (problems.length > 0) {
    return { error: { code: "validation", message: "Some fields need attention", fields: problems } };
  }
  return {
    draft: {
      vendor_id: values.vendor_id === "" ? null : Number(values.vendor_id),
      contract_ref: values.contract_ref,
      name: values.name,
      status: textOrNull(values.status),
      pricing_model: textOrNull(values.pricing_model),
      start_date: textOrNull(values.start_date),
      end_date: textOrNull(values.end_date),
      auto_renew: values.auto_renew,
      notice_period_days: notice,
      total_value: values.total_value,
      annual_value: values.annual_value,
      currency: values.currency.trim().toUpperCase(),
      seats_purchased: seats,
      owner: values.owner,
      cost_center: values.cost_center,
      dpa_signed: flagFromText(values.dpa_signed),
      system_ids: values.system_ids,
      notes: values.notes,
    },
  };
}
