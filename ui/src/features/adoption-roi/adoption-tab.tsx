// The Adoption tab: per system, whether the seats bought are used and what the unused ones
// cost; per department; and the trend. Figures are the newest month in the period that has any.
import { useState } from "react";

import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { Icon } from "../../components/icon";
import { SkeletonLines } from "../../components/spinner";
import { Truncate } from "../../components/truncate";
import type { ApiError } from "../../ipc/api-error";
import type { SystemAdoptionRow } from "../../ipc/bindings/SystemAdoptionRow";
import { EMPTY, formatCount, formatMoneyWhole, formatMonth, formatNumber, formatPercent } from "../../lib/format";
import { routeHash } from "../../lib/route";
import { ChartImage } from "../dashboard/chart-image";
import type { AdoptionView } from "./api";
import { DEFAULT_ADOPTION_SORT, nextSort, sortAdoptionRows, type AdoptionColumn, type AdoptionSort } from "./adoption-sort";

type ColumnDef = { id: AdoptionColumn; header: string; title?: string; numeric: boolean; width: string };

const COLUMNS: ColumnDef[] = [
  { id: "name", header: "System", numeric: false, width: "19%" },
  { id: "department", header: "Department", numeric: false, width: "11%" },
  { id: "seats_purchased", header: "Seats", title: "Seats purchased", numeric: true, width: "7%" },
  { id: "active_users", header: "Active", title: "Active users in the month", numeric: true, width: "8%" },
  { id: "utilisation", header: "Utilisation", title: "Active users ÷ seats purchased", numeric: true, width: "10%" },
  { id: "activation", header: "Activation", title: "Active users ÷ seats assigned", numeric: true, width: "9%" },
  { id: "idle_seats", header: "Idle seats", title: "Seats purchased but not used", numeric: true, width: "7%" },
  { id: "monthly_cost", header: "Cost a month", title: "Average monthly spend over the period", numeric: true, width: "10%" },
  { id: "cost_per_active_user", header: "Per active user", title: "Monthly cost ÷ active users", numeric: true, width: "9%" },
  { id: "idle_cost", header: "Idle cost", title: "What the unused seats cost a month", numeric: true, width: "9%" },
];

export function AdoptionTab({
  view,
  error,
  loading,
  onRetry,
  refreshKey,
}: {
  view: AdoptionView | undefined;
  error: ApiError | null;
  loading: boolean;
  onRetry: () => void;
  refreshKey: unknown;
}) {
  const [sort, setSort] = useState<AdoptionSort>(DEFAULT_ADOPTION_SORT);

  if (error && !view) return <ErrorPanel error={error} onRetry={onRetry} />;
  if (!view)
    return (
      <div className="card" aria-busy="true">
        <SkeletonLines lines={8} />
      </div>
    );
  if (view.systems.length === 0)
    return (
      <div className="card">
        <EmptyState
          icon="adoption"
          title={`No adoption figures for ${view.period.label}`}
          actions={
            <a className="btn btn--primary btn--md" href={routeHash({ area: "imports", tab: null, id: null })}>
              <Icon name="imports" />
              <span className="btn__label">Import a usage report</span>
            </a>
          }
        >
          Seats and active users come from usage reports: the ChatGPT Enterprise user report, GitHub Copilot activity,
          Microsoft 365 Copilot usage. Import one, or pick another period.
        </EmptyState>
      </div>
    );

  const currency = view.reporting_currency;
  const rows = sortAdoptionRows(view.systems, sort);
  const newest = view.systems.reduce((m, r) => (r.month > m ? r.month : m), "");
  const chartSpec = (kind: "adoption_trend" | "seat_utilisation") => ({
    kind,
    period: view.period.kind,
    anchor: view.period.start,
    basis: null,
    initiative_id: null,
  });

  return (
    <div className="adoption" aria-busy={loading || undefined}>
      <section className="card" aria-labelledby="adoption-systems-title">
        <div className="card__head">
          <h2 className="card__title" id="adoption-systems-title">
            Seats and active users per system
          </h2>
          <span className="card__meta">
            {formatCount(view.systems.length, "system")} · figures from {formatMonth(newest)} · money in {currency} a month
          </span>
        </div>
        <div className="adoption-table-scroll">
          <table className="simple-table adoption-table" data-testid="adoption-table" aria-label="Adoption per system">
            <colgroup>
              {COLUMNS.map((c) => (
                <col key={c.id} style={{ width: c.width }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {COLUMNS.map((c) => {
                  const active = sort.by === c.id;
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      className={c.numeric ? "num" : undefined}
                      aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
                    >
                      <button
                        type="button"
                        className={active ? "table__sort table__sort--active" : "table__sort"}
                        title={c.title ?? `Sort by ${c.header.toLowerCase()}`}
                        onClick={() => setSort(nextSort(sort, c.id))}
                        data-testid={`sort-${c.id}`}
                      >
                        <span className="truncate">{c.header}</span>
                        {active ? (
                          <Icon name={sort.descending ? "arrowDown" : "arrowUp"} size={12} className="table__sort-icon" />
                        ) : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SystemRow key={row.system_id} row={row} currency={currency} newest={newest} />
              ))}
            </tbody>
          </table>
        </div>
        <p className="card__note">
          Costs count only money with an exchange rate into {currency}; spend in other currencies shows here once a rate is
          added in Settings. A dash means no cost is recorded for the system.
        </p>
      </section>

      <div className="adoption__lower">
        <section className="card" aria-labelledby="adoption-departments-title">
          <div className="card__head">
            <h2 className="card__title" id="adoption-departments-title">
              By department
            </h2>
            <span className="card__meta">Active users of seats purchased</span>
          </div>
          {view.departments.length === 0 ? (
            <p className="card__empty">No system names a department yet.</p>
          ) : (
            <ul className="counts departments" data-testid="adoption-departments">
              {view.departments.map((d) => (
                <li key={d.department || "none"} className="counts__row departments__row">
                  <span className="counts__label truncate" title={d.department || "No department"}>
                    {d.department || "No department"}
                  </span>
                  <span className="counts__bar" aria-hidden="true">
                    <span
                      className="counts__fill"
                      style={{ width: d.seats_purchased > 0 ? `${Math.min(100, (d.active_users / d.seats_purchased) * 100)}%` : "0%" }}
                    />
                  </span>
                  <span className="departments__value num">
                    {formatNumber(d.active_users)}
                    <span className="muted"> of {d.seats_purchased > 0 ? formatNumber(d.seats_purchased) : EMPTY}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ChartImage
          spec={chartSpec("adoption_trend")}
          title="Active users"
          caption={`Per month over the year to ${formatMonth(view.trend_months.at(-1) ?? newest)} · the most used systems`}
          alt="Active users per month of the most used systems"
          refreshKey={refreshKey}
          testId="chart-adoption-trend"
        />
      </div>
      <ChartImage
        spec={chartSpec("seat_utilisation")}
        title="Seat utilisation"
        caption={`Seats purchased, assigned and active per system · ${view.period.label}`}
        alt="Seats purchased, assigned and active per system"
        refreshKey={refreshKey}
        testId="chart-seat-utilisation"
      />
    </div>
  );
}

function SystemRow({ row, currency, newest }: { row: SystemAdoptionRow; currency: string; newest: string }) {
  const money = (amount: string | null, what: string) =>
    amount === null ? (
      <span className="muted" title={`No cost recorded for this system, so no ${what}`}>
        {EMPTY}
      </span>
    ) : (
      formatMoneyWhole(amount, currency)
    );
  return (
    <tr data-testid="adoption-row">
      <td>
        <a className="adoption-table__name" href={routeHash({ area: "inventory", tab: null, id: row.system_id })}>
          <Truncate text={row.name} className="strong" />
        </a>
        <span className="adoption-table__sub truncate">
          {row.code}
          {row.vendor ? ` · ${row.vendor}` : ""}
          {row.month !== newest ? ` · as of ${formatMonth(row.month)}` : ""}
        </span>
      </td>
      <td>
        <Truncate text={row.department || EMPTY} />
      </td>
      <td className="num">{formatNumber(row.seats_purchased)}</td>
      <td className="num">{formatNumber(row.active_users)}</td>
      <td className="num">
        <span className="utilisation">
          <span className="utilisation__text">{formatPercent(row.utilisation)}</span>
          {row.utilisation !== null ? (
            <span className="utilisation__bar" aria-hidden="true">
              <span
                className={row.utilisation < 0.5 ? "utilisation__fill utilisation__fill--low" : "utilisation__fill"}
                style={{ width: `${Math.min(100, row.utilisation * 100)}%` }}
              />
            </span>
          ) : null}
        </span>
      </td>
      <td className="num">{formatPercent(row.activation)}</td>
      <td className="num">{formatNumber(row.idle_seats)}</td>
      <td className="num">{money(row.monthly_cost, "monthly cost")}</td>
      <td className="num">{money(row.cost_per_active_user, "cost per user")}</td>
      <td className="num">{money(row.idle_cost, "idle cost")}</td>
    </tr>
  );
}
