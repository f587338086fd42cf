import { useCallback } from "react";

import { DateField, FieldGroup, FlagField, SelectField, TextAreaField, TextField } from "../../components/form-fields";
import type { System, SystemDraft } from "../../ipc/types";
import { useCatalog } from "../session/catalog-context";
import type { FormProps } from "../records/record-workspace";
import { FormShell } from "../records/form-shell";
import { bindText, useRecordForm } from "../records/use-record-form";
import { VendorSelect } from "../vendors/vendor-select";
import { saveSystem } from "./api";
import { systemDraft, systemValues, type SystemValues } from "./system-draft";
import { SYSTEM_FIELD_ORDER, SYSTEM_FIELDS } from "./system-fields";

export function SystemForm({ record, restored, readOnly, handleRef, onSaved, onCancel }: FormProps<System>) {
  const { options } = useCatalog();
  const id = record?.id ?? null;
  const save = useCallback((draft: SystemDraft) => saveSystem(id, draft), [id]);
  const form = useRecordForm<SystemValues, SystemDraft, System>({
    initial: systemValues(record),
    restored,
    fieldOrder: SYSTEM_FIELD_ORDER,
    toDraft: systemDraft,
    save,
    onSaved,
  });
  const { values, set, errors } = form;
  const text = (key: keyof SystemValues) => bindText(form, SYSTEM_FIELDS, key);

  return (
    <FormShell
      title={record ? `Edit ${record.name || record.code}` : "New AI system"}
      subtitle={record ? record.code : "Inventory"}
      form={form}
      readOnly={readOnly}
      onCancel={onCancel}
      handleRef={handleRef}
      saveLabel={record ? "Save changes" : "Create system"}
    >
      <FieldGroup title="Identity">
        <TextField {...text("code")} placeholder="AIS-042" maxLength={40} autoFocus={!record} />
        <TextField {...text("name")} placeholder="Support chatbot" />
        <SelectField {...text("system_type")} options={options("system_type")} />
        <VendorSelect
          value={values.vendor_id}
          currentName={record?.vendor_name}
          error={errors.byField.vendor_id}
          onChange={(v) => set("vendor_id", v)}
        />
        <TextField {...text("model_name")} placeholder="e.g. gpt-4o, Claude, in-house" wide />
      </FieldGroup>
      <FieldGroup title="Purpose">
        <TextAreaField {...text("description")} placeholder="What it does, for whom" />
        <TextAreaField {...text("intended_purpose")} placeholder="The use it is approved for" />
      </FieldGroup>
      <FieldGroup title="Ownership">
        <TextField {...text("business_owner")} />
        <TextField {...text("technical_owner")} />
        <TextField {...text("department")} />
      </FieldGroup>
      <FieldGroup title="Governance">
        <SelectField {...text("lifecycle_state")} options={options("lifecycle_state")} />
        <SelectField {...text("usage_policy")} options={options("usage_policy")} />
        <SelectField {...text("eu_ai_act_tier")} options={options("eu_ai_act_tier")} />
        <SelectField {...text("internal_risk_tier")} options={options("risk_tier")} />
        <DateField {...text("next_review_date")} />
        <DateField {...text("first_seen")} />
      </FieldGroup>
      <FieldGroup title="Data">
        <FlagField {...text("personal_data")} />
        <SelectField {...text("data_classification")} options={options("data_classification")} />
        <TextField {...text("hosting_region")} placeholder="e.g. EU (Frankfurt)" />
      </FieldGroup>
      <FieldGroup title="Notes">
        <TextAreaField {...text("notes")} rows={4} />
      </FieldGroup>
    </FormShell>
  );
}
