// Number formatting shared by chart labels, tooltips and tables. Browser-safe.
import { isSuppressed, type Count, type Share, suppressionLabels, type Suppressed } from "../../domain/figures";

export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

export function withheldText(value: Suppressed): string {
  return `withheld — ${suppressionLabels[value.reason].toLowerCase()}`;
}

export function countText(value: Count | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return isSuppressed(value) ? withheldText(value) : value.toLocaleString("en-US");
}

export function shareText(value: Share | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return isSuppressed(value) ? withheldText(value) : percent(value.share);
}

export function intervalText(value: Share | null | undefined): string {
  if (value === null || value === undefined || isSuppressed(value)) return "—";
  return `${percent(value.lower)}–${percent(value.upper)}`;
}

export function changeText(value: number | Suppressed | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (isSuppressed(value)) return withheldText(value);
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${Math.abs(value * 100).toFixed(0)}%`;
}

/** Long labels on axes: cut with an ellipsis (the full label is in the tooltip and the table). */
export function shorten(label: string, max = 28): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
