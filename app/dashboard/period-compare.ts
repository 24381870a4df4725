// The comparison period of the national pages' factor profile: the choices an analyst reaches for first,
// written out as explicit months (bfrom/bto), so that a shared link keeps meaning the same two periods
// after new months arrive. Browser-safe.
import { monthIndex, monthLabel } from "../../domain/period";

export interface ComparisonChoice {
  key: "previous" | "year";
  label: string;
  bfrom: string;
  bto: string;
}

/** The period just before (same length) and the same months a year earlier. */
export function comparisonChoices(period: { from: string; to: string }): ComparisonChoice[] {
  const from = monthIndex(period.from);
  const to = monthIndex(period.to);
  const months = to - from + 1;
  return [
    {
      key: "previous",
      label: `The previous ${months === 1 ? "month" : `${months} months`}`,
      bfrom: monthLabel(from - months),
      bto: monthLabel(from - 1),
    },
    { key: "year", label: "The same months a year earlier", bfrom: monthLabel(from - 12), bto: monthLabel(to - 12) },
  ];
}

/** Whether two periods share a month (the difference's interval is then conservative). */
export function periodsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return monthIndex(a.from) <= monthIndex(b.to) && monthIndex(b.from) <= monthIndex(a.to);
}
