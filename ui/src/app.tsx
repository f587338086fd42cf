// The app frame: navigation, top bar, read-only banner, and the area the route names.
import { useEffect, useRef, type ReactNode } from "react";

import { SideNav } from "./components/side-nav";
import { ToastProvider } from "./components/toast";
import { AdoptionRoiPage } from "./features/adoption-roi/adoption-roi-page";
import { adoptionTabOf, VALUE_TAB_HASH } from "./features/adoption-roi/routes";
import { forgetUnsavedDrafts } from "./features/adoption-roi/unsaved-drafts";
import { ComingSoonPage } from "./features/coming-soon/coming-soon-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { ImportsPage } from "./features/imports/imports-page";
import { InventoryPage } from "./features/inventory/inventory-page";
import { CatalogProvider } from "./features/session/catalog-context";
import { ProblemPanel, SessionLoading, UnavailablePanel, Welcome } from "./features/session/session-panels";
import { SessionProvider, useSession } from "./features/session/session-context";
import { CatalogBanner, ReadOnlyBanner, TopBar } from "./features/session/top-bar";
import { SettingsPage } from "./features/settings/settings-page";
import { VendorsPage, type VendorsTab } from "./features/vendors/vendors-page";
import { useRoute, type Route } from "./lib/route";

export function App() {
  return (
    <ToastProvider>
      <SessionProvider>
        <Frame />
      </SessionProvider>
    </ToastProvider>
  );
}

function Frame() {
  const session = useSession();
  const [route, go] = useRoute();

  // A record selected in one file means nothing in another: drop the selection when the
  // open portfolio changes.
  const path = session.info?.path ?? null;
  const lastPath = useRef(path);
  useEffect(() => {
    if (lastPath.current !== path) {
      if (route.id !== null) go({ ...route, id: null }, true);
      forgetUnsavedDrafts();
    }
    lastPath.current = path;
  }, [path, route, go]);

  return (
    <CatalogProvider enabled={session.status === "ready"}>
      <div className="app">
        <SideNav current={route.area} />
        <div className="app__main">
          <TopBar />
          <ReadOnlyBanner />
          <CatalogBanner />
          <main className="app__content" id="main">
            <AreaContent route={route} go={go} />
          </main>
        </div>
      </div>
    </CatalogProvider>
  );
}

function AreaContent({ route, go }: { route: Route; go: (next: Route, replace?: boolean) => void }): ReactNode {
  const session = useSession();
  if (session.status === "loading") return <SessionLoading />;
  if (session.status === "unavailable") return <UnavailablePanel />;
  if (session.firstRun) return <Welcome />;
  if (!session.info) return <ProblemPanel />;

  switch (route.area) {
    case "dashboard":
      return <DashboardPage />;
    case "inventory":
      return (
        <InventoryPage
          key={session.info.path ?? "memory"}
          selectedId={route.id}
          onSelect={(id) => go({ area: "inventory", tab: null, id })}
        />
      );
    case "vendors": {
      const tab: VendorsTab = route.tab === "contracts" ? "contracts" : "vendors";
      return (
        <VendorsPage
          key={session.info.path ?? "memory"}
          tab={tab}
          selectedId={route.id}
          onNavigate={(nextTab, id) => go({ area: "vendors", tab: nextTab, id })}
        />
      );
    }
    case "imports":
      return (
        <ImportsPage
          key={session.info.path ?? "memory"}
          selectedId={route.id}
          onSelect={(id) => go({ area: "imports", tab: null, id })}
        />
      );
    case "adoption":
      return (
        <AdoptionRoiPage
          key={session.info.path ?? "memory"}
          tab={adoptionTabOf(window.location.hash, route.id)}
          selectedId={route.id}
          onNavigate={(tab, id) => {
            if (id !== null) go({ area: "adoption", tab: null, id });
            // lib/route.ts keeps no tab for this area, so the value tab's address is set here.
            else if (tab === "value") window.location.hash = VALUE_TAB_HASH;
            else go({ area: "adoption", tab: null, id: null });
          }}
        />
      );
    case "settings":
      return <SettingsPage />;
    case "pipeline":
    case "governance":
    case "reports":
      return <ComingSoonPage area={route.area} />;
  }
}
