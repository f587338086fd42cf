import { useMemo } from "react";

import type { System } from "../../ipc/types";
import { TextCell, DateCell } from "../records/cells";
import { EnumBadge, EnumText } from "../records/enum-badge";
import { RecordWorkspace, type RecordKind } from "../records/record-workspace";
import { deleteSystem, listSystems, restoreSystem } from "./api";
import { SystemDetail } from "./system-detail";
import { SystemForm } from "./system-form";

function useSystemKind(): RecordKind<System> {
  return useMemo(
    () => ({
      entity: "system",
      singular: "system",
      plural: "systems",
      newLabel: "New system",
      searchPlaceholder: "Search code, name, owner, vendor…",
      list: listSystems,
      remove: deleteSystem,
      restore: restoreSystem,
      nameOf: (s) => s.name || s.code,
      idOf: (s) => s.id,
      defaultSort: { by: "code", descending: false },
      minWidth: 980,
      filters: [
        { field: "system_type", label: "Type", allLabel: "All types", catalog: "system_type" },
        { field: "lifecycle_state", label: "Lifecycle", allLabel: "All lifecycles", catalog: "lifecycle_state" },
        { field: "usage_policy", label: "Usage policy", allLabel: "All policies", catalog: "usage_policy" },
        { field: "eu_ai_act_tier", label: "EU AI Act tier", allLabel: "All EU AI Act tiers", catalog: "eu_ai_act_tier" },
        { field: "internal_risk_tier", label: "Internal risk tier", allLabel: "All risk tiers", catalog: "risk_tier" },
      ],
      columns: [
        {
          id: "code",
          header: "Code",
          width: "84px",
          sortKey: "code",
          render: (s) => <TextCell text={s.code} />,
        },
        {
          id: "name",
          header: "Name",
          width: "minmax(150px, 2fr)",
          sortKey: "name",
          render: (s) => <TextCell text={s.name} testId="row-name" strong />,
        },
        {
          id: "type",
          header: "Type",
          width: "116px",
          sortKey: "system_type",
          render: (s) => <EnumText kind="system_type" value={s.system_type} />,
        },
        {
          id: "vendor",
          header: "Vendor",
          width: "minmax(96px, 1fr)",
          sortKey: "vendor_name",
          render: (s) => <TextCell text={s.vendor_name} />,
        },
        {
          id: "owner",
          header: "Owner",
          width: "minmax(96px, 1fr)",
          sortKey: "business_owner",
          render: (s) => <TextCell text={s.business_owner} />,
        },
        {
          id: "lifecycle",
          header: "Lifecycle",
          width: "140px",
          sortKey: "lifecycle_state",
          render: (s) => <EnumBadge kind="lifecycle_state" value={s.lifecycle_state} />,
        },
        {
          id: "eu",
          header: "EU AI Act",
          width: "100px",
          sortKey: "eu_ai_act_tier",
          render: (s) => <EnumText kind="eu_ai_act_tier" value={s.eu_ai_act_tier} />,
        },
        {
          id: "risk",
          header: "Risk",
          width: "92px",
          sortKey: "internal_risk_tier",
          render: (s) => <EnumBadge kind="risk_tier" value={s.internal_risk_tier} />,
        },
        {
          id: "review",
          header: "Next review",
          width: "112px",
          sortKey: "next_review_date",
          render: (s) => <DateCell date={s.next_review_date} />,
        },
      ],
      empty: {
        title: "No AI systems yet",
        body: "Register every AI tool, model API, agent and AI feature the company runs or buys — one record each, with its owner, vendor and risk tier.",
      },
    }),
    [],
  );
}

export function InventoryPage({ selectedId, onSelect }: { selectedId: number | null; onSelect: (id: number | null) => void }) {
  const kind = useSystemKind();
  return (
    <RecordWorkspace
        title="Inventory"
        subtitle="Every AI system the company runs or buys."
        kind={kind}
        selectedId={selectedId}
        onSelect={onSelect}
        renderDetail={(props) => <SystemDetail {...props} />}
        renderForm={(props) => <SystemForm {...props} />}
      />
  );
}
