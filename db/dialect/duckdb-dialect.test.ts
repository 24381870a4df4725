import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../open";
import { UnsafeIntegerError } from "./duckdb-values";

// Each case below is a defect of the npm kysely-duckdb dialect that ours must not have (docs/design.md §4).
interface Scratch {
  t: {
    id: number;
    big: number | null;
    d: string | null;
    ts: Date | null;
    tags: string[] | null;
    amount: number | null;
  };
}

let database: OpenDatabase;
let db: Kysely<Scratch>;

beforeAll(async () => {
  database = await openDatabase({ location: ":memory:" });
  db = database.db as unknown as Kysely<Scratch>;
  await sql`CREATE TABLE t (id INTEGER, big BIGINT, d DATE, ts TIMESTAMP, tags VARCHAR[],
      amount DECIMAL(12, 2))`.execute(db);
});

afterAll(async () => {
  await database.close();
});

describe("DuckDB Kysely dialect", () => {
  it("returns the row of `count(*) as count`", async () => {
    await db
      .insertInto("t")
      .values([{ id: 1 }, { id: 2 }, { id: 3 }])
      .execute();
    const row = await db
      .selectFrom("t")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirst();
    expect(row).toEqual({ count: 3 });
    const raw = await sql<{ count: number }>`select count(*) as count from t`.execute(db);
    expect(raw.rows).toEqual([{ count: 3 }]);
    await db.deleteFrom("t").execute();
  });

  it("reports affected rows for inserts, updates and deletes", async () => {
    const inserted = await db
      .insertInto("t")
      .values([{ id: 10 }, { id: 11 }])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const updated = await db.updateTable("t").set({ big: 5 }).where("id", ">=", 10).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await db.deleteFrom("t").where("id", "=", 10).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(1n);
    const returned = await db.insertInto("t").values({ id: 12 }).returning(["id"]).execute();
    expect(returned).toEqual([{ id: 12 }]);
    await db.deleteFrom("t").execute();
  });

  it("returns BIGINT and HUGEINT as numbers where safe", async () => {
    await db.insertInto("t").values({ id: 1, big: Number.MAX_SAFE_INTEGER }).execute();
    const row = await db.selectFrom("t").select("big").executeTakeFirstOrThrow();
    expect(row.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(typeof row.big).toBe("number");
    const huge = await sql<{ h: number; s: number }>`select 42::HUGEINT as h, sum(big) as s from t`.execute(db);
    expect(huge.rows[0]).toEqual({ h: 42, s: Number.MAX_SAFE_INTEGER });
    await db.deleteFrom("t").execute();
  });

  it("fails loudly when a BIGINT or HUGEINT cannot be a safe number", async () => {
    await expect(sql`select 9007199254740993::BIGINT as b`.execute(db)).rejects.toThrow(UnsafeIntegerError);
    await expect(sql`select (-9007199254740993)::HUGEINT as b`.execute(db)).rejects.toThrow(
      /outside JavaScript's safe range/,
    );
  });

  it("returns DECIMAL as a number", async () => {
    const { rows } = await sql<{ v: number }>`select 12.34::DECIMAL(12, 2) as v`.execute(db);
    expect(rows[0]!.v).toBe(12.34);
  });

  it.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])(
    "round-trips DATE and TIMESTAMP without time-zone shifts under TZ=%s",
    async (tz) => {
      const previous = process.env.TZ;
      process.env.TZ = tz;
      try {
        const when = new Date("2024-03-10T01:30:00.000Z"); // the night US clocks change
        await db.insertInto("t").values({ id: 1, d: "2024-03-10", ts: when }).execute();
        const row = await db.selectFrom("t").select(["d", "ts"]).executeTakeFirstOrThrow();
        expect(row.d).toBe("2024-03-10");
        expect(row.ts).toBeInstanceOf(Date);
        expect(row.ts!.toISOString()).toBe("2024-03-10T01:30:00.000Z");
        const filtered = await db.selectFrom("t").select("id").where("d", "=", "2024-03-10").execute();
        expect(filtered).toHaveLength(1);
        const literal = await sql<{ d: string }>`select DATE '2024-01-01' as d`.execute(db);
        expect(literal.rows[0]!.d).toBe("2024-01-01");
      } finally {
        process.env.TZ = previous;
        await db.deleteFrom("t").execute();
      }
    },
  );

  it("round-trips LIST columns, including empty lists and NULL", async () => {
    await db
      .insertInto("t")
      .values([
        { id: 1, tags: ["hc_low_light", "st_ambush"] },
        { id: 2, tags: [] },
        { id: 3, tags: null },
      ])
      .execute();
    const rows = await db.selectFrom("t").select(["id", "tags"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: 1, tags: ["hc_low_light", "st_ambush"] },
      { id: 2, tags: [] },
      { id: 3, tags: null },
    ]);
    const any = await sql<{
      id: number;
    }>`select id from t where list_has_any(tags, ${["st_ambush", "x"]}) order by id`.execute(db);
    expect(any.rows).toEqual([{ id: 1 }]);
    await db.deleteFrom("t").execute();
  });

  it("commits a transaction", async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: 100 }).execute();
      await trx.insertInto("t").values({ id: 101 }).execute();
    });
    const rows = await db.selectFrom("t").select("id").orderBy("id").execute();
    expect(rows.map((r) => r.id)).toEqual([100, 101]);
    await db.deleteFrom("t").execute();
  });

  it("rolls a transaction back when it throws", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("t").values({ id: 200 }).execute();
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const rows = await db.selectFrom("t").select("id").execute();
    expect(rows).toEqual([]);
  });

  it("binds NULL, booleans, strings and numbers as parameters", async () => {
    const { rows } = await sql<{
      a: null;
      b: boolean;
      c: string;
      n: number;
    }>`select ${null}::INTEGER as a, ${true} as b, ${"x"} as c, ${1.5} + 1 as n`.execute(db);
    expect(rows[0]).toEqual({ a: null, b: true, c: "x", n: 2.5 });
  });

  it("streams large results in chunks", async () => {
    const seen: number[] = [];
    const range = sql<{ i: number }>`(select range::INTEGER as i from range(5000))`.as("r");
    for await (const row of db.selectFrom(range).select("r.i").stream()) {
      seen.push(row.i);
    }
    expect(seen).toHaveLength(5000);
    expect(seen[4999]).toBe(4999);
  });
});
