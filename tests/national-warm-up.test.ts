// The server warms the national figures at start-up and after each daily publication, from analytics/
// as tsx loads it, while its routes run the copy bundled into build/index.js (the warm-up
// filled a cache of its own and the first national page after a start computed its figures afresh).
// Here the warm-up runs from source as server/index.ts and orchestration/jobs.ts run it, and the page comes
// from the built app through the server's Express stack.
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpRollupVersion } from "../analytics/rollups/rollup-version";
import { nationalCacheStats } from "../analytics/source";
import { warmNationalCache } from "../analytics/warm-national-cache";
import type { OpenDatabase } from "../db/open";
import { createServerApp } from "../server/app";
import { runDailyJobs } from "../orchestration/jobs";
import { approveTestReport, testServerKey } from "./review/review-fixtures";
import { createTestUser, signInTestUser } from "./support/test-accounts";
import { createTestContext } from "./support/test-context";
import { createSeededTestDatabase } from "./support/test-database";

const root = path.resolve(import.meta.dirname, "..");
const { key, text } = testServerKey();
let build: ServerBuild;
const opened: { database: OpenDatabase; server: Server }[] = [];

beforeAll(async () => {
  build = (await import(path.join(root, "build", "index.js"))) as ServerBuild;
});
afterAll(async () => {
  for (const { database, server } of opened) {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  }
});

/** A server on a freshly seeded database (the same data each time), and its national page as an analyst gets it. */
async function startOnNewDatabase() {
  const database = await createSeededTestDatabase({ reports: 3000, seed: 18, agencies: 40 });
  const analyst = await signInTestUser(database.db, await createTestUser(database.db, "national_analyst"));
  const { cspNonce: _, ...context } = createTestContext(database, { intakeKey: text });
  const app = createServerApp({ context, build, publicDir: path.join(root, "public") });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  opened.push({ database, server });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/national`;
  /** Runs `work` and says how many national figures it computed (cache misses) in this process. */
  const computedBy = async (work: () => Promise<unknown>) => {
    const before = nationalCacheStats(database.db).misses;
    await work();
    return nationalCacheStats(database.db).misses - before;
  };
  const nationalPage = () =>
    computedBy(async () => {
      const response = await fetch(url, { headers: { cookie: analyst.cookie } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("National view");
    });
  return { database, computedBy, nationalPage, config: context.config };
}

describe("the national cache the routes read", () => {
  it("is the one the start-up warm-up fills: the first national page after a start is a cache hit", async () => {
    const cold = await startOnNewDatabase();
    const computedCold = await cold.nationalPage(); // what the first visitor paid without a warm-up
    const warm = await startOnNewDatabase();
    // what server/index.ts runs at start-up
    const computedByWarmUp = await warm.computedBy(() => warmNationalCache(warm.database.db));
    expect(computedCold).toBeGreaterThan(0);
    expect(computedByWarmUp).toBe(computedCold);
    expect(await warm.nationalPage()).toBe(0);
  });

  it("is the one the daily job warms after it publishes", async () => {
    const server = await startOnNewDatabase();
    await bumpRollupVersion(server.database.db); // a change of data that warmed nothing
    expect(await server.nationalPage()).toBeGreaterThan(0);
    await approveTestReport(server.database.db, key);
    const lines: string[] = [];
    const computedByJob = await server.computedBy(() =>
      runDailyJobs(server.database.db, server.config, (l) => lines.push(l), { publish: true }),
    );
    expect(lines).toContain("Publication batch: 1 report(s) published.");
    expect(computedByJob).toBeGreaterThan(0);
    expect(await server.nationalPage()).toBe(0);
  });
});
