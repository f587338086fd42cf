// Where the user is: the area, the tab inside it and the selected record, kept in the URL hash
// ("#/vendors/contracts/12") so Back and Forward work and a view can be linked to.
import { useCallback, useEffect, useState } from "react";

export const AREAS = [
  "dashboard",
  "inventory",
  "pipeline",
  "vendors",
  "adoption",
  "governance",
  "imports",
  "reports",
  "settings",
] as const;

export type Area = (typeof AREAS)[number];

export type Route = { area: Area; tab: string | null; id: number | null };

export const HOME: Route = { area: "dashboard", tab: null, id: null };

/** Areas whose records sit under tabs ("#/vendors/<tab>/<id>"); others are "#/<area>/<id>". */
const TABBED: ReadonlySet<Area> = new Set<Area>(["vendors"]);

function isArea(text: string): text is Area {
  return (AREAS as readonly string[]).includes(text);
}

function toId(text: string | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const [area, second, third] = parts;
  if (!area || !isArea(area)) return HOME;
  if (TABBED.has(area)) return { area, tab: second ?? null, id: toId(third) };
  return { area, tab: null, id: toId(second) };
}

export function routeHash(route: Route): string {
  const parts: string[] = [route.area];
  if (TABBED.has(route.area)) {
    if (route.tab) parts.push(encodeURIComponent(route.tab));
    if (route.tab && route.id !== null) parts.push(String(route.id));
  } else if (route.id !== null) {
    parts.push(String(route.id));
  }
  return `#/${parts.join("/")}`;
}

/** The current route and a way to change it (a new history entry unless `replace`). */
export function useRoute(): [Route, (next: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  const go = useCallback((next: Route, replace = false) => {
    const hash = routeHash(next);
    if (hash === window.location.hash) return;
    if (replace) {
      window.history.replaceState(null, "", hash);
      setRoute(parseRoute(hash));
    } else {
      window.location.hash = hash;
    }
  }, []);
  return [route, go];
}
