// Who each series is, and its colour, the same on every panel of the agency page, open or below the
// minimum (colours swapped meaning when the agency was closed). Browser-safe.
import { colors } from "~/charts/palette";

export const AGENCY_LABEL = "Your agency";
export const SHARED_LABEL = "Reports shared with your agency";
export const NATION_WITHOUT_SHARED = "The nation without them";

export const seriesColors = {
  /** The agency's own figures (all reports counted toward it). */
  agency: colors.blue,
  /** Whatever it is compared with: the nation without it, or a peer group. */
  reference: colors.orange,
  /** The reports shared with the agency (the free layer). */
  shared: colors.green,
} as const;
