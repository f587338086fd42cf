// The import wizard: choose a file (or every part of one export), review what the import would do
// (nothing is written), map the columns of a sheet no export layout fits, import it all or
// nothing, and see what changed. It runs over the history as a modal, so the user's place in the
// list is kept.
import { useEffect, useId, useReducer, useRef, useState, type ReactNode } from "react";

import { Button } from "../../components/button";
import { useModalFocus } from "../../components/dialog";
import { Section } from "../../components/description-list";
import { Icon } from "../../components/icon";
import { toApiError, type ApiError } from "../../ipc/api-error";
import { formatCount, formatDecimal, formatNumber } from "../../lib/format";
import {
  cancelImport,
  chooseImportFiles,
  commitImport,
  previewImport,
  useImportPresets,
  type ImportProgress,
  type ImportReport,
  type MappingTarget,
  type PresetInfo,
} from "./api";
import {
  ACCEPTED_KINDS,
  BASES,
  canCommit,
  commitLabel,
  countsText,
  doneHeadline,
  doneWarnings,
  forScreen,
  importErrorText,
  isCancelled,
  mappingNote,
  metricLabel,
  partsText,
  progressText,
  recordCount,
  reviewWarnings,
  sharedBasis,
  TARGETS,
  targetLabel,
  whereItShows,
  doneLinks,
} from "./import-text";
import { MappingFields } from "./mapping-form";
import { missingRequired, type MappingEdit, type MappingState } from "./mapping-state";
import { Callout, IssuesTable, MoneyList, PreviewRows, SkipReasons, StatTiles, type StatItem } from "./report-parts";
import { dropPrompt, type DropState } from "./drop-state";
import {
  canClose,
  filesLabel,
  INITIAL,
  requestOf,
  stepStates,
  takesDrop,
  wizardReducer,
  type ReadOptions,
  type WizardState,
} from "./wizard-state";

/** Files dropped on the window (one, or the parts of one export); `seq` tells a second drop of the same files from the first. */
export type DroppedFile = { paths: string[]; seq: number };

export function ImportWizard({
  onClose,
  onCommitted,
  dropped = null,
  dragging = { phase: "idle" },
  onTakesDrop,
}: {
  /** `newBatchId`: the batch this wizard imported, for the history to point at. */
  onClose: (newBatchId: number | null) => void;
  onCommitted: (report: ImportReport) => void;
  /** The last files dropped on the screen: read as if they had been chosen. */
  dropped?: DroppedFile | null;
  /** Whether something is being dragged over the window now. */
  dragging?: DropState;
  /** Tells the screen whether a drop would be taken now (on the first step only). */
  onTakesDrop?: (takes: boolean) => void;
}) {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL);
  const [choosing, setChoosing] = useState(false);
  const [chooseError, setChooseError] = useState<ApiError | null>(null);
  const presets = useImportPresets(true);
  const boxRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const cancelRef = useRef(false);
  const started = useRef(0);
  const runningRef = useRef(state.running);
  runningRef.current = state.running;
  const onCommittedRef = useRef(onCommitted);
  onCommittedRef.current = onCommitted;

  // Dropped files are read exactly as chosen ones; the reducer ignores them once a run started.
  const droppedSeq = dropped?.seq ?? 0;
  useEffect(() => {
    if (dropped) dispatch({ type: "chosen", paths: dropped.paths });
    // Only a new drop counts, not a re-render with the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [droppedSeq]);
  const acceptsDrop = takesDrop(state) && !choosing;
  useEffect(() => onTakesDrop?.(acceptsDrop), [acceptsDrop, onTakesDrop]);

  const closable = canClose(state) && !choosing;
  const close = () => {
    if (closable) onClose(state.result?.batch_id ?? null);
  };
  useModalFocus(boxRef, close);

  // Start each run once: a preview when a file is chosen or a choice changes, the commit when
  // the user imports. Answers of an older run are dropped by the reducer.
  useEffect(() => {
    const phase = state.running;
    const request = requestOf(state);
    if (!phase || !request || started.current === state.runId) return;
    started.current = state.runId;
    cancelRef.current = false;
    const runId = state.runId;
    const onProgress = (progress: ImportProgress) => dispatch({ type: "progress", runId, progress });
    const call = phase === "preview" ? previewImport(request, onProgress) : commitImport(request, onProgress);
    call.then(
      (report) => {
        if (phase === "preview") {
          dispatch({ type: "previewed", runId, report });
        } else {
          dispatch({ type: "committed", runId, report });
          onCommittedRef.current(report);
        }
      },
      (e: unknown) => {
        const error = toApiError(e);
        const cancelled = isCancelled(error, cancelRef.current);
        dispatch({ type: phase === "preview" ? "previewFailed" : "commitFailed", runId, error, cancelled });
      },
    );
    // `state` is read only for the run whose number changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.running, state.runId]);

  // A preview left running when the wizard goes away would hold the portfolio for nothing.
  useEffect(
    () => () => {
      if (runningRef.current === "preview") void cancelImport().catch(() => undefined);
    },
    [],
  );

  // Each step puts focus on what it proposes, so Enter does the expected thing.
  const checked = state.mapping?.checked ?? false;
  useEffect(() => {
    const box = boxRef.current;
    (box?.querySelector<HTMLElement>("[data-autofocus]:not(:disabled)") ?? box)?.focus();
  }, [state.step, state.running, checked]);

  const choose = async () => {
    setChoosing(true);
    setChooseError(null);
    try {
      const paths = await chooseImportFiles();
      if (paths && paths.length > 0) dispatch({ type: "chosen", paths });
    } catch (e) {
      setChooseError(toApiError(e));
    } finally {
      setChoosing(false);
    }
  };

  const cancelRun = () => {
    cancelRef.current = true;
    dispatch({ type: "cancel" });
    // The run answers with "cancelled" itself; a failed cancel leaves it running to its end.
    void cancelImport().catch(() => undefined);
  };

  const reread = (options: Partial<ReadOptions>) => dispatch({ type: "reread", options });

  let body: ReactNode;
  let footer: ReactNode = null;
  if (state.running) {
    body = (
      <RunProgress
        phase={state.running}
        file={filesLabel(state.paths)}
        progress={state.progress}
        cancelling={state.cancelRequested}
        onCancel={cancelRun}
      />
    );
  } else if (state.step === "choose") {
    body = (
      <ChooseStep
        choosing={choosing}
        error={chooseError}
        notice={state.notice}
        presets={presets.data ?? []}
        dragging={dragging}
        onChoose={() => void choose()}
      />
    );
    footer = <Button onClick={close}>Cancel</Button>;
  } else if (state.step === "review") {
    const report = state.preview;
    body = (
      <div className="wizard__stack">
        {state.notice ? <Callout tone="info">{state.notice}</Callout> : null}
        {state.error ? <ImportError error={state.error} /> : null}
        {report ? (
          <Review report={report} options={state.options} presets={presets.data ?? []} ownMapping={false} onReread={reread} />
        ) : null}
      </div>
    );
    footer = (
      <>
        <span className="wizard__hint">
          {report && !report.problem ? "Nothing is saved until you import." : "Choose another file, or cancel."}
        </span>
        <Button onClick={() => void choose()} busy={choosing}>
          Choose another file
        </Button>
        <Button onClick={close}>Cancel</Button>
        <Button
          variant="primary"
          icon="imports"
          disabled={!report || !canCommit(report)}
          onClick={() => dispatch({ type: "commit" })}
          data-testid="import-commit"
          data-autofocus
        >
          {report ? commitLabel(report) : "Import"}
        </Button>
      </>
    );
  } else if (state.step === "map" && state.mapping && state.preview) {
    const mapping = state.mapping;
    const report = state.preview;
    const messages = (
      <>
        {state.notice ? <Callout tone="info">{state.notice}</Callout> : null}
        {state.error ? <ImportError error={state.error} /> : null}
      </>
    );
    if (mapping.checked) {
      body = (
        <div className="wizard__stack">
          {messages}
          <Review report={report} options={state.options} presets={presets.data ?? []} ownMapping onReread={reread} />
        </div>
      );
      footer = (
        <>
          <span className="wizard__hint">Nothing is saved until you import.</span>
          <Button onClick={() => dispatch({ type: "backToColumns" })} data-testid="mapping-back">
            Back to columns
          </Button>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            icon="imports"
            disabled={!canCommit(report)}
            onClick={() => dispatch({ type: "commit" })}
            data-testid="import-commit"
            data-autofocus
          >
            {commitLabel(report)}
          </Button>
        </>
      );
    } else {
      const missing = missingRequired(mapping);
      body = (
        <div className="wizard__stack">
          {messages}
          <MapColumns
            report={report}
            mapping={mapping}
            options={state.options}
            presets={presets.data ?? []}
            onRetarget={(target) => dispatch({ type: "retarget", target })}
            onReread={reread}
            onEdit={(edit) => dispatch({ type: "editMapping", edit })}
          />
        </div>
      );
      footer = (
        <>
          {missing.length > 0 ? (
            <span className="wizard__hint wizard__hint--warning" data-testid="mapping-missing">
              Choose a column, or a value for every row, for: {missing.join(", ")}
            </span>
          ) : (
            <span className="wizard__hint">Nothing is saved until you import.</span>
          )}
          <Button onClick={() => void choose()} busy={choosing}>
            Choose another file
          </Button>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            disabled={missing.length > 0}
            title={missing.length > 0 ? `Still to map: ${missing.join(", ")}` : "Read every row with these columns; nothing is saved"}
            onClick={() => dispatch({ type: "checkRows" })}
            data-testid="mapping-check"
            data-autofocus
          >
            Check the rows
          </Button>
        </>
      );
    }
  } else if (state.step === "done" && state.result) {
    body = <Done report={state.result} savedNow={state.mapping !== null && state.mapping.saveAs.trim() !== ""} />;
    footer = (
      <>
        <Button onClick={() => dispatch({ type: "restart" })}>Import another file</Button>
        <Button variant="primary" onClick={close} data-testid="import-view-history" data-autofocus>
          View import history
        </Button>
      </>
    );
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        className="dialog wizard"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={state.running !== null || undefined}
        tabIndex={-1}
        data-testid="import-wizard"
      >
        <div className="wizard__header">
          <h2 className="dialog__title" id={titleId}>
            Import a file
          </h2>
          <Stepper state={state} />
          <Button
            variant="ghost"
            icon="close"
            aria-label="Close"
            title={closable ? "Close (Esc)" : "Cancel the running import first"}
            disabled={!closable}
            onClick={close}
            data-testid="import-close"
          />
        </div>
        <div className="wizard__body">{body}</div>
        {footer ? <div className="wizard__footer">{footer}</div> : null}
      </div>
    </div>
  );
}

function Stepper({ state }: { state: WizardState }) {
  return (
    <ol className="stepper" aria-label="Steps">
      {stepStates(state.step, state.mapping !== null).map((step, i) => (
        <li key={step.id} className={`stepper__step stepper__step--${step.state}`} aria-current={step.state === "current" ? "step" : undefined}>
          <span className="stepper__mark" aria-hidden="true">
            {step.state === "done" ? <Icon name="check" size={12} /> : i + 1}
          </span>
          <span className="stepper__label">{step.label}</span>
        </li>
      ))}
    </ol>
  );
}

function ChooseStep({
  choosing,
  error,
  notice,
  presets,
  dragging,
  onChoose,
}: {
  choosing: boolean;
  error: ApiError | null;
  notice: string | null;
  presets: PresetInfo[];
  dragging: DropState;
  onChoose: () => void;
}) {
  const providers = [...new Set(presets.map((p) => p.provider))].sort((a, b) => a.localeCompare(b));
  const over = dragging.phase === "over";
  const prompt = dropPrompt(dragging);
  const classes = ["wizard-choose", over ? "wizard-choose--drop" : "", over && prompt.refused ? "wizard-choose--refused" : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")} data-testid="wizard-drop-target">
      {notice ? <Callout tone="info">{notice}</Callout> : null}
      {error ? <ImportError error={error} /> : null}
      <div className="wizard-choose__icon" aria-hidden="true">
        <Icon name={over && prompt.refused ? "alert" : "imports"} size={22} />
      </div>
      <h3 className="wizard-choose__title" aria-live="polite">
        {over ? prompt.title : "Choose the export you received"}
      </h3>
      <p className="wizard-choose__lead">
        {over
          ? prompt.detail
          : "Drop it here, or choose it. Steward recognises the layout, then shows every figure, row and issue before anything is saved. An export in several parts: choose or drop all its parts together, or their .zip."}
      </p>
      <Button variant="primary" icon="file" busy={choosing} onClick={onChoose} data-testid="import-choose" data-autofocus>
        Choose a file…
      </Button>
      <div className="wizard-choose__facts">
        <div>
          <h4 className="wizard-choose__heading">Files Steward reads</h4>
          <ul className="wizard-choose__list">
            {ACCEPTED_KINDS.map((kind) => (
              <li key={kind}>
                <Icon name="check" size={14} />
                <span>{kind}</span>
              </li>
            ))}
          </ul>
        </div>
        {providers.length > 0 ? (
          <div>
            <h4 className="wizard-choose__heading">Exports it recognises</h4>
            <p className="wizard-choose__providers">{providers.join(", ")}</p>
            <p className="wizard-choose__providers">
              And your own lists of AI systems, vendors, contracts, initiatives or KPI values: you say which column holds
              what.
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function RunProgress({
  phase,
  file,
  progress,
  cancelling,
  onCancel,
}: {
  phase: "preview" | "commit";
  file: string;
  progress: ImportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const known = progress !== null && progress.rows > 0;
  const percent = known ? Math.round(Math.min(1, Math.max(0, progress.fraction)) * 100) : null;
  return (
    <div className="wizard-progress" data-testid="import-progress">
      <p className="wizard-progress__text" aria-live="polite">
        {cancelling ? "Stopping… nothing will be written." : progressText(phase, file, progress)}
      </p>
      <div
        className={known ? "meter" : "meter meter--indeterminate"}
        role="progressbar"
        aria-label={phase === "preview" ? "Reading the file" : "Importing"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <span className="meter__fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <p className="muted small">
        {phase === "preview"
          ? "This is a rehearsal: Steward reads every row and checks it against the portfolio, and writes nothing."
          : "All or nothing: if you cancel, nothing of this file is saved."}
      </p>
      <Button onClick={onCancel} busy={cancelling} data-testid="import-cancel" data-autofocus>
        Cancel
      </Button>
    </div>
  );
}

function ImportError({ error }: { error: ApiError }) {
  const text = importErrorText(error);
  return (
    <Callout tone="danger" title={text.title} testId="import-error">
      {text.message ? <p className="break">{text.message}</p> : null}
      {text.advice ? <p className="callout__advice">{text.advice}</p> : null}
    </Callout>
  );
}

const KIND_GROUPS: { kind: string; label: string }[] = [
  { kind: "cost", label: "Cost and billing exports" },
  { kind: "usage", label: "Usage exports" },
  { kind: "activity", label: "Activity and seat reports" },
];

function ReadAsSelect({
  value,
  presets,
  emptyLabel = "Recognise the layout automatically",
  onChange,
}: {
  value: string;
  presets: PresetInfo[];
  emptyLabel?: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  const others = presets.filter((p) => !KIND_GROUPS.some((g) => g.kind === p.kind));
  return (
    <div className="field wizard-field">
      <label className="field__label" htmlFor={id}>
        Read as
      </label>
      <select id={id} name="preset" className="input select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {KIND_GROUPS.map((group) => {
          const items = presets.filter((p) => p.kind === group.kind);
          return items.length === 0 ? null : (
            <optgroup key={group.kind} label={group.label}>
              {items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          );
        })}
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function SelectBox({
  label,
  name,
  value,
  options,
  hint,
  testId,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  hint?: string;
  testId?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field wizard-field" data-testid={testId}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input select"
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The columns view of the Map columns step: what the rows are, how the file is read, and for
 * each field of that target where its values come from.
 */
function MapColumns({
  report,
  mapping,
  options,
  presets,
  onRetarget,
  onReread,
  onEdit,
}: {
  report: ImportReport;
  mapping: MappingState;
  options: ReadOptions;
  presets: PresetInfo[];
  onRetarget: (target: MappingTarget) => void;
  onReread: (options: Partial<ReadOptions>) => void;
  onEdit: (edit: MappingEdit) => void;
}) {
  const sheetValue = options.sheet ?? report.sheet ?? "";
  return (
    <div className="wizard__stack" data-testid="import-mapping">
      <FileSummary report={report} ownMapping />
      <Callout tone="info" title="Your own sheet: say which column holds what">
        <p>
          No vendor export layout fits this file, so Steward proposes how to read it. Correct anything that is off, then check
          the rows: every row is read and checked, and nothing is saved until you import.
        </p>
      </Callout>
      <div className="wizard-options">
        <SelectBox
          label="What the rows are"
          name="mapping_target"
          value={mapping.target}
          options={TARGETS.map((t) => ({ value: t.value, label: t.label }))}
          testId="mapping-target"
          onChange={(value) => onRetarget(value as MappingTarget)}
        />
        {report.sheets.length > 1 ? (
          <SheetSelect sheets={report.sheets} value={sheetValue} onChange={(sheet) => onReread({ sheet })} />
        ) : null}
        <ReadAsSelect
          value={options.preset ?? ""}
          presets={presets}
          emptyLabel="Your own sheet (map its columns)"
          onChange={(id) => onReread({ preset: id || null })}
        />
      </div>
      <MappingFields mapping={mapping} onEdit={onEdit} />
    </div>
  );
}

/** The file as Steward read it: name, encoding or sheet, header row, and what it is. */
function FileSummary({ report, ownMapping }: { report: ImportReport; ownMapping: boolean }) {
  const mapped = report.target !== null && !report.suggestion;
  return (
    <div className="wizard-file">
      <Icon name="file" size={20} className="wizard-file__icon" />
      <div className="wizard-file__text">
        <p className="wizard-file__name truncate" title={report.file}>
          {report.file}
        </p>
        <p className="wizard-file__meta">
          {report.read_as}
          {report.header_row !== null ? ` · header on row ${formatNumber(report.header_row)}` : ""}
        </p>
        {partsText(report.parts) ? (
          <p className="wizard-file__meta break" data-testid="import-parts">
            {partsText(report.parts)}
          </p>
        ) : null}
        {mapped && report.target ? (
          <p className="wizard-file__format">
            Read as <strong data-testid="import-format">Your sheet: {targetLabel(report.target)}</strong>
            {report.mapping_name ? (
              <span className="muted">
                {ownMapping
                  ? ` · the mapping will be saved as "${report.mapping_name}"`
                  : ` · with your saved mapping "${report.mapping_name}"`}
              </span>
            ) : null}
          </p>
        ) : null}
        {report.format_name ? (
            <p className="wizard-file__format">
              Recognised as <strong data-testid="import-format">{report.format_name}</strong>
              {report.version ? <span className="muted"> · {report.version}</span> : null}
              {report.vendor ? (
                <span className="muted">
                  {" "}
                  · vendor {report.vendor}
                  {report.vendor_created ? " (new: it will be added to your vendors)" : ""}
                </span>
              ) : null}
            </p>
          ) : null}
      </div>
    </div>
  );
}

function Review({
  report,
  options,
  presets,
  ownMapping,
  onReread,
}: {
  report: ImportReport;
  options: ReadOptions;
  presets: PresetInfo[];
  /** The rows are read with the mapping the user just made (not a saved one). */
  ownMapping: boolean;
  onReread: (options: Partial<ReadOptions>) => void;
}) {
  const basis = options.basis ?? sharedBasis(report) ?? "";
  const sheetValue = options.sheet ?? report.sheet ?? "";
  const showSheet = report.sheets.length > 1 && !ownMapping;
  const showBasis = report.kind === "cost" && !report.problem;
  const showReadAs = !report.problem && options.preset !== null;
  const target = report.suggestion ? null : report.target;
  // A mapped sheet creates or updates records; what it would do to them replaces the money.
  const tiles: StatItem[] = target
    ? [
        { label: "Rows read", value: report.rows_read },
        { label: `${targetLabel(target)} to create`, value: report.records_created, testId: "import-records-created" },
        { label: `${targetLabel(target)} to update`, value: report.records_updated, testId: "import-records-updated" },
        { label: "Unchanged", value: report.rows_unchanged, note: "Rows whose record already reads exactly as here" },
        { label: "Skipped", value: report.rows_skipped },
      ]
    : [
        { label: "Rows read", value: report.rows_read },
        { label: "Will be imported", value: report.rows_imported, note: "Rows that are new or changed" },
        { label: "Unchanged", value: report.rows_unchanged, note: "Rows already in the portfolio exactly as here" },
        { label: "Skipped", value: report.rows_skipped },
        {
          label: "Replaced",
          value: report.rows_replaced,
          note: "Lines of the same account and period from an earlier import that this file restates",
        },
      ];

  return (
    <>
      <FileSummary report={report} ownMapping={ownMapping} />

      {report.problem ? (
        <Callout tone="warning" title="Nothing can be imported from this file" testId="import-problem">
          <p className="break">{forScreen(report.problem)}.</p>
          {report.headers.length > 0 ? (
            <p className="callout__advice break">
              Columns found{report.header_row !== null ? ` on row ${formatNumber(report.header_row)}` : ""}:{" "}
              {report.headers.filter(Boolean).join(", ")}
            </p>
          ) : null}
          <p className="callout__advice">If you know which export this is, choose it below and Steward reads the file again.</p>
          <div className="wizard-options">
            <ReadAsSelect value={options.preset ?? ""} presets={presets} onChange={(id) => onReread({ preset: id || null })} />
            {showSheet ? (
              <SheetSelect sheets={report.sheets} value={sheetValue} onChange={(sheet) => onReread({ sheet })} />
            ) : null}
          </div>
        </Callout>
      ) : null}

      {!report.problem && (showSheet || showBasis || showReadAs) ? (
        <div className="wizard-options">
          {showSheet ? <SheetSelect sheets={report.sheets} value={sheetValue} onChange={(sheet) => onReread({ sheet })} /> : null}
          {showBasis ? (
            <SelectBox
              label="Cost basis"
              name="basis"
              value={basis}
              options={[...(basis === "" ? [{ value: "", label: "As the file says" }] : []), ...BASES]}
              hint="Billed is what the invoice charges; amortized spreads prepaid commitments over their term."
              onChange={(value) => onReread({ basis: value || null })}
            />
          ) : null}
          {showReadAs ? (
            <ReadAsSelect value={options.preset ?? ""} presets={presets} onChange={(id) => onReread({ preset: id || null })} />
          ) : null}
        </div>
      ) : null}

      {report.problem ? null : (
        <>
          <StatTiles
            items={tiles}
          />
          {report.rows_skipped > 0 || report.rows_replaced > 0 ? (
            <div className="wizard-explain">
              {report.rows_skipped > 0 ? (
                <div>
                  <p className="wizard-explain__title">Skipped rows</p>
                  <SkipReasons reasons={report.skipped} />
                </div>
              ) : null}
              {report.rows_replaced > 0 ? (
                <div>
                  <p className="wizard-explain__title">Replaced lines</p>
                  <p className="small muted">
                    {formatCount(report.rows_replaced, "line")} of the same account and period from an earlier import that
                    this file restates. They stay in the history and come back if you undo this import.
                  </p>
                </div>
              ) : null}
            </div>
          ) : null}
          {!canCommit(report) && report.rows_read > 0 ? (
            <Callout tone="info">Nothing to import: every row of {report.file} is already in the portfolio.</Callout>
          ) : null}
        </>
      )}

      {reviewWarnings(report).map((warning) => (
        <Callout key={warning} tone="warning">
          <p className="break">{forScreen(warning)}.</p>
        </Callout>
      ))}

      {!report.problem && report.kind === "cost" ? (
        <Section title="Money in this file">
          <MoneyList totals={report.totals} empty="No amounts" />
          {report.control_total ? (
            <p className="muted small">
              The file's own total, to reconcile against: <span className="num">{formatDecimal(report.control_total)}</span>
            </p>
          ) : null}
          {report.unattributed.length > 0 ? (
            <Callout tone="info" title="Not linked to an AI system yet — add attribution rules later">
              <p className="small">
                These amounts are imported and counted in the vendor's spend; they are not yet part of any AI system's cost.
              </p>
              <MoneyList totals={report.unattributed} />
            </Callout>
          ) : null}
        </Section>
      ) : null}

      {report.observations.length > 0 ? (
        <Section title="Usage in this file">
          <table className="simple-table simple-table--compact import-observations">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col" className="num">
                  Periods
                </th>
              </tr>
            </thead>
            <tbody>
              {report.observations.map((o) => (
                <tr key={o.metric}>
                  <td>{metricLabel(o.metric)}</td>
                  <td className="num">{formatDecimal(o.value)}</td>
                  <td className="num">{formatNumber(o.periods)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {report.problem && report.issue_count === 0 ? null : (
        <Section title={`Issues (${formatNumber(report.issue_count)})`}>
          <IssuesTable issues={report.issues} total={report.issue_count} testId="import-issues" />
        </Section>
      )}

      {report.preview.length > 0 ? (
        <Section
          title={
            report.preview.length < report.rows_read - report.rows_skipped
              ? `First ${formatNumber(report.preview.length)} rows as Steward reads them`
              : "Rows as Steward reads them"
          }
        >
          <PreviewRows lines={report.preview} testId="import-preview-rows" />
        </Section>
      ) : null}
      {!report.problem ? <p className="footnote">{countsText(report)}</p> : null}
    </>
  );
}

function SheetSelect({ sheets, value, onChange }: { sheets: string[]; value: string; onChange: (sheet: string | null) => void }) {
  return (
    <SelectBox
      label="Sheet"
      name="sheet"
      value={value}
      options={[...(value === "" ? [{ value: "", label: "First sheet with a known layout" }] : []), ...sheets.map((s) => ({ value: s, label: s }))]}
      onChange={(sheet) => onChange(sheet || null)}
    />
  );
}

function Done({ report, savedNow }: { report: ImportReport; savedNow: boolean }) {
  const changed = report.batch_id !== null;
  const note = mappingNote(report, savedNow);
  const target = report.target;
  const where = whereItShows(target);
  const links = doneLinks(report);
  return (
    <div className="wizard-done" data-testid="import-done">
      <div className={changed ? "wizard-done__mark" : "wizard-done__mark wizard-done__mark--quiet"} aria-hidden="true">
        <Icon name={changed ? "check" : "info"} size={22} />
      </div>
      <h3 className="wizard-done__title">{doneHeadline(report)}</h3>
      {note ? (
        <p className="wizard-done__lead" data-testid="import-done-mapping">
          {note}
        </p>
      ) : null}
      {changed ? (
        <>
          <StatTiles
            items={
              target
                ? [
                    { label: "Created", value: report.records_created, note: recordCount(report.records_created, target) },
                    { label: "Updated", value: report.records_updated, note: recordCount(report.records_updated, target) },
                    { label: "Unchanged", value: report.rows_unchanged },
                    { label: "Skipped", value: report.rows_skipped },
                  ]
                : [
                    { label: "Imported", value: report.rows_imported },
                    { label: "Unchanged", value: report.rows_unchanged },
                    { label: "Skipped", value: report.rows_skipped },
                    { label: "Replaced", value: report.rows_replaced },
                  ]
            }
          />
          {report.totals.length > 0 ? (
            <div className="wizard-done__money">
              <p className="wizard-explain__title">Money imported</p>
              <MoneyList totals={report.totals} />
            </div>
          ) : null}
          <ul className="wizard-done__notes">
            {report.vendor_created && report.vendor ? <li>{report.vendor} was added to your vendors.</li> : null}
            {doneWarnings(report).map((warning) => (
              <li key={warning}>{forScreen(warning)}.</li>
            ))}
            {report.unattributed.length > 0 ? (
              <li>
                {target
                  ? "Some of this money is tied to no AI system or initiative — fill in those columns and import the corrected sheet to link it."
                  : "Some of this money is not linked to an AI system yet — add attribution rules later."}
              </li>
            ) : null}
            {report.issue_count > 0 ? (
              <li>
                {formatCount(report.issue_count, "issue")} kept with the import: open it in the history to see which rows.
              </li>
            ) : null}
            {where ? <li data-testid="import-done-where">{where}</li> : null}
            <li>You can undo this import from the history at any time.</li>
          </ul>
          {links.length > 0 ? (
            <nav className="wizard-done__links" aria-label="See what changed">
              {links.map((link) => (
                <a key={link.hash} className="btn btn--secondary btn--md" href={link.hash} data-testid={`import-see-${link.testId}`}>
                  <span className="btn__label">{link.label}</span>
                </a>
              ))}
            </nav>
          ) : null}
        </>
      ) : (
        <p className="muted">{countsText(report)}</p>
      )}
    </div>
  );
}
