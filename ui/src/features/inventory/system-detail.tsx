import { DescriptionList, Section } from "../../components/description-list";
import { ErrorPanel } from "../../components/error-panel";
import { SkeletonLines } from "../../components/spinner";
import type { System } from "../../ipc/types";
import { formatFlag, formatMoney } from "../../lib/format";
import { routeHash } from "../../lib/route";
import { DateCell, DueDate } from "../records/cells";
import { DetailError, DetailLoading, DetailShell } from "../records/detail-shell";
import { EnumBadge, EnumText } from "../records/enum-badge";
import { RecordFooter } from "../records/record-footer";
import type { DetailProps } from "../records/record-workspace";
import { useCoveringContracts, useSystem } from "./api";
import { SYSTEM_FIELDS } from "./system-fields";

export function SystemDetail({ id, refreshKey, readOnly, deleting, onEdit, onDelete, onClose }: DetailProps<System>) {
  const query = useSystem(id, refreshKey);
  const system = query.data?.id === id ? query.data : undefined;
  if (query.error && !system) return <DetailError error={query.error} onRetry={query.reload} onClose={onClose} />;
  if (!system) return <DetailLoading onClose={onClose} />;

  return (
    <DetailShell
      eyebrow={`${system.code} · AI system`}
      title={system.name || system.code}
      badges={
        <>
          {system.lifecycle_state ? <EnumBadge kind="lifecycle_state" value={system.lifecycle_state} /> : null}
          {system.usage_policy ? <EnumBadge kind="usage_policy" value={system.usage_policy} /> : null}
          {system.eu_ai_act_tier ? <EnumBadge kind="eu_ai_act_tier" value={system.eu_ai_act_tier} /> : null}
        </>
      }
      readOnly={readOnly}
      deleting={deleting}
      onEdit={() => onEdit(system)}
      onDelete={() => onDelete(system)}
      onClose={onClose}
    >
      <Section title="Overview">
        <DescriptionList
          items={[
            { label: "Type", value: <EnumText kind="system_type" value={system.system_type} /> },
            { label: "Model", value: system.model_name },
            {
              label: "Vendor",
              value:
                system.vendor_id !== null ? (
                  <a className="link" href={routeHash({ area: "vendors", tab: "vendors", id: system.vendor_id })}>
                    {system.vendor_name || `Vendor #${system.vendor_id}`}
                  </a>
                ) : null,
            },
            { label: "Department", value: system.department },
            { label: "Business owner", value: system.business_owner },
            { label: "Technical owner", value: system.technical_owner },
            { label: SYSTEM_FIELDS.description.label, value: system.description, wide: true },
            { label: SYSTEM_FIELDS.intended_purpose.label, value: system.intended_purpose, wide: true },
          ]}
        />
      </Section>
      <Section title="Governance">
        <DescriptionList
          items={[
            { label: "Lifecycle", value: <EnumText kind="lifecycle_state" value={system.lifecycle_state} /> },
            { label: "Usage policy", value: <EnumText kind="usage_policy" value={system.usage_policy} /> },
            { label: "EU AI Act tier", value: <EnumText kind="eu_ai_act_tier" value={system.eu_ai_act_tier} /> },
            { label: "Internal risk tier", value: <EnumText kind="risk_tier" value={system.internal_risk_tier} /> },
            { label: "Next review", value: system.next_review_date ? <DueDate date={system.next_review_date} warnDays={30} missedWhenPast /> : null },
            { label: "First seen", value: system.first_seen ? <DateCell date={system.first_seen} /> : null },
          ]}
        />
      </Section>
      <Section title="Data">
        <DescriptionList
          items={[
            { label: "Personal data", value: formatFlag(system.personal_data) },
            {
              label: "Data classification",
              value: <EnumText kind="data_classification" value={system.data_classification} />,
            },
            { label: "Hosting region", value: system.hosting_region },
          ]}
        />
      </Section>
      <SystemContracts system={system} refreshKey={refreshKey} />
      <RecordFooter entity="system" record={system} refreshKey={refreshKey} fields={SYSTEM_FIELDS} />
    </DetailShell>
  );
}

function SystemContracts({ system, refreshKey }: { system: System; refreshKey: unknown }) {
  const query = useCoveringContracts(system.id, refreshKey);
  let body;
  if (query.error) body = <ErrorPanel compact error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonLines lines={2} />;
  else if (query.data.length === 0)
    body = <p className="muted">No contract covers this system yet — link it from a contract's form.</p>;
  else
    body = (
      <ul className="link-list">
        {query.data.map((contract) => (
          <li key={contract.id}>
            <a className="link-list__item" href={routeHash({ area: "vendors", tab: "contracts", id: contract.id })}>
              <span className="link-list__main">
                <span className="truncate strong" title={contract.name}>
                  {contract.name || contract.contract_ref}
                </span>
                <span className="link-list__sub">
                  {[contract.contract_ref, contract.vendor_name].filter(Boolean).join(" · ")}
                </span>
              </span>
              <span className="link-list__side">
                <span className="num">{formatMoney(contract.annual_value, contract.currency)}</span>
                <span className="link-list__sub">
                  {contract.cancel_by ? <>Cancel by <DueDate date={contract.cancel_by} /></> : "No cancel-by date"}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    );
  return (
    <Section title="Contracts covering this system">
      {body}
    </Section>
  );
}
