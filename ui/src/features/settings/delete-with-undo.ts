// Deleting a row of a Settings table: confirm, delete, then offer Undo that sets it again.
import { useState } from "react";

import { useToasts } from "../../components/toast";
import { toApiError } from "../../ipc/api-error";
import { useSession } from "../session/session-context";

/** The confirm → delete → Undo cycle shared by the rate and budget tables. */
export function useDeleteWithUndo<T>({
  name,
  erase,
  restore,
  onDeleted,
}: {
  /** How a toast names the row, e.g. "the 1 USD = 0.92 EUR rate from 1 Jan 2026". */
  name: (entry: T) => string;
  erase: (entry: T) => Promise<unknown>;
  /** Sets the deleted row again as it was. */
  restore: (entry: T) => Promise<unknown>;
  onDeleted: (entry: T) => void;
}) {
  const session = useSession();
  const toasts = useToasts();
  const [confirming, setConfirming] = useState<T | null>(null);
  const [deleting, setDeleting] = useState(false);

  const undo = async (entry: T) => {
    try {
      await restore(entry);
      session.dataChanged();
      toasts.show({ tone: "success", message: `Restored ${name(entry)}` });
    } catch (e) {
      toasts.show({ tone: "danger", message: `Couldn't restore ${name(entry)}`, detail: toApiError(e).message });
    }
  };

  const remove = async (entry: T) => {
    setDeleting(true);
    try {
      await erase(entry);
    } catch (e) {
      toasts.show({ tone: "danger", message: `Couldn't delete ${name(entry)}`, detail: toApiError(e).message });
      return;
    } finally {
      setDeleting(false);
      setConfirming(null);
    }
    onDeleted(entry);
    session.dataChanged();
    toasts.show({
      key: "undo-delete",
      message: `Deleted ${name(entry)}`,
      durationMs: 10_000,
      action: { label: "Undo", testId: "undo", onClick: () => void undo(entry) },
    });
  };

  return { confirming, setConfirming, deleting, remove };
}

/** The set with `key` added, or removed when it was there (groups opened and closed). */
export function toggledKey(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
