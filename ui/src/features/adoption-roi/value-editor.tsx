// An initiative's value model: its assumptions grouped by method, editable in place, with the
// results recomputed by Rust as you type (value_model_preview, 300 ms after the last key) and
// saved only on Save. Leaving with unsaved edits asks first.
import { useEffect, useReducer, useRef, useState } from "react";

import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { ErrorPanel, InlineAlert } from "../../components/error-panel";
import { Icon } from "../../components/icon";
import { SkeletonLines } from "../../components/spinner";
import { useToasts } from "../../components/toast";
import { toApiError, type ApiError } from "../../ipc/api-error";
import type { FieldError } from "../../ipc/bindings/FieldError";
import {
  EMPTY,
  formatMoneyRange,
  formatMoneyWhole,
  formatMonth,
  formatPercentRange,
  isNegativeDecimal,
} from "../../lib/format";
import { ChartImage } from "../dashboard/chart-image";
import { useSession } from "../session/session-context";
import { previewValueModel, saveValueModel, useInitiativeValue, type InitiativeValue } from "./api";
import { keepUnsavedDraft, takeUnsavedDraft } from "./unsaved-drafts";
import {
  CONFIDENCES,
  UNIT_SUGGESTIONS,
  cellMessage,
  draftReducer,
  errorsByRow,
  groupRows,
  initialDraft,
  isDirty,
  toDrafts,
  type DraftRow,
  type EditableField,
  type Method,
  type RowErrors,
} from "./value-draft";

const PREVIEW_DELAY_MS = 300;
const READ_ONLY_TIP = "Read-only — Save a copy to edit";

type Preview = { value: InitiativeValue | null; errors: FieldError[]; failed: ApiError | null; running: boolean };
const NO_PREVIEW: Preview = { value: null, errors: [], failed: null, running: false };

export function ValueEditor({ id, onClose }: { id: number; onClose: () => void }) {
  const session = useSession();
  const toasts = useToasts();
  const [restored] = useState(() => takeUnsavedDraft(id));
  const [state, dispatch] = useReducer(draftReducer, restored ?? initialDraft([]));
  const [ready, setReady] = useState(restored !== null);
  const [savedValue, setSavedValue] = useState<InitiativeValue | null>(null);
  const [preview, setPreview] = useState<Preview>(NO_PREVIEW);
  const [saveErrors, setSaveErrors] = useState<FieldError[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [chartKey, setChartKey] = useState(0);
  const loaded = useInitiativeValue(id, 0);
  const readOnly = session.readOnly;

  const dirty = isDirty(state);
  const { drafts, keys } = toDrafts(state);
  const draftsKey = JSON.stringify(drafts);

  // The saved model arrives: it becomes the draft, unless restored edits are already there.
  useEffect(() => {
    if (!loaded.data || ready) return;
    dispatch({ type: "load", assumptions: loaded.data.assumptions });
    setReady(true);
  }, [loaded.data, ready]);

  // Edits left unsaved when the editor goes away (another screen) are kept for coming back.
  const latest = useRef({ state, dirty });
  latest.current = { state, dirty };
  useEffect(
    () => () => {
      if (latest.current.dirty) keepUnsavedDraft(id, latest.current.state);
    },
    [id],
  );

  // Live recomputation: Rust evaluates the edited model without saving it.
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(() => {
    if (!ready || !dirty) {
      setPreview(NO_PREVIEW);
      return;
    }
    let live = true;
    setPreview((p) => ({ ...p, running: true }));
    const timer = window.setTimeout(() => {
      previewValueModel(id, JSON.parse(draftsKey)).then(
        (value) => live && setPreview({ value, errors: [], failed: null, running: false }),
        (error: unknown) => {
          if (!live) return;
          const apiError = toApiError(error);
          setPreview((p) =>
            apiError.code === "validation"
              ? { value: p.value, errors: apiError.fields, failed: null, running: false }
              : { value: p.value, errors: [], failed: apiError, running: false },
          );
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftsKey, ready, dirty, id]);

  const base = savedValue ?? loaded.data ?? null;
  const shown = dirty ? (preview.value ?? base) : base;
  const fieldErrors = saveErrors ?? preview.errors;
  const { rows: rowErrors, other: otherErrors } = errorsByRow(fieldErrors, keys);
  const stale = dirty && (fieldErrors.length > 0 || preview.value === null);

  const save = async () => {
    setSaving(true);
    try {
      const value = await saveValueModel(id, drafts);
      dispatch({ type: "load", assumptions: value.assumptions });
      setSavedValue(value);
      setPreview(NO_PREVIEW);
      setSaveErrors(null);
      setChartKey((k) => k + 1);
      session.dataChanged();
      toasts.show({ tone: "success", message: `Saved the value model of ${value.name}` });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === "validation") setSaveErrors(apiError.fields);
      else toasts.show({ tone: "danger", message: "The value model was not saved", detail: apiError.message, durationMs: 8000 });
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    dispatch({ type: "discard" });
    setPreview(NO_PREVIEW);
    setSaveErrors(null);
  };

  const leave = () => {
    if (dirty) setConfirmLeave(true);
    else onClose();
  };

  const edit = (key: number, field: EditableField, value: string) => {
    setSaveErrors(null);
    dispatch({ type: "edit", key, field, value });
  };

  if (loaded.error && !loaded.data)
    return (
      <div className="value-editor">
        <BackLink onClick={onClose} />
        <ErrorPanel error={loaded.error} onRetry={loaded.reload} />
      </div>
    );

  const head = shown ?? loaded.data;
  return (
    <div className="value-editor" data-testid="value-editor">
      <div className="value-editor__top">
        <BackLink onClick={leave} />
      </div>
      <header className="value-editor__head">
        <div className="value-editor__heading">
          <span className="value-editor__eyebrow">
            {head ? head.code : " "} · Value model
          </span>
          <h2 className="value-editor__title" data-testid="value-editor-title">
            {head?.name ?? "Loading…"}
          </h2>
          <div className="value-editor__badges">
            {head ? <Badge tone="neutral">{head.stage_label}</Badge> : null}
            {dirty ? (
              <Badge tone="warning">
                <span data-testid="value-unsaved">Unsaved changes</span>
              </Badge>
            ) : null}
            {restored && dirty ? <span className="muted small">Your unsaved edits were kept while you were away.</span> : null}
          </div>
        </div>
        <div className="value-editor__actions">
          <Button onClick={discard} disabled={!dirty || saving} data-testid="value-discard">
            Discard
          </Button>
          <Button
            variant="primary"
            icon="check"
            onClick={() => void save()}
            busy={saving}
            disabled={!dirty || readOnly}
            title={readOnly ? READ_ONLY_TIP : undefined}
            data-testid="value-save"
          >
            Save
          </Button>
        </div>
      </header>

      <p className="value-editor__formula">
        <strong>How the value is worked out.</strong> Each method multiplies its assumptions together into a benefit a
        month, and the methods add up. A figure in <em>%</em> counts as a share (50 % is half), one in <em>minutes</em>{" "}
        as hours (30 minutes is half an hour), and one in <em>users</em> takes the active users measured on the
        initiative's systems once there are some. Low, likely and high give the range; value counts for 36 months from
        go-live, against everything the initiative costs.
      </p>

      {readOnly ? <InlineAlert tone="info">This portfolio is read-only: you can try figures, but not save them. Save a copy to edit.</InlineAlert> : null}

      <div className="value-editor__grid">
        <div className="value-editor__model">
          {otherErrors.length > 0 ? (
            <InlineAlert>
              {otherErrors.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </InlineAlert>
          ) : null}
          {!ready ? (
            <div className="card">
              <SkeletonLines lines={6} />
            </div>
          ) : (
            groupRows(state.rows).map((group) => (
              <section key={group.method} className="assumption-group" data-testid={`assumptions-${group.method}`}>
                <div className="assumption-group__head">
                  <div className="assumption-group__titles">
                    <h3 className="assumption-group__title">{group.label}</h3>
                    {group.example ? <span className="assumption-group__example">{group.example}</span> : null}
                  </div>
                  <Button
                    size="sm"
                    variant="ghost"
                    icon="plus"
                    onClick={() => dispatch({ type: "add", method: group.method as Method })}
                    data-testid={`add-assumption-${group.method}`}
                  >
                    Add
                  </Button>
                </div>
                {group.rows.length === 0 ? (
                  <p className="assumption-group__empty">No assumptions: this method adds nothing to the value.</p>
                ) : (
                  <table className="assumption-table">
                    <colgroup>
                      <col className="assumption-col--name" />
                      <col className="assumption-col--unit" />
                      <col className="assumption-col--number" />
                      <col className="assumption-col--number" />
                      <col className="assumption-col--number" />
                      <col className="assumption-col--confidence" />
                      <col className="assumption-col--note" />
                      <col className="assumption-col--remove" />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col">Assumption</th>
                        <th scope="col">Unit</th>
                        <th scope="col" className="num">
                          Low
                        </th>
                        <th scope="col" className="num">
                          Likely
                        </th>
                        <th scope="col" className="num">
                          High
                        </th>
                        <th scope="col">Known by</th>
                        <th scope="col">Note</th>
                        <th scope="col">
                          <span className="visually-hidden">Remove</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.rows.map((row) => (
                        <AssumptionRow
                          key={row.key}
                          row={row}
                          errors={rowErrors.get(row.key)}
                          onEdit={edit}
                          onRemove={() => dispatch({ type: "remove", key: row.key })}
                        />
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ))
          )}
          <datalist id="assumption-units">
            {UNIT_SUGGESTIONS.map((u) => (
              <option key={u} value={u} />
            ))}
            {head ? <option value={head.reporting_currency} /> : null}
          </datalist>
        </div>

        <Results value={shown} dirty={dirty} stale={stale} running={preview.running} failed={preview.failed} />
      </div>

      <ChartImage
        spec={{ kind: "cumulative_value", period: "year", anchor: null, basis: null, initiative_id: id }}
        title="Cumulative value against cost"
        caption={`${dirty ? "The saved model (save to redraw)" : "The saved model"}: value to date with its low–high range against everything spent, and the payback month · ${head?.reporting_currency ?? ""}`}
        alt="Cumulative value range against cumulative cost of this initiative, with the payback month"
        refreshKey={`${session.dataVersion}-${chartKey}`}
        testId="chart-cumulative-value"
      />

      {confirmLeave ? (
        <Dialog
          title="Discard your changes to this value model?"
          tone="danger"
          testId="value-leave-dialog"
          onClose={() => setConfirmLeave(false)}
          actions={
            <>
              <Button onClick={() => setConfirmLeave(false)}>Keep editing</Button>
              <Button
                variant="danger"
                data-testid="value-leave-discard"
                onClick={() => {
                  discard();
                  latest.current = { state, dirty: false };
                  setConfirmLeave(false);
                  onClose();
                }}
              >
                Discard changes
              </Button>
            </>
          }
        >
          <p>The assumptions you changed have not been saved. Leaving now puts the model back as it was saved.</p>
        </Dialog>
      ) : null}
    </div>
  );
}

function BackLink({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="back-link" onClick={onClick} data-testid="value-back">
      <svg className="icon" width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="m15 6-6 6 6 6" />
      </svg>
      All initiatives
    </button>
  );
}

function AssumptionRow({
  row,
  errors,
  onEdit,
  onRemove,
}: {
  row: DraftRow;
  errors: RowErrors | undefined;
  onEdit: (key: number, field: EditableField, value: string) => void;
  onRemove: () => void;
}) {
  const label = row.name.trim() || "New assumption";
  const cell = (field: EditableField, options: { numeric?: boolean; placeholder?: string; list?: string } = {}) => {
    const error = errors?.[field];
    return (
      <td className={options.numeric ? "assumption-cell assumption-cell--number" : "assumption-cell"}>
        <input
          className={options.numeric ? "input input--cell num" : "input input--cell"}
          value={row[field]}
          name={`assumption-${row.key}-${field}`}
          aria-label={`${label}: ${field}`}
          aria-invalid={error ? true : undefined}
          inputMode={options.numeric ? "decimal" : undefined}
          placeholder={options.placeholder}
          list={options.list}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onEdit(row.key, field, e.target.value)}
          data-testid={`assumption-${field}`}
        />
        {error ? (
          <span className="cell-error" role="alert" data-testid={`assumption-error-${field}`}>
            {cellMessage(error)}
          </span>
        ) : null}
      </td>
    );
  };
  const confidenceError = errors?.confidence;
  return (
    <tr className="assumption-row" data-testid="assumption-row">
      {cell("name", { placeholder: "e.g. Minutes saved per ticket" })}
      {cell("unit", { placeholder: "unit", list: "assumption-units" })}
      {cell("low", { numeric: true })}
      {cell("likely", { numeric: true, placeholder: "required" })}
      {cell("high", { numeric: true })}
      <td className="assumption-cell">
        <select
          className="input select input--cell"
          value={row.confidence}
          aria-label={`${label}: how it is known`}
          aria-invalid={confidenceError ? true : undefined}
          onChange={(e) => onEdit(row.key, "confidence", e.target.value)}
          title={CONFIDENCES.find((c) => c.value === row.confidence)?.hint}
          data-testid="assumption-confidence"
        >
          {CONFIDENCES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          {CONFIDENCES.some((c) => c.value === row.confidence) ? null : <option value={row.confidence}>{row.confidence || "Choose…"}</option>}
        </select>
        {confidenceError ? <span className="cell-error">{cellMessage(confidenceError)}</span> : null}
      </td>
      {cell("note", { placeholder: "source, reasoning" })}
      <td className="assumption-cell assumption-cell--remove">
        <button
          type="button"
          className="btn btn--ghost btn--sm btn--icon-only"
          aria-label={`Remove ${label}`}
          title="Remove this assumption"
          onClick={onRemove}
          data-testid="assumption-remove"
        >
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  );
}

function Results({
  value,
  dirty,
  stale,
  running,
  failed,
}: {
  value: InitiativeValue | null;
  dirty: boolean;
  stale: boolean;
  running: boolean;
  failed: ApiError | null;
}) {
  const status = running
    ? "Recomputing…"
    : failed
      ? "Could not recompute"
      : stale
        ? "Showing the last complete model"
        : dirty
          ? "With your changes, not saved"
          : "As saved";
  if (!value)
    return (
      <aside className="value-results" aria-busy="true">
        <SkeletonLines lines={7} />
      </aside>
    );
  const currency = value.reporting_currency;
  const lossClass = (text: string) => (isNegativeDecimal(text) ? "value-results__value num kpi__loss" : "value-results__value num");
  const horizon = value.value_start
    ? `${formatMonth(value.value_start)} – ${formatMonth(value.horizon_end)}`
    : "No go-live yet: value counts from the month it reaches production";
  const payback = value.payback.likely ? paybackText(value.payback.low, value.payback.likely, value.payback.high) : value.value_start ? "Not within 3 years" : EMPTY;
  const hasModel = value.assumptions.length > 0;
  return (
    <aside className={stale ? "value-results value-results--stale" : "value-results"} aria-live="polite" data-testid="value-results">
      <div className="value-results__head">
        <h3 className="value-results__title">Results</h3>
        <span className={dirty ? "value-results__status value-results__status--draft" : "value-results__status"}>
          {running ? <span className="spinner spinner--inline" aria-hidden="true" /> : null}
          {status}
        </span>
      </div>
      {failed ? <InlineAlert>{failed.message}</InlineAlert> : null}
      {stale && !failed ? <p className="value-results__hint">Fix the marked cells and the results follow.</p> : null}
      <dl className="value-results__list">
        <div className="value-results__item">
          <dt>Benefit a month</dt>
          <dd className="value-results__value num" data-testid="result-monthly-benefit">
            {hasModel ? formatMoneyRange(value.monthly_benefit, currency) : "No assumptions yet"}
          </dd>
        </div>
        <div className="value-results__item">
          <dt>Total value</dt>
          <dd className="value-results__value num" data-testid="result-total-value">
            {formatMoneyRange(value.total_value, currency)}
          </dd>
          <dd className="value-results__sub">{horizon}</dd>
        </div>
        <div className="value-results__item">
          <dt>Total cost</dt>
          <dd className="value-results__value num">{formatMoneyWhole(value.total_cost, currency)}</dd>
          <dd className="value-results__sub">
            <ul className="cost-split">
              <li>
                <span>Actual</span>
                <span className="num">{formatMoneyWhole(value.cost_actual, currency)}</span>
              </li>
              <li>
                <span>Contract share</span>
                <span className="num">{formatMoneyWhole(value.cost_contract_share, currency)}</span>
              </li>
              <li>
                <span>Projected</span>
                <span className="num">{formatMoneyWhole(value.cost_projected, currency)}</span>
              </li>
            </ul>
          </dd>
        </div>
        <div className="value-results__item">
          <dt>Net value</dt>
          <dd className={lossClass(value.net.likely)} data-testid="result-net">
            {formatMoneyRange(value.net, currency)}
          </dd>
        </div>
        <div className="value-results__item">
          <dt>ROI</dt>
          <dd className="value-results__value num" data-testid="result-roi">
            {hasModel ? formatPercentRange(value.roi) : EMPTY}
          </dd>
        </div>
        <div className="value-results__item">
          <dt>Payback</dt>
          <dd className="value-results__value num" data-testid="result-payback">
            {hasModel ? payback : EMPTY}
          </dd>
        </div>
      </dl>
      {value.breakevens.length > 0 ? (
        <div className="value-results__block">
          <h4 className="value-results__subtitle">What it takes to break even</h4>
          <ul className="value-results__sentences" data-testid="result-breakevens">
            {value.breakevens.map((b) => (
              <li key={`${b.method}-${b.name}`}>{b.sentence}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {value.problems.length > 0 ? (
        <div className="callout callout--warning value-results__problems" role="note">
          <Icon name="alert" className="callout__icon" />
          <div className="callout__text">
            <p className="callout__title">Left out of the result</p>
            <ul className="value-results__sentences">
              {value.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </aside>
  );
}

/** "Mar 2026", or with its range "Mar 2026 (Jan 2026 – Jul 2026)"; an end never reached says so. */
function paybackText(low: string | null, likely: string, high: string | null): string {
  const at = formatMonth(likely);
  // The low scenario pays back last, the high one first.
  const late = low ? formatMonth(low) : "not within 3 years";
  const early = high ? formatMonth(high) : at;
  if (late === at && early === at) return at;
  return `${at} (${early} – ${late})`;
}
