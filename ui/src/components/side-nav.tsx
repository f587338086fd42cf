import type { Area } from "../lib/route";
import { Icon, type IconName } from "./icon";

export type NavItem = { area: Area; label: string; icon: IconName; testId: string };

export const NAV_ITEMS: NavItem[] = [
  { area: "dashboard", label: "Dashboard", icon: "dashboard", testId: "nav-dashboard" },
  { area: "inventory", label: "Inventory", icon: "inventory", testId: "nav-inventory" },
  { area: "pipeline", label: "Pipeline", icon: "pipeline", testId: "nav-pipeline" },
  { area: "vendors", label: "Vendors & Contracts", icon: "vendors", testId: "nav-vendors" },
  { area: "adoption", label: "Adoption & ROI", icon: "adoption", testId: "nav-adoption" },
  { area: "governance", label: "Governance", icon: "governance", testId: "nav-governance" },
  { area: "imports", label: "Imports", icon: "imports", testId: "nav-imports" },
  { area: "reports", label: "Reports", icon: "reports", testId: "nav-reports" },
  { area: "settings", label: "Settings", icon: "settings", testId: "nav-settings" },
];

export function SideNav({ current }: { current: Area }) {
  return (
    <nav className="sidenav" aria-label="Areas">
      <div className="sidenav__brand">
        <span className="sidenav__logo" aria-hidden="true">
          S
        </span>
        <span className="sidenav__title">Steward</span>
      </div>
      <ul className="sidenav__list">
        {NAV_ITEMS.map((item) => (
          <li key={item.area}>
            <a
              href={`#/${item.area}`}
              className="sidenav__link"
              aria-current={item.area === current ? "page" : undefined}
              data-testid={item.testId}
            >
              <Icon name={item.icon} />
              <span className="truncate">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
