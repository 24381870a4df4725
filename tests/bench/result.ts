// The shape of a benchmark run: what run.ts writes to bench-results/*.json and report.ts renders.
import type { AnalyticsResult } from "./analytics";
import type { DurabilityResult } from "./durability";
import type { HttpResult } from "./http-load";
import type { LoadResult } from "./load";
import type { MachineFacts } from "./machine";
import type { PostgresResult } from "./postgres/pg-section";
import type { ReleaseBookResult } from "./release-book";
import type { ScaleOutResult } from "./scale-out";
import type { SearchResult } from "./search";

export interface BenchSettings {
  reports: number;
  seed: number;
  quick: boolean;
  analyticsRuns: number;
  analyticsWarmup: number;
  searchRuns: number;
  postgresRuns: number;
  postgresWarmup: number;
  httpSeconds: number;
  httpConnections: number[];
  durabilityClients: number;
  durabilitySeconds: number;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  settings: BenchSettings;
  machine: MachineFacts;
  duckdbVersion: string;
  /** Each section's wall time and the 1/5/15-minute load averages when it started (other work on the machine). */
  sections: { section: string; loadAverage: number[]; seconds: number }[];
  load?: LoadResult;
  analytics?: AnalyticsResult;
  postgres?: PostgresResult;
  search?: SearchResult;
  releaseBook?: ReleaseBookResult;
  http?: HttpResult;
  /** Section 5b: the same pages on PostgreSQL with workers (full runs only). */
  scaleOut?: ScaleOutResult;
  durability?: DurabilityResult;
  errors: { section: string; message: string }[];
}
