import type { PrivacyRules } from "./rules";
import { type CellInput, type CellRef, type Gates, type ReleasedCells, suppressCells } from "./suppress";

export type CellTags = Pick<CellInput, "protected" | "gate">;
type AddTags = CellTags & Pick<CellInput, "shared">;

/** Collects a result's cells and additive relations, then releases them through the suppression function. */
export class CellBook {
  readonly #keys: string[] = [];
  readonly #values: number[] = [];
  readonly #protected: boolean[] = [];
  readonly #gate: (CellInput["gate"] | undefined)[] = [];
  readonly #shared: (CellInput["shared"] | undefined)[] = [];
  readonly #additive: { total: number; parts: number[] }[] = [];
  #byKey: Map<string, number> | undefined;

  /** Adds a cell; returns its position, the cheapest way to refer to it. */
  add(key: string, value: number, tags: AddTags): number {
    this.#byKey?.set(key, this.#keys.length);
    this.#keys.push(key);
    this.#values.push(value);
    this.#protected.push(tags.protected);
    this.#shared.push(tags.shared);
    return this.#gate.push(tags.gate) - 1;
  }

  /** Declares total = Σ parts (positions from `add`, or keys). */
  sum(total: CellRef, parts: readonly CellRef[]): void {
    if (parts.length > 0) this.#additive.push({ total: this.#id(total), parts: parts.map((p) => this.#id(p)) });
  }

  #id(ref: CellRef): number {
    if (typeof ref === "number") return ref;
    // Built on the first lookup by key (measures with thousands of cells refer to them by position).
    this.#byKey ??= new Map(this.#keys.map((key, i) => [key, i]));
    const id = this.#byKey.get(ref);
    if (id === undefined) throw new Error(`No cell "${ref}" in this book`);
    return id;
  }

  release(rules: PrivacyRules, gates: Gates = {}): ReleasedCells {
    if (new Set(this.#keys).size !== this.#keys.length) throw new Error("Duplicate cell keys in one result");
    return suppressCells(
      {
        keys: this.#keys,
        values: this.#values,
        isProtected: this.#protected,
        gate: this.#gate,
        shared: this.#shared,
        additive: this.#additive,
      },
      rules,
      gates,
    );
  }
}
