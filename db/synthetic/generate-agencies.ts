import type { AgencySizeBandCode } from "../../domain/taxonomy/index";
import { censusRegionOf, states } from "../../domain/taxonomy/states";
import type { Rng } from "./random";

export interface SyntheticAgency {
  id: string;
  name: string;
  state: string;
  censusRegion: string;
  sizeBand: AgencySizeBandCode;
  sworn: number;
  /** Relative share of the national report volume this agency's officers send. */
  reportWeight: number;
}

/** Fixed agencies the demo accounts belong to; the first two are large, the third small (below the minimum). */
export const DEMO_AGENCIES = [
  { key: "metro", name: "Metro City Police Department", state: "IL", sworn: 9200, share: 0.12 },
  { key: "harbor", name: "Harbor County Sheriff's Office", state: "FL", sworn: 3100, share: 0.06 },
  { key: "pinehollow", name: "Pine Hollow Police Department", state: "VT", sworn: 14, share: 0.0004 },
] as const;

export type DemoAgencyKey = (typeof DEMO_AGENCIES)[number]["key"];

const PREFIXES = [
  "Cedar",
  "Maple",
  "Pine",
  "Oak",
  "River",
  "Lake",
  "Spring",
  "Green",
  "Fair",
  "Clear",
  "Mill",
  "Stone",
  "Brook",
  "Ash",
  "Elm",
  "Willow",
  "Red",
  "White",
  "North",
  "East",
  "West",
  "South",
  "New",
  "Fort",
  "Port",
  "Mount",
  "Glen",
  "Rock",
  "Bay",
  "Hill",
  "Silver",
  "Iron",
  "Copper",
  "Sand",
  "Salt",
  "Bear",
  "Wolf",
  "Eagle",
  "Hawk",
  "Fox",
  "Deer",
  "Cold",
  "Long",
  "High",
  "Black",
  "Grand",
  "Rose",
  "Wheat",
  "Prairie",
  "Summit",
];
const SUFFIXES = [
  "ville",
  "ton",
  "field",
  "ford",
  "wood",
  "dale",
  "port",
  "burg",
  "view",
  "haven",
  " Creek",
  " Ridge",
  " Springs",
  " Falls",
  "crest",
  "land",
  "mont",
  "stead",
  " Junction",
  " Valley",
];

function sizeBandOf(sworn: number): AgencySizeBandCode {
  if (sworn >= 500) return "500+";
  if (sworn >= 100) return "100-499";
  if (sworn >= 25) return "25-99";
  return "1-24";
}

function swornFor(rng: Rng): number {
  // Most agencies are small; a few are very large (roughly the national shape, shifted toward
  // the larger agencies that join partnership programmes).
  const band = rng.weightedIndex([52, 31, 13, 4]);
  const [lo, hi] = [
    [3, 24],
    [25, 99],
    [100, 499],
    [500, 6000],
  ][band] as [number, number];
  return Math.round(Math.exp(Math.log(lo) + rng.float() * (Math.log(hi) - Math.log(lo))));
}

function agencyName(rng: Rng, place: string, sworn: number): string {
  const kind = rng.weightedIndex([68, 22, 4, 3, 3]);
  if (kind === 1) return `${place} County Sheriff's Office`;
  if (kind === 2 && sworn >= 25) return `${place} University Police Department`;
  if (kind === 3 && sworn >= 100) return `${place} Transit Police`;
  return `${place} Police Department`;
}

export function generateAgencies(rng: Rng, count: number): SyntheticAgency[] {
  const stateWeights = states.map((s) => s.pop);
  const agencies: SyntheticAgency[] = [];
  const used = new Set<string>(DEMO_AGENCIES.map((a) => `${a.name}|${a.state}`));
  for (let i = 0; agencies.length < count - DEMO_AGENCIES.length; i++) {
    const state = rng.weighted(states, stateWeights).code;
    const sworn = swornFor(rng);
    const place = `${rng.pick(PREFIXES)}${rng.pick(SUFFIXES)}`;
    const name = agencyName(rng, place, sworn);
    if (used.has(`${name}|${state}`)) continue;
    used.add(`${name}|${state}`);
    // Engagement varies: some agencies' officers report much more than others of the same size.
    const engagement = Math.exp(0.6 * rng.normal());
    agencies.push({
      id: rng.uuid(),
      name,
      state,
      censusRegion: censusRegionOf(state),
      sizeBand: sizeBandOf(sworn),
      sworn,
      reportWeight: sworn * engagement,
    });
  }
  const othersWeight = agencies.reduce((sum, a) => sum + a.reportWeight, 0);
  const demoShare = DEMO_AGENCIES.reduce((sum, a) => sum + a.share, 0);
  for (const demo of DEMO_AGENCIES) {
    agencies.push({
      id: rng.uuid(),
      name: demo.name,
      state: demo.state,
      censusRegion: censusRegionOf(demo.state),
      sizeBand: sizeBandOf(demo.sworn),
      sworn: demo.sworn,
      reportWeight: (othersWeight * demo.share) / (1 - demoShare),
    });
  }
  return agencies;
}
