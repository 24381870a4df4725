// The release book's structural promises (docs/design.md §6.1), checked cell by cell against the truth counted
// by the tests' own SQL: which tables exist, that released cells are true, that what members cannot
// already see is released only as 0 or ≥ k, that the minimums close whole tables, and that nothing
// released changes afterwards.
import type { StoredTable } from "../../analytics/release-book/book-store";
import type { AgencyTruth } from "./book-truth";
import { marginNames, matrixNames, namesOf } from "./book-attacker";

export interface BookRules {
  k: number;
  agencyMinReports: number;
}

/** A peer group is shown with at least this many other agencies (docs/design.md §6.1). */
const PEER_MIN_OTHER_AGENCIES = 3;
/** The type × factor table is in a year's book from this many linked reports per unit of k (the book's layout). */
const MATRIX_REPORTS_PER_K = 20;

const quarterIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(-1)) - 1;
const quarterLabel = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/** The periods the book holds after releasing `first`..`last`: each quarter, each year whose four quarters it has. */
export function expectedPeriods(first: string, last: string): { quarters: string[]; years: string[] } {
  const quarters: string[] = [];
  for (let i = quarterIndex(first); i <= quarterIndex(last); i++) quarters.push(quarterLabel(i));
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))].filter((y) =>
    [1, 2, 3, 4].every((n) => quarters.includes(`${y}-Q${n}`)),
  );
  return { quarters, years };
}

/** Every broken promise of one agency's book, as readable lines (empty: none). */
export function structuralViolations(
  tables: readonly StoredTable[],
  truth: AgencyTruth,
  rules: BookRules,
  span: { first: string; last: string },
): string[] {
  const out: string[] = [];
  const { k } = rules;
  // docs/design.md §6.1's minimum, counted on what members cannot read (the count-only reports), and above k.
  const minimum = Math.max(rules.agencyMinReports, k + 1);
  const seen = new Set<string>();
  for (const t of tables) {
    const key = `${t.period}|${t.population}`;
    if (seen.has(key)) out.push(`${key}: stored twice`);
    seen.add(key);
  }
  const { quarters, years } = expectedPeriods(span.first, span.last);
  const expected = new Set([
    ...[...quarters, ...years].flatMap((p) => [`${p}|agency`, `${p}|rest`]),
    ...years.flatMap((y) => [`${y}|peer_size`, `${y}|peer_region`]),
  ]);
  for (const key of expected) if (!seen.has(key)) out.push(`${key}: missing from the book`);
  for (const key of seen) if (!expected.has(key)) out.push(`${key}: not a table of the book`);

  const byKey = new Map(tables.map((t) => [`${t.period}|${t.population}`, t]));
  for (const t of tables) {
    const where = `${t.period} ${t.population}`;
    const names = namesOf(t);
    const cell = (x: string, population: Parameters<AgencyTruth["cell"]>[1]) => truth.cell(t.period, population, x);
    const isYear = !t.period.includes("Q");
    if (t.population === "agency" || t.population === "rest") {
      const linked = cell("n", "agency");
      const countOnlyTotal = linked - cell("n", "shared");
      const withMatrix = isYear && countOnlyTotal >= minimum && linked >= MATRIX_REPORTS_PER_K * k;
      const length = withMatrix ? marginNames.length + matrixNames.length : marginNames.length;
      if (t.cells.length !== length)
        out.push(`${where}: ${t.cells.length} cells, expected ${length} (${linked} linked reports)`);
      if (t.population === "agency" && countOnlyTotal < minimum) {
        const open = t.cells.filter((c) => c !== "agency_minimum");
        if (open.length)
          out.push(
            `${where}: ${countOnlyTotal} count-only reports (< ${minimum}) but ${open.length} cell(s) not ` +
              `withheld as agency_minimum: ${JSON.stringify(open.slice(0, 3))}`,
          );
      }
      const other = byKey.get(`${t.period}|${t.population === "agency" ? "rest" : "agency"}`);
      names.forEach((x, i) => {
        const value = t.cells[i]!;
        const agency = cell(x, "agency");
        const shared = cell(x, "shared");
        if (other && typeof other.cells[i] !== typeof value)
          out.push(`${where} ${x}: released in one of agency / rest and withheld in the other`);
        if (typeof value !== "number") return;
        const truthValue = t.population === "agency" ? agency : cell(x, "national") - agency;
        if (value !== truthValue) out.push(`${where} ${x}: released ${value}, the reports give ${truthValue}`);
        const countOnly = agency - shared;
        if (countOnly > 0 && countOnly < k)
          out.push(`${where} ${x}: released with a count-only part of ${countOnly} (1..${k - 1})`);
      });
    } else {
      const population = t.population;
      if (!isYear) out.push(`${where}: peer tables are by year only`);
      if (t.cells.length !== marginNames.length)
        out.push(`${where}: ${t.cells.length} cells, expected ${marginNames.length}`);
      const group = population === "peer_size" ? "size" : "region";
      const others = truth.peerAgencies(t.period, group);
      const reports = cell("n", population);
      const gate = others >= PEER_MIN_OTHER_AGENCIES && reports >= k;
      if (!gate) {
        const open = t.cells.filter((c) => c !== "peer_group_too_small");
        if (open.length)
          out.push(
            `${where}: ${others} other agencies and ${reports} reports (gate closed) but ${open.length} cell(s) shown`,
          );
      }
      names.forEach((x, i) => {
        const value = t.cells[i]!;
        if (typeof value !== "number") return;
        const truthValue = cell(x, population);
        if (value !== truthValue) out.push(`${where} ${x}: released ${value}, the reports give ${truthValue}`);
        if (value > 0 && value < k) out.push(`${where} ${x}: released ${value} (1..${k - 1})`);
      });
    }
  }
  return out;
}

/** A snapshot of every agency's book: table key → its cells as stored. */
export type BookSnapshot = Map<string, Map<string, string>>;

export function snapshotOf(books: Map<string, readonly StoredTable[]>): BookSnapshot {
  return new Map(
    [...books].map(([agency, tables]) => [
      agency,
      new Map(tables.map((t) => [`${t.period}|${t.population}`, JSON.stringify(t.cells)])),
    ]),
  );
}

/** Tables of an earlier snapshot that a later one lacks or holds differently (frozen: never recomputed). */
export function frozenViolations(before: BookSnapshot, after: BookSnapshot, label: string): string[] {
  const out: string[] = [];
  for (const [agency, tables] of before) {
    const later = after.get(agency);
    for (const [key, cells] of tables) {
      const now = later?.get(key);
      if (now === undefined) out.push(`${label}: agency ${agency} ${key} disappeared`);
      else if (now !== cells) out.push(`${label}: agency ${agency} ${key} changed after release`);
    }
  }
  return out;
}
