import { useCallback } from "react";

import { DateField, FieldGroup, FlagField, SelectField, TextAreaField, TextField } from "../../components/form-fields";
import type { Vendor, VendorDraft } from "../../ipc/types";
import { FormShell } from "../records/form-shell";
import type { FormProps } from "../records/record-workspace";
import { bindText, useRecordForm } from "../records/use-record-form";
import { useCatalog } from "../session/catalog-context";
import { saveVendor } from "./api";
import { vendorDraft, vendorValues, type VendorValues } from "./vendor-draft";
import { VENDOR_FIELD_ORDER, VENDOR_FIELDS } from "./vendor-fields";

export function VendorForm({ record, restored, readOnly, handleRef, onSaved, onCancel }: FormProps<Vendor>) {
  const { options } = useCatalog();
  const id = record?.id ?? null;
  const save = useCallback((draft: VendorDraft) => saveVendor(id, draft), [id]);
  const form = useRecordForm<VendorValues, VendorDraft, Vendor>({
    initial: vendorValues(record),
    restored,
    fieldOrder: VENDOR_FIELD_ORDER,
    toDraft: vendorDraft,
    save,
    onSaved,
  });
  const text = (key: keyof VendorValues) => bindText(form, VENDOR_FIELDS, key);

  return (
    <FormShell
      title={record ? `Edit ${record.name}` : "New vendor"}
      subtitle={record ? "Vendor" : "Vendors & Contracts"}
      form={form}
      readOnly={readOnly}
      onCancel={onCancel}
      handleRef={handleRef}
      saveLabel={record ? "Save changes" : "Create vendor"}
    >
      <FieldGroup title="Company">
        <TextField {...text("name")} placeholder="Trading name, e.g. OpenAI" autoFocus={!record} />
        <TextField {...text("legal_name")} placeholder="e.g. OpenAI Ireland Ltd" />
        <SelectField {...text("vendor_type")} options={options("vendor_type")} />
        <TextField {...text("country")} placeholder="Two letters, e.g. US" maxLength={2} hint="ISO country code" />
        <TextField {...text("website")} placeholder="example.com" inputMode="url" wide />
      </FieldGroup>
      <FieldGroup title="Relationship">
        <TextField {...text("relationship_owner")} />
        <SelectField {...text("criticality")} options={options("criticality")} />
      </FieldGroup>
      <FieldGroup title="Due diligence">
        <SelectField {...text("review_status")} options={options("review_status")} />
        <DateField {...text("review_date")} />
        <FlagField {...text("trains_on_data")} />
        <TextField {...text("data_residency")} placeholder="e.g. EU only" />
      </FieldGroup>
      <FieldGroup title="Notes">
        <TextAreaField {...text("notes")} rows={4} />
      </FieldGroup>
    </FormShell>
  );
}
