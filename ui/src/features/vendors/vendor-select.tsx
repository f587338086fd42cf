import { useId } from "react";

import { formatNumber } from "../../lib/format";
import { useSession } from "../session/session-context";
import { useVendorChoices, VENDOR_PICKER_LIMIT } from "./api";

/** A `<select name="vendor_id">` of every vendor by name; keeps a current vendor the list lacks. */
export function VendorSelect({
  value,
  onChange,
  currentName,
  error,
  name = "vendor_id",
  label = "Vendor",
}: {
  value: string;
  onChange: (value: string) => void;
  currentName?: string | null;
  error?: string;
  name?: string;
  label?: string;
}) {
  const id = useId();
  const { dataVersion } = useSession();
  const choices = useVendorChoices(dataVersion);
  const rows = choices.data?.rows ?? [];
  const missing = value !== "" && !rows.some((v) => String(v.id) === value);
  const more = choices.data && choices.data.total > rows.length;
  let hint: string | null = null;
  if (choices.error) hint = `Couldn't load the vendor list: ${choices.error.message}`;
  else if (more) hint = `Showing the first ${formatNumber(VENDOR_PICKER_LIMIT)} vendors by name.`;
  else if (choices.data && rows.length === 0) hint = "No vendors yet — add one under Vendors & Contracts.";

  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        aria-busy={choices.loading || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{choices.loading && !choices.data ? "Loading vendors…" : "No vendor"}</option>
        {rows.map((vendor) => (
          <option key={vendor.id} value={String(vendor.id)}>
            {vendor.name}
          </option>
        ))}
        {missing ? <option value={value}>{currentName || `Vendor #${value}`}</option> : null}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
