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

async function bound(sense: "Minimize" | "Maximize", objective: Expression, k: Knowledge): Promise<number> {
  const h = await (highs ??= loadHighs());
  const result = h.solve(problemText(sense, objective, k), { output_flag: false } as never);
  if (result.Status !== "Optimal") throw new Error(`The attacker's LP ended ${result.Status}: the released figures contradict each other or the public ones`);
  return result.ObjectiveValue;
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
  const pinned: Pinned[] = [];
  for (const t of targets) {
    const min = await bound("Minimize", t.expression, k);
    const max = await bound("Maximize", t.expression, k);
    const prior = priorWidth(t.expression, k);
    // 1e-6: HiGHS's feasibility tolerance; a range of exactly k is not narrower than k.
    if (max - min < Math.min(privacyK, prior) - 1e-6) pinned.push({ label: t.label, min, max, priorWidth: prior });
  }
  return pinned;
}
