// A dashboard table model as an export table: the same columns, rows and cell texts as the screen
// (through the shared column specs), plain counts kept as numbers for spreadsheets, and the reasons
// of the withheld cells it holds (for the file's privacy notes). Browser-safe, no React.
import { countCell, type ExportCell, type ExportTable } from "../../analytics/exports/export-table";
import type { SuppressionReason } from "../../analytics/privacy/figures";
import { cellText, type CellValue, withheldReason } from "~/dashboard/tables/cell-values";
import type { TableModel } from "~/dashboard/models/panel-model";

export function exportCell(value: CellValue): ExportCell {
  if (value.kind === "count" && typeof value.value === "number") return countCell(value.value);
  if (value.kind === "number") return { text: cellText(value), number: value.value, numFmt: value.grouped ? "#,##0" : "0" };
  return cellText(value);
}

export function toExportTable<Row>(model: TableModel<Row>): { table: ExportTable; reasons: Set<SuppressionReason> } {
  const reasons = new Set<SuppressionReason>();
  const rows = model.rows.map((row) =>
    model.columns.map((column) => {
      const value = column.value(row);
      const reason = withheldReason(value);
      if (reason) reasons.add(reason);
      return exportCell(value);
    }),
  );
  return { table: { id: model.id, title: model.caption, headers: model.columns.map((c) => c.header), rows }, reasons };
}
