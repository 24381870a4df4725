import { EMPTY_INPUT, type ReportFormInput } from "./report-form-schema";

// The optional draft on this device (docs/design.md §6.2): written only after the officer turns it on,
// deleted by the visible button, when turned off, and automatically once the report is sent.
const DRAFT_KEY = "closecall-report-draft";
// Set beside the draft when the officer pressed "Review" offline: once online, the form asks before sending.
const WAITING_KEY = "closecall-report-draft-waiting";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function readDraft(): ReportFormInput | null {
  const raw = storage()?.getItem(DRAFT_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ReportFormInput>;
    const draft: ReportFormInput = { ...EMPTY_INPUT };
    for (const field of Object.keys(EMPTY_INPUT) as (keyof ReportFormInput)[]) {
      const value = parsed[field];
      if (field === "factors")
        draft.factors = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
      else if (typeof value === "string") draft[field] = value;
    }
    return draft;
  } catch {
    return null;
  }
}

export function writeDraft(values: ReportFormInput): void {
  try {
    storage()?.setItem(DRAFT_KEY, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the draft is a convenience, the form still works.
  }
}

export function deleteDraft(): void {
  storage()?.removeItem(DRAFT_KEY);
  storage()?.removeItem(WAITING_KEY);
}

/** Only ever called with a draft on: the mark lives and dies with it. */
export function markDraftWaiting(waiting: boolean): void {
  try {
    if (waiting) storage()?.setItem(WAITING_KEY, "1");
    else storage()?.removeItem(WAITING_KEY);
  } catch {
    // As for the draft: a convenience.
  }
}

export function draftWaiting(): boolean {
  return storage()?.getItem(WAITING_KEY) === "1";
}
