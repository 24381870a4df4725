/**
 * Benjamini-Hochberg adjusted p-values (q-values), in the input order: q_(i) = min over j ≥ i of
 * p_(j)·m/j, capped at 1 (Benjamini & Hochberg 1995; R's p.adjust(method = "BH")). A test is a
 * discovery at false-discovery rate α when its q ≤ α.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  }
  return q;
}
