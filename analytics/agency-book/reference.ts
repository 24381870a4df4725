// What an agency's figures are set against, from its book: the nation without the agency (its own
// released cells' complement) or one of its peer groups (other agencies of its size band or region).
import { labels } from "../../domain/taxonomy/index";
import type { Population } from "../release-book/book-layout";

export const references = ["national", "size", "region"] as const;
export type Reference = (typeof references)[number];

export const referencePopulation: Record<Reference, Population> = {
  national: "rest",
  size: "peer_size",
  region: "peer_region",
};

export function referenceLabel(reference: Reference, agency: { sizeBand: string; region: string }): string {
  if (reference === "national") return "National, excluding your agency";
  if (reference === "size") return `Other agencies of ${labels.agencySizeBand(agency.sizeBand)}`;
  return `Other agencies in the ${labels.censusRegion(agency.region)}`;
}
