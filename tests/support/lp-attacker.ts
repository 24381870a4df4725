// The attacker of DESIGN §6.1 as tests play it: every figure the product released is a linear equation
// over unknowns the attacker cannot see, every public figure a bound; a withheld figure is safe only if
// linear programming cannot pin it to a range narrower than k. Written apart from the release book's
// own auditor (analytics/release-book/): it states its problem as CPLEX LP text and solves each bound
// with HiGHS's one-shot `solve`, so a mistake in one is not repeated in the other.
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
  return `${sense}\n obj: ${expressionText(objective)}\nSubject To\n${rows.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`;
}

async function solve(sense: "Minimize" | "Maximize", objective: Expression, k: Knowledge): Promise<{ value: number; point: Map<number, number> }> {
  const h = await (highs ??= loadHighs());
  const result = h.solve(problemText(sense, objective, k), { output_flag: false } as never);
  if (result.Status !== "Optimal") throw new Error(`The attacker's LP ended ${result.Status}: the released figures contradict each other or the public ones`);
  const point = new Map<number, number>();
  for (const [name, column] of Object.entries(result.Columns)) point.set(Number(name.slice(1)), (column as { Primal: number }).Primal);
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
export async function pinnedTargets(k: Knowledge, targets: { label: string; expression: Expression }[], privacyK: number): Promise<Pinned[]> {
  const need = (t: { expression: Expression }) => Math.min(privacyK, priorWidth(t.expression, k)) - 1e-6;
  const valueAt = (t: { expression: Expression }, point: Map<number, number>) => {
    let v = 0;
    for (const [i, c] of t.expression) v += c * (point.get(i) ?? 0);
    return v;
  };
  // Every solution is a feasible point: the values a target takes across solutions already bound its
  // range from inside. Pushing the sum of all targets up and down first shows most of them wide.
  const seen = targets.map(() => ({ min: Infinity, max: -Infinity }));
  const observe = (point: Map<number, number>) => targets.forEach((t, i) => {
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
    if (hi.value - lo.value < need(t)) pinned.push({ label: t.label, min: lo.value, max: hi.value, priorWidth: priorWidth(t.expression, k) });
  }
  return pinned;
}
