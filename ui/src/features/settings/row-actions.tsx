// Change and Delete for one row of a Settings table (a rate, a budget).
import { Button } from "../../components/button";

const READ_ONLY_TIP = "Read-only — Save a copy to edit";

/** Change and Delete for one row of a Settings table. */
export function RowActions({
  what,
  readOnly,
  testPrefix,
  onEdit,
  onDelete,
}: {
  what: string;
  readOnly: boolean;
  testPrefix: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <div className="settings-table__buttons">
      <Button
        variant="ghost"
        size="sm"
        icon="edit"
        aria-label={`Change ${what}`}
        title={readOnly ? READ_ONLY_TIP : "Change"}
        disabled={readOnly}
        onClick={onEdit}
        data-testid={`${testPrefix}-edit`}
      />
      <Button
        variant="ghost"
        size="sm"
        icon="trash"
        className="btn--danger-text"
        aria-label={`Delete ${what}`}
        title={readOnly ? READ_ONLY_TIP : "Delete"}
        disabled={readOnly}
        onClick={onDelete}
        data-testid={`${testPrefix}-delete`}
      />
    </div>
  );
}
