import type { ReactNode } from "react";

import { Button } from "../../components/button";
import { Drawer } from "../../components/drawer";
import { ErrorPanel } from "../../components/error-panel";
import { SkeletonLines } from "../../components/spinner";
import type { ApiError } from "../../ipc/api-error";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

/** The frame of a record's detail view: title, badges, Edit / Delete / Close, then sections. */
export function DetailShell({
  eyebrow,
  title,
  badges,
  readOnly,
  onEdit,
  onDelete,
  onClose,
  deleting,
  children,
}: {
  eyebrow: string;
  title: string;
  badges?: ReactNode;
  readOnly: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onClose: () => void;
  deleting: boolean;
  children: ReactNode;
}) {
  return (
    <Drawer label={title} testId="detail">
      <div className="drawer__header">
        <div className="drawer__heading">
          <div className="drawer__eyebrow truncate" title={eyebrow}>
            {eyebrow}
          </div>
          <h2 className="drawer__title clamp-2" data-testid="detail-title" title={title}>
            {title}
          </h2>
          <div className="drawer__badges">{badges}</div>
        </div>
        <Button variant="ghost" icon="close" aria-label="Close" title="Close (Esc)" onClick={onClose} />
      </div>
      <div className="drawer__toolbar">
        <Button
          size="sm"
          icon="edit"
          onClick={onEdit}
          disabled={readOnly}
          title={readOnly ? READ_ONLY_TIP : "Edit"}
          data-testid="edit-record"
        >
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          icon="trash"
          className="btn--danger-text"
          onClick={onDelete}
          disabled={readOnly}
          busy={deleting}
          title={readOnly ? READ_ONLY_TIP : "Delete (you can undo)"}
          data-testid="delete-record"
        >
          Delete
        </Button>
      </div>
      <div className="drawer__body">{children}</div>
    </Drawer>
  );
}

export function DetailLoading({ onClose }: { onClose: () => void }) {
  return (
    <Drawer label="Loading" testId="detail">
      <div className="drawer__header">
        <div className="drawer__heading">
          <span className="skeleton skeleton--title" />
        </div>
        <Button variant="ghost" icon="close" aria-label="Close" onClick={onClose} />
      </div>
      <div className="drawer__body">
        <SkeletonLines lines={6} />
      </div>
    </Drawer>
  );
}

export function DetailError({ error, onRetry, onClose }: { error: ApiError; onRetry: () => void; onClose: () => void }) {
  return (
    <Drawer label="Couldn't load" testId="detail">
      <div className="drawer__header">
        <div className="drawer__heading" />
        <Button variant="ghost" icon="close" aria-label="Close" onClick={onClose} />
      </div>
      <div className="drawer__body">
        <ErrorPanel
          compact
          error={error}
          onRetry={error.code === "not_found" ? undefined : onRetry}
          actions={<Button size="sm" onClick={onClose}>Close</Button>}
        />
      </div>
    </Drawer>
  );
}
