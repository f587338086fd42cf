// The reporting currency: which currency every total is in, and a small form to change it.
import { useState } from "react";

import { Button } from "../../components/button";
import { Section } from "../../components/description-list";
import { TextField } from "../../components/form-fields";
import { useToasts } from "../../components/toast";
import { useSession } from "../session/session-context";
import { useRecordForm } from "../records/use-record-form";
import { setReportingCurrency } from "./api";
import { COMMON_CURRENCIES, currencyName, normalizeCode } from "./currency";
import { SettingsForm } from "./settings-form";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";
const FIELDS = ["reporting_currency"] as const;

export function ReportingCurrencySection({ currency }: { currency: string | null }) {
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const name = currencyName(currency);

  return (
    <Section
      title="Reporting currency"
      actions={
        editing ? null : (
          <Button
            size="sm"
            onClick={() => setEditing(true)}
            disabled={session.readOnly}
            title={session.readOnly ? READ_ONLY_TIP : undefined}
            data-testid="reporting-currency-change"
          >
            {currency ? "Change…" : "Choose…"}
          </Button>
        )
      }
    >
      <div className="currency-current">
        <span className="currency-current__code" data-testid="reporting-currency">
          {currency ?? "Not set"}
        </span>
        {name ? <span className="currency-current__name">{name}</span> : null}
      </div>
      <p className="settings__lead">
        {currency
          ? `Every total is converted into ${currency} with the exchange rates below; money with no rate for its day is shown separately, never summed in.`
          : "Choose the currency totals are shown in; money in other currencies is converted into it with the exchange rates below."}
      </p>
      {editing ? <CurrencyForm current={currency} onDone={() => setEditing(false)} /> : null}
    </Section>
  );
}

function CurrencyForm({ current, onDone }: { current: string | null; onDone: () => void }) {
  const session = useSession();
  const toasts = useToasts();
  const form = useRecordForm({
    initial: { reporting_currency: current ?? "" },
    fieldOrder: FIELDS,
    toDraft: (values) => ({ draft: normalizeCode(values.reporting_currency) }),
    save: setReportingCurrency,
    onSaved: (code: string) => {
      onDone();
      session.dataChanged();
      if (code !== current) {
        toasts.show({
          tone: "success",
          message: `Totals are now in ${code}`,
          detail: "Converted with the exchange rates below.",
        });
      }
    },
  });
  const value = form.values.reporting_currency;

  return (
    <SettingsForm title="Change the reporting currency" form={form} saveLabel="Use this currency" onCancel={onDone} testId="currency-form" columns={2}>
      <TextField
        name="reporting_currency"
        label="Currency code"
        value={value}
        maxLength={3}
        placeholder="EUR"
        autoFocus
        error={form.errors.byField.reporting_currency}
        hint={currencyName(value) || "Three letters (ISO 4217), e.g. EUR"}
        onChange={(v) => form.set("reporting_currency", v.toUpperCase())}
      />
      <div className="field">
        <span className="field__label" id="common-currencies">
          Common
        </span>
        <div className="currency-choices" role="group" aria-labelledby="common-currencies">
          {COMMON_CURRENCIES.map((code) => (
            <button
              key={code}
              type="button"
              className="currency-choice"
              aria-pressed={normalizeCode(value) === code}
              title={currencyName(code) || undefined}
              onClick={() => form.set("reporting_currency", code)}
            >
              {code}
            </button>
          ))}
        </div>
      </div>
    </SettingsForm>
  );
}
