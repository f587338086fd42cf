import { useImperativeHandle, type ReactNode, type Ref, type RefObject } from "react";

import { Button } from "../../components/button";
import { Drawer } from "../../components/drawer";
import { Icon } from "../../components/icon";
import type { PlacedErrors } from "../../lib/field-errors";
import type { FormHandle } from "./use-record-form";

/** The frame of a create / edit form: title, errors that have no field, fields, Cancel / Save. */
/** The part of `useRecordForm`'s state the frame needs. */
type FormState = {
  errors: PlacedErrors;
  saving: boolean;
  submit: () => void;
  isDirty: () => boolean;
  snapshot: () => unknown;
  formRef: RefObject<HTMLFormElement | null>;
};

export function FormShell({
  title,
  subtitle,
  form,
  readOnly,
  onCancel,
  handleRef,
  saveLabel,
  children,
}: {
  title: string;
  subtitle?: string;
  form: FormState;
  readOnly: boolean;
  onCancel: () => void;
  handleRef: Ref<FormHandle>;
  saveLabel: string;
  children: ReactNode;
}) {
  const { errors, saving, submit: onSubmit, isDirty, snapshot, formRef } = form;
  useImperativeHandle(handleRef, () => ({ submit: onSubmit, isDirty, snapshot }), [onSubmit, isDirty, snapshot]);
  const fieldCount = Object.keys(errors.byField).length;
  return (
    <Drawer label={title} wide testId="record-form">
      <form
        ref={formRef}
        className="drawer__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <div className="drawer__header">
          <div className="drawer__heading">
            {subtitle ? <div className="drawer__eyebrow">{subtitle}</div> : null}
            <h2 className="drawer__title">{title}</h2>
          </div>
          <Button variant="ghost" icon="close" aria-label="Close form" title="Close (Esc)" onClick={onCancel} />
        </div>
        <div className="drawer__body">
          {errors.general.length > 0 || fieldCount > 0 ? (
            <div className="form-errors" role="alert" tabIndex={-1} data-testid="form-errors">
              <Icon name="alert" />
              <div>
                {fieldCount > 0 ? (
                  <p>
                    {fieldCount === 1 ? "One field needs" : `${fieldCount} fields need`} attention — see the messages
                    below.
                  </p>
                ) : null}
                {errors.general.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            </div>
          ) : null}
          <fieldset className="form-fields" disabled={readOnly}>
            {children}
          </fieldset>
        </div>
        <div className="drawer__footer">
          <span className="drawer__hint">
            <kbd>Ctrl</kbd> <kbd>S</kbd> to save · <kbd>Esc</kbd> to cancel
          </span>
          <Button onClick={onCancel}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={saving}
            disabled={readOnly}
            data-testid="save-record"
            title={readOnly ? "Read-only — Save a copy to edit" : undefined}
          >
            {saving ? "Saving…" : saveLabel}
          </Button>
        </div>
      </form>
    </Drawer>
  );
}
