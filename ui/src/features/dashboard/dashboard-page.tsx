// The dashboard shows only what the portfolio holds today: counts by lifecycle, tier and stage,
// and the contracts whose cancel-by date is near. Spend, adoption and risk views come later.
import { Button } from "../../components/button";
import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { PageHeader } from "../../components/page-header";
import { SkeletonLines } from "../../components/spinner";
import { Truncate } from "../../components/truncate";
import type { CountByValue, PortfolioSummary } from "../../ipc/types";
import { formatDate, formatMoney, formatNumber } from "../../lib/format";
import { routeHash, type Area } from "../../lib/route";
import { DateCell, DueDate } from "../records/cells";
import { useSession } from "../session/session-context";
import { usePortfolioSummary } from "./api";

export function DashboardPage() {
  const session = useSession();
  const query = usePortfolioSummary(session.dataVersion);
  const summary = query.data;

  let body;
  if (query.error && !summary) body = <ErrorPanel error={query.error} onRetry={query.reload} />;
  else if (!summary) body = <DashboardSkeleton />;
  else if (session.isEmpty)
    body = (
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
        Register your AI systems, vendors and contracts, and this page will count them and list the renewals ahead.
      </EmptyState>
    );
  else body = <DashboardBody summary={summary} />;

  return (
    <div className="page">
      <PageHeader
        title="Dashboard"
        subtitle={
          summary
            ? `What ${summary.info.name || "this portfolio"} holds on ${formatDate(summary.as_of)} — counted from its records.`
            : "What this portfolio holds today."
        }
      />
      {body}
    </div>
  );
}

function DashboardBody({ summary }: { summary: PortfolioSummary }) {
  const { info } = summary;
  const tiles: { label: string; value: number; area: Area; tab?: string }[] = [
    { label: "AI systems", value: info.systems, area: "inventory" },
    { label: "Vendors", value: info.vendors, area: "vendors", tab: "vendors" },
    { label: "Contracts", value: info.contracts, area: "vendors", tab: "contracts" },
    { label: "Initiatives", value: info.initiatives, area: "pipeline" },
  ];
  return (
    <div className="dashboard">
      <div className="tiles">
        {tiles.map((tile) => (
          <a
            key={tile.label}
            className="tile"
            href={routeHash({ area: tile.area, tab: tile.tab ?? null, id: null })}
            data-testid={`tile-${tile.label.toLowerCase().replace(/\s+/g, "-")}`}
          >
            <span className="tile__label">{tile.label}</span>
            <span className="tile__value num">{formatNumber(tile.value)}</span>
          </a>
        ))}
      </div>

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
                    <Truncate text={renewal.vendor_name ?? "—"} />
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

      <div className="cards">
        <CountCard title="AI systems by lifecycle" counts={summary.systems_by_lifecycle} total={info.systems} />
        <CountCard title="AI systems by EU AI Act tier" counts={summary.systems_by_eu_ai_act_tier} total={info.systems} />
        <CountCard
          title="Initiatives by stage"
          counts={summary.initiatives_by_stage}
          total={info.initiatives}
          note="The Pipeline area, to manage initiatives, arrives in a later release."
        />
      </div>
      <p className="footnote">Spend, adoption, ROI and risk views arrive in later releases, once costs and metrics can be imported.</p>
    </div>
  );
}

function CountCard({ title, counts, total, note }: { title: string; counts: CountByValue[]; total: number; note?: string }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <section className="card">
      <div className="card__head">
        <h2 className="card__title">{title}</h2>
        <span className="card__meta num">{formatNumber(total)} in all</span>
      </div>
      {counts.length === 0 ? (
        <p className="card__empty">None recorded yet.</p>
      ) : (
        <ul className="counts">
          {counts.map((c) => (
            <li key={c.value || "unset"} className="counts__row">
              <span className="counts__label truncate" title={c.label || "Not set"}>
                {c.label || "Not set"}
              </span>
              <span className="counts__bar" aria-hidden="true">
                <span className="counts__fill" style={{ width: `${(c.count / max) * 100}%` }} />
              </span>
              <span className="counts__value num">{formatNumber(c.count)}</span>
            </li>
          ))}
        </ul>
      )}
      {note ? <p className="card__note">{note}</p> : null}
    </section>
  );
}

function DashboardSkeleton() {
  return (
    <div className="dashboard" aria-busy="true">
      <div className="tiles">
        {Array.from({ length: 4 }, (_, i) => (
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
