import { Badge } from "../../components/badge";
import { Icon } from "../../components/icon";
import { Truncate } from "../../components/truncate";
import { useCatalog } from "./catalog-context";
import { FileMenu } from "./file-menu";
import { useSession } from "./session-context";

/** The portfolio's name and file, its read-only state, and the File menu. */
export function TopBar() {
  const { info, status } = useSession();
  return (
    <header className="topbar">
      <div className="topbar__portfolio">
        {info ? (
          <>
            <Truncate className="topbar__name" text={info.name || "Untitled portfolio"} testId="portfolio-name" />
            <Truncate className="topbar__file" text={info.file_name} testId="portfolio-file" />
            {info.read_only ? (
              <Badge tone="warning" title="Changes can't be saved to this file">
                <Icon name="lock" size={12} /> Read-only
              </Badge>
            ) : null}
          </>
        ) : (
          <span className="topbar__name topbar__name--muted">
            {status === "loading" ? "Opening portfolio…" : "No portfolio open"}
          </span>
        )}
      </div>
      <div className="topbar__actions">
        <FileMenu />
      </div>
    </header>
  );
}

/** A persistent notice while the open file cannot be changed. */
export function ReadOnlyBanner() {
  const { readOnly, saveCopy, busy } = useSession();
  if (!readOnly) return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="read-only-banner">
      <Icon name="lock" />
      <span>
        <strong>Read-only — Save a copy to edit.</strong> This file can be viewed but not changed.
      </span>
      <button type="button" className="btn btn--secondary btn--sm" onClick={saveCopy} disabled={busy !== null}>
        Save a copy…
      </button>
    </div>
  );
}

/** Shown when the lists of choices could not be loaded: forms and filters need them. */
export function CatalogBanner() {
  const { error, reload } = useCatalog();
  if (!error) return null;
  return (
    <div className="banner banner--warning" role="alert">
      <Icon name="alert" />
      <span>
        <strong>Steward couldn't load its lists of choices.</strong> Filters and forms may show stored codes instead of
        names. {error.message}
      </span>
      <button type="button" className="btn btn--secondary btn--sm" onClick={reload}>
        Try again
      </button>
    </div>
  );
}
