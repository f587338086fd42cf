// The vendor form's values (text, as inputs hold them) and the draft sent to Rust.
import type { ApiError } from "../../ipc/api-error";
import type { Vendor, VendorDraft } from "../../ipc/types";
import { flagFromText, flagToText, nullToText, textOrNull } from "../../lib/draft-values";

export type VendorValues = Record<keyof VendorDraft, string>;

export function vendorValues(vendor: Vendor | null): VendorValues {
  return {
    name: vendor?.name ?? "",
    legal_name: vendor?.legal_name ?? "",
    vendor_type: nullToText(vendor?.vendor_type),
    country: vendor?.country ?? "",
    website: vendor?.website ?? "",
    relationship_owner: vendor?.relationship_owner ?? "",
    criticality: nullToText(vendor?.criticality),
    review_status: nullToText(vendor?.review_status),
    review_date: nullToText(vendor?.review_date),
    trains_on_data: flagToText(vendor?.trains_on_data),
    data_residency: vendor?.data_residency ?? "",
    notes: vendor?.notes ?? "",
  };
}

export function vendorDraft(values: VendorValues): { draft: VendorDraft } | { error: ApiError } {
  return {
    draft: {
      name: values.name,
      legal_name: values.legal_name,
      website: values.website,
      country: values.country,
      vendor_type: textOrNull(values.vendor_type),
      criticality: textOrNull(values.criticality),
      relationship_owner: values.relationship_owner,
      review_status: textOrNull(values.review_status),
      review_date: textOrNull(values.review_date),
      trains_on_data: flagFromText(values.trains_on_data),
      data_residency: values.data_residency,
      notes: values.notes,
    },
  };
}
