// A dashboard table model as an export table: the same columns, rows and cell texts as the screen
// (through the shared column specs), and the reasons of the withheld cells it holds (for the file's
// privacy notes). CSV keeps the screen's cells as they read. XLSX keeps numbers as numbers:
// counts with a thousands separator, shares and interval bounds as fractions with a percent format, each
// interval bound in a column of its own, and column widths that fit their contents. Browser-safe.
import { countCell, type ExportCell, type ExportTable } from "../../domain/export-table";
import { isSuppressed, type SuppressionReason } from "../../domain/figures";
import { cellText, type CellValue, withheldReason } from "~/dashboard/tables/cell-values";
import type { TableModel } from "~/dashboard/models/panel-model";

export type TableFormat = "csv" | "xlsx";

const PERCENT = "0.0%";

function percentCell(value: number): ExportCell {
  return { text: `${(value * 100).toFixed(1)}%`, number: value, numFmt: PERCENT };
}

export function exportCell(value: CellValue): ExportCell {
  if (value.kind === "count" && typeof value.value === "number") return countCell(value.value);
  if (value.kind === "number")
    return { text: cellText(value), number: value.value, numFmt: value.grouped ? "#,##0" : "0" };
  return cellText(value);
}

/** A share's header without its "(95% interval)": the bounds get columns of their own. */
function shareHeader(header: string): string {
  return header.replace(/ \(95% interval\)$/, "");
}

/** An XLSX column: one cell, or a share with interval as three (share, lower bound, upper bound). */
function xlsxCells(value: CellValue): ExportCell[] {
  if (value.kind !== "share") return [exportCell(value)];
  const v = value.value;
  const width = value.interval ? 3 : 1;
  if (v === null || v === undefined || isSuppressed(v)) return Array.from({ length: width }, () => cellText(value));
  return value.interval ? [percentCell(v.share), percentCell(v.lower), percentCell(v.upper)] : [percentCell(v.share)];
}

function widthOf(texts: string[], header: string): number {
  const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
  const content = Math.max(0, ...texts.map((t) => t.length));
  // Headers wrap (the XLSX writer sets wrap text on the header row): a column is as wide as its
  // contents, its longest header word, and at least 8 characters.
  return Math.min(60, Math.max(8, longestWord, Math.min(content, 60)) + 2);
}

export function toExportTable<Row>(
  model: TableModel<Row>,
  format: TableFormat = "csv",
): { table: ExportTable; reasons: Set<SuppressionReason> } {
  const reasons = new Set<SuppressionReason>();
  const values = model.rows.map((row) =>
    model.columns.map((column) => {
      const value = column.value(row);
      const reason = withheldReason(value);
      if (reason) reasons.add(reason);
      return value;
    }),
  );
  if (format === "csv") {
    return {
      table: {
        id: model.id,
        title: model.caption,
        headers: model.columns.map((c) => c.header),
        rows: values.map((r) => r.map(exportCell)),
      },
      reasons,
    };
  }
  // A column holds shares with intervals when any of its cells does (a withheld one still spans three).
  const spans = model.columns.map((_, i) =>
    values.some((r) => r[i]!.kind === "share" && (r[i] as { interval: boolean }).interval) ? 3 : 1,
  );
  const headers = model.columns.flatMap((c, i) =>
    spans[i] === 3
      ? [
          shareHeader(c.header),
          `${shareHeader(c.header)}: 95% interval, lower`,
          `${shareHeader(c.header)}: 95% interval, upper`,
        ]
      : [c.header],
  );
  const rows = values.map((r) =>
    r.flatMap((value, i) => {
      const cells = xlsxCells(value);
      return spans[i] === 3 && cells.length === 1 ? [cells[0]!, cells[0]!, cells[0]!] : cells;
    }),
  );
  const widths = headers.map((h, i) =>
    widthOf(
      rows.map((r) => (typeof r[i] === "string" ? (r[i] as string) : (r[i] as { text: string }).text)),
      h,
    ),
  );
  return { table: { id: model.id, title: model.caption, headers, rows, widths }, reasons };
}
