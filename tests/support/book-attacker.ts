// The attacker of docs/design.md §6.1 against a stored release book: a member of agency A who has read every
// released cell of A's book, knows the public national and regional figures of the same cells (every
// published report's region, quarter of publication, type, factors and loss are in the library), reads
// A's shared reports, and knows the relations that hold for any set of reports. Unknowns: the part of
// each of A's cells its members cannot see (the count-only reports) and its peer groups' cells; each
// released cell is an equation. Written from the design, apart from the book's own auditor
// (analytics/release-book/audit.ts, year-group.ts), so that a mistake there is not repeated here.
import { cellKey } from "../../analytics/release-book/book-layout";
import type { StoredTable } from "../../analytics/release-book/book-store";
import { factors, incidentTypes, lossPotentials, MAX_FACTORS_PER_REPORT } from "../../domain/taxonomy/index";
import type { AgencyTruth } from "./book-truth";
import { type Expression, type Knowledge, narrowTargets, PreparedProblem, type RangeTarget } from "./lp-attacker";

const types = incidentTypes.map((t) => t.code as string);
const factorCodes = factors.map((f) => f.code as string);
const losses = lossPotentials.map((l) => l.code as string);

/** The book's margins and its incident type × factor cells, by name (cellKey is the storage contract). */
export const marginNames = [
  "n",
  ...types.map((t) => `i:${t}`),
  ...factorCodes.map((f) => `f:${f}`),
  ...losses.map((l) => `l:${l}`),
];
export const matrixNames = types.flatMap((t) => factorCodes.map((f) => `if:${t}:${f}`));

/** The stored tables' positions as names: a table of 60 cells has the margins, one of 726 the matrix too. */
export function namesOf(table: StoredTable): string[] {
  return table.cells.map((_, i) => cellKey(i));
}

/** lower ≤ Σ terms + constant ≤ upper. */
interface Affine {
  terms: Expression;
  constant: number;
}
const affine = (terms: [number, number][] = [], constant = 0): Affine => ({ terms: new Map(terms), constant });
function combine(parts: [number, Affine][]): Affine {
  const out = affine();
  for (const [c, a] of parts) {
    out.constant += c * a.constant;
    for (const [v, k] of a.terms) out.terms.set(v, (out.terms.get(v) ?? 0) + c * k);
  }
  return out;
}

interface Relation {
  expression: Affine;
  lower: number;
  upper: number;
  label: string;
  /** Released with this table (a closed table's minimum); otherwise known to anyone. */
  table?: string;
}

/**
 * What holds for any set of published reports (each has one incident type and one loss potential and
 * cites one to five factors), over the set's cells as affine expressions: total = Σ types = Σ losses;
 * each factor ≤ total; total ≤ Σ factors ≤ 5·total; and with the matrix, factor = Σ over types of
 * (type, factor), (type, factor) ≤ type, type ≤ Σ of its row ≤ 5·type.
 */
function setRelations(cell: (name: string) => Affine, withMatrix: boolean, label: string): Relation[] {
  const out: Relation[] = [];
  const rel = (parts: [number, string][], lower: number, upper: number, what: string) =>
    out.push({
      expression: combine(parts.map(([c, name]) => [c, cell(name)])),
      lower,
      upper,
      label: `${label} ${what}`,
    });
  const MAX = MAX_FACTORS_PER_REPORT;
  rel([[1, "n"], ...types.map((t): [number, string] => [-1, `i:${t}`])], 0, 0, "total = Σ types");
  rel([[1, "n"], ...losses.map((l): [number, string] => [-1, `l:${l}`])], 0, 0, "total = Σ losses");
  const factorSum = factorCodes.map((f): [number, string] => [1, `f:${f}`]);
  rel([...factorSum, [-1, "n"]], 0, Infinity, "Σ factors ≥ total");
  rel([...factorSum, [-MAX, "n"]], -Infinity, 0, "Σ factors ≤ 5·total");
  for (const f of factorCodes)
    rel(
      [
        [1, `f:${f}`],
        [-1, "n"],
      ],
      -Infinity,
      0,
      `f:${f} ≤ total`,
    );
  if (!withMatrix) return out;
  for (const f of factorCodes)
    rel([[1, `f:${f}`], ...types.map((t): [number, string] => [-1, `if:${t}:${f}`])], 0, 0, `f:${f} = Σ types`);
  for (const t of types) {
    const row = factorCodes.map((f): [number, string] => [1, `if:${t}:${f}`]);
    rel([...row, [-1, `i:${t}`]], 0, Infinity, `i:${t} ≤ Σ row`);
    rel([...row, [-MAX, `i:${t}`]], -Infinity, 0, `Σ row ≤ 5·i:${t}`);
    for (const f of factorCodes)
      rel(
        [
          [1, `if:${t}:${f}`],
          [-1, `i:${t}`],
        ],
        -Infinity,
        0,
        `if:${t}:${f} ≤ i:${t}`,
      );
  }
  return out;
}

export interface AttackOptions {
  k: number;
  /** docs/design.md §6.1's minimum: a table closed by it says the agency has fewer count-only reports. */
  agencyMinReports?: number;
  /**
   * Which release each table came in (period|population → order): a withheld cell must be no narrower
   * than k, or than it already was before its own release (public figures and the earlier releases).
   * Without it, every table counts as one release.
   */
  releases?: Map<string, number>;
  /**
   * Also solve for the year's incident type × factor cells of A and the rest of the nation when the
   * book does not have them (they exist for any data, and the public library gives their regional
   * counts): a stronger attacker than the design's, used to probe the auditor's model.
   */
  latentMatrix?: boolean;
  /**
   * Which sets of reports the relations are applied to besides A's reports and its peer groups (all on
   * by default: each is a set of published reports). The book's auditor applies them to A's reports as
   * counted (shared + count-only) and to the peers only; turning these off gives that weaker attacker,
   * to tell which knowledge pins a cell — never to pass the test.
   */
  sets?: {
    /** A's count-only reports alone: members read the shared ones, so what is left is a set of reports. */
    countOnly: boolean;
    /** The rest of the nation (the public national figures less A's reports). */
    rest: boolean;
  };
}

export interface PinnedCell {
  period: string;
  population: "agency" | "rest" | "peer_size" | "peer_region";
  cell: string;
  min: number;
  max: number;
  /** The unknown's true value (for the agency and the rest: the count-only part). */
  truth: number;
  /** The range the public figures alone allow: its box, and the LP over public figures and relations. */
  priorBox: number;
  priorLp: number;
}

export interface AttackResult {
  pinned: PinnedCell[];
  /** Withheld cells solved for, and linear programs solved. */
  targets: number;
  solves: number;
}

const quartersOf = (year: number) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`);

/**
 * One year of the agency's book (years share no cell and no relation): the unknowns, the relations,
 * the equations of the released cells, and the withheld cells as targets.
 */
function yearModel(year: number, tables: readonly StoredTable[], truth: AgencyTruth, options: AttackOptions) {
  const Y = String(year);
  const quarters = quartersOf(year);
  const inYear = tables.filter((t) => t.period === Y || quarters.includes(t.period));
  const yearTables = inYear.filter((t) => t.period === Y);
  const matrix =
    options.latentMatrix ||
    yearTables.some(
      (t) => (t.population === "agency" || t.population === "rest") && t.cells.length > marginNames.length,
    );
  const peers = yearTables.some((t) => t.population === "peer_size" || t.population === "peer_region");

  const lower: number[] = [];
  const upper: number[] = [];
  const truthPoint: number[] = [];
  const names: string[] = [];
  const variable = (name: string, box: number, value: number) => {
    names.push(name);
    lower.push(0);
    upper.push(Math.max(0, box));
    truthPoint.push(value);
    return names.length - 1;
  };
  const t = (period: string, population: Parameters<AgencyTruth["cell"]>[1], cell: string) =>
    truth.cell(period, population, cell);
  const countOnly = (period: string, cell: string) => t(period, "agency", cell) - t(period, "shared", cell);

  // A's count-only reports: per quarter (all four, released or not: they exist either way), the year's
  // margins as their sum, the year's matrix on its own. Box: the region's reports less A's shared ones.
  const cVar = new Map<string, number>();
  for (const q of quarters) {
    for (const x of marginNames)
      cVar.set(`${q}|${x}`, variable(`c ${q} ${x}`, t(q, "regional", x) - t(q, "shared", x), countOnly(q, x)));
  }
  if (matrix)
    for (const x of matrixNames)
      cVar.set(`${Y}|${x}`, variable(`c ${Y} ${x}`, t(Y, "regional", x) - t(Y, "shared", x), countOnly(Y, x)));
  const C = (period: string, x: string): Affine => {
    const v = cVar.get(`${period}|${x}`);
    if (v !== undefined) return affine([[v, 1]]);
    if (period !== Y || x.startsWith("if:")) throw new Error(`No unknown for ${period} ${x}`);
    return affine(quarters.map((q) => [cVar.get(`${q}|${x}`)!, 1]));
  };
  // The rest of the nation: the public national figure less A's (shared and count-only).
  const rest = (period: string, x: string): Affine =>
    combine([
      [1, affine([], t(period, "national", x) - t(period, "shared", x))],
      [-1, C(period, x)],
    ]);
  // Peer groups (by year): regional peers among the region's reports not A's, size-band peers among the nation's.
  const gVar = new Map<string, number>();
  const bVar = new Map<string, number>();
  if (peers) {
    for (const x of marginNames) {
      gVar.set(x, variable(`peer_region ${Y} ${x}`, t(Y, "regional", x) - t(Y, "shared", x), t(Y, "peer_region", x)));
      bVar.set(x, variable(`peer_size ${Y} ${x}`, t(Y, "national", x) - t(Y, "shared", x), t(Y, "peer_size", x)));
    }
  }
  const G = (x: string) => affine([[gVar.get(x)!, 1]]);
  const B = (x: string) => affine([[bVar.get(x)!, 1]]);

  const relations: Relation[] = [];
  const sets = options.sets ?? { countOnly: true, rest: true };
  // A's reports (shared + count-only), its count-only ones, the rest of the nation: each a set of reports.
  const A = (period: string) => (x: string) =>
    combine([
      [1, affine([], t(period, "shared", x))],
      [1, C(period, x)],
    ]);
  for (const p of [...quarters, Y]) {
    const withMatrix = p === Y && matrix;
    relations.push(...setRelations(A(p), withMatrix, `${p} agency`));
    if (sets.countOnly) relations.push(...setRelations((x) => C(p, x), withMatrix, `${p} count-only`));
    if (sets.rest) relations.push(...setRelations((x) => rest(p, x), withMatrix, `${p} rest`));
  }
  if (peers) {
    relations.push(...setRelations(G, false, `${Y} peer_region`), ...setRelations(B, false, `${Y} peer_size`));
    for (const x of marginNames) {
      const S = affine([], t(Y, "shared", x));
      // A's reports and its regional peers are disjoint sets of the region's reports; A's and its
      // size-band peers, of the nation's; size-band peers outside the region are outside it.
      relations.push({
        expression: combine([
          [1, S],
          [1, C(Y, x)],
          [1, G(x)],
        ]),
        lower: -Infinity,
        upper: t(Y, "regional", x),
        label: `${Y} A + regional peers ≤ region ${x}`,
      });
      relations.push({
        expression: combine([
          [1, S],
          [1, C(Y, x)],
          [1, B(x)],
        ]),
        lower: -Infinity,
        upper: t(Y, "national", x),
        label: `${Y} A + size-band peers ≤ nation ${x}`,
      });
      relations.push({
        expression: combine([
          [1, B(x)],
          [-1, G(x)],
        ]),
        lower: -Infinity,
        upper: t(Y, "national", x) - t(Y, "regional", x),
        label: `${Y} size-band − regional peers ≤ nation − region ${x}`,
      });
    }
  }

  // A table closed by the minimum: fewer count-only reports than the minimum (k + 1 at least).
  if (options.agencyMinReports !== undefined) {
    const minimum = Math.max(options.agencyMinReports, options.k + 1);
    for (const table of inYear) {
      if (table.population !== "agency" || !table.cells.every((c) => c === "agency_minimum")) continue;
      relations.push({
        expression: C(table.period, "n"),
        lower: -Infinity,
        upper: minimum - 1,
        label: `${table.period} closed: count-only < ${minimum}`,
        table: `${table.period}|agency`,
      });
    }
  }

  // The book: released cells are equations, withheld ones targets.
  const equalities: { expression: Affine; value: number; label: string; table: string }[] = [];
  const targets: {
    label: string;
    period: string;
    population: StoredTable["population"];
    cell: string;
    expression: Affine;
    box: number;
    truth: number;
    table: string;
  }[] = [];
  for (const table of inYear) {
    namesOf(table).forEach((x, i) => {
      const value = table.cells[i]!;
      const period = table.period;
      let expression: Affine;
      let box: number;
      let truthValue: number;
      switch (table.population) {
        case "agency":
          expression = combine([
            [1, affine([], t(period, "shared", x))],
            [1, C(period, x)],
          ]);
          box = t(period, "regional", x) - t(period, "shared", x);
          truthValue = countOnly(period, x);
          break;
        case "rest":
          expression = rest(period, x);
          box = t(period, "regional", x) - t(period, "shared", x);
          truthValue = countOnly(period, x);
          break;
        case "peer_region":
          expression = G(x);
          box = t(period, "regional", x) - t(period, "shared", x);
          truthValue = t(period, "peer_region", x);
          break;
        case "peer_size":
          expression = B(x);
          box = t(period, "national", x) - t(period, "shared", x);
          truthValue = t(period, "peer_size", x);
          break;
      }
      const label = `${period} ${table.population} ${x}`;
      const key = `${period}|${table.population}`;
      if (typeof value === "number") equalities.push({ expression, value, label, table: key });
      else
        targets.push({
          label,
          period,
          population: table.population,
          cell: x,
          expression,
          box,
          truth: truthValue,
          table: key,
        });
    });
  }
  return { lower, upper, truthPoint, names, relations, equalities, targets };
}

/** The model as lp-attacker's Knowledge, with the released tables `known` says (all by default). */
function knowledgeOf(
  model: ReturnType<typeof yearModel>,
  withBook: boolean,
  known: (table: string) => boolean = () => true,
): Knowledge {
  const knowledge: Knowledge = { lower: [...model.lower], upper: [...model.upper], equalities: [], atMost: [] };
  const negate = (e: Expression) => new Map([...e].map(([v, c]) => [v, -c] as [number, number]));
  for (const r of model.relations) {
    if (r.expression.terms.size === 0) continue;
    if (r.table !== undefined && !(withBook && known(r.table))) continue;
    if (r.lower === r.upper)
      knowledge.equalities.push({
        expression: r.expression.terms,
        value: r.lower - r.expression.constant,
        label: r.label,
      });
    else {
      if (r.upper !== Infinity)
        knowledge.atMost.push({ expression: r.expression.terms, bound: r.upper - r.expression.constant });
      if (r.lower !== -Infinity)
        knowledge.atMost.push({ expression: negate(r.expression.terms), bound: r.expression.constant - r.lower });
    }
  }
  if (withBook) {
    for (const e of model.equalities.filter((x) => known(x.table))) {
      // A released cell whose unknown is a single count fixes it (smaller linear programs).
      const [only] = e.expression.terms;
      if (e.expression.terms.size === 1 && only && only[1] === 1) {
        const v = e.value - e.expression.constant;
        knowledge.lower[only[0]] = v;
        knowledge.upper[only[0]] = v;
      } else {
        knowledge.equalities.push({
          expression: e.expression.terms,
          value: e.value - e.expression.constant,
          label: e.label,
        });
      }
    }
  }
  return knowledge;
}

/** The truth must satisfy every relation and equation: otherwise the model (or the book) is wrong. */
function checkTruth(model: ReturnType<typeof yearModel>): void {
  const at = (a: Affine) => {
    let s = a.constant;
    for (const [v, c] of a.terms) s += c * model.truthPoint[v]!;
    return s;
  };
  model.truthPoint.forEach((v, i) => {
    if (v < model.lower[i]! || v > model.upper[i]!)
      throw new Error(
        `The truth is outside the public box of ${model.names[i]}: ${v} not in ${model.lower[i]}..${model.upper[i]}`,
      );
  });
  for (const r of model.relations) {
    const v = at(r.expression);
    if (v < r.lower - 1e-9 || v > r.upper + 1e-9)
      throw new Error(`The truth breaks the relation ${r.label}: ${v} not in ${r.lower}..${r.upper}`);
  }
  for (const e of model.equalities) {
    if (Math.abs(at(e.expression) - e.value) > 1e-9)
      throw new Error(`Released ${e.label} = ${e.value} but the truth gives ${at(e.expression)}`);
  }
}

/** The same unknown up to sign (an agency cell and the rest's). */
function keyOf(e: Expression): string {
  return [...e]
    .map(([v, c]) => `${v}:${Math.abs(c)}`)
    .sort()
    .join(",");
}

function years(tables: readonly StoredTable[]): number[] {
  return [...new Set(tables.map((t) => Number(t.period.slice(0, 4))))].sort();
}

/**
 * Every withheld cell of the agency's book whose feasible range, by linear programming over all that
 * the attacker knows, is narrower than k (or than the public figures alone allow, when that is less).
 */
export async function attackBook(
  tables: readonly StoredTable[],
  truth: AgencyTruth,
  options: AttackOptions,
): Promise<AttackResult> {
  // A's reports are among its region's (the boxes and couplings below): a report elsewhere would need the nation's.
  if (truth.outsideRegion > 0)
    throw new Error(
      `Agency ${truth.agency.id} has ${truth.outsideRegion} report(s) outside its census region: the attacker's ` +
        `bounds assume none`,
    );
  const result: AttackResult = { pinned: [], targets: 0, solves: 0 };
  for (const year of years(tables)) {
    const model = yearModel(year, tables, truth, options);
    checkTruth(model);
    if (model.targets.length === 0) continue;
    // A's cell and the rest's are the same unknown (the public figure less it): solved once.
    const unique = new Map<string, RangeTarget & { box: number }>();
    for (const target of model.targets) {
      const key = keyOf(target.expression.terms);
      // In the agency's terms (its count-only part), whichever of its cell and the rest's comes first.
      const sign = [...target.expression.terms.values()][0]! < 0 ? -1 : 1;
      const expression: Expression = new Map(
        [...target.expression.terms].map(([v, c]) => [v, sign * c] as [number, number]),
      );
      if (!unique.has(key))
        unique.set(key, { label: key, expression, required: Math.min(options.k, target.box), box: target.box });
    }
    const knowledge = knowledgeOf(model, true);
    const list = [...unique.values()];
    result.targets += list.length;
    const { narrow, solves } = await narrowTargets(knowledge, list, [Float64Array.from(model.truthPoint)]);
    result.solves += solves;
    if (narrow.length === 0) continue;
    // A narrow range is a failure unless it was already that narrow before the cell's own release: the
    // public figures, the relations, and what earlier releases of the year told (nothing this release
    // withholds can widen that). With one release, that is the public figures alone.
    const order = (table: string) => options.releases?.get(table) ?? 0;
    const priors = new Map<number, PreparedProblem>();
    try {
      for (const n of narrow) {
        const target = unique.get(n.label)!;
        const cells = model.targets.filter((c) => keyOf(c.expression.terms) === n.label);
        const release = Math.min(...cells.map((c) => order(c.table)));
        let prior = priors.get(release);
        if (!prior)
          priors.set(
            release,
            (prior = new PreparedProblem(knowledgeOf(model, true, (table) => order(table) < release))),
          );
        const priorLp =
          (await prior.bound("max", target.expression)).value - (await prior.bound("min", target.expression)).value;
        result.solves += 2;
        if (n.max - n.min >= Math.min(options.k, priorLp) - 1e-6) continue;
        for (const cell of cells) {
          result.pinned.push({
            period: cell.period,
            population: cell.population,
            cell: cell.cell,
            min: n.min,
            max: n.max,
            truth: cell.truth,
            priorBox: target.box,
            priorLp,
          });
        }
      }
    } finally {
      for (const p of priors.values()) p.dispose();
    }
  }
  return result;
}
