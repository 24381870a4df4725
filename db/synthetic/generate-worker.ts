// Runs in a worker thread: generates the dataset and posts it in batches, so that generation (one
// core) overlaps with appending into DuckDB (the main thread) during large seeds.
import { parentPort, workerData } from "node:worker_threads";
import { generateAgencies } from "./generate-agencies";
import { generateReports } from "./generate-reports";
import { Rng } from "./random";
import { STAGING_COLUMNS, toStagingRow } from "./staging-row";

export interface GenerateRequest {
  seed: number;
  reports: number;
  agencies: number;
  /** Int32 counter of batches posted but not yet consumed: the worker pauses above MAX_IN_FLIGHT. */
  inFlight: SharedArrayBuffer;
}

export const MAX_IN_FLIGHT = 8;

export type GenerateMessage =
  | { type: "agencies"; agencies: ReturnType<typeof generateAgencies> }
  | { type: "reports"; rows: string[] }
  | { type: "done" };

const BATCH = 4096;
const request = workerData as GenerateRequest;
const inFlight = new Int32Array(request.inFlight);

function post(rows: string[]): void {
  while (Atomics.load(inFlight, 0) >= MAX_IN_FLIGHT) Atomics.wait(inFlight, 0, Atomics.load(inFlight, 0), 50);
  Atomics.add(inFlight, 0, 1);
  parentPort!.postMessage({ type: "reports", rows } satisfies GenerateMessage);
}
const rng = new Rng(request.seed);
const agencies = generateAgencies(rng, request.agencies);
parentPort!.postMessage({ type: "agencies", agencies } satisfies GenerateMessage);
let batch: string[] = [];
for (const report of generateReports(rng, request.reports, agencies)) {
  batch.push(...toStagingRow(report));
  if (batch.length === BATCH * STAGING_COLUMNS) {
    post(batch);
    batch = [];
  }
}
post(batch);
parentPort!.postMessage({ type: "done" } satisfies GenerateMessage);
