// US states and DC with their census region (published) and 2020 population in millions
// (used only to weight the synthetic dataset). State itself is a protected field (docs/design.md §6).
import type { CensusRegionCode } from "./index";

export const states = [
  { code: "AL", name: "Alabama", region: "south", pop: 5.0 },
  { code: "AK", name: "Alaska", region: "west", pop: 0.7 },
  { code: "AZ", name: "Arizona", region: "west", pop: 7.2 },
  { code: "AR", name: "Arkansas", region: "south", pop: 3.0 },
  { code: "CA", name: "California", region: "west", pop: 39.5 },
  { code: "CO", name: "Colorado", region: "west", pop: 5.8 },
  { code: "CT", name: "Connecticut", region: "northeast", pop: 3.6 },
  { code: "DE", name: "Delaware", region: "south", pop: 1.0 },
  { code: "DC", name: "District of Columbia", region: "south", pop: 0.7 },
  { code: "FL", name: "Florida", region: "south", pop: 21.5 },
  { code: "GA", name: "Georgia", region: "south", pop: 10.7 },
  { code: "HI", name: "Hawaii", region: "west", pop: 1.5 },
  { code: "ID", name: "Idaho", region: "west", pop: 1.8 },
  { code: "IL", name: "Illinois", region: "midwest", pop: 12.8 },
  { code: "IN", name: "Indiana", region: "midwest", pop: 6.8 },
  { code: "IA", name: "Iowa", region: "midwest", pop: 3.2 },
  { code: "KS", name: "Kansas", region: "midwest", pop: 2.9 },
  { code: "KY", name: "Kentucky", region: "south", pop: 4.5 },
  { code: "LA", name: "Louisiana", region: "south", pop: 4.7 },
  { code: "ME", name: "Maine", region: "northeast", pop: 1.4 },
  { code: "MD", name: "Maryland", region: "south", pop: 6.2 },
  { code: "MA", name: "Massachusetts", region: "northeast", pop: 7.0 },
  { code: "MI", name: "Michigan", region: "midwest", pop: 10.1 },
  { code: "MN", name: "Minnesota", region: "midwest", pop: 5.7 },
  { code: "MS", name: "Mississippi", region: "south", pop: 3.0 },
  { code: "MO", name: "Missouri", region: "midwest", pop: 6.2 },
  { code: "MT", name: "Montana", region: "west", pop: 1.1 },
  { code: "NE", name: "Nebraska", region: "midwest", pop: 2.0 },
  { code: "NV", name: "Nevada", region: "west", pop: 3.1 },
  { code: "NH", name: "New Hampshire", region: "northeast", pop: 1.4 },
  { code: "NJ", name: "New Jersey", region: "northeast", pop: 9.3 },
  { code: "NM", name: "New Mexico", region: "west", pop: 2.1 },
  { code: "NY", name: "New York", region: "northeast", pop: 20.2 },
  { code: "NC", name: "North Carolina", region: "south", pop: 10.4 },
  { code: "ND", name: "North Dakota", region: "midwest", pop: 0.8 },
  { code: "OH", name: "Ohio", region: "midwest", pop: 11.8 },
  { code: "OK", name: "Oklahoma", region: "south", pop: 4.0 },
  { code: "OR", name: "Oregon", region: "west", pop: 4.2 },
  { code: "PA", name: "Pennsylvania", region: "northeast", pop: 13.0 },
  { code: "RI", name: "Rhode Island", region: "northeast", pop: 1.1 },
  { code: "SC", name: "South Carolina", region: "south", pop: 5.1 },
  { code: "SD", name: "South Dakota", region: "midwest", pop: 0.9 },
  { code: "TN", name: "Tennessee", region: "south", pop: 6.9 },
  { code: "TX", name: "Texas", region: "south", pop: 29.1 },
  { code: "UT", name: "Utah", region: "west", pop: 3.3 },
  { code: "VT", name: "Vermont", region: "northeast", pop: 0.6 },
  { code: "VA", name: "Virginia", region: "south", pop: 8.6 },
  { code: "WA", name: "Washington", region: "west", pop: 7.7 },
  { code: "WV", name: "West Virginia", region: "south", pop: 1.8 },
  { code: "WI", name: "Wisconsin", region: "midwest", pop: 5.9 },
  { code: "WY", name: "Wyoming", region: "west", pop: 0.6 },
] as const satisfies readonly { code: string; name: string; region: CensusRegionCode; pop: number }[];

export type StateCode = (typeof states)[number]["code"];

const regionByState = new Map<string, CensusRegionCode>(states.map((s) => [s.code, s.region]));

export function censusRegionOf(state: string): CensusRegionCode {
  const region = regionByState.get(state);
  if (!region) throw new Error(`Unknown state code: ${state}`);
  return region;
}
