/** A linear relation Σ coefficient·cell = 0 among the cells (by index) of one result. */
export interface LinearRelation {
  cells: readonly number[];
  coefficients: readonly number[];
}

const EPS = 1e-9;

/**
 * Which unknown cells are pinned down exactly by the relations, whatever the other unknowns are:
 * cell u is determined iff the unit vector e_u lies in the row space of the relations restricted to the
 * unknowns. Solved per connected group of unknowns by Gauss-Jordan elimination: a pivot column is
 * determined iff its reduced row has no entry in a free column.
 */
export function determinedUnknowns(
  relations: readonly LinearRelation[],
  unknown: (cell: number) => boolean,
  /** Only groups holding one of these cells are solved (the others were solved before and did not change). */
  changed?: ReadonlySet<number>,
): number[] {
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
  const determined: number[] = [];
  for (const group of groups.values()) {
    if (changed && !group.some((r) => r.cells.some((c) => changed.has(c)))) continue;
    const index = new Map<number, number>();
    const columns: number[] = [];
    for (const r of group) for (const c of r.cells) if (unknown(c) && !index.has(c)) index.set(c, columns.push(c) - 1);
    const width = columns.length;
    const rows = group.map((r) => {
      const row = new Float64Array(width);
      r.cells.forEach((c, i) => {
        const col = index.get(c);
        if (col !== undefined) row[col]! += r.coefficients[i]!;
      });
      return row;
    });
    const pivots: number[] = [];
    let rank = 0;
    for (let col = 0; col < width && rank < rows.length; col++) {
      let best = rank;
      for (let r = rank + 1; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
      if (Math.abs(rows[best]![col]!) < EPS) continue;
      [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
      const pivotRow = rows[rank]!;
      const scale = pivotRow[col]!;
      for (let c = col; c < width; c++) pivotRow[c]! /= scale;
      for (let r = 0; r < rows.length; r++) {
        if (r === rank) continue;
        const row = rows[r]!;
        const factor = row[col]!;
        if (Math.abs(factor) < EPS) continue;
        for (let c = col; c < width; c++) row[c]! -= factor * pivotRow[c]!;
      }
      pivots.push(col);
      rank++;
    }
    const isPivot = new Uint8Array(width);
    for (const col of pivots) isPivot[col] = 1;
    pivots.forEach((col, r) => {
      const row = rows[r]!;
      let alone = true;
      for (let c = 0; c < width && alone; c++) if (!isPivot[c] && Math.abs(row[c]!) >= EPS) alone = false;
      if (alone) determined.push(columns[col]!);
    });
  }
  return determined;
}
