// Period wording for titles and the headline. Browser-safe.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** '2025-07' → 'Jul 2025'; '2025-Q3' stays as it is. */
export function formatBin(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : label.replace("-Q", " Q");
}

export function formatPeriod(period: { from: string; to: string }): string {
  return `${formatBin(period.from)} – ${formatBin(period.to)}`;
}
