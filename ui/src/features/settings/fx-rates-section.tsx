// The exchange-rate table: rates by pair, newest first, with add, change and delete (with undo).
import { useState } from "react";

import { Button } from "../../components/button";
import { Section } from "../../components/description-list";
import { ConfirmDialog } from "../../components/dialog";
import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { DateField, TextField } from "../../components/form-fields";
import { SkeletonLines } from "../../components/spinner";
import { useToasts } from "../../components/toast";
import { toApiError } from "../../ipc/api-error";
import { formatCount, formatDate, formatDecimal, todayIso } from "../../lib/format";
import { useRecordForm } from "../records/use-record-form";
import { useSession } from "../session/session-context";
import { deleteFxRate, setFxRate, useFxRates } from "./api";
import { currencyName, normalizeCode, otherCurrencies } from "./currency";
import {
  RATE_FIELDS,
  RATES_SHOWN_PER_PAIR,
  groupRatesByPair,
  newRateDraft,
  rateDraftOf,
  rateKey,
  toRateEntry,
  type FxRateEntry,
  type RateDraft,
} from "./fx-rate-draft";
import { toggledKey, useDeleteWithUndo } from "./delete-with-undo";
import { RowActions } from "./row-actions";
import { SettingsForm } from "./settings-form";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

type Editing = { kind: "new" } | { kind: "edit"; entry: FxRateEntry } | null;

const pairText = (r: Pick<FxRateEntry, "from" | "to">) => `${r.from} → ${r.to}`;
const rateName = (r: FxRateEntry) => `the ${pairText(r)} rate from ${formatDate(r.valid_from)}`;

export function FxRatesSection({ reporting }: { reporting: string | null }) {
  const session = useSession();
  const rates = useFxRates(session.dataVersion);
  const [editing, setEditing] = useState<Editing>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // The rate just saved stays in view (even an older one the group folds away) and is marked.
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const readOnly = session.readOnly;
  const [usd, gbp] = otherCurrencies(reporting);

  const { confirming, setConfirming, deleting, remove } = useDeleteWithUndo({
    name: rateName,
    erase: (entry) => deleteFxRate(entry.from, entry.to, entry.valid_from),
    // The deleted row is set again exactly as it was: same pair, day, rate and source.
    restore: (entry) => setFxRate(entry),
    onDeleted: (entry) => {
      if (editing?.kind === "edit" && rateKey(editing.entry) === rateKey(entry)) setEditing(null);
    },
  });

  const toggle = (key: string) => setExpanded((set) => toggledKey(set, key));

  const list = rates.data;
  let body;
  if (rates.error && !list) {
    body = <ErrorPanel error={rates.error} onRetry={rates.reload} />;
  } else if (!list) {
    body = <SkeletonLines lines={4} />;
  } else if (list.length === 0) {
    body = editing ? null : (
      <EmptyState
        icon="info"
        compact
        title="No exchange rates yet"
        actions={
          <Button variant="primary" icon="plus" onClick={() => setEditing({ kind: "new" })} disabled={readOnly} title={readOnly ? READ_ONLY_TIP : undefined}>
            Add rate
          </Button>
        }
      >
        {reporting
          ? `Add one so ${usd} and ${gbp} costs count in your ${reporting} totals.`
          : "Choose a reporting currency above, then add rates so costs in other currencies count in its totals."}
      </EmptyState>
    );
  } else {
    body = (
      <table className="simple-table settings-table" data-testid="fx-rates">
        <colgroup>
          <col className="fx-col--day" />
          <col className="fx-col--rate" />
          <col className="fx-col--source" />
          <col className="settings-col--actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Valid from</th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {groupRatesByPair(list).map((group) => {
          const open = expanded.has(group.key);
          const shown = open
            ? group.rates
            : group.rates.filter((r, i) => i < RATES_SHOWN_PER_PAIR || rateKey(r) === lastSaved);
          const hidden = group.rates.length - shown.length;
          return (
            <tbody key={group.key} data-testid="rate-group" data-pair={`${group.from}-${group.to}`}>
              <tr className="settings-table__group">
                <th scope="colgroup" colSpan={4}>
                  <span className="settings-table__group-title">{pairText(group)}</span>
                  <span className="settings-table__group-meta">{formatCount(group.rates.length, "rate")}</span>
                  {group.rates.length > RATES_SHOWN_PER_PAIR ? (
                    <button type="button" className="settings-table__toggle" aria-expanded={open} onClick={() => toggle(group.key)}>
                      {open ? "Show the newest only" : `Show ${hidden} earlier`}
                    </button>
                  ) : null}
                </th>
              </tr>
              {shown.map((rate) => (
                <tr
                  key={rateKey(rate)}
                  className={rateKey(rate) === lastSaved ? "settings-table__row--saved" : undefined}
                  data-testid="rate-row" data-pair={`${rate.from}-${rate.to}`} data-day={rate.valid_from}>
                  <td>{formatDate(rate.valid_from)}</td>
                  <td className="num" data-testid="rate-value">
                    <span className="muted">1 {rate.from} =</span> {formatDecimal(rate.rate)} <span className="muted">{rate.to}</span>
                  </td>
                  <td title={rate.source || undefined}>{rate.source || <span className="muted">—</span>}</td>
                  <td className="settings-table__actions">
                    <RowActions
                      what={rateName(rate)}
                      readOnly={readOnly}
                      testPrefix="rate"
                      onEdit={() => setEditing({ kind: "edit", entry: rate })}
                      onDelete={() => setConfirming(rate)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    );
  }

  return (
    <Section
      title="Exchange rates"
      actions={
        list && list.length > 0 && !editing ? (
          <Button
            size="sm"
            icon="plus"
            onClick={() => setEditing({ kind: "new" })}
            disabled={readOnly}
            title={readOnly ? READ_ONLY_TIP : undefined}
            data-testid="rate-add"
          >
            Add rate
          </Button>
        ) : null
      }
    >
      {list && list.length > 0 ? (
        <p className="settings__lead">Each rate holds from its day until the next rate for the same pair.</p>
      ) : null}
      {editing ? (
        <RateForm
          key={editing.kind === "edit" ? rateKey(editing.entry) : "new"}
          original={editing.kind === "edit" ? editing.entry : null}
          reporting={reporting}
          onDone={() => setEditing(null)}
          onSaved={(saved) => setLastSaved(rateKey(saved))}
        />
      ) : null}
      {body}
      {confirming ? (
        <ConfirmDialog
          title="Delete this rate?"
          confirmLabel="Delete rate"
          busy={deleting}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove(confirming)}
          testId="rate-delete-dialog"
          confirmTestId="rate-delete-confirm"
        >
          <p>
            1 {confirming.from} = {formatDecimal(confirming.rate)} {confirming.to} from {formatDate(confirming.valid_from)}. From that
            day, totals use the rate before it, and money with no rate at all is shown separately. You can undo this.
          </p>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

function RateForm({
  original,
  reporting,
  onDone,
  onSaved,
}: {
  original: FxRateEntry | null;
  reporting: string | null;
  onDone: () => void;
  onSaved: (saved: FxRateEntry) => void;
}) {
  const session = useSession();
  const toasts = useToasts();
  const form = useRecordForm<RateDraft, FxRateEntry, FxRateEntry>({
    initial: original ? rateDraftOf(original) : newRateDraft(reporting, todayIso()),
    fieldOrder: RATE_FIELDS,
    toDraft: (values) => {
      const result = toRateEntry(values);
      return "entry" in result ? { draft: result.entry } : result;
    },
    save: async (entry) => {
      const saved = await setFxRate(entry);
      // A rate is stored per pair and day: when those changed, the old row goes, so the edit
      // moves the rate rather than adding a second one.
      if (original && rateKey(original) !== rateKey(saved)) {
        try {
          await deleteFxRate(original.from, original.to, original.valid_from);
        } catch (e) {
          toasts.show({ tone: "danger", message: `Saved, but couldn't remove ${rateName(original)}`, detail: toApiError(e).message });
        }
      }
      return saved;
    },
    onSaved: (saved) => {
      onDone();
      onSaved(saved);
      session.dataChanged();
      toasts.show({
        tone: "success",
        message: `Saved ${rateName(saved)}`,
        detail: `1 ${saved.from} = ${formatDecimal(saved.rate)} ${saved.to}`,
      });
    },
  });
  const { values, errors } = form;
  const from = normalizeCode(values.from);
  const to = normalizeCode(values.to);
  const code = (name: "from" | "to", label: string) => (
    <TextField
      name={name}
      label={label}
      value={values[name]}
      maxLength={3}
      placeholder={name === "from" ? "USD" : "EUR"}
      autoFocus={name === "from" && !original}
      error={errors.byField[name]}
      hint={currencyName(values[name]) || "Three letters"}
      onChange={(v) => form.set(name, v.toUpperCase())}
    />
  );

  return (
    <SettingsForm
      title={original ? `Change ${rateName(original)}` : "Add a rate"}
      form={form}
      saveLabel="Save rate"
      onCancel={onDone}
      testId="rate-form"
    >
      {code("from", "From")}
      {code("to", "To")}
      <DateField
        name="valid_from"
        label="Valid from"
        value={values.valid_from}
        error={errors.byField.valid_from}
        onChange={(v) => form.set("valid_from", v)}
      />
      <TextField
        name="rate"
        label="Rate"
        value={values.rate}
        inputMode="decimal"
        placeholder="0.92"
        autoFocus={!!original}
        error={errors.byField.rate}
        hint={from && to ? `${to} for 1 ${from}` : "How much 1 of From buys"}
        onChange={(v) => form.set("rate", v)}
      />
      <TextField
        name="source"
        label="Source"
        wide
        value={values.source}
        placeholder="ECB reference rate"
        error={errors.byField.source}
        hint="Where the rate comes from, so others can check it."
        onChange={(v) => form.set("source", v)}
      />
    </SettingsForm>
  );
}
