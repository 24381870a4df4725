// XLSX workbooks through exceljs' streaming writer: one sheet per table, then "About this file" with
// the metadata block. Rows are committed as they come, so a long library export is never held whole.
// Counts stay numbers (shown with the same thousands separator as the screen); every text cell passes
// the formula guard.
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportCell } from "../domain/export-table";
import { type ExportMetadata, metadataPairs } from "./export-metadata";
import { neutraliseFormula } from "./formula-guard";

/** Excel's row limit, header row included. */
export const XLSX_MAX_ROWS = 1_048_576;

export interface XlsxSheet {
  name: string;
  headers: string[];
  rows: Iterable<ExportCell[]> | AsyncIterable<ExportCell[]>;
  /** Column widths in characters, when the caller knows its contents (dashboard tables do). */
  widths?: number[];
}

export const ABOUT_SHEET = "About this file";

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function columnWidth(header: string): number {
  return Math.min(60, Math.max(10, header.length + 2));
}

async function writeWorkbook(out: PassThrough, meta: ExportMetadata, sheets: XlsxSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Close Call";
  workbook.created = meta.generatedAt;
  const taken = new Set<string>([ABOUT_SHEET.toLowerCase()]);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = sheet.headers.map((h, i) => ({
      header: neutraliseFormula(h),
      width: sheet.widths?.[i] ?? columnWidth(h),
    }));
    worksheet.getRow(1).font = { bold: true };
    // Long headers wrap rather than widen their column past its figures.
    if (sheet.widths) worksheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
    for await (const cells of sheet.rows) {
      const row = worksheet.addRow(cells.map((c) => (typeof c === "string" ? neutraliseFormula(c) : c.number)));
      cells.forEach((c, i) => {
        if (typeof c !== "string") row.getCell(i + 1).numFmt = c.numFmt;
      });
      row.commit();
    }
    worksheet.commit();
  }
  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.columns = [
    { header: "About this file", width: 28 },
    { header: "", width: 110 },
  ];
  about.getRow(1).font = { bold: true };
  for (const [label, value] of metadataPairs(meta))
    about.addRow([neutraliseFormula(label), neutraliseFormula(value)]).commit();
  about.commit();
  await workbook.commit();
}

/** The workbook as a byte stream; a failure while writing ends the stream with the error. */
export function xlsxStream(meta: ExportMetadata, sheets: XlsxSheet[]): Readable {
  const out = new PassThrough();
  writeWorkbook(out, meta, sheets).catch((error: unknown) =>
    out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return out;
}
