// How a tile says whether a figure went up or down: an arrow, a signed percentage and a tone.
// The tone is never the only signal: the arrow and the sign say the same for people who do
// not see colour.
import { formatChange } from "../../lib/format";

export type Direction = "up" | "down" | "flat";
export type DeltaTone = "good" | "bad" | "neutral";

export type Delta = {
  direction: Direction;
  /** "+12 %", "−62 %", "0 %". */
  text: string;
  tone: DeltaTone;
  /** For screen readers and tooltips: "Down 62 % on Q3 2026". */
  label: string;
};

/**
 * The change of a figure against the previous period. `better` says which way is good news
 * (more active users is; more spend is neither, so it stays neutral). Null when there was
 * nothing to compare with.
 */
export function tileDelta(change: number | null | undefined, previousLabel: string, better: "up" | "down" | "neither"): Delta | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null;
  const text = formatChange(change);
  const direction: Direction = text === "0 %" ? "flat" : change > 0 ? "up" : "down";
  const tone: DeltaTone =
    direction === "flat" || better === "neither" ? "neutral" : direction === better ? "good" : "bad";
  const word = direction === "flat" ? "No change" : direction === "up" ? "Up" : "Down";
  const amount = direction === "flat" ? "" : ` ${text.replace(/^[+−]/, "")}`;
  return { direction, text, tone, label: `${word}${amount} on ${previousLabel}` };
}

/** "1 past cancel-by" / "4 past cancel-by" / null when none. */
export function pastCancelBy(count: number): string | null {
  return count > 0 ? `${count} past cancel-by` : null;
}

/** Open incidents by severity, most severe first: "1 high · 2 medium". */
export function severitySummary(counts: { severity: string; count: number }[]): string {
  const order = ["critical", "high", "medium", "low"];
  const rank = (s: string) => {
    const i = order.indexOf(s.toLowerCase());
    return i === -1 ? order.length : i;
  };
  return [...counts]
    .filter((c) => c.count > 0)
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.severity.localeCompare(b.severity))
    .map((c) => `${c.count} ${c.severity.toLowerCase().replace(/_/g, " ")}`)
    .join(" · ");
}
