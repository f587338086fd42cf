import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { DescriptionList, Section } from "../../components/description-list";
import { ErrorPanel } from "../../components/error-panel";
import { PageHeader } from "../../components/page-header";
import { SkeletonLines } from "../../components/spinner";
import * as api from "../../ipc/commands";
import { formatNumber } from "../../lib/format";
import { useQuery } from "../../lib/use-query";
import { useSession } from "../session/session-context";
import { BudgetsSection } from "./budgets-section";
import { FxRatesSection } from "./fx-rates-section";
import { ReportingCurrencySection } from "./reporting-currency-section";

const SHORTCUTS: [string, string][] = [
  ["N or Ctrl+N", "New record in Inventory or Vendors & Contracts"],
  ["/ or Ctrl+F", "Search the list"],
  ["↑ ↓", "Move through the rows of a list"],
  ["Ctrl+S", "Save the open form"],
  ["Esc", "Close the form, the detail panel or the import wizard"],
];

export function SettingsPage() {
  const session = useSession();
  const query = useQuery(() => api.portfolioInfo(), [session.dataVersion]);
  const info = query.data ?? session.info;

  return (
    <div className="page page--narrow">
      <PageHeader title="Settings" subtitle="The open portfolio file, the currency and rates its totals use, budgets, and how Steward behaves." />
      {query.error && !info ? (
        <ErrorPanel error={query.error} onRetry={query.reload} />
      ) : !info ? (
        <SkeletonLines lines={6} />
      ) : (
        <div className="settings">
          <Section
            title="Portfolio file"
            actions={
              <div className="section__actions">
                <Button size="sm" onClick={session.saveCopy} busy={session.busy === "save"}>
                  Save a copy…
                </Button>
                <Button size="sm" onClick={session.openPortfolio} busy={session.busy === "open"}>
                  Open…
                </Button>
              </div>
            }
          >
            <DescriptionList
              items={[
                { label: "Portfolio", value: info.name || "Untitled portfolio" },
                { label: "File", value: info.file_name },
                { label: "Location", value: info.path ? <span className="break mono">{info.path}</span> : "In memory (not saved to a file)", wide: true },
                { label: "Schema version", value: String(info.schema_version) },
                {
                  label: "Access",
                  value: info.read_only ? (
                    <Badge tone="warning">Read-only — Save a copy to edit</Badge>
                  ) : (
                    <Badge tone="success">Editable</Badge>
                  ),
                },
              ]}
            />
          </Section>
          <ReportingCurrencySection currency={info.reporting_currency} />
          <FxRatesSection reporting={info.reporting_currency} />
          <BudgetsSection reporting={info.reporting_currency} />
          <Section title="What it holds">
            <table className="simple-table simple-table--compact" data-testid="settings-counts">
              <tbody>
                {(
                  [
                    ["AI systems", info.systems],
                    ["Vendors", info.vendors],
                    ["Contracts", info.contracts],
                    ["Initiatives", info.initiatives],
                    ["Cost lines", info.cost_lines],
                    ["Metric observations", info.metric_observations],
                    ["Audit events", info.audit_events],
                  ] as const
                ).map(([label, count]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{formatNumber(count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section title="Appearance">
            <p className="muted">Steward follows your system's light or dark setting.</p>
          </Section>
          <Section title="Keyboard shortcuts">
            <table className="simple-table simple-table--compact">
              <tbody>
                {SHORTCUTS.map(([keys, what]) => (
                  <tr key={keys}>
                    <th scope="row">
                      <kbd>{keys}</kbd>
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </div>
      )}
    </div>
  );
}
