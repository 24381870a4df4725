// One agency's book for one year: the year's released quarters (and the year itself once its fourth
// quarter has closed), with every cell's value, what its members already know, the public bounds and
// the relations that tie the cells together. Quarters of different years share no cell or relation,
// so a year is the unit the audit solves.
import type { SuppressionReason } from "../../domain/figures";
import { type Cells, emptyCells } from "./book-counts";
import {
  CELL,
  cellCount,
  cellLevel,
  MARGIN_CELLS,
  MATRIX_CELLS,
  periodRelations,
  type PeriodLabel,
  type Relation,
} from "./book-layout";

/** The populations the audit solves for; "rest" is the public national figure minus the agency's. */
export const auditedPopulations = ["agency", "peer_size", "peer_region"] as const;
export type AuditedPopulation = (typeof auditedPopulations)[number];

/** null: released. */
export type Status = SuppressionReason | null;

export interface PeriodData {
  period: PeriodLabel;
  /** Released earlier: its statuses are fixed (members have seen them). */
  frozen: boolean;
  agency: Cells;
  /** The agency's shared reports (its members can read them) within `agency`. */
  shared: Cells;
  peerSize: Cells;
  peerRegion: Cells;
  /** Public: every published report, nationally and in the agency's census region. */
  national: Cells;
  regional: Cells;
  /** Published reports in the region linked to no agency (officers chose "national only"). */
  regionalUnlinked: Cells;
  /** docs/design.md §6.1 minimums; `matrix`: the year's incident type × factor table is in the book. */
  gates: { agency: boolean; peerSize: boolean; peerRegion: boolean; matrix: boolean };
  /** Reports the agency needs in a period for its own tables (a closed table says it has fewer). */
  agencyMinimum: number;
  /** For frozen periods: the statuses as released. */
  status?: Record<AuditedPopulation, Status[]>;
}

/** A cell of the group: period position, population, cell position. */
export interface CellRef {
  period: number;
  population: AuditedPopulation;
  cell: number;
}

const OFFSET: Record<AuditedPopulation, number> = {
  agency: 0,
  peer_size: MATRIX_CELLS,
  peer_region: MATRIX_CELLS + MARGIN_CELLS,
};
export const STRIDE = MATRIX_CELLS + 2 * MARGIN_CELLS;

export function cellId(ref: CellRef): number {
  return ref.period * STRIDE + OFFSET[ref.population] + ref.cell;
}

export function refOf(id: number): CellRef {
  const period = Math.floor(id / STRIDE);
  const rest = id % STRIDE;
  if (rest < MATRIX_CELLS) return { period, population: "agency", cell: rest };
  if (rest < MATRIX_CELLS + MARGIN_CELLS) return { period, population: "peer_size", cell: rest - MATRIX_CELLS };
  return { period, population: "peer_region", cell: rest - MATRIX_CELLS - MARGIN_CELLS };
}

/**
 * How a relation reads an agency cell: as counted (shared + count-only), its count-only part alone, or
 * the rest of the nation (national − counted). Each is a set of published reports, so every written-down
 * relation holds for each; peer cells are read as they are.
 */
export type Form = "counted" | "countOnly" | "rest" | "peer";

/** lower ≤ Σ coef · (the cell read in its form) ≤ upper. */
export interface GroupRelation {
  terms: { id: number; coef: number; form: Form }[];
  lower: number;
  upper: number;
  /** The period whose minimum this relation states (it is part of that period's release). */
  closes?: number;
}

const periodRelationCache = new Map<boolean, Relation[]>();
function relationsOf(withMatrix: boolean): Relation[] {
  let r = periodRelationCache.get(withMatrix);
  if (!r) periodRelationCache.set(withMatrix, (r = periodRelations(withMatrix)));
  return r;
}

/** Cells of a population in a period of the group. */
export function cellsIn(data: PeriodData, population: AuditedPopulation): number {
  return cellCount(population === "agency" ? "agency" : population, data.period, data.gates.matrix);
}

/** The unknown an attacker solves for: the count-only part of an agency cell, the whole peer cell. */
export function unknownOf(data: PeriodData, population: AuditedPopulation, cell: number): number {
  if (population === "agency") return data.agency[cell]! - data.shared[cell]!;
  return (population === "peer_size" ? data.peerSize : data.peerRegion)[cell]!;
}

/** What is known of a cell before anything is released: its shared part, and its public upper bound. */
export function knownOf(
  data: PeriodData,
  population: AuditedPopulation,
  cell: number,
): { shared: number; upper: number } {
  const shared = data.shared[cell]!;
  // Agency and regional peers are among the region's reports, size-band peers among the nation's; the
  // agency's shared reports are in neither peer group.
  const pool = population === "peer_size" ? data.national[cell]! : data.regional[cell]!;
  return { shared: population === "agency" ? shared : 0, upper: Math.max(0, pool - shared) };
}

/**
 * Every relation of the group. Per period, the written-down relations hold for the agency's count-only
 * reports (members read the shared ones: what is left is a set of reports), for the rest of the nation
 * and for each peer group; a year's count-only cells are the sums of its quarters'; the agency and a peer
 * group stay within the public figures (agency + regional peers ≤ the region's reports, agency +
 * size-band peers ≤ the nation's, size-band peers in the region ⊆ regional peers); and a table closed by
 * the minimum says the agency has fewer reports than it needs.
 */
export function groupRelations(periods: readonly PeriodData[]): GroupRelation[] {
  return [...structuralRelations(periods), ...dataRelations(periods)];
}

// The relations that do not depend on the data, by the group's shape (which periods, with or without
// the matrix): the same for most agencies, built once.
const structural = new Map<string, GroupRelation[]>();

function structuralRelations(periods: readonly PeriodData[]): GroupRelation[] {
  const shape = periods.map((d) => `${d.period}:${cellsIn(d, "agency")}:${cellsIn(d, "peer_size")}`).join("|");
  const cached = structural.get(shape);
  if (cached) return cached;
  const out: GroupRelation[] = [];
  periods.forEach((data, p) => {
    const agencyMatrix = cellsIn(data, "agency") > MARGIN_CELLS;
    for (const form of ["countOnly", "rest"] as const) {
      for (const r of relationsOf(agencyMatrix)) {
        out.push({
          terms: r.terms.map((t) => ({
            id: cellId({ period: p, population: "agency", cell: t.cell }),
            coef: t.coef,
            form,
          })),
          lower: r.lower,
          upper: r.upper,
        });
      }
    }
    for (const population of ["peer_size", "peer_region"] as const) {
      if (cellsIn(data, population) === 0) continue;
      for (const r of relationsOf(false)) {
        out.push({
          terms: r.terms.map((t) => ({
            id: cellId({ period: p, population, cell: t.cell }),
            coef: t.coef,
            form: "peer" as const,
          })),
          lower: r.lower,
          upper: r.upper,
        });
      }
    }
  });
  const year = periods.findIndex((d) => !d.period.includes("Q"));
  if (year >= 0) {
    const quarters = periods.map((d, p) => (d.period.includes("Q") ? p : -1)).filter((p) => p >= 0);
    // The agency's year margins are the sums of its quarters' (quarters have no matrix, peers no quarters).
    for (let x = 0; x < MARGIN_CELLS; x++) {
      out.push({
        terms: [
          { id: cellId({ period: year, population: "agency", cell: x }), coef: 1, form: "countOnly" },
          ...quarters.map((q) => ({
            id: cellId({ period: q, population: "agency", cell: x }),
            coef: -1,
            form: "countOnly" as const,
          })),
        ],
        lower: 0,
        upper: 0,
      });
    }
  }
  if (structural.size > 64) structural.clear();
  structural.set(shape, out);
  return out;
}

/** Relations whose bounds are public figures or the minimum. */
function dataRelations(periods: readonly PeriodData[]): GroupRelation[] {
  const out: GroupRelation[] = [];
  periods.forEach((data, p) => {
    if (!data.gates.agency) {
      // A table closed by the minimum tells members the agency has fewer count-only reports than it.
      out.push({
        terms: [{ id: cellId({ period: p, population: "agency", cell: CELL.total }), coef: 1, form: "countOnly" }],
        lower: -Infinity,
        upper: data.agencyMinimum - 1,
        closes: p,
      });
    }
    if (cellsIn(data, "peer_size") === 0) return;
    for (let x = 0; x < MARGIN_CELLS; x++) {
      const a = { id: cellId({ period: p, population: "agency", cell: x }), coef: 1, form: "counted" as const };
      const s = cellId({ period: p, population: "peer_size", cell: x });
      const g = cellId({ period: p, population: "peer_region", cell: x });
      out.push({ terms: [a, { id: g, coef: 1, form: "peer" }], lower: -Infinity, upper: data.regional[x]! });
      out.push({ terms: [a, { id: s, coef: 1, form: "peer" }], lower: -Infinity, upper: data.national[x]! });
      out.push({
        terms: [
          { id: s, coef: 1, form: "peer" },
          { id: g, coef: -1, form: "peer" },
        ],
        lower: -Infinity,
        upper: data.national[x]! - data.regional[x]!,
      });
    }
  });
  return out;
}

/** Σ of cells over periods (a year from its quarters). */
export function sumCells(list: readonly Cells[]): Cells {
  const out = emptyCells();
  for (const cells of list) cells.forEach((v, i) => (out[i]! += v));
  return out;
}

/**
 * Complement cost, cheapest first: peer cells before the agency's own (the commander's figures matter
 * most); totals last (a total carries every share of its period); quarters before years (the year's
 * figures carry the trends); the lowest table first (type × factor, then margins); then the smallest
 * unknown (a withheld zero loses least).
 */
export function complementCost(data: PeriodData, ref: CellRef): number[] {
  const unknown = unknownOf(data, ref.population, ref.cell);
  return [
    ref.population === "agency" ? 1 : 0,
    ref.cell === CELL.total ? 1 : 0,
    data.period.includes("Q") ? 0 : 1,
    cellLevel(ref.cell),
    unknown,
    ref.cell,
  ];
}

export { CELL };
