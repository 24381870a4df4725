import type { PrivacyRules } from "./rules";
import { type CellInput, type CellRef, type Gates, type ReleasedCells, suppressCells } from "./suppress";

export type CellTags = Pick<CellInput, "protected" | "gate">;

/** Collects a result's cells and additive relations, then releases them through the suppression function. */
export class CellBook {
  readonly #keys: string[] = [];
  readonly #values: number[] = [];
  readonly #protected: boolean[] = [];
  readonly #gate: (CellInput["gate"] | undefined)[] = [];
  readonly #additive: { total: number; parts: number[] }[] = [];
  readonly #byKey = new Map<string, number>();

  /** Adds a cell; returns its position, the cheapest way to refer to it. */
  add(key: string, value: number, tags: CellTags): number {
    if (this.#byKey.has(key)) throw new Error(`Duplicate cell "${key}"`);
    this.#byKey.set(key, this.#keys.length);
    this.#keys.push(key);
    this.#values.push(value);
    this.#protected.push(tags.protected);
    return this.#gate.push(tags.gate) - 1;
  }

  /** Declares total = Σ parts (positions from `add`, or keys). */
  sum(total: CellRef, parts: readonly CellRef[]): void {
    if (parts.length > 0) this.#additive.push({ total: this.#id(total), parts: parts.map((p) => this.#id(p)) });
  }

  #id(ref: CellRef): number {
    if (typeof ref === "number") return ref;
    const id = this.#byKey.get(ref);
    if (id === undefined) throw new Error(`No cell "${ref}" in this book`);
    return id;
  }

  release(rules: PrivacyRules, gates: Gates = {}): ReleasedCells {
    return suppressCells(
      { keys: this.#keys, values: this.#values, isProtected: this.#protected, gate: this.#gate, additive: this.#additive },
      rules,
      gates,
    );
  }
}
