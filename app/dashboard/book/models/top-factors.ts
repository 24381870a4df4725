import { isSuppressed } from "../../../../domain/figures";
import { shareComparisonHeight, shareComparisonOption, type ShareRow } from "~/charts/share-comparison";
import type { AgencyBookView } from "../../agency-view-types";
import { type PanelModel, table } from "../../models/panel-model";
import { topFactorColumns, type TopFactorRow } from "../columns";
import { sharedLibraryHref } from "../drill-down";
import { choiceLine } from "../words";
import { factorYearsTable } from "./factor-years";
import { AGENCY_LABEL, seriesColors } from "./labels";

/**
 * The agency's most cited factors, year by year, with Wilson 95% intervals, next to the reference's
 * share in the same year (what a commander reads over time). One row per factor and year; a
 * second table sets every factor's years side by side (the book's yearly cells only).
 */
export function topFactorsPanel(view: AgencyBookView): PanelModel {
  const { trends } = view;
  const reference = view.profile.referenceLabel;
  const rows: TopFactorRow[] = trends.factors.flatMap((f) =>
    f.years.map((y) => ({
      key: `${f.factor}-${y.year}`,
      label: f.label,
      year: y.year,
      count: y.count,
      share: y.share,
      reference: y.reference,
      href: sharedLibraryHref({ factor: f.factor, incidentType: view.state.type }),
    })),
  );
  const released = rows.filter((r) => r.share !== null && !isSuppressed(r.share));
  const title =
    `${trends.factors.length ? `Top ${trends.factors.length} factors` : "Top factors"} year by year ` +
    `— ${choiceLine(view)}`;
  const chartRows: ShareRow[] = rows.map((r) => ({
    key: r.key,
    label: `${r.year} · ${r.label}`,
    a: r.share,
    b: r.reference,
    href: r.href,
  }));
  const allWithheld =
    trends.factors.length === 0
      ? "No year of your agency's book has enough released figures yet to rank its factors."
      : released.length === 0
        ? "Every yearly share of your agency's most cited factors is withheld, so that no figure can point at the " +
          "officers who reported."
        : null;
  return {
    id: "top-factors",
    title,
    units: "% of the year's reports citing each factor, dots with 95% intervals, by year of publication",
    wide: true,
    layers: ["book"],
    allWithheld,
    chart: allWithheld
      ? null
      : {
          option: shareComparisonOption({
            rows: chartRows,
            aLabel: AGENCY_LABEL,
            bLabel: reference,
            aColor: seriesColors.agency,
            bColor: seriesColors.reference,
            description:
              `Share of your agency's reports citing its most cited factors, each year, compared ` +
              `with ${reference.toLowerCase()} (${choiceLine(view)}).`,
          }),
          height: shareComparisonHeight(chartRows.length),
          label: title,
        },
    emptyChart: allWithheld ?? "",
    tables: [
      table({
        id: "top-factors",
        caption: title,
        columns: topFactorColumns(AGENCY_LABEL, reference),
        rows,
        rowId: (r) => r.key,
      }),
      factorYearsTable(view),
    ],
  };
}
