import type { PopulationLabel } from "./comparison";
import type { ResolvedFilters } from "./filters";
import { monthLabel } from "../domain/period";
import type { GateStatus, ReleasedCells } from "./privacy/suppress";
import type { PrivacyRules } from "./privacy/rules";

/** What every result carries besides its figures: enough to title a chart and footnote an export. */
export interface MeasureMeta {
  measure: string;
  title: string;
  /** What the measure means, in one or two sentences. */
  description: string;
  window: { from: string; to: string; months: number };
  filters: Omit<ResolvedFilters, "window">;
  subject: PopulationLabel;
  reference: PopulationLabel | null;
  /** Whether the agency's own figures and the peer figures are open (no numbers: only the rule's verdict). */
  gates: { agency: GateStatus; peer: GateStatus };
  privacy: PrivacyRules;
}

export const REPORTS_NOT_RATES =
  "Shares of voluntary near-miss reports, not rates of events: a higher share means reports cite it more often, " +
  "not that it happens more.";

export function measureMeta(
  base: { measure: string; title: string; description: string },
  filters: ResolvedFilters,
  comparison: { subject: { label: PopulationLabel }; reference: { label: PopulationLabel } | null },
  released: ReleasedCells | null,
  privacy: PrivacyRules,
): MeasureMeta {
  const { window, ...rest } = filters;
  const open: GateStatus = { open: true, reason: null };
  return {
    ...base,
    window: { from: monthLabel(window.from), to: monthLabel(window.to), months: window.to - window.from + 1 },
    filters: rest,
    subject: comparison.subject.label,
    reference: comparison.reference?.label ?? null,
    gates: released?.gates ?? { agency: open, peer: open },
    privacy,
  };
}
