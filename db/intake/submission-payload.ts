/**
 * What the officer sent, as it is encrypted (never stored in the clear). Consent level and agency live
 * in plain columns because the review workflow needs them before decrypting; everything the officer
 * typed or chose about the event is in here.
 */
export interface SubmissionPayload {
  version: 1;
  title: string;
  narrative: string;
  lessons: string;
  /** Factor codes the officer suggests (reviewers decide the coded ones). */
  factors: string[];
  incidentType: string;
  /** YYYY-MM: never a day. */
  eventMonth: string;
  timeBlock: string | null;
  light: string | null;
  weather: string | null;
  officersOnScene: string | null;
  assignment: string | null;
  serviceBand: string | null;
  /** Protected (docs/design.md §6): used for the census region and suppressed aggregates only. */
  state: string;
  lossPotential: string;
}

/** A day as 'YYYY-MM-DD' (UTC): the only time information intake keeps (docs/design.md §6.3). */
export function dateOnly(day: Date = new Date()): string {
  return day.toISOString().slice(0, 10);
}
