// The dashboard answers leadership's quarterly questions at a glance: what AI costs this
// period and against last, who uses it, what it returns, what is in the pipeline, what renews
// soon and what is risky. Every figure comes from Rust, decided; this page only arranges it.
import { useState, type ReactNode } from "react";

import { Button } from "../../components/button";
import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { Icon } from "../../components/icon";
import { PageHeader } from "../../components/page-header";
import { SkeletonLines } from "../../components/spinner";
import { Truncate } from "../../components/truncate";
import type { Dashboard } from "../../ipc/bindings/Dashboard";
import type { UnconvertedMoney } from "../../ipc/bindings/UnconvertedMoney";
import type { PortfolioSummary } from "../../ipc/types";
import {
  EMPTY,
  formatDateRange,
  formatMoney,
  formatMoneyCode,
  formatMoneyWhole,
  formatMonth,
  formatNumber,
  formatPercent,
  isNegativeDecimal,
  todayIso,
} from "../../lib/format";
import { routeHash, type Route } from "../../lib/route";
import { DateCell, DueDate } from "../records/cells";
import { VALUE_TAB_HASH } from "../adoption-roi/routes";
import { useSession } from "../session/session-context";
import { useDashboard, usePortfolioSummary } from "./api";
import { ChartImage, type ChartSpec } from "./chart-image";
import { addMonths, INITIAL_PERIOD, type PeriodChoice } from "./period";
import { PeriodPicker } from "./period-picker";
import { pastCancelBy, severitySummary, tileDelta, type Delta } from "./tiles";

/** Where each tile leads. Screens not built yet send people to the closest one that is. */
const LINKS = {
  spend: { area: "vendors", tab: "contracts", id: null },
  adoption: { area: "adoption", tab: null, id: null },
  renewals: { area: "vendors", tab: "contracts", id: null },
  governance: { area: "inventory", tab: null, id: null },
  imports: { area: "imports", tab: null, id: null },
  settings: { area: "settings", tab: null, id: null },
} satisfies Record<string, Route>;


// The period chosen stays while the app runs, so leaving the dashboard and coming back keeps it.
let rememberedChoice: PeriodChoice = INITIAL_PERIOD;

export function DashboardPage() {
  const session = useSession();
  const [choice, setChoiceState] = useState<PeriodChoice>(rememberedChoice);
  const setChoice = (next: PeriodChoice) => {
    rememberedChoice = next;
    setChoiceState(next);
  };
  const query = useDashboard(choice, session.dataVersion);
  const summary = usePortfolioSummary(session.dataVersion);
  const data = query.data;
  const today = data?.as_of ?? todayIso();

  let body;
  if (session.isEmpty) body = <EmptyPortfolio />;
  else if (query.error && !data) body = <ErrorPanel error={query.error} onRetry={query.reload} />;
  else if (!data) body = <DashboardSkeleton />;
  else body = <DashboardBody data={data} summary={summary.data} loading={query.loading} refreshKey={session.dataVersion} />;

  return (
    <div className="page">
      <PageHeader
        title="Dashboard"
        subtitle={data && !session.isEmpty ? subtitle(data) : "What your AI portfolio costs, who uses it and what it returns."}
        actions={
          session.isEmpty ? undefined : (
            <PeriodPicker
              choice={choice}
              onChange={setChoice}
              period={data?.period ?? null}
              today={today}
              bases={data?.bases}
              basis={data?.basis}
            />
          )
        }
      />
      {body}
    </div>
  );
}

function subtitle(data: Dashboard): string {
  const range = formatDateRange(data.period.start, data.period.end);
  return `${data.period.label} (${range}) against ${data.previous.label} · amounts in ${data.reporting_currency}, ${data.basis} cost`;
}

function EmptyPortfolio() {
  const session = useSession();
  return (
    <EmptyState
      icon="dashboard"
      title="This portfolio is empty"
      actions={
        <>
          <a className="btn btn--primary btn--md" href={routeHash({ area: "inventory", tab: null, id: null })}>
            <span className="btn__label">Go to Inventory</span>
          </a>
          {!session.readOnly ? (
            <Button onClick={session.loadDemo} busy={session.busy === "demo"} data-testid="dashboard-load-demo">
              Load the demo portfolio
            </Button>
          ) : null}
        </>
      }
    >
      Register your AI systems, vendors and contracts and import a vendor export, and this page will show what they
      cost, who uses them and what renews soon.
    </EmptyState>
  );
}

function DashboardBody({
  data,
  summary,
  loading,
  refreshKey,
}: {
  data: Dashboard;
  summary: PortfolioSummary | undefined;
  loading: boolean;
  refreshKey: unknown;
}) {
  const session = useSession();
  const currency = data.reporting_currency;
  const hasFigures = data.last_cost_month !== null || data.adoption.seats_purchased > 0 || data.adoption.active_users > 0;
  const chart = (kind: ChartSpec["kind"]): ChartSpec => ({
    kind,
    period: data.period.kind,
    anchor: data.period.start,
    basis: data.basis,
    initiative_id: null,
  });
  const inCurrency = `${currency}, ${data.basis} cost`;

  return (
    <div className="dashboard" aria-busy={loading || undefined}>
      {loading ? <div className="progress-bar dashboard__progress" role="progressbar" aria-label="Loading the figures" /> : null}

      {hasFigures ? (
        <>
          <div className="tiles kpi-tiles">
            <SpendTile data={data} />
            <Tile
              label="Active users"
              link={LINKS.adoption}
              testId="tile-active-users"
              value={formatNumber(data.adoption.active_users)}
              delta={tileDelta(data.adoption.change, data.previous.label, "up")}
              lines={[`${formatNumber(data.adoption.seats_purchased)} seats purchased`]}
            />
            <Tile
              label="Seat utilisation"
              link={LINKS.adoption}
              testId="tile-seat-utilisation"
              value={formatPercent(data.adoption.seat_utilisation)}
              meter={data.adoption.seat_utilisation}
              lines={[`Idle seats cost ${formatMoneyWhole(data.adoption.idle_cost_per_month, currency)} a month`]}
            />
            <RoiTile data={data} />
          </div>
          <div className="tiles kpi-tiles">
            <PipelineTile data={data} />
            <RenewalsTile data={data} />
            <Tile
              label="Overdue reviews"
              link={LINKS.governance}
              testId="tile-overdue-reviews"
              value={formatNumber(data.risk.overdue_reviews)}
              tone={data.risk.overdue_reviews > 0 ? "warning" : undefined}
              lines={[data.risk.overdue_reviews > 0 ? "Reviews past their due date" : "Every review is on schedule"]}
            />
            <Tile
              label="Open incidents"
              link={LINKS.governance}
              testId="tile-open-incidents"
              value={formatNumber(data.risk.open_incidents)}
              tone={data.risk.open_incidents > 0 ? "warning" : undefined}
              lines={[
                severitySummary(data.risk.open_incidents_by_severity) || "No incident is open",
                data.risk.open_high_risks > 0 ? `${formatNumber(data.risk.open_high_risks)} open high risks` : null,
              ]}
            />
          </div>
          <SpendContext data={data} />
          {data.notes.length > 0 ? <Notes notes={data.notes} /> : null}
          <div className="chart-grid">
            <ChartImage
              spec={chart("spend_by_vendor")}
              title="Spend by vendor"
              caption={`Per month over the year to ${formatMonth(data.last_cost_month)} · ${inCurrency}`}
              alt={`Stacked bars of spend per vendor per month, in ${currency}`}
              refreshKey={refreshKey}
              testId="chart-spend-by-vendor"
            />
            <ChartImage
              spec={chart("spend_vs_commitment")}
              title="Spend against commitment"
              caption={`Cumulative this year, against contracted commitment and budget · ${inCurrency}`}
              alt={`Cumulative spend this year against commitment and budget, in ${currency}`}
              refreshKey={refreshKey}
              testId="chart-spend-vs-commitment"
            />
            <ChartImage
              spec={chart("pipeline_funnel")}
              title="Pipeline"
              caption={`Initiatives per stage with their likely annual value · ${currency}`}
              alt="Initiatives per pipeline stage"
              refreshKey={refreshKey}
              testId="chart-pipeline-funnel"
            />
            <ChartImage
              spec={chart("adoption_trend")}
              title="Active users"
              caption="The systems with the most users, per month over the trailing year"
              alt="Active users per month of the most used systems"
              refreshKey={refreshKey}
              testId="chart-adoption-trend"
            />
            <ChartImage
              spec={chart("seat_utilisation")}
              title="Seat utilisation"
              caption="Seats purchased, assigned and active for the largest licences, latest month"
              alt="Seats purchased, assigned and active per system"
              refreshKey={refreshKey}
              testId="chart-seat-utilisation"
            />
            <ChartImage
              spec={chart("risk_heatmap")}
              title="Open risks"
              caption="Open risks by likelihood and impact"
              alt="Heat map of open risks by likelihood and impact"
              refreshKey={refreshKey}
              testId="chart-risk-heatmap"
            />
            <ChartImage
              spec={chart("renewals_timeline")}
              title="Renewals ahead"
              caption={`Contracts ending in the next 120 days, with their cancel-by dates · from ${formatDateRange(data.as_of, null)}`}
              alt="Timeline of contracts ending soon and their cancel-by dates"
              refreshKey={refreshKey}
              testId="chart-renewals-timeline"
              wide
              aspect={0.5}
            />
          </div>
        </>
      ) : (
        <div className="card dashboard__no-figures" data-testid="dashboard-no-figures">
          <EmptyState
            icon="adoption"
            title="No cost or adoption data yet"
            actions={
              <>
                <a className="btn btn--primary btn--md" href={routeHash(LINKS.imports)}>
                  <Icon name="imports" />
                  <span className="btn__label">Import a vendor export</span>
                </a>
                {!session.readOnly ? (
                  <Button onClick={session.loadDemo} busy={session.busy === "demo"}>
                    Load the demo portfolio
                  </Button>
                ) : null}
              </>
            }
          >
            Import a usage or billing export (OpenAI, Anthropic, Azure, AWS, Google Cloud, Copilot…) and this page
            shows spend against last period, active users, seat utilisation and ROI. Or load the demo to see it filled.
          </EmptyState>
          <div className="tiles kpi-tiles">
            <PipelineTile data={data} />
            <RenewalsTile data={data} />
            <Tile
              label="Overdue reviews"
              link={LINKS.governance}
              value={formatNumber(data.risk.overdue_reviews)}
              lines={[data.risk.overdue_reviews > 0 ? "Reviews past their due date" : "Every review is on schedule"]}
            />
            <Tile
              label="Open incidents"
              link={LINKS.governance}
              value={formatNumber(data.risk.open_incidents)}
              lines={[severitySummary(data.risk.open_incidents_by_severity) || "No incident is open"]}
            />
          </div>
        </div>
      )}

      {summary ? <RenewalsTable summary={summary} /> : null}
    </div>
  );
}

type TileTone = "warning";

function Tile({
  label,
  value,
  link,
  delta,
  lines = [],
  meter,
  tone,
  muted = false,
  testId,
  children,
}: {
  label: string;
  value: string;
  link: Route | string;
  delta?: Delta | null;
  lines?: (ReactNode | null)[];
  meter?: number | null;
  tone?: TileTone;
  /** The value is a state in words ("No model yet"), not a figure. */
  muted?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  const href = typeof link === "string" ? link : routeHash(link);
  return (
    <a className={tone ? `tile kpi kpi--${tone}` : "tile kpi"} href={href} data-testid={testId}>
      <span className="tile__label">{label}</span>
      <span className={muted ? "kpi__value kpi__value--muted" : "kpi__value num"} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </span>
      {delta ? <DeltaBadge delta={delta} /> : null}
      {meter !== undefined && meter !== null ? (
        <span className="meter kpi__meter" aria-hidden="true">
          <span className="meter__fill" style={{ width: `${Math.min(100, Math.max(0, meter * 100))}%` }} />
        </span>
      ) : null}
      {lines
        .filter((line) => line !== null && line !== "")
        .map((line, i) => (
          <span key={i} className="kpi__line">
            {line}
          </span>
        ))}
      {children}
    </a>
  );
}

function DeltaBadge({ delta }: { delta: Delta }) {
  const icon = delta.direction === "up" ? "arrowUp" : delta.direction === "down" ? "arrowDown" : null;
  return (
    <span className={`delta delta--${delta.tone}`} title={delta.label} aria-label={delta.label}>
      {icon ? <Icon name={icon} size={12} /> : <span aria-hidden="true">=</span>}
      <span className="delta__text">{delta.text}</span>
      <span className="delta__against">{delta.label.replace(/^.* on /, "vs ")}</span>
    </span>
  );
}

function SpendTile({ data }: { data: Dashboard }) {
  const { spend, reporting_currency: currency } = data;
  // A period that runs past the newest month with cost is compared while still incomplete.
  const partial = data.last_cost_month !== null && addMonths(data.last_cost_month, 1) <= data.period.end;
  return (
    <Tile
      label={`Spend · ${data.period.label}`}
      link={LINKS.spend}
      testId="tile-spend"
      value={formatMoneyWhole(spend.current, currency)}
      delta={tileDelta(spend.change, data.previous.label, "neither")}
      lines={[
        partial ? `Cost known to ${formatMonth(data.last_cost_month)}` : null,
        <Unconverted key="u" money={spend.unconverted} />,
      ]}
    />
  );
}

/** "+ USD 179,907 not converted — add an exchange rate": money the total leaves out. */
function Unconverted({ money }: { money: UnconvertedMoney[] }) {
  if (money.length === 0) return null;
  return (
    <span className="unconverted" data-testid="spend-unconverted">
      {money.map((m) => (
        <span key={m.currency} className="unconverted__line">
          + {formatMoneyCode(m.amount, m.currency)} not converted
        </span>
      ))}
      <span className="unconverted__hint">Add an exchange rate to count it</span>
    </span>
  );
}

function RoiTile({ data }: { data: Dashboard }) {
  const { roi, reporting_currency: currency } = data;
  if (roi.initiatives === 0 || roi.likely === null) {
    return (
      <Tile
        label="Portfolio ROI"
        link={VALUE_TAB_HASH}
        testId="tile-roi"
        value="No value model yet"
        muted
        lines={["Model an initiative's benefits to see its return"]}
      />
    );
  }
  const range = roi.low !== null && roi.high !== null ? `${formatPercent(roi.low)} to ${formatPercent(roi.high)}` : null;
  return (
    <Tile
      label="Portfolio ROI (likely)"
      link={VALUE_TAB_HASH}
      testId="tile-roi"
      value={formatPercent(roi.likely)}
      lines={[
        range ? `Range ${range}` : null,
        <span key="net" className={isNegativeDecimal(roi.net_likely) ? "kpi__loss" : undefined}>
          Net {formatMoneyWhole(roi.net_likely, currency)} over {formatNumber(roi.initiatives)}{" "}
          {roi.initiatives === 1 ? "initiative" : "initiatives"}
        </span>,
      ]}
    />
  );
}

function PipelineTile({ data }: { data: Dashboard }) {
  const { pipeline } = data;
  return (
    <Tile
      label="Initiatives in pilot / production"
      link={VALUE_TAB_HASH}
      testId="tile-pipeline"
      value={`${formatNumber(pipeline.pilot)} / ${formatNumber(pipeline.production)}`}
      lines={[
        pipeline.conversion !== null
          ? `${formatPercent(pipeline.conversion)} of pilots reached production`
          : "No pilot has finished yet",
      ]}
    />
  );
}

function RenewalsTile({ data }: { data: Dashboard }) {
  const { renewals_90_days: renewals, reporting_currency: currency } = data;
  const late = pastCancelBy(renewals.too_late_to_cancel);
  const others = renewals.unconverted.map((m) => `+ ${formatMoneyCode(m.amount, m.currency)}`).join(" ");
  return (
    <Tile
      label="Renewals in the next 90 days"
      link={LINKS.renewals}
      testId="tile-renewals"
      value={formatNumber(renewals.count)}
      tone={renewals.too_late_to_cancel > 0 ? "warning" : undefined}
      lines={[
        renewals.count > 0 ? `${formatMoneyWhole(renewals.annual_value, currency)} a year${others ? ` ${others}` : ""}` : "Nothing to decide",
        late ? (
          <span key="late" className="kpi__warning">
            <Icon name="alert" size={12} /> {late}
          </span>
        ) : null,
      ]}
    />
  );
}

/** Spend beside what was committed and budgeted, and where the year is heading. */
function SpendContext({ data }: { data: Dashboard }) {
  const { spend, risk, reporting_currency: currency } = data;
  const stats: { label: string; value: string; hint?: string; testId?: string }[] = [
    { label: "Contracted commitment", value: formatMoneyWhole(spend.commitment, currency), hint: data.period.label },
    {
      label: "Budget",
      value: spend.budget === null ? "Not set" : formatMoneyWhole(spend.budget, currency),
      hint: spend.budget === null ? "No budget entered" : data.period.label,
    },
    { label: "Run-rate", value: formatMoneyWhole(spend.run_rate, currency), hint: "Last 3 months × 12" },
    { label: "Forecast to year end", value: formatMoneyWhole(spend.forecast_year_end, currency), hint: "Actuals + run-rate" },
    { label: "Not tied to a system", value: formatMoneyWhole(spend.unattributed, currency), hint: "Unattributed spend" },
    {
      label: "On high-risk systems",
      value: formatMoneyWhole(risk.spend_on_high_risk_systems, currency),
      hint: `${formatNumber(risk.open_high_risks)} open high risks`,
    },
  ];
  return (
    <section className="card spend-context" aria-label="Spend in context">
      <dl className="spend-context__list">
        {stats.map((s) => (
          <div key={s.label} className="spend-context__item">
            <dt className="spend-context__label">{s.label}</dt>
            <dd className={s.value === "Not set" ? "spend-context__value spend-context__value--muted" : "spend-context__value num"}>
              {s.value}
            </dd>
            {s.hint ? <dd className="spend-context__hint">{s.hint}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}

function Notes({ notes }: { notes: string[] }) {
  return (
    <div className="callout dashboard-notes" role="note" data-testid="dashboard-notes">
      <Icon name="info" className="callout__icon" />
      <div className="callout__text">
        <p className="callout__title">What these figures leave out</p>
        <ul className="dashboard-notes__list">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
        <p className="callout__advice">
          Exchange rates and budgets are kept in <a className="link" href={routeHash(LINKS.settings)}>Settings</a>.
        </p>
      </div>
    </div>
  );
}

function RenewalsTable({ summary }: { summary: PortfolioSummary }) {
  return (
    <section className="card card--wide" aria-labelledby="renewals-title">
      <div className="card__head">
        <h2 className="card__title" id="renewals-title">
          Renewals to decide in the next 90 days
        </h2>
        <span className="card__meta">Running contracts whose cancel-by date is within 90 days or has passed</span>
      </div>
      {summary.renewals_next_90_days.length === 0 ? (
        <p className="card__empty">No cancel-by dates in the next 90 days.</p>
      ) : (
        <table className="simple-table">
          <colgroup>
            <col className="renewals__col--contract" />
            <col className="renewals__col--vendor" />
            <col className="renewals__col--cancel-by" />
            <col className="renewals__col--end" />
            <col className="renewals__col--auto" />
            <col className="renewals__col--value" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Contract</th>
              <th scope="col">Vendor</th>
              <th scope="col">Cancel by</th>
              <th scope="col">End date</th>
              <th scope="col">Auto-renews</th>
              <th scope="col" className="num">
                Annual value
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.renewals_next_90_days.map((renewal) => (
              <tr key={renewal.contract_id}>
                <td className="simple-table__name">
                  <a className="link" href={routeHash({ area: "vendors", tab: "contracts", id: renewal.contract_id })}>
                    <Truncate text={renewal.name} />
                  </a>
                </td>
                <td>
                  <Truncate text={renewal.vendor_name ?? EMPTY} />
                </td>
                <td>
                  <DueDate date={renewal.cancel_by} missedWhenPast />
                </td>
                <td>
                  <DateCell date={renewal.end_date} />
                </td>
                <td>{renewal.auto_renew ? "Yes" : "No"}</td>
                <td className="num">{formatMoney(renewal.annual_value, renewal.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DashboardSkeleton() {
  return (
    <div className="dashboard" aria-busy="true">
      <div className="tiles kpi-tiles">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="tile">
            <span className="skeleton" style={{ width: "50%" }} />
            <span className="skeleton skeleton--title" />
          </div>
        ))}
      </div>
      <div className="card card--wide">
        <SkeletonLines lines={4} />
      </div>
    </div>
  );
}

