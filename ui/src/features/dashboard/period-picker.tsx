// The period and basis a screen shows: Month / Quarter / Year, the period's name with steps
// back and forward, and the cost basis when the portfolio holds more than one.
import { Button } from "../../components/button";
import type { PeriodView } from "../../ipc/bindings/PeriodView";
import { PERIOD_KINDS, basisLabel, canStepForward, stepAnchor, type PeriodChoice } from "./period";

export function PeriodPicker({
  choice,
  onChange,
  period,
  today,
  bases = [],
  basis,
}: {
  choice: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
  /** The period shown (from Rust), or null while the first answer is on its way. */
  period: PeriodView | null;
  today: string;
  bases?: string[];
  /** The basis shown (from Rust). */
  basis?: string;
}) {
  return (
    <div className="period-picker" data-testid="period-picker">
      <div className="segmented" role="radiogroup" aria-label="Period length">
        {PERIOD_KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="radio"
            aria-checked={choice.kind === k.kind}
            className="segmented__option"
            data-testid={`period-${k.kind}`}
            onClick={() => onChange({ ...choice, kind: k.kind })}
          >
            {k.label}
          </button>
        ))}
      </div>
      <div className="period-picker__step">
        <StepButton
          direction="previous"
          disabled={!period}
          onClick={() => period && onChange({ ...choice, anchor: stepAnchor(period, -1) })}
        />
        <span className="period-picker__label" data-testid="period-label" aria-live="polite">
          {period?.label ?? "…"}
        </span>
        <StepButton
          direction="next"
          disabled={!period || !canStepForward(period, today)}
          onClick={() => period && onChange({ ...choice, anchor: stepAnchor(period, 1) })}
        />
      </div>
      {choice.anchor !== null ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({ ...choice, anchor: null })} title="Back to the newest month with cost">
          Latest
        </Button>
      ) : null}
      {bases.length > 1 ? (
        <select
          className="input select period-picker__basis"
          aria-label="Cost basis"
          name="basis"
          value={basis ?? choice.basis ?? ""}
          onChange={(e) => onChange({ ...choice, basis: e.target.value })}
        >
          {bases.map((b) => (
            <option key={b} value={b}>
              {basisLabel(b)} cost
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}

/** A chevron button, styled as the app's small ghost icon buttons. */
function StepButton({ direction, disabled, onClick }: { direction: "previous" | "next"; disabled: boolean; onClick: () => void }) {
  const label = direction === "previous" ? "Previous period" : "Next period";
  return (
    <button
      type="button"
      className="btn btn--ghost btn--sm btn--icon-only"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      data-testid={`period-${direction}`}
    >
      <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d={direction === "previous" ? "m15 6-6 6 6 6" : "m9 6 6 6-6 6"} />
      </svg>
    </button>
  );
}
