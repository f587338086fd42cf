import { DescriptionList, Section } from "../../components/description-list";
import { ErrorPanel } from "../../components/error-panel";
import { SkeletonLines } from "../../components/spinner";
import type { Vendor } from "../../ipc/types";
import { formatCount, formatFlag, formatMoney } from "../../lib/format";
import { routeHash } from "../../lib/route";
import { DateCell, DueDate } from "../records/cells";
import { DetailError, DetailLoading, DetailShell } from "../records/detail-shell";
import { EnumBadge, EnumText } from "../records/enum-badge";
import { RecordFooter } from "../records/record-footer";
import type { DetailProps } from "../records/record-workspace";
import { useVendor, useVendorContractList, useVendorSystems } from "./api";
import { VENDOR_FIELDS } from "./vendor-fields";

export function VendorDetail({ id, refreshKey, readOnly, deleting, onEdit, onDelete, onClose }: DetailProps<Vendor>) {
  const query = useVendor(id, refreshKey);
  const vendor = query.data?.id === id ? query.data : undefined;
  if (query.error && !vendor) return <DetailError error={query.error} onRetry={query.reload} onClose={onClose} />;
  if (!vendor) return <DetailLoading onClose={onClose} />;

  return (
    <DetailShell
      eyebrow={["Vendor", vendor.country].filter(Boolean).join(" · ")}
      title={vendor.name}
      badges={
        <>
          {vendor.criticality ? <EnumBadge kind="criticality" value={vendor.criticality} /> : null}
          {vendor.review_status ? <EnumBadge kind="review_status" value={vendor.review_status} /> : null}
        </>
      }
      readOnly={readOnly}
      deleting={deleting}
      onEdit={() => onEdit(vendor)}
      onDelete={() => onDelete(vendor)}
      onClose={onClose}
    >
      <Section title="Company">
        <DescriptionList
          items={[
            { label: "Legal name", value: vendor.legal_name },
            { label: "Type", value: <EnumText kind="vendor_type" value={vendor.vendor_type} /> },
            { label: "Country", value: vendor.country },
            { label: "Website", value: vendor.website ? <span className="break">{vendor.website}</span> : null },
            { label: "Relationship owner", value: vendor.relationship_owner },
            { label: "Criticality", value: <EnumText kind="criticality" value={vendor.criticality} /> },
          ]}
        />
      </Section>
      <Section title="Due diligence">
        <DescriptionList
          items={[
            { label: "Review status", value: <EnumText kind="review_status" value={vendor.review_status} /> },
            { label: "Review date", value: vendor.review_date ? <DateCell date={vendor.review_date} /> : null },
            { label: "Trains on our data", value: formatFlag(vendor.trains_on_data) },
            { label: "Data residency", value: vendor.data_residency },
          ]}
        />
      </Section>
      <VendorSystems vendor={vendor} refreshKey={refreshKey} />
      <VendorContracts vendor={vendor} refreshKey={refreshKey} />
      <RecordFooter entity="vendor" record={vendor} refreshKey={refreshKey} fields={VENDOR_FIELDS} />
    </DetailShell>
  );
}

function VendorSystems({ vendor, refreshKey }: { vendor: Vendor; refreshKey: unknown }) {
  const query = useVendorSystems(vendor.id, refreshKey);
  let body;
  if (query.error) body = <ErrorPanel compact error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonLines lines={2} />;
  else if (query.data.total === 0) body = <p className="muted">No AI systems from this vendor in the inventory.</p>;
  else
    body = (
      <ul className="link-list">
        {query.data.rows.map((system) => (
          <li key={system.id}>
            <a className="link-list__item" href={routeHash({ area: "inventory", tab: null, id: system.id })}>
              <span className="link-list__main">
                <span className="truncate strong" title={system.name}>
                  {system.name || system.code}
                </span>
                <span className="link-list__sub">{system.code}</span>
              </span>
              <span className="link-list__side">
                <EnumBadge kind="lifecycle_state" value={system.lifecycle_state} />
              </span>
            </a>
          </li>
        ))}
        {query.data.total > query.data.rows.length ? (
          <li className="muted small">and {formatCount(query.data.total - query.data.rows.length, "more system")}</li>
        ) : null}
      </ul>
    );
  return <Section title={`AI systems (${vendor.system_count})`}>{body}</Section>;
}

function VendorContracts({ vendor, refreshKey }: { vendor: Vendor; refreshKey: unknown }) {
  const query = useVendorContractList(vendor.id, refreshKey);
  let body;
  if (query.error) body = <ErrorPanel compact error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonLines lines={2} />;
  else if (query.data.total === 0) body = <p className="muted">No contracts recorded with this vendor.</p>;
  else
    body = (
      <ul className="link-list">
        {query.data.rows.map((contract) => (
          <li key={contract.id}>
            <a className="link-list__item" href={routeHash({ area: "vendors", tab: "contracts", id: contract.id })}>
              <span className="link-list__main">
                <span className="truncate strong" title={contract.name}>
                  {contract.name || contract.contract_ref}
                </span>
                <span className="link-list__sub">
                  {contract.contract_ref} · <EnumText kind="contract_status" value={contract.status} />
                </span>
              </span>
              <span className="link-list__side">
                <span className="num">{formatMoney(contract.annual_value, contract.currency)}</span>
                <span className="link-list__sub">
                  {contract.cancel_by ? (
                    <>
                      Cancel by <DueDate date={contract.cancel_by} />
                    </>
                  ) : (
                    "No cancel-by date"
                  )}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    );
  return <Section title={`Contracts (${vendor.contract_count})`}>{body}</Section>;
}
