import type { AuditEvent } from "../../ipc/types";

export type AuditEntry = { key: string; at: string; actor: string; action: string; changes: AuditEvent[] };

/** Events written by one save share their moment, actor and action: show them as one entry. */
export function groupAuditEvents(events: AuditEvent[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const event of events) {
    const last = entries[entries.length - 1];
    if (last && last.at === event.at && last.actor === event.actor && last.action === event.action) {
      last.changes.push(event);
    } else {
      entries.push({ key: String(event.id), at: event.at, actor: event.actor, action: event.action, changes: [event] });
    }
  }
  return entries;
}
