// Adoption & ROI: whether people use what the company pays for (per system and department),
// and what each initiative returns against its cost, with the value model behind each figure.
import { useState } from "react";

import { PageHeader } from "../../components/page-header";
import { Tabs } from "../../components/tabs";
import { todayIso } from "../../lib/format";
import { INITIAL_PERIOD, type PeriodChoice } from "../dashboard/period";
import { PeriodPicker } from "../dashboard/period-picker";
import { useSession } from "../session/session-context";
import { AdoptionTab } from "./adoption-tab";
import { useAdoptionView } from "./api";
import type { AdoptionTab as Tab } from "./routes";
import { ValueEditor } from "./value-editor";
import { ValueTab } from "./value-tab";

// Adoption is read a month at a time: seats and users are monthly figures.
let rememberedChoice: PeriodChoice = { ...INITIAL_PERIOD, kind: "month" };

export function AdoptionRoiPage({
  tab,
  selectedId,
  onNavigate,
}: {
  tab: Tab;
  /** The initiative whose value model is open. */
  selectedId: number | null;
  onNavigate: (tab: Tab, initiativeId: number | null) => void;
}) {
  const session = useSession();
  const [choice, setChoiceState] = useState<PeriodChoice>(rememberedChoice);
  const setChoice = (next: PeriodChoice) => {
    rememberedChoice = next;
    setChoiceState(next);
  };
  const adoption = useAdoptionView(choice, session.dataVersion);
  const view = adoption.data;

  return (
    <div className="page">
      <PageHeader
        title="Adoption & ROI"
        subtitle={
          tab === "adoption"
            ? "Whether people use the AI you pay for, and what the unused seats cost."
            : "What each initiative returns against what it costs, with the assumptions behind every figure."
        }
        actions={
          tab === "adoption" ? (
            <PeriodPicker choice={choice} onChange={setChoice} period={view?.period ?? null} today={todayIso()} />
          ) : undefined
        }
      />
      {selectedId === null ? (
        <Tabs
          label="Adoption & ROI"
          active={tab}
          onChange={(next) => onNavigate(next as Tab, null)}
          items={[
            { id: "adoption", label: "Adoption", testId: "tab-adoption" },
            { id: "value", label: "Value & ROI", testId: "tab-value" },
          ]}
        />
      ) : null}
      {selectedId !== null ? (
        <ValueEditor key={selectedId} id={selectedId} onClose={() => onNavigate("value", null)} />
      ) : tab === "adoption" ? (
        <AdoptionTab
          view={view}
          error={adoption.error}
          loading={adoption.loading}
          onRetry={adoption.reload}
          refreshKey={session.dataVersion}
        />
      ) : (
        <ValueTab onOpen={(id) => onNavigate("value", id)} />
      )}
    </div>
  );
}
