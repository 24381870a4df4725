// Smallest and largest feasible value of linear expressions over a polytope, with HiGHS (compiled to
// WebAssembly): the release book's audit (docs/design.md §6.1). One model per problem; each bound changes only
// the objective, so the dual simplex starts from the previous basis.
import loadHighs from "highs";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
type Model = ReturnType<Highs["createModel"]>;

let loaded: Promise<Highs> | undefined;
/** The solver, loaded once per process (the WebAssembly module is ~3 MB). */
export function highs(): Promise<Highs> {
  return (loaded ??= loadHighs());
}

/** Time spent inside the solver (the benchmark reports it apart from the rest of the audit). */
export const lpTiming = { millis: 0, solves: 0, created: 0, createMillis: 0 };

export interface Row {
  /** Variable positions and coefficients. */
  cols: readonly number[];
  coefs: readonly number[];
  lower: number;
  upper: number;
}

export interface Polytope {
  lower: Float64Array;
  upper: Float64Array;
  rows: readonly Row[];
}

export interface Bound {
  value: number;
  /** A feasible point reaching it (every variable). */
  point: Float64Array;
  /** Rows whose constraint limits the bound (non-zero dual value). */
  bindingRows: number[];
}

/** Rows with a dual value smaller than this are not limiting the bound. */
const DUAL_EPS = 1e-7;

export class RangeSolver {
  readonly #h: Highs;
  readonly #model: Model;
  readonly #n: number;
  #objective: readonly number[] = [];
  solves = 0;

  private constructor(h: Highs, p: Polytope) {
    this.#h = h;
    this.#n = p.lower.length;
    const starts = new Int32Array(p.rows.length + 1);
    let nnz = 0;
    p.rows.forEach((r, i) => {
      nnz += r.cols.length;
      starts[i + 1] = nnz;
    });
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let k = 0;
    for (const r of p.rows) {
      for (let j = 0; j < r.cols.length; j++) {
        indices[k] = r.cols[j]!;
        values[k++] = r.coefs[j]!;
      }
    }
    const inf = (v: number) => (v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v);
    this.#model = h.createModel({
      numCols: this.#n,
      numRows: p.rows.length,
      colCost: new Float64Array(this.#n),
      colLower: p.lower,
      colUpper: p.upper,
      rowLower: Float64Array.from(p.rows, (r) => inf(r.lower)),
      rowUpper: Float64Array.from(p.rows, (r) => inf(r.upper)),
      matrix: { format: "csr", numRows: p.rows.length, numCols: this.#n, starts, indices, values },
    });
    this.#model.options.set({ output_flag: false, presolve: "off", simplex_strategy: 4 } as never);
  }

  static async create(p: Polytope): Promise<RangeSolver> {
    const h = await highs();
    const t0 = performance.now();
    const solver = new RangeSolver(h, p);
    lpTiming.createMillis += performance.now() - t0;
    lpTiming.created++;
    return solver;
  }

  /** The minimum or maximum of Σ coefs·x over the polytope. */
  bound(sense: "min" | "max", cols: readonly number[], coefs: readonly number[]): Bound {
    for (const c of this.#objective) this.#model.changeColCost(c, 0);
    cols.forEach((c, i) => this.#model.changeColCost(c, coefs[i]!));
    this.#objective = cols;
    this.#model.changeObjectiveSense(
      sense === "min" ? this.#h.constants.objectiveSense.minimize : this.#h.constants.objectiveSense.maximize,
    );
    const t0 = performance.now();
    this.#model.run();
    lpTiming.millis += performance.now() - t0;
    lpTiming.solves++;
    this.solves++;
    const status = this.#model.getModelStatus();
    if (status !== this.#h.constants.modelStatus.optimal) {
      throw new Error(
        `The audit's linear program ended with status ${status}: the released figures and their relations disagree`,
      );
    }
    const solution = this.#model.getSolution();
    const bindingRows: number[] = [];
    solution.rowDual.forEach((d, i) => {
      if (Math.abs(d) > DUAL_EPS) bindingRows.push(i);
    });
    return { value: this.#model.getObjectiveValue(), point: Float64Array.from(solution.colValue), bindingRows };
  }

  dispose(): void {
    this.#model.dispose();
  }
}
