import { DescriptionList, Section } from "../../components/description-list";
import { ErrorPanel } from "../../components/error-panel";
import { SkeletonLines } from "../../components/spinner";
import type { Contract } from "../../ipc/types";
import { formatCount, formatFlag, formatMoney, formatNumber } from "../../lib/format";
import { routeHash } from "../../lib/route";
import { DateCell, DueDate } from "../records/cells";
import { DetailError, DetailLoading, DetailShell } from "../records/detail-shell";
import { EnumBadge, EnumText } from "../records/enum-badge";
import { RecordFooter } from "../records/record-footer";
import type { DetailProps } from "../records/record-workspace";
import { useContract, useSystemsById } from "./api";
import { CONTRACT_FIELDS } from "./contract-fields";
import { isRunning } from "./contract-running";

const COVERED_SHOWN = 50;

export function ContractDetail({ id, refreshKey, readOnly, deleting, onEdit, onDelete, onClose }: DetailProps<Contract>) {
  const query = useContract(id, refreshKey);
  const contract = query.data?.id === id ? query.data : undefined;
  if (query.error && !contract) return <DetailError error={query.error} onRetry={query.reload} onClose={onClose} />;
  if (!contract) return <DetailLoading onClose={onClose} />;

  return (
    <DetailShell
      eyebrow={`${contract.contract_ref} · Contract`}
      title={contract.name || contract.contract_ref}
      badges={
        <>
          {contract.status ? <EnumBadge kind="contract_status" value={contract.status} /> : null}
          {contract.auto_renew ? <span className="badge badge--neutral">Auto-renews</span> : null}
        </>
      }
      readOnly={readOnly}
      deleting={deleting}
      onEdit={() => onEdit(contract)}
      onDelete={() => onDelete(contract)}
      onClose={onClose}
    >
      <div className="stat-row">
        <div className="stat">
          <div className="stat__label">Annual value</div>
          <div className="stat__value num">{formatMoney(contract.annual_value, contract.currency)}</div>
        </div>
        <div className="stat">
          <div className="stat__label">Cancel by</div>
          <div className="stat__value">{contract.cancel_by ? <DueDate date={contract.cancel_by} missedWhenPast={isRunning(contract)} /> : <span className="muted">Not known</span>}</div>
        </div>
      </div>
      <Section title="Terms">
        <DescriptionList
          items={[
            {
              label: "Vendor",
              value:
                contract.vendor_id !== null ? (
                  <a className="link" href={routeHash({ area: "vendors", tab: "vendors", id: contract.vendor_id })}>
                    {contract.vendor_name || `Vendor #${contract.vendor_id}`}
                  </a>
                ) : null,
            },
            { label: "Status", value: <EnumText kind="contract_status" value={contract.status} /> },
            { label: "Pricing model", value: <EnumText kind="pricing_model" value={contract.pricing_model} /> },
            { label: "Renews automatically", value: contract.auto_renew ? "Yes" : "No" },
            { label: "Start date", value: contract.start_date ? <DateCell date={contract.start_date} /> : null },
            { label: "End date", value: contract.end_date ? <DateCell date={contract.end_date} /> : null },
            {
              label: "Notice period",
              value: contract.notice_period_days !== null ? formatCount(contract.notice_period_days, "day") : null,
            },
          ]}
        />
      </Section>
      <Section title="Value">
        <DescriptionList
          items={[
            { label: "Annual value", value: formatMoney(contract.annual_value, contract.currency), numeric: true },
            { label: "Total contract value", value: formatMoney(contract.total_value, contract.currency), numeric: true },
            { label: "Currency", value: contract.currency },
            {
              label: "Seats purchased",
              value: contract.seats_purchased !== null ? formatNumber(contract.seats_purchased) : null,
              numeric: true,
            },
          ]}
        />
      </Section>
      <Section title="Ownership and compliance">
        <DescriptionList
          items={[
            { label: "Owner", value: contract.owner },
            { label: "Cost center", value: contract.cost_center },
            { label: "DPA signed", value: formatFlag(contract.dpa_signed) },
          ]}
        />
      </Section>
      <CoveredSystems contract={contract} refreshKey={refreshKey} />
      <RecordFooter entity="contract" record={contract} refreshKey={refreshKey} fields={CONTRACT_FIELDS} />
    </DetailShell>
  );
}

function CoveredSystems({ contract, refreshKey }: { contract: Contract; refreshKey: unknown }) {
  const query = useSystemsById(contract.system_ids, refreshKey, COVERED_SHOWN);
  const count = contract.system_ids.length;
  let body;
  if (count === 0) body = <p className="muted">This contract does not name the systems it covers yet.</p>;
  else if (query.error) body = <ErrorPanel compact error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonLines lines={2} />;
  else
    body = (
      <ul className="link-list">
        {query.data.map((item) =>
          "missing" in item ? (
            <li key={item.id} className="muted small">
              System #{item.id} (deleted or not found)
            </li>
          ) : (
            <li key={item.id}>
              <a className="link-list__item" href={routeHash({ area: "inventory", tab: null, id: item.id })}>
                <span className="link-list__main">
                  <span className="truncate strong" title={item.name}>
                    {item.name || item.code}
                  </span>
                  <span className="link-list__sub">{item.code}</span>
                </span>
                <span className="link-list__side">
                  <EnumBadge kind="lifecycle_state" value={item.lifecycle_state} />
                </span>
              </a>
            </li>
          ),
        )}
        {count > COVERED_SHOWN ? (
          <li className="muted small">and {formatCount(count - COVERED_SHOWN, "more system")}</li>
        ) : null}
      </ul>
    );
  return <Section title={`Covered systems (${count})`}>{body}</Section>;
}
