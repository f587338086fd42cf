import { DescriptionList, Section } from "../../components/description-list";
import { formatDateTime } from "../../lib/format";
import type { FieldMetaMap } from "./field-meta";
import { HistorySection } from "./history-section";

type Entity = Parameters<typeof HistorySection>[0]["entity"];

/** The end of every detail view: free-text notes, when the record was made and changed, its history. */
export function RecordFooter({
  entity,
  record,
  refreshKey,
  fields,
}: {
  entity: Entity;
  record: { id: number; notes: string; created_at: string; updated_at: string };
  refreshKey: unknown;
  fields: FieldMetaMap;
}) {
  return (
    <>
      {record.notes ? (
        <Section title="Notes">
          <p className="prose">{record.notes}</p>
        </Section>
      ) : null}
      <Section title="Record">
        <DescriptionList
          items={[
            { label: "Created", value: formatDateTime(record.created_at) },
            { label: "Last updated", value: formatDateTime(record.updated_at) },
          ]}
        />
      </Section>
      <HistorySection entity={entity} id={record.id} refreshKey={refreshKey} fields={fields} />
    </>
  );
}
