import { useCallback } from "react";

import {
  CheckboxField,
  DateField,
  FieldGroup,
  FlagField,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/form-fields";
import type { Contract, ContractDraft } from "../../ipc/types";
import { FormShell } from "../records/form-shell";
import type { FormProps } from "../records/record-workspace";
import { bindText, useRecordForm } from "../records/use-record-form";
import { useCatalog } from "../session/catalog-context";
import { useSession } from "../session/session-context";
import { saveContract } from "./api";
import { contractDraft, contractValues, type ContractValues } from "./contract-draft";
import { CONTRACT_FIELD_ORDER, CONTRACT_FIELDS } from "./contract-fields";
import { SystemPicker } from "./system-picker";
import { VendorSelect } from "./vendor-select";

type TextKey = Exclude<keyof ContractValues, "auto_renew" | "system_ids">;

export function ContractForm({ record, restored, readOnly, handleRef, onSaved, onCancel }: FormProps<Contract>) {
  const { options } = useCatalog();
  const { info } = useSession();
  const id = record?.id ?? null;
  const save = useCallback((draft: ContractDraft) => saveContract(id, draft), [id]);
  const form = useRecordForm<ContractValues, ContractDraft, Contract>({
    initial: contractValues(record, info?.reporting_currency ?? null),
    restored,
    fieldOrder: CONTRACT_FIELD_ORDER,
    toDraft: contractDraft,
    save,
    onSaved,
  });
  const { values, set, errors } = form;
  const text = (key: TextKey) => bindText(form, CONTRACT_FIELDS, key);
  const currency = values.currency.trim().toUpperCase();

  return (
    <FormShell
      title={record ? `Edit ${record.name || record.contract_ref}` : "New contract"}
      subtitle={record ? record.contract_ref : "Vendors & Contracts"}
      form={form}
      readOnly={readOnly}
      onCancel={onCancel}
      handleRef={handleRef}
      saveLabel={record ? "Save changes" : "Create contract"}
    >
      <FieldGroup title="Contract">
        <TextField {...text("contract_ref")} placeholder="CTR-2025-014" autoFocus={!record} />
        <TextField {...text("name")} placeholder="e.g. ChatGPT Enterprise" />
        <VendorSelect
          value={values.vendor_id}
          currentName={record?.vendor_name}
          error={errors.byField.vendor_id}
          onChange={(v) => set("vendor_id", v)}
        />
        <SelectField {...text("status")} options={options("contract_status")} />
        <SelectField {...text("pricing_model")} options={options("pricing_model")} />
      </FieldGroup>
      <FieldGroup title="Term">
        <DateField {...text("start_date")} />
        <DateField {...text("end_date")} />
        <TextField {...text("notice_period_days")} inputMode="numeric" placeholder="e.g. 30" hint="Steward works out the cancel-by date from the end date and this notice." />
        <CheckboxField
          name="auto_renew"
          label={CONTRACT_FIELDS.auto_renew.label}
          checked={values.auto_renew}
          error={errors.byField.auto_renew}
          onChange={(checked) => set("auto_renew", checked)}
        />
      </FieldGroup>
      <FieldGroup title="Value">
        <TextField {...text("currency")} placeholder="EUR" maxLength={3} hint="Three-letter ISO code" />
        <TextField {...text("seats_purchased")} inputMode="numeric" placeholder="e.g. 250" />
        <TextField
          {...text("annual_value")}
          inputMode="decimal"
          placeholder="120,000.00"
          hint={currency ? `In ${currency}` : undefined}
        />
        <TextField
          {...text("total_value")}
          inputMode="decimal"
          placeholder="360,000.00"
          hint={currency ? `In ${currency}, for the whole term` : "For the whole term"}
        />
      </FieldGroup>
      <FieldGroup title="Ownership and compliance">
        <TextField {...text("owner")} />
        <TextField {...text("cost_center")} />
        <FlagField {...text("dpa_signed")} />
      </FieldGroup>
      <FieldGroup title="Coverage">
        <SystemPicker
          value={values.system_ids}
          error={errors.byField.system_ids}
          onChange={(ids) => set("system_ids", ids)}
        />
      </FieldGroup>
      <FieldGroup title="Notes">
        <TextAreaField {...text("notes")} rows={4} />
      </FieldGroup>
    </FormShell>
  );
}
