// The Attribution rules section of the Imports screen: which imported cost lines belong to which
// AI system ("Azure ResourceGroup rg-support-bot → Support chatbot"). Rules are saved, changed,
// moved up or down and deleted here; Rust re-applies them to everything stored and says what
// moved. Lines no rule matches stay unattributed, and the Dashboard shows them as such.
import { useCallback, useEffect, useRef, useState } from "react";

import { Button } from "../../components/button";
import { ConfirmDialog } from "../../components/dialog";
import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { SelectField, TextField } from "../../components/form-fields";
import { SkeletonLines } from "../../components/spinner";
import { useToasts } from "../../components/toast";
import { Truncate } from "../../components/truncate";
import { toApiError, type ApiError } from "../../ipc/api-error";
import { formatCount, formatNumber } from "../../lib/format";
import { useSession } from "../session/session-context";
import {
  addAttributionRule,
  deleteAttributionRule,
  moveAttributionRule,
  updateAttributionRule,
  useAttribution,
  useAttributionSources,
  useSystemChoices,
  type AttributionRule,
  type AttributionSource,
  type UnattributedValue,
} from "./api";
import {
  appliedText,
  deleteQuestion,
  draftOf,
  editForm,
  EMPTY_RULE_FORM,
  EVERY_LINE,
  formOf,
  matchText,
  movedText,
  moveLabel,
  moveTip,
  neighbourOf,
  spendText,
  valueOptionLabel,
  valuesFor,
  type MoveDirection,
  type RuleForm,
} from "./attribution-text";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

/** Picking among the unattributed values, or typing one. */
const TYPE_VALUE = "\u0000type";

type Editing = { kind: "new" } | { kind: "edit"; rule: AttributionRule } | null;

/** A rule just moved, and the place it should show at once the list is read again. */
type Moved = { id: number; direction: MoveDirection; priority: number };

export function AttributionRules() {
  const session = useSession();
  const toasts = useToasts();
  const data = useAttribution(session.dataVersion);
  const sources = useAttributionSources();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<AttributionRule | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [lastSaved, setLastSaved] = useState<number | null>(null);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState<Moved | null>(null);
  const readOnly = session.readOnly;
  const moveShown = useCallback(() => setMoved(null), []);

  const move = async (rule: AttributionRule, direction: MoveDirection) => {
    // A second press before the list is read again would start from the old places.
    const passed = neighbourOf(data.data?.rules ?? [], rule, direction);
    if (moving || data.loading || !passed) return;
    setMoving(true);
    try {
      const applied = await moveAttributionRule(rule.id, passed.priority);
      toasts.show({ tone: "success", ...movedText(direction, applied, rule, passed) });
      setLastSaved(rule.id);
      setMoved({ id: rule.id, direction, priority: passed.priority });
      session.dataChanged();
    } catch (e) {
      toasts.show({ tone: "danger", message: "Couldn't move the rule", detail: toApiError(e).message });
    } finally {
      setMoving(false);
    }
  };

  const remove = async (rule: AttributionRule) => {
    setDeleting(true);
    try {
      const applied = await deleteAttributionRule(rule.id);
      toasts.show({ tone: "success", ...appliedText("deleted", applied, rule.system_name) });
      if (editing?.kind === "edit" && editing.rule.id === rule.id) setEditing(null);
      session.dataChanged();
    } catch (e) {
      toasts.show({ tone: "danger", message: "Couldn't delete the rule", detail: toApiError(e).message });
    } finally {
      setDeleting(false);
      setConfirming(null);
    }
  };

  const rules = data.data?.rules;
  const values = data.data?.values ?? [];
  let body;
  if (data.error && !data.data) {
    body = <ErrorPanel error={data.error} onRetry={data.reload} />;
  } else if (!rules) {
    body = <SkeletonLines lines={4} />;
  } else if (rules.length === 0 && editing !== null) {
    body = null;
  } else if (rules.length === 0) {
    body = (
      <EmptyState
        icon="imports"
        title="No rules yet"
        compact
        actions={
          <Button
            variant="primary"
            icon="plus"
            onClick={() => setEditing({ kind: "new" })}
            disabled={readOnly}
            title={readOnly ? READ_ONLY_TIP : undefined}
            data-testid="rule-add-empty"
          >
            Add a rule
          </Button>
        }
      >
        Unattributed spend shows on the Dashboard as such; add a rule to tie it to a system.
        {values.length > 0 ? <UnattributedSummary values={values} /> : null}
      </EmptyState>
    );
  } else {
    body = (
      <RulesTable
        rules={rules}
        readOnly={readOnly}
        editingId={editing?.kind === "edit" ? editing.rule.id : null}
        lastSaved={lastSaved}
        moved={moved}
        onMove={(rule, direction) => void move(rule, direction)}
        onMoveShown={moveShown}
        onEdit={(rule) => setEditing({ kind: "edit", rule })}
        onDelete={setConfirming}
      />
    );
  }

  return (
    <div className="attribution" data-testid="attribution-rules">
      <div className="attribution__head">
        <p className="attribution__lead">
          A rule ties the imported cost lines of one export to an AI system of your inventory — for example, Azure lines
          whose ResourceGroup is rg-support-bot belong to the Support chatbot. Rules are tried in order from the top, and
          the first rule that matches a line wins, so move a specific rule above a broader one (such as every line of an
          export). Saving, moving, changing or deleting a rule applies the rules again to everything already imported,
          and to every import after.
        </p>
        {rules && rules.length > 0 && editing === null ? (
          <Button
            variant="primary"
            icon="plus"
            onClick={() => setEditing({ kind: "new" })}
            disabled={readOnly}
            title={readOnly ? READ_ONLY_TIP : "Add an attribution rule"}
            data-testid="rule-add"
          >
            Add rule
          </Button>
        ) : null}
      </div>
      {editing ? (
        <RuleEditor
          key={editing.kind === "edit" ? editing.rule.id : "new"}
          rule={editing.kind === "edit" ? editing.rule : null}
          sources={sources.data ?? []}
          values={values}
          onCancel={() => setEditing(null)}
          onSaved={(id, verb, applied, systemName) => {
            toasts.show({ tone: "success", ...appliedText(verb, applied, systemName) });
            setEditing(null);
            setLastSaved(id);
            session.dataChanged();
          }}
        />
      ) : null}
      {body}
      {confirming ? (
        <ConfirmDialog
          title="Delete this rule?"
          confirmLabel="Delete rule"
          busy={deleting}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove(confirming)}
          testId="rule-delete-dialog"
          confirmTestId="rule-delete-confirm"
        >
          <p>{deleteQuestion(confirming)}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function UnattributedSummary({ values }: { values: UnattributedValue[] }) {
  const sources = new Set(values.map((v) => v.source)).size;
  return (
    <p className="attribution__hint" data-testid="unattributed-summary">
      Lines of {formatCount(sources, "imported export")} have no AI system yet; the rule form lists their values with the spend
      each carries.
    </p>
  );
}

function RulesTable({
  rules,
  readOnly,
  editingId,
  lastSaved,
  moved,
  onMove,
  onMoveShown,
  onEdit,
  onDelete,
}: {
  rules: AttributionRule[];
  readOnly: boolean;
  editingId: number | null;
  lastSaved: number | null;
  moved: Moved | null;
  onMove: (rule: AttributionRule, direction: MoveDirection) => void;
  onMoveShown: () => void;
  onEdit: (rule: AttributionRule) => void;
  onDelete: (rule: AttributionRule) => void;
}) {
  const table = useRef<HTMLTableElement>(null);

  // Keep the keyboard on the moved rule once the list shows its new place: its row was moved
  // in the page, which drops focus, and at either end the pressed button is disabled.
  useEffect(() => {
    if (!moved || !rules.some((r) => r.id === moved.id && r.priority === moved.priority)) return;
    const row = table.current?.querySelector(`[data-rule-id="${moved.id}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(`[data-move="${moved.direction}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>("[data-move]:not(:disabled)");
    button?.focus();
    onMoveShown();
  }, [moved, rules, onMoveShown]);

  return (
    <div className="table-frame attribution__table">
      <div className="table-scroll">
        <table ref={table} className="simple-table" aria-label="Attribution rules" data-testid="rules-table">
          <colgroup>
            <col className="rule-col--order" />
            <col className="rule-col--source" />
            <col />
            <col className="rule-col--system" />
            <col className="rule-col--lines" />
            <col className="rule-col--money" />
            <col className="rule-col--actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" title="Rules are tried in this order; the first that matches a line wins">
                Order
              </th>
              <th scope="col">Source</th>
              <th scope="col">Lines where</th>
              <th scope="col">Belong to</th>
              <th scope="col" className="num">
                Lines attributed
              </th>
              <th scope="col" className="num">
                Spend
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const classes = [
                "attribution__row",
                rule.id === editingId ? "attribution__row--editing" : "",
                rule.id === lastSaved ? "attribution__row--saved" : "",
              ];
              const what = `the rule ${matchText(rule.field, rule.match_value)}`;
              return (
                <tr key={rule.id} className={classes.filter(Boolean).join(" ")} data-testid="rule-row" data-rule-id={rule.id}>
                  <td>
                    <div className="attribution__order">
                      <span className="attribution__priority muted" data-testid="rule-priority">
                        {rule.priority}
                      </span>
                      <MoveButton rule={rule} rules={rules} direction="up" readOnly={readOnly} onMove={onMove} />
                      <MoveButton rule={rule} rules={rules} direction="down" readOnly={readOnly} onMove={onMove} />
                    </div>
                  </td>
                  <td>
                    <Truncate text={rule.source_label} />
                  </td>
                  <td>
                    {rule.field === EVERY_LINE ? (
                      <span>Every line</span>
                    ) : (
                      <span className="attribution__match">
                        <span className="muted">{rule.field} =</span> <Truncate text={rule.match_value} className="strong" />
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="attribution__system">
                      <span className="attribution__arrow" aria-hidden="true">
                        →
                      </span>
                      <Truncate text={rule.system_name || "(deleted system)"} testId="rule-system" />
                    </span>
                    {rule.system_deleted ? (
                      <span className="attribution__warn" title="Restore the system, or change the rule: it attributes nothing until then">
                        System deleted
                      </span>
                    ) : null}
                  </td>
                  <td className="num" data-testid="rule-lines">
                    {rule.lines > 0 ? formatNumber(rule.lines) : <span className="muted">0</span>}
                  </td>
                  <td className="num">{rule.lines > 0 ? spendText(rule.spend) : <span className="muted">—</span>}</td>
                  <td>
                    <div className="attribution__buttons">
                      <Button
                        variant="ghost"
                        size="sm"
                        icon="edit"
                        aria-label={`Change ${what}`}
                        title={readOnly ? READ_ONLY_TIP : "Change"}
                        disabled={readOnly}
                        onClick={() => onEdit(rule)}
                        data-testid="rule-edit"
                      />
                      <Button
                        variant="ghost"
                        size="sm"
                        icon="trash"
                        className="btn--danger-text"
                        aria-label={`Delete ${what}`}
                        title={readOnly ? READ_ONLY_TIP : "Delete"}
                        disabled={readOnly}
                        onClick={() => onDelete(rule)}
                        data-testid="rule-delete"
                      />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Moves a rule one place; disabled at the end it cannot pass, and while the file is read-only. */
function MoveButton({
  rule,
  rules,
  direction,
  readOnly,
  onMove,
}: {
  rule: AttributionRule;
  rules: AttributionRule[];
  direction: MoveDirection;
  readOnly: boolean;
  onMove: (rule: AttributionRule, direction: MoveDirection) => void;
}) {
  const atEnd = neighbourOf(rules, rule, direction) === null;
  return (
    <Button
      variant="ghost"
      size="sm"
      icon={direction === "up" ? "arrowUp" : "arrowDown"}
      aria-label={moveLabel(rule, direction)}
      title={readOnly ? READ_ONLY_TIP : moveTip(direction, atEnd)}
      disabled={readOnly || atEnd}
      onClick={() => onMove(rule, direction)}
      data-move={direction}
      data-testid={`rule-move-${direction}`}
    />
  );
}

function RuleEditor({
  rule,
  sources,
  values,
  onCancel,
  onSaved,
}: {
  rule: AttributionRule | null;
  sources: AttributionSource[];
  values: UnattributedValue[];
  onCancel: () => void;
  onSaved: (id: number, verb: "added" | "changed", applied: Awaited<ReturnType<typeof addAttributionRule>>, systemName: string) => void;
}) {
  const session = useSession();
  const systems = useSystemChoices(session.dataVersion);
  const [form, setForm] = useState<RuleForm>(rule ? formOf(rule) : EMPTY_RULE_FORM);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [typing, setTyping] = useState(false);

  const source = sources.find((s) => s.id === form.source);
  const picks = valuesFor(values, form.source, form.field);
  // The value is typed when asked for, when no unattributed line offers one, or when the rule's
  // current value is attributed already (so it is not among the unattributed ones).
  const typed = typing || picks.length === 0 || (form.match_value !== "" && !picks.some((v) => v.value === form.match_value));
  const fieldError = (key: string) => error?.fields.find((f) => f.field === key)?.message;
  const set = (key: keyof RuleForm, value: string) => {
    setForm((f) => editForm(f, key, value, sources));
    if (key !== "match_value") setTyping(false);
  };

  const sourceOptions = sources.map((s) => ({ value: s.id, label: s.name }));
  if (form.source === "*") sourceOptions.unshift({ value: "*", label: "Every source" });
  const fieldOptions = [
    ...(source?.fields ?? []).map((f) => {
      const count = valuesFor(values, form.source, f).length;
      return { value: f, label: count > 0 ? `${f} · ${formatCount(count, "value")} to attribute` : f };
    }),
    ...(form.source ? [{ value: EVERY_LINE, label: "Every line of this export" }] : []),
  ];
  const systemOptions = (systems.data?.rows ?? []).map((s) => ({ value: String(s.id), label: `${s.name} (${s.code})` }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const draft = draftOf(form);
      const applied = rule ? await updateAttributionRule(rule.id, draft) : await addAttributionRule(draft);
      const systemName = systems.data?.rows.find((s) => s.id === draft.system_id)?.name ?? "the system";
      onSaved(applied.rule_id, rule ? "changed" : "added", applied, systemName);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const unplacedError = error && error.fields.length === 0 ? error.message : null;
  return (
    <form
      className="attribution__form"
      data-testid="rule-form"
      aria-label={rule ? "Change the rule" : "Add a rule"}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="attribution__form-title">{rule ? `Change rule #${rule.priority}` : "Add a rule"}</h3>
      <div className="attribution__fields">
        <SelectField
          name="source"
          label="Export"
          value={form.source}
          onChange={(v) => set("source", v)}
          options={sourceOptions}
          emptyLabel="Choose the export…"
          error={fieldError("source")}
        />
        <SelectField
          name="field"
          label="Column"
          value={form.field}
          onChange={(v) => set("field", v)}
          options={fieldOptions}
          emptyLabel={form.source ? "Choose the column…" : "Choose the export first"}
          disabled={!form.source}
          error={fieldError("field")}
        />
        {form.field === EVERY_LINE ? (
          <div className="field">
            <span className="field__label">Value</span>
            <p className="attribution__every">Every line of this export, whatever it holds</p>
          </div>
        ) : typed ? (
          <TextField
            name="match_value"
            label="Value"
            value={form.match_value}
            onChange={(v) => set("match_value", v)}
            placeholder={form.field ? `The ${form.field} to match` : "Choose the column first"}
            disabled={!form.field}
            error={fieldError("match_value")}
            hint={
              picks.length > 0 ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setTyping(false);
                    set("match_value", picks[0].value);
                  }}
                >
                  Pick from the {formatCount(picks.length, "unattributed value")}
                </button>
              ) : form.field ? (
                "No unattributed line has a value here; type it (any case matches)"
              ) : undefined
            }
          />
        ) : (
          <SelectField
            name="match_value"
            label="Value"
            value={form.match_value}
            onChange={(v) => {
              if (v === TYPE_VALUE) {
                setTyping(true);
                set("match_value", "");
              } else set("match_value", v);
            }}
            options={[
              ...picks.map((v) => ({ value: v.value, label: valueOptionLabel(v) })),
              { value: TYPE_VALUE, label: "Another value — type it…" },
            ]}
            emptyLabel="Choose a value…"
            error={fieldError("match_value")}
            hint="Values of lines no rule attributes yet, with their spend"
          />
        )}
        <SelectField
          name="system_id"
          label="Belong to AI system"
          value={form.system_id}
          onChange={(v) => set("system_id", v)}
          options={systemOptions}
          emptyLabel={systems.data && systemOptions.length === 0 ? "The inventory has no AI system yet" : "Choose the system…"}
          error={fieldError("system_id")}
        />
      </div>
      {unplacedError ? (
        <p className="field__error" role="alert" data-testid="rule-error">
          {unplacedError}
        </p>
      ) : null}
      <div className="attribution__form-actions">
        <Button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving} data-testid="rule-save">
          {rule ? "Save and re-apply" : "Add and apply"}
        </Button>
      </div>
    </form>
  );
}
