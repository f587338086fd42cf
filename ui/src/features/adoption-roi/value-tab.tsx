// The Value & ROI tab: the portfolio's return, the value of every initiative against its
// cost, and the way into each initiative's value model.
import { useMemo, type KeyboardEvent } from "react";

import { Badge } from "../../components/badge";
import { ErrorPanel } from "../../components/error-panel";
import { Icon } from "../../components/icon";
import { SkeletonLines } from "../../components/spinner";
import { Truncate } from "../../components/truncate";
import * as api from "../../ipc/commands";
import type { InitiativeValueRow } from "../../ipc/bindings/InitiativeValueRow";
import {
  EMPTY,
  formatMoneyBounds,
  formatMoneyWhole,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPercentBounds,
  isNegativeDecimal,
} from "../../lib/format";
import { useQuery } from "../../lib/use-query";
import { ChartImage } from "../dashboard/chart-image";
import { useSession } from "../session/session-context";
import { useValueOverview } from "./api";
import { hasUnsavedDraft } from "./unsaved-drafts";

export function ValueTab({ onOpen }: { onOpen: (id: number) => void }) {
  const session = useSession();
  const overview = useValueOverview(session.dataVersion);
  const data = overview.data;

  if (overview.error && !data) return <ErrorPanel error={overview.error} onRetry={overview.reload} />;
  if (!data)
    return (
      <div className="card" aria-busy="true">
        <SkeletonLines lines={8} />
      </div>
    );

  const currency = data.reporting_currency;
  const { portfolio } = data;
  const modelled = data.initiatives.filter((r) => r.has_model).length;

  return (
    <div className="value-overview">
      {modelled === 0 ? (
        <div className="callout" role="note" data-testid="value-no-model">
          <Icon name="info" className="callout__icon" />
          <div className="callout__text">
            <p className="callout__title">No initiative has a value model yet</p>
            <p>
              Open an initiative below and write down how it creates value — hours saved, revenue gained or cost
              avoided, each with a low, likely and high figure. Steward then works out its benefit, ROI and payback
              against what it costs, and keeps the assumptions beside the result.
            </p>
          </div>
        </div>
      ) : (
        <div className="stat-strip" data-testid="value-portfolio">
          <Stat label="Portfolio ROI (likely)" value={formatPercent(portfolio.likely)} hint={rangeHint(portfolio.low, portfolio.high)} />
          <Stat
            label="Net value (likely)"
            value={formatMoneyWhole(portfolio.net_likely, currency)}
            loss={isNegativeDecimal(portfolio.net_likely)}
            hint="Value minus cost over each model's horizon"
          />
          <Stat label="Initiatives modelled" value={formatNumber(portfolio.initiatives)} hint={`of ${formatNumber(data.initiatives.length)} with cost or a model`} />
        </div>
      )}

      <section className="card" aria-labelledby="value-table-title">
        <div className="card__head">
          <h2 className="card__title" id="value-table-title">
            Value and cost per initiative
          </h2>
          <span className="card__meta">Over 36 months from go-live · {currency} · select one to open its value model</span>
        </div>
        {data.initiatives.length === 0 ? (
          <p className="card__empty">No initiative has cost or a value model yet. Choose one below to model its value.</p>
        ) : (
          <ValueTable rows={data.initiatives} currency={currency} onOpen={onOpen} />
        )}
        <OtherInitiatives listed={data.initiatives} onOpen={onOpen} />
      </section>

      <ChartImage
        spec={{ kind: "value_vs_cost", period: "year", anchor: null, basis: null, initiative_id: null }}
        title="Value against cost"
        caption={`Likely value with its low–high range against cost, per initiative · ${currency}`}
        alt={`Value range against cost per initiative, in ${currency}`}
        refreshKey={session.dataVersion}
        testId="chart-value-vs-cost"
      />
    </div>
  );
}

function rangeHint(low: number | null, high: number | null): string | undefined {
  if (low === null || high === null) return undefined;
  return `Range ${formatPercent(low)} to ${formatPercent(high)}`;
}

function Stat({ label, value, hint, loss = false }: { label: string; value: string; hint?: string; loss?: boolean }) {
  return (
    <div className="stat-strip__item">
      <span className="stat-strip__label">{label}</span>
      <span className={loss ? "stat-strip__value num kpi__loss" : "stat-strip__value num"}>{value}</span>
      {hint ? <span className="stat-strip__hint">{hint}</span> : null}
    </div>
  );
}

function ValueTable({ rows, currency, onOpen }: { rows: InitiativeValueRow[]; currency: string; onOpen: (id: number) => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(id);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const row = event.currentTarget;
      const next = (event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      next?.focus();
    }
  };
  return (
    <div className="value-table-scroll">
      <table className="simple-table value-table" data-testid="value-table" aria-label="Value per initiative">
        <colgroup>
          <col className="value-col--name" />
          <col className="value-col--stage" />
          <col className="value-col--money" />
          <col className="value-col--money" />
          <col className="value-col--range" />
          <col className="value-col--roi" />
          <col className="value-col--payback" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              Benefit a month
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Net value (range)
            </th>
            <th scope="col" className="num">
              ROI (range)
            </th>
            <th scope="col" className="num">
              Payback
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = row.initiative_id;
            const unsaved = hasUnsavedDraft(id);
            return (
              <tr
                key={id}
                className="value-table__row"
                tabIndex={0}
                data-testid="value-row"
                data-initiative-id={id}
                onClick={() => onOpen(id)}
                onKeyDown={(e) => onKeyDown(e, id)}
              >
                <td>
                  <Truncate text={row.name} className="strong" testId="value-row-name" />
                  <span className="value-table__sub">
                    {row.code}
                    {unsaved ? <span className="value-table__unsaved"> · unsaved changes</span> : null}
                  </span>
                </td>
                <td>
                  <Badge tone={stageTone(row.stage)}>{row.stage_label}</Badge>
                </td>
                {row.has_model ? (
                  <>
                    <td className="num">{formatMoneyWhole(row.monthly_benefit_likely, currency)}</td>
                    <td className="num">{formatMoneyWhole(row.total_cost, currency)}</td>
                    <td className="num">
                      <span className={isNegativeDecimal(row.net.likely) ? "kpi__loss" : undefined}>
                        {formatMoneyWhole(row.net.likely, currency)}
                      </span>
                      <span className="value-table__sub">{formatMoneyBounds(row.net, currency)}</span>
                    </td>
                    <td className="num">
                      {formatPercent(row.roi.likely)}
                      <span className="value-table__sub">{formatPercentBounds(row.roi)}</span>
                    </td>
                    <td className="num">{row.payback_likely ? formatMonth(row.payback_likely) : <span className="muted">Not within 3 years</span>}</td>
                  </>
                ) : (
                  <>
                    <td className="num">
                      <span className="value-table__add">
                        <Icon name="plus" size={12} /> Add a model
                      </span>
                    </td>
                    <td className="num">{formatMoneyWhole(row.total_cost, currency)}</td>
                    <td className="num muted" title="No value model: only the cost is known">
                      {EMPTY}
                    </td>
                    <td className="num muted">{EMPTY}</td>
                    <td className="num muted">{EMPTY}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function stageTone(stage: string): "neutral" | "accent" | "success" | "warning" | "danger" | "info" {
  switch (stage) {
    case "production":
    case "scaled":
      return "success";
    case "pilot":
      return "accent";
    case "assessment":
      return "info";
    case "on_hold":
      return "warning";
    case "killed":
      return "danger";
    default:
      return "neutral";
  }
}

/** Initiatives with neither cost nor a model are not in the overview; they can be modelled from here. */
function OtherInitiatives({ listed, onOpen }: { listed: InitiativeValueRow[]; onOpen: (id: number) => void }) {
  const session = useSession();
  const all = useQuery(
    () => api.initiativeList({ search: "", filters: [], sort_by: "code", descending: false, offset: 0, limit: 1000 }),
    [session.dataVersion],
  );
  const others = useMemo(() => {
    const shown = new Set(listed.map((r) => r.initiative_id));
    return (all.data?.rows ?? []).filter((i) => !shown.has(i.id));
  }, [all.data, listed]);
  if (others.length === 0) return null;
  return (
    <div className="value-other">
      <label className="value-other__label" htmlFor="value-other">
        {formatNumber(others.length)} more {others.length === 1 ? "initiative has" : "initiatives have"} no cost and no model yet:
      </label>
      <select
        id="value-other"
        className="input select value-other__select"
        value=""
        onChange={(e) => e.target.value && onOpen(Number(e.target.value))}
        data-testid="value-other"
      >
        <option value="">Model one of them…</option>
        {others.map((i) => (
          <option key={i.id} value={i.id}>
            {i.code} — {i.name}
          </option>
        ))}
      </select>
    </div>
  );
}
