/**
 * Pages by key within a memory budget, least recently used dropped first, with one render per key at a
 * time: when 50 clients ask for a page the moment its data changed, one request renders it and the rest
 * wait for that render instead of making 49 more.
 */
export class PageStore<T extends { bytes: number }> {
  readonly #entries = new Map<string, T>();
  readonly #rendering = new Map<string, Promise<T | null>>();
  #bytes = 0;
  readonly counts = { hits: 0, misses: 0, stored: 0, evicted: 0 };

  constructor(readonly budgetBytes: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The stored page (now the most recently used), or undefined. */
  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Keeps a page, dropping the least recently used ones past the budget (a page over a quarter of it is not kept). */
  set(key: string, value: T): void {
    this.delete(key);
    if (value.bytes > this.budgetBytes / 4) return;
    this.#entries.set(key, value);
    this.#bytes += value.bytes;
    this.counts.stored++;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
      this.counts.evicted++;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** The render of `key` under way, if any: it resolves to the page, or null when it could not be kept. */
  rendering(key: string): Promise<T | null> | undefined {
    return this.#rendering.get(key);
  }

  /**
   * Marks `key` as being rendered; call `done` exactly once with the page (kept) or null. Until then,
   * rendering(key) hands the same promise to everyone else who asks.
   */
  beginRender(key: string): (page: T | null) => void {
    let resolve!: (page: T | null) => void;
    this.#rendering.set(key, new Promise<T | null>((r) => (resolve = r)));
    let finished = false;
    return (page) => {
      if (finished) return;
      finished = true;
      this.#rendering.delete(key);
      if (page) this.set(key, page);
      resolve(page);
    };
  }
}
