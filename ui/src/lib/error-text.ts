// What a person can do about an error, by its code. The message itself comes from Rust and
// says what happened; this adds the next step.
import type { ApiError } from "../ipc/api-error";
import { isShellMissing } from "../ipc/api-error";

export function errorAdvice(error: ApiError): string {
  if (isShellMissing(error)) {
    return "This window is only Steward's interface. Start the Steward desktop app to open your portfolio.";
  }
  switch (error.code) {
    case "validation":
      return "Correct the fields marked and save again.";
    case "not_found":
      return "It may have been deleted meanwhile. Refresh the list and try again.";
    case "conflict":
      return "Resolve what the message names first, then try again.";
    case "read_only":
      return "This portfolio is open read-only. Use File → Save a copy… to edit a copy.";
    case "file_unusable":
      return "Open another portfolio or create a new one from the File menu.";
    case "file_exists":
      return "Choose another file name, or open the existing file instead.";
    case "internal":
      return "Try again. If it keeps happening, save a copy of the portfolio and send this message to your support contact.";
  }
}

/** A short title for an error panel. */
export function errorTitle(error: ApiError): string {
  if (isShellMissing(error)) return "Steward's desktop shell is not running";
  switch (error.code) {
    case "not_found":
      return "Record not found";
    case "read_only":
      return "This portfolio is read-only";
    case "file_unusable":
      return "The portfolio file can't be used";
    case "conflict":
      return "That can't be done yet";
    case "validation":
      return "Some fields need attention";
    default:
      return "Steward couldn't complete that";
  }
}
