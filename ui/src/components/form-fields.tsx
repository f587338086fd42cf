// Form inputs with their label, hint and the error Rust returned for them. Each input carries
// `name="<draft key>"` and each error `data-testid="field-error-<draft key>"`.
import { useId, type ReactNode } from "react";

import type { EnumOption } from "../ipc/types";

type Base = {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  wide?: boolean;
};

function FieldShell({
  id,
  label,
  error,
  hint,
  wide,
  name,
  children,
}: Base & { id: string; children: ReactNode }) {
  return (
    <div className={["field", wide ? "field--wide" : "", error ? "field--invalid" : ""].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

export function TextField({
  value,
  onChange,
  placeholder,
  maxLength,
  inputMode,
  type = "text",
  autoFocus,
  ...base
}: Base & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  inputMode?: "text" | "numeric" | "decimal" | "url";
  type?: "text" | "date" | "url";
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <FieldShell id={id} {...base}>
      <input
        id={id}
        className="input"
        name={base.name}
        type={type}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        inputMode={inputMode}
        disabled={base.disabled}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.error, base.hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function DateField(props: Base & { value: string; onChange: (value: string) => void }) {
  return <TextField {...props} type="date" />;
}

export function TextAreaField({
  value,
  onChange,
  rows = 3,
  placeholder,
  ...base
}: Base & { value: string; onChange: (value: string) => void; rows?: number; placeholder?: string }) {
  const id = useId();
  return (
    <FieldShell id={id} {...base} wide={base.wide ?? true}>
      <textarea
        id={id}
        className="input textarea"
        name={base.name}
        rows={rows}
        value={value}
        placeholder={placeholder}
        disabled={base.disabled}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.error, base.hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

/** A choice from a catalog enumeration; the empty choice means "not set". */
export function SelectField({
  value,
  onChange,
  options,
  emptyLabel = "Not set",
  ...base
}: Base & {
  value: string;
  onChange: (value: string) => void;
  options: readonly EnumOption[];
  emptyLabel?: string;
}) {
  const id = useId();
  // A value the catalog does not list (an old record, a newer file) stays visible and kept.
  const unknown = value !== "" && !options.some((o) => o.value === value);
  return (
    <FieldShell id={id} {...base}>
      <select
        id={id}
        className="input select"
        name={base.name}
        value={value}
        disabled={base.disabled}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.error, base.hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {unknown ? <option value={value}>{value}</option> : null}
      </select>
    </FieldShell>
  );
}

const FLAG_OPTIONS: EnumOption[] = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

/** A yes / no question whose answer may not be known yet. */
export function FlagField(props: Base & { value: string; onChange: (value: string) => void }) {
  return <SelectField {...props} options={FLAG_OPTIONS} emptyLabel="Not known" />;
}

export function CheckboxField({
  checked,
  onChange,
  ...base
}: Base & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className={["field field--checkbox", base.wide ? "field--wide" : ""].filter(Boolean).join(" ")}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={base.name}
          checked={checked}
          disabled={base.disabled}
          aria-invalid={base.error ? true : undefined}
          aria-describedby={describedBy(id, base.error, base.hint)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{base.label}</span>
      </label>
      {base.hint && !base.error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {base.hint}
        </p>
      ) : null}
      {base.error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`field-error-${base.name}`}>
          {base.error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of fields under a small heading, laid out two to a row. */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="field-group">
      <legend className="field-group__title">{title}</legend>
      <div className="field-group__grid">{children}</div>
    </fieldset>
  );
}
