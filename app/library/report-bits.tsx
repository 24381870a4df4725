import { MONTH_NAMES } from "../../domain/period";
import { labels } from "../../domain/taxonomy/index";

/** 'YYYY-MM' → 'March 2024' (months only: reports never carry days). */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTH_NAMES[Number(m) - 1] ?? ""} ${year}`.trim();
}

export function LossBadge({ code }: { code: string }) {
  return <span className={`loss-badge loss-${code}`}>{labels.lossPotential(code)}</span>;
}
