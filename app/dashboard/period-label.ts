// Period wording for titles and the headline. Browser-safe.
import { MONTH_NAMES } from "../../domain/period";

/** '2025-07' → 'Jul 2025'; '2025-Q3' stays as it is. */
export function formatBin(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]!.slice(0, 3)} ${m[1]}` : label.replace("-Q", " Q");
}

export function formatPeriod(period: { from: string; to: string }): string {
  return `${formatBin(period.from)} – ${formatBin(period.to)}`;
}
