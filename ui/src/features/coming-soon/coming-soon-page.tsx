// Areas planned for later releases. They say plainly what they will hold; they show no
// numbers or charts until the data behind them exists.
import { Icon, type IconName } from "../../components/icon";
import { PageHeader } from "../../components/page-header";

export type PlannedArea = "pipeline" | "adoption" | "governance" | "reports";

type Plan = { title: string; icon: IconName; summary: string; points: string[]; foot?: string };

const KEEP_RECORDS =
  "Until then, keep your AI systems in Inventory and your vendors and contracts in Vendors & Contracts — everything you enter there will feed this area.";

const PLANS: Record<PlannedArea, Plan> = {
  pipeline: {
    title: "Pipeline",
    icon: "pipeline",
    summary: "Every AI initiative from idea to scale, with the gate decisions that moved it.",
    points: [
      "Initiatives by stage: idea, assessment, pilot, production, scaled, on hold, killed",
      "Gate decisions (go, conditional go, hold, kill) with criteria, who decided and why",
      "Lessons kept from killed ideas",
    ],
    foot:
      "Until then, import your initiative tracker and stage gate log on the Imports screen: each initiative's stage and time in it already count on the Dashboard.",
  },
  adoption: {
    title: "Adoption & ROI",
    icon: "adoption",
    summary: "Whether people use what you pay for, what it costs and what it returns.",
    points: [
      "Active users, activation and seat utilisation per system",
      "Cost by system, vendor, department and month, in the right currency",
      "Benefit models with visible assumptions, ROI and payback per initiative",
    ],
  },
  governance: {
    title: "Governance",
    icon: "governance",
    summary: "The risk register, review schedule, incidents and the audit trail in one place.",
    points: [
      "Risks and incidents per system or initiative",
      "Reviews due, with EU AI Act tier and internal risk tier",
      "A tamper-evident audit trail of every change",
    ],
    foot:
      "Until then, import your risk register, review tracker and incident log on the Imports screen: open high risks, overdue reviews and open incidents already count on the Dashboard.",
  },
  reports: {
    title: "Reports",
    icon: "reports",
    summary: "The quarterly board pack in one click, and all data out as spreadsheets.",
    points: [
      "A board pack PDF with charts, deltas since last quarter, renewals and risks",
      "Charts as PNG or SVG for slides",
      "Every table as XLSX or CSV",
    ],
  },
};

export function ComingSoonPage({ area }: { area: PlannedArea }) {
  const plan = PLANS[area];
  return (
    <div className="page page--narrow">
      <PageHeader title={plan.title} subtitle={plan.summary} />
      <div className="planned" data-testid="not-built">
        <div className="planned__icon" aria-hidden="true">
          <Icon name={plan.icon} size={22} />
        </div>
        <div>
          <h2 className="planned__title">Not built yet</h2>
          <p className="planned__lead">This area arrives in a later release of Steward. It will hold:</p>
          <ul className="planned__list">
            {plan.points.map((point) => (
              <li key={point}>
                <Icon name="check" size={14} />
                <span>{point}</span>
              </li>
            ))}
          </ul>
          <p className="planned__foot">{plan.foot ?? KEEP_RECORDS}</p>
        </div>
      </div>
    </div>
  );
}
