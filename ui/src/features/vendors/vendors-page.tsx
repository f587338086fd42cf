import { useMemo } from "react";

import { Tabs } from "../../components/tabs";
import type { Contract, Vendor } from "../../ipc/types";
import { formatMoney, formatNumber, isWithinDays, todayIso } from "../../lib/format";
import { DateCell, DueDate, TextCell } from "../records/cells";
import { EnumBadge, EnumText } from "../records/enum-badge";
import { RecordWorkspace, type RecordKind } from "../records/record-workspace";
import { useSession } from "../session/session-context";
import { deleteContract, deleteVendor, listContracts, listVendors, restoreContract, restoreVendor } from "./api";
import { ContractDetail } from "./contract-detail";
import { ContractForm } from "./contract-form";
import { VendorDetail } from "./vendor-detail";
import { VendorForm } from "./vendor-form";
import { isRunning } from "./contract-running";

export type VendorsTab = "vendors" | "contracts";

const TITLE = "Vendors & Contracts";
const SUBTITLE = "Who you buy AI from, on what terms, and when each contract must be decided.";

/** Contracts whose cancel-by date is this close are highlighted: time to decide. */
const RENEWAL_WINDOW_DAYS = 90;

function useVendorKind(): RecordKind<Vendor> {
  return useMemo(
    () => ({
      entity: "vendor",
      singular: "vendor",
      plural: "vendors",
      newLabel: "New vendor",
      searchPlaceholder: "Search name, owner, country…",
      list: listVendors,
      remove: deleteVendor,
      restore: restoreVendor,
      nameOf: (v) => v.name,
      idOf: (v) => v.id,
      defaultSort: { by: "name", descending: false },
      minWidth: 940,
      filters: [
        { field: "vendor_type", label: "Type", allLabel: "All types", catalog: "vendor_type" },
        { field: "criticality", label: "Criticality", allLabel: "All criticalities", catalog: "criticality" },
        { field: "review_status", label: "Review status", allLabel: "All review statuses", catalog: "review_status" },
      ],
      columns: [
        {
          id: "name",
          header: "Name",
          width: "minmax(200px, 2fr)",
          sortKey: "name",
          render: (v) => <TextCell text={v.name} testId="row-name" strong />,
        },
        {
          id: "type",
          header: "Type",
          width: "140px",
          sortKey: "vendor_type",
          render: (v) => <EnumText kind="vendor_type" value={v.vendor_type} />,
        },
        { id: "country", header: "Country", width: "84px", sortKey: "country", render: (v) => <TextCell text={v.country} /> },
        {
          id: "criticality",
          header: "Criticality",
          width: "104px",
          sortKey: "criticality",
          render: (v) => <EnumBadge kind="criticality" value={v.criticality} />,
        },
        {
          id: "review",
          header: "Review",
          width: "168px",
          sortKey: "review_status",
          render: (v) => <EnumBadge kind="review_status" value={v.review_status} />,
        },
        {
          id: "owner",
          header: "Owner",
          width: "minmax(120px, 1fr)",
          sortKey: "relationship_owner",
          render: (v) => <TextCell text={v.relationship_owner} />,
        },
        {
          id: "systems",
          header: "Systems",
          width: "84px",
          sortKey: "system_count",
          align: "end",
          render: (v) => formatNumber(v.system_count),
        },
        {
          id: "contracts",
          header: "Contracts",
          width: "92px",
          sortKey: "contract_count",
          align: "end",
          render: (v) => formatNumber(v.contract_count),
        },
      ],
      empty: {
        title: "No vendors yet",
        body: "Add the companies you buy AI from — model providers, AI SaaS, platforms with AI features, resellers and consultancies.",
      },
    }),
    [],
  );
}

function useContractKind(): RecordKind<Contract> {
  return useMemo(() => {
    const today = todayIso();
    return {
      entity: "contract",
      singular: "contract",
      plural: "contracts",
      newLabel: "New contract",
      searchPlaceholder: "Search reference, name, vendor, owner…",
      list: listContracts,
      remove: deleteContract,
      restore: restoreContract,
      nameOf: (c) => c.name || c.contract_ref,
      idOf: (c) => c.id,
      defaultSort: { by: "cancel_by", descending: false },
      minWidth: 960,
      rowClassName: (c) => (isWithinDays(c.cancel_by, today, RENEWAL_WINDOW_DAYS) ? "table__row--due" : undefined),
      filters: [
        { field: "status", label: "Status", allLabel: "All statuses", catalog: "contract_status" },
        { field: "pricing_model", label: "Pricing model", allLabel: "All pricing models", catalog: "pricing_model" },
      ],
      columns: [
        {
          id: "ref",
          header: "Reference",
          width: "120px",
          sortKey: "contract_ref",
          render: (c) => <TextCell text={c.contract_ref} />,
        },
        {
          id: "name",
          header: "Name",
          width: "minmax(180px, 2fr)",
          sortKey: "name",
          render: (c) => <TextCell text={c.name} testId="row-name" strong />,
        },
        {
          id: "vendor",
          header: "Vendor",
          width: "minmax(120px, 1fr)",
          sortKey: "vendor_name",
          render: (c) => <TextCell text={c.vendor_name} />,
        },
        {
          id: "status",
          header: "Status",
          width: "132px",
          sortKey: "status",
          render: (c) => <EnumBadge kind="contract_status" value={c.status} />,
        },
        { id: "end", header: "End date", width: "104px", sortKey: "end_date", render: (c) => <DateCell date={c.end_date} /> },
        {
          id: "cancel",
          header: "Cancel by",
          width: "176px",
          sortKey: "cancel_by",
          render: (c) => <DueDate date={c.cancel_by} warnDays={RENEWAL_WINDOW_DAYS} missedWhenPast={isRunning(c)} />,
        },
        {
          id: "annual",
          header: "Annual value",
          width: "140px",
          sortKey: "annual_value",
          align: "end",
          render: (c) => formatMoney(c.annual_value, c.currency),
        },
      ],
      empty: {
        title: "No contracts yet",
        body: "Record each contract's term, value and notice period — Steward works out the cancel-by date so nothing renews by surprise.",
      },
    };
  }, []);
}

export function VendorsPage({
  tab,
  selectedId,
  onNavigate,
}: {
  tab: VendorsTab;
  selectedId: number | null;
  onNavigate: (tab: VendorsTab, id: number | null) => void;
}) {
  const vendorKind = useVendorKind();
  const contractKind = useContractKind();
  const { info } = useSession();
  const tabs = (
    <Tabs
      label="Vendors and contracts"
      active={tab}
      onChange={(next) => onNavigate(next as VendorsTab, null)}
      items={[
        { id: "vendors", label: "Vendors", count: info ? formatNumber(info.vendors) : undefined, testId: "tab-vendors" },
        { id: "contracts", label: "Contracts", count: info ? formatNumber(info.contracts) : undefined, testId: "tab-contracts" },
      ]}
    />
  );
  return (
    tab === "vendors" ? (
      <RecordWorkspace
        key="vendors"
        title={TITLE}
        subtitle={SUBTITLE}
        tabs={tabs}
        kind={vendorKind}
        selectedId={selectedId}
        onSelect={(id) => onNavigate("vendors", id)}
        renderDetail={(props) => <VendorDetail {...props} />}
        renderForm={(props) => <VendorForm {...props} />}
      />
    ) : (
      <RecordWorkspace
        key="contracts"
        title={TITLE}
        subtitle={SUBTITLE}
        tabs={tabs}
        kind={contractKind}
        selectedId={selectedId}
        onSelect={(id) => onNavigate("contracts", id)}
        renderDetail={(props) => <ContractDetail {...props} />}
        renderForm={(props) => <ContractForm {...props} />}
      />
    )
  );
}
