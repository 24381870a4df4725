// What a dashboard table cell holds, apart from how it is drawn: the screen (cells.tsx) and the CSV/XLSX
// exports both render these, so an exported table says exactly what the screen says — withheld figures
// included ("withheld — reason", never 0 or blank). Browser-safe.
import { isSuppressed, type Count, type Share, type SuppressionReason } from "../../../domain/figures";
import { countText, intervalText, shareText } from "~/charts/format";

export type CellValue =
  | { kind: "count"; value: Count | null | undefined }
  | { kind: "share"; value: Share | null | undefined; interval: boolean }
  /** A plain number (not a privacy-checked count): agencies in a funnel group, a region's reports. */
  | { kind: "number"; value: number; grouped: boolean }
  | { kind: "text"; value: string };

export const cell = {
  count: (value: Count | null | undefined): CellValue => ({ kind: "count", value }),
  share: (value: Share | null | undefined, interval = true): CellValue => ({ kind: "share", value, interval }),
  number: (value: number, grouped = false): CellValue => ({ kind: "number", value, grouped }),
  text: (value: string): CellValue => ({ kind: "text", value }),
};

/** The text a cell shows on the screen. */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case "count":
      return countText(value.value);
    case "share": {
      const v = value.value;
      if (v === null || v === undefined || isSuppressed(v) || !value.interval) return shareText(v);
      return `${shareText(v)} (${intervalText(v)})`;
    }
    case "number":
      return value.grouped ? value.value.toLocaleString("en-US") : String(value.value);
    case "text":
      return value.value;
  }
}

/** Why a cell is withheld, or null when it shows a figure. */
export function withheldReason(value: CellValue): SuppressionReason | null {
  if ((value.kind === "count" || value.kind === "share") && isSuppressed(value.value)) return value.value.reason;
  return null;
}
