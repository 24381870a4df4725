// An independent check that no withheld cell can be solved exactly from the additive relations of a
// result: for each withheld cell u, u is determined iff appending the unit vector e_u to the relation
// matrix (restricted to withheld cells) leaves its rank unchanged. Exact rational arithmetic (BigInt),
// a different method from the suppression code's floating-point Gauss-Jordan pivots.

export interface OracleRelation {
  total: string;
  parts: readonly string[];
}

type Fraction = [bigint, bigint];

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}
function norm([n, d]: Fraction): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return [n / g, d / g];
}
const sub = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1], a[1] * b[0]]);

function rank(matrix: Fraction[][]): number {
  const rows = matrix.map((r) => r.map((v) => [...v] as Fraction));
  const width = rows[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const pivot = rows.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    for (let i = r + 1; i < rows.length; i++) {
      if (rows[i]![c]![0] === 0n) continue;
      const f = div(rows[i]![c]!, rows[r]![c]!);
      rows[i] = rows[i]!.map((v, j) => sub(v, mul(f, rows[r]![j]!)));
    }
    r++;
  }
  return r;
}

function recoverableInGroup(relations: readonly OracleRelation[], unknown: string[]): string[] {
  const column = new Map(unknown.map((key, i) => [key, i]));
  const matrix: Fraction[][] = [];
  for (const r of relations) {
    const row: Fraction[] = unknown.map(() => [0n, 1n]);
    let any = false;
    for (const [key, sign] of [[r.total, 1n], ...r.parts.map((p) => [p, -1n] as const)] as const) {
      const c = column.get(key);
      if (c === undefined) continue;
      row[c] = norm([row[c]![0] + sign * row[c]![1], row[c]![1]]);
      any = true;
    }
    if (any) matrix.push(row);
  }
  if (matrix.length === 0) return [];
  const base = rank(matrix);
  return unknown.filter((_, i) => {
    const unit: Fraction[] = unknown.map((__, j) => (j === i ? [1n, 1n] : [0n, 1n]));
    return rank([...matrix, unit]) === base;
  });
}

/** Unknown cells that the relations pin down exactly. Solved per connected group of unknowns. */
export function recoverableCells(relations: readonly OracleRelation[], unknown: ReadonlySet<string>): string[] {
  const groupOf = new Map<string, number>();
  const members: string[][] = [];
  const rels: OracleRelation[][] = [];
  for (const r of relations) {
    const keys = [r.total, ...r.parts].filter((k) => unknown.has(k));
    if (keys.length === 0) continue;
    const groups = [...new Set(keys.map((k) => groupOf.get(k)).filter((g): g is number => g !== undefined))];
    let target: number;
    if (groups.length === 0) {
      target = members.push([]) - 1;
      rels.push([]);
    } else {
      target = groups[0]!;
      for (const g of groups.slice(1)) {
        for (const k of members[g]!) groupOf.set(k, target);
        members[target]!.push(...members[g]!);
        rels[target]!.push(...rels[g]!);
        members[g] = [];
        rels[g] = [];
      }
    }
    for (const k of keys) {
      if (groupOf.get(k) !== target) {
        groupOf.set(k, target);
        members[target]!.push(k);
      }
    }
    rels[target]!.push(r);
  }
  return members.flatMap((keys, g) => (keys.length ? recoverableInGroup(rels[g]!, [...new Set(keys)]) : []));
}
