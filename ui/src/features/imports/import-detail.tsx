// One import batch in the side panel: how the file was read, what it added, its issues.
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { DescriptionList, Section } from "../../components/description-list";
import { Drawer } from "../../components/drawer";
import { formatCount, formatDateTime, formatDecimal, formatNumber } from "../../lib/format";
import type { ImportBatch } from "./api";
import { formatLabel, isMappedFormat, undoneText } from "./import-text";
import { IssuesTable, MoneyList, StatTiles } from "./report-parts";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

export function ImportDetail({
  batch,
  readOnly,
  undoing,
  onUndo,
  onClose,
}: {
  batch: ImportBatch;
  readOnly: boolean;
  undoing: boolean;
  onUndo: () => void;
  onClose: () => void;
}) {
  const undone = batch.undone_at !== null;
  // A user-mapped sheet created or changed records (systems, vendors, …), not cost lines.
  const mapped = isMappedFormat(batch.format);
  const eyebrow = `Import #${batch.id} · ${formatDateTime(batch.imported_at)}`;
  const live: string[] = [];
  if (batch.live_cost_lines > 0) live.push(formatCount(batch.live_cost_lines, "cost line"));
  if (batch.live_observations > 0) live.push(formatCount(batch.live_observations, "metric observation"));

  return (
    <Drawer label={batch.file_name} wide testId="import-detail">
      <div className="drawer__header">
        <div className="drawer__heading">
          <div className="drawer__eyebrow truncate" title={eyebrow}>
            {eyebrow}
          </div>
          <h2 className="drawer__title clamp-2 break" title={batch.file_name}>
            {batch.file_name}
          </h2>
          <div className="drawer__badges">
            <Badge tone="neutral">{formatLabel(batch.format_name, batch.format)}</Badge>
            {undone ? <Badge tone="warning">{undoneText(batch.undone_at ?? "")}</Badge> : <Badge tone="success">In the portfolio</Badge>}
          </div>
        </div>
        <Button variant="ghost" icon="close" aria-label="Close" title="Close (Esc)" onClick={onClose} />
      </div>
      {undone ? null : (
        <div className="drawer__toolbar">
          <Button
            size="sm"
            variant="ghost"
            icon="history"
            className="btn--danger-text"
            onClick={onUndo}
            busy={undoing}
            disabled={readOnly}
            title={
              readOnly
                ? READ_ONLY_TIP
                : mapped
                  ? "Remove the records this import created and restore those it changed"
                  : "Remove this import's lines and bring back the lines it replaced"
            }
            data-testid="import-detail-undo"
          >
            Undo this import
          </Button>
        </div>
      )}
      <div className="drawer__body">
        <StatTiles
          items={[
            { label: "Rows read", value: batch.rows_read },
            { label: "Imported", value: batch.rows_imported, note: mapped ? "Records created or updated" : undefined },
            { label: "Unchanged", value: batch.rows_unchanged },
            { label: "Skipped", value: batch.rows_skipped },
            ...(mapped
              ? []
              : [
                  {
                    label: "Replaced",
                    value: batch.rows_replaced,
                    note: "Lines of the same account and period from an earlier import that this file restates",
                  },
                ]),
          ]}
        />
        <Section title="File">
          <DescriptionList
            items={[
              { label: "Format", value: formatLabel(batch.format_name, batch.format) },
              mapped ? { label: "Saved mapping", value: batch.version || "Not saved" } : { label: "Version", value: batch.version },
              { label: "Read as", value: batch.read_as, wide: true },
              { label: "Sheet", value: batch.sheet },
              { label: "Header row", value: batch.header_row !== null ? formatNumber(batch.header_row) : null },
              { label: "Imported by", value: batch.imported_by },
              { label: "Imported", value: formatDateTime(batch.imported_at) },
              ...(undone ? [{ label: "Undone", value: formatDateTime(batch.undone_at) }] : []),
              ...(mapped
                ? []
                : [
                    {
                      label: "In the portfolio now",
                      value: undone
                        ? "Nothing — it was undone"
                        : live.length > 0
                          ? live.join(" · ")
                          : "No cost lines or metric observations",
                    },
                  ]),
            ]}
          />
        </Section>
        {mapped ? null : (
          <Section title="Money">
            <MoneyList totals={batch.totals} empty="No money in this import" />
            {batch.control_total ? (
              <p className="muted small">
                The file's own total, to reconcile against: <span className="num">{formatDecimal(batch.control_total)}</span>
              </p>
            ) : null}
          </Section>
        )}
        <Section title={`Issues (${formatNumber(batch.issue_count)})`}>
          <IssuesTable issues={batch.issues} total={batch.issue_count} testId="import-detail-issues" />
        </Section>
      </div>
    </Drawer>
  );
}
