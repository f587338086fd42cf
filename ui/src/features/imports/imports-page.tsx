// The Imports area: every vendor export brought into the portfolio, newest first, with what
// each one added, and Undo; the attribution rules that tie imported spend to AI systems.
// "Import a file" opens the wizard, and so does a file dropped anywhere on the screen.
import { useEffect, useReducer, useRef, useState, type KeyboardEvent } from "react";

import { Button } from "../../components/button";
import { ConfirmDialog, Dialog } from "../../components/dialog";
import { EmptyState } from "../../components/empty-state";
import { ErrorPanel } from "../../components/error-panel";
import { Icon } from "../../components/icon";
import { PageHeader } from "../../components/page-header";
import { Tabs } from "../../components/tabs";
import { useToasts } from "../../components/toast";
import { Truncate } from "../../components/truncate";
import { toApiError, type ApiError } from "../../ipc/api-error";
import { errorAdvice, errorTitle } from "../../lib/error-text";
import { formatCount, formatDateTime, formatNumber } from "../../lib/format";
import { useShortcuts } from "../../lib/shortcuts";
import { useSession } from "../session/session-context";
import { droppedFiles, onFileDrag, undoImport, useImportHistory, type ImportBatch } from "./api";
import { AttributionRules } from "./attribution-rules";
import { DROP_IDLE, dropOutcome, dropPrompt, dropReducer, type DropState } from "./drop-state";
import { ImportDetail } from "./import-detail";
import { formatLabel, sentence, undoneDetail, undoneText, undoQuestion } from "./import-text";
import { ImportWizard, type DroppedFile } from "./import-wizard";
import { MoneyList } from "./report-parts";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

export function ImportsPage({ selectedId, onSelect }: { selectedId: number | null; onSelect: (id: number | null) => void }) {
  const session = useSession();
  const toasts = useToasts();
  const history = useImportHistory(session.dataVersion);
  const [wizardOpen, setWizardOpen] = useState(false);
  const [highlightId, setHighlightId] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<ImportBatch | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [undoError, setUndoError] = useState<{ batch: ImportBatch; error: ApiError } | null>(null);
  const [tab, setTab] = useState<"history" | "rules">("history");
  const [drag, dispatchDrag] = useReducer(dropReducer, DROP_IDLE);
  const [dropped, setDropped] = useState<DroppedFile | null>(null);
  // Whether the open wizard can take a dropped file now (it can on its first step only).
  const [wizardTakesDrop, setWizardTakesDrop] = useState(true);

  const batches = history.data;
  const selected = batches?.find((b) => b.id === selectedId) ?? null;

  const openWizard = () => {
    if (session.readOnly) {
      toasts.show({ message: READ_ONLY_TIP, key: "read-only" });
      return;
    }
    setWizardOpen(true);
  };

  const closeWizard = (newBatchId: number | null) => {
    setWizardOpen(false);
    setDropped(null);
    if (newBatchId !== null) setHighlightId(newBatchId);
  };

  // Files dropped on the window start their import as choosing them in the dialog does: Rust
  // says whether they are files (not a folder), then the wizard reads them as one import.
  const accepting: boolean | "read-only" = session.readOnly ? "read-only" : !wizardOpen || wizardTakesDrop;
  const acceptingRef = useRef(accepting);
  acceptingRef.current = accepting;
  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    const onDrop = async (paths: string[]) => {
      const outcome = dropOutcome(paths, acceptingRef.current);
      if (outcome.kind === "ignore") return;
      if (outcome.kind === "refuse") {
        toasts.show({ message: outcome.message, key: "drop" });
        return;
      }
      try {
        const paths = await droppedFiles(outcome.paths);
        if (!live) return;
        setDropped((previous) => ({ paths, seq: (previous?.seq ?? 0) + 1 }));
        setWizardOpen(true);
      } catch (e) {
        toasts.show({ tone: "danger", message: sentence(toApiError(e).message), key: "drop" });
      }
    };
    void onFileDrag((event) => {
      dispatchDrag(event);
      if (event.type === "drop") void onDrop(event.paths);
    }).then((unlisten) => {
      if (live) stop = unlisten;
      else unlisten();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [toasts]);

  const undo = async (batch: ImportBatch) => {
    setUndoing(true);
    try {
      const report = await undoImport(batch.id);
      setConfirming(null);
      session.dataChanged();
      toasts.show({
        tone: "success",
        message: `Undid import #${batch.id} of ${batch.file_name}`,
        detail: undoneDetail(batch, report.removed, report.restored),
      });
    } catch (e) {
      setConfirming(null);
      setUndoError({ batch, error: toApiError(e) });
    } finally {
      setUndoing(false);
    }
  };

  useShortcuts(
    {
      close: () => {
        if (selectedId !== null) onSelect(null);
        else return false;
      },
    },
    !wizardOpen,
  );

  let body;
  if (tab === "rules") {
    body = <AttributionRules />;
  } else if (history.error && !batches) {
    body = (
      <div className="table-frame table-frame--message">
        <ErrorPanel error={history.error} onRetry={history.reload} />
      </div>
    );
  } else if (!batches) {
    body = <HistorySkeleton />;
  } else if (batches.length === 0) {
    body = (
      <div className="table-frame table-frame--message">
        <EmptyState
          icon="imports"
          title="No imports yet"
          actions={
            <Button
              variant="primary"
              icon="imports"
              onClick={openWizard}
              disabled={session.readOnly}
              title={session.readOnly ? READ_ONLY_TIP : undefined}
            >
              Import a file
            </Button>
          }
        >
          Import a vendor export or a spreadsheet. Steward recognises the usage and billing exports of OpenAI,
          Anthropic, Azure, AWS, Google Cloud, FOCUS, Copilot and ChatGPT Enterprise, and shows every row before
          anything is saved.
        </EmptyState>
      </div>
    );
  } else {
    body = (
      <HistoryTable
        batches={batches}
        selectedId={selectedId}
        highlightId={highlightId}
        readOnly={session.readOnly}
        loading={history.loading}
        onOpen={(batch) => onSelect(batch.id === selectedId ? null : batch.id)}
        onUndo={setConfirming}
      />
    );
  }

  return (
    <div className="page page--fill">
      <PageHeader
        title="Imports"
        subtitle="The vendor exports and your own sheets brought into this portfolio, newest first."
        actions={
          <>
            {tab === "history" && batches && batches.length > 0 ? (
              <span className="page-header__count" aria-live="polite">
                {formatCount(batches.length, "import")}
              </span>
            ) : null}
            <Button
              variant="primary"
              icon="imports"
              onClick={openWizard}
              disabled={session.readOnly}
              title={session.readOnly ? READ_ONLY_TIP : "Import a vendor export or a spreadsheet"}
              data-testid="import-file"
            >
              Import a file
            </Button>
          </>
        }
      />
      <div className="imports-tabs">
        <Tabs
          label="Imports"
          active={tab}
          onChange={(id) => setTab(id === "rules" ? "rules" : "history")}
          items={[
            { id: "history", label: "History", testId: "imports-tab-history" },
            { id: "rules", label: "Attribution rules", testId: "imports-tab-rules" },
          ]}
        />
      </div>
      <div className="workspace__body">
        {body}
        {selected && tab === "history" ? (
          <ImportDetail
            key={selected.id}
            batch={selected}
            readOnly={session.readOnly}
            undoing={undoing && confirming?.id === selected.id}
            onUndo={() => setConfirming(selected)}
            onClose={() => onSelect(null)}
          />
        ) : null}
      </div>
      {wizardOpen ? (
        <ImportWizard
          onClose={closeWizard}
          onCommitted={() => session.dataChanged()}
          dropped={dropped}
          dragging={drag}
          onTakesDrop={setWizardTakesDrop}
        />
      ) : null}
      {!wizardOpen && drag.phase === "over" && accepting === true ? <DropZone state={drag} /> : null}
      {confirming ? (
        <ConfirmDialog
          title="Undo this import?"
          confirmLabel="Undo import"
          busy={undoing}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void undo(confirming)}
          testId="import-undo-dialog"
          confirmTestId="import-undo-confirm"
        >
          <p>{undoQuestion(confirming)}</p>
        </ConfirmDialog>
      ) : null}
      {undoError ? (
        <Dialog
          title={undoError.error.code === "conflict" ? "This import can't be undone yet" : errorTitle(undoError.error)}
          testId="import-undo-error"
          onClose={() => setUndoError(null)}
          actions={
            <Button variant="primary" onClick={() => setUndoError(null)}>
              OK
            </Button>
          }
        >
          <p>{sentence(undoError.error.message)}.</p>
          {undoError.error.code === "conflict" ? null : <p className="small">{errorAdvice(undoError.error)}</p>}
        </Dialog>
      ) : null}
    </div>
  );
}

/** The calm highlight over the screen while a file is dragged over it. */
function DropZone({ state }: { state: DropState }) {
  const prompt = dropPrompt(state);
  return (
    <div className={prompt.refused ? "drop-zone drop-zone--refused" : "drop-zone"} data-testid="drop-zone" aria-live="polite">
      <div className="drop-zone__card">
        <Icon name={prompt.refused ? "alert" : "imports"} size={22} />
        <p className="drop-zone__title">{prompt.title}</p>
        <p className="drop-zone__detail">{prompt.detail}</p>
      </div>
    </div>
  );
}

function HistoryTable({
  batches,
  selectedId,
  highlightId,
  readOnly,
  loading,
  onOpen,
  onUndo,
}: {
  batches: ImportBatch[];
  selectedId: number | null;
  highlightId: number | null;
  readOnly: boolean;
  loading: boolean;
  onOpen: (batch: ImportBatch) => void;
  onUndo: (batch: ImportBatch) => void;
}) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  // A batch just imported is brought into view and marked until the next one.
  useEffect(() => {
    if (highlightId === null) return;
    bodyRef.current?.querySelector(`[data-batch-id="${highlightId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [highlightId, batches]);

  // Arrow keys move between rows as in the other lists; Enter opens the focused one.
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, batch: ImportBatch) => {
    const row = event.currentTarget;
    if (event.key === "Enter" || event.key === " ") {
      if (event.target !== row) return;
      event.preventDefault();
      onOpen(batch);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = (event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      next?.focus();
    }
  };

  return (
    <div className="table-frame">
      {loading ? <div className="progress-bar" role="progressbar" aria-label="Loading imports" /> : null}
      <div className="table-scroll">
        <table className="simple-table history-table" data-testid="import-history" aria-label="Import history">
          <colgroup>
            <col className="history-col--when" />
            <col />
            <col />
            <col className="history-col--count" />
            <col className="history-col--count-wide" />
            <col className="history-col--count" />
            <col className="history-col--money" />
            <col className="history-col--issues" />
            <col className="history-col--state" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Imported
              </th>
              <th scope="col" className="num">
                Unchanged
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col" className="num">
                Money
              </th>
              <th scope="col" className="num">
                Issues
              </th>
              <th scope="col">
                <span className="visually-hidden">State</span>
              </th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {batches.map((batch) => {
              const undone = batch.undone_at !== null;
              const classes = [
                "history-table__row",
                batch.id === selectedId ? "history-table__row--selected" : "",
                batch.id === highlightId ? "history-table__row--new" : "",
                undone ? "history-table__row--undone" : "",
              ];
              return (
                <tr
                  key={batch.id}
                  className={classes.filter(Boolean).join(" ")}
                  data-testid="import-row"
                  data-batch-id={batch.id}
                  aria-selected={batch.id === selectedId}
                  tabIndex={0}
                  onClick={() => onOpen(batch)}
                  onKeyDown={(e) => onKeyDown(e, batch)}
                >
                  <td>
                    <time dateTime={batch.imported_at} className="nowrap">
                      {formatDateTime(batch.imported_at)}
                    </time>
                  </td>
                  <td>
                    <Truncate text={batch.file_name} className="strong" testId="import-row-file" />
                    <span className="history-table__sub">
                      #{batch.id}
                      {batch.sheet ? ` · ${batch.sheet}` : ""}
                    </span>
                  </td>
                  <td>
                    <Truncate text={formatLabel(batch.format_name, batch.format)} />
                    {batch.version ? <Truncate text={batch.version} className="history-table__sub" /> : null}
                  </td>
                  <td className="num">{formatNumber(batch.rows_imported)}</td>
                  <td className="num">{formatNumber(batch.rows_unchanged)}</td>
                  <td className="num">{formatNumber(batch.rows_skipped)}</td>
                  <td className="num">
                    <MoneyList totals={batch.totals} compact />
                  </td>
                  <td className="num">
                    {batch.issue_count > 0 ? (
                      <span className="history-table__issues">{formatNumber(batch.issue_count)}</span>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                  <td className="history-table__state">
                    {undone ? (
                      <span className="muted" data-testid="import-undone" title={`Undone ${formatDateTime(batch.undone_at)}`}>
                        {undoneText(batch.undone_at ?? "")}
                      </span>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        className="history-table__undo"
                        disabled={readOnly}
                        title={readOnly ? READ_ONLY_TIP : `Undo import #${batch.id}`}
                        data-testid="import-undo"
                        onClick={(e) => {
                          e.stopPropagation();
                          onUndo(batch);
                        }}
                      >
                        Undo
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function HistorySkeleton() {
  return (
    <div className="table-frame" aria-busy="true" aria-label="Loading imports">
      <div className="table-scroll">
        <table className="simple-table history-table">
          <tbody>
            {Array.from({ length: 6 }, (_, i) => (
              <tr key={i}>
                <td>
                  <span className="skeleton" style={{ width: `${50 + ((i * 23) % 40)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
