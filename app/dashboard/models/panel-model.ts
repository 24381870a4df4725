// A dashboard panel as plain data: its title, units, chart option and tables (rows with their column
// specs). The panel components draw these; the CSV/XLSX and chart-image exports read the very same
// models, so a download is the panel the person sees for the same filters. Pure and browser-safe; one
// file per panel, so a page's JavaScript holds only the builders of its own panels.
import type { EChartsOption } from "echarts";
import type { ColumnSpec } from "../tables/column-specs";

export interface TableModel<Row = unknown> {
  /** Stable id: the file name of its download. */
  id: string;
  caption: string;
  columns: ColumnSpec<Row>[];
  rows: Row[];
  rowId: (row: Row) => string;
  empty?: string;
}

export interface ChartModel {
  option: EChartsOption;
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** Width the server draws at (wide charts scroll on phones). */
  ssrWidth?: number;
  scroll?: boolean;
}

/**
 * Where a panel's figures come from (docs/design.md §6.1): the agency's release book ("all reports counted
 * toward your agency"), the free layer ("reports shared with your agency"), or published national figures.
 */
export type DataLayer = "book" | "shared" | "public";

export interface PanelModel {
  id: string;
  title: string;
  units: string;
  wide?: boolean;
  /** The agency page says which layer each panel's figures come from. */
  layers?: DataLayer[];
  /** One sentence that replaces the panel when every figure of it is withheld. */
  allWithheld?: string | null;
  /** Null: nothing to draw; `emptyChart` says why. */
  chart: ChartModel | null;
  emptyChart: string;
  // Each table has its own row type; the model keeps them side by side.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tables: TableModel<any>[];
}

export function table<Row>(model: TableModel<Row>): TableModel<Row> {
  return model;
}
