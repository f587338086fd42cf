// Budgets for the whole portfolio and for departments, by period, with add, change and delete
// (with undo). The Dashboard and the spend by department compare actual spend with them.
import { useId, useState } from "react";

import { Button } from "../../components/button";
import { Section } from "../../components/description-list";
import { ConfirmDialog } from "../../components/dialog";
import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { DateField, SelectField, TextField } from "../../components/form-fields";
import { SkeletonLines } from "../../components/spinner";
import { useToasts } from "../../components/toast";
import { formatCount, formatMoney, todayIso } from "../../lib/format";
import { useRecordForm } from "../records/use-record-form";
import { useSession } from "../session/session-context";
import { deleteBudget, setBudget, useBudgets } from "./api";
import {
  BUDGET_FIELDS,
  SCOPE_OPTIONS,
  budgetDraftOf,
  budgetKey,
  groupBudgetsByPeriod,
  knownDepartments,
  newBudgetDraft,
  periodLabel,
  scopeLabel,
  toBudgetEntry,
  type BudgetDraft,
  type BudgetEntry,
} from "./budget-draft";
import { currencyName } from "./currency";
import { toggledKey, useDeleteWithUndo } from "./delete-with-undo";
import { RowActions } from "./row-actions";
import { SettingsForm } from "./settings-form";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

type Editing = { kind: "new" } | { kind: "edit"; entry: BudgetEntry } | null;

const budgetName = (b: BudgetEntry) =>
  `the ${b.scope_type === "portfolio" ? "whole-portfolio" : `${b.scope_value}`} budget for ${periodLabel(b.period_start, b.period_end)}`;

export function BudgetsSection({ reporting }: { reporting: string | null }) {
  const session = useSession();
  const budgets = useBudgets(session.dataVersion);
  const [editing, setEditing] = useState<Editing>(null);
  // The newest period is open and the others closed, unless the user toggled them.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  // The budget just saved stays in view (its period opens) and is marked.
  const [lastSaved, setLastSaved] = useState<number | null>(null);
  const readOnly = session.readOnly;

  const { confirming, setConfirming, deleting, remove } = useDeleteWithUndo({
    name: budgetName,
    erase: (entry) => (entry.id === null ? Promise.resolve() : deleteBudget(entry.id)),
    // The deleted budget is set again as it was (it gets a new id; nothing refers to budget ids).
    restore: (entry) => setBudget({ ...entry, id: null }),
    onDeleted: (entry) => {
      if (editing?.kind === "edit" && editing.entry.id === entry.id) setEditing(null);
    },
  });

  const toggle = (key: string) => setToggled((set) => toggledKey(set, key));

  const list = budgets.data;
  let body;
  if (budgets.error && !list) {
    body = <ErrorPanel error={budgets.error} onRetry={budgets.reload} />;
  } else if (!list) {
    body = <SkeletonLines lines={4} />;
  } else if (list.length === 0) {
    body = editing ? null : (
      <EmptyState
        icon="info"
        compact
        title="No budgets yet"
        actions={
          <Button variant="primary" icon="plus" onClick={() => setEditing({ kind: "new" })} disabled={readOnly} title={readOnly ? READ_ONLY_TIP : undefined}>
            Add budget
          </Button>
        }
      >
        A budget for the whole portfolio or one department is compared with actual spend on the Dashboard and in the spend by
        department.
      </EmptyState>
    );
  } else {
    body = (
      <table className="simple-table settings-table" data-testid="budgets">
        <colgroup>
          <col className="budget-col--scope" />
          <col className="budget-col--amount" />
          <col className="budget-col--note" />
          <col className="settings-col--actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">For</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {groupBudgetsByPeriod(list).map((group, index) => {
          const holdsSaved = group.budgets.some((b) => b.id !== null && b.id === lastSaved);
          const open = holdsSaved || (index === 0) !== toggled.has(group.key);
          return (
            <tbody key={group.key} data-testid="budget-group">
              <tr className="settings-table__group">
                <th scope="colgroup" colSpan={4}>
                  <span className="settings-table__group-title">{group.label}</span>
                  <span className="settings-table__group-meta">{formatCount(group.budgets.length, "budget")}</span>
                  <button type="button" className="settings-table__toggle" aria-expanded={open} onClick={() => toggle(group.key)}>
                    {open ? "Hide" : "Show"}
                  </button>
                </th>
              </tr>
              {open
                ? group.budgets.map((budget) => (
                    <tr
                      key={budget.id ?? budgetKey(budget)}
                      className={budget.id !== null && budget.id === lastSaved ? "settings-table__row--saved" : undefined}
                      data-testid="budget-row"
                    >
                      <td className={budget.scope_type === "portfolio" ? "strong" : undefined} title={scopeLabel(budget)}>
                        {scopeLabel(budget)}
                      </td>
                      <td className="num">{formatMoney(budget.amount, budget.currency)}</td>
                      <td title={budget.note || undefined}>{budget.note || <span className="muted">—</span>}</td>
                      <td className="settings-table__actions">
                        <RowActions
                          what={budgetName(budget)}
                          readOnly={readOnly}
                          testPrefix="budget"
                          onEdit={() => setEditing({ kind: "edit", entry: budget })}
                          onDelete={() => setConfirming(budget)}
                        />
                      </td>
                    </tr>
                  ))
                : null}
            </tbody>
          );
        })}
      </table>
    );
  }

  return (
    <Section
      title="Budgets"
      actions={
        list && list.length > 0 && !editing ? (
          <Button
            size="sm"
            icon="plus"
            onClick={() => setEditing({ kind: "new" })}
            disabled={readOnly}
            title={readOnly ? READ_ONLY_TIP : undefined}
            data-testid="budget-add"
          >
            Add budget
          </Button>
        ) : null
      }
    >
      {list && list.length > 0 ? (
        <p className="settings__lead">The Dashboard and the spend by department compare actual spend with these.</p>
      ) : null}
      {editing ? (
        <BudgetForm
          key={editing.kind === "edit" ? (editing.entry.id ?? "edit") : "new"}
          original={editing.kind === "edit" ? editing.entry : null}
          reporting={reporting}
          departments={knownDepartments(list ?? [])}
          onDone={() => setEditing(null)}
          onSaved={(saved) => setLastSaved(saved.id)}
        />
      ) : null}
      {body}
      {confirming ? (
        <ConfirmDialog
          title="Delete this budget?"
          confirmLabel="Delete budget"
          busy={deleting}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove(confirming)}
          testId="budget-delete-dialog"
          confirmTestId="budget-delete-confirm"
        >
          <p>
            {scopeLabel(confirming)}, {periodLabel(confirming.period_start, confirming.period_end)}:{" "}
            {formatMoney(confirming.amount, confirming.currency)}. Spend is no longer compared with it. You can undo this.
          </p>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

function BudgetForm({
  original,
  reporting,
  departments,
  onDone,
  onSaved,
}: {
  original: BudgetEntry | null;
  reporting: string | null;
  departments: string[];
  onDone: () => void;
  onSaved: (saved: BudgetEntry) => void;
}) {
  const session = useSession();
  const toasts = useToasts();
  const form = useRecordForm<BudgetDraft, BudgetEntry, BudgetEntry>({
    initial: original ? budgetDraftOf(original) : newBudgetDraft(reporting, todayIso()),
    fieldOrder: BUDGET_FIELDS,
    toDraft: (values) => {
      const result = toBudgetEntry(values);
      return "entry" in result ? { draft: result.entry } : result;
    },
    // An edit changes the same budget (scope and dates included) in one step in Rust.
    save: (entry) => setBudget({ ...entry, id: original?.id ?? null }),
    onSaved: (saved) => {
      onDone();
      onSaved(saved);
      session.dataChanged();
      toasts.show({ tone: "success", message: `Saved ${budgetName(saved)}`, detail: formatMoney(saved.amount, saved.currency) });
    },
  });
  const { values, errors } = form;
  const department = values.scope_type !== "portfolio";

  return (
    <SettingsForm
      title={original ? `Change ${budgetName(original)}` : "Add a budget"}
      form={form}
      saveLabel="Save budget"
      onCancel={onDone}
      testId="budget-form"
    >
      <SelectField
        name="scope_type"
        label="For"
        value={values.scope_type}
        options={SCOPE_OPTIONS}
        emptyLabel="Choose…"
        error={errors.byField.scope_type}
        onChange={(v) => form.set("scope_type", v)}
      />
      {department ? (
        <DepartmentField
          value={values.scope_value}
          departments={departments}
          error={errors.byField.scope_value}
          autoFocus={!original}
          onChange={(v) => form.set("scope_value", v)}
        />
      ) : (
        <div className="field" aria-hidden="true" />
      )}
      <TextField
        name="amount"
        label="Amount"
        value={values.amount}
        inputMode="decimal"
        placeholder="250000.00"
        autoFocus={!!original}
        error={errors.byField.amount}
        onChange={(v) => form.set("amount", v)}
      />
      <TextField
        name="currency"
        label="Currency"
        value={values.currency}
        maxLength={3}
        placeholder={reporting ?? "EUR"}
        error={errors.byField.currency}
        hint={currencyName(values.currency) || "Three letters"}
        onChange={(v) => form.set("currency", v.toUpperCase())}
      />
      <DateField
        name="period_start"
        label="From"
        value={values.period_start}
        error={errors.byField.period_start}
        onChange={(v) => form.set("period_start", v)}
      />
      <DateField
        name="period_end"
        label="To (included)"
        value={values.period_end}
        error={errors.byField.period_end}
        onChange={(v) => form.set("period_end", v)}
      />
      <div className="settings-form__span-2">
        <TextField
          name="note"
          label="Note"
          value={values.note}
          placeholder="What it covers, what it leaves out"
          error={errors.byField.note}
          onChange={(v) => form.set("note", v)}
        />
      </div>
    </SettingsForm>
  );
}

/** A department name, typed or picked from the ones budgets already use (names must match exactly). */
function DepartmentField({
  value,
  departments,
  error,
  autoFocus,
  onChange,
}: {
  value: string;
  departments: string[];
  error?: string;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const listId = `${id}-departments`;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={id}>
        Department
      </label>
      <input
        id={id}
        className="input"
        name="scope_value"
        value={value}
        list={listId}
        placeholder="Finance"
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {departments.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid="field-error-scope_value">
          {error}
        </p>
      ) : (
        <p className="field__hint" id={`${id}-hint`}>
          As written on the AI systems
        </p>
      )}
    </div>
  );
}
