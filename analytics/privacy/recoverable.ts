/** A linear relation Σ coefficient·cell = 0 among the cells (by index) of one result. */
export interface LinearRelation {
  cells: readonly number[];
  coefficients: readonly number[];
}

const EPS = 1e-9;

/**
 * Which unknown cells are pinned down exactly by the relations, whatever the other unknowns are, and
 * from which known cells: cell u is determined iff the unit vector e_u lies in the row space of the
 * relations restricted to the unknowns. Solved per connected group of unknowns by sparse Gauss-Jordan
 * elimination, carrying each row's known cells along: a pivot cell is determined iff its reduced row
 * holds no other unknown, and the known cells left in that row are what its value is computed from
 * (withholding one of them breaks that computation).
 */
export function determinedUnknowns(
  relations: readonly LinearRelation[],
  unknown: (cell: number) => boolean,
  /** Only groups holding one of these cells are solved (the others were solved before and did not change). */
  changed?: ReadonlySet<number>,
): Map<number, number[]> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const useful: LinearRelation[] = [];
  for (const r of relations) {
    let first = -1;
    for (const c of r.cells) {
      if (!unknown(c)) continue;
      if (!parent.has(c)) parent.set(c, c);
      if (first < 0) first = c;
      else parent.set(find(c), find(first));
    }
    if (first >= 0) useful.push(r);
  }
  const groups = new Map<number, LinearRelation[]>();
  for (const r of useful) {
    const root = find(r.cells.find(unknown)!);
    const list = groups.get(root);
    if (list) list.push(r);
    else groups.set(root, [r]);
  }
  const determined = new Map<number, number[]>();
  const addTo = (row: Map<number, number>, c: number, v: number) => {
    const next = (row.get(c) ?? 0) + v;
    if (Math.abs(next) < EPS) row.delete(c);
    else row.set(c, next);
  };
  for (const group of groups.values()) {
    if (changed && !group.some((r) => r.cells.some((c) => changed.has(c)))) continue;
    // Each pivot row stays reduced against every other pivot cell; `known` carries its known cells.
    const pivots = new Map<number, { row: Map<number, number>; known: Map<number, number> }>();
    for (const relation of group) {
      const row = new Map<number, number>();
      const known = new Map<number, number>();
      relation.cells.forEach((c, i) => addTo(unknown(c) ? row : known, c, relation.coefficients[i]!));
      for (const col of [...row.keys()]) {
        const pivot = pivots.get(col);
        const factor = row.get(col);
        if (!pivot || factor === undefined) continue;
        for (const [c, v] of pivot.row) addTo(row, c, -factor * v);
        for (const [c, v] of pivot.known) addTo(known, c, -factor * v);
      }
      if (row.size === 0) continue;
      let col = -1;
      let best = 0;
      for (const [c, v] of row) {
        if (Math.abs(v) > best) {
          best = Math.abs(v);
          col = c;
        }
      }
      const scale = row.get(col)!;
      for (const [c, v] of row) row.set(c, v / scale);
      for (const [c, v] of known) known.set(c, v / scale);
      for (const other of pivots.values()) {
        const factor = other.row.get(col);
        if (factor === undefined) continue;
        for (const [c, v] of row) addTo(other.row, c, -factor * v);
        for (const [c, v] of known) addTo(other.known, c, -factor * v);
      }
      pivots.set(col, { row, known });
    }
    for (const [col, { row, known }] of pivots) if (row.size === 1) determined.set(col, [...known.keys()]);
  }
  return determined;
}
