import { isSuppressed } from "../../../../domain/figures";
import { shareComparisonHeight, shareComparisonOption } from "~/charts/share-comparison";
import type { AgencyBookView } from "../../agency-view-types";
import { type PanelModel, table } from "../../models/panel-model";
import { lossColumns, type LossRow } from "../columns";
import { bookPeriodText } from "../words";
import { AGENCY_LABEL, seriesColors } from "./labels";

/** How bad the agency's close calls could have been, next to the reference's mix. */
export function bookLossPanel(view: AgencyBookView): PanelModel {
  const { lossMix } = view;
  const referenceLabel = lossMix.reference ? view.profile.referenceLabel : null;
  const rows: LossRow[] = lossMix.categories.map((c, i) => ({
    code: c.code,
    label: c.label,
    aShare: lossMix.agency.shares[i] ?? null,
    aCount: lossMix.agency.counts[i] ?? null,
    bShare: lossMix.reference?.shares[i] ?? null,
    bCount: lossMix.reference?.counts[i] ?? null,
  }));
  const shown = (s: LossRow["aShare"]) => s !== null && !isSuppressed(s);
  const title = `How bad it could have been (loss potential), ${bookPeriodText(view.resolved.period)}`;
  const nothing = !rows.some((r) => shown(r.aShare) || shown(r.bShare));
  return {
    id: "loss",
    title,
    units: "% of the period's reports by loss potential, dots with 95% intervals",
    layers: ["book"],
    allWithheld: nothing ? "Every loss-potential share is withheld for this period." : null,
    chart: nothing
      ? null
      : {
          option: shareComparisonOption({
            rows: rows.map((r) => ({ key: r.code, label: r.label, a: r.aShare, b: r.bShare })),
            aLabel: AGENCY_LABEL,
            bLabel: referenceLabel,
            aColor: seriesColors.agency,
            bColor: seriesColors.reference,
            description:
              `How bad it could have been: share of reports by loss potential, your ` +
              `agency${referenceLabel ? ` and ${referenceLabel.toLowerCase()}` : ""}.`,
          }),
          height: shareComparisonHeight(rows.length),
          label: title,
        },
    emptyChart: "",
    tables: [
      table({
        id: "loss",
        caption: title,
        columns: lossColumns(AGENCY_LABEL, referenceLabel),
        rows,
        rowId: (r) => r.code,
      }),
    ],
  };
}
