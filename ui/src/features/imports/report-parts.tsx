// Pieces shared by the wizard's review and the history's detail: counts, money, issues.
import type { ReactNode } from "react";

import { Badge, type Tone } from "../../components/badge";
import { Icon } from "../../components/icon";
import { Truncate } from "../../components/truncate";
import { EMPTY, formatCount, formatDateRange, formatDecimal, formatMoneyExact, formatNumber } from "../../lib/format";
import type { ImportIssue, MoneyTotal, PreviewLine } from "./api";
import { issuesShownText, moneyLines, sentence, skipReasonText } from "./import-text";

export type StatItem = { label: string; value: number; note?: string; testId?: string };

/** The counts of an import as a row of tiles. */
export function StatTiles({ items }: { items: StatItem[] }) {
  return (
    <div className="import-stats">
      {items.map((item) => (
        <div key={item.label} className="stat" data-testid={item.testId} title={item.note}>
          <div className="stat__label">{item.label}</div>
          <div className="stat__value num">{formatNumber(item.value)}</div>
        </div>
      ))}
    </div>
  );
}

/**
 * Money per currency and basis, one line each and never added together. `compact` fits a
 * table cell (the basis is named only when it is not the usual "billed").
 */
export function MoneyList({ totals, compact = false, empty = EMPTY }: { totals: MoneyTotal[]; compact?: boolean; empty?: ReactNode }) {
  const lines = moneyLines(totals);
  if (lines.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className={compact ? "money-list money-list--compact" : "money-list"}>
      {lines.map((line) => (
        <li key={line.key} title={`${line.exact} · ${line.basis}`}>
          <span className="money-list__amount num">{line.amount}</span>
          {!compact || line.basis !== "Billed" ? <span className="money-list__basis">{line.basis.toLowerCase()}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Row issues as data: which row and column, the value found, and what is wrong with it. */
export function IssuesTable({ issues, total, testId }: { issues: ImportIssue[]; total: number; testId?: string }) {
  if (issues.length === 0) {
    return (
      <p className="muted" data-testid={testId}>
        No issues: every row could be read.
      </p>
    );
  }
  const withPart = issues.some((i) => i.part);
  const cut = issuesShownText(issues.length, total);
  return (
    <div className="import-table-wrap" data-testid={testId}>
      <div className="import-table-scroll import-table-scroll--issues">
        <table className="simple-table import-table">
          <colgroup>
            {withPart ? <col className="import-col--part" /> : null}
            <col className="import-col--row" />
            <col className="import-col--column" />
            <col className="import-col--value" />
            <col />
          </colgroup>
          <thead>
            <tr>
              {withPart ? <th scope="col">Part</th> : null}
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={`${issue.part ?? ""}|${issue.row}|${issue.column}|${i}`}>
                {withPart ? (
                  <td>
                    <Truncate text={issue.part ?? ""} />
                  </td>
                ) : null}
                <td className="num">{formatNumber(issue.row)}</td>
                <td>
                  <Truncate text={issue.column} />
                </td>
                <td>{issue.value ? <Truncate text={issue.value} className="mono" /> : <span className="muted">empty</span>}</td>
                <td className="import-table__wrap">{sentence(issue.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cut ? <p className="muted small">{cut}</p> : null}
    </div>
  );
}

const STATUS: Record<string, { label: string; tone: Tone }> = {
  new: { label: "New", tone: "success" },
  changed: { label: "Changed", tone: "info" },
  unchanged: { label: "Unchanged", tone: "neutral" },
};

/** The first rows as the import typed them. */
export function PreviewRows({ lines, testId }: { lines: PreviewLine[]; testId?: string }) {
  return (
    <div className="import-table-wrap" data-testid={testId}>
      <div className="import-table-scroll">
        <table className="simple-table import-table">
          <colgroup>
            <col className="import-col--row" />
            <col className="import-col--period" />
            <col />
            <col className="import-col--quantity" />
            <col className="import-col--amount" />
            <col className="import-col--status" />
            <col className="import-col--system" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Period</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">AI system</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const status = STATUS[line.status] ?? { label: line.status, tone: "neutral" as Tone };
              const quantity = line.quantity ? `${formatDecimal(line.quantity)}${line.unit ? ` ${line.unit}` : ""}` : EMPTY;
              return (
                <tr key={line.row}>
                  <td className="num muted">{formatNumber(line.row)}</td>
                  <td className="nowrap">{formatDateRange(line.period_start, line.period_end)}</td>
                  <td>
                    <Truncate text={line.description || EMPTY} />
                  </td>
                  <td className="num" title={line.quantity ? quantity : undefined}>
                    {quantity}
                  </td>
                  <td className="num" title={line.basis}>
                    {formatMoneyExact(line.amount, line.currency)}
                  </td>
                  <td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </td>
                  <td>{line.system ? <Truncate text={line.system} /> : <span className="muted">Not linked</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A gentle note beside figures: information, not an error. */
export function Callout({
  tone = "info",
  title,
  children,
  testId,
}: {
  tone?: "info" | "warning" | "danger";
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`callout callout--${tone}`} role={tone === "danger" ? "alert" : undefined} data-testid={testId}>
      <Icon name={tone === "info" ? "info" : "alert"} className="callout__icon" />
      <div className="callout__text">
        {title ? <p className="callout__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** "3 rows: empty bucket" lines for the reasons rows were skipped. */
export function SkipReasons({ reasons }: { reasons: { reason: string; count: number }[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="import-reasons">
      {reasons.map((r) => (
        <li key={r.reason}>
          <span className="num">{formatCount(r.count, "row")}</span> — {skipReasonText(r.reason)}
        </li>
      ))}
    </ul>
  );
}
