import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findReports } from "../db/library/explore-reports";
import { emptyFilters } from "../domain/library-query";
import { anonymousViewer } from "../db/library/published-columns";
import { indexReport, rebuildSearchIndex, removeFromIndex } from "../db/library/search-index";
import type { OpenDatabase } from "../db/open";
import { createLibraryDatabase } from "./support/library-database";

let database: OpenDatabase;
beforeAll(async () => {
  database = await createLibraryDatabase(1500, 5);
});
afterAll(async () => {
  await database.close();
});

const relevance = { column: "relevance", descending: true } as const;
const search = (q: string, extra = {}) =>
  findReports(database.db, { ...emptyFilters, q, ...extra }, relevance, { page: 1, size: 10 }, anonymousViewer);

async function publish(publicNumber: string, title: string): Promise<string> {
  const id = crypto.randomUUID();
  await database.db
    .insertInto("reports")
    .values({
      id,
      public_number: publicNumber,
      taxonomy_version: 1,
      title,
      summary: "A zebra escaped from [a travelling circus] and ran across the interstate while I was setting flares.",
      lessons: "Expect the unexpected on the roadway; keep your eyes on traffic.",
      incident_type: "roadway_operations",
      loss_potential: "serious_injury",
      event_month: "2026-05-01",
      time_block: "20-24",
      light: "dark_unlit",
      weather: "rain",
      officers_band: "1",
      assignment: "traffic",
      service_band: "6-10",
      census_region: "west",
      published_month: "2026-11-01",
    })
    .execute();
  await database.db
    .insertInto("report_factors")
    .values([
      { report_id: id, factor_code: "hc_animal" },
      { report_id: id, factor_code: "hc_roadway_exposure" },
    ])
    .execute();
  return id;
}

describe("incremental indexing at publication", () => {
  it("indexReport makes a newly published report findable, filterable and newest", async () => {
    expect((await search("zebra")).total).toBe(0);
    const id = await publish("2026-90001", "Zebra on the interstate during a crash scene");
    await indexReport(database.db, id);
    const found = await search("zebras");
    expect(found.rows.map((r) => r.publicNumber)).toEqual(["2026-90001"]);
    expect([...found.rows[0]!.factorCodes].sort()).toEqual(["hc_animal", "hc_roadway_exposure"]);
    const filtered = await search("zebra", {
      factors: ["hc_animal", "hc_roadway_exposure"],
      factorMatch: "all",
      families: ["hazardous_conditions"],
      light: ["dark_unlit"],
    });
    expect(filtered.total).toBe(1);
    const newest = await findReports(
      database.db,
      emptyFilters,
      { column: "published", descending: true },
      { page: 1, size: 1 },
      anonymousViewer,
    );
    expect(newest.rows[0]!.publicNumber).toBe("2026-90001");
  });

  it("re-indexing a report replaces it, and removal takes it out", async () => {
    const id = (
      await database.db
        .selectFrom("reports")
        .select("id")
        .where("public_number", "=", "2026-90001")
        .executeTakeFirstOrThrow()
    ).id;
    await database.db
      .updateTable("reports")
      .set({ title: "Zebra and a llama on the interstate" })
      .where("id", "=", id)
      .execute();
    await indexReport(database.db, id);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM library_documents WHERE report_id = ${id}`.execute(database.db);
    expect(rows[0]!.n).toBe(1);
    expect((await search("llama")).total).toBe(1);
    await removeFromIndex(database.db, id);
    expect((await search("zebra")).total).toBe(0);
    // Withdrawn from publication: gone from reports, so indexReport (and any rebuild) leaves it out.
    await database.db.deleteFrom("report_factors").where("report_id", "=", id).execute();
    await database.db.deleteFrom("reports").where("id", "=", id).execute();
    await indexReport(database.db, id);
    expect((await search("zebra")).total).toBe(0);
    const postings = await sql<{ n: number }>`SELECT count(*) AS n FROM search_postings p WHERE NOT EXISTS (
      SELECT 1 FROM library_documents d WHERE d.doc_id = p.doc_id)`.execute(database.db);
    expect(postings.rows[0]!.n).toBe(0);
  });

  it("re-indexing an older report keeps its place in 'newest first' (as when an agency leaves)", async () => {
    const newest = async () =>
      (
        await findReports(
          database.db,
          emptyFilters,
          { column: "published", descending: true },
          { page: 1, size: 5 },
          anonymousViewer,
        )
      ).rows.map((r) => r.publicNumber);
    const before = await newest();
    const oldest = await database.db
      .selectFrom("library_documents")
      .select(["report_id", "doc_id"])
      .orderBy("doc_id")
      .limit(3)
      .execute();
    for (const doc of oldest) await indexReport(database.db, doc.report_id);
    expect(await newest()).toEqual(before);
    const after = await database.db
      .selectFrom("library_documents")
      .select(["report_id", "doc_id"])
      .where(
        "report_id",
        "in",
        oldest.map((d) => d.report_id),
      )
      .orderBy("doc_id")
      .execute();
    expect(after).toEqual(oldest);
  });

  it("runs inside the caller's transaction: a rolled-back publication leaves no trace", async () => {
    const before = await sql<{ n: number }>`SELECT count(*) AS n FROM library_documents`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        const id = crypto.randomUUID();
        await trx
          .insertInto("reports")
          .values({
            id,
            public_number: "2026-90002",
            taxonomy_version: 1,
            title: "Quokka sighting",
            summary: "A quokka.",
            lessons: "None.",
            incident_type: "other",
            loss_potential: "property_damage",
            event_month: "2026-05-01",
            time_block: null,
            light: null,
            weather: null,
            officers_band: null,
            assignment: null,
            service_band: null,
            census_region: "west",
            published_month: "2026-11-01",
          })
          .execute();
        await indexReport(trx, id);
        throw new Error("publication failed later");
      }),
    ).rejects.toThrow("publication failed later");
    const after = await sql<{ n: number }>`SELECT count(*) AS n FROM library_documents`.execute(database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await search("quokka")).total).toBe(0);
  });

  it("a rebuild gives the same documents and postings as before, and new doc ids continue after it", async () => {
    const count = async () =>
      (
        await sql<{ d: number; p: number }>`
      SELECT (SELECT count(*) FROM library_documents) AS d, (SELECT count(*) FROM search_postings) AS p`.execute(
          database.db,
        )
      ).rows[0]!;
    const before = await count();
    const rebuilt = await rebuildSearchIndex(database.db);
    expect({ d: rebuilt.documents, p: rebuilt.postings }).toEqual(before);
    const id = await publish("2026-90003", "Zebra again");
    await indexReport(database.db, id);
    const { rows } = await sql<{ max_id: number; n: number }>`
      SELECT max(doc_id) AS max_id, count(*) AS n FROM library_documents`.execute(database.db);
    expect(rows[0]!.max_id).toBe(rows[0]!.n);
  });
});
