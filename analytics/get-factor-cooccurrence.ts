import { factors } from "../domain/taxonomy/index";
import { resolveComparison } from "./comparison";
import { type AnalyticsFilters, resolveFilters } from "./filters";
import { type MeasureMeta, measureMeta } from "./measure-meta";
import { coreFigures } from "./core-figures";
import { CellBook } from "./privacy/cell-book";
import { type Count, type Share, type Suppressed } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import { factorCombinations } from "./queries/aggregate";
import { type AnalyticsDb, latestMonth, sourceOf } from "./source";
import type { Viewer } from "./viewer";

export interface FactorPair {
  factorA: string;
  labelA: string;
  factorB: string;
  labelB: string;
  /** Reports citing both. */
  count: Count;
  /** Share of all the subject's reports citing both. */
  share: Share | null;
  /**
   * Lift = P(A and B) / (P(A)·P(B)): above 1, the two are cited together more often than if they were
   * unrelated. Null when one factor is never cited.
   */
  lift: number | Suppressed | null;
}

export interface FactorCooccurrenceResult {
  meta: MeasureMeta;
  reports: Count;
  factors: { factor: string; label: string; reports: Count }[];
  /** Pairs cited together at least once, most frequent first. */
  pairs: FactorPair[];
}

/**
 * Factor co-occurrence: which contributing factors are cited together in the same report, with their
 * lift. Concealed weapon with inadequate search, low light with traffic stops' roadway exposure: pairs
 * like these point at one training theme rather than two.
 */
export async function getFactorCooccurrence(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  viewer: Viewer,
  privacy: PrivacyRules,
): Promise<FactorCooccurrenceResult> {
  const source = sourceOf(db);
  const resolved = resolveFilters(filters, await latestMonth(source));
  const cmp = await resolveComparison(source, resolved, viewer);
  const [combinations, core] = await Promise.all([
    factorCombinations(source, { population: cmp.subject.population, filters: resolved, months: resolved.window }),
    coreFigures(source, resolved, cmp, privacy),
  ]);
  const count = factors.length;
  const single = new Array<number>(count).fill(0);
  const pair = new Array<number>(count * count).fill(0);
  let n = 0;
  for (const { factor_mask: mask, reports } of combinations) {
    n += reports;
    const bits: number[] = [];
    const low = mask % 2 ** 32;
    const high = Math.floor(mask / 2 ** 32);
    for (let i = 0; i < count; i++) if (((i < 32 ? low >>> i : high >>> (i - 32)) & 1) === 1) bits.push(i);
    for (let x = 0; x < bits.length; x++) {
      single[bits[x]!]! += reports;
      for (let y = x + 1; y < bits.length; y++) pair[bits[x]! * count + bits[y]!]! += reports;
    }
  }
  const tags = cmp.subject.tags;
  const book = new CellBook();
  book.add("n", n, { ...tags, shared: core.count("s:n") });
  factors.forEach((f, i) => book.add(`f:${f.code}`, single[i]!, { ...tags, shared: core.count(`s:f:${f.code}`) }));
  const present: [number, number][] = [];
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const v = pair[a * count + b]!;
      if (v === 0) continue;
      present.push([a, b]);
      book.add(`p:${a}:${b}`, v, tags);
    }
  }
  const released = book.release(privacy, cmp.gates);
  const pairs: (FactorPair & { order: number })[] = present.map(([a, b]) => {
    const fa = factors[a]!;
    const fb = factors[b]!;
    const values = released.values([`p:${a}:${b}`, `f:${fa.code}`, `f:${fb.code}`, "n"]);
    const lift = Array.isArray(values)
      ? values[1]! === 0 || values[2]! === 0
        ? null
        : (values[0]! * values[3]!) / (values[1]! * values[2]!)
      : values;
    const c = released.count(`p:${a}:${b}`);
    return {
      factorA: fa.code,
      labelA: fa.label,
      factorB: fb.code,
      labelB: fb.label,
      count: c,
      share: released.share(`p:${a}:${b}`, "n"),
      lift,
      order: typeof c === "number" ? c : -1,
    };
  });
  pairs.sort((x, y) => y.order - x.order || (x.factorA + x.factorB < y.factorA + y.factorB ? -1 : 1));
  return {
    meta: measureMeta(
      {
        measure: "factor_cooccurrence",
        title: "Factors cited together",
        description:
          "Pairs of factors cited in the same report, with their lift (above 1: cited together more often than " +
          "chance).",
      },
      resolved,
      { subject: cmp.subject, reference: null },
      released,
      privacy,
    ),
    reports: released.count("n"),
    factors: factors.map((f) => ({ factor: f.code, label: f.label, reports: released.count(`f:${f.code}`) })),
    pairs: pairs.map(({ order: _order, ...p }) => p),
  };
}
