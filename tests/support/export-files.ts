// Reading exported files back the way a spreadsheet would: the CSV after its metadata block, the XLSX
// sheets with numbers shown through their number format. For the exports' tests.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export interface ReadTable {
  headers: string[];
  rows: string[][];
  /** The metadata block (CSV) or the "About this file" sheet (XLSX): label → values. */
  meta: [string, string][];
}

export function readCsv(bytes: Buffer): ReadTable {
  const text = bytes.toString("utf8");
  const start = Number(/The table starts on line (\d+)/.exec(text)?.[1]);
  if (!start) throw new Error("No metadata block with the table's first line");
  const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  const meta = records.slice(1, start - 2).map((r) => [r[0]!.replace(/^# /, ""), r[1] ?? ""] as [string, string]);
  const table = parse(text, { bom: true, from_line: start }) as string[][];
  return { headers: table[0]!, rows: table.slice(1), meta };
}

/** A cell as Excel shows it: our number formats are "#,##0", "0" and "0.0%". */
function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v === "number" && cell.numFmt === "0.0%") return `${(v * 100).toFixed(1)}%`;
  if (typeof v === "number") return cell.numFmt === "#,##0" ? v.toLocaleString("en-US") : String(v);
  if (v === null || v === undefined) return "";
  return String(v);
}

export async function readXlsx(bytes: Buffer): Promise<{
  sheets: { name: string; headers: string[]; rows: string[][]; numeric: number }[];
  meta: [string, string][];
}> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(bytes));
  const sheets = workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    let numeric = 0;
    ws.eachRow((row) => {
      const cells: string[] = [];
      for (let i = 1; i <= ws.columnCount; i++) {
        const cell = row.getCell(i);
        if (typeof cell.value === "number") numeric++;
        cells.push(shown(cell));
      }
      rows.push(cells);
    });
    return { name: ws.name, headers: rows[0] ?? [], rows: rows.slice(1), numeric };
  });
  const about = sheets.pop()!;
  return { sheets, meta: about.rows.map((r) => [r[0]!, r[1] ?? ""]) };
}

/**
 * An XLSX sheet read back in the screen's layout: a share and its interval bounds, which the workbook
 * keeps as three numeric columns, joined again as "52.9% (36.7%–68.5%)" under "…: share (95% interval)".
 */
export function asScreenTable(sheet: { headers: string[]; rows: string[][] }): { headers: string[]; rows: string[][] } {
  const keep: number[] = [];
  const headers: string[] = [];
  sheet.headers.forEach((h, i) => {
    if (/: 95% interval, (lower|upper)$/.test(h)) return;
    keep.push(i);
    headers.push(sheet.headers[i + 1]?.endsWith(": 95% interval, lower") ? `${h} (95% interval)` : h);
  });
  const rows = sheet.rows.map((r) =>
    keep.map((i) => {
      if (!sheet.headers[i + 1]?.endsWith(": 95% interval, lower")) return r[i]!;
      const [share, lower, upper] = [r[i]!, r[i + 1]!, r[i + 2]!];
      return /%$/.test(share) && /%$/.test(lower) ? `${share} (${lower}–${upper})` : share;
    }),
  );
  return { headers, rows };
}
