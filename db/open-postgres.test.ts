import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaColumns } from "./database";
import { UnsafeIntegerError } from "./dialect/duckdb-values";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations/index";
import type { OpenStore } from "./open";
import { openPostgres, withoutPassword } from "./open-postgres";
import { createPostgresDatabase, testBackends } from "../tests/support/test-backends";

// PostgreSQL as the system of record (issue 18): the same migrations give the same tables and columns,
// and values come back as the DuckDB dialect returns them (db/dialect/duckdb-dialect.test.ts).
testBackends(); // for its clean-up: the cluster is stopped after the last test
let database: OpenStore;
let url: string;
beforeAll(async () => {
  url = await createPostgresDatabase();
  database = await openPostgres(url);
});
afterAll(() => database?.close());

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
}

/** PostgreSQL's information_schema spelling → the DuckDB spelling of db/schema/columns.ts. */
const duckdbName: Record<string, string> = {
  uuid: "UUID",
  "character varying": "VARCHAR",
  integer: "INTEGER",
  bigint: "BIGINT",
  "double precision": "DOUBLE",
  date: "DATE",
  "timestamp with time zone": "TIMESTAMP",
  boolean: "BOOLEAN",
  bytea: "BLOB",
};

async function actualColumns(): Promise<Record<string, Record<string, string>>> {
  const { rows } = await sql<ColumnRow>`
    SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name, ordinal_position`.execute(database.db);
  const enums = await sql<{ name: string; members: string[] }>`
    SELECT t.typname AS name, array_agg(e.enumlabel::VARCHAR ORDER BY e.enumsortorder) AS members
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`.execute(database.db);
  const enumOf = new Map(enums.rows.map((e) => [e.name, `ENUM(${e.members.map((m) => `'${m}'`).join(", ")})`]));
  const typeOf = (row: ColumnRow) =>
    row.data_type === "ARRAY"
      ? `${duckdbName[row.udt_name === "_varchar" ? "character varying" : row.udt_name]}[]`
      : row.data_type === "USER-DEFINED"
        ? enumOf.get(row.udt_name)
        : (duckdbName[row.data_type] ?? row.data_type);
  const tables: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    (tables[row.table_name] ??= {})[row.column_name] = `${typeOf(row)}${row.is_nullable === "YES" ? "?" : ""}`;
  }
  return tables;
}

describe("openPostgres", () => {
  it("builds the schema of the Database interface from the same migrations", async () => {
    // The test database is a copy of a template migrated once per file: every migration is recorded.
    const recorded = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(database.db);
    expect(recorded.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    expect(await actualColumns()).toEqual(schemaColumns);
  });

  it("applies nothing on a second open or run, and keeps the taxonomy seeded once", async () => {
    const again = await openPostgres(url);
    try {
      expect(again.applied).toEqual([]);
      expect(await migrateToLatest(again.db)).toEqual([]);
      const row = await again.db
        .selectFrom("taxonomy_terms")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(row.n).toBeGreaterThan(100);
    } finally {
      await again.close();
    }
  });

  it("names its location without the password", () => {
    expect(withoutPassword("postgresql://app:s3cret@db.example:5432/closecall")).toBe(
      "postgresql://app@db.example:5432/closecall",
    );
    expect(withoutPassword("postgresql://app@/closecall?host=/run/pg&password=s3cret&port=5")).toBe(
      "postgresql://app@/closecall?host=/run/pg&password=&port=5",
    );
    expect(database.location).toBe(url);
  });
});

interface Scratch {
  t: { id: number; big: number | null; d: string | null; ts: Date | null; amount: number | null; b: Uint8Array | null };
}

describe("values on PostgreSQL, as the DuckDB dialect returns them", () => {
  let db: Kysely<Scratch>;
  beforeAll(async () => {
    db = database.db as unknown as Kysely<Scratch>;
    await sql`CREATE TABLE t (id INTEGER, big BIGINT, d DATE, ts TIMESTAMPTZ, amount NUMERIC(12, 2), b BYTEA)`.execute(
      db,
    );
  });

  it("count(*), BIGINT, sums and NUMERIC as numbers; an unsafe BIGINT fails loudly", async () => {
    await db
      .insertInto("t")
      .values([
        { id: 1, big: 2 ** 40, amount: 12.34 },
        { id: 2, big: 1, amount: null },
      ])
      .execute();
    const row = await db
      .selectFrom("t")
      .select((eb) => [
        eb.fn.countAll<number>().as("count"),
        eb.fn.sum<number>("big").as("s"),
        eb.fn.max("amount").as("a"),
      ])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ count: 2, s: 2 ** 40 + 1, a: 12.34 });
    await expect(sql`select (-9007199254740993)::BIGINT as b`.execute(db)).rejects.toThrow(UnsafeIntegerError);
  });

  it("DATE as the 'YYYY-MM-DD' string, whatever the process's time zone", async () => {
    await db.insertInto("t").values({ id: 3, d: "2026-03-01" }).execute();
    const row = await db.selectFrom("t").select("d").where("id", "=", 3).executeTakeFirstOrThrow();
    expect(row.d).toBe("2026-03-01");
  });

  it("TIMESTAMP as the same instant, also when the process is not on UTC; days are UTC days", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const instant = new Date("2026-03-01T02:30:00.123Z"); // still 28 February in New York
      await db.insertInto("t").values({ id: 4, ts: instant }).execute();
      const { rows } = await sql<{ ts: Date; day: string; wall: Date }>`
        SELECT ts, ts::DATE AS day, ts::TIMESTAMP AS wall FROM t WHERE id = 4`.execute(db);
      expect(rows[0]!.ts.getTime()).toBe(instant.getTime());
      expect(rows[0]!.day).toBe("2026-03-01");
      expect(rows[0]!.wall.getTime()).toBe(instant.getTime());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("arrays of BIGINT, DATE and TIMESTAMP as DuckDB's lists come back", async () => {
    const { rows } = await sql<{ bs: number[]; ds: string[]; ts: Date[] }>`
      SELECT ARRAY[1::BIGINT, NULL, 2] AS bs, ARRAY[DATE '2026-03-01'] AS ds,
        ARRAY[TIMESTAMP '2026-03-01 02:30:00'] AS ts`.execute(db);
    expect(rows[0]).toEqual({ bs: [1, null, 2], ds: ["2026-03-01"], ts: [new Date("2026-03-01T02:30:00Z")] });
  });

  it("BYTEA as a Uint8Array", async () => {
    await db
      .insertInto("t")
      .values({ id: 5, b: new Uint8Array([0, 1, 254, 255]) })
      .execute();
    const row = await db.selectFrom("t").select("b").where("id", "=", 5).executeTakeFirstOrThrow();
    expect(row.b).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(Buffer.isBuffer(row.b)).toBe(false);
  });
});
