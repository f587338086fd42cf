// The change history of one record, from the audit trail, newest first.
import { Section } from "../../components/description-list";
import { ErrorPanel } from "../../components/error-panel";
import { SkeletonLines } from "../../components/spinner";
import * as api from "../../ipc/commands";
import type { EntityType } from "../../ipc/types";
import { formatDateTime } from "../../lib/format";
import { useQuery } from "../../lib/use-query";
import { useCatalog } from "../session/catalog-context";
import { groupAuditEvents } from "./audit-entries";
import { describeAuditValue, type FieldMetaMap } from "./field-meta";

const LIMIT = 50;

const ACTION_TEXT: Record<string, string> = {
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  restore: "Restored",
};

export function HistorySection({
  entity,
  id,
  refreshKey,
  fields,
}: {
  entity: EntityType;
  id: number;
  refreshKey: unknown;
  fields: FieldMetaMap;
}) {
  const { label } = useCatalog();
  const query = useQuery(() => api.auditList(entity, id, LIMIT), [entity, id, refreshKey]);

  let body;
  if (query.error) body = <ErrorPanel compact error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonLines lines={3} />;
  else if (query.data.length === 0) body = <p className="muted">No changes recorded yet.</p>;
  else {
    const entries = groupAuditEvents(query.data);
    body = (
      <ol className="history" data-testid="history">
        {entries.map((entry) => (
          <li key={entry.key} className="history__entry">
            <span className={`history__dot history__dot--${entry.action}`} aria-hidden="true" />
            <div className="history__main">
              <div className="history__head">
                <span className="history__action">{ACTION_TEXT[entry.action] ?? entry.action}</span>
                <span className="history__meta">
                  {entry.actor ? `${entry.actor} · ` : ""}
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </span>
              </div>
              {entry.action === "update" ? (
                <ul className="history__changes">
                  {entry.changes.map((change) => {
                    const meta = change.field ? fields[change.field] : undefined;
                    const name = meta?.label ?? change.field ?? "";
                    if (meta?.type === "refs" || meta?.type === "ref" || meta?.type === "longtext") {
                      return (
                        <li key={change.id}>
                          <span className="history__field">{name}</span> updated
                        </li>
                      );
                    }
                    return (
                      <li key={change.id}>
                        <span className="history__field">{name}</span>{" "}
                        <span className="history__old">{describeAuditValue(meta, change.old_value, label)}</span>
                        {" → "}
                        <span className="history__new">{describeAuditValue(meta, change.new_value, label)}</span>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <Section title="History">
      {body}
      {query.data && query.data.length >= LIMIT ? (
        <p className="muted small">Showing the latest {LIMIT} changes.</p>
      ) : null}
    </Section>
  );
}
