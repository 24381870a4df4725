import { labels } from "../../domain/taxonomy/index";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 'YYYY-MM' → 'March 2024' (months only: reports never carry days). */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? ""} ${year}`.trim();
}

export function LossBadge({ code }: { code: string }) {
  return <span className={`loss-badge loss-${code}`}>{labels.lossPotential(code)}</span>;
}
