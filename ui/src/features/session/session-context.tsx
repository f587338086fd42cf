// Which portfolio is open, and the File actions that change it.
//
// Every screen reads the open portfolio from here. `dataVersion` changes whenever the data may
// have changed under a screen (another file opened, the demo loaded, a record saved), so lists
// and summaries know to fetch again.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import { useToasts } from "../../components/toast";
import { toApiError, type ApiError } from "../../ipc/api-error";
import * as api from "../../ipc/commands";
import type { PortfolioInfo } from "../../ipc/types";
import { formatCount } from "../../lib/format";

export type FileAction = "new" | "open" | "save" | "demo";

export type Session = {
  /** `loading` until the shell answers; `unavailable` when it cannot be reached at all. */
  status: "loading" | "ready" | "unavailable";
  info: PortfolioInfo | null;
  /** A new, empty portfolio was just created and the user has not chosen how to start. */
  firstRun: boolean;
  /** Why the last file could not be opened, while no portfolio is open. */
  problem: ApiError | null;
  /** Why the session could not be read (status `unavailable`). */
  error: ApiError | null;
  busy: FileAction | null;
  dataVersion: number;
  readOnly: boolean;
  /** True when the open portfolio holds no records yet (the demo can be loaded). */
  isEmpty: boolean;
  retry: () => void;
  newPortfolio: () => Promise<void>;
  openPortfolio: () => Promise<void>;
  saveCopy: () => Promise<void>;
  loadDemo: () => Promise<void>;
  startEmpty: () => void;
  /** Call after any change to records: refreshes counts and tells screens to refetch. */
  dataChanged: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a <SessionProvider> above it");
  return session;
}

function isEmptyPortfolio(info: PortfolioInfo | null): boolean {
  return !!info && info.systems + info.vendors + info.contracts + info.initiatives === 0;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const toasts = useToasts();
  const [status, setStatus] = useState<Session["status"]>("loading");
  const [info, setInfo] = useState<PortfolioInfo | null>(null);
  const [firstRun, setFirstRun] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<FileAction | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setStatus("loading");
    api.sessionState().then(
      (state) => {
        if (!live) return;
        setInfo(state.portfolio);
        setFirstRun(state.first_run);
        setProblem(state.problem);
        setError(null);
        setStatus("ready");
      },
      (e: unknown) => {
        if (!live) return;
        setError(toApiError(e));
        setStatus("unavailable");
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const opened = useCallback((next: PortfolioInfo) => {
    setInfo(next);
    setProblem(null);
    setFirstRun(false);
    setDataVersion((v) => v + 1);
  }, []);

  const failed = useCallback(
    (what: string, e: unknown) => {
      const err = toApiError(e);
      toasts.show({ tone: "danger", message: what, detail: err.message });
    },
    [toasts],
  );

  const run = useCallback(
    async (action: FileAction, work: () => Promise<void>, what: string) => {
      setBusy(action);
      try {
        await work();
      } catch (e) {
        failed(what, e);
      } finally {
        setBusy(null);
      }
    },
    [failed],
  );

  const newPortfolio = useCallback(
    () =>
      run(
        "new",
        async () => {
          const next = await api.portfolioNew();
          if (next) {
            opened(next);
            toasts.show({ tone: "success", message: `Created ${next.file_name}` });
          }
        },
        "Couldn't create the portfolio",
      ),
    [run, opened, toasts],
  );

  const openPortfolio = useCallback(
    () =>
      run(
        "open",
        async () => {
          const next = await api.portfolioOpen();
          if (next) {
            opened(next);
            toasts.show({
              tone: "success",
              message: `Opened ${next.file_name}`,
              detail: next.read_only ? "Read-only — Save a copy to edit." : undefined,
            });
          }
        },
        "Couldn't open the portfolio",
      ),
    [run, opened, toasts],
  );

  const saveCopy = useCallback(
    () =>
      run(
        "save",
        async () => {
          const path = await api.portfolioSaveCopy();
          if (path) toasts.show({ tone: "success", message: "Saved a copy", detail: path });
        },
        "Couldn't save a copy",
      ),
    [run, toasts],
  );

  const loadDemo = useCallback(
    () =>
      run(
        "demo",
        async () => {
          const report = await api.portfolioLoadDemo();
          const next = await api.portfolioInfo();
          opened(next);
          toasts.show({
            tone: "success",
            message: `Loaded the ${report.company} demo portfolio`,
            detail: [
              formatCount(report.systems, "AI system"),
              formatCount(report.vendors, "vendor"),
              formatCount(report.contracts, "contract"),
              formatCount(report.initiatives, "initiative"),
            ].join(" · "),
          });
        },
        "Couldn't load the demo portfolio",
      ),
    [run, opened, toasts],
  );

  // The choice is remembered by the shell too, so a reload does not ask again.
  const startEmpty = useCallback(() => {
    setFirstRun(false);
    api.sessionDismissFirstRun().catch(() => {
      // Only the welcome would show again after a reload; nothing to tell the user.
    });
  }, []);

  const dataChanged = useCallback(() => {
    setDataVersion((v) => v + 1);
    api.portfolioInfo().then(setInfo, () => {
      // The counts in the top bar stay as they were; the screen that changed data already
      // reported its own outcome.
    });
  }, []);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    document.title = info ? `${info.name || info.file_name} — Steward` : "Steward";
  }, [info]);

  const value = useMemo<Session>(
    () => ({
      status,
      info,
      firstRun,
      problem,
      error,
      busy,
      dataVersion,
      readOnly: info?.read_only ?? false,
      isEmpty: isEmptyPortfolio(info),
      retry,
      newPortfolio,
      openPortfolio,
      saveCopy,
      loadDemo,
      startEmpty,
      dataChanged,
    }),
    [status, info, firstRun, problem, error, busy, dataVersion, retry, newPortfolio, openPortfolio, saveCopy, loadDemo, startEmpty, dataChanged],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
