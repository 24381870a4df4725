// Audit threads for the release job: one agency's year is audited per thread at a time, so a release of
// thousands of books uses every core, and the server's own thread stays free for pages while it runs.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AuditRules, AuditStats, GroupStatus } from "./audit";
import type { PeriodData } from "./year-group";

export interface AuditResult {
  status: GroupStatus;
  stats: AuditStats;
}

interface Job {
  id: number;
  periods: readonly PeriodData[];
  rules: AuditRules;
  resolve: (result: AuditResult) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; result: AuditResult } | { id: number; error: string };

export class AuditPool {
  readonly #idle: Worker[] = [];
  readonly #running = new Map<Worker, Job>();
  readonly #queue: Job[] = [];
  #next = 0;
  #failure: Error | null = null;

  private constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      // No inherited flags: the thread loads TypeScript through its own tsx registration.
      const worker = new Worker(script, { execArgv: [] });
      worker.on("message", (reply: Reply) => this.#settle(worker, reply));
      worker.on("error", (error) => this.#fail(error));
      worker.on("exit", (code) => {
        if (code !== 0 || this.#running.has(worker))
          this.#fail(new Error(`An audit thread stopped (exit code ${code})`));
      });
      this.#idle.push(worker);
    }
  }

  /**
   * A pool of `size` threads, or null where the thread's script is not beside this module (the copy of
   * this code bundled into the Remix build): the caller then audits in its own thread.
   */
  static open(size: number): AuditPool | null {
    const script = new URL("./audit-worker.mjs", import.meta.url);
    if (size < 1 || script.protocol !== "file:" || !existsSync(fileURLToPath(script))) return null;
    return new AuditPool(script, size);
  }

  audit(periods: readonly PeriodData[], rules: AuditRules): Promise<AuditResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, periods, rules, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.#idle, ...this.#running.keys()];
    this.#idle.length = 0;
    this.#fail(new Error("The audit pool was closed"));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      this.#running.set(worker, job);
      worker.postMessage({ id: job.id, periods: job.periods, rules: job.rules });
    }
  }

  #settle(worker: Worker, reply: Reply): void {
    const job = this.#running.get(worker);
    this.#running.delete(worker);
    if (!this.#failure) this.#idle.push(worker);
    if (job && job.id === reply.id) {
      if ("error" in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.result);
    }
    this.#dispatch();
  }

  /** A thread that fails takes the pool with it: every job waiting or running is rejected. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const job of [...this.#running.values(), ...this.#queue.splice(0)]) job.reject(this.#failure);
    this.#running.clear();
  }
}
