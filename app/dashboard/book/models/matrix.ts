import { isSuppressed } from "../../../../domain/figures";
import { heatmapHeight, heatmapOption } from "~/charts/heatmap";
import type { AgencyBookView, BookMatrix } from "../../agency-view-types";
import { type PanelModel, table } from "../../models/panel-model";
import { matrixColumns, type MatrixTableRow } from "../columns";
import { sharedLibraryHref } from "../drill-down";
import { orderFactors } from "../factor-order";

/** Incident types in order: most reports first, withheld totals next, types without reports last. */
function orderedRows(matrix: BookMatrix) {
  const { shown, withheld, zero } = orderFactors(matrix.rows, (r) => ({ count: r.reports, share: null }));
  return [...shown, ...withheld, ...zero];
}

/** Incident type × factor of a year with the book's matrix: share of each type's reports citing each factor. */
export function matrixPanel(view: AgencyBookView, matrix: BookMatrix): PanelModel {
  const ordered = orderedRows(matrix);
  const rows: MatrixTableRow[] = ordered.map((r) => ({
    code: r.code,
    label: r.label,
    reports: r.reports,
    cells: Object.fromEntries(
      r.cells.map((c, i) => {
        const factor = matrix.factors[i]!.code;
        return [
          factor,
          { ...c, href: isSuppressed(c.count) ? undefined : sharedLibraryHref({ incidentType: r.code, factor }) },
        ];
      }),
    ),
  }));
  const title = `Incident types and factors, ${matrix.year}`;
  const released = ordered.some((r) => r.cells.some((c) => c.share !== null && !isSuppressed(c.share)));
  return {
    id: "heatmap",
    title,
    units: "% of the incident type's reports citing the factor (your agency's ten most cited factors)",
    wide: true,
    layers: ["book"],
    allWithheld: released
      ? null
      : `Every cell of your agency's incident type × factor table for ${matrix.year} is withheld.`,
    chart: !released
      ? null
      : {
          option: heatmapOption({
            rows: ordered,
            columns: matrix.factors,
            cells: rows.map((r) => matrix.factors.map((f) => r.cells[f.code]!)),
            description:
              `Share of each incident type's reports citing each of your agency's most cited ` +
              `factors, ${matrix.year}.`,
          }),
          height: heatmapHeight(ordered.length),
          label: title,
          ssrWidth: 900,
          scroll: true,
        },
    emptyChart: "",
    tables: [
      table({ id: "heatmap", caption: title, columns: matrixColumns(matrix.factors), rows, rowId: (r) => r.code }),
    ],
  };
}
