// The columns of the "Map columns" step: for each field of the target, the column that holds it
// or one value for every row, what the file's words mean, how its dates are written, and the
// name to save the mapping under. Every change goes to the wizard's reducer as a `MappingEdit`.
import { useId } from "react";

import { Section } from "../../components/description-list";
import type { DateOrder, TargetField } from "./api";
import { fieldKindHint, TARGETS, valueExample } from "./import-text";
import { untranslated, wordsOf, type MappingEdit, type MappingState } from "./mapping-state";

const NOT_IN_FILE = "";

export function MappingFields({ mapping, onEdit }: { mapping: MappingState; onEdit: (edit: MappingEdit) => void }) {
  const primary = mapping.fields.filter((f) => mapping.primary.includes(f.key));
  const others = mapping.fields.filter((f) => !mapping.primary.includes(f.key));
  const target = TARGETS.find((t) => t.value === mapping.target);
  // Other fields that were given a column or a value stay open, so nothing chosen is hidden.
  const othersUsed = others.some((f) => mapping.byField[f.key]?.column || mapping.byField[f.key]?.value);

  return (
    <>
      <Section title="Columns">
        <FieldTable fields={primary} mapping={mapping} onEdit={onEdit} testId="mapping-fields" />
        {others.length > 0 ? (
          <details className="mapping-more" open={othersUsed || undefined}>
            <summary className="mapping-more__summary">
              Other fields of {target?.label ?? "this list"} Steward can read ({others.length})
            </summary>
            <FieldTable fields={others} mapping={mapping} onEdit={onEdit} testId="mapping-more-fields" />
          </details>
        ) : null}
      </Section>
      <div className="wizard-options mapping-extras">
        {mapping.askDateOrder ? <DateOrderChoice value={mapping.dateOrder} onChange={(order) => onEdit({ type: "dateOrder", order })} /> : null}
        <SaveAs value={mapping.saveAs} example={target?.example ?? ""} onChange={(name) => onEdit({ type: "saveAs", name })} />
      </div>
    </>
  );
}

function FieldTable({
  fields,
  mapping,
  onEdit,
  testId,
}: {
  fields: TargetField[];
  mapping: MappingState;
  onEdit: (edit: MappingEdit) => void;
  testId: string;
}) {
  return (
    <div className="import-table-scroll">
      <table className="simple-table mapping-table" data-testid={testId}>
        <colgroup>
          <col className="mapping-col--field" />
          <col className="mapping-col--column" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Column in the file</th>
            <th scope="col">Values</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <FieldRow key={field.key} field={field} mapping={mapping} onEdit={onEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldRow({ field, mapping, onEdit }: { field: TargetField; mapping: MappingState; onEdit: (edit: MappingEdit) => void }) {
  const id = useId();
  const m = mapping.byField[field.key];
  const column = m?.column ?? null;
  const missing = field.required && column === null && (m?.value ?? "").trim() === "";
  const hint = fieldKindHint(field.kind);
  return (
    <tr className={missing ? "mapping-row mapping-row--missing" : "mapping-row"} data-testid={`mapping-field-${field.key}`}>
      <th scope="row" className="mapping-field" id={`${id}-label`}>
        <span className="mapping-field__label">{field.label}</span>
        {field.required ? <span className={missing ? "mapping-field__required mapping-field__required--missing" : "mapping-field__required"}>Required</span> : null}
        {hint ? <span className="mapping-field__hint">{hint}</span> : null}
      </th>
      <td>
        <select
          name={`column-${field.key}`}
          className="input select mapping-select"
          aria-labelledby={`${id}-label`}
          aria-invalid={missing || undefined}
          value={column ?? NOT_IN_FILE}
          onChange={(e) => onEdit({ type: "column", field: field.key, column: e.target.value === NOT_IN_FILE ? null : e.target.value })}
        >
          <option value={NOT_IN_FILE}>Not in this file</option>
          {mapping.headers.map((header, i) =>
            header.trim() === "" ? null : (
              <option key={`${i}|${header}`} value={header}>
                {header}
              </option>
            ),
          )}
        </select>
      </td>
      <td className="mapping-values">
        {column === null ? (
          <SameValue field={field} value={m?.value ?? ""} labelId={`${id}-label`} onChange={(value) => onEdit({ type: "value", field: field.key, value })} />
        ) : field.kind === "choice" ? (
          <Translations field={field} mapping={mapping} onEdit={onEdit} />
        ) : null}
      </td>
    </tr>
  );
}

/** One value for every row, when no column holds the field (e.g. usage policy "Approved"). */
function SameValue({ field, value, labelId, onChange }: { field: TargetField; value: string; labelId: string; onChange: (value: string) => void }) {
  const id = useId();
  let control;
  if (field.kind === "choice" || field.kind === "yes_no") {
    const options = field.kind === "yes_no" ? [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] : field.options;
    control = (
      <select id={id} name={`value-${field.key}`} className="input select mapping-select" aria-labelledby={`${labelId} ${id}-label`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.required ? "Choose…" : "No value"}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        name={`value-${field.key}`}
        className="input mapping-select"
        aria-labelledby={`${labelId} ${id}-label`}
        value={value}
        placeholder={valueExample(field.kind)}
        maxLength={200}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="mapping-same">
      <span className="mapping-same__label" id={`${id}-label`}>
        Same value for every row
      </span>
      {control}
    </div>
  );
}

/** The file's words of a choice column, each with the option it means. */
function Translations({ field, mapping, onEdit }: { field: TargetField; mapping: MappingState; onEdit: (edit: MappingEdit) => void }) {
  const words = wordsOf(mapping, field.key);
  const open = new Set(untranslated(mapping, field.key));
  const values = mapping.byField[field.key]?.values ?? {};
  if (words.length === 0) {
    return <span className="mapping-values__note">Words that are not a {field.label.toLowerCase()} are listed when you check the rows.</span>;
  }
  return (
    <ul className="mapping-words" aria-label={`What the words of this column mean as ${field.label.toLowerCase()}`}>
      {words.map((word) => (
        <li key={word} className={open.has(word) ? "mapping-words__item mapping-words__item--open" : "mapping-words__item"}>
          <span className="mapping-words__word truncate" title={word}>
            {word}
          </span>
          <span className="mapping-words__arrow" aria-hidden="true">
            →
          </span>
          <select
            name={`word-${field.key}-${word}`}
            className="input select mapping-select"
            aria-label={`What "${word}" means`}
            aria-invalid={open.has(word) || undefined}
            value={values[word] ?? ""}
            onChange={(e) => onEdit({ type: "translate", field: field.key, word, value: e.target.value })}
          >
            <option value="">Choose what it means</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </li>
      ))}
    </ul>
  );
}

const DATE_ORDERS: { value: DateOrder; label: string; example: string }[] = [
  { value: "day_first", label: "Day first", example: "25/04/2026" },
  { value: "month_first", label: "Month first", example: "04/25/2026" },
];

function DateOrderChoice({ value, onChange }: { value: DateOrder | null; onChange: (order: DateOrder) => void }) {
  return (
    <fieldset className="field wizard-field mapping-dates" data-testid="mapping-date-order">
      <legend className="field__label">How dates are written in this file</legend>
      <div className="mapping-dates__choices">
        {DATE_ORDERS.map((order) => (
          <label key={order.value} className="checkbox">
            <input type="radio" name="date_order" value={order.value} checked={value === order.value} onChange={() => onChange(order.value)} />
            <span>
              {order.label} <span className="muted num">{order.example}</span>
            </span>
          </label>
        ))}
      </div>
      {value === null ? <p className="field__hint">Some dates could be read either way, like 03/04/2026: choose how this file writes them.</p> : null}
    </fieldset>
  );
}

function SaveAs({ value, example, onChange }: { value: string; example: string; onChange: (name: string) => void }) {
  const id = useId();
  return (
    <div className="field wizard-field">
      <label className="field__label" htmlFor={id}>
        Save this mapping as
      </label>
      <input
        id={id}
        name="save_mapping_as"
        className="input"
        value={value}
        placeholder={example}
        maxLength={80}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        Optional. A file with the same columns is then read this way without asking.
      </p>
    </div>
  );
}
