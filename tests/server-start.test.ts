import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/open";
import { startServer } from "./support/run-server";

const dataDir = mkdtempSync(path.join(tmpdir(), "closecall-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function reportCount(): Promise<number> {
  const database = await openDatabase({ location: path.join(dataDir, "closecall.duckdb") });
  try {
    const row = await database.db
      .selectFrom("reports")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return row.n;
  } finally {
    await database.close();
  }
}

describe("npm start", () => {
  it("migrates, seeds on first start, serves the home page and /healthz, and shuts down cleanly", async () => {
    const server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "1500", NODE_ENV: "development" });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });

      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain("Share a near miss");
      expect(html).toContain("Read reports");
      expect(html).toContain("Partner sign-in");
      // No third-party resources: every src/href is relative or a same-page anchor.
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(urls.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);

      const missing = await fetch(`${server.url}/no-such-page`);
      expect(missing.status).toBe(404);

      expect(server.output()).toContain("First start");
      expect(server.output()).toMatch(/reviewer1@demo\.closecall\.test/);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
    // The process's last output can come through its pipe after it has exited.
    await expect.poll(() => server.output()).toContain("Database checkpointed and closed.");
    expect(await reportCount()).toBe(1500);
  });

  it("does not reseed on a second start", async () => {
    const server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "1500", NODE_ENV: "development" });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(server.output()).not.toContain("First start");
    } finally {
      expect(await server.stop("SIGINT")).toBe(0);
    }
    expect(await reportCount()).toBe(1500);
  });

  it("in production refuses demo data and accounts unless --demo is given", async () => {
    const prodDir = mkdtempSync(path.join(tmpdir(), "closecall-prod-"));
    try {
      const server = await startServer({ DATA_DIR: prodDir, SEED_REPORTS: "500", NODE_ENV: "production" });
      try {
        expect(server.output()).not.toContain("First start");
        expect(server.output()).not.toContain("demo.closecall.test");
        expect(server.output()).toContain("demo accounts are disabled");
      } finally {
        await server.stop();
      }
      const explicit = await startServer({ DATA_DIR: prodDir, SEED_REPORTS: "500", NODE_ENV: "production" }, [
        "--demo",
      ]);
      try {
        expect(explicit.output()).toContain("First start");
        expect(explicit.output()).toContain("Demo mode");
      } finally {
        await explicit.stop();
      }
    } finally {
      rmSync(prodDir, { recursive: true, force: true });
    }
  });
});
