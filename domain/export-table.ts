// What every CSV/XLSX/PDF export is made of: a table of cells in display order, plus the metadata the
// file carries. A cell holds the text the screen shows; a plain count also keeps its number so that a
// spreadsheet can add it up (the XLSX shows it with the same thousands separator).

export type ExportCell = string | { text: string; number: number; numFmt: string };

export interface ExportTable {
  /** Stable id, used in file and sheet names (e.g. "profile", "trend-hc_low_light"). */
  id: string;
  title: string;
  headers: string[];
  rows: ExportCell[][];
  /** Column widths in characters for spreadsheets (the header's length when absent). */
  widths?: number[];
}

export function cellText(cell: ExportCell): string {
  return typeof cell === "string" ? cell : cell.text;
}

/** A count cell: the number and its grouped text, e.g. 1234 → "1,234". */
export function countCell(value: number): ExportCell {
  return { text: value.toLocaleString("en-US"), number: value, numFmt: "#,##0" };
}
