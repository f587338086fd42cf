// Small pieces shared by tables and detail views.
import { Truncate } from "../../components/truncate";
import { EMPTY, formatDate, formatRelativeDays, isWithinDays, todayIso } from "../../lib/format";

export function TextCell({ text, testId, strong }: { text: string | null | undefined; testId?: string; strong?: boolean }) {
  if (!text)
    return (
      <span className="muted" data-testid={testId}>
        {EMPTY}
      </span>
    );
  return <Truncate text={text} testId={testId} className={strong ? "strong" : undefined} />;
}

export function DateCell({ date }: { date: string | null | undefined }) {
  if (!date) return <span className="muted">{EMPTY}</span>;
  const text = formatDate(date);
  return (
    <time dateTime={date} className="nowrap" title={formatRelativeDays(date, todayIso()) || undefined}>
      {text}
    </time>
  );
}

/** A date with how far away it is ("in 12 days"), highlighted when within `warnDays`. */
/**
 * A deadline: highlighted when it is near, and shown as missed when it has passed and
 * `missedWhenPast` says it still mattered (a running contract's cancel-by, a review due).
 */
export function DueDate({
  date,
  warnDays = 90,
  missedWhenPast = false,
}: {
  date: string | null | undefined;
  warnDays?: number;
  missedWhenPast?: boolean;
}) {
  if (!date) return <span className="muted">{EMPTY}</span>;
  const today = todayIso();
  const relative = formatRelativeDays(date, today);
  const soon = isWithinDays(date, today, warnDays);
  const missed = missedWhenPast && date < today;
  return (
    <span className={missed ? "due due--missed" : soon ? "due due--soon" : "due"}>
      <time dateTime={date}>{formatDate(date)}</time>
      {relative ? <span className="due__relative">{relative}</span> : null}
    </span>
  );
}
