// A small form that opens inside a Settings section (a rate, a budget, the reporting currency):
// title, the errors that have no field, the fields, Cancel / Save. Enter or Ctrl+S saves, Esc
// cancels, and the first field Rust complained about gets focus (useRecordForm).
import type { ReactNode, RefObject } from "react";

import { Button } from "../../components/button";
import { Icon } from "../../components/icon";
import type { PlacedErrors } from "../../lib/field-errors";

type FormState = {
  errors: PlacedErrors;
  saving: boolean;
  submit: () => void;
  formRef: RefObject<HTMLFormElement | null>;
};

export function SettingsForm({
  title,
  form,
  saveLabel,
  onCancel,
  testId,
  columns = 4,
  children,
}: {
  title: string;
  form: FormState;
  saveLabel: string;
  onCancel: () => void;
  testId: string;
  /** How many fields sit side by side. */
  columns?: 2 | 3 | 4;
  children: ReactNode;
}) {
  const { errors, saving, submit, formRef } = form;
  return (
    <form
      ref={formRef}
      className="settings-form"
      aria-label={title}
      noValidate
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          e.stopPropagation();
          submit();
        }
      }}
    >
      <h4 className="settings-form__title">{title}</h4>
      {/* Field messages sit beside their fields, all in view in a form this small; only the
          errors no field owns (a read-only file, a lost connection) show above. */}
      {errors.general.length > 0 ? (
        <div className="form-errors" role="alert" tabIndex={-1} data-testid="form-errors">
          <Icon name="alert" />
          <div>
            {errors.general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
      ) : null}
      <div className={`settings-form__grid settings-form__grid--${columns}`}>{children}</div>
      <div className="settings-form__actions">
        <span className="settings-form__hint">
          <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to cancel
        </span>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving} data-testid={`${testId}-save`}>
          {saving ? "Saving…" : saveLabel}
        </Button>
      </div>
    </form>
  );
}
