// Months as 'YYYY-MM' and as DATE strings (first day of the month). Reports never carry a day.

export function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + (m - 1);
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

export function monthToDate(month: string): string {
  return `${month}-01`;
}
