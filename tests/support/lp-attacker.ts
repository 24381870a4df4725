// The attacker of docs/design.md §6.1 as tests play it: every figure the product released is a linear equation
// over unknowns the attacker cannot see, every public figure a bound; a withheld figure is safe only if
// linear programming cannot pin it to a range narrower than k. Written apart from the release book's
// own auditor (analytics/release-book/): it states its problem as CPLEX LP text and solves each bound
// with HiGHS's one-shot `solve`, so a mistake in one is not repeated in the other. For many targets over
// one problem, PreparedProblem reads that text once into a HiGHS model (the auditor builds its model
// from arrays instead) and confirms every range it reports with the one-shot `solve`.
import loadHighs from "highs";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

/** Σ coefficient·unknown, by unknown index. */
export type Expression = Map<number, number>;

export interface Knowledge {
  /** Each unknown's bounds before anything is released (what public figures allow). */
  lower: number[];
  upper: number[];
  /** Released figures: expression = value. */
  equalities: { expression: Expression; value: number; label: string }[];
  /** What the attacker knows besides (e.g. two unknown counts share public reports): expression ≤ bound. */
  atMost: { expression: Expression; bound: number }[];
}

export interface Pinned {
  label: string;
  min: number;
  max: number;
  /** The range the public figures alone allow. */
  priorWidth: number;
}

function term(coef: number, index: number): string {
  const sign = coef < 0 ? "-" : "+";
  return `${sign} ${Math.abs(coef)} x${index}`;
}

function expressionText(e: Expression): string {
  const parts = [...e].filter(([, c]) => c !== 0).map(([i, c]) => term(c, i));
  return parts.length ? parts.join(" ") : "0 x0";
}

function problemText(sense: "Minimize" | "Maximize", objective: Expression, k: Knowledge): string {
  const rows: string[] = [];
  k.equalities.forEach((eq, i) => rows.push(` e${i}: ${expressionText(eq.expression)} = ${eq.value}`));
  k.atMost.forEach((ineq, i) => rows.push(` a${i}: ${expressionText(ineq.expression)} <= ${ineq.bound}`));
  if (rows.length === 0) rows.push(" z: 0 x0 >= 0");
  const bounds = k.lower.map((lo, i) => ` ${lo} <= x${i} <= ${k.upper[i]}`);
  return (
    `${sense}\n obj: ${expressionText(objective)}\nSubject ` +
    `To\n${rows.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`
  );
}

async function solve(
  sense: "Minimize" | "Maximize",
  objective: Expression,
  k: Knowledge,
): Promise<{ value: number; point: Map<number, number> }> {
  const h = await (highs ??= loadHighs());
  const result = h.solve(problemText(sense, objective, k), { output_flag: false } as never);
  if (result.Status !== "Optimal")
    throw new Error(
      `The attacker's LP ended ${result.Status}: the released figures contradict each other or the public ones`,
    );
  const point = new Map<number, number>();
  for (const [name, column] of Object.entries(result.Columns))
    point.set(Number(name.slice(1)), (column as { Primal: number }).Primal);
  return { value: result.ObjectiveValue, point };
}

function priorWidth(objective: Expression, k: Knowledge): number {
  let lo = 0;
  let hi = 0;
  for (const [i, c] of objective) {
    lo += c > 0 ? c * k.lower[i]! : c * k.upper[i]!;
    hi += c > 0 ? c * k.upper[i]! : c * k.lower[i]!;
  }
  return hi - lo;
}

/**
 * Each target's smallest and largest feasible value; returns those pinned narrower than k (or narrower
 * than the public figures alone already allow, when that is less than k: no release can widen it).
 */
export async function pinnedTargets(
  k: Knowledge,
  targets: { label: string; expression: Expression }[],
  privacyK: number,
): Promise<Pinned[]> {
  const need = (t: { expression: Expression }) => Math.min(privacyK, priorWidth(t.expression, k)) - 1e-6;
  const valueAt = (t: { expression: Expression }, point: Map<number, number>) => {
    let v = 0;
    for (const [i, c] of t.expression) v += c * (point.get(i) ?? 0);
    return v;
  };
  // Every solution is a feasible point: the values a target takes across solutions already bound its
  // range from inside. Pushing the sum of all targets up and down first shows most of them wide.
  const seen = targets.map(() => ({ min: Infinity, max: -Infinity }));
  const observe = (point: Map<number, number>) =>
    targets.forEach((t, i) => {
      const v = valueAt(t, point);
      seen[i]!.min = Math.min(seen[i]!.min, v);
      seen[i]!.max = Math.max(seen[i]!.max, v);
    });
  if (targets.length > 1) {
    const sum: Expression = new Map();
    for (const t of targets) for (const [i, c] of t.expression) sum.set(i, (sum.get(i) ?? 0) + c);
    observe((await solve("Maximize", sum, k)).point);
    observe((await solve("Minimize", sum, k)).point);
  }
  const pinned: Pinned[] = [];
  for (const [i, t] of targets.entries()) {
    if (seen[i]!.max - seen[i]!.min >= need(t)) continue;
    const hi = await solve("Maximize", t.expression, k);
    observe(hi.point);
    if (seen[i]!.max - seen[i]!.min >= need(t)) continue;
    const lo = await solve("Minimize", t.expression, k);
    // A range of exactly k is not narrower than k; 1e-6 covers HiGHS's feasibility tolerance.
    if (hi.value - lo.value < need(t))
      pinned.push({ label: t.label, min: lo.value, max: hi.value, priorWidth: priorWidth(t.expression, k) });
  }
  return pinned;
}

/** A bound with the point reaching it (every unknown), which is one more feasible point. */
export interface Solved {
  value: number;
  point: Float64Array;
}

/**
 * The same problem for many objectives: its constraints are written once as CPLEX LP text (unknowns
 * fixed by a released figure substituted, rows no point of the box can break left out), read once by
 * HiGHS into a model that keeps its basis between objectives (each bound then takes a few simplex
 * iterations instead of a parse and a cold solve); `confirm` solves one bound again from the text with
 * the one-shot `solve`, for the ranges a test reports.
 */
export class PreparedProblem {
  readonly #text: string;
  readonly #fixed: Map<number, number>;
  readonly #n: number;
  #model: ReturnType<Highs["createModel"]> | undefined;
  #column = new Map<number, number>();
  #objective: number[] = [];
  solves = 0;

  constructor(knowledge: Knowledge) {
    this.#n = knowledge.lower.length;
    this.#fixed = new Map();
    knowledge.lower.forEach((lo, i) => {
      if (lo === knowledge.upper[i]) this.#fixed.set(i, lo);
    });
    const rows: string[] = [];
    const row = (name: string, e: Expression, op: "=" | "<=", rhs: number, label: string) => {
      const { out, constant } = this.#free(e);
      if (out.size === 0) {
        // Every unknown in it is fixed: it must hold as it is, or the released figures contradict each other.
        const ok = op === "=" ? Math.abs(constant - rhs) < 1e-6 : constant <= rhs + 1e-6;
        if (!ok)
          throw new Error(
            `The released figures contradict each other or the public ones at ${label}: ${constant} ${op} ${rhs}`,
          );
        return;
      }
      // A row that no point of the box can break says nothing: left out (smaller programs, same polytope).
      if (op === "<=") {
        let highest = 0;
        for (const [i, c] of out) highest += c > 0 ? c * knowledge.upper[i]! : c * knowledge.lower[i]!;
        if (highest <= rhs - constant) return;
      }
      rows.push(` ${name}: ${expressionText(out)} ${op} ${rhs - constant}`);
    };
    knowledge.equalities.forEach((eq, i) => row(`e${i}`, eq.expression, "=", eq.value, eq.label));
    knowledge.atMost.forEach((ineq, i) => row(`a${i}`, ineq.expression, "<=", ineq.bound, `a${i}`));
    // Every free unknown gets a row of its own too, so that HiGHS's reader creates its column.
    const free = knowledge.lower.map((_, i) => i).filter((i) => !this.#fixed.has(i));
    free.forEach((i) => rows.push(` b${i}: x${i} >= ${knowledge.lower[i]}`));
    const bounds = free.map((i) => ` ${knowledge.lower[i]} <= x${i} <= ${knowledge.upper[i]}`);
    this.#text = `Subject To\n${rows.length ? rows.join("\n") : " z: 0 x0 >= 0"}\nBounds\n${bounds.join("\n")}\nEnd\n`;
  }

  #free(e: Expression): { out: Expression; constant: number } {
    let constant = 0;
    const out: Expression = new Map();
    for (const [i, c] of e) {
      if (c === 0) continue;
      const v = this.#fixed.get(i);
      if (v === undefined) out.set(i, c);
      else constant += c * v;
    }
    return { out, constant };
  }

  async #modelOf(h: Highs) {
    if (this.#model) return this.#model;
    const model = h.createModel({ format: "lp", data: `Minimize\n obj: 0 x0\n${this.#text}` });
    model.options.set({ output_flag: false } as never);
    const { numCols } = model.getDimensions() as { numCols: number };
    for (let j = 0; j < numCols; j++) this.#column.set(Number(model.getColName(j).slice(1)), j);
    this.#model = model;
    return model;
  }

  /** The smallest or largest value of the objective, with a point reaching it. */
  async bound(sense: "min" | "max", objective: Expression): Promise<Solved> {
    const h = await (highs ??= loadHighs());
    const { out, constant } = this.#free(objective);
    const point = new Float64Array(this.#n);
    for (const [i, v] of this.#fixed) point[i] = v;
    if (out.size === 0) return { value: constant, point };
    const model = await this.#modelOf(h);
    for (const j of this.#objective) model.changeColCost(j, 0);
    this.#objective = [];
    for (const [i, c] of out) {
      const j = this.#column.get(i)!;
      model.changeColCost(j, c);
      this.#objective.push(j);
    }
    model.changeObjectiveSense(
      sense === "min" ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize,
    );
    model.run();
    this.solves++;
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) {
      throw new Error(
        `The attacker's LP ended with status ${model.getModelStatus()}: the released figures contradict each ` +
          `other or the public ones`,
      );
    }
    const { colValue } = model.getSolution();
    for (const [i, j] of this.#column) point[i] = colValue[j]!;
    return { value: model.getObjectiveValue() + constant, point };
  }

  /** The same bound from the text alone, with HiGHS's one-shot `solve` (no state kept between solves). */
  async confirm(sense: "min" | "max", objective: Expression): Promise<number> {
    const h = await (highs ??= loadHighs());
    const { out, constant } = this.#free(objective);
    if (out.size === 0) return constant;
    const result = h.solve(
      `${sense === "min" ? "Minimize" : "Maximize"}\n obj: ${expressionText(out)}\n${this.#text}`,
      { output_flag: false } as never,
    );
    if (result.Status !== "Optimal") throw new Error(`The attacker's LP ended ${result.Status}`);
    return result.ObjectiveValue + constant;
  }

  dispose(): void {
    this.#model?.dispose();
    this.#model = undefined;
  }
}

export interface RangeTarget {
  label: string;
  expression: Expression;
  /** The range it must keep: k, or less when the public figures alone allow less. */
  required: number;
}

export interface NarrowTarget {
  label: string;
  min: number;
  max: number;
  required: number;
}

function valueAt(e: Expression, point: Float64Array): number {
  let s = 0;
  for (const [i, c] of e) s += c * point[i]!;
  return s;
}

/**
 * The targets whose feasible range is narrower than required, with their exact smallest and largest
 * value. Every point seen (the known feasible ones, each LP's optimum) widens the observed ranges, so
 * a target shown wide enough by points needs no LP of its own: pushing the sum of the open targets up
 * and down reaches many bounds at once. A target is reported only after both its bounds were solved.
 */
export async function narrowTargets(
  knowledge: Knowledge,
  targets: readonly RangeTarget[],
  feasible: readonly Float64Array[] = [],
): Promise<{ narrow: NarrowTarget[]; solves: number }> {
  const problem = new PreparedProblem(knowledge);
  try {
    const min = targets.map(() => Infinity);
    const max = targets.map(() => -Infinity);
    const observe = (point: Float64Array) =>
      targets.forEach((t, i) => {
        const v = valueAt(t.expression, point);
        if (v < min[i]!) min[i] = v;
        if (v > max[i]!) max[i] = v;
      });
    feasible.forEach(observe);
    const wide = (i: number) => max[i]! - min[i]! >= targets[i]!.required - 1e-6;
    let open = targets.map((_, i) => i).filter((i) => !wide(i));
    for (let pass = 0; pass < 6 && open.length > 1; pass++) {
      const sum: Expression = new Map();
      for (const i of open) for (const [v, c] of targets[i]!.expression) sum.set(v, (sum.get(v) ?? 0) + c);
      observe((await problem.bound("max", sum)).point);
      observe((await problem.bound("min", sum)).point);
      const still = open.filter((i) => !wide(i));
      const progress = open.length - still.length;
      open = still;
      if (progress < Math.max(2, open.length / 8)) break;
    }
    const narrow: NarrowTarget[] = [];
    for (const i of open) {
      const t = targets[i]!;
      if (wide(i)) continue;
      const hi = await problem.bound("max", t.expression);
      observe(hi.point);
      if (wide(i)) continue;
      const lo = await problem.bound("min", t.expression);
      observe(lo.point);
      if (wide(i)) continue;
      // Narrow: both bounds again from the text with the one-shot solver (what the test reports).
      const confirmed = {
        min: await problem.confirm("min", t.expression),
        max: await problem.confirm("max", t.expression),
      };
      if (confirmed.max - confirmed.min < t.required - 1e-6)
        narrow.push({ label: t.label, ...confirmed, required: t.required });
    }
    return { narrow, solves: problem.solves };
  } finally {
    problem.dispose();
  }
}
