import { proportionalReportingRatio, type PrrResult } from "../stats/prr";
import { wilsonInterval } from "../stats/wilson";
import { type Count, type Share, type Suppressed, type SuppressionReason, suppressed } from "../../domain/figures";
import { determinedUnknowns, type LinearRelation } from "./recoverable";
import { checkPrivacyRules, PEER_MIN_OTHER_AGENCIES, type PrivacyRules } from "./rules";

/** One count a measure wants to release. */
export interface CellInput {
  /** Unique within the result. */
  key: string;
  value: number;
  /**
   * Depends on a protected field (agency, peer group, size band, state, consent) — directly or by
   * difference with a public figure. Public cells are released as they are and count as known to anyone.
   */
  protected: boolean;
  /**
   * Cells of the viewer's own agency (or differenced against it) close with the agency gate; peer cells with the peer
   * gate.
   */
  gate?: "agency" | "peer";
  /**
   * The same figure as released by the dashboard's core figures (analytics/core-figures.ts): a number is
   * known to the viewer from another measure, so it stays released and is never a complement; a
   * withheld value stays withheld for the same reason.
   */
  shared?: Count;
}

/** total = Σ parts, holding among cells of the same result (public cells included). */
export interface Additive {
  total: string;
  parts: readonly string[];
}

export interface Gates {
  /** The viewer's agency: its reports in the window. */
  agency?: { reports: number };
  /** The peer group without the viewer's agency: agencies and reports in the window. */
  peer?: { otherAgencies: number; reports: number };
}

export interface SuppressionInput {
  cells: readonly CellInput[];
  additive: readonly Additive[];
  /** Raw sizes for the gates; they never leave the suppression function. */
  gates?: Gates;
}

/** The same input with cells as array positions (what CellBook builds; no string keys on the hot path). */
export interface IndexedCells {
  keys: readonly string[];
  values: readonly number[];
  isProtected: readonly boolean[];
  gate: readonly (CellInput["gate"] | undefined)[];
  shared?: readonly (Count | undefined)[];
  additive: readonly { total: number; parts: readonly number[] }[];
}

export interface GateStatus {
  open: boolean;
  reason: SuppressionReason | null;
}

export class PrivacyError extends Error {}

/** A cell by its position (from CellBook.add) or its key. */
export type CellRef = number | string;

/**
 * The released figures of one result. The raw values stay private: callers read counts, shares and
 * derived statistics, each withheld when the rules say so.
 */
export class ReleasedCells {
  readonly #cells: IndexedCells;
  readonly #status: readonly (Suppressed | null)[];
  readonly #k: number;
  #byKey: Map<string, number> | undefined;
  readonly gates: { agency: GateStatus; peer: GateStatus };

  constructor(cells: IndexedCells, status: (Suppressed | null)[], k: number, gates: ReleasedCells["gates"]) {
    this.#cells = cells;
    this.#status = status;
    this.#k = k;
    this.gates = gates;
  }

  #id(ref: CellRef): number {
    if (typeof ref === "number") return ref;
    this.#byKey ??= new Map(this.#cells.keys.map((key, i) => [key, i]));
    const id = this.#byKey.get(ref);
    if (id === undefined) throw new PrivacyError(`No cell "${ref}" in this result`);
    return id;
  }

  #known(ref: CellRef): number | Suppressed {
    const id = this.#id(ref);
    return this.#status[id] ?? this.#cells.values[id]!;
  }

  /** The count, or why it is withheld. */
  count(ref: CellRef): Count {
    return this.#known(ref);
  }

  /**
   * numerator/denominator with its Wilson 95% interval; withheld when either is withheld, or (for
   * protected figures) when the numerator is 1..k−1 or the denominator below k. Null when the
   * denominator is 0 (no reports: no share).
   */
  share(numerator: CellRef, denominator: CellRef): Share | null {
    const num = this.#known(numerator);
    const den = this.#known(denominator);
    if (typeof num !== "number" || typeof den !== "number") return suppressed("derived");
    if (den === 0) return null;
    const isProtected = this.#cells.isProtected[this.#id(numerator)] || this.#cells.isProtected[this.#id(denominator)];
    if (isProtected && ((num > 0 && num < this.#k) || den < this.#k)) return suppressed("below_k");
    return { share: num / den, ...wilsonInterval(num, den) };
  }

  /** PRR of docs/design.md §7 from the subject's and reference's counts; withheld when any input is. */
  prr(a: CellRef, subjectTotal: CellRef, c: CellRef, referenceTotal: CellRef): PrrResult | Suppressed | null {
    const values = this.values([a, subjectTotal, c, referenceTotal]);
    if (!Array.isArray(values)) return values;
    const [va, na, vc, nr] = values as [number, number, number, number];
    return proportionalReportingRatio({ a: va, b: na - va, c: vc, d: nr - vc });
  }

  /** Raw values of released cells for a derived statistic, or withheld if any of them is. */
  values(refs: readonly CellRef[]): number[] | Suppressed {
    const out: number[] = [];
    for (const ref of refs) {
      const v = this.#known(ref);
      if (typeof v !== "number") return suppressed("derived");
      out.push(v);
    }
    return out;
  }
}

function gateStatus(open: boolean | undefined, reason: SuppressionReason): GateStatus {
  return open === false ? { open: false, reason } : { open: true, reason: null };
}

/** Key-based entry point (tests, small results); measures use CellBook, which calls suppressCells. */
export function suppress(input: SuppressionInput, rules: PrivacyRules): ReleasedCells {
  const index = new Map<string, number>();
  input.cells.forEach((cell, i) => {
    if (index.has(cell.key)) throw new PrivacyError(`Duplicate cell "${cell.key}"`);
    index.set(cell.key, i);
  });
  const id = (key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new PrivacyError(`Relation names unknown cell "${key}"`);
    return i;
  };
  return suppressCells(
    {
      keys: input.cells.map((c) => c.key),
      values: input.cells.map((c) => c.value),
      isProtected: input.cells.map((c) => c.protected),
      gate: input.cells.map((c) => c.gate),
      shared: input.cells.map((c) => c.shared),
      additive: input.additive.map((a) => ({ total: id(a.total), parts: a.parts.map(id) })),
    },
    rules,
    input.gates,
  );
}

/**
 * THE suppression function (docs/design.md §6): every measure whose figures depend on a protected field passes
 * its cells through here, in this order:
 * 1. agency-minimum rule — the viewer's agency cells are withheld unless it has ≥ agencyMinReports reports;
 * 2. peer-group differencing rule — peer cells are withheld unless the group, without the viewer's
 *    agency, has ≥ 3 other agencies and ≥ k reports;
 * 3. primary suppression — protected counts of 1..k−1;
 * 4. complementary suppression — while any withheld cell can be solved exactly from the additive
 *    relations (totals and parts, public figures counted as known), withhold one more cell of such a
 *    relation (the cheapest protected one: lowest in the hierarchy of totals, then smallest);
 * derived values (shares, intervals, ratios, trends) are withheld by ReleasedCells when an input is.
 * Deterministic: the same cells give the same pattern, so a chart, a table and an export built from
 * one result agree.
 */
export function suppressCells(cells: IndexedCells, rules: PrivacyRules, gates: Gates = {}): ReleasedCells {
  const { k, agencyMinReports } = checkPrivacyRules(rules);
  const n = cells.values.length;
  for (let i = 0; i < n; i++) {
    const v = cells.values[i]!;
    if (!Number.isInteger(v) || v < 0) throw new PrivacyError(`Cell "${cells.keys[i]}" is not a count: ${v}`);
  }
  const agencyGate = gateStatus(
    gates.agency && gates.agency.reports >= Math.max(agencyMinReports, k),
    "agency_minimum",
  );
  const peer = gates.peer;
  const peerGate = gateStatus(
    peer && peer.otherAgencies >= PEER_MIN_OTHER_AGENCIES && peer.reports >= k,
    "peer_group_too_small",
  );

  const status: (Suppressed | null)[] = new Array(n).fill(null);
  const withheld = new Uint8Array(n);
  const withhold = (i: number, reason: SuppressionReason) => {
    withheld[i] = 1;
    status[i] = suppressed(reason);
  };
  // Figures another measure of the dashboard releases are known: never withheld here, never a complement.
  const known = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!cells.isProtected[i]) continue;
    const v = cells.values[i]!;
    const shared = cells.shared?.[i];
    if (typeof shared === "object") {
      withhold(i, shared.reason);
      continue;
    }
    if (typeof shared === "number") {
      if (shared !== v) throw new PrivacyError(`Cell "${cells.keys[i]}" differs from the shared figure`);
      known[i] = 1;
      continue;
    }
    if (cells.gate[i] === "agency" && !agencyGate.open) withhold(i, "agency_minimum");
    else if (cells.gate[i] === "peer" && !peerGate.open) withhold(i, "peer_group_too_small");
    else if (v > 0 && v < k) withhold(i, "below_k");
  }

  // Relations among public cells alone hide nothing; only those with a protected member matter.
  const relations: LinearRelation[] = [];
  const relationsOf: number[][] = Array.from({ length: n }, () => []);
  const level = new Int32Array(n); // 0: no total; 1 + the highest level of its parts otherwise
  for (const a of cells.additive) {
    const members = [a.total, ...a.parts];
    if (!members.some((i) => cells.isProtected[i])) continue;
    const r = relations.push({ cells: members, coefficients: [1, ...a.parts.map(() => -1)] }) - 1;
    for (const i of members) relationsOf[i]!.push(r);
  }
  for (let changed = true, rounds = 0; changed && rounds < 32; rounds++) {
    changed = false;
    for (const a of cells.additive) {
      let highest = 0;
      for (const p of a.parts) highest = Math.max(highest, level[p]!);
      if (level[a.total]! < highest + 1) {
        level[a.total] = highest + 1;
        changed = true;
      }
    }
  }
  // Complement cost: lowest level first, so that the totals that carry every share stay released;
  // non-zero before zero; then the smallest value, so that as little as possible is lost; then position.
  const cheaper = (x: number, y: number) => {
    if (level[x] !== level[y]) return level[x]! - level[y]!;
    const vx = cells.values[x]!;
    const vy = cells.values[y]!;
    if ((vx === 0) !== (vy === 0)) return vx === 0 ? 1 : -1;
    return vx - vy || x - y;
  };

  /** The cheapest cell that may still be withheld among those a pinned-down cell is computed from. */
  const complementFor = (target: number, from: readonly number[]): number => {
    let best = -1;
    for (const i of from) {
      if (withheld[i] || !cells.isProtected[i] || known[i]) continue;
      if (best < 0 || cheaper(i, best) < 0) best = i;
    }
    if (best >= 0) return best;
    // Only public or released-elsewhere figures give it away: a measure must never build such a result.
    throw new PrivacyError(
      `Cell "${cells.keys[target]}" cannot be protected: it is determined by public or already released figures`,
    );
  };

  const dirty = new Set<number>();
  for (let i = 0; i < n; i++) if (withheld[i]) dirty.add(i);
  const pending = relations.map((_, r) => r);
  const queued = new Uint8Array(relations.length).fill(1);
  const addComplement = (i: number) => {
    withhold(i, "complementary");
    dirty.add(i);
    for (const r of relationsOf[i]!) {
      if (!queued[r]) {
        queued[r] = 1;
        pending.push(r);
      }
    }
  };
  for (;;) {
    // Cheap pass first: a relation with exactly one withheld member gives it away.
    while (pending.length > 0) {
      const r = pending.pop()!;
      queued[r] = 0;
      let hidden = -1;
      let count = 0;
      for (const i of relations[r]!.cells) {
        if (withheld[i]) {
          hidden = i;
          if (++count > 1) break;
        }
      }
      if (count === 1) addComplement(complementFor(hidden, relations[r]!.cells));
    }
    // Then the exact test on the groups that changed: a withheld cell pinned down by a combination of
    // relations gets a complement among the cells that combination uses.
    const exposed = [...determinedUnknowns(relations, (i) => withheld[i] === 1, dirty)].sort((a, b) => a[0] - b[0]);
    dirty.clear();
    if (exposed.length === 0) break;
    const chosen = new Set<number>();
    for (const [target, from] of exposed) {
      const complement = complementFor(target, from);
      if (!chosen.has(complement)) chosen.add(complement);
    }
    for (const i of chosen) addComplement(i);
  }

  return new ReleasedCells(cells, status, k, { agency: agencyGate, peer: peerGate });
}
