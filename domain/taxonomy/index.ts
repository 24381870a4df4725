// Browser-safe taxonomy access: code lists for zod enums, label lookups for display.
import {
  agencySizeBands,
  assignments,
  censusRegions,
  consentLevels,
  factorFamilies,
  factors,
  incidentTypes,
  lightConditions,
  lossPotentials,
  officerBands,
  serviceBands,
  timeBlocks,
  weatherConditions,
} from "./v1";

export * from "./v1";
export { states, censusRegionOf, type StateCode } from "./states";

type Coded = readonly { readonly code: string; readonly label: string }[];
type CodesOf<T extends Coded> = T[number]["code"];

/** The codes of a list as a non-empty tuple, ready for `z.enum`. */
export function codesOf<T extends Coded>(list: T): [CodesOf<T>, ...CodesOf<T>[]] {
  return list.map((item) => item.code) as [CodesOf<T>, ...CodesOf<T>[]];
}

function labeller<T extends Coded>(list: T) {
  const byCode = new Map<string, string>(list.map((item) => [item.code, item.label]));
  return (code: string | null | undefined): string => (code ? (byCode.get(code) ?? code) : "—");
}

export type LossPotentialCode = CodesOf<typeof lossPotentials>;
export type TimeBlockCode = CodesOf<typeof timeBlocks>;
export type LightCode = CodesOf<typeof lightConditions>;
export type WeatherCode = CodesOf<typeof weatherConditions>;
export type OfficerBandCode = CodesOf<typeof officerBands>;
export type AssignmentCode = CodesOf<typeof assignments>;
export type ServiceBandCode = CodesOf<typeof serviceBands>;
export type CensusRegionCode = CodesOf<typeof censusRegions>;
export type AgencySizeBandCode = CodesOf<typeof agencySizeBands>;
export type ConsentLevelCode = CodesOf<typeof consentLevels>;

export const labels = {
  factor: labeller(factors),
  factorFamily: labeller(factorFamilies),
  incidentType: labeller(incidentTypes),
  lossPotential: labeller(lossPotentials),
  timeBlock: labeller(timeBlocks),
  light: labeller(lightConditions),
  weather: labeller(weatherConditions),
  officerBand: labeller(officerBands),
  assignment: labeller(assignments),
  serviceBand: labeller(serviceBands),
  censusRegion: labeller(censusRegions),
  agencySizeBand: labeller(agencySizeBands),
  consentLevel: labeller(consentLevels),
};

const familyByFactor = new Map<string, string>(factors.map((f) => [f.code, f.family]));
export function familyOfFactor(code: string): string | undefined {
  return familyByFactor.get(code);
}

/** Reviewers pick one incident type and at most this many factors (docs/design.md §5). */
export const MAX_FACTORS_PER_REPORT = 5;
