import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/open";
import {
  handAgency,
  insertAgencies,
  insertReports,
  randomSource,
  yearOfReports,
} from "../../tests/support/book-dataset";
import { createTestDatabase } from "../../tests/support/test-database";
import { AuditPool } from "./audit-pool";
import { readBookTables } from "./book-store";
import { releaseBook } from "./release-job";

// The release job's audit threads: the same books as auditing in the job's own thread, in the same order.
const rules = { k: 5, agencyMinReports: 20 };
const agencies = [
  handAgency("midwest", "IL", "500+"),
  handAgency("midwest", "IN", "1-24"),
  handAgency("midwest", "OH", "500+"),
  handAgency("midwest", "MI", "25-99"),
  handAgency("south", "TX", "500+"),
  handAgency("south", "GA", "100-499"),
];
let inThread: OpenDatabase;
let inPool: OpenDatabase;

async function seeded(): Promise<OpenDatabase> {
  const database = await createTestDatabase();
  await insertAgencies(database.db, agencies);
  await insertReports(
    database.db,
    yearOfReports(
      randomSource(7),
      agencies.map((agency, i) => ({ agency, perQuarter: [45, 2, 15, 6, 15, 25][i]! })),
      2025,
      {
        unlinkedPerRegion: 40,
        regions: ["midwest", "south"],
      },
    ),
  );
  await sql`INSERT INTO app_meta (key, value) VALUES ('release_book_first_quarter', '2025-Q1')`.execute(database.db);
  return database;
}

beforeAll(async () => {
  [inThread, inPool] = [await seeded(), await seeded()];
});
afterAll(async () => {
  await inThread.close();
  await inPool.close();
});

describe("audit threads", () => {
  it("release the same books as the job's own thread", async () => {
    const a = await releaseBook(inThread.db, { today: "2026-02-01", rules, workers: 0 });
    const lines: string[] = [];
    const b = await releaseBook(inPool.db, { today: "2026-02-01", rules, workers: 2, log: (line) => lines.push(line) });
    expect(lines.join("\n")).toMatch(/2 audit threads/);
    expect(b.releases).toBe(a.releases);
    expect(b.lpSolves).toBe(a.lpSolves);
    expect(b.complements).toBe(a.complements);
    for (const agency of agencies) {
      const tables = await readBookTables(inPool.db, agency.id);
      expect(tables.length).toBeGreaterThan(0);
      expect(tables).toEqual(await readBookTables(inThread.db, agency.id));
    }
  });

  it("stop with the release: audits still running are dropped, and nothing of the year is stored", async () => {
    const stopped = await seeded();
    try {
      // Stops at the third agency, with the first two still on the threads (vitest fails the run on a
      // rejection nobody handles, which is what closing the pool used to leave behind).
      let calls = 0;
      const signal = {
        throwIfAborted: () => {
          if (++calls === 3) throw new DOMException("This operation was aborted", "AbortError");
        },
      } as AbortSignal;
      await expect(releaseBook(stopped.db, { today: "2026-02-01", rules, workers: 2, signal })).rejects.toThrow(
        /aborted/,
      );
      for (const agency of agencies) expect(await readBookTables(stopped.db, agency.id)).toEqual([]);
    } finally {
      await stopped.close();
    }
  });

  it("reject a job that fails with its error and go on with the next", async () => {
    const pool = AuditPool.open(1)!;
    try {
      await expect(pool.audit([{ period: "2025-Q1", frozen: true } as never], { k: 5 })).rejects.toThrow(
        /Period 2025-Q1 was released but its statuses are missing/,
      );
      await expect(pool.audit([], { k: 5 })).resolves.toMatchObject({ status: [], stats: { lpSolves: 0 } });
    } finally {
      await pool.close();
    }
    await expect(pool.audit([], { k: 5 })).rejects.toThrow(/closed/);
  });
});
