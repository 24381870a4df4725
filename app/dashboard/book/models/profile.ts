import { isSuppressed } from "../../../../domain/figures";
import { withheldText } from "~/charts/format";
import { shareComparisonHeight, shareComparisonOption, type ShareRow } from "~/charts/share-comparison";
import type { AgencyBookView } from "../../agency-view-types";
import { type PanelModel, table } from "../../models/panel-model";
import { bookProfileColumns, type BookProfileTableRow } from "../columns";
import { sharedLibraryHref } from "../drill-down";
import { collapsedRows, orderFactors } from "../factor-order";
import { choiceLine } from "../words";
import { AGENCY_LABEL, seriesColors } from "./labels";

type Row = AgencyBookView["profile"]["rows"][number];

/** Factors drawn in the chart; the table lists them all. */
export const PROFILE_CHART_ROWS = 15;
export const FLAG_TEXT = "cited more often";

function prrText(prr: Row["prr"]): string {
  if (prr === null) return "—";
  if (isSuppressed(prr)) return withheldText(prr);
  return `${prr.prr.toFixed(2)} (${prr.lower.toFixed(2)}–${prr.upper.toFixed(2)})`;
}

const flagged = (r: Row) => r.prr !== null && !isSuppressed(r.prr) && r.prr.flagged;

/**
 * The factor profile of the chosen period: the agency's share of reports citing each factor next to
 * the reference's, with intervals. Below the minimum the agency's side is withheld whole, and the
 * reference is shown alone — in its own colour, never in the agency's.
 */
export function bookProfilePanel(view: AgencyBookView): PanelModel {
  const { profile, open } = view;
  const referenceLabel = profile.referenceMissing ? null : profile.referenceLabel;
  const href = (r: Row) => sharedLibraryHref({ factor: r.factor, incidentType: profile.incidentType });
  const ordered = open
    ? orderFactors(profile.rows, (r) => r.agency)
    : orderFactors(profile.rows, (r) => r.reference ?? { count: 0, share: null });
  const toRow = (r: Row): BookProfileTableRow => ({
    key: r.factor,
    label: r.label,
    family: r.family,
    aCount: r.agency.count,
    aShare: r.agency.share,
    bCount: r.reference?.count ?? null,
    bShare: r.reference?.share ?? null,
    prr: prrText(r.prr),
    flag: flagged(r) ? FLAG_TEXT : "",
    href: href(r),
  });
  const hidden = ordered.withheld;
  const collapsed: BookProfileTableRow[] = collapsedRows(hidden, () => ({
    aCount: open ? hidden[0]!.agency.count : null,
    aShare: open ? hidden[0]!.agency.share : null,
    bCount: null,
    bShare: null,
    prr: "—",
    flag: "",
  }));
  const rows = [...ordered.shown.map(toRow), ...collapsed, ...ordered.zero.map(toRow)];
  const title = `Contributing factors — ${choiceLine(view)}`;
  const chartRows: ShareRow[] = ordered.shown.slice(0, PROFILE_CHART_ROWS).map((r) => ({
    key: r.factor,
    label: r.label,
    a: open ? r.agency.share : null,
    b: r.reference?.share ?? null,
    flagged: flagged(r),
    href: href(r),
  }));
  const allWithheld =
    chartRows.length > 0
      ? null
      : open
        ? "Every factor share of your agency is withheld for this period: choose a year, or a longer period."
        : "Neither your agency's nor the reference's factor shares are released for this period.";
  return {
    id: "profile",
    title,
    units: "% of the period's reports citing each factor, dots with 95% intervals",
    layers: ["book"],
    allWithheld,
    chart: allWithheld
      ? null
      : {
          option: shareComparisonOption({
            rows: chartRows,
            aLabel: AGENCY_LABEL,
            bLabel: referenceLabel,
            aColor: seriesColors.agency,
            bColor: seriesColors.reference,
            description:
              `Share of reports citing each factor: your ` +
              `agency${referenceLabel ? ` and ${referenceLabel.toLowerCase()}` : ""} (${choiceLine(view)}).`,
          }),
          height: shareComparisonHeight(chartRows.length),
          label: title,
        },
    emptyChart: allWithheld ?? "",
    tables: [
      table({
        id: "profile",
        caption: title,
        columns: bookProfileColumns(open ? AGENCY_LABEL : null, referenceLabel),
        rows,
        rowId: (r) => r.key,
      }),
    ],
  };
}
